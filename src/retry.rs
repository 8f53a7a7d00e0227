//! When to try a request again, and how long to wait first (spec A3, with one deliberate
//! change): a request that changes state is retried only when the server certainly did not act
//! on it, so a retry can never repeat a side effect such as sending an email twice. The one
//! thing above that rule is the server's own `x-should-retry: true`, its statement that the
//! request may be sent again.

/// The most a server hint (`retry-after`, `retry-after-ms`) may make us wait.
pub const MAX_SERVER_DELAY_MS: f64 = 60_000.0;
const BASE_DELAY_MS: f64 = 500.0;
const MAX_BACKOFF_MS: f64 = 8_000.0;
pub const DEFAULT_MAX_RETRIES: u32 = 2;

/// How one attempt ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// The server answered with a non-2xx status.
    Status {
        status: u16,
        /// The `x-should-retry` header: `Some(true)`/`Some(false)` when it says so.
        should_retry: Option<bool>,
        /// The wait the server asked for, from `retry-after-ms` or `retry-after`, in ms.
        server_delay_ms: Option<f64>,
    },
    /// The per-attempt timeout fired; the server may have acted.
    Timeout,
    /// The connection failed before the request was written (refused, DNS): nothing was sent.
    NotSent,
    /// The connection failed in a way that does not tell whether the request arrived.
    MaybeSent,
}

/// Whether repeating the request is harmless (`GET`, `HEAD`) or may repeat a side effect.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Safety {
    Idempotent,
    SideEffect,
}

/// Statuses that mean the server did not process the request, so even a state-changing request
/// may be sent again.
fn not_processed(status: u16) -> bool {
    matches!(status, 408 | 409 | 429 | 503)
}

fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 409 | 429) || status >= 500
}

/// The delay before the next attempt, or `None` to stop. `retries_done` counts the retries
/// already made; `jitter` is a random number in [0, 1).
pub fn next_delay(
    outcome: Outcome,
    safety: Safety,
    retries_done: u32,
    max_retries: u32,
    jitter: f64,
) -> Option<f64> {
    if retries_done >= max_retries {
        return None;
    }
    let idempotent = safety == Safety::Idempotent;
    let server_delay = match outcome {
        Outcome::Status {
            status,
            should_retry,
            server_delay_ms,
        } => {
            let retry = match should_retry {
                Some(says) => says,
                None => retryable_status(status) && (idempotent || not_processed(status)),
            };
            if !retry {
                return None;
            }
            server_delay_ms
        }
        Outcome::Timeout | Outcome::MaybeSent if !idempotent => return None,
        Outcome::Timeout | Outcome::MaybeSent | Outcome::NotSent => None,
    };
    Some(match server_delay {
        Some(ms) if ms >= 0.0 => ms.min(MAX_SERVER_DELAY_MS),
        _ => backoff_ms(retries_done, jitter),
    })
}

/// `min(0.5 s · 2^n, 8 s)` scaled by a jitter factor in [0.75, 1].
pub fn backoff_ms(retries_done: u32, jitter: f64) -> f64 {
    let exp = 2f64.powi(retries_done.min(16) as i32);
    // A jitter that is not a number in [0, 1] (it comes from the host) must not poison the wait.
    let jitter = if jitter.is_nan() {
        0.0
    } else {
        jitter.clamp(0.0, 1.0)
    };
    let factor = 1.0 - jitter * 0.25;
    (BASE_DELAY_MS * exp).min(MAX_BACKOFF_MS) * factor
}

