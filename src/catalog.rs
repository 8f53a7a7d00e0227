//! `composio.toolkits.get()` / `get(slug)` / `listCategories()`: the toolkit catalogue (`GET
//! /api/v3.1/toolkits`, `/api/v3.1/toolkits/{slug}`, `/api/v3.1/toolkits/categories`), mapped to
//! camelCase as the official SDK maps it.

use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::shape::{map_items, pick, At, Field, Kind, Shaped};
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
fn meta(at: &At, single: bool) -> Json {
    let category_key = if single { "slug" } else { "id" };
    let m = at.opt("meta");
    let get = |k: &str| {
        m.and_then(|m| m.get(k))
            .filter(|v| !matches!(v, Json::Null))
            .cloned()
    };
    let categories = get("categories").and_then(|c| {
        c.as_array().map(|items| {
            Json::Arr(
                items
                    .iter()
                    .map(|cat| {
                        Json::object([
                            ("slug", cat.get(category_key).cloned()),
                            ("name", cat.get("name").cloned()),
                        ])
                    })
                    .collect(),
            )
        })
    });
    Json::object([
        ("categories", categories),
        ("appUrl", get("app_url").filter(|_| !single)),
        ("createdAt", get("created_at")),
        ("description", get("description")),
        ("logo", get("logo")),
        ("toolsCount", get("tools_count")),
        ("triggersCount", get("triggers_count")),
        ("updatedAt", get("updated_at")),
        ("availableVersions", get("available_versions")),
    ])
}

fn list_item(at: &At) -> Shaped<Json> {
    Ok(Json::object([
        ("name", Some(Json::str(at.str("name")?))),
        ("slug", Some(Json::str(at.str("slug")?))),
        ("meta", Some(meta(at, false))),
        (
            "isLocalToolkit",
            Some(Json::Bool(
                at.opt("is_local_toolkit")
                    .and_then(Json::as_bool)
                    .unwrap_or(false),
            )),
        ),
        ("authSchemes", at.opt("auth_schemes").cloned()),
        (
            "composioManagedAuthSchemes",
            at.opt("composio_managed_auth_schemes").cloned(),
        ),
        ("noAuth", at.opt("no_auth").cloned()),
    ]))
}

/// The list response → an array of toolkits.
pub fn list_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a toolkit list object")?;
    Ok(map_items(&at, "items", true, list_item)?.unwrap_or(Json::Arr(Vec::new())))
}

fn auth_field(f: &Json) -> Json {
    let get = |k: &str| f.get(k).cloned();
    Json::object([
        ("name", get("name")),
        ("displayName", get("displayName")),
        ("description", get("description")),
        ("type", get("type")),
        ("required", get("required")),
        ("default", get("default")),
        ("isSecret", get("is_secret")),
        ("legacyTemplateName", get("legacy_template_name")),
    ])
}

fn field_group(g: Option<&Json>) -> Json {
    let list = |k: &str| {
        Json::Arr(
            g.and_then(|g| g.get(k))
                .and_then(Json::as_array)
                .unwrap_or(&[])
                .iter()
                .map(auth_field)
                .collect(),
        )
    };
    Json::object([
        ("required", Some(list("required"))),
        ("optional", Some(list("optional"))),
    ])
}

/// A single toolkit response → the camelCase toolkit.
pub fn toolkit_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a toolkit object")?;
    let details =
        at.opt("auth_config_details")
            .and_then(Json::as_array)
            .map(|items| {
                Json::Arr(
                    items
                        .iter()
                        .map(|d| {
                            let fields = d.get("fields");
                            Json::object([
                                ("name", d.get("name").cloned()),
                                ("mode", d.get("mode").cloned()),
                                ("authHintUrl", d.get("auth_hint_url").cloned()),
                                (
                                    "fields",
                                    Some(Json::object([
                                        (
                                            "authConfigCreation",
                                            Some(field_group(
                                                fields.and_then(|f| f.get("auth_config_creation")),
                                            )),
                                        ),
                                        (
                                            "connectedAccountInitiation",
                                            Some(field_group(fields.and_then(|f| {
                                                f.get("connected_account_initiation")
                                            }))),
                                        ),
                                    ])),
                                ),
                                (
                                    "proxy",
                                    Some(Json::object([(
                                        "baseUrl",
                                        d.get("proxy").and_then(|p| p.get("base_url")).cloned(),
                                    )])),
                                ),
                            ])
                        })
                        .collect(),
                )
            });
    Ok(Json::object([
        ("name", Some(Json::str(at.str("name")?))),
        ("slug", Some(Json::str(at.str("slug")?))),
        ("meta", Some(meta(&at, true))),
        (
            "isLocalToolkit",
            Some(Json::Bool(
                at.opt("is_local_toolkit")
                    .and_then(Json::as_bool)
                    .unwrap_or(false),
            )),
        ),
        (
            "composioManagedAuthSchemes",
            at.opt("composio_managed_auth_schemes").cloned(),
        ),
        ("authConfigDetails", details),
        ("baseUrl", at.opt("base_url").cloned()),
        (
            "getCurrentUserEndpoint",
            at.opt("get_current_user_endpoint").cloned(),
        ),
        (
            "getCurrentUserEndpointMethod",
            at.opt("get_current_user_endpoint_method").cloned(),
        ),
    ]))
}

/// `listCategories()`: the category page → `{ items: [{ id, name }], nextCursor, totalPages }`, as
/// `transformToolkitRetrieveCategoriesResponse` + `ToolkitRetrieveCategoriesResponseSchema`
/// produce it: `current_page`, `total_items` and unknown members are dropped, an absent
/// `next_cursor` is null. Every member the schema requires must be there.
pub fn categories_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a toolkit category list object")?;
    let items = map_items(&at, "items", true, |c| {
        pick(
            c,
            &[
                Field("id", "id", true, Kind::Str),
                Field("name", "name", true, Kind::Str),
            ],
        )
    })?;
    let next_cursor = at.opt_str("next_cursor")?.map(Json::str);
    Ok(Json::object([
        ("items", items),
        ("nextCursor", Some(next_cursor.unwrap_or(Json::Null))),
        ("totalPages", Some(Json::Num(at.num("total_pages")?))),
    ]))
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
                    "fields": {"authConfigCreation": {"required": [{"name": "client_id", "displayName": "Client id",
                        "description": "d", "type": "string", "required": true, "isSecret": false}], "optional": []},
                               "connectedAccountInitiation": {"required": [], "optional": []}},
                    "proxy": {"baseUrl": "https://gmail.googleapis.com"}}],
                "baseUrl": "https://gmail.googleapis.com"})
        );
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
            "`next_cursor` should be a string, got a number"
        );
        assert_eq!(
            err(j!([])),
            "expected a toolkit category list object, got an array"
        );
    }
}
