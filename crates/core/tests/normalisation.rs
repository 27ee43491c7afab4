//! Each step of the Vietnamese text model, end to end through `Engine::analyze`: the finding
//! is still found when the text is written in another Unicode form or dodges a filter, and its
//! span stays exact in the caller's original bytes. Then the accent policy and the false-alarm
//! guards (whole-syllable matching, diacritics decide meaning).

use cannhac_core::offsets::OffsetConverter;
use cannhac_core::{Category, Config, Engine, Report};
use std::ops::Range;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Config::default()).expect("built-in lexicons compile"))
}

fn analyze(text: &str) -> Report {
    let r = engine().analyze(text);
    for f in &r.findings {
        assert!(
            f.span.start < f.span.end
                && text.is_char_boundary(f.span.start)
                && text.is_char_boundary(f.span.end),
            "bad span {:?} in {text:?}",
            f.span
        );
    }
    r
}

/// Spans of the findings of `cat` in `text`.
fn spans(text: &str, cat: Category) -> Vec<Range<usize>> {
    analyze(text)
        .findings
        .iter()
        .filter(|f| f.category == cat)
        .map(|f| f.span.clone())
        .collect()
}

/// The byte range of the first occurrence of `needle` in `text`.
fn at(text: &str, needle: &str) -> Range<usize> {
    let s = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    s..s + needle.len()
}

/// Asserts one finding of `cat` whose span is exactly the first occurrence of `expected`.
fn assert_exact(text: &str, cat: Category, expected: &str) {
    let got = spans(text, cat);
    assert_eq!(
        got,
        vec![at(text, expected)],
        "{cat} in {text:?}: expected exactly {expected:?}, got {:?}",
        got.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>()
    );
}

/// Asserts a finding of `cat` that covers all of `word` (and lies on the same line).
fn assert_covers(text: &str, cat: Category, word: &str) {
    let w = at(text, word);
    let got = spans(text, cat);
    assert!(
        got.iter().any(|s| s.start <= w.start && w.end <= s.end),
        "{cat} in {text:?}: no finding covers {word:?}; got {:?}",
        got.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>()
    );
}

fn assert_clean(text: &str) {
    let r = analyze(text);
    assert!(
        r.findings.is_empty(),
        "{text:?} should have no finding, got {:?}",
        r.findings
            .iter()
            .map(|f| (&f.rule_id, &text[f.span.clone()]))
            .collect::<Vec<_>>()
    );
}

// ---- 1. Unicode forms ------------------------------------------------------------------

#[test]
fn nfd_input_matches_like_nfc() {
    let nfc = "Thằng ngu này. Nghe nói tài liệu này là TÀI LIỆU MẬT.";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd, "the test needs a text that NFD changes");
    let a = analyze(nfc);
    let b = analyze(&nfd);
    assert!(!a.findings.is_empty());
    let key = |t: &str, r: &Report| -> Vec<(Category, String, String)> {
        r.findings
            .iter()
            .map(|f| {
                (
                    f.category,
                    f.rule_id.clone(),
                    t[f.span.clone()].nfc().collect(),
                )
            })
            .collect()
    };
    // Same findings; each NFD span, recomposed, is the NFC span's text.
    assert_eq!(key(nfc, &a), key(&nfd, &b));
    // An NFD span ends after the last letter's combining marks, not between them.
    for f in &b.findings {
        let next = nfd[f.span.end..].chars().next();
        assert!(
            !next.is_some_and(unicode_normalization::char::is_combining_mark),
            "{:?} ends before a combining mark",
            f.span
        );
    }
    assert_covers(&nfd, Category::Inflammatory, "ngu");
}

