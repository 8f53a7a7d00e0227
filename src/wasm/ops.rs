//! The API operations, shared by the JS surface (`Client`) and the Rust API (`rust_api`): each
//! validates its input into a request (`Prepared`) and names how its answer is read (`Map`).
//! The Rust API sends them through its pipeline; the npm package sends them from JS.

use super::answer::bad_response;
use super::errors::Error;
#[cfg(feature = "rust-api")]
use super::{
    fetch,
    pipeline::{call, CallOptions, Connection},
};
use crate::client_config::{path_segment, ClientConfig};
use crate::connection::{self, Poll};
use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::request::{ApiRequest, Method};
use crate::session::{session_fields, Source};
use crate::shape::{BadShape, Shaped};
use crate::validate::{Invalid, Path};
use crate::{catalog, create_config, execute, files, search, toolkits, tools, update_config};

const SESSION_PATH: &str = "/api/v3.1/tool_router/session";
const TOOLS_PAGE_LIMIT: i64 = 500;
/// Between polls of `waitForConnection`.
pub const POLL_INTERVAL_MS: f64 = 1000.0;
/// A guard against a server that keeps returning cursors: no session has this many pages.
pub const MAX_TOOL_PAGES: usize = 10_000;

fn shaped<T>(status: u16, r: Shaped<T>) -> Result<T, Error> {
    r.map_err(|BadShape(what)| bad_response(status, &what))
}

fn invalid_type(path: Path, expected: &str, got: &Json) -> Error {
    Error::Invalid(Invalid::wrong_type(path, expected, got))
}

/// `/api/v3.1/tool_router/session/{id}{suffix}` with the id checked and encoded.
fn session_path(id: &Json, suffix: &str) -> Result<String, Error> {
    let Json::Str(id) = id else {
        return Err(invalid_type(
            Path::root("sessionId"),
            "a non-empty string",
            id,
        ));
    };
    let seg = path_segment(id, "sessionId")?;
    Ok(format!("{SESSION_PATH}/{seg}{suffix}"))
}

// The files operations are part of the JS surface only.
#[cfg(feature = "js-api")]
/// `/session/{id}/mounts/{mount}/{op}` with both ids checked and encoded.
fn mount_path(id: &Json, mount: &str, op: &str) -> Result<String, Error> {
    let mount = path_segment(mount, "mountId")?;
    session_path(id, &format!("/mounts/{mount}/{op}"))
}

/// Refuses custom tools, which this package does not support yet.
fn no_custom_tools(options: &Json) -> Result<(), Error> {
    let mut c = crate::validate::Checker::default();
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
    Ok(c.finish(())?)
}

/// How a 2xx answer is read: each operation's mapping to its JS-facing value. Its number
/// (`as u8`) is what the JS side carries from the request plan to `finish`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(u8)]
// The files variants are made only by the JS surface's files operations.
#[cfg_attr(not(feature = "js-api"), allow(dead_code))]
pub enum Map {
    CreatedSession,
    StoredSession,
    DeletedSession,
    SessionToolkits,
    Search,
    Execute,
    ProxyExecute,
    Link,
    CatalogList,
    CatalogToolkit,
    FilesList,
    UploadTarget,
    RemoteFile,
    DeletedFile,
    /// One page of tools as SDK `Tool`s: `{ items, next }`.
    ToolsPage,
    /// One page of tools in the OpenAI function-tool format: `{ items, next }`.
    OpenAiToolsPage,
    /// One poll of a connected account: `{ state: 'active' | 'pending' | 'failed', account }`.
    AccountPoll,
}

/// Every `Map`, at the index of its number.
#[cfg(feature = "js-api")]
const MAPS: [Map; 17] = [
    Map::CreatedSession,
    Map::StoredSession,
    Map::DeletedSession,
    Map::SessionToolkits,
    Map::Search,
    Map::Execute,
    Map::ProxyExecute,
    Map::Link,
    Map::CatalogList,
    Map::CatalogToolkit,
    Map::FilesList,
    Map::UploadTarget,
    Map::RemoteFile,
    Map::DeletedFile,
    Map::ToolsPage,
    Map::OpenAiToolsPage,
    Map::AccountPoll,
];

