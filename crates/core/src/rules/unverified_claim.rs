//! Context for unverified claims: an accusation (`unverified_claim.unsourced_accusation`) is
//! only a finding when the text gives no source for it — no "theo …", no press or official
//! body, no link. Source: the article's section II ("đưa thông tin có tính chất suy diễn về
//! các cán bộ, đảng viên khác khi chưa có kết luận của cơ quan có thẩm quyền").

use super::Ctx;
use crate::Finding;

/// Syllable keys (accented) that name a source for a claim.
const SOURCE_WORDS: &[&[&str]] = &[
    &["theo"],
    &["nguồn"],
    &["báo"],
    &["cơ", "quan", "điều", "tra"],
    &["viện", "kiểm", "sát"],
    &["tòa", "án"],
    &["bản", "án"],
    &["kết", "luận"],
    &["thông", "cáo"],
    &["cổng", "thông", "tin"],
    &["bộ", "công", "an"],
    &["http"],
    &["https"],
    &["www"],
];

pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !out
        .iter()
        .any(|f| f.rule_id == "unverified_claim.unsourced_accusation")
    {
        return;
    }
    let t = ctx.tokens;
    let sourced = (0..t.len()).any(|i| {
        SOURCE_WORDS.iter().any(|w| {
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
