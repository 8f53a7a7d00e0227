//! Every way a Rust API call can fail, as one Rust enum: the engine's `CallError` with what the
//! driver holds (headers, causes). The JS surface describes `CallError`s as JSON instead
//! (`js_api`), and the package's JS turns them into its error classes.

use crate::engine::CallError;
use crate::json::Json;
use crate::validate::Invalid;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Why a call failed. Plain data (`Send + Sync + 'static`), so it converts into `anyhow::Error`
/// or a boxed error and can cross threads; it never holds the API key.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The input was refused before anything was sent (JS: `ValidationError`).
    Invalid(Invalid),
    /// No API key in the options or the environment (JS: `ComposioNoAPIKeyError`).
    NoApiKey,
    /// The server answered with a non-2xx status (JS: `BadRequestError`, `NotFoundError`, …).
    Api {
        status: u16,
        /// The answer's headers, names lower-cased.
        headers: Vec<(String, String)>,
        /// The body as received.
        text: String,
        /// The body as JSON, when it is JSON (of sane depth).
        body: Option<Json>,
        /// From the body's `error.code` (or `error.slug`).
        code: Option<String>,
        /// From the body's `error.request_id`, else the `x-request-id` header.
        request_id: Option<String>,
        /// From the body's `error.suggested_fix`.
        suggested_fix: Option<String>,
    },
    /// A 2xx answer without the shape the API promises (JS: `ComposioInvalidResponseError`).
    BadResponse { status: u16, what: String },
    /// The response body was larger than the limit (JS: `ComposioResponseTooLargeError`).
    TooLarge { status: u16, limit: f64 },
    /// Every attempt timed out (JS: `APIConnectionTimeoutError`).
    Timeout,
    /// The connection failed (JS: `APIConnectionError`); carries the runtime's error message.
    Connection { cause: String },
    /// The caller's signal aborted (JS: `ComposioRequestCancelledError`); carries its reason.
    Cancelled { reason: String },
    /// `waitForConnection`: the account did not exist on the first poll.
    AccountNotFound { id: String },
    /// `waitForConnection`: the account ended FAILED, EXPIRED or REVOKED.
    ConnectionFailed {
        id: String,
        status: String,
        reason: Option<String>,
    },
    /// `waitForConnection`: the account was not ACTIVE in time.
    ConnectionTimeout { id: String },
}

impl From<Invalid> for Error {
    fn from(i: Invalid) -> Error {
        Error::Invalid(i)
    }
}

impl Error {
    /// The HTTP status, for `Api` and `BadResponse`.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. }
            | Error::BadResponse { status, .. }
            | Error::TooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }
}

// Messages for Rust users (JS builds its own in the error classes). Never includes the API key.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid(i) => f.write_str(&i.message()),
            Error::NoApiKey => f.write_str("No Composio API key provided"),
            Error::Api { status, text, .. } => write!(f, "{status} {text}"),
            Error::BadResponse { status, what } => {
                write!(
                    f,
                    "Unexpected response from the server (HTTP {status}): {what}"
                )
            }
            Error::TooLarge { limit, .. } => write!(
                f,
                "The response body is larger than max_response_bytes ({limit} bytes)"
            ),
            Error::Timeout => f.write_str("Request timed out."),
            Error::Connection { .. } => f.write_str("Connection error."),
            Error::Cancelled { .. } => f.write_str("Request was cancelled by the caller"),
            Error::AccountNotFound { id } => write!(f, "Connected account with id {id} not found"),
            Error::ConnectionFailed { status, reason, .. } => {
                write!(f, "Connection request failed with status: {status}")?;
                match reason {
                    Some(r) => write!(f, ", reason: {r}"),
                    None => Ok(()),
                }
            }
            Error::ConnectionTimeout { id } => write!(f, "Connection request timed out for {id}"),
        }
    }
}

impl std::error::Error for Error {}

/// A JS value as text: an `Error`'s `name: message`, or `String(value)`.
fn js_text(v: &JsValue) -> String {
    if v.is_undefined() {
        return String::new();
    }
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(e.name()), String::from(e.message()));
    }
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .or_else(|| v.as_string())
        .unwrap_or_default()
}

fn header_list(headers: Option<web_sys::Headers>) -> Vec<(String, String)> {
    let Some(headers) = headers else {
        return Vec::new();
    };
    let Ok(Some(entries)) = js_sys::try_iter(&headers) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// `body.error.<key>` as a string (an integer code as its digits).
fn lifted(body: &Option<Json>, key: &str) -> Option<String> {
    match body.as_ref()?.get("error")?.get(key)? {
        Json::Str(s) => Some(s.clone()),
        Json::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some((*n as i64).to_string()),
        _ => None,
    }
}

impl Error {
    /// The engine's error, with what only the driver holds: the last answer's headers, the
    /// runtime's error of the last attempt, or the abort reason.
    pub(crate) fn from_call(
        e: CallError,
        headers: Option<web_sys::Headers>,
        cause: JsValue,
    ) -> Error {
        match e {
            CallError::Invalid(i) => Error::Invalid(i),
            CallError::Api { status, text, body } => {
                let headers = header_list(headers);
                let request_id = lifted(&body, "request_id").or_else(|| {
                    headers
                        .iter()
                        .find(|(k, _)| k == "x-request-id")
                        .map(|(_, v)| v.clone())
                });
                Error::Api {
                    status,
                    code: lifted(&body, "code").or_else(|| lifted(&body, "slug")),
                    suggested_fix: lifted(&body, "suggested_fix"),
                    request_id,
                    headers,
                    text,
                    body,
                }
            }
            CallError::BadResponse { status, what, .. } => Error::BadResponse { status, what },
            CallError::TooLarge { status, limit } => Error::TooLarge { status, limit },
            CallError::Timeout => Error::Timeout,
            CallError::Connection => Error::Connection {
                cause: js_text(&cause),
            },
            CallError::Cancelled => Error::Cancelled {
                reason: js_text(&cause),
            },
            CallError::AccountNotFound { id } => Error::AccountNotFound { id },
            CallError::ConnectionFailed { id, status, reason } => {
                Error::ConnectionFailed { id, status, reason }
            }
            CallError::ConnectionTimeout { id } => Error::ConnectionTimeout { id },
        }
    }
}

// The promise above, checked at compile time.
const _: fn() = || {
    fn plain<T: Send + Sync + std::error::Error + 'static>() {}
    plain::<Error>();
};
