//! `session.search({ query, toolkits })`: the request body and the camelCase response
//! (spec B5.7, A7.11). The response is read strictly: required members must be there.

use crate::json::Json;
use crate::shape::{map_items, member, pick, At, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

pub fn search_body(params: &Json) -> Result<Json, Invalid> {
    let mut c = Checker::default();
    if c.object(params, Path::root("params"), "{ query, toolkits? }")
        .is_none()
    {
        return c.finish(Json::Null);
    }
    let query = match params.get("query") {
        Some(Json::Str(q)) if !q.is_empty() => Some(q.clone()),
        other => {
            c.wrong_type(
                Path::root("query"),
                "a non-empty string",
                other.unwrap_or(&Json::Foreign("undefined")),
            );
            None
        }
    };
    let toolkits = params
        .get("toolkits")
        .and_then(|t| c.string_array(t, Path::root("toolkits")))
        .filter(|t| !t.is_empty());
    let body = Json::object([
        (
            "queries",
            query.map(|q| Json::Arr(vec![Json::object([("use_case", Some(Json::Str(q)))])])),
        ),
        (
            "toolkits",
            toolkits.map(|t| Json::Arr(t.into_iter().map(Json::Str).collect())),
        ),
    ]);
    c.finish(body)
}

fn result(at: &At) -> Shaped<Json> {
    let mut out = pick(
        at,
        &[
            Field("index", "index", true, Kind::Num),
            Field("use_case", "useCase", true, Kind::Str),
            Field("primary_tool_slugs", "primaryToolSlugs", true, Kind::Arr),
            Field("related_tool_slugs", "relatedToolSlugs", true, Kind::Arr),
            Field("toolkits", "toolkits", true, Kind::Arr),
            Field("difficulty", "difficulty", false, Kind::Str),
            Field("error", "error", false, Kind::StrOrNull),
            Field("execution_guidance", "executionGuidance", false, Kind::Str),
            Field("known_pitfalls", "knownPitfalls", false, Kind::Arr),
            Field("memory", "memory", false, Kind::Obj),
            Field("plan_id", "planId", false, Kind::Str),
            Field(
                "recommended_plan_steps",
                "recommendedPlanSteps",
                false,
                Kind::Arr,
            ),
        ],
    )?;
    let snippets = map_items(at, "reference_workbench_snippets", false, |s| {
        pick(
            s,
            &[
                Field("code", "code", true, Kind::Str),
                Field("description", "description", true, Kind::Str),
            ],
        )
    })?;
    if let Some(s) = snippets {
        out.set("referenceWorkbenchSnippets", s);
    }
    Ok(out)
}

fn tool_schema(at: &At) -> Shaped<Json> {
    let mut out = pick(
        at,
        &[
            Field("tool_slug", "toolSlug", true, Kind::Str),
            Field("toolkit", "toolkit", true, Kind::Str),
            Field("description", "description", false, Kind::Str),
            Field("hasFullSchema", "hasFullSchema", false, Kind::Bool),
            Field("input_schema", "inputSchema", false, Kind::Obj),
            Field("output_schema", "outputSchema", false, Kind::Obj),
        ],
    )?;
    if at.opt("schemaRef").is_some() {
        let mut buf = String::new();
        let r = at.obj("schemaRef", &mut buf)?;
        let mut buf2 = String::new();
        let args = r.obj("args", &mut buf2)?;
        let mut schema_ref = Json::object([(
            "args",
            Some(pick(
                &args,
                &[Field("tool_slugs", "toolSlugs", true, Kind::Arr)],
            )?),
        )]);
        if let Some(m) = r.opt_str("message")? {
            schema_ref.set("message", Json::str(m));
        }
        schema_ref.set("tool", Json::str(r.str("tool")?));
        out.set("schemaRef", schema_ref);
    }
    Ok(out)
}

fn connection_status(at: &At) -> Shaped<Json> {
    pick(
        at,
        &[
            Field("toolkit", "toolkit", true, Kind::Str),
            Field("description", "description", true, Kind::Str),
            Field(
                "has_active_connection",
                "hasActiveConnection",
                true,
                Kind::Bool,
            ),
            Field("status_message", "statusMessage", true, Kind::Str),
            Field("connection_details", "connectionDetails", false, Kind::Obj),
            Field("current_user_info", "currentUserInfo", false, Kind::Obj),
        ],
    )
}

pub fn search_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a search result object")?;
    let mut out = pick(
        &at,
        &[
            Field("success", "success", true, Kind::Bool),
            Field("error", "error", true, Kind::StrOrNull),
        ],
    )?;
    out.set(
        "results",
        map_items(&at, "results", true, result)?.unwrap_or(Json::Null),
    );
    let mut buf = String::new();
    let schemas = at.obj("tool_schemas", &mut buf)?;
    let mut mapped = Vec::new();
    for (slug, schema) in schemas.value.as_object().unwrap_or(&[]) {
        let path = format!("tool_schemas.{slug}");
        let item = member(schema, &path)?;
        mapped.push((slug.clone(), tool_schema(&item)?));
    }
    out.set("toolSchemas", Json::Obj(mapped));
    out.set(
        "toolkitConnectionStatuses",
        map_items(&at, "toolkit_connection_statuses", true, connection_status)?
            .unwrap_or(Json::Null),
    );
    out.set(
        "nextStepsGuidance",
        Json::Arr(at.arr("next_steps_guidance")?.to_vec()),
    );
    let mut sbuf = String::new();
    let session = at.obj("session", &mut sbuf)?;
    out.set(
        "session",
        pick(
            &session,
            &[
                Field("id", "id", true, Kind::Str),
                Field("generate_id", "generateId", true, Kind::Bool),
                Field("instructions", "instructions", true, Kind::Str),
            ],
        )?,
    );
    let mut tbuf = String::new();
    let time = at.obj("time_info", &mut tbuf)?;
    out.set(
        "timeInfo",
        pick(
            &time,
            &[
                Field("current_time_utc", "currentTimeUtc", true, Kind::Str),
                Field(
                    "current_time_utc_epoch_seconds",
                    "currentTimeUtcEpochSeconds",
                    true,
                    Kind::Num,
                ),
                Field("message", "message", true, Kind::Str),
            ],
        )?,
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn body_matches_the_observed_request() {
        assert_eq!(
            search_body(&j!({"query": "send an email", "toolkits": ["gmail"]})).unwrap(),
            j!({"queries": [{"use_case": "send an email"}], "toolkits": ["gmail"]})
        );
        assert_eq!(
            search_body(&j!({"query": "q", "toolkits": []})).unwrap(),
            j!({"queries": [{"use_case": "q"}]})
        );
        assert_eq!(
            search_body(&j!({"toolkits": ["gmail"]}))
                .unwrap_err()
                .message(),
            "query: expected a non-empty string, got an undefined"
        );
    }

    fn response() -> Json {
        j!({
            "success": true, "error": null,
            "results": [{"index": 1, "use_case": "send", "primary_tool_slugs": ["GMAIL_SEND_EMAIL"],
                         "related_tool_slugs": [], "toolkits": ["gmail"], "difficulty": "easy",
                         "reference_workbench_snippets": [{"code": "x", "description": "d"}],
                         "unknown": 1}],
            "tool_schemas": {"GMAIL_SEND_EMAIL": {"tool_slug": "GMAIL_SEND_EMAIL", "toolkit": "gmail",
                "hasFullSchema": false,
                "schemaRef": {"tool": "COMPOSIO_GET_TOOL_SCHEMAS", "args": {"tool_slugs": ["GMAIL_SEND_EMAIL"]}}}},
            "toolkit_connection_statuses": [{"toolkit": "gmail", "description": "Mail",
                "has_active_connection": false, "status_message": "Not connected",
                "account_selection": "required", "accounts": []}],
            "next_steps_guidance": ["Connect gmail"],
            "session": {"id": "s", "generate_id": false, "instructions": "i"},
            "time_info": {"current_time_utc": "2026-01-01T00:00:00Z", "current_time_utc_epoch_seconds": 1767225600, "message": "m"}
        })
    }

    #[test]
    fn response_is_camel_cased_and_trimmed() {
        assert_eq!(
            search_result(&response()).unwrap(),
            j!({
                "success": true, "error": null,
                "results": [{"index": 1, "useCase": "send", "primaryToolSlugs": ["GMAIL_SEND_EMAIL"],
                             "relatedToolSlugs": [], "toolkits": ["gmail"], "difficulty": "easy",
                             "referenceWorkbenchSnippets": [{"code": "x", "description": "d"}]}],
                "toolSchemas": {"GMAIL_SEND_EMAIL": {"toolSlug": "GMAIL_SEND_EMAIL", "toolkit": "gmail",
                    "hasFullSchema": false,
                    "schemaRef": {"args": {"toolSlugs": ["GMAIL_SEND_EMAIL"]}, "tool": "COMPOSIO_GET_TOOL_SCHEMAS"}}},
                "toolkitConnectionStatuses": [{"toolkit": "gmail", "description": "Mail",
                    "hasActiveConnection": false, "statusMessage": "Not connected"}],
                "nextStepsGuidance": ["Connect gmail"],
                "session": {"id": "s", "generateId": false, "instructions": "i"},
                "timeInfo": {"currentTimeUtc": "2026-01-01T00:00:00Z", "currentTimeUtcEpochSeconds": 1767225600, "message": "m"}
            })
        );
    }

    #[test]
    fn missing_members_are_named() {
        let mut r = response();
        r.set("session", j!({"id": "s", "instructions": "i"}));
        assert_eq!(
            search_result(&r).unwrap_err().0,
            "missing `session.generate_id`"
        );
        let mut r = response();
        r.set("results", j!([{"index": 1}]));
        assert_eq!(
            search_result(&r).unwrap_err().0,
            "missing `results[0].use_case`"
        );
    }
}
