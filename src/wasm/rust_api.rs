//! The Rust API: the same client for Rust code compiled to wasm (for example a workers-rs
//! worker), with typed results and `Error` instead of JS objects. Configs and results are
//! `Json` values with the same camelCase shapes as the JS API.
//!
//! ```no_run
//! # async fn demo() -> Result<(), composio_wasm::wasm::Error> {
//! use composio_wasm::json::Json;
//! use composio_wasm::wasm::rust_api::{Composio, ComposioOptions};
//!
//! let composio = Composio::new(ComposioOptions {
//!     api_key: Some("ak_…".into()),
//!     ..Default::default()
//! })?;
//! let toolkits = Json::Arr(vec![Json::str("gmail"), Json::str("slack")]);
//! let session = composio
//!     .create("user_123", Json::object([("toolkits", Some(toolkits))]))
//!     .await?;
//! println!("{} {}", session.id(), session.mcp_url());
//! let result = session.execute("GMAIL_SEND_EMAIL", Json::obj()).await?;
//! # Ok(()) }
//! ```

use super::driver::{run, CallOptions, Connection};
use super::errors::Error;
use crate::client_config::{self, ConfigError, Env};
use crate::engine::Limits;
use crate::json::Json;
use std::rc::Rc;
use web_sys::AbortSignal;

/// Client options (the Rust counterpart of `new Composio({ … })`).
#[derive(Clone, Debug, Default)]
pub struct ComposioOptions {
    pub api_key: Option<String>,
    /// Default `https://backend.composio.dev`.
    pub base_url: Option<String>,
    pub default_headers: Vec<(String, String)>,
    /// Per-attempt timeout in ms (default 60 000).
    pub timeout_ms: Option<f64>,
    /// Retries after the first attempt (default 2; see the README for what is retried).
    pub max_retries: Option<u32>,
    /// The largest response body read, in bytes (default 32 MiB).
    pub max_response_bytes: Option<u64>,
}

/// A Tool Router client.
pub struct Composio {
    conn: Rc<Connection>,
    signal: Option<AbortSignal>,
}

/// What the client's sessions and connection requests share: the connection and the signal.
#[derive(Clone)]
struct Handle {
    conn: Rc<Connection>,
    signal: Option<AbortSignal>,
}

impl Handle {
    async fn run(&self, op: &str, args: Vec<Json>) -> Result<Json, Error> {
        let opts = CallOptions {
            signal: self.signal.clone(),
            limits: Limits::of(&self.conn.config),
        };
        run(&self.conn, op, args, &opts).await
    }
}

impl Composio {
    /// Builds a client; fails with `Error::NoApiKey` or `Error::Invalid` before any request.
    pub fn new(options: ComposioOptions) -> Result<Composio, Error> {
        let headers = Json::Obj(
            options
                .default_headers
                .into_iter()
                .map(|(k, v)| (k, Json::Str(v)))
                .collect(),
        );
        let json = Json::object([
            ("apiKey", options.api_key.map(Json::Str)),
            ("baseURL", options.base_url.map(Json::Str)),
            ("defaultHeaders", Some(headers)),
            ("timeout", options.timeout_ms.map(Json::Num)),
            (
                "maxRetries",
                options.max_retries.map(|n| Json::Num(n as f64)),
            ),
            (
                "maxResponseBytes",
                options.max_response_bytes.map(|n| Json::Num(n as f64)),
            ),
        ]);
        match client_config::resolve(&json, &Env::default()) {
            Ok(config) => Ok(Composio {
                conn: Rc::new(Connection::new(config)),
                signal: None,
            }),
            Err(ConfigError::NoApiKey) => Err(Error::NoApiKey),
            Err(ConfigError::Invalid(i)) => Err(Error::Invalid(i)),
        }
    }

    /// The same client, whose calls (and those of its sessions) stop when `signal` aborts.
    pub fn with_signal(&self, signal: AbortSignal) -> Composio {
        Composio {
            conn: self.conn.clone(),
            signal: Some(signal),
        }
    }

    fn handle(&self) -> Handle {
        Handle {
            conn: self.conn.clone(),
            signal: self.signal.clone(),
        }
    }

    fn session(&self, fields: Json) -> Session {
        Session {
            handle: self.handle(),
            fields: built(fields),
        }
    }

    /// `composio.create(userId, config)`.
    pub async fn create(&self, user_id: &str, config: Json) -> Result<Session, Error> {
        let fields = self
            .handle()
            .run("sessions.create", vec![Json::str(user_id), config])
            .await?;
        Ok(self.session(fields))
    }

    /// `composio.use(id)`.
    pub async fn use_session(&self, id: &str) -> Result<Session, Error> {
        let fields = self
            .handle()
            .run("sessions.use", vec![Json::str(id)])
            .await?;
        Ok(self.session(fields))
    }

