//! The Rust API's behaviour scenarios, written once and run on both transports: natively over
//! reqwest by `tests/rust_api.rs` (`cargo test`), and compiled to wasm32 over gloo-net by
//! `examples/wasm_scenarios.rs`, which `tests/js/rust-api-scenarios.test.mjs` runs in Node. Each
//! scenario gets a fresh emulator and checks every builder's exact request (method, path, query,
//! body, headers, from the emulator's request log) and its typed result; errors; the retry rule
//! under fault injection; timeouts; cancellation; `wait_for_connection` and `ensure_connected`.
//!
//! Only the emulator's plumbing differs per target (`Emulator`, `sleep`, `Clock`): natively the
//! test starts `node emulator/cli.mjs` and talks to it with reqwest; on wasm32 the JS driver
//! starts it and the scenario talks to it with gloo-net.

use composio_wasm::{CancelHandle, Composio, Error};
use futures_util::future::join;
use serde_json::{json, Value};
use std::time::Duration;

/// The API key every scenario's emulator accepts.
pub const KEY: &str = "ak_rust_scenarios";

/// Every scenario, by name: `scenarios!(m)` expands to `m! { name, … }`, from which each target
/// makes its tests (so both run the same list).
#[macro_export]
macro_rules! scenarios {
    ($m:ident) => {
        $m! {
            create_sends_the_config_and_reads_a_typed_session,
            the_typed_config_setters_send_what_the_js_config_sends,
            get_update_and_delete_a_session,
            tools_in_openai_and_raw_formats,
            execute_sends_the_arguments_and_reads_the_result,
            search_with_a_toolkit_filter,
            session_toolkits_page_with_filters,
            authorize_then_wait_for_the_connection,
            ensure_connected_authorizes_and_waits,
            wait_for_connection_fails_times_out_and_is_cancelled,
            proxy_execute_sends_the_request_description,
            files_list_upload_download_delete,
            catalogue_accounts_and_auth_configs,
            bad_input_is_refused_before_any_request,
            a_wrong_key_is_an_api_error_that_converts_into_anyhow,
            a_side_effect_is_never_repeated_but_a_read_is,
            cancellation_and_the_response_size_limit,
            a_refused_connection_is_a_connection_error_with_its_source,
        }
    };
}

/// An emulator: natively a `node emulator/cli.mjs` process (killed when dropped), on wasm32 the
/// one the JS driver started.
pub struct Emulator {
    /// Its base URL.
    pub url: String,
    /// A URL on which nothing listens.
    refused: String,
    #[cfg(not(target_arch = "wasm32"))]
    http: reqwest::Client,
    #[cfg(not(target_arch = "wasm32"))]
    _child: tokio::process::Child,
}

#[cfg(not(target_arch = "wasm32"))]
impl Emulator {
    /// Starts one on a free port.
    pub async fn start() -> Emulator {
        use std::process::Stdio;
        use tokio::io::{AsyncBufReadExt, BufReader};
        let root = env!("CARGO_MANIFEST_DIR");
        let mut child = tokio::process::Command::new("node")
            .args(["emulator/cli.mjs", "--port", "0", "--api-key", KEY])
            .current_dir(root)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("node runs the emulator");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).await.unwrap();
        // A port nothing listens on.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        Emulator {
            url: line.trim().to_string(),
            refused: format!("http://127.0.0.1:{port}"),
            // The link page redirects to the callback URL, which does not exist.
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            _child: child,
        }
    }

    /// One plain HTTP request (not through the API): the status and the body text.
    async fn http(
        &self,
        method: &str,
        url: &str,
        content_type: Option<&str>,
        body: Option<String>,
    ) -> (u16, String) {
        let mut req = self.http.request(method.parse().unwrap(), url);
        if let Some(t) = content_type {
            req = req.header("content-type", t);
        }
        if let Some(body) = body {
            req = req.body(body);
        }
        let res = req.send().await.unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }
}

#[cfg(target_arch = "wasm32")]
impl Emulator {
    /// The emulator at `url` that the JS driver started; `refused` is a URL nothing listens on.
    pub fn attach(url: String, refused: String) -> Emulator {
        Emulator { url, refused }
    }

