//! The wasm-bindgen surface that the package's JS wraps (`pkg/request.js`). All synchronous:
//!
//! - an operation method (`create`, `execute`, …) validates its input and the request options
//!   and returns a *plan*, the JSON text of `{ method, url, body?, safe, map, timeout, retries,
//!   limit }`, or throws an error descriptor before anything is sent;
//! - `finish(map, status, body)` reads a 2xx answer into the result's JSON text;
//! - `retryDelay(…)` applies the retry policy to a failed attempt.
//!
//! Text crosses the boundary once in each direction: a value built key by key across it costs
//! far more than one `JSON.parse` on the JS side.

use super::answer::{number_to_text, parse_body, status_outcome, to_json_text, utf8_text};
use super::convert::from_js;
use super::errors::Error;
use super::ops::{self, Map, Prepared};
use crate::client_config::{self, ClientConfig, ConfigError, Env};
use crate::json::Json;
use crate::retry::{self, Outcome, Safety};
use crate::validate::{Checker, Invalid, Path};
use wasm_bindgen::prelude::*;

/// A Tool Router client for JS: the resolved config.
#[wasm_bindgen]
pub struct Client {
    config: ClientConfig,
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

/// The limits of one call: the client's, overridden by `{ timeout?, maxRetries?,
/// maxResponseBytes? }`. The `signal` is only checked here; JS uses it.
struct Limits {
    timeout_ms: f64,
    max_retries: u32,
    max_response_bytes: f64,
}

fn limits(config: &ClientConfig, options: &JsValue) -> Result<Limits, Error> {
    let mut out = Limits {
        timeout_ms: config.timeout_ms,
        max_retries: config.max_retries,
        max_response_bytes: config.max_response_bytes,
    };
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    let root = Path::root("requestOptions");
    if !options.is_object() {
        let got = from_js(options);
        return Err(Invalid::wrong_type(root, "{ signal?: AbortSignal }", &got).into());
    }
    let get = |k: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(k))
            .ok()
            .filter(|v| !v.is_undefined())
    };
    if let Some(signal) = get("signal") {
        if !signal.is_instance_of::<web_sys::AbortSignal>() {
            let got = from_js(&signal);
            return Err(Invalid::wrong_type(root.key("signal"), "an AbortSignal", &got).into());
        }
    }
    let mut c = Checker::default();
    if let Some(t) = get("timeout") {
        if let Some(ms) = client_config::timeout(&mut c, &from_js(&t), root.key("timeout")) {
            out.timeout_ms = ms;
        }
    }
    if let Some(r) = get("maxRetries") {
        if let Some(n) = client_config::retries(&mut c, &from_js(&r), root.key("maxRetries")) {
            out.max_retries = n;
        }
    }
    if let Some(b) = get("maxResponseBytes") {
        let path = root.key("maxResponseBytes");
        if let Some(n) = client_config::byte_limit(&mut c, &from_js(&b), path) {
            out.max_response_bytes = n;
        }
    }
    Ok(c.finish(out)?)
}

