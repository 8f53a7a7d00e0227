//! `composio.triggers.*` management calls: trigger instances (`listActive`, `create`,
//! `update`/`enable`/`disable`, `delete`), trigger types (`listTypes`, `getType`, `listEnum`),
//! the project's webhook subscription (`setWebhookSubscription`) and the realtime credentials
//! behind `subscribe()`. Requests as @composio/core 0.19.0 sends them; answers read strictly into
//! the shapes its transformers (and their zod schemas, which set the key order) produce.

use crate::accounts::page_result;
use crate::client_config::ClientConfig;
use crate::json::Json;
use crate::query::{encode, query_string, QueryValue};
use crate::shape::{pick, strings, At, BadShape, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

/// How a query option is read: a list of strings, a string, a positive integer, a boolean.
#[derive(Clone, Copy)]
enum Opt {
    List,
    Str,
    Int,
    Bool,
}

/// A query's options: `(js name, wire name, kind, null allowed)`, in the order they are sent.
type Spec = &'static [(&'static str, &'static str, Opt, bool)];

/// The query of a list call from the caller's options object: unknown keys refused, each option
/// checked, `null` left out where the official schema allows it (and refused where it does
/// not), lists comma-joined, in the spec's order.
fn options_query(query: &Json, expected: &str, spec: Spec) -> Result<String, Invalid> {
    let mut c = Checker::default();
    let root = Path::root("query");
    let Some(query) = c.options(query, root.clone(), expected) else {
        return c.finish(String::new());
    };
    if let Some(pairs) = query.as_object() {
        let known: Vec<&str> = spec.iter().map(|s| s.0).collect();
        c.only_keys(pairs, &root, &known);
    }
    let mut pairs = Vec::with_capacity(spec.len());
    for &(js, wire, kind, nullable) in spec {
        let value = match query.get(js) {
            None => None,
            Some(Json::Null) if nullable => None,
            Some(v) => {
                let path = root.key(js);
                match kind {
                    Opt::List => c.string_array(v, path).map(QueryValue::List),
                    Opt::Str => c.string(v, path).map(QueryValue::Str),
                    Opt::Int => crate::toolkits::limit(&mut c, v, path).map(QueryValue::Int),
                    Opt::Bool => c.boolean(v, path).map(QueryValue::Bool),
                }
            }
        };
        pairs.push((wire, value));
    }
    c.finish(query_string(&pairs))
}

/// `listActive({ authConfigIds?, connectedAccountIds?, cursor?, limit?, showDisabled?,
/// triggerIds?, triggerNames? })` → the query in the official order (`cursor` and `limit` are
/// not nullable upstream).
pub fn list_active_query(query: &Json) -> Result<String, Invalid> {
    options_query(
        query,
        "{ authConfigIds?, connectedAccountIds?, cursor?, limit?, showDisabled?, triggerIds?, triggerNames? }",
        &[
            ("authConfigIds", "auth_config_ids", Opt::List, true),
            ("connectedAccountIds", "connected_account_ids", Opt::List, true),
            ("cursor", "cursor", Opt::Str, false),
            ("limit", "limit", Opt::Int, false),
            ("showDisabled", "show_disabled", Opt::Bool, true),
            ("triggerIds", "trigger_ids", Opt::List, true),
            ("triggerNames", "trigger_names", Opt::List, true),
        ],
    )
}

const ACTIVE_ITEM: &[Field] = &[
    Field("id", "id", true, Kind::Str),
    Field(
        "connected_account_id",
        "connectedAccountId",
        true,
        Kind::Str,
    ),
    Field("disabled_at", "disabledAt", true, Kind::StrOrNull),
    Field("state", "state", true, Kind::Obj),
    Field("trigger_config", "triggerConfig", true, Kind::Obj),
    Field("trigger_name", "triggerName", true, Kind::Str),
    Field("updated_at", "updatedAt", true, Kind::Str),
    Field("trigger_data", "triggerData", false, Kind::Str),
    Field("uuid", "uuid", false, Kind::Str),
];

/// The active-instances page → `{ items, nextCursor, totalPages }` (items in camelCase).
pub fn list_active_result(body: &Json) -> Shaped<Json> {
    page_result(body, "a trigger instance list object", |at| {
        pick(at, ACTIVE_ITEM)
    })
}

/// The caller's toolkit versions (worked out by the JS layer as the official client does:
/// `'latest'`, a version string, or `{ toolkit: version }`) as the `toolkit_versions` query
/// pairs: `toolkit_versions=latest` or `toolkit_versions%5Bgithub%5D=v` (qs's bracket form).
fn versions_query(v: &Json) -> Result<String, Invalid> {
    let key = "toolkit_versions";
    match v {
        Json::Null => Ok(format!("{key}=latest")),
        Json::Str(s) => Ok(format!("{key}={}", encode(s))),
        Json::Obj(pairs) => {
            let mut c = Checker::default();
            let mut out = Vec::new();
            for (k, value) in pairs {
                if let Some(s) = c.string(value, Path::root("toolkitVersions").key(k)) {
                    out.push(format!("{}={}", encode(&format!("{key}[{k}]")), encode(&s)));
                }
            }
            c.finish(out.join("&"))
        }
        other => Err(Invalid::wrong_type(
            Path::root("toolkitVersions"),
            "a string or an object of strings",
            other,
        )),
    }
}

/// The same versions as a body member (`toolkit_versions` of the upsert).
fn versions_body(v: &Json) -> Result<Json, Invalid> {
    versions_query(v)?;
    Ok(match v {
        Json::Null => Json::str("latest"),
        other => other.clone(),
    })
}

fn join_query(a: String, b: String) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b,
        (_, true) => a,
        _ => a + "&" + &b,
    }
}

