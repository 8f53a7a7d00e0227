//! Typed results. Field names are Rust's; on the wire (and through `serde`) they are the
//! camelCase names of the JS API, so a model serializes to what the npm package returns.
//! Free-form values (tool arguments and outputs, schemas, server configs) are
//! `serde_json::Value`; members a model does not name are kept in its `extra` map.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Members of an answer that the model does not name, kept as received.
pub type Extra = Map<String, Value>;

/// A Tool Router session's data (the handle [`Session`](crate::Session) derefs to it).
#[derive(Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// The session id (`trs_…`).
    #[serde(rename = "sessionId")]
    pub id: String,
    /// The hosted MCP server of the session.
    pub mcp: Mcp,
    /// The server-side config, as the API returns it (snake_case).
    pub config: Value,
    /// `config.preload`, when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preload: Option<Value>,
    /// `config.workbench`, when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox: Option<Value>,
    /// Bumped by every `update`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_version: Option<u64>,
    /// Warnings about the config (e.g. `PRELOAD_TOOLS_HIGH_CONTEXT_USAGE`).
    #[serde(default)]
    pub warnings: Vec<Warning>,
    /// A system prompt the API suggests (on `create` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistive_prompt: Option<String>,
}

// `mcp.headers` holds the API key: Debug leaves it out.
impl std::fmt::Debug for SessionInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionInfo")
            .field("id", &self.id)
            .field("mcp", &self.mcp)
            .field("config_version", &self.config_version)
            .finish_non_exhaustive()
    }
}

/// A session's hosted MCP server.
#[derive(Clone, Serialize, Deserialize, PartialEq)]
pub struct Mcp {
    /// `http` or `sse`.
    #[serde(rename = "type")]
    pub server_type: String,
    /// The server's URL.
    pub url: String,
    /// The headers an MCP client must send (`x-api-key`: they hold the API key).
    pub headers: BTreeMap<String, String>,
}

impl std::fmt::Debug for Mcp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mcp")
            .field("server_type", &self.server_type)
            .field("url", &self.url)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// A warning about a session's config.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Warning {
    /// E.g. `PRELOAD_TOOLS_HIGH_CONTEXT_USAGE`.
    pub code: String,
    /// What it means.
    pub message: String,
}

/// What `session.execute(…)` returns.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ExecuteResult {
    /// The tool's output, as received.
    pub data: Value,
    /// The tool's error message, if it failed.
    pub error: Option<String>,
    /// The execution's log id.
    pub log_id: String,
}

impl ExecuteResult {
    /// Whether the tool reported no error.
    pub fn is_success(&self) -> bool {
        self.error.is_none()
    }
}

/// A tool as the SDK describes it (`session.tools().raw()`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Tool {
    /// E.g. `GMAIL_SEND_EMAIL`.
    pub slug: String,
    /// Its display name.
    pub name: String,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its input JSON Schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_parameters: Option<Value>,
    /// Its output JSON Schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_parameters: Option<Value>,
    /// Its tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Its toolkit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toolkit: Option<ToolkitRef>,
    /// Its version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The other members, as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A toolkit named by a tool.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ToolkitRef {
    /// E.g. `gmail`.
    pub slug: String,
    /// Its display name.
    #[serde(default)]
    pub name: String,
    /// Its logo URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

/// A tool in the OpenAI chat-completions function format (`session.tools().send()`): serialize
/// the list into a request's `tools` as is.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct OpenAiTool {
    /// Always `function`.
    #[serde(rename = "type")]
    pub tool_type: String,
    /// The function.
    pub function: OpenAiFunction,
}

/// The function of an [`OpenAiTool`].
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct OpenAiFunction {
    /// The tool slug.
    pub name: String,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The input JSON Schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Value>,
    /// Strict schema adherence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
}

/// One page of `session.toolkits()`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ToolkitsPage {
    /// The toolkits and their connection state.
    pub items: Vec<ToolkitState>,
    /// The next page's cursor, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// How many pages there are.
    pub total_pages: u64,
}

/// A toolkit of a session and its connection state.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ToolkitState {
    /// E.g. `gmail`.
    pub slug: String,
    /// Its display name.
    pub name: String,
    /// Its logo URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Whether it needs no authentication.
    pub is_no_auth: bool,
    /// Its connection (absent for no-auth toolkits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<ToolkitConnection>,
}

/// The connection of a [`ToolkitState`].
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ToolkitConnection {
    /// Whether an account is active.
    pub is_active: bool,
    /// The auth config in use, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_config: Option<AuthConfigRef>,
    /// The connected account, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected_account: Option<AccountRef>,
}

