//! The API operations, shared by the JS surface (`Client`) and the Rust API (`rust_api`): each
//! validates its input, makes its request(s) through the pipeline and maps the answer.

use super::errors::Error;
use super::fetch;
use super::pipeline::{bad_response, call, ApiRequest, ApiResponse, CallOptions};
use crate::client_config::{path_segment, ClientConfig};
use crate::connection::{self, Poll};
use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::session::{session_fields, Source};
use crate::shape::{BadShape, Shaped};
use crate::validate::{described, Invalid, Path};
use crate::{catalog, create_config, execute, files, search, toolkits, tools, update_config};
use gloo_net::http::Method;

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

async fn session_call(
    client: &ClientConfig,
    req: ApiRequest,
    opts: &CallOptions,
    source: Source,
) -> Result<Json, Error> {
    let res = call(client, req, opts).await?;
    shaped(
        res.status,
        session_fields(&res.body, &client.api_key, source),
    )
}

/// `POST /session`.
pub async fn create(
    client: &ClientConfig,
    user_id: &Json,
    config: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let body = create_config::create_body(user_id, config)?;
    let req = ApiRequest::new(Method::POST, SESSION_PATH.into()).body(body);
    session_call(client, req, opts, Source::Create).await
}

/// `GET /session/{id}` (`use`).
pub async fn retrieve(
    client: &ClientConfig,
    id: &Json,
    options: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    no_custom_tools(options)?;
    let req = ApiRequest::new(Method::GET, session_path(id, "")?);
    session_call(client, req, opts, Source::Retrieve).await
}

/// `PATCH /session/{id}`.
pub async fn update(
    client: &ClientConfig,
    id: &Json,
    config: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let body = update_config::update_body(config)?;
    let req = ApiRequest::new(Method::PATCH, session_path(id, "")?).body(body);
    session_call(client, req, opts, Source::Retrieve).await
}

/// `DELETE /session/{id}` → `{ sessionId, deleted: true }`.
pub async fn delete(client: &ClientConfig, id: &Json, opts: &CallOptions) -> Result<Json, Error> {
    let req = ApiRequest::new(Method::DELETE, session_path(id, "")?);
    let res = call(client, req, opts).await?;
    shaped(res.status, execute::delete_result(&res.body))
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
        let req = ApiRequest::new(Method::GET, path.clone()).query(query);
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
pub async fn session_toolkits(
    client: &ClientConfig,
    id: &Json,
    options: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let query = toolkits::toolkits_query(options)?;
    let req = ApiRequest::new(Method::GET, session_path(id, "/toolkits")?).query(query);
    let res = call(client, req, opts).await?;
    shaped(res.status, toolkits::toolkits_result(&res.body))
}

/// `POST /session/{id}/search` (reads only, so retried like a GET).
pub async fn search(
    client: &ClientConfig,
    id: &Json,
    params: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let body = search::search_body(params)?;
    let req = ApiRequest::new(Method::POST, session_path(id, "/search")?)
        .body(body)
        .reads_only();
    let res = call(client, req, opts).await?;
    shaped(res.status, search::search_result(&res.body))
}

/// `POST /session/{id}/execute` → `{ data, error, logId }`.
pub async fn execute(
    client: &ClientConfig,
    id: &Json,
    slug: &Json,
    args: &Json,
    options: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let body = execute::execute_body(slug, args, options)?;
    let req = ApiRequest::new(Method::POST, session_path(id, "/execute")?).body(body);
    let res = call(client, req, opts).await?;
    shaped(res.status, execute::execute_result(&res.body))
}

/// `POST /session/{id}/proxy_execute`. `num` prints numbers the way JS `String(n)` does.
pub async fn proxy_execute(
    client: &ClientConfig,
    id: &Json,
    params: &Json,
    num: &dyn Fn(f64) -> String,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let body = execute::proxy_body(params, num)?;
    let req = ApiRequest::new(Method::POST, session_path(id, "/proxy_execute")?).body(body);
    let res = call(client, req, opts).await?;
    shaped(res.status, execute::proxy_result(&res.body))
}

/// `POST /session/{id}/link` → `{ id, status: 'INITIATED', redirectUrl }`.
pub async fn authorize(
    client: &ClientConfig,
    id: &Json,
    toolkit: &Json,
    options: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let body = connection::link_body(toolkit, options)?;
    let req = ApiRequest::new(Method::POST, session_path(id, "/link")?).body(body);
    let res = call(client, req, opts).await?;
    shaped(res.status, connection::link_result(&res.body))
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
    let get = || call(client, ApiRequest::new(Method::GET, path.clone()), opts);
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
pub async fn catalog_toolkits(
    client: &ClientConfig,
    slug: &Json,
    query: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    match slug {
        Json::Null => {
            let q = catalog::list_query(query)?;
            let req = ApiRequest::new(Method::GET, "/api/v3.1/toolkits".into()).query(q);
            let res = call(client, req, opts).await?;
            shaped(res.status, catalog::list_result(&res.body))
        }
        Json::Str(s) => {
            let path = format!("/api/v3.1/toolkits/{}", path_segment(s, "slug")?);
            let res = call(client, ApiRequest::new(Method::GET, path), opts).await?;
            shaped(res.status, catalog::toolkit_result(&res.body))
        }
        other => Err(invalid_type(Path::root("slug"), "a string", other)),
    }
}

/// `GET /session/{id}/mounts/{mount}/items`.
pub async fn files_list(
    client: &ClientConfig,
    id: &Json,
    options: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let (mount, query) = files::list_query(options)?;
    let req = ApiRequest::new(Method::GET, mount_path(id, &mount, "items")?).query(query);
    let res = call(client, req, opts).await?;
    shaped(res.status, files::list_result(&res.body))
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
pub async fn files_call(
    client: &ClientConfig,
    id: &Json,
    op: FileOp,
    path: &Json,
    options: &Json,
    opts: &CallOptions,
) -> Result<Json, Error> {
    let (mount, body) = files::path_body(path, options)?;
    let (segment, map): (&str, fn(&Json) -> Shaped<Json>) = match op {
        FileOp::UploadUrl => ("upload_url", files::upload_target),
        FileOp::DownloadUrl => ("download_url", files::remote_file),
        FileOp::Delete => ("delete", files::delete_result),
    };
    let mut req = ApiRequest::new(Method::POST, mount_path(id, &mount, segment)?).body(body);
    if let FileOp::DownloadUrl = op {
        req = req.reads_only();
    }
    let res = call(client, req, opts).await?;
    shaped(res.status, map(&res.body))
}
