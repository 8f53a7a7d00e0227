//! Reading an answer, shared by the JS surface and the Rust API: the body's bytes as text, the
//! text as JSON, and the retry facts a non-2xx answer carries in its headers. Numbers cross as
//! text in both directions and are converted by JS itself (see `json_text`).

use super::errors::Error;
use crate::json::Json;
use crate::json_text::{self, ParseError};
use crate::retry::{self, Outcome};
use wasm_bindgen::JsValue;

/// Integers of up to 15 digits are exact in an f64 both ways, so they are converted here; other
/// numbers cross to JS (a crossing per number was a large share of a small answer's cost).
const EXACT_DIGITS: usize = 15;

/// A JSON number literal's value, as JS's `parseFloat` gives it.
pub fn number_from_text(text: &str) -> f64 {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.len() <= EXACT_DIGITS && digits.bytes().all(|b| b.is_ascii_digit()) {
        let n = digits
            .bytes()
            .fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64;
        return if text.starts_with('-') { -n } else { n };
    }
    js_sys::Number::parse_float(text)
}

/// A number as JS's `String(n)` prints it.
pub fn number_to_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        // Also prints -0 as "0", as JS does.
        return (n as i64).to_string();
    }
    String::from(
        js_sys::Number::from(n)
            .to_string_with_radix(10)
            .unwrap_or_default(),
    )
}

/// `Json` as JSON text, byte for byte what `JSON.stringify` would give.
pub fn to_json_text(v: &Json) -> String {
    json_text::to_text(v, number_to_text)
}

/// A 2xx answer whose body is not what the API promises.
pub fn bad_response(status: u16, what: &str) -> Error {
    Error::BadResponse {
        status,
        what: what.to_string(),
    }
}

/// The body as text, decoded as `Response.text()` decodes it: UTF-8, a leading byte order mark
/// dropped, invalid sequences replaced by U+FFFD.
pub fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The JSON of a 2xx answer, the top-level members `raw_keys` kept as received (`Json::Raw`).
/// Only a 204 may have no body.
pub fn parse_body(status: u16, text: &str, raw_keys: &[&str]) -> Result<Json, Error> {
    if text.is_empty() {
        return match status {
            204 => Ok(Json::Null),
            _ => Err(bad_response(
                status,
                "the response body is empty; expected JSON",
            )),
        };
    }
    json_text::parse_keeping_raw(text, number_from_text, raw_keys)
        .map_err(|e| bad_response(status, ParseError::describe(&e)))
}

fn number_header(text: Option<&str>) -> Option<f64> {
    let trimmed = text?.trim();
    if trimmed.is_empty() {
        return None;
    }
    let n = js_sys::Number::from(JsValue::from_str(trimmed)).value_of();
    (!n.is_nan()).then_some(n)
}

/// How a non-2xx answer ended, from its status and its `x-should-retry`, `retry-after-ms` and
/// `retry-after` headers.
pub fn status_outcome(
    status: u16,
    should_retry: Option<&str>,
    retry_after_ms: Option<&str>,
    retry_after: Option<&str>,
) -> Outcome {
    let should_retry = match should_retry {
        Some("true") => Some(true),
        Some("false") => Some(false),
        _ => None,
    };
    let date_ms = retry_after.map(js_sys::Date::parse).filter(|d| !d.is_nan());
    Outcome::Status {
        status,
        should_retry,
        server_delay_ms: retry::server_delay_ms(
            number_header(retry_after_ms),
            number_header(retry_after),
            date_ms,
            js_sys::Date::now(),
        ),
    }
}
