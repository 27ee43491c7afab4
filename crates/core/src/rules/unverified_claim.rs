//! Context for unverified claims. An accusation (`unverified_claim.unsourced_accusation`) is
//! only a finding when the text gives no source for it — no "theo …", no press or official
//! body, no link. A post that debunks a rumour or warns against a cure ("tin đồn … là sai sự
//! thật") keeps no hearsay, sensational or miracle-cure finding, and hearsay about nothing of
//! consequence ("nghe nói phim này hay") is an `info` nudge. Source: the article's section II ("đưa thông tin có tính chất suy diễn về
//! các cán bộ, đảng viên khác khi chưa có kết luận của cơ quan có thẩm quyền").

use super::{tokens_in, Ctx};
use crate::text::{Gap, Token};
use crate::{Finding, Severity};
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
fn source_keys() -> &'static [(Vec<String>, Vec<String>)] {
    static KEYS: OnceLock<Vec<(Vec<String>, Vec<String>)>> = OnceLock::new();
    KEYS.get_or_init(|| keyed(SOURCE_WORDS))
}

/// Words that say the claim is being denied or warned against ("tin đồn … là sai sự thật",
/// "bị lừa mua thuốc 'chữa khỏi ung thư'"): a post that debunks a rumour repeats its cue words.
const DEBUNK_WORDS: &[&str] = &[
    "sai sự thật",
    "không đúng sự thật",
    "tin giả",
    "tin đồn thất thiệt",
    "bác bỏ",
    "đính chính",
    "khẳng định không",
    "không có chuyện",
    "không có cơ sở",
    "chưa được chứng minh",
    "bị lừa",
    "cảnh giác",
    "khuyến cáo không",
    "đừng tin",
    "không nên tin",
];

/// Words that give hearsay consequences: people and bodies it may be about, or events that
/// matter (arrests, deaths, lockdowns, money). Hearsay about a film, a noodle shop or the
/// weather ("nghe nói phim này hay") is an `info` nudge, not a `warning`.
const CONSEQUENCE_WORDS: &[&str] = &[
    "ông",
    "bà",
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
    "giá",
];

/// Keys of a word list: each word's accented and folded syllable keys, computed once per list.
fn keyed(words: &'static [&'static str]) -> Vec<(Vec<String>, Vec<String>)> {
    words
        .iter()
        .map(|w| crate::lexicon::phrase_keys(w))
        .filter(|(k, _)| !k.is_empty())
        .collect()
}

/// Whether any of `words` starts at a token in `range`. With `folded`, a token without
/// diacritics matches a word's folded key too ("phong toa" is "phong tỏa" typed without them).
fn holds(
    t: &[Token],
    range: Range<usize>,
    words: &[(Vec<String>, Vec<String>)],
    folded: bool,
) -> bool {
    range.into_iter().any(|i| {
        words.iter().any(|(w, f)| {
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
    static DEBUNK: OnceLock<Vec<(Vec<String>, Vec<String>)>> = OnceLock::new();
    let debunked = holds(
        t,
        0..t.len(),
        DEBUNK.get_or_init(|| keyed(DEBUNK_WORDS)),
        ctx.unaccented,
    );
    if debunked {
        out.retain(|f| {
            !matches!(
                f.rule_id.as_str(),
                "unverified_claim.hearsay"
                    | "unverified_claim.sensational"
                    | "unverified_claim.miracle_cure"
            )
        });
    }
    static CONSEQUENCE: OnceLock<Vec<(Vec<String>, Vec<String>)>> = OnceLock::new();
    let consequence = CONSEQUENCE.get_or_init(|| keyed(CONSEQUENCE_WORDS));
    // Other findings of `warning` or more (a classification mark, an accusation): hearsay in
    // their sentence is about something of consequence.
    let serious: Vec<Range<usize>> = out
        .iter()
        .filter(|f| f.rule_id != "unverified_claim.hearsay" && f.severity >= Severity::Warning)
        .map(|f| f.span.clone())
        .collect();
    for f in out
        .iter_mut()
        .filter(|f| f.rule_id == "unverified_claim.hearsay" && f.severity == Severity::Warning)
    {
        let toks = tokens_in(t, &f.span);
        if toks.is_empty() {
            continue;
        }
        let start = (0..toks.start)
            .rev()
            .find(|&i| t[i + 1].gap == Gap::Hard)
            .map_or(0, |i| i + 1);
        let end = (toks.end..t.len())
            .find(|&i| t[i].gap == Gap::Hard)
            .unwrap_or(t.len());
        // Folded matching here can only keep a warning, so it is always on (a sentence typed
        // without diacritics inside an accented post).
        let (s_byte, e_byte) = (t[start].orig.start, t[end - 1].orig.end);
        let with_serious = serious.iter().any(|r| r.start < e_byte && s_byte < r.end);
        if !with_serious && !holds(t, start..end, consequence, true) {
            f.severity = Severity::Info;
        }
    }
}
