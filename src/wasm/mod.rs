//! The wasm-bindgen surface that the package's JS wraps: a `Client` holding the resolved config,
//! whose async methods return promises of plain JS objects or reject with error descriptors.
//! The operations themselves live in `ops` (shared with the Rust API in `rust_api`).

mod convert;
mod errors;
mod fetch;
mod ops;
mod pipeline;
pub mod rust_api;

pub use errors::Error;

use crate::client_config::{self, ClientConfig, ConfigError, Env};
use crate::json::Json;
use crate::validate::{described, Checker, Invalid, Path};
use convert::from_js;
use js_sys::Promise;
use pipeline::CallOptions;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

/// A Tool Router client for JS. Cheap to clone into futures: the config is shared.
#[wasm_bindgen]
pub struct Client {
    config: Rc<ClientConfig>,
}

fn env_string(env: &Json, key: &str) -> Option<String> {
    env.get(key).and_then(Json::as_str).map(str::to_string)
}

/// `undefined` arguments read as absent.
fn arg(v: &JsValue) -> Json {
    match from_js(v) {
        Json::Foreign("undefined") => Json::Null,
        other => other,
    }
}

/// Runs an operation as a promise of its result's JSON text (the package's JS parses it: one
/// `JSON.parse` is far cheaper than building the value key by key across the boundary). Every
/// method's future is boxed to one type, so the promise glue is compiled once.
fn promise(f: impl Future<Output = Result<Json, Error>> + 'static) -> Promise {
    let boxed: std::pin::Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>> =
        Box::pin(async move {
            f.await
                .map(|v| JsValue::from_str(&pipeline::to_json_text(&v)))
                .map_err(JsValue::from)
        });
    future_to_promise(boxed)
}

/// Reads `{ signal?, timeout?, maxRetries? }`; the limits default to the client's.
fn call_options(config: &ClientConfig, options: &JsValue) -> Result<CallOptions, Error> {
    let mut opts = CallOptions::from_config(config);
    if options.is_undefined() || options.is_null() {
        return Ok(opts);
    }
    let root = Path::root("requestOptions");
    if !options.is_object() {
        return Err(Error::Invalid(Invalid::one(
            "invalid_type",
            root,
            format!(
                "expected {{ signal?: AbortSignal }}, got {}",
                described(&from_js(options))
            ),
        )));
    }
    let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).ok();
    if let Some(signal) = get("signal").filter(|s| !s.is_undefined()) {
        opts.signal = Some(signal.dyn_into::<AbortSignal>().map_err(|other| {
            Error::Invalid(Invalid::one(
                "invalid_type",
                root.key("signal"),
                format!(
                    "expected an AbortSignal, got {}",
                    described(&from_js(&other))
                ),
            ))
        })?);
    }
    let mut c = Checker::default();
    if let Some(t) = get("timeout").filter(|v| !v.is_undefined()) {
        if let Some(ms) = client_config::timeout(&mut c, &from_js(&t), root.key("timeout")) {
            opts.timeout_ms = ms;
        }
    }
    if let Some(r) = get("maxRetries").filter(|v| !v.is_undefined()) {
        if let Some(n) = client_config::retries(&mut c, &from_js(&r), root.key("maxRetries")) {
            opts.max_retries = n;
        }
    }
    if let Some(b) = get("maxResponseBytes").filter(|v| !v.is_undefined()) {
        let path = root.key("maxResponseBytes");
        if let Some(n) = client_config::byte_limit(&mut c, &from_js(&b), path) {
            opts.max_response_bytes = n;
        }
    }
    Ok(c.finish(opts)?)
}

pub(crate) fn js_number_string(n: f64) -> String {
    String::from(
        js_sys::Number::from(n)
            .to_string_with_radix(10)
            .unwrap_or_default(),
    )
}

/// A single-request method: validates the request options and the input, then runs the
/// request through the one shared future (`ops::run`).
fn single(
    config: &Rc<ClientConfig>,
    ro: JsValue,
    prepare: impl FnOnce() -> Result<ops::Prepared, Error>,
) -> Promise {
    let config = config.clone();
    let prepared = call_options(&config, &ro).and_then(|o| prepare().map(|p| (p, o)));
    promise(async move {
        let (op, opts) = prepared?;
        ops::run(&config, op, &opts).await
    })
}

