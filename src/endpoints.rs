//! The endpoint table: every REST operation the client makes, one row each. A row says how the
//! caller's arguments become a request (method, path template, query and body through a named
//! translation), whether repeating the request is harmless, how the call flows (one answer,
//! cursor pages, or polling), and how a 2xx answer is read. The call engine (`engine`) runs any
//! row; the JS package and the Rust API only name the row and pass the arguments.
//!
//! Adding a plain endpoint is one row here, one line in `pkg/core.js`, its declaration in
//! `pkg/index.d.ts`, its emulator route and its differential test; `tests/js/table.test.mjs`
//! fails until all five exist.

use crate::client_config::ClientConfig;
use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::request::Method;
use crate::retry::Safety;
use crate::session::{session_fields, Source};
use crate::shape::Shaped;
use crate::validate::{Checker, Invalid, Path};
use crate::{
    account_writes, accounts, auth_configs, catalog, connection, create_config, execute, files,
    search, tool_calls, toolkits, tools, triggers, update_config,
};

/// The caller's arguments, in the row's order. A missing or `undefined` argument reads as
/// `null` through `get`, and as it was passed through `raw`.
pub struct Args<'a> {
    pub values: &'a [Json],
    /// Prints a number as JS's `String(n)` (proxy query parameters).
    pub print_number: fn(f64) -> String,
}

static UNDEFINED: Json = Json::Foreign("undefined");

impl<'a> Args<'a> {
    pub fn raw(&self, i: usize) -> &'a Json {
        self.values.get(i).unwrap_or(&UNDEFINED)
    }

    pub fn get(&self, i: usize) -> &'a Json {
        match self.raw(i) {
            Json::Foreign("undefined") => &Json::Null,
            v => v,
        }
    }
}

/// What a row's translation makes of the arguments.
#[derive(Debug, Default, PartialEq)]
pub struct Parts {
    /// The values of the path template's `{…}` parameters, in order (checked and
    /// percent-encoded by the engine).
    pub path: Vec<String>,
    /// Without the leading `?`.
    pub query: String,
    pub body: Option<Json>,
    /// `Flow::Poll`: how long to poll, in ms.
    pub wait_ms: Option<f64>,
}

impl Parts {
    fn at(path: Vec<String>) -> Parts {
        Parts {
            path,
            ..Parts::default()
        }
    }

    fn query(mut self, query: String) -> Parts {
        self.query = query;
        self
    }

    fn body(mut self, body: Json) -> Parts {
        self.body = Some(body);
        self
    }
}

/// How a call proceeds after a 2xx answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Flow {
    /// The answer is the result.
    Single,
    /// Each answer is a page `{ items, next_cursor }`; the engine follows the cursor (as a
    /// `cursor` query parameter) to the last page, within the call's byte budget.
    Pages,
    /// The answer is a connected account; the engine polls until it is ACTIVE, fails, or the
    /// `wait_ms` deadline passes.
    Poll,
}

/// One page read: its items and the next cursor.
pub type Page = (Vec<Json>, Option<String>);

/// How a 2xx answer is read.
#[derive(Clone, Copy)]
pub enum Read {
    /// The answer's JSON to the result (the config gives session fields the API key).
    Value(fn(&Json, &ClientConfig) -> Shaped<Json>),
    /// One page: its items and the next cursor. By value, so large schemas move. With a
    /// reader of the page's text for drivers that take items as JSON text (`Host::text_items`),
    /// tried first: `None` from it means read the page the ordinary way.
    Page(fn(Json) -> Shaped<Page>, Option<TextPage>),
}

/// A page read from its text into items that may be `Json::Raw` (see `tools_text`); `None`
/// leaves it to the ordinary reader. Takes the host's number reader.
pub type TextPage = fn(&str, fn(&str) -> f64) -> Option<Page>;

// `js`, `args` and `describe` serve the JS surface's checks and messages.
#[cfg_attr(not(feature = "js-api"), allow(dead_code))]
pub struct Endpoint {
    /// The name the drivers call it by.
    pub name: &'static str,
    /// The public JS method it serves (`composio.…`, `session.…`, `connectionRequest.…`).
    pub js: &'static str,
    pub method: Method,
    /// With `{name}` parameters, filled from `Parts::path`.
    pub path: &'static str,
    /// The arguments' names, for messages; `""` for a config object whose keys are the roots.
    pub args: &'static [&'static str],
    pub safety: Safety,
    pub flow: Flow,
    pub build: fn(&Args) -> Result<Parts, Invalid>,
    pub read: Read,
    /// Top-level answer members kept as received text (a tool's output, passed through).
    pub raw: &'static [&'static str],
    /// The top-level answer members the reader looks at (all when empty): the others are
    /// checked but not built, so they cost no memory.
    pub keep: &'static [&'static str],
}

