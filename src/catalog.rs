//! `composio.toolkits.get()` / `get(slug)` / `listCategories()`: the toolkit catalogue (`GET
//! /api/v3.1/toolkits`, `/api/v3.1/toolkits/{slug}`, `/api/v3.1/toolkits/categories`), mapped to
//! camelCase as the official SDK maps it.

use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::shape::{map_items, member, pick, wrong, At, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

/// `get({ category?, managedBy?, sortBy?, cursor?, limit? })` → the list query.
pub fn list_query(query: &Json) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let Some(query) = c.options(
        query,
        Path::root("query"),
        "{ category?, managedBy?, sortBy?, cursor?, limit? }",
    ) else {
        return c.finish(String::new());
    };
    let mut s = |k: &str| query.get(k).and_then(|v| c.string(v, Path::root(k)));
    let category = s("category");
    let managed_by = s("managedBy");
    let sort_by = s("sortBy");
    let cursor = s("cursor");
    let limit = query
        .get("limit")
        .and_then(|v| crate::toolkits::limit(&mut c, v, Path::root("limit")));
    let q = query_string(&[
        ("category", category.map(QueryValue::Str)),
        ("managed_by", managed_by.map(QueryValue::Str)),
        ("sort_by", sort_by.map(QueryValue::Str)),
        ("cursor", cursor.map(QueryValue::Str)),
        ("limit", limit.map(QueryValue::Int)),
    ]);
    c.finish(q)
}

/// The toolkit `meta` block. Lists and single toolkits differ as in the official SDK: category
/// slugs come from `id` in lists and `slug` in single toolkits, and only lists carry `appUrl`.
fn meta(at: &At, single: bool) -> Shaped<Json> {
    let Some(m) = at.opt("meta") else {
        return Ok(Json::obj());
    };
    let path = crate::shape::join(at.path, "meta");
    let m = member(m, &path)?;
    let category = if single {
        CATEGORY_SINGLE
    } else {
        CATEGORY_LISTED
    };
    let categories = map_items(&m, "categories", false, |c| pick(c, category))?;
    let mut out = vec![];
    if let Some(c) = categories {
        out.push(("categories".to_string(), c));
    }
    let fields = if single { &META[1..] } else { META };
    if let Json::Obj(pairs) = pick(&m, fields)? {
        out.extend(pairs);
    }
    Ok(Json::Obj(out))
}

// The readers' field tables, in the official SDK's member order.
const META: &[Field] = &[
    Field("app_url", "appUrl", false, Kind::Str),
    Field("created_at", "createdAt", false, Kind::Str),
    Field("description", "description", false, Kind::Str),
    Field("logo", "logo", false, Kind::Str),
    Field("tools_count", "toolsCount", false, Kind::Num),
    Field("triggers_count", "triggersCount", false, Kind::Num),
    Field("updated_at", "updatedAt", false, Kind::Str),
    Field("available_versions", "availableVersions", false, Kind::Arr),
];
const CATEGORY_LISTED: &[Field] = &[
    Field("id", "slug", false, Kind::StrOrNull),
    Field("name", "name", false, Kind::StrOrNull),
];
const CATEGORY_SINGLE: &[Field] = &[
    Field("slug", "slug", false, Kind::StrOrNull),
    Field("name", "name", false, Kind::StrOrNull),
];
const NAMES: &[Field] = &[
    Field("name", "name", true, Kind::Str),
    Field("slug", "slug", true, Kind::Str),
];
const LISTED_TAIL: &[Field] = &[
    Field("auth_schemes", "authSchemes", false, Kind::Arr),
    Field(
        "composio_managed_auth_schemes",
        "composioManagedAuthSchemes",
        false,
        Kind::Arr,
    ),
    Field("no_auth", "noAuth", false, Kind::Bool),
];
const SINGLE_TAIL: &[Field] = &[Field(
    "composio_managed_auth_schemes",
    "composioManagedAuthSchemes",
    false,
    Kind::Arr,
)];
const SINGLE_END: &[Field] = &[
    Field("base_url", "baseUrl", false, Kind::Str),
    Field(
        "get_current_user_endpoint",
        "getCurrentUserEndpoint",
        false,
        Kind::Str,
    ),
    Field(
        "get_current_user_endpoint_method",
        "getCurrentUserEndpointMethod",
        false,
        Kind::Str,
    ),
];
const AUTH_DETAILS: &[Field] = &[
    Field("name", "name", false, Kind::StrOrNull),
    Field("mode", "mode", false, Kind::StrOrNull),
    Field("auth_hint_url", "authHintUrl", false, Kind::StrOrNull),
];
// `ToolkitAuthFieldSchema`'s member order.
const AUTH_FIELD: &[Field] = &[
    Field("description", "description", false, Kind::StrOrNull),
    Field("displayName", "displayName", false, Kind::StrOrNull),
    Field("required", "required", false, Kind::BoolOrNull),
    Field("name", "name", false, Kind::StrOrNull),
    Field("type", "type", false, Kind::StrOrNull),
    Field("default", "default", false, Kind::AnyOrNull),
    Field("is_secret", "isSecret", false, Kind::BoolOrNull),
    Field(
        "legacy_template_name",
        "legacyTemplateName",
        false,
        Kind::StrOrNull,
    ),
];

