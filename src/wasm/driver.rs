//! The Rust API's driver of the call engine: performs each `Action` through `pkg/transport.js`
//! (the fetch, the per-attempt timeout, the signal and the size limit) and feeds the outcome
//! back. The policy (retries, paging, polling) is the engine's.

use super::errors::Error;
use super::fetch::{self, Failure, HttpRequest};
use super::host::HOST;
use crate::client_config::ClientConfig;
use crate::endpoints;
use crate::engine::{Action, Answer, Call, Limits, Lost};
use crate::json::Json;
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// A client's settings with its request headers as JS objects, built once (without and with
/// `content-type`), so no request parses them again.
pub struct Connection {
    pub config: ClientConfig,
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

/// Per-call settings: the caller's signal and the limits.
pub struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub limits: Limits,
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Runs the endpoint row `op` with `args` to its result.
pub async fn run(
    conn: &Connection,
    op: &str,
    args: Vec<Json>,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let Some(ep) = endpoints::find(op) else {
        unreachable!("the Rust API names only rows of the table: {op}")
    };
    let (mut call, mut action) = Call::start(ep, &args, opts.limits, &conn.config, HOST, now());
    let signal = opts.signal.as_ref();
    let mut headers = None;
    let mut cause = JsValue::UNDEFINED;
    loop {
        let call = match (&mut call, action) {
            (_, Action::Done(value)) => return Ok(value),
            (_, Action::Fail(e)) => return Err(Error::from_call(e, headers, cause)),
            (Some(call), next) => {
                action = next;
                call
            }
            (None, _) => unreachable!("an unfinished call without state"),
        };
        action = match action {
            Action::Send {
                timeout_ms,
                max_bytes,
            } => {
                let req = HttpRequest {
                    method: call.method().as_str(),
                    url: call.url(),
                    headers: &conn.headers[usize::from(call.body().is_some())],
                    body: call.body(),
                };
                match fetch::send(req, signal, timeout_ms, max_bytes).await {
                    Ok(res) => {
                        let h = |name: &str| res.headers.get(name).ok().flatten();
                        let (retry, retry_ms, after) =
                            (h("x-should-retry"), h("retry-after-ms"), h("retry-after"));
                        let answer = Answer {
                            status: res.status,
                            should_retry: retry.as_deref(),
                            retry_after_ms: retry_ms.as_deref(),
                            retry_after: after.as_deref(),
                            body: res.body,
                        };
                        let next = call.answered(answer, &conn.config, now());
                        headers = Some(res.headers);
                        next
                    }
                    Err(failure) => {
                        let (how, why) = match failure {
                            Failure::Cancelled(reason) => (Lost::Cancelled, reason),
                            Failure::Timeout => (Lost::Timeout, JsValue::UNDEFINED),
                            Failure::NotSent(e) => (Lost::NotSent, e),
                            Failure::Network(e) => (Lost::Network, e),
                            Failure::TooLarge(status) => {
                                (Lost::TooLarge(status), JsValue::UNDEFINED)
                            }
                        };
                        cause = why;
                        call.lost(how, now())
                    }
                }
            }
            Action::Wait(ms) => match fetch::sleep(ms, signal).await {
                Ok(()) => call.waited(now()),
                Err(reason) => {
                    cause = reason;
                    call.lost(Lost::Cancelled, now())
                }
            },
            done_or_failed => done_or_failed,
        };
    }
}
