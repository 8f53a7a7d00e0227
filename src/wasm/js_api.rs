//! The wasm-bindgen surface that the package's JS drives (`pkg/request.js`): a few generic
//! entries over the call engine. Every value crosses as text or numbers; the wasm never reads a
//! caller's JS object (the JS side writes it as JSON text first), so nothing a caller passes
//! can throw inside the module.
//!
//! - `start(op, args, options, now)` begins a call of the endpoint row `op`;
//! - `answered(id, …)`, `lost(id, kind, status, now)` and `waited(id, now)` feed it;
//! - each returns the next action (`Action` in `pkg/internal.d.ts`) as JSON text:
//!   `{ t: 'wait', id, ms }`, `{ t: 'done', value }` or `{ t: 'fail', error: Descriptor }`;
//!   except `send`, which is `s<id> <method> <timeout> <limit> <url length in UTF-16 units>
//!   <1 with a body, else 0>\n` followed by the URL and the body, read by `readAction`.

use super::host::{self, number_from_text, to_json_text};
use crate::client_config::{self, ClientConfig, ConfigError, Env};
use crate::endpoints;
use crate::engine::{Action, Answer, Call, CallError, Limits, Lost};
use crate::json::Json;
use crate::json_text;
use crate::validate::{Checker, Invalid, Path, Seg};
use wasm_bindgen::prelude::*;

/// A client: the resolved config and the calls in progress.
#[wasm_bindgen]
pub struct Client {
    config: ClientConfig,
    /// Calls in progress by id; a finished call's slot is reused.
    calls: Vec<Option<Call>>,
}

/// A caller's value from the JSON text `pkg/input.js` wrote (see `json_text::parse_input`).
fn input(text: &str) -> Json {
    // The JS side always writes valid JSON; should it not, the value is refused by name.
    json_text::parse_input(text, number_from_text).unwrap_or(Json::Foreign("unreadable value"))
}

fn issues(invalid: &Invalid) -> Json {
    Json::Arr(
        invalid
            .issues
            .iter()
            .map(|issue| {
                let path = issue
                    .path
                    .0
                    .iter()
                    .map(|seg| match seg {
                        Seg::Key(k) => Json::str(k.as_str()),
                        Seg::Index(i) => Json::Num(*i as f64),
                    })
                    .collect();
                Json::object([
                    ("code", Some(Json::str(issue.code))),
                    ("path", Some(Json::Arr(path))),
                    ("message", Some(Json::str(issue.message.as_str()))),
                ])
            })
            .collect(),
    )
}

fn num(n: impl Into<f64>) -> Option<Json> {
    Some(Json::Num(n.into()))
}

/// The error descriptor `pkg/errors.js` (`fromDescriptor`) turns into an error class.
fn descriptor(e: CallError) -> Json {
    let s = |v: String| Some(Json::Str(v));
    let kind = |k: &'static str| ("kind", Some(Json::str(k)));
    match e {
        CallError::Invalid(i) => Json::object([
            kind("validation"),
            ("message", s(i.message())),
            ("issues", Some(issues(&i))),
        ]),
        CallError::Api { status, text, body } => Json::object([
            kind("api"),
            ("status", num(status)),
            ("text", s(text)),
            ("body", body),
        ]),
        CallError::BadResponse { status, what, text } => Json::object([
            kind("bad_response"),
            ("status", num(status)),
            ("message", s(what)),
            ("text", s(text)),
        ]),
        CallError::TooLarge { status, limit } => Json::object([
            kind("too_large"),
            ("status", num(status)),
            ("limit", num(limit)),
        ]),
        CallError::Timeout => Json::object([kind("timeout")]),
        CallError::Connection => Json::object([kind("connection")]),
        CallError::Cancelled => Json::object([kind("cancelled")]),
        CallError::AccountNotFound { id } => {
            Json::object([kind("account_not_found"), ("id", s(id))])
        }
        CallError::ConnectionFailed { id, status, reason } => Json::object([
            kind("connection_failed"),
            ("id", s(id)),
            ("status", s(status)),
            ("reason", Some(reason.map(Json::Str).unwrap_or(Json::Null))),
        ]),
        CallError::ConnectionTimeout { id } => {
            Json::object([kind("connection_timeout"), ("id", s(id))])
        }
    }
}

fn fail_text(e: CallError) -> String {
    fail_with(descriptor(e))
}

