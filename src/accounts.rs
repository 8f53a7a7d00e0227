//! `composio.connectedAccounts.list()` / `delete()` / `refresh()` / `updateStatus()`: the
//! requests as @composio/core 0.19.0 sends them, and its results (the list mapped to camelCase
//! by `transformConnectedAccountListResponse`; the others passed through as received, after a
//! check of the members their `@composio/client` types promise).

use crate::connection::{account_at, account_status, STATUSES};
use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::shape::{map_items, pick, At, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

const LIST_KEYS: &[&str] = &[
    "authConfigIds",
    "cursor",
    "limit",
    "orderBy",
    "statuses",
    "toolkitSlugs",
    "userIds",
    "accountType",
];

/// `list({ authConfigIds?, cursor?, limit?, orderBy?, statuses?, toolkitSlugs?, userIds?,
/// accountType? })` → the query, in the official order (`auth_config_ids`, `cursor`, `limit`,
/// `order_by`, `statuses`, `toolkit_slugs`, `user_ids`, `account_type`); lists comma-joined,
/// empty lists and `null`s left out.
pub fn list_query(query: &Json) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let expected = "{ authConfigIds?, cursor?, limit?, orderBy?, statuses?, toolkitSlugs?, userIds?, accountType? }";
    let Some(query) = c.options(query, Path::root("query"), expected) else {
        return c.finish(String::new());
    };
    if let Some(pairs) = query.as_object() {
        c.only_keys(pairs, &Path::root("query"), LIST_KEYS);
    }
    let get = |k: &str| query.get(k).filter(|v| !matches!(v, Json::Null));
    let list = |c: &mut Checker, k: &str| get(k).and_then(|v| c.string_array(v, Path::root(k)));
    let auth_config_ids = list(&mut c, "authConfigIds");
    let toolkit_slugs = list(&mut c, "toolkitSlugs");
    let user_ids = list(&mut c, "userIds");
    let cursor = get("cursor").and_then(|v| c.string(v, Path::root("cursor")));
    let limit = get("limit").and_then(|v| crate::toolkits::limit(&mut c, v, Path::root("limit")));
    // `orderBy` and `accountType` are not nullable in the official schema: null is refused.
    let order_by = query
        .get("orderBy")
        .and_then(|v| c.one_of(v, Path::root("orderBy"), &["created_at", "updated_at"]));
    let statuses = get("statuses").and_then(|v| match v {
        Json::Arr(items) => {
            let before = c.issues.len();
            let out: Vec<String> = items
                .iter()
                .enumerate()
                .filter_map(|(i, s)| c.one_of(s, Path::root("statuses").index(i), &STATUSES))
                .collect();
            (c.issues.len() == before).then_some(out)
        }
        other => {
            c.wrong_type(Path::root("statuses"), "an array of statuses", other);
            None
        }
    });
    let account_type = query
        .get("accountType")
        .and_then(|v| c.one_of(v, Path::root("accountType"), &["PRIVATE", "SHARED", "ALL"]));
    let q = query_string(&[
        ("auth_config_ids", auth_config_ids.map(QueryValue::List)),
        ("cursor", cursor.map(QueryValue::Str)),
        ("limit", limit.map(QueryValue::Int)),
        ("order_by", order_by.map(QueryValue::Str)),
        ("statuses", statuses.map(QueryValue::List)),
        ("toolkit_slugs", toolkit_slugs.map(QueryValue::List)),
        ("user_ids", user_ids.map(QueryValue::List)),
        ("account_type", account_type.map(QueryValue::Str)),
    ]);
    c.finish(q)
}

/// The list page → `{ items, nextCursor, totalPages }`: each item as `get(id)` maps it, an
/// absent `next_cursor` null, `total_pages` required.
pub fn list_result(body: &Json) -> Shaped<Json> {
    page_result(body, "a connected account list object", account_at)
}

/// A list page → `{ items, nextCursor, totalPages }` with each item mapped by `item`: an absent
/// `next_cursor` reads as null, `total_pages` is required, the other members are dropped.
pub fn page_result(body: &Json, what: &str, item: fn(&At) -> Shaped<Json>) -> Shaped<Json> {
    let at = At::root(body, what)?;
    let items = map_items(&at, "items", true, item)?;
    let mut out = pick(&at, PAGE_TAIL)?;
    if let Json::Obj(pairs) = &mut out {
        pairs.insert(
            0,
            ("items".to_string(), items.unwrap_or(Json::Arr(Vec::new()))),
        );
    }
    Ok(out)
}

const PAGE_TAIL: &[Field] = &[
    Field("next_cursor", "nextCursor", false, Kind::StrOrNullDefault),
    Field("total_pages", "totalPages", true, Kind::Num),
];

/// `refresh(id, { redirectUrl?, validateCredentials? })` → the query (`redirect_url`) and the
/// body (`{ validate_credentials? }`, `{}` without options).
pub fn refresh_parts(options: &Json) -> Result<(String, Json), Invalid> {
    let mut c = Checker::default();
    let expected = "{ redirectUrl?, validateCredentials? }";
    let Some(options) = c.options(options, Path::root("options"), expected) else {
        return c.finish((String::new(), Json::obj()));
    };
    if let Some(pairs) = options.as_object() {
        c.only_keys(
            pairs,
            &Path::root("options"),
            &["redirectUrl", "validateCredentials"],
        );
    }
    let redirect = options
        .get("redirectUrl")
        .and_then(|v| c.string(v, Path::root("options").key("redirectUrl")));
    let validate = options
        .get("validateCredentials")
        .and_then(|v| c.boolean(v, Path::root("options").key("validateCredentials")));
    let query = query_string(&[("redirect_url", redirect.map(QueryValue::Str))]);
    let body = Json::object([("validate_credentials", validate.map(Json::Bool))]);
    c.finish((query, body))
}

