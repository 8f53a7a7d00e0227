//! The fast reader of a `GET …/tools` page, for drivers that only write the result back as JSON
//! text (the JS surface): it reads the page once into a flat tape of node offsets (no tree, no
//! string copies), then writes each mapped tool straight from the text as `Json::Raw`, cleaning
//! its schemas on the way. Strings, numbers and the values kept as they are (`default`, `enum`,
//! …) are copied as received, so `JSON.parse` of the result gives what `tools::tools_page`
//! written by `json_text::write` would give.
//!
//! It checks what `tools::tools_page` checks, but does not explain: anything that page reader
//! would refuse, and anything unusual, makes it give up (`None`), and the caller reads the page
//! the ordinary way, which reports the error exactly (or, for the unusual, reads it). Unusual
//! is what a verbatim copy would not reproduce: a number that `JSON.parse` reads differently
//! from the parse-and-print round trip (`-0`, exponents, overflowing literals), a string with an
//! unpaired surrogate escape (which the reader turns into U+FFFD), a key with an escape (keys
//! are compared as written). An item with such a value is read the ordinary way on its own.

use crate::endpoints::Page;
use crate::json::Json;
use crate::json_text::MAX_DEPTH;
use crate::tools::{self, Rule, PROPERTY_KEYWORDS, TOP_KEYWORDS, TYPE_NAMES};

/// One value of the text: its byte range, and the index of the node after its subtree. An
/// object's children are its keys and values, alternating; its kind is its first byte.
#[derive(Clone, Copy)]
struct Node {
    start: u32,
    end: u32,
    next: u32,
}

/// The page read as nodes, and the offsets of the unusual values (sorted).
struct Tape<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node>,
    odd: Vec<u32>,
}

/// Texts past this size are left to the ordinary reader (its tree budget, `TooLarge`).
const MAX_TEXT: usize = 64 << 20;

