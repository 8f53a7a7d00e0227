//! Sessions and their request builders.

use super::convert::{strings, to_json};
use super::driver::Opts;
use super::models::{
    ConnectedAccount, ConnectionLink, EnsureConnected, ExecuteResult, FileList as FileListPage,
    FileUrl, OpenAiTool, ProxyResult, SearchResult, SessionDeleted, SessionInfo, Tool,
    ToolkitsPage,
};
use super::{request_options, Composio, Error, WaitForConnection};
use crate::json::Json;
use serde_json::{Map, Value};
use std::time::Duration;

/// `composio.sessions()`: create, load and delete Tool Router sessions.
#[derive(Clone, Debug)]
pub struct Sessions {
    pub(crate) client: Composio,
}

impl Sessions {
    /// Creates a session for `user_id`; set its config on the builder.
    pub fn create(&self, user_id: impl Into<String>) -> CreateSession {
        CreateSession {
            client: self.client.clone(),
            user_id: user_id.into(),
            config: Map::new(),
            opts: Opts::default(),
        }
    }

    /// Loads an existing session by id (`composio.use(id)` in JS).
    #[doc(alias = "use")]
    pub fn get(&self, session_id: impl Into<String>) -> UseSession {
        UseSession {
            client: self.client.clone(),
            id: session_id.into(),
            opts: Opts::default(),
        }
    }

    /// Deletes a session by id.
    pub fn delete(&self, session_id: impl Into<String>) -> DeleteSession {
        DeleteSession {
            client: self.client.clone(),
            id: session_id.into(),
            opts: Opts::default(),
        }
    }
}

/// Config setters shared by `create` and `update` (camelCase keys, as the JS config).
macro_rules! config_setters {
    ($t:ident) => {
        impl $t {
            /// Enables only these toolkits (`toolkits: [...]`).
            pub fn toolkits<I, S>(mut self, slugs: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                let list = slugs.into_iter().map(|s| Value::String(s.into())).collect();
                self.config.insert("toolkits".into(), Value::Array(list));
                self
            }

            /// Lets the session's agent connect accounts itself (`manageConnections`).
            pub fn manage_connections(mut self, enable: bool) -> Self {
                self.config
                    .insert("manageConnections".into(), Value::Bool(enable));
                self
            }

            /// Uses these auth configs, by toolkit slug (`authConfigs`).
            pub fn auth_config(
                mut self,
                toolkit: impl Into<String>,
                id: impl Into<String>,
            ) -> Self {
                let map = self
                    .config
                    .entry("authConfigs")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(m) = map {
                    m.insert(toolkit.into(), Value::String(id.into()));
                }
                self
            }

            /// Uses this connected account for `toolkit` (`connectedAccounts`).
            pub fn connected_account(
                mut self,
                toolkit: impl Into<String>,
                id: impl Into<String>,
            ) -> Self {
                let map = self
                    .config
                    .entry("connectedAccounts")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(m) = map {
                    m.insert(toolkit.into(), Value::String(id.into()));
                }
                self
            }

            /// Enables every toolkit but these (`toolkits: { disable: [...] }`).
            pub fn disable_toolkits<I, S>(mut self, slugs: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                let list = string_values(slugs);
                self.config
                    .insert("toolkits".into(), json_object([("disable", list)]));
                self
            }

            /// Enables only these tools of `toolkit` (`tools: { toolkit: [...] }`).
            pub fn tools<I, S>(mut self, toolkit: impl Into<String>, slugs: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                member(&mut self.config, "tools").insert(toolkit.into(), string_values(slugs));
                self
            }

            /// Enables every tool of `toolkit` but these (`tools: { toolkit: { disable: [...] } }`).
            pub fn disable_tools<I, S>(mut self, toolkit: impl Into<String>, slugs: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                let list = json_object([("disable", string_values(slugs))]);
                member(&mut self.config, "tools").insert(toolkit.into(), list);
                self
            }

            /// Enables only the tools with these tags (`tags: { enable: [...] }`), e.g.
            /// `readOnlyHint`.
            pub fn tags<I, S>(mut self, tags: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                member(&mut self.config, "tags").insert("enable".into(), string_values(tags));
                self
            }

            /// Leaves out the tools with these tags (`tags: { disable: [...] }`), e.g.
            /// `destructiveHint`.
            pub fn disable_tags<I, S>(mut self, tags: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                member(&mut self.config, "tags").insert("disable".into(), string_values(tags));
                self
            }

            /// Whether the sandbox may run `proxy_execute` (`sandbox.enableProxyExecution`).
            pub fn sandbox_proxy_execution(mut self, enable: bool) -> Self {
                member(&mut self.config, "sandbox")
                    .insert("enableProxyExecution".into(), Value::Bool(enable));
                self
            }

            /// Tool outputs larger than this many bytes go to the sandbox's files
            /// (`sandbox.autoOffloadThreshold`).
            pub fn sandbox_offload_threshold(mut self, bytes: u64) -> Self {
                member(&mut self.config, "sandbox")
                    .insert("autoOffloadThreshold".into(), Value::from(bytes));
                self
            }

            /// Any other member of the JS config (`preload`, `multiAccount`, …), by its
            /// camelCase name; checked like the JS API checks it.
            pub fn config(mut self, key: impl Into<String>, value: Value) -> Self {
                self.config.insert(key.into(), value);
                self
            }
        }
    };
}

