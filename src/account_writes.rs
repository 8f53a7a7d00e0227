//! The writing half of `composio.connectedAccounts` and `composio.authConfigs`: `initiate`,
//! `link`, `updateAcl`, `authConfigs.create` and `authConfigs.update`. Requests as
//! @composio/core 0.19.0 builds them (member order included), results as it maps them. Inputs are
//! checked strictly (the official SDK checks some with zod and sends the others unchecked),
//! through field tables ([`In`]) rather than code per field, which keeps the .wasm small.

use crate::connection::{user_ids, STATUSES};
use crate::json::Json;
use crate::shape::{pick, At, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

/// The auth scheme names of `AuthSchemeEnum`.
pub const AUTH_SCHEMES: &[&str] = &[
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

/// What an input member must be.
#[derive(Clone, Copy)]
enum K {
    Str,
    Bool,
    Strs,
    /// ACL user ids: 1 to 256 characters, at most 1000.
    UserIds,
    OneOf(&'static [&'static str]),
    /// `scopes` / `user_scopes`: a string or an array of strings.
    Scopes,
    /// A record of strings, numbers and booleans (custom credentials).
    Record,
    /// Any JSON object, sent as given (passthrough members).
    Object,
    /// `{ scopes?, user_scopes?, … }`: those two checked and first (zod's `passthrough` order).
    Managed,
    /// An object translated by its own table.
    Nested(&'static [In]),
}

/// One input member: its JS name, the wire name it is sent as (`""`: checked, not sent),
/// whether it is required, and what it must be. Members go out in the table's order.
struct In(&'static str, &'static str, bool, K);

/// Checks `v` against `spec` (an object with only those members) and translates it; `None`
/// when `v` is not an object.
fn translate(c: &mut Checker, v: &Json, path: &Path, spec: &[In]) -> Option<Json> {
    let Json::Obj(pairs) = v else {
        let names: Vec<&str> = spec.iter().map(|f| f.0).collect();
        c.wrong_type(path.clone(), &["{ ", &names.join(", "), " }"].concat(), v);
        return None;
    };
    let names: Vec<&str> = spec.iter().map(|f| f.0).collect();
    c.only_keys(pairs, path, &names);
    let mut out = Vec::with_capacity(spec.len());
    for In(js, wire, required, kind) in spec {
        let at = path.key(js);
        let value = match v.get(js) {
            None | Some(Json::Null | Json::Foreign("undefined")) => {
                if *required {
                    member(c, &Json::Null, &at, *kind);
                }
                continue;
            }
            Some(x) => x,
        };
        if let Some(x) = member(c, value, &at, *kind) {
            if !wire.is_empty() {
                out.push((wire.to_string(), x));
            }
        }
    }
    Some(Json::Obj(out))
}

fn expected(kind: K) -> &'static str {
    match kind {
        K::Str => "a string",
        K::Bool => "a boolean",
        K::Strs | K::UserIds => "an array of strings",
        K::OneOf(_) => "one of the listed values",
        K::Scopes => "a string or an array of strings",
        K::Record | K::Object | K::Managed | K::Nested(_) => "an object",
    }
}

/// One member's check and translation.
fn member(c: &mut Checker, v: &Json, at: &Path, kind: K) -> Option<Json> {
    match (kind, v) {
        (K::Str, Json::Str(_)) | (K::Bool, Json::Bool(_)) | (K::Scopes, Json::Str(_)) => {
            Some(v.clone())
        }
        (K::Strs | K::Scopes, _) => c.string_array(v, at.clone()).map(|_| v.clone()),
        (K::UserIds, _) => user_ids(c, v, at.clone()),
        (K::OneOf(values), _) => c.one_of(v, at.clone(), values).map(Json::Str),
        (K::Record, Json::Obj(pairs)) => {
            for (k, x) in pairs {
                if !matches!(x, Json::Str(_) | Json::Bool(_) | Json::Num(_)) {
                    c.wrong_type(at.key(k), "a string, a number or a boolean", x);
                }
                c.sendable(x, at.key(k));
            }
            Some(v.clone())
        }
        (K::Object, Json::Obj(_)) => {
            c.sendable(v, at.clone());
            Some(v.clone())
        }
        (K::Managed, _) => managed_credentials(c, v, at.clone()),
        (K::Nested(spec), _) => translate(c, v, at, spec),
        _ => {
            c.wrong_type(at.clone(), expected(kind), v);
            None
        }
    }
}

/// `options` as a table translates it; absent reads as `{}`.
fn options(c: &mut Checker, v: &Json, name: &str, spec: &[In]) -> Json {
    match v {
        Json::Null | Json::Foreign("undefined") => Json::obj(),
        _ => translate(c, v, &Path::root(name), spec).unwrap_or_else(Json::obj),
    }
}

/// Members of a translated object, by wire name.
fn take(o: &Json, key: &str) -> Option<Json> {
    o.get(key).cloned()
}

/// A connection state as `AuthScheme.*()` builds it: `{ authScheme, val }`, sent as given.
const STATE: &[In] = &[
    In("authScheme", "authScheme", true, K::OneOf(AUTH_SCHEMES)),
    In("val", "val", true, K::Object),
];

const INITIATE: &[In] = &[
    In("allowMultiple", "", false, K::Bool),
    In("callbackUrl", "callback_url", false, K::Str),
    In("config", "state", false, K::Nested(STATE)),
    In("alias", "alias", false, K::Str),
];

/// `initiate(userId, authConfigId, { allowMultiple?, callbackUrl?, config?, alias? })` → `POST
/// /api/v3.1/connected_accounts` `{ auth_config: { id }, connection: { callback_url?, user_id,
/// state?, alias? } }`. `allowMultiple` is the caller's duplicate check (pkg), not sent.
pub fn initiate_body(user: &Json, auth_config: &Json, opts: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let user = c.non_empty_string(user, "userId");
    let auth_config = c.non_empty_string(auth_config, "authConfigId");
    let o = options(&mut c, opts, "options", INITIATE);
    let body = Json::object([
        (
            "auth_config",
            Some(Json::object([("id", auth_config.map(Json::Str))])),
        ),
        (
            "connection",
            Some(Json::object([
                ("callback_url", take(&o, "callback_url")),
                ("user_id", user.map(Json::Str)),
                ("state", take(&o, "state")),
                ("alias", take(&o, "alias")),
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
        Some(Json::Str(s)) if STATUSES.contains(&s.as_str()) => s,
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

const ACL: &[In] = &[
    In("allowAllUsers", "allow_all_users", false, K::Bool),
    In("allowedUserIds", "allowed_user_ids", false, K::UserIds),
    In(
        "notAllowedUserIds",
        "not_allowed_user_ids",
        false,
        K::UserIds,
    ),
];
const EXPERIMENTAL: &[In] = &[
    In(
        "accountType",
        "account_type",
        false,
        K::OneOf(&["PRIVATE", "SHARED"]),
    ),
    In(
        "aclConfigForShared",
        "acl_config_for_shared",
        false,
        K::Nested(ACL),
    ),
];
const LINK: &[In] = &[
    In("callbackUrl", "callback_url", false, K::Str),
    In("alias", "alias", false, K::Str),
    In("allowMultiple", "", false, K::Bool),
    In(
        "experimental",
        "experimental",
        false,
        K::Nested(EXPERIMENTAL),
    ),
];

/// `link(userId, authConfigId, { callbackUrl?, alias?, allowMultiple?, experimental? })` → `POST
/// /api/v3.1/connected_accounts/link` `{ auth_config_id, user_id, callback_url?, alias?,
/// experimental? }` (an `experimental: {}` is sent as `{}`, as the official SDK does).
pub fn link_body(user: &Json, auth_config: &Json, opts: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let user = c.non_empty_string(user, "userId");
    let auth_config = c.non_empty_string(auth_config, "authConfigId");
    let o = options(&mut c, opts, "options", LINK);
    let mut body = vec![];
    body.extend(auth_config.map(|a| ("auth_config_id".to_string(), Json::Str(a))));
    body.extend(user.map(|u| ("user_id".to_string(), Json::Str(u))));
    if let Json::Obj(pairs) = o {
        body.extend(pairs);
    }
    c.finish(Json::Obj(body))
}

/// `updateAcl(id, { allowAllUsers?, allowedUserIds?, notAllowedUserIds? })` (at least one) →
/// `PATCH /api/v3.1/connected_accounts/{id}` `{ experimental: { acl_config_for_shared } }`.
pub fn acl_body(params: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let acl = translate(&mut c, params, &Path::root("params"), ACL);
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

/// Composio-managed credentials: `{ scopes?, user_scopes?, … }`, those two first (zod's
/// `passthrough` order), the others as given.
fn managed_credentials(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    let Json::Obj(pairs) = v else {
        c.wrong_type(path, "an object", v);
        return None;
    };
    let mut out = Vec::with_capacity(pairs.len());
    for key in ["scopes", "user_scopes"] {
        if let Some(s) = v
            .get(key)
            .and_then(|s| member(c, s, &path.key(key), K::Scopes))
        {
            out.push((key.to_string(), s));
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

const CREATION_ACCESS: &[In] = &[In(
    "toolsForConnectedAccountCreation",
    "tools_for_connected_account_creation",
    false,
    K::Strs,
)];
const MANAGED: &[In] = &[
    In("type", "type", true, K::Str),
    In("credentials", "credentials", false, K::Managed),
    In("name", "name", false, K::Str),
    In(
        "isEnabledForToolRouter",
        "is_enabled_for_tool_router",
        false,
        K::Bool,
    ),
    In(
        "toolAccessConfig",
        "tool_access_config",
        false,
        K::Nested(CREATION_ACCESS),
    ),
];
// A custom config's scheme goes as `authScheme`, as the official SDK sends it.
const CUSTOM: &[In] = &[
    In("type", "type", true, K::Str),
    In("name", "name", false, K::Str),
    In("authScheme", "authScheme", true, K::OneOf(AUTH_SCHEMES)),
    In("credentials", "credentials", true, K::Record),
    In(
        "isEnabledForToolRouter",
        "is_enabled_for_tool_router",
        false,
        K::Bool,
    ),
    In("proxyConfig", "proxy_config", false, K::Nested(PROXY)),
    In(
        "toolAccessConfig",
        "tool_access_config",
        false,
        K::Nested(CREATION_ACCESS),
    ),
];
const PROXY: &[In] = &[
    In("proxyUrl", "proxy_url", true, K::Str),
    In("proxyAuthKey", "proxy_auth_key", false, K::Str),
];

/// The discriminated union's table for `options.type`, or an issue.
fn variant(
    c: &mut Checker,
    o: &Json,
    path: &Path,
    names: [&'static str; 2],
    specs: [&'static [In]; 2],
) -> Option<&'static [In]> {
    let t = c.one_of(
        o.get("type").unwrap_or(&Json::Null),
        path.key("type"),
        &names,
    )?;
    Some(if t == names[0] { specs[0] } else { specs[1] })
}

/// `authConfigs.create(toolkit, options = { type: 'use_composio_managed_auth' })` → `POST
/// /api/v3.1/auth_configs` `{ toolkit: { slug }, auth_config }`, `auth_config`'s members in the
/// official order.
pub fn create_body(toolkit: &Json, opts: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let slug = c.non_empty_string(toolkit, "toolkit");
    let root = Path::root("options");
    let managed = Json::object([("type", Some(Json::str("use_composio_managed_auth")))]);
    let o = match opts {
        Json::Null | Json::Foreign("undefined") => &managed,
        v => v,
    };
    let mut config = None;
    if !matches!(o, Json::Obj(_)) {
        c.wrong_type(root.clone(), "{ type, … }", o);
    } else if let Some(spec) = variant(
        &mut c,
        o,
        &root,
        ["use_custom_auth", "use_composio_managed_auth"],
        [CUSTOM, MANAGED],
    ) {
        config = translate(&mut c, o, &root, spec);
    }
    let body = Json::object([
        (
            "toolkit",
            Some(Json::object([("slug", slug.map(Json::Str))])),
        ),
        ("auth_config", config),
    ]);
    c.finish(body)
}

/// The create answer → `{ id, authScheme, isComposioManaged, toolkit }`.
pub fn create_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "an auth config create object")?;
    let (mut abuf, mut tbuf) = (String::new(), String::new());
    let mut config = pick(
        &at.obj("auth_config", &mut abuf)?,
        &[
            Field("id", "id", true, Kind::Str),
            Field("auth_scheme", "authScheme", true, Kind::Str),
            Field("is_composio_managed", "isComposioManaged", true, Kind::Bool),
        ],
    )?;
    let toolkit = at.obj("toolkit", &mut tbuf)?.str("slug")?;
    config.set("toolkit", Json::str(toolkit));
    Ok(config)
}

const UPDATE_ACCESS: &[In] = &[
    In(
        "toolsForConnectedAccountCreation",
        "tools_for_connected_account_creation",
        false,
        K::Strs,
    ),
    In(
        "toolsAvailableForExecution",
        "tools_available_for_execution",
        false,
        K::Strs,
    ),
];
const UPDATE_CUSTOM: &[In] = &[
    In("type", "type", true, K::Str),
    In("credentials", "credentials", false, K::Managed),
    In(
        "isEnabledForToolRouter",
        "is_enabled_for_tool_router",
        false,
        K::Bool,
    ),
    In("restrictToFollowingTools", "restrict", false, K::Strs),
    In(
        "toolAccessConfig",
        "tool_access_config",
        false,
        K::Nested(UPDATE_ACCESS),
    ),
];
const UPDATE_DEFAULT: &[In] = &[
    In("type", "type", true, K::Str),
    In("scopes", "scopes", false, K::Str),
    In(
        "isEnabledForToolRouter",
        "is_enabled_for_tool_router",
        false,
        K::Bool,
    ),
    In("restrictToFollowingTools", "restrict", false, K::Strs),
    In(
        "toolAccessConfig",
        "tool_access_config",
        false,
        K::Nested(UPDATE_ACCESS),
    ),
];

/// `authConfigs.update(id, { type: 'custom' | 'default', … })` → `PATCH
/// /api/v3.1/auth_configs/{id}`: `{ type, credentials? | scopes?, is_enabled_for_tool_router?,
/// tool_access_config: { tools_for_connected_account_creation?, tools_available_for_execution? }
/// }`; `tools_available_for_execution` falls back to the deprecated `restrictToFollowingTools`.
pub fn update_body(data: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let root = Path::root("data");
    let mut body = None;
    if !matches!(data, Json::Obj(_)) {
        c.wrong_type(root.clone(), "{ type: 'custom' | 'default', … }", data);
    } else if let Some(spec) = variant(
        &mut c,
        data,
        &root,
        ["custom", "default"],
        [UPDATE_CUSTOM, UPDATE_DEFAULT],
    ) {
        body = translate(&mut c, data, &root, spec).map(|o| {
            let access = take(&o, "tool_access_config").unwrap_or_else(Json::obj);
            let own = spec[1].1;
            Json::object([
                ("type", take(&o, "type")),
                (own, take(&o, own)),
                (
                    "is_enabled_for_tool_router",
                    take(&o, "is_enabled_for_tool_router"),
                ),
                (
                    "tool_access_config",
                    Some(Json::object([
                        (
                            "tools_for_connected_account_creation",
                            take(&access, "tools_for_connected_account_creation"),
                        ),
                        (
                            "tools_available_for_execution",
                            take(&access, "tools_available_for_execution")
                                .or_else(|| take(&o, "restrict")),
                        ),
                    ])),
                ),
            ])
        });
    }
    c.finish(body.unwrap_or(Json::Null))
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
