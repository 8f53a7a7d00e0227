//! `triggers.verifyWebhook(params)` and `triggers.parse(request, options?)` of @composio/core
//! 0.19.0 (`src/models/Triggers.ts`): the signature check (HMAC-SHA256 over
//! `${id}.${timestamp}.${payload}`, standard padded base64, `v1,<sig>` tokens separated by
//! spaces), the timestamp window, and the V3 → V2 → V1 payload shapes mapped to
//! `IncomingTriggerPayload`, with the same messages. The JS side only reads the request (body
//! text, the three headers) and turns the outcome into error classes.
//!
//! Numbers cross to the host (`Conv`): in wasm JS's own `parseFloat`, `String(n)` and
//! `toUpperCase`, so no float or Unicode case tables are in the module and results are the
//! official SDK's to the character.
#![cfg_attr(not(feature = "js-api"), allow(dead_code))]

use crate::json::Json;
use crate::json_text;
use crate::validate::{Invalid, Issue, Path};

/// The conversions borrowed from the host.
pub(crate) struct Conv {
    /// A JSON number literal's value (`parseFloat`).
    pub number: fn(&str) -> f64,
    /// `String(n)`.
    pub print: fn(f64) -> String,
    /// `String.prototype.toUpperCase`.
    pub upper: fn(&str) -> String,
}

/// Why a webhook was refused, by error class.
#[derive(Debug, PartialEq)]
pub(crate) enum WebhookError {
    /// `ValidationError`.
    Invalid(Invalid),
    /// `ComposioWebhookSignatureVerificationError`.
    Signature(String),
    /// `ComposioWebhookPayloadError`.
    Payload(String),
}

use WebhookError::{Payload, Signature};

/// The default `tolerance`, in seconds.
const DEFAULT_TOLERANCE: f64 = 300.0;

/// The string parameters in the schema's order, with zod's `required_error` and
/// `invalid_type_error` messages and the header each comes from.
const PARAMS: [(&str, &str, &str, Option<&str>); 5] = [
    (
        "id",
        "Missing 'id' parameter. Pass the value of the 'webhook-id' HTTP header.",
        "Invalid 'id' parameter. Expected string from 'webhook-id' HTTP header.",
        Some("webhook-id"),
    ),
    (
        "payload",
        "Missing 'payload' parameter. Pass the raw request body as a string (do not parse it).",
        "Invalid 'payload' parameter. Expected string (raw request body).",
        None,
    ),
    (
        "secret",
        "Missing 'secret' parameter. Get your webhook secret from the Composio dashboard.",
        "Invalid 'secret' parameter. Expected string.",
        None,
    ),
    (
        "signature",
        "Missing 'signature' parameter. Pass the value of the 'webhook-signature' HTTP header.",
        "Invalid 'signature' parameter. Expected string from 'webhook-signature' HTTP header.",
        Some("webhook-signature"),
    ),
    (
        "timestamp",
        "Missing 'timestamp' parameter. Pass the value of the 'webhook-timestamp' HTTP header.",
        "Invalid 'timestamp' parameter. Expected string from 'webhook-timestamp' HTTP header.",
        Some("webhook-timestamp"),
    ),
];

/// `undefined` as the caller's value reads (a missing member or the `undefined` mark).
fn is_undefined(v: Option<&Json>) -> bool {
    matches!(v, None | Some(Json::Foreign("undefined")))
}

/// zod's name for a value's type in `Expected number, received <type>`.
fn received(v: &Json) -> &'static str {
    match v {
        Json::Num(n) if n.is_nan() => "nan",
        Json::Num(_) => "number",
        Json::Arr(_) => "array",
        Json::Obj(_) => "object",
        // A string with an unpaired surrogate, which the JS side could not pass.
        Json::Foreign(k) if k.starts_with("string") => "string",
        other => other.kind(),
    }
}

/// The parameters `VerifyWebhookParamsSchema` gives, or the `ValidationError`.
struct Params<'a> {
    id: &'a str,
    payload: &'a str,
    secret: &'a str,
    signature: &'a str,
    timestamp: &'a str,
    tolerance: f64,
}