/// The strings as a JSON array.
fn string_values<I, S>(items: I) -> Value
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    Value::Array(items.into_iter().map(|s| Value::String(s.into())).collect())
}

fn json_object<const N: usize>(members: [(&str, Value); N]) -> Value {
    Value::Object(
        members
            .map(|(k, v)| (k.to_string(), v))
            .into_iter()
            .collect(),
    )
}

/// The object member `key` of `config` (made, or replacing a value of another kind).
fn member<'a>(config: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    let slot = config
        .entry(key)
        .or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    match slot {
        Value::Object(m) => m,
        _ => unreachable!("made an object above"),
    }
}

/// `composio.sessions().create(user_id)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct CreateSession {
    client: Composio,
    user_id: String,
    config: Map<String, Value>,
    opts: Opts,
}

config_setters!(CreateSession);

impl CreateSession {
    /// The user's time zone, for the session's assistive prompt
    /// (`experimental.assistivePrompt.userTimezone`, an IANA name such as `Europe/Paris`).
    pub fn user_timezone(mut self, tz: impl Into<String>) -> Self {
        let experimental = member(&mut self.config, "experimental");
        let prompt = experimental
            .entry("assistivePrompt")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(m) = prompt {
            m.insert("userTimezone".into(), Value::String(tz.into()));
        }
        self
    }

    /// Creates the session.
    pub async fn send(self) -> Result<Session, Error> {
        let args = vec![
            Json::Str(self.user_id),
            to_json(&Value::Object(self.config)),
        ];
        let info = self
            .client
            .call("sessions.create", args, &self.opts)
            .await?;
        Ok(Session {
            client: self.client,
            info,
        })
    }
}

/// `composio.sessions().get(id)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct UseSession {
    client: Composio,
    id: String,
    opts: Opts,
}

impl UseSession {
    /// Loads the session.
    pub async fn send(self) -> Result<Session, Error> {
        let info = self
            .client
            .call("sessions.use", vec![Json::Str(self.id)], &self.opts)
            .await?;
        Ok(Session {
            client: self.client,
            info,
        })
    }
}

/// `composio.sessions().delete(id)` or `session.delete()`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct DeleteSession {
    client: Composio,
    id: String,
    opts: Opts,
}

impl DeleteSession {
    /// Deletes the session.
    pub async fn send(self) -> Result<SessionDeleted, Error> {
        let args = vec![Json::Str(self.id)];
        self.client.call("sessions.delete", args, &self.opts).await
    }
}

/// A Tool Router session: its data (through `Deref`: `session.id`, `session.mcp.url`,
/// `session.config`) and its operations.
#[derive(Clone)]
pub struct Session {
    client: Composio,
    info: SessionInfo,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.info.fmt(f)
    }
}

impl std::ops::Deref for Session {
    type Target = SessionInfo;

    fn deref(&self) -> &SessionInfo {
        &self.info
    }
}

impl serde::Serialize for Session {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.info.serialize(s)
    }
}

impl Session {
    /// The session's data.
    pub fn info(&self) -> &SessionInfo {
        &self.info
    }

    /// The session's data, without the handle.
    pub fn into_info(self) -> SessionInfo {
        self.info
    }

    fn id_json(&self) -> Json {
        Json::str(self.info.id.as_str())
    }

