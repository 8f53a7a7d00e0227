//! The writing half of `composio.connectedAccounts` and `composio.authConfigs`: `initiate`,
//! `link`, `updateAcl`, `authConfigs.create` and `authConfigs.update`. Requests as
//! @composio/core 0.19.0 builds them (member order included), results as it maps them. Inputs are
//! checked strictly (the official SDK checks some with zod and sends the others unchecked).

use crate::connection::user_ids;
use crate::json::Json;
use crate::shape::{pick, At, BadShape, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

/// The auth scheme names of `AuthSchemeEnum`.
pub const AUTH_SCHEMES: [&str; 14] = [
    "OAUTH2",
    "OAUTH1",
    "API_KEY",
    "BASIC",
    "BILLCOM_AUTH",
    "BEARER_TOKEN",
    "GOOGLE_SERVICE_ACCOUNT",
    "NO_AUTH",
    "BASIC_WITH_JWT",
    "CALCOM_AUTH",
    "SERVICE_ACCOUNT",
    "SAML",
    "DCR_OAUTH",
    "S2S_OAUTH2",
];

/// A present, non-null member of an options object.
fn given<'a>(o: &'a Json, key: &str) -> Option<&'a Json> {
    o.get(key)
        .filter(|v| !matches!(v, Json::Null | Json::Foreign("undefined")))
}

/// The options object at `name`, with only `keys` allowed; absent reads as `{}`.
fn options<'a>(c: &mut Checker, v: &'a Json, name: &str, keys: &[&str]) -> Option<&'a Json> {
    let expected = ["{ ", &keys.join("?, "), "? }"].concat();
    let o = c.options(v, Path::root(name), &expected)?;
    if let Some(pairs) = o.as_object() {
        c.only_keys(pairs, &Path::root(name), keys);
    }
    Some(o)
}

/// A connection state as `AuthScheme.*()` builds it: `{ authScheme, val }`, sent as given.
fn connection_state(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    let pairs = c.object(
        v,
        path.clone(),
        "{ authScheme, val } (an AuthScheme.*() value)",
    )?;
    c.only_keys(pairs, &path, &["authScheme", "val"]);
    let scheme = c.one_of(
        v.get("authScheme").unwrap_or(&Json::Null),
        path.key("authScheme"),
        &AUTH_SCHEMES,
    );
    let val = v.get("val").unwrap_or(&Json::Null);
    c.object(val, path.key("val"), "an object")?;
    c.sendable(val, path.key("val"));
    scheme.map(|s| {
        Json::object([
            ("authScheme", Some(Json::Str(s))),
            ("val", Some(val.clone())),
        ])
    })
}

/// `initiate(userId, authConfigId, { allowMultiple?, callbackUrl?, config?, alias? })` → `POST
/// /api/v3.1/connected_accounts` `{ auth_config: { id }, connection: { callback_url?, user_id,
/// state?, alias? } }`. `allowMultiple` is the caller's duplicate check (pkg), not sent.
pub fn initiate_body(user: &Json, auth_config: &Json, opts: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let user = c.non_empty_string(user, "userId");
    let auth_config = c.non_empty_string(auth_config, "authConfigId");
    let keys = ["allowMultiple", "callbackUrl", "config", "alias"];
    let Some(o) = options(&mut c, opts, "options", &keys) else {
        return c.finish(Json::Null);
    };
    let at = |k: &str| Path::root("options").key(k);
    if let Some(v) = given(o, "allowMultiple") {
        c.boolean(v, at("allowMultiple"));
    }
    let callback = given(o, "callbackUrl").and_then(|v| c.string(v, at("callbackUrl")));
    let alias = given(o, "alias").and_then(|v| c.string(v, at("alias")));
    let state = given(o, "config").and_then(|v| connection_state(&mut c, v, at("config")));
    let body = Json::object([
        (
            "auth_config",
            Some(Json::object([("id", auth_config.map(Json::Str))])),
        ),
        (
            "connection",
            Some(Json::object([
                ("callback_url", callback.map(Json::Str)),
                ("user_id", user.map(Json::Str)),
                ("state", state),
                ("alias", alias.map(Json::Str)),
            ])),
        ),
    ]);
    c.finish(body)
}