    /// `composio.sessions.delete(id)` → `{ sessionId, deleted: true }`.
    pub async fn delete_session(&self, id: &str) -> Result<Json, Error> {
        self.handle()
            .run("sessions.delete", vec![Json::str(id)])
            .await
    }

    /// `composio.toolkits.get()` (`None`) or `get(slug)`.
    pub async fn toolkits(&self, slug: Option<&str>) -> Result<Json, Error> {
        match slug {
            Some(slug) => {
                self.handle()
                    .run("toolkits.get", vec![Json::str(slug)])
                    .await
            }
            None => self.handle().run("toolkits.list", vec![Json::Null]).await,
        }
    }

    /// `composio.toolkits.get(query)`: one page of the catalogue.
    pub async fn toolkits_list(&self, query: Json) -> Result<Json, Error> {
        self.handle().run("toolkits.list", vec![query]).await
    }

    /// `composio.connectedAccounts.waitForConnection(id, timeout_ms)`.
    pub async fn wait_for_connection(&self, id: &str, timeout_ms: f64) -> Result<Json, Error> {
        let args = vec![Json::str(id), Json::Num(timeout_ms)];
        self.handle()
            .run("connectedAccounts.waitForConnection", args)
            .await
    }
}

/// Session fields with the members the engine keeps as received text (`config`, and `preload`
/// and `sandbox` read from it) built, as Rust callers read them.
fn built(mut fields: Json) -> Json {
    if let Json::Obj(pairs) = &mut fields {
        for (_, value) in pairs {
            if let Json::Raw(text) = value {
                let parse_number = super::host::HOST.parse_number;
                if let Ok(tree) = crate::json_text::parse(text, parse_number) {
                    *value = tree;
                }
            }
        }
    }
    fields
}

/// A Tool Router session.
pub struct Session {
    handle: Handle,
    /// The JS-facing fields: `sessionId`, `mcp`, `config`, `preload`, `sandbox`, …
    fields: Json,
}

impl Session {
    fn id_json(&self) -> Json {
        self.fields.get("sessionId").cloned().unwrap_or(Json::Null)
    }

    async fn run(&self, op: &str, mut rest: Vec<Json>) -> Result<Json, Error> {
        rest.insert(0, self.id_json());
        self.handle.run(op, rest).await
    }

    /// The session id (`trs_…`).
    pub fn id(&self) -> &str {
        self.fields
            .get("sessionId")
            .and_then(Json::as_str)
            .unwrap_or("")
    }

    /// The hosted MCP endpoint; MCP clients send `x-api-key` (see `mcp_headers`).
    pub fn mcp_url(&self) -> &str {
        self.fields
            .get("mcp")
            .and_then(|m| m.get("url"))
            .and_then(Json::as_str)
            .unwrap_or("")
    }

    /// The headers an MCP client needs for `mcp_url` (they contain the API key).
    pub fn mcp_headers(&self) -> Vec<(String, String)> {
        vec![("x-api-key".into(), self.handle.conn.config.api_key.clone())]
    }

    /// All JS-facing fields (`config` raw, `preload`, `sandbox`, `configVersion`, `warnings`).
    pub fn fields(&self) -> &Json {
        &self.fields
    }

    /// `session.tools({ raw: true })`: every tool, mapped and cleaned.
    pub async fn tools(&self) -> Result<Json, Error> {
        self.run("session.tools", vec![]).await
    }

    /// `session.tools()`: every tool in the OpenAI function-tool format.
    pub async fn openai_tools(&self) -> Result<Json, Error> {
        self.run("session.openaiTools", vec![]).await
    }

    /// `session.execute(slug, args)` → `{ data, error, logId }`.
    pub async fn execute(&self, slug: &str, args: Json) -> Result<Json, Error> {
        self.run("session.execute", vec![Json::str(slug), args])
            .await
    }

    /// `session.search({ query })`.
    pub async fn search(&self, query: &str) -> Result<Json, Error> {
        let params = Json::object([("query", Some(Json::str(query)))]);
        self.search_with(params).await
    }

    /// `session.search(params)`: `{ query, toolkits? }`.
    pub async fn search_with(&self, params: Json) -> Result<Json, Error> {
        self.run("session.search", vec![params]).await
    }

    /// `session.toolkits(options)`.
    pub async fn toolkits(&self, options: Json) -> Result<Json, Error> {
        self.run("session.toolkits", vec![options]).await
    }

    /// `session.proxyExecute(params)`.
    pub async fn proxy_execute(&self, params: Json) -> Result<Json, Error> {
        self.run("session.proxyExecute", vec![params]).await
    }

    /// `session.authorize(toolkit, options)`.
    pub async fn authorize(
        &self,
        toolkit: &str,
        options: Json,
    ) -> Result<ConnectionRequest, Error> {
        let link = self
            .run("session.authorize", vec![Json::str(toolkit), options])
            .await?;
        Ok(ConnectionRequest {
            handle: self.handle.clone(),
            link,
        })
    }