fn params(v: &Json) -> Result<Params<'_>, WebhookError> {
    // The SDK's `ValidationError` message: its own text, then zod's first issue as
    // `The <path or 'parameter'> should be a <expected>, but you provided a <received>`.
    let validation = |message: &str, issues: Vec<Issue>, first: (&str, &str, &str)| {
        let (path, expected, got) = first;
        let message =
            format!("{message}: The {path} should be a {expected}, but you provided a {got}");
        WebhookError::Invalid(Invalid {
            // The message travels as the first issue (see `validation_message`).
            issues: std::iter::once(Issue {
                code: "custom",
                path: Path(Vec::new()),
                message,
            })
            .chain(issues)
            .collect(),
        })
    };
    let Json::Obj(_) = v else {
        // Not an object: zod's one issue has an empty path, which the SDK names `'undefined'`
        // when the value is missing.
        let got = received(v);
        let issue = Issue {
            code: "invalid_type",
            path: Path(Vec::new()),
            message: format!("Expected object, received {got}"),
        };
        let message = if is_undefined(Some(v)) {
            "Missing required parameters: 'undefined'. Extract these values from the HTTP request headers and body."
        } else {
            "Invalid parameters passed to verifyWebhook"
        };
        return Err(validation(
            message,
            vec![issue],
            ("parameter", "object", got),
        ));
    };
    let mut strings = [""; 5];
    let mut missing = Vec::new();
    let mut issues = Vec::new();
    let mut first = None;
    for (i, (key, required, wrong, header)) in PARAMS.iter().enumerate() {
        let value = v.get(key);
        match value {
            Some(Json::Str(s)) => strings[i] = s,
            _ => {
                let got = value.map_or("undefined", received);
                first.get_or_insert((*key, "string", got));
                let message = if is_undefined(value) {
                    missing.push(match header {
                        Some(h) => format!("'{key}' (from '{h}' header)"),
                        None => format!("'{key}'"),
                    });
                    required
                } else {
                    wrong
                };
                issues.push(Issue {
                    code: "invalid_type",
                    path: Path::root(key),
                    message: (*message).to_string(),
                });
            }
        }
    }
    let tolerance = v.get("tolerance");
    let tolerance = match tolerance {
        _ if is_undefined(tolerance) => DEFAULT_TOLERANCE,
        Some(Json::Num(n)) if !n.is_nan() => *n,
        Some(other) => {
            let got = received(other);
            first.get_or_insert(("tolerance", "number", got));
            issues.push(Issue {
                code: "invalid_type",
                path: Path::root("tolerance"),
                message: format!("Expected number, received {got}"),
            });
            0.0
        }
        None => DEFAULT_TOLERANCE,
    };
    if let Some(first) = first {
        let message = if missing.is_empty() {
            "Invalid parameters passed to verifyWebhook".to_string()
        } else {
            format!(
                "Missing required parameters: {}. Extract these values from the HTTP request headers and body.",
                missing.join(", ")
            )
        };
        return Err(validation(&message, issues, first));
    }
    let [id, payload, secret, signature, timestamp] = strings;
    Ok(Params {
        id,
        payload,
        secret,
        signature,
        timestamp,
        tolerance,
    })
}

/// The `ValidationError`'s message: the first issue carries it (see `params`).
pub(crate) fn validation_message(i: &Invalid) -> &str {
    i.issues.first().map(|x| x.message.as_str()).unwrap_or("")
}

/// JS's white space and line terminators, which `parseInt` skips.
fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// `parseInt(text, 10)`: `None` for NaN.
fn parse_int(text: &str, conv: &Conv) -> Option<f64> {
    let t = text.trim_start_matches(js_space);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, json_text::part(t, 1, t.len())),
        Some(b'+') => (false, json_text::part(t, 1, t.len())),
        _ => (false, t),
    };
    let end = t
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(t.len());
    if end == 0 {
        return None;
    }
    let n = (conv.number)(json_text::part(t, 0, end));
    Some(if negative { -n } else { n })
}

/// `Math.round` (ties toward +∞) of a non-negative number or +∞.
fn js_round(x: f64) -> f64 {
    let f = x.floor();
    if x - f >= 0.5 {
        f + 1.0
    } else {
        f
    }
}

