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

/// `cannhac link`: human lines or JSON (an object for one URL, an array for several).
pub fn links(urls: &[String], as_json: bool) -> Result<u8, Fail> {
    let verdicts: Vec<_> = urls.iter().map(|u| cannhac_core::links::check_link(u)).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if as_json {
        let v = if verdicts.len() == 1 {
            serde_json::to_value(&verdicts[0])?
        } else {
            serde_json::to_value(&verdicts)?
        };
        writeln!(out, "{v}")?;
    } else {
        for (u, v) in urls.iter().zip(&verdicts) {
            let verdict = serde_json::to_value(v.verdict)?;
            writeln!(out, "{u}\n  verdict: {}", verdict.as_str().unwrap_or("?"))?;
            if !v.reasons.is_empty() {
                let r = serde_json::to_value(&v.reasons)?;
                writeln!(out, "  reasons: {r}")?;
            }
            writeln!(out, "  {}\n  {}", v.explanation.vi, v.explanation.en)?;
        }
    }
    Ok(0)
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