// A variant added to `Map` but not to `MAPS` (or out of order) fails the build.
#[cfg(feature = "js-api")]
const _: () = {
    let mut i = 0;
    while i < MAPS.len() {
        assert!(MAPS[i] as usize == i);
        i += 1;
    }
    assert!(MAPS.len() == Map::AccountPoll as usize + 1);
};

impl Map {
    /// The map a plan named by number.
    #[cfg(feature = "js-api")]
    pub fn from_id(id: u8) -> Option<Map> {
        MAPS.get(usize::from(id)).copied()
    }

    /// Reads a 2xx body (the config gives `session_fields` the API key).
    pub fn apply(self, c: &ClientConfig, status: u16, body: Json) -> Result<Json, Error> {
        let mapped = match self {
            Map::CreatedSession => session_fields(&body, &c.api_key, Source::Create),
            Map::StoredSession => session_fields(&body, &c.api_key, Source::Retrieve),
            Map::DeletedSession => execute::delete_result(&body),
            Map::SessionToolkits => toolkits::toolkits_result(&body),
            Map::Search => search::search_result(&body),
            Map::Execute => execute::execute_result(&body),
            Map::ProxyExecute => execute::proxy_result(&body),
            Map::Link => connection::link_result(&body),
            Map::CatalogList => catalog::list_result(&body),
            Map::CatalogToolkit => catalog::toolkit_result(&body),
            Map::FilesList => files::list_result(&body),
            Map::UploadTarget => files::upload_target(&body),
            Map::RemoteFile => files::remote_file(&body),
            Map::DeletedFile => files::delete_result(&body),
            // By value: the page's tool schemas move into the result.
            Map::ToolsPage => return Self::tools_page(status, body, false),
            Map::OpenAiToolsPage => return Self::tools_page(status, body, true),
            Map::AccountPoll => connection::connected_account(&body).map(|account| {
                let state = match poll_state(&account) {
                    Poll::Active => "active",
                    Poll::Failed => "failed",
                    Poll::Pending => "pending",
                };
                Json::object([
                    ("state", Some(Json::str(state))),
                    ("account", Some(account)),
                ])
            }),
        };
        shaped(status, mapped)
    }
}

impl Map {
    /// One page of tools: `{ items, next }`.
    fn tools_page(status: u16, body: Json, openai: bool) -> Result<Json, Error> {
        let (items, next) = shaped(status, tools::tools_page(body))?;
        let items = match openai {
            true => items.into_iter().map(tools::openai_tool_owned).collect(),
            false => items,
        };
        Ok(Json::object([
            ("items", Some(Json::Arr(items))),
            ("next", Some(next.map(Json::Str).unwrap_or(Json::Null))),
        ]))
    }
}

/// A validated single-request operation: the request and how to read its answer.
pub struct Prepared {
    pub req: ApiRequest,
    pub map: Map,
}

fn prepared(req: ApiRequest, map: Map) -> Result<Prepared, Error> {
    Ok(Prepared { req, map })
}

/// Sends a prepared operation. Every single-request operation shares this one future, which
/// keeps the wasm small (one state machine instead of one per method).
#[cfg(feature = "rust-api")]
pub async fn run(client: &Connection, op: Prepared, opts: &CallOptions) -> Result<Json, Error> {
    let res = call(client, op.req, opts).await?;
    op.map.apply(client, res.status, res.body)
}

/// `POST /session`.
pub fn create(user_id: &Json, config: &Json) -> Result<Prepared, Error> {
    let body = create_config::create_body(user_id, config)?;
    let req = ApiRequest::new(Method::Post, SESSION_PATH.into()).body(body);
    prepared(req, Map::CreatedSession)
}

/// `GET /session/{id}` (`use`).
pub fn retrieve(id: &Json, options: &Json) -> Result<Prepared, Error> {
    no_custom_tools(options)?;
    let req = ApiRequest::new(Method::Get, session_path(id, "")?);
    prepared(req, Map::StoredSession)
}

/// `PATCH /session/{id}`.
pub fn update(id: &Json, config: &Json) -> Result<Prepared, Error> {
    let body = update_config::update_body(config)?;
    let req = ApiRequest::new(Method::Patch, session_path(id, "")?).body(body);
    prepared(req, Map::StoredSession)
}

