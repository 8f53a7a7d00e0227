//! The wasm-bindgen surface that the package's JS wraps: a `Client` holding the resolved config,
//! whose async methods return promises of plain JS objects or reject with error descriptors.
//! Each method validates its input before anything is sent.

mod convert;
mod errors;
mod fetch;
mod pipeline;

use crate::client_config::{self, path_segment, ClientConfig, ConfigError, Env};
use crate::connection::{self, Poll};
use crate::create_config::create_body;
use crate::json::Json;
use crate::session::{session_fields, Source};
use crate::shape::{BadShape, Shaped};
use crate::validate::{described, Checker, Invalid, Path};
use crate::{catalog, execute, files, search, toolkits, tools, update_config};
use convert::{from_js, to_js};
use errors::descriptor;
use gloo_net::http::Method;
use js_sys::Promise;
use pipeline::{bad_response, call, ApiRequest, ApiResponse, CallOptions};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

const SESSION_PATH: &str = "/api/v3.1/tool_router/session";
const TOOLS_PAGE_LIMIT: i64 = 500;
const POLL_INTERVAL_MS: f64 = 1000.0;
/// A guard against a server that keeps returning cursors: no session has this many pages.
const MAX_TOOL_PAGES: usize = 10_000;

/// A Tool Router client. Cheap to clone into futures: the config is shared.
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

fn invalid(i: Invalid) -> JsValue {
    errors::validation(&i)
}

fn shaped<T>(status: u16, r: Shaped<T>) -> Result<T, JsValue> {
    r.map_err(|BadShape(what)| bad_response(status, &what))
}

/// Runs `f` as a promise; a rejected value is an error descriptor. Every method's future is
/// boxed to one type, so the promise glue is compiled once instead of once per method.
fn promise(f: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let boxed: std::pin::Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>> = Box::pin(f);
    future_to_promise(boxed)
}

/// `/api/v3.1/tool_router/session/{id}{suffix}` with the id checked and encoded.
fn session_path(id: &Json, suffix: &str) -> Result<String, JsValue> {
    let Json::Str(id) = id else {
        return Err(invalid(Invalid::one(
            "invalid_type",
            Path::root("sessionId"),
            format!("expected a non-empty string, got {}", described(id)),
        )));
    };
    let seg = path_segment(id, "sessionId").map_err(invalid)?;
    Ok(format!("{SESSION_PATH}/{seg}{suffix}"))
}

