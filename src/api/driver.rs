//! The Rust API's driver of the call engine (`crate::engine`): performs each `Action` through
//! the target's transport, racing each attempt and wait against its timeout and the caller's
//! `CancelHandle`, and feeds back what happened. Retries, paging and polling are the engine's.

use super::cancel::CancelHandle;
use super::host::{now, HOST};
use super::transport::{self, Failure, Request};
use super::{Error, Source};
use crate::client_config::ClientConfig;
use crate::endpoints;
use crate::engine::{Action, Answer, Call, Limits, Lost};
use crate::json::Json;
use futures_util::future::{self, Either};
use std::future::Future;
use std::time::Duration;

/// What every call of one client shares.
pub(crate) struct Inner {
    pub config: ClientConfig,
    pub http: transport::Http,
}

/// One call's settings: the client's limits, or the builder's overrides, and the handle.
#[derive(Clone, Debug, Default)]
pub(crate) struct Opts {
    pub cancel: Option<CancelHandle>,
    pub timeout: Option<Duration>,
    pub max_retries: Option<u32>,
}

enum Race<T> {
    Done(T),
    TimedOut,
    Cancelled,
}

/// `work`, unless `timeout` passes or `cancel` fires first (then `work` is dropped).
async fn race<F: Future>(
    work: F,
    timeout: Option<Duration>,
    cancel: Option<&CancelHandle>,
) -> Race<F::Output> {
    let timer = async {
        match timeout {
            Some(d) => transport::sleep(d).await,
            None => future::pending::<()>().await,
        }
    };
    let cancelled = async {
        match cancel {
            Some(c) => c.cancelled().await,
            None => future::pending::<()>().await,
        }
    };
    let stop = future::select(Box::pin(timer), Box::pin(cancelled));
    match future::select(Box::pin(work), stop).await {
        Either::Left((out, _)) => Race::Done(out),
        Either::Right((Either::Left(_), _)) => Race::TimedOut,
        Either::Right((Either::Right(_), _)) => Race::Cancelled,
    }
}

fn ms(d: f64) -> Duration {
    Duration::from_secs_f64(d.max(0.0) / 1000.0)
}

/// Runs the endpoint row `row` with `args` to its result.
pub(crate) async fn run(
    inner: &Inner,
    row: &str,
    args: Vec<Json>,
    opts: &Opts,
) -> Result<Json, Error> {
    let Some(ep) = endpoints::find(row) else {
        unreachable!("the Rust API names only rows of the table: {row}")
    };
    let config = &inner.config;
    let mut limits = Limits::of(config);
    if let Some(t) = opts.timeout {
        limits.timeout_ms = t.as_secs_f64() * 1000.0;
    }
    if let Some(n) = opts.max_retries {
        // The client's own setting is checked to be 0..=10 at build time; so is this one.
        limits.max_retries = n.min(10);
    }
    let cancel = opts.cancel.as_ref();
    if cancel.is_some_and(CancelHandle::is_cancelled) {
        return Err(Error::Cancelled);
    }
    let (mut call, mut action) = Call::start(ep, &args, limits, config, HOST, now());
    let mut headers = Vec::new();
    let mut cause: Option<(String, Option<Source>)> = None;
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
                let req = Request {
                    method: call.method().as_str(),
                    url: call.url(),
                    headers: &config.headers,
                    body: call.body(),
                };
                let attempt = transport::send(&inner.http, req, max_bytes.max(0.0) as u64);
                match race(attempt, Some(ms(timeout_ms)), cancel).await {
                    Race::Done(Ok(res)) => {
                        let h = |name| transport::header(&res.headers, name);
                        let answer = Answer {
                            status: res.status,
                            should_retry: h("x-should-retry"),
                            retry_after_ms: h("retry-after-ms"),
                            retry_after: h("retry-after"),
                            body: res.body,
                        };
                        let next = call.answered(answer, config, now());
                        headers = res.headers;
                        next
                    }
                    Race::Done(Err(failure)) => {
                        let how = match failure {
                            Failure::NotSent(e) => {
                                cause = Some((e.to_string(), Some(e)));
                                Lost::NotSent
                            }
                            Failure::Network(e) => {
                                cause = Some((e.to_string(), Some(e)));
                                Lost::Network
                            }
                            Failure::TooLarge(status) => Lost::TooLarge(status),
                        };
                        call.lost(how, now())
                    }
                    Race::TimedOut => call.lost(Lost::Timeout, now()),
                    Race::Cancelled => call.lost(Lost::Cancelled, now()),
                }
            }
            Action::Wait(wait_ms) => {
                match race(transport::sleep(ms(wait_ms)), None, cancel).await {
                    Race::Cancelled => call.lost(Lost::Cancelled, now()),
                    _ => call.waited(now()),
                }
            }
            done_or_failed => done_or_failed,
        };
    }
}
