//! JSON text <-> `Json`, done in Rust so that a response crosses the wasm boundary once as text
//! and a result once as text (one `JSON.parse` on the JS side), instead of key by key.
//!
//! Numbers are converted by the caller's functions: in wasm they are JS's own `parseFloat` and
//! `Number#toString`, which keeps Rust's float parsing and formatting tables out of the module
//! and makes request bodies byte-identical to `JSON.stringify`'s.

use crate::json::Json;
use std::borrow::Cow;

/// How deep arrays and objects may nest, in a response and in a value we send. Deeper values
/// are refused rather than risking the wasm stack (a trap would poison the module).
pub const MAX_DEPTH: usize = 512;

/// The most a response's tree may take, counted as the parser builds it: `size_of::<Json>()`
/// per array item, `size_of::<(String, Json)>()` per object member, and the bytes of every
/// string, key and raw text. JSON text never needs more than 8 such bytes per byte of text (an
/// array of single digits), so only an answer over 128 MiB can reach it; such an answer is
/// refused (`TooLarge`) rather than risking wasm32's 4 GiB, where running out of memory traps
/// and poisons the module.
pub const MAX_TREE_BYTES: usize = 1 << 30;

/// Containers with at least this many members get their exact capacity from a first pass.
const LARGE: u32 = 16;

/// Texts from this size on get that first pass. Below it the pass costs more time than the
/// memory it saves is worth (at most a few MiB of transient growth), and most answers are far
/// below it: a 500-tool page read about 18% slower with it.
const PRESCAN_MIN: usize = 1 << 20;

/// `&s[start..end]` at offsets the caller found at ASCII bytes (so on char boundaries), without
/// the panic path of `str` indexing: that path formats the string with `{:?}`, which brings the
/// `char` debug printer and Unicode tables (about 4 KB) into the module. Never "" in practice.
pub(crate) fn part(s: &str, start: usize, end: usize) -> &str {
    s.get(start..end).unwrap_or_default()
}

/// Why a text is not acceptable JSON.
#[derive(Debug, PartialEq)]
pub enum ParseError {
    Syntax,
    TooDeep,
    /// Its tree would pass `MAX_TREE_BYTES`.
    TooLarge,
}

impl ParseError {
    /// The `ComposioInvalidResponseError` message for a response body.
    pub fn describe(&self) -> &'static str {
        match self {
            ParseError::Syntax => "the response body is not JSON",
            ParseError::TooDeep => "the response body is nested deeper than 512 levels",
            ParseError::TooLarge => "the response body is too large to read (over 1 GiB as a tree)",
        }
    }
}

/// A caller's string with an unpaired UTF-16 surrogate, which UTF-8 cannot carry.
pub const BAD_STRING: &str = "string with an unpaired UTF-16 surrogate";
/// An object with such a key.
pub const BAD_KEY: &str = "object with a key that has an unpaired UTF-16 surrogate";
/// A caller's value nested past `MAX_DEPTH`.
pub const TOO_DEEP: &str = "value nested deeper than 512 levels";

/// Reads a caller's value from the JSON text `JSON.stringify` wrote for it (`pkg/input.js`),
/// where values JSON cannot carry were replaced by a mark: a string of U+DFFF (an unpaired
/// surrogate, which no readable string can hold) followed by the kind (`undefined`,
/// `function`, `symbol`, `bigint`, `NaN`, `Infinity`, `-Infinity`). They come back as
/// `Json::Foreign` (or the non-finite number), so validation can name them. A string or key
/// with any other unpaired surrogate becomes `Foreign(BAD_STRING)` / `Foreign(BAD_KEY)`, and a
/// value nested past `MAX_DEPTH` becomes `Foreign(TOO_DEEP)`.
#[cfg_attr(not(feature = "js-api"), allow(dead_code))]
pub fn parse_input(text: &str, number: fn(&str) -> f64) -> Result<Json, ParseError> {
    let mut p = Parser::new(text, number, Members::ALL);
    p.input = true;
    p.budget = usize::MAX;
    p.run()
}

/// Parses `text` as `JSON.parse` would: a later duplicate key replaces the value of the first,
/// which keeps its position; escaped unpaired surrogates become U+FFFD.
pub fn parse(text: &str, number: fn(&str) -> f64) -> Result<Json, ParseError> {
    parse_keeping_raw(text, number, &[])
}