impl<'a> Tape<'a> {
    /// Reads `text` as `json_text::parse` would accept it; `None` where it would refuse it.
    fn read(text: &'a str) -> Option<Tape<'a>> {
        if text.len() > MAX_TEXT {
            return None;
        }
        let mut t = Tape {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            // A tools page has about one node per 12 bytes. Room for one per 6, allocated once
            // (no copy while growing) and never exceeded: denser text (a huge array of digits)
            // goes to the ordinary reader, so the tape stays within twice the text's size.
            nodes: Vec::with_capacity(text.len() / 6 + 16),
            odd: Vec::new(),
        };
        t.value(0)?;
        t.skip_ws();
        (t.pos == t.bytes.len()).then_some(t)
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        let hit = self.bytes.get(self.pos) == Some(&byte);
        if hit {
            self.pos += 1;
        }
        hit
    }

    /// Whether the tape has room for two more nodes (a key and its value).
    fn room(&self) -> Option<()> {
        (self.nodes.len() + 2 <= self.nodes.capacity()).then_some(())
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        self.room()?;
        self.skip_ws();
        let at = self.nodes.len();
        let start = self.pos;
        self.nodes.push(Node {
            start: start as u32,
            end: 0,
            next: 0,
        });
        match *self.bytes.get(self.pos)? {
            b'{' | b'[' if depth >= MAX_DEPTH => return None,
            b'{' => {
                self.pos += 1;
                if !self.eat(b'}') {
                    loop {
                        self.skip_ws();
                        if self.bytes.get(self.pos) != Some(&b'"') {
                            return None;
                        }
                        self.room()?;
                        let key = self.nodes.len();
                        self.nodes.push(Node {
                            start: self.pos as u32,
                            end: 0,
                            next: key as u32 + 1,
                        });
                        if self.string()? {
                            self.odd.push(self.pos as u32);
                        }
                        self.nodes[key].end = self.pos as u32;
                        if !self.eat(b':') {
                            return None;
                        }
                        self.value(depth + 1)?;
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                if !self.eat(b']') {
                    loop {
                        self.value(depth + 1)?;
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
            }
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            _ => self.number()?,
        }
        let end = self.pos as u32;
        let next = self.nodes.len() as u32;
        let node = &mut self.nodes[at];
        node.end = end;
        node.next = next;
        Some(())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.bytes[self.pos..]
            .starts_with(word)
            .then(|| self.pos += word.len())
    }

    /// Passes a string (at its opening quote); whether it had an escape. An unpaired surrogate
    /// escape is noted as unusual.
    fn string(&mut self) -> Option<bool> {
        let mut escaped = false;
        self.pos += 1;
        loop {
            // Eight bytes at a time to the first `"`, `\` or control character: the lowest
            // flagged byte of each test is exact (a borrow only flags bytes above a hit).
            while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
                let w = u64::from_le_bytes(chunk.try_into().ok()?);
                const ONES: u64 = 0x0101_0101_0101_0101;
                const HIGH: u64 = 0x8080_8080_8080_8080;
                let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
                let special =
                    has_zero(w ^ (ONES * b'"' as u64)) | has_zero(w ^ (ONES * b'\\' as u64));
                let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
                let hits = special | control;
                if hits != 0 {
                    self.pos += (hits.trailing_zeros() / 8) as usize;
                    break;
                }
                self.pos += 8;
            }
            match *self.bytes.get(self.pos)? {
                b'"' => {
                    self.pos += 1;
                    return Some(escaped);
                }
                b'\\' => {
                    escaped = true;
                    let esc = *self.bytes.get(self.pos + 1)?;
                    self.pos += 2;
                    match esc {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                        b'u' => {
                            let at = self.pos;
                            let unit = self.hex4()?;
                            if (0xD800..0xDC00).contains(&unit)
                                && self.bytes[self.pos..].starts_with(b"\\u")
                            {
                                self.pos += 2;
                                if !(0xDC00..0xE000).contains(&self.hex4()?) {
                                    self.odd.push(at as u32);
                                }
                            } else if (0xD800..0xE000).contains(&unit) {
                                self.odd.push(at as u32);
                            }
                        }
                        _ => return None,
                    }
                }
                0..=0x1f => return None,
                _ => self.pos += 1,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A number literal; one that `JSON.parse` would not read as the round trip through a
    /// float and `String(n)` does (`-0` and anything starting so, exponents, overflow) is
    /// noted as unusual.
    fn number(&mut self) -> Option<()> {
        let start = self.pos;
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = self.digits();
        if int_len == 0 || (int_len > 1 && self.bytes[int_start] == b'0') {
            return None;
        }
        let mut odd = int_len > 300 || self.bytes[start..].starts_with(b"-0");
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            odd = true;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        if odd {
            self.odd.push(start as u32);
        }
        Some(())
    }
}

/// Why the fast reader stopped: the ordinary reader takes over.
struct GiveUp;

type Fast<T> = Result<T, GiveUp>;

fn check(cond: bool) -> Fast<()> {
    if cond {
        Ok(())
    } else {
        Err(GiveUp)
    }
}

/// Where the result goes: written, or only checked (the members the OpenAI format leaves out).
struct Out {
    text: String,
    on: bool,
}

impl Out {
    #[inline(always)]
    fn push(&mut self, s: &str) {
        if self.on {
            self.text.push_str(s);
        }
    }
}

/// Open-addressing table of `PROPERTY_KEYWORDS` indices by `slot_of(name)`, built at compile
/// time: a key is found with one hash and usually one comparison, where a scan of the table
/// would compare it with dozens of names (most schema keys are keywords, and every key of every
/// schema is looked up).
const SLOTS: usize = 128;
const EMPTY: u8 = u8::MAX;

const fn slot_of(key: &[u8]) -> usize {
    let n = key.len();
    if n == 0 {
        return 0;
    }
    ((n * 31) ^ (key[0] as usize * 7) ^ (key[n - 1] as usize * 13) ^ key[n / 2] as usize) % SLOTS
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const KEYWORD_SLOTS: [u8; SLOTS] = {
    let mut table = [EMPTY; SLOTS];
    let mut i = 0;
    while i < PROPERTY_KEYWORDS.len() {
        let mut at = slot_of(PROPERTY_KEYWORDS[i].0.as_bytes());
        while table[at] != EMPTY {
            at = (at + 1) % SLOTS;
        }
        table[at] = i as u8;
        i += 1;
    }
    table
};

/// Each `TOP_KEYWORDS` entry's index in `PROPERTY_KEYWORDS` (a compile error if one is missing).
const TOP_IN_PROPERTY: [u8; TOP_KEYWORDS.len()] = {
    let mut map = [0u8; TOP_KEYWORDS.len()];
    let mut i = 0;
    while i < TOP_KEYWORDS.len() {
        let mut j = 0;
        while !same(
            PROPERTY_KEYWORDS[j].0.as_bytes(),
            TOP_KEYWORDS[i].0.as_bytes(),
        ) {
            j += 1;
        }
        map[i] = j as u8;
        i += 1;
    }
    map
};

/// The `PROPERTY_KEYWORDS` index of a key as written (`None` for any other key).
fn keyword(key: &[u8]) -> Option<usize> {
    let mut at = slot_of(key);
    loop {
        let i = KEYWORD_SLOTS[at];
        if i == EMPTY {
            return None;
        }
        if PROPERTY_KEYWORDS[i as usize].0.as_bytes() == key {
            return Some(i as usize);
        }
        at = (at + 1) % SLOTS;
    }
}

struct Reader<'a> {
    tape: &'a Tape<'a>,
    /// `(key, value)` node pairs of the schema maps being read (each map's run is truncated
    /// when it is done): one buffer for every map of the page.
    pairs: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

impl<'a> Reader<'a> {
    #[inline(always)]
    fn node(&self, i: u32) -> Node {
        self.tape.nodes[i as usize]
    }

    #[inline(always)]
    fn kind(&self, i: u32) -> u8 {
        self.tape.bytes[self.node(i).start as usize]
    }

    /// The text of a value as received.
    #[inline(always)]
    fn raw(&self, i: u32) -> &'a str {
        let n = self.node(i);
        crate::json_text::part(self.tape.text, n.start as usize, n.end as usize)
    }

    /// A string's content as written (between the quotes).
    #[inline(always)]
    fn inner(&self, i: u32) -> &'a [u8] {
        let n = self.node(i);
        &self.tape.bytes[n.start as usize + 1..n.end as usize - 1]
    }

    fn is_null(&self, i: u32) -> bool {
        i == NONE || self.kind(i) == b'n'
    }

    fn is_str(&self, i: u32) -> bool {
        self.kind(i) == b'"'
    }

    /// The `(key, value)` pairs of an object, in order.
    fn members(&self, obj: u32) -> Members<'a> {
        Members {
            nodes: &self.tape.nodes,
            at: obj + 1,
            end: self.node(obj).next,
        }
    }

    /// The children of an array, in order.
    fn items(&self, arr: u32) -> Items<'a> {
        Items {
            nodes: &self.tape.nodes,
            at: arr + 1,
            end: self.node(arr).next,
        }
    }

    /// The value of each key of `names` in object `obj` into `found` (`NONE` when absent; the
    /// last of repeated keys, as `JSON.parse` keeps).
    fn pick(&self, obj: u32, names: &[&str], found: &mut [u32]) {
        found.fill(NONE);
        for (k, v) in self.members(obj) {
            let key = self.inner(k);
            if let Some(at) = names.iter().position(|n| n.as_bytes() == key) {
                found[at] = v;
            }
        }
    }

    /// A required string member: present, not null, a string.
    fn req_str(&self, v: u32) -> Fast<&'a str> {
        check(v != NONE && self.is_str(v))?;
        Ok(self.raw(v))
    }

    /// An optional string member: absent or null, or a string.
    fn opt_str(&self, v: u32) -> Fast<Option<&'a str>> {
        if self.is_null(v) {
            return Ok(None);
        }
        self.req_str(v).map(Some)
    }

    /// An optional array of strings.
    fn opt_strings(&self, v: u32) -> Fast<Option<&'a str>> {
        if self.is_null(v) {
            return Ok(None);
        }
        check(self.kind(v) == b'[' && self.items(v).all(|i| self.is_str(i)))?;
        Ok(Some(self.raw(v)))
    }

    /// One page item, written as the SDK `Tool` (or its OpenAI format) into `out`.
    fn tool(&mut self, item: u32, openai: bool, out: &mut Out) -> Fast<()> {
        check(self.kind(item) == b'{')?;
        let mut found = [NONE; 12];
        self.pick(
            item,
            &[
                "slug",
                "name",
                "description",
                "input_parameters",
                "output_parameters",
                "tags",
                "toolkit",
                "version",
                "deprecated",
                "available_versions",
                "scopes",
                "no_auth",
            ],
            &mut found,
        );
        let [slug, name, description, input, output, tags, toolkit, version, deprecated, versions, scopes, no_auth] =
            found;
        let slug = self.req_str(slug)?;
        let name = self.req_str(name)?;
        let description = self.opt_str(description)?;
        let tags = self.opt_strings(tags)?;
        let version = self.opt_str(version)?;
        let versions = self.opt_strings(versions)?;
        let scopes = self.opt_strings(scopes)?;
        let toolkit = if self.is_null(toolkit) {
            None
        } else {
            check(self.kind(toolkit) == b'{')?;
            let mut found = [NONE; 3];
            self.pick(toolkit, &["slug", "name", "logo"], &mut found);
            let [slug, name, logo] = found;
            Some((
                self.req_str(slug)?,
                self.req_str(name)?,
                self.opt_str(logo)?,
            ))
        };
        let deprecated = if !self.is_null(deprecated) && self.kind(deprecated) == b'{' {
            let mut flag = [NONE];
            self.pick(deprecated, &["is_deprecated"], &mut flag);
            let flag = flag[0];
            flag != NONE && self.kind(flag) == b't'
        } else {
            false
        };
        let no_auth = if self.is_null(no_auth) {
            None
        } else {
            check(matches!(self.kind(no_auth), b't' | b'f'))?;
            Some(self.raw(no_auth))
        };
        let input = self.parameters(input)?;
        let output = self.parameters(output)?;

        let on = out.on;
        if openai {
            out.push("{\"type\":\"function\",\"function\":{\"name\":");
            out.push(slug);
            if let Some(d) = description {
                out.push(",\"description\":");
                out.push(d);
            }
            if let Some(s) = input {
                out.push(",\"parameters\":");
                self.schema(s, true, out)?;
            }
            out.push("}}");
            out.on = false;
            if let Some(s) = output {
                self.schema(s, true, out)?;
            }
            out.on = on;
            return Ok(());
        }
        out.push("{\"slug\":");
        out.push(slug);
        out.push(",\"name\":");
        out.push(name);
        if let Some(d) = description {
            out.push(",\"description\":");
            out.push(d);
        }
        if let Some(s) = input {
            out.push(",\"inputParameters\":");
            self.schema(s, true, out)?;
        }
        if let Some(s) = output {
            out.push(",\"outputParameters\":");
            self.schema(s, true, out)?;
        }
        if let Some(t) = tags {
            out.push(",\"tags\":");
            out.push(t);
        }
        if let Some((slug, name, logo)) = toolkit {
            out.push(",\"toolkit\":{\"slug\":");
            out.push(slug);
            out.push(",\"name\":");
            out.push(name);
            if let Some(logo) = logo {
                out.push(",\"logo\":");
                out.push(logo);
            }
            out.push("}");
        }
        if let Some(v) = version {
            out.push(",\"version\":");
            out.push(v);
        }
        out.push(if deprecated {
            ",\"isDeprecated\":true"
        } else {
            ",\"isDeprecated\":false"
        });
        if let Some(v) = versions {
            out.push(",\"availableVersions\":");
            out.push(v);
        }
        if let Some(s) = scopes {
            out.push(",\"scopes\":");
            out.push(s);
        }
        if let Some(b) = no_auth {
            out.push(",\"isNoAuth\":");
            out.push(b);
        }
        out.push("}");
        Ok(())
    }

    /// `input_parameters` / `output_parameters`: absent, null or `{}` is no schema; otherwise an
    /// object whose `type` is `"object"`.
    fn parameters(&self, v: u32) -> Fast<Option<u32>> {
        if self.is_null(v) || (self.kind(v) == b'{' && self.node(v).next == v + 1) {
            return Ok(None);
        }
        check(self.kind(v) == b'{')?;
        let mut ty = [NONE];
        self.pick(v, &["type"], &mut ty);
        let ty = ty[0];
        check(ty != NONE && self.is_str(ty) && self.inner(ty) == b"object")?;
        Ok(Some(v))
    }

    /// One schema object, its allowed keywords kept in the official order (see
    /// `tools::clean_schema`): `TOP_KEYWORDS` for `top`, else `PROPERTY_KEYWORDS`.
    fn schema(&mut self, v: u32, top: bool, out: &mut Out) -> Fast<()> {
        check(self.kind(v) == b'{')?;
        // By `PROPERTY_KEYWORDS` index, which names every top keyword too.
        let mut slots = [NONE; PROPERTY_KEYWORDS.len()];
        for (k, val) in self.members(v) {
            if let Some(at) = keyword(self.inner(k)) {
                slots[at] = val;
            }
        }
        let keywords = if top { TOP_KEYWORDS } else { PROPERTY_KEYWORDS };
        out.push("{");
        let mut first = true;
        for (i, (name, rule)) in keywords.iter().enumerate() {
            let slot = slots[if top { TOP_IN_PROPERTY[i] as usize } else { i }];
            if slot == NONE {
                continue;
            }
            if !std::mem::take(&mut first) {
                out.push(",");
            }
            out.push("\"");
            out.push(name);
            out.push("\":");
            self.value(*rule, slot, out)?;
        }
        out.push("}");
        Ok(())
    }

    fn value(&mut self, rule: Rule, v: u32, out: &mut Out) -> Fast<()> {
        let kind = self.kind(v);
        match rule {
            Rule::Str => check(kind == b'"')?,
            Rule::Num => check(matches!(kind, b'-' | b'0'..=b'9'))?,
            Rule::Bool => check(matches!(kind, b't' | b'f'))?,
            Rule::Any => {}
            Rule::AnyArr => check(kind == b'[')?,
            Rule::Required => return self.required(v, out),
            Rule::Type => {
                let name = |i: u32| {
                    self.is_str(i) && TYPE_NAMES.iter().any(|t| t.as_bytes() == self.inner(i))
                };
                check(if kind == b'[' {
                    self.items(v).all(name)
                } else {
                    name(v)
                })?;
            }
            Rule::Schema => return self.schema(v, false, out),
            Rule::SchemaArr => {
                check(kind == b'[')?;
                out.push("[");
                let (mut at, end) = (v + 1, self.node(v).next);
                while at < end {
                    if at > v + 1 {
                        out.push(",");
                    }
                    self.schema(at, false, out)?;
                    at = self.node(at).next;
                }
                out.push("]");
                return Ok(());
            }
            Rule::SchemaMap => return self.schema_map(v, out),
            Rule::SchemaOrArr if kind == b'[' => return self.value(Rule::SchemaArr, v, out),
            Rule::SchemaOrArr => return self.schema(v, false, out),
            Rule::BoolOrSchema if matches!(kind, b't' | b'f') => {}
            Rule::BoolOrSchema => return self.schema(v, false, out),
        }
        out.push(self.raw(v));
        Ok(())
    }

    /// A `required` list: strings, each kept once (compared as written: one with an escape
    /// gives up, as `"a"` and `"\u0061"` are the same).
    fn required(&self, v: u32, out: &mut Out) -> Fast<()> {
        check(self.kind(v) == b'[')?;
        out.push("[");
        let mut first = true;
        for (n, i) in self.items(v).enumerate() {
            check(self.is_str(i) && !self.inner(i).contains(&b'\\'))?;
            let s = self.inner(i);
            if self.items(v).take(n).any(|j| self.inner(j) == s) {
                continue;
            }
            if !std::mem::take(&mut first) {
                out.push(",");
            }
            out.push(self.raw(i));
        }
        out.push("]");
        Ok(())
    }

    /// An object of schemas (`properties`, …): each key once, at its first place, with its
    /// last value (as `JSON.parse` reads repeated keys), the value cleaned.
    fn schema_map(&mut self, v: u32, out: &mut Out) -> Fast<()> {
        check(self.kind(v) == b'{')?;
        let base = self.pairs.len();
        for pair in self.members(v) {
            self.pairs.push(pair);
        }
        let n = self.pairs.len() - base;
        self.dedup(base, n);
        out.push("{");
        let mut first = true;
        for at in base..base + n {
            let (k, val) = self.pairs[at];
            if k == NONE {
                continue;
            }
            if !std::mem::take(&mut first) {
                out.push(",");
            }
            out.push(self.raw(k));
            out.push(":");
            self.schema(val, false, out)?;
        }
        out.push("}");
        self.pairs.truncate(base);
        Ok(())
    }

    /// Among `pairs[base..base + n]`, gives each repeated key's first pair the last value and
    /// marks the later pairs removed (`NONE` key). Keys have no escapes (those items are not
    /// read here), so equal keys are equal bytes.
    fn dedup(&mut self, base: usize, n: usize) {
        if n <= 16 {
            for i in 1..n {
                let key = self.inner(self.pairs[base + i].0);
                let first = (0..i).find(|&j| {
                    let k = self.pairs[base + j].0;
                    k != NONE && self.inner(k) == key
                });
                if let Some(j) = first {
                    self.pairs[base + j].1 = self.pairs[base + i].1;
                    self.pairs[base + i].0 = NONE;
                }
            }
            return;
        }
        let size = (2 * n).next_power_of_two();
        let mut table = vec![NONE; size];
        for i in 0..n {
            let key = self.inner(self.pairs[base + i].0);
            let mut slot = fnv1a(key) & (size - 1);
            loop {
                let j = table[slot];
                if j == NONE {
                    table[slot] = i as u32;
                    break;
                }
                if self.inner(self.pairs[base + j as usize].0) == key {
                    self.pairs[base + j as usize].1 = self.pairs[base + i].1;
                    self.pairs[base + i].0 = NONE;
                    break;
                }
                slot = (slot + 1) & (size - 1);
            }
        }
    }
}

fn fnv1a(key: &[u8]) -> usize {
    key.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }) as usize
}

