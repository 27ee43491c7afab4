//! Context for unverified claims: an accusation (`unverified_claim.unsourced_accusation`) is
//! only a finding when the text gives no source for it — no "theo …", no press or official
//! body, no link. Source: the article's section II ("đưa thông tin có tính chất suy diễn về
//! các cán bộ, đảng viên khác khi chưa có kết luận của cơ quan có thẩm quyền").

use super::Ctx;
use crate::Finding;

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
fn source_keys() -> &'static [Vec<String>] {
    static KEYS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        SOURCE_WORDS
            .iter()
            .map(|w| crate::lexicon::phrase_keys(w).0)
            .filter(|k| !k.is_empty())
            .collect()
    })
}

pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !out
        .iter()
        .any(|f| f.rule_id == "unverified_claim.unsourced_accusation")
    {
        return;
    }
    let t = ctx.tokens;
    let sources = source_keys();
    let sourced = (0..t.len()).any(|i| {
        sources.iter().any(|w| {
            i + w.len() <= t.len()
                && t[i..i + w.len()]
                    .iter()
                    .zip(w.iter())
                    .all(|(tok, k)| tok.key == *k)
        })
    });
    if sourced {
        out.retain(|f| f.rule_id != "unverified_claim.unsourced_accusation");
    }
}