/// The timestamp window (`validateWebhookTimestamp`), past and future alike.
fn check_time(timestamp: &str, tolerance: f64, now: f64, conv: &Conv) -> Result<(), WebhookError> {
    let Some(seconds) = parse_int(timestamp, conv) else {
        return Err(Payload(format!(
            "Invalid webhook timestamp: {timestamp}. Expected Unix timestamp in seconds."
        )));
    };
    let difference = (now - seconds * 1000.0).abs();
    if difference > tolerance * 1000.0 {
        return Err(Signature(format!(
            "The webhook timestamp is outside the allowed tolerance. The webhook was sent {} seconds ago, but the maximum allowed age is {} seconds.",
            (conv.print)(js_round(difference / 1000.0)),
            (conv.print)(tolerance)
        )));
    }
    Ok(())
}

/// The signature check (`verifyWebhookSignature`).
/// The signature check against `expected`: standard padded base64 of
/// `HMAC-SHA256(secret, "{id}.{timestamp}.{payload}")`, the secret's UTF-8 bytes as the key. The
/// host computes it over the same strings (in JS with Web Crypto, which every supported runtime
/// has: the HMAC, SHA-256 and base64 code would be 5.4 KB of the gzipped module), and passes ""
/// when one of them is not a non-empty string, which is refused here before any comparison.
fn check_signature(p: &Params, expected: &str) -> Result<(), WebhookError> {
    let empty = [
        (p.payload, "No webhook payload was provided."),
        (p.signature, "No signature header value was provided. Please pass the value of the 'webhook-signature' header."),
        (p.secret, "No webhook secret was provided. You can find your webhook secret in your Composio dashboard."),
        (p.id, "No webhook ID was provided. Please pass the value of the 'webhook-id' header."),
        (p.timestamp, "No webhook timestamp was provided. Please pass the value of the 'webhook-timestamp' header."),
    ];
    if let Some((_, message)) = empty.iter().find(|(s, _)| s.is_empty()) {
        return Err(Signature((*message).to_string()));
    }
    let candidates: Vec<&str> = p
        .signature
        .split(' ')
        .filter_map(|token| {
            let mut parts = token.split(',');
            match (parts.next(), parts.next()) {
                (Some("v1"), Some(value)) if !value.is_empty() => Some(value),
                _ => None,
            }
        })
        .collect();
    if candidates.is_empty() {
        return Err(Signature(
            "No valid v1 signature found in the webhook-signature header. Expected format: 'v1,base64EncodedSignature'".to_string(),
        ));
    }
    // Every candidate is compared in full (constant time per candidate, as the SDK does).
    let mut valid = false;
    for c in candidates {
        valid |= same_bytes(c.as_bytes(), expected.as_bytes());
    }
    if valid && !expected.is_empty() {
        Ok(())
    } else {
        Err(Signature(
            "The signature provided is invalid. Please ensure you are using the correct webhook secret.".to_string(),
        ))
    }
}

/// Whether `a` and `b` are equal, in time that depends only on their lengths.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    // Keeps the optimiser from turning the fold into an early exit.
    std::hint::black_box(diff) == 0
}

/// Standard padded base64 of `HMAC-SHA256(secret, "{id}.{timestamp}.{payload}")`, the secret's
/// UTF-8 bytes taken as the key as they are: what the JS host computes (tests only).
#[cfg(test)]
pub(crate) fn signature(secret: &str, id: &str, timestamp: &str, payload: &str) -> String {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    use hmac::{Hmac, Mac};
    // HMAC takes a key of any length.
    let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    for part in [id, ".", timestamp, ".", payload] {
        mac.update(part.as_bytes());
    }
    STANDARD.encode(mac.finalize().into_bytes())
}

/// zod's `z.record(z.unknown())` / object output: an object's members, without `__proto__`
/// (which zod never sets); `None` for a non-object. A member kept as its text (`data`,
/// `payload`: see `parse_payload`) stays text, which JS's `JSON.parse` reads as the SDK did,
/// unless a key could be `__proto__` (then it is built and filtered).
fn record(v: Option<&Json>, conv: &Conv) -> Option<Json> {
    match v {
        Some(Json::Obj(pairs)) => Some(Json::Obj(
            pairs
                .iter()
                .filter(|(k, _)| k != "__proto__")
                .cloned()
                .collect(),
        )),
        Some(Json::Raw(text)) if text.starts_with('{') => {
            if has(text, b"__proto__") || has(text, b"\\u") {
                record(json_text::parse(text, conv.number).ok().as_ref(), conv)
            } else {
                Some(Json::Raw(text.clone()))
            }
        }
        _ => None,
    }
}