    /// One plain HTTP request (not through the API), redirects not followed: the status and
    /// the body text.
    async fn http(
        &self,
        method: &str,
        url: &str,
        content_type: Option<&str>,
        body: Option<String>,
    ) -> (u16, String) {
        use gloo_net::http::{Method, RequestBuilder};
        let mut req = RequestBuilder::new(url)
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .redirect(web_sys::RequestRedirect::Manual);
        if let Some(t) = content_type {
            req = req.header("content-type", t);
        }
        let req = match body {
            Some(body) => req.body(body).unwrap(),
            None => req.build().unwrap(),
        };
        let res = req.send().await.unwrap();
        (res.status(), res.text().await.unwrap_or_default())
    }
}

impl Emulator {
    /// A client of the emulator with the scenarios' key.
    pub fn client(&self) -> Composio {
        Composio::builder()
            .api_key(KEY)
            .base_url(&self.url)
            .build()
            .unwrap()
    }

    /// A URL on which nothing listens.
    pub fn refused_url(&self) -> String {
        self.refused.clone()
    }

    /// Calls the emulator's control API (`/__emulator/<path>`); its JSON answer.
    pub async fn control(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/__emulator/{path}", self.url);
        let (_, text) = self
            .http(method, &url, None, body.map(|b| b.to_string()))
            .await;
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// Opens a page as a browser would, without following its redirect (the link page).
    pub async fn visit(&self, url: &str) {
        self.http("GET", url, None, None).await;
    }

    /// PUTs `body` to a presigned URL.
    pub async fn put(&self, url: &str, content_type: &str, body: &str) {
        let (status, text) = self
            .http("PUT", url, Some(content_type), Some(body.to_string()))
            .await;
        assert!(status < 300, "PUT {url}: {status} {text}");
    }

    /// The text at a (presigned) URL.
    pub async fn get_text(&self, url: &str) -> String {
        self.http("GET", url, None, None).await.1
    }

    /// The requests the API routes saw (not the presigned file URLs), and forgets them.
    pub async fn requests(&self) -> Vec<Value> {
        let log = self.control("GET", "requests", None).await;
        self.control("DELETE", "requests", None).await;
        let api = |r: &&Value| r["path"].as_str().is_some_and(|p| p.starts_with("/api/"));
        log.as_array()
            .unwrap()
            .iter()
            .filter(api)
            .cloned()
            .collect()
    }

    /// Scripts a fault (`POST /__emulator/faults`).
    pub async fn fault(&self, spec: Value) {
        self.control("POST", "faults", Some(spec)).await;
    }

    /// `METHOD path?query` of each logged request, with session ids as `trs_*`.
    pub async fn lines(&self) -> Vec<String> {
        self.requests().await.iter().map(line).collect()
    }
}

/// Waits `d` (tokio's timer natively, a JS timer on wasm32).
pub async fn sleep(d: Duration) {
    #[cfg(not(target_arch = "wasm32"))]
    tokio::time::sleep(d).await;
    #[cfg(target_arch = "wasm32")]
    gloo_timers::future::TimeoutFuture::new(d.as_millis() as u32).await;
}

/// Cancels `handle` after `ms` milliseconds.
async fn cancel_after(handle: &CancelHandle, ms: u64) {
    sleep(Duration::from_millis(ms)).await;
    handle.cancel();
}

/// A stopwatch (`std::time::Instant` does not run on wasm32-unknown-unknown).
pub struct Clock(f64);

impl Clock {
    fn now_ms() -> f64 {
        #[cfg(not(target_arch = "wasm32"))]
        {
            use std::sync::OnceLock;
            static ORIGIN: OnceLock<std::time::Instant> = OnceLock::new();
            ORIGIN
                .get_or_init(std::time::Instant::now)
                .elapsed()
                .as_secs_f64()
                * 1000.0
        }
        #[cfg(target_arch = "wasm32")]
        {
            js_sys::Date::now()
        }
    }

    /// Starts it.
    pub fn start() -> Clock {
        Clock(Self::now_ms())
    }

