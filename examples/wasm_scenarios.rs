//! Not an example to copy: the test harness that runs the Rust API's behaviour scenarios
//! (`tests/rust_api/scenarios.rs`, the same ones `cargo test` runs natively over reqwest) on
//! wasm32, over gloo-net. Each scenario is an exported async function taking the URL of an
//! emulator the JS driver started (`tests/js/rust-api-scenarios.test.mjs`) and a URL nothing
//! listens on; a failed assertion panics, and the panic hook hands its message to the driver
//! (`globalThis.onRustPanic`) before the wasm instance traps.
//! Built by scripts/build-rust-example.sh.
#![cfg(target_arch = "wasm32")]

#[macro_use]
#[path = "../tests/rust_api/scenarios.rs"]
mod scenarios;

use scenarios::Emulator;
use wasm_bindgen::prelude::*;

/// Hands a panic's message (with its location) to `globalThis.onRustPanic`, which the JS driver
/// sets: the trap that follows happens inside a promise job, so the scenario's own promise would
/// never settle.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let global = js_sys::global();
        let callback = js_sys::Reflect::get(&global, &JsValue::from_str("onRustPanic"));
        if let Ok(f) = callback.and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = f.call1(&global, &JsValue::from_str(&info.to_string()));
        }
    }));
}

/// One export per scenario, and `scenario_names()` listing them (in order).
macro_rules! wasm_exports {
    ($($name:ident),* $(,)?) => {
        $(
            #[wasm_bindgen]
            pub async fn $name(url: String, refused_url: String) {
                report_panics();
                scenarios::$name(&Emulator::attach(url, refused_url)).await;
            }
        )*

        /// The scenarios' names, in the order they are declared.
        #[wasm_bindgen]
        pub fn scenario_names() -> Vec<String> {
            vec![$(stringify!($name).to_string()),*]
        }
    };
}

scenarios!(wasm_exports);

/// The API key the emulators must accept.
#[wasm_bindgen]
pub fn scenario_key() -> String {
    scenarios::KEY.to_string()
}
