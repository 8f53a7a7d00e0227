//! `JsValue` <-> `Json`. Reading follows `JSON.stringify`'s rules (object members that are
//! `undefined` are absent); writing produces plain objects and arrays, never `Map`s.

use crate::json::Json;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Reads any JS value. Values JSON cannot carry become `Json::Foreign` so validation can name them.
pub fn from_js(v: &JsValue) -> Json {
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
    if let Some(s) = v.as_string() {
        return Json::Str(s);
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
        return Json::Arr(arr.iter().map(|item| from_js(&item)).collect());
    }
    let Some(obj) = v.dyn_ref::<Object>() else {
        return Json::Foreign("unknown");
    };
    let keys = Object::keys(obj);
    let mut pairs = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let value = Reflect::get(obj, &key).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() {
            continue;
        }
        if let Some(k) = key.as_string() {
            pairs.push((k, from_js(&value)));
        }
    }
    Json::Obj(pairs)
}

/// Writes a `Json` as plain JS objects and arrays.
pub fn to_js(v: &Json) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(v, &serializer).unwrap_or(JsValue::NULL)
}