    /// The time since `start`.
    pub fn elapsed(&self) -> Duration {
        Duration::from_secs_f64((Self::now_ms() - self.0).max(0.0) / 1000.0)
    }
}

fn line(r: &Value) -> String {
    let path = r["rawPath"].as_str().unwrap_or(r["path"].as_str().unwrap());
    let mut out = format!("{} {}", r["method"].as_str().unwrap(), path);
    let query: Vec<String> = r["query"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default()))
        .collect();
    if !query.is_empty() {
        out = format!("{out}?{}", query.join("&"));
    }
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

pub async fn create_sends_the_config_and_reads_a_typed_session(emu: &Emulator) {
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
    // Not the TypeScript SDK, so it does not say it is (the npm package sends TYPESCRIPT_SDK).
    assert_eq!(headers["x-source"], "RUST_SDK");
    assert_eq!(headers["x-runtime"], "UNKNOWN");
    assert_eq!(headers["x-framework"], "openai");

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

/// The typed setters beside `toolkits` / `manage_connections` / `auth_config`: the bodies are
/// those @composio/core 0.19.0 sends for the same JS config (`toolkits: { disable }`, `tools`,
/// `tags: { enable, disable }`, `sandbox`, `experimental.assistivePrompt`), create and update.
pub async fn the_typed_config_setters_send_what_the_js_config_sends(emu: &Emulator) {
    let s = emu
        .client()
        .sessions()
        .create("user_cfg")
        .disable_toolkits(["slack"])
        .tools("gmail", ["GMAIL_SEND_EMAIL"])
        .disable_tools("github", ["GITHUB_DELETE_A_REPOSITORY"])
        .tags(["readOnlyHint"])
        .disable_tags(["destructiveHint"])
        .sandbox_proxy_execution(false)
        .sandbox_offload_threshold(20_000)
        .user_timezone("Europe/Paris")
        .send()
        .await
        .unwrap();
    s.update()
        .disable_tools("gmail", ["GMAIL_DELETE_DRAFT"])
        .disable_tags(["openWorldHint"])
        .sandbox_proxy_execution(true)
        .send()
        .await
        .unwrap();
    let log = emu.requests().await;
    assert_eq!(
        body(&log[0]),
        json!({"user_id": "user_cfg", "toolkits": {"disable": ["slack"]},
               "tools": {"gmail": {"enable": ["GMAIL_SEND_EMAIL"]},
                         "github": {"disable": ["GITHUB_DELETE_A_REPOSITORY"]}},
               "tags": {"enable": ["readOnlyHint"], "disable": ["destructiveHint"]},
               "manage_connections": {"enable": true},
               "workbench": {"enable": true, "enable_proxy_execution": false,
                             "auto_offload_threshold": 20000},
               "experimental": {"assistive_prompt_config": {"user_timezone": "Europe/Paris"}}})
    );
    assert_eq!(
        body(&log[1]),
        json!({"tools": {"gmail": {"disable": ["GMAIL_DELETE_DRAFT"]}},
               "tags": {"disable": ["openWorldHint"]},
               "workbench": {"enable_proxy_execution": true}})
    );
    // Key order too: the bodies are the bytes @composio/core writes.
    assert_eq!(
        log[0]["rawBody"],
        r#"{"user_id":"user_cfg","toolkits":{"disable":["slack"]},"tools":{"gmail":{"enable":["GMAIL_SEND_EMAIL"]},"github":{"disable":["GITHUB_DELETE_A_REPOSITORY"]}},"tags":{"enable":["readOnlyHint"],"disable":["destructiveHint"]},"manage_connections":{"enable":true},"workbench":{"enable":true,"enable_proxy_execution":false,"auto_offload_threshold":20000},"experimental":{"assistive_prompt_config":{"user_timezone":"Europe/Paris"}}}"#
    );
    assert_eq!(
        log[1]["rawBody"],
        r#"{"tools":{"gmail":{"disable":["GMAIL_DELETE_DRAFT"]}},"tags":{"disable":["openWorldHint"]},"workbench":{"enable_proxy_execution":true}}"#
    );
}

pub async fn get_update_and_delete_a_session(emu: &Emulator) {
    let client = emu.client();
    let created = session(emu, &["gmail"]).await;
    let loaded = client
        .sessions()
        .get(created.id.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(loaded.id, created.id);
    assert_eq!(loaded.assistive_prompt, None);
    let updated = loaded.update().toolkits(["slack"]).send().await.unwrap();
    assert_eq!(updated.config["toolkits"], json!({"enabled": ["slack"]}));
    assert_eq!(updated.config_version, Some(2));
    let deleted = updated.delete().send().await.unwrap();
    assert_eq!(deleted.session_id, created.id);
    assert!(deleted.deleted);
    let log = emu.requests().await;
    let lines: Vec<String> = log.iter().map(line).collect();
    assert_eq!(
        lines,
        [
            "GET /api/v3.1/tool_router/session/trs_*",
            "PATCH /api/v3.1/tool_router/session/trs_*",
            "DELETE /api/v3.1/tool_router/session/trs_*",
        ]
    );
    assert_eq!(body(&log[1]), json!({"toolkits": {"enable": ["slack"]}}));
    assert_eq!(log[0]["headers"].get("content-type"), None);
    // A deleted session is a 404 the caller can match on, with the parsed code and request id.
    let err = client
        .sessions()
        .get(created.id.as_str())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
    assert!(
        err.request_id().is_some_and(|id| id.starts_with("req_")),
        "{err:?}"
    );
    assert!(err.code().is_some(), "{err:?}");
    assert!(err.to_string().starts_with("HTTP 404: "), "{err}");
}

pub async fn tools_in_openai_and_raw_formats(emu: &Emulator) {
    let s = session(emu, &["hackernews", "gmail"]).await;
    let openai = s.tools().send().await.unwrap();
    let raw = s.tools().raw().send().await.unwrap();
    assert_eq!(openai.len(), 6);
    assert_eq!(raw.len(), 6);
    assert!(openai.iter().all(|t| t.tool_type == "function"));
    let names: Vec<&str> = openai.iter().map(|t| t.function.name.as_str()).collect();
    let slugs: Vec<&str> = raw.iter().map(|t| t.slug.as_str()).collect();
    assert_eq!(names, slugs);
    // A session's tools are the meta tools that reach its toolkits.
    let search = raw
        .iter()
        .find(|t| t.slug == "COMPOSIO_SEARCH_TOOLS")
        .unwrap();
    assert_eq!(search.toolkit.as_ref().unwrap().slug, "composio");
    assert!(search.input_parameters.as_ref().unwrap()["properties"].is_object());
    // Serialized, an OpenAI tool is what OpenAI's API takes.
    let t = serde_json::to_value(&openai[0]).unwrap();
    assert_eq!(t["type"], "function");
    assert!(t["function"]["parameters"].is_object());
    assert_eq!(
        emu.lines().await,
        [
            "GET /api/v3.1/tool_router/session/trs_*/tools?limit=500",
            "GET /api/v3.1/tool_router/session/trs_*/tools?limit=500",
        ]
    );
}

pub async fn execute_sends_the_arguments_and_reads_the_result(emu: &Emulator) {
    let s = session(emu, &["hackernews", "gmail"]).await;
    let result = s
        .execute("HACKERNEWS_GET_FRONTPAGE")
        .arguments(json!({"limit": 3}))
        .send()
        .await
        .unwrap();
    assert!(result.is_success(), "{result:?}");
    assert!(result.data.is_object(), "{result:?}");
    assert!(result.log_id.starts_with("log_"), "{result:?}");
    let account = s
        .execute("GMAIL_SEND_EMAIL")
        .arguments(json!({"recipient_email": "a@b.test", "body": "hi"}))
        .account("ca_missing")
        .send()
        .await;
    let log = emu.requests().await;
    assert_eq!(
        line(&log[0]),
        "POST /api/v3.1/tool_router/session/trs_*/execute"
    );
    assert_eq!(
        body(&log[0]),
        json!({"tool_slug": "HACKERNEWS_GET_FRONTPAGE", "arguments": {"limit": 3}})
    );
    assert_eq!(
        body(&log[1]),
        json!({"tool_slug": "GMAIL_SEND_EMAIL", "arguments": {"recipient_email": "a@b.test", "body": "hi"},
               "account": "ca_missing"})
    );
    // Whatever the emulator made of the unknown account, it is a typed answer or error.
    if let Err(e) = account {
        assert!(e.status().is_some(), "{e:?}");
    }
}

pub async fn search_with_a_toolkit_filter(emu: &Emulator) {
    let s = session(emu, &["hackernews", "gmail"]).await;
    let found = s
        .search("front page stories")
        .toolkits(["hackernews"])
        .send()
        .await
        .unwrap();
    assert!(found.success);
    assert_eq!(found.results[0].use_case, "front page stories");
    assert!(
        found.results[0]
            .primary_tool_slugs
            .iter()
            .all(|t| t.starts_with("HACKERNEWS_")),
        "{found:?}"
    );
    let log = emu.requests().await;
    assert_eq!(
        line(&log[0]),
        "POST /api/v3.1/tool_router/session/trs_*/search"
    );
    assert_eq!(
        body(&log[0]),
        json!({"queries": [{"use_case": "front page stories"}], "toolkits": ["hackernews"]})
    );
}

pub async fn session_toolkits_page_with_filters(emu: &Emulator) {
    let s = session(emu, &["hackernews", "gmail"]).await;
    let page = s
        .toolkits()
        .toolkits(["gmail"])
        .limit(5)
        .is_connected(false)
        .send()
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].slug, "gmail");
    assert!(!page.items[0].is_no_auth);
    assert!(!page.items[0].connection.as_ref().unwrap().is_active);
    assert_eq!(
        emu.lines().await,
        ["GET /api/v3.1/tool_router/session/trs_*/toolkits?limit=5&toolkits=gmail&is_connected=false"]
    );
}

pub async fn authorize_then_wait_for_the_connection(emu: &Emulator) {
    let s = session(emu, &["gmail"]).await;
    let request = s
        .authorize("gmail")
        .alias("work")
        .callback_url("https://cb.test/done")
        .send()
        .await
        .unwrap();
    assert_eq!(request.status, "INITIATED");
    let link = request.redirect_url.clone().unwrap();
    let log = emu.requests().await;
    assert_eq!(
        line(&log[0]),
        "POST /api/v3.1/tool_router/session/trs_*/link"
    );
    assert_eq!(
        body(&log[0]),
        json!({"toolkit": "gmail", "callback_url": "https://cb.test/done", "alias": "work"})
    );
    emu.visit(&link).await;
    let account = request
        .wait_for_connection()
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .unwrap();
    assert_eq!(account.id, request.id);
    assert_eq!(account.status, "ACTIVE");
    assert_eq!(account.toolkit.slug, "gmail");
    assert_eq!(account.extra["alias"], "work");
    let ensured = s.ensure_connected("gmail").send().await.unwrap();
    assert!(ensured.was_connected);
    assert_eq!(ensured.connected_account.unwrap().id, request.id);
    let no_auth = s.ensure_connected("hackernews").send().await.unwrap();
    assert_eq!(
        serde_json::to_value(&no_auth).unwrap(),
        json!({"toolkit": "hackernews", "wasConnected": true})
    );
}

pub async fn ensure_connected_authorizes_and_waits(emu: &Emulator) {
    let s = session(emu, &["slack"]).await;
    // Completes the connection as soon as one is pending.
    let completer = async {
        for _ in 0..100 {
            sleep(Duration::from_millis(20)).await;
            let list = emu.control("GET", "connections", None).await;
            let pending = list
                .as_array()
                .into_iter()
                .flatten()
                .find(|a| a["status"] == "INITIATED");
            if let Some(a) = pending {
                let id = a["id"].as_str().unwrap();
                emu.control(
                    "POST",
                    &format!("connections/{id}"),
                    Some(json!({"status": "ACTIVE"})),
                )
                .await;
                return id.to_string();
            }
        }
        panic!("no pending connection");
    };
    let ensure = s
        .ensure_connected("slack")
        .timeout(Duration::from_secs(5))
        .send();
    let (ensured, id) = join(ensure, completer).await;
    let ensured = ensured.unwrap();
    assert_eq!(ensured.toolkit, "slack");
    assert!(!ensured.was_connected);
    assert_eq!(ensured.connected_account.unwrap().id, id);
    let lines = emu.lines().await;
    assert_eq!(
        lines[0],
        "GET /api/v3.1/tool_router/session/trs_*/toolkits?toolkits=slack"
    );
    assert_eq!(lines[1], "POST /api/v3.1/tool_router/session/trs_*/link");
    assert!(lines[2..]
        .iter()
        .all(|l| *l == format!("GET /api/v3.1/connected_accounts/{id}")));
}

pub async fn wait_for_connection_fails_times_out_and_is_cancelled(emu: &Emulator) {
    let client = emu.client();
    let s = session(emu, &["slack"]).await;

    let failed = s.authorize("slack").send().await.unwrap();
    emu.control(
        "POST",
        &format!("connections/{}", failed.id),
        Some(json!({"status": "FAILED", "status_reason": "denied"})),
    )
    .await;
    let err = failed.wait_for_connection().send().await.unwrap_err();
    assert!(
        matches!(&err, Error::ConnectionFailed { status, reason: Some(r), .. } if status == "FAILED" && r == "denied"),
        "{err:?}"
    );

    let pending = s.authorize("slack").send().await.unwrap();
    let started = Clock::start();
    let err = pending
        .wait_for_connection()
        .timeout(Duration::from_millis(300))
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::ConnectionTimeout { id } if *id == pending.id),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));

    let handle = CancelHandle::new();
    let started = Clock::start();
    let wait = client
        .connected_accounts()
        .wait_for_connection(pending.id.as_str())
        .cancel_on(&handle)
        .send();
    let (err, ()) = join(wait, cancel_after(&handle, 150)).await;
    let err = err.unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));

    let err = client
        .connected_accounts()
        .wait_for_connection("ca_nope")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::AccountNotFound { id } if id == "ca_nope"),
        "{err:?}"
    );
}

