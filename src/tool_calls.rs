//! `composio.tools.*` (the project-level tool endpoints, not a session's): the list and
//! retrieve queries with `toolkit_versions`, the direct execute body, `getInput`, the project
//! proxy, the session-tool execute body, and the strict readers of their answers. The version
//! rule itself (`latest` needs `dangerouslySkipVersionCheck`) runs in `pkg/tools.js`, which
//! passes the resolved version here.

use crate::json::Json;
use crate::query::{encode, query_string, QueryValue};
use crate::shape::{wrong, At, BadShape, Shaped};
use crate::validate::{Checker, Invalid, Path};

const LIST_KEYS: &[&str] = &[
    "tools",
    "toolkits",
    "scopes",
    "tags",
    "limit",
    "search",
    "authConfigIds",
    "important",
];

/// `toolkit_versions` as the official client writes it: `toolkit_versions=latest` for one
/// version string, `toolkit_versions[slug]=v` per toolkit for a map (keys as given: the JS
/// side lower-cases them, as the official SDK does).
fn versions_query(versions: &Json) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let path = Path::root("toolkitVersions");
    let out = match versions {
        Json::Null | Json::Foreign("undefined") => format!("toolkit_versions={}", "latest"),
        Json::Str(s) => format!("toolkit_versions={}", encode(s)),
        Json::Obj(pairs) => {
            let mut parts = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                if let Some(v) = c.string(v, path.key(k)) {
                    let key = ["toolkit_versions[", k, "]"].concat();
                    parts.push(format!("{}={}", encode(&key), encode(&v)));
                }
            }
            parts.join("&")
        }
        other => {
            c.wrong_type(
                path,
                "a version string or an object of toolkit versions",
                other,
            );
            String::new()
        }
    };
    c.finish(out)
}

fn join_query(a: String, b: String) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b,
        (_, true) => a,
        _ => [a, b].join("&"),
    }
}

/// `getRawComposioTools(query)` → the `GET /api/v3.1/tools` query, with the official SDK's
/// rules: `tools` and `toolkits` exclude each other; one of `tools`, `toolkits`, `search`,
/// `authConfigIds` is required; `tools` fetches them all (`limit=9999`); `toolkits` alone asks
/// for the important tools unless `important: false`.
pub fn list_query(query: &Json, versions: &Json) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let root = Path::root("query");
    let expected =
        "{ tools?, toolkits?, scopes?, tags?, limit?, search?, authConfigIds?, important? }";
    let Some(pairs) = c.object(query, root.clone(), expected) else {
        return c.finish(String::new());
    };
    if !c.only_keys(pairs, &root, LIST_KEYS) {
        return c.finish(String::new());
    }
    let has = |k: &str| query.get(k).is_some();
    if has("tools") && has("toolkits") {
        c.issue(
            "custom",
            root.clone(),
            "Invalid tool list parameters. You should not use tools and toolkits filter together.",
        );
        return c.finish(String::new());
    }
    let list =
        |c: &mut Checker, k: &str| query.get(k).and_then(|v| c.string_array(v, Path::root(k)));
    let tools = list(&mut c, "tools");
    let toolkits = list(&mut c, "toolkits");
    let scopes = list(&mut c, "scopes");
    let tags = list(&mut c, "tags");
    let auth_config_ids = list(&mut c, "authConfigIds");
    let search = query
        .get("search")
        .and_then(|v| c.string(v, Path::root("search")));
    let limit = query
        .get("limit")
        .and_then(|v| crate::toolkits::limit(&mut c, v, Path::root("limit")));
    let important = query
        .get("important")
        .and_then(|v| c.boolean(v, Path::root("important")));
    if !(has("tools") || has("toolkits") || has("search") || has("authConfigIds")) {
        c.issue(
            "custom",
            root,
            "Invalid tool list parameters, atleast one of the following parameters is required: tools, toolkits, search, authConfigIds",
        );
    }
    let auto_important = has("toolkits")
        && !has("tools")
        && !has("tags")
        && !has("search")
        && !has("limit")
        && important != Some(false);
    let important = if has("important") {
        important == Some(true)
    } else {
        auto_important
    };
    let limit = if has("tools") { Some(9999) } else { limit };
    let q = query_string(&[
        // Joined strings (an empty list is sent as `key=`), as the official SDK joins them.
        ("tool_slugs", tools.map(|t| QueryValue::Str(t.join(",")))),
        (
            "toolkit_slug",
            toolkits.map(|t| QueryValue::Str(t.join(","))),
        ),
        ("limit", limit.map(QueryValue::Int)),
        ("tags", tags.map(QueryValue::List)),
        ("scopes", scopes.map(QueryValue::List)),
        ("search", search.map(QueryValue::Str)),
        ("auth_config_ids", auth_config_ids.map(QueryValue::List)),
        (
            "important",
            important.then(|| QueryValue::Str("true".into())),
        ),
    ]);
    let versions = versions_query(versions)?;
    c.finish(join_query(q, versions))
}

