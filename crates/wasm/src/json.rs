//! The JSON this facade hands to JavaScript, written directly into a `String`.
//!
//! Only strings, booleans, `null` and unsigned integers occur, so a serde serialiser (and the
//! float formatting it brings into the `.wasm`) is not needed. The tests of the crate check every
//! document against `serde_json`'s serialisation of the same core values.

use cannhac_core::duties::{Duty, Question, Wording};
use cannhac_core::links::LinkVerdict;
use cannhac_core::{Finding, Message};
use std::fmt::Write;

/// Appends `s` as a JSON string literal.
pub fn string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut plain = 0; // start of the run of characters copied as they are
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
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
        out.push_str(&s[plain..i]);
        if esc.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(esc);
        }
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

/// Appends an unsigned integer.
pub fn uint(out: &mut String, n: usize) {
    let _ = write!(out, "{n}");
}

/// Appends `s` as a string, or `null`.
fn opt_string(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// Appends `"key":` (keys are plain ASCII here).
fn key(out: &mut String, k: &str) {
    out.push('"');
    out.push_str(k);
    out.push_str("\":");
}

/// `{"vi":…,"en":…}`.
fn vi_en(out: &mut String, vi: &str, en: &str) {
    out.push('{');
    key(out, "vi");
    string(out, vi);
    out.push(',');
    key(out, "en");
    string(out, en);
    out.push('}');
}

fn message(out: &mut String, m: &Message) {
    vi_en(out, &m.vi, &m.en);
}

fn wording(out: &mut String, w: &Wording) {
    vi_en(out, w.vi, w.en);
}

/// `[a,b,…]` of small numbers.
fn numbers(out: &mut String, ns: &[u8]) {
    out.push('[');
    for (i, n) in ns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        uint(out, usize::from(*n));
    }
    out.push(']');
}

/// `[s,t,…]` of strings.
fn strings<'a>(out: &mut String, ss: impl IntoIterator<Item = &'a str>) {
    out.push('[');
    for (i, s) in ss.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, s);
    }
    out.push(']');
}

/// One kind of finding: the finding without its span,
/// `{"category","severity","rule_id","message":{"vi","en"},"duties","suggestion"}`.
pub fn kind(out: &mut String, f: &Finding) {
    out.push('{');
    key(out, "category");
    string(out, f.category.as_str());
    out.push(',');
    key(out, "severity");
    string(out, f.severity.as_str());
    out.push(',');
    key(out, "rule_id");
    string(out, &f.rule_id);
    out.push(',');
    key(out, "message");
    message(out, &f.message);
    out.push(',');
    key(out, "duties");
    numbers(out, &f.duties);
    out.push(',');
    key(out, "suggestion");
    opt_string(out, f.suggestion.as_deref());
    out.push('}');
}

fn duty(out: &mut String, d: &Duty) {
    out.push('{');
    key(out, "id");
    uint(out, usize::from(d.id));
    out.push(',');
    key(out, "title");
    wording(out, &d.title);
    out.push(',');
    key(out, "text");
    wording(out, &d.text());
    out.push(',');
    key(out, "categories");
    strings(out, d.categories.iter().map(|c| c.as_str()));
    out.push(',');
    key(out, "manual");
    out.push_str(if d.is_manual() { "true" } else { "false" });
    out.push('}');
}

fn question(out: &mut String, q: &Question) {
    out.push('{');
    key(out, "id");
    uint(out, usize::from(q.id));
    out.push(',');
    key(out, "text");
    wording(out, &q.text);
    out.push('}');
}

/// The ten duties and the five questions (the document of `cannhac duties --json`):
/// `{"duties":[{"id","title":{vi,en},"text":{vi,en},"categories","manual"}],
/// "questions":[{"id","text":{vi,en}}]}`.
pub fn duties() -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("{\"duties\":[");
    for (i, d) in cannhac_core::duties::duties().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        duty(&mut out, d);
    }
    out.push_str("],\"questions\":[");
    for (i, q) in cannhac_core::duties::questions().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        question(&mut out, q);
    }
    out.push_str("]}");
    out
}

/// A link verdict with the field names of its serde serialisation:
/// `{"verdict","reasons","registrable_domain","host_unicode","host_punycode","lookalike_of",
/// "known_as","explanation":{vi,en},"read_url"}`.
pub fn link_verdict(v: &LinkVerdict) -> String {
    let mut out = String::with_capacity(512);
    out.push('{');
    key(&mut out, "verdict");
    string(&mut out, v.verdict.as_str());
    out.push(',');
    key(&mut out, "reasons");
    strings(&mut out, v.reasons.iter().map(String::as_str));
    for (k, s) in [
        ("registrable_domain", &v.registrable_domain),
        ("host_unicode", &v.host_unicode),
        ("host_punycode", &v.host_punycode),
        ("lookalike_of", &v.lookalike_of),
        ("known_as", &v.known_as),
    ] {
        out.push(',');
        key(&mut out, k);
        opt_string(&mut out, s.as_deref());
    }
    out.push(',');
    key(&mut out, "explanation");
    message(&mut out, &v.explanation);
    out.push(',');
    key(&mut out, "read_url");
    opt_string(&mut out, v.read_url.as_deref());
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_like_serde_json() {
        for s in [
            "",
            "plain",
            "Tiếng Việt có dấu",
            "\"quoted\" \\ back",
            "line\nbreak\r\ttab",
            "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "😀 \u{2028} \u{2029} end",
        ] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(
                out,
                serde_json::to_string(s).expect("serialisable"),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers_and_lists() {
        let mut out = String::new();
        numbers(&mut out, &[1, 10, 255]);
        strings(&mut out, ["a", "b\""]);
        uint(&mut out, 0);
        assert_eq!(out, r#"[1,10,255]["a","b\""]0"#);
    }
}