pub async fn proxy_execute_sends_the_request_description(emu: &Emulator) {
    let s = session(emu, &["github"]).await;
    let result = s
        .proxy_execute("github", "/user/repos")
        .method("POST")
        .body(json!({"name": "x"}))
        .query("per_page", "5")
        .header("x-trace", "t1")
        .send()
        .await;
    let log = emu.requests().await;
    assert_eq!(
        line(&log[0]),
        "POST /api/v3.1/tool_router/session/trs_*/proxy_execute"
    );
    assert_eq!(
        body(&log[0]),
        json!({"toolkit_slug": "github", "endpoint": "/user/repos", "method": "POST",
               "body": {"name": "x"},
               "parameters": [{"name": "per_page", "type": "query", "value": "5"},
                              {"name": "x-trace", "type": "header", "value": "t1"}]})
    );
    // No github account: the emulator answers as the API does, typed either way.
    match result {
        Ok(r) => assert!(r.status > 0),
        Err(e) => assert!(matches!(e, Error::Api { .. }), "{e:?}"),
    }
}

pub async fn files_list_upload_download_delete(emu: &Emulator) {
    let s = session(emu, &["hackernews"]).await;
    let files = s.files();
    let upload = files
        .upload_url("/notes/a.txt")
        .mimetype("text/plain")
        .send()
        .await
        .unwrap();
    let put = upload.upload_url.clone().unwrap();
    emu.put(&put, "text/plain", "hello").await;
    let list = files.list().limit(10).send().await.unwrap();
    assert_eq!(list.items.len(), 1, "{list:?}");
    assert_eq!(list.items[0].size, 5);
    let download = files.download_url("notes/a.txt").send().await.unwrap();
    let text = emu.get_text(&download.download_url.unwrap()).await;
    assert_eq!(text, "hello");
    files.delete("notes/a.txt").send().await.unwrap();
    assert!(files.list().send().await.unwrap().items.is_empty());
    let log = emu.requests().await;
    let lines: Vec<String> = log.iter().map(line).collect();
    assert_eq!(
        lines,
        [
            "POST /api/v3.1/tool_router/session/trs_*/mounts/files/upload_url",
            "GET /api/v3.1/tool_router/session/trs_*/mounts/files/items?limit=10",
            "POST /api/v3.1/tool_router/session/trs_*/mounts/files/download_url",
            "POST /api/v3.1/tool_router/session/trs_*/mounts/files/delete",
            "GET /api/v3.1/tool_router/session/trs_*/mounts/files/items",
        ]
    );
    assert_eq!(
        body(&log[0]),
        json!({"mount_relative_path": "/notes/a.txt", "mimetype": "text/plain"})
    );
}

