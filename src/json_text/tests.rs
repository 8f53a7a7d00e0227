use super::*;
use crate::j;

fn p(text: &str) -> Result<Json, ParseError> {
    parse(text, native_number)
}

fn w(v: &Json) -> String {
    to_text(v, native_number_text)
}

#[test]
fn parses_what_serde_json_parses() {
    let cases = [
        r#"{"a":[1,-2.5,3e2,0,-0.0,1E-3],"b":{"c":null,"d":true,"e":false},"f":"x\"y\\z\/\b\f\n\r\t"}"#,
        "  [ ]  ",
        "{}",
        r#""\u00e9\ud83d\ude42""#,
        "123456789012345678901234567890",
        r#"{"é":"🙂"}"#,
    ];
    for text in cases {
        let ours = p(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, Json::from(theirs), "{text}");
    }
}

#[test]
fn refuses_what_json_parse_refuses() {
    for text in [
        "",
        " ",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "[1 2]",
        "{a:1}",
        "\"a",
        "\"\\x\"",
        "\"\\u12\"",
        "\"a\u{1}b\"",
        "nul",
        "truex",
        "[1]]",
        "NaN",
        "'a'",
    ] {
        assert_eq!(p(text), Err(ParseError::Syntax), "{text:?}");
    }
}

#[test]
fn unpaired_surrogate_escapes_become_replacement_characters() {
    assert_eq!(p(r#""a\ud800b""#).unwrap(), j!("a\u{FFFD}b"));
    assert_eq!(p(r#""\udc00\ud800""#).unwrap(), j!("\u{FFFD}\u{FFFD}"));
    assert_eq!(p(r#""\ud800\u0041""#).unwrap(), j!("\u{FFFD}A"));
}

#[test]
fn duplicate_keys_keep_the_first_position_and_the_last_value() {
    assert_eq!(p(r#"{"a":1,"b":2,"a":3}"#).unwrap(), j!({"a": 3, "b": 2}));
    // The sorted path, for objects with many keys.
    let mut text = String::from("{");
    for i in 0..40 {
        text.push_str(&format!("\"k{i}\":{i},"));
    }
    text.push_str("\"k3\":\"last\",\"k39\":null,\"k3\":\"really last\"}");
    let Json::Obj(pairs) = p(&text).unwrap() else {
        panic!()
    };
    assert_eq!(pairs.len(), 40);
    assert_eq!(pairs[3], ("k3".into(), j!("really last")));
    assert_eq!(pairs[39], ("k39".into(), Json::Null));
    assert_eq!(pairs[4], ("k4".into(), j!(4)));
}

#[test]
fn nesting_is_bounded() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(p(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(p(&deep), Err(ParseError::TooDeep));
    // Far deeper than the stack could take, and unterminated: refused quickly all the same.
    assert_eq!(p(&"{\"a\":".repeat(1_000_000)), Err(ParseError::TooDeep));
}

#[test]
fn writes_like_json_stringify() {
    let v = j!({"s": "q\"b\\n\n\r\t\u{8}\u{c}\u{1}\u{1f}é🙂/\u{2028}", "a": [1, 2.5, null, true], "o": {}});
    assert_eq!(
        w(&v),
        r#"{"s":"q\"b\\n\n\r\t\b\f\u0001\u001fé🙂/"#.to_string()
            + "\u{2028}"
            + r#"","a":[1,2.5,null,true],"o":{}}"#
    );
    assert_eq!(
        w(&Json::Arr(vec![
            Json::Num(f64::NAN),
            Json::Foreign("function")
        ])),
        "[null,null]"
    );
    let o = Json::Obj(vec![
        ("f".into(), Json::Foreign("function")),
        ("a".into(), Json::Num(f64::INFINITY)),
        ("s".into(), Json::Foreign("symbol")),
    ]);
    assert_eq!(w(&o), r#"{"a":null}"#);
}

#[test]
fn round_trips() {
    let v = j!({"a": [1, {"b": "c\u{0}"}, -3.25], "d": "🙂"});
    assert_eq!(p(&w(&v)).unwrap(), v);
}

#[test]
fn raw_members_are_checked_and_kept_as_received() {
    let text = r#"{"data": {"a": [1, 2.50, "x\u00e9"], "b": null} , "error":null}"#;
    let v = parse_keeping_raw(text, native_number, &["data"]).unwrap();
    assert_eq!(
        v,
        Json::Obj(vec![
            (
                "data".into(),
                Json::Raw(r#"{"a": [1, 2.50, "x\u00e9"], "b": null}"#.into())
            ),
            ("error".into(), Json::Null),
        ])
    );
    assert_eq!(v.get("data").unwrap().kind(), "object");
    // Written back verbatim, and read again it is the same value as a full parse.
    assert_eq!(p(&w(&v)).unwrap(), p(text).unwrap());
    // Only top-level members are kept raw.
    let nested = parse_keeping_raw(r#"{"x":{"data":[1]}}"#, native_number, &["data"]).unwrap();
    assert_eq!(nested, j!({"x": {"data": [1]}}));
}

#[test]
fn raw_members_are_refused_like_parsed_ones() {
    for bad in [
        r#"{"data": {"a": }}"#,
        r#"{"data": [1,]}"#,
        r#"{"data": "a\x"}"#,
        r#"{"data": "\u12"}"#,
        "{\"data\": \"a\u{1}\"}",
        r#"{"data": 01}"#,
        r#"{"data": {"a" 1}}"#,
        r#"{"data": tru}"#,
    ] {
        assert_eq!(
            parse_keeping_raw(bad, native_number, &["data"]),
            Err(ParseError::Syntax),
            "{bad}"
        );
    }
    let deep = format!(
        "{{\"data\":{}{}}}",
        "[".repeat(MAX_DEPTH),
        "]".repeat(MAX_DEPTH)
    );
    assert_eq!(
        parse_keeping_raw(&deep, native_number, &["data"]),
        Err(ParseError::TooDeep)
    );
    assert_eq!(p(&deep), Err(ParseError::TooDeep));
    let ok = format!(
        "{{\"data\":{}{}}}",
        "[".repeat(MAX_DEPTH - 1),
        "]".repeat(MAX_DEPTH - 1)
    );
    assert!(parse_keeping_raw(&ok, native_number, &["data"]).is_ok());
    assert!(p(&ok).is_ok());
}

#[test]
fn input_marks_become_foreign_values() {
    let text = r#"{"f":"\udffffunction","b":["\udfffbigint","\udfffundefined"],"n":"\udfffNaN","i":"\udfff-Infinity","s":"\udfffsymbol","x":"\uDFFFInfinity"}"#;
    let v = parse_input(text, native_number).unwrap();
    assert_eq!(v.get("f"), Some(&Json::Foreign("function")));
    assert_eq!(
        v.get("b"),
        Some(&Json::Arr(vec![
            Json::Foreign("bigint"),
            Json::Foreign("undefined")
        ]))
    );
    assert!(matches!(v.get("n"), Some(Json::Num(n)) if n.is_nan()));
    assert_eq!(v.get("i"), Some(&Json::Num(f64::NEG_INFINITY)));
    assert_eq!(v.get("s"), Some(&Json::Foreign("symbol")));
    assert_eq!(v.get("x"), Some(&Json::Num(f64::INFINITY)));
}

#[test]
fn input_with_unpaired_surrogates_is_marked_bad() {
    let v = parse_input(
        r#"["a\ud800b","\udfffother","\ud83d\ude00"]"#,
        native_number,
    )
    .unwrap();
    assert_eq!(
        v,
        Json::Arr(vec![
            Json::Foreign(BAD_STRING),
            Json::Foreign(BAD_STRING),
            Json::str("\u{1F600}")
        ])
    );
    let v = parse_input(r#"{"k\udc00":1}"#, native_number).unwrap();
    assert_eq!(v, Json::Foreign(BAD_KEY));
    // Outside input mode they are replaced, as JSON.parse's UTF-8 round trip would.
    assert_eq!(
        parse(r#""\udfffNaN""#, native_number).unwrap(),
        Json::str("\u{FFFD}NaN")
    );
}

#[test]
fn input_too_deep_is_marked_not_an_error() {
    let deep = format!(r#"{{"a":{}"x{{"{}}}"#, "[".repeat(600), "]".repeat(600));
    let v = parse_input(&deep, native_number).unwrap();
    let mut at = v.get("a").unwrap();
    let mut depth = 1;
    while let Json::Arr(items) = at {
        at = &items[0];
        depth += 1;
    }
    assert_eq!(at, &Json::Foreign(TOO_DEEP));
    assert_eq!(depth, MAX_DEPTH);
    assert_eq!(parse(&deep, native_number), Err(ParseError::TooDeep));
}

#[test]
fn large_containers_are_counted_in_offset_order() {
    let text = format!(
        r#"{{"a":[{}],"b":"[,,]","c":{{{}}},"d":[[{}]]}}"#,
        vec!["0"; 20].join(","),
        (0..17)
            .map(|i| format!(r#""k{i}":[1,2]"#))
            .collect::<Vec<_>>()
            .join(","),
        vec!["[]"; 16].join(",")
    );
    let large = large_containers(text.as_bytes());
    let at = |needle: &str| text.find(needle).unwrap() as u32;
    assert_eq!(
        large,
        vec![(at("[0"), 20), (at(r#"{"k0"#), 17), (at("[[]"), 16)]
    );
    let mut v = vec![(5, 1), (1, 2), (9, 3), (3, 4), (7, 5), (2, 6)];
    sort_by_offset(&mut v);
    assert_eq!(v, vec![(1, 2), (2, 6), (3, 4), (5, 1), (7, 5), (9, 3)]);
    // The counts only size the vectors: the values are those of serde_json.
    let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(p(&text).unwrap(), Json::from(theirs));
}

#[test]
fn members_no_reader_reads_are_checked_not_built() {
    let only = |keep: &'static [&'static str], text: &str| {
        let m = Members {
            keep,
            ..Members::ALL
        };
        parse_members(text, native_number, m)
    };
    assert_eq!(
        only(&["a"], r#"{"x":[0,0],"a":1,"y":{"a":2}}"#),
        Ok(j!({"a": 1}))
    );
    assert_eq!(only(&["a"], r#"{"x":[0,],"a":1}"#), Err(ParseError::Syntax));
    let deep = format!(r#"{{"x":{}{}}}"#, "[".repeat(600), "]".repeat(600));
    assert_eq!(only(&["a"], &deep), Err(ParseError::TooDeep));
}
