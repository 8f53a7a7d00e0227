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

use super::errors::Error;
use super::ops;
use super::pipeline::{CallOptions, Connection};
use crate::client_config::{self, ClientConfig, ConfigError, Env};
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
    config: Rc<Connection>,
    signal: Option<AbortSignal>,
}

fn opts(config: &ClientConfig, signal: &Option<AbortSignal>) -> CallOptions {
    let mut o = CallOptions::from_config(config);
    o.signal = signal.clone();
    o
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
                config: Rc::new(Connection::new(config)),
                signal: None,
            }),
            Err(ConfigError::NoApiKey) => Err(Error::NoApiKey),
            Err(ConfigError::Invalid(i)) => Err(Error::Invalid(i)),
        }
    }

    /// The same client, whose calls (and those of its sessions) stop when `signal` aborts.
    pub fn with_signal(&self, signal: AbortSignal) -> Composio {
        Composio {
            config: self.config.clone(),
            signal: Some(signal),
        }
    }

    fn session(&self, fields: Json) -> Session {
        Session {
            config: self.config.clone(),
            signal: self.signal.clone(),
            fields,
        }
    }

    /// `composio.create(userId, config)`.
    pub async fn create(&self, user_id: &str, config: Json) -> Result<Session, Error> {
        let o = opts(&self.config, &self.signal);
        let fields = ops::run(&self.config, ops::create(&Json::str(user_id), &config)?, &o).await?;
        Ok(self.session(fields))
    }

    /// `composio.use(id)`.
    pub async fn use_session(&self, id: &str) -> Result<Session, Error> {
        let o = opts(&self.config, &self.signal);
        let fields = ops::run(
            &self.config,
            ops::retrieve(&Json::str(id), &Json::Null)?,
            &o,
        )
        .await?;
        Ok(self.session(fields))
    }

    /// `composio.sessions.delete(id)` → `{ sessionId, deleted: true }`.
    pub async fn delete_session(&self, id: &str) -> Result<Json, Error> {
        let o = opts(&self.config, &self.signal);
        ops::run(&self.config, ops::delete(&Json::str(id))?, &o).await
    }

    /// `composio.toolkits.get()` (`None`) or `get(slug)`.
    pub async fn toolkits(&self, slug: Option<&str>) -> Result<Json, Error> {
        let o = opts(&self.config, &self.signal);
        let slug = slug.map(Json::str).unwrap_or(Json::Null);
        ops::run(&self.config, ops::catalog_toolkits(&slug, &Json::Null)?, &o).await
    }
}

/// A Tool Router session.
pub struct Session {
    config: Rc<Connection>,
    signal: Option<AbortSignal>,
    /// The JS-facing fields: `sessionId`, `mcp`, `config`, `preload`, `sandbox`, …
    fields: Json,
}

impl Session {
    fn id_json(&self) -> Json {
        self.fields.get("sessionId").cloned().unwrap_or(Json::Null)
    }

    fn opts(&self) -> CallOptions {
        opts(&self.config, &self.signal)
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
        vec![("x-api-key".into(), self.config.api_key.clone())]
    }

    /// All JS-facing fields (`config` raw, `preload`, `sandbox`, `configVersion`, `warnings`).
    pub fn fields(&self) -> &Json {
        &self.fields
    }

    /// `session.tools({ raw: true })`: every tool, mapped and cleaned.
    pub async fn tools(&self) -> Result<Json, Error> {
        ops::tools(&self.config, &self.id_json(), &self.opts()).await
    }

    /// `session.execute(slug, args)` → `{ data, error, logId }`.
    pub async fn execute(&self, slug: &str, args: Json) -> Result<Json, Error> {
        ops::run(
            &self.config,
            ops::execute(&self.id_json(), &Json::str(slug), &args, &Json::Null)?,
            &self.opts(),
        )
        .await
    }

    /// `session.search({ query })`.
    pub async fn search(&self, query: &str) -> Result<Json, Error> {
        let params = Json::object([("query", Some(Json::str(query)))]);
        ops::run(
            &self.config,
            ops::search(&self.id_json(), &params)?,
            &self.opts(),
        )
        .await
    }

    /// `session.toolkits(options)`.
    pub async fn toolkits(&self, options: Json) -> Result<Json, Error> {
        let op = ops::session_toolkits(&self.id_json(), &options)?;
        ops::run(&self.config, op, &self.opts()).await
    }

    /// `session.proxyExecute(params)`.
    pub async fn proxy_execute(&self, params: Json) -> Result<Json, Error> {
        let op = ops::proxy_execute(&self.id_json(), &params, &super::answer::number_to_text)?;
        ops::run(&self.config, op, &self.opts()).await
    }

    /// `session.authorize(toolkit, options)`.
    pub async fn authorize(
        &self,
        toolkit: &str,
        options: Json,
    ) -> Result<ConnectionRequest, Error> {
        let op = ops::authorize(&self.id_json(), &Json::str(toolkit), &options)?;
        let link = ops::run(&self.config, op, &self.opts()).await?;
        Ok(ConnectionRequest {
            config: self.config.clone(),
            signal: self.signal.clone(),
            link,
        })
    }

    /// `session.update(config)`: the session's fields are replaced; returns the new raw config.
    pub async fn update(&mut self, config: Json) -> Result<&Json, Error> {
        let op = ops::update(&self.id_json(), &config)?;
        let fields = ops::run(&self.config, op, &self.opts()).await?;
        self.fields = fields;
        Ok(self.fields.get("config").unwrap_or(&Json::Null))
    }

    /// `session.delete()` → `{ sessionId, deleted: true }`.
    pub async fn delete(&self) -> Result<Json, Error> {
        ops::run(&self.config, ops::delete(&self.id_json())?, &self.opts()).await
    }
}

/// What `authorize` returns.
pub struct ConnectionRequest {
    config: Rc<Connection>,
    signal: Option<AbortSignal>,
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

    /// Polls until the account is ACTIVE (returns it, camelCase) or fails, for `timeout_ms`.
    pub async fn wait_for_connection(&self, timeout_ms: f64) -> Result<Json, Error> {
        let id = Json::str(self.id());
        ops::wait_for_connection(
            &self.config,
            &id,
            timeout_ms,
            &opts(&self.config, &self.signal),
        )
        .await
    }
}