#[test]
fn old_tone_placement_matches_new() {
    // "HOẢ" (old placement, on the o) and "HỎA" (new, on the a): the same urgency mark (above
    // a document title: alone, an urgency mark is as often a shop's or an appeal's).
    for t in [
        "HOẢ TỐC\nCông văn gửi các phường",
        "HỎA TỐC\nCông văn gửi các phường",
        "HOẢ TỐC\nKính gửi các phòng",
    ] {
        let r = analyze(t);
        let f = r
            .findings
            .iter()
            .find(|f| f.category == Category::InternalDocument)
            .unwrap_or_else(|| panic!("no internal_document in {t:?}"));
        assert_eq!(f.rule_id, "internal_document.urgency", "{t:?}");
        let mark = if t.contains("HOẢ") {
            "HOẢ TỐC"
        } else {
            "HỎA TỐC"
        };
        assert_eq!(f.span, at(t, mark), "{t:?}");
    }
    // Old placement in NFD too.
    let mark: String = "HOẢ TỐC".nfd().collect();
    let nfd = format!("{mark}\nCông văn gửi các phường");
    assert_exact(&nfd, Category::InternalDocument, &mark);
    // And old placement does not create words: "hoà bình" (peace) is clean either way.
    assert_clean("Chúng tôi mong hoà bình.");
    assert_clean("Chúng tôi mong hòa bình.");
}

// ---- 2. Invisible characters and look-alikes --------------------------------------------

#[test]
fn zero_width_inside_a_word() {
    // Zero-width characters, and bidirectional controls (RLO … PDF reorder what is shown).
    for zw in [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{00AD}', '\u{2060}', '\u{FEFF}', '\u{202E}',
        '\u{2067}', '\u{200F}',
    ] {
        let t = format!("Thằng n{zw}gu này");
        let word = format!("n{zw}gu");
        assert_covers(&t, Category::Inflammatory, &word);
        // The span keeps the invisible character inside it and stops at the word's end.
        let s = spans(&t, Category::Inflammatory);
        assert!(s.iter().any(|r| r.end == at(&t, &word).end), "{t:?}: {s:?}");
    }
    // A BOM before the text does not shift the span.
    let t = "\u{FEFF}nghe nói giá xăng sắp tăng";
    assert_exact(t, Category::UnverifiedClaim, "nghe nói");
    // Zero-width characters do not join words into a new one either.
    // "ngu" + ZWSP + "ồn" is "nguồn" (a source), not the insult "ngu".
    assert_clean("Mình đọc ngu\u{200B}ồn tin từ báo chính thống.");
}

#[test]
fn confusable_look_alikes() {
    // Cyrillic у (U+0443), Greek υ (U+03C5), full-width ｎｇｕ, mathematical bold 𝐧𝐠𝐮.
    for word in ["ngу", "ngυ", "ｎｇｕ", "𝐧𝐠𝐮"] {
        let t = format!("Thằng {word} này");
        assert_covers(&t, Category::Inflammatory, word);
    }
    // Cyrillic Е (U+0415) in English classification marks.
    assert_exact(
        "CONFIDЕNTIAL report",
        Category::InternalDocument,
        "CONFIDЕNTIAL",
    );
    assert_exact(
        "INTЕRNAL USE ONLY",
        Category::InternalDocument,
        "INTЕRNAL USE ONLY",
    );
}

// ---- 3. Offsets: emoji and astral characters before a finding ---------------------------

#[test]
fn emoji_before_a_finding_shifts_no_offset() {
    let plain = "nghe nói giá xăng sắp tăng";
    assert_exact(plain, Category::UnverifiedClaim, "nghe nói");
    for prefix in ["😀👍🏽 ", "👨‍👩‍👧‍👦 ", "🇻🇳🇻🇳 ", "𝄞 𠀀 ", "\u{1F600}\u{FE0F} "]
    {
        let t = format!("{prefix}{plain}");
        // Exact byte span: where "nghe nói" starts, to where it ends.
        assert_exact(&t, Category::UnverifiedClaim, "nghe nói");
        let f = spans(&t, Category::UnverifiedClaim)[0].clone();
        assert_eq!(f, prefix.len()..prefix.len() + "nghe nói".len());
        // The JavaScript (UTF-16) and char offsets agree with a direct count.
        let mut conv = OffsetConverter::new(&t);
        let u = conv.units(f.start);
        assert_eq!(u.utf16, prefix.encode_utf16().count());
        assert_eq!(u.chars, prefix.chars().count());
    }
    // Several findings after emoji all shift by the same amount.
    let plain = "Thằng ngu này. Nghe nói TÀI LIỆU MẬT bị lộ.";
    let base = analyze(plain);
    let prefix = "😀🎉👍🏽 ";
    let shifted = analyze(&format!("{prefix}{plain}"));
    let want: Vec<_> = base
        .findings
        .iter()
        .map(|f| {
            (
                f.rule_id.clone(),
                f.span.start + prefix.len()..f.span.end + prefix.len(),
            )
        })
        .collect();
    let got: Vec<_> = shifted
        .findings
        .iter()
        .map(|f| (f.rule_id.clone(), f.span.clone()))
        .collect();
    assert!(base.findings.len() >= 3, "{:?}", base.findings);
    assert_eq!(got, want);
}

