//! The call engine: one state machine runs every API call, with no I/O and no clock of its own
//! (in the manner of quinn-proto). A driver starts a call from an endpoint row and the caller's
//! arguments, then loops: it performs the `Action` the call asks for (send this request, wait
//! this long, done, failed) and feeds back what happened (an answer, a lost attempt, the end of
//! a wait), with the current time. Retries (the side-effect rule, `retry-after`,
//! `x-should-retry`), cursor paging within a byte budget and `waitForConnection` polling with a
//! deadline all live here, once; `pkg/request.js` and the Rust API are short drivers.

use crate::client_config::{path_segment, ClientConfig};
use crate::connection::{self, Poll};
use crate::endpoints::{Args, Endpoint, Flow, Read};
use crate::json::Json;
use crate::json_text::{self, ParseError};
use crate::query::encode;
use crate::request::Method;
use crate::retry::{self, Outcome};
use crate::shape::BadShape;
use crate::validate::Invalid;

/// What the engine needs from its host, as plain functions so that tests can fake them.
#[derive(Clone, Copy)]
pub struct Host {
    /// A random number in [0, 1), for the retry jitter.
    pub random: fn() -> f64,
    /// An HTTP date (`retry-after`) as ms since the epoch.
    pub parse_date: fn(&str) -> Option<f64>,
    /// A number as JS's `Number(text)` reads it (JSON literals, header values).
    pub parse_number: fn(&str) -> f64,
    /// A number as JS's `String(n)` prints it.
    pub print_number: fn(f64) -> String,
    /// The driver only writes results back as JSON text, so page items may be `Json::Raw`
    /// (read by a row's fast text reader, `Read::Page`'s second member).
    pub text_items: bool,
}

/// The limits of one call: the client's, or the caller's per-call options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Per attempt, in ms.
    pub timeout_ms: f64,
    pub max_retries: u32,
    /// The most response bytes the whole call reads (all pages together).
    pub max_bytes: f64,
}

impl Limits {
    pub fn of(config: &ClientConfig) -> Limits {
        Limits {
            timeout_ms: config.timeout_ms,
            max_retries: config.max_retries,
            max_bytes: config.max_response_bytes,
        }
    }
}

/// Between polls of `waitForConnection`.
pub const POLL_INTERVAL_MS: f64 = 1000.0;
/// A guard against a server that keeps returning cursors (the byte budget is the real bound).
pub const MAX_PAGES: usize = 10_000;

/// Why a call failed. The driver adds what only it holds (the last response's headers, the
/// runtime's error, the abort reason).
#[derive(Debug, PartialEq)]
pub enum CallError {
    /// Bad input, found before anything was sent.
    Invalid(Invalid),
    /// A non-2xx answer: its body as text, and as JSON when it is JSON of sane depth.
    Api {
        status: u16,
        text: String,
        body: Option<Json>,
    },
    /// A 2xx answer without the promised shape: what was wrong, and the body as received.
    BadResponse {
        status: u16,
        what: String,
        text: String,
    },
    /// The answer (or all pages together) passed the byte limit.
    TooLarge { status: u16, limit: f64 },
    /// The last attempt timed out.
    Timeout,
    /// The last attempt's connection failed.
    Connection,
    /// The caller aborted.
    Cancelled,
    /// `waitForConnection`: no such account on the first poll.
    AccountNotFound { id: String },
    /// `waitForConnection`: the account ended FAILED, EXPIRED or REVOKED.
    ConnectionFailed {
        id: String,
        status: String,
        reason: Option<String>,
    },
    /// `waitForConnection`: the deadline passed first.
    ConnectionTimeout { id: String },
}

impl From<Invalid> for CallError {
    fn from(i: Invalid) -> CallError {
        CallError::Invalid(i)
    }
}

/// What the driver should do now.
#[derive(Debug, PartialEq)]
pub enum Action {
    /// Send `call.method()`, `call.url()`, `call.body()`: one attempt, aborted after
    /// `timeout_ms`, reading at most `max_bytes` of the answer.
    Send {
        timeout_ms: f64,
        max_bytes: f64,
    },
    /// Wait this many ms, then call `waited`.
    Wait(f64),
    Done(Json),
    Fail(CallError),
}