/// `parse`, except that the members of the top-level object named in `raw_keys` are checked
/// (syntax and depth) but kept as their text (`Json::Raw`) instead of being built.
pub fn parse_keeping_raw(
    text: &str,
    number: fn(&str) -> f64,
    raw_keys: &[&str],
) -> Result<Json, ParseError> {
    parse_members(
        text,
        number,
        Members {
            raw: raw_keys,
            ..Members::ALL
        },
    )
}

/// What becomes of the members of the top-level object (deeper values are always built).
#[derive(Clone, Copy)]
pub struct Members<'a> {
    /// Only these are kept (all when empty); the others are checked (syntax and depth) and
    /// left out, so an answer's parts that no reader looks at cost no memory.
    pub keep: &'a [&'a str],
    /// These are checked and kept as their text (`Json::Raw`) instead of being built.
    pub raw: &'a [&'a str],
    /// Every kept member is kept as its text.
    pub all_raw: bool,
}

impl Members<'_> {
    pub const ALL: Members<'static> = Members {
        keep: &[],
        raw: &[],
        all_raw: false,
    };
}

/// `parse`, with the top-level object's members kept, left out or kept raw as `members` says.
/// Refuses (`TooLarge`) a text whose tree would pass `MAX_TREE_BYTES`.
pub fn parse_members(
    text: &str,
    number: fn(&str) -> f64,
    members: Members,
) -> Result<Json, ParseError> {
    Parser::new(text, number, members).run()
}

