//! The session-shaped response (spec A6.4) mapped to the fields of the JS session object
//! (spec B3): `sessionId`, `mcp`, raw `config`, `preload`, `sandbox`, `configVersion`,
//! `warnings` and `experimental.assistivePrompt`.

use crate::json::Json;
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
    let mut buf = String::new();
    let config = at.obj("config", &mut buf)?.value;
    let config_version = match body.get("config_version") {
        None | Some(Json::Null) => None,
        Some(Json::Num(n)) => Some(Json::Num(*n)),
        Some(other) => return Err(wrong("config_version", "a number", other)),
    };
    let warnings = match body.get("warnings") {
        None | Some(Json::Null) => Json::Arr(Vec::new()),
        Some(w @ Json::Arr(_)) => w.clone(),
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
        ("preload", config.get("preload").cloned()),
        ("sandbox", config.get("workbench").cloned()),
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