/// `getType(slug)` → `toolkit_versions` only.
pub fn get_type_query(versions: &Json) -> Result<String, Invalid> {
    versions_query(versions)
}

/// `listTypes({ cursor?, limit?, toolkits? })` → `cursor`, `limit`, `toolkit_slugs`,
/// `toolkit_versions`.
pub fn list_types_query(query: &Json, versions: &Json) -> Result<String, Invalid> {
    let q = options_query(
        query,
        "{ cursor?, limit?, toolkits? }",
        &[
            ("cursor", "cursor", Opt::Str, false),
            ("limit", "limit", Opt::Int, true),
            ("toolkits", "toolkit_slugs", Opt::List, true),
        ],
    )?;
    Ok(join_query(q, versions_query(versions)?))
}

/// One trigger type in the official schema's key order (`slug, name, description,
/// instructions?, toolkit { logo, slug, name }, payload, config, version?`); other members
/// (`type`, `requires_webhook_endpoint_setup`) dropped as the schema drops them.
fn trigger_type(at: &At) -> Shaped<Json> {
    let mut head = pick(
        at,
        &[
            Field("slug", "slug", true, Kind::Str),
            Field("name", "name", true, Kind::Str),
            Field("description", "description", true, Kind::Str),
            Field("instructions", "instructions", false, Kind::Str),
        ],
    )?;
    let mut buf = String::new();
    let toolkit = pick(
        &at.obj("toolkit", &mut buf)?,
        &[
            Field("logo", "logo", true, Kind::Str),
            Field("slug", "slug", true, Kind::Str),
            Field("name", "name", true, Kind::Str),
        ],
    )?;
    let tail = pick(
        at,
        &[
            Field("payload", "payload", true, Kind::Obj),
            Field("config", "config", true, Kind::Obj),
            Field("version", "version", false, Kind::Str),
        ],
    )?;
    head.set("toolkit", toolkit);
    if let (Json::Obj(out), Json::Obj(rest)) = (&mut head, tail) {
        out.extend(rest);
    }
    Ok(head)
}

pub fn type_result(body: &Json) -> Shaped<Json> {
    trigger_type(&At::root(body, "a trigger type object")?)
}

pub fn list_types_result(body: &Json) -> Shaped<Json> {
    page_result(body, "a trigger type list object", trigger_type)
}

