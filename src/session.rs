//! The session-shaped response (spec A6.4) mapped to the fields of the JS session object
//! (spec B3): `sessionId`, `mcp`, raw `config`, `preload`, `sandbox`, `configVersion`,
//! `warnings` and `experimental.assistivePrompt`.

use crate::json::Json;
use crate::json_text::{parse_members, Members};
use crate::shape::{wrong, At, Shaped};

/// Where the response came from decides what JS gets: `create` exposes the assistive prompt,
/// `use` never does (spec B4).
#[derive(Clone, Copy, PartialEq)]
pub enum Source {
    Create,
    Retrieve,
}

/// Maps a session response to the JS-facing fields. The API key goes into `mcp.headers`
/// because MCP clients need it to reach the session's MCP URL.
pub fn session_fields(body: &Json, api_key: &str, source: Source) -> Shaped<Json> {
    let at = At::root(body, "a session object")?;
    let session_id = at.str("session_id")?;
    let mut buf = String::new();
    let mcp = at.obj("mcp", &mut buf)?;
    let mcp_type = mcp.str("type")?;
    let mcp_url = mcp.str("url")?;
    // Kept as received (`Json::Raw`) by the endpoint rows, so that a large config costs its
    // text, not a tree; a built one (tests, other callers) works the same.
    let config = at.req("config")?;
    if config.kind() != "object" {
        return Err(wrong("config", "an object", config));
    }
    let raw_members;
    let members = match config {
        Json::Raw(text) => {
            let only = Members {
                keep: &["preload", "workbench"],
                raw: &[],
                all_raw: true,
            };
            // (Every kept member stays text: no number is read.)
            raw_members = parse_members(text, |_| 0.0, only).unwrap_or(Json::Null);
            &raw_members
        }
        built => built,
    };
    let config_version = match body.get("config_version") {
        None | Some(Json::Null) => None,
        Some(Json::Num(n)) => Some(Json::Num(*n)),
        Some(other) => return Err(wrong("config_version", "a number", other)),
    };
    let warnings = match body.get("warnings") {
        None => Json::Arr(Vec::new()),
        Some(w) if w.kind() == "null" => Json::Arr(Vec::new()),
        // (An array kept as received text reads as one too.)
        Some(w) if w.kind() == "array" => w.clone(),
        Some(other) => return Err(wrong("warnings", "an array", other)),
    };
    let assistive_prompt = match source {
        Source::Create => body
            .get("experimental")
            .and_then(|e| e.get("assistive_prompt"))
            .filter(|p| !matches!(p, Json::Null))
            .cloned(),
        Source::Retrieve => None,
    };

    Ok(Json::object([
        ("sessionId", Some(Json::str(session_id))),
        (
            "mcp",
            Some(Json::object([
                ("type", Some(Json::str(mcp_type))),
                ("url", Some(Json::str(mcp_url))),
                (
                    "headers",
                    Some(Json::object([("x-api-key", Some(Json::str(api_key)))])),
                ),
            ])),
        ),
        ("config", Some(config.clone())),
        ("preload", members.get("preload").cloned()),
        ("sandbox", members.get("workbench").cloned()),
        ("configVersion", config_version),
        ("warnings", Some(warnings)),
        ("assistivePrompt", assistive_prompt),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    fn response() -> Json {
        j!({
            "session_id": "trs_abc",
            "mcp": {"type": "http", "url": "http://127.0.0.1:1/tool_router/trs_abc/mcp"},
            "tool_router_tools": ["COMPOSIO_SEARCH_TOOLS"],
            "config": {"user_id": "u", "preload": {"tools": []}, "workbench": {"enable": true},
                       "search": {}, "execute": {}},
            "config_version": 1,
            "experimental": {"assistive_prompt": "Use the tools."},
            "warnings": [{"code": "PRELOAD_TOOLS_HIGH_CONTEXT_USAGE", "message": "m"}]
        })
    }

    #[test]
    fn maps_every_field() {
        let s = session_fields(&response(), "key_1", Source::Create).unwrap();
        assert_eq!(
            s,
            j!({
                "sessionId": "trs_abc",
                "mcp": {"type": "http", "url": "http://127.0.0.1:1/tool_router/trs_abc/mcp",
                        "headers": {"x-api-key": "key_1"}},
                "config": {"user_id": "u", "preload": {"tools": []}, "workbench": {"enable": true},
                           "search": {}, "execute": {}},
                "preload": {"tools": []},
                "sandbox": {"enable": true},
                "configVersion": 1,
                "warnings": [{"code": "PRELOAD_TOOLS_HIGH_CONTEXT_USAGE", "message": "m"}],
                "assistivePrompt": "Use the tools."
            })
        );
    }

    #[test]
    fn a_raw_config_is_passed_through_and_read() {
        let mut r = response();
        let config = r#"{"user_id": "u", "preload": {"tools": [1.50]}, "workbench": {"enable": true},
                         "junk": [0, 0, 0], "preload": {"tools": []}}"#;
        r.set("config", Json::Raw(config.into()));
        let s = session_fields(&r, "k", Source::Create).unwrap();
        assert_eq!(s.get("config"), Some(&Json::Raw(config.into())));
        assert_eq!(
            s.get("preload"),
            Some(&Json::Raw(r#"{"tools": []}"#.into()))
        );
        assert_eq!(
            s.get("sandbox"),
            Some(&Json::Raw(r#"{"enable": true}"#.into()))
        );
        r.set("config", Json::Raw("[1]".into()));
        assert_eq!(
            session_fields(&r, "k", Source::Create).unwrap_err().0,
            "`config` should be an object, got an array"
        );
    }

    #[test]
    fn retrieve_drops_the_assistive_prompt_and_defaults_warnings() {
        let mut r = response();
        r.set("warnings", Json::Null);
        let s = session_fields(&r, "k", Source::Retrieve).unwrap();
        assert_eq!(s.get("assistivePrompt"), None);
        assert_eq!(s.get("warnings"), Some(&j!([])));
    }

    #[test]
    fn names_what_is_missing_or_mistyped() {
        let bad = |r: Json| session_fields(&r, "k", Source::Create).unwrap_err().0;
        assert_eq!(bad(j!([])), "expected a session object, got an array");
        assert_eq!(bad(j!({"mcp": {}})), "missing `session_id`");
        assert_eq!(
            bad(j!({"session_id": 5})),
            "`session_id` should be a string, got a number"
        );
        assert_eq!(
            bad(j!({"session_id": "s", "mcp": {"type": "http"}})),
            "missing `mcp.url`"
        );
        assert_eq!(
            bad(j!({"session_id": "s", "mcp": {"type": "http", "url": "u"}, "config": "x"})),
            "`config` should be an object, got a string"
        );
    }
}