struct Parser<'a> {
    /// Reading a caller's value (`parse_input`): marked strings are foreign values, a string or
    /// key with an unpaired surrogate is refused, and too-deep values are marked, not errors.
    input: bool,
    /// The last string read had an unpaired surrogate escape.
    lone: bool,
    members: Members<'a>,
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    number: fn(&str) -> f64,
    /// `(offset, member count)` of every array and object with at least `LARGE` members, by
    /// offset (from `large_containers`): they get exactly sized `Vec`s, so that no large `Vec`
    /// grows by reallocation (which holds the old and the new buffer at once).
    large: Vec<(u32, u32)>,
    /// What the tree may still take (see `MAX_TREE_BYTES`).
    budget: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, number: fn(&str) -> f64, members: Members<'a>) -> Parser<'a> {
        Parser {
            input: false,
            lone: false,
            members,
            bytes: text.as_bytes(),
            text,
            pos: 0,
            number,
            large: if text.len() >= PRESCAN_MIN {
                large_containers(text.as_bytes())
            } else {
                Vec::new()
            },
            budget: MAX_TREE_BYTES,
        }
    }

    fn run(mut self) -> Result<Json, ParseError> {
        let value = self.value(0)?;
        self.skip_ws();
        if self.pos != self.bytes.len() {
            return Err(ParseError::Syntax);
        }
        Ok(value)
    }

    /// Counts `bytes` against the budget.
    fn charge(&mut self, bytes: usize) -> Result<(), ParseError> {
        self.budget = self.budget.checked_sub(bytes).ok_or(ParseError::TooLarge)?;
        Ok(())
    }

    /// The member count of the array or object opening here, when it is large.
    fn capacity(&self) -> usize {
        let at = self.pos as u32;
        match self.large.binary_search_by_key(&at, |&(pos, _)| pos) {
            Ok(i) => self.large[i].1 as usize,
            Err(_) => 0,
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, ParseError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(ParseError::Syntax)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        match self.peek().ok_or(ParseError::Syntax)? {
            b'{' | b'[' if depth >= MAX_DEPTH && self.input => self.too_deep(),
            b'{' | b'[' if depth >= MAX_DEPTH => Err(ParseError::TooDeep),
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' if self.input => self.input_string(),
            b'"' => {
                let s = self.string()?;
                self.charge(s.len())?;
                Ok(Json::Str(s))
            }
            b't' => self.literal("true", Json::Bool(true)),
            b'f' => self.literal("false", Json::Bool(false)),
            b'n' => self.literal("null", Json::Null),
            _ => self.num(),
        }
    }

    /// A value checked by `skip` and kept as its text.
    fn raw(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.skip_ws();
        let start = self.pos;
        self.skip(depth)?;
        self.charge(self.pos - start)?;
        Ok(Json::Raw(part(self.text, start, self.pos).to_string()))
    }

    /// Checks one value, as `value` would, without building it.
    fn skip(&mut self, depth: usize) -> Result<(), ParseError> {
        let (open, close) = match self.peek().ok_or(ParseError::Syntax)? {
            b'{' => (b'{', b'}'),
            b'[' => (b'[', b']'),
            b'"' => return self.skip_string(),
            b'-' | b'0'..=b'9' => return self.scan_num().map(drop),
            _ => return self.value(depth).map(drop),
        };
        if depth >= MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.pos += 1;
        if self.eat(close) {
            return Ok(());
        }
        loop {
            if open == b'{' {
                if self.peek() != Some(b'"') {
                    return Err(ParseError::Syntax);
                }
                self.skip_string()?;
                if !self.eat(b':') {
                    return Err(ParseError::Syntax);
                }
            }
            self.skip(depth + 1)?;
            if self.eat(close) {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(ParseError::Syntax);
            }
        }
    }

    /// Checks a string (at its opening quote) without copying it.
    fn skip_string(&mut self) -> Result<(), ParseError> {
        self.pos += 1;
        loop {
            match *self.bytes.get(self.pos).ok_or(ParseError::Syntax)? {
                b'"' => {
                    self.pos += 1;
                    return Ok(());
                }
                b'\\' => {
                    let esc = *self.bytes.get(self.pos + 1).ok_or(ParseError::Syntax)?;
                    self.pos += 2;
                    match esc {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                        b'u' => {
                            self.hex4()?;
                        }
                        _ => return Err(ParseError::Syntax),
                    }
                }
                0..=0x1f => return Err(ParseError::Syntax),
                _ => self.pos += 1,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        let mut items = Vec::with_capacity(self.capacity());
        self.pos += 1;
        if !self.eat(b']') {
            loop {
                self.charge(std::mem::size_of::<Json>())?;
                let item = self.value(depth)?;
                items.push(item);
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(ParseError::Syntax);
                }
            }
        }
        // A small array's first push reserved room for 4; give back what it does not use.
        items.shrink_to_fit();
        Ok(Json::Arr(items))
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        let mut pairs = Vec::new();
        if depth > 1 || self.members.keep.is_empty() {
            pairs.reserve_exact(self.capacity());
        }
        self.pos += 1;
        let mut bad_key = false;
        if !self.eat(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(ParseError::Syntax);
                }
                self.lone = false;
                // Borrowed when it has no escape (most keys): a skipped member costs no allocation.
                let key = self.text_of_string()?;
                bad_key |= self.lone;
                if !self.eat(b':') {
                    return Err(ParseError::Syntax);
                }
                let m = self.members;
                let key_is = |names: &[&str]| names.contains(&&*key);
                if depth == 1 && !m.keep.is_empty() && !key_is(m.keep) {
                    self.skip(depth)?;
                } else {
                    self.charge(std::mem::size_of::<(String, Json)>() + key.len())?;
                    let value = if depth == 1 && (m.all_raw || key_is(m.raw)) {
                        self.raw(depth)?
                    } else {
                        self.value(depth)?
                    };
                    pairs.push((key.into_owned(), value));
                }
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(ParseError::Syntax);
                }
            }
        }
        let mut pairs = dedup_keys(pairs);
        pairs.shrink_to_fit();
        if bad_key && self.input {
            return Ok(Json::Foreign(BAD_KEY));
        }
        Ok(Json::Obj(pairs))
    }

    /// A caller's string: a foreign value's mark (see `parse_input`), a string with an
    /// unpaired surrogate (refused), or a string.
    fn input_string(&mut self) -> Result<Json, ParseError> {
        let marked = self.bytes[self.pos..]
            .get(1..7)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"\\udfff"));
        self.lone = false;
        let s = self.string()?;
        if !self.lone {
            return Ok(Json::Str(s));
        }
        let kind = if marked {
            s.strip_prefix('\u{FFFD}')
        } else {
            None
        };
        Ok(match kind {
            Some("undefined") => Json::Foreign("undefined"),
            Some("function") => Json::Foreign("function"),
            Some("symbol") => Json::Foreign("symbol"),
            Some("bigint") => Json::Foreign("bigint"),
            Some("NaN") => Json::Num(f64::NAN),
            Some("Infinity") => Json::Num(f64::INFINITY),
            Some("-Infinity") => Json::Num(f64::NEG_INFINITY),
            _ => Json::Foreign(BAD_STRING),
        })
    }

    /// Passes over a value nested past `MAX_DEPTH` without recursing, and marks it.
    fn too_deep(&mut self) -> Result<Json, ParseError> {
        let mut open = 0usize;
        loop {
            match *self.bytes.get(self.pos).ok_or(ParseError::Syntax)? {
                b'"' => {
                    self.skip_string()?;
                    continue;
                }
                b'{' | b'[' => open += 1,
                b'}' | b']' => {
                    open -= 1;
                    if open == 0 {
                        self.pos += 1;
                        return Ok(Json::Foreign(TOO_DEEP));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or(ParseError::Syntax)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ParseError::Syntax);
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| ParseError::Syntax)
    }

    /// A `\u` escape (after the `u`), joining a surrogate pair when one follows.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let unit = self.hex4()?;
        if (0xD800..0xDC00).contains(&unit) && self.bytes[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
            self.pos = save;
        }
        if (0xD800..0xE000).contains(&unit) {
            self.lone = true;
        }
        Ok(char::from_u32(unit).unwrap_or('\u{FFFD}'))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.text_of_string().map(Cow::into_owned)
    }

    /// A string (at its opening quote): borrowed from the text when it has no escape.
    fn text_of_string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Only ASCII bytes stop the scan, so both ends are char boundaries.
            let run = part(self.text, start, self.pos);
            match self.bytes.get(self.pos) {
                // Most strings have no escape: borrowed (one exact allocation if owned).
                Some(b'"') if out.is_empty() => {
                    self.pos += 1;
                    return Ok(Cow::Borrowed(run));
                }
                Some(b'"') => {
                    out.push_str(run);
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(run);
                    let esc = *self.bytes.get(self.pos + 1).ok_or(ParseError::Syntax)?;
                    self.pos += 2;
                    out.push(match esc {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(ParseError::Syntax),
                    });
                }
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn num(&mut self) -> Result<Json, ParseError> {
        let text = self.scan_num()?;
        Ok(Json::Num((self.number)(text)))
    }

    /// Checks a number literal and returns its text.
    fn scan_num(&mut self) -> Result<&'a str, ParseError> {
        let start = self.pos;
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = self.digits();
        if int_len == 0 || (int_len > 1 && self.bytes[int_start] == b'0') {
            return Err(ParseError::Syntax);
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(ParseError::Syntax);
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(ParseError::Syntax);
            }
        }
        Ok(part(self.text, start, self.pos))
    }
}