/// Reads `{ signal?, timeout?, maxRetries? }`; the limits default to the client's.
fn call_options(config: &ClientConfig, options: &JsValue) -> Result<CallOptions, JsValue> {
    let mut opts = CallOptions {
        signal: None,
        timeout_ms: config.timeout_ms,
        max_retries: config.max_retries,
    };
    if options.is_undefined() || options.is_null() {
        return Ok(opts);
    }
    let root = Path::root("requestOptions");
    if !options.is_object() {
        return Err(invalid(Invalid::one(
            "invalid_type",
            root,
            format!(
                "expected {{ signal?: AbortSignal }}, got {}",
                described(&from_js(options))
            ),
        )));
    }
    let signal =
        js_sys::Reflect::get(options, &JsValue::from_str("signal")).unwrap_or(JsValue::UNDEFINED);
    if !signal.is_undefined() {
        opts.signal = Some(signal.dyn_into::<AbortSignal>().map_err(|other| {
            invalid(Invalid::one(
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
    let get = |k: &str| {
        let v = js_sys::Reflect::get(options, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        (!v.is_undefined()).then(|| from_js(&v))
    };
    if let Some(t) = get("timeout") {
        if let Some(ms) = client_config::timeout(&mut c, &t, root.key("timeout")) {
            opts.timeout_ms = ms;
        }
    }
    if let Some(r) = get("maxRetries") {
        if let Some(n) = client_config::retries(&mut c, &r, root.key("maxRetries")) {
            opts.max_retries = n;
        }
    }
    c.finish(opts).map_err(invalid)
}

/// Refuses custom tools, which this package does not support yet.
fn no_custom_tools(options: &Json, root: &str) -> Result<(), JsValue> {
    let mut c = Checker::default();
    for key in ["customTools", "customToolkits"] {
        match options.get(key) {
            None | Some(Json::Null) => {}
            Some(Json::Arr(items)) if items.is_empty() => {}
            Some(_) => c.issue(
                "custom",
                Path::root(root).key(key),
                format!("custom tools are not supported by composio-wasm yet; remove {key}"),
            ),
        }
    }
    c.finish(()).map_err(invalid)
}

fn js_number_string(n: f64) -> String {
    String::from(
        js_sys::Number::from(n)
            .to_string_with_radix(10)
            .unwrap_or_default(),
    )
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
            Err(ConfigError::NoApiKey) => Err(descriptor("no_api_key", &[])),
            Err(ConfigError::Invalid(i)) => Err(invalid(i)),
        }
    }

    /// The resolved base URL (not secret).
    #[wasm_bindgen(getter, js_name = baseURL)]
    pub fn base_url(&self) -> String {
        self.config.base_url.clone()
    }

    /// `POST /session`; resolves to the session's JS-facing fields.
    pub fn create(&self, user_id: JsValue, config: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let (user_id, config) = (arg(&user_id), arg(&config));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let body = create_body(&user_id, &config).map_err(invalid)?;
            let req = ApiRequest::new(Method::POST, SESSION_PATH.into()).body(body);
            let res = call(&client, req, &opts).await?;
            let fields = shaped(
                res.status,
                session_fields(&res.body, &client.api_key, Source::Create),
            )?;
            Ok(to_js(&fields))
        })
    }

    /// `GET /session/{id}` (`composio.use`); resolves to the session's fields.
    pub fn retrieve(&self, id: JsValue, options: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let (id, options) = (arg(&id), arg(&options));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            no_custom_tools(&options, "options")?;
            let req = ApiRequest::new(Method::GET, session_path(&id, "")?);
            let res = call(&client, req, &opts).await?;
            let fields = shaped(
                res.status,
                session_fields(&res.body, &client.api_key, Source::Retrieve),
            )?;
            Ok(to_js(&fields))
        })
    }

    /// `DELETE /session/{id}` → `{ sessionId, deleted: true }`.
    #[wasm_bindgen(js_name = deleteSession)]
    pub fn delete_session(&self, id: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let id = arg(&id);
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let req = ApiRequest::new(Method::DELETE, session_path(&id, "")?);
            let res = call(&client, req, &opts).await?;
            Ok(to_js(&shaped(
                res.status,
                execute::delete_result(&res.body),
            )?))
        })
    }

    /// `PATCH /session/{id}`; resolves to the updated session's fields.
    pub fn update(&self, id: JsValue, config: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let (id, config) = (arg(&id), arg(&config));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let body = update_config::update_body(&config).map_err(invalid)?;
            let req = ApiRequest::new(Method::PATCH, session_path(&id, "")?).body(body);
            let res = call(&client, req, &opts).await?;
            let fields = shaped(
                res.status,
                session_fields(&res.body, &client.api_key, Source::Retrieve),
            )?;
            Ok(to_js(&fields))
        })
    }

    /// Every page of `GET /session/{id}/tools`, mapped to SDK `Tool`s.
    pub fn tools(&self, id: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let id = arg(&id);
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let path = session_path(&id, "/tools")?;
            let mut all = Vec::new();
            let mut cursor: Option<String> = None;
            for _ in 0..MAX_TOOL_PAGES {
                let query = crate::query::query_string(&[
                    (
                        "limit",
                        Some(crate::query::QueryValue::Int(TOOLS_PAGE_LIMIT)),
                    ),
                    ("cursor", cursor.take().map(crate::query::QueryValue::Str)),
                ]);
                let req = ApiRequest::new(Method::GET, path.clone()).query(query);
                let res = call(&client, req, &opts).await?;
                let (tools, next) = shaped(res.status, tools::tools_page(&res.body))?;
                all.extend(tools);
                match next {
                    Some(c) => cursor = Some(c),
                    None => return Ok(to_js(&Json::Arr(all))),
                }
            }
            Err(bad_response(
                200,
                "the tools list never ended (too many pages)",
            ))
        })
    }

    /// The OpenAI function-tool format of SDK `Tool`s (synchronous).
    #[wasm_bindgen(js_name = openaiTools)]
    pub fn openai_tools(tools: JsValue) -> JsValue {
        match from_js(&tools) {
            Json::Arr(items) => to_js(&Json::Arr(items.iter().map(tools::openai_tool).collect())),
            _ => js_sys::Array::new().into(),
        }
    }

    /// `GET /session/{id}/toolkits` (one page).
    pub fn toolkits(&self, id: JsValue, options: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let (id, options) = (arg(&id), arg(&options));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let query = toolkits::toolkits_query(&options).map_err(invalid)?;
            let req = ApiRequest::new(Method::GET, session_path(&id, "/toolkits")?).query(query);
            let res = call(&client, req, &opts).await?;
            Ok(to_js(&shaped(
                res.status,
                toolkits::toolkits_result(&res.body),
            )?))
        })
    }

    /// `POST /session/{id}/search`.
    pub fn search(&self, id: JsValue, params: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let (id, params) = (arg(&id), arg(&params));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let body = search::search_body(&params).map_err(invalid)?;
            let req = ApiRequest::new(Method::POST, session_path(&id, "/search")?)
                .body(body)
                .reads_only();
            let res = call(&client, req, &opts).await?;
            Ok(to_js(&shaped(
                res.status,
                search::search_result(&res.body),
            )?))
        })
    }

    /// `POST /session/{id}/execute` → `{ data, error, logId }`.
    pub fn execute(
        &self,
        id: JsValue,
        slug: JsValue,
        args: JsValue,
        options: JsValue,
        request_options: JsValue,
    ) -> Promise {
        let client = self.config.clone();
        let (id, slug, args, options) = (arg(&id), arg(&slug), from_js(&args), from_js(&options));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let body = execute::execute_body(&slug, &args, &options).map_err(invalid)?;
            let req = ApiRequest::new(Method::POST, session_path(&id, "/execute")?).body(body);
            let res = call(&client, req, &opts).await?;
            Ok(to_js(&shaped(
                res.status,
                execute::execute_result(&res.body),
            )?))
        })
    }

    /// `POST /session/{id}/proxy_execute`.
    #[wasm_bindgen(js_name = proxyExecute)]
    pub fn proxy_execute(&self, id: JsValue, params: JsValue, request_options: JsValue) -> Promise {
        let client = self.config.clone();
        let (id, params) = (arg(&id), arg(&params));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let body = execute::proxy_body(&params, &js_number_string).map_err(invalid)?;
            let req =
                ApiRequest::new(Method::POST, session_path(&id, "/proxy_execute")?).body(body);
            let res = call(&client, req, &opts).await?;
            Ok(to_js(&shaped(
                res.status,
                execute::proxy_result(&res.body),
            )?))
        })
    }

    /// `POST /session/{id}/link` → `{ id, status: 'INITIATED', redirectUrl }`.
    pub fn authorize(
        &self,
        id: JsValue,
        toolkit: JsValue,
        options: JsValue,
        request_options: JsValue,
    ) -> Promise {
        let client = self.config.clone();
        let (id, toolkit, options) = (arg(&id), from_js(&toolkit), arg(&options));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let body = connection::link_body(&toolkit, &options).map_err(invalid)?;
            let req = ApiRequest::new(Method::POST, session_path(&id, "/link")?).body(body);
            let res = call(&client, req, &opts).await?;
            Ok(to_js(&shaped(
                res.status,
                connection::link_result(&res.body),
            )?))
        })
    }

    /// Polls `GET /connected_accounts/{id}` until the account is `ACTIVE` (resolves to it), ends
    /// in a failed state, or `timeout_ms` passes (spec B5.4).
    #[wasm_bindgen(js_name = waitForConnection)]
    pub fn wait_for_connection(
        &self,
        account_id: JsValue,
        timeout_ms: JsValue,
        request_options: JsValue,
    ) -> Promise {
        let client = self.config.clone();
        let (account_id, timeout_ms) = (arg(&account_id), arg(&timeout_ms));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            let mut c = Checker::default();
            let timeout = match timeout_ms {
                Json::Null => 60_000.0,
                v => client_config::timeout(&mut c, &v, Path::root("timeout")).unwrap_or(0.0),
            };
            c.finish(()).map_err(invalid)?;
            let id = match &account_id {
                Json::Str(s) => s.clone(),
                other => {
                    return Err(invalid(Invalid::one(
                        "invalid_type",
                        Path::root("connectedAccountId"),
                        format!("expected a string, got {}", described(other)),
                    )))
                }
            };
            let path = format!(
                "/api/v3.1/connected_accounts/{}",
                path_segment(&id, "connectedAccountId").map_err(invalid)?
            );
            let poll = |first: bool| {
                let req = ApiRequest::new(Method::GET, path.clone());
                let (client, opts, id) = (&client, &opts, id.clone());
                async move {
                    match call(client, req, opts).await {
                        Err(e) if first && is_status(&e, 404) => Err(descriptor(
                            "account_not_found",
                            &[("id", JsValue::from_str(&id))],
                        )),
                        other => other,
                    }
                }
            };
            let check = |res: ApiResponse| -> Result<Option<JsValue>, JsValue> {
                let account = shaped(res.status, connection::connected_account(&res.body))?;
                let status = account.get("status").and_then(Json::as_str).unwrap_or("");
                match connection::poll_state(status) {
                    Poll::Active => Ok(Some(to_js(&account))),
                    Poll::Failed => Err(descriptor(
                        "connection_failed",
                        &[
                            ("id", JsValue::from_str(&id)),
                            ("status", JsValue::from_str(status)),
                            (
                                "statusReason",
                                to_js(account.get("statusReason").unwrap_or(&Json::Null)),
                            ),
                        ],
                    )),
                    Poll::Pending => Ok(None),
                }
            };
            if let Some(done) = check(poll(true).await?)? {
                return Ok(done);
            }
            let start = js_sys::Date::now();
            while js_sys::Date::now() - start < timeout {
                if let Some(done) = check(poll(false).await?)? {
                    return Ok(done);
                }
                fetch::sleep(POLL_INTERVAL_MS, opts.signal.as_ref())
                    .await
                    .map_err(|reason| descriptor("cancelled", &[("cause", reason)]))?;
            }
            Err(descriptor(
                "connection_timeout",
                &[("id", JsValue::from_str(&id))],
            ))
        })
    }

    /// `GET /api/v3.1/toolkits` (with `query`) or `/api/v3.1/toolkits/{slug}`: the catalogue.
    #[wasm_bindgen(js_name = catalogToolkits)]
    pub fn catalog_toolkits(
        &self,
        slug: JsValue,
        query: JsValue,
        request_options: JsValue,
    ) -> Promise {
        let client = self.config.clone();
        let (slug, query) = (arg(&slug), arg(&query));
        promise(async move {
            let opts = call_options(&client, &request_options)?;
            match &slug {
                Json::Null => {
                    let q = catalog::list_query(&query).map_err(invalid)?;
                    let req = ApiRequest::new(Method::GET, "/api/v3.1/toolkits".into()).query(q);
                    let res = call(&client, req, &opts).await?;
                    Ok(to_js(&shaped(res.status, catalog::list_result(&res.body))?))
                }
                Json::Str(s) => {
                    let path = format!(
                        "/api/v3.1/toolkits/{}",
                        path_segment(s, "slug").map_err(invalid)?
                    );
                    let res = call(&client, ApiRequest::new(Method::GET, path), &opts).await?;
                    Ok(to_js(&shaped(
                        res.status,
                        catalog::toolkit_result(&res.body),
                    )?))
                }
                other => Err(invalid(Invalid::one(
                    "invalid_type",
                    Path::root("slug"),
                    format!("expected a string, got {}", described(other)),
                ))),
            }
        })
    }

    /// `GET /session/{id}/mounts/{mount}/items`.
    #[wasm_bindgen(js_name = filesList)]
    pub fn files_list(&self, id: JsValue, options: JsValue) -> Promise {
        let client = self.config.clone();
        let (id, options) = (arg(&id), arg(&options));
        promise(async move {
            let opts = call_options(&client, &JsValue::UNDEFINED)?;
            let (mount, query) = files::list_query(&options).map_err(invalid)?;
            let path = mount_path(&id, &mount, "items")?;
            let res = call(
                &client,
                ApiRequest::new(Method::GET, path).query(query),
                &opts,
            )
            .await?;
            Ok(to_js(&shaped(res.status, files::list_result(&res.body))?))
        })
    }

    /// `POST /session/{id}/mounts/{mount}/{op}` with `{ mount_relative_path, mimetype? }`, where
    /// `op` is `upload_url`, `download_url` or `delete`.
    #[wasm_bindgen(js_name = filesCall)]
    pub fn files_call(&self, id: JsValue, op: String, path: JsValue, options: JsValue) -> Promise {
        let client = self.config.clone();
        let (id, path, options) = (arg(&id), arg(&path), arg(&options));
        promise(async move {
            let opts = call_options(&client, &JsValue::UNDEFINED)?;
            let (mount, body) = files::path_body(&path, &options).map_err(invalid)?;
            let map: fn(&Json) -> Shaped<Json> = match op.as_str() {
                "upload_url" => files::upload_target,
                "download_url" => files::remote_file,
                "delete" => files::delete_result,
                _ => return Err(bad_response(0, "unknown files operation")),
            };
            let mut req = ApiRequest::new(Method::POST, mount_path(&id, &mount, &op)?).body(body);
            if op == "download_url" {
                req = req.reads_only();
            }
            let res = call(&client, req, &opts).await?;
            Ok(to_js(&shaped(res.status, map(&res.body))?))
        })
    }
}

/// `/session/{id}/mounts/{mount}/{op}` with both ids checked and encoded.
fn mount_path(id: &Json, mount: &str, op: &str) -> Result<String, JsValue> {
    let mount = path_segment(mount, "mountId").map_err(invalid)?;
    session_path(id, &format!("/mounts/{mount}/{op}"))
}

/// Whether an error descriptor is an HTTP error with this status.
fn is_status(e: &JsValue, status: u16) -> bool {
    let get = |k: &str| js_sys::Reflect::get(e, &JsValue::from_str(k)).ok();
    get("__composio").and_then(|k| k.as_string()).as_deref() == Some("api")
        && get("status").and_then(|s| s.as_f64()) == Some(status as f64)
}
