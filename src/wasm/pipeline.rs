//! The one request pipeline every call goes through: build the URL and JSON body, send with a
//! per-attempt timeout, retry per `crate::retry`, and turn every failure into an error
//! descriptor. A 2xx answer comes back as parsed JSON.

use super::errors::Error;
use super::fetch::{self, Failure, HttpRequest};
use crate::client_config::{join_url, ClientConfig};
use crate::json::Json;
use crate::json_text::{self, ParseError};
use crate::retry::{self, Outcome, Safety};
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// An HTTP method of the API.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// Numbers cross as text both ways, converted by JS itself (see `json_text`).
pub fn number_from_text(text: &str) -> f64 {
    js_sys::Number::parse_float(text)
}

pub fn number_to_text(n: f64) -> String {
    super::js_number_string(n)
}

/// `Json` as JSON text, numbers formatted as JS formats them.
pub fn to_json_text(v: &Json) -> String {
    json_text::to_text(v, number_to_text)
}

/// Per-call settings: the caller's signal and the client's (or the call's) limits.
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

/// One API request: method, path (already percent-encoded), query string, JSON body.
pub struct ApiRequest {
    pub method: Method,
    pub path: String,
    /// Without the leading `?`; empty for none.
    pub query: String,
    pub body: Option<Json>,
    /// Whether repeating the request is harmless. A `GET` is; a `POST` that only reads
    /// (search, a download URL) is marked with `reads_only()`.
    pub safety: Safety,
}

impl ApiRequest {
    pub fn new(method: Method, path: String) -> ApiRequest {
        let safety = if method == Method::Get {
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
    let body = req.body.as_ref().map(to_json_text);
    let headers_json = &config.headers_json[usize::from(body.is_some())];
    let safety = req.safety;
    let signal = opts.signal.as_ref();
    let mut retries = 0;
    loop {
        let attempt = HttpRequest {
            method: req.method.as_str(),
            url: &url,
            headers_json,
            body: body.as_deref(),
        };
        let sent = fetch::send(attempt, signal, opts.timeout_ms, opts.max_response_bytes).await;
        let (outcome, final_error) = match sent {
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
    match json_text::parse(&res.text, number_from_text) {
        Ok(body) => Ok(ApiResponse {
            status: res.status,
            body,
        }),
        Err(e) => Err(bad_response(res.status, ParseError::describe(&e))),
    }
}
