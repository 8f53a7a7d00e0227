//! Using composio-wasm from Rust compiled to wasm, the way a workers-rs worker would inside its
//! fetch handler: build a client, create a session, list its tools, run a tool, clean up.
//!
//! Build: `cargo build --example rust_worker --target wasm32-unknown-unknown`, then
//! `wasm-bindgen --target web` on the `.wasm`. In a workers-rs worker, call the same API from
//! `#[event(fetch)]` with the key from `env.secret("COMPOSIO_API_KEY")`.
#![cfg(target_arch = "wasm32")]

use composio_wasm::json::Json;
use composio_wasm::wasm::rust_api::{Composio, ComposioOptions};
use composio_wasm::wasm::Error;
use wasm_bindgen::prelude::*;

fn to_js(e: Error) -> JsValue {
    // An API error carries what the body said; `Error` never holds the API key.
    if let Error::Api {
        status,
        code: Some(code),
        request_id,
        ..
    } = &e
    {
        let id = request_id.as_deref().unwrap_or("-");
        return JsValue::from_str(&format!("{status} code={code} request_id={id}: {e}"));
    }
    JsValue::from_str(&e.to_string())
}

/// Runs the flow and returns a one-line summary.
#[wasm_bindgen]
pub async fn handle(base_url: String, api_key: String) -> Result<String, JsValue> {
    let composio = Composio::new(ComposioOptions {
        api_key: Some(api_key),
        base_url: Some(base_url),
        ..Default::default()
    })
    .map_err(to_js)?;

    let toolkits = Json::Arr(vec![Json::str("hackernews"), Json::str("gmail")]);
    let session = composio
        .create("user_rust", Json::object([("toolkits", Some(toolkits))]))
        .await
        .map_err(to_js)?;

    let tools = session.tools().await.map_err(to_js)?;
    let tool_count = tools.as_array().map_or(0, |t| t.len());

    let result = session
        .execute("HACKERNEWS_GET_FRONTPAGE", Json::obj())
        .await
        .map_err(to_js)?;
    let ok = matches!(result.get("error"), Some(Json::Null));

    // Bad input is a typed error before any request.
    let refused = match composio.create("", Json::Null).await {
        Err(Error::Invalid(i)) => i.message(),
        other => format!("unexpected: {:?}", other.map(|s| s.id().to_string())),
    };

    let deleted = session.delete().await.map_err(to_js)?;
    let deleted = matches!(deleted.get("deleted"), Some(Json::Bool(true)));

    Ok(format!(
        "session={} tools={tool_count} execute_ok={ok} deleted={deleted} refused={refused}",
        session.id()
    ))
}

/// The rest of the session surface from Rust: search with a toolkit filter, OpenAI-format tools,
/// `ensure_connected`, the files mount.
#[wasm_bindgen]
pub async fn tour(base_url: String, api_key: String) -> Result<String, JsValue> {
    let composio = Composio::new(ComposioOptions {
        api_key: Some(api_key),
        base_url: Some(base_url),
        ..Default::default()
    })
    .map_err(to_js)?;
    let toolkits = Json::Arr(vec![Json::str("hackernews")]);
    let session = composio
        .create(
            "user_rust_tour",
            Json::object([("toolkits", Some(toolkits))]),
        )
        .await
        .map_err(to_js)?;

    let params = Json::object([
        ("query", Some(Json::str("front page stories"))),
        ("toolkits", Some(Json::Arr(vec![Json::str("hackernews")]))),
    ]);
    let found = session.search_with(params).await.map_err(to_js)?;
    let searched = matches!(found.get("success"), Some(Json::Bool(true)));

    let openai = session.openai_tools().await.map_err(to_js)?;
    let first_type = openai
        .as_array()
        .and_then(|t| t.first())
        .and_then(|t| t.get("type"))
        .and_then(Json::as_str)
        .unwrap_or("none")
        .to_string();

    let connected = session
        .ensure_connected("hackernews", 5_000.0)
        .await
        .map_err(to_js)?;
    let was = matches!(connected.get("wasConnected"), Some(Json::Bool(true)));

    let files = session.files_list(Json::Null).await.map_err(to_js)?;
    let file_count = files
        .get("items")
        .and_then(Json::as_array)
        .map_or(0, |i| i.len());

    Ok(format!(
        "searched={searched} openai={first_type} hackernews_connected={was} files={file_count}"
    ))
}
