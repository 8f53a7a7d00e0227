//! `session.tools()`: each REST tool item becomes an SDK `Tool` (spec B5.3), with its JSON
//! Schemas cleaned the way the official SDK's schema parse cleans them: only the allowed
//! keywords survive (in the official key order), `required` lists are de-duplicated, a value
//! of the wrong type for its keyword fails, and the top level must be `type: "object"`.

use crate::json::Json;
use crate::shape::{wrong, At, BadShape, Shaped};

/// How a keyword's value is checked and cleaned.
#[derive(Clone, Copy)]
pub(crate) enum Rule {
    Str,
    Num,
    Bool,
    /// Any JSON value, kept as is (`default`, `const`).
    Any,
    /// An array of any values (`enum`, `examples`).
    AnyArr,
    /// A list of strings, de-duplicated.
    Required,
    /// A JSON-Schema type name or a list of them.
    Type,
    Schema,
    SchemaArr,
    SchemaMap,
    /// A schema or a list of schemas (`items`).
    SchemaOrArr,
    /// A boolean or a schema (`additionalProperties`).
    BoolOrSchema,
}

/// The keywords kept on nested property schemas, in the official schema's key order.
pub(crate) const PROPERTY_KEYWORDS: &[(&str, Rule)] = &[
    ("type", Rule::Type),
    ("description", Rule::Str),
    ("anyOf", Rule::SchemaArr),
    ("oneOf", Rule::SchemaArr),
    ("allOf", Rule::SchemaArr),
    ("not", Rule::Schema),
    ("title", Rule::Str),
    ("default", Rule::Any),
    ("nullable", Rule::Bool),
    ("properties", Rule::SchemaMap),
    ("required", Rule::Required),
    ("file_uploadable", Rule::Bool),
    ("file_downloadable", Rule::Bool),
    ("items", Rule::SchemaOrArr),
    ("enum", Rule::AnyArr),
    ("const", Rule::Any),
    ("minimum", Rule::Num),
    ("maximum", Rule::Num),
    ("exclusiveMinimum", Rule::Num),
    ("exclusiveMaximum", Rule::Num),
    ("multipleOf", Rule::Num),
    ("minLength", Rule::Num),
    ("maxLength", Rule::Num),
    ("pattern", Rule::Str),
    ("format", Rule::Str),
    ("minItems", Rule::Num),
    ("maxItems", Rule::Num),
    ("uniqueItems", Rule::Bool),
    ("minProperties", Rule::Num),
    ("maxProperties", Rule::Num),
    ("patternProperties", Rule::SchemaMap),
    ("additionalProperties", Rule::BoolOrSchema),
    ("examples", Rule::AnyArr),
    ("readOnly", Rule::Bool),
    ("writeOnly", Rule::Bool),
    ("if", Rule::Schema),
    ("then", Rule::Schema),
    ("else", Rule::Schema),
    ("$ref", Rule::Str),
    ("definitions", Rule::SchemaMap),
    ("$defs", Rule::SchemaMap),
];

/// Room for the longest keyword table.
pub(crate) const MAX_KEYWORDS: usize = 48;

/// The keywords kept at the top of `input_parameters` / `output_parameters`.
pub(crate) const TOP_KEYWORDS: &[(&str, Rule)] = &[
    ("type", Rule::Str),
    ("anyOf", Rule::SchemaArr),
    ("oneOf", Rule::SchemaArr),
    ("allOf", Rule::SchemaArr),
    ("not", Rule::Schema),
    ("properties", Rule::SchemaMap),
    ("required", Rule::Required),
    ("title", Rule::Str),
    ("default", Rule::Any),
    ("nullable", Rule::Bool),
    ("description", Rule::Str),
    ("patternProperties", Rule::SchemaMap),
    ("additionalProperties", Rule::BoolOrSchema),
    ("$defs", Rule::SchemaMap),
    ("definitions", Rule::SchemaMap),
];

pub(crate) const TYPE_NAMES: [&str; 7] = [
    "string", "number", "integer", "boolean", "object", "array", "null",
];