/// Clones what a multi-request method needs: the shared config and its parsed request options.
macro_rules! method {
    ($self:ident, $ro:ident, |$client:ident, $opts:ident| $body:expr) => {{
        let $client = $self.config.clone();
        let $ro = $ro;
        promise(async move {
            let $opts = call_options(&$client, &$ro)?;
            $body
        })
    }};
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
        match client_config::resolve(&arg(&options), &env) {
            Ok(config) => Ok(Client {
                config: Rc::new(config),
            }),
            Err(ConfigError::NoApiKey) => Err(Error::NoApiKey.into()),
            Err(ConfigError::Invalid(i)) => Err(Error::Invalid(i).into()),
        }
    }

    /// The resolved base URL (not secret).
    #[wasm_bindgen(getter, js_name = baseURL)]
    pub fn base_url(&self) -> String {
        self.config.base_url.clone()
    }

    pub fn create(&self, user_id: JsValue, config: JsValue, ro: JsValue) -> Promise {
        let (user_id, config) = (arg(&user_id), arg(&config));
        single(&self.config, ro, || ops::create(&user_id, &config))
    }

    pub fn retrieve(&self, id: JsValue, options: JsValue, ro: JsValue) -> Promise {
        let (id, options) = (arg(&id), arg(&options));
        single(&self.config, ro, || ops::retrieve(&id, &options))
    }

    #[wasm_bindgen(js_name = deleteSession)]
    pub fn delete_session(&self, id: JsValue, ro: JsValue) -> Promise {
        let id = arg(&id);
        single(&self.config, ro, || ops::delete(&id))
    }

    pub fn update(&self, id: JsValue, config: JsValue, ro: JsValue) -> Promise {
        let (id, config) = (arg(&id), arg(&config));
        single(&self.config, ro, || ops::update(&id, &config))
    }

    /// Every tool of the session: SDK `Tool`s, or with `openai` already in the OpenAI
    /// function-tool format (one pass instead of a second round trip through wasm).
    pub fn tools(&self, id: JsValue, openai: bool, ro: JsValue) -> Promise {
        let id = arg(&id);
        method!(self, ro, |c, o| {
            let tools = ops::tools(&c, &id, &o).await?;
            Ok(match tools {
                Json::Arr(items) if openai => Json::Arr(
                    items
                        .into_iter()
                        .map(crate::tools::openai_tool_owned)
                        .collect(),
                ),
                other => other,
            })
        })
    }

    /// The OpenAI function-tool format of SDK `Tool`s (synchronous), as JSON text.
    #[wasm_bindgen(js_name = openaiTools)]
    pub fn openai_tools(tools: JsValue) -> String {
        let items = match from_js(&tools) {
            Json::Arr(items) => items.iter().map(crate::tools::openai_tool).collect(),
            _ => Vec::new(),
        };
        pipeline::to_json_text(&Json::Arr(items))
    }

    pub fn toolkits(&self, id: JsValue, options: JsValue, ro: JsValue) -> Promise {
        let (id, options) = (arg(&id), arg(&options));
        single(&self.config, ro, || ops::session_toolkits(&id, &options))
    }

    pub fn search(&self, id: JsValue, params: JsValue, ro: JsValue) -> Promise {
        let (id, params) = (arg(&id), arg(&params));
        single(&self.config, ro, || ops::search(&id, &params))
    }

    pub fn execute(
        &self,
        id: JsValue,
        slug: JsValue,
        args: JsValue,
        options: JsValue,
        ro: JsValue,
    ) -> Promise {
        let (id, slug, args, options) = (arg(&id), arg(&slug), from_js(&args), from_js(&options));
        single(&self.config, ro, || {
            ops::execute(&id, &slug, &args, &options)
        })
    }

    #[wasm_bindgen(js_name = proxyExecute)]
    pub fn proxy_execute(&self, id: JsValue, params: JsValue, ro: JsValue) -> Promise {
        let (id, params) = (arg(&id), arg(&params));
        single(&self.config, ro, || {
            ops::proxy_execute(&id, &params, &js_number_string)
        })
    }

    pub fn authorize(
        &self,
        id: JsValue,
        toolkit: JsValue,
        options: JsValue,
        ro: JsValue,
    ) -> Promise {
        let (id, toolkit, options) = (arg(&id), from_js(&toolkit), arg(&options));
        single(&self.config, ro, || ops::authorize(&id, &toolkit, &options))
    }

    #[wasm_bindgen(js_name = waitForConnection)]
    pub fn wait_for_connection(
        &self,
        account_id: JsValue,
        timeout: JsValue,
        ro: JsValue,
    ) -> Promise {
        let (account_id, timeout) = (arg(&account_id), arg(&timeout));
        method!(self, ro, |c, o| {
            let mut check = Checker::default();
            let ms = match &timeout {
                Json::Null => 60_000.0,
                v => client_config::timeout(&mut check, v, Path::root("timeout")).unwrap_or(0.0),
            };
            check.finish(())?;
            ops::wait_for_connection(&c, &account_id, ms, &o).await
        })
    }

    #[wasm_bindgen(js_name = catalogToolkits)]
    pub fn catalog_toolkits(&self, slug: JsValue, query: JsValue, ro: JsValue) -> Promise {
        let (slug, query) = (arg(&slug), arg(&query));
        single(&self.config, ro, || ops::catalog_toolkits(&slug, &query))
    }

    #[wasm_bindgen(js_name = filesList)]
    pub fn files_list(&self, id: JsValue, options: JsValue) -> Promise {
        let (id, options) = (arg(&id), arg(&options));
        single(&self.config, JsValue::UNDEFINED, || {
            ops::files_list(&id, &options)
        })
    }

    /// `op` is `upload_url`, `download_url` or `delete`.
    #[wasm_bindgen(js_name = filesCall)]
    pub fn files_call(&self, id: JsValue, op: String, path: JsValue, options: JsValue) -> Promise {
        let (id, path, options) = (arg(&id), arg(&path), arg(&options));
        single(&self.config, JsValue::UNDEFINED, || {
            let op = ops::FileOp::parse(&op)
                .ok_or_else(|| pipeline::bad_response(0, "unknown files operation"))?;
            ops::files_call(&id, op, &path, &options)
        })
    }
}