/// `(offset, member count)` of every array and object in `bytes` with at least `LARGE` members,
/// by offset: a quick scan that only counts the commas at each level (strings skipped). It
/// trusts the text; the parse checks it. It stops past `MAX_DEPTH` levels (the parse refuses
/// those or marks them), so its stack stays small.
fn large_containers(bytes: &[u8]) -> Vec<(u32, u32)> {
    // Per open container: its offset, the commas at its level, whether it has a member.
    let mut open: Vec<(u32, u32, bool)> = Vec::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b',' => {
                if let Some(top) = open.last_mut() {
                    top.1 += 1;
                }
            }
            b']' | b'}' => match open.pop() {
                Some((at, commas, true)) if commas + 1 >= LARGE => out.push((at, commas + 1)),
                Some(_) => {}
                None => break,
            },
            b => {
                if let Some(top) = open.last_mut() {
                    top.2 = true;
                }
                if b == b'[' || b == b'{' {
                    if open.len() > MAX_DEPTH {
                        break;
                    }
                    open.push((i as u32, 0, false));
                } else if b == b'"' {
                    i += 1;
                    while let Some(&c) = bytes.get(i) {
                        match c {
                            b'"' => break,
                            b'\\' => i += 2,
                            _ => i += 1,
                        }
                    }
                }
            }
        }
        i += 1;
    }
    sort_by_offset(&mut out);
    out
}