/// Where a value sits in a schema. Rendered only when a message needs it, so cleaning a valid
/// schema builds no path strings (this runs for every keyword of every tool).
#[derive(Clone, Copy)]
enum Trail<'a> {
    Root(&'a str),
    Key(&'a Trail<'a>, &'a str),
    Index(&'a Trail<'a>, usize),
}

impl Trail<'_> {
    fn render(&self) -> String {
        match self {
            Trail::Root(p) => p.to_string(),
            Trail::Key(parent, k) => format!("{}.{k}", parent.render()),
            Trail::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }

    fn wrong(&self, expected: &str, got: &Json) -> BadShape {
        wrong(&self.render(), expected, got)
    }
}

// Cleaning takes the schema by value: the kept members move into the result instead of being
// copied (a page of 500 tools is mostly schemas).

fn dedup(items: Vec<Json>, trail: &Trail) -> Shaped<Json> {
    let mut out: Vec<Json> = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        if !matches!(item, Json::Str(_)) {
            return Err(Trail::Index(trail, i).wrong("a string", &item));
        }
        if !out.contains(&item) {
            out.push(item);
        }
    }
    Ok(Json::Arr(out))
}

fn clean_value(rule: Rule, v: Json, trail: &Trail) -> Shaped<Json> {
    let ok = |cond: bool, expected: &str, v: Json| {
        if cond {
            Ok(v)
        } else {
            Err(trail.wrong(expected, &v))
        }
    };
    match rule {
        Rule::Str => ok(matches!(v, Json::Str(_)), "a string", v),
        Rule::Num => ok(matches!(v, Json::Num(_)), "a number", v),
        Rule::Bool => ok(matches!(v, Json::Bool(_)), "a boolean", v),
        Rule::Any => Ok(v),
        Rule::AnyArr => ok(matches!(v, Json::Arr(_)), "an array", v),
        Rule::Required => match v {
            Json::Arr(items) => dedup(items, trail),
            other => Err(trail.wrong("an array of strings", &other)),
        },
        Rule::Type => {
            let name_ok = |t: &Json| t.as_str().is_some_and(|s| TYPE_NAMES.contains(&s));
            let valid = match &v {
                Json::Arr(items) => items.iter().all(name_ok),
                other => name_ok(other),
            };
            ok(valid, "a JSON Schema type name or a list of them", v)
        }
        Rule::Schema => clean_schema(v, trail, PROPERTY_KEYWORDS),
        Rule::SchemaArr => match v {
            Json::Arr(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, s)| clean_schema(s, &Trail::Index(trail, i), PROPERTY_KEYWORDS))
                .collect::<Shaped<Vec<_>>>()
                .map(Json::Arr),
            other => Err(trail.wrong("an array of schemas", &other)),
        },
        Rule::SchemaMap => match v {
            Json::Obj(pairs) => pairs
                .into_iter()
                .map(|(k, s)| {
                    let cleaned = clean_schema(s, &Trail::Key(trail, &k), PROPERTY_KEYWORDS)?;
                    Ok((k, cleaned))
                })
                .collect::<Shaped<Vec<_>>>()
                .map(Json::Obj),
            other => Err(trail.wrong("an object of schemas", &other)),
        },
        Rule::SchemaOrArr => match v {
            Json::Arr(_) => clean_value(Rule::SchemaArr, v, trail),
            _ => clean_schema(v, trail, PROPERTY_KEYWORDS),
        },
        Rule::BoolOrSchema => match v {
            Json::Bool(_) => Ok(v),
            _ => clean_schema(v, trail, PROPERTY_KEYWORDS),
        },
    }
}

/// Keeps the allowed keywords of one schema object, in `keywords` order. Walks the object's own
/// members once (a schema has a handful; the keyword table has dozens), noting each keyword's
/// member in its table slot, then emits the slots in table order.
fn clean_schema(v: Json, trail: &Trail, keywords: &[(&str, Rule)]) -> Shaped<Json> {
    let pairs = match v {
        Json::Obj(pairs) => pairs,
        other => return Err(trail.wrong("an object", &other)),
    };
    let mut slots: [Option<(String, Json)>; MAX_KEYWORDS] = std::array::from_fn(|_| None);
    let mut found = 0;
    for (key, value) in pairs {
        if let Some(at) = keywords.iter().position(|(k, _)| *k == key) {
            slots[at] = Some((key, value));
            found += 1;
        }
    }
    let mut out = Vec::with_capacity(found);
    for ((name, rule), slot) in keywords.iter().zip(slots) {
        if let Some((key, value)) = slot {
            let cleaned = clean_value(*rule, value, &Trail::Key(trail, name))?;
            out.push((key, cleaned));
        }
    }
    Ok(Json::Obj(out))
}