/// `getRawComposioToolBySlug(slug, { version })`: an explicit version is sent as `version`,
/// otherwise the client's `toolkit_versions`.
pub fn retrieve_query(version: &Json, versions: &Json) -> Result<String, Invalid> {
    match version {
        Json::Null | Json::Foreign("undefined") => versions_query(versions),
        Json::Str(s) if s.is_empty() => versions_query(versions),
        Json::Str(s) => Ok(query_string(&[(
            "version",
            Some(QueryValue::Str(s.clone())),
        )])),
        other => Err(Invalid::wrong_type(
            Path::root("options").key("version"),
            "a string",
            other,
        )),
    }
}

const EXECUTE_KEYS: &[&str] = &[
    "allowTracing",
    "connectedAccountId",
    "customAuthParams",
    "customConnectionData",
    "arguments",
    "userId",
    "version",
    "dangerouslySkipVersionCheck",
    "text",
];

/// `{ in, name, value }` parameters of `customAuthParams`, sent as given.
fn auth_parameters(c: &mut Checker, v: &Json, path: Path) {
    let Json::Arr(items) = v else {
        c.wrong_type(path, "an array of { in, name, value }", v);
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let p = path.index(i);
        let Some(pairs) = c.object(item, p.clone(), "{ in, name, value }") else {
            continue;
        };
        c.only_keys(pairs, &p, &["in", "name", "value"]);
        let missing = Json::Foreign("undefined");
        c.one_of(
            item.get("in").unwrap_or(&missing),
            p.key("in"),
            &["query", "header"],
        );
        c.string(item.get("name").unwrap_or(&missing), p.key("name"));
        match item.get("value") {
            Some(Json::Str(_)) => {}
            Some(Json::Num(n)) if n.is_finite() => {}
            other => c.wrong_type(
                p.key("value"),
                "a string or a number",
                other.unwrap_or(&missing),
            ),
        }
    }
}

