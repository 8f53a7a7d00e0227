//! Input validation: issues shaped like zod's (`{ code, path, message }`) and the checks that
//! produce them. Every input problem becomes one `Invalid`, which the JS layer turns into a
//! `ValidationError` before any request is sent.

use crate::json::Json;

/// One step of a path into the user's input.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path such as `tools.gmail.enable[0]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root(key: &str) -> Path {
        Path(vec![Seg::Key(key.to_string())])
    }

    pub fn key(&self, key: &str) -> Path {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_string()));
        Path(segs)
    }

    pub fn index(&self, i: usize) -> Path {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(i));
        Path(segs)
    }

    /// `a.b[2].c`; the empty path prints as `config`.
    pub fn display(&self) -> String {
        let mut out = String::new();
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        if out.is_empty() {
            out.push_str("config");
        }
        out
    }
}

/// One problem with the input, in zod's vocabulary of codes.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub code: &'static str,
    pub path: Path,
    pub message: String,
}

/// Everything wrong with one input, in the order found.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    pub issues: Vec<Issue>,
}

impl Invalid {
    pub fn one(code: &'static str, path: Path, message: impl Into<String>) -> Invalid {
        Invalid {
            issues: vec![Issue {
                code,
                path,
                message: message.into(),
            }],
        }
    }

    /// One `invalid_type` issue: `expected <expected>, got <what got is>`.
    pub fn wrong_type(path: Path, expected: &str, got: &Json) -> Invalid {
        Invalid::one(
            "invalid_type",
            path,
            format!("expected {expected}, got {}", described(got)),
        )
    }

    /// `<path>: <message>` for the first issue, with a count of the rest.
    pub fn message(&self) -> String {
        let Some(first) = self.issues.first() else {
            return "invalid input".to_string();
        };
        let mut msg = format!("{}: {}", first.path.display(), first.message);
        match self.issues.len() {
            1 => {}
            2 => msg.push_str(" (and 1 more issue)"),
            n => msg.push_str(&format!(" (and {} more issues)", n - 1)),
        }
        msg
    }
}

/// `a string`, `an array`, `an object`, `null`, … for messages.
pub fn described(v: &Json) -> String {
    match v {
        // (`kind` also reads `null` kept as raw text.)
        _ if v.kind() == "null" => "null".to_string(),
        Json::Obj(pairs) if !pairs.is_empty() => {
            let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
            format!("an object with keys {}", keys.join(", "))
        }
        other => {
            let kind = other.kind();
            let article = if matches!(kind.as_bytes().first(), Some(b'a' | b'o' | b'u')) {
                "an"
            } else {
                "a"
            };
            format!("{article} {kind}")
        }
    }
}

/// Collects issues while a translation walks the input.
#[derive(Default)]
pub struct Checker {
    pub issues: Vec<Issue>,
}

impl Checker {
    pub fn issue(&mut self, code: &'static str, path: Path, message: impl Into<String>) {
        self.issues.push(Issue {
            code,
            path,
            message: message.into(),
        });
    }

    pub fn wrong_type(&mut self, path: Path, expected: &str, got: &Json) {
        self.issues
            .extend(Invalid::wrong_type(path, expected, got).issues);
    }

    pub fn finish<T>(self, value: T) -> Result<T, Invalid> {
        if self.issues.is_empty() {
            Ok(value)
        } else {
            Err(Invalid {
                issues: self.issues,
            })
        }
    }

    /// Checks a free-form value the caller sends as is (tool arguments, a proxied body): values
    /// JSON cannot carry are refused, except those `JSON.stringify` drops (`undefined`,
    /// functions, symbols). A number that is not finite is refused too: `JSON.stringify` would
    /// send `null`, which changes what the tool is asked to do. Nesting too deep is reported at
    /// `path` itself, not 512 levels down.
    pub fn sendable(&mut self, v: &Json, path: Path) {
        let mut found = 0;
        self.sendable_at(v, &path, &path, &mut found);
    }