/// `{ t: 'fail', error }` for a descriptor built here.
fn fail_with(error: Json) -> String {
    to_json_text(&Json::object([
        ("t", Some(Json::str("fail"))),
        ("error", Some(error)),
    ]))
}

/// `{ t: 'done', value }`, the value written as it is (a tool's raw output stays text).
fn done_text(value: &Json) -> String {
    // A page reader's tools are raw text: room for all of them at once, so megabytes of tools
    // are not copied again each time the string doubles.
    let raw: usize = match value {
        Json::Arr(items) => items
            .iter()
            .map(|i| if let Json::Raw(t) = i { t.len() + 1 } else { 0 })
            .sum(),
        _ => 0,
    };
    let mut out = String::with_capacity(raw + 64);
    out.push_str("{\"t\":\"done\",\"value\":");
    json_text::write(value, &mut out, host::number_to_text);
    out.push('}');
    out
}

/// The per-call limits: the client's, overridden by the caller's `{ timeout?, maxRetries?,
/// maxResponseBytes? }` (and `signal` when it is not an AbortSignal, to be named).
fn limits(config: &ClientConfig, options: Option<String>) -> Result<Limits, Invalid> {
    let mut out = Limits::of(config);
    let Some(text) = options else {
        return Ok(out);
    };
    let options = input(&text);
    let root = Path::root("requestOptions");
    let mut c = Checker::default();
    let Some(options) = c.options(&options, root.clone(), "{ signal?: AbortSignal }") else {
        return c.finish(out);
    };
    if let Some(signal) = options.get("signal") {
        c.wrong_type(root.key("signal"), "an AbortSignal", signal);
    }
    if let Some(t) = options.get("timeout").filter(|v| !matches!(v, Json::Null)) {
        if let Some(ms) = client_config::timeout(&mut c, t, root.key("timeout")) {
            out.timeout_ms = ms;
        }
    }
    if let Some(r) = options
        .get("maxRetries")
        .filter(|v| !matches!(v, Json::Null))
    {
        if let Some(n) = client_config::retries(&mut c, r, root.key("maxRetries")) {
            out.max_retries = n;
        }
    }
    if let Some(b) = options
        .get("maxResponseBytes")
        .filter(|v| !matches!(v, Json::Null))
    {
        let path = root.key("maxResponseBytes");
        if let Some(n) = client_config::byte_limit(&mut c, b, path) {
            out.max_bytes = n;
        }
    }
    c.finish(out)
}

