//! What the call engine needs from its host, for the Rust API: the clock, and on native targets
//! number conversions as JS makes them (bodies are the bytes `JSON.stringify` would write, the
//! same as the npm package's), HTTP dates and jitter. On wasm32 the JS host's own conversions
//! are used (`crate::wasm::host`).

use crate::engine::Host;

/// Now, in ms since the epoch (the engine compares it with `retry-after` dates).
pub(crate) fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

// Results become typed models, so page items are built as values (`text_items` off).
#[cfg(target_arch = "wasm32")]
pub(crate) const HOST: Host = Host {
    text_items: false,
    ..crate::wasm::host::HOST
};

#[cfg(not(target_arch = "wasm32"))]
pub(crate) const HOST: Host = Host {
    random: fastrand::f64,
    parse_date,
    parse_number,
    print_number: js_number,
    text_items: false,
};

#[cfg(not(target_arch = "wasm32"))]
fn parse_date(text: &str) -> Option<f64> {
    let at = httpdate::parse_http_date(text.trim()).ok()?;
    let ms = at.duration_since(std::time::UNIX_EPOCH).ok()?.as_millis();
    Some(ms as f64)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_number(text: &str) -> f64 {
    text.trim().parse().unwrap_or(f64::NAN)
}

/// A number as JS's `String(n)` prints it (ECMAScript Number::toString): the shortest digits
/// that read back as `n`, in plain notation from 1e-7 up to 1e21, with an exponent outside.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn js_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n == 0.0 {
        return "0".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: `d[.ddd]e[-]x`.
    let sci = format!("{:e}", n.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let k = digits.len() as i32;
    let e: i32 = exp.parse().unwrap_or(0);
    let point = e + 1; // the decimal point's position after the first `point` digits
    let body = if k <= point && point <= 21 {
        format!("{digits}{}", "0".repeat((point - k) as usize))
    } else if 0 < point && point <= 21 {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    } else if -6 < point && point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else {
        let sign = if point - 1 < 0 { '-' } else { '+' };
        let exp = (point - 1).abs();
        match digits.len() {
            1 => format!("{digits}e{sign}{exp}"),
            _ => format!("{}.{}e{sign}{exp}", &digits[..1], &digits[1..]),
        }
    };
    if n < 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::js_number;

    #[test]
    fn numbers_print_as_js_prints_them() {
        let cases = [
            (1.0, "1"),
            (-0.0, "0"),
            (1.5, "1.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e21, "1e+21"),
            (1.5e22, "1.5e+22"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (-2.5e-8, "-2.5e-8"),
            (100.0, "100"),
            (f64::MAX, "1.7976931348623157e+308"),
        ];
        for (n, text) in cases {
            assert_eq!(js_number(n), text, "{n:e}");
        }
    }
}
