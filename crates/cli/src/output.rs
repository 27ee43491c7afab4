//! Human and JSON output of findings, link verdicts and duties.

use crate::Fail;
use cannhac_core::offsets::OffsetConverter;
use cannhac_core::{Finding, Report};
use serde_json::{json, Value};
use std::io::Write;

/// Findings as the JSON the CLI prints: each with its span in bytes, chars and UTF-16 units.
pub fn findings_json(text: &str, findings: &[Finding]) -> Vec<Value> {
    let mut conv = OffsetConverter::new(text);
    findings
        .iter()
        .map(|f| {
            let s = conv.units(f.span.start);
            let e = conv.units(f.span.end);
            json!({
                "category": f.category,
                "severity": f.severity,
                "rule_id": f.rule_id,
                "message": f.message,
                "duties": f.duties,
                "suggestion": f.suggestion,
                "text": &text[f.span.clone()],
                "span": {
                    "bytes": [s.bytes, e.bytes],
                    "chars": [s.chars, e.chars],
                    "utf16": [s.utf16, e.utf16],
                },
            })
        })
        .collect()
}

/// `name:line:col: severity category [rule]: message`, then the line with the span underlined.
pub fn human(out: &mut impl Write, name: &str, text: &str, report: &Report) -> Result<(), Fail> {
    if report.findings.is_empty() {
        writeln!(out, "{name}: nothing to weigh — no findings")?;
        return Ok(());
    }
    for f in &report.findings {
        let line_start = text[..f.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_no = text[..f.span.start].matches('\n').count() + 1;
        let line_end = text[f.span.start..].find('\n').map_or(text.len(), |i| f.span.start + i);
        let col = text[line_start..f.span.start].chars().count() + 1;
        writeln!(
            out,
            "{name}:{line_no}:{col}: {} {} [{}]: {}",
            f.severity, f.category, f.rule_id, f.message.vi
        )?;
        writeln!(out, "    {}", f.message.en)?;
        let line = &text[line_start..line_end];
        writeln!(out, "  | {}", line.replace('\t', " "))?;
        let pad = " ".repeat(text[line_start..f.span.start].chars().count());
        let width = text[f.span.start..f.span.end.min(line_end)].chars().count().max(1);
        writeln!(out, "  | {pad}{}", "^".repeat(width))?;
        if !f.duties.is_empty() {
            let d: Vec<String> = f.duties.iter().map(u8::to_string).collect();
            writeln!(out, "    duties: {}", d.join(", "))?;
        }
        if let Some(s) = &f.suggestion {
            writeln!(out, "    suggestion: {s:?}")?;
        }
    }
    let n = report.findings.len();
    writeln!(out, "{n} finding(s)")?;
    Ok(())
}

/// `cannhac link`: human lines or JSON (an object for one URL, an array for several), each
/// object the [`cannhac_core::links::LinkVerdict`] fields (`verdict`, `reasons` as code strings,
/// `registrable_domain`, `host_unicode`, `host_punycode`, `lookalike_of`, `known_as`,
/// `explanation` {vi, en}) plus the `url` as given. Exit code 1 when any link is `caution` or
/// `suspicious`, else 0.
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
            writeln!(out, "{u}\n  verdict: {}", v.verdict.as_str())?;
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
        for d in duties() {
            let judged = if d.is_manual() {
                "manual".to_string()
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