#[wasm_bindgen]
impl Client {
    /// `options` is the JSON text of the `new Composio(options)` members this client reads;
    /// `env` of what the JS layer read from the runtime: `{ apiKey?, baseURL?, runtime?, framework? }`.
    /// Throws the JSON text of an error descriptor.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<String>, env: &str) -> Result<Client, JsValue> {
        let env_json = input(env);
        let text = |k: &str| env_json.get(k).and_then(Json::as_str).map(str::to_string);
        let env = Env {
            api_key: text("apiKey"),
            base_url: text("baseURL"),
            runtime: text("runtime"),
            framework: text("framework"),
        };
        let options = options.as_deref().map(input).unwrap_or(Json::Null);
        let fail = |d: Json| JsValue::from_str(&to_json_text(&d));
        match client_config::resolve(&options, &env) {
            Ok(config) => Ok(Client {
                config,
                calls: Vec::new(),
            }),
            Err(ConfigError::NoApiKey) => Err(fail(Json::object([(
                "kind",
                Some(Json::str("no_api_key")),
            )]))),
            Err(ConfigError::Invalid(i)) => Err(fail(descriptor(CallError::Invalid(i)))),
        }
    }

    /// The request headers as JSON object text, with `content-type` when `with_body`.
    #[wasm_bindgen(js_name = headersJson)]
    pub fn headers_json(&self, with_body: bool) -> String {
        self.config.headers_json[usize::from(with_body)].clone()
    }

    /// The endpoint table as JSON text (`endpoints::describe`).
    pub fn endpoints() -> String {
        endpoints::describe()
    }

    /// The per-call limits for a transfer outside the API (presigned file URLs):
    /// `{ timeout, limit }`, or a fail action.
    pub fn limits(&self, options: Option<String>) -> String {
        match limits(&self.config, options) {
            Ok(l) => to_json_text(&Json::object([
                ("timeout", num(l.timeout_ms)),
                ("limit", num(l.max_bytes)),
            ])),
            Err(i) => fail_text(CallError::Invalid(i)),
        }
    }

    /// Starts a call of the row `op` with the caller's arguments (a JSON array's text).
    pub fn start(&mut self, op: &str, args: &str, options: Option<String>, now: f64) -> String {
        let Some(ep) = endpoints::find(op) else {
            // A package bug (a row name the table does not have), not the server's doing.
            return fail_with(Json::object([
                ("kind", Some(Json::str("internal"))),
                (
                    "message",
                    Some(Json::Str(["no endpoint row ", op].concat())),
                ),
            ]));
        };
        let limits = match limits(&self.config, options) {
            Ok(l) => l,
            Err(i) => return fail_text(CallError::Invalid(i)),
        };
        let args = match input(args) {
            Json::Arr(items) => items,
            other => vec![other],
        };
        let (call, action) = Call::start(ep, &args, limits, &self.config, host::HOST, now);
        let id = match call {
            Some(call) => self.keep(call),
            None => 0,
        };
        self.action(id, action)
    }

    /// The server answered the call's request.
    #[allow(clippy::too_many_arguments)]
    pub fn answered(
        &mut self,
        id: u32,
        status: u16,
        should_retry: Option<String>,
        retry_after_ms: Option<String>,
        retry_after: Option<String>,
        body: Vec<u8>,
        now: f64,
    ) -> String {
        let answer = Answer {
            status,
            should_retry: should_retry.as_deref(),
            retry_after_ms: retry_after_ms.as_deref(),
            retry_after: retry_after.as_deref(),
            body,
        };
        let slot = (id as usize).wrapping_sub(1);
        let action = match self.calls.get_mut(slot).and_then(Option::as_mut) {
            Some(call) => call.answered(answer, &self.config, now),
            None => return fail_text(CallError::Cancelled),
        };
        self.action(id, action)
    }

    /// The attempt ended without an answer: `kind` is `timeout`, `not_sent`, `network`,
    /// `too_large` (with the status) or `cancelled`.
    pub fn lost(&mut self, id: u32, kind: &str, status: u16, now: f64) -> String {
        let how = match kind {
            "timeout" => Lost::Timeout,
            "not_sent" => Lost::NotSent,
            "too_large" => Lost::TooLarge(status),
            "cancelled" => Lost::Cancelled,
            _ => Lost::Network,
        };
        let action = match self.call(id) {
            Some(call) => call.lost(how, now),
            None => return fail_text(CallError::Cancelled),
        };
        self.action(id, action)
    }

    /// The wait the call asked for has ended.
    pub fn waited(&mut self, id: u32, now: f64) -> String {
        let action = match self.call(id) {
            Some(call) => call.waited(now),
            None => return fail_text(CallError::Cancelled),
        };
        self.action(id, action)
    }

    /// Checks the arguments of the row `op` as `start` would, sending nothing: `""` when they
    /// are good, else a fail action (accounts2: composite methods check later steps up front).
    pub fn check(op: &str, args: &str) -> String {
        let Some(ep) = endpoints::find(op) else {
            return fail_with(Json::object([
                ("kind", Some(Json::str("internal"))),
                (
                    "message",
                    Some(Json::Str(["no endpoint row ", op].concat())),
                ),
            ]));
        };
        let args = match input(args) {
            Json::Arr(items) => items,
            other => vec![other],
        };
        match crate::engine::check(ep, &args, host::HOST) {
            Ok(()) => String::new(),
            Err(i) => fail_text(CallError::Invalid(i)),
        }
    }

    /// Forgets a call the driver abandoned.
    pub fn release(&mut self, id: u32) {
        if let Some(slot) = self.calls.get_mut((id as usize).wrapping_sub(1)) {
            *slot = None;
        }
    }

    /// The OpenAI function-tool format of SDK `Tool`s (JSON text in and out).
    #[wasm_bindgen(js_name = openaiTools)]
    pub fn openai_tools(tools: &str) -> String {
        let items = match input(tools) {
            Json::Arr(items) => items.iter().map(crate::tools::openai_tool).collect(),
            _ => Vec::new(),
        };
        to_json_text(&Json::Arr(items))
    }
}

impl Client {
    /// Stores a call; ids start at 1 (0 means none).
    fn keep(&mut self, call: Call) -> u32 {
        match self.calls.iter().position(Option::is_none) {
            Some(i) => {
                self.calls[i] = Some(call);
                i as u32 + 1
            }
            None => {
                self.calls.push(Some(call));
                self.calls.len() as u32
            }
        }
    }