fn pairs(v: Json) -> Vec<(String, Json)> {
    match v {
        Json::Obj(pairs) => pairs,
        _ => Vec::new(),
    }
}

/// `name`, `slug`, `meta`, `isLocalToolkit` (false when absent), then `tail`.
fn toolkit_head(at: &At, single: bool, tail: &[Field]) -> Shaped<Vec<(String, Json)>> {
    let mut out = pairs(pick(at, NAMES)?);
    out.push(("meta".to_string(), meta(at, single)?));
    let local = match at.opt("is_local_toolkit") {
        None => false,
        Some(Json::Bool(b)) => *b,
        Some(other) => return Err(wrong("is_local_toolkit", "a boolean", other)),
    };
    out.push(("isLocalToolkit".to_string(), Json::Bool(local)));
    out.extend(pairs(pick(at, tail)?));
    Ok(out)
}

fn list_item(at: &At) -> Shaped<Json> {
    Ok(Json::Obj(toolkit_head(at, false, LISTED_TAIL)?))
}

/// The list response → an array of toolkits.
pub fn list_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a toolkit list object")?;
    Ok(map_items(&at, "items", true, list_item)?.unwrap_or(Json::Arr(Vec::new())))
}

/// The list response as a page → `{ items, nextCursor, totalPages }`, the items as `list_result`
/// maps them.
pub fn list_page(body: &Json) -> Shaped<Json> {
    crate::accounts::page_result(body, "a toolkit list object", list_item)
}

/// `{ required, optional }` lists of auth fields (absent lists read as empty).
fn field_group(fields: Option<&At>, key: &str) -> Shaped<Json> {
    let path = fields.map(|f| crate::shape::join(f.path, key));
    let group = match (fields.and_then(|f| f.opt(key)), &path) {
        (Some(g), Some(path)) => Some(member(g, path)?),
        _ => None,
    };
    let list = |k: &str| -> Shaped<Json> {
        Ok(match &group {
            Some(g) => map_items(g, k, false, |f| pick(f, AUTH_FIELD))?,
            None => None,
        }
        .unwrap_or(Json::Arr(Vec::new())))
    };
    Ok(Json::object([
        ("required", Some(list("required")?)),
        ("optional", Some(list("optional")?)),
    ]))
}

fn auth_details(d: &At) -> Shaped<Json> {
    let mut out = pairs(pick(d, AUTH_DETAILS)?);
    let path = crate::shape::join(d.path, "fields");
    let fields = match d.opt("fields") {
        Some(f) => Some(member(f, &path)?),
        None => None,
    };
    let creation = field_group(fields.as_ref(), "auth_config_creation")?;
    let initiation = field_group(fields.as_ref(), "connected_account_initiation")?;
    out.push((
        "fields".to_string(),
        Json::object([
            ("authConfigCreation", Some(creation)),
            ("connectedAccountInitiation", Some(initiation)),
        ]),
    ));
    let base_url = match d.opt("proxy") {
        Some(p) => member(p, &crate::shape::join(d.path, "proxy"))?
            .opt("base_url")
            .cloned(),
        None => None,
    };
    out.push(("proxy".to_string(), Json::object([("baseUrl", base_url)])));
    Ok(Json::Obj(out))
}