/// Whether `text` contains `needle`: a plain scan, where `str::contains` would bring its
/// two-way searcher (1.7 KB) into the module for these two short needles.
/// It looks for the needle's first byte (rare in a body: `_`, `\\`) and compares only there.
fn has(text: &str, needle: &[u8]) -> bool {
    let (bytes, mut from) = (text.as_bytes(), 0);
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    while let Some(at) = bytes
        .get(from..)
        .and_then(|b| b.iter().position(|&c| c == first))
    {
        let at = from + at;
        if bytes
            .get(at + 1..)
            .is_some_and(|after| after.starts_with(rest))
        {
            return true;
        }
        from = at + 1;
    }
    false
}

fn string<'a>(v: &'a Json, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Json::as_str)
}

/// `s.split('_')[0] || 'UNKNOWN'`.
fn first_segment(s: &str) -> &str {
    match s.split('_').next() {
        Some(first) if !first.is_empty() => first,
        _ => "UNKNOWN",
    }
}

/// The `IncomingTriggerPayload` members in the SDK's order.
struct Normalized<'a> {
    id: &'a str,
    uuid: &'a str,
    trigger_slug: String,
    toolkit_slug: String,
    user_id: &'a str,
    payload: Json,
    original: Json,
    account_id: &'a str,
    account_uuid: &'a str,
    auth_config: &'a str,
    account_user: &'a str,
}

impl Normalized<'_> {
    fn into_json(self) -> Json {
        let s = |v: &str| Some(Json::str(v));
        Json::object([
            ("id", s(self.id)),
            ("uuid", s(self.uuid)),
            ("triggerSlug", s(&self.trigger_slug)),
            ("toolkitSlug", s(&self.toolkit_slug)),
            ("userId", s(self.user_id)),
            ("payload", Some(self.payload)),
            ("originalPayload", Some(self.original)),
            (
                "metadata",
                Some(Json::object([
                    ("id", s(self.id)),
                    ("uuid", s(self.uuid)),
                    ("toolkitSlug", s(&self.toolkit_slug)),
                    ("triggerSlug", s(&self.trigger_slug)),
                    ("triggerConfig", Some(Json::obj())),
                    (
                        "connectedAccount",
                        Some(Json::object([
                            ("id", s(self.account_id)),
                            ("uuid", s(self.account_uuid)),
                            ("authConfigId", s(self.auth_config)),
                            ("authConfigUUID", s(self.auth_config)),
                            ("userId", s(self.account_user)),
                            ("status", s("ACTIVE")),
                        ])),
                    ),
                ])),
            ),
        ])
    }
}

fn result(version: &str, normalized: Normalized, raw: Json) -> Json {
    Json::object([
        ("version", Some(Json::str(version))),
        ("payload", Some(normalized.into_json())),
        ("rawPayload", Some(raw)),
    ])
}

/// V3: `{ id, timestamp, type: 'composio.…', metadata: record, data: record }`.
fn v3(v: &Json, conv: &Conv) -> Option<Json> {
    let id = string(v, "id")?;
    let timestamp = string(v, "timestamp")?;
    let kind = string(v, "type").filter(|t| t.starts_with("composio."))?;
    let metadata = record(v.get("metadata"), conv)?;
    let data = record(v.get("data"), conv)?;
    let raw = Json::Obj(vec![
        ("id".into(), Json::str(id)),
        ("timestamp".into(), Json::str(timestamp)),
        ("type".into(), Json::str(kind)),
        ("metadata".into(), metadata),
        ("data".into(), data),
    ]);
    let meta = raw.get("metadata")?;
    let data = raw.get("data")?.clone();
    let fields = [
        "log_id",
        "trigger_slug",
        "trigger_id",
        "connected_account_id",
        "auth_config_id",
        "user_id",
    ]
    .map(|k| string(meta, k));
    let normalized = if let [Some(_), Some(slug), Some(trigger), Some(account), Some(auth), Some(user)] =
        fields
    {
        let toolkit = (conv.upper)(slug.split('_').next().unwrap_or(""));
        Normalized {
            id: trigger,
            uuid: trigger,
            trigger_slug: slug.to_string(),
            toolkit_slug: if toolkit.is_empty() {
                "UNKNOWN".to_string()
            } else {
                toolkit
            },
            user_id: user,
            payload: data.clone(),
            original: data,
            account_id: account,
            account_uuid: account,
            auth_config: auth,
            account_user: user,
        }
    } else {
        // Not a trigger event (e.g. `composio.connected_account.expired`).
        Normalized {
            id,
            uuid: id,
            trigger_slug: kind.to_string(),
            toolkit_slug: "COMPOSIO".to_string(),
            user_id: "",
            payload: data,
            original: raw.clone(),
            account_id: "",
            account_uuid: "",
            auth_config: "",
            account_user: "",
        }
    };
    Some(result("V3", normalized, raw.clone()))
}

