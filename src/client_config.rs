//! `new Composio(config)`: where the API key and base URL come from, which headers every request
//! carries, and how request URLs are joined (spec A1, B1).

use crate::json::Json;
use crate::validate::{Checker, Invalid, Path};

pub const DEFAULT_BASE_URL: &str = "https://backend.composio.dev";
/// The `@composio/core` version whose API this package mirrors; sent as `x-sdk-version`.
pub const MIRRORED_SDK_VERSION: &str = "0.19.0";
/// `x-source` of the crate's Rust API ([`ClientConfig::with_source`]). It is not the TypeScript
/// SDK, so it says so (the reference leaves the value to us; the seed crate sent no `x-*` header
/// at all); the npm package sends `TYPESCRIPT_SDK`, exactly as `@composio/core`. The other `x-*`
/// headers keep their meaning: `x-sdk-version` names the `@composio/core` API it mirrors.
#[cfg(any(feature = "rust-api", test))]
pub const RUST_SOURCE: &str = "RUST_SDK";
/// Per-attempt timeout when none is configured (the official client's default).
pub const DEFAULT_TIMEOUT_MS: f64 = 60_000.0;
/// The largest response body read when none is configured: far above any real answer (a page of
/// 500 tools is about 1 MB), low enough that a broken or hostile server cannot exhaust memory.
pub const DEFAULT_MAX_RESPONSE_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// What the JS layer read from the runtime's environment, if it has one.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub api_key: Option<String>,
    pub base_url: Option<String>,
    /// `NODEJS`, `DENO`, `BUN`, `CLOUDFLARE_WORKERS`, `VERCEL_EDGE`, `BROWSER`, … (spec A1.1).
    pub runtime: Option<String>,
    /// The provider's `name` (`x-framework`); `None` is the default OpenAI provider.
    pub framework: Option<String>,
}

/// The resolved client settings.
#[derive(Clone, PartialEq)]
pub struct ClientConfig {
    pub api_key: String,
    pub base_url: String,
    /// Sent with every request, in order, after the built-in headers.
    pub headers: Vec<(String, String)>,
    /// `headers` as a JSON object text, and the same with `content-type: application/json`
    /// appended (for requests with a body); the transport takes them in this form.
    pub headers_json: [String; 2],
    /// Per-attempt timeout in milliseconds.
    pub timeout_ms: f64,
    /// Retries after the first attempt (see `crate::retry`).
    pub max_retries: u32,
    /// The largest response body read, in bytes.
    pub max_response_bytes: f64,
}

impl ClientConfig {
    /// The same settings with `x-source: source` (the SDK's own headers still win over the
    /// user's). Only the Rust API uses it, so the npm module does not carry it.
    #[cfg(any(feature = "rust-api", test))]
    pub fn with_source(mut self, source: &str) -> ClientConfig {
        if let Some(slot) = self.headers.iter_mut().find(|(n, _)| n == "x-source") {
            slot.1 = source.to_string();
        }
        self.headers_json = [
            headers_json(&self.headers, false),
            headers_json(&self.headers, true),
        ];
        self
    }
}

// The API key must never show up in logs or debug output.
impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("api_key", &"<redacted>")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

/// Why a client could not be built.
#[derive(Debug, PartialEq)]
pub enum ConfigError {
    NoApiKey,
    Invalid(Invalid),
}

fn non_empty(v: Option<&Json>, c: &mut Checker, key: &str) -> Option<String> {
    match v {
        None | Some(Json::Null) => None,
        Some(Json::Str(s)) if s.is_empty() => None,
        Some(Json::Str(s)) => Some(s.clone()),
        Some(other) => {
            c.wrong_type(Path::root(key), "a string", other);
            None
        }
    }
}

