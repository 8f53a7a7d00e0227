//! [`Error`]: every way a call can fail, as plain data a caller can match on.

use crate::engine::CallError;
use crate::validate::Invalid;
use serde_json::Value;
use std::fmt;
use std::sync::Arc;

/// One problem with the caller's input, found before anything was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Where, as the JS API names it (`toolkits[0]`, `options.cursor`, `userId`).
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The kind of problem (`invalid_type`, `too_small`, `custom`, …).
    pub code: String,
}

/// The runtime's error behind a connection failure (reqwest's natively; the fetch rejection's
/// text on wasm32).
pub type Source = Arc<dyn std::error::Error + Send + Sync + 'static>;

/// Why a call failed. Plain data: `Send + Sync + 'static`, `Clone`, converts into
/// `anyhow::Error` or `Box<dyn std::error::Error>`; neither `Debug` nor `Display` ever shows the
/// API key.
///
/// ```
/// use composio_wasm::Error;
///
/// fn explain(err: &Error) -> String {
///     match err {
///         Error::Api { status: 404, .. } => "no such thing".into(),
///         Error::Api { code: Some(code), request_id, .. } => {
///             format!("API error {code} (request {request_id:?})")
///         }
///         Error::Invalid { issues, .. } => format!("bad input at {}", issues[0].path),
///         Error::Timeout | Error::Connection { .. } => "network trouble; try again".into(),
///         other => other.to_string(),
///     }
/// }
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub enum Error {
    /// The input was refused before any request was sent.
    Invalid {
        /// All issues, joined as one line.
        message: String,
        /// Each issue with its path.
        issues: Vec<Issue>,
    },
    /// No API key was given to the builder (nor found in `COMPOSIO_API_KEY` natively).
    NoApiKey,
    /// The server answered with a non-2xx status (after the retries the rule allows).
    Api {
        /// The HTTP status.
        status: u16,
        /// The body's `error.code` (or `error.slug`), e.g. `"10401"`.
        code: Option<String>,
        /// The body's `error.request_id`, else the `x-request-id` header.
        request_id: Option<String>,
        /// The body's `error.suggested_fix`.
        suggested_fix: Option<String>,
        /// The body's `error.message` (or `message`), else the body as text.
        message: String,
        /// The body as JSON, when it is JSON.
        body: Option<Value>,
        /// The response headers, names lower-cased.
        headers: Vec<(String, String)>,
    },
    /// A 2xx answer without the shape the API promises.
    InvalidResponse {
        /// The HTTP status.
        status: u16,
        /// What was wrong with it.
        message: String,
    },
    /// The response body (or all pages together) was larger than the client's limit.
    ResponseTooLarge {
        /// The HTTP status.
        status: u16,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The last attempt timed out (after the retries the rule allows).
    Timeout,
    /// The connection failed (after the retries the rule allows).
    Connection {
        /// The runtime's description.
        message: String,
        /// The runtime's error, when there is one (also through `source()`).
        source: Option<Source>,
    },
    /// The call's [`CancelHandle`](crate::CancelHandle) was cancelled.
    Cancelled,
    /// `wait_for_connection`: the account did not exist on the first poll.
    AccountNotFound {
        /// The connected account id.
        id: String,
    },
    /// `wait_for_connection`: the account ended FAILED, EXPIRED or REVOKED.
    ConnectionFailed {
        /// The connected account id.
        id: String,
        /// The status it ended in.
        status: String,
        /// The server's `statusReason`, if any.
        reason: Option<String>,
    },
    /// `wait_for_connection`: the account was not ACTIVE before the timeout.
    ConnectionTimeout {
        /// The connected account id.
        id: String,
    },
}

impl Error {
    /// The HTTP status of an `Api`, `InvalidResponse` or `ResponseTooLarge` error.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. }
            | Error::InvalidResponse { status, .. }
            | Error::ResponseTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The API's error code, for an `Api` error that has one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api { code, .. } => code.as_deref(),
            _ => None,
        }
    }

    /// The request id, for an `Api` error that has one (quote it to support).
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The API's suggested fix, for an `Api` error that has one.
    pub fn suggested_fix(&self) -> Option<&str> {
        match self {
            Error::Api { suggested_fix, .. } => suggested_fix.as_deref(),
            _ => None,
        }
    }

    /// Whether this is a failure worth trying again later (a timeout, a lost connection, a 429
    /// or a 5xx); the client has already retried what was safe to retry.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Timeout | Error::Connection { .. } => true,
            Error::Api { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }

    pub(crate) fn invalid(i: Invalid) -> Error {
        let issues = i
            .issues
            .iter()
            .map(|issue| Issue {
                path: issue.path.display(),
                message: issue.message.clone(),
                code: issue.code.to_string(),
            })
            .collect();
        Error::Invalid {
            message: i.message(),
            issues,
        }
    }

    /// The engine's error with what only the driver holds: the last answer's headers and the
    /// last connection failure.
    pub(crate) fn from_call(
        e: CallError,
        headers: Vec<(String, String)>,
        cause: Option<(String, Option<Source>)>,
    ) -> Error {
        match e {
            CallError::Invalid(i) => Error::invalid(i),
            CallError::Api { status, text, body } => {
                let body = body.map(|b| super::convert::to_value(&b));
                let lifted = |key: &str| match body.as_ref()?.get("error")?.get(key)? {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                };
                let request_id = lifted("request_id").or_else(|| {
                    headers
                        .iter()
                        .find(|(k, _)| k == "x-request-id")
                        .map(|(_, v)| v.clone())
                });
                let message = lifted("message")
                    .or_else(|| match body.as_ref()?.get("message")? {
                        Value::String(s) => Some(s.clone()),
                        _ => None,
                    })
                    .unwrap_or(text);
                Error::Api {
                    status,
                    code: lifted("code").or_else(|| lifted("slug")),
                    suggested_fix: lifted("suggested_fix"),
                    request_id,
                    message,
                    body,
                    headers,
                }
            }
            CallError::BadResponse { status, what, .. } => Error::InvalidResponse {
                status,
                message: what,
            },
            CallError::TooLarge { status, limit } => Error::ResponseTooLarge {
                status,
                limit: limit as u64,
            },
            CallError::Timeout => Error::Timeout,
            CallError::Connection => {
                let (message, source) = cause.unwrap_or_default();
                Error::Connection { message, source }
            }
            CallError::Cancelled => Error::Cancelled,
            CallError::AccountNotFound { id } => Error::AccountNotFound { id },
            CallError::ConnectionFailed { id, status, reason } => {
                Error::ConnectionFailed { id, status, reason }
            }
            CallError::ConnectionTimeout { id } => Error::ConnectionTimeout { id },
        }
    }
}

