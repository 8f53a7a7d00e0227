//! `session.authorize()` and `ConnectionRequest.waitForConnection()`: the link body, the link
//! response, the connected-account mapping, and what each polled status means (spec B5.4).

use crate::connection_states::{Member, BASE, SCHEMES};
use crate::json::Json;
use crate::shape::{member, pick, strings, At, BadShape, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

/// `authorize(toolkit, { callbackUrl?, alias?, experimental? })` → the `/link` body; keys are
/// sent only when given.
pub fn link_body(toolkit: &Json, options: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let toolkit = c.non_empty_string(toolkit, "toolkit");
    let Some(options) = c.options(
        options,
        Path::root("options"),
        "{ callbackUrl?, alias?, experimental? }",
    ) else {
        return c.finish(Json::Null);
    };
    let callback = options
        .get("callbackUrl")
        .and_then(|v| c.string(v, Path::root("callbackUrl")));
    let alias = options
        .get("alias")
        .and_then(|v| c.string(v, Path::root("alias")));
    let experimental = options
        .get("experimental")
        .and_then(|v| link_experimental(&mut c, v));
    let body = Json::object([
        ("toolkit", toolkit.map(Json::Str)),
        ("callback_url", callback.map(Json::Str)),
        ("alias", alias.map(Json::Str)),
        ("experimental", experimental),
    ]);
    c.finish(body)
}

pub(crate) fn user_ids(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    let ids = c.string_array(v, path.clone())?;
    if ids.len() > 1000 {
        c.issue("too_big", path, "expected at most 1000 user ids");
        return None;
    }
    for (i, id) in ids.iter().enumerate() {
        if id.is_empty() || id.chars().count() > 256 {
            c.issue(
                "invalid_string",
                path.index(i),
                "expected a user id of 1 to 256 characters",
            );
        }
    }
    Some(v.clone())
}

fn link_experimental(c: &mut Checker, v: &Json) -> Option<Json> {
    let path = Path::root("experimental");
    c.object(v, path.clone(), "{ accountType?, aclConfigForShared? }")?;
    let account_type = v
        .get("accountType")
        .and_then(|t| c.one_of(t, path.key("accountType"), &["PRIVATE", "SHARED"]));
    let acl = v.get("aclConfigForShared").and_then(|acl| {
        let p = path.key("aclConfigForShared");
        c.object(
            acl,
            p.clone(),
            "{ allowAllUsers?, allowedUserIds?, notAllowedUserIds? }",
        )?;
        let all = acl
            .get("allowAllUsers")
            .and_then(|a| c.boolean(a, p.key("allowAllUsers")));
        let allowed = acl
            .get("allowedUserIds")
            .and_then(|a| user_ids(c, a, p.key("allowedUserIds")));
        let denied = acl
            .get("notAllowedUserIds")
            .and_then(|a| user_ids(c, a, p.key("notAllowedUserIds")));
        Some(Json::object([
            ("allow_all_users", all.map(Json::Bool)),
            ("allowed_user_ids", allowed),
            ("not_allowed_user_ids", denied),
        ]))
    });
    let out = Json::object([
        ("account_type", account_type.map(Json::Str)),
        ("acl_config_for_shared", acl),
    ]);
    (out != Json::obj()).then_some(out)
}

/// The `/link` response → `{ id, status: 'INITIATED', redirectUrl }`.
pub fn link_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a link result object")?;
    let id = at.str("connected_account_id")?;
    let redirect = at.opt_str("redirect_url")?;
    Ok(Json::object([
        ("id", Some(Json::str(id))),
        ("status", Some(Json::str("INITIATED"))),
        (
            "redirectUrl",
            Some(redirect.map(Json::str).unwrap_or(Json::Null)),
        ),
    ]))
}

/// What a polled status means for `waitForConnection`.
#[derive(Debug, PartialEq)]
pub enum Poll {
    Active,
    Failed,
    Pending,
}

pub fn poll_state(status: &str) -> Poll {
    match status {
        "ACTIVE" => Poll::Active,
        "FAILED" | "EXPIRED" | "REVOKED" => Poll::Failed,
        _ => Poll::Pending,
    }
}

/// The statuses a connected account may have (`ConnectedAccountStatusSchema`).
pub(crate) const STATUSES: [&str; 7] = [
    "INITIALIZING",
    "INITIATED",
    "ACTIVE",
    "FAILED",
    "EXPIRED",
    "INACTIVE",
    "REVOKED",
];

