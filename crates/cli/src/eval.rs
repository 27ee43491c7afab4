//! `cannhac eval`: the engine measured on labelled data, with the same definitions as the
//! release scorer (`shared/tools/score`): corpus recall and clean precision, ViHOS mean
//! per-comment character F1 (SemEval-2021 toxic spans), ViHSD flagged share per label.
//!
//! Output goes through one buffered, locked standard output; when its reader goes away
//! (`cannhac eval --vihsd F --show 100 | head`) the command stops quietly ([`crate::finish`]).

use crate::{finish, Fail};
use cannhac_core::{corpus, Category, Engine, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, StdoutLock, Write};
use std::path::Path;

fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

/// Char (Unicode scalar) spans of a text's findings, with their category and severity.
fn char_spans(engine: &Engine, text: &str) -> Vec<(Category, Severity, usize, usize)> {
    corpus::char_findings(text, &engine.analyze(text))
        .into_iter()
        .map(|f| (f.category, f.severity, f.chars.start, f.chars.end))
        .collect()
}

/// One case of the shared links corpus (`links.jsonl`).
#[derive(serde::Deserialize)]
struct LinkCase {
    id: String,
    url: String,
    verdict: String,
    #[serde(default)]
    reasons: Vec<String>,
}

/// The error for line `i` (0-based) of a corpus file that is not a `what`: the file's line and
/// column, and serde's reason without its own position (it counts lines inside the one JSON
/// text, always 1).
fn bad_case(path: &Path, i: usize, e: &serde_json::Error, what: &str) -> Fail {
    let reason = e.to_string();
    let reason = reason.split(" at line ").next().unwrap_or_default();
    Fail(format!(
        "{}:{}:{}: not {what}: {reason}",
        path.display(),
        i + 1,
        e.column()
    ))
}

/// Scores a links corpus (`{"id","url","verdict","reasons"}` lines): a case passes when the
/// verdict is the expected one and every expected reason is among the verdict's reasons (the
/// rule of the corpus README and of `../shared/tools/score links`). Exit 1 when any fails.
fn links_corpus(body: &str, path: &Path) -> Result<u8, Fail> {
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: LinkCase = serde_json::from_str(line)
            .map_err(|e| bad_case(path, i, &e, "a links case ({\"url\", \"verdict\", …})"))?;
        n += 1;
        let v = cannhac_core::links::check_link(&case.url);
        let missing: Vec<&str> = case
            .reasons
            .iter()
            .map(String::as_str)
            .filter(|r| !v.reasons.iter().any(|g| g == r))
            .collect();
        if v.verdict.as_str() != case.verdict || !missing.is_empty() {
            failures.push(format!(
                "{}: {} got {} [{}], expected {} [{}]",
                case.id,
                case.url,
                v.verdict.as_str(),
                v.reasons.join(", "),
                case.verdict,
                case.reasons.join(", ")
            ));
        }
    }
    let mut out = stdout();
    let written = (|| -> std::io::Result<()> {
        writeln!(out, "{n} links from {}", path.display())?;
        for f in &failures {
            writeln!(out, "FAIL {f}")?;
        }
        writeln!(out, "{}/{n} links right", n - failures.len())?;
        out.flush()
    })();
    finish(written, u8::from(!failures.is_empty()))
}

/// Scores a corpus file: posts (`posts.jsonl`) or links (`links.jsonl`, told apart by a `url`
/// field on its first case); exit 1 when any case fails.
pub fn corpus(engine: &Engine, path: &Path) -> Result<u8, Fail> {
    let body = std::fs::read_to_string(path)
        .map_err(|e| Fail(format!("cannot read {}: {e}", path.display())))?;
    let first = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if serde_json::from_str::<serde_json::Value>(first).is_ok_and(|v| v.get("url").is_some()) {
        return links_corpus(&body, path);
    }
    let mut need: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut clean_total, mut clean_ok) = (0, 0);
    let mut failures = Vec::new();
    let mut failed_ids: Vec<String> = Vec::new();
    let mut n = 0;
    for (i, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: corpus::Case = serde_json::from_str(line).map_err(|e| {
            bad_case(
                path,
                i,
                &e,
                "a corpus case ({\"id\", \"text\", \"expect\", …})",
            )
        })?;
        n += 1;
        let outcome = corpus::score(engine, &case);
        if case.expect.is_empty() {
            clean_total += 1;
            clean_ok += usize::from(outcome.found.is_empty());
        }
        for (e, met) in case.expect.iter().zip(&outcome.met) {
            let entry = need.entry(e.category.clone()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(*met);
        }
        if !outcome.passed() {
            failures.push(format!("{}: {}", case.id, case_problems(&outcome.problems)));
            failed_ids.push(case.id.clone());
        }
    }
    let known = known_failures(path, &failed_ids);
    let code = u8::from(!failures.is_empty());
    let mut out = stdout();
    let written = (|| -> std::io::Result<()> {
        writeln!(out, "{n} cases from {}", path.display())?;
        for (cat, (total, met)) in &need {
            let pct = 100.0 * *met as f64 / (*total).max(1) as f64;
            writeln!(out, "{cat:20} recall {met}/{total} = {pct:.1}%")?;
        }
        writeln!(
            out,
            "clean cases without findings: {clean_ok}/{clean_total}"
        )?;
        for f in &failures {
            writeln!(out, "FAIL {f}")?;
        }
        let failed = failures.len();
        writeln!(out, "{} passed, {failed} failed", n - failed)?;
        if let Some(k) = &known {
            writeln!(out, "{k}")?;
        }
        out.flush()
    })();
    finish(written, code)
}

