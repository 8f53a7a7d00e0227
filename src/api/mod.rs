//! The Rust API: [`Composio`] and its request builders, typed [`models`], one [`Error`].
//!
//! It is one more driver of the crate's call engine: every request is a row of the same
//! endpoint table the npm package uses, with the same validation, retry rule (a request with a
//! side effect is never repeated once it may have arrived), paging and polling. Requests go
//! through gloo-net's fetch on `wasm32-unknown-unknown` (browsers, workers) and through reqwest
//! (rustls) on tokio natively.
//!
//! ```no_run
//! use composio_wasm::Composio;
//! use serde_json::json;
//! use std::time::Duration;
//!
//! # async fn demo() -> anyhow::Result<()> {
//! let composio = Composio::builder()
//!     .api_key("ak_…")
//!     .timeout(Duration::from_secs(30))
//!     .build()?;
//! let session = composio
//!     .sessions()
//!     .create("user_123")
//!     .toolkits(["gmail", "slack"])
//!     .manage_connections(true)
//!     .send()
//!     .await?;
//! println!("{} {}", session.id, session.mcp.url);
//! let result = session
//!     .execute("GMAIL_SEND_EMAIL")
//!     .arguments(json!({ "to": "a@example.com", "subject": "Hi" }))
//!     .send()
//!     .await?;
//! println!("{}", result.data);
//! # Ok(()) }
//! ```
#![deny(missing_docs)]
// `Error::Api` carries the parsed body and headers as plain fields, so callers can match on
// them; an error is the cold path, and boxing them would cost every match a deref.
#![allow(clippy::result_large_err)]

mod cancel;
mod convert;
mod driver;
mod error;
mod host;
pub mod models;
mod resources;
mod session;
mod transport;

pub use cancel::CancelHandle;
pub use error::{Error, Issue, Source};
pub use resources::{
    AuthConfigList, AuthConfigs, ConnectedAccountListRequest, ConnectedAccounts, Refresh,
    ToolkitList, Toolkits, WaitForConnection,
};
pub use session::{
    Authorize, ConnectionRequest, CreateSession, DeleteSession, EnsureConnectedRequest, Execute,
    FileDelete, FileList, FileUrlRequest, Files, OpenAiTools, ProxyExecute, RawTools, Search,
    Session, SessionToolkits, Sessions, UpdateSession, UseSession,
};

use crate::client_config::{self, ConfigError, Env};
use crate::json::Json;
use driver::{Inner, Opts};
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;

/// A Composio client. Cheap to clone (clones share the connection pool); build one with
/// [`Composio::builder`].
#[derive(Clone)]
pub struct Composio {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Composio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Composio")
            .field("base_url", &self.inner.config.base_url)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Composio`] client.
#[derive(Clone, Default)]
pub struct ComposioBuilder {
    api_key: Option<String>,
    base_url: Option<String>,
    headers: Vec<(String, String)>,
    timeout: Option<Duration>,
    max_retries: Option<u32>,
    max_response_bytes: Option<u64>,
}

impl std::fmt::Debug for ComposioBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ComposioBuilder")
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl ComposioBuilder {
    /// The API key (natively, `COMPOSIO_API_KEY` is read when none is set).
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The API's base URL (default `https://backend.composio.dev`; natively,
    /// `COMPOSIO_BASE_URL` is read when none is set).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// A header sent with every request (after the built-in ones).
    pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The timeout of each attempt (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Retries after the first attempt, 0 to 10 (default 2); what is retried is the README's
    /// "Behaviour you can rely on".
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = Some(n);
        self
    }

    /// The largest response body read, in bytes (default 32 MiB).
    pub fn max_response_bytes(mut self, n: u64) -> Self {
        self.max_response_bytes = Some(n);
        self
    }

