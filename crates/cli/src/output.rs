//! Human and JSON output of findings, link verdicts and duties.

use crate::Fail;
use cannhac_core::offsets::OffsetConverter;
use cannhac_core::{Finding, Report};
use serde_json::{json, Value};
use std::borrow::Cow;
use std::io::Write;
use unicode_segmentation::UnicodeSegmentation;

/// One finding as the CLI prints it (fields in alphabetical order, as before), borrowing from
/// the report so that nothing is copied per finding.
#[derive(serde::Serialize)]
struct FindingOut<'a> {
    category: cannhac_core::Category,
    duties: &'a [u8],
    message: MessageOut<'a>,
    rule_id: &'a str,
    severity: cannhac_core::Severity,
    span: SpanOut,
    suggestion: &'a Option<String>,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct MessageOut<'a> {
    en: &'a str,
    vi: &'a str,
}

/// A span in UTF-8 bytes, Unicode scalar values and UTF-16 code units (`[start, end)`).
#[derive(serde::Serialize)]
struct SpanOut {
    bytes: [usize; 2],
    chars: [usize; 2],
    utf16: [usize; 2],
}

/// The findings of `text` as a JSON array, serialised one by one as they are written (memory
/// stays at the size of the report, whatever the number of findings).
pub struct FindingsJson<'a> {
    text: &'a str,
    findings: &'a [Finding],
}

impl<'a> FindingsJson<'a> {
    /// Wraps a report's findings for serialisation.
    pub fn new(text: &'a str, findings: &'a [Finding]) -> Self {
        FindingsJson { text, findings }
    }
}

impl serde::Serialize for FindingsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let conv = std::cell::RefCell::new(OffsetConverter::new(self.text));
        serializer.collect_seq(self.findings.iter().map(|f| {
            let mut c = conv.borrow_mut();
            let s = c.units(f.span.start);
            let e = c.units(f.span.end);
            FindingOut {
                category: f.category,
                duties: &f.duties,
                message: MessageOut {
                    en: &f.message.en,
                    vi: &f.message.vi,
                },
                rule_id: &f.rule_id,
                severity: f.severity,
                span: SpanOut {
                    bytes: [s.bytes, e.bytes],
                    chars: [s.chars, e.chars],
                    utf16: [s.utf16, e.utf16],
                },
                suggestion: &f.suggestion,
                text: self.text.get(f.span.clone()).unwrap_or(""),
            }
        }))
    }
}

/// Characters of context shown on each side of a finding's span in human output.
const CONTEXT_CHARS: usize = 60;
/// Longest part of a span shown (and underlined) in human output, in characters.
const SPAN_CHARS: usize = 120;

/// `name:line:col: severity category [rule]: message`, then an excerpt of the line (at most
/// [`CONTEXT_CHARS`] on each side) with the span underlined. Columns count Unicode scalar
/// values from 1. One pass over the text however many findings it has (findings come sorted
/// by span start), so a 1 MB single-line input prints in linear time.
pub fn human(out: &mut impl Write, name: &str, text: &str, report: &Report) -> std::io::Result<()> {
    if report.findings.is_empty() {
        writeln!(out, "{name}: nothing to weigh — no findings")?;
        return Ok(());
    }
    let mut at = Cursor::default();
    for f in &report.findings {
        if f.span.start < at.pos {
            at = Cursor::default(); // not sorted: start over (still correct)
        }
        at.advance(text, f.span.start);
        let line_end = at.line_end(text);
        writeln!(
            out,
            "{name}:{}:{}: {} {} [{}]: {}",
            at.line_no + 1,
            at.col + 1,
            f.severity,
            f.category,
            f.rule_id,
            f.message.vi
        )?;
        writeln!(out, "    {}", f.message.en)?;
        let (excerpt, pad, width) = excerpt(text, at.line_start, line_end, &f.span);
        writeln!(out, "  | {excerpt}")?;
        writeln!(out, "  | {}{}", " ".repeat(pad), "^".repeat(width.max(1)))?;
        if !f.duties.is_empty() {
            let d: Vec<String> = f.duties.iter().map(u8::to_string).collect();
            writeln!(out, "    duties: {}", d.join(", "))?;
        }
        if let Some(s) = &f.suggestion {
            if s.is_empty() {
                writeln!(out, "    suggestion: bỏ cụm này / remove it")?;
            } else {
                writeln!(out, "    suggestion: {s:?}")?;
            }
        }
    }
    let n = report.findings.len();
    writeln!(out, "{n} finding(s)")?;
    Ok(())
}

