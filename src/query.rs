//! Query strings the way the official client writes them (spec A1): arrays comma-joined,
//! RFC 3986 percent-encoding (the comma too), empty arrays and absent values omitted.

/// One query value.
pub enum QueryValue {
    Str(String),
    Int(i64),
    Bool(bool),
    List(Vec<String>),
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode(s: &str) -> String {
    percent_encode(s, b"-._~")
}

/// Percent-encodes every byte that is not ASCII alphanumeric or in `keep`.
pub fn percent_encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// `k=v&…` for the pairs that have a value, in order.
pub fn query_string(pairs: &[(&str, Option<QueryValue>)]) -> String {
    let mut parts = Vec::new();
    for (key, value) in pairs {
        let text = match value {
            None => continue,
            Some(QueryValue::List(items)) if items.is_empty() => continue,
            Some(QueryValue::List(items)) => items.join(","),
            Some(QueryValue::Str(s)) => s.clone(),
            Some(QueryValue::Int(n)) => n.to_string(),
            Some(QueryValue::Bool(b)) => b.to_string(),
        };
        parts.push(format!("{}={}", encode(key), encode(&text)));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_observed_query() {
        let q = query_string(&[
            ("cursor", Some(QueryValue::Str("abc".into()))),
            ("limit", Some(QueryValue::Int(10))),
            (
                "toolkits",
                Some(QueryValue::List(vec!["gmail".into(), "github".into()])),
            ),
            ("is_connected", Some(QueryValue::Bool(true))),
            ("search", Some(QueryValue::Str("mail x".into()))),
        ]);
        assert_eq!(
            q,
            "cursor=abc&limit=10&toolkits=gmail%2Cgithub&is_connected=true&search=mail%20x"
        );
    }

    #[test]
    fn absent_and_empty_values_are_omitted() {
        assert_eq!(
            query_string(&[
                ("a", None),
                ("b", Some(QueryValue::List(vec![]))),
                ("c", Some(QueryValue::Str("é/&=".into())))
            ]),
            "c=%C3%A9%2F%26%3D"
        );
    }
}
