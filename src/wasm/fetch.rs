//! One HTTP attempt over the runtime's global `fetch`, with a per-attempt timeout and the
//! caller's `AbortSignal`.
//!
//! The request is `fetch(url, init)` with a plain init object (method, headers, body, signal,
//! `redirect: 'manual'`). gloo-net's builder is not used on this path: it constructs two
//! `Request` objects per call (measured as a large share of our per-call overhead in Node), and
//! it panics when a promise rejects with something other than an `Error` (an abort reason can be
//! any value), which would poison the module. gloo-net still supplies the `Method` type.

use gloo_net::http::Method;
use js_sys::{Function, Object, Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &Object) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

pub struct HttpRequest<'a> {
    pub method: Method,
    pub url: String,
    pub headers: &'a [(String, String)],
    /// JSON text; sent with `content-type: application/json`.
    pub body: Option<String>,
}

pub struct HttpResponse {
    pub status: u16,
    pub headers: web_sys::Headers,
    pub text: String,
}

/// Why an attempt produced no response.
pub enum Failure {
    /// The caller's signal aborted; carries its reason.
    Cancelled(JsValue),
    /// The per-attempt timeout fired.
    Timeout,
    /// `fetch` rejected (DNS, refused connection, reset, CORS, …); carries the rejection.
    Network(JsValue),
}

/// Disarms the timer and unhooks the caller's signal however the attempt ends (including when
/// the future is dropped), so nothing outlives the call.
struct Armed {
    timer: JsValue,
    _on_timeout: Closure<dyn FnMut()>,
    forward: Option<(AbortSignal, Closure<dyn FnMut()>)>,
}

impl Drop for Armed {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some((signal, cb)) = &self.forward {
            let _ =
                signal.remove_event_listener_with_callback("abort", cb.as_ref().unchecked_ref());
        }
    }
}

fn arm(
    controller: &AbortController,
    user_signal: Option<&AbortSignal>,
    timeout_ms: f64,
    timed_out: Rc<Cell<bool>>,
) -> Armed {
    let on_timeout = {
        let controller = controller.clone();
        Closure::<dyn FnMut()>::new(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), timeout_ms);
    let forward = user_signal.map(|signal| {
        let controller = controller.clone();
        let source = signal.clone();
        let cb =
            Closure::<dyn FnMut()>::new(move || controller.abort_with_reason(&source.reason()));
        let _ = signal.add_event_listener_with_callback("abort", cb.as_ref().unchecked_ref());
        (signal.clone(), cb)
    });
    Armed {
        timer,
        _on_timeout: on_timeout,
        forward,
    }
}

fn classify(err: JsValue, user_signal: Option<&AbortSignal>, timed_out: &Cell<bool>) -> Failure {
    match user_signal {
        Some(s) if s.aborted() => Failure::Cancelled(s.reason()),
        _ if timed_out.get() => Failure::Timeout,
        _ => Failure::Network(err),
    }
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// The `fetch` init: headers as a plain object, the JSON body, the signal, and redirects left
/// to the caller so the API key never follows one to another origin.
fn request_init(req: &HttpRequest<'_>, signal: &AbortSignal) -> Object {
    let init = Object::new();
    set(&init, "method", &JsValue::from_str(req.method.as_str()));
    let headers = Object::new();
    for (name, value) in req.headers {
        set(&headers, name, &JsValue::from_str(value));
    }
    if let Some(body) = &req.body {
        set(
            &headers,
            "content-type",
            &JsValue::from_str("application/json"),
        );
        set(&init, "body", &JsValue::from_str(body));
    }
    set(&init, "headers", &headers);
    set(&init, "redirect", &JsValue::from_str("manual"));
    set(&init, "signal", signal);
    init
}

/// Sends one request and reads the whole body as text.
pub async fn send(
    req: HttpRequest<'_>,
    user_signal: Option<&AbortSignal>,
    timeout_ms: f64,
) -> Result<HttpResponse, Failure> {
    if let Some(s) = user_signal.filter(|s| s.aborted()) {
        return Err(Failure::Cancelled(s.reason()));
    }
    let controller = AbortController::new().map_err(Failure::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let _armed = arm(&controller, user_signal, timeout_ms, timed_out.clone());

    let init = request_init(&req, &controller.signal());
    let fail = |e: JsValue| classify(e, user_signal, &timed_out);
    let response = JsFuture::from(global_fetch(&req.url, &init))
        .await
        .map_err(fail)?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| Failure::Network(JsValue::from_str("fetch resolved to a non-Response")))?;
    let text_promise = response.text().map_err(fail)?;
    let text = JsFuture::from(text_promise).await.map_err(fail)?;
    Ok(HttpResponse {
        status: response.status(),
        headers: response.headers(),
        text: text.as_string().unwrap_or_default(),
    })
}

/// Waits `ms`, or fails with the signal's reason as soon as the caller aborts.
pub async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), JsValue> {
    if let Some(s) = signal.filter(|s| s.aborted()) {
        return Err(s.reason());
    }
    let mut timer = JsValue::UNDEFINED;
    let mut on_abort: Option<Closure<dyn FnMut()>> = None;
    let promise = Promise::new(&mut |resolve, reject| {
        timer = set_timeout(&resolve, ms);
        if let Some(s) = signal {
            let source = s.clone();
            let cb = Closure::<dyn FnMut()>::new(move || {
                let _ = reject.call1(&JsValue::UNDEFINED, &source.reason());
            });
            let _ = s.add_event_listener_with_callback("abort", cb.as_ref().unchecked_ref());
            on_abort = Some(cb);
        }
    });
    let result = JsFuture::from(promise).await.map(|_| ());
    clear_timeout(&timer);
    if let (Some(s), Some(cb)) = (signal, &on_abort) {
        let _ = s.remove_event_listener_with_callback("abort", cb.as_ref().unchecked_ref());
    }
    result
}

/// Whether a rejected `fetch` certainly never sent the request: the connection was refused or
/// the host did not resolve. Runtimes report this differently, so several spellings are known.
pub fn failed_before_sending(err: &JsValue) -> bool {
    const CODES: [&str; 6] = [
        "ECONNREFUSED",
        "ENOTFOUND",
        "EAI_AGAIN",
        "UND_ERR_CONNECT_TIMEOUT",
        "ConnectionRefused",
        "FailedToOpenSocket",
    ];
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).ok();
    let mut current = Some(err.clone());
    for _ in 0..3 {
        let Some(e) = current.filter(|e| e.is_object()) else {
            return false;
        };
        let code = get(&e, "code").and_then(|c| c.as_string());
        let message = get(&e, "message")
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        if code.is_some_and(|c| CODES.contains(&c.as_str()))
            || message.contains("Connection refused")
            || message.contains("ECONNREFUSED")
        {
            return true;
        }
        current = get(&e, "cause");
    }
    false
}
