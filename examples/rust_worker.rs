//! Using composio-wasm from Rust compiled to wasm: a workers-rs worker (`#[event(fetch)]`,
//! below) that creates a session and executes a tool for each `POST /execute`, and the same API
//! from plain `#[wasm_bindgen]` functions. Requests go through gloo-net's fetch; no JS file of
//! the npm package is involved.
//!
//! Build: `cargo build --example rust_worker --target wasm32-unknown-unknown`, then
//! `wasm-bindgen --target web` on the `.wasm` (scripts/build-rust-example.sh, which also copies
//! the worker's entry module `examples/rust_worker_entry.mjs`: the few lines that workers-rs'
//! `worker-build` would generate). tests/runtimes/rust-worker.test.mjs runs the worker in
//! workerd through Miniflare; tests/js/rust-api.test.mjs calls the other exports in Node.
#![cfg(target_arch = "wasm32")]

use composio_wasm::{Composio, Error, ToJs};
use serde::Deserialize;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use worker::{event, Context, Env, Method, Request, Response};

/// What `POST /execute` takes.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ExecuteRequest {
    user_id: String,
    #[serde(default)]
    toolkits: Vec<String>,
    tool: String,
    #[serde(default)]
    arguments: Value,
}

/// The worker: `POST /execute {userId, toolkits, tool, arguments}` creates a session for the
/// user and runs the tool in it; answers `{sessionId, mcpUrl, result}` (the result as the npm
/// package's `session.execute` returns it). The key is the `COMPOSIO_API_KEY` secret; the
/// `COMPOSIO_BASE_URL` variable, if set, points the client elsewhere. A Composio error is a 502
/// (a 400 for bad input) whose body says what went wrong, never with the key.
#[event(fetch)]
async fn fetch(mut req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    if req.method() != Method::Post || req.path() != "/execute" {
        return Response::error("POST /execute", 404);
    }
    let body: ExecuteRequest = match req.json().await {
        Ok(body) => body,
        Err(e) => return Response::error(format!("bad request body: {e}"), 400),
    };
    let mut builder = Composio::builder().api_key(env.secret("COMPOSIO_API_KEY")?.to_string());
    if let Ok(url) = env.var("COMPOSIO_BASE_URL") {
        builder = builder.base_url(url.to_string());
    }
    match execute(builder, body).await {
        Ok(answer) => Response::from_json(&answer),
        Err(e) => {
            let status = if matches!(e, Error::Invalid { .. }) {
                400
            } else {
                502
            };
            let answer = json!({"error": e.to_string(), "status": e.status()});
            Ok(Response::from_json(&answer)?.with_status(status))
        }
    }
}

async fn execute(
    builder: composio_wasm::ComposioBuilder,
    req: ExecuteRequest,
) -> Result<Value, Error> {
    let composio = builder.build()?;
    let session = composio
        .sessions()
        .create(req.user_id)
        .toolkits(req.toolkits)
        .send()
        .await?;
    let result = session
        .execute(req.tool)
        .arguments(req.arguments)
        .send()
        .await?;
    Ok(json!({"sessionId": session.id, "mcpUrl": session.mcp.url, "result": result}))
}

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
