//! The engine with a fake clock and host: every retry, paging and polling path, no sleeping.

use super::*;
use crate::client_config::{resolve, Env};
use crate::endpoints::find;
use crate::j;

fn host() -> Host {
    Host {
        random: || 0.0,
        // One fixed HTTP date, at t = 100 s.
        parse_date: |s| (s == "Thu, 01 Jan 1970 00:01:40 GMT").then_some(100_000.0),
        parse_number: |s| s.parse().unwrap_or(f64::NAN),
        print_number: |n| n.to_string(),
        text_items: false,
    }
}

fn config() -> ClientConfig {
    let options = j!({ "apiKey": "ak_test", "baseURL": "http://h" });
    resolve(&options, &Env::default()).unwrap_or_else(|_| panic!("config"))
}

fn limits() -> Limits {
    Limits {
        timeout_ms: 60_000.0,
        max_retries: 2,
        max_bytes: 1_000_000.0,
    }
}

fn start_with(name: &str, args: Vec<Json>, limits: Limits, now: f64) -> (Option<Call>, Action) {
    Call::start(
        find(name).expect(name),
        &args,
        limits,
        &config(),
        host(),
        now,
    )
}

/// A call of `name` on the session `trs_1` with other limits; its first action is a send.
fn limited(name: &str, limits: Limits) -> Call {
    let (call, first) = start_with(name, vec![j!("trs_1")], limits, 0.0);
    assert!(matches!(first, Action::Send { .. }), "{first:?}");
    call.expect("a call")
}

fn start(name: &str, args: Vec<Json>) -> Call {
    let (call, first) = start_with(name, args, limits(), 0.0);
    assert_eq!(first, send(60_000.0, 1_000_000.0));
    call.expect("a call")
}

fn send(timeout_ms: f64, max_bytes: f64) -> Action {
    Action::Send {
        timeout_ms,
        max_bytes,
    }
}

fn answer(status: u16, body: &str) -> Answer<'static> {
    Answer {
        status,
        should_retry: None,
        retry_after_ms: None,
        retry_after: None,
        body: body.as_bytes().to_vec(),
    }
}

const EXECUTED: &str = r#"{"data":{"ok":1},"error":null,"log_id":"log_1"}"#;

fn execute() -> Call {
    start(
        "session.execute",
        vec![j!("trs_1"), j!("GMAIL_SEND"), j!({"to": "a"})],
    )
}

fn get_session() -> Call {
    start("sessions.use", vec![j!("trs_1")])
}

fn is_wait(a: &Action) -> bool {
    matches!(a, Action::Wait(_))
}