pub async fn catalogue_accounts_and_auth_configs(emu: &Emulator) {
    let client = emu.client();
    let list = client.toolkits().list().limit(2).send().await.unwrap();
    assert!(list.as_array().is_some_and(|l| !l.is_empty()), "{list}");
    let gmail = client.toolkits().get("gmail").send().await.unwrap();
    assert_eq!(gmail["slug"], "gmail");
    let categories = client.toolkits().categories().send().await.unwrap();
    assert!(categories.is_array() || categories.is_object());
    assert_eq!(
        emu.lines().await,
        [
            "GET /api/v3.1/toolkits?limit=2",
            "GET /api/v3.1/toolkits/gmail",
            "GET /api/v3.1/toolkits/categories",
        ]
    );

    // An account to work on.
    let s = session(emu, &["gmail"]).await;
    let request = s.authorize("gmail").send().await.unwrap();
    emu.visit(request.redirect_url.as_deref().unwrap()).await;
    emu.requests().await;
    let accounts = client.connected_accounts();
    let page = accounts
        .list()
        .user_ids(vec!["user_1".into()])
        .toolkit_slugs(vec!["gmail".into()])
        .limit(10)
        .send()
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].id, request.id);
    let one = accounts.get(request.id.as_str()).send().await.unwrap();
    assert_eq!(one.status, "ACTIVE");
    let status = accounts
        .update_status(request.id.as_str(), false)
        .send()
        .await
        .unwrap();
    assert_eq!(status["success"], true);
    let auth_config = one.auth_config["id"].as_str().unwrap().to_string();
    let deleted = accounts.delete(request.id.as_str()).send().await.unwrap();
    assert_eq!(deleted["success"], true);
    let log = emu.requests().await;
    let lines: Vec<String> = log.iter().map(line).collect();
    assert_eq!(
        lines,
        [
            "GET /api/v3.1/connected_accounts?limit=10&toolkit_slugs=gmail&user_ids=user_1",
            format!("GET /api/v3.1/connected_accounts/{}", request.id).as_str(),
            format!("PATCH /api/v3.1/connected_accounts/{}/status", request.id).as_str(),
            format!("DELETE /api/v3.1/connected_accounts/{}", request.id).as_str(),
        ]
    );
    assert_eq!(body(&log[2]), json!({"enabled": false}));

    let configs = client.auth_configs();
    let page = configs.list().toolkit("gmail").send().await.unwrap();
    assert!(
        page["items"].as_array().is_some_and(|i| !i.is_empty()),
        "{page}"
    );
    let got = configs.get(auth_config.as_str()).send().await.unwrap();
    assert_eq!(got["id"], json!(auth_config));
    configs.disable(auth_config.as_str()).send().await.unwrap();
    assert_eq!(
        emu.lines().await,
        [
            "GET /api/v3.1/auth_configs?toolkit_slug=gmail",
            format!("GET /api/v3.1/auth_configs/{auth_config}").as_str(),
            format!("PATCH /api/v3.1/auth_configs/{auth_config}/DISABLED").as_str(),
        ]
    );
}