/// `DELETE /session/{id}` → `{ sessionId, deleted: true }`.
pub fn delete(id: &Json) -> Result<Prepared, Error> {
    let req = ApiRequest::new(Method::Delete, session_path(id, "")?);
    prepared(req, Map::DeletedSession)
}

/// One page of `GET /session/{id}/tools` (500 tools), from `cursor` on.
pub fn tools_page(id: &Json, cursor: Option<String>, openai: bool) -> Result<Prepared, Error> {
    let query = query_string(&[
        ("limit", Some(QueryValue::Int(TOOLS_PAGE_LIMIT))),
        ("cursor", cursor.map(QueryValue::Str)),
    ]);
    let req = ApiRequest::new(Method::Get, session_path(id, "/tools")?).query(query);
    let map = if openai {
        Map::OpenAiToolsPage
    } else {
        Map::ToolsPage
    };
    prepared(req, map)
}

/// Every page of `GET /session/{id}/tools`, mapped to SDK `Tool`s.
#[cfg(feature = "rust-api")]
pub async fn tools(client: &Connection, id: &Json, opts: &CallOptions) -> Result<Json, Error> {
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..MAX_TOOL_PAGES {
        let req = tools_page(id, cursor.take(), false)?.req;
        let res = call(client, req, opts).await?;
        let (page, next) = shaped(res.status, tools::tools_page(res.body))?;
        all.extend(page);
        match next {
            Some(c) => cursor = Some(c),
            None => return Ok(Json::Arr(all)),
        }
    }
    Err(too_many_pages())
}

/// A guard against a server that keeps returning cursors.
pub fn too_many_pages() -> Error {
    bad_response(200, "the tools list never ended (too many pages)")
}

/// `GET /session/{id}/toolkits` (one page).
pub fn session_toolkits(id: &Json, options: &Json) -> Result<Prepared, Error> {
    let query = toolkits::toolkits_query(options)?;
    let req = ApiRequest::new(Method::Get, session_path(id, "/toolkits")?).query(query);
    prepared(req, Map::SessionToolkits)
}

/// `POST /session/{id}/search` (reads only, so retried like a GET).
pub fn search(id: &Json, params: &Json) -> Result<Prepared, Error> {
    let body = search::search_body(params)?;
    let req = ApiRequest::new(Method::Post, session_path(id, "/search")?)
        .body(body)
        .reads_only();
    prepared(req, Map::Search)
}

/// `POST /session/{id}/execute` → `{ data, error, logId }`.
pub fn execute(id: &Json, slug: &Json, args: &Json, options: &Json) -> Result<Prepared, Error> {
    let body = execute::execute_body(slug, args, options)?;
    let req = ApiRequest::new(Method::Post, session_path(id, "/execute")?).body(body);
    prepared(req, Map::Execute)
}

/// `POST /session/{id}/proxy_execute`. `num` prints numbers the way JS `String(n)` does.
pub fn proxy_execute(
    id: &Json,
    params: &Json,
    num: &dyn Fn(f64) -> String,
) -> Result<Prepared, Error> {
    let body = execute::proxy_body(params, num)?;
    let req = ApiRequest::new(Method::Post, session_path(id, "/proxy_execute")?).body(body);
    prepared(req, Map::ProxyExecute)
}

/// `POST /session/{id}/link` → `{ id, status: 'INITIATED', redirectUrl }`.
pub fn authorize(id: &Json, toolkit: &Json, options: &Json) -> Result<Prepared, Error> {
    let body = connection::link_body(toolkit, options)?;
    let req = ApiRequest::new(Method::Post, session_path(id, "/link")?).body(body);
    prepared(req, Map::Link)
}

/// Where a polled account stands (its `status`).
fn poll_state(account: &Json) -> Poll {
    connection::poll_state(account.get("status").and_then(Json::as_str).unwrap_or(""))
}

/// The error for an account that ended FAILED, EXPIRED or REVOKED.
#[cfg(feature = "rust-api")]
fn connection_failed(id: &str, account: &Json) -> Error {
    let text = |k: &str| account.get(k).and_then(Json::as_str).map(str::to_string);
    Error::ConnectionFailed {
        id: id.to_string(),
        status: text("status").unwrap_or_default(),
        reason: text("statusReason"),
    }
}

