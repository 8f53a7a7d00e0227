//! `execute`, `proxyExecute` and `delete`: request bodies and response mapping (spec B5.8,
//! A7.4, A7.7, A7.10).

use crate::json::Json;
use crate::shape::{wrong, At, BadShape, Shaped};
use crate::validate::{Checker, Invalid, Path};

/// `execute(toolSlug, arguments = {}, { account })` → `{ tool_slug, arguments, account? }`.
pub fn execute_body(slug: &Json, args: &Json, options: &Json) -> Result<Json, Invalid> {
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
    let account = match options {
        Json::Null | Json::Foreign("undefined") => None,
        Json::Obj(pairs) => {
            c.only_keys(pairs, &Path::root("options"), &["account"]);
            match options.get("account") {
                None | Some(Json::Null) => None,
                Some(Json::Str(s)) if s.is_empty() => None,
                Some(v) => c.string(v, Path::root("options").key("account")),
            }
        }
        other => {
            c.wrong_type(Path::root("options"), "{ account?: string }", other);
            None
        }
    };
    let body = Json::object([
        ("tool_slug", slug.map(Json::Str)),
        ("arguments", args),
        ("account", account.map(Json::Str)),
    ]);
    c.finish(body)
}

/// `{ data, error, log_id }` → `{ data, error, logId }`; `data` must be an object.
pub fn execute_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "an execute result object")?;
    let data = body
        .get("data")
        .ok_or_else(|| BadShape("missing `data`".into()))?;
    // `kind` also reads a `Raw` value (the JS surface keeps `data` as received).
    if data.kind() != "object" {
        return Err(wrong("data", "an object", data));
    }
    let error = match body.get("error") {
        Some(Json::Null) => Json::Null,
        Some(e @ Json::Str(_)) => e.clone(),
        None => return Err(BadShape("missing `error`".into())),
        Some(other) => return Err(wrong("error", "a string or null", other)),
    };
    Ok(Json::object([
        ("data", Some(data.clone())),
        ("error", Some(error)),
        ("logId", Some(Json::str(at.str("log_id")?))),
    ]))
}

/// `{ session_id, deleted: true }` → `{ sessionId, deleted: true }`.
pub fn delete_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a delete result object")?;
    let id = at.str("session_id")?;
    if !at.bool("deleted")? {
        return Err(BadShape("`deleted` should be true, got false".into()));
    }
    Ok(Json::object([
        ("sessionId", Some(Json::str(id))),
        ("deleted", Some(Json::Bool(true))),
    ]))
}

const PROXY_METHODS: [&str; 6] = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"];

/// `proxyExecute(params)` → the `proxy_execute` body. `HEAD` is allowed (the REST API accepts
/// it); `binaryBody` and `customConnectionData` pass through. `num` prints a parameter value
/// that is a number the way JS `String(n)` does.
pub fn proxy_body(params: &Json, num: &dyn Fn(f64) -> String) -> Result<Json, Invalid> {
    proxy_body_in(params, num, false)
}

/// The body of either proxy: a session's (`project: false`, above) or `composio.tools`'
/// project-level one (`project: true`: no toolkit, a `connectedAccountId`, the official five
/// methods, and `parameters` always sent, `[]` when none, in the official key order).
pub fn proxy_body_in(
    params: &Json,
    num: &dyn Fn(f64) -> String,
    project: bool,
) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let root = Path::default();
    let Some(pairs) = c.object(
        params,
        root.clone(),
        "{ toolkit, endpoint, method, body?, parameters? }",
    ) else {
        return c.finish(Json::Null);
    };
    let known: &[&str] = if project {
        &[
            "endpoint",
            "method",
            "body",
            "parameters",
            "connectedAccountId",
            "customConnectionData",
        ]
    } else {
        &[
            "toolkit",
            "endpoint",
            "method",
            "body",
            "parameters",
            "binaryBody",
            "customConnectionData",
        ]
    };
    c.only_keys(pairs, &root, known);
    let field = |k: &str| params.get(k).unwrap_or(&Json::Foreign("undefined"));
    if let Some(body) = params.get("body") {
        c.sendable(body, Path::root("body"));
    }
    let toolkit = (!project)
        .then(|| c.non_empty_string(field("toolkit"), "toolkit"))
        .flatten();
    let endpoint = c.non_empty_string(field("endpoint"), "endpoint");
    let methods = if project {
        &PROXY_METHODS[..5]
    } else {
        &PROXY_METHODS[..]
    };
    let method = c.one_of(field("method"), Path::root("method"), methods);
    let parameters = params
        .get("parameters")
        .and_then(|p| proxy_parameters(&mut c, p, num))
        .filter(|p| project || !p.is_empty())
        .or_else(|| project.then(Vec::new));
    let account = params
        .get("connectedAccountId")
        .and_then(|v| c.string(v, Path::root("connectedAccountId")));
    let binary_body = params
        .get("binaryBody")
        .and_then(|b| binary_body(&mut c, b));
    let custom = params.get("customConnectionData").and_then(|d| {
        c.object(
            d,
            Path::root("customConnectionData"),
            "{ authScheme, toolkitSlug, val }",
        )
        .map(|_| d.clone())
    });
    let body = Json::object([
        ("toolkit_slug", toolkit.map(Json::Str)),
        ("endpoint", endpoint.map(Json::Str)),
        ("method", method.map(Json::Str)),
        ("body", params.get("body").cloned()),
        ("connected_account_id", account.map(Json::Str)),
        ("parameters", parameters.map(Json::Arr)),
        ("binary_body", binary_body),
        ("custom_connection_data", custom),
    ]);
    c.finish(body)
}

