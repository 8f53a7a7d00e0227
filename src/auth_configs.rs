//! `composio.authConfigs.list()` / `get()` / `delete()` / `updateStatus()`: the requests as
//! @composio/core 0.19.0 sends them, and its results (auth configs mapped to camelCase as
//! `transformAuthConfigRetrieveResponse` + `AuthConfigRetrieveResponseSchema` produce them; delete
//! and status answers passed through as received).

use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::shape::{member, pick, At, BadShape, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

const LIST_KEYS: &[&str] = &[
    "cursor",
    "isComposioManaged",
    "limit",
    "search",
    "showDisabled",
    "toolkit",
];

/// `list({ cursor?, isComposioManaged?, limit?, search?, showDisabled?, toolkit? })` → the
/// query, in the official order (`cursor`, `is_composio_managed`, `limit`, `search`,
/// `show_disabled`, `toolkit_slug`). None of these is nullable in the official schema.
pub fn list_query(query: &Json) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let expected = "{ cursor?, isComposioManaged?, limit?, search?, showDisabled?, toolkit? }";
    let Some(query) = c.options(query, Path::root("query"), expected) else {
        return c.finish(String::new());
    };
    if let Some(pairs) = query.as_object() {
        c.only_keys(pairs, &Path::root("query"), LIST_KEYS);
    }
    let mut s = |k: &str| query.get(k).and_then(|v| c.string(v, Path::root(k)));
    let cursor = s("cursor");
    let search = s("search");
    let toolkit = s("toolkit");
    let mut b = |k: &str| query.get(k).and_then(|v| c.boolean(v, Path::root(k)));
    let managed = b("isComposioManaged");
    let show_disabled = b("showDisabled");
    let limit = query
        .get("limit")
        .and_then(|v| crate::toolkits::limit(&mut c, v, Path::root("limit")));
    let q = query_string(&[
        ("cursor", cursor.map(QueryValue::Str)),
        ("is_composio_managed", managed.map(QueryValue::Bool)),
        ("limit", limit.map(QueryValue::Int)),
        ("search", search.map(QueryValue::Str)),
        ("show_disabled", show_disabled.map(QueryValue::Bool)),
        ("toolkit_slug", toolkit.map(QueryValue::Str)),
    ]);
    c.finish(q)
}

/// `updateStatus(status, id)`: the status, a path parameter.
pub fn status(v: &Json) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let s = c.one_of(v, Path::root("status"), &["ENABLED", "DISABLED"]);
    c.finish(s.unwrap_or_default())
}

// The schema's member order.
const HEAD: &[Field] = &[
    Field("id", "id", true, Kind::Str),
    Field("name", "name", true, Kind::Str),
];
const TOOLKIT: &[Field] = &[
    Field("logo", "logo", true, Kind::Str),
    Field("slug", "slug", true, Kind::Str),
];
const MIDDLE: &[Field] = &[
    Field("no_of_connections", "noOfConnections", true, Kind::Num),
    Field("status", "status", true, Kind::Str),
    Field("auth_scheme", "authScheme", false, Kind::Str),
    Field("credentials", "credentials", false, Kind::Obj),
    Field(
        "expected_input_fields",
        "expectedInputFields",
        false,
        Kind::Arr,
    ),
    Field(
        "is_enabled_for_tool_router",
        "isEnabledForToolRouter",
        false,
        Kind::Bool,
    ),
];
const TAIL: &[Field] = &[
    Field(
        "is_composio_managed",
        "isComposioManaged",
        false,
        Kind::Bool,
    ),
    Field("created_by", "createdBy", false, Kind::Str),
    Field("created_at", "createdAt", false, Kind::Str),
    Field("last_updated_at", "lastUpdatedAt", false, Kind::Str),
];
const ACCESS: &[Field] = &[
    Field(
        "tools_available_for_execution",
        "toolsAvailableForExecution",
        false,
        Kind::Arr,
    ),
    Field(
        "tools_for_connected_account_creation",
        "toolsForConnectedAccountCreation",
        false,
        Kind::Arr,
    ),
];

fn members(v: Json) -> Vec<(String, Json)> {
    match v {
        Json::Obj(pairs) => pairs,
        _ => Vec::new(),
    }
}

