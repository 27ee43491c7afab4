//! Properties of `Engine::analyze` on any text, and the bad inputs of issue 2: it never
//! panics; every span is a non-empty range on `char` boundaries inside the text; findings are
//! sorted by span start (then end, then category); two findings of one category never
//! overlap. (Invalid UTF-8 cannot reach `analyze` — a `&str` is always valid — so the CLI's
//! tests cover it.)

use cannhac_core::{Config, Engine, Report};
use proptest::prelude::*;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Config::default()).expect("built-in lexicons compile"))
}

/// Checks the span invariants; `Err` names the first broken one.
fn check_invariants(text: &str, report: &Report) -> Result<(), String> {
    for f in &report.findings {
        let s = &f.span;
        if !(s.start < s.end && s.end <= text.len()) {
            return Err(format!(
                "{} span {s:?} outside 0..{}",
                f.rule_id,
                text.len()
            ));
        }
        if !(text.is_char_boundary(s.start) && text.is_char_boundary(s.end)) {
            return Err(format!("{} span {s:?} splits a character", f.rule_id));
        }
        if f.duties.is_empty() {
            return Err(format!("{} has no duties", f.rule_id));
        }
    }
    for w in report.findings.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if (a.span.start, a.span.end, a.category) > (b.span.start, b.span.end, b.category) {
            return Err(format!(
                "not sorted: {} {:?} before {} {:?}",
                a.rule_id, a.span, b.rule_id, b.span
            ));
        }
    }
    for (i, a) in report.findings.iter().enumerate() {
        for b in &report.findings[i + 1..] {
            if a.category == b.category && a.span.start < b.span.end && b.span.start < a.span.end {
                return Err(format!(
                    "two {} findings overlap: {:?} and {:?}",
                    a.category, a.span, b.span
                ));
            }
        }
    }
    Ok(())
}

fn analyze_checked(text: &str) -> Report {
    let report = engine().analyze(text);
    if let Err(e) = check_invariants(text, &report) {
        panic!("{e}\ntext: {text:?}\nreport: {report:#?}");
    }
    report
}

/// Pieces that stress the text model: Vietnamese syllables (flagged and clean, NFC and NFD,
/// old tone placement), lexicon words, combining marks, emoji (with modifiers and ZWJ),
/// invisible characters, Cyrillic and Greek look-alikes, full-width letters, digits,
/// separators and punctuation, line breaks.
fn piece() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "thằng",
        "ngu",
        "nguồn",
        "Nguyễn",
        "ngủ",
        "mật",
        "MẬT",
        "TÀI LIỆU",
        "ong",
        "các",
        "bạn",
        "đ.m",
        "đ m",
        "d-m",
        "n g u",
        "nguuuuu",
        "hoà",
        "HOẢ TỐC",
        "thuý",
        "quý",
        "gì",
        "nghe",
        "nói",
        "share",
        "gấp",
        "Số:",
        "125/BC-UBND",
        "Kính gửi:",
        "Nơi nhận:",
        "Lưu: VT",
        "mày",
        "chó",
        "chết",
        "ai",
        "hiểu",
        "thì",
        "0912 345 678",
        "+84 912345678",
        "079201001234",
        "a.b@gmail.com",
        "https://bit.ly/x",
        "http://vnexpresss.net",
        "vietcombạnk.com",
        "CCCD",
        "STK",
        "ngõ",
        "số nhà",
        "!!!",
        "KHÔNG",
        "ĐƯỢC",
        "NÓI",
        "Tha\u{306}\u{300}ng",
        "ngу",
        "n\u{200B}gu",
        "ｎｇｕ",
        "😀",
        "👍🏽",
        "👨‍👩‍👧",
        "🇻🇳",
        "\u{FEFF}",
        "\u{00AD}",
        "\u{200D}",
        "\u{0301}",
        "\u{0323}\u{0309}",
        "𝐧𝐠𝐮",
        "αβγ",
        "中文",
        "ก",
        "\u{10FFFF}",
        "\u{E000}",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        4 => words,
        2 => "[a-zA-ZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]{1,7}",
        1 => "[ \n\t.,;:!?/\\-()\"'…—]{1,3}",
        1 => "[0-9]{1,12}",
        1 => "[\u{0300}-\u{036F}]{1,8}",
        1 => "[\u{0400}-\u{04FF}\u{0370}-\u{03FF}]{1,4}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn assembled() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            piece(),
            prop::sample::select(vec!["", " ", "  ", "\n", ". "]),
        ),
        0..40,
    )
    .prop_map(|v| v.into_iter().map(|(p, sep)| p + sep).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string(text in any::<String>()) {
        analyze_checked(&text);
    }

    #[test]
    fn vietnamese_like_text(text in assembled()) {
        analyze_checked(&text);
    }

    /// The same text after a line holding only an emoji or astral character: the same findings,
    /// shifted by the prefix's bytes (UTF-16 surrogate pairs and multi-byte characters before a
    /// finding never move it).
    #[test]
    fn a_prefix_shifts_spans_exactly(text in assembled(), prefix in prop::sample::select(vec![
        "😀\n", "👨‍👩‍👧\n", "🇻🇳\n", "𝄞\n", "\u{10FFFD}\n",
    ])) {
        let plain = analyze_checked(&text);
        let shifted = analyze_checked(&format!("{prefix}{text}"));
        let a: Vec<_> = plain.findings.iter()
            .map(|f| (f.category, f.rule_id.clone(), f.span.start + prefix.len(), f.span.end + prefix.len()))
            .collect();
        let b: Vec<_> = shifted.findings.iter()
            .map(|f| (f.category, f.rule_id.clone(), f.span.start, f.span.end))
            .collect();
        prop_assert_eq!(a, b);
    }
}