/// `updateStatus(id, { enabled })` → the body `{ enabled }`.
pub fn status_body(params: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let path = Path::root("params");
    let Some(pairs) = c.object(params, path.clone(), "{ enabled: boolean }") else {
        return c.finish(Json::Null);
    };
    c.only_keys(pairs, &path, &["enabled"]);
    let enabled = c.boolean(
        params.get("enabled").unwrap_or(&Json::Null),
        path.key("enabled"),
    );
    c.finish(Json::object([("enabled", enabled.map(Json::Bool))]))
}

/// An answer the official SDK returns as received: checked against `fields`, then passed
/// through unchanged (members and order as sent).
pub fn passed(body: &Json, what: &str, fields: &[Field]) -> Shaped<Json> {
    pick(&At::root(body, what)?, fields)?;
    Ok(body.clone())
}

/// `delete` and `updateStatus`: `{ success, … }`.
pub const SUCCESS: &[Field] = &[Field("success", "success", true, Kind::Bool)];

/// `refresh`: `{ id, redirect_url, status }`, the status one of the account statuses.
pub fn refresh_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a connected account refresh object")?;
    pick(
        &at,
        &[
            Field("id", "id", true, Kind::Str),
            Field("redirect_url", "redirect_url", false, Kind::StrOrNull),
        ],
    )?;
    account_status(&at)?;
    Ok(body.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn list_query_is_the_official_one() {
        let q = list_query(
            &j!({"accountType": "ALL", "userIds": ["u 1", "u2"], "limit": 5,
            "statuses": ["ACTIVE"], "authConfigIds": [], "cursor": null, "toolkitSlugs": ["gmail"],
            "orderBy": "created_at"}),
        )
        .unwrap();
        assert_eq!(
            q,
            "limit=5&order_by=created_at&statuses=ACTIVE&toolkit_slugs=gmail&user_ids=u%201%2Cu2&account_type=ALL"
        );
        assert_eq!(list_query(&Json::Null).unwrap(), "");
        let err = |v: Json| list_query(&v).unwrap_err().message();
        assert_eq!(
            err(j!({"statuses": ["DONE"]})),
            "statuses[0]: expected one of 'INITIALIZING' | 'INITIATED' | 'ACTIVE' | 'FAILED' | 'EXPIRED' | 'INACTIVE' | 'REVOKED', got 'DONE'"
        );
        assert!(err(j!({"limit": 2.5})).starts_with("limit:"));
        assert!(err(j!({"orderBy": null})).starts_with("orderBy:"));
        assert!(err(j!({"userId": "u"})).contains("'userId'"));
        assert!(err(j!("x")).starts_with("query:"));
    }

    #[test]
    fn list_result_maps_each_account() {
        let out = list_result(&j!({"items": [], "total_pages": 1, "current_page": 1})).unwrap();
        assert_eq!(out, j!({"items": [], "nextCursor": null, "totalPages": 1}));
        assert_eq!(
            list_result(&j!({"items": [{"id": "ca_1"}], "total_pages": 1}))
                .unwrap_err()
                .0,
            "missing `items[0].auth_config`"
        );
        assert_eq!(
            list_result(&j!({"items": []})).unwrap_err().0,
            "missing `total_pages`"
        );
    }

    #[test]
    fn refresh_and_status_requests() {
        let (q, body) =
            refresh_parts(&j!({"redirectUrl": "https://r", "validateCredentials": true})).unwrap();
        assert_eq!(q, "redirect_url=https%3A%2F%2Fr");
        assert_eq!(body, j!({"validate_credentials": true}));
        assert_eq!(refresh_parts(&Json::Null).unwrap(), (String::new(), j!({})));
        assert_eq!(
            refresh_parts(&j!({"validateCredentials": 1}))
                .unwrap_err()
                .message(),
            "options.validateCredentials: expected a boolean, got a number"
        );
        assert_eq!(
            status_body(&j!({"enabled": false})).unwrap(),
            j!({"enabled": false})
        );
        assert!(status_body(&Json::Null)
            .unwrap_err()
            .message()
            .starts_with("params:"));
        assert!(status_body(&j!({}))
            .unwrap_err()
            .message()
            .starts_with("params.enabled:"));
    }

    #[test]
    fn pass_through_answers_are_checked() {
        let body = j!({"success": true, "revoke_job_id": "j"});
        assert_eq!(
            passed(&body, "a delete result object", SUCCESS).unwrap(),
            body
        );
        assert_eq!(
            passed(&j!({"ok": 1}), "x", SUCCESS).unwrap_err().0,
            "missing `success`"
        );
        let r = j!({"id": "ca_1", "redirect_url": null, "status": "ACTIVE"});
        assert_eq!(refresh_result(&r).unwrap(), r);
        assert!(
            refresh_result(&j!({"id": "ca_1", "redirect_url": null, "status": "DONE"}))
                .unwrap_err()
                .0
                .contains("got 'DONE'")
        );
    }
}