/// One auth config, as `get(id)` returns it. `restrictToFollowingTools` is
/// `tool_access_config.tools_for_connected_account_creation`, as the official transform reads it.
pub fn auth_config_at(at: &At) -> Shaped<Json> {
    let mut buf = String::new();
    let toolkit = pick(&at.obj("toolkit", &mut buf)?, TOOLKIT)?;
    let mut out = members(pick(at, HEAD)?);
    out.push(("toolkit".to_string(), toolkit));
    out.extend(members(pick(at, MIDDLE)?));
    match out.iter().find(|(k, _)| k == "status").map(|(_, v)| v) {
        Some(Json::Str(s)) if s == "ENABLED" || s == "DISABLED" => {}
        _ => {
            return Err(BadShape(format!(
                "`{}` should be ENABLED | DISABLED",
                crate::shape::join(at.path, "status")
            )))
        }
    }
    let path = crate::shape::join(at.path, "tool_access_config");
    let access = match at.opt("tool_access_config") {
        Some(a) => Some(pick(&member(a, &path)?, ACCESS)?),
        None => None,
    };
    if let Some(tools) = access
        .as_ref()
        .and_then(|a| a.get("toolsForConnectedAccountCreation"))
    {
        out.push(("restrictToFollowingTools".to_string(), tools.clone()));
    }
    out.extend(members(pick(at, TAIL)?));
    if let Some(a) = access {
        out.push(("toolAccessConfig".to_string(), a));
    }
    Ok(Json::Obj(out))
}

/// `get(id)`.
pub fn auth_config_result(body: &Json) -> Shaped<Json> {
    auth_config_at(&At::root(body, "an auth config object")?)
}

/// `list()`: `{ items, nextCursor, totalPages }`, an absent `next_cursor` null.
pub fn list_result(body: &Json) -> Shaped<Json> {
    crate::accounts::page_result(body, "an auth config list object", auth_config_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn list_query_is_the_official_one() {
        assert_eq!(
            list_query(&j!({"toolkit": "gmail", "showDisabled": true, "limit": 5, "search": "g m",
                "isComposioManaged": false, "cursor": "c"}))
            .unwrap(),
            "cursor=c&is_composio_managed=false&limit=5&search=g%20m&show_disabled=true&toolkit_slug=gmail"
        );
        assert_eq!(list_query(&Json::Null).unwrap(), "");
        let err = |v: Json| list_query(&v).unwrap_err().message();
        assert!(err(j!({"limit": "5"})).starts_with("limit:"));
        assert!(err(j!({"toolkit": null})).starts_with("toolkit:"));
        assert!(err(j!({"showDisabled": 1})).starts_with("showDisabled:"));
        assert!(err(j!({"toolkitSlug": "x"})).contains("'toolkitSlug'"));
        assert!(err(j!(5)).starts_with("query:"));
        assert!(status(&j!("enabled"))
            .unwrap_err()
            .message()
            .starts_with("status:"));
        assert_eq!(status(&j!("DISABLED")).unwrap(), "DISABLED");
    }

    #[test]
    fn auth_configs_map_in_the_schema_order() {
        let wire = j!({"id": "ac_1", "uuid": "u", "name": "Gmail", "type": "default", "status": "DISABLED",
            "no_of_connections": 2, "toolkit": {"slug": "gmail", "logo": "l", "auth_hint_url": null},
            "auth_scheme": "OAUTH2", "is_composio_managed": true, "credentials": {},
            "tool_access_config": {"tools_for_connected_account_creation": ["A"]},
            "restrict_to_following_tools": ["B"], "created_at": "c"});
        let out = auth_config_result(&wire).unwrap();
        assert_eq!(
            out,
            j!({"id": "ac_1", "name": "Gmail", "toolkit": {"logo": "l", "slug": "gmail"},
                "noOfConnections": 2, "status": "DISABLED", "authScheme": "OAUTH2", "credentials": {},
                "restrictToFollowingTools": ["A"], "isComposioManaged": true, "createdAt": "c",
                "toolAccessConfig": {"toolsForConnectedAccountCreation": ["A"]}})
        );
        let Json::Obj(pairs) = &out else { panic!() };
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "id",
                "name",
                "toolkit",
                "noOfConnections",
                "status",
                "authScheme",
                "credentials",
                "restrictToFollowingTools",
                "isComposioManaged",
                "createdAt",
                "toolAccessConfig"
            ]
        );
        let list = j!({"items": [{"id": "ac_1", "name": "n", "toolkit": {"slug": "s"},
            "no_of_connections": 0, "status": "ENABLED"}], "total_pages": 1});
        assert_eq!(
            list_result(&list).unwrap_err().0,
            "missing `items[0].toolkit.logo`"
        );
        assert_eq!(
            list_result(&j!({"items": [], "total_pages": 1})).unwrap(),
            j!({"items": [], "nextCursor": null, "totalPages": 1})
        );
        let bad = j!({"id": "ac_1", "name": "n", "toolkit": {"slug": "s", "logo": "l"},
            "no_of_connections": 0, "status": "ON"});
        assert!(auth_config_result(&bad).unwrap_err().0.contains("status"));
    }
}
