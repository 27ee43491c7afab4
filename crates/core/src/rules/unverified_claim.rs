//! Context for unverified claims. An accusation (`unverified_claim.unsourced_accusation`) is
//! only a finding when the text gives no source for it — no "theo …", no press or official
//! body, no link. A post that debunks a rumour or warns against a cure ("tin đồn … là sai sự
//! thật") keeps no hearsay, sensational or miracle-cure finding, and hearsay about nothing of
//! consequence ("nghe nói phim này hay") is an `info` nudge. Source: the article's section II
//! ("đưa thông tin có tính chất suy diễn về các cán bộ, đảng viên khác khi chưa có kết luận của
//! cơ quan có thẩm quyền").

use super::{sentences, sentences_with, tokens_in, Ctx};
use crate::text::Token;
use crate::{Finding, Severity};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// Words that name a source for a claim (keyed like lexicon phrases, so tone placement does not
/// matter: `tòa án` and `toà án` are the same).
const SOURCE_WORDS: &[&str] = &[
    "theo",
    "nguồn",
    "báo",
    "cơ quan điều tra",
    "viện kiểm sát",
    "tòa án",
    "toà tuyên",
    "bản án",
    "tuyên án",
    "kết án",
    "xét xử",
    "kết luận",
    "thông cáo",
    "cổng thông tin",
    "bộ công an",
    "http",
    "https",
    "www",
];

/// [`SOURCE_WORDS`] as syllable-key sequences, computed once.
fn source_keys() -> &'static WordList {
    static KEYS: OnceLock<WordList> = OnceLock::new();
    KEYS.get_or_init(|| keyed(SOURCE_WORDS))
}

/// Words that say the claim is being denied or warned against ("tin đồn … là sai sự thật",
/// "bị lừa mua thuốc 'chữa khỏi ung thư'"): a post that debunks a rumour repeats its cue words.
const DEBUNK_WORDS: &[&str] = &[
    "sai sự thật",
    "không đúng sự thật",
    "tin đồn thất thiệt",
    "thất thiệt",
    "bác bỏ",
    "đính chính",
    "không có chuyện",
    "không có cơ sở",
    "chưa được chứng minh",
    "là tin giả",
    "tin giả nhé",
    "không phải sự thật",
    "cải chính",
];

/// Words right before a cue that reject it ("không chia sẻ tin đồn", "bị lừa mua thuốc
/// 'chữa khỏi ung thư'"): the post warns against the claim.
const REJECT_BEFORE: &[&str] = &[
    "không chia sẻ",
    "đừng chia sẻ",
    "không lan truyền",
    "đừng lan truyền",
    "không tin",
    "đừng tin",
    "không tin các",
    "bị lừa mua",
    "lừa mua",
    "quảng cáo sai",
];

/// Words that give hearsay consequences: people and bodies it may be about, or events that
/// matter (arrests, deaths, lockdowns, money). Hearsay about a film, a noodle shop or the
/// weather ("nghe nói phim này hay") is an `info` nudge, not a `warning`.
const CONSEQUENCE_WORDS: &[&str] = &[
    "chủ tịch",
    "bí thư",
    "giám đốc",
    "trưởng",
    "phó",
    "cán bộ",
    "lãnh đạo",
    "quan chức",
    "công an",
    "bộ",
    "sở",
    "ủy ban",
    "ubnd",
    "chính quyền",
    "nhà nước",
    "chính phủ",
    "tỉnh",
    "huyện",
    "xã",
    "phường",
    "bệnh viện",
    "bác sĩ",
    "công ty",
    "ngân hàng",
    "quân đội",
    "bắt",
    "khởi tố",
    "truy nã",
    "chết",
    "tử vong",
    "qua đời",
    "phong tỏa",
    "cách ly",
    "giãn cách",
    "dịch",
    "vắc xin",
    "vaccine",
    "đổi tiền",
    "phá sản",
    "vỡ nợ",
    "kỷ luật",
    "cách chức",
    "tham nhũng",
    "hối lộ",
    "tham ô",
    "lừa đảo",
    "ngoại tình",
    "cấm",
    "phạt",
    "đánh",
    "giết",
    "cháy",
    "nổ",
    "sập",
    "động đất",
    "chiến tranh",
    "biểu tình",
    "tù",
    "lộ",
    "rò rỉ",
    "biên giới",
    "tích trữ",
    "virus",
    "vắc-xin",
    "vacxin",
    "vô sinh",
    "khẩu trang",
    "lương",
    "thuế",
    "xăng",
    "tăng giá xăng",
    "tự tử",
    "nhảy lầu",
    "hiếp",
    "có bầu",
    "bắt cóc",
    "vỡ đập",
    "sơ tán",
    "nhiễm độc",
    "ngộ độc",
    "chữa",
    "ung thư",
    "tiểu đường",
    "học sinh",
    "trẻ em",
    "chủ nhiệm",
    "hiệu trưởng",
    "thủy điện",
    "vỡ đê",
    "biên chế",
    "cắt giảm",
    "sa thải",
    "giải thể",
    "sáp nhập",
];

/// A word list keyed for matching: each word's accented and folded syllable keys, and the set
/// of first keys (both forms) so that most tokens are rejected by one hash lookup.
struct WordList {
    words: Vec<(Vec<String>, Vec<String>)>,
    first: FxHashSet<String>,
}

