//! The API operations, shared by the JS surface (`Client`) and the Rust API (`rust_api`): each
//! validates its input, makes its request(s) through the pipeline and maps the answer.

use super::errors::Error;
use super::fetch;
use super::pipeline::{bad_response, call, ApiRequest, ApiResponse, CallOptions, Method};
use crate::client_config::{path_segment, ClientConfig};
use crate::connection::{self, Poll};
use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::session::{session_fields, Source};
use crate::shape::{BadShape, Shaped};
use crate::validate::{described, Invalid, Path};
use crate::{catalog, create_config, execute, files, search, toolkits, tools, update_config};

const SESSION_PATH: &str = "/api/v3.1/tool_router/session";
const TOOLS_PAGE_LIMIT: i64 = 500;
const POLL_INTERVAL_MS: f64 = 1000.0;
/// A guard against a server that keeps returning cursors: no session has this many pages.
const MAX_TOOL_PAGES: usize = 10_000;

fn shaped<T>(status: u16, r: Shaped<T>) -> Result<T, Error> {
    r.map_err(|BadShape(what)| bad_response(status, &what))
}

fn invalid_type(path: Path, expected: &str, got: &Json) -> Error {
    Error::Invalid(Invalid::one(
        "invalid_type",
        path,
        format!("expected {expected}, got {}", described(got)),
    ))
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

/// Maps a 2xx body to the JS-facing value (the config gives `session_fields` the API key).
pub type Mapper = fn(&ClientConfig, &Json) -> Shaped<Json>;

/// A validated single-request operation: the request and how to read its answer.
pub struct Prepared {
    req: ApiRequest,
    map: Mapper,
}

fn prepared(req: ApiRequest, map: Mapper) -> Result<Prepared, Error> {
    Ok(Prepared { req, map })
}

/// Sends a prepared operation. Every single-request operation shares this one future, which
/// keeps the wasm small (one state machine instead of one per method).
pub async fn run(client: &ClientConfig, op: Prepared, opts: &CallOptions) -> Result<Json, Error> {
    let res = call(client, op.req, opts).await?;
    shaped(res.status, (op.map)(client, &res.body))
}

fn created_session(c: &ClientConfig, body: &Json) -> Shaped<Json> {
    session_fields(body, &c.api_key, Source::Create)
}

fn stored_session(c: &ClientConfig, body: &Json) -> Shaped<Json> {
    session_fields(body, &c.api_key, Source::Retrieve)
}

/// `POST /session`.
pub fn create(user_id: &Json, config: &Json) -> Result<Prepared, Error> {
    let body = create_config::create_body(user_id, config)?;
    let req = ApiRequest::new(Method::Post, SESSION_PATH.into()).body(body);
    prepared(req, created_session)
}

/// `GET /session/{id}` (`use`).
pub fn retrieve(id: &Json, options: &Json) -> Result<Prepared, Error> {
    no_custom_tools(options)?;
    let req = ApiRequest::new(Method::Get, session_path(id, "")?);
    prepared(req, stored_session)
}

/// `PATCH /session/{id}`.
pub fn update(id: &Json, config: &Json) -> Result<Prepared, Error> {
    let body = update_config::update_body(config)?;
    let req = ApiRequest::new(Method::Patch, session_path(id, "")?).body(body);
    prepared(req, stored_session)
}

/// `DELETE /session/{id}` → `{ sessionId, deleted: true }`.
pub fn delete(id: &Json) -> Result<Prepared, Error> {
    let req = ApiRequest::new(Method::Delete, session_path(id, "")?);
    prepared(req, |_, b| execute::delete_result(b))
}

/// Every page of `GET /session/{id}/tools`, mapped to SDK `Tool`s.
pub async fn tools(client: &ClientConfig, id: &Json, opts: &CallOptions) -> Result<Json, Error> {
    let path = session_path(id, "/tools")?;
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..MAX_TOOL_PAGES {
        let query = query_string(&[
            ("limit", Some(QueryValue::Int(TOOLS_PAGE_LIMIT))),
            ("cursor", cursor.take().map(QueryValue::Str)),
        ]);
        let req = ApiRequest::new(Method::Get, path.clone()).query(query);
        let res = call(client, req, opts).await?;
        let (page, next) = shaped(res.status, tools::tools_page(&res.body))?;
        all.extend(page);
        match next {
            Some(c) => cursor = Some(c),
            None => return Ok(Json::Arr(all)),
        }
    }
    Err(bad_response(
        200,
        "the tools list never ended (too many pages)",
    ))
}

/// `GET /session/{id}/toolkits` (one page).
pub fn session_toolkits(id: &Json, options: &Json) -> Result<Prepared, Error> {
    let query = toolkits::toolkits_query(options)?;
    let req = ApiRequest::new(Method::Get, session_path(id, "/toolkits")?).query(query);
    prepared(req, |_, b| toolkits::toolkits_result(b))
}

/// `POST /session/{id}/search` (reads only, so retried like a GET).
pub fn search(id: &Json, params: &Json) -> Result<Prepared, Error> {
    let body = search::search_body(params)?;
    let req = ApiRequest::new(Method::Post, session_path(id, "/search")?)
        .body(body)
        .reads_only();
    prepared(req, |_, b| search::search_result(b))
}

/// `POST /session/{id}/execute` → `{ data, error, logId }`.
pub fn execute(id: &Json, slug: &Json, args: &Json, options: &Json) -> Result<Prepared, Error> {
    let body = execute::execute_body(slug, args, options)?;
    let req = ApiRequest::new(Method::Post, session_path(id, "/execute")?).body(body);
    prepared(req, |_, b| execute::execute_result(b))
}

/// `POST /session/{id}/proxy_execute`. `num` prints numbers the way JS `String(n)` does.
pub fn proxy_execute(
    id: &Json,
    params: &Json,
    num: &dyn Fn(f64) -> String,
) -> Result<Prepared, Error> {
    let body = execute::proxy_body(params, num)?;
    let req = ApiRequest::new(Method::Post, session_path(id, "/proxy_execute")?).body(body);
    prepared(req, |_, b| execute::proxy_result(b))
}

/// `POST /session/{id}/link` → `{ id, status: 'INITIATED', redirectUrl }`.
pub fn authorize(id: &Json, toolkit: &Json, options: &Json) -> Result<Prepared, Error> {
    let body = connection::link_body(toolkit, options)?;
    let req = ApiRequest::new(Method::Post, session_path(id, "/link")?).body(body);
    prepared(req, |_, b| connection::link_result(b))
}

/// One poll of the connected account: `Some(account)` once ACTIVE, `None` while pending.
fn check_account(res: ApiResponse, id: &str) -> Result<Option<Json>, Error> {
    let account = shaped(res.status, connection::connected_account(&res.body))?;
    let status = account.get("status").and_then(Json::as_str).unwrap_or("");
    match connection::poll_state(status) {
        Poll::Active => Ok(Some(account)),
        Poll::Failed => Err(Error::ConnectionFailed {
            id: id.to_string(),
            status: status.to_string(),
            reason: account
                .get("statusReason")
                .and_then(Json::as_str)
                .map(str::to_string),
        }),
        Poll::Pending => Ok(None),
    }
}

/// Polls `GET /connected_accounts/{id}` until the account is ACTIVE (returns it), ends in a
/// failed state, or `timeout_ms` passes (spec B5.4): one GET, then GETs 1 s apart.
pub async fn wait_for_connection(
    client: &ClientConfig,
    account_id: &Json,
    timeout_ms: f64,
    opts: &CallOptions,
) -> Result<Json, Error> {
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
    let get = || call(client, ApiRequest::new(Method::Get, path.clone()), opts);
    let first = match get().await {
        Err(Error::Api { status: 404, .. }) => {
            return Err(Error::AccountNotFound { id: id.clone() })
        }
        other => other?,
    };
    if let Some(done) = check_account(first, id)? {
        return Ok(done);
    }
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < timeout_ms {
        if let Some(done) = check_account(get().await?, id)? {
            return Ok(done);
        }
        fetch::sleep(POLL_INTERVAL_MS, opts.signal.as_ref())
            .await
            .map_err(Error::Cancelled)?;
    }
    Err(Error::ConnectionTimeout { id: id.clone() })
}

/// `GET /api/v3.1/toolkits` (with `query`) or `/api/v3.1/toolkits/{slug}`: the catalogue.
pub fn catalog_toolkits(slug: &Json, query: &Json) -> Result<Prepared, Error> {
    match slug {
        Json::Null => {
            let q = catalog::list_query(query)?;
            let req = ApiRequest::new(Method::Get, "/api/v3.1/toolkits".into()).query(q);
            prepared(req, |_, b| catalog::list_result(b))
        }
        Json::Str(s) => {
            let path = format!("/api/v3.1/toolkits/{}", path_segment(s, "slug")?);
            prepared(ApiRequest::new(Method::Get, path), |_, b| {
                catalog::toolkit_result(b)
            })
        }
        other => Err(invalid_type(Path::root("slug"), "a string", other)),
    }
}

/// `GET /session/{id}/mounts/{mount}/items`.
pub fn files_list(id: &Json, options: &Json) -> Result<Prepared, Error> {
    let (mount, query) = files::list_query(options)?;
    let req = ApiRequest::new(Method::Get, mount_path(id, &mount, "items")?).query(query);
    prepared(req, |_, b| files::list_result(b))
}

/// A mount operation taking `{ mount_relative_path, mimetype? }`.
#[derive(Clone, Copy)]
pub enum FileOp {
    UploadUrl,
    DownloadUrl,
    Delete,
}

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

/// `POST /session/{id}/mounts/{mount}/{upload_url|download_url|delete}`.
pub fn files_call(id: &Json, op: FileOp, path: &Json, options: &Json) -> Result<Prepared, Error> {
    let (mount, body) = files::path_body(path, options)?;
    let (segment, map): (&str, Mapper) = match op {
        FileOp::UploadUrl => ("upload_url", |_, b| files::upload_target(b)),
        FileOp::DownloadUrl => ("download_url", |_, b| files::remote_file(b)),
        FileOp::Delete => ("delete", |_, b| files::delete_result(b)),
    };
    let mut req = ApiRequest::new(Method::Post, mount_path(id, &mount, segment)?).body(body);
    if let FileOp::DownloadUrl = op {
        req = req.reads_only();
    }
    prepared(req, map)
}
