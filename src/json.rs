//! A small JSON value that keeps object key order and knows the JS kinds that JSON cannot carry.
//!
//! All pure logic (config translation, response mapping) works on this type, so it runs and is
//! tested natively. On wasm it is read from `JsValue`s and parsed from and written to JSON text
//! by `json_text`, which keeps `serde_json` and its float formatting out of the shipped module.

/// A JSON value as the SDK sees it after reading a JS value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Keys in insertion order; a key appears at most once.
    Obj(Vec<(String, Json)>),
    /// A JS value with no JSON form (function, symbol, bigint, `undefined` inside an array):
    /// kept only so that validation can name it.
    Foreign(&'static str),
    /// Valid JSON text kept as received: a tool's output, which the SDK passes through
    /// untouched, so it is neither built as a tree nor written back key by key.
    Raw(String),
}

impl Json {
    /// An empty object.
    pub fn obj() -> Json {
        Json::Obj(Vec::new())
    }

    /// Builds an object from pairs, dropping pairs whose value is `None` (like `JSON.stringify`
    /// drops `undefined`).
    pub fn object<I>(pairs: I) -> Json
    where
        I: IntoIterator<Item = (&'static str, Option<Json>)>,
    {
        // One body for every call site (each passes an array of its own length): through a
        // `dyn Iterator`, so the building code is not copied per site (a measurable share of
        // the module).
        fn build(pairs: &mut dyn Iterator<Item = (&'static str, Option<Json>)>) -> Json {
            let mut out = Vec::with_capacity(pairs.size_hint().0);
            for (k, v) in pairs {
                if let Some(v) = v {
                    out.push((k.to_string(), v));
                }
            }
            Json::Obj(out)
        }
        build(&mut pairs.into_iter())
    }

    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// The member `key` of an object, or `None` for a missing key or a non-object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(pairs) => Some(pairs),
            _ => None,
        }
    }

    /// Sets `key`, replacing an existing value in place or appending a new pair.
    pub fn set(&mut self, key: &str, value: Json) {
        if let Json::Obj(pairs) = self {
            match pairs.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value,
                None => pairs.push((key.to_string(), value)),
            }
        }
    }

    /// The JS-facing name of this value's kind, as used in validation messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Num(n) if n.is_nan() => "NaN",
            Json::Num(_) => "number",
            Json::Str(_) => "string",
            Json::Arr(_) => "array",
            Json::Obj(_) => "object",
            Json::Foreign(kind) => kind,
            Json::Raw(text) => match text.as_bytes().first() {
                Some(b'{') => "object",
                Some(b'[') => "array",
                Some(b'"') => "string",
                Some(b't' | b'f') => "boolean",
                Some(b'n') => "null",
                _ => "number",
            },
        }
    }
}

// Lets tests embed `Json` values in `j!` literals.
#[cfg(test)]
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = crate::json_text::to_text(self, crate::json_text::native_number_text);
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(serde::ser::Error::custom)?;
        value.serialize(s)
    }
}

#[cfg(test)]
impl From<serde_json::Value> for Json {
    fn from(v: serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(b),
            V::Number(n) => Json::Num(n.as_f64().unwrap_or(f64::NAN)),
            V::String(s) => Json::Str(s),
            V::Array(items) => Json::Arr(items.into_iter().map(Json::from).collect()),
            V::Object(map) => Json::Obj(map.into_iter().map(|(k, v)| (k, Json::from(v))).collect()),
        }
    }
}

/// Test helper: a `Json` from a `serde_json::json!` literal.
#[cfg(test)]
#[macro_export]
macro_rules! j {
    ($($t:tt)+) => { $crate::json::Json::from(serde_json::json!($($t)+)) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_drops_absent_members_and_keeps_order() {
        let o = Json::object([
            ("b", Some(Json::Bool(true))),
            ("a", None),
            ("c", Some(Json::Null)),
        ]);
        assert_eq!(
            o,
            Json::Obj(vec![
                ("b".into(), Json::Bool(true)),
                ("c".into(), Json::Null)
            ])
        );
    }

    #[test]
    fn set_replaces_in_place() {
        let mut o = j!({"a": 1, "b": 2});
        o.set("a", Json::Num(3.0));
        o.set("c", Json::Null);
        assert_eq!(o, j!({"a": 3, "b": 2, "c": null}));
    }

    #[test]
    fn kinds_name_js_types() {
        assert_eq!(j!("x").kind(), "string");
        assert_eq!(j!([1]).kind(), "array");
        assert_eq!(Json::Num(f64::NAN).kind(), "NaN");
        assert_eq!(Json::Foreign("function").kind(), "function");
    }
}