pub(crate) fn proxy_parameters(
    c: &mut Checker,
    v: &Json,
    num: &dyn Fn(f64) -> String,
) -> Option<Vec<Json>> {
    let path = Path::root("parameters");
    let Json::Arr(items) = v else {
        c.wrong_type(path, "an array of { in, name, value }", v);
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let p = path.index(i);
        let Some(pairs) = c.object(item, p.clone(), "{ in, name, value }") else {
            continue;
        };
        c.only_keys(pairs, &p, &["in", "name", "value"]);
        let missing = Json::Foreign("undefined");
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
            out.push(Json::object([
                ("name", Some(Json::Str(name))),
                ("type", Some(Json::Str(kind))),
                ("value", Some(Json::Str(value))),
            ]));
        }
    }
    Some(out)
}

fn binary_body(c: &mut Checker, v: &Json) -> Option<Json> {
    let path = Path::root("binaryBody");
    let pairs = c.object(v, path.clone(), "{ url } or { base64 } with contentType?")?;
    c.only_keys(pairs, &path, &["url", "base64", "contentType"]);
    let source = match (v.get("url"), v.get("base64")) {
        (Some(u), None) => c.string(u, path.key("url")).map(|s| ("url", s)),
        (None, Some(b)) => c.string(b, path.key("base64")).map(|s| ("base64", s)),
        _ => {
            c.issue(
                "custom",
                path.clone(),
                "expected exactly one of url / base64",
            );
            None
        }
    };
    let content_type = v
        .get("contentType")
        .and_then(|t| c.string(t, path.key("contentType")));
    let (key, value) = source?;
    Some(Json::object([
        (key, Some(Json::Str(value))),
        ("content_type", content_type.map(Json::Str)),
    ]))
}