/// The create answer → the connection request's `{ id, status, redirectUrl }`: the status and
/// redirect URL come from `connectionData.val` (a missing status reads as INITIATED, a redirect
/// URL that is not a string as null), as the official SDK reads them.
pub fn initiate_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a connected account create object")?;
    let id = at.str("id")?;
    let mut buf = String::new();
    let data = at.obj("connectionData", &mut buf)?;
    let mut vbuf = String::new();
    let val = data.obj("val", &mut vbuf)?;
    let status = match val.opt("status") {
        None => "INITIATED",
        Some(Json::Str(s)) if crate::connection::STATUSES.contains(&s.as_str()) => s,
        Some(other) => {
            return Err(crate::shape::wrong(
                "connectionData.val.status",
                "a connected account status",
                other,
            ))
        }
    };
    let redirect = match val.value.get("redirectUrl") {
        Some(Json::Str(s)) => Json::str(s.as_str()),
        _ => Json::Null,
    };
    Ok(Json::object([
        ("id", Some(Json::str(id))),
        ("status", Some(Json::str(status))),
        ("redirectUrl", Some(redirect)),
    ]))
}

/// `aclConfigForShared` → `acl_config_for_shared`, members sent only when given.
fn acl_wire(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    let pairs = c.object(
        v,
        path.clone(),
        "{ allowAllUsers?, allowedUserIds?, notAllowedUserIds? }",
    )?;
    c.only_keys(
        pairs,
        &path,
        &["allowAllUsers", "allowedUserIds", "notAllowedUserIds"],
    );
    let all = given(v, "allowAllUsers").and_then(|a| c.boolean(a, path.key("allowAllUsers")));
    let allowed =
        given(v, "allowedUserIds").and_then(|a| user_ids(c, a, path.key("allowedUserIds")));
    let denied =
        given(v, "notAllowedUserIds").and_then(|a| user_ids(c, a, path.key("notAllowedUserIds")));
    Some(Json::object([
        ("allow_all_users", all.map(Json::Bool)),
        ("allowed_user_ids", allowed),
        ("not_allowed_user_ids", denied),
    ]))
}

/// `link(userId, authConfigId, { callbackUrl?, alias?, allowMultiple?, experimental? })` → `POST
/// /api/v3.1/connected_accounts/link` `{ auth_config_id, user_id, callback_url?, alias?,
/// experimental? }` (an `experimental: {}` is sent as `{}`, as the official SDK does).
pub fn link_body(user: &Json, auth_config: &Json, opts: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let user = c.non_empty_string(user, "userId");
    let auth_config = c.non_empty_string(auth_config, "authConfigId");
    let keys = ["callbackUrl", "alias", "allowMultiple", "experimental"];
    let Some(o) = options(&mut c, opts, "options", &keys) else {
        return c.finish(Json::Null);
    };
    let at = |k: &str| Path::root("options").key(k);
    if let Some(v) = given(o, "allowMultiple") {
        c.boolean(v, at("allowMultiple"));
    }
    let callback = given(o, "callbackUrl").and_then(|v| c.string(v, at("callbackUrl")));
    let alias = given(o, "alias").and_then(|v| c.string(v, at("alias")));
    let experimental = given(o, "experimental").and_then(|e| {
        let path = at("experimental");
        let pairs = c.object(e, path.clone(), "{ accountType?, aclConfigForShared? }")?;
        c.only_keys(pairs, &path, &["accountType", "aclConfigForShared"]);
        let account_type = given(e, "accountType")
            .and_then(|t| c.one_of(t, path.key("accountType"), &["PRIVATE", "SHARED"]));
        let acl = given(e, "aclConfigForShared")
            .and_then(|a| acl_wire(&mut c, a, path.key("aclConfigForShared")));
        Some(Json::object([
            ("account_type", account_type.map(Json::Str)),
            ("acl_config_for_shared", acl),
        ]))
    });
    let body = Json::object([
        ("auth_config_id", auth_config.map(Json::Str)),
        ("user_id", user.map(Json::Str)),
        ("callback_url", callback.map(Json::Str)),
        ("alias", alias.map(Json::Str)),
        ("experimental", experimental),
    ]);
    c.finish(body)
}