#[test]
fn emoji_between_words_of_a_finding() {
    // An emoji between the target word and the insult neither hides the insult nor puts a
    // span edge inside the emoji's four bytes.
    let t = "Thằng 😡 ngu này";
    assert_covers(t, Category::Inflammatory, "ngu");
    let emoji = at(t, "😡");
    for s in spans(t, Category::Inflammatory) {
        for edge in [s.start, s.end] {
            assert!(
                edge <= emoji.start || edge >= emoji.end,
                "{s:?} cuts the emoji"
            );
        }
    }
}

// ---- 4. Dodges -------------------------------------------------------------------------

#[test]
fn stretched_letters() {
    assert_covers("Thằng nguuuuuu này", Category::Inflammatory, "nguuuuuu");
    let t = "nghe nóiiiiii giá xăng sắp tăng";
    assert_exact(t, Category::UnverifiedClaim, "nghe nóiiiiii");
    // A stretched clean word stays clean.
    assert_clean("Hôm nay trời đẹp quáaaaa, cả nhà đi chơi thôi!");
}

#[test]
fn separators_inside_short_tokens() {
    for (t, word) in [
        ("đ.m mày", "đ.m"),
        ("đ m mày", "đ m"),
        ("d-m thằng kia", "d-m"),
        ("Thằng n g u này", "n g u"),
    ] {
        assert_covers(t, Category::Inflammatory, word);
    }
    // Initials in a name are not a dodge.
    assert_clean("Ông Đ. M. Hùng phát biểu tại hội nghị.");
}

// ---- 5. Accent policy ------------------------------------------------------------------

#[test]
fn unaccented_text_policy() {
    let r = analyze("toi nay minh ngu som");
    assert!(r.unaccented, "written without diacritics");
    assert!(
        r.findings.is_empty(),
        "'ngu' here is 'ngủ' (sleep): {:?}",
        r.findings
    );

    let t = "thang cho chet";
    let r = analyze(t);
    assert!(r.unaccented);
    assert!(
        r.findings
            .iter()
            .any(|f| f.category == Category::Inflammatory && f.span == (0..t.len())),
        "{:?}",
        r.findings
    );
    // Accented text is matched exactly: "ngủ" is not "ngu".
    let r = analyze("Tối nay mình ngủ sớm");
    assert!(!r.unaccented);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    // Unaccented multi-syllable cues are safe to match.
    assert_covers(
        "nghe noi gia xang sap tang",
        Category::UnverifiedClaim,
        "nghe noi",
    );
}

// ---- 6. False-alarm guards -------------------------------------------------------------

#[test]
fn whole_syllables_and_diacritics_prevent_false_alarms() {
    for t in [
        "Nguồn tin từ Bộ Y tế cho biết số ca mắc đang giảm.",
        "Mật ong rừng nguyên chất, ai cần thì nhắn mình nhé.",
        "Các bạn nhớ mang áo mưa khi đi học nhé.",
        "Mùa này đi du lịch Đà Lạt là đẹp nhất.",
        "Chúc mừng sinh nhật anh Nguyễn Văn Ngữ!",
        "Tối qua mình ngủ muộn nên sáng nay hơi mệt.",
        "Đổi mật khẩu định kỳ để bảo vệ tài khoản.",
        "Hai người có quan hệ thân mật từ thời sinh viên.",
        "Mật độ dân số của thành phố ngày càng cao.",
        "Tôi cho rằng chính sách thu phí này chưa hợp lý, đề nghị cơ quan chức năng xem xét \
         và công bố số liệu rõ ràng hơn.",
        "Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, người dùng có quyền yêu cầu xóa dữ liệu.",
        "Em xin phép hỏi ngu một câu: thủ tục đổi bằng lái làm ở đâu ạ?",
    ] {
        assert_clean(t);
    }
}
