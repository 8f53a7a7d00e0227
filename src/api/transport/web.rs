//! The wasm32 transport: gloo-net's fetch, with an `AbortController` per attempt (aborted when
//! the attempt is dropped: on timeout, on cancellation, or when the caller drops the call) and
//! the body read from its stream up to the byte limit.

use super::{Failure, Request, Response};
use gloo_net::http::{Method, RequestBuilder};
use js_sys::{Reflect, Uint8Array};
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader};

/// Nothing to share on wasm32: the runtime's fetch pools connections itself.
#[derive(Clone, Default)]
pub(crate) struct Http;

pub(crate) fn client() -> Http {
    Http
}

/// The runtime's error as a `std::error::Error` (its `name: message` text).
#[derive(Debug)]
struct JsFailure(String);

impl std::fmt::Display for JsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JsFailure {}

fn network(text: impl Into<String>) -> Failure {
    Failure::Network(Arc::new(JsFailure(text.into())))
}

fn js_text(v: &JsValue) -> String {
    match v.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => v.as_string().unwrap_or_else(|| format!("{v:?}")),
    }
}

/// Aborts the fetch (and its body stream) when the attempt is dropped.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }
}

/// Sends one request and reads the body, at most `max_bytes` of it.
pub(crate) async fn send(_: &Http, req: Request<'_>, max_bytes: u64) -> Result<Response, Failure> {
    let controller = AbortController::new().ok();
    let guard = AbortOnDrop(controller);
    let signal = guard.0.as_ref().map(|c| c.signal());
    let method = Method::from_bytes(req.method.as_bytes()).unwrap_or(Method::GET);
    let mut builder = RequestBuilder::new(req.url)
        .method(method)
        .abort_signal(signal.as_ref());
    for (name, value) in req.headers {
        builder = builder.header(name, value);
    }
    let request = match req.body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|e| network(e.to_string()))?;
    // A fetch that rejects cannot say whether the request went out (browsers hide the reason),
    // so it counts as maybe sent: only requests without side effects are retried.
    let res = request.send().await.map_err(|e| network(e.to_string()))?;
    let status = res.status();
    let headers: Vec<(String, String)> = res
        .headers()
        .entries()
        .map(|(k, v)| (k.to_ascii_lowercase(), v))
        .collect();
    let declared = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes) {
        return Err(Failure::TooLarge(status));
    }
    let mut body = Vec::new();
    if let Some(stream) = res.body() {
        let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
        loop {
            let chunk = JsFuture::from(reader.read())
                .await
                .map_err(|e| network(js_text(&e)))?;
            let done = Reflect::get(&chunk, &JsValue::from_str("done")).unwrap_or(JsValue::TRUE);
            if done.is_truthy() {
                break;
            }
            let value =
                Reflect::get(&chunk, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
            let bytes: Uint8Array = value.unchecked_into();
            if body.len() as u64 + u64::from(bytes.length()) > max_bytes {
                return Err(Failure::TooLarge(status));
            }
            let at = body.len();
            body.resize(at + bytes.length() as usize, 0);
            bytes.copy_to(&mut body[at..]);
        }
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// Waits `d` (a JS timer).
pub(crate) async fn sleep(d: Duration) {
    let ms = d.as_millis().min(u128::from(u32::MAX)) as u32;
    gloo_timers::future::TimeoutFuture::new(ms).await
}