/// How an attempt ended without an answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lost {
    /// The per-attempt timeout fired.
    Timeout,
    /// Refused or unresolved: nothing was sent.
    NotSent,
    /// Failed in a way that does not tell whether the request arrived.
    Network,
    /// The body passed the attempt's `max_bytes`; carries the status.
    TooLarge(u16),
    /// The caller's signal aborted.
    Cancelled,
}

/// A response, with the headers the retry rule reads.
pub struct Answer<'a> {
    pub status: u16,
    pub should_retry: Option<&'a str>,
    pub retry_after_ms: Option<&'a str>,
    pub retry_after: Option<&'a str>,
    pub body: Vec<u8>,
}

enum Mode {
    Single,
    Pages {
        items: Vec<Json>,
        /// Bytes of the pages read so far.
        read: f64,
        pages: usize,
        /// The first page's URL; later pages add `cursor`.
        first: String,
    },
    Poll {
        id: String,
        deadline: f64,
        polls: u32,
    },
}

/// One call in progress.
pub struct Call {
    ep: &'static Endpoint,
    url: String,
    body: Option<String>,
    limits: Limits,
    host: Host,
    /// Retries made for the current request.
    retries: u32,
    /// The most bytes the current attempt may read (what the last `Send` said): the engine
    /// holds an answer to it itself, whatever the driver did.
    attempt_bytes: f64,
    mode: Mode,
}

/// Fills `{name}` parameters in order, each checked and percent-encoded.
fn fill(template: &str, values: &[String]) -> Result<String, Invalid> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let mut values = values.iter();
    while let Some(open) = rest.find('{') {
        let part = |a, b| json_text::part(rest, a, b);
        let close = open
            + part(open, rest.len())
                .find('}')
                .unwrap_or(rest.len() - open);
        let name = part(open + 1, close);
        out.push_str(part(0, open));
        out.push_str(&path_segment(values.next().map_or("", |v| v), name)?);
        rest = rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
}

/// The body as text, decoded as `Response.text()` decodes it: UTF-8, a leading byte order mark
/// dropped, invalid sequences replaced by U+FFFD.
pub fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Checks the caller's arguments for `ep` as [`Call::start`] does (the translation and the path
/// parameters), sending nothing: composite methods check a later step's input up front.
#[cfg_attr(not(feature = "js-api"), allow(dead_code))]
pub fn check(ep: &Endpoint, args: &[Json], host: Host) -> Result<(), Invalid> {
    let parts = (ep.build)(&Args {
        values: args,
        print_number: host.print_number,
    })?;
    fill(ep.path, &parts.path).map(|_| ())
}

impl Call {
    /// Starts a call of `ep`: the first action, and the call unless that action already ends it
    /// (bad input).
    pub fn start(
        ep: &'static Endpoint,
        args: &[Json],
        limits: Limits,
        config: &ClientConfig,
        host: Host,
        now: f64,
    ) -> (Option<Call>, Action) {
        let parts = (ep.build)(&Args {
            values: args,
            print_number: host.print_number,
        });
        let (parts, path) = match parts.and_then(|p| fill(ep.path, &p.path).map(|path| (p, path))) {
            Ok(ok) => ok,
            Err(i) => return (None, Action::Fail(i.into())),
        };
        let mut url = crate::client_config::join_url(&config.base_url, &path);
        if !parts.query.is_empty() {
            url.push('?');
            url.push_str(&parts.query);
        }
        let mode = match ep.flow {
            Flow::Single => Mode::Single,
            Flow::Pages => Mode::Pages {
                items: Vec::new(),
                read: 0.0,
                pages: 0,
                first: url.clone(),
            },
            Flow::Poll => Mode::Poll {
                id: parts.path.first().cloned().unwrap_or_default(),
                deadline: now + parts.wait_ms.unwrap_or(crate::endpoints::DEFAULT_WAIT_MS),
                polls: 0,
            },
        };
        let body = parts
            .body
            .as_ref()
            .map(|b| json_text::to_text(b, host.print_number));
        let mut call = Call {
            ep,
            url,
            body,
            limits,
            host,
            retries: 0,
            attempt_bytes: limits.max_bytes,
            mode,
        };
        let first = call.send(now);
        (Some(call), first)
    }