/// `GET /connected_accounts/{id}`: one poll of `waitForConnection`.
pub fn account_poll(account_id: &Json) -> Result<(String, Prepared), Error> {
    let Json::Str(id) = account_id else {
        return Err(invalid_type(
            Path::root("connectedAccountId"),
            "a string",
            account_id,
        ));
    };
    let path = format!(
        "/api/v3.1/connected_accounts/{}",
        path_segment(id, "connectedAccountId")?
    );
    let req = ApiRequest::new(Method::Get, path);
    Ok((
        id.clone(),
        Prepared {
            req,
            map: Map::AccountPoll,
        },
    ))
}

/// Polls `GET /connected_accounts/{id}` until the account is ACTIVE (returns it), ends in a
/// failed state, or `timeout_ms` passes (spec B5.4): one GET, then GETs 1 s apart.
#[cfg(feature = "rust-api")]
pub async fn wait_for_connection(
    client: &Connection,
    account_id: &Json,
    timeout_ms: f64,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let (id, _) = account_poll(account_id)?;
    let get = || async {
        let res = call(client, account_poll(account_id)?.1.req, opts).await?;
        let account = shaped(res.status, connection::connected_account(&res.body))?;
        match poll_state(&account) {
            Poll::Active => Ok(Some(account)),
            Poll::Pending => Ok(None),
            Poll::Failed => Err(connection_failed(&id, &account)),
        }
    };
    let first = match get().await {
        Err(Error::Api { status: 404, .. }) => return Err(Error::AccountNotFound { id }),
        other => other?,
    };
    if let Some(done) = first {
        return Ok(done);
    }
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < timeout_ms {
        if let Some(done) = get().await? {
            return Ok(done);
        }
        fetch::sleep(POLL_INTERVAL_MS, opts.signal.as_ref())
            .await
            .map_err(Error::Cancelled)?;
    }
    Err(Error::ConnectionTimeout { id })
}

/// `GET /api/v3.1/toolkits` (with `query`) or `/api/v3.1/toolkits/{slug}`: the catalogue.
pub fn catalog_toolkits(slug: &Json, query: &Json) -> Result<Prepared, Error> {
    match slug {
        Json::Null => {
            let q = catalog::list_query(query)?;
            let req = ApiRequest::new(Method::Get, "/api/v3.1/toolkits".into()).query(q);
            prepared(req, Map::CatalogList)
        }
        Json::Str(s) => {
            let path = format!("/api/v3.1/toolkits/{}", path_segment(s, "slug")?);
            prepared(ApiRequest::new(Method::Get, path), Map::CatalogToolkit)
        }
        other => Err(invalid_type(Path::root("slug"), "a string", other)),
    }
}

#[cfg(feature = "js-api")]
/// `GET /session/{id}/mounts/{mount}/items`.
pub fn files_list(id: &Json, options: &Json) -> Result<Prepared, Error> {
    let (mount, query) = files::list_query(options)?;
    let req = ApiRequest::new(Method::Get, mount_path(id, &mount, "items")?).query(query);
    prepared(req, Map::FilesList)
}

#[cfg(feature = "js-api")]
/// A mount operation taking `{ mount_relative_path, mimetype? }`.
#[derive(Clone, Copy)]
pub enum FileOp {
    UploadUrl,
    DownloadUrl,
    Delete,
}

#[cfg(feature = "js-api")]
impl FileOp {
    pub fn parse(op: &str) -> Option<FileOp> {
        match op {
            "upload_url" => Some(FileOp::UploadUrl),
            "download_url" => Some(FileOp::DownloadUrl),
            "delete" => Some(FileOp::Delete),
            _ => None,
        }
    }
}

#[cfg(feature = "js-api")]
/// `POST /session/{id}/mounts/{mount}/{upload_url|download_url|delete}`.
pub fn files_call(id: &Json, op: FileOp, path: &Json, options: &Json) -> Result<Prepared, Error> {
    let (mount, body) = files::path_body(path, options)?;
    let (segment, map) = match op {
        FileOp::UploadUrl => ("upload_url", Map::UploadTarget),
        FileOp::DownloadUrl => ("download_url", Map::RemoteFile),
        FileOp::Delete => ("delete", Map::DeletedFile),
    };
    let mut req = ApiRequest::new(Method::Post, mount_path(id, &mount, segment)?).body(body);
    if let FileOp::DownloadUrl = op {
        req = req.reads_only();
    }
    prepared(req, map)
}