    /// Runs a tool.
    pub fn execute(&self, tool_slug: impl Into<String>) -> Execute {
        Execute {
            session: self.clone(),
            slug: tool_slug.into(),
            arguments: Value::Object(Map::new()),
            account: None,
            opts: Opts::default(),
        }
    }

    /// The session's tools, in the OpenAI function format (`.raw()` for the SDK's own).
    pub fn tools(&self) -> OpenAiTools {
        OpenAiTools {
            session: self.clone(),
            opts: Opts::default(),
        }
    }

    /// Starts connecting an account of `toolkit`; the result's `redirect_url` is where the user
    /// goes.
    pub fn authorize(&self, toolkit: impl Into<String>) -> Authorize {
        Authorize {
            session: self.clone(),
            toolkit: toolkit.into(),
            options: Map::new(),
            opts: Opts::default(),
        }
    }

    /// Connects `toolkit` unless it already is (or needs no auth), and waits for the account.
    pub fn ensure_connected(&self, toolkit: impl Into<String>) -> EnsureConnectedRequest {
        EnsureConnectedRequest {
            session: self.clone(),
            toolkit: toolkit.into(),
            options: Map::new(),
            timeout: None,
            opts: Opts::default(),
        }
    }

    /// Finds tools for a use case.
    pub fn search(&self, query: impl Into<String>) -> Search {
        Search {
            session: self.clone(),
            query: query.into(),
            toolkits: None,
            opts: Opts::default(),
        }
    }

    /// One page of the session's toolkits and their connection state.
    pub fn toolkits(&self) -> SessionToolkits {
        SessionToolkits {
            session: self.clone(),
            options: Map::new(),
            opts: Opts::default(),
        }
    }

    /// Calls `endpoint` of `toolkit`'s API with the session's connected account.
    pub fn proxy_execute(
        &self,
        toolkit: impl Into<String>,
        endpoint: impl Into<String>,
    ) -> ProxyExecute {
        let mut params = Map::new();
        params.insert("toolkit".into(), Value::String(toolkit.into()));
        params.insert("endpoint".into(), Value::String(endpoint.into()));
        params.insert("method".into(), Value::String("GET".into()));
        ProxyExecute {
            session: self.clone(),
            params,
            parameters: Vec::new(),
            opts: Opts::default(),
        }
    }

    /// The session's files mount (experimental in the API).
    pub fn files(&self) -> Files {
        Files {
            session: self.clone(),
        }
    }

    /// Changes the session's config; `send` returns the updated session.
    pub fn update(&self) -> UpdateSession {
        UpdateSession {
            session: self.clone(),
            config: Map::new(),
            opts: Opts::default(),
        }
    }

    /// Deletes the session.
    pub fn delete(&self) -> DeleteSession {
        DeleteSession {
            client: self.client.clone(),
            id: self.info.id.clone(),
            opts: Opts::default(),
        }
    }

    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        row: &str,
        mut rest: Vec<Json>,
        opts: &Opts,
    ) -> Result<T, Error> {
        rest.insert(0, self.id_json());
        self.client.call(row, rest, opts).await
    }
}

/// `session.execute(slug)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct Execute {
    session: Session,
    slug: String,
    arguments: Value,
    account: Option<String>,
    opts: Opts,
}

impl Execute {
    /// The tool's arguments (an object; default `{}`).
    pub fn arguments(mut self, arguments: Value) -> Self {
        self.arguments = arguments;
        self
    }

    /// Runs it with this connected account (`ca_…`) when the user has several.
    pub fn account(mut self, connected_account_id: impl Into<String>) -> Self {
        self.account = Some(connected_account_id.into());
        self
    }

    /// Runs the tool. A tool that fails reports it in `error`; the call fails only when the
    /// request does.
    pub async fn send(self) -> Result<ExecuteResult, Error> {
        let options = match self.account {
            Some(id) => Json::object([("account", Some(Json::Str(id)))]),
            None => Json::Foreign("undefined"),
        };
        let args = vec![Json::Str(self.slug), to_json(&self.arguments), options];
        self.session.call("session.execute", args, &self.opts).await
    }
}

/// `session.tools()`: OpenAI-format tools.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct OpenAiTools {
    session: Session,
    opts: Opts,
}

