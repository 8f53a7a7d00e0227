//! `composio.create(userId, config)`: validation of the camelCase config and its translation into
//! the REST body of `POST /api/v3.1/tool_router/session`, exactly as `@composio/core` 0.19.0
//! builds it (spec B3). The per-field translations are shared with `update()`.

use crate::json::Json;
use crate::validate::{Checker, Invalid, Path};

/// The MCP annotation tags a tool may carry.
pub const TAGS: [&str; 4] = [
    "readOnlyHint",
    "destructiveHint",
    "idempotentHint",
    "openWorldHint",
];
pub const SANDBOX_SIZES: [&str; 4] = ["standard", "medium", "large", "xlarge"];
pub const DIRECT_TOOLS_PRESET: &str = "direct_tools";
pub const PRELOAD_ALL: &str = "all";
const LOCAL_TOOL_PREFIX: &str = "LOCAL_";

/// Validates `userId` and `config` and returns the REST body.
pub fn create_body(user_id: &Json, config: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let user_id = match user_id {
        Json::Str(s) if !s.is_empty() => Some(s.clone()),
        Json::Str(_) => {
            c.issue(
                "too_small",
                Path::root("userId"),
                "expected a non-empty string, got an empty string",
            );
            None
        }
        other => {
            c.wrong_type(Path::root("userId"), "a non-empty string", other);
            None
        }
    };

    let empty = Json::obj();
    let config = match config {
        Json::Null => &empty,
        Json::Obj(_) => config,
        other => {
            c.wrong_type(Path::default(), "an object", other);
            return c.finish(Json::Null);
        }
    };
    let config = with_preset_defaults(&mut c, config);
    let field = |name: &str| config.get(name);

    if let Some(mcp) = field("mcp") {
        c.boolean(mcp, Path::root("mcp"));
    }
    let auth_configs = field("authConfigs").and_then(|v| auth_configs(&mut c, v));
    let connected_accounts = field("connectedAccounts").and_then(|v| connected_accounts(&mut c, v));
    let toolkits = field("toolkits").and_then(|v| toolkits(&mut c, v));
    let tools = field("tools").and_then(|v| tools(&mut c, v));
    let tags = field("tags").and_then(|v| tags(&mut c, v, Path::root("tags")));
    let manage_connections = manage_connections(&mut c, field("manageConnections"));
    let workbench = sandbox_or_workbench(&mut c, &config).and_then(|(v, p)| sandbox(&mut c, v, p));
    let multi_account = field("multiAccount").and_then(|v| multi_account(&mut c, v));
    let preload = field("preload").and_then(|v| preload(&mut c, v));
    let experimental = field("experimental").and_then(|v| experimental(&mut c, v));
    let direct_tools = field("sessionPreset").is_some();

    let body = Json::object([
        ("user_id", user_id.map(Json::Str)),
        ("auth_configs", auth_configs),
        ("connected_accounts", connected_accounts),
        ("toolkits", toolkits),
        ("tools", tools),
        ("tags", tags),
        ("manage_connections", manage_connections),
        ("workbench", workbench),
        ("multi_account", multi_account),
        ("preload", preload),
        (
            "search",
            direct_tools.then(|| Json::object([("enable", Some(Json::Bool(false)))])),
        ),
        (
            "execute",
            direct_tools.then(|| Json::object([("enable_multi_execute", Some(Json::Bool(false)))])),
        ),
        ("experimental", experimental),
    ]);
    c.finish(body)
}