    /// `session.ensureConnected(toolkit, { timeout? })`: connects `toolkit` unless it already
    /// is (or needs no auth) and waits for the account. Returns `{ toolkit, wasConnected,
    /// connectedAccount? }`.
    pub async fn ensure_connected(&self, toolkit: &str, timeout_ms: f64) -> Result<Json, Error> {
        let filter = Json::object([("toolkits", Some(Json::Arr(vec![Json::str(toolkit)])))]);
        let state = self.toolkits(filter).await?;
        let existing = state
            .get("items")
            .and_then(Json::as_array)
            .and_then(|items| {
                items.iter().find(|i| {
                    i.get("slug")
                        .and_then(Json::as_str)
                        .is_some_and(|s| s.eq_ignore_ascii_case(toolkit))
                })
            });
        let slug = existing
            .and_then(|e| e.get("slug").cloned())
            .unwrap_or_else(|| Json::str(toolkit));
        let account =
            |id: Option<Json>, status: Option<Json>| Json::object([("id", id), ("status", status)]);
        if let Some(e) = existing {
            if e.get("isNoAuth") == Some(&Json::Bool(true)) {
                return Ok(Json::object([
                    ("toolkit", Some(slug)),
                    ("wasConnected", Some(Json::Bool(true))),
                ]));
            }
            let connection = e.get("connection");
            let active = connection.and_then(|c| c.get("connectedAccount"));
            if connection.and_then(|c| c.get("isActive")) == Some(&Json::Bool(true)) {
                if let Some(a) = active.filter(|a| !matches!(a, Json::Null)) {
                    let a = account(a.get("id").cloned(), a.get("status").cloned());
                    return Ok(Json::object([
                        ("toolkit", Some(slug)),
                        ("wasConnected", Some(Json::Bool(true))),
                        ("connectedAccount", Some(a)),
                    ]));
                }
            }
        }
        let request = self.authorize(toolkit, Json::obj()).await?;
        let done = request.wait_for_connection(timeout_ms).await?;
        let a = account(done.get("id").cloned(), done.get("status").cloned());
        Ok(Json::object([
            ("toolkit", Some(slug)),
            ("wasConnected", Some(Json::Bool(false))),
            ("connectedAccount", Some(a)),
        ]))
    }

    /// `session.experimental.files.list(options)`.
    pub async fn files_list(&self, options: Json) -> Result<Json, Error> {
        self.run("files.list", vec![options]).await
    }

    /// `session.experimental.files.download(path)`: `{ downloadUrl, mountRelativePath, … }`.
    pub async fn file_download_url(&self, path: &str, options: Json) -> Result<Json, Error> {
        self.run("files.downloadUrl", vec![Json::str(path), options])
            .await
    }

    /// The presigned upload target for `path` (`{ uploadUrl, mountRelativePath, … }`); PUT the
    /// bytes there with the `mimetype` in `options` as `content-type`.
    pub async fn file_upload_url(&self, path: &str, options: Json) -> Result<Json, Error> {
        self.run("files.uploadUrl", vec![Json::str(path), options])
            .await
    }

    /// `session.experimental.files.delete(path)`.
    pub async fn file_delete(&self, path: &str, options: Json) -> Result<Json, Error> {
        self.run("files.delete", vec![Json::str(path), options])
            .await
    }

    /// `session.update(config)`: the session's fields are replaced; returns the new raw config.
    pub async fn update(&mut self, config: Json) -> Result<&Json, Error> {
        self.fields = built(self.run("sessions.update", vec![config]).await?);
        Ok(self.fields.get("config").unwrap_or(&Json::Null))
    }

    /// `session.delete()` → `{ sessionId, deleted: true }`.
    pub async fn delete(&self) -> Result<Json, Error> {
        self.run("sessions.delete", vec![]).await
    }
}

/// What `authorize` returns.
pub struct ConnectionRequest {
    handle: Handle,
    link: Json,
}

impl ConnectionRequest {
    pub fn id(&self) -> &str {
        self.link.get("id").and_then(Json::as_str).unwrap_or("")
    }

    /// Where to send the user.
    pub fn redirect_url(&self) -> Option<&str> {
        self.link.get("redirectUrl").and_then(Json::as_str)
    }

    /// Polls until the account is ACTIVE (returns it, camelCase), fails, or `timeout_ms`
    /// passes: a deadline, whatever the server does.
    pub async fn wait_for_connection(&self, timeout_ms: f64) -> Result<Json, Error> {
        let args = vec![Json::str(self.id()), Json::Num(timeout_ms)];
        self.handle
            .run("connectedAccounts.waitForConnection", args)
            .await
    }
}