/// The keys V2's `data` must have (strings), in the schema's order.
const V2_DATA: [&str; 5] = [
    "connection_id",
    "connection_nano_id",
    "trigger_nano_id",
    "trigger_id",
    "user_id",
];

/// V2: `{ type, timestamp, log_id, data: { connection_id, connection_nano_id, trigger_nano_id,
/// trigger_id, user_id, …passthrough } }`.
fn v2(v: &Json, conv: &Conv) -> Option<Json> {
    let kind = string(v, "type")?;
    let timestamp = string(v, "timestamp")?;
    let log_id = string(v, "log_id")?;
    let built;
    let data = match v.get("data") {
        Some(Json::Raw(text)) => {
            built = json_text::parse(text, conv.number).ok()?;
            &built
        }
        other => other?,
    };
    let Some(Json::Obj(members)) = record(Some(data), conv) else {
        return None;
    };
    let known = V2_DATA.map(|k| string(data, k));
    let [Some(connection), Some(connection_nano), Some(trigger_nano), Some(trigger), Some(user)] =
        known
    else {
        return None;
    };
    // The known keys first, then the others in their order (zod's passthrough output).
    let rest: Vec<(String, Json)> = members
        .into_iter()
        .filter(|(k, _)| !V2_DATA.contains(&k.as_str()))
        .collect();
    let mut raw_data: Vec<(String, Json)> = V2_DATA
        .iter()
        .zip(known)
        .map(|(k, v)| (k.to_string(), Json::str(v.unwrap_or(""))))
        .collect();
    raw_data.extend(rest.iter().cloned());
    let trigger_slug = (conv.upper)(kind);
    let toolkit_slug = first_segment(&trigger_slug).to_string();
    let rest = Json::Obj(rest);
    let normalized = Normalized {
        id: trigger_nano,
        uuid: trigger,
        trigger_slug,
        toolkit_slug,
        user_id: user,
        payload: rest.clone(),
        original: rest,
        account_id: connection_nano,
        account_uuid: connection,
        auth_config: "",
        account_user: user,
    };
    let raw = Json::Obj(vec![
        ("type".into(), Json::str(kind)),
        ("timestamp".into(), Json::str(timestamp)),
        ("log_id".into(), Json::str(log_id)),
        ("data".into(), Json::Obj(raw_data)),
    ]);
    Some(result("V2", normalized, raw))
}

/// V1: `{ trigger_name, connection_id, trigger_id, payload: record, log_id }`.
fn v1(v: &Json, conv: &Conv) -> Option<Json> {
    let name = string(v, "trigger_name")?;
    let connection = string(v, "connection_id")?;
    let trigger = string(v, "trigger_id")?;
    let payload = record(v.get("payload"), conv)?;
    let log_id = string(v, "log_id")?;
    let toolkit = (conv.upper)(name.split('_').next().unwrap_or(""));
    let normalized = Normalized {
        id: trigger,
        uuid: trigger,
        trigger_slug: name.to_string(),
        toolkit_slug: if toolkit.is_empty() {
            "UNKNOWN".to_string()
        } else {
            toolkit
        },
        user_id: "",
        payload: payload.clone(),
        original: payload.clone(),
        account_id: connection,
        account_uuid: connection,
        auth_config: "",
        account_user: "",
    };
    let raw = Json::Obj(vec![
        ("trigger_name".into(), Json::str(name)),
        ("connection_id".into(), Json::str(connection)),
        ("trigger_id".into(), Json::str(trigger)),
        ("payload".into(), payload),
        ("log_id".into(), Json::str(log_id)),
    ]);
    Some(result("V1", normalized, raw))
}