    pub fn method(&self) -> Method {
        self.ep.method
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The request body as JSON text.
    pub fn body(&self) -> Option<&str> {
        self.body.as_deref()
    }

    fn send(&mut self, now: f64) -> Action {
        let mut timeout_ms = self.limits.timeout_ms;
        let mut max_bytes = self.limits.max_bytes;
        match &self.mode {
            Mode::Single => {}
            Mode::Pages { read, .. } => max_bytes -= read,
            // The attempt may only use the time left (a timeout is positive, so the first poll
            // always has some; the immediate second look may find none).
            Mode::Poll { id, deadline, .. } => {
                let left = deadline - now;
                if left <= 0.0 {
                    return Action::Fail(CallError::ConnectionTimeout { id: id.clone() });
                }
                timeout_ms = timeout_ms.min(left);
            }
        }
        self.attempt_bytes = max_bytes;
        Action::Send {
            timeout_ms,
            max_bytes,
        }
    }

    /// Retries after `delay` (capped by a poll's deadline), or ends with `error`.
    fn retry_or(&mut self, outcome: Outcome, error: CallError, now: f64) -> Action {
        let jitter = (self.host.random)();
        let delay = retry::next_delay(
            outcome,
            self.ep.safety,
            self.retries,
            self.limits.max_retries,
            jitter,
        );
        match delay {
            None => Action::Fail(error),
            Some(ms) => {
                self.retries += 1;
                self.wait(ms, now)
            }
        }
    }

    fn wait(&self, ms: f64, now: f64) -> Action {
        match &self.mode {
            Mode::Poll { id, deadline, .. } => {
                let left = deadline - now;
                if left <= 0.0 {
                    return Action::Fail(CallError::ConnectionTimeout { id: id.clone() });
                }
                Action::Wait(ms.min(left))
            }
            _ => Action::Wait(ms),
        }
    }

    /// A wait asked for by `Action::Wait` has ended.
    pub fn waited(&mut self, now: f64) -> Action {
        if let Mode::Poll { id, deadline, .. } = &self.mode {
            if now >= *deadline {
                return Action::Fail(CallError::ConnectionTimeout { id: id.clone() });
            }
        }
        self.send(now)
    }

    /// The attempt ended without an answer.
    pub fn lost(&mut self, how: Lost, now: f64) -> Action {
        let past_deadline = match &self.mode {
            Mode::Poll { id, deadline, .. } if now >= *deadline => Some(id.clone()),
            _ => None,
        };
        match how {
            Lost::Cancelled => Action::Fail(CallError::Cancelled),
            Lost::TooLarge(status) => Action::Fail(CallError::TooLarge {
                status,
                limit: self.limits.max_bytes,
            }),
            Lost::Timeout => match past_deadline {
                Some(id) => Action::Fail(CallError::ConnectionTimeout { id }),
                None => self.retry_or(Outcome::Timeout, CallError::Timeout, now),
            },
            Lost::NotSent => self.retry_or(Outcome::NotSent, CallError::Connection, now),
            Lost::Network => self.retry_or(Outcome::MaybeSent, CallError::Connection, now),
        }
    }

    /// The server answered.
    pub fn answered(&mut self, answer: Answer, config: &ClientConfig, now: f64) -> Action {
        let status = answer.status;
        if !(200..300).contains(&status) {
            return self.refused(answer, now);
        }
        self.retries = 0;
        let size = answer.body.len() as f64;
        if size > self.attempt_bytes {
            return Action::Fail(CallError::TooLarge {
                status,
                limit: self.limits.max_bytes,
            });
        }
        let text = utf8_text(answer.body);
        if let (Mode::Pages { .. }, Read::Page(_, Some(fast)), true) =
            (&self.mode, self.ep.read, self.host.text_items)
        {
            if let Some((page, next)) = fast(&text, self.host.parse_number) {
                return self.next_page(page, next, size, status);
            }
        }
        let json = match self.parse(status, &text) {
            Ok(json) => json,
            Err(what) => return Action::Fail(CallError::BadResponse { status, what, text }),
        };
        let bad = |BadShape(what)| Action::Fail(CallError::BadResponse { status, what, text });
        match (&mut self.mode, self.ep.read) {
            (Mode::Pages { .. }, Read::Page(read, _)) => match read(json) {
                Ok((page, next)) => self.next_page(page, next, size, status),
                Err(e) => bad(e),
            },
            (Mode::Poll { .. }, Read::Value(read)) => match read(&json, config) {
                Ok(account) => self.polled(account, now),
                Err(e) => bad(e),
            },
            (_, Read::Value(read)) => match read(&json, config) {
                Ok(value) => Action::Done(value),
                Err(e) => bad(e),
            },
            // A page reader on a single-answer row: the table test keeps this from happening.
            (_, Read::Page(..)) => bad(BadShape("internal: page reader without paging".into())),
        }
    }

    /// The JSON of a 2xx answer, or what is wrong with it. Only a 204 may have no body.
    fn parse(&self, status: u16, text: &str) -> Result<Json, String> {
        if text.is_empty() {
            return match status {
                204 => Ok(Json::Null),
                _ => Err("the response body is empty; expected JSON".into()),
            };
        }
        let members = json_text::Members {
            keep: self.ep.keep,
            raw: self.ep.raw,
            all_raw: false,
        };
        json_text::parse_members(text, self.host.parse_number, members)
            .map_err(|e| ParseError::describe(&e).into())
    }

    /// A non-2xx answer: retried as the rule allows, or the call's error.
    fn refused(&mut self, answer: Answer, now: f64) -> Action {
        let status = answer.status;
        let outcome = self.status_outcome(&answer, now);
        let text = utf8_text(answer.body);
        // A body nested too deep (or not JSON) stays text; nothing here recurses past the limit.
        let body = json_text::parse(&text, self.host.parse_number).ok();
        let error = match &self.mode {
            Mode::Poll { id, polls: 0, .. } if status == 404 => {
                CallError::AccountNotFound { id: id.clone() }
            }
            _ => CallError::Api { status, text, body },
        };
        self.retry_or(outcome, error, now)
    }

    fn status_outcome(&self, a: &Answer, now: f64) -> Outcome {
        let should_retry = match a.should_retry {
            Some("true") => Some(true),
            Some("false") => Some(false),
            _ => None,
        };
        // Plain decimal numbers only (`1.5`, `2e3`); anything else is not a hint.
        let number = |text: Option<&str>| {
            let t = text?.trim();
            let plain = !t.is_empty()
                && t.bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
            let n = plain.then(|| (self.host.parse_number)(t))?;
            (!n.is_nan()).then_some(n)
        };
        Outcome::Status {
            status: a.status,
            should_retry,
            server_delay_ms: retry::server_delay_ms(
                number(a.retry_after_ms),
                number(a.retry_after),
                a.retry_after.and_then(self.host.parse_date),
                now,
            ),
        }
    }

    fn next_page(
        &mut self,
        page: Vec<Json>,
        next: Option<String>,
        size: f64,
        status: u16,
    ) -> Action {
        let Mode::Pages {
            items,
            read,
            pages,
            first,
        } = &mut self.mode
        else {
            unreachable!("next_page outside paging")
        };
        items.extend(page);
        *read += size;
        *pages += 1;
        let Some(cursor) = next else {
            return Action::Done(Json::Arr(std::mem::take(items)));
        };
        if *read >= self.limits.max_bytes {
            return Action::Fail(CallError::TooLarge {
                status,
                limit: self.limits.max_bytes,
            });
        }
        if *pages >= MAX_PAGES {
            return Action::Fail(CallError::BadResponse {
                status,
                what: "the list never ended (too many pages)".into(),
                text: String::new(),
            });
        }
        let sep = if first.contains('?') { '&' } else { '?' };
        self.url = format!("{first}{sep}cursor={}", encode(&cursor));
        self.send(0.0)
    }

    fn polled(&mut self, account: Json, now: f64) -> Action {
        let Mode::Poll { id, polls, .. } = &mut self.mode else {
            unreachable!("polled outside polling")
        };
        *polls += 1;
        let status = account.get("status").and_then(Json::as_str).unwrap_or("");
        match connection::poll_state(status) {
            Poll::Active => Action::Done(account),
            Poll::Failed => {
                let text = |k: &str| account.get(k).and_then(Json::as_str).map(str::to_string);
                Action::Fail(CallError::ConnectionFailed {
                    id: id.clone(),
                    status: status.to_string(),
                    reason: text("statusReason"),
                })
            }
            // As @composio/core: the second look follows the first at once, later ones a poll
            // interval apart.
            Poll::Pending if *polls == 1 => self.send(now),
            Poll::Pending => self.wait(POLL_INTERVAL_MS, now),
        }
    }
}

#[cfg(test)]
mod tests;
