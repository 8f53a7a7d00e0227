//! Every way a Rust API call can fail, as one Rust enum: the engine's `CallError` with what the
//! driver holds (headers, causes). The JS surface describes `CallError`s as JSON instead
//! (`js_api`), and the package's JS turns them into its error classes.

use crate::engine::CallError;
use crate::validate::Invalid;
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
            CallError::Api { status, text, .. } => Error::Api {
                status,
                headers: headers.unwrap_or_else(|| web_sys::Headers::new().expect("Headers")),
                text,
            },
            CallError::BadResponse { status, what, .. } => Error::BadResponse { status, what },
            CallError::TooLarge { status, limit } => Error::TooLarge { status, limit },
            CallError::Timeout => Error::Timeout,
            CallError::Connection => Error::Connection(cause),
            CallError::Cancelled => Error::Cancelled(cause),
            CallError::AccountNotFound { id } => Error::AccountNotFound { id },
            CallError::ConnectionFailed { id, status, reason } => {
                Error::ConnectionFailed { id, status, reason }
            }
            CallError::ConnectionTimeout { id } => Error::ConnectionTimeout { id },
        }
    }
}
