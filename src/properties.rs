//! Property tests (proptest), which shrink a failure to a small input: the JSON reader against
//! serde_json, and the call engine's promises (retries, waits, poll deadlines, byte budgets)
//! under any sequence of server answers and lost attempts.
//!
//! 256 cases per property by default; `PROPTEST_CASES` sets another number. The seed is fixed
//! so that CI runs are repeatable; `PROPTEST_RNG_SEED` picks another.

use crate::oracle as common;

use std::cell::Cell;

use crate::client_config::{resolve, ClientConfig, Env};
use crate::endpoints::{find, Flow, TABLE};
use crate::engine::{Action, Answer, Call, Host, Limits, Lost};
use crate::json::Json;
use crate::json_text::{self, native_number, native_number_text, MAX_DEPTH};
use crate::retry::Safety;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use serde_json::Value;

fn config() -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        c.rng_seed = RngSeed::Fixed(0x5EED_C0DE);
    }
    // The seed replays a failure, and the failure message shows the shrunk input.
    c.failure_persistence = None;
    c
}

// ---------------------------------------------------------------------------------------------
// JSON text
// ---------------------------------------------------------------------------------------------

/// Strings heavy in what needs escaping: quotes, backslashes, controls, line separators,
/// non-BMP characters (written as surrogate pairs by nobody, but as UTF-8 by serde_json).
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\/\u{0}-\u{1f}\u{7f}a-cé\u{2028}\u{2029}\u{FEFF}\u{FFFD}\u{FFFF}\u{10000}\u{1F642}\u{10FFFF}]{0,12}",
    ]
}

fn number() -> impl Strategy<Value = serde_json::Number> {
    prop_oneof![
        any::<i64>().prop_map(serde_json::Number::from),
        any::<u64>().prop_map(serde_json::Number::from),
        (-1000i64..1000).prop_map(serde_json::Number::from),
        any::<f64>().prop_filter_map("finite", serde_json::Number::from_f64),
        prop::sample::select(vec![
            0.0,
            -0.0,
            0.5,
            1e21,
            1e-7,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE
        ])
        .prop_filter_map("finite", serde_json::Number::from_f64),
    ]
}

/// Any JSON value: nested arrays and objects of strings, integers and floats.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        tricky_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((tricky_string(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// `a` and `b` are the same value, numbers compared as f64 and members in order.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
        }
        _ => a == b,
    }
}

/// A text edited at random: characters replaced, inserted or deleted, or the text cut.
fn mutated(text: String) -> impl Strategy<Value = String> {
    let len = text.chars().count();
    let edit = (
        0..4u8,
        0..=len,
        prop::sample::select(
            "{}[]\",:0123456789-+.eEtrufalsn \\/u\u{0}\u{1f}é\u{FFFD}dDcCfF"
                .chars()
                .collect::<Vec<_>>(),
        ),
    );
    prop::collection::vec(edit, 1..4).prop_map(move |edits| {
        let mut chars: Vec<char> = text.chars().collect();
        for (kind, at, c) in edits {
            let at = at.min(chars.len());
            match kind {
                0 => chars.truncate(at),
                1 if at < chars.len() => chars[at] = c,
                2 => chars.insert(at, c),
                _ if at < chars.len() => {
                    chars.remove(at);
                }
                _ => {}
            }
        }
        chars.into_iter().collect()
    })
}