pub async fn bad_input_is_refused_before_any_request(emu: &Emulator) {
    let client = emu.client();
    let err = client.sessions().create("").send().await.unwrap_err();
    let Error::Invalid { issues, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(issues[0].path, "userId");
    let s = session(emu, &["gmail"]).await;
    let err = s.toolkits().limit(0).send().await.unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { issues, .. } if issues[0].path == "limit"),
        "{err:?}"
    );
    assert!(emu.requests().await.is_empty());

    let err = Composio::builder()
        .api_key(KEY)
        .base_url("ftp://x")
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { issues, .. } if issues[0].path == "baseURL"),
        "{err:?}"
    );
    let err = Composio::builder()
        .api_key("ak_secret\n")
        .build()
        .unwrap_err();
    assert!(!format!("{err} {err:?}").contains("ak_secret"));
}

pub async fn a_wrong_key_is_an_api_error_that_converts_into_anyhow(emu: &Emulator) {
    let client = Composio::builder()
        .api_key("ak_wrong")
        .base_url(&emu.url)
        .build()
        .unwrap();
    async fn flow(client: &Composio) -> anyhow::Result<String> {
        let s = client.sessions().create("u").send().await?;
        Ok(s.id.clone())
    }
    let err = flow(&client).await.unwrap_err();
    let api = err.downcast_ref::<Error>().unwrap();
    assert!(matches!(api, Error::Api { status: 401, .. }), "{api:?}");
    assert_eq!(api.code(), Some("10401"));
    assert!(!format!("{err:?} {err}").contains("ak_wrong"));
}

