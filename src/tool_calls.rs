//! `composio.tools.*` (the project-level tool endpoints, not a session's): the list and
//! retrieve queries with `toolkit_versions`, the direct execute body, `getInput`, the project
//! proxy, the session-tool execute body, and the strict readers of their answers. The version
//! rule itself (`latest` needs `dangerouslySkipVersionCheck`) runs in `pkg/tools.js`, which
//! passes the resolved version here.

use crate::json::Json;
use crate::query::{encode, query_string, QueryValue};
use crate::shape::{wrong, At, Shaped};
use crate::validate::{Checker, Invalid, Path};

/// `ToolListParams` → query names, in the official query's order. Lists of slugs are sent
/// joined (`[]` as `key=`), other lists as arrays (an empty one left out), as upstream.
const LIST_FIELDS: &[(&str, &str, Q)] = &[
    ("tools", "tool_slugs", Q::Joined),
    ("toolkits", "toolkit_slug", Q::Joined),
    ("limit", "limit", Q::Limit),
    ("tags", "tags", Q::List),
    ("scopes", "scopes", Q::List),
    ("search", "search", Q::Str),
    ("authConfigIds", "auth_config_ids", Q::List),
    ("important", "important", Q::Bool),
];

#[derive(Clone, Copy)]
enum Q {
    Joined,
    List,
    Str,
    Limit,
    Bool,
}