/// `sessionPreset: 'direct_tools'` fills `manageConnections: false`, `sandbox: { enable: false }`
/// and `preload: { tools: 'all' }` where the user left them out.
fn with_preset_defaults(c: &mut Checker, config: &Json) -> Json {
    let mut config = config.clone();
    match config.get("sessionPreset") {
        None => return config,
        Some(Json::Str(p)) if p == DIRECT_TOOLS_PRESET => {}
        Some(other) => {
            c.issue(
                "invalid_literal",
                Path::root("sessionPreset"),
                format!(
                    "expected 'direct_tools', got {}",
                    crate::validate::quoted(other)
                ),
            );
            return config;
        }
    }
    if config.get("manageConnections").is_none() {
        config.set("manageConnections", Json::Bool(false));
    }
    if config.get("sandbox").is_none() && config.get("workbench").is_none() {
        config.set(
            "sandbox",
            Json::object([("enable", Some(Json::Bool(false)))]),
        );
    }
    if config.get("preload").is_none() {
        config.set(
            "preload",
            Json::object([("tools", Some(Json::str(PRELOAD_ALL)))]),
        );
    }
    config
}

/// `authConfigs`: a map of toolkit to auth config id, sent verbatim.
pub fn auth_configs(c: &mut Checker, v: &Json) -> Option<Json> {
    let path = Path::root("authConfigs");
    let pairs = c.object(
        v,
        path.clone(),
        "an object mapping toolkit to auth config id",
    )?;
    let before = c.issues.len();
    for (k, val) in pairs {
        c.string(val, path.key(k));
    }
    (c.issues.len() == before).then(|| v.clone())
}

/// `connectedAccounts`: a map of toolkit to an id or ids; a single id becomes `[id]`.
pub fn connected_accounts(c: &mut Checker, v: &Json) -> Option<Json> {
    let path = Path::root("connectedAccounts");
    let pairs = c.object(
        v,
        path.clone(),
        "an object mapping toolkit to a connected account id or ids",
    )?;
    let mut out = Vec::with_capacity(pairs.len());
    let before = c.issues.len();
    for (k, val) in pairs {
        let ids = match val {
            Json::Str(s) => Json::Arr(vec![Json::Str(s.clone())]),
            Json::Arr(_) => match c.string_array(val, path.key(k)) {
                Some(_) => val.clone(),
                None => continue,
            },
            other => {
                c.wrong_type(path.key(k), "a string or an array of strings", other);
                continue;
            }
        };
        out.push((k.clone(), ids));
    }
    (c.issues.len() == before).then_some(Json::Obj(out))
}

/// `toolkits`: an array becomes `{ enable }`; `{ enable }` and `{ disable }` pass through.
pub fn toolkits(c: &mut Checker, v: &Json) -> Option<Json> {
    let path = Path::root("toolkits");
    enable_or_disable(
        c,
        v,
        &path,
        "an array of strings or { enable } / { disable }",
    )
}

/// The shared `string[] | { enable: string[] } | { disable: string[] }` shape.
fn enable_or_disable(c: &mut Checker, v: &Json, path: &Path, expected: &str) -> Option<Json> {
    match v {
        Json::Arr(_) => c
            .string_array(v, path.clone())
            .map(|_| Json::Obj(vec![("enable".into(), v.clone())])),
        Json::Obj(pairs)
            if pairs.len() == 1 && matches!(pairs[0].0.as_str(), "enable" | "disable") =>
        {
            let (key, list) = &pairs[0];
            c.string_array(list, path.key(key))
                .map(|_| Json::Obj(vec![(key.clone(), list.clone())]))
        }
        Json::Obj(pairs) if is_enable_and_disable(pairs) => {
            c.issue(
                "custom",
                path.clone(),
                "expected only one of enable / disable, got both",
            );
            None
        }
        other => {
            c.wrong_type(path.clone(), expected, other);
            None
        }
    }
}

fn is_enable_and_disable(pairs: &[(String, Json)]) -> bool {
    let has = |k: &str| pairs.iter().any(|(key, _)| key == k);
    has("enable") && has("disable")
}