/// `tools.execute(slug, params)` → the `POST /api/v3.1/tools/execute/{slug}` body, in the
/// official key order; `version` is the one the JS side resolved (explicit, configured, or
/// `latest` with `dangerouslySkipVersionCheck`).
pub fn execute_body(params: &Json, version: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let root = Path::default();
    let expected =
        "{ userId?, connectedAccountId?, arguments?, version?, dangerouslySkipVersionCheck?, … }";
    let Some(pairs) = c.object(params, root.clone(), expected) else {
        return c.finish(Json::Null);
    };
    c.only_keys(pairs, &root, EXECUTE_KEYS);
    let get = |k: &str| {
        params
            .get(k)
            .filter(|v| !matches!(v, Json::Null | Json::Foreign("undefined")))
    };
    let allow_tracing = get("allowTracing").and_then(|v| c.boolean(v, Path::root("allowTracing")));
    let account =
        get("connectedAccountId").and_then(|v| c.string(v, Path::root("connectedAccountId")));
    let user_id = get("userId").and_then(|v| match v {
        Json::Str(s) if s.is_empty() => {
            c.wrong_type(Path::root("userId"), "a non-empty string", v);
            None
        }
        _ => c.string(v, Path::root("userId")),
    });
    let text = get("text").and_then(|v| c.string(v, Path::root("text")));
    if let Some(v) = get("dangerouslySkipVersionCheck") {
        c.boolean(v, Path::root("dangerouslySkipVersionCheck"));
    }
    let arguments = get("arguments").and_then(|v| match v {
        Json::Obj(_) => {
            c.sendable(v, Path::root("arguments"));
            Some(v.clone())
        }
        other => {
            c.wrong_type(Path::root("arguments"), "an object", other);
            None
        }
    });
    let custom_auth = get("customAuthParams").and_then(|v| {
        let p = Path::root("customAuthParams");
        let pairs = c.object(v, p.clone(), "{ baseURL?, body?, parameters }")?;
        c.only_keys(pairs, &p, &["baseURL", "body", "parameters"]);
        let base_url = v.get("baseURL").and_then(|u| c.string(u, p.key("baseURL")));
        if let Some(body) = v.get("body") {
            match body {
                Json::Obj(_) => c.sendable(body, p.key("body")),
                other => c.wrong_type(p.key("body"), "an object", other),
            }
        }
        match v.get("parameters") {
            Some(params) => auth_parameters(&mut c, params, p.key("parameters")),
            None => c.wrong_type(
                p.key("parameters"),
                "an array of { in, name, value }",
                &Json::Foreign("undefined"),
            ),
        }
        Some(Json::object([
            ("base_url", base_url.map(Json::Str)),
            ("body", v.get("body").cloned()),
            ("parameters", v.get("parameters").cloned()),
        ]))
    });
    let custom_connection = get("customConnectionData").and_then(|v| {
        let p = Path::root("customConnectionData");
        c.object(v, p.clone(), "{ authScheme, toolkitSlug?, val }")?;
        c.sendable(v, p);
        Some(v.clone())
    });
    let version = match version {
        Json::Str(s) if !s.is_empty() => Some(Json::Str(s.clone())),
        other => {
            c.wrong_type(Path::root("version"), "a non-empty string", other);
            None
        }
    };
    c.finish(Json::object([
        ("allow_tracing", allow_tracing.map(Json::Bool)),
        ("connected_account_id", account.map(Json::Str)),
        ("custom_auth_params", custom_auth),
        ("custom_connection_data", custom_connection),
        ("arguments", arguments),
        ("user_id", user_id.map(Json::Str)),
        ("version", version),
        ("text", text.map(Json::Str)),
    ]))
}

/// `data` (an object, kept as received) and `error` (a string or null) of an execute answer.
fn data_and_error(body: &Json) -> Shaped<(Json, Json)> {
    let data = body
        .get("data")
        .ok_or_else(|| BadShape("missing `data`".into()))?;
    if data.kind() != "object" {
        return Err(wrong("data", "an object", data));
    }
    let error = match body.get("error") {
        Some(Json::Null) => Json::Null,
        Some(e @ Json::Str(_)) => e.clone(),
        None => return Err(BadShape("missing `error`".into())),
        Some(other) => return Err(wrong("error", "a string or null", other)),
    };
    Ok((data.clone(), error))
}

/// `{ data, error, successful, log_id?, session_info? }` → `ToolExecuteResponse`.
pub fn execute_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a tool execute result object")?;
    let (data, error) = data_and_error(body)?;
    let successful = at.bool("successful")?;
    Ok(Json::object([
        ("data", Some(data)),
        ("error", Some(error)),
        ("successful", Some(Json::Bool(successful))),
        ("logId", at.opt_str("log_id")?.map(Json::str)),
        ("sessionInfo", at.opt("session_info").cloned()),
    ]))
}