/// `input_parameters` / `output_parameters`: `null`, missing or `{}` become absent.
fn parameters(v: Option<Json>, path: &str) -> Shaped<Option<Json>> {
    match v {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Obj(pairs)) if pairs.is_empty() => Ok(None),
        Some(schema) => {
            if schema.get("type").and_then(Json::as_str) != Some("object") {
                return Err(BadShape(format!(
                    "`{path}.type` should be \"object\", got {}",
                    schema
                        .get("type")
                        .map(crate::validate::quoted)
                        .unwrap_or_else(|| "nothing".into())
                )));
            }
            clean_schema(schema, &Trail::Root(path), TOP_KEYWORDS).map(Some)
        }
    }
}

/// Moves member `key` out of an object (absent: `None`).
fn take(v: &mut Json, key: &str) -> Option<Json> {
    let Json::Obj(pairs) = v else { return None };
    let at = pairs.iter().position(|(k, _)| k == key)?;
    Some(pairs.remove(at).1)
}

fn string_list(at: &At, key: &str) -> Shaped<Option<Json>> {
    match at.opt(key) {
        None => Ok(None),
        Some(Json::Arr(items)) => crate::shape::strings(items, &crate::shape::join(at.path, key))
            .map(|v| Some(Json::Arr(v))),
        Some(other) => Err(wrong(&crate::shape::join(at.path, key), "an array", other)),
    }
}

/// One REST tool item → the SDK `Tool` (keys in the official order); the tests' entry point.
#[cfg(test)]
fn tool(at: &At) -> Shaped<Json> {
    let schema = |k: &str| at.value.get(k).cloned();
    tool_with(at, schema("input_parameters"), schema("output_parameters"))
}

/// `tool`, with the item's two schemas already moved out of it.
fn tool_with(at: &At, input: Option<Json>, output: Option<Json>) -> Shaped<Json> {
    let toolkit = match at.opt("toolkit") {
        None => None,
        Some(_) => {
            let mut buf = String::new();
            let tk = at.obj("toolkit", &mut buf)?;
            Some(Json::object([
                ("slug", Some(Json::str(tk.str("slug")?))),
                ("name", Some(Json::str(tk.str("name")?))),
                ("logo", tk.opt_str("logo")?.map(Json::str)),
            ]))
        }
    };
    let deprecated = at
        .opt("deprecated")
        .and_then(|d| d.get("is_deprecated"))
        .and_then(Json::as_bool)
        .unwrap_or(false);
    let no_auth = match at.opt("no_auth") {
        None => None,
        Some(Json::Bool(b)) => Some(Json::Bool(*b)),
        Some(other) => {
            return Err(wrong(
                &crate::shape::join(at.path, "no_auth"),
                "a boolean",
                other,
            ))
        }
    };
    let path = |k: &str| crate::shape::join(at.path, k);
    Ok(Json::object([
        ("slug", Some(Json::str(at.str("slug")?))),
        ("name", Some(Json::str(at.str("name")?))),
        ("description", at.opt_str("description")?.map(Json::str)),
        (
            "inputParameters",
            parameters(input, &path("input_parameters"))?,
        ),
        (
            "outputParameters",
            parameters(output, &path("output_parameters"))?,
        ),
        ("tags", string_list(at, "tags")?),
        ("toolkit", toolkit),
        ("version", at.opt_str("version")?.map(Json::str)),
        ("isDeprecated", Some(Json::Bool(deprecated))),
        ("availableVersions", string_list(at, "available_versions")?),
        ("scopes", string_list(at, "scopes")?),
        ("isNoAuth", no_auth),
    ]))
}

/// One page of `GET …/tools`: the mapped tools and the next cursor (absent, null or empty
/// means the last page). Takes the page by value so the tools' schemas move into the result
/// instead of being copied.
pub fn tools_page(mut body: Json) -> Shaped<(Vec<Json>, Option<String>)> {
    let at = At::root(&body, "a tools page object")?;
    at.arr("items")?;
    // Read now, reported after the items (as a borrowed walk would order the errors).
    let cursor = at
        .opt_str("next_cursor")
        .map(|c| c.filter(|c| !c.is_empty()).map(str::to_string));
    let Some(Json::Arr(items)) = take(&mut body, "items") else {
        return Ok((Vec::new(), cursor?));
    };
    let mut tools = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        tools.push(page_item(item, i)?);
    }
    Ok((tools, cursor?))
}