/// What a `state.val` member must be, as `ConnectionDataSchema` types it (connection_states.rs
/// is generated from that schema).
#[derive(Clone, Copy, Debug)]
pub enum StateKind {
    Str,
    Bool,
    Num,
    Obj,
    StrOrNull,
    /// `expires_in`: a string, a number or null.
    StrNumOrNull,
    /// `scope`: a string, an array of strings or null.
    StrStrsOrNull,
}

fn state_kind_ok(kind: StateKind, v: &Json) -> bool {
    match (kind, v) {
        (StateKind::Str | StateKind::StrOrNull, Json::Str(_)) => true,
        (StateKind::StrOrNull | StateKind::StrNumOrNull | StateKind::StrStrsOrNull, Json::Null) => {
            true
        }
        (StateKind::StrNumOrNull, Json::Str(_) | Json::Num(_)) => true,
        (StateKind::StrStrsOrNull, Json::Str(_)) => true,
        (StateKind::StrStrsOrNull, Json::Arr(items)) => {
            items.iter().all(|i| matches!(i, Json::Str(_)))
        }
        (StateKind::Bool, Json::Bool(_)) => true,
        (StateKind::Num, Json::Num(_)) => true,
        (StateKind::Obj, Json::Obj(_)) => true,
        _ => false,
    }
}

const STATUS_MEMBER: &[Member] = &[("status", StateKind::Str, true)];

/// `state` as `ConnectionDataSchema.parse` leaves it: `{ authScheme, val }` with `val`'s schema
/// members first (BaseSchemeRaw's, then `status`, then the status's own, in schema order) and
/// its other members after them in wire order. `None` when absent, or when it does not parse (an
/// unknown scheme, a status the scheme does not define, a member of the wrong type): the
/// official SDK logs a warning and leaves `state` out.
fn account_state(state: Option<&Json>) -> Option<Json> {
    let state = state?;
    let scheme = state.get("authScheme")?.as_str()?;
    let val = state.get("val")?;
    let Json::Obj(members) = val else {
        return None;
    };
    let status = val.get("status")?.as_str()?;
    let (_, variants) = SCHEMES.iter().find(|(s, _)| *s == scheme)?;
    let (_, own) = variants.iter().find(|(s, _)| *s == status)?;
    let named = || BASE.iter().chain(STATUS_MEMBER).chain(own.iter());
    let mut out = Vec::with_capacity(members.len());
    for &(key, kind, required) in named() {
        match val.get(key) {
            None if required => return None,
            None => {}
            Some(v) if !state_kind_ok(kind, v) => return None,
            Some(v) => out.push((key.to_string(), v.clone())),
        }
    }
    for (k, v) in members {
        if !named().any(|(key, _, _)| key == k) {
            out.push((k.clone(), v.clone()));
        }
    }
    Some(Json::object([
        ("authScheme", Some(Json::str(scheme))),
        ("val", Some(Json::Obj(out))),
    ]))
}

fn one_of(at: &At, key: &str, values: &[&str]) -> Shaped<Option<Json>> {
    match at.opt_str(key)? {
        None => Ok(None),
        Some(s) if values.contains(&s) => Ok(Some(Json::str(s))),
        Some(s) => Err(BadShape(format!(
            "`{}` should be one of {}, got '{s}'",
            crate::shape::join(at.path, key),
            values.join(" | ")
        ))),
    }
}

fn account_experimental(e: &Json) -> Shaped<Json> {
    let e = member(e, "experimental")?;
    let acl = match e.opt("acl_config_for_shared") {
        None => None,
        Some(a) => {
            let a = member(a, "experimental.acl_config_for_shared")?;
            let ids = |key: &str| -> Shaped<Json> {
                Ok(Json::Arr(strings(
                    a.arr(key)?,
                    &crate::shape::join(a.path, key),
                )?))
            };
            Some(Json::object([
                (
                    "allowAllUsers",
                    Some(Json::Bool(a.bool("allow_all_users")?)),
                ),
                ("allowedUserIds", Some(ids("allowed_user_ids")?)),
                ("notAllowedUserIds", Some(ids("not_allowed_user_ids")?)),
            ]))
        }
    };
    Ok(Json::object([
        (
            "accountType",
            one_of(&e, "account_type", &["PRIVATE", "SHARED"])?,
        ),
        ("aclConfigForShared", acl),
    ]))
}

