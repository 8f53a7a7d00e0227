//! `JsValue` <-> `Json`. Reading follows `JSON.stringify`'s rules (object members that are
//! `undefined` are absent); writing produces plain objects and arrays, never `Map`s.

use crate::json::Json;
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Reads a value the user passed. Values JSON cannot carry become `Json::Foreign`, so validation
/// can name them; so do strings with an unpaired UTF-16 surrogate, which Rust strings cannot
/// hold (sending them altered would be worse than refusing them).
pub fn from_js(v: &JsValue) -> Json {
    read(v, true)
}

/// Reads a parsed response body; unpaired surrogates there are replaced (U+FFFD).
pub fn from_response(v: &JsValue) -> Json {
    read(v, false)
}

const BAD_STRING: &str = "string with an unpaired UTF-16 surrogate";
const BAD_KEY: &str = "object with a key that has an unpaired UTF-16 surrogate";

fn valid_utf16(v: &JsValue) -> bool {
    v.unchecked_ref::<JsString>().is_valid_utf16()
}

fn read(v: &JsValue, strict: bool) -> Json {
    if v.is_undefined() {
        return Json::Foreign("undefined");
    }
    if v.is_null() {
        return Json::Null;
    }
    if let Some(b) = v.as_bool() {
        return Json::Bool(b);
    }
    if let Some(n) = v.as_f64() {
        return Json::Num(n);
    }
    if v.is_string() {
        if strict && !valid_utf16(v) {
            return Json::Foreign(BAD_STRING);
        }
        return Json::Str(v.as_string().unwrap_or_default());
    }
    if v.is_function() {
        return Json::Foreign("function");
    }
    if v.is_bigint() {
        return Json::Foreign("bigint");
    }
    if v.is_symbol() {
        return Json::Foreign("symbol");
    }
    if let Some(arr) = v.dyn_ref::<Array>() {
        return Json::Arr(arr.iter().map(|item| read(&item, strict)).collect());
    }
    if !v.is_object() {
        return Json::Foreign("unknown");
    }
    // Any object, including null-prototype objects and objects from another realm (which are
    // not `instanceof Object` here): read its own enumerable string keys, like JSON.stringify.
    let obj = v.unchecked_ref::<Object>();
    let keys = Object::keys(obj);
    let mut pairs = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let value = Reflect::get(obj, &key).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() {
            continue;
        }
        if strict && !valid_utf16(&key) {
            return Json::Foreign(BAD_KEY);
        }
        if let Some(k) = key.as_string() {
            pairs.push((k, read(&value, strict)));
        }
    }
    Json::Obj(pairs)
}

/// Writes a `Json` as plain JS objects and arrays.
pub fn to_js(v: &Json) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(v, &serializer).unwrap_or(JsValue::NULL)
}
