//! `JsValue` -> `Json` for what the caller passes. Reading follows `JSON.stringify`'s rules
//! (object members that are `undefined` are absent). Results go back to JS as JSON text.

use crate::json::Json;
use crate::json_text::MAX_DEPTH;
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Reads a value the user passed. Values JSON cannot carry become `Json::Foreign`, so validation
/// can name them; so do strings with an unpaired UTF-16 surrogate, which Rust strings cannot
/// hold (sending them altered would be worse than refusing them).
pub fn from_js(v: &JsValue) -> Json {
    read(v, 0)
}

const BAD_STRING: &str = "string with an unpaired UTF-16 surrogate";
const BAD_KEY: &str = "object with a key that has an unpaired UTF-16 surrogate";
/// Also keeps cyclic values from recursing forever.
const TOO_DEEP: &str = "value nested deeper than 512 levels";

fn valid_utf16(v: &JsValue) -> bool {
    v.unchecked_ref::<JsString>().is_valid_utf16()
}

fn read(v: &JsValue, depth: usize) -> Json {
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
        if !valid_utf16(v) {
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
    if !v.is_object() {
        return Json::Foreign("unknown");
    }
    if depth >= MAX_DEPTH {
        return Json::Foreign(TOO_DEEP);
    }
    if let Some(arr) = v.dyn_ref::<Array>() {
        return Json::Arr(arr.iter().map(|item| read(&item, depth + 1)).collect());
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
        if !valid_utf16(&key) {
            return Json::Foreign(BAD_KEY);
        }
        if let Some(k) = key.as_string() {
            pairs.push((k, read(&value, depth + 1)));
        }
    }
    Json::Obj(pairs)
}
