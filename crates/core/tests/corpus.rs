//! The shared corpus (`tests/corpus/posts.jsonl`, a copy of `../shared/corpus/posts.jsonl`)
//! checked case by case with the rules of the corpus README:
//! - each `expect` entry needs a finding of that category whose span overlaps the first
//!   occurrence of `span` in `text` (compared in Unicode scalar values, "chars");
//! - `expect: []` means no finding of any category;
//! - `forbid` names categories that must not appear at all.
//!
//! One test runs every case and reports all failing cases at once, with their ids.

use cannhac_core::offsets::OffsetConverter;
use cannhac_core::{Config, Engine, Report};
use serde::Deserialize;
use std::collections::BTreeSet;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/corpus/posts.jsonl"
);

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    expect: Vec<Expect>,
    #[serde(default)]
    forbid: Vec<String>,
}

#[derive(Deserialize)]
struct Expect {
    category: String,
    span: String,
}

fn load() -> Vec<Case> {
    let body = std::fs::read_to_string(CORPUS).unwrap_or_else(|e| panic!("read {CORPUS}: {e}"));
    body.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{CORPUS}:{}: {e}", i + 1)))
        .collect()
}

/// Each finding as `(category id, chars start, chars end, text)`.
fn char_findings(text: &str, report: &Report) -> Vec<(&'static str, usize, usize, String)> {
    let mut conv = OffsetConverter::new(text);
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.category.as_str(),
                conv.units(f.span.start).chars,
                conv.units(f.span.end).chars,
                text[f.span.clone()].to_string(),
            )
        })
        .collect()
}

/// Why `case` fails, one line per problem; empty when it passes.
fn problems(engine: &Engine, case: &Case) -> Vec<String> {
    let report = engine.analyze(&case.text);
    let found = char_findings(&case.text, &report);
    let mut out = Vec::new();
    let show = |f: &[(&str, usize, usize, String)]| -> String {
        let v: Vec<String> = f
            .iter()
            .map(|(c, s, e, t)| format!("{c} {s}..{e} {t:?}"))
            .collect();
        format!("[{}]", v.join(", "))
    };
    if case.expect.is_empty() && !found.is_empty() {
        out.push(format!("clean text got {}", show(&found)));
    }
    for e in &case.expect {
        let Some(b) = case.text.find(&e.span) else {
            out.push(format!("expected span {:?} is not in the text", e.span));
            continue;
        };
        let es = case.text[..b].chars().count();
        let ee = es + e.span.chars().count();
        if !found
            .iter()
            .any(|(c, s, t, _)| *c == e.category && *s < ee && *t > es)
        {
            out.push(format!(
                "missed {} {:?} (chars {es}..{ee}); found {}",
                e.category,
                e.span,
                show(&found)
            ));
        }
    }
    for cat in &case.forbid {
        let bad: Vec<_> = found.iter().filter(|f| f.0 == cat).cloned().collect();
        if !bad.is_empty() {
            out.push(format!("forbidden {cat} found: {}", show(&bad)));
        }
    }
    out
}

#[test]
fn every_corpus_case_passes() {
    let engine = Engine::new(Config::default()).expect("built-in lexicons compile");
    let cases = load();
    assert!(
        cases.len() >= 100,
        "only {} cases in {CORPUS}: is the copy truncated?",
        cases.len()
    );
    let ids: BTreeSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), cases.len(), "duplicate case ids in {CORPUS}");
    assert!(
        cases.iter().any(|c| c.expect.is_empty()) && cases.iter().any(|c| !c.expect.is_empty()),
        "the corpus should hold both clean and flagged cases"
    );

    let mut failing = Vec::new();
    for case in &cases {
        let p = problems(&engine, case);
        if !p.is_empty() {
            failing.push(format!("{}:\n    {}", case.id, p.join("\n    ")));
        }
    }
    assert!(
        failing.is_empty(),
        "{} of {} corpus cases fail:\n{}",
        failing.len(),
        cases.len(),
        failing.join("\n")
    );
}

/// The checker itself: a wrong expectation, a missed category and a forbidden category are
/// each reported (so the corpus test above can fail).
#[test]
fn checker_reports_each_kind_of_failure() {
    let engine = Engine::new(Config::default()).expect("built-in lexicons compile");
    let case = |expect: Vec<(&str, &str)>, forbid: Vec<&str>| Case {
        id: "self-test".into(),
        text: "TÀI LIỆU MẬT - không được sao chụp.".into(),
        expect: expect
            .into_iter()
            .map(|(c, s)| Expect {
                category: c.into(),
                span: s.into(),
            })
            .collect(),
        forbid: forbid.into_iter().map(String::from).collect(),
    };
    assert!(problems(
        &engine,
        &case(vec![("internal_document", "TÀI LIỆU MẬT")], vec![])
    )
    .is_empty());
    let p = problems(&engine, &case(vec![("inflammatory", "MẬT")], vec![]));
    assert!(
        p.len() == 1 && p[0].starts_with("missed inflammatory"),
        "{p:?}"
    );
    let p = problems(&engine, &case(vec![], vec![]));
    assert!(p.len() == 1 && p[0].starts_with("clean text got"), "{p:?}");
    let p = problems(&engine, &case(vec![], vec!["internal_document"]));
    assert!(
        p.iter()
            .any(|l| l.starts_with("forbidden internal_document")),
        "{p:?}"
    );
    let p = problems(
        &engine,
        &case(vec![("internal_document", "not there")], vec![]),
    );
    assert!(p[0].contains("is not in the text"), "{p:?}");
}
