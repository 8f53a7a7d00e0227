//! Hostile input for every decoder and translator, natively: random JSON trees (biased towards
//! the member names the code looks for, so it gets past the first checks) are fed to each
//! public function. Nothing may panic; results must keep their basic promises.
//!
//! `FUZZ_ITERS` sets the number of inputs per target (default 20 000, fast in debug); the test
//! script runs it in release with a few million. `FUZZ_SEED` reproduces a run. It lives inside
//! the crate (a `cfg(test)` module) because the modules it reaches are crate-private.
//!
//! `properties.rs` checks the same promises with proptest, which shrinks a failure; this
//! file's value is volume.

use crate::oracle as common;

use crate::json::Json;
use crate::json_text::{self, native_number, native_number_text};
use crate::{
    catalog, client_config, connection, create_config, execute, files, query, retry, search,
    session, toolkits, tools, update_config,
};

/// xorshift64*: small, seedable, good enough to explore shapes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Member names the code reads, so random trees reach deep branches.
const KEYS: &[&str] = &[
    "session_id",
    "mcp",
    "type",
    "url",
    "config",
    "config_version",
    "warnings",
    "experimental",
    "assistive_prompt",
    "preload",
    "tools",
    "workbench",
    "items",
    "next_cursor",
    "total_pages",
    "slug",
    "name",
    "description",
    "input_parameters",
    "output_parameters",
    "properties",
    "required",
    "items",
    "anyOf",
    "additionalProperties",
    "enum",
    "default",
    "toolkit",
    "logo",
    "deprecated",
    "is_deprecated",
    "no_auth",
    "tags",
    "scopes",
    "available_versions",
    "version",
    "data",
    "error",
    "log_id",
    "status",
    "headers",
    "binary_data",
    "content_type",
    "size",
    "deleted",
    "success",
    "results",
    "tool_schemas",
    "toolkit_connection_statuses",
    "next_steps_guidance",
    "session",
    "time_info",
    "index",
    "use_case",
    "schemaRef",
    "args",
    "tool_slugs",
    "connected_account_id",
    "redirect_url",
    "id",
    "auth_config",
    "auth_scheme",
    "state",
    "authScheme",
    "acl_config_for_shared",
    "meta",
    "categories",
    "auth_config_details",
    "fields",
    "connected_account",
    "is_no_auth",
    "toolkits",
    "enable",
    "disable",
    "authConfigs",
    "connectedAccounts",
    "manageConnections",
    "sandbox",
    "multiAccount",
    "sessionPreset",
    "callbackUrl",
    "waitForConnections",
    "maxAccountsPerToolkit",
    "requireExplicitSelection",
    "sandboxSize",
    "autoOffloadThreshold",
    "enableProxyExecution",
    "assistivePrompt",
    "userTimezone",
    "customTools",
    "query",
    "method",
    "endpoint",
    "parameters",
    "in",
    "value",
    "binaryBody",
    "base64",
    "contentType",
    "customConnectionData",
    "account",
    "alias",
    "limit",
    "cursor",
    "isConnected",
    "search",
    "path",
    "mountId",
    "mimetype",
    "apiKey",
    "baseURL",
    "defaultHeaders",
    "timeout",
    "maxRetries",
    "expires_at",
    "download_url",
    "upload_url",
    "mount_relative_path",
    "sandbox_mount_prefix",
    "last_modified",
];

const STRINGS: &[&str] = &[
    "",
    "direct_tools",
    "all",
    "gmail",
    "GET",
    "HEAD",
    "object",
    "array",
    "string",
    "ACTIVE",
    "FAILED",
    "readOnlyHint",
    "standard",
    "LOCAL_X",
    "..",
    ".",
    "é/ \u{0}",
    "https://x.test",
    "query",
    "header",
    "trs_1",
];

fn string(rng: &mut Rng) -> String {
    if rng.chance(70) {
        STRINGS[rng.below(STRINGS.len() as u64) as usize].to_string()
    } else {
        (0..rng.below(12))
            .map(|_| char::from_u32(rng.below(0x2FF) as u32 + 1).unwrap_or('x'))
            .collect()
    }
}

fn number(rng: &mut Rng) -> f64 {
    match rng.below(8) {
        0 => f64::NAN,
        1 => f64::INFINITY,
        2 => -1.0,
        3 => 1e300,
        4 => 0.5,
        _ => rng.below(20) as f64,
    }
}

