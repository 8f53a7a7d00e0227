//! The Rust API's request pipeline: send with a per-attempt timeout, retry per `crate::retry`,
//! and turn every failure into an `Error`. A 2xx answer comes back as parsed JSON. (The npm
//! package runs the same policy from JS: see `pkg/request.js`.)

use super::answer::{parse_body, status_outcome, to_json_text};
use super::errors::Error;
use super::fetch::{self, Failure, HttpRequest};
use crate::client_config::ClientConfig;
use crate::json::Json;
use crate::request::ApiRequest;
use crate::retry::{self, Outcome};
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// A client's settings with its request headers as JS objects, built once (without and with
/// `content-type`), so no request parses them again.
pub struct Connection {
    config: ClientConfig,
    headers: [JsValue; 2],
}

impl Connection {
    pub fn new(config: ClientConfig) -> Connection {
        let headers = config
            .headers_json
            .each_ref()
            .map(|json| js_sys::JSON::parse(json).unwrap_or(JsValue::NULL));
        Connection { config, headers }
    }
}

impl std::ops::Deref for Connection {
    type Target = ClientConfig;

    fn deref(&self) -> &ClientConfig {
        &self.config
    }
}

/// Per-call settings: the caller's signal and the client's limits.
pub struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: f64,
    pub max_retries: u32,
    /// The largest response body read, in bytes.
    pub max_response_bytes: f64,
}

impl CallOptions {
    /// The client's limits and no signal.
    pub fn from_config(config: &ClientConfig) -> CallOptions {
        CallOptions {
            signal: None,
            timeout_ms: config.timeout_ms,
            max_retries: config.max_retries,
            max_response_bytes: config.max_response_bytes,
        }
    }
}

/// A parsed 2xx answer.
pub struct ApiResponse {
    pub status: u16,
    pub body: Json,
}

/// Sends `req`, retrying as the policy allows, and returns the parsed JSON of a 2xx answer.
/// Boxed so that each API method's future holds a pointer rather than a copy of this state
/// machine, which keeps the wasm small.
pub fn call<'a>(
    config: &'a Connection,
    req: ApiRequest,
    opts: &'a CallOptions,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<ApiResponse, Error>> + 'a>> {
    Box::pin(call_inner(config, req, opts))
}

async fn call_inner(
    config: &Connection,
    req: ApiRequest,
    opts: &CallOptions,
) -> Result<ApiResponse, Error> {
    let url = req.url(&config.base_url);
    let body = req.body.as_ref().map(to_json_text);
    let headers = &config.headers[usize::from(body.is_some())];
    let signal = opts.signal.as_ref();
    let mut retries = 0;
    loop {
        let attempt = HttpRequest {
            method: req.method.as_str(),
            url: &url,
            headers,
            body: body.as_deref(),
        };
        let sent = fetch::send(attempt, signal, opts.timeout_ms, opts.max_response_bytes).await;
        let (outcome, final_error) = match sent {
            Ok(res) if (200..300).contains(&res.status) => {
                let body = parse_body(res.status, &res.text, &[])?;
                return Ok(ApiResponse {
                    status: res.status,
                    body,
                });
            }
            Ok(res) => {
                let header = |name: &str| res.headers.get(name).ok().flatten();
                let outcome = status_outcome(
                    res.status,
                    header("x-should-retry").as_deref(),
                    header("retry-after-ms").as_deref(),
                    header("retry-after").as_deref(),
                );
                let error = Error::Api {
                    status: res.status,
                    headers: res.headers,
                    text: res.text,
                };
                (outcome, error)
            }
            Err(Failure::Cancelled(reason)) => return Err(Error::Cancelled(reason)),
            Err(Failure::TooLarge(status)) => {
                return Err(Error::TooLarge {
                    status,
                    limit: opts.max_response_bytes,
                })
            }
            Err(Failure::Timeout) => (Outcome::Timeout, Error::Timeout),
            Err(Failure::NotSent(cause)) => (Outcome::NotSent, Error::Connection(cause)),
            Err(Failure::Network(cause)) => (Outcome::MaybeSent, Error::Connection(cause)),
        };
        let jitter = js_sys::Math::random();
        let Some(delay) = retry::next_delay(outcome, req.safety, retries, opts.max_retries, jitter)
        else {
            return Err(final_error);
        };
        fetch::sleep(delay, signal)
            .await
            .map_err(Error::Cancelled)?;
        retries += 1;
    }
}