/// Texts made of JSON's pieces, valid and broken: more likely to be nearly-JSON than
/// arbitrary strings.
fn json_ish() -> impl Strategy<Value = String> {
    let tokens = prop::sample::select(vec![
        "{", "}", "[", "]", ",", ":", " ", "\n", "\"", "\"a\"", "\"\\\"\"", "\"é\"", "0", "-0",
        "1", "12", "-", "+", ".", "e", "E", "1.5", "1e5", "1e400", "-1e400", "1e-400", "01",
        "true", "false", "null", "tru", "nul", "\\", "\\u", "\\ud800", "\\udc00", "\\ud83d",
        "\\ude42", "\\u0041", "\\uFFFD", "\\n", "\\x", "\u{0}", "\u{7f}", "\u{FEFF}", "\u{A0}",
    ]);
    prop::collection::vec(tokens, 0..16).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(config())]

    /// What serde_json writes, ours reads; what ours writes of it, serde_json reads back as the
    /// same value (numbers as f64).
    #[test]
    fn json_text_round_trips_serde_json_values(v in json_value()) {
        let text = serde_json::to_string(&v).unwrap();
        let ours = json_text::parse(&text, native_number);
        prop_assert!(ours.is_ok(), "refused {text:?}: {ours:?}");
        let written = json_text::to_text(&ours.unwrap(), native_number_text);
        let back: Value = serde_json::from_str(&written)
            .map_err(|e| TestCaseError::fail(format!("{written:?}: {e}")))?;
        prop_assert!(same(&v, &back), "{text:?} came back as {written:?}");
    }

    /// Ours accepts an arbitrary string exactly when serde_json does (less the documented
    /// differences, tests/common/mod.rs).
    #[test]
    fn json_text_accepts_what_serde_json_accepts_arbitrary(s in any::<String>()) {
        if let Some(why) = common::acceptance_disagreement(&s) {
            return Err(TestCaseError::fail(why));
        }
    }

    /// The same on texts assembled from JSON's tokens.
    #[test]
    fn json_text_accepts_what_serde_json_accepts_tokens(s in json_ish()) {
        if let Some(why) = common::acceptance_disagreement(&s) {
            return Err(TestCaseError::fail(why));
        }
    }

    /// The same on serializations of values with a few characters edited.
    #[test]
    fn json_text_accepts_what_serde_json_accepts_mutated(
        s in json_value().prop_flat_map(|v| mutated(serde_json::to_string(&v).unwrap()))
    ) {
        if let Some(why) = common::acceptance_disagreement(&s) {
            return Err(TestCaseError::fail(why));
        }
    }

    /// Around the depth limit: up to MAX_DEPTH levels read as serde_json reads them, deeper is
    /// refused.
    #[test]
    fn json_text_nesting_limit(
        depth in (MAX_DEPTH - 3)..(MAX_DEPTH + 3),
        open in prop::sample::select(vec!["[", "{\"k\":", "[1,"]),
        closed in any::<bool>(),
    ) {
        let close = match open { "[" | "[1," => "]", _ => "}" };
        let inner = if open == "[" { "" } else { "0" };
        let text = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth - usize::from(!closed)));
        if let Some(why) = common::acceptance_disagreement(&text) {
            return Err(TestCaseError::fail(why));
        }
        prop_assert_eq!(json_text::parse(&text, native_number).is_ok(), closed && depth <= MAX_DEPTH);
    }
}

// ---------------------------------------------------------------------------------------------
// The call engine
// ---------------------------------------------------------------------------------------------

thread_local! {
    /// The host's random number for the next retry's jitter.
    static JITTER: Cell<f64> = const { Cell::new(0.0) };
}

const DATE: &str = "Thu, 01 Jan 1970 00:01:40 GMT";

fn host() -> Host {
    Host {
        random: || JITTER.with(Cell::get),
        // One fixed HTTP date, at t = 100 s.
        parse_date: |s| (s == DATE).then_some(100_000.0),
        parse_number: native_number,
        print_number: native_number_text,
        text_items: false,
    }
}

fn client() -> ClientConfig {
    let options = json("{\"apiKey\":\"ak_test\",\"baseURL\":\"http://h\"}");
    resolve(&options, &Env::default()).unwrap_or_else(|_| panic!("config"))
}

fn json(text: &str) -> Json {
    json_text::parse(text, native_number).expect(text)
}

