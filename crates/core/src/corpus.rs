//! Labelled cases in the shared corpus format (`../shared/corpus/README.md`, copied into the
//! project's `tests/corpus/posts.jsonl`) and the rules that decide whether the engine passes
//! one. Both the project's corpus test and `cannhac eval` score cases through [`score`], so
//! they cannot drift apart.
//!
//! The rules, as the corpus README states them:
//! - each `expect` entry needs a finding of that category whose span overlaps the first
//!   occurrence of `span` in `text`, compared in Unicode scalar values ("chars");
//! - `expect: []` means the text is clean: no finding of any category or severity;
//! - `forbid` names categories that must not appear at all;
//! - (the project's own addition, absent from the shared cases) an `expect` entry may give a
//!   `severity`: the overlapping finding must then be at least that severe.

use crate::offsets::OffsetConverter;
use crate::{Category, Engine, Report, Severity};
use serde::Deserialize;
use std::ops::Range;

/// One corpus case: a JSON object of a `posts.jsonl` line. Unknown fields (`note`) are ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// Stable case id (`int-001`).
    pub id: String,
    /// The post, exactly as given (it may be NFD, unaccented or hold look-alikes on purpose).
    pub text: String,
    /// What must be found; empty for a clean text.
    pub expect: Vec<Expect>,
    /// Category ids (`inflammatory` …) that must not appear anywhere in the report.
    #[serde(default)]
    pub forbid: Vec<String>,
}

/// One expected finding of a [`Case`].
#[derive(Debug, Clone, Deserialize)]
pub struct Expect {
    /// Category id (`internal_document` …), as [`Category::as_str`] spells it.
    pub category: String,
    /// An exact substring of the case's text; its first occurrence must be overlapped.
    pub span: String,
    /// The least severity the overlapping finding must have (`"info"`, `"warning"`, `"high"`),
    /// when given. Not in the shared corpus format (its cases never carry it, so the release
    /// scorer and this module agree on them); the project's breaker cases use it for findings
    /// that must not be gentler ("a call to harass makes the number `high`").
    #[serde(default)]
    pub severity: Option<Severity>,
}

/// A finding with its span in Unicode scalar values (chars) of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharFinding {
    /// The finding's category.
    pub category: Category,
    /// The finding's severity.
    pub severity: Severity,
    /// Start and end, in chars of the analysed text.
    pub chars: Range<usize>,
    /// The text under the span.
    pub text: String,
}

/// The findings of `report` (made on `text`) with char spans, in report order. Empty for an
/// empty report.
pub fn char_findings(text: &str, report: &Report) -> Vec<CharFinding> {
    let mut conv = OffsetConverter::new(text);
    report
        .findings
        .iter()
        .map(|f| CharFinding {
            category: f.category,
            severity: f.severity,
            chars: conv.units(f.span.start).chars..conv.units(f.span.end).chars,
            text: text.get(f.span.clone()).unwrap_or_default().to_string(),
        })
        .collect()
}

/// How the engine did on one case.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// What the engine found, with char spans.
    pub found: Vec<CharFinding>,
    /// For each `expect` entry of the case, in order, whether it was met.
    pub met: Vec<bool>,
    /// Why the case fails, one line per problem; empty when it passes.
    pub problems: Vec<String>,
}

impl Outcome {
    /// Whether the case passes.
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The case ids of a known-failures list (`tests/corpus/adversarial-known-failures.txt`): the
/// first word of each line, each followed by the reason; blank lines and `#` comments are
/// skipped. Both the project's corpus test and `cannhac eval` read a list through this.
pub fn known_failure_ids(list: &str) -> std::collections::BTreeSet<&str> {
    list.lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|id| !id.starts_with('#'))
        .collect()
}

/// Runs `engine` on `case` and applies the corpus rules (see the module documentation).
pub fn score(engine: &Engine, case: &Case) -> Outcome {
    let found = char_findings(&case.text, &engine.analyze(&case.text));
    let show = |f: &[&CharFinding]| -> String {
        let v: Vec<String> = f
            .iter()
            .map(|f| {
                format!(
                    "{} {}..{} {:?}",
                    f.category.as_str(),
                    f.chars.start,
                    f.chars.end,
                    f.text
                )
            })
            .collect();
        format!("[{}]", v.join(", "))
    };
    let all: Vec<&CharFinding> = found.iter().collect();
    let mut problems = Vec::new();
    if case.expect.is_empty() && !found.is_empty() {
        problems.push(format!("clean text got {}", show(&all)));
    }
    let mut met = Vec::with_capacity(case.expect.len());
    for e in &case.expect {
        let Some(b) = case.text.find(&e.span) else {
            problems.push(format!("expected span {:?} is not in the text", e.span));
            met.push(false);
            continue;
        };
        let es = case.text[..b].chars().count();
        let ee = es + e.span.chars().count();
        let hit = found.iter().any(|f| {
            f.category.as_str() == e.category
                && f.chars.start < ee
                && f.chars.end > es
                && e.severity.is_none_or(|s| f.severity >= s)
        });
        if !hit {
            let least = e
                .severity
                .map(|s| format!(" of at least {}", s.as_str()))
                .unwrap_or_default();
            problems.push(format!(
                "missed {}{least} {:?} (chars {es}..{ee}); found {}",
                e.category,
                e.span,
                show(&all)
            ));
        }
        met.push(hit);
    }
    for cat in &case.forbid {
        let bad: Vec<&CharFinding> = found
            .iter()
            .filter(|f| f.category.as_str() == cat)
            .collect();
        if !bad.is_empty() {
            problems.push(format!("forbidden {cat} found: {}", show(&bad)));
        }
    }
    Outcome {
        found,
        met,
        problems,
    }
}