/// `updateAcl(id, { allowAllUsers?, allowedUserIds?, notAllowedUserIds? })` (at least one) →
/// `PATCH /api/v3.1/connected_accounts/{id}` `{ experimental: { acl_config_for_shared } }`.
pub fn acl_body(params: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let acl = acl_wire(&mut c, params, Path::root("params"));
    if acl == Some(Json::obj()) {
        c.issue(
            "custom",
            Path::root("params"),
            "At least one of allowAllUsers, allowedUserIds, or notAllowedUserIds must be provided",
        );
    }
    let body = Json::object([(
        "experimental",
        Some(Json::object([("acl_config_for_shared", acl)])),
    )]);
    c.finish(body)
}

/// The PATCH answer, returned as received after a check of `{ id, status, success }`.
pub fn acl_result(body: &Json) -> Shaped<Json> {
    crate::accounts::passed(
        body,
        "a connected account update object",
        &[
            Field("id", "id", true, Kind::Str),
            Field("status", "status", true, Kind::Str),
            Field("success", "success", true, Kind::Bool),
        ],
    )
}

/// `scopes` / `user_scopes`: a string or an array of strings.
fn scopes(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    match v {
        Json::Str(_) => Some(v.clone()),
        Json::Arr(_) => c.string_array(v, path).map(|_| v.clone()),
        other => {
            c.wrong_type(path, "a string or an array of strings", other);
            None
        }
    }
}

/// Composio-managed credentials: `{ scopes?, user_scopes?, … }`, those two first (zod's
/// `passthrough` order), the others as given.
fn managed_credentials(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    let pairs = c.object(v, path.clone(), "{ scopes?, user_scopes?, … }")?;
    let mut out = Vec::with_capacity(pairs.len());
    for key in ["scopes", "user_scopes"] {
        if let Some(s) = v.get(key) {
            if let Some(s) = scopes(c, s, path.key(key)) {
                out.push((key.to_string(), s));
            }
        }
    }
    for (k, x) in pairs {
        if k != "scopes" && k != "user_scopes" {
            c.sendable(x, path.key(k));
            out.push((k.clone(), x.clone()));
        }
    }
    Some(Json::Obj(out))
}

/// Custom credentials: a record of strings, numbers and booleans.
fn custom_credentials(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    let pairs = c.object(v, path.clone(), "a record of strings, numbers and booleans")?;
    for (k, x) in pairs {
        match x {
            Json::Str(_) | Json::Bool(_) => {}
            Json::Num(_) => {
                c.number(x, path.key(k));
            }
            other => c.wrong_type(path.key(k), "a string, a number or a boolean", other),
        }
    }
    Some(v.clone())
}

fn string_list(c: &mut Checker, o: &Json, key: &str, path: &Path) -> Option<Json> {
    given(o, key).and_then(|v| c.string_array(v, path.key(key)).map(|_| v.clone()))
}