/// Arguments that make a valid call of each row (the poll's timeout is added by its property).
fn args_for(name: &str) -> Vec<Json> {
    let text = match name {
        "sessions.create" => r#"["user_1",{}]"#,
        "sessions.use" | "sessions.delete" | "session.tools" | "session.openaiTools" => {
            r#"["trs_1"]"#
        }
        "sessions.update" => r#"["trs_1",{"toolkits":["gmail"]}]"#,
        "session.toolkits" | "files.list" => r#"["trs_1",{}]"#,
        "session.search" => r#"["trs_1",{"query":"send an email"}]"#,
        "session.execute" => r#"["trs_1","GMAIL_SEND",{"to":"a"}]"#,
        "session.proxyExecute" => r#"["trs_1",{"toolkit":"gmail","endpoint":"/x","method":"GET"}]"#,
        "session.authorize" => r#"["trs_1","gmail"]"#,
        "connectedAccounts.waitForConnection"
        | "connectedAccounts.get"
        | "connectedAccounts.delete"
        | "connectedAccounts.refresh" => r#"["ca_1"]"#,
        "connectedAccounts.updateStatus" => r#"["ca_1",{"enabled":false}]"#,
        "toolkits.list"
        | "toolkits.listPage"
        | "toolkits.listCategories"
        | "connectedAccounts.list"
        | "authConfigs.list" => "[]",
        "authConfigs.get" | "authConfigs.delete" => r#"["ac_1"]"#,
        "authConfigs.updateStatus" => r#"["DISABLED","ac_1"]"#,
        "toolkits.get" => r#"["gmail"]"#,
        "files.uploadUrl" | "files.downloadUrl" | "files.delete" => r#"["trs_1","/a.txt"]"#,
        // accounts2
        "connectedAccounts.initiate" | "connectedAccounts.link" => r#"["user_1","ac_1"]"#,
        "connectedAccounts.updateAcl" => r#"["ca_1",{"allowAllUsers":true}]"#,
        "authConfigs.create" => r#"["gmail"]"#,
        "authConfigs.update" => r#"["ac_1",{"type":"default"}]"#,
        // composio.tools
        "tools.list" => r#"[{"toolkits":["gmail"]},"latest"]"#,
        "tools.get" => r#"["GMAIL_SEND"]"#,
        "tools.execute" => r#"["GMAIL_SEND",{"userId":"u"},"20250909_00"]"#,
        "tools.executeSessionTool" => r#"["trs_1","GMAIL_SEND",{"to":"a"}]"#,
        "tools.getToolsEnum" => "[]",
        "tools.getInput" => r#"["GMAIL_SEND",{"text":"t"}]"#,
        "tools.proxyExecute" => r#"[{"endpoint":"/x","method":"GET"}]"#,
        // triggers
        "triggers.listActive"
        | "triggers.listTypes"
        | "triggers.listEnum"
        | "realtime.credentials" => "[]",
        "triggers.createTypeCheck" | "triggers.create" => r#"["user_1","GITHUB_COMMIT_EVENT",{}]"#,
        "triggers.update" => r#"["ti_1",{"status":"enable"}]"#,
        "triggers.delete" => r#"["ti_1"]"#,
        "triggers.getType" => r#"["GITHUB_COMMIT_EVENT"]"#,
        "webhookSubscriptions.first" | "webhookSubscriptions.create" => {
            r#"[{"webhookUrl":"https://a.example/h"}]"#
        }
        "mcp.create" | "mcp.generateUrl" | "files.uploadRequest" => r#"[{"name":"n"}]"#,
        "mcp.list" => r#"["a=1"]"#,
        "mcp.get" | "mcp.delete" => r#"["srv_1"]"#,
        "mcp.update" => r#"["srv_1",{"name":"n"}]"#,
        "webhookSubscriptions.update" => r#"["ws_1",{"webhookUrl":"https://a.example/h"}]"#,
        other => panic!("no arguments for {other}: add them here"),
    };
    match json(text) {
        Json::Arr(items) => items,
        _ => unreachable!(),
    }
}

