//! Reading API responses strictly: each accessor names the member that is missing or has the
//! wrong type, so a malformed response becomes a typed error that says what was wrong.

use crate::json::Json;
use crate::validate::described;

/// A response that does not have the shape the spec promises.
#[derive(Clone, Debug, PartialEq)]
pub struct BadShape(pub String);

pub type Shaped<T> = Result<T, BadShape>;

/// A view of one JSON object in a response, with its path for messages.
#[derive(Clone, Copy)]
pub struct At<'a> {
    pub value: &'a Json,
    pub path: &'a str,
}

pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'a> At<'a> {
    /// The response root, which must be an object.
    pub fn root(value: &'a Json, what: &str) -> Shaped<At<'a>> {
        match value {
            Json::Obj(_) => Ok(At { value, path: "" }),
            other => Err(BadShape(format!(
                "expected {what}, got {}",
                described(other)
            ))),
        }
    }

    /// A member that must be present (and not null).
    pub fn req(&self, key: &str) -> Shaped<&'a Json> {
        match self.value.get(key) {
            None | Some(Json::Null) => Err(BadShape(format!("missing `{}`", join(self.path, key)))),
            Some(v) => Ok(v),
        }
    }

    /// A member that may be absent or null.
    pub fn opt(&self, key: &str) -> Option<&'a Json> {
        self.value.get(key).filter(|v| !matches!(v, Json::Null))
    }

    fn wrong(&self, key: &str, expected: &str, got: &Json) -> BadShape {
        wrong(&join(self.path, key), expected, got)
    }

    pub fn str(&self, key: &str) -> Shaped<&'a str> {
        let v = self.req(key)?;
        v.as_str().ok_or_else(|| self.wrong(key, "a string", v))
    }

    pub fn num(&self, key: &str) -> Shaped<f64> {
        let v = self.req(key)?;
        v.as_f64().ok_or_else(|| self.wrong(key, "a number", v))
    }

    pub fn bool(&self, key: &str) -> Shaped<bool> {
        let v = self.req(key)?;
        v.as_bool().ok_or_else(|| self.wrong(key, "a boolean", v))
    }

    pub fn arr(&self, key: &str) -> Shaped<&'a [Json]> {
        let v = self.req(key)?;
        v.as_array().ok_or_else(|| self.wrong(key, "an array", v))
    }

    /// A required object member, as a view with its own path (kept in `buf`).
    pub fn obj(&self, key: &str, buf: &'a mut String) -> Shaped<At<'a>> {
        let v = self.req(key)?;
        if !matches!(v, Json::Obj(_)) {
            return Err(self.wrong(key, "an object", v));
        }
        *buf = join(self.path, key);
        Ok(At {
            value: v,
            path: buf,
        })
    }

    /// An optional member that must be a string when present.
    pub fn opt_str(&self, key: &str) -> Shaped<Option<&'a str>> {
        match self.opt(key) {
            None => Ok(None),
            Some(v) => v
                .as_str()
                .map(Some)
                .ok_or_else(|| self.wrong(key, "a string", v)),
        }
    }
}

/// The one message for a member of the wrong kind: `` `path` should be <expected>, got <…> ``.
pub fn wrong(path: &str, expected: &str, got: &Json) -> BadShape {
    BadShape(format!(
        "`{path}` should be {expected}, got {}",
        described(got)
    ))
}

/// A nested value as a view at `path`; it must be an object.
pub fn member<'a>(value: &'a Json, path: &'a str) -> Shaped<At<'a>> {
    match value {
        Json::Obj(_) => Ok(At { value, path }),
        other => Err(wrong(path, "an object", other)),
    }
}

/// An array item as a view, with a path like `items[3]` (kept in `buf`).
pub fn item<'a>(value: &'a Json, parent: &str, i: usize, buf: &'a mut String) -> Shaped<At<'a>> {
    *buf = format!("{parent}[{i}]");
    member(value, buf)
}