/// The server's requested wait in ms: `retry-after-ms` first, then `retry-after` as seconds,
/// then `retry-after` as an HTTP date (already converted to ms since the epoch by the caller).
pub fn server_delay_ms(
    retry_after_ms: Option<f64>,
    retry_after_secs: Option<f64>,
    retry_after_date_ms: Option<f64>,
    now_ms: f64,
) -> Option<f64> {
    let valid = |v: f64| v.is_finite() && v >= 0.0;
    if let Some(ms) = retry_after_ms.filter(|v| valid(*v)) {
        return Some(ms);
    }
    if let Some(s) = retry_after_secs.filter(|v| valid(*v)) {
        return Some(s * 1000.0);
    }
    retry_after_date_ms
        .filter(|d| d.is_finite())
        .map(|d| (d - now_ms).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> Outcome {
        Outcome::Status {
            status,
            should_retry: None,
            server_delay_ms: None,
        }
    }

    const GET: Safety = Safety::Idempotent;
    const POST: Safety = Safety::SideEffect;

    #[test]
    fn idempotent_requests_retry_on_every_transient_failure() {
        for s in [408, 409, 429, 500, 502, 503, 504] {
            assert!(next_delay(status(s), GET, 0, 2, 0.0).is_some(), "{s}");
        }
        assert!(next_delay(Outcome::Timeout, GET, 0, 2, 0.0).is_some());
        assert!(next_delay(Outcome::MaybeSent, GET, 0, 2, 0.0).is_some());
        assert!(next_delay(status(400), GET, 0, 2, 0.0).is_none());
        assert!(next_delay(status(404), GET, 0, 2, 0.0).is_none());
    }

    #[test]
    fn side_effects_retry_only_when_the_server_certainly_did_not_act() {
        for s in [408, 409, 429, 503] {
            assert!(next_delay(status(s), POST, 0, 2, 0.0).is_some(), "{s}");
        }
        for s in [500, 502, 504] {
            assert!(next_delay(status(s), POST, 0, 2, 0.0).is_none(), "{s}");
        }
        assert!(next_delay(Outcome::Timeout, POST, 0, 2, 0.0).is_none());
        assert!(next_delay(Outcome::MaybeSent, POST, 0, 2, 0.0).is_none());
        assert!(next_delay(Outcome::NotSent, POST, 0, 2, 0.0).is_some());
    }

    #[test]
    fn the_server_header_decides_when_present() {
        let said = |should_retry| Outcome::Status {
            status: 500,
            should_retry: Some(should_retry),
            server_delay_ms: None,
        };
        assert!(next_delay(said(true), POST, 0, 2, 0.0).is_some());
        assert!(next_delay(said(false), GET, 0, 2, 0.0).is_none());
    }

    #[test]
    fn max_retries_bounds_the_attempts() {
        assert!(next_delay(status(503), GET, 1, 2, 0.0).is_some());
        assert!(next_delay(status(503), GET, 2, 2, 0.0).is_none());
        assert!(next_delay(status(503), GET, 0, 0, 0.0).is_none());
    }

    #[test]
    fn backoff_doubles_with_jitter_and_caps_at_eight_seconds() {
        assert_eq!(backoff_ms(0, 0.0), 500.0);
        assert_eq!(backoff_ms(0, 1.0), 375.0);
        assert_eq!(backoff_ms(1, 0.0), 1000.0);
        assert_eq!(backoff_ms(5, 0.0), 8000.0);
        assert_eq!(backoff_ms(40, 0.0), 8000.0);
    }

    #[test]
    fn a_nan_jitter_gives_a_real_delay() {
        // Found by tests/fuzz.rs.
        assert_eq!(backoff_ms(1, f64::NAN), 1000.0);
        assert_eq!(next_delay(status(503), GET, 0, 2, f64::NAN), Some(500.0));
    }

    #[test]
    fn server_hints_are_used_and_capped() {
        let hinted = |ms| Outcome::Status {
            status: 429,
            should_retry: None,
            server_delay_ms: Some(ms),
        };
        assert_eq!(next_delay(hinted(1200.0), POST, 0, 2, 0.0), Some(1200.0));
        assert_eq!(
            next_delay(hinted(600_000.0), POST, 0, 2, 0.0),
            Some(60_000.0)
        );
        assert_eq!(next_delay(hinted(0.0), POST, 0, 2, 0.0), Some(0.0));
    }

    #[test]
    fn hint_sources_in_priority_order() {
        assert_eq!(
            server_delay_ms(Some(250.0), Some(3.0), None, 0.0),
            Some(250.0)
        );
        assert_eq!(server_delay_ms(None, Some(1.5), None, 0.0), Some(1500.0));
        assert_eq!(
            server_delay_ms(None, None, Some(10_000.0), 4_000.0),
            Some(6000.0)
        );
        assert_eq!(
            server_delay_ms(None, None, Some(1_000.0), 4_000.0),
            Some(0.0)
        );
        assert_eq!(server_delay_ms(Some(f64::NAN), Some(-1.0), None, 0.0), None);
    }
}