/// `listEnum()`: the array of trigger slugs, as received.
pub fn enum_result(body: &Json) -> Shaped<Json> {
    match body {
        Json::Arr(items) => Ok(Json::Arr(strings(items, "")?)),
        other => Err(crate::shape::wrong("(root)", "an array of strings", other)),
    }
}

/// `create(userId, slug, body?)`: `userId` must be a non-empty string (after trimming, as
/// upstream), `body` `{ connectedAccountId?, triggerConfig? }`. Checked before the type lookup,
/// so nothing is sent for bad input.
fn create_input(user_id: &Json, body: &Json) -> Result<(String, Json), Invalid> {
    let mut c = Checker::default();
    let user = match user_id {
        Json::Str(s) if !s.trim().is_empty() => Some(s.clone()),
        Json::Str(_) => {
            c.issue(
                "too_small",
                Path::root("userId"),
                "A non-empty userId is required to create a trigger",
            );
            None
        }
        other => {
            c.wrong_type(Path::root("userId"), "a non-empty string", other);
            None
        }
    };
    let root = Path::root("body");
    let Some(body) = c.options(
        body,
        root.clone(),
        "{ connectedAccountId?, triggerConfig? }",
    ) else {
        return c.finish((String::new(), Json::Null));
    };
    if let Some(pairs) = body.as_object() {
        c.only_keys(pairs, &root, &["connectedAccountId", "triggerConfig"]);
    }
    let account = body
        .get("connectedAccountId")
        .and_then(|v| c.string(v, root.key("connectedAccountId")));
    let config = body.get("triggerConfig").and_then(|v| {
        let path = root.key("triggerConfig");
        c.object(v, path.clone(), "an object")?;
        c.sendable(v, path);
        Some(v.clone())
    });
    let out = Json::object([
        ("connected_account_id", account.map(Json::Str)),
        ("trigger_config", config),
    ]);
    c.finish((user.unwrap_or_default(), out))
}

/// The type lookup `create()` makes first: checks every argument of the create, then asks for
/// the type (`GET /triggers_types/{slug}`).
pub fn create_check(args: &[&Json]) -> Result<(String, String), Invalid> {
    let [user_id, slug, body, versions] = args else {
        unreachable!("four arguments")
    };
    create_input(user_id, body)?;
    let slug = slug_param(slug)?;
    Ok((slug, get_type_query(versions)?))
}

/// The upsert body `{ connected_account_id?, trigger_config?, toolkit_versions, user_id }`.
pub fn create_body(args: &[&Json]) -> Result<(String, Json), Invalid> {
    let [user_id, slug, body, versions] = args else {
        unreachable!("four arguments")
    };
    let (user, mut out) = create_input(user_id, body)?;
    let slug = slug_param(slug)?;
    out.set("toolkit_versions", versions_body(versions)?);
    out.set("user_id", Json::Str(user));
    Ok((slug, out))
}

fn slug_param(v: &Json) -> Result<String, Invalid> {
    match v {
        Json::Str(s) => Ok(s.clone()),
        other => Err(Invalid::wrong_type(
            Path::root("slug"),
            "a trigger type slug",
            other,
        )),
    }
}

/// `{ trigger_id }` → `{ triggerId }` (the upsert's and the delete's answer).
pub fn trigger_id_result(body: &Json) -> Shaped<Json> {
    pick(
        &At::root(body, "a trigger id object")?,
        &[Field("trigger_id", "triggerId", true, Kind::Str)],
    )
}

/// `update(id, { status: 'enable' | 'disable' })` → the body, checked (upstream sends whatever
/// it is given).
pub fn update_body(body: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let root = Path::root("body");
    let Some(pairs) = c.object(body, root.clone(), "{ status: 'enable' | 'disable' }") else {
        return c.finish(Json::Null);
    };
    c.only_keys(pairs, &root, &["status"]);
    let status = c.one_of(
        body.get("status").unwrap_or(&Json::Null),
        root.key("status"),
        &["enable", "disable"],
    );
    c.finish(Json::object([("status", status.map(Json::Str))]))
}

