//! Between the engine's `Json` (what rows take and give) and `serde_json::Value` (what the
//! typed models are read from and callers write).

use super::Error;
use crate::json::Json;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

/// An engine value as serde_json: a member kept as received text is parsed here.
pub(crate) fn to_value(v: &Json) -> Value {
    match v {
        Json::Null | Json::Foreign(_) => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Num(n) => number(*n),
        Json::Str(s) => Value::String(s.clone()),
        Json::Arr(items) => Value::Array(items.iter().map(to_value).collect()),
        Json::Obj(pairs) => Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), to_value(v)))
                .collect::<Map<_, _>>(),
        ),
        Json::Raw(text) => serde_json::from_str(text).unwrap_or(Value::Null),
    }
}

/// Whole numbers within 2^53 as integers (so ids and counts read as `u64`), others as floats.
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 {
        Value::Number(Number::from(n as i64))
    } else {
        Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// A caller's value as the engine takes it.
pub(crate) fn to_json(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Num(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Json::Str(s.clone()),
        Value::Array(items) => Json::Arr(items.iter().map(to_json).collect()),
        Value::Object(map) => Json::Obj(map.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

/// A string list as the engine takes it.
pub(crate) fn strings(items: &[String]) -> Json {
    Json::Arr(items.iter().map(|s| Json::str(s.as_str())).collect())
}

/// An engine result as a typed model. The engine has checked the shape already, so a failure
/// here means the model and the reader disagree: reported as an invalid response.
pub(crate) fn model<T: DeserializeOwned>(v: Json) -> Result<T, Error> {
    serde_json::from_value(to_value(&v)).map_err(|e| Error::InvalidResponse {
        status: 200,
        message: e.to_string(),
    })
}