/// `composio.connectedAccounts.get(id)`: `GET /api/v3.1/connected_accounts/{id}` → the
/// camelCase account exactly as `transformConnectedAccountResponse` +
/// `ConnectedAccountRetrieveResponseSchema` produce it (members in the schema's order, unknown
/// wire members dropped). Strict where the schema is: a missing or mistyped required member is a
/// `BadShape` naming it (the official SDK logs a warning and returns its unvalidated object
/// instead). `state` follows [`account_state`].
pub fn account_result(body: &Json) -> Shaped<Json> {
    account_at(&At::root(body, "a connected account object")?)
}

/// [`account_result`] for an account inside a larger answer (a list's `items[i]`).
pub fn account_at(at: &At) -> Shaped<Json> {
    let (mut abuf, mut tbuf) = (String::new(), String::new());
    let auth_config = pick(&at.obj("auth_config", &mut abuf)?, AUTH_CONFIG)?;
    let toolkit = pick(&at.obj("toolkit", &mut tbuf)?, TOOLKIT)?;
    let experimental = at
        .opt("experimental")
        .map(account_experimental)
        .transpose()?;
    let mut out = vec![("authConfig".to_string(), auth_config)];
    out.splice(0..0, members(pick(at, HEAD)?));
    out.extend(members(pick(at, MIDDLE)?));
    account_status(at)?;
    out.push(("toolkit".to_string(), toolkit));
    if let Some(state) = account_state(at.opt("state")) {
        out.push(("state".to_string(), state));
    }
    out.extend(members(pick(at, TAIL)?));
    if let Some(e) = experimental {
        out.push(("experimental".to_string(), e));
    }
    Ok(Json::Obj(out))
}

/// The required `status` member, which must be one of [`STATUSES`].
pub(crate) fn account_status(at: &At) -> Shaped<()> {
    let status = at.str("status")?;
    if !STATUSES.contains(&status) {
        return Err(BadShape(format!(
            "`status` should be one of {}, got '{status}'",
            STATUSES.join(" | ")
        )));
    }
    Ok(())
}

fn members(v: Json) -> Vec<(String, Json)> {
    match v {
        Json::Obj(pairs) => pairs,
        _ => Vec::new(),
    }
}