// Written by hand so that `source` (a trait object) prints as its message.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid { issues, .. } => {
                f.debug_struct("Invalid").field("issues", issues).finish()
            }
            Error::NoApiKey => f.write_str("NoApiKey"),
            Error::Api {
                status,
                code,
                request_id,
                suggested_fix,
                message,
                ..
            } => f
                .debug_struct("Api")
                .field("status", status)
                .field("code", code)
                .field("request_id", request_id)
                .field("suggested_fix", suggested_fix)
                .field("message", message)
                .finish_non_exhaustive(),
            Error::InvalidResponse { status, message } => f
                .debug_struct("InvalidResponse")
                .field("status", status)
                .field("message", message)
                .finish(),
            Error::ResponseTooLarge { status, limit } => f
                .debug_struct("ResponseTooLarge")
                .field("status", status)
                .field("limit", limit)
                .finish(),
            Error::Timeout => f.write_str("Timeout"),
            Error::Connection { message, .. } => f
                .debug_struct("Connection")
                .field("message", message)
                .finish_non_exhaustive(),
            Error::Cancelled => f.write_str("Cancelled"),
            Error::AccountNotFound { id } => {
                f.debug_struct("AccountNotFound").field("id", id).finish()
            }
            Error::ConnectionFailed { id, status, reason } => f
                .debug_struct("ConnectionFailed")
                .field("id", id)
                .field("status", status)
                .field("reason", reason)
                .finish(),
            Error::ConnectionTimeout { id } => {
                f.debug_struct("ConnectionTimeout").field("id", id).finish()
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid { message, .. } => write!(f, "invalid input: {message}"),
            Error::NoApiKey => {
                f.write_str("no Composio API key: pass one to the builder or set COMPOSIO_API_KEY")
            }
            Error::Api {
                status,
                code,
                request_id,
                suggested_fix,
                message,
                ..
            } => {
                write!(f, "HTTP {status}: {message}")?;
                if let Some(code) = code {
                    write!(f, " (code {code})")?;
                }
                if let Some(id) = request_id {
                    write!(f, " [request {id}]")?;
                }
                if let Some(fix) = suggested_fix {
                    write!(f, "; suggested fix: {fix}")?;
                }
                Ok(())
            }
            Error::InvalidResponse { status, message } => {
                write!(
                    f,
                    "unexpected response from the server (HTTP {status}): {message}"
                )
            }
            Error::ResponseTooLarge { limit, .. } => {
                write!(
                    f,
                    "the response body is larger than the limit ({limit} bytes)"
                )
            }
            Error::Timeout => f.write_str("the request timed out"),
            Error::Connection { message, .. } => write!(f, "connection error: {message}"),
            Error::Cancelled => f.write_str("the request was cancelled"),
            Error::AccountNotFound { id } => write!(f, "connected account {id} not found"),
            Error::ConnectionFailed { id, status, reason } => {
                write!(f, "connection {id} failed with status {status}")?;
                match reason {
                    Some(r) => write!(f, ": {r}"),
                    None => Ok(()),
                }
            }
            Error::ConnectionTimeout { id } => write!(f, "timed out waiting for connection {id}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Connection {
                source: Some(s), ..
            } => Some(&**s as &(dyn std::error::Error + 'static)),
            _ => None,
        }
    }
}

// The promise above, checked at compile time.
const _: fn() = || {
    fn plain<T: Send + Sync + Clone + std::error::Error + 'static>() {}
    plain::<Error>();
};