const SESSION: &str = "/api/v3.1/tool_router/session/{sessionId}";
const ACCOUNT: &str = "/api/v3.1/connected_accounts/{connectedAccountId}";
const AUTH_CONFIG: &str = "/api/v3.1/auth_configs/{authConfigId}";
const TRIGGER_TYPE: &str = "/api/v3.1/triggers_types/{slug}";
const TRIGGER_INSTANCE: &str = "/api/v3.1/trigger_instances/manage/{triggerId}";
const TRIGGER_CREATE_ARGS: &[&str] = &["userId", "slug", "body", "toolkitVersions"];
const WEBHOOK_SUBSCRIPTIONS: &str = "/api/v3.1/webhook_subscriptions";
const MCP_SERVER: &str = "/api/v3.1/mcp/{serverId}";
const TOOLS_PAGE_LIMIT: i64 = 500;
/// What `session_fields` reads of a session answer.
const SESSION_MEMBERS: &[&str] = &[
    "session_id",
    "mcp",
    "config",
    "config_version",
    "warnings",
    "experimental",
];

/// A `{…}` value that must be a non-empty string (the session id).
fn session_id(v: &Json) -> Result<String, Invalid> {
    match v {
        Json::Str(s) => Ok(s.clone()),
        other => Err(wrong_type("sessionId", "a non-empty string", other)),
    }
}

/// A `{…}` value that must be a string (ids and slugs; emptiness is the engine's check).
fn string_param(v: &Json, name: &str) -> Result<String, Invalid> {
    match v {
        Json::Str(s) => Ok(s.clone()),
        other => Err(wrong_type(name, "a string", other)),
    }
}

fn wrong_type(name: &str, expected: &str, got: &Json) -> Invalid {
    let mut c = Checker::default();
    c.wrong_type(Path::root(name), expected, got);
    c.finish(()).unwrap_err()
}

/// Refuses custom tools, which this package does not support yet.
fn no_custom_tools(options: &Json) -> Result<(), Invalid> {
    let mut c = Checker::default();
    for key in ["customTools", "customToolkits"] {
        match options.get(key) {
            None | Some(Json::Null) => {}
            Some(Json::Arr(items)) if items.is_empty() => {}
            Some(_) => c.issue(
                "custom",
                Path::root("options").key(key),
                format!("custom tools are not supported by composio-wasm yet; remove {key}"),
            ),
        }
    }
    c.finish(())
}

/// The default `waitForConnection` timeout.
pub const DEFAULT_WAIT_MS: f64 = 60_000.0;

fn session_tools(a: &Args) -> Result<Parts, Invalid> {
    let query = query_string(&[("limit", Some(QueryValue::Int(TOOLS_PAGE_LIMIT)))]);
    Ok(Parts::at(vec![session_id(a.get(0))?]).query(query))
}

/// `composio.toolkits.get(query)`: one page of the catalogue, its items.
const TOOLKITS_LIST: Endpoint = Endpoint {
    name: "toolkits.list",
    js: "composio.toolkits.get",
    method: Method::Get,
    path: "/api/v3.1/toolkits",
    args: &["query"],
    safety: Safety::Idempotent,
    flow: Flow::Single,
    build: |a| Ok(Parts::default().query(catalog::list_query(a.get(0))?)),
    read: Read::Value(|b, _| catalog::list_result(b)),
    raw: &[],
    keep: &[],
};

fn openai_tools_page(body: Json) -> Shaped<Page> {
    let (items, next) = tools::tools_page(body)?;
    Ok((
        items.into_iter().map(tools::openai_tool_owned).collect(),
        next,
    ))
}

fn account_poll(a: &Args) -> Result<Parts, Invalid> {
    let id = string_param(a.get(0), "connectedAccountId")?;
    let mut c = Checker::default();
    let wait = match a.get(1) {
        Json::Null => DEFAULT_WAIT_MS,
        v => crate::client_config::timeout(&mut c, v, Path::root("timeout")).unwrap_or(0.0),
    };
    let mut parts = c.finish(Parts::at(vec![id]))?;
    parts.wait_ms = Some(wait);
    Ok(parts)
}

/// The account id, the first argument, as the only path parameter.
fn account_id(a: &Args) -> Result<Parts, Invalid> {
    Ok(Parts::at(vec![string_param(
        a.get(0),
        "connectedAccountId",
    )?]))
}

/// `{ mountId? }` and the mount-relative path of a files call.
fn mount_call(a: &Args) -> Result<Parts, Invalid> {
    let (mount, body) = files::path_body(a.get(1), a.get(2))?;
    Ok(Parts::at(vec![session_id(a.get(0))?, mount]).body(body))
}

/// The surface rows (`composio.mcp`, `composio.files`) are checked and mapped in JS
/// (`pkg/mcp.js`, `pkg/project-files.js`), which costs the wasm module nothing: their body is
/// the last argument, already built, and must be an object.
fn prepared_body(a: &Args) -> Result<Json, Invalid> {
    let last = a.values.len().saturating_sub(1);
    match a.get(last) {
        v @ Json::Obj(_) => Ok(v.clone()),
        other => Err(wrong_type("body", "an object", other)),
    }
}

