//! The unnamed person a veiled hint points at: "Một vị lãnh đạo hoà nhã trước mặt dân nhưng
//! sau lưng thì… ai hiểu thì hiểu". The hint ("ai hiểu thì hiểu", "đoán xem là ai", "you know
//! who") is phrase data (`data/insinuation.toml`); once a post holds one, the vague reference
//! to a person of standing it is about ("một vị sếp lớn", "có một vị lãnh đạo", "một người rất
//! quen thuộc") is part of the same insinuation and is underlined too. Without a hint such a
//! reference is everyday news writing ("một vị lãnh đạo cho biết") and gets nothing.
//! Source: duty 8 of the seed article ("không đưa thông tin một cách lập lờ để dẫn dắt dư
//! luận nhằm mục đích công kích cá nhân hoặc tổ chức").

use super::{finding, spaced, spelled_any, Covered, Ctx};
use crate::text::Gap;
use crate::{Category, Finding, Severity};

/// Vague references to a person (syllables as [`super::spelled_at`] reads them: accented syllables
/// match the same syllable or the same letters typed without diacritics). "một người" counts
/// only with a word that makes it someone known ("rất", "quen", "có", "mà").
const VAGUE_PERSONS: &[&str] = &[
    "một vị",
    "một ông",
    "một bà",
    "một đồng chí",
    "một sếp",
    "một lãnh đạo",
    "một cán bộ",
    "một quan chức",
    "một nhân vật",
    "một người rất",
    "một người quen",
    "một người có",
    "một người mà",
    "ai đó ở",
    "ai đó trong",
];

const VI: &str = "Nhắc tới một người mà không nêu tên, kèm lời gợi ý để người đọc tự đoán: đó là ám chỉ. Nếu có điều cần phản ánh, hãy nói rõ và gửi đúng nơi có thẩm quyền.";
const EN: &str = "An unnamed person, with a hint for readers to guess who: a veiled insinuation. If something needs reporting, say it plainly to the body that can act.";

/// Adds an `info` finding (`insinuation.vague_person`) over each vague reference to a person
/// in a text that already holds an insinuation hint, unless a finding of the category already
/// covers it. The span runs from the reference's first word through up to two words after it
/// in the same phrase (`một vị sếp lớn`).
/// Linear in the number of tokens.
pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !out.iter().any(|f| f.category == Category::Insinuation) {
        return;
    }
    let t = ctx.tokens;
    let covered = Covered::new(ctx.tokens, out, Category::Insinuation);
    let mut found = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // Every reference starts with "một" or "ai".
        if !matches!(t[i].fold.as_str(), "mot" | "ai") {
            i += 1;
            continue;
        }
        let Some(n) = spelled_any(t, i, VAGUE_PERSONS) else {
            i += 1;
            continue;
        };
        let mut end = i + n - 1;
        if !spaced(t, i, end) {
            i += 1;
            continue;
        }
        // The title or description after it, up to two words: "một vị lãnh đạo", "một vị sếp
        // lớn".
        for _ in 0..2 {
            if t.get(end + 1).is_some_and(|x| x.gap == Gap::Space) {
                end += 1;
            }
        }
        let span = t[i].orig.start..t[end].orig.end;
        if !covered.overlaps(&span) {
            found.push(finding(
                "insinuation.vague_person",
                Category::Insinuation,
                Severity::Info,
                span,
                VI,
                EN,
            ));
        }
        i = end + 1;
    }
    out.append(&mut found);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word lists are written as the text is keyed (tone on the main vowel), or a word
    /// typed either way would never match.
    #[test]
    fn lists_are_keyed() {
        super::super::assert_keyed(&[VAGUE_PERSONS]);
    }
}
