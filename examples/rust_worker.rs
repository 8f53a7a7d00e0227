//! Using composio-wasm from Rust compiled to wasm, the way a workers-rs worker would inside its
//! fetch handler: build a client, create a session, list its tools, run a tool, clean up.
//! Requests go through gloo-net's fetch; no JS file of the npm package is involved.
//!
//! Build: `cargo build --example rust_worker --target wasm32-unknown-unknown`, then
//! `wasm-bindgen --target web` on the `.wasm` (scripts/build-rust-example.sh). In a workers-rs
//! worker, call the same API from `#[event(fetch)]` with the key from
//! `env.secret("COMPOSIO_API_KEY")`.
#![cfg(target_arch = "wasm32")]

use composio_wasm::{Composio, Error, ToJs};
use serde_json::json;
use wasm_bindgen::prelude::*;

fn client(base_url: String, api_key: String) -> Result<Composio, Error> {
    Composio::builder()
        .api_key(api_key)
        .base_url(base_url)
        .build()
}

/// Runs the flow and returns a one-line summary. Errors reach JS as `ComposioError`s.
#[wasm_bindgen]
pub async fn handle(base_url: String, api_key: String) -> Result<String, JsValue> {
    let composio = client(base_url, api_key)?;
    let session = composio
        .sessions()
        .create("user_rust")
        .toolkits(["hackernews", "gmail"])
        .send()
        .await?;

    let tools = session.tools().raw().send().await?;

    let result = session
        .execute("HACKERNEWS_GET_FRONTPAGE")
        .arguments(json!({}))
        .send()
        .await?;

    // Bad input is a typed error before any request.
    let refused = match composio.sessions().create("").send().await {
        Err(Error::Invalid { issues, .. }) => format!("{}: {}", issues[0].path, issues[0].message),
        other => format!("unexpected: {:?}", other.map(|s| s.id.clone())),
    };

    let deleted = session.delete().send().await?;

    Ok(format!(
        "session={} tools={} execute_ok={} deleted={} refused={refused}",
        session.id,
        tools.len(),
        result.is_success(),
        deleted.deleted,
    ))
}

/// The rest of the session surface from Rust: search with a toolkit filter, OpenAI-format tools,
/// `ensure_connected`, the files mount.
#[wasm_bindgen]
pub async fn tour(base_url: String, api_key: String) -> Result<String, JsValue> {
    let composio = client(base_url, api_key)?;
    let session = composio
        .sessions()
        .create("user_rust_tour")
        .toolkits(["hackernews"])
        .send()
        .await?;

    let found = session
        .search("front page stories")
        .toolkits(["hackernews"])
        .send()
        .await?;
    let openai = session.tools().send().await?;
    let connected = session.ensure_connected("hackernews").send().await?;
    let files = session.files().list().send().await?;

    Ok(format!(
        "searched={} openai={} hackernews_connected={} files={}",
        found.success,
        openai.first().map_or("none", |t| t.tool_type.as_str()),
        connected.was_connected,
        files.items.len(),
    ))
}

/// A session as a plain JS object (through serde-wasm-bindgen), shaped as the npm package's.
#[wasm_bindgen]
pub async fn session_js(base_url: String, api_key: String) -> Result<JsValue, JsValue> {
    let composio = client(base_url, api_key)?;
    let session = composio.sessions().create("user_rust_js").send().await?;
    Ok(session.to_js()?)
}

/// The per-attempt timeout and the size limit on wasm32: a GET whose server never answers is
/// aborted after `attempt_ms` and retried (it has no side effect) until the retries run out; a
/// session answer larger than 64 bytes is refused. Returns how each call ended.
#[wasm_bindgen]
pub async fn limits(base_url: String, api_key: String, attempt_ms: u32) -> Result<String, JsValue> {
    let composio = client(base_url.clone(), api_key.clone())?;
    let session = composio
        .sessions()
        .create("user_rust_limits")
        .send()
        .await?;
    let timed_out = session
        .tools()
        .attempt_timeout(std::time::Duration::from_millis(attempt_ms.into()))
        .max_retries(1)
        .send()
        .await;
    let small = Composio::builder()
        .api_key(api_key)
        .base_url(base_url)
        .max_response_bytes(64)
        .build()?;
    let too_large = small.sessions().get(session.id.as_str()).send().await;
    let cancel = composio_wasm::CancelHandle::new();
    cancel.cancel();
    let cancelled = session
        .execute("HACKERNEWS_GET_FRONTPAGE")
        .cancel_on(&cancel)
        .send()
        .await;
    Ok(format!(
        "tools={:?} session={:?} execute={:?}",
        timed_out.err(),
        too_large.err(),
        cancelled.err()
    ))
}
