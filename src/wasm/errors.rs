//! Errors leave wasm as plain descriptor objects (`{ __composio: kind, … }`); the package's JS
//! turns each into an instance of the matching exported error class.

use crate::validate::Invalid;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

fn put(obj: &Object, key: &str, value: JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

/// A descriptor of `kind` with the given fields.
pub fn descriptor(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    put(&obj, "__composio", JsValue::from_str(kind));
    for (k, v) in fields {
        put(&obj, k, v.clone());
    }
    obj.into()
}

/// A `ValidationError`: the message names the first field; `issues` lists all of them.
pub fn validation(invalid: &Invalid) -> JsValue {
    let issues = Array::new();
    for issue in &invalid.issues {
        let path = Array::new();
        for seg in &issue.path.0 {
            match seg {
                crate::validate::Seg::Key(k) => path.push(&JsValue::from_str(k)),
                crate::validate::Seg::Index(i) => path.push(&JsValue::from_f64(*i as f64)),
            };
        }
        let item = Object::new();
        put(&item, "code", JsValue::from_str(issue.code));
        put(&item, "path", path.into());
        put(&item, "message", JsValue::from_str(&issue.message));
        issues.push(&item);
    }
    descriptor(
        "validation",
        &[
            ("message", JsValue::from_str(&invalid.message())),
            ("issues", issues.into()),
        ],
    )
}