const TOOL: &str = r#"{"slug":"A","name":"a","description":"d","toolkit":{"slug":"t","name":"T"},"input_parameters":{},"output_parameters":{},"tags":[],"version":"1","available_versions":[],"is_deprecated":false,"no_auth":false}"#;

fn page(n: usize, next: bool) -> String {
    let items = vec![TOOL; n].join(",");
    let next = if next { "\"c/1\"" } else { "null" };
    format!(r#"{{"items":[{items}],"next_cursor":{next}}}"#)
}

fn account(status: &str) -> String {
    format!(
        r#"{{"id":"ca_1","status":"{status}","status_reason":"r","toolkit":{{"slug":"gmail"}},"auth_config":{{"id":"ac_1","auth_scheme":"OAUTH2","is_composio_managed":true,"is_disabled":false}},"is_disabled":false,"created_at":"c","updated_at":"u"}}"#
    )
}

/// What one attempt comes to.
#[derive(Clone, Debug)]
enum Outcome {
    Answer {
        status: u16,
        should_retry: Option<&'static str>,
        retry_after_ms: Option<&'static str>,
        retry_after: Option<&'static str>,
        /// Which body a 2xx answer has (read by the row's flow, see `body`).
        body: u8,
        /// A page's items, and whether it has a next cursor.
        items: usize,
        next: bool,
    },
    Lost(Lost),
}

/// One attempt: its outcome, how far into the attempt's timeout it ends (a `Timeout` ends at
/// the timeout; other ends may be read a little late), and the jitter for the retry it may
/// cause.
#[derive(Clone, Debug)]
struct Step {
    outcome: Outcome,
    elapsed: f64,
    jitter: f64,
}

fn outcome() -> impl Strategy<Value = Outcome> {
    let header = |values: Vec<&'static str>| {
        prop_oneof![
            2 => Just(None),
            1 => prop::sample::select(values).prop_map(Some),
        ]
    };
    let answer = (
        prop::sample::select(vec![
            200u16, 200, 200, 201, 204, 400, 401, 404, 408, 409, 429, 500, 502, 503, 504,
        ]),
        header(vec!["true", "false", "maybe"]),
        header(vec!["0", "250", "600000", "-1", "soon", "1e3", "NaN"]),
        header(vec!["0", "3", "1.5", "-1", "100000", DATE, "tomorrow"]),
        any::<u8>(),
        0..4usize,
        prop::bool::weighted(0.7),
    )
        .prop_map(
            |(status, should_retry, retry_after_ms, retry_after, body, items, next)| {
                Outcome::Answer {
                    status,
                    should_retry,
                    retry_after_ms,
                    retry_after,
                    body,
                    items,
                    next,
                }
            },
        );
    prop_oneof![
        6 => answer,
        3 => prop::sample::select(vec![Lost::Timeout, Lost::NotSent, Lost::Network])
            .prop_map(Outcome::Lost),
        1 => Just(Outcome::Lost(Lost::Cancelled)),
    ]
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    // An attempt's end as a share of its timeout: past 1 when the host's clock reads late.
    let elapsed = prop_oneof![3 => 0.0..=1.0f64, 1 => Just(1.0), 1 => 1.0..1.2f64];
    let step = (outcome(), elapsed, 0.0..1.0f64).prop_map(|(outcome, elapsed, jitter)| Step {
        outcome,
        elapsed,
        jitter,
    });
    prop::collection::vec(step, 0..24)
}

fn limits() -> impl Strategy<Value = Limits> {
    (
        prop_oneof![Just(60_000.0), 1.0..120_000.0f64],
        0..5u32,
        prop_oneof![Just(1_000_000.0), 100.0..5_000.0f64],
    )
        .prop_map(|(timeout_ms, max_retries, max_bytes)| Limits {
            timeout_ms,
            max_retries,
            max_bytes,
        })
}