    fn sendable_at(&mut self, v: &Json, root: &Path, path: &Path, found: &mut usize) {
        const LIMIT: usize = 10;
        match v {
            Json::Foreign("undefined" | "function" | "symbol") => {}
            Json::Foreign(kind) if *found < LIMIT => {
                *found += 1;
                let at = if *kind == crate::json_text::TOO_DEEP {
                    root
                } else {
                    path
                };
                self.issue(
                    "invalid_type",
                    at.clone(),
                    format!("expected a JSON value, got {}", described(v)),
                );
            }
            Json::Num(n) if !n.is_finite() && *found < LIMIT => {
                *found += 1;
                let got = match n {
                    n if n.is_nan() => "NaN",
                    n if *n > 0.0 => "Infinity",
                    _ => "-Infinity",
                };
                let message = ["expected a finite number, got ", got].concat();
                self.issue("invalid_type", path.clone(), message);
            }
            Json::Arr(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.sendable_at(item, root, &path.index(i), found);
                }
            }
            Json::Obj(pairs) => {
                for (k, item) in pairs {
                    self.sendable_at(item, root, &path.key(k), found);
                }
            }
            _ => {}
        }
    }

    /// A string, or an issue.
    pub fn string(&mut self, v: &Json, path: Path) -> Option<String> {
        match v {
            Json::Str(s) => Some(s.clone()),
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }

    /// A non-empty string (an id, a slug), or an issue at the root field `name`.
    pub fn non_empty_string(&mut self, v: &Json, name: &str) -> Option<String> {
        match v {
            Json::Str(s) if !s.is_empty() => Some(s.clone()),
            other => {
                self.wrong_type(Path::root(name), "a non-empty string", other);
                None
            }
        }
    }

    /// A boolean, or an issue.
    pub fn boolean(&mut self, v: &Json, path: Path) -> Option<bool> {
        match v {
            Json::Bool(b) => Some(*b),
            other => {
                self.wrong_type(path, "a boolean", other);
                None
            }
        }
    }

    /// An integer from `min` to `max`, or an issue saying `expected <expected>`.
    pub fn integer(
        &mut self,
        v: &Json,
        path: Path,
        (min, max): (f64, f64),
        expected: &str,
    ) -> Option<f64> {
        match v {
            Json::Num(n) if n.fract() == 0.0 && (min..=max).contains(n) => Some(*n),
            other => {
                self.wrong_type(path, expected, other);
                None
            }
        }
    }

    /// A finite number, or an issue.
    pub fn number(&mut self, v: &Json, path: Path) -> Option<f64> {
        match v {
            Json::Num(n) if n.is_finite() => Some(*n),
            other => {
                self.wrong_type(path, "a finite number", other);
                None
            }
        }
    }

    /// An array of strings (each element checked), or an issue.
    pub fn string_array(&mut self, v: &Json, path: Path) -> Option<Vec<String>> {
        let Json::Arr(items) = v else {
            self.wrong_type(path, "an array of strings", v);
            return None;
        };
        let before = self.issues.len();
        let out: Vec<String> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.string(item, path.index(i)))
            .collect();
        (self.issues.len() == before).then_some(out)
    }

    /// One of `allowed`, or an issue listing them.
    pub fn one_of(&mut self, v: &Json, path: Path, allowed: &[&str]) -> Option<String> {
        match v {
            Json::Str(s) if allowed.contains(&s.as_str()) => Some(s.clone()),
            other => {
                let list: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
                self.issue(
                    "invalid_enum_value",
                    path,
                    format!(
                        "expected one of {}, got {}",
                        list.join(" | "),
                        quoted(other)
                    ),
                );
                None
            }
        }
    }

    /// An object's members, or an issue naming `expected`.
    pub fn object<'a>(
        &mut self,
        v: &'a Json,
        path: Path,
        expected: &str,
    ) -> Option<&'a [(String, Json)]> {
        match v {
            Json::Obj(pairs) => Some(pairs),
            other => {
                self.wrong_type(path, expected, other);
                None
            }
        }
    }

    /// An optional options object: absent (`null`/`undefined`) reads as `{}`; anything other
    /// than an object is an issue naming `expected`, and gives `None`.
    pub fn options<'a>(&mut self, v: &'a Json, path: Path, expected: &str) -> Option<&'a Json> {
        static EMPTY: Json = Json::Obj(Vec::new());
        match v {
            Json::Null | Json::Foreign("undefined") => Some(&EMPTY),
            Json::Obj(_) => Some(v),
            other => {
                self.wrong_type(path, expected, other);
                None
            }
        }
    }

    /// Reports keys of a strict object that are not in `known`. Returns true when all are known.
    pub fn only_keys(&mut self, pairs: &[(String, Json)], path: &Path, known: &[&str]) -> bool {
        let unknown: Vec<&str> = pairs
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !known.contains(k))
            .collect();
        if unknown.is_empty() {
            return true;
        }
        let list: Vec<String> = known.iter().map(|k| format!("'{k}'")).collect();
        let got: Vec<String> = unknown.iter().map(|k| format!("'{k}'")).collect();
        self.issue(
            "unrecognized_keys",
            path.clone(),
            format!(
                "unrecognized key(s) {}; expected only {}",
                got.join(", "),
                list.join(", ")
            ),
        );
        false
    }
}

/// A short rendering of a value for messages: strings quoted, other values described.
pub fn quoted(v: &Json) -> String {
    match v {
        Json::Str(s) => format!("'{s}'"),
        other => described(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn paths_print_keys_and_indices() {
        let p = Path::root("tools").key("gmail").key("enable").index(2);
        assert_eq!(p.display(), "tools.gmail.enable[2]");
        assert_eq!(Path::default().display(), "config");
    }

    #[test]
    fn described_uses_articles() {
        assert_eq!(described(&j!("x")), "a string");
        assert_eq!(described(&j!([])), "an array");
        assert_eq!(described(&j!({})), "an object");
        assert_eq!(described(&j!({"a": 1, "b": 2})), "an object with keys a, b");
        assert_eq!(described(&Json::Foreign("undefined")), "an undefined");
        assert_eq!(described(&j!(null)), "null");
    }

    #[test]
    fn message_counts_other_issues() {
        let mut c = Checker::default();
        c.wrong_type(Path::root("a"), "a string", &j!(1));
        assert_eq!(
            c.finish(()).unwrap_err().message(),
            "a: expected a string, got a number"
        );
        let mut c = Checker::default();
        c.wrong_type(Path::root("a"), "a string", &j!(1));
        c.wrong_type(Path::root("b"), "a string", &j!(true));
        c.wrong_type(Path::root("c"), "a string", &j!(null));
        assert_eq!(
            c.finish(()).unwrap_err().message(),
            "a: expected a string, got a number (and 2 more issues)"
        );
    }

    #[test]
    fn string_array_reports_each_bad_element() {
        let mut c = Checker::default();
        assert_eq!(
            c.string_array(&j!(["a", 1, "c", false]), Path::root("t")),
            None
        );
        let paths: Vec<String> = c.issues.iter().map(|i| i.path.display()).collect();
        assert_eq!(paths, ["t[1]", "t[3]"]);
    }
}
