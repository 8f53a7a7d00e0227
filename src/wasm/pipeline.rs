//! The one request pipeline every call goes through: build the URL and JSON body, send with a
//! per-attempt timeout, retry per `crate::retry`, and turn every failure into an error
//! descriptor. A 2xx answer comes back as parsed JSON.

use super::convert::{from_response, to_js};
use super::errors::Error;
use super::fetch::{self, Failure, HttpRequest};
use crate::client_config::{join_url, ClientConfig};
use crate::json::Json;
use crate::retry::{self, Outcome, Safety};
use gloo_net::http::Method;
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// Per-call settings: the caller's signal and the client's (or the call's) limits.
pub struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: f64,
    pub max_retries: u32,
}

impl CallOptions {
    /// The client's limits and no signal.
    pub fn from_config(config: &ClientConfig) -> CallOptions {
        CallOptions {
            signal: None,
            timeout_ms: config.timeout_ms,
            max_retries: config.max_retries,
        }
    }
}

/// One API request: method, path (already percent-encoded), query string, JSON body.
pub struct ApiRequest {
    pub method: Method,
    pub path: String,
    /// Without the leading `?`; empty for none.
    pub query: String,
    pub body: Option<Json>,
    /// Whether repeating the request is harmless. `GET`/`HEAD` are; a `POST` that only reads
    /// (search, a download URL) is marked with `reads_only()`.
    pub safety: Safety,
}

impl ApiRequest {
    pub fn new(method: Method, path: String) -> ApiRequest {
        let safety = if method == Method::GET || method == Method::HEAD {
            Safety::Idempotent
        } else {
            Safety::SideEffect
        };
        ApiRequest {
            method,
            path,
            query: String::new(),
            body: None,
            safety,
        }
    }

    /// Marks a `POST` that changes nothing on the server, so it may be retried like a `GET`.
    pub fn reads_only(mut self) -> ApiRequest {
        self.safety = Safety::Idempotent;
        self
    }

    pub fn body(mut self, body: Json) -> ApiRequest {
        self.body = Some(body);
        self
    }

    pub fn query(mut self, query: String) -> ApiRequest {
        self.query = query;
        self
    }
}

/// A parsed 2xx answer.
pub struct ApiResponse {
    pub status: u16,
    pub body: Json,
}

fn number_header(headers: &web_sys::Headers, name: &str) -> Option<f64> {
    let text = headers.get(name).ok().flatten()?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let n = js_sys::Number::from(JsValue::from_str(trimmed)).value_of();
    (!n.is_nan()).then_some(n)
}

fn outcome_of(status: u16, headers: &web_sys::Headers) -> Outcome {
    let should_retry = match headers.get("x-should-retry").ok().flatten().as_deref() {
        Some("true") => Some(true),
        Some("false") => Some(false),
        _ => None,
    };
    let date_ms = headers
        .get("retry-after")
        .ok()
        .flatten()
        .map(|d| js_sys::Date::parse(&d))
        .filter(|d| !d.is_nan());
    Outcome::Status {
        status,
        should_retry,
        server_delay_ms: retry::server_delay_ms(
            number_header(headers, "retry-after-ms"),
            number_header(headers, "retry-after"),
            date_ms,
            js_sys::Date::now(),
        ),
    }
}

/// A 2xx answer whose body is not what the API promises.
pub fn bad_response(status: u16, what: &str) -> Error {
    Error::BadResponse {
        status,
        what: what.to_string(),
    }
}

/// Sends `req`, retrying as the policy allows, and returns the parsed JSON of a 2xx answer.
/// Boxed so that each API method's future holds a pointer rather than a copy of this state
/// machine, which keeps the wasm small.
pub fn call<'a>(
    config: &'a ClientConfig,
    req: ApiRequest,
    opts: &'a CallOptions,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<ApiResponse, Error>> + 'a>> {
    Box::pin(call_inner(config, req, opts))
}

async fn call_inner(
    config: &ClientConfig,
    req: ApiRequest,
    opts: &CallOptions,
) -> Result<ApiResponse, Error> {
    let mut url = join_url(&config.base_url, &req.path);
    if !req.query.is_empty() {
        url.push('?');
        url.push_str(&req.query);
    }
    let body = req.body.map(|b| {
        js_sys::JSON::stringify(&to_js(&b))
            .map(String::from)
            .unwrap_or_default()
    });
    let safety = req.safety;
    let signal = opts.signal.as_ref();
    let mut retries = 0;
    loop {
        let attempt = HttpRequest {
            method: req.method.clone(),
            url: url.clone(),
            headers: &config.headers,
            body: body.clone(),
        };
        let (outcome, final_error) = match fetch::send(attempt, signal, opts.timeout_ms).await {
            Ok(res) if (200..300).contains(&res.status) => return parse_success(res),
            Ok(res) => {
                let outcome = outcome_of(res.status, &res.headers);
                let error = Error::Api {
                    status: res.status,
                    headers: res.headers,
                    text: res.text,
                };
                (outcome, error)
            }
            Err(Failure::Cancelled(reason)) => return Err(Error::Cancelled(reason)),
            Err(Failure::Timeout) => (Outcome::Timeout, Error::Timeout),
            Err(Failure::Network(cause)) => {
                let outcome = if fetch::failed_before_sending(&cause) {
                    Outcome::NotSent
                } else {
                    Outcome::MaybeSent
                };
                (outcome, Error::Connection(cause))
            }
        };
        let jitter = js_sys::Math::random();
        let Some(delay) = retry::next_delay(outcome, safety, retries, opts.max_retries, jitter)
        else {
            return Err(final_error);
        };
        fetch::sleep(delay, signal)
            .await
            .map_err(Error::Cancelled)?;
        retries += 1;
    }
}

fn parse_success(res: fetch::HttpResponse) -> Result<ApiResponse, Error> {
    if res.text.is_empty() {
        // A 204 (e.g. nothing to return) has no body by design.
        if res.status == 204 {
            return Ok(ApiResponse {
                status: res.status,
                body: Json::Null,
            });
        }
        return Err(bad_response(
            res.status,
            "the response body is empty; expected JSON",
        ));
    }
    match js_sys::JSON::parse(&res.text) {
        Ok(v) => Ok(ApiResponse {
            status: res.status,
            body: from_response(&v),
        }),
        Err(_) => Err(bad_response(res.status, "the response body is not JSON")),
    }
}