/// What the driver saw, in order.
#[derive(Debug)]
enum Event {
    Send {
        now: f64,
        timeout_ms: f64,
        max_bytes: f64,
    },
    /// An attempt ended: its outcome, and the bytes of a 2xx answer the engine read.
    Ended {
        outcome: Outcome,
        read: Option<f64>,
    },
    Wait {
        now: f64,
        ms: f64,
    },
    End(Action),
}

/// The 2xx body of `outcome` for a row of `flow`.
fn body(flow: Flow, outcome: &Outcome) -> String {
    let Outcome::Answer {
        body, items, next, ..
    } = outcome
    else {
        return String::new();
    };
    match flow {
        Flow::Single => [
            "",
            "{}",
            "x",
            "[]",
            r#"{"data":{},"error":null,"log_id":"l"}"#,
        ][usize::from(*body) % 5]
            .to_string(),
        Flow::Pages if *body < 8 => "{".into(),
        Flow::Pages => page(*items, *next),
        Flow::Poll => account(
            [
                "INITIATED",
                "INITIALIZING",
                "INITIATED",
                "ACTIVE",
                "FAILED",
                "EXPIRED",
                "",
            ][usize::from(*body) % 7],
        ),
    }
}

/// The step fed once the generated ones are used up: one that ends a single call or a page
/// walk, and keeps a poll pending (so only its deadline ends it).
fn last_step(flow: Flow) -> Step {
    let outcome = match flow {
        Flow::Single => Outcome::Answer {
            status: 400,
            should_retry: None,
            retry_after_ms: None,
            retry_after: None,
            body: 0,
            items: 0,
            next: false,
        },
        Flow::Pages | Flow::Poll => Outcome::Answer {
            status: 200,
            should_retry: None,
            retry_after_ms: None,
            retry_after: None,
            // A pending account for a poll (`body` picks INITIATED), a last page for pages.
            body: 14,
            items: 1,
            next: false,
        },
    };
    Step {
        outcome,
        elapsed: 0.5,
        jitter: 0.5,
    }
}

/// Drives a call of `name` through `steps` with a fake clock starting at `start`: a send's
/// attempt ends after its step's share of the timeout, a wait moves the clock by its length.
fn run(name: &str, args: &[Json], limits: Limits, steps: &[Step], start: f64) -> Vec<Event> {
    let ep = find(name).expect(name);
    let config = client();
    let (call, mut action) = Call::start(ep, args, limits, &config, host(), start);
    let mut call = call.unwrap_or_else(|| panic!("{name} did not start: {action:?}"));
    let mut steps = steps.iter().cloned();
    let mut now = start;
    let mut events = Vec::new();
    loop {
        assert!(events.len() < 10_000, "{name}: the call never ends");
        action = match action {
            Action::Send {
                timeout_ms,
                max_bytes,
            } => {
                events.push(Event::Send {
                    now,
                    timeout_ms,
                    max_bytes,
                });
                let step = steps.next().unwrap_or_else(|| last_step(ep.flow));
                JITTER.with(|j| j.set(step.jitter));
                let mut read = None;
                let next = match &step.outcome {
                    Outcome::Lost(Lost::Timeout) => {
                        now += timeout_ms;
                        call.lost(Lost::Timeout, now)
                    }
                    Outcome::Lost(how) => {
                        now += step.elapsed * timeout_ms;
                        call.lost(*how, now)
                    }
                    Outcome::Answer {
                        status,
                        should_retry,
                        retry_after_ms,
                        retry_after,
                        ..
                    } => {
                        now += step.elapsed * timeout_ms;
                        let text = if (200..300).contains(status) {
                            body(ep.flow, &step.outcome)
                        } else {
                            r#"{"error":{"message":"x"}}"#.to_string()
                        };
                        // The transport stops reading past the attempt's budget.
                        if text.len() as f64 > max_bytes {
                            call.lost(Lost::TooLarge(*status), now)
                        } else {
                            if (200..300).contains(status) {
                                read = Some(text.len() as f64);
                            }
                            let answer = Answer {
                                status: *status,
                                should_retry: *should_retry,
                                retry_after_ms: *retry_after_ms,
                                retry_after: *retry_after,
                                body: text.into_bytes(),
                            };
                            call.answered(answer, &config, now)
                        }
                    }
                };
                events.push(Event::Ended {
                    outcome: step.outcome,
                    read,
                });
                next
            }
            Action::Wait(ms) => {
                events.push(Event::Wait { now, ms });
                now += ms;
                call.waited(now)
            }
            end => {
                events.push(Event::End(end));
                return events;
            }
        };
    }
}

