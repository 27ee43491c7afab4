//! The shared corpus (`tests/corpus/posts.jsonl`, a copy of `../shared/corpus/posts.jsonl`)
//! checked case by case with the rules of the corpus README:
//! - each `expect` entry needs a finding of that category whose span overlaps the first
//!   occurrence of `span` in `text` (compared in Unicode scalar values, "chars");
//! - `expect: []` means no finding of any category;
//! - `forbid` names categories that must not appear at all.
//!
//! One test runs every case and reports all failing cases at once, with their ids. The
//! adversarial set (`adversarial.jsonl`, blind rounds) may fail only where
//! `adversarial-known-failures.txt` says why; the breaker set (`breaker-cases.jsonl`) may not
//! fail at all. The rules
//! live in `cannhac_core::corpus` (shared with `cannhac eval`); the second test checks that
//! they can fail.

use cannhac_core::corpus::{score, Case, Expect};
use cannhac_core::{Config, Engine, Severity};
use std::collections::BTreeSet;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/corpus/posts.jsonl"
);
/// Posts written blind by an adversarial tester (tricky clean posts and risky posts in forms
/// the rules were not written for), in the corpus format.
const ADVERSARIAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/corpus/adversarial.jsonl"
);
/// The ids of the adversarial cases known to fail, one per line, each with its reason in
/// `adversarial-known-failures.txt`.
const KNOWN_FAILURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/corpus/adversarial-known-failures.txt"
);

fn load() -> Vec<Case> {
    load_from(CORPUS)
}

fn load_from(path: &str) -> Vec<Case> {
    let body = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    body.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1)))
        .collect()
}

/// Why `case` fails, one line per problem; empty when it passes.
fn problems(engine: &Engine, case: &Case) -> Vec<String> {
    score(engine, case).problems
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

/// The adversarial set fails exactly on its known failures: a case that starts failing is a
/// regression, and a known failure that now passes must leave the list (so the list stays a
/// true record of what the rules miss).
#[test]
fn adversarial_cases_fail_only_where_known() {
    let engine = Engine::new(Config::default()).expect("built-in lexicons compile");
    let cases = load_from(ADVERSARIAL);
    assert!(cases.len() >= 300, "only {} adversarial cases", cases.len());
    let known_text = std::fs::read_to_string(KNOWN_FAILURES)
        .unwrap_or_else(|e| panic!("read {KNOWN_FAILURES}: {e}"));
    let known = cannhac_core::corpus::known_failure_ids(&known_text);
    let mut new_failures = Vec::new();
    let mut fixed = Vec::new();
    for case in &cases {
        let p = problems(&engine, case);
        match (p.is_empty(), known.contains(case.id.as_str())) {
            (false, false) => new_failures.push(format!("{}:\n    {}", case.id, p.join("\n    "))),
            (true, true) => fixed.push(case.id.clone()),
            _ => {}
        }
    }
    assert!(
        new_failures.is_empty(),
        "{} adversarial cases fail that did not before:\n{}",
        new_failures.len(),
        new_failures.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "these known failures now pass; remove them from {KNOWN_FAILURES}: {fixed:?}"
    );
}

/// Cases a breaker wrote against a session's new rules (mostly clean posts holding the new
/// phrases in innocent senses), kept where the rules got them right when they were added:
/// every one must still pass.
const BREAKER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/corpus/breaker-cases.jsonl"
);

#[test]
fn breaker_cases_still_pass() {
    let engine = Engine::new(Config::default()).expect("built-in lexicons compile");
    let cases = load_from(BREAKER);
    assert!(cases.len() >= 100, "only {} breaker cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let p = problems(&engine, case);
            (!p.is_empty()).then(|| format!("{}:\n    {}", case.id, p.join("\n    ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} breaker cases fail:\n{}",
        failures.len(),
        failures.join("\n")
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
                severity: None,
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

/// An `expect` entry's `severity` (the project's addition to the corpus format) is a floor:
/// a finding of the category over the span but gentler does not meet it.
#[test]
fn expected_severity_is_a_floor() {
    let engine = Engine::new(Config::default()).expect("built-in lexicons compile");
    let case = |text: &str, span: &str, severity: Option<Severity>| Case {
        id: "severity-test".into(),
        text: text.into(),
        expect: vec![Expect {
            category: "personal_data".into(),
            span: span.into(),
            severity,
        }],
        forbid: Vec::new(),
    };
    // A stranger's number alone: a `warning`.
    let text = "Số của chị Lan hàng xóm là 0912 345 678";
    assert!(problems(&engine, &case(text, "0912 345 678", None)).is_empty());
    assert!(problems(
        &engine,
        &case(text, "0912 345 678", Some(Severity::Warning))
    )
    .is_empty());
    let p = problems(&engine, &case(text, "0912 345 678", Some(Severity::High)));
    assert!(p.len() == 1 && p[0].contains("of at least high"), "{p:?}");
    // With a call to harass it: `high`.
    let text = "Số của chị Lan hàng xóm là 0912 345 678, mọi người gọi chửi nó đi";
    assert!(problems(&engine, &case(text, "0912 345 678", Some(Severity::High))).is_empty());
}