/// `executeSessionTool(slug, { sessionId, arguments })` → the session execute body the official
/// SDK sends for provider-wrapped session tools (always `enable_auto_workbench_offload: true`).
pub fn session_tool_body(slug: &Json, args: &Json, experimental: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let slug = c.non_empty_string(slug, "toolSlug");
    let args = match args {
        Json::Null | Json::Foreign("undefined") => Some(Json::obj()),
        Json::Obj(_) => {
            c.sendable(args, Path::root("arguments"));
            Some(args.clone())
        }
        other => {
            c.wrong_type(Path::root("arguments"), "an object", other);
            None
        }
    };
    let experimental = match experimental {
        Json::Null | Json::Foreign("undefined") => None,
        Json::Obj(_) => {
            c.sendable(experimental, Path::root("experimental"));
            Some(experimental.clone())
        }
        other => {
            c.wrong_type(Path::root("experimental"), "an object", other);
            None
        }
    };
    c.finish(Json::object([
        ("tool_slug", slug.map(Json::Str)),
        ("arguments", args),
        ("enable_auto_workbench_offload", Some(Json::Bool(true))),
        ("experimental", experimental),
    ]))
}

/// `{ data, error, log_id }` → `{ data, error, successful: !error, logId }`.
pub fn session_tool_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "an execute result object")?;
    let (data, error) = data_and_error(body)?;
    // `!response.error`: an empty error string counts as success, as upstream.
    let successful = !matches!(&error, Json::Str(s) if !s.is_empty());
    Ok(Json::object([
        ("data", Some(data)),
        ("error", Some(error)),
        ("successful", Some(Json::Bool(successful))),
        ("logId", at.opt_str("log_id")?.map(Json::str)),
    ]))
}

/// `GET /api/v3.1/tools/enum`: every tool slug.
pub fn enum_result(body: &Json) -> Shaped<Json> {
    match body {
        Json::Arr(items) => crate::shape::strings(items, "").map(Json::Arr),
        other => Err(wrong("", "an array of tool slugs", other)),
    }
}

/// `getInput(slug, { text, custom_description?, system_prompt?, version? })`: the body as given.
pub fn input_body(body: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let root = Path::default();
    let Some(pairs) = c.object(
        body,
        root.clone(),
        "{ text, custom_description?, system_prompt?, version? }",
    ) else {
        return c.finish(Json::Null);
    };
    c.only_keys(
        pairs,
        &root,
        &["text", "custom_description", "system_prompt", "version"],
    );
    c.string(
        body.get("text").unwrap_or(&Json::Foreign("undefined")),
        Path::root("text"),
    );
    for k in ["custom_description", "system_prompt", "version"] {
        if let Some(v) = body.get(k) {
            c.string(v, Path::root(k));
        }
    }
    c.finish(body.clone())
}

/// `{ arguments?, error? }`, returned as received after the check.
pub fn input_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a tool input result object")?;
    if let Some(a) = at.opt("arguments") {
        if !matches!(a, Json::Obj(_)) {
            return Err(wrong("arguments", "an object", a));
        }
    }
    at.opt_str("error")?;
    Ok(body.clone())
}

const PROXY_METHODS: [&str; 5] = ["GET", "POST", "PUT", "DELETE", "PATCH"];