    fn call(&mut self, id: u32) -> Option<&mut Call> {
        self.calls
            .get_mut((id as usize).wrapping_sub(1))
            .and_then(Option::as_mut)
    }

    /// The action's JSON text; a finished call's slot is freed.
    fn action(&mut self, id: u32, action: Action) -> String {
        let t = |v: &'static str| ("t", Some(Json::str(v)));
        let text = match action {
            Action::Send {
                timeout_ms,
                max_bytes,
            } => {
                let Some(call) = self.call(id) else {
                    return fail_text(CallError::Cancelled);
                };
                // Not JSON (`readAction` in pkg/request.js): a header line of numbers and the
                // method, then the URL (its length in UTF-16 units in the header) and the body
                // as they are, so the body is not escaped here and unescaped again in JS.
                let (url, body) = (call.url(), call.body());
                let mut out = String::with_capacity(url.len() + body.map_or(0, str::len) + 48);
                out.push('s');
                out.push_str(&id.to_string());
                out.push(' ');
                out.push_str(call.method().as_str());
                out.push(' ');
                out.push_str(&host::number_to_text(timeout_ms));
                out.push(' ');
                out.push_str(&host::number_to_text(max_bytes));
                out.push(' ');
                let units = if url.is_ascii() {
                    url.len()
                } else {
                    url.encode_utf16().count()
                };
                out.push_str(&units.to_string());
                out.push_str(if body.is_some() { " 1\n" } else { " 0\n" });
                out.push_str(url);
                out.push_str(body.unwrap_or(""));
                return out;
            }
            Action::Wait(ms) => {
                return to_json_text(&Json::object([t("wait"), ("id", num(id)), ("ms", num(ms))]))
            }
            Action::Done(value) => done_text(&value),
            Action::Fail(e) => fail_text(e),
        };
        self.release(id);
        text
    }
}

/// The host's conversions for `webhook`: JS's `parseFloat`, `String(n)` and `toUpperCase`.
const WEBHOOK_CONV: crate::webhook::Conv = crate::webhook::Conv {
    number: number_from_text,
    print: host::number_to_text,
    upper: |s| String::from(js_sys::JsString::from(s).to_upper_case()),
};

/// A webhook outcome as JSON text: `{ t: 'done', value }` or `{ t: 'fail', error }`.
fn webhook_text(outcome: Result<Json, crate::webhook::WebhookError>) -> String {
    use crate::webhook::WebhookError as E;
    let (kind, message, issues) = match outcome {
        Ok(value) => return done_text(&value),
        Err(E::Invalid(i)) => {
            let message = crate::webhook::validation_message(&i).to_string();
            let rest = Invalid {
                issues: i.issues.into_iter().skip(1).collect(),
            };
            ("validation", message, Some(issues(&rest)))
        }
        Err(E::Signature(m)) => ("webhook_signature", m, None),
        Err(E::Payload(m)) => ("webhook_payload", m, None),
    };
    fail_with(Json::object([
        ("kind", Some(Json::str(kind))),
        ("message", Some(Json::Str(message))),
        ("issues", issues),
    ]))
}

/// `triggers.verifyWebhook(params)`: `params` is the JSON text of the caller's value, `now`
/// `Date.now()`, `expected` the signature JS computed over its strings ("" when it could not).
#[wasm_bindgen(js_name = webhookVerify)]
pub fn webhook_verify(params: &str, now: f64, expected: &str) -> String {
    webhook_text(crate::webhook::verify(
        &input(params),
        now,
        &WEBHOOK_CONV,
        expected,
    ))
}

/// `triggers.parse(request)` without `verifySecret`: the body text.
#[wasm_bindgen(js_name = webhookParse)]
pub fn webhook_parse(body: &str) -> String {
    webhook_text(crate::webhook::parse_payload(body, &WEBHOOK_CONV))
}

/// `triggers.parse(request, { verifySecret, tolerance? })`: the JSON text of
/// `{ payload, secret, tolerance?, id?, timestamp?, signature? }` as the JS side read them.
#[wasm_bindgen(js_name = webhookParseVerified)]
pub fn webhook_parse_verified(request: &str, now: f64, expected: &str) -> String {
    webhook_text(crate::webhook::parse_verified(
        &input(request),
        now,
        &WEBHOOK_CONV,
        expected,
    ))
}