/// An auth config named by a toolkit's connection.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AuthConfigRef {
    /// `ac_…`.
    pub id: String,
    /// The auth scheme.
    pub mode: String,
    /// Whether Composio manages it.
    pub is_composio_managed: bool,
}

/// A connected account's id and status.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccountRef {
    /// `ca_…`.
    pub id: String,
    /// E.g. `ACTIVE`.
    pub status: String,
}

/// What `session.search(…)` returns (the main members typed, the rest in `extra`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    /// Whether the search succeeded.
    pub success: bool,
    /// Why not, if it did not.
    pub error: Option<String>,
    /// One result per use case.
    pub results: Vec<SearchHit>,
    /// Schemas of the tools found, by slug.
    #[serde(default)]
    pub tool_schemas: Map<String, Value>,
    /// Whether each toolkit found has an active connection.
    #[serde(default)]
    pub toolkit_connection_statuses: Vec<Value>,
    /// What to do next.
    #[serde(default)]
    pub next_steps_guidance: Vec<String>,
    /// The other members (`session`, `timeInfo`), as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One use case's result in a [`SearchResult`].
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// The use case searched for.
    pub use_case: String,
    /// The tools that fit best.
    pub primary_tool_slugs: Vec<String>,
    /// Tools that may help too.
    #[serde(default)]
    pub related_tool_slugs: Vec<String>,
    /// The toolkits involved.
    #[serde(default)]
    pub toolkits: Vec<String>,
    /// The other members, as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// What `session.proxy_execute(…)` returns.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ProxyResult {
    /// The upstream HTTP status.
    pub status: u16,
    /// The upstream body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    /// The upstream headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<BTreeMap<String, String>>,
    /// A binary body, stored and linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary_data: Option<Value>,
}

/// What a session delete returns.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SessionDeleted {
    /// The deleted session.
    pub session_id: String,
    /// Always `true`.
    pub deleted: bool,
}

/// A pending connection's data (what `authorize` returns; the handle
/// [`ConnectionRequest`](crate::ConnectionRequest) derefs to it).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionLink {
    /// The new connected account's id.
    pub id: String,
    /// `INITIATED`.
    pub status: String,
    /// Where to send the user to finish the auth flow.
    pub redirect_url: Option<String>,
}

/// A connected account (camelCase members on the wire).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ConnectedAccount {
    /// `ca_…`.
    pub id: String,
    /// `ACTIVE`, `INITIATED`, `FAILED`, …
    pub status: String,
    /// Why it is in that status, if the server says.
    #[serde(default)]
    pub status_reason: Option<String>,
    /// Its toolkit.
    pub toolkit: ToolkitSlug,
    /// Its auth config.
    #[serde(default)]
    pub auth_config: Value,
    /// Whether it is disabled.
    #[serde(default)]
    pub is_disabled: bool,
    /// The other members (`createdAt`, `state`, `alias`, …), as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A toolkit named by its slug.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ToolkitSlug {
    /// E.g. `gmail`.
    pub slug: String,
}

/// One page of connected accounts.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ConnectedAccountList {
    /// The accounts.
    pub items: Vec<ConnectedAccount>,
    /// The next page's cursor, if any.
    #[serde(default)]
    pub next_cursor: Option<String>,
    /// How many pages there are.
    #[serde(default)]
    pub total_pages: u64,
}

/// What `ensure_connected` returns.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EnsureConnected {
    /// The toolkit's canonical slug.
    pub toolkit: String,
    /// Whether it was connected (or needs no auth) before the call.
    pub was_connected: bool,
    /// The active account (absent for no-auth toolkits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected_account: Option<AccountRef>,
}

/// One page of a session's files mount.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FileList {
    /// The files.
    pub items: Vec<FileEntry>,
    /// The next page's cursor, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// A file in a session's mount.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FileEntry {
    /// Its path inside the mount.
    pub mount_relative_path: String,
    /// Where the sandbox mounts it.
    pub sandbox_mount_prefix: String,
    /// Its size in bytes.
    pub size: u64,
    /// When it last changed.
    pub last_modified: String,
}

/// A presigned URL for one file of a mount (upload or download), with the other members of the
/// answer (`expiresAt`, `sandboxMountPrefix`, …) in `extra`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FileUrl {
    /// Its path inside the mount.
    pub mount_relative_path: String,
    /// PUT the bytes here (upload).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload_url: Option<String>,
    /// GET the bytes here (download).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub download_url: Option<String>,
    /// The other members, as received.
    #[serde(flatten)]
    pub extra: Extra,
}