/// A query string the JS side built (percent-encoded, without `?`).
fn prepared_query(a: &Args) -> Result<String, Invalid> {
    match a.get(0) {
        Json::Str(s) => Ok(s.clone()),
        Json::Null => Ok(String::new()),
        other => Err(wrong_type("query", "a query string", other)),
    }
}

/// The answer as received (the JS side reads it).
fn as_received(b: &Json, _: &ClientConfig) -> Shaped<Json> {
    Ok(b.clone())
}

/// The table. Names are `<resource>.<method>`; `js` is the public method.
pub static TABLE: &[Endpoint] = &[
    Endpoint {
        name: "sessions.create",
        js: "composio.create",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session",
        args: &["userId", ""],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().body(create_config::create_body(a.get(0), a.get(1))?)),
        read: Read::Value(|b, c| session_fields(b, &c.api_key, Source::Create)),
        raw: &["config", "warnings"],
        keep: SESSION_MEMBERS,
    },
    Endpoint {
        name: "sessions.use",
        js: "composio.use",
        method: Method::Get,
        path: SESSION,
        args: &["sessionId", "options"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            no_custom_tools(a.get(1))?;
            Ok(Parts::at(vec![session_id(a.get(0))?]))
        },
        read: Read::Value(|b, c| session_fields(b, &c.api_key, Source::Retrieve)),
        raw: &["config", "warnings"],
        keep: SESSION_MEMBERS,
    },
    Endpoint {
        name: "sessions.update",
        js: "session.update",
        method: Method::Patch,
        path: SESSION,
        args: &["sessionId", ""],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = update_config::update_body(a.get(1))?;
            Ok(Parts::at(vec![session_id(a.get(0))?]).body(body))
        },
        read: Read::Value(|b, c| session_fields(b, &c.api_key, Source::Retrieve)),
        raw: &["config", "warnings"],
        keep: SESSION_MEMBERS,
    },
    Endpoint {
        name: "sessions.delete",
        js: "composio.sessions.delete",
        method: Method::Delete,
        path: SESSION,
        args: &["sessionId"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| Ok(Parts::at(vec![session_id(a.get(0))?])),
        read: Read::Value(|b, _| execute::delete_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "session.tools",
        js: "session.tools",
        method: Method::Get,
        path: "/api/v3.1/tool_router/session/{sessionId}/tools",
        args: &["sessionId"],
        safety: Safety::Idempotent,
        flow: Flow::Pages,
        build: session_tools,
        read: Read::Page(
            tools::tools_page,
            Some(|text, number| crate::tools_text::tools_page(text, false, number)),
        ),
        raw: &[],
        keep: &["items", "next_cursor"],
    },
    Endpoint {
        name: "session.openaiTools",
        js: "session.tools",
        method: Method::Get,
        path: "/api/v3.1/tool_router/session/{sessionId}/tools",
        args: &["sessionId"],
        safety: Safety::Idempotent,
        flow: Flow::Pages,
        build: session_tools,
        read: Read::Page(
            openai_tools_page,
            Some(|text, number| crate::tools_text::tools_page(text, true, number)),
        ),
        raw: &[],
        keep: &["items", "next_cursor"],
    },
    Endpoint {
        name: "session.toolkits",
        js: "session.toolkits",
        method: Method::Get,
        path: "/api/v3.1/tool_router/session/{sessionId}/toolkits",
        args: &["sessionId", "options"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            let query = toolkits::toolkits_query(a.get(1))?;
            Ok(Parts::at(vec![session_id(a.get(0))?]).query(query))
        },
        read: Read::Value(|b, _| toolkits::toolkits_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "session.search",
        js: "session.search",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session/{sessionId}/search",
        args: &["sessionId", "params"],
        // Only reads, so it is retried like a GET.
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            let body = search::search_body(a.get(1))?;
            Ok(Parts::at(vec![session_id(a.get(0))?]).body(body))
        },
        read: Read::Value(|b, _| search::search_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "session.execute",
        js: "session.execute",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session/{sessionId}/execute",
        args: &["sessionId", "toolSlug", "arguments", "options"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = execute::execute_body(a.raw(1), a.raw(2), a.raw(3))?;
            Ok(Parts::at(vec![session_id(a.get(0))?]).body(body))
        },
        read: Read::Value(|b, _| execute::execute_result(b)),
        raw: &["data"],
        keep: &[],
    },
    Endpoint {
        name: "session.proxyExecute",
        js: "session.proxyExecute",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session/{sessionId}/proxy_execute",
        args: &["sessionId", "params"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = execute::proxy_body(a.get(1), &a.print_number)?;
            Ok(Parts::at(vec![session_id(a.get(0))?]).body(body))
        },
        read: Read::Value(|b, _| execute::proxy_result(b)),
        raw: &["data"],
        keep: &[],
    },
    Endpoint {
        name: "session.authorize",
        js: "session.authorize",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session/{sessionId}/link",
        args: &["sessionId", "toolkit", "options"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = connection::link_body(a.raw(1), a.get(2))?;
            Ok(Parts::at(vec![session_id(a.get(0))?]).body(body))
        },
        read: Read::Value(|b, _| connection::link_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "connectedAccounts.waitForConnection",
        js: "connectionRequest.waitForConnection",
        method: Method::Get,
        path: "/api/v3.1/connected_accounts/{connectedAccountId}",
        args: &["connectedAccountId", "timeout"],
        safety: Safety::Idempotent,
        flow: Flow::Poll,
        build: account_poll,
        read: Read::Value(|b, _| connection::account_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "connectedAccounts.get",
        js: "composio.connectedAccounts.get",
        method: Method::Get,
        path: ACCOUNT,
        args: &["connectedAccountId"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: account_id,
        read: Read::Value(|b, _| connection::account_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "connectedAccounts.list",
        js: "composio.connectedAccounts.list",
        method: Method::Get,
        path: "/api/v3.1/connected_accounts",
        args: &["query"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().query(accounts::list_query(a.get(0))?)),
        read: Read::Value(|b, _| accounts::list_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "connectedAccounts.delete",
        js: "composio.connectedAccounts.delete",
        method: Method::Delete,
        path: ACCOUNT,
        args: &["connectedAccountId"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: account_id,
        read: Read::Value(|b, _| accounts::passed(b, "a delete result object", accounts::SUCCESS)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "connectedAccounts.refresh",
        js: "composio.connectedAccounts.refresh",
        method: Method::Post,
        path: "/api/v3.1/connected_accounts/{connectedAccountId}/refresh",
        args: &["connectedAccountId", "options"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let (query, body) = accounts::refresh_parts(a.get(1))?;
            Ok(account_id(a)?.query(query).body(body))
        },
        read: Read::Value(|b, _| accounts::refresh_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "connectedAccounts.updateStatus",
        js: "composio.connectedAccounts.updateStatus",
        method: Method::Patch,
        path: "/api/v3.1/connected_accounts/{connectedAccountId}/status",
        args: &["connectedAccountId", "params"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = accounts::status_body(a.get(1))?;
            Ok(account_id(a)?.body(body))
        },
        read: Read::Value(|b, _| {
            accounts::passed(b, "a status update result object", accounts::SUCCESS)
        }),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "authConfigs.list",
        js: "composio.authConfigs.list",
        method: Method::Get,
        path: "/api/v3.1/auth_configs",
        args: &["query"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().query(auth_configs::list_query(a.get(0))?)),
        read: Read::Value(|b, _| auth_configs::list_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "authConfigs.get",
        js: "composio.authConfigs.get",
        method: Method::Get,
        path: AUTH_CONFIG,
        args: &["authConfigId"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::at(vec![string_param(a.get(0), "authConfigId")?])),
        read: Read::Value(|b, _| auth_configs::auth_config_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "authConfigs.delete",
        js: "composio.authConfigs.delete",
        method: Method::Delete,
        path: AUTH_CONFIG,
        args: &["authConfigId"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| Ok(Parts::at(vec![string_param(a.get(0), "authConfigId")?])),
        read: Read::Value(|b, _| accounts::passed(b, "an auth config delete result", &[])),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "authConfigs.updateStatus",
        js: "composio.authConfigs.updateStatus",
        method: Method::Patch,
        path: "/api/v3.1/auth_configs/{authConfigId}/{status}",
        args: &["status", "authConfigId"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let status = auth_configs::status(a.get(0))?;
            Ok(Parts::at(vec![
                string_param(a.get(1), "authConfigId")?,
                status,
            ]))
        },
        read: Read::Value(|b, _| Ok(b.clone())),
        raw: &[],
        keep: &[],
    },
    TOOLKITS_LIST,
    // The same request, read as a page with its cursor. No public method returns the cursor
    // (`toolkits.get(query)` drops it, as upstream); the command line pages the catalogue
    // through this row (`toolkitPage` in pkg/surface.js).
    Endpoint {
        name: "toolkits.listPage",
        read: Read::Value(|b, _| catalog::list_page(b)),
        ..TOOLKITS_LIST
    },
    Endpoint {
        name: "toolkits.get",
        js: "composio.toolkits.get",
        method: Method::Get,
        path: "/api/v3.1/toolkits/{slug}",
        args: &["slug"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::at(vec![string_param(a.get(0), "slug")?])),
        read: Read::Value(|b, _| catalog::toolkit_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "toolkits.listCategories",
        js: "composio.toolkits.listCategories",
        method: Method::Get,
        path: "/api/v3.1/toolkits/categories",
        args: &[],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |_| Ok(Parts::default()),
        read: Read::Value(|b, _| catalog::categories_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "files.list",
        js: "session.experimental.files.list",
        method: Method::Get,
        path: "/api/v3.1/tool_router/session/{sessionId}/mounts/{mountId}/items",
        args: &["sessionId", "options"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            let (mount, query) = files::list_query(a.get(1))?;
            Ok(Parts::at(vec![session_id(a.get(0))?, mount]).query(query))
        },
        read: Read::Value(|b, _| files::list_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "files.uploadUrl",
        js: "session.experimental.files.upload",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session/{sessionId}/mounts/{mountId}/upload_url",
        args: &["sessionId", "remotePath", "options"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: mount_call,
        read: Read::Value(|b, _| files::upload_target(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "files.downloadUrl",
        js: "session.experimental.files.download",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session/{sessionId}/mounts/{mountId}/download_url",
        args: &["sessionId", "filePath", "options"],
        // Only hands out a URL, so it is retried like a GET.
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: mount_call,
        read: Read::Value(|b, _| files::remote_file(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "files.delete",
        js: "session.experimental.files.delete",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session/{sessionId}/mounts/{mountId}/delete",
        args: &["sessionId", "remotePath", "options"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: mount_call,
        read: Read::Value(|b, _| files::delete_result(b)),
        raw: &[],
        keep: &[],
    },
    // ---- composio.tools (the project-level tool endpoints) ----
    Endpoint {
        name: "tools.list",
        js: "composio.tools.getRawComposioTools",
        method: Method::Get,
        path: "/api/v3.1/tools",
        args: &["query", "toolkitVersions"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().query(tool_calls::list_query(a.get(0), a.get(1))?)),
        read: Read::Value(|b, _| tools::tool_list(b.clone())),
        raw: &[],
        keep: &["items"],
    },
    Endpoint {
        name: "tools.get",
        js: "composio.tools.getRawComposioToolBySlug",
        method: Method::Get,
        path: "/api/v3.1/tools/{slug}",
        args: &["slug", "version", "toolkitVersions"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            let query = tool_calls::retrieve_query(a.get(1), a.get(2))?;
            Ok(Parts::at(vec![string_param(a.get(0), "slug")?]).query(query))
        },
        read: Read::Value(|b, _| tools::tool_item(b.clone())),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "tools.execute",
        js: "composio.tools.execute",
        method: Method::Post,
        path: "/api/v3.1/tools/execute/{slug}",
        args: &["slug", "params", "version"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = tool_calls::execute_body(a.get(1), a.get(2))?;
            Ok(Parts::at(vec![string_param(a.get(0), "slug")?]).body(body))
        },
        read: Read::Value(|b, _| tool_calls::execute_result(b)),
        raw: &["data"],
        keep: &[],
    },
    Endpoint {
        name: "tools.executeSessionTool",
        js: "composio.tools.executeSessionTool",
        method: Method::Post,
        path: "/api/v3.1/tool_router/session/{sessionId}/execute",
        args: &["sessionId", "toolSlug", "arguments", "experimental"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = tool_calls::session_tool_body(a.raw(1), a.raw(2), a.raw(3))?;
            Ok(Parts::at(vec![session_id(a.get(0))?]).body(body))
        },
        read: Read::Value(|b, _| tool_calls::session_tool_result(b)),
        raw: &["data"],
        keep: &[],
    },
    Endpoint {
        name: "tools.getToolsEnum",
        js: "composio.tools.getToolsEnum",
        method: Method::Get,
        path: "/api/v3.1/tools/enum",
        args: &[],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |_| Ok(Parts::default()),
        read: Read::Value(|b, _| tool_calls::enum_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "tools.getInput",
        js: "composio.tools.getInput",
        method: Method::Post,
        path: "/api/v3.1/tools/execute/{slug}/input",
        args: &["slug", "body"],
        // Only generates arguments (nothing runs), so it is retried like a GET.
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            let body = tool_calls::input_body(a.get(1))?;
            Ok(Parts::at(vec![string_param(a.get(0), "slug")?]).body(body))
        },
        read: Read::Value(|b, _| tool_calls::input_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "tools.proxyExecute",
        js: "composio.tools.proxyExecute",
        method: Method::Post,
        path: "/api/v3.1/tools/execute/proxy",
        args: &["params"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = execute::proxy_body_in(a.get(0), &a.print_number, true)?;
            Ok(Parts::default().body(body))
        },
        read: Read::Value(|b, _| tool_calls::proxy_result(b)),
        raw: &["data"],
        keep: &[],
    },
    // ---- surface: composio.mcp (deprecated upstream) and composio.files ----
    Endpoint {
        name: "mcp.create",
        js: "composio.mcp.create",
        method: Method::Post,
        path: "/api/v3.1/mcp/servers/custom",
        args: &["body"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().body(prepared_body(a)?)),
        read: Read::Value(as_received),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "mcp.list",
        js: "composio.mcp.list",
        method: Method::Get,
        path: "/api/v3.1/mcp/servers",
        args: &["query"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().query(prepared_query(a)?)),
        read: Read::Value(as_received),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "mcp.get",
        js: "composio.mcp.get",
        method: Method::Get,
        path: MCP_SERVER,
        args: &["serverId"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::at(vec![string_param(a.get(0), "serverId")?])),
        read: Read::Value(as_received),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "mcp.update",
        js: "composio.mcp.update",
        method: Method::Patch,
        path: MCP_SERVER,
        args: &["serverId", "body"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = prepared_body(a)?;
            Ok(Parts::at(vec![string_param(a.get(0), "serverId")?]).body(body))
        },
        read: Read::Value(as_received),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "mcp.delete",
        js: "composio.mcp.delete",
        method: Method::Delete,
        path: MCP_SERVER,
        args: &["serverId"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| Ok(Parts::at(vec![string_param(a.get(0), "serverId")?])),
        read: Read::Value(as_received),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "mcp.generateUrl",
        js: "composio.mcp.generate",
        method: Method::Post,
        path: "/api/v3.1/mcp/servers/generate",
        args: &["body"],
        // Only hands out a URL, so it is retried like a GET.
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().body(prepared_body(a)?)),
        read: Read::Value(as_received),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "files.uploadRequest",
        js: "composio.files.upload",
        method: Method::Post,
        path: "/api/v3.1/files/upload/request",
        args: &["body"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().body(prepared_body(a)?)),
        read: Read::Value(as_received),
        raw: &[],
        keep: &[],
    },
    // --- accounts2: connected-account and auth-config writes (src/account_writes.rs) ---
    Endpoint {
        name: "connectedAccounts.initiate",
        js: "composio.connectedAccounts.initiate",
        method: Method::Post,
        path: "/api/v3.1/connected_accounts",
        args: &["userId", "authConfigId", "options"],
        // Creates an account each time: never repeated.
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = account_writes::initiate_body(a.get(0), a.get(1), a.get(2))?;
            Ok(Parts::default().body(body))
        },
        read: Read::Value(|b, _| account_writes::initiate_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "connectedAccounts.link",
        js: "composio.connectedAccounts.link",
        method: Method::Post,
        path: "/api/v3.1/connected_accounts/link",
        args: &["userId", "authConfigId", "options"],
        // Creates an account and a link token each time: never repeated.
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = account_writes::link_body(a.get(0), a.get(1), a.get(2))?;
            Ok(Parts::default().body(body))
        },
        read: Read::Value(|b, _| connection::link_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "connectedAccounts.updateAcl",
        js: "composio.connectedAccounts.updateAcl",
        method: Method::Patch,
        path: ACCOUNT,
        args: &["connectedAccountId", "params"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = account_writes::acl_body(a.get(1))?;
            Ok(account_id(a)?.body(body))
        },
        read: Read::Value(|b, _| account_writes::acl_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "authConfigs.create",
        js: "composio.authConfigs.create",
        method: Method::Post,
        path: "/api/v3.1/auth_configs",
        args: &["toolkit", "options"],
        // Creates an auth config each time: never repeated.
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = account_writes::create_body(a.get(0), a.get(1))?;
            Ok(Parts::default().body(body))
        },
        read: Read::Value(|b, _| account_writes::create_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "authConfigs.update",
        js: "composio.authConfigs.update",
        method: Method::Patch,
        path: AUTH_CONFIG,
        args: &["authConfigId", "data"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = account_writes::update_body(a.get(1))?;
            Ok(Parts::at(vec![string_param(a.get(0), "authConfigId")?]).body(body))
        },
        // `AuthConfigUpdateResponse` is `unknown`: returned as received.
        read: Read::Value(|b, _| Ok(b.clone())),
        raw: &[],
        keep: &[],
    },
    // ---- composio.triggers (trigger instances, types, webhook subscription, realtime) ----
    Endpoint {
        name: "triggers.listActive",
        js: "composio.triggers.listActive",
        method: Method::Get,
        path: "/api/v3.1/trigger_instances/active",
        args: &["query"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().query(triggers::list_active_query(a.get(0))?)),
        read: Read::Value(|b, _| triggers::list_active_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        // `create()` looks the type up first (upstream does, to throw
        // ComposioTriggerTypeNotFoundError); this row checks every create argument before it.
        name: "triggers.createTypeCheck",
        js: "composio.triggers.create",
        method: Method::Get,
        path: TRIGGER_TYPE,
        args: TRIGGER_CREATE_ARGS,
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            let (slug, query) = triggers::create_check(&[a.get(0), a.get(1), a.get(2), a.get(3)])?;
            Ok(Parts::at(vec![slug]).query(query))
        },
        read: Read::Value(|b, _| triggers::type_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "triggers.create",
        js: "composio.triggers.create",
        method: Method::Post,
        path: "/api/v3.1/trigger_instances/{slug}/upsert",
        args: TRIGGER_CREATE_ARGS,
        // An upsert, but it may create: not repeated after an unclear failure.
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let (slug, body) = triggers::create_body(&[a.get(0), a.get(1), a.get(2), a.get(3)])?;
            Ok(Parts::at(vec![slug]).body(body))
        },
        read: Read::Value(|b, _| triggers::trigger_id_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "triggers.update",
        js: "composio.triggers.update",
        method: Method::Patch,
        path: TRIGGER_INSTANCE,
        args: &["triggerId", "body"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = triggers::update_body(a.get(1))?;
            Ok(Parts::at(vec![string_param(a.get(0), "triggerId")?]).body(body))
        },
        read: Read::Value(|b, _| triggers::update_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "triggers.delete",
        js: "composio.triggers.delete",
        method: Method::Delete,
        path: TRIGGER_INSTANCE,
        args: &["triggerId"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| Ok(Parts::at(vec![string_param(a.get(0), "triggerId")?])),
        read: Read::Value(|b, _| triggers::trigger_id_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "triggers.listTypes",
        js: "composio.triggers.listTypes",
        method: Method::Get,
        path: "/api/v3.1/triggers_types",
        args: &["query", "toolkitVersions"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().query(triggers::list_types_query(a.get(0), a.get(1))?)),
        read: Read::Value(|b, _| triggers::list_types_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "triggers.getType",
        js: "composio.triggers.getType",
        method: Method::Get,
        path: TRIGGER_TYPE,
        args: &["slug", "toolkitVersions"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            let query = triggers::get_type_query(a.get(1))?;
            Ok(Parts::at(vec![string_param(a.get(0), "slug")?]).query(query))
        },
        read: Read::Value(|b, _| triggers::type_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "triggers.listEnum",
        js: "composio.triggers.listEnum",
        method: Method::Get,
        path: "/api/v3.1/triggers_types/list/enum",
        args: &[],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |_| Ok(Parts::default()),
        read: Read::Value(|b, _| triggers::enum_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        // `setWebhookSubscription` step 1: the params are checked, then the first subscription
        // (if any) is looked up; its id picks the update or the create row.
        name: "webhookSubscriptions.first",
        js: "composio.triggers.setWebhookSubscription",
        method: Method::Get,
        path: WEBHOOK_SUBSCRIPTIONS,
        args: &["params"],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |a| {
            triggers::subscription_body(a.get(0))?;
            let query = query_string(&[("limit", Some(QueryValue::Int(1)))]);
            Ok(Parts::default().query(query))
        },
        read: Read::Value(|b, _| triggers::first_subscription(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "webhookSubscriptions.update",
        js: "composio.triggers.setWebhookSubscription",
        method: Method::Patch,
        path: "/api/v3.1/webhook_subscriptions/{subscriptionId}",
        args: &["subscriptionId", "params"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| {
            let body = triggers::subscription_body(a.get(1))?;
            Ok(Parts::at(vec![string_param(a.get(0), "subscriptionId")?]).body(body))
        },
        read: Read::Value(|b, _| triggers::subscription_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "webhookSubscriptions.create",
        js: "composio.triggers.setWebhookSubscription",
        method: Method::Post,
        path: WEBHOOK_SUBSCRIPTIONS,
        args: &["params"],
        safety: Safety::SideEffect,
        flow: Flow::Single,
        build: |a| Ok(Parts::default().body(triggers::subscription_body(a.get(0))?)),
        read: Read::Value(|b, _| triggers::subscription_result(b)),
        raw: &[],
        keep: &[],
    },
    Endpoint {
        name: "realtime.credentials",
        js: "composio.triggers.subscribe",
        method: Method::Get,
        path: "/api/v3/internal/sdk/realtime/credentials",
        args: &[],
        safety: Safety::Idempotent,
        flow: Flow::Single,
        build: |_| Ok(Parts::default()),
        read: Read::Value(triggers::realtime_credentials),
        raw: &[],
        keep: &[],
    },
];

/// The row named `name`.
pub fn find(name: &str) -> Option<&'static Endpoint> {
    TABLE.iter().find(|e| e.name == name)
}

/// The table as JSON text, for the JS side's checks and error paths: `[{ name, js, method,
/// path, args, safe, flow }]`. Written directly: it runs once, and building `Json` values for it
/// cost more code than this.
#[cfg_attr(not(feature = "js-api"), allow(dead_code))]
pub fn describe() -> String {
    let mut out = String::from("[");
    for (i, e) in TABLE.iter().enumerate() {
        let flow = match e.flow {
            Flow::Single => "single",
            Flow::Pages => "pages",
            Flow::Poll => "poll",
        };
        let safe = if e.safety == Safety::Idempotent {
            "true"
        } else {
            "false"
        };
        let args = e.args.join("\",\"");
        for part in [
            if i == 0 {
                "{\"name\":\""
            } else {
                ",{\"name\":\""
            },
            e.name,
            "\",\"js\":\"",
            e.js,
            "\",\"method\":\"",
            e.method.as_str(),
            "\",\"path\":\"",
            e.path,
            "\",\"args\":[",
            if e.args.is_empty() { "" } else { "\"" },
            &args,
            if e.args.is_empty() { "" } else { "\"" },
            "],\"safe\":",
            safe,
            ",\"flow\":\"",
            flow,
            "\"}",
        ] {
            out.push_str(part);
        }
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(path: &str) -> usize {
        path.matches('{').count()
    }

    #[test]
    fn names_are_unique_and_rows_are_consistent() {
        for (i, e) in TABLE.iter().enumerate() {
            assert!(
                TABLE[..i].iter().all(|o| o.name != e.name),
                "duplicate {}",
                e.name
            );
            // Only the realtime credentials live outside v3.1 (upstream calls v3 for them).
            assert!(
                e.path.starts_with("/api/v3.1/") || e.name == "realtime.credentials",
                "{}",
                e.name
            );
            assert_eq!(params(e.path), e.path.matches('}').count(), "{}", e.name);
            assert_eq!(
                e.safety == Safety::Idempotent,
                e.method == Method::Get
                    || matches!(
                        e.name,
                        "session.search"
                            | "files.downloadUrl"
                            | "tools.getInput"
                            | "mcp.generateUrl"
                    ),
                "{}: only GETs and the reading POSTs may repeat",
                e.name
            );
            assert_eq!(e.flow == Flow::Pages, matches!(e.read, Read::Page(..)));
        }
    }

    #[test]
    fn every_row_builds_its_path_parameters() {
        // Sample arguments that each row accepts: the built parts fill the template exactly.
        let sample = |e: &Endpoint| -> Vec<Json> {
            e.args
                .iter()
                .map(|a| match *a {
                    // Every id (session, account, auth config, server, trigger, subscription).
                    id if id == "slug" || (id.ends_with("Id") && id != "userId") => {
                        Json::str("x_1")
                    }
                    "status" => Json::str("ENABLED"),
                    "userId" => Json::str("u"),
                    "toolSlug" => Json::str("GMAIL_SEND"),
                    "toolkit" => Json::str("gmail"),
                    "remotePath" | "filePath" => Json::str("a.txt"),
                    "params" if e.name == "connectedAccounts.updateStatus" => {
                        Json::object([("enabled", Some(Json::Bool(true)))])
                    }
                    "params" if e.name == "connectedAccounts.updateAcl" => {
                        Json::object([("allowAllUsers", Some(Json::Bool(true)))])
                    }
                    "data" => Json::object([("type", Some(Json::str("default")))]),
                    "params" if e.name == "session.search" => {
                        Json::object([("query", Some(Json::str("q")))])
                    }
                    "params" if e.name == "tools.execute" => Json::obj(),
                    "version" if e.name == "tools.execute" => Json::str("v1"),
                    "params" if e.name == "tools.proxyExecute" => Json::object([
                        ("endpoint", Some(Json::str("/user"))),
                        ("method", Some(Json::str("GET"))),
                    ]),
                    "body" if e.name == "triggers.update" => {
                        Json::object([("status", Some(Json::str("enable")))])
                    }
                    "body" if e.name.starts_with("triggers.") => Json::obj(),
                    "body" if e.name.starts_with("mcp.") || e.name.starts_with("files.") => {
                        Json::object([("name", Some(Json::str("n")))])
                    }
                    "body" => Json::object([("text", Some(Json::str("t")))]),
                    "query" if e.name == "mcp.list" => Json::str("a=1"),
                    "query" if e.name == "tools.list" => {
                        Json::object([("search", Some(Json::str("q")))])
                    }
                    "params" if e.name.starts_with("webhookSubscriptions.") => {
                        Json::object([("webhookUrl", Some(Json::str("https://a.example/h")))])
                    }
                    "params" => Json::object([
                        ("toolkit", Some(Json::str("github"))),
                        ("endpoint", Some(Json::str("/user"))),
                        ("method", Some(Json::str("GET"))),
                    ]),
                    "" => Json::obj(),
                    _ => Json::Foreign("undefined"),
                })
                .collect()
        };
        let num = |n: f64| n.to_string();
        for e in TABLE {
            let values = sample(e);
            let parts = (e.build)(&Args {
                values: &values,
                print_number: num,
            })
            .unwrap_or_else(|i| panic!("{}: {}", e.name, i.message()));
            assert_eq!(parts.path.len(), params(e.path), "{}", e.name);
            assert_eq!(parts.wait_ms.is_some(), e.flow == Flow::Poll, "{}", e.name);
        }
    }

    #[test]
    fn the_description_is_json_of_every_row() {
        let text = describe();
        let parsed: serde_json::Value = serde_json::from_str(&text).expect(&text);
        let rows = parsed.as_array().unwrap();
        assert_eq!(rows.len(), TABLE.len());
        let search = rows.iter().find(|r| r["name"] == "session.search").unwrap();
        assert_eq!(
            search,
            &serde_json::json!({"name": "session.search", "js": "session.search", "method": "POST",
                "path": "/api/v3.1/tool_router/session/{sessionId}/search",
                "args": ["sessionId", "params"], "safe": true, "flow": "single"})
        );
        let categories = rows
            .iter()
            .find(|r| r["name"] == "toolkits.listCategories")
            .unwrap();
        assert_eq!(categories["args"], serde_json::json!([]));
    }

    #[test]
    fn missing_arguments_read_as_null_or_undefined() {
        let a = Args {
            values: &[Json::Foreign("undefined")],
            print_number: |n| n.to_string(),
        };
        assert_eq!(a.get(0), &Json::Null);
        assert_eq!(a.raw(0), &Json::Foreign("undefined"));
        assert_eq!(a.raw(5), &Json::Foreign("undefined"));
    }
}