/// Keys of a word list, computed once per list.
fn keyed(words: &'static [&'static str]) -> WordList {
    let words: Vec<(Vec<String>, Vec<String>)> = words
        .iter()
        .map(|w| crate::lexicon::phrase_keys(w))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let first = words
        .iter()
        .flat_map(|(k, f)| [k[0].clone(), f[0].clone()])
        .collect();
    WordList { words, first }
}

/// Whether any of `list` starts at a token in `range`. With `folded`, a token without
/// diacritics matches a word's folded key too ("phong toa" is "phong tỏa" typed without them).
fn holds(t: &[Token], range: Range<usize>, list: &WordList, folded: bool) -> bool {
    range.into_iter().any(|i| {
        let tok = &t[i];
        (list.first.contains(tok.key.as_str())
            || (folded && !tok.marked && list.first.contains(tok.fold.as_str())))
            && list.words.iter().any(|(w, f)| {
                i + w.len() <= t.len()
                    && t[i..i + w.len()]
                        .iter()
                        .zip(w.iter().zip(f))
                        .all(|(tok, (k, fk))| {
                            tok.key == *k || (folded && !tok.marked && tok.fold == *fk)
                        })
            })
    })
}

/// Adjusts this category's lexicon findings to their context: an accusation with a source is
/// dropped; hearsay, sensational and miracle-cure cues in a post that debunks them are dropped;
/// hearsay in a sentence about nothing of consequence (no word of [`CONSEQUENCE_WORDS`], no
/// other finding of `warning` or more) is lowered to `info`.
pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !out
        .iter()
        .any(|f| f.category == crate::Category::UnverifiedClaim)
    {
        return;
    }
    let t = ctx.tokens;
    if out
        .iter()
        .any(|f| f.rule_id == "unverified_claim.unsourced_accusation")
        && holds(t, 0..t.len(), source_keys(), ctx.unaccented)
    {
        out.retain(|f| f.rule_id != "unverified_claim.unsourced_accusation");
    }
    // A claim the post itself calls false after stating it ("Tin đồn … là sai sự thật"), or
    // rejects right before it ("không chia sẻ tin đồn"), is not spread by the post. A denial
    // that comes first ("Báo chí bác bỏ nhưng nghe nói …", "Đây không phải tin giả: …") does
    // not clear what follows.
    static DEBUNK: OnceLock<WordList> = OnceLock::new();
    static REJECT: OnceLock<WordList> = OnceLock::new();
    let debunk = DEBUNK.get_or_init(|| keyed(DEBUNK_WORDS));
    let reject = REJECT.get_or_init(|| keyed(REJECT_BEFORE));
    // One pass: the last token where a denial starts that is not itself denied ("không phải
    // tin giả"). A cue before it is debunked.
    let last_denial = (0..t.len()).rev().find(|&i| {
        holds(t, i..i + 1, debunk, ctx.unaccented)
            && !(i >= 2
                && matches!(t[i - 2].key.as_str(), "không" | "chẳng")
                && t[i - 1].key == "phải")
    });
    out.retain(|f| {
        if !matches!(
            f.rule_id.as_str(),
            "unverified_claim.hearsay"
                | "unverified_claim.sensational"
                | "unverified_claim.miracle_cure"
                | "unverified_claim.unsourced_accusation"
        ) {
            return true;
        }
        let toks = tokens_in(t, &f.span);
        if toks.is_empty() {
            return true;
        }
        let later = last_denial.is_some_and(|d| d >= toks.end);
        let rejected = holds(
            t,
            toks.start.saturating_sub(4)..toks.start,
            reject,
            ctx.unaccented,
        );
        !(later || rejected)
    });
    if !out
        .iter()
        .any(|f| f.rule_id == "unverified_claim.hearsay" && f.severity == Severity::Warning)
    {
        return;
    }
    static CONSEQUENCE: OnceLock<WordList> = OnceLock::new();
    let consequence = CONSEQUENCE.get_or_init(|| keyed(CONSEQUENCE_WORDS));
    // Per sentence, whether it speaks of something of consequence: another finding of
    // `warning` or more (a classification mark, an accusation), or a consequence word (folded
    // matching can only keep a warning, so it is always on). Only the sentences that hold a
    // hearsay warning are read for consequence words. Linear in tokens and findings.
    let (sentence_of, ranges) = sentences(t);
    let hearsay_warning =
        |f: &Finding| f.rule_id == "unverified_claim.hearsay" && f.severity == Severity::Warning;
    let asked = sentences_with(t, &sentence_of, ranges.len(), out, hearsay_warning);
    let mut weighty = sentences_with(t, &sentence_of, ranges.len(), out, |f| {
        f.rule_id != "unverified_claim.hearsay" && f.severity >= Severity::Warning
    });
    for (si, r) in ranges.iter().enumerate() {
        if asked[si] && !weighty[si] {
            weighty[si] = holds(t, r.clone(), consequence, true);
        }
    }
    for f in out.iter_mut().filter(|f| hearsay_warning(f)) {
        let toks = tokens_in(t, &f.span);
        if !toks.is_empty() && !weighty[sentence_of[toks.start]] {
            f.severity = Severity::Info;
        }
    }
}
