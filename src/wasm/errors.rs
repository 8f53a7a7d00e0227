//! Every way a call can fail, as one Rust enum. Rust users get it as is; the JS surface turns
//! the errors it can meet into plain descriptor objects (`{ __composio: kind, … }`) that the
//! package's JS turns into instances of the matching exported error class.

use crate::validate::Invalid;
#[cfg(feature = "js-api")]
use crate::validate::Seg;
#[cfg(feature = "js-api")]
use js_sys::{Array, Object, Reflect};
use std::fmt;
use wasm_bindgen::JsValue;

/// Why a call failed.
#[derive(Debug)]
pub enum Error {
    /// The input was refused before anything was sent (JS: `ValidationError`).
    Invalid(Invalid),
    /// No API key in the options or the environment (JS: `ComposioNoAPIKeyError`).
    NoApiKey,
    /// The server answered with a non-2xx status (JS: `BadRequestError`, `NotFoundError`, …).
    Api {
        status: u16,
        headers: web_sys::Headers,
        /// The body as received.
        text: String,
    },
    /// A 2xx answer without the shape the API promises (JS: `ComposioInvalidResponseError`).
    BadResponse { status: u16, what: String },
    /// The response body was larger than the limit (JS: `ComposioResponseTooLargeError`).
    TooLarge { status: u16, limit: f64 },
    /// Every attempt timed out (JS: `APIConnectionTimeoutError`).
    Timeout,
    /// The connection failed (JS: `APIConnectionError`); carries the runtime's error.
    Connection(JsValue),
    /// The caller's signal aborted (JS: `ComposioRequestCancelledError`); carries its reason.
    Cancelled(JsValue),
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
            Error::Connection(_) => f.write_str("Connection error."),
            Error::Cancelled(_) => f.write_str("Request was cancelled by the caller"),
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

// ---- Descriptors for the JS surface ----------------------------------------------------------
//
// Through the JS surface the wasm only ever finds bad input and malformed answers: sending,
// timeouts, cancellation and polling happen in the package's JS (request.js), which raises
// those errors itself. The other variants (made by the Rust API's pipeline) never reach JS;
// should one, it is reported as an internal error.

#[cfg(feature = "js-api")]
fn put(obj: &Object, key: &str, value: JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

#[cfg(feature = "js-api")]
fn descriptor(kind: &str, fields: Vec<(&str, JsValue)>) -> JsValue {
    let obj = Object::new();
    put(&obj, "__composio", JsValue::from_str(kind));
    for (k, v) in fields {
        put(&obj, k, v);
    }
    obj.into()
}

#[cfg(feature = "js-api")]
fn issues(invalid: &Invalid) -> JsValue {
    let out = Array::new();
    for issue in &invalid.issues {
        let path = Array::new();
        for seg in &issue.path.0 {
            match seg {
                Seg::Key(k) => path.push(&JsValue::from_str(k)),
                Seg::Index(i) => path.push(&JsValue::from_f64(*i as f64)),
            };
        }
        let item = Object::new();
        put(&item, "code", JsValue::from_str(issue.code));
        put(&item, "path", path.into());
        put(&item, "message", JsValue::from_str(&issue.message));
        out.push(&item);
    }
    out.into()
}

/// The descriptor `pkg/errors.js` (`fromDescriptor`) turns into an error class.
#[cfg(feature = "js-api")]
impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        let s = |v: &str| JsValue::from_str(v);
        match e {
            Error::Invalid(i) => descriptor(
                "validation",
                vec![("message", s(&i.message())), ("issues", issues(&i))],
            ),
            Error::NoApiKey => descriptor("no_api_key", vec![]),
            Error::BadResponse { status, what } => descriptor(
                "bad_response",
                vec![
                    ("status", JsValue::from_f64(f64::from(status))),
                    ("message", s(&what)),
                ],
            ),
            // (Not `to_string()`: its float formatting alone would add about 20 KB to the module.)
            _ => descriptor("internal", vec![]),
        }
    }
}
