//! The native Rust API against the emulator: every scenario of `rust_api/scenarios.rs` (the
//! same ones `tests/js/rust-api-scenarios.test.mjs` runs compiled to wasm32, over gloo-net), each
//! with its own emulator process, over reqwest; and what only a native build can check.
#![cfg(all(feature = "rust-api", not(target_arch = "wasm32")))]

#[macro_use]
#[path = "rust_api/scenarios.rs"]
mod scenarios;

use composio_wasm::Composio;
use scenarios::{Emulator, KEY};
use tokio::process::Command;

/// One `#[tokio::test]` per scenario, each with a fresh emulator.
macro_rules! native_tests {
    ($($name:ident),* $(,)?) => {$(
        #[tokio::test]
        async fn $name() {
            let emu = Emulator::start().await;
            scenarios::$name(&emu).await;
        }
    )*};
}

scenarios!(native_tests);

#[test]
fn clients_and_calls_are_send() {
    fn send<T: Send + Sync>(_: &T) {}
    let client = Composio::builder().api_key(KEY).build().unwrap();
    send(&client);
    let create = client.sessions().create("u");
    send(&create);
    fn send_future<F: std::future::Future + Send>(_: F) {}
    send_future(create.send());
}

#[tokio::test]
async fn the_native_example_runs_the_flow() {
    // A full `cargo test` builds the examples next to this test's binary
    // (target/<profile>/examples); `cargo test --test rust_api` does not, so build it then.
    let exe = std::env::current_exe().unwrap();
    let examples = exe.parent().unwrap().parent().unwrap().join("examples");
    let bin = examples.join(format!("native{}", std::env::consts::EXE_SUFFIX));
    if !bin.exists() {
        let built = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--example", "native"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .await
            .unwrap();
        assert!(built.success());
    }
    assert!(bin.exists(), "{} not built", bin.display());
    let emu = Emulator::start().await;
    let out = Command::new(bin)
        .env("COMPOSIO_API_KEY", KEY)
        .env("COMPOSIO_BASE_URL", &emu.url)
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("session=trs_")
            && stdout.ends_with(" tools=6 execute_ok=true deleted=true\n"),
        "{stdout}"
    );
    assert_eq!(
        emu.lines().await,
        [
            "POST /api/v3.1/tool_router/session",
            "GET /api/v3.1/tool_router/session/trs_*/tools?limit=500",
            "POST /api/v3.1/tool_router/session/trs_*/execute",
            "DELETE /api/v3.1/tool_router/session/trs_*",
        ]
    );
}