/// Resolves the constructor options against the environment. Options of the official SDK that
/// do not apply here (`allowTracking`, `provider`, …) are ignored.
pub fn resolve(options: &Json, env: &Env) -> Result<ClientConfig, ConfigError> {
    let mut c = Checker::default();
    let empty = Json::obj();
    let options = match options {
        Json::Null => &empty,
        Json::Obj(_) => options,
        other => {
            c.wrong_type(Path::default(), "an object", other);
            return Err(ConfigError::Invalid(c.finish(()).unwrap_err()));
        }
    };
    // `||` semantics, as in the official SDK: an empty option falls through to the environment.
    let api_key = non_empty(options.get("apiKey"), &mut c, "apiKey")
        .or_else(|| env.api_key.clone().filter(|k| !k.is_empty()));
    let base_url = non_empty(options.get("baseURL"), &mut c, "baseURL")
        .or_else(|| env.base_url.clone().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| DEFAULT_BASE_URL.to_string());
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        c.issue(
            "invalid_string",
            Path::root("baseURL"),
            format!("expected an absolute http(s) URL, got '{base_url}'"),
        );
    }
    let mut user_headers = Vec::new();
    match options.get("defaultHeaders") {
        None | Some(Json::Null) => {}
        Some(Json::Obj(pairs)) => {
            for (name, value) in pairs {
                let path = Path::root("defaultHeaders").key(name);
                let Some(v) = c.string(value, path.clone()) else {
                    continue;
                };
                // A value `Headers` would refuse fails there with a message quoting it, and a
                // header may carry a secret (`x-api-key`, `authorization`): refuse it here
                // without echoing it.
                if !header_value_ok(&v) || !header_name_ok(name) {
                    c.issue(
                        "invalid_string",
                        path,
                        "not a valid HTTP header: names are letters, digits and !#$%&'*+-.^_`|~; values have no control characters and nothing past U+00FF".to_string(),
                    );
                    continue;
                }
                user_headers.push((name.to_ascii_lowercase(), v));
            }
        }
        Some(other) => c.wrong_type(
            Path::root("defaultHeaders"),
            "an object of header names to strings",
            other,
        ),
    }
    let timeout_ms = match options.get("timeout") {
        None | Some(Json::Null) => DEFAULT_TIMEOUT_MS,
        Some(v) => timeout(&mut c, v, Path::root("timeout")).unwrap_or(DEFAULT_TIMEOUT_MS),
    };
    let max_retries = match options.get("maxRetries") {
        None | Some(Json::Null) => crate::retry::DEFAULT_MAX_RETRIES,
        Some(v) => retries(&mut c, v, Path::root("maxRetries")).unwrap_or(0),
    };
    let max_response_bytes = match options.get("maxResponseBytes") {
        None | Some(Json::Null) => DEFAULT_MAX_RESPONSE_BYTES,
        Some(v) => byte_limit(&mut c, v, Path::root("maxResponseBytes"))
            .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
    };
    let framework = env.framework.as_deref().unwrap_or("openai");
    if !header_value_ok(framework) {
        c.issue(
            "invalid_string",
            Path::root("provider").key("name"),
            "the provider's name is sent as the x-framework header: no control characters, nothing past U+00FF".to_string(),
        );
    }
    // composio.tools: read by pkg/tools.js (with the COMPOSIO_TOOLKIT_VERSION_* variables);
    // checked here so a mistyped value fails at construction.
    match options.get("toolkitVersions") {
        None | Some(Json::Null | Json::Str(_)) => {}
        Some(Json::Obj(pairs)) => {
            for (k, v) in pairs {
                c.string(v, Path::root("toolkitVersions").key(k));
            }
        }
        Some(other) => c.wrong_type(
            Path::root("toolkitVersions"),
            "a version string or an object of toolkit slugs to versions",
            other,
        ),
    }
    c.finish(()).map_err(ConfigError::Invalid)?;
    let api_key = api_key.ok_or(ConfigError::NoApiKey)?;
    if !header_value_ok(&api_key) {
        // Never echo the key: a message or a cause holding it would end up in logs.
        let mut c = Checker::default();
        c.issue(
            "invalid_string",
            Path::root("apiKey"),
            "the API key contains a control character or a character outside Latin-1, which no HTTP header can carry; check for a stray newline".to_string(),
        );
        return Err(ConfigError::Invalid(c.finish(()).unwrap_err()));
    }
    let headers = merge_headers(&api_key, user_headers, env.runtime.as_deref(), framework);
    let headers_json = [headers_json(&headers, false), headers_json(&headers, true)];
    Ok(ClientConfig {
        api_key,
        base_url,
        headers,
        headers_json,
        timeout_ms,
        max_retries,
        max_response_bytes,
    })
}

/// A response size limit: a positive integer number of bytes.
pub fn byte_limit(c: &mut Checker, v: &Json, path: Path) -> Option<f64> {
    // Up to Number.MAX_SAFE_INTEGER.
    c.integer(
        v,
        path,
        (1.0, 9_007_199_254_740_991.0),
        "a positive integer (bytes)",
    )
}