/// `toolAccessConfig` → `tool_access_config` with the members `keys` names (JS name, wire name).
fn tool_access(
    c: &mut Checker,
    v: &Json,
    path: Path,
    keys: &[(&str, &'static str)],
) -> Option<Json> {
    let expected = "{ toolsForConnectedAccountCreation?, toolsAvailableForExecution? }";
    let pairs = c.object(v, path.clone(), expected)?;
    let names: Vec<&str> = keys.iter().map(|(js, _)| *js).collect();
    c.only_keys(pairs, &path, &names);
    Some(Json::object(
        keys.iter()
            .map(|(js, wire)| (*wire, string_list(c, v, js, &path))),
    ))
}

const CREATION_ACCESS: &[(&str, &str)] = &[(
    "toolsForConnectedAccountCreation",
    "tools_for_connected_account_creation",
)];

/// `authConfigs.create(toolkit, options = { type: 'use_composio_managed_auth' })` → `POST
/// /api/v3.1/auth_configs` `{ toolkit: { slug }, auth_config }`, `auth_config`'s members in the
/// official order (a custom config's scheme goes as `authScheme`, as the official SDK sends it).
pub fn create_body(toolkit: &Json, opts: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let slug = c.non_empty_string(toolkit, "toolkit");
    let root = Path::root("options");
    let managed_default = Json::object([("type", Some(Json::str("use_composio_managed_auth")))]);
    let o = match opts {
        Json::Null | Json::Foreign("undefined") => &managed_default,
        v => v,
    };
    if c.object(
        o,
        root.clone(),
        "{ type: 'use_custom_auth' | 'use_composio_managed_auth', … }",
    )
    .is_none()
    {
        return c.finish(Json::Null);
    }
    let at = |k: &str| root.key(k);
    let kind = c.one_of(
        o.get("type").unwrap_or(&Json::Null),
        at("type"),
        &["use_custom_auth", "use_composio_managed_auth"],
    );
    let custom = kind.as_deref() == Some("use_custom_auth");
    let keys: &[&str] = if custom {
        &[
            "type",
            "name",
            "credentials",
            "authScheme",
            "proxyConfig",
            "toolAccessConfig",
            "isEnabledForToolRouter",
        ]
    } else {
        &[
            "type",
            "name",
            "credentials",
            "toolAccessConfig",
            "isEnabledForToolRouter",
        ]
    };
    if let Some(pairs) = o.as_object() {
        c.only_keys(pairs, &root, keys);
    }
    let name = given(o, "name").and_then(|v| c.string(v, at("name")));
    let router =
        given(o, "isEnabledForToolRouter").and_then(|v| c.boolean(v, at("isEnabledForToolRouter")));
    let access = given(o, "toolAccessConfig")
        .and_then(|v| tool_access(&mut c, v, at("toolAccessConfig"), CREATION_ACCESS));
    let auth_config = if custom {
        let scheme = c.one_of(
            o.get("authScheme").unwrap_or(&Json::Null),
            at("authScheme"),
            &AUTH_SCHEMES,
        );
        let credentials = match o.get("credentials") {
            Some(v) => custom_credentials(&mut c, v, at("credentials")),
            None => {
                c.wrong_type(at("credentials"), "an object", &Json::Foreign("undefined"));
                None
            }
        };
        let proxy = given(o, "proxyConfig").and_then(|p| {
            let path = at("proxyConfig");
            let pairs = c.object(p, path.clone(), "{ proxyUrl, proxyAuthKey? }")?;
            c.only_keys(pairs, &path, &["proxyUrl", "proxyAuthKey"]);
            let url = c.string(
                p.get("proxyUrl").unwrap_or(&Json::Null),
                path.key("proxyUrl"),
            );
            let key = given(p, "proxyAuthKey").and_then(|k| c.string(k, path.key("proxyAuthKey")));
            Some(Json::object([
                ("proxy_url", url.map(Json::Str)),
                ("proxy_auth_key", key.map(Json::Str)),
            ]))
        });
        Json::object([
            ("type", kind.map(Json::Str)),
            ("name", name.map(Json::Str)),
            ("authScheme", scheme.map(Json::Str)),
            ("credentials", credentials),
            ("is_enabled_for_tool_router", router.map(Json::Bool)),
            ("proxy_config", proxy),
            ("tool_access_config", access),
        ])
    } else {
        let credentials =
            given(o, "credentials").and_then(|v| managed_credentials(&mut c, v, at("credentials")));
        Json::object([
            ("type", kind.map(Json::Str)),
            ("credentials", credentials),
            ("name", name.map(Json::Str)),
            ("is_enabled_for_tool_router", router.map(Json::Bool)),
            ("tool_access_config", access),
        ])
    };
    let body = Json::object([
        (
            "toolkit",
            Some(Json::object([("slug", slug.map(Json::Str))])),
        ),
        ("auth_config", Some(auth_config)),
    ]);
    c.finish(body)
}

/// The create answer → `{ id, authScheme, isComposioManaged, toolkit }`.
pub fn create_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "an auth config create object")?;
    let (mut abuf, mut tbuf) = (String::new(), String::new());
    let config = pick(
        &at.obj("auth_config", &mut abuf)?,
        &[
            Field("id", "id", true, Kind::Str),
            Field("auth_scheme", "authScheme", true, Kind::Str),
            Field("is_composio_managed", "isComposioManaged", true, Kind::Bool),
        ],
    )?;
    let toolkit = at.obj("toolkit", &mut tbuf)?.str("slug")?;
    let Json::Obj(mut out) = config else {
        return Err(BadShape("auth_config".into()));
    };
    out.push(("toolkit".to_string(), Json::str(toolkit)));
    Ok(Json::Obj(out))
}