/// `{ status, data?, headers?, binary_data? }` → `{ status, data, headers, binaryData? }`.
pub fn proxy_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a proxy result object")?;
    let status = at.num("status")?;
    let binary = match at.opt("binary_data") {
        None => None,
        Some(_) => {
            let mut buf = String::new();
            let b_at = at.obj("binary_data", &mut buf)?;
            Some(Json::object([
                ("contentType", Some(Json::str(b_at.str("content_type")?))),
                ("size", Some(Json::Num(b_at.num("size")?))),
                ("url", Some(Json::str(b_at.str("url")?))),
                ("expiresAt", b_at.opt_str("expires_at")?.map(Json::str)),
            ]))
        }
    };
    Ok(Json::object([
        ("status", Some(Json::Num(status))),
        ("data", body.get("data").cloned()),
        ("headers", body.get("headers").cloned()),
        ("binaryData", binary),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    fn num(n: f64) -> String {
        format!("{n}")
    }

    #[test]
    fn execute_body_defaults_arguments_and_drops_empty_account() {
        let u = Json::Foreign("undefined");
        assert_eq!(
            execute_body(&j!("GMAIL_SEND"), &u, &u).unwrap(),
            j!({"tool_slug": "GMAIL_SEND", "arguments": {}})
        );
        assert_eq!(
            execute_body(&j!("X"), &j!({"a": 1}), &j!({"account": "ca_1"})).unwrap(),
            j!({"tool_slug": "X", "arguments": {"a": 1}, "account": "ca_1"})
        );
        assert_eq!(
            execute_body(&j!("X"), &j!({}), &j!({"account": ""})).unwrap(),
            j!({"tool_slug": "X", "arguments": {}})
        );
        assert_eq!(
            execute_body(&j!(""), &j!([]), &u).unwrap_err().message(),
            "toolSlug: expected a non-empty string, got a string (and 1 more issue)"
        );
    }

    #[test]
    fn execute_result_is_strict() {
        assert_eq!(
            execute_result(&j!({"data": {"ok": 1}, "error": null, "log_id": "l"})).unwrap(),
            j!({"data": {"ok": 1}, "error": null, "logId": "l"})
        );
        assert_eq!(
            execute_result(&j!({"data": {}, "error": "Tool failed", "log_id": "l"})).unwrap(),
            j!({"data": {}, "error": "Tool failed", "logId": "l"})
        );
        assert_eq!(
            execute_result(&j!({"data": null, "error": null, "log_id": "l"}))
                .unwrap_err()
                .0,
            "`data` should be an object, got null"
        );
        assert_eq!(
            execute_result(&j!({"data": {}, "log_id": "l"}))
                .unwrap_err()
                .0,
            "missing `error`"
        );
    }

    #[test]
    fn proxy_body_matches_the_observed_request() {
        let body = proxy_body(
            &j!({"toolkit": "gmail", "endpoint": "/users/me", "method": "GET",
                 "parameters": [{"in": "query", "name": "a", "value": 1},
                                {"in": "header", "name": "X-A", "value": "v"}]}),
            &num,
        )
        .unwrap();
        assert_eq!(
            body,
            j!({"toolkit_slug":"gmail","endpoint":"/users/me","method":"GET",
                "parameters":[{"name":"a","type":"query","value":"1"},{"name":"X-A","type":"header","value":"v"}]})
        );
    }

    #[test]
    fn proxy_body_extensions_and_errors() {
        let body = proxy_body(
            &j!({"toolkit": "gmail", "endpoint": "/x", "method": "HEAD", "body": null, "parameters": [],
                 "binaryBody": {"url": "https://f", "contentType": "image/png"}}),
            &num,
        )
        .unwrap();
        assert_eq!(
            body,
            j!({"toolkit_slug":"gmail","endpoint":"/x","method":"HEAD","body":null,
                "binary_body":{"url":"https://f","content_type":"image/png"}})
        );
        let err = proxy_body(
            &j!({"toolkit": "gmail", "endpoint": "/x", "method": "get"}),
            &num,
        )
        .unwrap_err();
        assert_eq!(
            err.message(),
            "method: expected one of 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD', got 'get'"
        );
    }

    #[test]
    fn proxy_and_delete_results() {
        assert_eq!(
            proxy_result(&j!({"status": 200, "data": {"a": 1}, "headers": {"h": "v"},
                "binary_data": {"content_type": "image/png", "size": 3, "url": "u"}}))
            .unwrap(),
            j!({"status": 200, "data": {"a": 1}, "headers": {"h": "v"},
                "binaryData": {"contentType": "image/png", "size": 3, "url": "u"}})
        );
        assert_eq!(
            delete_result(&j!({"session_id": "trs_1", "deleted": true})).unwrap(),
            j!({"sessionId": "trs_1", "deleted": true})
        );
        assert_eq!(
            delete_result(&j!({"session_id": "trs_1"})).unwrap_err().0,
            "missing `deleted`"
        );
    }

    #[test]
    fn execute_result_reads_raw_data_like_parsed_data() {
        let body = |data: &str| {
            Json::Obj(vec![
                ("data".into(), Json::Raw(data.into())),
                ("error".into(), Json::Null),
                ("log_id".into(), Json::str("log_1")),
            ])
        };
        let ok = execute_result(&body(r#"{"a": 1}"#)).unwrap();
        assert_eq!(ok.get("data"), Some(&Json::Raw(r#"{"a": 1}"#.into())));
        assert_eq!(
            execute_result(&body("[1]")).unwrap_err().0,
            "`data` should be an object, got an array"
        );
        assert_eq!(
            execute_result(&body("null")).unwrap_err().0,
            "`data` should be an object, got null"
        );
    }
}