/// `parseWebhookPayload`: the body as JSON, read as V3, V2 or V1.
pub(crate) fn parse_payload(body: &str, conv: &Conv) -> Result<Json, WebhookError> {
    // `data` and `payload` (the event's own fields, the bulk of a body) are checked and kept as
    // text: written back as they came, never built.
    let Ok(v) = json_text::parse_keeping_raw(body, conv.number, &["data", "payload"]) else {
        return Err(Payload(
            "Failed to parse webhook payload as JSON".to_string(),
        ));
    };
    v3(&v, conv).or_else(|| v2(&v, conv)).or_else(|| v1(&v, conv)).ok_or_else(|| {
        Payload("Webhook payload does not match any known version (V1, V2, or V3). Please ensure you are using a supported webhook payload format.".to_string())
    })
}

/// `verifyWebhook(params)` at `now` (ms since the epoch): `{ version, payload, rawPayload }`.
/// `expected`: the signature the host computed (see `check_signature`).
pub(crate) fn verify(
    params_value: &Json,
    now: f64,
    conv: &Conv,
    expected: &str,
) -> Result<Json, WebhookError> {
    let p = params(params_value)?;
    if p.tolerance > 0.0 {
        check_time(p.timestamp, p.tolerance, now, conv)?;
    }
    check_signature(&p, expected)?;
    parse_payload(p.payload, conv)
}

/// JS truthiness of a caller's value.
fn truthy(v: Option<&Json>) -> bool {
    match v {
        None | Some(Json::Null | Json::Bool(false) | Json::Foreign("undefined")) => false,
        Some(Json::Num(n)) => !(*n == 0.0 || n.is_nan()),
        Some(Json::Str(s)) => !s.is_empty(),
        Some(_) => true,
    }
}