/// Rows of a single answer (every side-effect row is one).
fn single_rows() -> Vec<&'static str> {
    TABLE
        .iter()
        .filter(|e| e.flow == Flow::Single)
        .map(|e| e.name)
        .collect()
}

fn any_row() -> impl Strategy<Value = &'static str> {
    prop::sample::select(TABLE.iter().map(|e| e.name).collect::<Vec<_>>())
}

/// Whether the server may have acted on the attempt, and so a side effect must not be sent
/// again: a timeout, a connection lost mid-way, or a 500/502/504 that does not say
/// `x-should-retry: true`.
fn may_have_acted(outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Lost(how) => matches!(how, Lost::Timeout | Lost::Network),
        Outcome::Answer {
            status,
            should_retry,
            ..
        } => matches!(status, 500 | 502 | 504) && *should_retry != Some("true"),
    }
}

proptest! {
    #![proptest_config(config())]

    /// (i) A side-effect row is never sent again once an attempt may have reached the server
    /// (timeout, lost connection, 500/502/504 without `x-should-retry: true`).
    #[test]
    fn engine_never_repeats_a_side_effect(
        name in prop::sample::select(single_rows()),
        limits in limits(),
        steps in steps(),
    ) {
        let events = run(name, &args_for(name), limits, &steps, 0.0);
        if find(name).unwrap().safety == Safety::SideEffect {
            for pair in events.windows(2) {
                if let [Event::Ended { outcome, .. }, next] = pair {
                    if may_have_acted(outcome) {
                        prop_assert!(matches!(next, Event::End(Action::Fail(_))),
                            "{name}: after {outcome:?} the engine did {next:?}");
                    }
                }
            }
        }
    }

    /// (ii) A request (a single call, one page, one poll) is sent at most `max_retries + 1`
    /// times; (iii) every wait is between 0 and 60 s.
    #[test]
    fn engine_bounds_attempts_and_waits(
        name in any_row(),
        limits in limits(),
        steps in steps(),
    ) {
        let mut args = args_for(name);
        if name == "connectedAccounts.waitForConnection" {
            args.push(Json::Num(30_000.0));
        }
        let events = run(name, &args, limits, &steps, 0.0);
        let mut sends = 0;
        for e in &events {
            match e {
                Event::Send { .. } => {
                    sends += 1;
                    prop_assert!(sends <= limits.max_retries + 1,
                        "{name}: {sends} sends of one request with max_retries {}", limits.max_retries);
                }
                // A 2xx answer ends the request; the next send is a new page or poll.
                Event::Ended { read: Some(_), .. } => sends = 0,
                Event::Wait { ms, .. } => prop_assert!((0.0..=60_000.0).contains(ms), "{name}: wait {ms}"),
                _ => {}
            }
        }
    }

    /// (iv) `waitForConnection` never sends or waits past its deadline: after the first poll,
    /// each attempt starts before the deadline and its timeout ends by then (or 1 ms after, the
    /// shortest timeout), and each wait ends by the deadline.
    #[test]
    fn engine_poll_keeps_its_deadline(
        wait in prop_oneof![Just(None), Just(Some(1.0)), (1.0..20_000.0f64).prop_map(Some)],
        start in prop_oneof![Just(0.0), 0.0..1e12f64],
        limits in limits(),
        steps in steps(),
    ) {
        let name = "connectedAccounts.waitForConnection";
        let mut args = args_for(name);
        args.push(wait.map_or(Json::Null, Json::Num));
        let deadline = start + wait.unwrap_or(60_000.0);
        let events = run(name, &args, limits, &steps, start);
        for (i, e) in events.iter().enumerate() {
            match *e {
                Event::Send { now, timeout_ms, .. } => {
                    prop_assert!(i == 0 || now < deadline, "send at {now}, deadline {deadline}");
                    prop_assert!(timeout_ms > 0.0 && timeout_ms <= limits.timeout_ms.max(1.0));
                    // (Compared with the time left rather than as `now + timeout_ms`, which
                    // can round one ulp past the deadline.)
                    prop_assert!(timeout_ms <= (deadline - now).max(1.0),
                        "send at {now} for {timeout_ms} ms, deadline {deadline}");
                }
                Event::Wait { now, ms } => prop_assert!(ms <= deadline - now,
                    "wait at {now} for {ms} ms, deadline {deadline}"),
                _ => {}
            }
        }
    }

    /// (v) A paged call never asks to read more than its byte limit over all its pages, and
    /// its result has every item of the pages it read.
    #[test]
    fn engine_pages_stay_within_the_byte_limit(
        name in prop::sample::select(vec!["session.tools", "session.openaiTools"]),
        limits in limits(),
        steps in steps(),
    ) {
        let events = run(name, &args_for(name), limits, &steps, 0.0);
        let (mut read, mut items) = (0.0, 0);
        for e in &events {
            match e {
                Event::Send { max_bytes, .. } => {
                    prop_assert!(*max_bytes > 0.0 && read + max_bytes <= limits.max_bytes,
                        "{name}: asks for {max_bytes} bytes after reading {read} of {}", limits.max_bytes);
                }
                Event::Ended { read: Some(n), outcome: Outcome::Answer { items: k, .. } } => {
                    read += n;
                    items += k;
                }
                Event::End(Action::Done(Json::Arr(got))) => prop_assert_eq!(got.len(), items),
                Event::End(Action::Done(other)) => prop_assert!(false, "{name}: done with {other:?}"),
                _ => {}
            }
        }
        prop_assert!(read <= limits.max_bytes);
    }
}