/// Every string of an array member (an empty list when absent).
pub fn strings(items: &[Json], path: &str) -> Shaped<Vec<Json>> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            Json::Str(_) => Ok(v.clone()),
            other => Err(wrong(&format!("{path}[{i}]"), "a string", other)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn messages_name_the_member() {
        let v = j!({"a": {"b": 1}, "n": null, "s": "x"});
        let at = At::root(&v, "an object").unwrap();
        assert_eq!(at.str("s").unwrap(), "x");
        assert_eq!(at.str("n").unwrap_err().0, "missing `n`");
        assert_eq!(
            at.num("s").unwrap_err().0,
            "`s` should be a number, got a string"
        );
        let mut buf = String::new();
        let a = at.obj("a", &mut buf).unwrap();
        assert_eq!(
            a.str("b").unwrap_err().0,
            "`a.b` should be a string, got a number"
        );
        assert_eq!(
            At::root(&j!([1]), "a session").err().unwrap().0,
            "expected a session, got an array"
        );
    }
}

/// What a mapped member must be.
#[derive(Clone, Copy)]
pub enum Kind {
    Str,
    Num,
    Bool,
    Arr,
    Obj,
    /// A string or null (null is kept).
    StrOrNull,
    /// A string or null; absent reads as null (`value ?? null`).
    StrOrNullDefault,
    /// A boolean or null (null is kept).
    BoolOrNull,
    /// Any value (null is kept).
    AnyOrNull,
}

/// One member to copy from a wire object to a JS object: `wire` name, `js` name, whether it
/// must be present, and its kind.
pub struct Field(pub &'static str, pub &'static str, pub bool, pub Kind);

/// Copies the listed members (renamed), checking each; unlisted members are dropped, as the
/// official SDK's schemas drop them. Optional members that are absent or null are left out.
pub fn pick(at: &At, fields: &[Field]) -> Shaped<Json> {
    let mut out = Vec::with_capacity(fields.len());
    for Field(wire, js, required, kind) in fields {
        let value = match at.value.get(wire) {
            Some(Json::Null)
                if matches!(
                    kind,
                    Kind::StrOrNull | Kind::StrOrNullDefault | Kind::BoolOrNull | Kind::AnyOrNull
                ) =>
            {
                Json::Null
            }
            None if matches!(kind, Kind::StrOrNullDefault) => Json::Null,
            None | Some(Json::Null) if *required => {
                return Err(BadShape(format!("missing `{}`", join(at.path, wire))))
            }
            None | Some(Json::Null) => continue,
            Some(v) => v.clone(),
        };
        let ok = match kind {
            Kind::Str => matches!(value, Json::Str(_)),
            Kind::Num => matches!(value, Json::Num(_)),
            Kind::Bool => matches!(value, Json::Bool(_)),
            Kind::Arr => matches!(value, Json::Arr(_)),
            Kind::Obj => matches!(value, Json::Obj(_)),
            Kind::StrOrNull | Kind::StrOrNullDefault => matches!(value, Json::Str(_) | Json::Null),
            Kind::BoolOrNull => matches!(value, Json::Bool(_) | Json::Null),
            Kind::AnyOrNull => true,
        };
        if !ok {
            let expected = match kind {
                Kind::Str => "a string",
                Kind::Num => "a number",
                Kind::Bool => "a boolean",
                Kind::Arr => "an array",
                Kind::Obj => "an object",
                Kind::StrOrNull | Kind::StrOrNullDefault => "a string or null",
                Kind::BoolOrNull => "a boolean or null",
                Kind::AnyOrNull => "a value",
            };
            return Err(at.wrong(wire, expected, &value));
        }
        out.push((js.to_string(), value));
    }
    Ok(Json::Obj(out))
}

/// Maps every object of the array member `key` with `f` (each gets a path like `key[i]`).
pub fn map_items(
    at: &At,
    key: &str,
    required: bool,
    f: impl Fn(&At) -> Shaped<Json>,
) -> Shaped<Option<Json>> {
    map_items_dyn(at, key, required, &f)
}

// One body for every caller (a closure each): through `&dyn Fn`, so it is not copied per caller.
fn map_items_dyn(
    at: &At,
    key: &str,
    required: bool,
    f: &dyn Fn(&At) -> Shaped<Json>,
) -> Shaped<Option<Json>> {
    let items = match at.value.get(key) {
        None | Some(Json::Null) if !required => return Ok(None),
        _ => at.arr(key)?,
    };
    let parent = join(at.path, key);
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let mut buf = String::new();
        out.push(f(&item(v, &parent, i, &mut buf)?)?);
    }
    Ok(Some(Json::Arr(out)))
}