/// `tools.proxyExecute(params)` → the `POST /api/v3.1/tools/execute/proxy` body, as the official
/// SDK writes it: parameters become `{ name, type, value: String(value) }` (always sent, `[]`
/// when none).
pub fn proxy_body(params: &Json, num: &dyn Fn(f64) -> String) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let root = Path::default();
    let expected =
        "{ endpoint, method, body?, parameters?, connectedAccountId?, customConnectionData? }";
    let Some(pairs) = c.object(params, root.clone(), expected) else {
        return c.finish(Json::Null);
    };
    c.only_keys(
        pairs,
        &root,
        &[
            "endpoint",
            "method",
            "body",
            "parameters",
            "connectedAccountId",
            "customConnectionData",
        ],
    );
    let missing = Json::Foreign("undefined");
    let endpoint = c.string(
        params.get("endpoint").unwrap_or(&missing),
        Path::root("endpoint"),
    );
    let method = c.one_of(
        params.get("method").unwrap_or(&missing),
        Path::root("method"),
        &PROXY_METHODS,
    );
    if let Some(body) = params.get("body") {
        c.sendable(body, Path::root("body"));
    }
    let account = params
        .get("connectedAccountId")
        .and_then(|v| c.string(v, Path::root("connectedAccountId")));
    let mut parameters = Vec::new();
    if let Some(v) = params.get("parameters") {
        let path = Path::root("parameters");
        match v {
            Json::Arr(items) => {
                for (i, item) in items.iter().enumerate() {
                    let p = path.index(i);
                    let Some(pairs) = c.object(item, p.clone(), "{ in, name, value }") else {
                        continue;
                    };
                    c.only_keys(pairs, &p, &["in", "name", "value"]);
                    let kind = c.one_of(
                        item.get("in").unwrap_or(&missing),
                        p.key("in"),
                        &["query", "header"],
                    );
                    let name = c.string(item.get("name").unwrap_or(&missing), p.key("name"));
                    let value = match item.get("value") {
                        Some(Json::Str(s)) => Some(s.clone()),
                        Some(Json::Num(n)) if n.is_finite() => Some(num(*n)),
                        other => {
                            c.wrong_type(
                                p.key("value"),
                                "a string or a number",
                                other.unwrap_or(&missing),
                            );
                            None
                        }
                    };
                    if let (Some(kind), Some(name), Some(value)) = (kind, name, value) {
                        parameters.push(Json::object([
                            ("name", Some(Json::Str(name))),
                            ("type", Some(Json::Str(kind))),
                            ("value", Some(Json::Str(value))),
                        ]));
                    }
                }
            }
            other => c.wrong_type(path, "an array of { in, name, value }", other),
        }
    }
    let custom = params.get("customConnectionData").and_then(|d| {
        let p = Path::root("customConnectionData");
        c.object(d, p.clone(), "{ authScheme, toolkitSlug?, val }")?;
        c.sendable(d, p);
        Some(d.clone())
    });
    c.finish(Json::object([
        ("endpoint", endpoint.map(Json::Str)),
        ("method", method.map(Json::Str)),
        ("body", params.get("body").cloned()),
        ("connected_account_id", account.map(Json::Str)),
        ("parameters", Some(Json::Arr(parameters))),
        ("custom_connection_data", custom),
    ]))
}

