//! The config's custom phrases and allow-list: custom phrases that are new to the lexicon go
//! through the automaton built at start-up; ones that repeat a built-in phrase share the
//! built-in automaton's pattern; both must be found, with the custom rule and severity.

use cannhac_core::{Category, Config, CustomPhrase, Engine, Severity};

fn engine_with(custom: &[(&str, Category, Severity)], allow: &[&str]) -> Engine {
    Engine::new(Config {
        custom_phrases: custom
            .iter()
            .map(|&(p, category, severity)| CustomPhrase {
                phrase: p.to_string(),
                category,
                severity,
            })
            .collect(),
        allow: allow.iter().map(|a| a.to_string()).collect(),
        ..Config::default()
    })
    .expect("valid config")
}

fn custom_spans(e: &Engine, text: &str) -> Vec<(String, Severity)> {
    e.analyze(text)
        .findings
        .into_iter()
        .filter(|f| f.rule_id.ends_with(".custom"))
        .map(|f| (text[f.span].to_string(), f.severity))
        .collect()
}

#[test]
fn new_custom_phrase_is_found_with_and_without_diacritics() {
    let e = engine_with(
        &[(
            "Dự án Bông Sen Vàng",
            Category::InternalDocument,
            Severity::High,
        )],
        &[],
    );
    assert_eq!(
        custom_spans(&e, "Họp kín về dự án bông sen vàng chiều nay."),
        [("dự án bông sen vàng".to_string(), Severity::High)]
    );
    assert_eq!(
        custom_spans(&e, "hop kin ve du an bong sen vang chieu nay"),
        [("du an bong sen vang".to_string(), Severity::High)]
    );
    assert!(custom_spans(&e, "Dự án nhà ở xã hội Sen Vàng").is_empty());
}

#[test]
fn custom_phrase_equal_to_a_builtin_phrase_is_found_as_custom() {
    // "lưu hành nội bộ" is a built-in internal-document mark; the custom phrase is given
    // another category so that the two findings are not merged (findings of one category
    // that overlap are).
    let e = engine_with(
        &[("lưu hành nội bộ", Category::Insinuation, Severity::Warning)],
        &[],
    );
    let text = "Tài liệu lưu hành nội bộ, không chia sẻ.";
    assert_eq!(
        custom_spans(&e, text),
        [("lưu hành nội bộ".to_string(), Severity::Warning)]
    );
    // The built-in finding is still there too.
    assert!(e
        .analyze(text)
        .findings
        .iter()
        .any(|f| f.category == Category::InternalDocument && f.severity == Severity::High));
}

#[test]
fn two_custom_phrases_with_the_same_keys_both_report() {
    let e = engine_with(
        &[
            ("mã dự án X1", Category::InternalDocument, Severity::Warning),
            ("Mã Dự Án x1", Category::InternalDocument, Severity::High),
        ],
        &[],
    );
    let found = custom_spans(&e, "Đây là mã dự án X1 nhé");
    assert!(found.iter().any(|(_, s)| *s == Severity::High), "{found:?}");
}

#[test]
fn allow_list_drops_a_finding_inside_it() {
    let text = "Thằng ngu nào đỗ xe chắn cổng vậy";
    let plain = engine_with(&[], &[]);
    assert!(plain
        .analyze(text)
        .findings
        .iter()
        .any(|f| f.category == Category::Inflammatory));
    let allowed = engine_with(&[], &["thằng ngu nào"]);
    assert!(!allowed
        .analyze(text)
        .findings
        .iter()
        .any(|f| f.category == Category::Inflammatory && &text[f.span.clone()] == "ngu"));
}

/// A custom phrase with punctuation inside is found as typed (a breaker's finding: such
/// phrases were never matched, so the guard never asked).
#[test]
fn custom_phrase_with_punctuation_inside_is_found() {
    let phrases = [
        "Kế hoạch K.35",
        "C-17",
        "Đề án 06/BCA",
        "Mật danh: Bông Sen",
        "Đợt 1 / 2025",
    ];
    let custom: Vec<_> = phrases
        .iter()
        .map(|&p| (p, Category::InternalDocument, Severity::High))
        .collect();
    let e = engine_with(&custom, &[]);
    for p in phrases {
        let text = format!("Anh em xem {p} nhé");
        assert_eq!(
            custom_spans(&e, &text),
            [(p.to_string(), Severity::High)],
            "{text}"
        );
    }
    // A phrase without punctuation still does not cross the text's.
    let e = engine_with(
        &[("dự án Hoa Sen", Category::InternalDocument, Severity::High)],
        &[],
    );
    assert!(custom_spans(&e, "Xong dự án. Hoa Sen nở rồi").is_empty());
}