/// `tools`: per toolkit, an array, `{ enable }`, `{ disable }` or `{ tags }`.
pub fn tools(c: &mut Checker, v: &Json) -> Option<Json> {
    let path = Path::root("tools");
    let pairs = c.object(
        v,
        path.clone(),
        "an object mapping toolkit to a tool filter",
    )?;
    let before = c.issues.len();
    let mut out = Vec::with_capacity(pairs.len());
    for (toolkit, filter) in pairs {
        let p = path.key(toolkit);
        let translated = match filter {
            Json::Obj(members) if members.len() > 1 => {
                let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
                c.issue(
                    "custom",
                    p,
                    format!(
                        "Only one of 'enable', 'disable', or 'tags' can be specified, but found: {}",
                        keys.join(", ")
                    ),
                );
                continue;
            }
            Json::Obj(members) if members.len() == 1 && members[0].0 == "tags" => {
                tags(c, &members[0].1, p.key("tags")).map(|t| Json::Obj(vec![("tags".into(), t)]))
            }
            _ => enable_or_disable(
                c,
                filter,
                &p,
                "an array of tool slugs or { enable } / { disable } / { tags }",
            ),
        };
        if let Some(t) = translated {
            out.push((toolkit.clone(), t));
        }
    }
    (c.issues.len() == before).then_some(Json::Obj(out))
}

/// `tags` (global or per toolkit): an array becomes `{ enable }`; `{ enable?, disable? }` keeps
/// the members given.
pub fn tags(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    match v {
        Json::Arr(_) => tag_list(c, v, path).map(|t| Json::Obj(vec![("enable".into(), t)])),
        Json::Obj(pairs) => {
            if !c.only_keys(pairs, &path, &["enable", "disable"]) {
                return None;
            }
            let enable = v.get("enable").map(|t| tag_list(c, t, path.key("enable")));
            let disable = v
                .get("disable")
                .map(|t| tag_list(c, t, path.key("disable")));
            if matches!(enable, Some(None)) || matches!(disable, Some(None)) {
                return None;
            }
            Some(Json::object([
                ("enable", enable.flatten()),
                ("disable", disable.flatten()),
            ]))
        }
        other => {
            c.wrong_type(path, "an array of tags or { enable?, disable? }", other);
            None
        }
    }
}

fn tag_list(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    let Json::Arr(items) = v else {
        c.wrong_type(path, "an array of tags", v);
        return None;
    };
    let before = c.issues.len();
    for (i, t) in items.iter().enumerate() {
        c.one_of(t, path.index(i), &TAGS);
    }
    (c.issues.len() == before).then(|| v.clone())
}

/// `manageConnections`: always sent; absent means `{ enable: true }`.
fn manage_connections(c: &mut Checker, v: Option<&Json>) -> Option<Json> {
    match v {
        None => Some(Json::object([("enable", Some(Json::Bool(true)))])),
        Some(Json::Bool(b)) => Some(Json::object([("enable", Some(Json::Bool(*b)))])),
        Some(obj @ Json::Obj(_)) => manage_connections_object(c, obj, Some(true)),
        Some(other) => {
            c.wrong_type(
                Path::root("manageConnections"),
                "a boolean or { enable?, callbackUrl?, waitForConnections? }",
                other,
            );
            None
        }
    }
}

/// The object form of `manageConnections`, in `create()` and `update()`:
/// `{ enable?, callbackUrl?, waitForConnections? }` → `{ enable, callback_url?,
/// enable_wait_for_connections? }`, `enable` falling back to `default_enable`.
pub fn manage_connections_object(
    c: &mut Checker,
    obj: &Json,
    default_enable: Option<bool>,
) -> Option<Json> {
    let path = Path::root("manageConnections");
    let pairs = obj.as_object().unwrap_or(&[]);
    if !c.only_keys(
        pairs,
        &path,
        &["enable", "callbackUrl", "waitForConnections"],
    ) {
        return None;
    }
    let before = c.issues.len();
    let enable = obj
        .get("enable")
        .and_then(|e| c.boolean(e, path.key("enable")));
    let callback = obj
        .get("callbackUrl")
        .and_then(|e| c.string(e, path.key("callbackUrl")));
    let wait = obj
        .get("waitForConnections")
        .and_then(|e| c.boolean(e, path.key("waitForConnections")));
    (c.issues.len() == before).then(|| {
        Json::object([
            ("enable", enable.or(default_enable).map(Json::Bool)),
            ("callback_url", callback.map(Json::Str)),
            ("enable_wait_for_connections", wait.map(Json::Bool)),
        ])
    })
}