/// A position in the text with its 0-based line and column (in chars), moved forward only.
#[derive(Default)]
struct Cursor {
    pos: usize,
    line_no: usize,
    line_start: usize,
    col: usize,
    /// The end of the current line, once looked up.
    line_end: Option<usize>,
}

impl Cursor {
    fn advance(&mut self, text: &str, to: usize) {
        let to = to.min(text.len());
        for (i, c) in text[self.pos..to].char_indices() {
            if c == '\n' {
                self.line_no += 1;
                self.line_start = self.pos + i + 1;
                self.col = 0;
                self.line_end = None;
            } else {
                self.col += 1;
            }
        }
        self.pos = to;
    }

    fn line_end(&mut self, text: &str) -> usize {
        *self.line_end.get_or_insert_with(|| {
            text[self.pos..]
                .find('\n')
                .map_or(text.len(), |i| self.pos + i)
        })
    }
}

/// Columns a character takes in a terminal: 0 for combining marks and invisible characters,
/// 2 for wide East Asian characters and emoji, else 1 (an approximation of UAX #11 that keeps
/// underlines under NFD Vietnamese, CJK and emoji).
fn columns(c: char) -> usize {
    match c {
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{2064}'
        | '\u{00AD}'
        | '\u{FEFF}' => 0,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F1E6}'..='\u{1F1FF}'
        | '\u{1F300}'..='\u{1FAFF}'
        | '\u{20000}'..='\u{3FFFD}' => 2,
        _ => 1,
    }
}