/// The status update's answer `{ status: 'success' }`, passed through as received.
pub fn update_result(body: &Json) -> Shaped<Json> {
    crate::accounts::passed(
        body,
        "a trigger status result object",
        &[Field("status", "status", true, Kind::Str)],
    )
}

/// `setWebhookSubscription({ webhookUrl, enabledEvents?, version? })` → the body the create and
/// the update both send: `{ webhook_url, enabled_events, version }` with the defaults
/// `['composio.trigger.message']` and `'V3'`.
pub fn subscription_body(params: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let root = Path::root("params");
    let expected = "{ webhookUrl, enabledEvents?, version? }";
    let Some(pairs) = c.object(params, root.clone(), expected) else {
        return c.finish(Json::Null);
    };
    c.only_keys(pairs, &root, &["webhookUrl", "enabledEvents", "version"]);
    let url = match params.get("webhookUrl").unwrap_or(&Json::Null) {
        Json::Str(s) if !s.is_empty() => Some(s.clone()),
        Json::Str(_) => {
            c.issue(
                "too_small",
                root.key("webhookUrl"),
                "expected a non-empty URL",
            );
            None
        }
        other => {
            c.wrong_type(root.key("webhookUrl"), "a URL string", other);
            None
        }
    };
    let events = match params.get("enabledEvents") {
        None | Some(Json::Foreign("undefined")) => Some(vec!["composio.trigger.message".into()]),
        Some(v) => match c.string_array(v, root.key("enabledEvents")) {
            Some(list) if list.is_empty() => {
                c.issue(
                    "too_small",
                    root.key("enabledEvents"),
                    "expected at least one event type",
                );
                None
            }
            other => other,
        },
    };
    let version = match params.get("version") {
        None | Some(Json::Foreign("undefined")) => Some("V3".to_string()),
        Some(v) => c.one_of(v, root.key("version"), &["V1", "V2", "V3"]),
    };
    c.finish(Json::object([
        ("webhook_url", url.map(Json::Str)),
        (
            "enabled_events",
            events.map(|e| Json::Arr(e.into_iter().map(Json::Str).collect())),
        ),
        ("version", version.map(Json::Str)),
    ]))
}

/// The subscription list (`?limit=1`) → the first subscription's id, or null when there is none.
pub fn first_subscription(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a webhook subscription list object")?;
    let items = at.arr("items")?;
    match items.first() {
        None => Ok(Json::Null),
        Some(first) => {
            let mut buf = String::new();
            let item = crate::shape::item(first, "items", 0, &mut buf)?;
            Ok(Json::str(item.str("id")?))
        }
    }
}

/// A webhook subscription's members: the JS name, then the snake_case and camelCase wire names
/// (upstream reads both, snake_case first).
const SUBSCRIPTION: &[(&str, &str, &str)] = &[
    ("id", "id", "id"),
    ("webhookUrl", "webhook_url", "webhookUrl"),
    ("version", "version", "version"),
    ("secret", "secret", "secret"),
    ("createdAt", "created_at", "createdAt"),
    ("updatedAt", "updated_at", "updatedAt"),
];

/// A webhook subscription → `{ id, webhookUrl, version, enabledEvents, secret?, createdAt?,
/// updatedAt? }` as upstream maps it (empty strings count as absent, `version` defaults to V3,
/// `enabled_events` when non-empty, else `enabledEvents`); `id` and the URL are required, and a
/// member of the wrong type is an error.
pub fn subscription_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a webhook subscription object")?;
    let mut out = Vec::with_capacity(7);
    for &(js, snake, camel) in SUBSCRIPTION {
        let mut found = None;
        for key in [snake, camel] {
            if let Some(s) = at.opt_str(key)?.filter(|s| !s.is_empty()) {
                found = Some(Json::str(s));
                break;
            }
        }
        let value = match found {
            Some(v) => v,
            None if js == "version" => Json::str("V3"),
            None if out.len() < 2 => return Err(BadShape(format!("missing `{snake}`"))),
            None => continue,
        };
        out.push((js.to_string(), value));
        if js == "version" {
            out.push(("enabledEvents".to_string(), enabled_events(&at)?));
        }
    }
    Ok(Json::Obj(out))
}

