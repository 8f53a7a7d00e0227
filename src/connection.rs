//! `session.authorize()` and `ConnectionRequest.waitForConnection()`: the link body, the link
//! response, the connected-account mapping, and what each polled status means (spec B5.4).

use crate::json::Json;
use crate::shape::{At, Shaped};
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

fn user_ids(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
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

/// `GET /api/v3.1/connected_accounts/{id}` → the camelCase connected account.
pub fn connected_account(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a connected account object")?;
    let id = at.str("id")?;
    let status = at.str("status")?;
    let mut buf = String::new();
    let ac = at.obj("auth_config", &mut buf)?;
    let auth_config = Json::object([
        ("id", Some(Json::str(ac.str("id")?))),
        ("authScheme", ac.opt("auth_scheme").cloned()),
        ("isComposioManaged", ac.opt("is_composio_managed").cloned()),
        ("isDisabled", ac.opt("is_disabled").cloned()),
    ]);
    let state = at
        .opt("state")
        .filter(|s| s.get("authScheme").and_then(Json::as_str).is_some())
        .cloned();
    let experimental = at.opt("experimental").map(|e| {
        let acl = e
            .get("acl_config_for_shared")
            .filter(|a| !matches!(a, Json::Null));
        Json::object([
            ("accountType", e.get("account_type").cloned()),
            (
                "aclConfigForShared",
                acl.map(|a| {
                    Json::object([
                        ("allowAllUsers", a.get("allow_all_users").cloned()),
                        ("allowedUserIds", a.get("allowed_user_ids").cloned()),
                        ("notAllowedUserIds", a.get("not_allowed_user_ids").cloned()),
                    ])
                }),
            ),
        ])
    });
    let raw = |k: &str| at.opt(k).cloned();
    Ok(Json::object([
        ("id", Some(Json::str(id))),
        ("authConfig", Some(auth_config)),
        ("wordId", Some(raw("word_id").unwrap_or(Json::Null))),
        ("alias", Some(raw("alias").unwrap_or(Json::Null))),
        ("data", raw("data")),
        ("params", raw("params")),
        ("status", Some(Json::str(status))),
        (
            "statusReason",
            Some(raw("status_reason").unwrap_or(Json::Null)),
        ),
        ("toolkit", raw("toolkit")),
        ("state", state),
        ("testRequestEndpoint", raw("test_request_endpoint")),
        ("isDisabled", raw("is_disabled")),
        ("createdAt", raw("created_at")),
        ("updatedAt", raw("updated_at")),
        ("experimental", experimental),
    ]))
}

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

    #[test]
    fn connected_account_is_camel_cased() {
        let raw = j!({
            "id": "ca_1", "alias": null, "word_id": "gmail_red-castle", "status": "ACTIVE",
            "status_reason": null, "toolkit": {"slug": "gmail"},
            "auth_config": {"id": "ac_1", "auth_scheme": "OAUTH2", "is_composio_managed": true, "is_disabled": false},
            "state": {"authScheme": "OAUTH2", "val": {"status": "ACTIVE"}},
            "data": {}, "params": {}, "is_disabled": false, "created_at": "c", "updated_at": "u", "user_id": "user_1",
            "experimental": {"account_type": "PRIVATE"}
        });
        assert_eq!(
            connected_account(&raw).unwrap(),
            j!({
                "id": "ca_1",
                "authConfig": {"id": "ac_1", "authScheme": "OAUTH2", "isComposioManaged": true, "isDisabled": false},
                "wordId": "gmail_red-castle", "alias": null, "data": {}, "params": {}, "status": "ACTIVE",
                "statusReason": null, "toolkit": {"slug": "gmail"},
                "state": {"authScheme": "OAUTH2", "val": {"status": "ACTIVE"}},
                "isDisabled": false, "createdAt": "c", "updatedAt": "u",
                "experimental": {"accountType": "PRIVATE"}
            })
        );
    }
}