/// Item `i` of a tools page → the SDK `Tool`.
pub(crate) fn page_item(mut item: Json, i: usize) -> Shaped<Json> {
    let input = take(&mut item, "input_parameters");
    let output = take(&mut item, "output_parameters");
    let mut buf = String::new();
    let at = crate::shape::item(&item, "items", i, &mut buf)?;
    tool_with(&at, input, output)
}

/// `GET /api/v3.1/tools/{slug}`: one REST tool → the SDK `Tool` (`composio.tools`).
pub fn tool_item(mut item: Json) -> Shaped<Json> {
    let input = take(&mut item, "input_parameters");
    let output = take(&mut item, "output_parameters");
    let at = At::root(&item, "a tool object")?;
    tool_with(&at, input, output)
}

/// `GET /api/v3.1/tools`: the page's tools (one page: the official SDK follows no cursor).
pub fn tool_list(body: Json) -> Shaped<Json> {
    tools_page(body).map(|(tools, _)| Json::Arr(tools))
}

/// Removes repeated entries from every `required` list of a schema, leaving instance values
/// (`default`, `const`, `enum`, `examples`) alone.
// The JS surface's `modifySchema` path formats user-modified tools; the Rust API does not.
#[cfg_attr(not(feature = "js-api"), allow(dead_code))]
pub fn dedup_required(v: &Json) -> Json {
    match v {
        Json::Arr(items) => Json::Arr(items.iter().map(dedup_required).collect()),
        Json::Obj(pairs) => Json::Obj(
            pairs
                .iter()
                .map(|(k, child)| {
                    let cleaned = match (k.as_str(), child) {
                        ("required", Json::Arr(items)) => {
                            let mut out: Vec<Json> = Vec::new();
                            for i in items {
                                if !out.contains(i) {
                                    out.push(i.clone());
                                }
                            }
                            Json::Arr(out)
                        }
                        ("default" | "const" | "enum" | "examples", _) => child.clone(),
                        _ => dedup_required(child),
                    };
                    (k.clone(), cleaned)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `{ type: 'function', function: { name, description, parameters } }` (absent members left out).
fn function_tool(name: Option<Json>, description: Option<Json>, parameters: Option<Json>) -> Json {
    Json::object([
        ("type", Some(Json::str("function"))),
        (
            "function",
            Some(Json::object([
                ("name", name),
                ("description", description),
                ("parameters", parameters),
            ])),
        ),
    ])
}

/// `openai_tool` for a tool fresh from `tools_page`, whose schemas are already clean: moves its
/// members instead of copying them.
pub fn openai_tool_owned(tool: Json) -> Json {
    let Json::Obj(pairs) = tool else {
        return function_tool(None, None, None);
    };
    let (mut name, mut description, mut parameters) = (None, None, None);
    for (k, v) in pairs {
        match k.as_str() {
            "slug" => name = Some(v),
            "description" => description = Some(v),
            "inputParameters" => parameters = Some(v),
            _ => {}
        }
    }
    function_tool(name, description, parameters)
}

/// The OpenAI function-tool format of the default provider, for tools that may have been
/// modified by the caller (`modifySchema`), so `required` lists are de-duplicated again.
#[cfg_attr(not(feature = "js-api"), allow(dead_code))]
pub fn openai_tool(tool: &Json) -> Json {
    function_tool(
        tool.get("slug").cloned(),
        tool.get("description").cloned(),
        tool.get("inputParameters").map(dedup_required),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    fn raw_tool() -> Json {
        j!({
            "slug": "GMAIL_SEND_EMAIL", "name": "Send email", "description": "Sends an email",
            "version": "20250101_00", "human_description": "h",
            "input_parameters": {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "required": ["to", "to"], "type": "object", "x-vendor": 1,
                "properties": {
                    "to": {"type": "string", "x-hidden": true, "description": "Recipient",
                           "examples": [{"required": ["a", "a"]}]},
                    "cc": {"type": "array", "items": {"type": "string", "format": "email"}},
                    "opts": {"type": "object", "required": ["a", "b", "a"],
                             "properties": {"a": {"type": ["string", "null"]}},
                             "additionalProperties": false}
                }
            },
            "output_parameters": {},
            "available_versions": ["20250101_00"], "scopes": [], "tags": ["important"],
            "is_deprecated": true, "no_auth": false,
            "deprecated": {"available_versions": [], "displayName": "x", "is_deprecated": false,
                           "toolkit": {"logo": "l"}, "version": "v"},
            "scope_requirements": null,
            "toolkit": {"slug": "gmail", "name": "Gmail", "logo": "l.png"}
        })
    }

    #[test]
    fn maps_and_cleans_a_tool() {
        let t = tool(&At::root(&raw_tool(), "a tool").unwrap()).unwrap();
        assert_eq!(
            t,
            j!({
                "slug": "GMAIL_SEND_EMAIL", "name": "Send email", "description": "Sends an email",
                "inputParameters": {
                    "type": "object",
                    "properties": {
                        "to": {"type": "string", "description": "Recipient",
                               "examples": [{"required": ["a", "a"]}]},
                        "cc": {"type": "array", "items": {"type": "string", "format": "email"}},
                        "opts": {"type": "object", "properties": {"a": {"type": ["string", "null"]}},
                                 "required": ["a", "b"], "additionalProperties": false}
                    },
                    "required": ["to"]
                },
                "tags": ["important"],
                "toolkit": {"slug": "gmail", "name": "Gmail", "logo": "l.png"},
                "version": "20250101_00",
                "isDeprecated": false,
                "availableVersions": ["20250101_00"],
                "scopes": [],
                "isNoAuth": false
            })
        );
    }

    #[test]
    fn a_non_object_top_level_or_a_bad_keyword_value_fails() {
        let mut t = raw_tool();
        t.set("input_parameters", j!({"type": "array"}));
        assert_eq!(
            tool(&At::root(&t, "a tool").unwrap()).unwrap_err().0,
            "`input_parameters.type` should be \"object\", got 'array'"
        );
        let mut t = raw_tool();
        t.set(
            "input_parameters",
            j!({"type": "object", "properties": {"a": {"type": "text"}}}),
        );
        assert_eq!(
            tool(&At::root(&t, "a tool").unwrap()).unwrap_err().0,
            "`input_parameters.properties.a.type` should be a JSON Schema type name or a list of them, got a string"
        );
    }

    #[test]
    fn pages_and_cursors() {
        let page = j!({"items": [raw_tool()], "current_page": 1, "total_items": 2, "total_pages": 2, "next_cursor": "c"});
        let (tools, cursor) = tools_page(page).unwrap();
        assert_eq!(tools.len(), 1);
        assert_eq!(cursor.as_deref(), Some("c"));
        let last = j!({"items": [], "current_page": 2, "total_items": 2, "total_pages": 2, "next_cursor": ""});
        assert_eq!(tools_page(last).unwrap().1, None);
        assert_eq!(
            tools_page(j!({"items": [5]})).unwrap_err().0,
            "`items[0]` should be an object, got a number"
        );
    }

    #[test]
    fn openai_format_dedups_required_again() {
        let t = j!({"slug": "X", "description": "d",
                    "inputParameters": {"type": "object", "required": ["a", "a"],
                                        "properties": {"a": {"default": {"required": [1, 1]}}}}});
        assert_eq!(
            openai_tool(&t),
            j!({"type": "function", "function": {"name": "X", "description": "d",
                "parameters": {"type": "object", "required": ["a"],
                               "properties": {"a": {"default": {"required": [1, 1]}}}}}})
        );
    }

    #[test]
    fn owned_openai_format_equals_the_copying_one_for_a_mapped_tool() {
        let (page, _) = tools_page(j!({"items": [raw_tool()]})).unwrap();
        let tool = page.into_iter().next().unwrap();
        assert_eq!(openai_tool_owned(tool.clone()), openai_tool(&tool));
        assert_eq!(openai_tool_owned(j!("x")), openai_tool(&j!("x")));
    }

    #[test]
    fn keyword_tables_fit_their_slots() {
        assert!(PROPERTY_KEYWORDS.len() <= MAX_KEYWORDS && TOP_KEYWORDS.len() <= MAX_KEYWORDS);
    }
}