/// Text safe to print on a terminal: control characters (escape sequences, tabs, carriage
/// returns) become spaces, bidirectional controls `U+FFFD` (see [`is_bidi_control`]).
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                ' '
            } else if is_bidi_control(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Unicode bidirectional formatting characters (embeddings, overrides, isolates and marks).
/// Printed raw, `U+202E` would reverse the rest of the terminal line and hide what the post
/// says (the "Trojan Source" trick); the excerpt shows `U+FFFD` in their place.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The excerpt of the line `line_start..line_end` shown under a finding, with the columns of
/// padding before the span and the span's width (both in terminal columns).
fn excerpt(
    text: &str,
    line_start: usize,
    line_end: usize,
    span: &std::ops::Range<usize>,
) -> (String, usize, usize) {
    let start = span.start.clamp(line_start, line_end);
    // Up to CONTEXT_CHARS characters before the span, within the line.
    let left = text[line_start..start]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .last()
        .map_or(start, |(i, _)| line_start + i);
    // Up to SPAN_CHARS characters of the span, within the line.
    let span_end = span.end.clamp(start, line_end);
    let shown_end = text[start..span_end]
        .char_indices()
        .nth(SPAN_CHARS)
        .map_or(span_end, |(i, _)| start + i);
    // Then up to CONTEXT_CHARS characters after it, unless the span itself was cut.
    let right = if shown_end < span_end {
        shown_end
    } else {
        text[shown_end..line_end]
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(line_end, |(i, _)| shown_end + i)
    };
    // A terminal draws a grapheme cluster (an emoji ZWJ sequence, a flag's two regional
    // indicators, a letter with its combining marks) as one glyph: its widest character's
    // columns. Control and bidi characters are printed one column each (see `printable`), so a
    // cluster holding them ("\r\n") takes one column per character.
    let width = |s: &str| -> usize {
        s.graphemes(true)
            .map(|g| {
                let printed = |c: char| c.is_control() || is_bidi_control(c);
                if g.chars().any(printed) {
                    g.chars()
                        .map(|c| if printed(c) { 1 } else { columns(c) })
                        .sum()
                } else {
                    g.chars().map(columns).max().unwrap_or(0)
                }
            })
            .sum()
    };
    let mut shown = String::new();
    let mut pad = 0;
    if left > line_start {
        shown.push('…');
        pad += 1;
    }
    shown.push_str(&printable(&text[left..right]));
    pad += width(&text[left..start]);
    if right < line_end {
        shown.push('…');
    }
    (shown, pad, width(&text[start..shown_end]))
}

/// `cannhac link`: human lines or JSON (an object for one URL, an array for several), each
/// object the [`cannhac_core::links::LinkVerdict`] fields (`verdict`, `reasons` as code strings,
/// `registrable_domain`, `host_unicode`, `host_punycode`, `lookalike_of`, `known_as`,
/// `explanation` {vi, en}, `read_url`: the URL read out of surrounding text, or null) plus the
/// `url` as given; the human lines add `read as: <URL>` under such an input. Exit code 1 when
/// any link is `caution` or `suspicious`, else 0.
pub fn links(urls: &[String], as_json: bool) -> Result<u8, Fail> {
    use cannhac_core::links::{check_link, Verdict};
    let verdicts: Vec<_> = urls.iter().map(|u| check_link(u)).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if as_json {
        let mut objs = Vec::with_capacity(verdicts.len());
        for (u, v) in urls.iter().zip(&verdicts) {
            let mut obj = serde_json::to_value(v)?;
            if let Value::Object(m) = &mut obj {
                m.insert("url".into(), json!(u));
            }
            objs.push(obj);
        }
        let v = if objs.len() == 1 {
            objs.swap_remove(0)
        } else {
            Value::Array(objs)
        };
        writeln!(out, "{v}")?;
    } else {
        for (u, v) in urls.iter().zip(&verdicts) {
            writeln!(out, "{}", shown_url(u))?;
            if let Some(r) = &v.read_url {
                writeln!(out, "  read as: {r}")?;
            }
            writeln!(out, "  verdict: {}", v.verdict.as_str())?;
            if !v.reasons.is_empty() {
                writeln!(out, "  reasons: {}", v.reasons.join(", "))?;
            }
            if let Some(h) = &v.host_unicode {
                match v.host_punycode.as_deref().filter(|p| p != h) {
                    Some(p) => writeln!(out, "  host: {h} ({p})")?,
                    None => writeln!(out, "  host: {h}")?,
                }
            }
            if let Some(d) = &v.registrable_domain {
                writeln!(out, "  registrable domain: {d}")?;
            }
            if let Some(k) = &v.known_as {
                writeln!(out, "  known as: {k}")?;
            }
            if let Some(o) = &v.lookalike_of {
                writeln!(out, "  imitates: {o}")?;
            }
            writeln!(out, "  {}\n  {}", v.explanation.vi, v.explanation.en)?;
        }
    }
    let risky = verdicts
        .iter()
        .any(|v| matches!(v.verdict, Verdict::Caution | Verdict::Suspicious));
    Ok(u8::from(risky))
}

/// How `cannhac link` heads a URL's lines: as given, or quoted (Rust string syntax) when
/// it is empty or blank (`"" (no address)`: an empty argument, `cannhac link "$URL"` with
/// nothing in `URL`), starts or ends with white space, or holds a control character (a line
/// break would split the output).
fn shown_url(u: &str) -> Cow<'_, str> {
    if u.trim().is_empty() {
        Cow::Owned(format!("{u:?} (no address)"))
    } else if u.trim() != u || u.chars().any(char::is_control) {
        Cow::Owned(format!("{u:?}"))
    } else {
        Cow::Borrowed(u)
    }
}

/// `cannhac duties`: the ten duties (with the categories that speak to each, or "manual") and
/// the questions to ask before sharing; `--json` prints `{"duties": [..], "questions": [..]}`.
pub fn duties(as_json: bool) -> Result<u8, Fail> {
    use cannhac_core::duties::{duties, questions};
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if as_json {
        let all = json!({ "duties": duties(), "questions": questions() });
        writeln!(out, "{all}")?;
    } else {
        writeln!(out, "Mười bổn phận / The ten duties")?;
        writeln!(
            out,
            "[…] các loại phát hiện phục vụ bổn phận; [tự kiểm] không máy nào kiểm được, hãy tự hỏi.\n\
             […] the finding categories that serve the duty; [manual] no engine can check it: ask yourself.\n"
        )?;
        for d in duties() {
            let judged = if d.is_manual() {
                "tự kiểm / manual".to_string()
            } else {
                let names: Vec<&str> = d.categories.iter().map(|c| c.as_str()).collect();
                names.join(", ")
            };
            writeln!(out, "{:>2}. {} — {}", d.id, d.title.vi, d.vi)?;
            writeln!(out, "    {} — {}", d.title.en, d.en)?;
            writeln!(out, "    [{judged}]")?;
        }
        writeln!(out, "\nTrước khi chia sẻ, tự hỏi / Before sharing, ask")?;
        for q in questions() {
            writeln!(out, "{:>2}. {}  {}", q.id, q.text.vi, q.text.en)?;
        }
    }
    Ok(0)
}