/// For a corpus `DIR/NAME.jsonl` with a list `DIR/NAME-known-failures.txt` beside it (one id
/// first on each line; `#` comments), a line comparing the failing cases `failed` with the
/// list: how many are known, which fail that are not listed, which are listed but pass. `None`
/// without a list (or when it cannot be read).
fn known_failures(path: &Path, failed: &[String]) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let list_path = path.with_file_name(format!("{stem}-known-failures.txt"));
    let list = std::fs::read_to_string(&list_path).ok()?;
    let listed = corpus::known_failure_ids(&list);
    let failing: std::collections::BTreeSet<&str> = failed.iter().map(String::as_str).collect();
    let new: Vec<&str> = failing.difference(&listed).copied().collect();
    let stale: Vec<&str> = listed.difference(&failing).copied().collect();
    let mut line = format!(
        "known failures ({}): {} of {} failures listed",
        list_path.display(),
        failing.len() - new.len(),
        failing.len()
    );
    if new.is_empty() && stale.is_empty() {
        line.push_str(", no new failure");
    }
    if !new.is_empty() {
        line.push_str(&format!("; not listed (new): {}", new.join(" ")));
    }
    if !stale.is_empty() {
        line.push_str(&format!("; listed but passing: {}", stale.join(" ")));
    }
    Some(line)
}

/// The problems of one failing case ([`corpus::Outcome::problems`]) on one line, joined by
/// `; `. Each missed span's problem ends with the same list of what the engine found
/// (`missed CAT "span" (chars s..e); found [...]`): the list is given once, after the last
/// missed span.
fn case_problems(problems: &[String]) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(problems.len() + 1);
    let mut found = None;
    for p in problems {
        match p.strip_prefix("missed ").and(p.split_once("; found ")) {
            Some((missed, list)) => {
                parts.push(missed.to_string());
                found = Some((parts.len(), list));
            }
            None => parts.push(p.clone()),
        }
    }
    if let Some((at, list)) = found {
        parts.insert(at, format!("found {list}"));
    }
    parts.join("; ")
}

/// Opens a CSV and checks its header row: `columns` gives each expected column's index and
/// name. A file of another kind (a ViHOS file given to `--vihsd`) is an error naming both.
fn read_csv(path: &Path, columns: &[(usize, &str)]) -> Result<csv::Reader<std::fs::File>, Fail> {
    let mut rdr = csv::Reader::from_path(path)
        .map_err(|e| Fail(format!("cannot read {}: {e}", path.display())))?;
    let headers = rdr
        .headers()
        .map_err(|e| Fail(format!("cannot read {}: {e}", path.display())))?
        .clone();
    if columns
        .iter()
        .any(|&(i, name)| headers.get(i).map(str::trim) != Some(name))
    {
        let want: Vec<&str> = columns.iter().map(|&(_, n)| n).collect();
        let got: Vec<&str> = headers.iter().collect();
        return Err(Fail(format!(
            "{}: expected the columns {} (header row), found {}",
            path.display(),
            want.join(","),
            got.join(",")
        )));
    }
    Ok(rdr)
}

/// Parses ViHOS `index_spans` such as `"[0, 1, 9]"`.
fn parse_index_list(s: &str) -> Result<BTreeSet<usize>, Fail> {
    let inner = s.trim().trim_start_matches('[').trim_end_matches(']');
    inner
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<usize>()
                .map_err(|e| Fail(format!("bad index_spans {s:?}: {e}")))
        })
        .collect()
}

fn f1(pred: &BTreeSet<usize>, gold: &BTreeSet<usize>) -> f64 {
    if pred.is_empty() && gold.is_empty() {
        return 1.0;
    }
    let tp = pred.intersection(gold).count();
    if tp == 0 {
        return 0.0;
    }
    let p = tp as f64 / pred.len() as f64;
    let r = tp as f64 / gold.len() as f64;
    2.0 * p * r / (p + r)
}