fn headers_json(headers: &[(String, String)], with_body: bool) -> String {
    let body_header = ("content-type".to_string(), "application/json".to_string());
    let all = headers.iter().chain(with_body.then_some(&body_header));
    let mut out = String::from("{");
    for (i, (name, value)) in all.enumerate() {
        if i > 0 {
            out.push(',');
        }
        crate::json_text::write_str(name, &mut out);
        out.push(':');
        crate::json_text::write_str(value, &mut out);
    }
    out.push('}');
    out
}

/// A retry count: an integer from 0 to 10.
pub fn retries(c: &mut Checker, v: &Json, path: Path) -> Option<u32> {
    c.integer(v, path, (0.0, 10.0), "an integer from 0 to 10")
        .map(|n| n as u32)
}

/// The longest timer JS runtimes keep (`setTimeout` fires at once past it).
pub const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;

/// A per-attempt timeout: a positive number of milliseconds, at most `MAX_TIMEOUT_MS`.
pub fn timeout(c: &mut Checker, v: &Json, path: Path) -> Option<f64> {
    match v {
        Json::Num(ms) if *ms > 0.0 && *ms <= MAX_TIMEOUT_MS => Some(*ms),
        Json::Num(ms) if *ms > MAX_TIMEOUT_MS => {
            // (No float formatting here: it would add about 20 KB to the module.)
            c.issue(
                "too_big",
                path,
                "expected at most 2147483647 ms (about 24.8 days, the longest timer JS runtimes keep)".to_string(),
            );
            None
        }
        other => {
            c.wrong_type(path, "a positive number of milliseconds", other);
            None
        }
    }
}