/// `toolkit_versions` as the official client writes it: `toolkit_versions=latest` for one
/// version string, `toolkit_versions[slug]=v` per toolkit for a map (keys as given: the JS
/// side lower-cases them, as the official SDK does).
fn versions_query(versions: &Json) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let path = Path::root("toolkitVersions");
    let out = match versions {
        Json::Null | Json::Foreign("undefined") => "toolkit_versions=latest".to_string(),
        Json::Str(s) => ["toolkit_versions=", &encode(s)].concat(),
        Json::Obj(pairs) => {
            let mut parts = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                if let Some(v) = c.string(v, path.key(k)) {
                    let key = ["toolkit_versions[", k, "]"].concat();
                    parts.push([encode(&key), "=".into(), encode(&v)].concat());
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
    let Some(pairs) = c.object(query, root.clone(), "a tool list query object") else {
        return c.finish(String::new());
    };
    let names: Vec<&str> = LIST_FIELDS.iter().map(|f| f.0).collect();
    if !c.only_keys(pairs, &root, &names) {
        return c.finish(String::new());
    }
    let has = |k: &str| query.get(k).is_some();
    let rule = if has("tools") && has("toolkits") {
        ". You should not use tools and toolkits filter together."
    } else if !(has("tools") || has("toolkits") || has("search") || has("authConfigIds")) {
        ", atleast one of the following parameters is required: tools, toolkits, search, authConfigIds"
    } else {
        ""
    };
    if !rule.is_empty() {
        c.issue(
            "custom",
            root,
            ["Invalid tool list parameters", rule].concat(),
        );
        return c.finish(String::new());
    }
    let mut out = Vec::new();
    for &(js, wire, kind) in LIST_FIELDS {
        let value = match (kind, query.get(js)) {
            // `tools` fetches them all.
            (Q::Limit, _) if has("tools") => Some(QueryValue::Int(9999)),
            // `toolkits` alone asks for the important tools, unless told otherwise.
            (Q::Bool, None) => {
                let auto = has("toolkits") && !has("tags") && !has("search") && !has("limit");
                auto.then(|| QueryValue::Str("true".into()))
            }
            (_, None) => None,
            (Q::Joined, Some(v)) => c
                .string_array(v, Path::root(js))
                .map(|l| QueryValue::Str(l.join(","))),
            (Q::List, Some(v)) => c.string_array(v, Path::root(js)).map(QueryValue::List),
            (Q::Str, Some(v)) => c.string(v, Path::root(js)).map(QueryValue::Str),
            (Q::Limit, Some(v)) => {
                crate::toolkits::limit(&mut c, v, Path::root(js)).map(QueryValue::Int)
            }
            (Q::Bool, Some(v)) => c
                .boolean(v, Path::root(js))
                .and_then(|b| b.then(|| QueryValue::Str("true".into()))),
        };
        out.push((wire, value));
    }
    let q = query_string(&out);
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

/// How a caller field is checked and sent.
#[derive(Clone, Copy, PartialEq)]
enum In {
    Bool,
    Str,
    /// A free-form object, sent as given.
    Obj,
    /// `customAuthParams`, renamed inside.
    Auth,
    /// Read by the JS side only (`version` arrives resolved; `dangerouslySkipVersionCheck`).
    Js,
}

/// `ToolExecuteParams` → wire names, in the official body's order.
const EXECUTE_FIELDS: &[(&str, &str, In)] = &[
    ("allowTracing", "allow_tracing", In::Bool),
    ("connectedAccountId", "connected_account_id", In::Str),
    ("customAuthParams", "custom_auth_params", In::Auth),
    ("customConnectionData", "custom_connection_data", In::Obj),
    ("arguments", "arguments", In::Obj),
    ("userId", "user_id", In::Str),
    ("version", "version", In::Js),
    ("text", "text", In::Str),
    ("dangerouslySkipVersionCheck", "", In::Js),
];

/// `customAuthParams` → `{ base_url, body, parameters }` (parameters checked as the proxy's
/// are, and sent as given).
fn auth_params(c: &mut Checker, v: &Json) -> Option<Json> {
    let p = Path::root("customAuthParams");
    let pairs = c.object(v, p.clone(), "{ baseURL?, body?, parameters }")?;
    c.only_keys(pairs, &p, &["baseURL", "body", "parameters"]);
    let base_url = v.get("baseURL").and_then(|u| c.string(u, p.key("baseURL")));
    if let Some(body) = v.get("body") {
        c.object(body, p.key("body"), "an object");
    }
    let params = v.get("parameters").unwrap_or(&Json::Null);
    crate::execute::proxy_parameters(c, params, &|_| String::new());
    Some(Json::object([
        ("base_url", base_url.map(Json::Str)),
        ("body", v.get("body").cloned()),
        ("parameters", Some(params.clone())),
    ]))
}

/// `tools.execute(slug, params)` → the `POST /api/v3.1/tools/execute/{slug}` body, in the
/// official key order; `version` is the one the JS side resolved (explicit, configured, or
/// `latest` with `dangerouslySkipVersionCheck`).
pub fn execute_body(params: &Json, version: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let Some(pairs) = c.object(
        params,
        Path::default(),
        "the tool execute parameters object",
    ) else {
        return c.finish(Json::Null);
    };
    let names: Vec<&str> = EXECUTE_FIELDS.iter().map(|f| f.0).collect();
    c.only_keys(pairs, &Path::default(), &names);
    c.sendable(params, Path::default());
    let mut out = Vec::new();
    for &(js, wire, kind) in EXECUTE_FIELDS {
        let value = match (kind, params.get(js)) {
            (In::Js, _) if js == "version" => match version {
                Json::Str(s) if !s.is_empty() => Some(version.clone()),
                other => {
                    c.wrong_type(Path::root("version"), "a non-empty string", other);
                    None
                }
            },
            (In::Js, _) | (_, None | Some(Json::Null | Json::Foreign(_))) => None,
            (In::Bool, Some(v)) => c.boolean(v, Path::root(js)).map(Json::Bool),
            (In::Str, Some(v)) => match v {
                Json::Str(s) if !s.is_empty() => Some(v.clone()),
                _ => {
                    c.wrong_type(Path::root(js), "a non-empty string", v);
                    None
                }
            },
            (In::Obj, Some(v)) => c.object(v, Path::root(js), "an object").map(|_| v.clone()),
            (In::Auth, Some(v)) => auth_params(&mut c, v),
        };
        if let Some(v) = value {
            out.push((wire.to_string(), v));
        }
    }
    c.finish(Json::Obj(out))
}

/// `{ data, error, successful, log_id?, session_info? }` → `ToolExecuteResponse`.
pub fn execute_result(body: &Json) -> Shaped<Json> {
    let Json::Obj(mut out) = crate::execute::execute_result(body)? else {
        unreachable!()
    };
    let at = At::root(body, "")?;
    out.insert(2, ("successful".into(), Json::Bool(at.bool("successful")?)));
    if let Some(info) = at.opt("session_info") {
        out.push(("sessionInfo".into(), info.clone()));
    }
    Ok(Json::Obj(out))
}

/// `executeSessionTool(slug, { sessionId, arguments })` → the session execute body the official
/// SDK sends for provider-wrapped session tools (always `enable_auto_workbench_offload: true`).
pub fn session_tool_body(slug: &Json, args: &Json, experimental: &Json) -> Result<Json, Invalid> {
    // The session execute body without an account, plus the two members of this path.
    let Json::Obj(mut out) = crate::execute::execute_body(slug, args, &Json::Null)? else {
        unreachable!()
    };
    out.push(("enable_auto_workbench_offload".into(), Json::Bool(true)));
    match experimental {
        Json::Null | Json::Foreign("undefined") => {}
        Json::Obj(_) => {
            let mut c = Checker::default();
            c.sendable(experimental, Path::root("experimental"));
            c.finish(())?;
            out.push(("experimental".into(), experimental.clone()));
        }
        other => {
            return Err(Invalid::wrong_type(
                Path::root("experimental"),
                "an object",
                other,
            ))
        }
    }
    Ok(Json::Obj(out))
}

/// `{ data, error, log_id }` → `{ data, error, successful: !error, logId }`.
pub fn session_tool_result(body: &Json) -> Shaped<Json> {
    let Json::Obj(mut out) = crate::execute::execute_result(body)? else {
        unreachable!()
    };
    // `!response.error`: an empty error string counts as success, as upstream.
    let failed = matches!(body.get("error"), Some(Json::Str(s)) if !s.is_empty());
    out.insert(2, ("successful".into(), Json::Bool(!failed)));
    Ok(Json::Obj(out))
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
            crate::execute::proxy_body_in(&j!({"endpoint": "/x", "method": "POST"}), &num, true)
                .unwrap(),
            j!({"endpoint": "/x", "method": "POST", "parameters": []})
        );
        assert_eq!(
            crate::execute::proxy_body_in(&j!({"endpoint": "/x", "method": "GET", "parameters": [{"in": "query", "name": "a", "value": 1}]}), &num, true)
                .unwrap(),
            j!({"endpoint": "/x", "method": "GET", "parameters": [{"name": "a", "type": "query", "value": "1"}]})
        );
        assert!(crate::execute::proxy_body_in(
            &j!({"endpoint": "/x", "method": "HEAD"}),
            &num,
            true
        )
        .is_err());
        assert!(proxy_result(&j!({"status": "200"})).is_err());
        assert_eq!(enum_result(&j!(["A"])).unwrap(), j!(["A"]));
        assert!(enum_result(&j!([1])).is_err());
    }
}