impl OpenAiTools {
    /// The SDK's own tool descriptions instead (`session.tools({ raw: true })` in JS).
    pub fn raw(self) -> RawTools {
        RawTools {
            session: self.session,
            opts: self.opts,
        }
    }

    /// Every tool (all pages).
    pub async fn send(self) -> Result<Vec<OpenAiTool>, Error> {
        self.session
            .call("session.openaiTools", vec![], &self.opts)
            .await
    }
}

/// `session.tools().raw()`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct RawTools {
    session: Session,
    opts: Opts,
}

impl RawTools {
    /// Every tool (all pages).
    pub async fn send(self) -> Result<Vec<Tool>, Error> {
        self.session.call("session.tools", vec![], &self.opts).await
    }
}

/// `session.authorize(toolkit)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct Authorize {
    session: Session,
    toolkit: String,
    options: Map<String, Value>,
    opts: Opts,
}

impl Authorize {
    /// Where the user lands after the auth flow.
    pub fn callback_url(mut self, url: impl Into<String>) -> Self {
        self.options
            .insert("callbackUrl".into(), Value::String(url.into()));
        self
    }

    /// A name for the new account (unique per user and toolkit).
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.options
            .insert("alias".into(), Value::String(alias.into()));
        self
    }

    /// `experimental` options (a SHARED account with an ACL), as the JS API takes them.
    pub fn experimental(mut self, value: Value) -> Self {
        self.options.insert("experimental".into(), value);
        self
    }

    /// Starts the connection.
    pub async fn send(self) -> Result<ConnectionRequest, Error> {
        let args = vec![
            Json::Str(self.toolkit),
            to_json(&Value::Object(self.options)),
        ];
        let link = self
            .session
            .call("session.authorize", args, &self.opts)
            .await?;
        Ok(ConnectionRequest {
            client: self.session.client,
            link,
        })
    }
}

/// A pending connection (what `authorize` returns): its data through `Deref` (`id`,
/// `redirect_url`), and `wait_for_connection`.
#[derive(Clone)]
pub struct ConnectionRequest {
    client: Composio,
    link: ConnectionLink,
}

impl std::fmt::Debug for ConnectionRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.link.fmt(f)
    }
}

impl std::ops::Deref for ConnectionRequest {
    type Target = ConnectionLink;

    fn deref(&self) -> &ConnectionLink {
        &self.link
    }
}

impl ConnectionRequest {
    /// Polls the account until it is ACTIVE, fails, or the timeout (default 60 s) passes.
    pub fn wait_for_connection(&self) -> WaitForConnection {
        WaitForConnection::new(self.client.clone(), self.link.id.clone())
    }
}

/// `session.ensure_connected(toolkit)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct EnsureConnectedRequest {
    session: Session,
    toolkit: String,
    options: Map<String, Value>,
    timeout: Option<Duration>,
    opts: Opts,
}

impl EnsureConnectedRequest {
    /// How long to wait for a newly started connection (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Where the user lands after the auth flow, if one starts.
    pub fn callback_url(mut self, url: impl Into<String>) -> Self {
        self.options
            .insert("callbackUrl".into(), Value::String(url.into()));
        self
    }

    /// A name for the new account, if one is made.
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.options
            .insert("alias".into(), Value::String(alias.into()));
        self
    }

    /// Looks at the toolkit's state; if it has no active account, authorizes and waits.
    pub async fn send(self) -> Result<EnsureConnected, Error> {
        let page = SessionToolkits {
            session: self.session.clone(),
            options: Map::new(),
            opts: self.opts.clone(),
        }
        .toolkits([self.toolkit.as_str()])
        .send()
        .await?;
        let existing = page
            .items
            .into_iter()
            .find(|t| t.slug.eq_ignore_ascii_case(&self.toolkit));
        let slug = existing
            .as_ref()
            .map_or_else(|| self.toolkit.clone(), |t| t.slug.clone());
        if let Some(state) = &existing {
            if state.is_no_auth {
                return Ok(EnsureConnected {
                    toolkit: slug,
                    was_connected: true,
                    connected_account: None,
                });
            }
            if let Some(c) = &state.connection {
                if let (true, Some(account)) = (c.is_active, &c.connected_account) {
                    return Ok(EnsureConnected {
                        toolkit: slug,
                        was_connected: true,
                        connected_account: Some(account.clone()),
                    });
                }
            }
        }
        let mut authorize = self.session.authorize(self.toolkit.as_str());
        authorize.options = self.options;
        authorize.opts = self.opts.clone();
        let request = authorize.send().await?;
        let mut wait = request.wait_for_connection();
        wait.opts = self.opts;
        if let Some(t) = self.timeout {
            wait = wait.timeout(t);
        }
        let account: ConnectedAccount = wait.send().await?;
        Ok(EnsureConnected {
            toolkit: slug,
            was_connected: false,
            connected_account: Some(super::models::AccountRef {
                id: account.id,
                status: account.status,
            }),
        })
    }
}

