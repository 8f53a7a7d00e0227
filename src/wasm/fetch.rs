//! One HTTP attempt for the Rust API, through the npm package's `pkg/transport.js` (bundled by
//! wasm-bindgen as a snippet): the fetch,
//! the per-attempt timeout, the caller's `AbortSignal` and the response size limit all happen
//! in JS, where they are plain calls instead of wasm<->JS crossings. This module only gives the
//! answer Rust types.

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

#[wasm_bindgen(module = "/pkg/transport.js")]
extern "C" {
    #[wasm_bindgen(js_name = send)]
    fn js_send(
        method: &str,
        url: &str,
        headers: &JsValue,
        body: Option<&str>,
        timeout_ms: f64,
        signal: Option<AbortSignal>,
        max_bytes: f64,
    ) -> Promise;
    #[wasm_bindgen(js_name = sleep)]
    fn js_sleep(ms: f64, signal: Option<AbortSignal>) -> Promise;
}

pub struct HttpRequest<'a> {
    pub method: &'static str,
    pub url: &'a str,
    /// The request headers as a plain JS object (built once per client).
    pub headers: &'a JsValue,
    /// JSON text.
    pub body: Option<&'a str>,
}

pub struct HttpResponse {
    pub status: u16,
    pub headers: web_sys::Headers,
    pub body: Vec<u8>,
}

/// Why an attempt produced no response.
pub enum Failure {
    /// The caller's signal aborted; carries its reason.
    Cancelled(JsValue),
    /// The per-attempt timeout fired.
    Timeout,
    /// The connection was refused or the host did not resolve: nothing was sent.
    NotSent(JsValue),
    /// `fetch` rejected otherwise (reset, CORS, …); the request may have arrived.
    Network(JsValue),
    /// The body was larger than the limit; carries the status.
    TooLarge(u16),
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn failure(e: JsValue) -> Failure {
    let cause = get(&e, "cause");
    match get(&e, "kind").as_string().as_deref() {
        Some("cancelled") => Failure::Cancelled(cause),
        Some("timeout") => Failure::Timeout,
        Some("not_sent") => Failure::NotSent(cause),
        Some("too_large") => Failure::TooLarge(cause.as_f64().unwrap_or(0.0) as u16),
        // The transport rejects only with its own descriptors; anything else is a JS bug.
        _ => Failure::Network(e),
    }
}

/// Sends one request and reads the whole body (at most `max_bytes`).
pub async fn send(
    req: HttpRequest<'_>,
    signal: Option<&AbortSignal>,
    timeout_ms: f64,
    max_bytes: f64,
) -> Result<HttpResponse, Failure> {
    let promise = js_send(
        req.method,
        req.url,
        req.headers,
        req.body,
        timeout_ms,
        signal.cloned(),
        max_bytes,
    );
    let answer = JsFuture::from(promise).await.map_err(failure)?;
    Ok(HttpResponse {
        status: get(&answer, "status").as_f64().unwrap_or(0.0) as u16,
        headers: get(&answer, "headers").unchecked_into(),
        body: get(&answer, "body")
            .unchecked_into::<js_sys::Uint8Array>()
            .to_vec(),
    })
}

/// Waits `ms`, or fails with the signal's reason as soon as the caller aborts.
pub async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), JsValue> {
    JsFuture::from(js_sleep(ms, signal.cloned()))
        .await
        .map(|_| ())
}