/// Whether `name` is an HTTP header name (an RFC 9110 token).
pub fn header_name_ok(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Whether `v` can be an HTTP header value as `fetch` sends it: no control characters (a CR or
/// LF would be refused by `Headers` with a message quoting the value), nothing past U+00FF.
pub fn header_value_ok(v: &str) -> bool {
    v.chars()
        .all(|ch| (' '..='~').contains(&ch) || ('\u{a0}'..='\u{ff}').contains(&ch))
}

/// Later entries win: `accept`, `x-api-key`, the user's `defaultHeaders`, then the SDK's own
/// `x-*` headers (which win over user headers of the same name, as in the official SDK).
fn merge_headers(
    api_key: &str,
    user: Vec<(String, String)>,
    runtime: Option<&str>,
    framework: &str,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![
        ("accept".into(), "application/json".into()),
        ("x-api-key".into(), api_key.to_string()),
    ];
    let mut put = |name: String, value: String| match out.iter_mut().find(|(n, _)| *n == name) {
        Some(slot) => slot.1 = value,
        None => out.push((name, value)),
    };
    for (name, value) in user {
        put(name, value);
    }
    put("x-source".into(), "TYPESCRIPT_SDK".into());
    put("x-sdk-version".into(), MIRRORED_SDK_VERSION.into());
    put("x-runtime".into(), runtime.unwrap_or("UNKNOWN").into());
    put("x-framework".into(), framework.into());
    out
}

/// `base + path`, dropping one slash where both have it; a path prefix on the base is kept.
pub fn join_url(base: &str, path: &str) -> String {
    match (base.ends_with('/'), path.starts_with('/')) {
        (true, true) => format!("{}{}", base, crate::json_text::part(path, 1, path.len())),
        (false, false) => format!("{base}/{path}"),
        _ => format!("{base}{path}"),
    }
}

/// Percent-encodes one path segment (RFC 3986 pchar, like the official client). Segments that
/// would change the path's meaning are refused.
pub fn path_segment(value: &str, what: &str) -> Result<String, Invalid> {
    if value.is_empty() || value == "." || value == ".." {
        return Err(Invalid::one(
            "invalid_string",
            Path::root(what),
            format!("expected a non-empty id that is not '.' or '..', got '{value}'"),
        ));
    }
    // RFC 3986 pchar, like the official client's path encoding.
    Ok(crate::query::percent_encode(value, b"-._~!$&'()*+,;=:@"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    fn env(key: Option<&str>, url: Option<&str>) -> Env {
        Env {
            api_key: key.map(Into::into),
            base_url: url.map(Into::into),
            runtime: Some("NODEJS".into()),
            framework: None,
        }
    }

    #[test]
    fn option_beats_environment_and_empty_falls_through() {
        let c = resolve(&j!({"apiKey": "opt"}), &env(Some("envkey"), None)).unwrap();
        assert_eq!(c.api_key, "opt");
        let c = resolve(&j!({"apiKey": ""}), &env(Some("envkey"), None)).unwrap();
        assert_eq!(c.api_key, "envkey");
        assert_eq!(c.base_url, DEFAULT_BASE_URL);
        let c = resolve(&Json::Null, &env(Some("k"), Some("http://127.0.0.1:9"))).unwrap();
        assert_eq!(c.base_url, "http://127.0.0.1:9");
        let c = resolve(
            &j!({"baseURL": "https://x.test"}),
            &env(Some("k"), Some("http://127.0.0.1:9")),
        )
        .unwrap();
        assert_eq!(c.base_url, "https://x.test");
    }

    #[test]
    fn toolkit_versions_are_a_string_or_a_map_of_strings() {
        let e = env(Some("k"), None);
        assert!(resolve(&j!({"toolkitVersions": "latest"}), &e).is_ok());
        assert!(resolve(&j!({"toolkitVersions": {"github": "20250909_00"}}), &e).is_ok());
        for bad in [
            j!({"toolkitVersions": 5}),
            j!({"toolkitVersions": {"github": 1}}),
        ] {
            match resolve(&bad, &e) {
                Err(ConfigError::Invalid(i)) => assert!(i.message().contains("toolkitVersions")),
                other => panic!("expected invalid, got {other:?}"),
            }
        }
    }

    #[test]
    fn missing_key_is_its_own_error() {
        assert_eq!(
            resolve(&j!({}), &env(None, None)),
            Err(ConfigError::NoApiKey)
        );
        assert_eq!(
            resolve(&j!({"apiKey": null}), &env(Some(""), None)),
            Err(ConfigError::NoApiKey)
        );
    }

    #[test]
    fn bad_options_are_named() {
        let msg = |o: Json| match resolve(&o, &env(Some("k"), None)) {
            Err(ConfigError::Invalid(i)) => i.message(),
            other => panic!("expected invalid, got {other:?}"),
        };
        assert_eq!(
            msg(j!({"apiKey": 5})),
            "apiKey: expected a string, got a number"
        );
        assert_eq!(
            msg(j!({"baseURL": "backend.composio.dev"})),
            "baseURL: expected an absolute http(s) URL, got 'backend.composio.dev'"
        );
        assert_eq!(
            msg(j!({"defaultHeaders": {"x-a": 1}})),
            "defaultHeaders.x-a: expected a string, got a number"
        );
        assert_eq!(msg(j!("key")), "config: expected an object, got a string");
        assert_eq!(
            msg(j!({"maxRetries": 1.5})),
            "maxRetries: expected an integer from 0 to 10, got a number"
        );
        assert_eq!(
            msg(j!({"timeout": -1})),
            "timeout: expected a positive number of milliseconds, got a number"
        );
    }

    #[test]
    fn ignored_official_options_are_accepted() {
        let c = resolve(
            &j!({"apiKey": "k", "allowTracking": true, "disableVersionCheck": false,
                 "host": "h", "toolkitVersions": "latest", "provider": {}}),
            &Env::default(),
        );
        assert!(c.is_ok());
    }

    #[test]
    fn headers_merge_with_sdk_headers_winning() {
        let c = resolve(
            &j!({"apiKey": "k", "defaultHeaders": {"X-Source": "mine", "X-Trace": "t", "x-api-key": "other"}}),
            &env(None, None),
        )
        .unwrap();
        let h: Vec<(&str, &str)> = c
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            h,
            [
                ("accept", "application/json"),
                ("x-api-key", "other"),
                ("x-source", "TYPESCRIPT_SDK"),
                ("x-trace", "t"),
                ("x-sdk-version", "0.19.0"),
                ("x-runtime", "NODEJS"),
                ("x-framework", "openai"),
            ]
        );
    }

    #[test]
    fn the_rust_api_says_it_is_the_rust_sdk_and_the_npm_package_the_typescript_one() {
        let c = resolve(
            &j!({"apiKey": "k", "defaultHeaders": {"x-source": "mine", "X-Trace": "t"}}),
            &env(None, None),
        )
        .unwrap();
        let names = |c: &ClientConfig| -> Vec<String> {
            c.headers.iter().map(|(n, v)| format!("{n}: {v}")).collect()
        };
        let npm = names(&c);
        assert_eq!(npm[2], "x-source: TYPESCRIPT_SDK");
        let rust = c.clone().with_source(RUST_SOURCE);
        let mut expected = npm.clone();
        expected[2] = "x-source: RUST_SDK".to_string();
        assert_eq!(names(&rust), expected);
        assert_eq!(
            rust.headers_json[0],
            c.headers_json[0].replace("TYPESCRIPT_SDK", "RUST_SDK")
        );
        assert_eq!(
            rust.headers_json[1],
            c.headers_json[1].replace("TYPESCRIPT_SDK", "RUST_SDK")
        );
        assert!(rust.headers_json[1].contains(r#""x-source":"RUST_SDK""#));
    }

    #[test]
    fn the_provider_name_is_the_framework_header() {
        let mut e = env(Some("k"), None);
        e.framework = Some("vercel".into());
        let c = resolve(
            &j!({"apiKey": "k", "defaultHeaders": {"x-framework": "mine"}}),
            &e,
        )
        .unwrap();
        let framework: Vec<&str> = c
            .headers
            .iter()
            .filter(|(n, _)| n == "x-framework")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(framework, ["vercel"]);
        e.framework = Some("bad\nname".into());
        let Err(ConfigError::Invalid(i)) = resolve(&j!({"apiKey": "k"}), &e) else {
            panic!("a name with a newline must be refused");
        };
        assert!(format!("{i:?}").contains("provider"));
    }

    #[test]
    fn debug_output_hides_the_key() {
        let c = resolve(&j!({"apiKey": "secret_key_123"}), &Env::default()).unwrap();
        assert!(!format!("{c:?}").contains("secret_key_123"));
    }

    #[test]
    fn urls_join_with_one_slash() {
        assert_eq!(join_url("http://h/", "/api"), "http://h/api");
        assert_eq!(join_url("http://h", "/api"), "http://h/api");
        assert_eq!(join_url("http://h/prefix", "/api"), "http://h/prefix/api");
    }

    #[test]
    fn api_keys_with_control_characters_are_refused_without_echo() {
        for key in [
            "ak_SECRET\nX",
            "ak_SECRET\rX",
            "ak_SECRET\u{0}X",
            "ak_SECRET\u{85}X",
            "ak_\u{2028}",
        ] {
            let options = Json::object([("apiKey", Some(Json::str(key)))]);
            let Err(ConfigError::Invalid(i)) = resolve(&options, &env(None, None)) else {
                panic!("{key:?} accepted");
            };
            assert!(!i.message().contains("SECRET"), "{}", i.message());
            assert!(i.message().starts_with("apiKey: "), "{}", i.message());
        }
        let ok = Json::object([("apiKey", Some(Json::str("ak_a b é")))]);
        assert!(resolve(&ok, &env(None, None)).is_ok());
    }

    #[test]
    fn default_headers_that_no_request_could_carry_are_refused_without_echo() {
        for (name, value) in [
            ("x-api-key", "ak_SECRET\u{0}"),
            ("authorization", "Bearer SECRET\n"),
            ("bad name", "v"),
        ] {
            let headers = Json::Obj(vec![(name.to_string(), Json::str(value))]);
            let o = Json::object([
                ("apiKey", Some(Json::str("k"))),
                ("defaultHeaders", Some(headers)),
            ]);
            let Err(ConfigError::Invalid(i)) = resolve(&o, &env(None, None)) else {
                panic!("{name}: {value:?} accepted")
            };
            assert!(!i.message().contains("SECRET"), "{}", i.message());
            assert!(
                i.message().starts_with("defaultHeaders."),
                "{}",
                i.message()
            );
        }
    }

    #[test]
    fn timeouts_past_the_longest_timer_are_refused() {
        let with = |ms: f64| {
            let o = Json::object([
                ("apiKey", Some(Json::str("k"))),
                ("timeout", Some(Json::Num(ms))),
            ]);
            resolve(&o, &env(None, None)).map(|c| c.timeout_ms)
        };
        assert_eq!(with(2_147_483_647.0).ok(), Some(2_147_483_647.0));
        for bad in [
            2_147_483_648.0,
            30.0 * 24.0 * 3600.0 * 1000.0,
            -1.0,
            0.0,
            f64::NAN,
            f64::INFINITY,
        ] {
            let Err(ConfigError::Invalid(i)) = with(bad) else {
                panic!("{bad} accepted")
            };
            assert!(i.message().starts_with("timeout: "), "{}", i.message());
        }
    }

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(path_segment("trs_a b/c", "id").unwrap(), "trs_a%20b%2Fc");
        assert_eq!(path_segment("a:b@c", "id").unwrap(), "a:b@c");
        assert!(path_segment("..", "sessionId").is_err());
    }
}