pub async fn a_side_effect_is_never_repeated_but_a_read_is(emu: &Emulator) {
    let s = session(emu, &["hackernews"]).await;
    let path = format!("/api/v3.1/tool_router/session/{}", s.id);

    emu.fault(
        json!({"method": "POST", "path": format!("{path}/execute"), "status": 500,
                     "body": {"error": {"message": "boom", "code": 1500}}}),
    )
    .await;
    let err = s
        .execute("HACKERNEWS_GET_FRONTPAGE")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Api { status: 500, message, .. } if message == "boom"),
        "{err:?}"
    );
    assert_eq!(err.code(), Some("1500"));
    assert_eq!(
        emu.lines().await.len(),
        1,
        "a 500 on execute is not retried"
    );

    emu.fault(json!({"method": "POST", "path": format!("{path}/execute"), "delayMs": 1500}))
        .await;
    let err = s
        .execute("HACKERNEWS_GET_FRONTPAGE")
        .attempt_timeout(Duration::from_millis(200))
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout), "{err:?}");
    assert_eq!(
        emu.lines().await.len(),
        1,
        "a timed-out execute is not retried"
    );

    emu.fault(
        json!({"method": "GET", "path": format!("{path}/tools"), "status": 503,
                     "headers": {"retry-after-ms": "10"}}),
    )
    .await;
    let tools = s.tools().send().await.unwrap();
    assert_eq!(tools.len(), 6);
    assert_eq!(emu.lines().await.len(), 2, "a 503 on a GET is retried once");
}

