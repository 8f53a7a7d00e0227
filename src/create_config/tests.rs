//! The create translation against the bodies `@composio/core` 0.19.0 was observed to send
//! (spec B3), and the validation messages for bad input.

use super::create_body;
use crate::j;
use crate::json::Json;

fn body(config: Json) -> Json {
    create_body(&j!("user_1"), &config).expect("valid config")
}

fn error(config: Json) -> (String, Vec<(String, String)>) {
    let invalid = create_body(&j!("user_1"), &config).expect_err("invalid config");
    let issues = invalid
        .issues
        .iter()
        .map(|i| (i.code.to_string(), i.path.display()))
        .collect();
    (invalid.message(), issues)
}

#[test]
fn no_config_sends_user_and_manage_connections() {
    assert_eq!(
        create_body(&j!("user_1"), &Json::Null).unwrap(),
        j!({"user_id": "user_1", "manage_connections": {"enable": true}})
    );
    assert_eq!(
        body(j!({})),
        j!({"user_id": "user_1", "manage_connections": {"enable": true}})
    );
}

#[test]
fn direct_tools_preset_expands() {
    assert_eq!(
        body(j!({"sessionPreset": "direct_tools", "toolkits": ["gmail"]})),
        j!({"user_id":"user_1","toolkits":{"enable":["gmail"]},"manage_connections":{"enable":false},
            "workbench":{"enable":false},"preload":{"tools":"all"},"search":{"enable":false},
            "execute":{"enable_multi_execute":false}})
    );
}

#[test]
fn direct_tools_preset_keeps_explicit_values() {
    assert_eq!(
        body(
            j!({"sessionPreset": "direct_tools", "manageConnections": true,
                 "workbench": {"sandboxSize": "large"}, "preload": {"tools": ["GMAIL_SEND"]}})
        ),
        j!({"user_id":"user_1","manage_connections":{"enable":true},
            "workbench":{"enable":true,"sandbox_size":"large"},"preload":{"tools":["GMAIL_SEND"]},
            "search":{"enable":false},"execute":{"enable_multi_execute":false}})
    );
}

#[test]
fn every_field_translates_like_the_official_sdk() {
    let config = j!({
        "toolkits": ["gmail", "github"],
        "tools": {
            "gmail": ["GMAIL_SEND"],
            "github": {"disable": ["GITHUB_DELETE"]},
            "slack": {"tags": ["readOnlyHint"]},
            "x": {"tags": {"enable": ["readOnlyHint"], "disable": ["destructiveHint"]}}
        },
        "tags": ["readOnlyHint"],
        "authConfigs": {"gmail": "ac_1"},
        "connectedAccounts": {"gmail": "ca_1", "github": ["ca_2", "ca_3"]},
        "manageConnections": {"callbackUrl": "https://cb", "waitForConnections": true},
        "workbench": {"enableProxyExecution": true, "autoOffloadThreshold": 1000, "sandboxSize": "large"},
        "multiAccount": {"enable": true, "maxAccountsPerToolkit": 3},
        "preload": {"tools": ["GMAIL_SEND"]},
        "experimental": {"assistivePrompt": {"userTimezone": "UTC"}}
    });
    let expected = j!({"user_id":"user_1","auth_configs":{"gmail":"ac_1"},
        "connected_accounts":{"gmail":["ca_1"],"github":["ca_2","ca_3"]},
        "toolkits":{"enable":["gmail","github"]},
        "tools":{"gmail":{"enable":["GMAIL_SEND"]},"github":{"disable":["GITHUB_DELETE"]},
                 "slack":{"tags":{"enable":["readOnlyHint"]}},
                 "x":{"tags":{"enable":["readOnlyHint"],"disable":["destructiveHint"]}}},
        "tags":{"enable":["readOnlyHint"]},
        "manage_connections":{"enable":true,"callback_url":"https://cb","enable_wait_for_connections":true},
        "workbench":{"enable":true,"enable_proxy_execution":true,"auto_offload_threshold":1000,"sandbox_size":"large"},
        "multi_account":{"enable":true,"max_accounts_per_toolkit":3,"require_explicit_selection":true},
        "preload":{"tools":["GMAIL_SEND"]},
        "experimental":{"assistive_prompt_config":{"user_timezone":"UTC"}}});
    assert_eq!(body(config), expected);
}

