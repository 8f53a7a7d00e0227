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
            // The link page redirects to the callback URL, which does not exist.
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
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

    /// The requests the API routes saw (not the presigned file URLs), and forgets them.
    async fn requests(&self) -> Vec<Value> {
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

#[tokio::test]
async fn get_update_and_delete_a_session() {
    let emu = Emulator::start().await;
    let client = emu.client();
    let created = session(&emu, &["gmail"]).await;
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

#[tokio::test]
async fn tools_in_openai_and_raw_formats() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["hackernews", "gmail"]).await;
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

#[tokio::test]
async fn execute_sends_the_arguments_and_reads_the_result() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["hackernews", "gmail"]).await;
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

#[tokio::test]
async fn search_with_a_toolkit_filter() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["hackernews", "gmail"]).await;
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

#[tokio::test]
async fn session_toolkits_page_with_filters() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["hackernews", "gmail"]).await;
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

#[tokio::test]
async fn authorize_then_wait_for_the_connection() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["gmail"]).await;
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
    emu.http.get(&link).send().await.unwrap();
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

#[tokio::test]
async fn ensure_connected_authorizes_and_waits() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["slack"]).await;
    let url = emu.url.clone();
    // Completes the connection as soon as one is pending.
    let completer = tokio::spawn(async move {
        let http = reqwest::Client::new();
        for _ in 0..100 {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let list: Value = http
                .get(format!("{url}/__emulator/connections"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .map_or(Value::Null, |t| {
                    serde_json::from_str(&t).unwrap_or(Value::Null)
                });
            let pending = list
                .as_array()
                .into_iter()
                .flatten()
                .find(|a| a["status"] == "INITIATED");
            if let Some(a) = pending {
                let id = a["id"].as_str().unwrap();
                http.post(format!("{url}/__emulator/connections/{id}"))
                    .body(r#"{"status":"ACTIVE"}"#)
                    .send()
                    .await
                    .unwrap();
                return id.to_string();
            }
        }
        panic!("no pending connection");
    });
    let ensured = s
        .ensure_connected("slack")
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .unwrap();
    let id = completer.await.unwrap();
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

#[tokio::test]
async fn wait_for_connection_fails_times_out_and_is_cancelled() {
    let emu = Emulator::start().await;
    let client = emu.client();
    let s = session(&emu, &["slack"]).await;

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
    let started = Instant::now();
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
    let canceller = handle.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(150)).await;
        canceller.cancel();
    });
    let started = Instant::now();
    let err = client
        .connected_accounts()
        .wait_for_connection(pending.id.as_str())
        .cancel_on(&handle)
        .send()
        .await
        .unwrap_err();
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

#[tokio::test]
async fn proxy_execute_sends_the_request_description() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["github"]).await;
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

#[tokio::test]
async fn files_list_upload_download_delete() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["hackernews"]).await;
    let files = s.files();
    let upload = files
        .upload_url("/notes/a.txt")
        .mimetype("text/plain")
        .send()
        .await
        .unwrap();
    let put = upload.upload_url.clone().unwrap();
    emu.http
        .put(&put)
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    let list = files.list().limit(10).send().await.unwrap();
    assert_eq!(list.items.len(), 1, "{list:?}");
    assert_eq!(list.items[0].size, 5);
    let download = files.download_url("notes/a.txt").send().await.unwrap();
    let text = emu
        .http
        .get(download.download_url.unwrap())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
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

#[tokio::test]
async fn catalogue_accounts_and_auth_configs() {
    let emu = Emulator::start().await;
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
    let s = session(&emu, &["gmail"]).await;
    let request = s.authorize("gmail").send().await.unwrap();
    emu.http
        .get(request.redirect_url.as_deref().unwrap())
        .send()
        .await
        .unwrap();
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

#[tokio::test]
async fn bad_input_is_refused_before_any_request() {
    let emu = Emulator::start().await;
    let client = emu.client();
    let err = client.sessions().create("").send().await.unwrap_err();
    let Error::Invalid { issues, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(issues[0].path, "userId");
    let s = session(&emu, &["gmail"]).await;
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

#[tokio::test]
async fn a_wrong_key_is_an_api_error_that_converts_into_anyhow() {
    let emu = Emulator::start().await;
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

#[tokio::test]
async fn a_side_effect_is_never_repeated_but_a_read_is() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["hackernews"]).await;
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

#[tokio::test]
async fn cancellation_and_the_response_size_limit() {
    let emu = Emulator::start().await;
    let s = session(&emu, &["hackernews"]).await;
    let path = format!("/api/v3.1/tool_router/session/{}/tools", s.id);
    emu.fault(json!({"method": "GET", "path": path, "hang": true}))
        .await;
    let handle = CancelHandle::new();
    let canceller = handle.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        canceller.cancel();
    });
    let started = Instant::now();
    let err = s.tools().cancel_on(&handle).send().await.unwrap_err();
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

#[tokio::test]
async fn a_refused_connection_is_a_connection_error_with_its_source() {
    use std::error::Error as _;
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Composio::builder()
        .api_key("ak_never_shown")
        .base_url(format!("http://127.0.0.1:{port}"))
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
