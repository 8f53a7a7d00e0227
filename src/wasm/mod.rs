//! The wasm-bindgen surface that the package's JS wraps: a `Client` holding the resolved config,
//! whose async methods return promises of plain JS objects or reject with error descriptors.

mod convert;
mod errors;
mod fetch;

use crate::client_config::{self, ClientConfig, ConfigError, Env};
use crate::create_config::create_body;
use crate::json::Json;
use crate::session::{session_fields, Source};
use convert::{from_js, to_js};
use errors::descriptor;
use fetch::{Failure, HttpRequest};
use gloo_net::http::Method;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

const SESSION_PATH: &str = "/api/v3.1/tool_router/session";

/// A Tool Router client. Cheap to clone into futures: the config is shared.
#[wasm_bindgen]
pub struct Client {
    config: Rc<ClientConfig>,
}

fn env_string(env: &Json, key: &str) -> Option<String> {
    env.get(key).and_then(Json::as_str).map(str::to_string)
}

#[wasm_bindgen]
impl Client {
    /// `options` are the `new Composio(options)` argument; `env` is what the JS layer read from
    /// the runtime: `{ apiKey?, baseURL?, runtime? }`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue, env: JsValue) -> Result<Client, JsValue> {
        let env_json = from_js(&env);
        let env = Env {
            api_key: env_string(&env_json, "apiKey"),
            base_url: env_string(&env_json, "baseURL"),
            runtime: env_string(&env_json, "runtime"),
        };
        let options = match from_js(&options) {
            Json::Foreign("undefined") => Json::Null,
            other => other,
        };
        match client_config::resolve(&options, &env) {
            Ok(config) => Ok(Client {
                config: Rc::new(config),
            }),
            Err(ConfigError::NoApiKey) => Err(descriptor("no_api_key", &[])),
            Err(ConfigError::Invalid(invalid)) => Err(errors::validation(&invalid)),
        }
    }

    /// The resolved base URL (not secret; used by the JS layer for display).
    #[wasm_bindgen(getter, js_name = baseURL)]
    pub fn base_url(&self) -> String {
        self.config.base_url.clone()
    }

    /// `POST /api/v3.1/tool_router/session`; resolves to the session's JS-facing fields.
    pub fn create(&self, user_id: JsValue, config: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let user_id = from_js(&user_id);
        let config = match from_js(&config) {
            Json::Foreign("undefined") => Json::Null,
            other => other,
        };
        future_to_promise(async move {
            let signal = signal_of(&request_options)?;
            let body = create_body(&user_id, &config).map_err(|i| errors::validation(&i))?;
            let (status, response) = call(
                &client,
                Method::POST,
                SESSION_PATH,
                Some(body),
                signal.as_ref(),
            )
            .await?;
            let fields = session_fields(&response, &client.api_key, Source::Create)
                .map_err(|bad| bad_response(status, &bad.0))?;
            Ok(to_js(&fields))
        })
    }
}

/// The `signal` of a `{ signal }` request-options argument, checked.
fn signal_of(options: &JsValue) -> Result<Option<AbortSignal>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let invalid = |message: &str| {
        errors::validation(&crate::validate::Invalid::one(
            "invalid_type",
            crate::validate::Path::root("requestOptions").key("signal"),
            message,
        ))
    };
    if !options.is_object() {
        return Err(errors::validation(&crate::validate::Invalid::one(
            "invalid_type",
            crate::validate::Path::root("requestOptions"),
            format!(
                "expected {{ signal?: AbortSignal }}, got {}",
                crate::validate::described(&from_js(options))
            ),
        )));
    }
    let signal =
        js_sys::Reflect::get(options, &JsValue::from_str("signal")).unwrap_or(JsValue::UNDEFINED);
    if signal.is_undefined() {
        return Ok(None);
    }
    signal.dyn_into::<AbortSignal>().map(Some).map_err(|other| {
        invalid(&format!(
            "expected an AbortSignal, got {}",
            crate::validate::described(&from_js(&other))
        ))
    })
}

fn bad_response(status: u16, what: &str) -> JsValue {
    descriptor(
        "bad_response",
        &[
            ("status", JsValue::from_f64(status as f64)),
            ("message", JsValue::from_str(what)),
        ],
    )
}

/// Sends one request and returns the parsed JSON body of a 2xx answer, or an error descriptor.
async fn call(
    config: &ClientConfig,
    method: Method,
    path: &str,
    body: Option<Json>,
    signal: Option<&AbortSignal>,
) -> Result<(u16, Json), JsValue> {
    let body = body.map(|b| {
        js_sys::JSON::stringify(&to_js(&b))
            .map(String::from)
            .unwrap_or_default()
    });
    let request = HttpRequest {
        method,
        url: client_config::join_url(&config.base_url, path),
        headers: &config.headers,
        body,
    };
    let response = match fetch::send(request, signal, config.timeout_ms).await {
        Ok(r) => r,
        Err(Failure::Cancelled(reason)) => {
            return Err(descriptor("cancelled", &[("cause", reason)]))
        }
        Err(Failure::Timeout) => return Err(descriptor("timeout", &[])),
        Err(Failure::Network(cause)) => return Err(descriptor("connection", &[("cause", cause)])),
    };
    let parsed = if response.text.is_empty() {
        None
    } else {
        js_sys::JSON::parse(&response.text).ok()
    };
    if !(200..300).contains(&response.status) {
        return Err(descriptor(
            "api",
            &[
                ("status", JsValue::from_f64(response.status as f64)),
                ("headers", response.headers.into()),
                ("body", parsed.unwrap_or(JsValue::UNDEFINED)),
                ("text", JsValue::from_str(&response.text)),
            ],
        ));
    }
    match parsed {
        Some(v) => Ok((response.status, from_js(&v))),
        None => Err(descriptor(
            "bad_response",
            &[
                ("status", JsValue::from_f64(response.status as f64)),
                ("headers", response.headers.into()),
                (
                    "message",
                    JsValue::from_str(if response.text.is_empty() {
                        "the response body is empty; expected JSON"
                    } else {
                        "the response body is not JSON"
                    }),
                ),
                ("text", JsValue::from_str(&response.text)),
            ],
        )),
    }
}