/// `parse(request, { verifySecret, tolerance? })` once the JS side has read the request:
/// `{ payload, secret, tolerance?, id?, timestamp?, signature? }` (headers as found, or absent).
pub(crate) fn parse_verified(
    request: &Json,
    now: f64,
    conv: &Conv,
    expected: &str,
) -> Result<Json, WebhookError> {
    let invalid =
        |message: String| WebhookError::Invalid(Invalid::one("custom", Path(Vec::new()), message));
    if !truthy(request.get("secret")) {
        return Err(invalid("Cannot verify webhook: 'verifySecret' was provided but is empty — your COMPOSIO_WEBHOOK_SECRET is likely unset. Set the secret, or omit 'verifySecret' entirely to parse without verification.: Invalid input".to_string()));
    }
    let headers = ["id", "timestamp", "signature"];
    let missing: Vec<String> = headers
        .iter()
        .filter(|k| !truthy(request.get(k)))
        .map(|k| format!("'webhook-{k}'"))
        .collect();
    if !missing.is_empty() {
        return Err(invalid(format!(
            "Cannot verify webhook: missing signature header(s) {}. Pass the raw, unparsed request body and ensure the Composio signature headers (webhook-id, webhook-timestamp, webhook-signature) are forwarded to triggers.parse(). To parse without verifying, omit 'verifySecret'.: Invalid input",
            missing.join(", ")
        )));
    }
    let mut params = Json::obj();
    for k in [
        "payload",
        "signature",
        "id",
        "timestamp",
        "secret",
        "tolerance",
    ] {
        if let Some(v) = request.get(k) {
            params.set(k, v.clone());
        }
    }
    verify(&params, now, conv, expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    const CONV: Conv = Conv {
        number: json_text::native_number,
        print: json_text::native_number_text,
        upper: str::to_uppercase,
    };

    /// `super::verify` with the signature the JS host computes over the caller's strings.
    fn verify(p: &Json, now: f64, conv: &Conv) -> Result<Json, WebhookError> {
        let text = |k: &str| match p.get(k) {
            Some(Json::Str(s)) if !s.is_empty() => Some(s.as_str()),
            _ => None,
        };
        let expected = match (
            text("secret"),
            text("id"),
            text("timestamp"),
            text("payload"),
        ) {
            (Some(s), Some(i), Some(t), Some(b)) => signature(s, i, t, b),
            _ => String::new(),
        };
        super::verify(p, now, conv, &expected)
    }

    #[test]
    fn has_finds_needles() {
        assert!(has("a__proto__b", b"__proto__") && has("x\\u0041", b"\\u"));
        assert!(!has("_ _proto__ __proto_", b"__proto__") && !has("\\", b"\\u") && !has("", b"a"));
    }

    #[test]
    fn signatures_compare_whole() {
        assert!(same_bytes(b"abc", b"abc"));
        assert!(
            !same_bytes(b"abc", b"abd") && !same_bytes(b"abc", b"ab") && !same_bytes(b"", b"a")
        );
        // An empty expected signature (the host could not compute one) never matches.
        let p =
            j!({"id": "i", "payload": "{}", "secret": "s", "signature": "v1,", "timestamp": "1"});
        assert!(matches!(
            super::verify(&p, 1000.0, &CONV, ""),
            Err(Signature(_))
        ));
    }

    fn v3_body() -> String {
        r#"{"id":"msg_1","timestamp":"2026-01-01T00:00:00Z","type":"composio.trigger.message","extra":1,"metadata":{"log_id":"log_1","trigger_slug":"github_star_added","trigger_id":"ti_1","connected_account_id":"ca_1","auth_config_id":"ac_1","user_id":"u_1"},"data":{"b":1,"a":[true,null]}}"#.to_string()
    }

    fn params_for(body: &str, secret: &str, ts: &str, sig: &str) -> Json {
        Json::object([
            ("id", Some(Json::str("msg_1"))),
            ("payload", Some(Json::str(body))),
            ("secret", Some(Json::str(secret))),
            ("signature", Some(Json::str(sig))),
            ("timestamp", Some(Json::str(ts))),
        ])
    }

    #[test]
    fn known_vectors_from_the_official_sdk() {
        // Computed with @composio/core 0.19.0's hmacSha256Base64 (Web Crypto).
        assert_eq!(
            signature("whsec_test", "msg_1", "1700000000", "{}"),
            "aVLimmNaD/+gvqoWopKW7yh/Nfk3nZtgohDCIa/8YQo="
        );
        assert_eq!(
            signature("k", "a", "b", "c"),
            "KknhlmRnAWEJEoNMlO85fIMohjxbBPVoeAIqIsEoMg4="
        );
        assert_eq!(
            signature("sécret ☃", "msg_ü", "1700000000", "{\"a\":\"é\"}"),
            "S1euDhh1uv4LZ+y2tY02V/vMR2lx+lP2k3PFsUQzgH4="
        );
    }

    #[test]
    fn v3_trigger_event_maps_like_the_sdk() {
        let body = v3_body();
        let sig = signature("s", "msg_1", "1000", &body);
        let out = verify(
            &params_for(&body, "s", "1000", &format!("v1,bad v1,{sig}")),
            1_000_000.0,
            &CONV,
        )
        .unwrap();
        // `data` is written back as its text (`Json::Raw`): compared as JSON text.
        let text = |v: &Json| json_text::to_text(v, json_text::native_number_text);
        assert_eq!(
            text(&out),
            text(
                &j!({"version": "V3", "payload": {"id": "ti_1", "uuid": "ti_1", "triggerSlug": "github_star_added", "toolkitSlug": "GITHUB", "userId": "u_1", "payload": {"b": 1, "a": [true, null]}, "originalPayload": {"b": 1, "a": [true, null]}, "metadata": {"id": "ti_1", "uuid": "ti_1", "toolkitSlug": "GITHUB", "triggerSlug": "github_star_added", "triggerConfig": {}, "connectedAccount": {"id": "ca_1", "uuid": "ca_1", "authConfigId": "ac_1", "authConfigUUID": "ac_1", "userId": "u_1", "status": "ACTIVE"}}},
                "rawPayload": {"id": "msg_1", "timestamp": "2026-01-01T00:00:00Z", "type": "composio.trigger.message", "metadata": {"log_id": "log_1", "trigger_slug": "github_star_added", "trigger_id": "ti_1", "connected_account_id": "ca_1", "auth_config_id": "ac_1", "user_id": "u_1"}, "data": {"b": 1, "a": [true, null]}}})
            )
        );
    }

    #[test]
    fn v2_and_v1_shapes() {
        let v2 = r#"{"type":"slack_message","timestamp":"t","log_id":"l","data":{"x":1,"user_id":"u","trigger_id":"T","trigger_nano_id":"tn","connection_nano_id":"cn","connection_id":"c","__proto__":2}}"#;
        let out = parse_payload(v2, &CONV).unwrap();
        assert_eq!(out.get("version"), Some(&j!("V2")));
        let p = out.get("payload").unwrap();
        assert_eq!(p.get("triggerSlug"), Some(&j!("SLACK_MESSAGE")));
        assert_eq!(p.get("toolkitSlug"), Some(&j!("SLACK")));
        assert_eq!(p.get("payload"), Some(&j!({"x": 1})));
        assert_eq!(
            out.get("rawPayload").unwrap().get("data"),
            Some(
                &j!({"connection_id": "c", "connection_nano_id": "cn", "trigger_nano_id": "tn", "trigger_id": "T", "user_id": "u", "x": 1})
            )
        );
        let v1 = r#"{"log_id":"l","payload":{},"trigger_id":"t","connection_id":"c","trigger_name":"_x"}"#;
        let out = parse_payload(v1, &CONV).unwrap();
        assert_eq!(out.get("version"), Some(&j!("V1")));
        assert_eq!(
            out.get("payload").unwrap().get("toolkitSlug"),
            Some(&j!("UNKNOWN"))
        );
        let expired = r#"{"id":"e","timestamp":"t","type":"composio.connected_account.expired","metadata":{},"data":{"k":"v"}}"#;
        let out = parse_payload(expired, &CONV).unwrap();
        let p = out.get("payload").unwrap();
        assert_eq!(p.get("toolkitSlug"), Some(&j!("COMPOSIO")));
        assert_eq!(p.get("originalPayload"), out.get("rawPayload"));
    }

    #[test]
    fn errors_and_messages() {
        let body = v3_body();
        let sig = format!("v1,{}", signature("s", "msg_1", "1000", &body));
        // 301 s in the future and in the past.
        for now in [699_000.0, 1_301_000.0] {
            let e = verify(&params_for(&body, "s", "1000", &sig), now, &CONV).unwrap_err();
            assert_eq!(e, Signature("The webhook timestamp is outside the allowed tolerance. The webhook was sent 301 seconds ago, but the maximum allowed age is 300 seconds.".into()));
        }
        // Tolerance 0 skips the window; a wrong secret fails.
        let mut p = params_for(&body, "t", "1000", &sig);
        p.set("tolerance", Json::Num(0.0));
        assert!(
            matches!(verify(&p, 9e15, &CONV), Err(Signature(m)) if m.starts_with("The signature provided is invalid"))
        );
        let e = verify(&params_for(&body, "s", " x", &sig), 0.0, &CONV).unwrap_err();
        assert_eq!(
            e,
            Payload("Invalid webhook timestamp:  x. Expected Unix timestamp in seconds.".into())
        );
        let e = verify(&params_for(&body, "s", "1000", "v2,abc v1,"), 1e6, &CONV).unwrap_err();
        assert!(matches!(e, Signature(m) if m.starts_with("No valid v1 signature")));
        let e = verify(&j!({"id": 1, "payload": "x"}), 0.0, &CONV).unwrap_err();
        let WebhookError::Invalid(i) = e else {
            panic!()
        };
        assert_eq!(validation_message(&i), "Missing required parameters: 'secret', 'signature' (from 'webhook-signature' header), 'timestamp' (from 'webhook-timestamp' header). Extract these values from the HTTP request headers and body.: The id should be a string, but you provided a number");
        let e = verify(&Json::Null, 0.0, &CONV).unwrap_err();
        let WebhookError::Invalid(i) = e else {
            panic!()
        };
        assert_eq!(
            validation_message(&i),
            "Invalid parameters passed to verifyWebhook: The parameter should be a object, but you provided a null"
        );
        assert_eq!(
            parse_payload("{", &CONV),
            Err(Payload("Failed to parse webhook payload as JSON".into()))
        );
        assert!(
            matches!(parse_payload("[]", &CONV), Err(Payload(m)) if m.starts_with("Webhook payload does not match"))
        );
    }

    #[test]
    fn parse_int_and_round_follow_js() {
        assert_eq!(parse_int("\u{feff} -12x", &CONV), Some(-12.0));
        assert_eq!(parse_int("+", &CONV), None);
        assert_eq!(parse_int("0x10", &CONV), Some(0.0));
        assert_eq!(js_round(2.5), 3.0);
        assert_eq!(js_round(0.49999999999999994), 0.0);
    }
}