pub async fn cancellation_and_the_response_size_limit(emu: &Emulator) {
    let s = session(emu, &["hackernews"]).await;
    let path = format!("/api/v3.1/tool_router/session/{}/tools", s.id);
    emu.fault(json!({"method": "GET", "path": path, "hang": true}))
        .await;
    let handle = CancelHandle::new();
    let started = Clock::start();
    let tools = s.tools().cancel_on(&handle).send();
    let (err, ()) = join(tools, cancel_after(&handle, 100)).await;
    let err = err.unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
    // An already-cancelled handle sends nothing.
    emu.requests().await;
    let err = s.tools().raw().cancel_on(&handle).send().await.unwrap_err();
    assert!(matches!(err, Error::Cancelled));
    assert!(emu.requests().await.is_empty());

    let small = Composio::builder()
        .api_key(KEY)
        .base_url(&emu.url)
        .max_response_bytes(100)
        .build()
        .unwrap();
    let err = small
        .sessions()
        .get(s.id.as_str())
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: 100, .. }),
        "{err:?}"
    );
}

pub async fn a_refused_connection_is_a_connection_error_with_its_source(emu: &Emulator) {
    use std::error::Error as _;
    let client = Composio::builder()
        .api_key("ak_never_shown")
        .base_url(emu.refused_url())
        .max_retries(1)
        .build()
        .unwrap();
    assert!(!format!("{client:?}").contains("ak_never_shown"));
    let err = client.sessions().create("u").send().await.unwrap_err();
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert!(err.is_transient());
    assert!(err.source().is_some());
    assert!(err.to_string().starts_with("connection error: "), "{err}");
    assert!(!format!("{err:?} {err}").contains("ak_never_shown"));
}
