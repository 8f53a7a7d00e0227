//! `session.update(config)`: the PATCH body (spec B5.9). Unlike create, nothing is defaulted:
//! only the keys given are sent, and `null` clears `manageConnections`, `sandbox` and
//! `multiAccount`.

use crate::create_config::{
    auth_configs, connected_accounts, multi_account_parts, preload, sandbox_or_workbench,
    sandbox_parts, tags, toolkits, tools,
};
use crate::json::Json;
use crate::validate::{Checker, Invalid, Path};

pub fn update_body(config: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    let Json::Obj(_) = config else {
        c.wrong_type(Path::default(), "an object", config);
        return c.finish(Json::Null);
    };
    let field = |name: &str| config.get(name);
    let mut body = Json::obj();
    let mut put = |key: &str, value: Option<Json>| {
        if let Some(v) = value {
            body.set(key, v);
        }
    };
    put(
        "toolkits",
        field("toolkits").and_then(|v| toolkits(&mut c, v)),
    );
    put("tools", field("tools").and_then(|v| tools(&mut c, v)));
    put(
        "tags",
        field("tags").and_then(|v| tags(&mut c, v, Path::root("tags"))),
    );
    put(
        "auth_configs",
        field("authConfigs").and_then(|v| auth_configs(&mut c, v)),
    );
    put(
        "connected_accounts",
        field("connectedAccounts").and_then(|v| connected_accounts(&mut c, v)),
    );
    put(
        "manage_connections",
        field("manageConnections").and_then(|v| manage_connections(&mut c, v)),
    );
    let sandbox = sandbox_or_workbench(&mut c, config).and_then(|(v, p)| sandbox(&mut c, v, p));
    put("workbench", sandbox);
    put(
        "multi_account",
        field("multiAccount").and_then(|v| multi_account(&mut c, v)),
    );
    put("preload", field("preload").and_then(|v| preload(&mut c, v)));
    c.finish(body)
}

fn manage_connections(c: &mut Checker, v: &Json) -> Option<Json> {
    match v {
        Json::Null => Some(Json::Null),
        Json::Bool(b) => Some(Json::object([("enable", Some(Json::Bool(*b)))])),
        Json::Obj(_) => crate::create_config::manage_connections_object(c, v, None),
        other => {
            c.wrong_type(
                Path::root("manageConnections"),
                "null, a boolean or { enable?, callbackUrl?, waitForConnections? }",
                other,
            );
            None
        }
    }
}

fn sandbox(c: &mut Checker, v: &Json, path: Path) -> Option<Json> {
    if let Json::Null = v {
        return Some(Json::Null);
    }
    let p = sandbox_parts(c, v, &path)?;
    Some(Json::object([
        ("enable", p.enable.map(Json::Bool)),
        ("enable_proxy_execution", p.proxy_execution.map(Json::Bool)),
        ("auto_offload_threshold", p.offload_threshold.map(Json::Num)),
        ("sandbox_size", p.size.map(Json::Str)),
    ]))
}

fn multi_account(c: &mut Checker, v: &Json) -> Option<Json> {
    if let Json::Null = v {
        return Some(Json::Null);
    }
    let p = multi_account_parts(c, v)?;
    Some(Json::object([
        ("enable", p.enable.map(Json::Bool)),
        ("max_accounts_per_toolkit", p.max_accounts.map(Json::Num)),
        (
            "require_explicit_selection",
            p.require_explicit_selection.map(Json::Bool),
        ),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn observed_example_translates_exactly() {
        let body = update_body(&j!({
            "toolkits": ["slack"], "manageConnections": {"callbackUrl": "x"},
            "sandbox": {"sandboxSize": "medium"}, "multiAccount": null,
            "connectedAccounts": {"gmail": "ca_9"}, "preload": {"tools": "all"},
            "tags": ["readOnlyHint"]
        }))
        .unwrap();
        assert_eq!(
            body,
            j!({"toolkits":{"enable":["slack"]},"tags":{"enable":["readOnlyHint"]},
                "connected_accounts":{"gmail":["ca_9"]},"manage_connections":{"callback_url":"x"},
                "workbench":{"sandbox_size":"medium"},"multi_account":null,"preload":{"tools":"all"}})
        );
    }

    #[test]
    fn nothing_is_defaulted() {
        assert_eq!(update_body(&j!({})).unwrap(), j!({}));
        assert_eq!(
            update_body(&j!({"multiAccount": {"enable": true}, "workbench": {}})).unwrap(),
            j!({"workbench": {}, "multi_account": {"enable": true}})
        );
        assert_eq!(
            update_body(&j!({"manageConnections": null, "workbench": null})).unwrap(),
            j!({"manage_connections": null, "workbench": null})
        );
        assert_eq!(
            update_body(&j!({"manageConnections": false})).unwrap(),
            j!({"manage_connections": {"enable": false}})
        );
    }

    #[test]
    fn invalid_updates_name_the_field() {
        let msg = |v| update_body(&v).unwrap_err().message();
        assert_eq!(
            msg(j!({"toolkits": "gmail"})),
            "toolkits: expected an array of strings or { enable } / { disable }, got a string"
        );
        assert_eq!(
            msg(j!({"sandbox": {}, "workbench": null})),
            "sandbox: Pass either sandbox or workbench, not both. workbench is a backwards-compatible alias for sandbox."
        );
        assert_eq!(
            msg(j!({"multiAccount": "on"})),
            "multiAccount: expected { enable?, maxAccountsPerToolkit?, requireExplicitSelection? }, got a string"
        );
        assert_eq!(msg(j!(null)), "config: expected an object, got null");
    }
}
