//! serde_json as the oracle for which texts `json_text::parse` accepts (shared by
//! tests/properties.rs and tests/fuzz.rs).
//!
//! `json_text::parse` follows `JSON.parse`; serde_json follows RFC 8259 with a few differences
//! from `JSON.parse`, which the oracle takes out before comparing:
//!
//! - Nesting: ours refuses texts nested deeper than `json_text::MAX_DEPTH` (512); serde_json's
//!   own limit (128) is lifted with `disable_recursion_limit`. A text nested deeper than 512
//!   (counting brackets outside strings) must be refused by ours and is not shown to serde_json.
//! - Unpaired surrogate escapes (`"\ud800"`, `"\udc00x"`, `"\ud800\u0041"`): `JSON.parse`
//!   accepts them (and we read each as U+FFFD); serde_json refuses them. serde_json is shown the
//!   text with each such escape replaced by `\ufffd`.
//! - Numbers too large for an f64 (`1e400`, a 400-digit integer): `JSON.parse` reads them as
//!   `Infinity`; serde_json refuses them ("number out of range"). serde_json is shown the text
//!   with each such number literal (outside strings) replaced by `0`.

use crate::json_text::{self, native_number, MAX_DEPTH};
use serde::Deserialize;

/// How deep the text's arrays and objects nest, counting brackets outside strings (as far as
/// the text can be read as strings and the rest; exact for any text both parsers accept).
pub fn nesting(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut chars = text.chars();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (true, '\\') => {
                chars.next();
            }
            (_, '"') => in_string = !in_string,
            (false, '[' | '{') => {
                depth += 1;
                max = max.max(depth);
            }
            (false, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn hex4(chars: &[char]) -> Option<u32> {
    let digits: String = chars.get(..4)?.iter().collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(&digits, 16).ok()
}

fn is_number(run: &str) -> bool {
    let b = run.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let int_start = i;
    let n = digits(&mut i);
    if n == 0 || (n > 1 && b[int_start] == b'0') {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// The text as serde_json should see it for its verdict to be `JSON.parse`'s: unpaired
/// surrogate escapes become `\ufffd`, and number literals too large for an f64 become `0`.
pub fn for_serde(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            match c {
                '"' => in_string = false,
                '\\' if chars.get(i + 1) == Some(&'u') => {
                    if let Some(unit) = hex4(&chars[i + 2..]) {
                        let low = (chars.get(i + 6..i + 8) == Some(&['\\', 'u'][..]))
                            .then(|| hex4(&chars[i + 8..]))
                            .flatten();
                        if (0xD800..0xDC00).contains(&unit)
                            && low.is_some_and(|l| (0xDC00..0xE000).contains(&l))
                        {
                            out.extend(&chars[i..i + 12]);
                            i += 12;
                            continue;
                        }
                        if (0xD800..0xE000).contains(&unit) {
                            out.push_str("\\ufffd");
                            i += 6;
                            continue;
                        }
                    }
                }
                '\\' => {
                    out.push(c);
                    if let Some(&next) = chars.get(i + 1) {
                        out.push(next);
                    }
                    i += 2;
                    continue;
                }
                _ => {}
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c == '-' || c.is_ascii_digit() {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
            {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            if is_number(&run) && native_number(&run).is_infinite() {
                out.push('0');
            } else {
                out.push_str(&run);
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Whether serde_json reads `text` as one JSON value, with no nesting limit.
pub fn serde_accepts(text: &str) -> bool {
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    serde_json::Value::deserialize(&mut de).is_ok() && de.end().is_ok()
}

/// `None` when `json_text::parse` accepts `text` exactly when the oracle says it should;
/// otherwise what went wrong.
pub fn acceptance_disagreement(text: &str) -> Option<String> {
    let ours = json_text::parse(text, native_number);
    if nesting(text) > MAX_DEPTH {
        return ours
            .is_ok()
            .then(|| format!("accepted a text nested past MAX_DEPTH: {text:?}"));
    }
    let shown = for_serde(text);
    let theirs = serde_accepts(&shown);
    (ours.is_ok() != theirs).then(|| {
        format!(
            "json_text::parse {} but serde_json {}: {text:?} (shown to serde_json as {shown:?}; ours: {ours:?})",
            if ours.is_ok() { "accepts" } else { "refuses" },
            if theirs { "accepts" } else { "refuses" },
        )
    })
}
