//! One HTTP attempt over the runtime's global `fetch`, with a per-attempt timeout and the
//! caller's `AbortSignal`.
//!
//! gloo-net builds the request (method, headers, body, signal, redirect mode). We call `fetch`
//! and read the body ourselves because gloo-net panics when a promise rejects with something
//! other than an `Error` (an abort reason can be any value), and a panic would poison the module.

use gloo_net::http::{Method, RequestBuilder};
use js_sys::{Function, Promise};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestRedirect};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(request: &web_sys::Request) -> Promise;
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

    let signal = controller.signal();
    let mut builder = RequestBuilder::new(&req.url)
        .method(req.method)
        .abort_signal(Some(&signal))
        .redirect(RequestRedirect::Manual);
    for (name, value) in req.headers {
        builder = builder.header(name, value);
    }
    let built = match req.body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(JsValue::from_str(&body)),
        None => builder.build(),
    };
    let request: web_sys::Request = match built {
        Ok(r) => r.into(),
        Err(e) => return Err(Failure::Network(JsValue::from_str(&e.to_string()))),
    };

    let fail = |e: JsValue| classify(e, user_signal, &timed_out);
    let response = JsFuture::from(global_fetch(&request)).await.map_err(fail)?;
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
