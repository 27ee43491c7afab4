//! Internal-document structure: number lines (`Số: 125/BC-UBND`, `công văn số 2345/UBND-NC`),
//! the addressee and filing lines (`Kính gửi:`, `Nơi nhận:`, `Lưu: VT`). Their format is that
//! of Nghị định 30/2020/NĐ-CP on administrative documents. Citing a public act by its number
//! (`Nghị định 13/2023/NĐ-CP`, `Quyết định 874/QĐ-BTTTT`, a law) is not a finding.
//! When a text carries two or more such parts, or a classification mark, they are raised to
//! `high`: the post is most likely a copy of a whole internal document.

use super::{finding, Ctx};
use crate::{Category, Finding, Severity};
use regex::Regex;

const NUMBER_VI: &str = "Số hiệu văn bản hành chính: bài viết có vẻ chép lại một văn bản của cơ quan. Văn bản chưa công bố thì không đưa lên mạng (nhiệm vụ 8).";
const NUMBER_EN: &str = "An administrative document number: the post seems to copy an official's document. Unpublished documents stay off the internet (duty 8).";
const FRAME_VI: &str = "Phần khung của văn bản hành chính (kính gửi, nơi nhận, lưu văn thư): bài viết có vẻ chép nguyên một văn bản của cơ quan.";
const FRAME_EN: &str = "Part of an administrative document's frame (addressee, recipients, filing line): the post seems to copy an official document.";

/// Kinds of public legal acts: a number with one of these is a citation, not a leak.
const PUBLIC_ACT_CODES: &[&str] = &[
    "nđ-cp",
    "qđ-ttg",
    "nq-cp",
    "ct-ttg",
    "l-ctn",
    "qh",
    "nq-ubtvqh",
    "tt-",
    "ttlt-",
    "nq/tw",
    "qđ-btttt",
    "nd-cp",
    "qd-ttg",
];
/// Words before a number that make it a public act's citation.
const PUBLIC_ACT_WORDS: &[&str] = &[
    "nghị định",
    "thông tư",
    "luật",
    "nghị quyết",
    "quyết định",
    "chỉ thị",
    "pháp lệnh",
    "hiến pháp",
    "bộ luật",
];
/// Document kinds whose numbered copies are internal (báo cáo, tờ trình …).
const DOC_WORDS: &[&str] = &[
    "công văn",
    "tờ trình",
    "thông báo",
    "báo cáo",
    "kế hoạch",
    "biên bản",
    "giấy mời",
    "công điện",
    "văn bản",
    "cv",
    "tb",
    "tt",
    "kết luận",
];

#[derive(Debug)]
pub struct Rules {
    code: Regex,
    frame: Regex,
    filing: Regex,
}

impl Rules {
    pub fn new() -> Rules {
        // Patterns are fixed and tested; a failure here is a build defect caught by every test.
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("built-in pattern {p:?}: {e}"));
        Rules {
            code: re(r"[0-9]{1,6}[ ]?/[ ]?(?:[0-9]{4}/)?[a-zđ]{1,8}(?:[-/][a-zđ0-9]{1,12}){0,3}"),
            frame: re(r"(?m)^[ \t\-–•*>]*(kính gửi|nơi nhận)[ \t]*:"),
            filing: re(r"(?m)(?:^|[ \t;\-])lưu[ \t]*:?[ \t]*vt\b"),
        }
    }

    pub fn apply(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let norm = &ctx.norm.text;
        let mut parts = 0usize;
        for m in self.code.find_iter(norm) {
            let code = m.as_str();
            // The number must not continue a longer number or word ("1/2023" inside a date).
            let prev = norm[..m.start()].chars().next_back();
            if prev.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '.') {
                continue;
            }
            let kind = code.split('/').skip(1).collect::<Vec<_>>().join("/");
            if !kind.chars().any(|c| c.is_alphabetic())
                || PUBLIC_ACT_CODES.iter().any(|p| kind.contains(p))
            {
                continue;
            }
            let before = norm[..m.start()].trim_end_matches([' ', '\t']);
            let before = before
                .strip_suffix(':')
                .unwrap_or(before)
                .trim_end_matches([' ', '\t']);
            let (before, has_so) = match before.strip_suffix("số") {
                Some(b) => (b, true),
                None => (before, false),
            };
            let line_start = {
                let b = before.trim_end_matches([' ', '\t']);
                b.is_empty() || b.ends_with('\n')
            };
            let before = before.trim_end();
            let doc_word = DOC_WORDS.iter().find(|w| ends_with_word(before, w));
            if PUBLIC_ACT_WORDS.iter().any(|w| ends_with_word(before, w)) {
                continue;
            }
            let start = match (doc_word, has_so, line_start) {
                (Some(w), _, _) => before.len() - w.len(),
                (None, true, true) => {
                    before.len() + norm[before.len()..m.start()].find("số").unwrap_or(0)
                }
                _ => continue,
            };
            parts += 1;
            let span = ctx.norm.orig_range(start..m.end());
            out.push(finding(
                "internal_document.number",
                Category::InternalDocument,
                Severity::Warning,
                span,
                NUMBER_VI,
                NUMBER_EN,
            ));
        }
        for c in self.frame.captures_iter(norm) {
            if let (Some(word), Some(all)) = (c.get(1), c.get(0)) {
                parts += 1;
                let span = ctx.norm.orig_range(word.start()..all.end());
                out.push(finding(
                    "internal_document.frame",
                    Category::InternalDocument,
                    Severity::Warning,
                    span,
                    FRAME_VI,
                    FRAME_EN,
                ));
            }
        }
        for m in self.filing.find_iter(norm) {
            let s = m.start() + m.as_str().find("lưu").unwrap_or(0);
            parts += 1;
            let span = ctx.norm.orig_range(s..m.end());
            out.push(finding(
                "internal_document.frame",
                Category::InternalDocument,
                Severity::Warning,
                span,
                FRAME_VI,
                FRAME_EN,
            ));
        }
        let classified = out
            .iter()
            .any(|f| f.category == Category::InternalDocument && f.severity == Severity::High);
        let skeleton_parts = parts
            + out
                .iter()
                .filter(|f| f.rule_id == "internal_document.document_skeleton")
                .count();
        if skeleton_parts >= 2 || classified {
            for f in out
                .iter_mut()
                .filter(|f| f.category == Category::InternalDocument)
            {
                f.severity = Severity::High;
            }
        }
    }
}

/// Whether `s` ends with the word(s) `w` on a word boundary.
fn ends_with_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w).is_some_and(|rest| {
        rest.chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}
