//! What the call engine needs from JS, shared by the JS surface and the Rust API: numbers
//! converted by JS itself (so no float tables are in the module, and bodies are byte for byte
//! what `JSON.stringify` writes), dates, randomness.

use crate::engine::Host;

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
#[cfg(feature = "js-api")]
pub fn to_json_text(v: &crate::json::Json) -> String {
    crate::json_text::to_text(v, number_to_text)
}

/// An HTTP date as ms since the epoch, read as JS's `Date.parse` reads it.
fn parse_date(text: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(text);
    (!ms.is_nan()).then_some(ms)
}

/// The engine's host in wasm: JS's own number conversions, clock-free randomness and dates.
pub const HOST: Host = Host {
    random: js_sys::Math::random,
    parse_date,
    parse_number: number_from_text,
    print_number: number_to_text,
    // The JS surface writes every result back as JSON text.
    text_items: true,
};
