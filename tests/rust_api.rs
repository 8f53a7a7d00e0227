//! The native Rust API against the emulator (`node emulator/cli.mjs`, one per test): every
//! builder's exact request (method, path, query, body, headers, from the emulator's request log)
//! and its typed result; errors; the retry rule under fault injection; timeouts; cancellation;
//! `wait_for_connection` and `ensure_connected`.
#![cfg(all(feature = "rust-api", not(target_arch = "wasm32")))]

use composio_wasm::{CancelHandle, Composio, Error};
use serde_json::{json, Value};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const KEY: &str = "ak_rust_native";

/// An emulator process, killed when dropped.
struct Emulator {
    url: String,
    http: reqwest::Client,
    _child: Child,
}

impl Emulator {
    async fn start() -> Emulator {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut child = Command::new("node")
            .args(["emulator/cli.mjs", "--port", "0", "--api-key", KEY])
            .current_dir(root)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("node runs the emulator");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).await.unwrap();
        Emulator {
            url: line.trim().to_string(),
            http: reqwest::Client::new(),
            _child: child,
        }
    }

    fn client(&self) -> Composio {
        Composio::builder()
            .api_key(KEY)
            .base_url(&self.url)
            .build()
            .unwrap()
    }

    async fn control(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/__emulator/{path}", self.url);
        let mut req = self.http.request(method.parse().unwrap(), url);
        if let Some(body) = body {
            req = req.body(body.to_string());
        }
        let res = req.send().await.unwrap();
        let text = res.text().await.unwrap();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// The requests the API routes saw, and forgets them.
    async fn requests(&self) -> Vec<Value> {
        let log = self.control("GET", "requests", None).await;
        self.control("DELETE", "requests", None).await;
        log.as_array().unwrap().clone()
    }

    async fn fault(&self, spec: Value) {
        self.control("POST", "faults", Some(spec)).await;
    }

    /// `METHOD path?query` of each logged request, with session ids as `trs_*`.
    async fn lines(&self) -> Vec<String> {
        self.requests().await.iter().map(line).collect()
    }
}

fn line(r: &Value) -> String {
    let path = r["rawPath"].as_str().unwrap_or(r["path"].as_str().unwrap());
    let mut out = format!("{} {}", r["method"].as_str().unwrap(), path);
    if let Some(start) = out.find("trs_") {
        let end = out[start..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .map_or(out.len(), |e| start + e);
        out.replace_range(start..end, "trs_*");
    }
    out
}

fn body(r: &Value) -> Value {
    serde_json::from_str(r["rawBody"].as_str().unwrap_or("null")).unwrap_or(Value::Null)
}

async fn session(emu: &Emulator, toolkits: &[&str]) -> composio_wasm::Session {
    let s = emu
        .client()
        .sessions()
        .create("user_1")
        .toolkits(toolkits.iter().copied())
        .send()
        .await
        .unwrap();
    emu.requests().await;
    s
}

#[tokio::test]
async fn create_sends_the_config_and_reads_a_typed_session() {
    let emu = Emulator::start().await;
    let session = emu
        .client()
        .sessions()
        .create("user_123")
        .toolkits(["gmail", "hackernews"])
        .manage_connections(true)
        .auth_config("gmail", "ac_gmail_1")
        .send()
        .await
        .unwrap();
    let log = emu.requests().await;
    assert_eq!(log.len(), 1);
    assert_eq!(line(&log[0]), "POST /api/v3.1/tool_router/session");
    assert_eq!(
        body(&log[0]),
        json!({"user_id": "user_123", "toolkits": {"enable": ["gmail", "hackernews"]},
               "auth_configs": {"gmail": "ac_gmail_1"}, "manage_connections": {"enable": true}})
    );
    let headers = &log[0]["headers"];
    assert_eq!(headers["x-api-key"], KEY);
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["accept"], "application/json");
    assert_eq!(headers["x-sdk-version"], "0.19.0");

    assert!(session.id.starts_with("trs_"), "{}", session.id);
    assert_eq!(session.mcp.server_type, "http");
    assert!(session.mcp.url.starts_with(&emu.url), "{}", session.mcp.url);
    assert_eq!(session.mcp.headers["x-api-key"], KEY);
    assert_eq!(session.config["user_id"], "user_123");
    assert_eq!(session.config_version, Some(1));
    // Serialized, it is what the npm package returns; Debug never shows the key.
    let js = serde_json::to_value(&session).unwrap();
    assert_eq!(js["sessionId"], json!(session.id));
    assert_eq!(js["mcp"]["headers"]["x-api-key"], KEY);
    assert!(!format!("{session:?}").contains(KEY));
}
