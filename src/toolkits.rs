//! `session.toolkits(options)`: the query and the `ToolkitConnectionState` mapping (spec B5.6).

use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::shape::{map_items, At, Shaped};
use crate::validate::{Checker, Invalid, Path};

/// A positive integer page size, for query strings.
pub fn limit(c: &mut Checker, v: &Json, path: Path) -> Option<i64> {
    c.integer(v, path, (1.0, 1e9), "a positive integer")
        .map(|n| n as i64)
}

/// `{ toolkits?, cursor?, limit?, isConnected?, search? }` → the query string.
pub fn toolkits_query(options: &Json) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let Some(options) = c.options(
        options,
        Path::root("options"),
        "{ toolkits?, cursor?, limit?, isConnected?, search? }",
    ) else {
        return c.finish(String::new());
    };
    let get = |k: &str| options.get(k).filter(|v| !matches!(v, Json::Null));
    let cursor = get("cursor").and_then(|v| c.string(v, Path::root("cursor")));
    let limit = get("limit").and_then(|v| limit(&mut c, v, Path::root("limit")));
    let toolkits = get("toolkits").and_then(|v| c.string_array(v, Path::root("toolkits")));
    let connected = get("isConnected").and_then(|v| c.boolean(v, Path::root("isConnected")));
    let search = get("search").and_then(|v| c.string(v, Path::root("search")));
    let query = query_string(&[
        ("cursor", cursor.map(QueryValue::Str)),
        ("limit", limit.map(QueryValue::Int)),
        ("toolkits", toolkits.map(QueryValue::List)),
        ("is_connected", connected.map(QueryValue::Bool)),
        ("search", search.map(QueryValue::Str)),
    ]);
    c.finish(query)
}

fn toolkit_state(at: &At) -> Shaped<Json> {
    let slug = at.str("slug")?;
    let name = at.str("name")?;
    let no_auth = at
        .opt("is_no_auth")
        .and_then(Json::as_bool)
        .unwrap_or(false);
    let logo = at
        .opt("meta")
        .and_then(|m| m.get("logo"))
        .and_then(Json::as_str);
    let connection = if no_auth {
        None
    } else {
        let account = at.opt("connected_account");
        let status = account.and_then(|a| a.get("status")).cloned();
        let active = status.as_ref().and_then(Json::as_str) == Some("ACTIVE");
        let auth_config = match account {
            None => Json::Null,
            Some(a) => {
                let ac = a.get("auth_config");
                let field = |k: &str| ac.and_then(|c| c.get(k)).cloned();
                Json::object([
                    ("id", field("id")),
                    ("mode", field("auth_scheme")),
                    ("isComposioManaged", field("is_composio_managed")),
                ])
            }
        };
        let connected_account = account
            .map(|a| Json::object([("id", a.get("id").cloned()), ("status", status.clone())]));
        Some(Json::object([
            ("isActive", Some(Json::Bool(active))),
            ("authConfig", Some(auth_config)),
            ("connectedAccount", connected_account),
        ]))
    };
    Ok(Json::object([
        ("slug", Some(Json::str(slug))),
        ("name", Some(Json::str(name))),
        ("logo", logo.map(Json::str)),
        ("isNoAuth", Some(Json::Bool(no_auth))),
        ("connection", connection),
    ]))
}

/// The page envelope → `{ items, cursor?, totalPages }`.
pub fn toolkits_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a toolkits page object")?;
    let items = map_items(&at, "items", true, toolkit_state)?;
    let cursor = at
        .opt_str("next_cursor")?
        .filter(|c| !c.is_empty())
        .map(Json::str);
    Ok(Json::object([
        ("items", items),
        ("cursor", cursor),
        ("totalPages", Some(Json::Num(at.num("total_pages")?))),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn query_in_official_order() {
        assert_eq!(
            toolkits_query(
                &j!({"search": "mail x", "isConnected": true, "toolkits": ["gmail", "github"],
                                "limit": 10, "cursor": "abc"})
            )
            .unwrap(),
            "cursor=abc&limit=10&toolkits=gmail%2Cgithub&is_connected=true&search=mail%20x"
        );
        assert_eq!(toolkits_query(&Json::Foreign("undefined")).unwrap(), "");
        assert_eq!(
            toolkits_query(&j!({"limit": "10"})).unwrap_err().message(),
            "limit: expected a positive integer, got a string"
        );
    }

    #[test]
    fn items_map_to_connection_states() {
        let page = j!({
            "items": [
                {"slug": "gmail", "name": "Gmail", "enabled": true, "is_no_auth": false,
                 "composio_managed_auth_schemes": ["OAUTH2"], "meta": {"description": "d", "logo": "l.png"},
                 "connected_account": {"id": "ca_1", "status": "ACTIVE", "created_at": "t", "user_id": "u",
                    "auth_config": {"id": "ac_1", "auth_scheme": "OAUTH2", "is_composio_managed": true}}},
                {"slug": "slack", "name": "Slack", "is_no_auth": false, "meta": {"logo": "s.png"},
                 "connected_account": null},
                {"slug": "hackernews", "name": "HN", "is_no_auth": true, "meta": {"logo": "h.png"}}
            ],
            "current_page": 1, "total_items": 3, "total_pages": 2, "next_cursor": "c2"
        });
        assert_eq!(
            toolkits_result(&page).unwrap(),
            j!({
                "items": [
                    {"slug": "gmail", "name": "Gmail", "logo": "l.png", "isNoAuth": false,
                     "connection": {"isActive": true,
                        "authConfig": {"id": "ac_1", "mode": "OAUTH2", "isComposioManaged": true},
                        "connectedAccount": {"id": "ca_1", "status": "ACTIVE"}}},
                    {"slug": "slack", "name": "Slack", "logo": "s.png", "isNoAuth": false,
                     "connection": {"isActive": false, "authConfig": null}},
                    {"slug": "hackernews", "name": "HN", "logo": "h.png", "isNoAuth": true}
                ],
                "cursor": "c2",
                "totalPages": 2
            })
        );
    }
}