#[test]
fn every_row_starts_with_the_test_arguments() {
    for ep in TABLE {
        let mut args = args_for(ep.name);
        if ep.flow == Flow::Poll {
            args.push(Json::Null);
        }
        let (call, first) = Call::start(ep, &args, Limits::of(&client()), &client(), host(), 0.0);
        assert!(call.is_some(), "{}: {first:?}", ep.name);
        assert!(
            matches!(first, Action::Send { .. }),
            "{}: {first:?}",
            ep.name
        );
    }
}

/// The differences the oracle takes out are real: serde_json alone would disagree with
/// `JSON.parse` on these, and the oracle's rewrite makes it agree.
#[test]
fn the_oracles_documented_differences() {
    let ours = |t: &str| json_text::parse(t, native_number).is_ok();
    for text in [
        r#""\ud800""#,
        r#""a\udc00b""#,
        r#"["\ud83d\u0041"]"#,
        "1e400",
        "[-1e400]",
        &format!("1{}", "0".repeat(400)),
    ] {
        assert!(ours(text), "{text}");
        assert!(!common::serde_accepts(text), "{text}");
        assert!(common::serde_accepts(&common::for_serde(text)), "{text}");
        assert_eq!(common::acceptance_disagreement(text), None, "{text}");
    }
    // A pair is kept, and an escape inside a string is not a number.
    assert_eq!(
        common::for_serde(r#"["\ud83d\ude42","1e400"]"#),
        r#"["\ud83d\ude42","1e400"]"#
    );
    // serde_json's own recursion limit (128) is lifted; ours is MAX_DEPTH.
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(serde_json::from_str::<Value>(&deep).is_err());
    assert!(ours(&deep) && common::serde_accepts(&deep));
    let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert!(!ours(&too_deep));
}