// `account_result`'s field tables, in the official schema's member order.
const HEAD: &[Field] = &[Field("id", "id", true, Kind::Str)];
const AUTH_CONFIG: &[Field] = &[
    Field("id", "id", true, Kind::Str),
    Field("auth_scheme", "authScheme", false, Kind::Str),
    Field("is_composio_managed", "isComposioManaged", true, Kind::Bool),
    Field("is_disabled", "isDisabled", true, Kind::Bool),
];
const MIDDLE: &[Field] = &[
    Field("word_id", "wordId", false, Kind::StrOrNullDefault),
    Field("alias", "alias", false, Kind::StrOrNullDefault),
    Field("data", "data", false, Kind::Obj),
    Field("params", "params", false, Kind::Obj),
    Field("status", "status", true, Kind::Str),
    Field("status_reason", "statusReason", true, Kind::StrOrNull),
];
const TOOLKIT: &[Field] = &[Field("slug", "slug", true, Kind::Str)];
const TAIL: &[Field] = &[
    Field(
        "test_request_endpoint",
        "testRequestEndpoint",
        false,
        Kind::Str,
    ),
    Field("is_disabled", "isDisabled", true, Kind::Bool),
    Field("created_at", "createdAt", true, Kind::Str),
    Field("updated_at", "updatedAt", true, Kind::Str),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn link_body_matches_the_observed_request() {
        let body = link_body(
            &j!("gmail"),
            &j!({"callbackUrl": "https://cb", "alias": "work",
                 "experimental": {"accountType": "SHARED", "aclConfigForShared": {"allowAllUsers": true}}}),
        )
        .unwrap();
        assert_eq!(
            body,
            j!({"toolkit":"gmail","callback_url":"https://cb","alias":"work",
                "experimental":{"account_type":"SHARED","acl_config_for_shared":{"allow_all_users":true}}})
        );
        assert_eq!(
            link_body(&j!("gmail"), &Json::Foreign("undefined")).unwrap(),
            j!({"toolkit": "gmail"})
        );
        assert_eq!(
            link_body(
                &j!("gmail"),
                &j!({"experimental": {"accountType": "PUBLIC"}})
            )
            .unwrap_err()
            .message(),
            "experimental.accountType: expected one of 'PRIVATE' | 'SHARED', got 'PUBLIC'"
        );
        assert_eq!(
            link_body(&j!(7), &Json::Null).unwrap_err().message(),
            "toolkit: expected a non-empty string, got a number"
        );
    }

    #[test]
    fn link_result_and_poll_states() {
        assert_eq!(
            link_result(&j!({"connected_account_id": "ca_1", "link_token": "t", "redirect_url": "https://r"}))
                .unwrap(),
            j!({"id": "ca_1", "status": "INITIATED", "redirectUrl": "https://r"})
        );
        assert_eq!(poll_state("ACTIVE"), Poll::Active);
        assert_eq!(poll_state("EXPIRED"), Poll::Failed);
        assert_eq!(poll_state("INITIALIZING"), Poll::Pending);
        assert_eq!(poll_state("INACTIVE"), Poll::Pending);
    }

    fn keys(v: &Json) -> Vec<&str> {
        let Json::Obj(pairs) = v else {
            panic!("not an object")
        };
        pairs.iter().map(|(k, _)| k.as_str()).collect()
    }

    /// What the emulator sends for an ACTIVE API-key account, with members the SDK drops.
    fn api_key_account() -> Json {
        j!({
            "id": "ca_1", "alias": null, "word_id": "linear_red-orchard", "status": "ACTIVE",
            "status_reason": null, "toolkit": {"slug": "linear", "name": "Linear"},
            "auth_config": {"id": "ac_1", "auth_scheme": "API_KEY", "is_composio_managed": false, "is_disabled": false},
            "state": {"authScheme": "API_KEY", "val": {"status": "ACTIVE", "zz": 1, "generic_api_key": "k"}},
            "data": {"status": "ACTIVE", "generic_api_key": "k"}, "params": {}, "is_disabled": false,
            "created_at": "c", "updated_at": "u", "user_id": "user_1", "requested_scopes": ["x"],
            "experimental": {"account_type": "PRIVATE"}
        })
    }

    #[test]
    fn account_result_is_what_the_official_sdk_returns() {
        // Checked against @composio/core 0.19.0's connectedAccounts.get() on the same body.
        let out = account_result(&api_key_account()).unwrap();
        assert_eq!(
            out,
            j!({
                "id": "ca_1",
                "authConfig": {"id": "ac_1", "authScheme": "API_KEY", "isComposioManaged": false, "isDisabled": false},
                "wordId": "linear_red-orchard", "alias": null,
                "data": {"status": "ACTIVE", "generic_api_key": "k"}, "params": {},
                "status": "ACTIVE", "statusReason": null, "toolkit": {"slug": "linear"},
                "state": {"authScheme": "API_KEY", "val": {"generic_api_key": "k", "status": "ACTIVE", "zz": 1}},
                "isDisabled": false, "createdAt": "c", "updatedAt": "u",
                "experimental": {"accountType": "PRIVATE"}
            })
        );
        assert_eq!(
            keys(&out),
            [
                "id",
                "authConfig",
                "wordId",
                "alias",
                "data",
                "params",
                "status",
                "statusReason",
                "toolkit",
                "state",
                "isDisabled",
                "createdAt",
                "updatedAt",
                "experimental"
            ]
        );
        // The schema's members first (BaseSchemeRaw's, then status), others after in wire order.
        assert_eq!(
            keys(out.get("state").unwrap().get("val").unwrap()),
            ["generic_api_key", "status", "zz"]
        );
    }

    #[test]
    fn account_result_keeps_optional_members_and_the_shared_acl() {
        let mut raw = api_key_account();
        if let Json::Obj(pairs) = &mut raw {
            pairs.retain(|(k, _)| {
                !matches!(
                    k.as_str(),
                    "word_id" | "alias" | "data" | "params" | "state"
                )
            });
            pairs.push(("test_request_endpoint".into(), j!("/me")));
            pairs.retain(|(k, _)| k != "experimental");
            pairs.push((
                "experimental".into(),
                j!({"account_type": "SHARED", "acl_config_for_shared":
                    {"allow_all_users": false, "allowed_user_ids": ["u9"], "not_allowed_user_ids": []}}),
            ));
        }
        let out = account_result(&raw).unwrap();
        assert_eq!(
            keys(&out),
            [
                "id",
                "authConfig",
                "wordId",
                "alias",
                "status",
                "statusReason",
                "toolkit",
                "testRequestEndpoint",
                "isDisabled",
                "createdAt",
                "updatedAt",
                "experimental"
            ]
        );
        assert_eq!(out.get("wordId"), Some(&Json::Null));
        assert_eq!(
            out.get("experimental").unwrap(),
            &j!({"accountType": "SHARED", "aclConfigForShared":
                 {"allowAllUsers": false, "allowedUserIds": ["u9"], "notAllowedUserIds": []}})
        );
    }

    #[test]
    fn a_state_the_schema_refuses_is_left_out() {
        let with_state = |state: Json| {
            let mut raw = api_key_account();
            if let Json::Obj(pairs) = &mut raw {
                for (k, v) in pairs.iter_mut() {
                    if k == "state" {
                        *v = state.clone();
                    }
                }
            }
            account_result(&raw).unwrap().get("state").cloned()
        };
        // API_KEY defines no REVOKED; OAuth2 ACTIVE needs access_token; unknown schemes; a
        // BaseSchemeRaw member of the wrong type.
        assert_eq!(
            with_state(j!({"authScheme": "API_KEY", "val": {"status": "REVOKED"}})),
            None
        );
        assert_eq!(
            with_state(j!({"authScheme": "OAUTH2", "val": {"status": "ACTIVE"}})),
            None
        );
        assert_eq!(
            with_state(j!({"authScheme": "MAGIC", "val": {"status": "ACTIVE"}})),
            None
        );
        assert_eq!(
            with_state(
                j!({"authScheme": "API_KEY", "val": {"status": "ACTIVE", "long_redirect_url": "yes"}})
            ),
            None
        );
        assert_eq!(
            with_state(
                j!({"authScheme": "OAUTH2", "val": {"status": "REVOKED", "revoked_at": "t"}, "x": 1})
            ),
            Some(j!({"authScheme": "OAUTH2", "val": {"status": "REVOKED", "revoked_at": "t"}}))
        );
        let active = with_state(
            j!({"authScheme": "OAUTH2", "val": {"status": "ACTIVE", "expires_in": 3599,
            "refresh_token": null, "token_type": "Bearer", "access_token": "a"}}),
        )
        .unwrap();
        assert_eq!(
            keys(active.get("val").unwrap()),
            [
                "status",
                "access_token",
                "token_type",
                "refresh_token",
                "expires_in"
            ]
        );
    }

    #[test]
    fn account_result_is_strict() {
        let without = |key: &str| {
            let mut raw = api_key_account();
            if let Json::Obj(pairs) = &mut raw {
                pairs.retain(|(k, _)| k != key);
            }
            account_result(&raw).unwrap_err().0
        };
        assert_eq!(without("id"), "missing `id`");
        assert_eq!(without("auth_config"), "missing `auth_config`");
        assert_eq!(without("status"), "missing `status`");
        assert_eq!(without("status_reason"), "missing `status_reason`");
        assert_eq!(without("toolkit"), "missing `toolkit`");
        assert_eq!(without("is_disabled"), "missing `is_disabled`");
        assert_eq!(without("created_at"), "missing `created_at`");
        assert_eq!(without("updated_at"), "missing `updated_at`");
        let bad = |raw: Json| account_result(&raw).unwrap_err().0;
        let mut raw = api_key_account();
        if let Json::Obj(pairs) = &mut raw {
            for (k, v) in pairs.iter_mut() {
                if k == "auth_config" {
                    *v = j!({"id": "ac_1", "is_disabled": false});
                }
            }
        }
        assert_eq!(bad(raw), "missing `auth_config.is_composio_managed`");
        let set = |key: &str, value: Json| {
            let mut raw = api_key_account();
            if let Json::Obj(pairs) = &mut raw {
                for (k, v) in pairs.iter_mut() {
                    if k == key {
                        *v = value.clone();
                    }
                }
            }
            bad(raw)
        };
        assert_eq!(
            set("status", j!("DONE")),
            "`status` should be one of INITIALIZING | INITIATED | ACTIVE | FAILED | EXPIRED | INACTIVE | REVOKED, got 'DONE'"
        );
        assert_eq!(set("toolkit", j!({})), "missing `toolkit.slug`");
        assert_eq!(
            set("word_id", j!(3)),
            "`word_id` should be a string or null, got a number"
        );
        assert_eq!(
            set("data", j!([])),
            "`data` should be an object, got an array"
        );
        assert_eq!(
            set(
                "experimental",
                j!({"account_type": "SHARED", "acl_config_for_shared": {"allow_all_users": true}})
            ),
            "missing `experimental.acl_config_for_shared.allowed_user_ids`"
        );
        assert_eq!(
            account_result(&j!("x")).unwrap_err().0,
            "expected a connected account object, got a string"
        );
    }
}