/// `sandbox`, or its deprecated alias `workbench`, with the path to report; both at once is an
/// error, as in the official SDK.
pub fn sandbox_or_workbench<'a>(c: &mut Checker, config: &'a Json) -> Option<(&'a Json, Path)> {
    match (config.get("sandbox"), config.get("workbench")) {
        (Some(_), Some(_)) => {
            c.issue(
                "custom",
                Path::root("sandbox"),
                "Pass either sandbox or workbench, not both. workbench is a backwards-compatible alias for sandbox.",
            );
            None
        }
        (Some(v), None) => Some((v, Path::root("sandbox"))),
        (None, Some(v)) => Some((v, Path::root("workbench"))),
        (None, None) => None,
    }
}

/// The members of a sandbox/workbench config that were given, translated; unknown keys are
/// dropped as the official schema does.
pub struct SandboxParts {
    pub enable: Option<bool>,
    pub proxy_execution: Option<bool>,
    pub offload_threshold: Option<f64>,
    pub size: Option<String>,
}

pub fn sandbox_parts(c: &mut Checker, v: &Json, path: &Path) -> Option<SandboxParts> {
    c.object(
        v,
        path.clone(),
        "{ enable?, enableProxyExecution?, autoOffloadThreshold?, sandboxSize? }",
    )?;
    let before = c.issues.len();
    let parts = SandboxParts {
        enable: v
            .get("enable")
            .and_then(|e| c.boolean(e, path.key("enable"))),
        proxy_execution: v
            .get("enableProxyExecution")
            .and_then(|e| c.boolean(e, path.key("enableProxyExecution"))),
        offload_threshold: v
            .get("autoOffloadThreshold")
            .and_then(|e| c.number(e, path.key("autoOffloadThreshold"))),
        size: v
            .get("sandboxSize")
            .and_then(|e| c.one_of(e, path.key("sandboxSize"), &SANDBOX_SIZES)),
    };
    (c.issues.len() == before).then_some(parts)
}

/// `sandbox` / `workbench` on create: `enable` defaults to true.
fn sandbox(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    let p = sandbox_parts(c, v, &path)?;
    Some(Json::object([
        ("enable", Some(Json::Bool(p.enable.unwrap_or(true)))),
        ("enable_proxy_execution", p.proxy_execution.map(Json::Bool)),
        ("auto_offload_threshold", p.offload_threshold.map(Json::Num)),
        ("sandbox_size", p.size.map(Json::Str)),
    ]))
}

/// The members of a multiAccount config that were given.
pub struct MultiAccountParts {
    pub enable: Option<bool>,
    pub max_accounts: Option<f64>,
    pub require_explicit_selection: Option<bool>,
}

pub fn multi_account_parts(c: &mut Checker, v: &Json) -> Option<MultiAccountParts> {
    let path = Path::root("multiAccount");
    c.object(
        v,
        path.clone(),
        "{ enable?, maxAccountsPerToolkit?, requireExplicitSelection? }",
    )?;
    let before = c.issues.len();
    let max_accounts = v.get("maxAccountsPerToolkit").and_then(|m| {
        let p = path.key("maxAccountsPerToolkit");
        match m {
            Json::Num(n) if n.fract() == 0.0 && (2.0..=10.0).contains(n) => Some(*n),
            Json::Num(n) if n.is_finite() => {
                // Integers print without float formatting, which would bloat the wasm.
                let got = if n.fract() == 0.0 && n.abs() < 1e15 {
                    (*n as i64).to_string()
                } else {
                    "a fractional number".to_string()
                };
                c.issue(
                    "too_big",
                    p,
                    format!("expected an integer from 2 to 10, got {got}"),
                );
                None
            }
            other => {
                c.wrong_type(p, "an integer from 2 to 10", other);
                None
            }
        }
    });
    let parts = MultiAccountParts {
        enable: v
            .get("enable")
            .and_then(|e| c.boolean(e, path.key("enable"))),
        max_accounts,
        require_explicit_selection: v
            .get("requireExplicitSelection")
            .and_then(|e| c.boolean(e, path.key("requireExplicitSelection"))),
    };
    (c.issues.len() == before).then_some(parts)
}