/// `ToolProxyResponse` (`{ status, data?, headers?, binary_data? }`), returned as received
/// (snake_case, as the official SDK returns it) after checking its members' types.
pub fn proxy_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a proxy result object")?;
    at.num("status")?;
    if let Some(h) = at.opt("headers") {
        if !matches!(h, Json::Obj(_)) {
            return Err(wrong("headers", "an object", h));
        }
    }
    if at.opt("binary_data").is_some() {
        let mut buf = String::new();
        let b = at.obj("binary_data", &mut buf)?;
        b.str("content_type")?;
        b.num("size")?;
        b.str("url")?;
        b.opt_str("expires_at")?;
    }
    Ok(body.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    fn num(n: f64) -> String {
        n.to_string()
    }

    #[test]
    fn list_queries_follow_the_official_rules() {
        let latest = Json::str("latest");
        assert_eq!(
            list_query(&j!({"toolkits": ["github", "gmail"]}), &latest).unwrap(),
            "toolkit_slug=github%2Cgmail&important=true&toolkit_versions=latest"
        );
        assert_eq!(
            list_query(&j!({"tools": ["A", "B"]}), &j!({"gmail": "20250909_00"})).unwrap(),
            "tool_slugs=A%2CB&limit=9999&toolkit_versions%5Bgmail%5D=20250909_00"
        );
        assert_eq!(
            list_query(
                &j!({"toolkits": ["g"], "tags": ["x", "y"], "limit": 5, "important": true}),
                &latest
            )
            .unwrap(),
            "toolkit_slug=g&limit=5&tags=x%2Cy&important=true&toolkit_versions=latest"
        );
        assert_eq!(
            list_query(&j!({"toolkits": ["g"], "important": false}), &latest).unwrap(),
            "toolkit_slug=g&toolkit_versions=latest"
        );
        let both = list_query(&j!({"tools": ["A"], "toolkits": ["g"]}), &latest).unwrap_err();
        assert!(
            both.message().contains("should not use tools and toolkits"),
            "{}",
            both.message()
        );
        let none = list_query(&j!({"limit": 3}), &latest).unwrap_err();
        assert!(
            none.message().contains("atleast one of"),
            "{}",
            none.message()
        );
        let bad = list_query(&j!({"toolkits": "g", "cursor": 1}), &latest).unwrap_err();
        assert!(bad.message().contains("cursor"), "{}", bad.message());
    }

    #[test]
    fn retrieve_queries_prefer_an_explicit_version() {
        let versions = j!({"gmail": "v1"});
        assert_eq!(
            retrieve_query(&Json::str("v2"), &versions).unwrap(),
            "version=v2"
        );
        assert_eq!(
            retrieve_query(&Json::Null, &versions).unwrap(),
            "toolkit_versions%5Bgmail%5D=v1"
        );
        assert!(retrieve_query(&Json::Num(1.0), &versions).is_err());
    }

    #[test]
    fn execute_bodies_in_the_official_order() {
        let body = execute_body(
            &j!({"arguments": {"a": 1}, "userId": "u", "connectedAccountId": "ca",
                 "dangerouslySkipVersionCheck": true, "customAuthParams": {"baseURL": "b", "parameters": []}}),
            &Json::str("latest"),
        )
        .unwrap();
        assert_eq!(
            body,
            j!({"connected_account_id": "ca", "custom_auth_params": {"base_url": "b", "parameters": []},
                "arguments": {"a": 1}, "user_id": "u", "version": "latest"})
        );
        let bad = execute_body(
            &j!({"arguments": [1], "userId": 5, "foo": 1}),
            &Json::str("v"),
        )
        .unwrap_err();
        let m = bad.message();
        assert!(
            m.contains("arguments") && m.contains("userId") && m.contains("foo"),
            "{m}"
        );
    }

    #[test]
    fn execute_results_are_read_strictly() {
        let r = execute_result(
            &j!({"data": {"x": 1}, "error": null, "successful": true, "log_id": "l"}),
        )
        .unwrap();
        assert_eq!(
            r,
            j!({"data": {"x": 1}, "error": null, "successful": true, "logId": "l"})
        );
        assert!(execute_result(&j!({"data": {}, "error": null})).is_err());
        assert!(execute_result(&j!({"data": [], "error": null, "successful": true})).is_err());
        let s = session_tool_result(&j!({"data": {}, "error": "", "log_id": "l"})).unwrap();
        assert_eq!(s.get("successful"), Some(&Json::Bool(true)));
    }

    #[test]
    fn proxy_bodies_always_carry_parameters() {
        assert_eq!(
            proxy_body(&j!({"endpoint": "/x", "method": "POST"}), &num).unwrap(),
            j!({"endpoint": "/x", "method": "POST", "parameters": []})
        );
        assert_eq!(
            proxy_body(&j!({"endpoint": "/x", "method": "GET", "parameters": [{"in": "query", "name": "a", "value": 1}]}), &num)
                .unwrap(),
            j!({"endpoint": "/x", "method": "GET", "parameters": [{"name": "a", "type": "query", "value": "1"}]})
        );
        assert!(proxy_body(&j!({"endpoint": "/x", "method": "HEAD"}), &num).is_err());
        assert!(proxy_result(&j!({"status": "200"})).is_err());
        assert_eq!(enum_result(&j!(["A"])).unwrap(), j!(["A"]));
        assert!(enum_result(&j!([1])).is_err());
    }
}