/// `session.search(query)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct Search {
    session: Session,
    query: String,
    toolkits: Option<Vec<String>>,
    opts: Opts,
}

impl Search {
    /// Searches only these toolkits.
    pub fn toolkits<I, S>(mut self, slugs: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.toolkits = Some(slugs.into_iter().map(Into::into).collect());
        self
    }

    /// Searches.
    pub async fn send(self) -> Result<SearchResult, Error> {
        let params = Json::object([
            ("query", Some(Json::Str(self.query))),
            ("toolkits", self.toolkits.as_deref().map(strings)),
        ]);
        self.session
            .call("session.search", vec![params], &self.opts)
            .await
    }
}

/// `session.toolkits()`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct SessionToolkits {
    session: Session,
    options: Map<String, Value>,
    opts: Opts,
}

impl SessionToolkits {
    /// Only these toolkits.
    pub fn toolkits<I, S>(mut self, slugs: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let list = slugs.into_iter().map(|s| Value::String(s.into())).collect();
        self.options.insert("toolkits".into(), Value::Array(list));
        self
    }

    /// The page after the one that returned this cursor.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.options
            .insert("cursor".into(), Value::String(cursor.into()));
        self
    }

    /// At most this many toolkits.
    pub fn limit(mut self, limit: u32) -> Self {
        self.options.insert("limit".into(), Value::from(limit));
        self
    }

    /// Only toolkits with (`true`) or without (`false`) an active connection.
    pub fn is_connected(mut self, connected: bool) -> Self {
        self.options
            .insert("isConnected".into(), Value::Bool(connected));
        self
    }

    /// Matches name, slug or description.
    pub fn search(mut self, text: impl Into<String>) -> Self {
        self.options
            .insert("search".into(), Value::String(text.into()));
        self
    }

    /// Fetches the page.
    pub async fn send(self) -> Result<ToolkitsPage, Error> {
        let options = to_json(&Value::Object(self.options));
        self.session
            .call("session.toolkits", vec![options], &self.opts)
            .await
    }
}

/// `session.proxy_execute(toolkit, endpoint)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ProxyExecute {
    session: Session,
    params: Map<String, Value>,
    parameters: Vec<Value>,
    opts: Opts,
}

impl ProxyExecute {
    /// The HTTP method (default `GET`).
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.params
            .insert("method".into(), Value::String(method.into()));
        self
    }

    /// The JSON body.
    pub fn body(mut self, body: Value) -> Self {
        self.params.insert("body".into(), body);
        self
    }

    /// A query parameter.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parameters.push(serde_json::json!({
            "in": "query", "name": name.into(), "value": value.into()
        }));
        self
    }

    /// A header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parameters.push(serde_json::json!({
            "in": "header", "name": name.into(), "value": value.into()
        }));
        self
    }

    /// A binary body: `{ url }` or `{ base64 }`, with an optional `contentType`.
    pub fn binary_body(mut self, body: Value) -> Self {
        self.params.insert("binaryBody".into(), body);
        self
    }

    /// Credentials to use instead of the session's account (`customConnectionData`).
    pub fn custom_connection_data(mut self, data: Value) -> Self {
        self.params.insert("customConnectionData".into(), data);
        self
    }

    /// Sends it.
    pub async fn send(self) -> Result<ProxyResult, Error> {
        let mut params = self.params;
        if !self.parameters.is_empty() {
            params.insert("parameters".into(), Value::Array(self.parameters));
        }
        let args = vec![to_json(&Value::Object(params))];
        self.session
            .call("session.proxyExecute", args, &self.opts)
            .await
    }
}

/// `session.files()`: the session's files mount.
#[derive(Clone, Debug)]
pub struct Files {
    session: Session,
}

impl Files {
    /// One page of the mount's files.
    pub fn list(&self) -> FileList {
        FileList {
            session: self.session.clone(),
            options: Map::new(),
            opts: Opts::default(),
        }
    }