struct Members<'a> {
    nodes: &'a [Node],
    at: u32,
    end: u32,
}

impl Iterator for Members<'_> {
    type Item = (u32, u32);
    #[inline(always)]
    fn next(&mut self) -> Option<(u32, u32)> {
        if self.at >= self.end {
            return None;
        }
        let key = self.at;
        let value = key + 1;
        self.at = self.nodes[value as usize].next;
        Some((key, value))
    }
}

struct Items<'a> {
    nodes: &'a [Node],
    at: u32,
    end: u32,
}

impl Iterator for Items<'_> {
    type Item = u32;
    #[inline(always)]
    fn next(&mut self) -> Option<u32> {
        if self.at >= self.end {
            return None;
        }
        let item = self.at;
        self.at = self.nodes[item as usize].next;
        Some(item)
    }
}

/// A tools page read fast: its tools (each `Json::Raw`, or an ordinary `Json` for an item with
/// an unusual value) and the next cursor. `None`: read the page the ordinary way.
pub fn tools_page(text: &str, openai: bool, number: fn(&str) -> f64) -> Option<Page> {
    let tape = Tape::read(text)?;
    let mut r = Reader {
        tape: &tape,
        pairs: Vec::new(),
    };
    if r.kind(0) != b'{' {
        return None;
    }
    // A root key with an escape might be `items` or `next_cursor`.
    let mut found = [NONE; 2];
    r.pick(0, &["items", "next_cursor"], &mut found);
    let [items, cursor] = found;
    if r.members(0).any(|(k, _)| r.inner(k).contains(&b'\\')) {
        return None;
    }
    if items == NONE || r.kind(items) != b'[' {
        return None;
    }
    let cursor = match cursor {
        c if r.is_null(c) => None,
        c if r.is_str(c) && !r.inner(c).contains(&b'\\') => {
            let s = std::str::from_utf8(r.inner(c)).ok()?;
            (!s.is_empty()).then(|| s.to_string())
        }
        _ => return None,
    };
    let mut tools = Vec::with_capacity(r.items(items).count());
    // The unusual values, in order: those before an item are outside every item (the root's
    // other members); those within it send the item to the ordinary reader.
    let (odd, mut next_odd) = (&tape.odd, 0);
    for (i, item) in r.items(items).enumerate() {
        let node = r.node(item);
        while odd.get(next_odd).is_some_and(|&o| o < node.start) {
            next_odd += 1;
        }
        if odd.get(next_odd).is_some_and(|&o| o < node.end) {
            while odd.get(next_odd).is_some_and(|&o| o < node.end) {
                next_odd += 1;
            }
            let value = crate::json_text::parse(r.raw(item), number).ok()?;
            let tool = tools::page_item(value, i).ok()?;
            tools.push(if openai {
                tools::openai_tool_owned(tool)
            } else {
                tool
            });
            continue;
        }
        let mut out = Out {
            text: String::with_capacity((node.end - node.start) as usize),
            on: true,
        };
        r.tool(item, openai, &mut out).ok()?;
        tools.push(Json::Raw(out.text));
    }
    Some((tools, cursor))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::json_text::{native_number, native_number_text, parse_members, Members};

    /// The ordinary reader of the same page: parse, then `tools_page` (and the OpenAI format).
    fn ordinary(text: &str, openai: bool) -> Option<Page> {
        let members = Members {
            keep: &["items", "next_cursor"],
            ..Members::ALL
        };
        let json = parse_members(text, native_number, members).ok()?;
        let (items, next) = tools::tools_page(json).ok()?;
        let items = if openai {
            items.into_iter().map(tools::openai_tool_owned).collect()
        } else {
            items
        };
        Some((items, next))
    }

    /// A fast item as the value `JSON.parse` would see.
    fn value_of(item: Json) -> Json {
        match item {
            Json::Raw(text) => crate::json_text::parse(&text, native_number)
                .unwrap_or_else(|e| panic!("fast output is not JSON ({e:?}): {text}")),
            other => other,
        }
    }

    /// Checks that the fast reader agrees with the ordinary one on `text`: when it reads the
    /// page, the ordinary reader reads it too, to the same tools and cursor. Returns whether
    /// the fast reader read it (in both formats).
    pub(crate) fn agrees(text: &str) -> bool {
        let mut fast_read = true;
        for openai in [false, true] {
            let Some((items, next)) = tools_page(text, openai, native_number) else {
                fast_read = false;
                continue;
            };
            let Some((want, want_next)) = ordinary(text, openai) else {
                panic!("the fast reader read a page the ordinary one refuses: {text}");
            };
            let got: Vec<Json> = items.into_iter().map(value_of).collect();
            assert_eq!(got, want, "openai: {openai}, page: {text}");
            assert_eq!(next, want_next);
        }
        fast_read
    }

    fn tool_text() -> String {
        r#"{"slug":"GMAIL_SEND_EMAIL","name":"Send email","description":"Sends an \"email\"\nnow é",
            "version":"20250101_00","human_description":"h",
            "input_parameters":{"$schema":"http://json-schema.org/draft-07/schema#",
                "required":["to","to"],"type":"object","x-vendor":1,
                "properties":{
                    "to":{"type":"string","x-hidden":true,"description":"Recipient",
                          "examples":[{"required":["a","a"]}]},
                    "cc":{"type":"array","items":{"type":"string","format":"email"},"default":[1.5, -2, 0]},
                    "n":{"type":["integer","null"],"minimum":-3,"maximum":10.25,"enum":[1,2,3]},
                    "any":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"title":"Any"},
                    "opts":{"type":"object","required":["a","b","a"],
                            "properties":{"a":{"type":["string","null"]},"b":{"type":"object","properties":{"c":{"type":"boolean"}},"additionalProperties":{"type":"string"}}},
                            "additionalProperties":false},
                    "to":{"type":"string","description":"Recipient, again"}
                }},
            "output_parameters":{"type":"object","properties":{"data":{"type":"object"}},"required":["data"]},
            "available_versions":["20250101_00"],"scopes":[],"tags":["important"],
            "is_deprecated":true,"no_auth":false,
            "deprecated":{"available_versions":[],"displayName":"x","is_deprecated":true,
                           "toolkit":{"logo":"l"},"version":"v"},
            "scope_requirements":null,
            "toolkit":{"slug":"gmail","name":"Gmail","logo":"l.png"}}"#
            .to_string()
    }

    fn page(items: &[String], extra: &str) -> String {
        format!(
            r#"{{"items":[{}],"next_cursor":"c2","total_pages":2{extra}}}"#,
            items.join(",")
        )
    }

    #[test]
    fn reads_a_page_as_the_ordinary_reader_does() {
        let minimal = r#"{"slug":"A","name":"a"}"#.to_string();
        let bare_schemas = r#"{"slug":"B","name":"b","input_parameters":{},"output_parameters":null,"toolkit":null,"no_auth":true}"#.to_string();
        let text = page(&[tool_text(), minimal, bare_schemas], "");
        assert!(agrees(&text));
        let (items, next) = tools_page(&text, false, native_number).unwrap();
        assert!(items.iter().all(|i| matches!(i, Json::Raw(_))));
        assert_eq!(next.as_deref(), Some("c2"));
        // Whitespace anywhere, an empty last page.
        assert!(agrees(" { \"items\" : [ ] , \"next_cursor\" : \"\" } "));
        assert!(agrees(
            r#"{"items":[],"next_cursor":null,"other":[1e400,-0]}"#
        ));
    }

    #[test]
    fn items_with_unusual_values_are_read_the_ordinary_way() {
        for odd in [
            r#""default":-0"#,
            r#""default":1e3"#,
            r#""default":"\ud800x""#,
            r#""defaul\u0074":1"#,
        ] {
            let item = format!(
                r#"{{"slug":"A","name":"a","input_parameters":{{"type":"object",{odd}}}}}"#
            );
            let text = page(&[tool_text(), item], "");
            assert!(agrees(&text), "{odd}");
            let (items, _) = tools_page(&text, false, native_number).unwrap();
            assert!(matches!(items[0], Json::Raw(_)) && !matches!(items[1], Json::Raw(_)));
        }
    }

    #[test]
    fn gives_up_where_the_ordinary_reader_fails_or_differs() {
        let bad = [
            r#"{"items":[{"slug":"A"}]}"#,
            r#"{"items":[{"slug":"A","name":"a","input_parameters":{"type":"array"}}]}"#,
            r#"{"items":[{"slug":"A","name":"a","input_parameters":{"type":"object","required":[1]}}]}"#,
            r#"{"items":[{"slug":"A","name":"a","tags":"x"}]}"#,
            r#"{"items":[{"slug":"A","name":"a","no_auth":1}]}"#,
            r#"{"items":[{"slug":"A","name":"a","toolkit":{"slug":"s"}}]}"#,
            r#"{"items":[5]}"#,
            r#"{"items":{}}"#,
            r#"{"items":[],"next_cursor":5}"#,
            r#"{"items":[],}"#,
            r#"{"items":[]} x"#,
            r#"[]"#,
            "",
            // Read fine by the ordinary reader, but not compared as written here.
            r#"{"items":[],"next_cursor":"a\/b"}"#,
            r#"{"items":[{"slug":"A","name":"a","input_parameters":{"type":"object","required":["\u0061","a"]}}]}"#,
        ];
        for text in bad {
            assert!(tools_page(text, false, native_number).is_none(), "{text}");
            agrees(text);
        }
    }

    #[test]
    fn the_keyword_table_finds_every_keyword_and_nothing_else() {
        for (i, (name, _)) in PROPERTY_KEYWORDS.iter().enumerate() {
            assert_eq!(keyword(name.as_bytes()), Some(i), "{name}");
        }
        for (i, (name, _)) in TOP_KEYWORDS.iter().enumerate() {
            assert_eq!(PROPERTY_KEYWORDS[TOP_IN_PROPERTY[i] as usize].0, *name);
        }
        for other in [
            "",
            "x",
            "types",
            "Type",
            "$schema",
            "x-custom",
            "propertie",
            "human_parameter_name",
        ] {
            assert_eq!(keyword(other.as_bytes()), None, "{other}");
        }
    }

    #[test]
    fn dense_text_goes_to_the_ordinary_reader() {
        // A digit and a comma per node: past the tape's room of one node per 6 bytes.
        let zeros = vec!["0"; 5000].join(",");
        let item = format!(
            r#"{{"slug":"A","name":"a","input_parameters":{{"type":"object","default":[{zeros}]}}}}"#
        );
        let text = page(&[item], "");
        assert!(tools_page(&text, false, native_number).is_none());
        assert!(ordinary(&text, false).is_some());
    }

    #[test]
    fn repeated_keys_keep_the_first_place_and_the_last_value() {
        let many: Vec<String> = (0..40)
            .map(|i| format!(r#""p{}":{{"type":"string"}}"#, i % 30))
            .collect();
        let item = format!(
            r#"{{"slug":"A","name":"a","slug":"B","input_parameters":{{"type":"object","properties":{{{}}},"type":"object"}}}}"#,
            many.join(",")
        );
        assert!(agrees(&page(&[item], r#","items":[]"#)));
        let item = format!(
            r#"{{"slug":"A","name":"a","input_parameters":{{"type":"object","properties":{{{}}}}}}}"#,
            many.join(",")
        );
        assert!(agrees(&page(&[item], "")));
    }

    /// Not a test: times both readers on a page file (`TOOLS_PAGE=/tmp/page500.json cargo test
    /// --release --lib time_pages -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn time_pages() {
        let path = std::env::var("TOOLS_PAGE").unwrap_or("/tmp/page500.json".into());
        let text = std::fs::read_to_string(path).unwrap();
        if std::env::var_os("TOOLS_FAST_ONLY").is_none() {
            assert!(agrees(&text));
        }
        let n = std::env::var("TOOLS_N").map_or(20, |n| n.parse().unwrap());
        for openai in [true, false] {
            let t = std::time::Instant::now();
            // `TOOLS_FAST_ONLY=1`: the fast reader alone (for a profiler).
            let ordinary_n = if std::env::var_os("TOOLS_FAST_ONLY").is_some() {
                0
            } else {
                n
            };
            for _ in 0..ordinary_n {
                let (items, _) = ordinary(&text, openai).unwrap();
                let mut out = String::new();
                crate::json_text::write(&Json::Arr(items), &mut out, native_number_text);
                std::hint::black_box(out);
            }
            let slow = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
            let t = std::time::Instant::now();
            for _ in 0..n {
                let (items, _) = tools_page(&text, openai, native_number).unwrap();
                let mut out = String::new();
                crate::json_text::write(&Json::Arr(items), &mut out, native_number_text);
                std::hint::black_box(out);
            }
            let fast = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
            println!("openai {openai}: ordinary {slow:.2} ms, fast {fast:.2} ms per page");
        }
    }
}