/// `multiAccount` on create: `enable` defaults to false, and an enabled multi-account session
/// requires explicit selection unless told otherwise.
fn multi_account(c: &mut Checker, v: &Json) -> Option<Json> {
    let p = multi_account_parts(c, v)?;
    let enable = p.enable.unwrap_or(false);
    let explicit = p.require_explicit_selection.or(enable.then_some(true));
    Some(Json::object([
        ("enable", Some(Json::Bool(enable))),
        ("max_accounts_per_toolkit", p.max_accounts.map(Json::Num)),
        ("require_explicit_selection", explicit.map(Json::Bool)),
    ]))
}

/// `preload`: `{ tools?: string[] | 'all' }`, sent verbatim. Custom-tool slugs are refused.
pub fn preload(c: &mut Checker, v: &Json) -> Option<Json> {
    let path = Path::root("preload");
    let pairs = c.object(v, path.clone(), "{ tools?: string[] | 'all' }")?;
    if !c.only_keys(pairs, &path, &["tools"]) {
        return None;
    }
    match v.get("tools") {
        None => {}
        Some(Json::Str(s)) if s == PRELOAD_ALL => {}
        Some(list @ Json::Arr(_)) => {
            let slugs = c.string_array(list, path.key("tools"))?;
            let local: Vec<&str> = slugs
                .iter()
                .map(String::as_str)
                .filter(|s| s.to_ascii_uppercase().starts_with(LOCAL_TOOL_PREFIX))
                .collect();
            if !local.is_empty() {
                c.issue(
                    "custom",
                    path.key("tools"),
                    format!(
                        "Custom tool slugs are not supported in preload.tools: {}. Set preload: true on the SDK custom tool or custom toolkit definition instead.",
                        local.join(", ")
                    ),
                );
                return None;
            }
        }
        Some(other) => {
            c.wrong_type(path.key("tools"), "an array of tool slugs or 'all'", other);
            return None;
        }
    }
    Some(v.clone())
}

/// `experimental`: only `assistivePrompt.userTimezone` is sent (when non-empty). Custom tools
/// are not supported yet and are refused rather than silently dropped.
fn experimental(c: &mut Checker, v: &Json) -> Option<Json> {
    let path = Path::root("experimental");
    c.object(
        v,
        path.clone(),
        "{ assistivePrompt?, customTools?, customToolkits? }",
    )?;
    for key in ["customTools", "customToolkits"] {
        match v.get(key) {
            None => {}
            Some(Json::Arr(items)) if items.is_empty() => {}
            Some(Json::Arr(_)) => c.issue(
                "custom",
                path.key(key),
                format!("custom tools are not supported by composio-wasm yet; remove experimental.{key}"),
            ),
            Some(other) => c.wrong_type(path.key(key), "an array", other),
        }
    }
    let prompt = v.get("assistivePrompt")?;
    let prompt_path = path.key("assistivePrompt");
    c.object(prompt, prompt_path.clone(), "{ userTimezone?: string }")?;
    let tz = prompt
        .get("userTimezone")
        .and_then(|tz| c.string(tz, prompt_path.key("userTimezone")))
        .filter(|tz| !tz.is_empty())?;
    Some(Json::object([(
        "assistive_prompt_config",
        Some(Json::object([("user_timezone", Some(Json::Str(tz)))])),
    )]))
}

#[cfg(test)]
mod tests;