fn value(rng: &mut Rng, depth: u32) -> Json {
    let leaf = depth == 0 || rng.chance(35);
    match if leaf { rng.below(6) } else { 6 + rng.below(2) } {
        0 => Json::Null,
        1 => Json::Bool(rng.chance(50)),
        2 => Json::Num(number(rng)),
        3 | 4 => Json::Str(string(rng)),
        5 => Json::Foreign(["undefined", "function", "bigint"][rng.below(3) as usize]),
        6 => Json::Arr((0..rng.below(5)).map(|_| value(rng, depth - 1)).collect()),
        _ => {
            let mut pairs: Vec<(String, Json)> = Vec::new();
            for _ in 0..rng.below(7) {
                let key = if rng.chance(85) {
                    KEYS[rng.below(KEYS.len() as u64) as usize].to_string()
                } else {
                    string(rng)
                };
                if !pairs.iter().any(|(k, _)| *k == key) {
                    pairs.push((key, value(rng, depth - 1)));
                }
            }
            Json::Obj(pairs)
        }
    }
}

fn iterations() -> u64 {
    std::env::var("FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

fn seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_C0DE)
}

/// Runs `f` on `iterations()` random values; prints the seed so a failure can be replayed.
fn fuzz(name: &str, mut f: impl FnMut(&mut Rng, &Json)) {
    let seed = seed() ^ name.len() as u64 ^ (name.as_bytes()[0] as u64) << 32;
    println!("fuzz {name}: seed {seed}, {} inputs", iterations());
    let mut rng = Rng(seed | 1);
    for _ in 0..iterations() {
        let input = value(&mut rng, 5);
        f(&mut rng, &input);
    }
}

fn num(n: f64) -> String {
    format!("{n}")
}

#[test]
fn request_translations_never_panic() {
    fuzz("create", |rng, v| {
        let user = value(rng, 1);
        if let Ok(body) = create_config::create_body(&user, v) {
            assert!(body.get("user_id").and_then(Json::as_str).is_some());
            assert!(body.get("manage_connections").is_some());
        }
    });
    fuzz("update", |_, v| {
        if let Ok(body) = update_config::update_body(v) {
            assert!(matches!(body, Json::Obj(_)));
        }
    });
    fuzz("execute", |rng, v| {
        let _ = execute::execute_body(&value(rng, 1), v, &value(rng, 2));
        let _ = execute::proxy_body(v, &num);
    });
    fuzz("misc-requests", |rng, v| {
        let _ = search::search_body(v);
        let _ = connection::link_body(&value(rng, 1), v);
        let _ = toolkits::toolkits_query(v);
        let _ = catalog::list_query(v);
        let _ = files::list_query(v);
        let _ = files::path_body(&value(rng, 1), v);
        let _ = client_config::resolve(v, &client_config::Env::default());
    });
}

#[test]
fn response_decoders_never_panic() {
    fuzz("session", |_, v| {
        for source in [session::Source::Create, session::Source::Retrieve] {
            if let Ok(fields) = session::session_fields(v, "key", source) {
                assert!(fields.get("sessionId").and_then(Json::as_str).is_some());
            }
        }
    });
    fuzz("tools", |_, v| {
        // The value as a page, and as the one item of a page (to reach the tool mapping).
        let as_item = Json::object([("items", Some(Json::Arr(vec![v.clone()])))]);
        for page in [v.clone(), as_item] {
            if let Ok((items, _)) = tools::tools_page(page) {
                for t in items {
                    assert_eq!(tools::openai_tool(&t), tools::openai_tool_owned(t.clone()));
                }
            }
        }
        let _ = tools::dedup_required(v);
    });
    fuzz("results", |_, v| {
        let _ = search::search_result(v);
        let _ = toolkits::toolkits_result(v);
        let _ = connection::link_result(v);
        let _ = connection::account_result(v);
        let _ = execute::execute_result(v);
        let _ = execute::proxy_result(v);
        let _ = execute::delete_result(v);
        let _ = catalog::list_result(v);
        let _ = catalog::list_page(v);
        let _ = catalog::toolkit_result(v);
        let _ = files::list_result(v);
        let _ = files::remote_file(v);
        let _ = files::upload_target(v);
        let _ = files::delete_result(v);
    });
}

fn pick(rng: &mut Rng, from: &[u8]) -> u8 {
    from[rng.below(from.len() as u64) as usize]
}