const UPDATE_ACCESS: &[(&str, &str)] = &[
    (
        "toolsForConnectedAccountCreation",
        "tools_for_connected_account_creation",
    ),
    (
        "toolsAvailableForExecution",
        "tools_available_for_execution",
    ),
];

/// `authConfigs.update(id, { type: 'custom' | 'default', … })` → `PATCH
/// /api/v3.1/auth_configs/{id}`: `{ type, credentials? | scopes?, is_enabled_for_tool_router?,
/// tool_access_config: { tools_for_connected_account_creation?, tools_available_for_execution? }
/// }`; `tools_available_for_execution` falls back to the deprecated `restrictToFollowingTools`.
pub fn update_body(data: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let root = Path::root("data");
    if c.object(data, root.clone(), "{ type: 'custom' | 'default', … }")
        .is_none()
    {
        return c.finish(Json::Null);
    }
    let at = |k: &str| root.key(k);
    let kind = c.one_of(
        data.get("type").unwrap_or(&Json::Null),
        at("type"),
        &["custom", "default"],
    );
    let custom = kind.as_deref() == Some("custom");
    let own = if custom { "credentials" } else { "scopes" };
    if let Some(pairs) = data.as_object() {
        let keys = [
            "type",
            own,
            "isEnabledForToolRouter",
            "restrictToFollowingTools",
            "toolAccessConfig",
        ];
        c.only_keys(pairs, &root, &keys);
    }
    let own_value = given(data, own).and_then(|v| {
        if custom {
            managed_credentials(&mut c, v, at(own))
        } else {
            c.string(v, at(own)).map(Json::Str)
        }
    });
    let router = given(data, "isEnabledForToolRouter")
        .and_then(|v| c.boolean(v, at("isEnabledForToolRouter")));
    let restrict = string_list(&mut c, data, "restrictToFollowingTools", &root);
    let access = given(data, "toolAccessConfig")
        .and_then(|v| tool_access(&mut c, v, at("toolAccessConfig"), UPDATE_ACCESS));
    let creation = access
        .as_ref()
        .and_then(|a| a.get("tools_for_connected_account_creation").cloned());
    let execution = access
        .as_ref()
        .and_then(|a| a.get("tools_available_for_execution").cloned())
        .or(restrict);
    let body = Json::object([
        ("type", kind.map(Json::Str)),
        (own, own_value),
        ("is_enabled_for_tool_router", router.map(Json::Bool)),
        (
            "tool_access_config",
            Some(Json::object([
                ("tools_for_connected_account_creation", creation),
                ("tools_available_for_execution", execution),
            ])),
        ),
    ]);
    c.finish(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    const U: Json = Json::Foreign("undefined");

    #[test]
    fn initiate_body_is_the_official_one() {
        let body = initiate_body(
            &j!("u1"),
            &j!("ac_1"),
            &j!({"allowMultiple": true, "alias": "work", "callbackUrl": "https://cb",
                "config": {"authScheme": "API_KEY", "val": {"status": "ACTIVE", "api_key": "k"}}}),
        )
        .unwrap();
        assert_eq!(
            body,
            j!({"auth_config": {"id": "ac_1"}, "connection": {"callback_url": "https://cb",
                "user_id": "u1", "state": {"authScheme": "API_KEY", "val": {"status": "ACTIVE", "api_key": "k"}},
                "alias": "work"}})
        );
        assert_eq!(
            initiate_body(&j!("u1"), &j!("ac_1"), &U).unwrap(),
            j!({"auth_config": {"id": "ac_1"}, "connection": {"user_id": "u1"}})
        );
        let err = |u: Json, a: Json, o: Json| initiate_body(&u, &a, &o).unwrap_err().message();
        assert_eq!(
            err(j!(""), j!("ac"), U),
            "userId: expected a non-empty string, got a string"
        );
        assert!(err(j!("u"), j!(3), U).starts_with("authConfigId:"));
        assert!(err(j!("u"), j!("a"), j!({"callbackUrl": 1})).starts_with("options.callbackUrl:"));
        assert!(err(
            j!("u"),
            j!("a"),
            j!({"config": {"authScheme": "X", "val": {}}})
        )
        .starts_with("options.config.authScheme:"));
        assert!(err(j!("u"), j!("a"), j!({"allowMultiple": "yes"}))
            .starts_with("options.allowMultiple:"));
        assert!(err(j!("u"), j!("a"), j!({"callback": "x"})).contains("'callback'"));
    }

    #[test]
    fn initiate_result_reads_connection_data() {
        let out = initiate_result(&j!({"id": "ca_1", "status": "INITIATED", "redirect_url": "x",
            "connectionData": {"authScheme": "OAUTH2", "val": {"status": "INITIATED", "redirectUrl": "https://r"}}}))
        .unwrap();
        assert_eq!(
            out,
            j!({"id": "ca_1", "status": "INITIATED", "redirectUrl": "https://r"})
        );
        let out = initiate_result(&j!({"id": "ca_1", "connectionData": {"val": {}}})).unwrap();
        assert_eq!(
            out,
            j!({"id": "ca_1", "status": "INITIATED", "redirectUrl": null})
        );
        assert_eq!(
            initiate_result(&j!({"id": "ca_1"})).unwrap_err().0,
            "missing `connectionData`"
        );
    }

    #[test]
    fn link_and_acl_bodies() {
        assert_eq!(
            link_body(
                &j!("u1"),
                &j!("ac_1"),
                &j!({"experimental": {}, "alias": "a", "allowMultiple": true})
            )
            .unwrap(),
            j!({"auth_config_id": "ac_1", "user_id": "u1", "alias": "a", "experimental": {}})
        );
        assert_eq!(
            link_body(
                &j!("u1"),
                &j!("ac_1"),
                &j!({"experimental": {"accountType": "SHARED",
                "aclConfigForShared": {"allowedUserIds": ["u2"]}}, "callbackUrl": "c"})
            )
            .unwrap(),
            j!({"auth_config_id": "ac_1", "user_id": "u1", "callback_url": "c",
                "experimental": {"account_type": "SHARED", "acl_config_for_shared": {"allowed_user_ids": ["u2"]}}})
        );
        assert_eq!(
            acl_body(&j!({"allowAllUsers": true, "notAllowedUserIds": []})).unwrap(),
            j!({"experimental": {"acl_config_for_shared": {"allow_all_users": true, "not_allowed_user_ids": []}}})
        );
        assert_eq!(
            acl_body(&j!({})).unwrap_err().message(),
            "params: At least one of allowAllUsers, allowedUserIds, or notAllowedUserIds must be provided"
        );
        assert!(acl_body(&j!({"allowedUserIds": [""]}))
            .unwrap_err()
            .message()
            .starts_with("params.allowedUserIds[0]:"));
        assert!(acl_body(&U).unwrap_err().message().starts_with("params:"));
    }

    #[test]
    fn auth_config_create_bodies() {
        assert_eq!(
            create_body(&j!("gmail"), &U).unwrap(),
            j!({"toolkit": {"slug": "gmail"}, "auth_config": {"type": "use_composio_managed_auth"}})
        );
        assert_eq!(
            create_body(&j!("gmail"), &j!({"type": "use_composio_managed_auth", "name": "n",
                "credentials": {"x": 1, "scopes": ["a"]}, "toolAccessConfig": {"toolsForConnectedAccountCreation": ["T"]}}))
            .unwrap(),
            j!({"toolkit": {"slug": "gmail"}, "auth_config": {"type": "use_composio_managed_auth",
                "credentials": {"scopes": ["a"], "x": 1}, "name": "n",
                "tool_access_config": {"tools_for_connected_account_creation": ["T"]}}})
        );
        assert_eq!(
            create_body(&j!("linear"), &j!({"type": "use_custom_auth", "authScheme": "API_KEY",
                "credentials": {"api_key": "k"}, "proxyConfig": {"proxyUrl": "p"}, "isEnabledForToolRouter": true}))
            .unwrap(),
            j!({"toolkit": {"slug": "linear"}, "auth_config": {"type": "use_custom_auth", "authScheme": "API_KEY",
                "credentials": {"api_key": "k"}, "is_enabled_for_tool_router": true, "proxy_config": {"proxy_url": "p"}}})
        );
        let err = |o: Json| create_body(&j!("gmail"), &o).unwrap_err().message();
        assert!(err(j!({"type": "custom"})).starts_with("options.type:"));
        assert!(err(j!({"type": "use_custom_auth", "credentials": {}}))
            .starts_with("options.authScheme:"));
        assert!(
            err(j!({"type": "use_custom_auth", "authScheme": "API_KEY"}))
                .starts_with("options.credentials:")
        );
        assert!(err(
            j!({"type": "use_custom_auth", "authScheme": "API_KEY", "credentials": {"a": []}})
        )
        .starts_with("options.credentials.a:"));
        assert!(
            err(j!({"type": "use_composio_managed_auth", "authScheme": "OAUTH2"}))
                .contains("'authScheme'")
        );
        assert!(create_body(&j!(""), &U)
            .unwrap_err()
            .message()
            .starts_with("toolkit:"));
    }

    #[test]
    fn auth_config_create_result_and_update_body() {
        assert_eq!(
            create_result(&j!({"auth_config": {"id": "ac_1", "auth_scheme": "OAUTH2", "is_composio_managed": true,
                "restrict_to_following_tools": []}, "toolkit": {"slug": "gmail"}}))
            .unwrap(),
            j!({"id": "ac_1", "authScheme": "OAUTH2", "isComposioManaged": true, "toolkit": "gmail"})
        );
        assert_eq!(
            create_result(&j!({"auth_config": {"id": "ac_1"}}))
                .unwrap_err()
                .0,
            "missing `auth_config.auth_scheme`"
        );
        assert_eq!(
            update_body(
                &j!({"type": "default", "scopes": "a,b", "restrictToFollowingTools": ["X"]})
            )
            .unwrap(),
            j!({"type": "default", "scopes": "a,b", "tool_access_config": {"tools_available_for_execution": ["X"]}})
        );
        assert_eq!(
            update_body(&j!({"type": "custom", "credentials": {"k": "v"}, "isEnabledForToolRouter": false,
                "toolAccessConfig": {"toolsAvailableForExecution": ["A"], "toolsForConnectedAccountCreation": ["B"]},
                "restrictToFollowingTools": ["X"]}))
            .unwrap(),
            j!({"type": "custom", "credentials": {"k": "v"}, "is_enabled_for_tool_router": false,
                "tool_access_config": {"tools_for_connected_account_creation": ["B"], "tools_available_for_execution": ["A"]}})
        );
        assert!(update_body(&j!({"type": "default", "credentials": {}}))
            .unwrap_err()
            .message()
            .contains("'credentials'"));
        assert!(update_body(&U).unwrap_err().message().starts_with("data:"));
    }
}