fn enabled_events(at: &At) -> Shaped<Json> {
    let mut events = Vec::new();
    for key in ["enabled_events", "enabledEvents"] {
        if at.opt(key).is_some() && events.is_empty() {
            events = strings(at.arr(key)?, key)?;
        }
    }
    Ok(Json::Arr(events))
}

/// `GET /api/v3/internal/sdk/realtime/credentials` → `{ projectId, pusherKey, pusherCluster,
/// authEndpoint }` plus, when the server names one (the emulator does; Pusher's own service is
/// reached through the cluster), `host` (`host:port`) and `tls`. `authEndpoint` is the
/// private-channel auth URL on the client's base URL, as upstream builds it.
pub fn realtime_credentials(body: &Json, config: &ClientConfig) -> Shaped<Json> {
    let at = At::root(body, "a realtime credentials object")?;
    let mut out = pick(
        &at,
        &[
            Field("project_id", "projectId", true, Kind::Str),
            Field("pusher_key", "pusherKey", true, Kind::Str),
            Field("pusher_cluster", "pusherCluster", true, Kind::Str),
            Field("pusher_host", "host", false, Kind::Str),
            Field("pusher_tls", "tls", false, Kind::Bool),
        ],
    )?;
    out.set(
        "authEndpoint",
        Json::Str(format!(
            "{}/api/v3/internal/sdk/realtime/auth",
            config.base_url.trim_end_matches('/')
        )),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn list_active_query_is_the_official_one() {
        let q = list_active_query(&j!({"triggerNames": ["GMAIL_NEW"], "limit": 5,
            "authConfigIds": ["ac_1", "ac 2"], "showDisabled": true, "connectedAccountIds": [],
            "cursor": "c", "triggerIds": null}))
        .unwrap();
        assert_eq!(
            q,
            "auth_config_ids=ac_1%2Cac%202&cursor=c&limit=5&show_disabled=true&trigger_names=GMAIL_NEW"
        );
        assert_eq!(list_active_query(&Json::Null).unwrap(), "");
        let err = |v: Json| list_active_query(&v).unwrap_err().message();
        assert!(err(j!({"limit": 0})).starts_with("query.limit:"));
        assert!(err(j!({"cursor": null})).starts_with("query.cursor:"));
        assert!(err(j!({"triggerId": "x"})).contains("'triggerId'"));
        assert!(err(j!({"showDisabled": "yes"})).starts_with("query.showDisabled:"));
    }

    #[test]
    fn list_active_items_are_camel_case() {
        let body = j!({"items": [{"id": "ti_1", "connected_account_id": "ca_1",
            "disabled_at": null, "state": {}, "trigger_config": {"a": 1},
            "trigger_name": "GMAIL_NEW", "updated_at": "t", "user_id": "u", "uuid": "x"}],
            "total_pages": 1, "current_page": 1});
        assert_eq!(
            list_active_result(&body).unwrap(),
            j!({"items": [{"id": "ti_1", "connectedAccountId": "ca_1", "disabledAt": null,
                "state": {}, "triggerConfig": {"a": 1}, "triggerName": "GMAIL_NEW",
                "updatedAt": "t", "uuid": "x"}], "nextCursor": null, "totalPages": 1})
        );
        let bad = j!({"items": [{"id": "ti_1"}], "total_pages": 1});
        assert_eq!(
            list_active_result(&bad).unwrap_err().0,
            "missing `items[0].connected_account_id`"
        );
    }

    #[test]
    fn toolkit_versions_as_qs_writes_them() {
        assert_eq!(
            get_type_query(&Json::Null).unwrap(),
            "toolkit_versions=latest"
        );
        assert_eq!(
            get_type_query(&j!({"github": "2025_01", "gmail": "latest"})).unwrap(),
            "toolkit_versions%5Bgithub%5D=2025_01&toolkit_versions%5Bgmail%5D=latest"
        );
        assert!(get_type_query(&j!(1)).is_err());
        assert_eq!(
            list_types_query(
                &j!({"toolkits": ["gmail", "slack"], "limit": 3}),
                &Json::Null
            )
            .unwrap(),
            "limit=3&toolkit_slugs=gmail%2Cslack&toolkit_versions=latest"
        );
    }

    #[test]
    fn trigger_types_are_in_schema_order() {
        let t = j!({"type": "poll", "version": "v", "config": {}, "payload": {},
            "toolkit": {"slug": "gmail", "name": "Gmail", "logo": "l"}, "instructions": "i",
            "description": "d", "name": "n", "slug": "GMAIL_NEW"});
        let out = type_result(&t).unwrap();
        assert_eq!(
            crate::json_text::to_text(&out, |n| n.to_string()),
            r#"{"slug":"GMAIL_NEW","name":"n","description":"d","instructions":"i","toolkit":{"logo":"l","slug":"gmail","name":"Gmail"},"payload":{},"config":{},"version":"v"}"#
        );
        assert_eq!(
            type_result(&j!({"slug": "X", "name": "n", "description": "d"}))
                .unwrap_err()
                .0,
            "missing `toolkit`"
        );
        assert_eq!(enum_result(&j!(["A", "B"])).unwrap(), j!(["A", "B"]));
        assert!(enum_result(&j!({"items": []})).is_err());
    }

    #[test]
    fn create_checks_before_anything_is_sent() {
        let a = |u: Json, b: Json| {
            create_body(&[&u, &Json::str("GMAIL_NEW"), &b, &Json::Null]).map(|(_, b)| b)
        };
        assert_eq!(
            a(j!("u1"), Json::Null).unwrap(),
            j!({"toolkit_versions": "latest", "user_id": "u1"})
        );
        assert_eq!(
            a(
                j!("u1"),
                j!({"triggerConfig": {"x": 1}, "connectedAccountId": "ca"})
            )
            .unwrap(),
            j!({"connected_account_id": "ca", "trigger_config": {"x": 1},
                "toolkit_versions": "latest", "user_id": "u1"})
        );
        assert_eq!(
            a(j!("  "), Json::Null).unwrap_err().message(),
            "userId: A non-empty userId is required to create a trigger"
        );
        assert!(a(j!("u"), j!({"triggerConfig": 1}))
            .unwrap_err()
            .message()
            .starts_with("body.triggerConfig:"));
        assert!(a(j!("u"), j!({"connectedAccountID": "x"})).is_err());
    }

    #[test]
    fn status_and_subscription_bodies() {
        assert_eq!(
            update_body(&j!({"status": "enable"})).unwrap(),
            j!({"status": "enable"})
        );
        assert!(update_body(&j!({"status": "on"})).is_err());
        assert_eq!(
            subscription_body(&j!({"webhookUrl": "https://a/b"})).unwrap(),
            j!({"webhook_url": "https://a/b", "enabled_events": ["composio.trigger.message"], "version": "V3"})
        );
        assert!(subscription_body(&j!({"webhookUrl": ""})).is_err());
        assert!(subscription_body(&j!({"webhookUrl": "u", "enabledEvents": []})).is_err());
        assert!(subscription_body(&j!({"webhookUrl": "u", "version": "V4"})).is_err());
    }

    #[test]
    fn subscriptions_read_like_upstream() {
        assert_eq!(first_subscription(&j!({"items": []})).unwrap(), Json::Null);
        assert_eq!(
            first_subscription(&j!({"items": [{"id": "ws_1"}]})).unwrap(),
            j!("ws_1")
        );
        let out = subscription_result(&j!({"webhookUrl": "https://x", "id": "ws_1",
            "enabled_events": [], "enabledEvents": ["e"], "secret": "s"}))
        .unwrap();
        assert_eq!(
            out,
            j!({"id": "ws_1", "webhookUrl": "https://x", "version": "V3",
                "enabledEvents": ["e"], "secret": "s"})
        );
        assert_eq!(
            subscription_result(&j!({"id": "ws_1"})).unwrap_err().0,
            "missing `webhook_url`"
        );
    }
}