/// What `write` then `parse` gives back: the value with `Foreign` members dropped from objects,
/// `Foreign` array items and non-finite numbers as `null`.
fn as_sent(v: &Json) -> Json {
    match v {
        Json::Foreign(_) => Json::Null,
        Json::Num(n) if !n.is_finite() => Json::Null,
        Json::Arr(items) => Json::Arr(items.iter().map(as_sent).collect()),
        Json::Obj(pairs) => Json::Obj(
            pairs
                .iter()
                .filter(|(_, v)| !matches!(v, Json::Foreign(_)))
                .map(|(k, v)| (k.clone(), as_sent(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn json_text_round_trips_and_never_panics_on_damaged_text() {
    fuzz("json-text", |rng, v| {
        let text = json_text::to_text(v, native_number_text);
        assert_eq!(
            json_text::parse(&text, native_number).as_ref(),
            Ok(&as_sent(v))
        );
        assert!(common::serde_accepts(&text), "serde_json refuses {text:?}");
        // Damage the text: cut it, or flip, insert or delete bytes (kept valid UTF-8, as the
        // transport hands over text).
        let mut bytes = text.into_bytes();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(bytes.len() as u64 + 1) as usize;
            match rng.below(4) {
                0 => bytes.truncate(at),
                1 if at < bytes.len() => bytes[at] = pick(rng, b"{}[]\",:0e-.tn\\u"),
                2 => bytes.insert(at, pick(rng, b"{[\"\\,:]}")),
                _ if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => {}
            }
        }
        let damaged = String::from_utf8_lossy(&bytes);
        let full = json_text::parse(&damaged, native_number);
        // serde_json as the oracle for which texts are JSON (less the documented differences
        // from JSON.parse, tests/common/mod.rs).
        if let Some(why) = common::acceptance_disagreement(&damaged) {
            panic!("{why}");
        }
        // Keeping members raw accepts and refuses exactly what a full parse does, and the raw
        // text reads back as the same value.
        let kept = json_text::parse_keeping_raw(&damaged, native_number, &["data", "items"]);
        match (&full, &kept) {
            (Ok(v), Ok(k)) => {
                // (A literal too large for an f64, e.g. `1e3000`, is written back as `null`
                // from a tree but kept as is in raw text, as JSON.parse would read it.)
                let again = json_text::to_text(k, native_number_text);
                let reread = json_text::parse(&again, native_number).map(|r| as_sent(&r));
                assert_eq!(reread, Ok(as_sent(v)));
            }
            (Err(a), Err(b)) => assert_eq!(a, b),
            _ => panic!("full and raw parses disagree on {damaged:?}"),
        }
    });
}

#[test]
fn retry_policy_and_encoders_never_panic() {
    fuzz("retry", |rng, _| {
        let outcome = match rng.below(4) {
            0 => retry::Outcome::Timeout,
            1 => retry::Outcome::NotSent,
            2 => retry::Outcome::MaybeSent,
            _ => retry::Outcome::Status {
                status: rng.below(700) as u16,
                should_retry: [None, Some(true), Some(false)][rng.below(3) as usize],
                server_delay_ms: retry::server_delay_ms(
                    Some(number(rng)),
                    Some(number(rng)),
                    Some(number(rng)),
                    number(rng),
                ),
            },
        };
        let safety = if rng.chance(50) {
            retry::Safety::Idempotent
        } else {
            retry::Safety::SideEffect
        };
        let retries = rng.below(5) as u32;
        if let Some(delay) = retry::next_delay(outcome, safety, retries, 2, number(rng).abs()) {
            assert!((0.0..=60_000.0).contains(&delay), "delay {delay}");
            assert!(retries < 2);
        }
    });
    fuzz("encoders", |rng, _| {
        let s = string(rng);
        let encoded = query::encode(&s);
        assert!(encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        if let Ok(seg) = client_config::path_segment(&s, "id") {
            assert!(!seg.contains('/'));
        }
    });
}

/// A valid tool with the schema keywords the cleaner handles, to be mutated.
fn base_tool() -> Json {
    crate::j!({
        "slug": "GMAIL_SEND_EMAIL", "name": "Send email", "description": "Sends an email",
        "version": "20250101_00",
        "input_parameters": {
            "$schema": "x", "required": ["to", "to"], "type": "object", "title": "T",
            "properties": {
                "to": {"type": "string", "description": "Recipient", "examples": ["a@b.c"]},
                "cc": {"type": "array", "items": {"type": "string", "format": "email"}, "default": []},
                "n": {"type": ["integer", "null"], "minimum": 1, "maximum": 10.5, "enum": [1, 2]},
                "any": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null},
                "opts": {"type": "object", "required": ["a", "b", "a"],
                         "properties": {"a": {"type": ["string", "null"]}},
                         "additionalProperties": false}
            }
        },
        "output_parameters": {"type": "object", "properties": {"data": {"type": "object"}}},
        "available_versions": ["20250101_00"], "scopes": [], "tags": ["important"],
        "no_auth": false, "deprecated": {"is_deprecated": true},
        "toolkit": {"slug": "gmail", "name": "Gmail", "logo": "l.png"}
    })
}

/// Replaces one random node of `v` (or a member of one) with a random value, or removes it.
fn mutate(rng: &mut Rng, v: &mut Json) {
    let descend = rng.chance(75);
    match v {
        Json::Obj(pairs) if !pairs.is_empty() => {
            let i = rng.below(pairs.len() as u64) as usize;
            if descend {
                return mutate(rng, &mut pairs[i].1);
            }
            match rng.below(3) {
                0 => {
                    pairs.remove(i);
                }
                1 => pairs[i].1 = value(rng, 2),
                _ => {
                    let key = KEYS[rng.below(KEYS.len() as u64) as usize].to_string();
                    if !pairs.iter().any(|(k, _)| *k == key) {
                        pairs.push((key, value(rng, 2)));
                    }
                }
            }
        }
        Json::Arr(items) if !items.is_empty() => {
            let i = rng.below(items.len() as u64) as usize;
            if descend {
                mutate(rng, &mut items[i]);
            } else {
                items[i] = value(rng, 2);
            }
        }
        other => *other = value(rng, 2),
    }
}

/// Textual oddities a tree cannot hold: a repeated key, an escaped key or string, number forms.
fn mangle(rng: &mut Rng, text: String) -> String {
    let swaps: &[(&str, &str)] = &[
        (
            "\"type\":\"object\"",
            "\"type\":\"object\",\"type\":\"object\"",
        ),
        ("\"to\":{", "\"to\":{\"type\":1},\"to\":{"),
        ("\"required\":[", "\"required\":[\"\\u0074o\","),
        ("\"slug\"", "\"sl\\u0075g\""),
        ("\"Recipient\"", "\"Rec\\ud83d\\ude00\\ud800i\\/pient\""),
        ("\"minimum\":1", "\"minimum\":1.0e0"),
        ("\"maximum\":10.5", "\"maximum\":-0.0"),
        ("[1,2]", "[ 1 ,\n2 ]"),
        ("\"name\":", "\"name\":\"x\",\"name\":"),
        ("\"items\":[", "\"items\":[],\"items\":["),
    ];
    let (from, to) = swaps[rng.below(swaps.len() as u64) as usize];
    text.replacen(from, to, 1)
}

#[test]
fn the_fast_tools_reader_agrees_with_the_tree_reader() {
    // A tenth of the inputs: each is a whole page read four ways.
    let n = iterations() / 10;
    let seed = seed() ^ 0x7e47;
    println!("fuzz tools-text: seed {seed}, {n} inputs");
    let mut rng = Rng(seed | 1);
    let mut read = 0;
    for _ in 0..n {
        let v = &value(&mut rng, 5);
        let rng = &mut rng;
        let mut tools: Vec<Json> = (0..1 + rng.below(3)).map(|_| base_tool()).collect();
        for t in &mut tools {
            for _ in 0..rng.below(3) {
                mutate(rng, t);
            }
        }
        if rng.chance(10) {
            tools.push(v.clone());
        }
        let page = Json::object([
            ("items", Some(Json::Arr(tools))),
            ("next_cursor", Some(Json::str("c"))),
        ]);
        let mut text = json_text::to_text(&page, native_number_text);
        for _ in 0..rng.below(3) {
            text = mangle(rng, text);
        }
        if crate::tools_text::tests::agrees(&text) {
            read += 1;
        }
        // A random tree as the page, too.
        crate::tools_text::tests::agrees(&json_text::to_text(v, native_number_text));
    }
    // The generator must reach the fast path's success often enough to be worth running.
    println!("fuzz tools-text: the fast reader read {read} of {n} pages");
    assert!(read * 5 > n, "fast path read {read} of {n}");
}
