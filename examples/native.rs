//! The Rust API natively, on tokio over reqwest: create a session, list its tools, run a tool,
//! clean up. Against the emulator:
//!
//! ```sh
//! node emulator/cli.mjs --port 8787 &
//! COMPOSIO_BASE_URL=http://127.0.0.1:8787 COMPOSIO_API_KEY=ak_test cargo run --example native
//! ```

use composio_wasm::Composio;
use serde_json::json;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // The key and base URL come from COMPOSIO_API_KEY and COMPOSIO_BASE_URL.
    let composio = Composio::builder().build()?;
    let session = composio
        .sessions()
        .create("user_native")
        .toolkits(["hackernews"])
        .send()
        .await?;
    let tools = session.tools().send().await?;
    let result = session
        .execute("HACKERNEWS_GET_FRONTPAGE")
        .arguments(json!({}))
        .send()
        .await?;
    let deleted = session.delete().send().await?;
    println!(
        "session={} tools={} execute_ok={} deleted={}",
        session.id,
        tools.len(),
        result.is_success(),
        deleted.deleted
    );
    Ok(())
}