    /// The client, or [`Error::NoApiKey`] / [`Error::Invalid`] (naming the option) before any
    /// request.
    pub fn build(self) -> Result<Composio, Error> {
        let headers = Json::Obj(
            self.headers
                .into_iter()
                .map(|(k, v)| (k, Json::Str(v)))
                .collect(),
        );
        let options = Json::object([
            ("apiKey", self.api_key.map(Json::Str)),
            ("baseURL", self.base_url.map(Json::Str)),
            ("defaultHeaders", Some(headers)),
            (
                "timeout",
                self.timeout.map(|t| Json::Num(t.as_secs_f64() * 1000.0)),
            ),
            (
                "maxRetries",
                self.max_retries.map(|n| Json::Num(f64::from(n))),
            ),
            (
                "maxResponseBytes",
                self.max_response_bytes.map(|n| Json::Num(n as f64)),
            ),
        ]);
        match client_config::resolve(&options, &env()) {
            Ok(config) => Ok(Composio {
                inner: Arc::new(Inner {
                    config: config.with_source(client_config::RUST_SOURCE),
                    http: transport::client(),
                }),
            }),
            Err(ConfigError::NoApiKey) => Err(Error::NoApiKey),
            Err(ConfigError::Invalid(i)) => Err(Error::invalid(i)),
        }
    }
}

/// The process environment natively; none on wasm32.
fn env() -> Env {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Env {
            api_key: std::env::var("COMPOSIO_API_KEY").ok(),
            base_url: std::env::var("COMPOSIO_BASE_URL").ok(),
            runtime: None,
            framework: None,
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        Env::default()
    }
}

impl Composio {
    /// Starts building a client.
    pub fn builder() -> ComposioBuilder {
        ComposioBuilder::default()
    }

    /// Tool Router sessions: create, load (`use`), delete.
    pub fn sessions(&self) -> Sessions {
        Sessions {
            client: self.clone(),
        }
    }

    /// The toolkit catalogue.
    pub fn toolkits(&self) -> Toolkits {
        Toolkits {
            client: self.clone(),
        }
    }

    /// Connected accounts.
    pub fn connected_accounts(&self) -> ConnectedAccounts {
        ConnectedAccounts {
            client: self.clone(),
        }
    }

    /// Auth configs.
    pub fn auth_configs(&self) -> AuthConfigs {
        AuthConfigs {
            client: self.clone(),
        }
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.config.base_url
    }

    /// Runs the table row `row` and reads its result as `T`.
    async fn call<T: DeserializeOwned>(
        &self,
        row: &str,
        args: Vec<Json>,
        opts: &Opts,
    ) -> Result<T, Error> {
        let json = driver::run(&self.inner, row, args, opts).await?;
        convert::model(json)
    }
}

/// Adds the per-call options every request builder has.
macro_rules! request_options {
    ($($t:ident),* $(,)?) => {$(
        impl $t {
            /// Ends this call with [`Error::Cancelled`](crate::Error::Cancelled) as soon as
            /// `handle` is cancelled (the request in flight is dropped).
            pub fn cancel_on(mut self, handle: &$crate::CancelHandle) -> Self {
                self.opts.cancel = Some(handle.clone());
                self
            }

            /// The timeout of each attempt of this call (instead of the client's).
            pub fn attempt_timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.opts.timeout = Some(timeout);
                self
            }

            /// Retries for this call (instead of the client's), at most 10.
            pub fn max_retries(mut self, n: u32) -> Self {
                self.opts.max_retries = Some(n);
                self
            }
        }
    )*};
}
pub(crate) use request_options;

/// Converting results and models into JS values for wasm-bindgen apps (with
/// `serde-wasm-bindgen`; maps become plain objects).
#[cfg(target_arch = "wasm32")]
pub trait ToJs {
    /// This value as a `JsValue`, shaped as the npm package returns it.
    fn to_js(&self) -> Result<wasm_bindgen::JsValue, Error>;
}

#[cfg(target_arch = "wasm32")]
impl<T: serde::Serialize + ?Sized> ToJs for T {
    fn to_js(&self) -> Result<wasm_bindgen::JsValue, Error> {
        let s = serde_wasm_bindgen::Serializer::json_compatible();
        self.serialize(&s).map_err(|e| Error::InvalidResponse {
            status: 0,
            message: e.to_string(),
        })
    }
}

/// Lets a `#[wasm_bindgen]` function return `Result<_, JsValue>` and use `?` on this crate's
/// calls: the error becomes a JS `Error` named `ComposioError` whose message is `Display`'s.
#[cfg(target_arch = "wasm32")]
impl From<Error> for wasm_bindgen::JsValue {
    fn from(e: Error) -> wasm_bindgen::JsValue {
        let js = js_sys::Error::new(&e.to_string());
        js.set_name("ComposioError");
        js.into()
    }
}