#[test]
fn empty_and_whitespace_only() {
    for t in [
        "",
        " ",
        "\n",
        "\t \r\n  ",
        "\u{00A0}\u{2003}\u{3000}",
        "\u{2028}\u{2029}",
    ] {
        let r = analyze_checked(t);
        assert!(r.findings.is_empty(), "{t:?} gave {:?}", r.findings);
    }
    // Invisible characters only: nothing to match on either.
    let r = analyze_checked("\u{200B}\u{200C}\u{200D}\u{FEFF}\u{00AD}\u{2060}");
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

/// A short sentence with exactly one finding, repeated: each copy keeps its finding, at its
/// own place, however long the text gets.
fn repeated(unit: &str, bytes: usize, sep: &str) -> (String, usize) {
    let n = bytes / (unit.len() + sep.len()) + 1;
    let text = vec![unit; n].join(sep);
    (text, n)
}

#[test]
fn single_100_kb_line() {
    let unit = "Thằng ngu nào đỗ xe chắn cổng trường vậy, mọi người đi học muộn hết cả.";
    let one = analyze_checked(unit);
    assert_eq!(one.findings.len(), 1, "{:?}", one.findings);
    let (text, n) = repeated(unit, 100 * 1024, " ");
    assert!(!text.contains('\n') && text.len() >= 100 * 1024);
    let r = analyze_checked(&text);
    assert_eq!(r.findings.len(), n, "one finding per copy");
    let first = &one.findings[0];
    for (i, f) in r.findings.iter().enumerate() {
        let off = i * (unit.len() + 1);
        assert_eq!(
            f.span,
            first.span.start + off..first.span.end + off,
            "copy {i}"
        );
        assert_eq!(f.rule_id, first.rule_id);
    }
}

#[test]
fn one_megabyte_of_text() {
    let unit = "Mấy hôm nay nghe nói giá điện sắp tăng, không biết có đúng không. \
                Cả nhà nhớ tắt điều hòa khi ra khỏi phòng nhé.";
    let one = analyze_checked(unit);
    assert!(!one.findings.is_empty());
    let (text, n) = repeated(unit, 1024 * 1024, "\n");
    let r = analyze_checked(&text);
    assert_eq!(r.findings.len(), n * one.findings.len());
    assert_eq!(r.findings.last().map(|f| f.span.end), {
        let off = (n - 1) * (unit.len() + 1);
        one.findings.last().map(|f| f.span.end + off)
    });
}

#[test]
fn long_runs_without_spaces_or_letters() {
    // Worst cases for tokenisers: one 256 KB "word", 256 KB of punctuation, long runs of
    // single letters (the dodge scanner joins neighbouring ones).
    analyze_checked(&"a".repeat(256 * 1024));
    analyze_checked(&"ngu".repeat(90_000));
    analyze_checked(&"!".repeat(256 * 1024));
    analyze_checked(&"đ.".repeat(90_000));
    analyze_checked(&"đ m ".repeat(5_000));
    analyze_checked(&"1 ".repeat(130_000));
}

#[test]
fn fifty_stacked_combining_marks() {
    let marks: String = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}']
        .iter()
        .cycle()
        .take(50)
        .collect();
    for t in [
        format!("a{marks}"),
        marks.clone(),
        format!("Thằng ngu{marks} này"),
        format!("Thằng n{marks}gu này"),
        format!("TÀI LIỆU MẬT{marks}"),
        format!("ngu{marks} ").repeat(2_000),
    ] {
        analyze_checked(&t);
    }
    // Marks after a finding's last letter stay inside its span: the span never ends between
    // a base letter and its marks.
    let t = format!("Thằng ngu{marks} này");
    let r = analyze_checked(&t);
    for f in &r.findings {
        let next = t[f.span.end..].chars().next();
        assert!(
            !next.is_some_and(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
            "span {:?} ends before a combining mark",
            f.span
        );
    }
}

#[test]
fn every_unicode_plane() {
    // Samples from each of the 17 planes: the first and last scalar values of the plane and a
    // few assigned ones (CJK, symbols, emoji, tags, private use), plus the edges of the
    // surrogate gap, around a finding.
    let mut samples: Vec<char> = Vec::new();
    for plane in 0u32..=16 {
        for off in [0x0000, 0x0041, 0x4E00, 0xF600, 0xFFFD, 0xFFFF] {
            if let Some(c) = char::from_u32(plane * 0x1_0000 + off) {
                samples.push(c);
            }
        }
    }
    samples.extend([
        '\u{D7FF}',
        '\u{E000}',
        '\u{E0041}',
        '\u{E007F}',
        '\u{1F600}',
        '\u{2A6D6}',
    ]);
    let all: String = samples.iter().collect();
    analyze_checked(&all);
    for c in &samples {
        let t = format!("{c} Thằng ngu {c} này {c}");
        let r = analyze_checked(&t);
        assert!(
            r.findings.iter().any(|f| t[f.span.clone()].contains("ngu")),
            "U+{:04X} around the insult hid it: {:?}",
            *c as u32,
            r.findings
        );
    }
}

#[test]
fn control_characters_and_nul() {
    // NUL, bell, escape sequences and C1 controls around a finding (separated by spaces: an
    // ANSI code glued to a word, "[31mThằng", is one token under UAX #29).
    let t = "\u{0}\u{1}\u{7} \u{1B}[31m Thằng ngu \u{1B}[0m\u{7F}\u{85}\u{9F}";
    let r = analyze_checked(t);
    assert!(
        r.findings.iter().any(|f| t[f.span.clone()].contains("ngu")),
        "{:?}",
        r.findings
    );
    analyze_checked(&"\u{0}".repeat(10_000));
}