#[test]
fn empty_values_are_sent_not_dropped() {
    assert_eq!(
        body(
            j!({"tags": [], "toolkits": [], "tools": {}, "authConfigs": {},
                 "connectedAccounts": {}, "manageConnections": {}, "sandbox": {}})
        ),
        j!({"user_id":"user_1","auth_configs":{},"connected_accounts":{},"toolkits":{"enable":[]},
            "tools":{},"tags":{"enable":[]},"manage_connections":{"enable":true},
            "workbench":{"enable":true}})
    );
}

#[test]
fn toolkit_objects_pass_through() {
    assert_eq!(
        body(j!({"toolkits": {"disable": ["gmail"]}})).get("toolkits"),
        Some(&j!({"disable": ["gmail"]}))
    );
    assert_eq!(
        body(j!({"toolkits": {"enable": []}})).get("toolkits"),
        Some(&j!({"enable": []}))
    );
}

#[test]
fn manage_connections_shapes() {
    let mc = |v: Json| {
        body(j!({"manageConnections": v}))
            .get("manage_connections")
            .cloned()
    };
    assert_eq!(mc(j!(false)), Some(j!({"enable": false})));
    assert_eq!(mc(j!(true)), Some(j!({"enable": true})));
    assert_eq!(
        mc(j!({"enable": false, "callbackUrl": "x"})),
        Some(j!({"enable": false, "callback_url": "x"}))
    );
}

#[test]
fn multi_account_inference() {
    let ma = |v: Json| body(j!({"multiAccount": v})).get("multi_account").cloned();
    assert_eq!(ma(j!({})), Some(j!({"enable": false})));
    assert_eq!(
        ma(j!({"enable": true})),
        Some(j!({"enable": true, "require_explicit_selection": true}))
    );
    assert_eq!(
        ma(j!({"enable": true, "requireExplicitSelection": false})),
        Some(j!({"enable": true, "require_explicit_selection": false}))
    );
    assert_eq!(
        ma(j!({"maxAccountsPerToolkit": 10, "unknown": 1})),
        Some(j!({"enable": false, "max_accounts_per_toolkit": 10}))
    );
}

#[test]
fn tags_object_keeps_given_members() {
    assert_eq!(body(j!({"tags": {}})).get("tags"), Some(&j!({})));
    assert_eq!(
        body(j!({"tags": {"disable": ["openWorldHint"]}})).get("tags"),
        Some(&j!({"disable": ["openWorldHint"]}))
    );
}

#[test]
fn preload_all_and_empty_timezone() {
    let b = body(
        j!({"preload": {"tools": "all"}, "experimental": {"assistivePrompt": {"userTimezone": ""}}}),
    );
    assert_eq!(b.get("preload"), Some(&j!({"tools": "all"})));
    assert_eq!(b.get("experimental"), None);
    assert_eq!(body(j!({"preload": {}})).get("preload"), Some(&j!({})));
}

#[test]
fn unknown_top_level_keys_and_mcp_are_not_sent() {
    assert_eq!(
        body(j!({"mcp": true, "somethingElse": 1})),
        j!({"user_id": "user_1", "manage_connections": {"enable": true}})
    );
}

#[test]
fn user_id_must_be_a_non_empty_string() {
    let e = create_body(&j!(""), &Json::Null).unwrap_err();
    assert_eq!(
        e.message(),
        "userId: expected a non-empty string, got an empty string"
    );
    let e = create_body(&Json::Foreign("undefined"), &Json::Null).unwrap_err();
    assert_eq!(
        e.message(),
        "userId: expected a non-empty string, got an undefined"
    );
}

#[test]
fn config_must_be_an_object() {
    assert_eq!(
        error(j!(["gmail"])).0,
        "config: expected an object, got an array"
    );
}

#[test]
fn toolkits_as_a_string_is_rejected() {
    assert_eq!(
        error(j!({"toolkits": "gmail"})),
        (
            "toolkits: expected an array of strings or { enable } / { disable }, got a string"
                .to_string(),
            vec![("invalid_type".to_string(), "toolkits".to_string())]
        )
    );
}

#[test]
fn toolkits_with_response_style_keys_is_rejected() {
    assert_eq!(
        error(j!({"toolkits": {"enabled": ["gmail"]}})).0,
        "toolkits: expected an array of strings or { enable } / { disable }, got an object with keys enabled"
    );
    assert_eq!(
        error(j!({"toolkits": {"enable": ["a"], "disable": ["b"]}})).0,
        "toolkits: expected only one of enable / disable, got both"
    );
    assert_eq!(
        error(j!({"toolkits": ["gmail", 3]})).0,
        "toolkits[1]: expected a string, got a number"
    );
}