/// The plan's JSON text (see the module comment). `extra` adds members (e.g. `wait`).
fn plan_text(
    config: &ClientConfig,
    op: Prepared,
    limits: &Limits,
    extra: Vec<(&'static str, Option<Json>)>,
) -> String {
    let body = op.req.body.as_ref().map(to_json_text);
    let mut members = vec![
        ("method", Some(Json::str(op.req.method.as_str()))),
        ("url", Some(Json::Str(op.req.url(&config.base_url)))),
        ("body", body.map(Json::Str)),
        (
            "safe",
            Some(Json::Bool(op.req.safety == Safety::Idempotent)),
        ),
        ("map", Some(Json::Num(f64::from(op.map as u8)))),
        ("timeout", Some(Json::Num(limits.timeout_ms))),
        ("retries", Some(Json::Num(f64::from(limits.max_retries)))),
        ("limit", Some(Json::Num(limits.max_response_bytes))),
    ];
    members.extend(extra);
    to_json_text(&Json::object(members))
}

/// Validates the request options, then the input, and returns the plan (or the descriptor of
/// the first problem found).
fn plan(
    config: &ClientConfig,
    ro: &JsValue,
    prepare: impl FnOnce() -> Result<Prepared, Error>,
) -> Result<String, JsValue> {
    let limits = limits(config, ro)?;
    let op = prepare()?;
    Ok(plan_text(config, op, &limits, Vec::new()))
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
            Ok(config) => Ok(Client { config }),
            Err(ConfigError::NoApiKey) => Err(Error::NoApiKey.into()),
            Err(ConfigError::Invalid(i)) => Err(Error::Invalid(i).into()),
        }
    }

    /// The request headers as JSON object text, with `content-type` when `with_body`.
    #[wasm_bindgen(js_name = headersJson)]
    pub fn headers_json(&self, with_body: bool) -> String {
        self.config.headers_json[usize::from(with_body)].clone()
    }

    /// Reads a 2xx answer with the plan's `map`: the result's JSON text.
    pub fn finish(&self, map: u8, status: u16, body: Vec<u8>) -> Result<String, JsValue> {
        let map =
            Map::from_id(map).ok_or_else(|| super::answer::bad_response(status, "unknown map"))?;
        let size = body.len();
        // A tool's output is passed through as received: checked, not rebuilt.
        let raw: &[&str] = match map {
            Map::Execute | Map::ProxyExecute => &["data"],
            _ => &[],
        };
        let body = parse_body(status, &utf8_text(body), raw)?;
        // A result is usually a little smaller than the answer it was read from.
        let result = map.apply(&self.config, status, body)?;
        Ok(crate::json_text::to_text_sized(
            &result,
            number_to_text,
            size,
        ))
    }

    /// The wait in ms before retrying a failed attempt, or -1 to stop. `kind` is `status` (with
    /// the answer's status and headers), `timeout`, `not_sent` or `network`.
    #[wasm_bindgen(js_name = retryDelay)]
    #[allow(clippy::too_many_arguments)]
    pub fn retry_delay(
        kind: &str,
        status: u16,
        should_retry: Option<String>,
        retry_after_ms: Option<String>,
        retry_after: Option<String>,
        safe: bool,
        retries_done: u32,
        max_retries: u32,
    ) -> f64 {
        let outcome = match kind {
            "status" => status_outcome(
                status,
                should_retry.as_deref(),
                retry_after_ms.as_deref(),
                retry_after.as_deref(),
            ),
            "timeout" => Outcome::Timeout,
            "not_sent" => Outcome::NotSent,
            _ => Outcome::MaybeSent,
        };
        let safety = if safe {
            Safety::Idempotent
        } else {
            Safety::SideEffect
        };
        retry::next_delay(
            outcome,
            safety,
            retries_done,
            max_retries,
            js_sys::Math::random(),
        )
        .unwrap_or(-1.0)
    }

    pub fn create(
        &self,
        user_id: JsValue,
        config: JsValue,
        ro: JsValue,
    ) -> Result<String, JsValue> {
        let (user_id, config) = (arg(&user_id), arg(&config));
        plan(&self.config, &ro, || ops::create(&user_id, &config))
    }

    pub fn retrieve(&self, id: JsValue, options: JsValue, ro: JsValue) -> Result<String, JsValue> {
        let (id, options) = (arg(&id), arg(&options));
        plan(&self.config, &ro, || ops::retrieve(&id, &options))
    }

    #[wasm_bindgen(js_name = deleteSession)]
    pub fn delete_session(&self, id: JsValue, ro: JsValue) -> Result<String, JsValue> {
        let id = arg(&id);
        plan(&self.config, &ro, || ops::delete(&id))
    }

    pub fn update(&self, id: JsValue, config: JsValue, ro: JsValue) -> Result<String, JsValue> {
        let (id, config) = (arg(&id), arg(&config));
        plan(&self.config, &ro, || ops::update(&id, &config))
    }

    /// One page of the session's tools, from `cursor` on: SDK `Tool`s, or with `openai` already
    /// in the OpenAI function-tool format. The plan's `pages` is the most pages to follow.
    #[wasm_bindgen(js_name = toolsPage)]
    pub fn tools_page(
        &self,
        id: JsValue,
        cursor: Option<String>,
        openai: bool,
        ro: JsValue,
    ) -> Result<String, JsValue> {
        let limits = limits(&self.config, &ro)?;
        let op = ops::tools_page(&arg(&id), cursor, openai)?;
        let pages = Json::Num(ops::MAX_TOOL_PAGES as f64);
        Ok(plan_text(
            &self.config,
            op,
            &limits,
            vec![("pages", Some(pages))],
        ))
    }

    /// The error of a tools list that never ends.
    #[wasm_bindgen(js_name = tooManyPages)]
    pub fn too_many_pages() -> JsValue {
        ops::too_many_pages().into()
    }

    /// The OpenAI function-tool format of SDK `Tool`s, as JSON text.
    #[wasm_bindgen(js_name = openaiTools)]
    pub fn openai_tools(tools: JsValue) -> String {
        let items = match from_js(&tools) {
            Json::Arr(items) => items.iter().map(crate::tools::openai_tool).collect(),
            _ => Vec::new(),
        };
        to_json_text(&Json::Arr(items))
    }

    pub fn toolkits(&self, id: JsValue, options: JsValue, ro: JsValue) -> Result<String, JsValue> {
        let (id, options) = (arg(&id), arg(&options));
        plan(&self.config, &ro, || ops::session_toolkits(&id, &options))
    }

    pub fn search(&self, id: JsValue, params: JsValue, ro: JsValue) -> Result<String, JsValue> {
        let (id, params) = (arg(&id), arg(&params));
        plan(&self.config, &ro, || ops::search(&id, &params))
    }

    pub fn execute(
        &self,
        id: JsValue,
        slug: JsValue,
        args: JsValue,
        options: JsValue,
        ro: JsValue,
    ) -> Result<String, JsValue> {
        let (id, slug, args, options) = (arg(&id), arg(&slug), from_js(&args), from_js(&options));
        plan(&self.config, &ro, || {
            ops::execute(&id, &slug, &args, &options)
        })
    }

    #[wasm_bindgen(js_name = proxyExecute)]
    pub fn proxy_execute(
        &self,
        id: JsValue,
        params: JsValue,
        ro: JsValue,
    ) -> Result<String, JsValue> {
        let (id, params) = (arg(&id), arg(&params));
        plan(&self.config, &ro, || {
            ops::proxy_execute(&id, &params, &number_to_text)
        })
    }

    pub fn authorize(
        &self,
        id: JsValue,
        toolkit: JsValue,
        options: JsValue,
        ro: JsValue,
    ) -> Result<String, JsValue> {
        let (id, toolkit, options) = (arg(&id), from_js(&toolkit), arg(&options));
        plan(&self.config, &ro, || {
            ops::authorize(&id, &toolkit, &options)
        })
    }

    /// One poll of `waitForConnection` (`map` reads `{ state, account }`); the plan's `wait` is
    /// the overall timeout in ms (default 60 s) and `poll` the interval between polls.
    #[wasm_bindgen(js_name = accountPoll)]
    pub fn account_poll(
        &self,
        account_id: JsValue,
        timeout: JsValue,
        ro: JsValue,
    ) -> Result<String, JsValue> {
        let limits = limits(&self.config, &ro)?;
        let timeout = arg(&timeout);
        let mut check = Checker::default();
        let wait = match &timeout {
            Json::Null => 60_000.0,
            v => client_config::timeout(&mut check, v, Path::root("timeout")).unwrap_or(0.0),
        };
        check.finish(()).map_err(Error::from)?;
        let (_, op) = ops::account_poll(&arg(&account_id))?;
        let extra = vec![
            ("wait", Some(Json::Num(wait))),
            ("poll", Some(Json::Num(ops::POLL_INTERVAL_MS))),
        ];
        Ok(plan_text(&self.config, op, &limits, extra))
    }

    #[wasm_bindgen(js_name = catalogToolkits)]
    pub fn catalog_toolkits(
        &self,
        slug: JsValue,
        query: JsValue,
        ro: JsValue,
    ) -> Result<String, JsValue> {
        let (slug, query) = (arg(&slug), arg(&query));
        plan(&self.config, &ro, || ops::catalog_toolkits(&slug, &query))
    }

    #[wasm_bindgen(js_name = filesList)]
    pub fn files_list(&self, id: JsValue, options: JsValue) -> Result<String, JsValue> {
        let (id, options) = (arg(&id), arg(&options));
        plan(&self.config, &JsValue::UNDEFINED, || {
            ops::files_list(&id, &options)
        })
    }

    /// `op` is `upload_url`, `download_url` or `delete`.
    #[wasm_bindgen(js_name = filesCall)]
    pub fn files_call(
        &self,
        id: JsValue,
        op: String,
        path: JsValue,
        options: JsValue,
    ) -> Result<String, JsValue> {
        let (id, path, options) = (arg(&id), arg(&path), arg(&options));
        plan(&self.config, &JsValue::UNDEFINED, || {
            let op = ops::FileOp::parse(&op)
                .ok_or_else(|| super::answer::bad_response(0, "unknown files operation"))?;
            ops::files_call(&id, op, &path, &options)
        })
    }
}
