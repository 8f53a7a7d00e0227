//! One HTTP attempt, per target: reqwest natively (`native`), gloo-net on wasm32 (`web`). The
//! driver adds the per-attempt timeout and cancellation by racing the attempt against a timer
//! and the caller's handle; dropping an attempt aborts it (reqwest's connection is dropped, the
//! fetch's `AbortController` is aborted).

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use native::{client, send, sleep, Http};

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub(crate) use web::{client, send, sleep, Http};

/// One request: the method, the URL, the headers (in order) and the JSON body.
pub(crate) struct Request<'a> {
    pub method: &'static str,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub body: Option<&'a str>,
}

/// An answer, read whole (at most the attempt's byte limit).
pub(crate) struct Response {
    pub status: u16,
    /// Names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// The first value of the header `name` (lower-case).
pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Why an attempt produced no answer.
pub(crate) enum Failure {
    /// Refused or unresolved: nothing was sent. (On wasm32 a fetch rejection does not say why.)
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    NotSent(super::Source),
    /// Failed in a way that does not tell whether the request arrived.
    Network(super::Source),
    /// The body passed the limit; carries the status.
    TooLarge(u16),
}