#[test]
fn a_request_is_built_from_its_row() {
    let call = execute();
    assert_eq!(call.method(), Method::Post);
    assert_eq!(
        call.url(),
        "http://h/api/v3.1/tool_router/session/trs_1/execute"
    );
    assert_eq!(
        call.body(),
        Some(r#"{"tool_slug":"GMAIL_SEND","arguments":{"to":"a"}}"#)
    );
    let call = start("toolkits.get", vec![j!("a b/c")]);
    assert_eq!(call.url(), "http://h/api/v3.1/toolkits/a%20b%2Fc");
    assert_eq!(call.body(), None);
}

#[test]
fn bad_input_fails_before_anything_is_sent() {
    let (call, action) = start_with("session.execute", vec![j!(""), j!("X")], limits(), 0.0);
    assert!(call.is_none());
    let Action::Fail(CallError::Invalid(i)) = action else {
        panic!("{action:?}")
    };
    assert!(i.message().starts_with("sessionId: "), "{}", i.message());
    let (_, action) = start_with("sessions.use", vec![j!(5)], limits(), 0.0);
    let Action::Fail(CallError::Invalid(i)) = action else {
        panic!("{action:?}")
    };
    assert_eq!(
        i.message(),
        "sessionId: expected a non-empty string, got a number"
    );
}

#[test]
fn a_2xx_answer_is_read_by_the_row() {
    let mut call = execute();
    let done = call.answered(answer(200, EXECUTED), &config(), 5.0);
    let Action::Done(v) = done else {
        panic!("{done:?}")
    };
    assert_eq!(
        json_text::to_text(&v, |n| n.to_string()),
        r#"{"data":{"ok":1},"error":null,"logId":"log_1"}"#
    );
}

#[test]
fn a_malformed_2xx_answer_is_a_bad_response() {
    for (body, what) in [
        ("", "the response body is empty; expected JSON"),
        ("{", "the response body is not JSON"),
        (r#"{"data":{},"error":null}"#, "missing `log_id`"),
    ] {
        let mut call = execute();
        let got = call.answered(answer(200, body), &config(), 0.0);
        let Action::Fail(CallError::BadResponse {
            status: 200,
            what: w,
            text,
        }) = got
        else {
            panic!("{got:?}")
        };
        assert!(w.contains(what), "{w} / {what}");
        assert_eq!(text, body, "the body as received");
    }
}

/// The number of attempts a call makes when every attempt ends with `each`.
fn attempts(mut call: Call, each: impl Fn(&mut Call) -> Action) -> (u32, Action) {
    let mut n = 1;
    loop {
        let next = each(&mut call);
        if !is_wait(&next) {
            return (n, next);
        }
        assert_eq!(call.waited(0.0), send(60_000.0, 1_000_000.0));
        n += 1;
    }
}

#[test]
fn statuses_retry_by_the_side_effect_rule() {
    for (status, get, post) in [
        (400, 1, 1),
        (404, 1, 1),
        (408, 3, 3),
        (409, 3, 3),
        (429, 3, 3),
        (500, 3, 1),
        (502, 3, 1),
        (503, 3, 3),
        (504, 3, 1),
    ] {
        let by = |c: &mut Call| {
            c.answered(
                answer(status, r#"{"error":{"message":"x"}}"#),
                &config(),
                0.0,
            )
        };
        let (n, last) = attempts(get_session(), by);
        assert_eq!(n, get, "GET {status}");
        assert!(matches!(last, Action::Fail(CallError::Api { status: s, .. }) if s == status));
        let (n, _) = attempts(execute(), by);
        assert_eq!(n, post, "POST {status}");
    }
}

#[test]
fn lost_attempts_retry_by_the_side_effect_rule() {
    for (lost, get, post, error) in [
        (Lost::Timeout, 3, 1, CallError::Timeout),
        (Lost::Network, 3, 1, CallError::Connection),
        (Lost::NotSent, 3, 3, CallError::Connection),
    ] {
        let (n, last) = attempts(get_session(), |c| c.lost(lost, 0.0));
        assert_eq!(
            (n, last),
            (get, Action::Fail(error.clone_for_test())),
            "GET {lost:?}"
        );
        let (n, last) = attempts(execute(), |c| c.lost(lost, 0.0));
        assert_eq!((n, last), (post, Action::Fail(error)), "POST {lost:?}");
    }
}

impl CallError {
    fn clone_for_test(&self) -> CallError {
        match self {
            CallError::Timeout => CallError::Timeout,
            CallError::Connection => CallError::Connection,
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn too_large_and_cancelled_end_the_call_at_once() {
    let mut call = get_session();
    assert_eq!(
        call.lost(Lost::TooLarge(200), 0.0),
        Action::Fail(CallError::TooLarge {
            status: 200,
            limit: 1_000_000.0
        })
    );
    let mut call = get_session();
    assert_eq!(
        call.lost(Lost::Cancelled, 0.0),
        Action::Fail(CallError::Cancelled)
    );
}

#[test]
fn abort_while_waiting_ends_the_call() {
    let mut call = get_session();
    assert!(is_wait(&call.answered(answer(503, ""), &config(), 0.0)));
    assert_eq!(
        call.lost(Lost::Cancelled, 10.0),
        Action::Fail(CallError::Cancelled)
    );
}

#[test]
fn max_retries_bounds_the_attempts() {
    let call = limited(
        "sessions.use",
        Limits {
            max_retries: 0,
            ..limits()
        },
    );
    let (n, _) = attempts(call, |c| c.answered(answer(503, ""), &config(), 0.0));
    assert_eq!(n, 1);
}

fn hinted(
    should_retry: Option<&'static str>,
    ms: Option<&'static str>,
    after: Option<&'static str>,
) -> Answer<'static> {
    Answer {
        should_retry,
        retry_after_ms: ms,
        retry_after: after,
        ..answer(429, "")
    }
}

#[test]
fn every_retry_after_form_sets_the_wait() {
    let wait = |a: Answer<'static>, now: f64| get_session().answered(a, &config(), now);
    assert_eq!(
        wait(hinted(None, Some("250"), Some("3")), 0.0),
        Action::Wait(250.0)
    );
    assert_eq!(
        wait(hinted(None, None, Some("1.5")), 0.0),
        Action::Wait(1500.0)
    );
    assert_eq!(
        wait(
            hinted(None, None, Some("Thu, 01 Jan 1970 00:01:40 GMT")),
            40_000.0
        ),
        Action::Wait(60_000.0)
    );
    // A date in the past: no wait.
    assert_eq!(
        wait(
            hinted(None, None, Some("Thu, 01 Jan 1970 00:01:40 GMT")),
            200_000.0
        ),
        Action::Wait(0.0)
    );
    // Capped at 60 s; unreadable hints fall back to the backoff (500 ms with no jitter).
    assert_eq!(
        wait(hinted(None, Some("600000"), None), 0.0),
        Action::Wait(60_000.0)
    );
    assert_eq!(
        wait(hinted(None, Some("soon"), Some("-1")), 0.0),
        Action::Wait(500.0)
    );
}

#[test]
fn x_should_retry_overrides_the_rule() {
    let mut call = execute();
    let a = Answer {
        status: 500,
        ..hinted(Some("true"), None, None)
    };
    assert!(is_wait(&call.answered(a, &config(), 0.0)));
    let mut call = get_session();
    let a = Answer {
        status: 503,
        ..hinted(Some("false"), None, None)
    };
    assert!(matches!(
        call.answered(a, &config(), 0.0),
        Action::Fail(CallError::Api { status: 503, .. })
    ));
}

#[test]
fn backoff_doubles_between_attempts() {
    let mut call = get_session();
    assert_eq!(
        call.answered(answer(503, ""), &config(), 0.0),
        Action::Wait(500.0)
    );
    call.waited(0.0);
    assert_eq!(
        call.answered(answer(503, ""), &config(), 0.0),
        Action::Wait(1000.0)
    );
}

#[test]
fn an_error_body_is_kept_as_text_and_as_json_when_sane() {
    let mut call = get_session();
    let got = call.answered(answer(404, r#"{"error":{"code":"X"}}"#), &config(), 0.0);
    assert_eq!(
        got,
        Action::Fail(CallError::Api {
            status: 404,
            text: r#"{"error":{"code":"X"}}"#.into(),
            body: Some(j!({"error": {"code": "X"}})),
        })
    );
    // Nested 5,000 deep: text only, one attempt, no recursion past the limit.
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let mut call = get_session();
    let got = call.answered(answer(404, &deep), &config(), 0.0);
    assert_eq!(
        got,
        Action::Fail(CallError::Api {
            status: 404,
            text: deep,
            body: None
        })
    );
}

const TOOL: &str = r#"{"slug":"A","name":"a","description":"d","toolkit":{"slug":"t","name":"T"},"input_parameters":{},"output_parameters":{},"tags":[],"version":"1","available_versions":[],"is_deprecated":false,"no_auth":false}"#;

fn page(n: usize, next: Option<&str>) -> String {
    let items = vec![TOOL; n].join(",");
    match next {
        Some(c) => format!(r#"{{"items":[{items}],"next_cursor":"{c}"}}"#),
        None => format!(r#"{{"items":[{items}],"next_cursor":null}}"#),
    }
}

#[test]
fn pages_are_followed_to_the_end() {
    let mut call = start("session.tools", vec![j!("trs_1")]);
    assert_eq!(
        call.url(),
        "http://h/api/v3.1/tool_router/session/trs_1/tools?limit=500"
    );
    let first = page(2, Some("c/2"));
    let left = 1_000_000.0 - first.len() as f64;
    assert_eq!(
        call.answered(answer(200, &first), &config(), 0.0),
        send(60_000.0, left)
    );
    assert_eq!(
        call.url(),
        "http://h/api/v3.1/tool_router/session/trs_1/tools?limit=500&cursor=c%2F2"
    );
    // A retried page keeps its cursor and its budget.
    assert!(is_wait(&call.answered(answer(503, ""), &config(), 0.0)));
    assert_eq!(call.waited(0.0), send(60_000.0, left));
    let done = call.answered(answer(200, &page(1, None)), &config(), 0.0);
    let Action::Done(Json::Arr(items)) = done else {
        panic!("{done:?}")
    };
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].get("slug"), Some(&j!("A")));
}

#[test]
fn all_pages_together_stay_within_the_byte_limit() {
    let one = page(3, Some("more"));
    let budget = one.len() as f64 * 2.5;
    let mut call = limited(
        "session.openaiTools",
        Limits {
            max_bytes: budget,
            ..limits()
        },
    );
    // Each page's allowance is what is left of the budget.
    for left in [budget - one.len() as f64, budget - 2.0 * one.len() as f64] {
        assert_eq!(
            call.answered(answer(200, &one), &config(), 0.0),
            send(60_000.0, left)
        );
    }
    // The driver's transport stops the third page past what is left: the whole limit is named.
    assert_eq!(
        call.lost(Lost::TooLarge(200), 0.0),
        Action::Fail(CallError::TooLarge {
            status: 200,
            limit: budget
        })
    );
}

#[test]
fn the_engine_holds_the_budget_even_if_the_driver_did_not() {
    // A last page (no cursor) larger than what was left is refused, not returned.
    let one = page(3, Some("more"));
    let last = page(3, None);
    let budget = one.len() as f64 + 10.0;
    let mut call = limited(
        "session.tools",
        Limits {
            max_bytes: budget,
            ..limits()
        },
    );
    assert_eq!(
        call.answered(answer(200, &one), &config(), 0.0),
        send(60_000.0, 10.0)
    );
    assert_eq!(
        call.answered(answer(200, &last), &config(), 0.0),
        Action::Fail(CallError::TooLarge {
            status: 200,
            limit: budget
        })
    );
    // The same for a single answer.
    let mut call = limited(
        "sessions.use",
        Limits {
            max_bytes: 5.0,
            ..limits()
        },
    );
    assert!(matches!(
        call.answered(answer(200, "{\"session_id\":1}"), &config(), 0.0),
        Action::Fail(CallError::TooLarge { limit: 5.0, .. })
    ));
}

#[test]
fn a_page_past_the_budget_is_too_large() {
    let mut call = start("session.tools", vec![j!("trs_1")]);
    assert_eq!(
        call.lost(Lost::TooLarge(200), 0.0),
        Action::Fail(CallError::TooLarge {
            status: 200,
            limit: 1_000_000.0
        })
    );
}

#[test]
fn openai_pages_are_formatted() {
    let mut call = start("session.openaiTools", vec![j!("trs_1")]);
    let Action::Done(Json::Arr(items)) = call.answered(answer(200, &page(1, None)), &config(), 0.0)
    else {
        panic!()
    };
    assert_eq!(items[0].get("type"), Some(&j!("function")));
}

fn account(status: &str) -> String {
    format!(
        r#"{{"id":"ca_1","status":"{status}","status_reason":"r","toolkit":{{"slug":"gmail"}},"auth_config":{{"id":"ac_1","auth_scheme":"OAUTH2","is_composio_managed":true,"is_disabled":false}},"is_disabled":false,"created_at":"c","updated_at":"u"}}"#
    )
}

fn poll(timeout: Json, now: f64) -> Call {
    let (call, first) = start_with(
        "connectedAccounts.waitForConnection",
        vec![j!("ca_1"), timeout],
        limits(),
        now,
    );
    assert!(matches!(first, Action::Send { .. }), "{first:?}");
    call.unwrap()
}

#[test]
fn polling_looks_twice_at_once_then_every_second() {
    let mut call = poll(j!(10_000), 0.0);
    assert_eq!(call.url(), "http://h/api/v3.1/connected_accounts/ca_1");
    let pending = account("INITIATED");
    assert_eq!(
        call.answered(answer(200, &pending), &config(), 100.0),
        send(9_900.0, 1_000_000.0)
    );
    assert_eq!(
        call.answered(answer(200, &pending), &config(), 200.0),
        Action::Wait(1000.0)
    );
    assert_eq!(call.waited(1200.0), send(8_800.0, 1_000_000.0));
    let done = call.answered(answer(200, &account("ACTIVE")), &config(), 1300.0);
    let Action::Done(a) = done else {
        panic!("{done:?}")
    };
    assert_eq!(a.get("status"), Some(&j!("ACTIVE")));
}

#[test]
fn polling_ends_at_its_deadline_whatever_the_server_does() {
    // Every GET hangs: the attempt's timeout is the time left, and its end is the deadline.
    let (call, first) = start_with(
        "connectedAccounts.waitForConnection",
        vec![j!("ca_1"), j!(5000)],
        limits(),
        0.0,
    );
    // The first attempt may only use the 5 s left, not the 60 s request timeout.
    assert_eq!(first, send(5000.0, 1_000_000.0));
    let mut call = call.unwrap();
    assert_eq!(
        call.lost(Lost::Timeout, 5000.0),
        Action::Fail(CallError::ConnectionTimeout { id: "ca_1".into() })
    );
    // A retry wait is cut at the deadline, and waking there ends the call.
    let mut call = poll(j!(5000), 0.0);
    assert_eq!(
        call.answered(answer(200, &account("INITIATED")), &config(), 10.0),
        send(4_990.0, 1_000_000.0)
    );
    assert_eq!(
        call.answered(answer(200, &account("INITIATED")), &config(), 4_500.0),
        Action::Wait(500.0)
    );
    assert_eq!(
        call.waited(5_000.0),
        Action::Fail(CallError::ConnectionTimeout { id: "ca_1".into() })
    );
    let mut call = poll(j!(5000), 0.0);
    let wait = call.answered(hinted(None, Some("50000"), None), &config(), 1000.0);
    assert_eq!(wait, Action::Wait(4000.0));
}

#[test]
fn polling_reports_failed_and_missing_accounts() {
    let mut call = poll(Json::Null, 0.0);
    assert_eq!(
        call.answered(answer(200, &account("EXPIRED")), &config(), 0.0),
        Action::Fail(CallError::ConnectionFailed {
            id: "ca_1".into(),
            status: "EXPIRED".into(),
            reason: Some("r".into())
        })
    );
    let mut call = poll(Json::Null, 0.0);
    assert_eq!(
        call.answered(answer(404, "{}"), &config(), 0.0),
        Action::Fail(CallError::AccountNotFound { id: "ca_1".into() })
    );
    // A 404 on a later poll is the API error.
    let mut call = poll(Json::Null, 0.0);
    call.answered(answer(200, &account("INITIATED")), &config(), 0.0);
    assert!(matches!(
        call.answered(answer(404, "{}"), &config(), 0.0),
        Action::Fail(CallError::Api { status: 404, .. })
    ));
}

#[test]
fn polling_abort_ends_the_call() {
    let mut call = poll(j!(5000), 0.0);
    call.answered(answer(200, &account("INITIATED")), &config(), 0.0);
    call.answered(answer(200, &account("INITIATED")), &config(), 0.0);
    assert_eq!(
        call.lost(Lost::Cancelled, 10.0),
        Action::Fail(CallError::Cancelled)
    );
}

#[test]
fn a_poll_timeout_is_validated() {
    let (_, action) = start_with(
        "connectedAccounts.waitForConnection",
        vec![j!("ca_1"), j!(-5)],
        limits(),
        0.0,
    );
    let Action::Fail(CallError::Invalid(i)) = action else {
        panic!("{action:?}")
    };
    assert!(i.message().starts_with("timeout: "));
}