/// Heapsort by offset (offsets are distinct): a few instructions, where `sort_unstable` would
/// add kilobytes to the module.
fn sort_by_offset(v: &mut [(u32, u32)]) {
    fn sift(v: &mut [(u32, u32)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child].0 < v[child + 1].0 {
                child += 1;
            }
            if v[root].0 >= v[child].0 {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// `JSON.parse` semantics for repeated keys: the last value wins at the first key's position.
/// Small objects are checked pairwise; large ones through a small hash table, so an object with
/// many keys stays linear. Most objects have no repeated key and come back untouched.
fn dedup_keys(mut pairs: Vec<(String, Json)>) -> Vec<(String, Json)> {
    let n = pairs.len();
    // For each pair, the index of the first pair with the same key (itself when unique).
    let mut first: Vec<usize> = Vec::new();
    if n <= 16 {
        for i in 1..n {
            if let Some(j) = pairs[..i].iter().position(|(k, _)| *k == pairs[i].0) {
                if first.is_empty() {
                    first = (0..n).collect();
                }
                first[i] = first[j];
            }
        }
    } else {
        let size = (2 * n).next_power_of_two();
        let mut table = vec![usize::MAX; size];
        for i in 0..n {
            let mut slot = fnv1a(&pairs[i].0) & (size - 1);
            loop {
                let j = table[slot];
                if j == usize::MAX {
                    table[slot] = i;
                    break;
                }
                if pairs[j].0 == pairs[i].0 {
                    if first.is_empty() {
                        first = (0..n).collect();
                    }
                    first[i] = j;
                    break;
                }
                slot = (slot + 1) & (size - 1);
            }
        }
    }
    if first.is_empty() {
        return pairs;
    }
    // Move each repeated key's value into its first slot (later ones overwrite earlier ones).
    for i in 0..n {
        if first[i] != i {
            let value = std::mem::replace(&mut pairs[i].1, Json::Null);
            pairs[first[i]].1 = value;
        }
    }
    let mut index = 0;
    pairs.retain(|_| {
        index += 1;
        first[index - 1] == index - 1
    });
    pairs
}

fn fnv1a(key: &str) -> usize {
    key.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }) as usize
}

/// Writes `v` as `JSON.stringify` would (no whitespace): values JSON cannot carry (`Foreign`,
/// non-finite numbers) are `null` in arrays, and `Foreign` object members are left out.
pub fn write(v: &Json, out: &mut String, number: fn(f64) -> String) {
    match v {
        Json::Null | Json::Foreign(_) => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) if n.is_finite() => out.push_str(&number(*n)),
        Json::Num(_) => out.push_str("null"),
        Json::Str(s) => write_str(s, out),
        Json::Raw(text) => out.push_str(text),
        Json::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out, number);
            }
            out.push(']');
        }
        Json::Obj(pairs) => {
            out.push('{');
            let mut first = true;
            for (k, item) in pairs {
                if let Json::Foreign(_) = item {
                    continue;
                }
                if !std::mem::take(&mut first) {
                    out.push(',');
                }
                write_str(k, out);
                out.push(':');
                write(item, out, number);
            }
            out.push('}');
        }
    }
}

/// `write` into a new string.
pub fn to_text(v: &Json, number: fn(f64) -> String) -> String {
    to_text_sized(v, number, 256)
}

/// `to_text` into a string that starts with room for `capacity` bytes (when the caller knows
/// about how long the text will be, e.g. from the answer it was read from).
pub fn to_text_sized(v: &Json, number: fn(f64) -> String, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    write(v, &mut out, number);
    out
}

/// A JSON string literal, escaped as `JSON.stringify` escapes it.
pub fn write_str(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(part(s, start, i));
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(part(s, start, s.len()));
    out.push('"');
}

/// Native number conversions (tests and non-wasm use). Rust's shortest round-trip formatting
/// gives the same value as JS's, though not always the same text (e.g. `1e21`).
#[cfg(not(target_arch = "wasm32"))]
pub fn native_number(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn native_number_text(n: f64) -> String {
    format!("{n}")
}

#[cfg(test)]
mod tests;