    /// A presigned URL to PUT `path`'s bytes to.
    pub fn upload_url(&self, path: impl Into<String>) -> FileUrlRequest {
        self.url("files.uploadUrl", path.into())
    }

    /// A presigned URL to GET `path`'s bytes from.
    pub fn download_url(&self, path: impl Into<String>) -> FileUrlRequest {
        self.url("files.downloadUrl", path.into())
    }

    /// Deletes `path`.
    pub fn delete(&self, path: impl Into<String>) -> FileDelete {
        FileDelete {
            session: self.session.clone(),
            path: path.into(),
            options: Map::new(),
            opts: Opts::default(),
        }
    }

    fn url(&self, row: &'static str, path: String) -> FileUrlRequest {
        FileUrlRequest {
            session: self.session.clone(),
            row,
            path,
            options: Map::new(),
            opts: Opts::default(),
        }
    }
}

/// `session.files().list()`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct FileList {
    session: Session,
    options: Map<String, Value>,
    opts: Opts,
}

impl FileList {
    /// The mount (default `files`).
    pub fn mount_id(mut self, id: impl Into<String>) -> Self {
        self.options
            .insert("mountId".into(), Value::String(id.into()));
        self
    }

    /// Only files under this path.
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.options
            .insert("path".into(), Value::String(path.into()));
        self
    }

    /// The page after the one that returned this cursor.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.options
            .insert("cursor".into(), Value::String(cursor.into()));
        self
    }

    /// At most this many files.
    pub fn limit(mut self, limit: u32) -> Self {
        self.options.insert("limit".into(), Value::from(limit));
        self
    }

    /// Fetches the page.
    pub async fn send(self) -> Result<FileListPage, Error> {
        let options = to_json(&Value::Object(self.options));
        self.session
            .call("files.list", vec![options], &self.opts)
            .await
    }
}

/// `session.files().upload_url(path)` / `.download_url(path)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct FileUrlRequest {
    session: Session,
    row: &'static str,
    path: String,
    options: Map<String, Value>,
    opts: Opts,
}

impl FileUrlRequest {
    /// The mount (default `files`).
    pub fn mount_id(mut self, id: impl Into<String>) -> Self {
        self.options
            .insert("mountId".into(), Value::String(id.into()));
        self
    }

    /// The file's content type (uploads).
    pub fn mimetype(mut self, mimetype: impl Into<String>) -> Self {
        self.options
            .insert("mimetype".into(), Value::String(mimetype.into()));
        self
    }

    /// Gets the URL.
    pub async fn send(self) -> Result<FileUrl, Error> {
        let args = vec![Json::Str(self.path), to_json(&Value::Object(self.options))];
        self.session.call(self.row, args, &self.opts).await
    }
}

/// `session.files().delete(path)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct FileDelete {
    session: Session,
    path: String,
    options: Map<String, Value>,
    opts: Opts,
}

impl FileDelete {
    /// The mount (default `files`).
    pub fn mount_id(mut self, id: impl Into<String>) -> Self {
        self.options
            .insert("mountId".into(), Value::String(id.into()));
        self
    }

    /// Deletes the file; returns the API's answer (camelCase).
    pub async fn send(self) -> Result<Value, Error> {
        let args = vec![Json::Str(self.path), to_json(&Value::Object(self.options))];
        self.session.call("files.delete", args, &self.opts).await
    }
}

/// `session.update()`: set the new config on the builder.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct UpdateSession {
    session: Session,
    config: Map<String, Value>,
    opts: Opts,
}

config_setters!(UpdateSession);

impl UpdateSession {
    /// Updates the session; returns it with its new config.
    pub async fn send(self) -> Result<Session, Error> {
        let args = vec![to_json(&Value::Object(self.config))];
        let info = self
            .session
            .call("sessions.update", args, &self.opts)
            .await?;
        Ok(Session {
            client: self.session.client,
            info,
        })
    }
}

request_options!(
    CreateSession,
    UseSession,
    DeleteSession,
    Execute,
    OpenAiTools,
    RawTools,
    Authorize,
    EnsureConnectedRequest,
    Search,
    SessionToolkits,
    ProxyExecute,
    FileList,
    FileUrlRequest,
    FileDelete,
    UpdateSession,
);