/// ViHOS: mean per-comment F1 of predicted `inflammatory` character offsets.
pub fn vihos(engine: &Engine, path: &Path, show: usize) -> Result<u8, Fail> {
    let mut rdr = read_csv(path, &[(1, "content"), (2, "index_spans")])?;
    let mut out = stdout();
    let (mut total, mut n) = (0.0, 0usize);
    let (mut tp_all, mut pred_all, mut gold_all) = (0usize, 0usize, 0usize);
    let mut shown = 0;
    for rec in rdr.records() {
        let rec = rec?;
        let (Some(content), Some(spans)) = (rec.get(1), rec.get(2)) else {
            return Err(Fail(format!(
                "{}: expected columns ,content,index_spans",
                path.display()
            )));
        };
        let gold = parse_index_list(spans)?;
        let pred: BTreeSet<usize> = char_spans(engine, content)
            .into_iter()
            .filter(|(c, ..)| *c == Category::Inflammatory)
            .flat_map(|(_, _, s, e)| s..e)
            .collect();
        let score = f1(&pred, &gold);
        tp_all += pred.intersection(&gold).count();
        pred_all += pred.len();
        gold_all += gold.len();
        if score < 0.5 && shown < show {
            shown += 1;
            let mark = |set: &BTreeSet<usize>| -> String {
                content
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if set.contains(&i) { c } else { '·' })
                    .collect()
            };
            if let Err(e) = writeln!(
                out,
                "F1 {score:.2} | {content}\n   gold | {}\n   pred | {}",
                mark(&gold),
                mark(&pred)
            ) {
                return finish(Err(e), 0);
            }
        }
        total += score;
        n += 1;
    }
    if n == 0 {
        return Err(Fail(format!("{}: no rows", path.display())));
    }
    let written = writeln!(out, "span F1 {:.3} over {n} comments", total / n as f64)
        .and_then(|()| {
            writeln!(
                out,
                "micro precision {:.3}, recall {:.3} (characters)",
                tp_all as f64 / pred_all.max(1) as f64,
                tp_all as f64 / gold_all.max(1) as f64
            )
        })
        .and_then(|()| out.flush());
    finish(written, 0)
}

/// ViHSD: share of comments with an `inflammatory` finding of severity `warning` or more, per
/// label (0 CLEAN, 1 OFFENSIVE, 2 HATE). With `strip`, each comment loses its diacritics first
/// ([`cannhac_core::text::tone::fold`]).
pub fn vihsd(engine: &Engine, path: &Path, show: usize, strip: bool) -> Result<u8, Fail> {
    let mut rdr = read_csv(path, &[(0, "free_text"), (1, "label_id")])?;
    let mut out = stdout();
    let mut counts: BTreeMap<u8, (usize, usize)> = BTreeMap::new();
    let mut shown = 0;
    for rec in rdr.records() {
        let rec = rec?;
        let (Some(raw), Some(label)) = (rec.get(0), rec.get(1)) else {
            return Err(Fail(format!(
                "{}: expected columns free_text,label_id",
                path.display()
            )));
        };
        let label: u8 = label
            .trim()
            .parse()
            .map_err(|e| Fail(format!("bad label_id {label:?}: {e}")))?;
        if label > 2 {
            return Err(Fail(format!(
                "bad label_id {label}: expected 0 (CLEAN), 1 (OFFENSIVE) or 2 (HATE)"
            )));
        }
        let folded;
        let text = if strip {
            folded = cannhac_core::text::tone::fold(raw);
            folded.as_str()
        } else {
            raw
        };
        let flagged = char_spans(engine, text)
            .iter()
            .any(|(c, s, ..)| *c == Category::Inflammatory && *s >= Severity::Warning);
        let e = counts.entry(label).or_default();
        e.1 += 1;
        if flagged {
            e.0 += 1;
        }
        if shown < show && (flagged == (label == 0)) {
            shown += 1;
            let kind = if flagged { "FP" } else { "FN" };
            if let Err(e) = writeln!(out, "{kind} label {label}: {text}") {
                return finish(Err(e), 0);
            }
        }
    }
    let written = (|| -> std::io::Result<()> {
        for (label, (k, n)) in &counts {
            let name = match label {
                0 => "CLEAN",
                1 => "OFFENSIVE",
                2 => "HATE",
                _ => "?",
            };
            writeln!(
                out,
                "{name:10} flagged {k}/{n} = {:.1}%",
                100.0 * *k as f64 / (*n).max(1) as f64
            )?;
        }
        out.flush()
    })();
    finish(written, 0)
}