#[test]
fn tools_with_two_keys_is_rejected() {
    assert_eq!(
        error(j!({"tools": {"gmail": {"enable": ["A"], "disable": ["B"]}}})).0,
        "tools.gmail: Only one of 'enable', 'disable', or 'tags' can be specified, but found: enable, disable"
    );
    assert_eq!(
        error(j!({"tools": {"gmail": "GMAIL_SEND"}})).0,
        "tools.gmail: expected an array of tool slugs or { enable } / { disable } / { tags }, got a string"
    );
    assert_eq!(
        error(j!({"tools": {"gmail": {"tags": ["readOnly"]}}})).0,
        "tools.gmail.tags[0]: expected one of 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint', got 'readOnly'"
    );
}

#[test]
fn strict_objects_reject_unknown_keys() {
    assert_eq!(
        error(j!({"manageConnections": {"foo": 1}})).0,
        "manageConnections: unrecognized key(s) 'foo'; expected only 'enable', 'callbackUrl', 'waitForConnections'"
    );
    assert_eq!(
        error(j!({"tags": {"enabled": ["readOnlyHint"]}})).0,
        "tags: unrecognized key(s) 'enabled'; expected only 'enable', 'disable'"
    );
    assert_eq!(
        error(j!({"preload": {"tool": ["X"]}})).0,
        "preload: unrecognized key(s) 'tool'; expected only 'tools'"
    );
}

#[test]
fn sandbox_and_workbench_together_is_rejected() {
    assert_eq!(
        error(j!({"sandbox": {}, "workbench": {}})),
        (
            "sandbox: Pass either sandbox or workbench, not both. workbench is a backwards-compatible alias for sandbox.".to_string(),
            vec![("custom".to_string(), "sandbox".to_string())]
        )
    );
}

#[test]
fn field_types_are_checked() {
    assert_eq!(
        error(j!({"sandbox": {"sandboxSize": "huge"}})).0,
        "sandbox.sandboxSize: expected one of 'standard' | 'medium' | 'large' | 'xlarge', got 'huge'"
    );
    assert_eq!(
        error(j!({"multiAccount": {"maxAccountsPerToolkit": 11}})).0,
        "multiAccount.maxAccountsPerToolkit: expected an integer from 2 to 10, got 11"
    );
    assert_eq!(
        error(j!({"connectedAccounts": {"gmail": 5}})).0,
        "connectedAccounts.gmail: expected a string or an array of strings, got a number"
    );
    assert_eq!(
        error(j!({"authConfigs": {"gmail": null}})).0,
        "authConfigs.gmail: expected a string, got null"
    );
    assert_eq!(
        error(j!({"toolkits": null})).0,
        "toolkits: expected an array of strings or { enable } / { disable }, got null"
    );
    assert_eq!(
        error(j!({"sessionPreset": "direct"})).0,
        "sessionPreset: expected 'direct_tools', got 'direct'"
    );
    assert_eq!(
        error(j!({"mcp": "yes"})).0,
        "mcp: expected a boolean, got a string"
    );
}

#[test]
fn all_issues_are_reported() {
    let (msg, issues) =
        error(j!({"toolkits": "gmail", "tags": ["x"], "multiAccount": {"enable": 1}}));
    assert_eq!(
        msg,
        "toolkits: expected an array of strings or { enable } / { disable }, got a string (and 2 more issues)"
    );
    let paths: Vec<&str> = issues.iter().map(|(_, p)| p.as_str()).collect();
    assert_eq!(paths, ["toolkits", "tags[0]", "multiAccount.enable"]);
}

#[test]
fn local_slugs_in_preload_are_rejected() {
    assert_eq!(
        error(j!({"preload": {"tools": ["GMAIL_SEND", "local_x"]}})).0,
        "preload.tools: Custom tool slugs are not supported in preload.tools: local_x. Set preload: true on the SDK custom tool or custom toolkit definition instead."
    );
}

#[test]
fn custom_tools_are_not_supported_yet() {
    assert_eq!(
        error(j!({"experimental": {"customTools": [{"slug": "x"}]}})).0,
        "experimental.customTools: custom tools are not supported by composio-wasm yet; remove experimental.customTools"
    );
    // An empty list changes nothing in the official SDK either.
    assert_eq!(
        body(j!({"experimental": {"customToolkits": []}})).get("experimental"),
        None
    );
}