/// A single toolkit response → the camelCase toolkit.
pub fn toolkit_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a toolkit object")?;
    let mut out = toolkit_head(&at, true, SINGLE_TAIL)?;
    if let Some(details) = map_items(&at, "auth_config_details", false, auth_details)? {
        out.push(("authConfigDetails".to_string(), details));
    }
    out.extend(pairs(pick(&at, SINGLE_END)?));
    Ok(Json::Obj(out))
}

/// `listCategories()`: the category page → `{ items: [{ id, name }], nextCursor, totalPages }`, as
/// `transformToolkitRetrieveCategoriesResponse` + `ToolkitRetrieveCategoriesResponseSchema`
/// produce it: `current_page`, `total_items` and unknown members are dropped, an absent
/// `next_cursor` is null. Every member the schema requires must be there.
pub fn categories_result(body: &Json) -> Shaped<Json> {
    crate::accounts::page_result(body, "a toolkit category list object", |c| {
        pick(
            c,
            &[
                Field("id", "id", true, Kind::Str),
                Field("name", "name", true, Kind::Str),
            ],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn list_maps_items() {
        let body = j!({"items": [{"name": "Gmail", "slug": "gmail", "is_local_toolkit": false,
            "auth_schemes": ["OAUTH2"], "composio_managed_auth_schemes": ["OAUTH2"], "no_auth": false,
            "meta": {"categories": [{"id": "email", "name": "Email"}], "created_at": "c", "updated_at": "u",
                     "description": "d", "logo": "l", "tools_count": 3, "triggers_count": 0, "app_url": null}}],
            "total_pages": 1});
        assert_eq!(
            list_result(&body).unwrap(),
            j!([{"name": "Gmail", "slug": "gmail",
                 "meta": {"categories": [{"slug": "email", "name": "Email"}], "createdAt": "c",
                          "description": "d", "logo": "l", "toolsCount": 3, "triggersCount": 0, "updatedAt": "u"},
                 "isLocalToolkit": false, "authSchemes": ["OAUTH2"], "composioManagedAuthSchemes": ["OAUTH2"],
                 "noAuth": false}])
        );
        assert_eq!(
            list_query(&j!({"limit": 5, "category": "email"})).unwrap(),
            "category=email&limit=5"
        );
    }

    #[test]
    fn list_page_keeps_the_cursor() {
        let item = j!({"name": "Gmail", "slug": "gmail", "meta": {"categories": []}});
        let body = j!({"items": [item], "current_page": 1, "total_items": 3, "total_pages": 3,
            "next_cursor": "c2"});
        let items = list_result(&body).unwrap();
        assert_eq!(
            list_page(&body).unwrap(),
            j!({"items": items, "nextCursor": "c2", "totalPages": 3})
        );
        // The last page: an absent cursor reads as null.
        assert_eq!(
            list_page(&j!({"items": [], "total_pages": 1})).unwrap(),
            j!({"items": [], "nextCursor": null, "totalPages": 1})
        );
        assert!(
            list_page(&j!({"items": []})).is_err(),
            "total_pages is required"
        );
    }

    #[test]
    fn single_toolkit_maps_auth_details() {
        let body = j!({"name": "Gmail", "slug": "gmail", "is_local_toolkit": false,
            "meta": {"categories": [{"slug": "email", "name": "Email"}], "available_versions": ["v1"]},
            "auth_config_details": [{"name": "Gmail OAuth", "mode": "OAUTH2",
                "fields": {"auth_config_creation": {"required": [{"name": "client_id", "displayName": "Client id",
                    "description": "d", "type": "string", "required": true, "is_secret": false}]}},
                "proxy": {"base_url": "https://gmail.googleapis.com"}}],
            "base_url": "https://gmail.googleapis.com"});
        assert_eq!(
            toolkit_result(&body).unwrap(),
            j!({"name": "Gmail", "slug": "gmail",
                "meta": {"categories": [{"slug": "email", "name": "Email"}], "availableVersions": ["v1"]},
                "isLocalToolkit": false,
                "authConfigDetails": [{"name": "Gmail OAuth", "mode": "OAUTH2",
                    // `ToolkitAuthFieldSchema`'s order, whatever the wire's.
                    "fields": {"authConfigCreation": {"required": [{"description": "d", "displayName": "Client id",
                        "required": true, "name": "client_id", "type": "string", "isSecret": false}], "optional": []},
                               "connectedAccountInitiation": {"required": [], "optional": []}},
                    "proxy": {"baseUrl": "https://gmail.googleapis.com"}}],
                "baseUrl": "https://gmail.googleapis.com"})
        );
    }

    #[test]
    fn toolkits_are_read_strictly() {
        let list =
            j!({"items": [{"name": "Gmail", "slug": "gmail", "meta": {"tools_count": "many"}}]});
        assert_eq!(
            list_result(&list).unwrap_err().0,
            "`items[0].meta.tools_count` should be a number, got a string"
        );
        let single = j!({"name": "Gmail", "slug": "gmail", "meta": [],
                          "auth_config_details": []});
        assert!(toolkit_result(&single)
            .unwrap_err()
            .0
            .contains("`meta` should be an object"));
        let details = j!({"name": "Gmail", "slug": "gmail",
            "auth_config_details": [{"mode": "OAUTH2", "fields": {"auth_config_creation": {"required": [{"name": 5}]}}}]});
        assert_eq!(
            toolkit_result(&details).unwrap_err().0,
            "`auth_config_details[0].fields.auth_config_creation.required[0].name` should be a string or null, got a number"
        );
        let local = j!({"name": "Gmail", "slug": "gmail", "is_local_toolkit": "yes"});
        assert!(toolkit_result(&local)
            .unwrap_err()
            .0
            .contains("is_local_toolkit"));
    }

    #[test]
    fn categories_map_the_page() {
        let body = j!({"items": [{"id": "productivity", "name": "Productivity", "extra": 1},
                                 {"id": "news-media", "name": "News & Media"}],
                       "current_page": 1, "total_items": 2, "total_pages": 1, "next_cursor": null});
        let out = categories_result(&body).unwrap();
        assert_eq!(
            out,
            j!({"items": [{"id": "productivity", "name": "Productivity"}, {"id": "news-media", "name": "News & Media"}],
                "nextCursor": null, "totalPages": 1})
        );
        // Key order is the official SDK's: items, nextCursor, totalPages.
        let Json::Obj(pairs) = &out else { panic!() };
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["items", "nextCursor", "totalPages"]);
        assert_eq!(
            categories_result(&j!({"items": [], "total_pages": 3, "next_cursor": "c2"})).unwrap(),
            j!({"items": [], "nextCursor": "c2", "totalPages": 3})
        );
    }

    #[test]
    fn categories_are_strict() {
        let err = |body: Json| categories_result(&body).unwrap_err().0;
        assert_eq!(err(j!({"total_pages": 1})), "missing `items`");
        assert_eq!(err(j!({"items": []})), "missing `total_pages`");
        assert_eq!(
            err(j!({"items": [{"id": "a"}], "total_pages": 1})),
            "missing `items[0].name`"
        );
        assert_eq!(
            err(j!({"items": [{"id": 7, "name": "n"}], "total_pages": 1})),
            "`items[0].id` should be a string, got a number"
        );
        assert_eq!(
            err(j!({"items": [], "total_pages": 1, "next_cursor": 5})),
            "`next_cursor` should be a string or null, got a number"
        );
        assert_eq!(
            err(j!([])),
            "expected a toolkit category list object, got an array"
        );
    }
}
