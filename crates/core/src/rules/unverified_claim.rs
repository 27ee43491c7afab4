//! Context for unverified claims. An accusation (`unverified_claim.unsourced_accusation`) is
//! only a finding when the text gives no source for it — no "theo …", no press or official
//! body, no link. A post that debunks a rumour or warns against a cure ("tin đồn … là sai sự
//! thật") keeps no hearsay, sensational or miracle-cure finding, and hearsay about nothing of
//! consequence ("nghe nói phim này hay") is an `info` nudge. Source: the article's section II
//! ("đưa thông tin có tính chất suy diễn về các cán bộ, đảng viên khác khi chưa có kết luận của
//! cơ quan có thẩm quyền").

use super::{
    add_uncovered, fold_filter, group_finding, negation, phrase_list, sentences_with, spaced,
    spelled_any, spelled_at, tokens_in, writer_word, Covered, Ctx, PhraseList, StartIndex,
};
use crate::engine::{key_matches, key_matches_any};
use crate::lexicon::KeyFilter;
use crate::lexicon::{CLAIM_CONSEQUENCE, CLAIM_DEBUNK, CLAIM_REJECT_BEFORE, CLAIM_SOURCES};
use crate::text::{Gap, Token};
use crate::{Finding, Severity};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::ops::Range;
use std::sync::OnceLock;

/// [`CLAIM_SOURCES`] (`sources` in `data/claims.toml`: words that name a source for a claim)
/// ready for matching, computed once.
fn source_keys() -> &'static WordList {
    static KEYS: OnceLock<WordList> = OnceLock::new();
    KEYS.get_or_init(|| keyed(CLAIM_SOURCES, true))
}

/// [`CLAIM_DEBUNK`] ready for matching, computed once.
fn debunk_keys() -> &'static WordList {
    static KEYS: OnceLock<WordList> = OnceLock::new();
    KEYS.get_or_init(|| keyed(CLAIM_DEBUNK, true))
}

/// [`CLAIM_REJECT_BEFORE`] ready for matching, computed once.
fn reject_keys() -> &'static WordList {
    static KEYS: OnceLock<WordList> = OnceLock::new();
    KEYS.get_or_init(|| keyed(CLAIM_REJECT_BEFORE, true))
}

/// A word list keyed for matching: each word's accented and folded syllable keys, and the
/// words by first key (both forms) so that most tokens are rejected by the filter or one hash
/// lookup, and the others are tried only against the words they can start.
struct WordList {
    words: Vec<(Vec<String>, Vec<String>)>,
    /// First key (accented or folded) → indices in `words` of the words it may start.
    by_first: FxHashMap<String, SmallVec<[usize; 4]>>,
    /// The keys of `by_first`, for a quick rejection before the hash lookup.
    filter: KeyFilter,
}

/// A word list of `data/claims.toml` (keyed by `build.rs`: syllable keys joined by single
/// spaces) with each key's folded form, computed once per list. Without `fold_single`, a word
/// of one syllable matches only with its diacritics: folded, the consequence words `chữa`,
/// `sở`, `xã`, `nổ` are everyday `chưa`, `so`, `xa`, `no`.
fn keyed(words: &'static [&'static str], fold_single: bool) -> WordList {
    let words: Vec<(Vec<String>, Vec<String>)> = words
        .iter()
        .map(|w| {
            let keys = crate::lexicon::split_keys(w);
            let folds = if fold_single || keys.len() > 1 {
                keys.iter().map(|k| crate::text::tone::fold(k)).collect()
            } else {
                keys.clone()
            };
            (keys, folds)
        })
        .filter(|(k, _): &(Vec<String>, Vec<String>)| !k.is_empty())
        .collect();
    let mut by_first: FxHashMap<String, SmallVec<[usize; 4]>> = FxHashMap::default();
    let mut filter = KeyFilter::default();
    for (n, (k, f)) in words.iter().enumerate() {
        for first in [&k[0], &f[0]] {
            let ids = by_first.entry(first.clone()).or_default();
            if ids.last() != Some(&n) {
                ids.push(n);
            }
            filter.insert(first);
        }
    }
    WordList {
        words,
        by_first,
        filter,
    }
}

/// Whether word `n` of `list` starts at token `i`.
fn word_at(t: &[Token], i: usize, list: &WordList, n: usize, folded: bool) -> bool {
    let (w, f) = &list.words[n];
    i + w.len() <= t.len()
        && t[i..i + w.len()]
            .iter()
            .zip(w.iter().zip(f))
            .all(|(tok, (k, fk))| tok.key == *k || (folded && !tok.marked && tok.fold == *fk))
}

/// Whether any word of `list` starts at token `i` (see [`holds`]). Only the words whose first
/// key is the token's key (or, with `folded`, its folded key) can.
#[inline]
fn starts_at(t: &[Token], i: usize, list: &WordList, folded: bool) -> bool {
    let tok = &t[i];
    let try_first = |k: &str, h: u32| {
        list.filter.may_contain_hash(h)
            && list
                .by_first
                .get(k)
                .is_some_and(|ids| ids.iter().any(|&n| word_at(t, i, list, n, folded)))
    };
    try_first(tok.key.as_str(), tok.key_hash)
        || (folded && !tok.marked && try_first(tok.fold.as_str(), tok.fold_hash))
}

/// Whether any of `list` starts at a token in `range`. With `folded`, a token without
/// diacritics matches a word's folded key too ("phong toa" is "phong tỏa" typed without them).
fn holds(t: &[Token], range: Range<usize>, list: &WordList, folded: bool) -> bool {
    range.into_iter().any(|i| starts_at(t, i, list, folded))
}

/// Adjusts this category's lexicon findings to their context: an accusation with a source is
/// dropped; hearsay, sensational and miracle-cure cues in a post that debunks them are dropped;
/// hearsay in a sentence about nothing of consequence (no word of [`CLAIM_CONSEQUENCE`], no
/// other finding of `warning` or more) is lowered to `info`; hearsay in a post that says it is
/// joking is dropped ([`drop_jokes`]); a plea to tell others in a post that holds a claim is
/// added ([`told_to_audience`]).
pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    adjust(ctx, out);
    drop_jokes(ctx.tokens, out);
    told_to_audience(ctx, out);
}

/// What a post says to mark itself as a joke (keyed syllables).
const JOKE_MARKS: &[&str] = &[
    "đùa tí",
    "đùa chút",
    "đùa thôi",
    "đùa cho vui",
    "nói đùa",
    "giỡn thôi",
    "giỡn chơi",
    "giỡn tí",
    "chém gió thôi",
];
phrase_list!(joke_marks, JOKE_MARKS);

/// Drops hearsay about nothing of consequence (lowered to `info` by [`apply`]'s adjustments:
/// "Nghe đồn Messi sắp về đá cho đội bóng phủi xóm Chùa") from a post that marks itself as a
/// joke ([`JOKE_MARKS`]: "Đùa tí cho vui thôi nha ae"), unless a negation comes within the two
/// words before the mark ("không đùa đâu", "chẳng phải đùa cho vui") or "nhưng" within the two
/// after it takes it back ("Đùa thôi, nhưng nghe nói …"). Hearsay of consequence ("nghe nói
/// ông phó chủ tịch nhận hối lộ, đùa tí thôi") stays: a joke mark is a common dodge. Linear
/// in tokens.
fn drop_jokes(t: &[Token], out: &mut Vec<Finding>) {
    if !out
        .iter()
        .any(|f| f.rule_id == "unverified_claim.hearsay" && f.severity == Severity::Info)
    {
        return;
    }
    let joking = (0..t.len()).any(|k| {
        joke_marks().at(t, k).is_some_and(|n| {
            let denied = (k.saturating_sub(2)..k).any(|j| negation(&t[j]));
            let taken_back = (k + n..(k + n + 2).min(t.len())).any(|j| key_matches(&t[j], "nhưng"));
            !(denied || taken_back)
        })
    });
    if joking {
        out.retain(|f| !(f.rule_id == "unverified_claim.hearsay" && f.severity == Severity::Info));
    }
}

/// Whom a post asks to be told ("cho nhau biết", "cho bà con biết"), for
/// [`told_to_audience`] (keyed syllables).
const AUDIENCES: &[&str] = &[
    "nhau",
    "bà con",
    "mọi người",
    "người thân",
    "anh em",
    "ae",
    "cả nhà",
    "hàng xóm",
    "bạn bè",
    "mn",
];
phrase_list!(audiences, AUDIENCES);

/// A plea to pass a claim on to others, as a form: a verb of passing on ("chuyển", "chia",
/// "chia sẻ", "share", "truyền", "báo", "nhắn", "lan toả") then "cho", an audience
/// ([`AUDIENCES`]) with up to two words after it ("bà con xung quanh"), and "biết" ending its
/// clause, alone or with particles ("với", "nhé", "lẹ", "gấp", "ngay", "đi", "luôn"): "Anh em
/// hưu trí chuyển cho nhau biết với", "Chia cho bà con xung quanh biết lẹ lẹ!". Only in a post
/// that already holds an unverified claim (hearsay, a sensational claim, an accusation): in a
/// recipe or a lost dog's post the same words ask for help; nor with hearsay of nothing of
/// consequence, lowered to `info` ("Nghe nói chiều nay chợ đóng cửa sớm, nhắn cho anh em biết
/// nhé"): a claim of `warning` or more must be there. Adds
/// `unverified_claim.spread_pressure` (`warning`) where no finding of the category covers it.
/// Source: duty 1 of the seed article. Linear in tokens.
fn told_to_audience(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    if !out
        .iter()
        .any(|f| f.category == crate::Category::UnverifiedClaim && f.severity >= Severity::Warning)
    {
        return;
    }
    let particle = |x: &Token| {
        key_matches_any(
            x,
            &[
                "với", "nhé", "nha", "lẹ", "gấp", "ngay", "đi", "luôn", "liền", "giùm", "giúp",
                "cùng", "ạ",
            ],
        )
    };
    let mut spans = Vec::new();
    for i in 0..t.len() {
        // Most words are none of the verbs: their folds rule them out before any comparison.
        if !matches!(
            t[i].fold.as_str(),
            "chuyen" | "chia" | "share" | "truyen" | "bao" | "nhan" | "lan"
        ) {
            continue;
        }
        let n = if spelled_at(t, i, "chia sẻ") || spelled_at(t, i, "lan toả") {
            2
        } else if key_matches_any(&t[i], &["chuyển", "chia", "share", "truyền", "báo", "nhắn"])
        {
            1
        } else {
            continue;
        };
        let cho = i + n;
        if !t
            .get(cho)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "cho"))
        {
            continue;
        }
        let Some(m) = t
            .get(cho + 1)
            .filter(|x| x.gap == Gap::Space)
            .and_then(|_| audiences().at(t, cho + 1))
        else {
            continue;
        };
        // "biết" within three words after the audience ("cho bà con xung quanh biết"), "cùng"
        // allowed before it.
        let Some(b) = (cho + 1 + m..(cho + 4 + m).min(t.len()))
            .take_while(|&j| t[j].gap == Gap::Space)
            .find(|&j| key_matches(&t[j], "biết"))
        else {
            continue;
        };
        // The clause ends after "biết" and its particles, or a purpose follows ("cho anh em
        // biết để tránh"): not "cho mọi người biết cách làm".
        let mut e = b;
        while t
            .get(e + 1)
            .is_some_and(|x| x.gap == Gap::Space && particle(x))
        {
            e += 1;
        }
        if t.get(e + 1).is_some_and(|x| {
            x.gap == Gap::Space && !key_matches(x, "để") && !(key_matches(x, "mà") && e == b)
        }) {
            continue;
        }
        spans.push(t[i].orig.start..t[e].orig.end);
    }
    add_spread_pressure(ctx, out, spans);
}

/// The lexicon findings' adjustments of [`apply`].
fn adjust(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    press_silenced(ctx, out);
    shamed_sharing(ctx, out);
    removal_race(ctx, out);
    foretold_removal(ctx, out);
    hearsay_asked_of_reader(ctx, out);
    drop_denied_accusations(ctx.tokens, out);
    drop_generic_accusations(ctx, out);
    cure_claims(ctx, out);
    certainty_percent(ctx, out);
    sure_it_is_true(ctx, out);
    implausible_change(ctx, out);
    drop_prescribed_recoveries(ctx, out);
    drop_uncounted_forwards(ctx, out);
    drop_calm_shares(ctx, out);
    // The spans vague_sources added, as a set: asked about once per finding.
    let told: rustc_hash::FxHashSet<(usize, usize)> = vague_sources(ctx, out)
        .into_iter()
        .map(|s| (s.start, s.end))
        .collect();
    if !out
        .iter()
        .any(|f| f.category == crate::Category::UnverifiedClaim)
    {
        return;
    }
    let t = ctx.tokens;
    // A source inside a hearsay phrase ("nguồn tin đáng tin cậy", "người nhà làm ngân hàng")
    // names nobody; the press with a negation right after it ("Báo chí sẽ không bao giờ đưa")
    // says it did not report.
    let hearsay_at = |i: usize| {
        out.iter().any(|f| {
            f.rule_id == "unverified_claim.hearsay"
                && f.span.start <= t[i].orig.start
                && t[i].orig.end <= f.span.end
        })
    };
    // Only the press: an official body that "chưa công bố chi tiết nhưng đã xác nhận" still
    // sources the claim.
    // Also with the negation just before it: "Không một tờ báo nào dám viết".
    let negated_after = |i: usize| {
        matches!(
            t[i].fold.as_str(),
            "bao" | "dai" | "truyen" | "tivi" | "vtv"
        ) && ((i + 1..(i + 6).min(t.len()))
            .take_while(|&k| t[k].gap != Gap::Hard)
            .any(|k| negation(&t[k]))
            || (i.saturating_sub(3)..i).any(|k| negation(&t[k]) && spaced(t, k, i)))
    };
    if out
        .iter()
        .any(|f| f.rule_id == "unverified_claim.unsourced_accusation")
        && (0..t.len()).any(|i| {
            starts_at(t, i, source_keys(), ctx.unaccented)
                && vague_source_at(t, i).is_none()
                && !bao_compound(t, i)
                && !weak_theo(t, i)
                && !awaited_source(t, i)
                // Not a risky link ("bằng chứng đây https://vnexpress.net.bao-moi.click/…"):
                // the last one starting at or before the word (they are in text order).
                && !{
                    let at = t[i].orig.start;
                    let n = ctx.risky_links.partition_point(|r| r.start <= at);
                    n > 0 && t[i].orig.end <= ctx.risky_links[n - 1].end
                }
                && !negated_after(i)
                && !hearsay_at(i)
        })
    {
        out.retain(|f| f.rule_id != "unverified_claim.unsourced_accusation");
    }
    // A claim or a chain letter the post itself calls false after stating it ("Tin đồn … là
    // sai sự thật", "tin nhắn kiểu '… chia sẻ gấp cho 10 người' là lừa đảo"), or
    // rejects within ten words before it in its sentence ("không chia sẻ tin đồn", "không đăng tải thông tin chưa
    // được kiểm chứng"), is not spread by the post. A denial
    // that comes first ("Báo chí bác bỏ nhưng nghe nói …", "Đây không phải tin giả: …") does
    // not clear what follows.
    let (debunk, reject) = (debunk_keys(), reject_keys());
    let is_cue = |f: &Finding| {
        matches!(
            f.rule_id.as_str(),
            "unverified_claim.hearsay"
                | "unverified_claim.sensational"
                | "unverified_claim.miracle_cure"
                | "unverified_claim.unsourced_accusation"
                | "unverified_claim.spread_pressure"
        )
    };
    // One pass: the last token where a denial starts that is not itself denied ("không phải
    // tin giả"). A cue before it is debunked. Only a denial after a cue matters, so the scan
    // stops at the end of the earliest cue.
    let earliest_end = out
        .iter()
        .filter(|f| is_cue(f))
        .map(|f| tokens_in(t, &f.span))
        .filter(|r| !r.is_empty())
        .map(|r| r.end)
        .min();
    // Not a denial the post asks about or reports to reject it: "tin này là thông tin sai à
    // mọi người?", "bảo là thông tin sai thì ai tin", "Nhiều người bảo là … nhưng …".
    let (sentence_of, ranges) = ctx.sentences();
    let asked_or_reported = |i: usize| {
        let last = ranges[sentence_of[i]].end - 1;
        let asked = ctx.sentence_is_question(i) || t[last].key == "à";
        let reported = (i.saturating_sub(2)..i).any(|j| matches!(t[j].key.as_str(), "bảo" | "nói"));
        asked || reported
    };
    let last_denial = earliest_end.and_then(|lo| {
        (lo..t.len()).rev().find(|&i| {
            starts_at(t, i, debunk, ctx.unaccented)
                // Not "không phải tin giả"; not yet denied ("Bộ Y tế chưa bác bỏ", "chưa từng
                // / chưa lên tiếng bác bỏ", brk35, brk36), maybe false ("có thể sai sự thật",
                // "chưa chắc là sai"), nor the writer's own lack of proof ("Chuyện này mình
                // không có bằng chứng, chỉ kể lại", adv50): in the three words before, in its
                // clause; keyed, or folded in a text typed without diacritics ("xác minh" is
                // no "mình").
                && !(i.saturating_sub(3)..i).any(|k| {
                    const NOT_YET: &[&str] =
                        &["chưa", "không", "chẳng", "ko", "mình", "tôi", "em", "tui", "tớ"];
                    let x = &t[k];
                    t[k + 1..=i].iter().all(|y| y.gap == Gap::Space)
                        && (NOT_YET.contains(&x.key.as_str())
                            || ctx.unaccented
                                && !x.marked
                                && matches!(x.fold.as_str(), "chua" | "khong" | "minh" | "toi")
                            || key_matches(x, "thể") && k > 0 && key_matches(&t[k - 1], "có"))
                })
                && !asked_or_reported(i)
        })
    });
    out.retain(|f| {
        if !is_cue(f) {
            return true;
        }
        let toks = tokens_in(t, &f.span);
        if toks.is_empty() {
            return true;
        }
        let later = last_denial.is_some_and(|d| d >= toks.end);
        // Up to ten words before, in the same sentence: "không nên chia sẻ những bài đăng
        // chưa kiểm chứng".
        let (sentence_of, ranges) = ctx.sentences();
        let lo = toks
            .start
            .saturating_sub(10)
            .max(ranges[sentence_of[toks.start]].start);
        // A "but" in between turns it round: "Không tin thì thôi nhưng đây là sự thật 100%".
        let lo = (lo..toks.start)
            .rev()
            .find(|&k| crate::engine::key_matches(&t[k], "nhưng"))
            .map_or(lo, |k| k + 1);
        // Not a comparison that makes a claim of its own: "Không có thực phẩm nào chữa ung thư
        // tốt bằng lá đu đủ", "… hiệu quả như …", "… chỉ có thuốc nam … chữa khỏi" (brk36).
        let compared = || {
            (toks.end..(toks.end + 8).min(t.len()))
                .take_while(|&k| t[k].gap != Gap::Hard)
                .any(|k| {
                    spelled_any(
                        t,
                        k,
                        &[
                            "tốt bằng",
                            "tốt như",
                            "hiệu quả bằng",
                            "hiệu quả như",
                            "chỉ có",
                        ],
                    )
                    .is_some()
                })
        };
        let rejected = holds(t, lo..toks.start, reject, ctx.unaccented) && !compared();
        !(later || rejected)
    });
    if !out
        .iter()
        .any(|f| f.rule_id == "unverified_claim.hearsay" && f.severity == Severity::Warning)
    {
        return;
    }
    static CONSEQUENCE: OnceLock<WordList> = OnceLock::new();
    let consequence = CONSEQUENCE.get_or_init(|| keyed(CLAIM_CONSEQUENCE, false));
    // Per sentence, whether it speaks of something of consequence: another finding of
    // `warning` or more (a classification mark, an accusation), or a consequence word (folded
    // matching can only keep a warning, so it is always on). Only the sentences that hold a
    // hearsay warning are read for consequence words. Linear in tokens and findings.
    let (sentence_of, ranges) = ctx.sentences();
    let hearsay_warning =
        |f: &Finding| f.rule_id == "unverified_claim.hearsay" && f.severity == Severity::Warning;
    // A vague source ("Nguồn: một anh trong ngành.") vouches for the sentence before it too,
    // and so does a teller who says "so" or "all of it" ("Ng nhà mk làm trong đó bảo vậy", "Bạn
    // em làm trong đó kể hết rồi").
    let source_of = |f: &Finding| {
        let toks = tokens_in(t, &f.span);
        let so = || {
            t.get(toks.end).is_some_and(|x| {
                x.gap == Gap::Space && matches!(x.key.as_str(), "vậy" | "thế" | "hết")
            })
        };
        (!toks.is_empty() && (vague_source_at(t, toks.start).is_some() || so()))
            .then(|| sentence_of[toks.start])
    };
    let mut asked = sentences_with(t, sentence_of, ranges.len(), out, hearsay_warning);
    for si in out
        .iter()
        .filter(|f| hearsay_warning(f))
        .filter_map(source_of)
    {
        if si > 0 {
            asked[si - 1] = true;
        }
    }
    let mut weighty = sentences_with(t, sentence_of, ranges.len(), out, |f| {
        f.rule_id != "unverified_claim.hearsay" && f.severity >= Severity::Warning
    });
    // A vague source, teller or voucher is weighty only beside another finding: what they
    // tell is everyday as often as not ("Người nhà mình bên UBND xã nói thứ 2 mới nhận hồ sơ").
    let by_findings = weighty.clone();
    // Other hearsay at `warning` counts beside a source label too ("Nghe nói sắp đổi tiền …
    // Nguồn: một anh trong ngành"): read before any is lowered.
    let hearsay_beside = sentences_with(t, sentence_of, ranges.len(), out, |f| {
        f.rule_id == "unverified_claim.hearsay"
            && f.severity >= Severity::Warning
            && !told.contains(&(f.span.start, f.span.end))
    });
    for (si, r) in ranges.iter().enumerate() {
        if asked[si] && !weighty[si] {
            weighty[si] = holds(t, r.clone(), consequence, true);
        }
    }
    // What a vague source, teller or voucher tells: of consequence when a word of
    // [`CLAIM_CONSEQUENCE`] stands in its sentence outside its own words ("bạn em làm trong
    // sở" names a workplace, not the news).
    // Where consequence words start, indexed once: a sentence of a megabyte may hold
    // thousands of tellers, each asking about the rest of it.
    let weighs = std::cell::OnceCell::new();
    let tells_consequence = |toks: &Range<usize>, source: bool| {
        // Not "bắt đầu" (to start) typed flat: "bắt" is an arrest.
        let weighs = weighs.get_or_init(|| {
            StartIndex::new(t.len(), |k| {
                starts_at(t, k, consequence, true)
                    && !(t[k].fold == "bat"
                        && t.get(k + 1)
                            .is_some_and(|x| x.fold == "dau" && x.gap == Gap::Space))
            })
        });
        let si = sentence_of[toks.start];
        let r = ranges[si].clone();
        weighs.any_in(r.start..toks.start)
            || weighs.any_in(toks.end..r.end)
            // A source label vouches for the sentence before it too.
            || source && si > 0 && weighs.any_in(ranges[si - 1].clone())
    };
    let mut dropped: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    for f in out.iter_mut().filter(|f| hearsay_warning(f)) {
        let toks = tokens_in(t, &f.span);
        if toks.is_empty() {
            continue;
        }
        if told.contains(&(f.span.start, f.span.end)) {
            // Beside another finding: a warning. About something of consequence: a nudge.
            // Otherwise everyday chat ("Bạn mình xác nhận rồi, tiệc tối nay 7h"): nothing.
            let si = sentence_of[toks.start];
            let source = source_of(f).is_some();
            let weighty_at = |k: usize| by_findings[k] || source && hearsay_beside[k];
            let before = source && si > 0 && weighty_at(si - 1);
            if weighty_at(si) || before {
                continue;
            }
            if !tells_consequence(&toks, source) {
                dropped.insert((f.span.start, f.span.end));
                continue;
            }
            // A source label for news of consequence ("… sắp phạt 10 triệu. Nguồn: một anh
            // làm trong ngành.") sources a claim: a warning. A teller or voucher: a nudge
            // that asks for a source.
            if source {
                continue;
            }
            f.severity = Severity::Info;
            f.message.vi = TOLD_NUDGE_VI.to_string();
            f.message.en = TOLD_NUDGE_EN.to_string();
            continue;
        } else if WORKS_AT.contains(&t[toks.end - 1].fold.as_str()) {
            // A teller phrase of the lexicon ending before where they work ("Bạn mình làm ở"
            // + "ngân hàng bảo …"): the workplace is no news either.
            let si = sentence_of[toks.start];
            let told_words = toks.start..(toks.end + 3).min(ranges[si].end);
            if by_findings[si] || tells_consequence(&told_words, false) {
                continue;
            }
        } else {
            let before = source_of(f).is_some_and(|si| si > 0 && weighty[si - 1]);
            if weighty[sentence_of[toks.start]] || before {
                continue;
            }
            // Word of a place or a dish, told with nothing of consequence ("nghe nói chợ đêm
            // giờ đông lắm", "nghe đồn quán bún chả đầu ngõ ngon nhất phố"): nothing to weigh.
            // The praise within ten words after the cue, in its sentence.
            let si = sentence_of[toks.start];
            let told = toks.end..(toks.end + 10).min(ranges[si].end);
            // Not with a "but", a reason or more news soon after: "uống vào ngon ngọt nhưng hại
            // thận", "ngon vì bỏ hàn the", "rẻ lắm, toàn dùng thịt lợn bệnh", "sắp tăng".
            let but = || {
                (toks.end..(toks.end + 20).min(ranges[si].end)).any(|k| {
                    // "vậy mà" (and yet) goes on with the same everyday news.
                    let yet = t[k].key == "mà" && k > 0 && t[k - 1].key == "vậy";
                    !yet && matches!(
                        t[k].key.as_str(),
                        "nhưng"
                            | "vì"
                            | "do"
                            | "nhờ"
                            | "tại"
                            | "mà"
                            | "sắp"
                            | "toàn"
                            | "bị"
                            | "tăng"
                            | "giảm"
                            | "bỏ"
                            | "dùng"
                            | "bệnh"
                            | "bẩn"
                            | "độc"
                            | "giả"
                    ) || !t[k].marked && matches!(t[k].fold.as_str(), "nhung" | "vi" | "tai" | "ma")
                })
            };
            if everyday_topics().any_in(t, told) && !but() {
                dropped.insert((f.span.start, f.span.end));
                continue;
            }
        }
        f.severity = Severity::Info;
        f.message.vi = HEARSAY_NUDGE_VI.to_string();
        f.message.en = HEARSAY_NUDGE_EN.to_string();
    }
    if !dropped.is_empty() {
        out.retain(|f| {
            !(f.rule_id == "unverified_claim.hearsay"
                && dropped.contains(&(f.span.start, f.span.end)))
        });
    }
}

/// Words that praise a place, a dish or an outing, or tell the weather or a new shop (keyed
/// syllables): hearsay about them is everyday chat ("nghe nói quán mới mở ngon lắm", "nghe nói
/// cuối tuần này đón không khí lạnh", "nghe nói đầu ngõ mới mở quán cà phê"). Read only within
/// ten words after the cue, in a sentence with no other finding and no word of consequence.
const EVERYDAY_TOPICS: &[&str] = &[
    "không khí lạnh",
    "trời lạnh",
    "trời rét",
    "trời mưa",
    "mới mở",
    "khai trương",
    "nở muộn",
    "nở sớm",
    "hoa nở",
    "ngon",
    "rẻ",
    "đông lắm",
    "đông vui",
    "view đẹp",
    "cảnh đẹp",
    "đẹp lắm",
    "mát mẻ",
    "chill",
    "sống ảo",
    "đáng thử",
    "đáng đi",
    "hay lắm",
    "nở rộ",
];

phrase_list!(everyday_topics, EVERYDAY_TOPICS);
phrase_list!(source_labels, SOURCE_LABELS);
phrase_list!(vouches, VOUCH);
phrase_list!(tells, TELL);

/// Whether `person` (the words between "nghe" and a telling verb) is one's family: kin words
/// with sides of the family and possessives only ("mẹ", "bà nội", "ba mẹ", "mẹ vợ", "ông nội
/// tôi", "bố mk", "đứa em họ").
fn family(person: &[Token]) -> bool {
    const KIN: &[&str] = &[
        "mẹ", "bố", "ba", "má", "cha", "chồng", "vợ", "con", "ông", "bà", "anh", "chị", "em",
        "cháu", "dì", "cô", "chú", "bác", "cậu", "mợ", "thím", "cụ", "mạ", "tía", "u", "bầm",
    ];
    // Words a kin word takes after it: another kin word ("ba mẹ", "mẹ vợ"), a side of the
    // family, or a possessive, teencode ones too ("bố e", "bố mk").
    const WITH: &[&str] = &[
        "nội", "ngoại", "rể", "dâu", "họ", "ruột", "gái", "trai", "của", "mình", "tôi", "tui",
        "tớ", "em", "e", "t", "mk", "tao",
    ];
    let first = person.first().map(|k| k.key.as_str());
    let first = if first == Some("đứa") {
        person.get(1).map(|k| k.key.as_str())
    } else {
        first
    };
    first.is_some_and(|w| KIN.contains(&w))
        && person.len() <= 4
        && person.iter().all(|w| {
            let w = w.key.as_str();
            w == "đứa" || KIN.contains(&w) || WITH.contains(&w)
        })
}

/// Shaming words near a chain letter's forward ("nếu không bạn không yêu nước", "là người vô
/// cảm"): it presses even without a count.
const SHAMES: &[&str] = &["yêu nước", "vô cảm", "nếu không"];

/// Counts between `cho` and `người` (folded, so that text typed without diacritics reads the
/// same: "nhung" is "những" there; "năm" and "nam" fold alike), beside any digit.
const COUNTS: &[&str] = &[
    "nhieu", "cang", "it", "chuc", "tram", "bon", "nam", "sau", "bay", "tam", "chin", "muoi",
    "lam", "nhung", "tat", "toan", "het", "ngan", "nghin", "trieu", "van", "hang",
];

/// Requests to pass news on with no urgency in them, for [`drop_calm_shares`] (keyed).
const CALM_SHARES: &[&str] = &[
    "chia sẻ cho mọi người cùng biết",
    "chia sẻ cho nhiều người biết",
    "share cho nhiều người biết",
    "lan toả mạnh",
    "lan toả mạnh lên",
    // "Cứ share cho mọi người cùng biết lịch cúp điện" (brk36).
    "cứ share cho mọi người",
    "share cho cả làng biết",
    "chia sẻ cho cả làng biết",
    "share cho cả xóm biết",
    "chia sẻ cho cả xóm biết",
    "share cho cả nước biết",
    "chia sẻ cho cả nước biết",
];

/// How-tos passed on (keyed syllables), for [`drop_calm_shares`]: "Công thức bánh flan siêu
/// ngon, chia sẻ ngay cho các mẹ nhé".
const HOW_TOS: &[&str] = &[
    "công thức",
    "cách làm",
    "cách nấu",
    "mẹo",
    "bí quyết",
    "kinh nghiệm",
    "recipe",
    "tips",
];
phrase_list!(how_tos, HOW_TOS);

/// Drops a spread-pressure finding that is only a calm request to pass news on ([`CALM_SHARES`]:
/// "Lớp mình nghỉ học thứ 6, chia sẻ cho mọi người cùng biết nhé", a recipe "chia sẻ cho mọi
/// người cùng biết"), or "chia sẻ/share ngay/gấp" in or right after a sentence that passes
/// on a how-to ([`HOW_TOS`]) when no other unverified-claim finding stands in the text: beside a rumour
/// or a cure claim it presses them on (a new user's case). Linear in tokens and findings.
fn drop_calm_shares(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // Only a spread-pressure finding can be calm: most texts have none and pay nothing here.
    if !out
        .iter()
        .any(|f| f.rule_id == "unverified_claim.spread_pressure")
    {
        return;
    }
    // The sentences that pass on a how-to, read once (one pass over the tokens).
    let (sentence_of, ranges) = ctx.sentences();
    let mut how_to = vec![false; ranges.len()];
    for k in 0..t.len() {
        // Not "Cách làm giàu nhanh: …" (a scheme, brk35).
        if how_tos().at(t, k).is_some_and(|n| {
            !t.get(k + n)
                .is_some_and(|x| crate::engine::key_matches_any(x, &["giàu", "tiền"]))
        }) {
            how_to[sentence_of[k]] = true;
        }
    }
    let calm = |f: &Finding| {
        f.rule_id == "unverified_claim.spread_pressure" && {
            let r = tokens_in(t, &f.span);
            let shared_now = || {
                let folds: Vec<&str> = t[r.clone()].iter().map(|x| x.fold.as_str()).collect();
                matches!(
                    folds.as_slice(),
                    ["chia", "se", "ngay" | "gap"] | ["share", "ngay" | "gap"]
                ) && {
                    // In its sentence or the one before ("Công thức bánh mì ngon. Chia sẻ ngay
                    // cho ai cần nhé!", a new user).
                    // Only "ngay" after it: "Mẹo sinh tồn. Share gấp!" (brk35).
                    let si = sentence_of[r.start];
                    how_to[si] || si > 0 && how_to[si - 1] && folds[folds.len() - 1] == "ngay"
                }
            };
            !r.is_empty()
                && (CALM_SHARES
                    .iter()
                    .any(|p| p.split(' ').count() == r.len() && spelled_at(t, r.start, p))
                    || shared_now())
        }
    };
    if out
        .iter()
        .any(|f| f.category == crate::Category::UnverifiedClaim && !calm(f))
    {
        return;
    }
    out.retain(|f| !calm(f));
}

/// Urgings after a forward (folded): "ngay", "gấp", "liền", "(đừng) chần chừ", "mau",
/// "nhanh", "sớm", "lập tức".
const URGINGS: &[&str] = &["ngay", "gap", "lien", "chan", "mau", "nhanh", "som", "lap"];

/// Drops a spread-pressure finding of the chain-letter form "… cho N người (bạn)" (the
/// lexicon's `chia sẻ cho * người`, `chuyển tiếp cho * người`, `gửi cho * người bạn`,
/// `chuyển tiếp cho * nhóm`) when
/// no count stands between `cho` and `người`: "chuyển tiếp cho người phụ trách", "gửi cho mấy
/// người bạn cùng lớp" pass a message on to someone, "chia sẻ cho 15 người", "share cho thật
/// nhiều người" press it on a crowd. A count is a digit of any script or a word of
/// [`COUNTS`] (a number word from four up: "mười người bạn"; `nhiều`, `càng`, `ít nhất`,
/// `những`, `tất cả`, `toàn bộ`, `hết thảy`). An urging ([`URGINGS`]) within nine words after,
/// or shame ([`SHAMES`]) within twelve words either side in its sentence, presses it too.
fn drop_uncounted_forwards(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    out.retain(|f| {
        if f.rule_id != "unverified_claim.spread_pressure" {
            return true;
        }
        let r = tokens_in(t, &f.span);
        let toks = &t[r.clone()];
        // Folded: "chuyen tiep cho nguoi phu trach" typed without diacritics is the same.
        let Some(n) = toks
            .iter()
            .rposition(|x| matches!(x.fold.as_str(), "nguoi" | "nhom"))
        else {
            return true;
        };
        // Only a span ending "… người", "… người bạn" or "… nhóm" (the chain-letter forms).
        if !(n + 1 == toks.len() || n + 2 == toks.len() && toks[n + 1].fold == "ban") {
            return true;
        }
        let Some(c) = toks[..n].iter().rposition(|x| x.fold == "cho") else {
            return true;
        };
        let counted = toks[c + 1..n]
            .iter()
            .any(|x| x.key.chars().any(|c| c.is_numeric()) || COUNTS.contains(&x.fold.as_str()));
        // Urged at once: "Chuyển tiếp cho người thân và bạn bè ngay".
        let end = r.end;
        let urged = || {
            (end..(end + 9).min(t.len()))
                .take_while(|&k| t[k].gap != Gap::Hard)
                .any(|k| URGINGS.contains(&t[k].fold.as_str()))
        };
        let shamed = || {
            let (sentence_of, ranges) = ctx.sentences();
            let s = ranges[sentence_of[end - 1]].clone();
            (s.start.max(end.saturating_sub(12))..(end + 12).min(s.end))
                .any(|k| spelled_any(t, k, SHAMES).is_some())
        };
        // "cứ share cho mọi người": share it anyway (adv48).
        let anyway = toks[0].fold == "cu";
        counted || anyway || urged() || shamed()
    });
}

/// Care a doctor gave (keyed syllables): a recovery after it is a report, not a miracle
/// ("Mẹ mình viêm họng khỏi hẳn sau 3 ngày uống thuốc bác sĩ kê", "bé sổ mũi, bác sĩ khám và
/// cho thuốc, khỏi hẳn sau 5 ngày"). Not "bác sĩ bảo/khuyên" (a claim's favourite voucher), a
/// hospital named alone (as often the villain: "bệnh viện không muốn cho dân biết") nor a visit
/// ("đi khám", "đi viện về uống nước chè xanh khỏi hẳn": the post credits what came after).
const DOCTORS_CARE: &[&str] = &[
    "bác sĩ kê",
    "bs kê",
    "thuốc bác sĩ",
    "thuốc của bác sĩ",
    "cho thuốc",
    "hướng dẫn của trạm y tế",
    "hướng dẫn của bác sĩ",
    "bác sĩ chữa",
    "bác sĩ đã chữa",
    "bs chữa",
    "bác sĩ điều trị",
];

phrase_list!(doctors_care, DOCTORS_CARE);

/// Words that undo a doctor's care as the reason for the recovery: it failed or was dropped
/// ("uống thuốc bác sĩ kê không đỡ, chuyển sang lá ổi khỏi hẳn"), a folk remedy did the work
/// ("thầy lang", "lá", "gia truyền"), or a product is sold ("2 hộp viên sủi của shop").
const CARE_FAILED: &[&str] = &[
    "không đỡ",
    "ko đỡ",
    "không khỏi",
    "không ăn thua",
    "chẳng ăn thua",
    "bó tay",
    "trả về",
    "chê",
    "hết cách",
    "nhưng",
    "chỉ sống",
    "không cần",
    "khỏi cần",
    "bỏ",
    "thay vì",
    "chuyển sang",
    "chuyển qua",
    "ko khỏi",
    "k khỏi",
    "vô phương",
    "qua loa",
    "mách",
    "phải mổ",
    "bài thuốc",
    "nghệ",
    "sữa mẹ",
    "chè",
    "về uống",
    "sau uống",
    "chả đỡ",
    "chẳng thấy đỡ",
    "không thấy đỡ",
    "k đỡ",
    "không hiệu quả",
    "ko hiệu quả",
    "chịu",
    "tốn tiền",
    "mãi",
    "shop",
    "hộp",
    "mua",
    "inbox",
    "thầy lang",
    "lương y",
    "đông y",
    "gia truyền",
    "thuốc nam",
    "thuốc bắc",
    "lá",
    "ngâm",
    "rượu",
];

phrase_list!(care_failed, CARE_FAILED);

phrase_list!(diseases, DISEASES);

/// Drops a recovery's miracle-cure finding ("khỏi hẳn sau", "khỏi hoàn toàn sau", "(bác sĩ)
/// chữa khỏi hẳn": its span starts with `khỏi`, `chữa` or `trị`) in a sentence that names care
/// a doctor gave ([`DOCTORS_CARE`], from ten
/// words before the recovery to fifteen after), no grave disease ([`DISEASES`]) and nothing
/// that undoes the care ([`CARE_FAILED`]).
fn drop_prescribed_recoveries(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let recovery = |f: &Finding| {
        f.rule_id == "unverified_claim.miracle_cure"
            && tokens_in(t, &f.span)
                .next()
                .is_some_and(|k| matches!(t[k].fold.as_str(), "khoi" | "chua" | "tri"))
    };
    if !out.iter().any(recovery) {
        return;
    }
    let (sentence_of, ranges) = ctx.sentences();
    // Each sentence is read once, however many recoveries it holds.
    let mut kept: Vec<Option<bool>> = vec![None; ranges.len()];
    out.retain(|f| {
        let Some(k) = tokens_in(t, &f.span).next().filter(|_| recovery(f)) else {
            return true;
        };
        let si = sentence_of[k];
        *kept[si].get_or_insert_with(|| {
            let sentence = ranges[si].clone();
            // The care near the recovery: what it produced, not an earlier visit the post then
            // turns away from.
            let near = k.saturating_sub(10).max(sentence.start)..(k + 16).min(sentence.end);
            !doctors_care().any_in(t, near)
                || care_failed().any_in(t, sentence.clone())
                || diseases().any_in(t, sentence)
        })
    });
}

/// The message of a teller or voucher of news of consequence with no other finding beside
/// ("Người trong ngành tiết lộ tháng sau giá điện tăng 20%"): a nudge to check.
const TOLD_NUDGE_VI: &str =
    "Tin kể lại từ người quen, không ai kiểm chứng được: nếu là tin quan trọng, hãy chờ hoặc dẫn nguồn chính thức trước khi chia sẻ.";
const TOLD_NUDGE_EN: &str =
    "News told by someone you know, which nobody can check: if it matters, wait for or cite an official source before sharing.";

/// The message of hearsay about nothing of consequence ("nghe nói quán này ngon"): a gentle
/// note, not the warning's call for an official source.
const HEARSAY_NUDGE_VI: &str =
    "Chuyện nghe kể lại: không sao nếu chỉ là chuyện thường ngày; nếu là tin quan trọng, hãy kiểm tra nguồn trước khi chia sẻ.";
const HEARSAY_NUDGE_EN: &str =
    "Something you heard: fine for everyday chat; if it is news that matters, check the source before sharing.";

/// Verbs of a cure (syllables as [`super::spelled_at`] reads them), longest first.
const CURE_VERBS: &[&str] = &[
    "chữa khỏi hoàn toàn",
    "khỏi hoàn toàn",
    "teo hết",
    "đánh tan",
    "tan sạch",
    "tan hết",
    "chữa khỏi",
    "trị khỏi",
    "chữa dứt",
    "trị dứt",
    "đánh bay",
    "đẩy lùi",
    "diệt sạch",
    "tiêu diệt",
    "khỏi hẳn",
    "khỏi luôn",
    "dứt hẳn",
    "hết hẳn",
    "hết luôn",
    "khỏi",
    "hết",
    "teo",
    "chữa",
    "trị",
];

/// What a cure claim says happens to a disease named before it ("tiểu đường khỏi hẳn"),
/// longest first.
const CURE_RESULTS: &[&str] = &[
    "khỏi hoàn toàn",
    "khỏi hẳn",
    "khỏi luôn",
    "teo lại",
    "teo hết",
    "teo hẳn",
    "teo luôn",
    "tan hẳn",
    "teo nhỏ",
    "tan hết",
    "tan biến",
    "biến mất",
    "hết hẳn",
    "hết luôn",
    "lành hẳn",
    "dứt điểm",
    "bay sạch",
    "bay màu",
    "sạch bệnh",
    // A grave disease that goes by itself with the remedy ("tiểu đường tự khỏi").
    "tự khỏi",
    "tự hết",
    "tự tan",
];

/// Chronic or grave diseases a cure claim names, longest first (not the ones people get over
/// at home: "uống nước ấm, nghỉ 3 hôm là hết covid").
const DISEASES: &[&str] = &[
    "tế bào ung thư",
    "đái tháo đường",
    "cao huyết áp",
    "gan nhiễm mỡ",
    "ung thư",
    "tiểu đường",
    "huyết áp",
    "mỡ máu",
    "u bướu",
    "u xơ",
    "khối u",
    "viêm gan",
    "xơ gan",
    "suy thận",
    "sỏi thận",
    "xương khớp",
    "thoái hoá",
    "đột quỵ",
    "tai biến",
    "trầm cảm",
    "tự kỷ",
    "vô sinh",
    "hen suyễn",
    "suy tim",
    "parkinson",
    "vảy nến",
    "gout",
    "gút",
    "hiv",
];

/// Germs of common illnesses that pass by themselves (Covid): a cure claim only after a verb
/// of wiping out ([`WIPE_OUT`]: "Tỏi đen tiêu diệt virus Covid-19", "diệt sạch con virus
/// corona"), not after "khỏi" or "hết" ("Con uống nước ấm, nghỉ ngơi 3 hôm là hết covid" is a
/// recovery).
const GERMS: &[&str] = &["covid", "corona"];

/// Verbs of wiping a disease out, for [`GERMS`].
const WIPE_OUT: &[&str] = &["đánh bay", "đánh tan", "diệt sạch", "tiêu diệt", "đẩy lùi"];

/// Words that may stand between a disease and what a cure does to it, with numbers (keyed
/// syllables): "tiểu đường type 2 bay sạch".
/// Not "cũng", "là", "thì": "khối u cũng biến mất" after surgery, "sinh xong thì tiểu đường
/// cũng hết luôn" are recoveries (a breaker's cases).
const CURE_FILLERS: &[&str] = &["type", "tuýp", "típ"];

/// "No need for" a treatment, longest first.
const NO_NEED: &[&str] = &[
    "khỏi cần",
    "không cần",
    "ko cần",
    "k cần",
    "khỏi phải",
    "không phải",
    "bỏ được",
    "bỏ luôn",
    "bỏ hẳn",
];

/// Treatments a cure claim says one can do without.
const TREATMENTS: &[&str] = &[
    "hoá trị",
    "xạ trị",
    "tiêm insulin",
    "insulin",
    "thuốc tây",
    "chạy thận",
    "lọc máu",
    "phẫu thuật",
];

/// Folk remedies (not a pill or a doctor's care) whose result a cure claim reports
/// ("uống nước lá đu đủ … giờ khỏi hẳn").
const FOLK_REMEDIES: &[&str] = &[
    "bài thuốc",
    "thuốc nam",
    // "lá" alone is also "lá phổi", "lá gan", "lá thư".
    "nước lá",
    "lá cây",
    "lá thuốc",
    "lá ổi",
    "lá đu đủ",
    "lá xoài",
    "lá sen",
    "lá vối",
    "lá khế",
    "lá mít",
    "lá tía tô",
    "lá trầu",
    "lá neem",
    "lá sầu đâu",
    "rễ cây",
    "gia truyền",
    "thảo dược",
    "mật gấu",
    "mật ong",
    "tỏi",
    "gừng",
    "nghệ",
    "giấm",
    "nước ép",
    "baking soda",
    "đông trùng",
    "linh chi",
    "thầy lang",
];

/// What a folk remedy is said to have done ([`FOLK_REMEDIES`]), longest first: whole cures
/// only ("đỡ hơn" is a relief, not a claim).
const FOLK_RESULTS: &[&str] = &[
    "khỏi bệnh hoàn toàn",
    "khỏi hoàn toàn",
    "khỏi dứt điểm",
    "khỏi hẳn",
    "lành hẳn",
    "hết hẳn",
    "khỏi luôn",
    "teo hết",
    "tan hết",
];

/// Home remedies' taking and dosing: a cure claim needs one of these or of [`FOLK_REMEDIES`]
/// in the post.
const REMEDIES: &[&str] = &[
    "uống",
    "dùng",
    "lá",
    "mỗi sáng",
    "mỗi ngày",
    "hàng ngày",
    "pha",
    "đắp",
    "ngâm",
    "mẹo",
    "chỉ cần",
];

/// Source labels that a vague person can follow ("Nguồn: một anh làm trong ngành", "theo lời
/// một người quen"). Longer phrases before their prefixes.
const SOURCE_LABELS: &[&str] = &[
    "nguồn tin từ",
    "nguồn tin",
    "nguồn từ",
    "nguồn",
    "tin này từ",
    "tin từ",
    "theo lời kể của",
    "theo lời của",
    "theo lời",
];

/// People who are no source: nobody a reader could check ("một anh", "người quen", "bạn
/// mình"). Longer phrases before their prefixes.
const VAGUE_PEOPLE: &[&str] = &[
    // Not a person, but as unnamed: "thông tin nội bộ bên công an cho biết".
    "thông tin nội bộ",
    "tin nội bộ",
    "ng nhà mk",
    "người nhà mk",
    "anh họ mình",
    "chị họ mình",
    "một anh",
    "một chị",
    "một người quen",
    "một người",
    "một cán bộ",
    "người quen",
    "người nhà mình",
    "người nhà tôi",
    "người nhà em",
    "có bạn",
    "có người quen",
    "bạn thân tôi",
    "bạn thân mình",
    "bạn thân em",
    "bạn tôi",
    "bạn mình",
    "bạn em",
    "bạn anh",
    "bạn chị",
    "bạn bè trong ngành",
    "bạn trong ngành",
    "người trong ngành",
    "anh trong ngành",
    "chị trong ngành",
    "người trong cuộc",
    "ông anh",
    "bà chị",
    "cô bạn",
    "chị bạn",
    "anh bạn",
    "cháu tôi",
    "cháu mình",
    "cháu em",
    "anh họ",
    "chị họ",
    "em họ",
    "đứa em",
    "thằng em",
    "con em",
    "đứa bạn",
    "thằng bạn",
    "con bạn",
    "người nhà",
    "ng nhà",
];

/// Verbs by which a vague person vouches for a claim ("bác sĩ bạn mình xác nhận rồi").
const VOUCH: &[&str] = &[
    "xác nhận",
    "khẳng định",
    "confirm",
    "cam đoan",
    "nói chắc",
    "bảo chắc",
    "tiết lộ",
];

/// Verbs by which a vague person tells a claim, only after a word of where they work ("bạn
/// em làm trong sở kể", "người nhà mình bên công an nói"): "bạn mình nói quán này ngon" is
/// no claim to check.
const TELL: &[&str] = &["cho biết", "kể lại", "kể", "nói", "bảo", "mách nhỏ", "mách"];

phrase_list!(vague_people, VAGUE_PEOPLE);

/// People an unnamed someone may be, after "một" / "1" / "có" ("1 thầy trong ban ra đề", "một
/// y tá") or before "trong cuộc" ("phụ huynh trong cuộc"), for [`vague_person_at`] (keyed; a
/// longer phrase before a shorter one with its first syllable: "bác sĩ" before "bác").
const PEOPLE_HEADS: &[&str] = &[
    "người",
    "thầy",
    "cô",
    "anh",
    "chị",
    "bác sĩ",
    "bác",
    "chú",
    "phụ huynh",
    "giáo viên",
    "y tá",
    "cán bộ",
    "nhân viên",
    "công an",
    "lãnh đạo",
];
phrase_list!(people_heads, PEOPLE_HEADS);

/// The length in tokens of an unnamed person starting at token `s`, one phrase: a person of
/// [`VAGUE_PEOPLE`], with the one whose they are after it or not ("chị họ em", "người quen
/// tôi"); "một" / "1" / "có" and one of [`PEOPLE_HEADS`] ("1 thầy", "một bác sĩ"); or one of
/// [`PEOPLE_HEADS`] and "trong cuộc" ("phụ huynh trong cuộc", "người trong cuộc"). `None`
/// when none starts there.
fn vague_person_at(t: &[Token], s: usize) -> Option<usize> {
    let joined = |a: usize, n: usize| spaced(t, a, a + n - 1);
    if let Some(n) = vague_people().at(t, s).filter(|&n| joined(s, n)) {
        let own = t.get(s + n).is_some_and(|x| {
            x.gap == Gap::Space
                && matches!(x.key.as_str(), "mình" | "em" | "tôi" | "tớ" | "mk" | "tao")
        });
        return Some(n + usize::from(own));
    }
    let x = t.get(s)?;
    if matches!(x.fold.as_str(), "mot" | "1" | "co") && (x.marked || x.fold == "1") {
        if let Some(n) = people_heads().at(t, s + 1).filter(|&n| joined(s, n + 1)) {
            return Some(n + 1);
        }
    }
    let n = people_heads().at(t, s)?;
    (super::spelled_at(t, s + n, "trong cuộc") && joined(s, n + 2)).then_some(n + 2)
}

/// Words that open where a vague person works: "làm trong sở", "bên công an", "ở phường".
const WORKS_AT: &[&str] = &["lam", "ben", "o", "trong", "cong"];

/// Verbs after a source's person that make it a credit for a photo or a recipe, not for a
/// claim: "Nguồn: một anh giáo viên chia sẻ", "Nguồn: một chị bạn gửi".
const CREDIT: &[&str] = &["chia", "gui", "cung", "suu", "chup", "quay", "tang"];

/// The last token of the words of where a vague person works that start at token `e`
/// ("làm trong ngành", "bên công an"): up to four words joined by spaces, or `e - 1` when
/// none start there.
fn works_at_end(t: &[Token], e: usize) -> usize {
    if !t
        .get(e)
        .is_some_and(|x| x.gap == Gap::Space && WORKS_AT.contains(&x.fold.as_str()))
    {
        return e - 1;
    }
    let mut last = e;
    while last < e + 3 && t.get(last + 1).is_some_and(|x| x.gap == Gap::Space) {
        last += 1;
    }
    last
}

/// The press ([`PRESS_WORDS`]) that dares not publish: a negation within three words before
/// it or right after it, then "dám" (or "không bao giờ" after "mà", "điều", beside another
/// claim) and a verb of
/// publishing ([`PUBLISH_VERBS`]) within the clause: "Không một tờ báo nào dám viết ra điều
/// này", "báo chí chẳng dám đăng", "chưa đài nào dám đưa", "điều mà truyền hình sẽ không bao giờ
/// phát:". Written as a form, the phrases of the lexicon's `sensational` group ("báo chí
/// không dám đưa") are its commonest cases. Adds `unverified_claim.sensational` (`warning`)
/// where no finding of the category covers the words. Source: duty 1 of the seed article
/// (information not verified). Linear in tokens.
fn press_silenced(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let claimed = out
        .iter()
        .any(|f| f.category == crate::Category::UnverifiedClaim);
    // Per sentence, read once on first need: whether it tells a story ([`PRESS_STORY`]).
    let mut stories: Vec<Option<bool>> = Vec::new();
    for i in 0..t.len() {
        let Some(n) = press_words().at(t, i) else {
            continue;
        };
        let before = (i.saturating_sub(3)..i).find(|&k| negation(&t[k]) && spaced(t, k, i));
        if before.is_none() {
            if let Some(end) = press_hushed(ctx, i, n, &mut stories) {
                spans.push(t[i].orig.start..t[end].orig.end);
                continue;
            }
        }
        let clause = |k: usize| t.get(k).is_some_and(|x| x.gap == Gap::Space);
        // "dám" within four words after the press, the negation among them if not before; or
        // "never" ("truyền hình sẽ không bao giờ phát", "báo chí chẳng bao giờ đưa").
        // "Never" only as the thing the press will never air ("điều mà truyền hình sẽ không
        // bao giờ phát:", "Tin nóng mà báo chí không bao giờ đưa"), beside another claim of
        // the category: said plainly it is a channel's policy, a reporter's ethics, a village
        // match or a show's behind-the-scenes promo (a breaker's cases).
        let that = claimed
            && i > 0
            && t[i].gap == Gap::Space
            && (key_matches(&t[i - 1], "mà")
                || key_matches(&t[i - 1], "điều")
                || spelled_at(t, i.saturating_sub(2), "sự thật"));
        let never = |k: usize| {
            that && k >= i + n + 2
                && key_matches(&t[k], "giờ")
                && key_matches(&t[k - 1], "bao")
                && negation(&t[k - 2])
                && spaced(t, k - 2, k)
        };
        let Some(dare) = (i + n..i + n + 4)
            .take_while(|&k| clause(k))
            .find(|&k| key_matches(&t[k], "dám") || !t[k].marked && t[k].fold == "dam" || never(k))
        else {
            continue;
        };
        if before.is_none() && !(i + n..dare).any(|k| negation(&t[k])) {
            continue;
        }
        let Some(verb) = (dare + 1..dare + 3)
            .take_while(|&k| clause(k))
            .find(|&k| key_matches_any(&t[k], PUBLISH_VERBS))
        else {
            continue;
        };
        // What is not published: nothing named (the clause ends, "ra", "lên") or news
        // ([`SUPPRESSED`]); not "không tờ báo nào dám đăng thơ yêu nước" under colonial rule, nor
        // "đài chưa dám phát trận chung kết" for want of rights.
        let mut k = verb + 1;
        while t
            .get(k)
            .is_some_and(|x| x.gap == Gap::Space && matches!(x.fold.as_str(), "ra" | "len" | "lai"))
        {
            k += 1;
        }
        // "Never" is also a habit or a rule ("VTV không bao giờ phát những cảnh bạo lực …",
        // "Truyền hình không bao giờ đưa tin trận giải làng mình"): only with nothing named
        // ("… sẽ không bao giờ phát:", "báo chí sẽ không bao giờ đưa đâu").
        if key_matches(&t[dare], "giờ") {
            while t
                .get(k)
                .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "đâu"))
            {
                k += 1;
            }
        }
        let ended = t.get(k).is_none_or(|x| x.gap != Gap::Space);
        let news = ended || !key_matches(&t[dare], "giờ") && suppressed().at(t, k).is_some();
        if news {
            spans.push(t[before.unwrap_or(i)].orig.start..t[verb].orig.end);
        }
    }
    add_uncovered(t, out, crate::Category::UnverifiedClaim, spans, |s| {
        group_finding(ctx, "unverified_claim.sensational", Severity::Warning, s)
    });
}

/// Shaming whoever does not pass a post on: a negation, a verb of sharing ([`SHARE_VERBS`])
/// within two words, "là" or "thì" and a shaming word ([`SHAME_WORDS`]) within three (blame,
/// "có lỗi", only with a reader for its subject: "ai", "bạn nào"):
/// "không share là vô tâm", "ai không chia sẻ thì là người vô cảm", "ko share la khong yeu
/// nuoc". Adds `unverified_claim.spread_pressure` (`warning`) over the words where no finding
/// of the category covers them. Source: duty 1 of the seed article (and section I's questions:
/// who gains if this spreads). Linear in tokens.
fn shamed_sharing(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    for i in 0..t.len() {
        if !negation(&t[i]) {
            continue;
        }
        let clause = |a: usize, b: usize| spaced(t, a, b);
        let Some((v, n)) = (i + 1..i + 3).find_map(|k| share_verbs().at(t, k).map(|n| (k, n)))
        else {
            continue;
        };
        // The post itself may be named between ("không share bài này là …", "không chia sẻ
        // bài viết này thì …"), or "ngay".
        let mut o = v + n;
        while o < v + n + 3
            && t.get(o).is_some_and(|x| {
                x.gap == Gap::Space
                    && key_matches_any(x, &["bài", "viết", "này", "tin", "clip", "video", "ngay"])
            })
        {
            o += 1;
        }
        let la = (o..o + 2).find(|&k| {
            t.get(k)
                .is_some_and(|x| key_matches(x, "là") || key_matches(x, "thì"))
        });
        let Some(la) = la.filter(|&k| clause(i, k)) else {
            continue;
        };
        let Some((s, m)) = (la + 1..la + 4).find_map(|k| shame_words().at(t, k).map(|m| (k, m)))
        else {
            continue;
        };
        // Arguing against the shaming: "Đừng nghĩ ai không share là vô tâm", "… là vô tâm
        // đâu".
        let rejected = (i.saturating_sub(4)..i)
            .any(|k| key_matches(&t[k], "đừng") || !t[k].marked && t[k].fold == "dung")
            || t.get(s + m)
                .is_some_and(|x| x.gap == Gap::Space && x.fold == "dau");
        // Self-reproach ("có lỗi", "có tội") shames the reader only when the reader is its
        // subject ("Ai không share là có lỗi với gia đình"); "Quán ngon quá, không chia sẻ thì
        // có lỗi với cả nhà" is the writer's own reason to post a review.
        let reader = || {
            (i.saturating_sub(4)..i).any(|k| {
                key_matches(&t[k], "ai")
                    || t[k].fold == "nao"
                        && k > 0
                        && matches!(t[k - 1].fold.as_str(), "ban" | "nguoi" | "dua")
            })
        };
        let self_blame = matches!(t[s].fold.as_str(), "co" | "mang" | "dac");
        if clause(la, s + m - 1) && !rejected && (!self_blame || reader()) {
            spans.push(t[i].orig.start..t[s + m - 1].orig.end);
        }
    }
    add_spread_pressure(ctx, out, spans);
}

/// The race against removal, as a form: "trước khi" (or "kẻo", or a removal foretold: "mai
/// là", "sắp", "lát nữa là") and who removes or the post itself, then the removal ("trước khi
/// facebook gỡ bài", "trc khi admin xóa", "kẻo bài này bị chặn", "truoc khi ho go", "mai là
/// bài này bay màu"): at least one word of [`REMOVERS`] between, and nothing else, so
/// "trước khi xóa ảnh, hãy sao lưu" and "trước khi gỡ cài đặt" stay clean; in a sentence that
/// asks to pass the post on ([`SHARE_VERBS`], "copy"), so that a moderation notice ("trước khi
/// admin xóa bài, …") or platform news ("trước khi YouTube gỡ") stays clean too. Adds
/// `unverified_claim.spread_pressure` (`warning`) where no finding of the category covers it.
/// Source: duty 1 of the seed article (pressure to spread before checking). Linear in tokens.
fn removal_race(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    // Whether each sentence asks to share, on the first race in it; whether it names the post
    // itself ("bài này", a clip), on the first race over a feature in it.
    let mut shared = ShareAsked::default();
    let mut names_post: Vec<Option<bool>> = Vec::new();
    for i in 0..t.len() {
        if !matches!(
            t[i].fold.as_str(),
            "truoc" | "trc" | "trk" | "keo" | "mai" | "sap" | "lat" | "chut" | "nua"
        ) {
            continue;
        }
        // "vài tiếng nữa là", "2 ngày nữa là": a span of time before "nữa là" ("lát nữa là",
        // "chút nữa là" open at their first word).
        let span_of_time = |j: usize| {
            t[j].fold == "nua"
                && j > 0
                && t[j].gap == Gap::Space
                && matches!(
                    t[j - 1].fold.as_str(),
                    "tieng" | "gio" | "phut" | "ngay" | "hom" | "bua" | "tuan"
                )
        };
        if t[i].fold == "nua" && !span_of_time(i) {
            continue;
        }
        let Some(n) = spelled_any(
            t,
            i,
            &[
                "trước khi",
                "trước lúc",
                "trc khi",
                "trk khi",
                "kẻo",
                "mai là",
                "sắp",
                "lát nữa là",
                "chút nữa là",
                "nữa là",
            ],
        ) else {
            continue;
        };
        // Where the opener starts: "vài tiếng nữa là" from its span of time.
        let opens = if span_of_time(i) {
            (i - 1).saturating_sub(usize::from(i >= 2 && t[i - 1].gap == Gap::Space))
        } else {
            i
        };
        // Up to four words of who removes or what is removed, then the removal. A removal
        // foretold ("mai là", "sắp") needs the post or a platform among them: "mai là bị chặn
        // đường", "sắp bị ẩn" are roads and stalls as often (a breaker's cases).
        let foretold = !matches!(t[i].fold.as_str(), "truoc" | "trc" | "trk" | "keo");
        let mut k = i + n;
        let mut between = 0;
        let mut named = false;
        while between < 4 && t.get(k).is_some_and(|x| x.gap == Gap::Space) {
            let Some(m) = removers().at(t, k) else {
                break;
            };
            named |= !matches!(t[k].fold.as_str(), "bi" | "ho" | "no" | "mai" | "sap");
            k += m;
            between += 1;
        }
        if foretold && !named {
            continue;
        }
        let Some(m) = removals().at(t, k) else {
            continue;
        };
        if !(between > 0 && spaced(t, i, k + m - 1)) {
            continue;
        }
        // Removed from a drive or a machine ("trước khi bị xoá khỏi ổ chung"): files go, not
        // the post.
        let stored = t
            .get(k + m)
            .is_some_and(|x| x.gap == Gap::Space && x.fold == "khoi")
            && t.get(k + m + 1).is_some_and(|x| {
                matches!(
                    x.fold.as_str(),
                    "o" | "drive" | "may" | "he" | "server" | "cloud" | "bo" | "danh"
                )
            });
        if stored {
            continue;
        }
        // Per sentence, read once: a sentence of a megabyte may hold thousands of races.
        let (sentence_of, ranges) = ctx.sentences();
        let si = sentence_of[i];
        // "trước khi Facebook gỡ (bỏ) tính năng này": a feature or an offer goes, not the
        // post — unless the feature is a way of sharing ("tính năng chia sẻ", "app live") or
        // the sentence asks to pass on the post itself ("share bài này", a clip).
        let feature_at = |f: usize| {
            features().at(t, f).is_some_and(|n| {
                let tool = (f + n..(f + n + 2).min(t.len())).any(|j| {
                    t[j].gap == Gap::Space
                        && (share_verbs().at(t, j).is_some()
                            || matches!(t[j].fold.as_str(), "live" | "livestream")
                            || spelled_at(t, j, "phát trực tiếp")
                            || spelled_at(t, j, "chuyển tiếp"))
                });
                !tool
            })
        };
        // Up to two words between: "gỡ bỏ", "xóa hẳn", "chặn các", "xóa mấy cái".
        let after = k + m;
        let mut f = after;
        while f < after + 2
            && t.get(f).is_some_and(|x| {
                x.gap == Gap::Space
                    && matches!(
                        x.fold.as_str(),
                        "bo" | "han" | "cac" | "may" | "cai" | "nhung"
                    )
            })
        {
            f += 1;
        }
        if t.get(f).is_some_and(|x| x.gap == Gap::Space) && feature_at(f) {
            names_post.resize(ranges.len(), None);
            let post = *names_post[si].get_or_insert_with(|| {
                ranges[si].clone().any(|j| {
                    matches!(t[j].fold.as_str(), "clip" | "video")
                        || (matches!(t[j].fold.as_str(), "bai" | "tin")
                            && t.get(j + 1).is_some_and(|x| {
                                x.gap == Gap::Space
                                    && (x.key == "này"
                                        || x.fold == "viet"
                                        || !x.marked && x.fold == "nay")
                            }))
                })
            });
            if !post {
                continue;
            }
        }
        if shared.asks(ctx, si) {
            spans.push(t[opens].orig.start..t[k + m - 1].orig.end);
        }
    }
    add_spread_pressure(ctx, out, spans);
}

/// Per sentence, whether it asks to pass the post on ([`SHARE_VERBS`], "copy"), for
/// [`removal_race`] and [`foretold_removal`]: each sentence is read once, when first asked
/// about (a sentence of a megabyte may hold thousands of races).
#[derive(Default)]
struct ShareAsked(Vec<Option<bool>>);

impl ShareAsked {
    /// Whether sentence `si` (an index into [`Ctx::sentences`]' ranges) asks to share.
    fn asks(&mut self, ctx: &Ctx<'_>, si: usize) -> bool {
        let t = ctx.tokens;
        let (_, ranges) = ctx.sentences();
        self.0.resize(ranges.len(), None);
        *self.0[si].get_or_insert_with(|| {
            ranges[si]
                .clone()
                .any(|j| share_verbs().at(t, j).is_some() || t[j].fold == "copy")
        })
    }
}

/// A post foretelling its own removal, the post named first: "bài này" (or "bài viết này",
/// "post này", "clip này", "video này"), up to six words saying it is coming ("sẽ", "sớm",
/// "sắp", "mai", "chắc", "kiểu gì cũng", with "bị", "là", "có thể", "nhanh", "thôi", "cũng",
/// "chắc chắn" between), then a removal by someone else ("bị" before it, or "bay màu"):
/// "bài này sẽ sớm bay màu", "clip này sắp bị gỡ", "video này chắc chắn sẽ bị xoá", "bài này
/// kiểu gì cũng bị gỡ"; not the writer's own "bài này mai là xoá nha". In a sentence that
/// asks to pass the post on ([`SHARE_VERBS`], "copy"), as [`removal_race`]: alone it is a
/// moderation notice ("Bài này sẽ bị xoá vì vi phạm nội quy"), which also gives a reason
/// ("vì", "do", "nếu", "theo") or a schedule ("sau 24h") and is never read as one; nor is
/// reach cut down ("bị ẩn bớt"). Adds `unverified_claim.spread_pressure` (`warning`) where no
/// finding of the category covers it. Source: duty 1 of the seed article. Linear in tokens.
fn foretold_removal(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let mut shared = ShareAsked::default();
    for i in 0..t.len() {
        if !(matches!(
            t[i].fold.as_str(),
            "post" | "clip" | "video" | "stt" | "status"
        ) || key_matches(&t[i], "bài"))
        {
            continue;
        }
        let mut k = i + 1;
        if t.get(k)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "viết"))
        {
            k += 1;
        }
        let this = t.get(k).is_some_and(|x| {
            x.gap == Gap::Space && (x.key == "này" || !x.marked && x.fold == "nay")
        });
        if !this {
            continue;
        }
        k += 1;
        let mut coming = false;
        let mut passive = false;
        let mut between = 0;
        while between < 6 && t.get(k).is_some_and(|x| x.gap == Gap::Space) {
            let x = &t[k];
            // "kiểu gì cũng", "thế nào cũng": it will happen whatever.
            let whatever = key_matches(x, "cũng")
                && k > 0
                && (key_matches(&t[k - 1], "gì") || key_matches(&t[k - 1], "nào"));
            if whatever || key_matches_any(x, &["sẽ", "sớm", "sắp", "mai", "chắc"]) {
                coming = true;
            } else if key_matches(x, "bị") {
                passive = true;
            } else if !key_matches_any(
                x,
                &[
                    "là", "có", "thể", "nhanh", "thôi", "cũng", "chắn", "kiểu", "gì", "thế", "nào",
                ],
            ) {
                break;
            }
            k += 1;
            between += 1;
        }
        if !coming || t.get(k).is_none_or(|x| x.gap != Gap::Space) {
            continue;
        }
        let Some(m) = removals().at(t, k) else {
            continue;
        };
        // Removed by someone else ("bị xoá", "bay màu"), not by the writer ("bài này mai là
        // xoá nha": a sale's post taken down when the sale ends).
        if !(passive || spelled_at(t, k, "bay màu")) {
            continue;
        }
        // A reason or a schedule ("sẽ bị xoá sau 24h"), or reach cut down ("bị ẩn bớt").
        let reason = (k + m..(k + m + 3).min(t.len()))
            .take_while(|&j| t[j].gap == Gap::Space)
            .any(|j| key_matches_any(&t[j], &["vì", "do", "nếu", "theo", "sau", "bớt"]));
        if reason {
            continue;
        }
        let (sentence_of, _) = ctx.sentences();
        if shared.asks(ctx, sentence_of[i]) {
            spans.push(t[i].orig.start..t[k + m - 1].orig.end);
        }
    }
    add_spread_pressure(ctx, out, spans);
}

/// Drops hearsay ("nghe nói", "nghe bảo") that asks the reader about themself: a second-person
/// word right after it, not followed by a capitalised name ("anh Tuấn" is someone else), in a
/// sentence that ends as a question ("?", or "à", "hả", "hở", "phải không", "đúng không",
/// "chưa"): "Nghe nói bạn mới mua máy ảnh à, …". Linear in tokens.
fn hearsay_asked_of_reader(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    if !out.iter().any(|f| f.rule_id == "unverified_claim.hearsay") {
        return;
    }
    let clause_ends = std::cell::OnceCell::new();
    let asked = |f: &Finding| {
        let r = tokens_in(t, &f.span);
        if r.len() != 2 || !matches!(t[r.start + 1].fold.as_str(), "noi" | "bao") {
            return false;
        }
        let you = r.end;
        // Not someone else: "anh Tuấn", "bạn ấy", "chị ta".
        let third = |n: &Token| {
            n.gap == Gap::Space
                && (n.capitalized
                    || matches!(
                        n.key.as_str(),
                        "ấy" | "đó" | "kia" | "này" | "nọ" | "ta" | "kìa"
                    ))
        };
        let reader = t.get(you).is_some_and(|x| {
            x.gap == Gap::Space
                && key_matches_any(x, READERS)
                && t.get(you + 1).is_none_or(|n| !third(n))
        });
        if !reader {
            return false;
        }
        // The clause's end: the first token after which punctuation or the text's end comes
        // (one pass over the text, on the first question: a clause of a megabyte may hold
        // thousands of "nghe nói bạn").
        let end = clause_ends.get_or_init(|| {
            let mut ends = vec![0; t.len()];
            for k in (0..t.len()).rev() {
                ends[k] = match t.get(k + 1) {
                    Some(n) if n.gap == Gap::Space => ends[k + 1],
                    _ => k,
                };
            }
            ends
        })[you];
        let after = ctx.text.get(t[end].orig.end..).unwrap_or_default();
        after.trim_start().starts_with('?')
            || matches!(t[end].key.as_str(), "à" | "hả" | "hở" | "chưa")
            || !t[end].marked && matches!(t[end].fold.as_str(), "a" | "ha" | "ho")
            || end >= 1 && spelled_any(t, end - 1, &["phải không", "đúng không"]).is_some()
    };
    out.retain(|f| !(f.rule_id == "unverified_claim.hearsay" && asked(f)));
}

/// Drops an unsourced accusation that the sentence denies: a negation ([`negation`]) one or
/// two words before it ("mình không ôm tiền quỹ đâu", "ông ấy chưa bao giờ nhận hối lộ", "tôi
/// không hề tham ô"), in one phrase, and no "thì" after it (a condition: "không ăn hối lộ thì
/// lấy đâu ra"). Linear in findings.
fn drop_denied_accusations(t: &[Token], out: &mut Vec<Finding>) {
    out.retain(|f| {
        if f.rule_id != "unverified_claim.unsourced_accusation" {
            return true;
        }
        let r = tokens_in(t, &f.span);
        if r.is_empty() {
            return true;
        }
        let s = r.start;
        // "không", "không hề", "chưa bao giờ": a negation up to three words back, with only
        // "hề", "bao giờ" or "từng" between.
        let denied = (s.saturating_sub(3)..s).any(|k| {
            negation(&t[k])
                && spaced(t, k, s)
                && t[k + 1..s]
                    .iter()
                    .all(|x| matches!(x.fold.as_str(), "he" | "bao" | "gio" | "tung"))
        });
        // "không ăn hối lộ thì ăn gì": a condition, which asks rather than denies.
        let condition = t.get(r.end).is_some_and(|x| x.fold == "thi");
        !denied || condition
    });
}

/// Words that make a wrongdoing named after them in their sentence a thing to fight, forbid or
/// punish rather than something someone did ("phòng chống tham ô", "Nghiêm cấm cán bộ, công
/// chức nhận hối lộ", "quy định về tội tham ô", "để xảy ra tình trạng ăn chặn"), for
/// [`drop_generic_accusations`] (keyed; a longer phrase before a shorter one with its first
/// syllable).
const GENERIC_LEADS: &[&str] = &[
    "phòng chống",
    "chống",
    "phòng ngừa",
    "ngăn chặn",
    "ngăn ngừa",
    "đẩy lùi",
    "đấu tranh",
    "nghiêm cấm",
    "cấm",
    "tố giác",
    "lên án",
    "xử lý nghiêm",
    "xử lý",
    "trừng trị",
    "không được phép",
    "không được",
    "quy định",
    "thế nào là",
    "mức phạt",
    "hình phạt",
    "khung hình phạt",
    "xảy ra",
];
phrase_list!(generic_leads, GENERIC_LEADS);

/// A wrongdoing's name as a kind of act ("hành vi tham ô", "tội nhận hối lộ"), for
/// [`drop_generic_accusations`] (keyed; a longer phrase before a shorter one with its first
/// syllable).
const KINDS: &[&str] = &[
    "hành vi",
    "hành động",
    "tội danh",
    "tội",
    "tình trạng",
    "nạn",
    "vấn nạn",
    "vụ",
];
phrase_list!(kinds, KINDS);

/// What a wrongdoing opening its sentence is said to be or to get ("Tham ô là hành vi …",
/// "Nhận hối lộ là tội …", "Tham ô tài sản là gì?", "Tham ô bị xử lý thế nào?"), for
/// [`drop_generic_accusations`] (keyed). Not "là một" ("Nhận hối lộ là một chuyện, ông ta …").
const DEFINED_AS: &[&str] = &[
    "là hành vi",
    "là hành động",
    "là tội",
    "là gì",
    "là vi phạm",
    "là biểu hiện",
    "là quốc nạn",
    "là vấn nạn",
    "là phạm tội",
    "là trái pháp luật",
    "bị xử lý",
    "sẽ bị xử lý",
    "đều bị xử lý",
    "bị nghiêm cấm",
    "bị cấm",
    "bị trừng trị",
    "bị truy cứu",
    "bị xử phạt",
    "bị phạt",
    "bị pháp luật",
];
phrase_list!(defined_as, DEFINED_AS);

/// Words that point at a person or at one place or body in a sentence ("ông", "lão",
/// "trưởng thôn", "chủ tịch", "nó", "này" in "xã này"): a wrongdoing in such a sentence is said
/// of someone, for [`drop_generic_accusations`] (keyed).
const SOMEONE: &[&str] = &[
    "ông",
    "bà",
    "lão",
    "thằng",
    "mụ",
    "gã",
    "hắn",
    "ổng",
    "bả",
    "ả",
    "nó",
    "họ",
    "bọn",
    "tụi",
    "anh ta",
    "chị ta",
    "cô ta",
    "chủ tịch",
    "phó",
    "trưởng",
    "giám đốc",
    "kế toán",
    "thủ quỹ",
    "bí thư",
    "sếp",
    "vợ",
    "chồng",
    "tên",
    "này",
    "đó",
    "ấy",
    "kia",
    "nọ",
];
phrase_list!(someone, SOMEONE);

/// Drops an unsourced accusation that names a wrongdoing as a kind of act, not as something
/// someone did: civics, campaigns and the law ("Tuyên truyền phòng chống tham ô, nhận hối lộ",
/// "Tội nhận hối lộ được quy định tại Điều 354", "Tham ô, nhận hối lộ là hành vi vi phạm pháp
/// luật", "Bất kỳ ai nhận hối lộ đều bị xử lý"), or tells a film's or a book's plot ("Phim kể
/// về gã kế toán ôm tiền quỹ bỏ trốn", "Diễn viên X đóng vai chủ tịch xã nhận hối lộ").
///
/// A wrongdoing is generic only in a sentence that points at nobody ([`SOMEONE`]: no "ông",
/// "lão", "trưởng thôn", "nó", no "xã này"; a single-syllable word typed without diacritics
/// counts as one too), and when
/// - a word of fighting, forbidding or the law ([`GENERIC_LEADS`]) comes before it in its
///   sentence, not right after "bị" or "được" ("bị tố giác nhận hối lộ" is said of someone);
/// - or a kind of act ([`KINDS`]) comes right before it, opening its clause with "các",
///   "những" or "mọi" before it or not ("Mọi hành vi nhận hối lộ đều …");
/// - or it opens its sentence and, within four words after it and the wrongdoings listed with
///   it, is said to be a kind of act or to be punished ([`DEFINED_AS`]);
/// - or "nào" or "ai" asks for anyone right before it ("cán bộ nào nhận hối lộ", "bất kỳ ai
///   tham ô"), in a sentence that is no question ("Ai ăn chặn tiền? Lão trưởng thôn chứ ai!").
///
/// A single-syllable lead or kind counts only with its diacritics ("va chong om tien quy" is
/// "và chồng", "toi nhan hoi lo" is "tôi"). A wrongdoing listed right after a generic one
/// (after a comma, "và", "hoặc", "hay") is generic too.
///
/// A plot is told when a film, a book or a play ("phim", "truyện", "tiểu thuyết", "sách",
/// "vở kịch") is followed within three words by "kể", "xoay quanh" or "nói về", or "đóng vai" /
/// "vào vai" comes, earlier in the sentence ("Cứ như một bộ phim, kế toán xã ôm tiền quỹ" and
/// "Xem phim xong … ôm tiền quỹ" stay findings).
///
/// Source: the article's section II (inferring about officials without a conclusion of the
/// competent body) concerns people, not the law's own words. Linear in tokens.
fn drop_generic_accusations(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let is_accusation = |f: &Finding| f.rule_id == "unverified_claim.unsourced_accusation";
    if !out.iter().any(is_accusation) {
        return;
    }
    let t = ctx.tokens;
    let (sentence_of, ranges) = ctx.sentences();
    // A phrase of `list` starts at token `k` and is safe to read there: with its diacritics
    // when it is one syllable. Its length.
    let at = |list: &PhraseList, k: usize| list.at(t, k).filter(|&n| n > 1 || t[k].marked);
    // Per sentence, read once each: whether it points at someone; the first token after a
    // generic lead in it (`usize::MAX`: none); the first token after a plot's cue.
    let mut pointed: Vec<Option<bool>> = vec![None; ranges.len()];
    let mut led_from: Vec<Option<usize>> = vec![None; ranges.len()];
    let mut plot_from: Vec<Option<usize>> = vec![None; ranges.len()];
    let someone_in = |si: usize| {
        // Folded too: "ong", "ba" typed flat may be a bee or three, read as a person all the
        // same (which keeps the finding); but not inside a lead of two or more words ("phong
        // chong" is "phòng chống", not a husband).
        let r = ranges[si].clone();
        let mut k = r.start;
        while k < r.end {
            // In a text with diacritics an unmarked word is what it says: "hôm nay" holds no
            // "này", "do" no "đó" (only "kia" has no diacritic of its own).
            let read = t[k].marked || ctx.unaccented || t[k].fold == "kia";
            match generic_leads().at(t, k) {
                Some(n) if n > 1 => k += n,
                _ if read && someone().at(t, k).is_some() => return true,
                _ => k += 1,
            }
        }
        false
    };
    let lead_in = |si: usize| {
        ranges[si]
            .clone()
            .find_map(|k| {
                let n = at(generic_leads(), k)?;
                let after_passive = k > 0
                    && t[k].gap == Gap::Space
                    && matches!(t[k - 1].fold.as_str(), "bi" | "duoc");
                (!after_passive).then_some(k + n)
            })
            .unwrap_or(usize::MAX)
    };
    let plot_in = |si: usize| {
        let r = ranges[si].clone();
        r.clone()
            .find_map(|k| {
                let x = &t[k];
                if spelled_at(t, k, "đóng vai") || spelled_at(t, k, "vào vai") {
                    return Some(k + 2);
                }
                let work = match x.fold.as_str() {
                    "phim" | "film" | "sach" => true,
                    "truyen" => x.key == "truyện",
                    "tieu" => spelled_at(t, k, "tiểu thuyết"),
                    "kich" => k > 0 && t[k - 1].fold == "vo",
                    _ => false,
                };
                if !work {
                    return None;
                }
                (k + 1..(k + 4).min(r.end)).find_map(|j| {
                    let told = t[j].key == "kể"
                        || spelled_at(t, j, "xoay quanh")
                        || spelled_at(t, j, "nói về");
                    (told && spaced(t, k, j)).then_some(j + 1)
                })
            })
            .unwrap_or(usize::MAX)
    };
    // Tokens `a..b` hold only "các", "những", "mọi".
    let dets = |a: usize, b: usize| {
        t[a..b]
            .iter()
            .all(|x| matches!(x.fold.as_str(), "cac" | "nhung" | "moi"))
    };
    let opens = |i: usize| i == 0 || t[i].gap != Gap::Space;
    // A kind of act right before token `s`, with its determiners opening the clause.
    let kind_opens = |s: usize| {
        (s.saturating_sub(6)..s).any(|k| {
            at(kinds(), k).is_some_and(|n| k + n == s && spaced(t, k, s)) && {
                let mut k0 = k;
                while k0 > 0 && t[k0].gap == Gap::Space && dets(k0 - 1, k0) {
                    k0 -= 1;
                }
                opens(k0)
            }
        })
    };
    let asks_anyone = |s: usize| {
        s >= 1
            && t[s].gap == Gap::Space
            && match t[s - 1].fold.as_str() {
                "nao" => t[s - 1].key == "nào" || !t[s - 1].marked,
                "ai" => {
                    opens(s - 1)
                        || (s >= 2
                            && t[s - 1].gap == Gap::Space
                            && matches!(t[s - 2].fold.as_str(), "ky" | "cu" | "nhung" | "moi"))
                }
                _ => false,
            }
            && !ctx.sentence_is_question(s)
    };
    // The accusations' token ranges, in text order (findings are not sorted yet).
    let mut spans: Vec<(Range<usize>, usize)> = out
        .iter()
        .enumerate()
        .filter(|(_, f)| is_accusation(f))
        .map(|(n, f)| (tokens_in(t, &f.span), n))
        .filter(|(r, _)| !r.is_empty())
        .collect();
    spans.sort_by_key(|(r, _)| (r.start, r.end));
    // Whether accusation `j` follows accusation `j - 1` in one list: a comma or "và", "hoặc",
    // "hay" between, nothing else.
    let listed_after = |spans: &[(Range<usize>, usize)], j: usize| {
        j >= 1 && {
            let (prev, cur) = (&spans[j - 1].0, &spans[j].0);
            match cur.start.checked_sub(prev.end) {
                Some(0) => t[cur.start].gap == Gap::Soft,
                Some(1) => {
                    matches!(t[prev.end].fold.as_str(), "va" | "hoac" | "hay")
                        && t[prev.end].gap != Gap::Hard
                        && t[cur.start].gap == Gap::Space
                }
                _ => false,
            }
        }
    };
    let mut generic = vec![false; out.len()];
    let mut j = 0;
    while j < spans.len() {
        // The run of accusations listed together from `j`.
        let mut end = j + 1;
        while end < spans.len() && listed_after(&spans, end) {
            end += 1;
        }
        let first = spans[j].0.start;
        let last = spans[end - 1].0.end;
        let si = sentence_of[first];
        let plot = *plot_from[si].get_or_insert_with(|| plot_in(si)) <= first;
        let drop = plot
            || (!*pointed[si].get_or_insert_with(|| someone_in(si)) && {
                let defined = || {
                    (first == 0 || t[first].gap == Gap::Hard)
                        && (last..(last + 5).min(ranges[si].end)).any(|k| {
                            spaced(t, last.saturating_sub(1), k) && defined_as().at(t, k).is_some()
                        })
                };
                *led_from[si].get_or_insert_with(|| lead_in(si)) <= first
                    || kind_opens(first)
                    || defined()
                    || asks_anyone(first)
            });
        if drop {
            for (_, n) in &spans[j..end] {
                generic[*n] = true;
            }
        }
        j = end;
    }
    let mut n = 0;
    out.retain(|_| {
        n += 1;
        !generic[n - 1]
    });
}

/// Second-person words for [`hearsay_asked_of_reader`] (keyed).
const READERS: &[&str] = &[
    "bạn", "cậu", "mày", "anh", "chị", "em", "bác", "cô", "chú", "ông", "bà", "ad", "thím",
];

/// Who removes a post, or the post itself, for [`removal_race`] (keyed syllables).
const REMOVERS: &[&str] = &[
    "bị",
    "họ",
    "nó",
    "chúng nó",
    "bọn nó",
    "tụi nó",
    "chủ page",
    "page",
    "người ta",
    "ng ta",
    "facebook",
    "fb",
    "face",
    "phây",
    "zalo",
    "tiktok",
    "youtube",
    "admin",
    "quản trị viên",
    "mark",
    "bài này",
    "bài",
    "clip",
    "video",
    "mai",
    "sắp",
];
phrase_list!(removers, REMOVERS);

/// What a platform or a shop removes that is not a post, right after the removal in
/// [`removal_race`]: "trước khi Facebook gỡ tính năng này, mọi người chia sẻ cách dùng" (keyed
/// syllables).
const FEATURES: &[&str] = &[
    "tính năng",
    "chức năng",
    "ứng dụng",
    "app",
    "dịch vụ",
    "chương trình",
    "ưu đãi",
    "khuyến mãi",
    "mã giảm giá",
    "voucher",
    "game",
    "trò chơi",
    "bộ lọc",
    "filter",
    "nút",
    "biểu tượng",
    "icon",
    "sticker",
];
phrase_list!(features, FEATURES);

/// Removing a post, for [`removal_race`] (keyed syllables).
const REMOVALS: &[&str] = &["xoá", "gỡ", "chặn", "bay màu", "delete", "ẩn", "đánh sập"];
phrase_list!(removals, REMOVALS);

/// Adds `unverified_claim.spread_pressure` (`warning`) over each of `spans` (bytes) that no
/// finding of the category covers ([`shamed_sharing`], [`removal_race`]).
fn add_spread_pressure(ctx: &Ctx<'_>, out: &mut Vec<Finding>, spans: Vec<Range<usize>>) {
    add_uncovered(
        ctx.tokens,
        out,
        crate::Category::UnverifiedClaim,
        spans,
        |s| {
            group_finding(
                ctx,
                "unverified_claim.spread_pressure",
                Severity::Warning,
                s,
            )
        },
    );
}

/// Verbs of passing a post on, for [`shamed_sharing`] (keyed syllables, longer before their
/// prefixes).
const SHARE_VERBS: &[&str] = &[
    "share",
    "chia sẻ lại",
    "chia sẻ",
    "lan truyền",
    "lan toả",
    "truyền đi",
    "đăng lại",
    "chuyển tiếp",
];
phrase_list!(share_verbs, SHARE_VERBS);

/// What a post calls whoever does not share it, for [`shamed_sharing`] (keyed syllables).
const SHAME_WORDS: &[&str] = &[
    "vô cảm",
    "vô tâm",
    "vô ơn",
    "vô lương tâm",
    "máu lạnh",
    "không yêu nước",
    "không có lương tâm",
    "không có tâm",
    "không phải người việt",
    "đồng loã",
    "tiếp tay",
    "bất hiếu",
    "hèn",
    "có lỗi",
    "có tội",
    "mang tội",
    "đắc tội",
];
phrase_list!(shame_words, SHAME_WORDS);

/// The press, for [`press_silenced`] (keyed syllables).
const PRESS_WORDS: &[&str] = &[
    "báo chí",
    "báo đài",
    "truyền hình",
    "tờ báo",
    "nhà báo",
    "báo",
    "đài",
    "truyền thông",
    "tivi",
    "vtv",
    "ti vi",
];
phrase_list!(press_words, PRESS_WORDS);

/// The press said to be gagged or to keep quiet, for [`press_silenced`] (keyed): "truyền
/// thông bị bịt miệng hết rồi", "báo chí nhà nước im re", "các đài đều làm ngơ", "báo chính
/// thống ém nhẹm". Typed without diacritics too, but "lờ đi" and "ỉm đi" only with them ("lo
/// di", "im di" are everyday). The silences ([`QUIET`]) also need what follows them to be no
/// pause ([`press_hushed`]).
const HUSHED: &[&str] = &[
    "bị bịt miệng",
    "bị bịt mồm",
    "bị khóa miệng",
    "ngậm miệng",
    "im lặng",
    "im re",
    "im thin thít",
    "im như thóc",
    "im như tờ",
    "im hơi lặng tiếng",
    "im ru",
    "im bặt",
    "lặng im",
    "nín thinh",
    "câm lặng",
    "câm nín",
    "câm như hến",
    "làm ngơ",
    "bưng bít",
    "ém nhẹm",
    "giấu nhẹm",
    "che giấu",
    "lờ đi",
    "lờ tịt",
    "ỉm đi",
    "ỉm hết",
    "ỉm luôn",
];
phrase_list!(hushed, HUSHED);

/// The first syllables (keyed) of [`HUSHED`]'s silences, which are also a pause ("Nhà báo im
/// lặng một lúc rồi hỏi tiếp", "Các đài im lặng 1 phút để tưởng niệm", "im lặng sau 23h").
const QUIET: &[&str] = &["im", "câm", "ngậm", "nín", "lặng"];

/// Words that make a silence a pause when they follow it (keyed): a length of time, "then",
/// "after", "to", listening or waiting ("im lặng một lúc rồi", "im lặng 1 phút để tưởng niệm",
/// "im lặng sau 23h", "im lặng 3 giây rồi mới lên hình", "im lặng lắng nghe"); numbers too.
/// Not "mấy" ("im lặng mấy ngày nay" is the claim).
const PAUSE_AFTER: &[&str] = &[
    "một", "vài", "giây", "phút", "lúc", "sau", "rồi", "để", "khi", "trong", "vì", "do", "mới",
    "lắng", "nghe", "chờ", "đợi", "nhìn", "quan", "tưởng", "mặc",
];

/// Words that may stand between the press and [`HUSHED`] (keyed syllables): which press
/// ("chính thống", "nhà nước", "trong nước", "lề phải", "quốc doanh", "lớn") and adverbs
/// ("đều", "hết", "giờ", "đã", "đang", "lại", "cũng", "vẫn", "toàn", "đồng loạt", "được lệnh").
const PRESS_FILLERS: &[&str] = &[
    "chính", "thống", "nhà", "nước", "trong", "lề", "phải", "quốc", "doanh", "lớn", "đều", "hết",
    "thì", "giờ", "bây", "đã", "đang", "lại", "cũng", "vẫn", "toàn", "cả", "nay", "đồng", "loạt",
    "được", "lệnh",
];

/// Words in the sentence that make a gagged press a story, a film's or history's ("Trong phim,
/// tờ báo bị bịt miệng bởi ông trùm", "Dưới thời Pháp thuộc, báo chí bị bịt miệng bởi chế độ
/// kiểm duyệt của thực dân"), keyed.
const PRESS_STORY: &[&str] = &[
    "phim",
    "truyện",
    "tiểu thuyết",
    "kịch bản",
    "nhân vật",
    "pháp thuộc",
    "thực dân",
    "phong kiến",
    "thời chiến",
    "ngày xưa",
    "hồi xưa",
    "thế chiến",
    "hitler",
    "trò chơi",
    "game",
    "chiến lược",
];

/// The last token of a gag or silence ([`HUSHED`]) said of the press ([`PRESS_WORDS`], `n`
/// syllables at token `i`), at most three [`PRESS_FILLERS`] between, in one clause; `None`
/// otherwise. A press word of one syllable ("báo", "đài") counts only with its diacritics and
/// after "các", "mấy", "những" or "cả" or before which press it is ("báo lề phải", "báo quốc
/// doanh", "báo chính thống"): "thông báo im lặng", "mẹ bao im lang" are not the press. Not a
/// silence that is a pause ([`PAUSE_AFTER`]), not "che giấu nguồn tin / danh tính / thân
/// phận" (a reporter protecting a source or working undercover), not after "ai nói" / "ai
/// bảo" (the claim rebutted: "Ai nói truyền thông bị bịt miệng, Tuổi Trẻ đăng bài rõ ràng
/// kìa"), not asked ("Các báo im lặng ư? Sai rồi"), and not in a sentence that tells a story
/// or history ([`PRESS_STORY`]). `ctx` gives the sentences; `stories` keeps, per sentence,
/// whether it tells one (read once: a sentence of a megabyte may hold thousands of hits).
fn press_hushed(
    ctx: &Ctx<'_>,
    i: usize,
    n: usize,
    stories: &mut Vec<Option<bool>>,
) -> Option<usize> {
    let t = ctx.tokens;
    let which = |k: usize| {
        t.get(k).is_some_and(|x| x.gap == Gap::Space)
            && spelled_any(t, k, &["lề phải", "quốc doanh", "chính thống", "nhà nước"]).is_some()
    };
    let counted = i > 0
        && t[i].gap == Gap::Space
        && key_matches_any(&t[i - 1], &["các", "mấy", "những", "cả"]);
    // One syllable: with its diacritics (or in a text typed without them) and counted or
    // qualified ("các báo", "báo nhà nước"), or a broadcaster's name ("VTV im bặt").
    let named = matches!(t[i].fold.as_str(), "vtv" | "htv" | "vtc");
    if n == 1 && !named && !((t[i].marked || ctx.unaccented) && (counted || which(i + 1))) {
        return None;
    }
    let mut k = i + n;
    while k < (i + n + 3).min(t.len())
        && t[k].gap == Gap::Space
        && key_matches_any(&t[k], PRESS_FILLERS)
    {
        k += 1;
    }
    // The gag right after the press or after any of the fillers.
    let (k, m) = (i + n..=k).find_map(|k| {
        t.get(k)
            .filter(|x| x.gap == Gap::Space)
            .and(hushed().at(t, k))
            .map(|m| (k, m))
    })?;
    let end = k + m - 1;
    let flat_only = !t[end].marked && matches!(t[end].fold.as_str(), "di");
    let next = t.get(end + 1).filter(|x| x.gap == Gap::Space);
    let source = key_matches(&t[k], "che")
        && next.is_some_and(|x| {
            key_matches_any(x, &["nguồn", "danh", "thân", "tên", "hình", "mặt", "khuôn"])
        });
    let pause = key_matches_any(&t[k], QUIET)
        && next.is_some_and(|x| {
            x.numeric
                || key_matches_any(x, PAUSE_AFTER)
                    // "im lặng rồi" ending its clause is no pause.
                    && !(key_matches(x, "rồi")
                        && t.get(end + 2).is_none_or(|y| y.gap != Gap::Space))
        });
    let rebutted = (i.saturating_sub(3)..i).any(|j| {
        key_matches(&t[j], "ai")
            && t.get(j + 1)
                .is_some_and(|x| key_matches_any(x, &["nói", "bảo", "kêu", "đồn"]))
    });
    // Asked, not said ("Các báo im lặng ư? Sai rồi, VnExpress đưa tin từ sáng").
    let mut e = end;
    while t.get(e + 1).is_some_and(|x| {
        x.gap == Gap::Space && key_matches_any(x, &["ư", "à", "hả", "sao", "chăng", "không", "chứ"])
    }) {
        e += 1;
    }
    let asked = ctx
        .text
        .get(t[e].orig.end..)
        .is_some_and(|rest| rest.trim_start().starts_with(['?', '？']));
    if flat_only || source || pause || rebutted || asked {
        return None;
    }
    let (sentence_of, ranges) = ctx.sentences();
    let si = sentence_of[i];
    if stories.len() < ranges.len() {
        stories.resize(ranges.len(), None);
    }
    // Not "truyen thong" typed flat: it spells "truyện" too.
    let story = *stories[si].get_or_insert_with(|| {
        ranges[si].clone().any(|j| {
            spelled_any(t, j, PRESS_STORY).is_some()
                && (t[j].marked
                    || !t
                        .get(j + 1)
                        .is_some_and(|x| x.gap == Gap::Space && x.fold == "thong"))
        })
    });
    (!story).then_some(end)
}

/// What the press dares not publish, for [`press_silenced`] (keyed syllables).
const SUPPRESSED: &[&str] = &[
    "tin",
    "điều",
    "sự thật",
    "chuyện",
    "vụ",
    "bài",
    "thông tin",
    "clip",
    "video",
    "cái",
    "đâu",
    "những",
];
phrase_list!(suppressed, SUPPRESSED);

/// Verbs of publishing after "dám", for [`press_silenced`] (keyed syllables).
const PUBLISH_VERBS: &[&str] = &["viết", "đưa", "đăng", "nhắc", "phát"];

/// The token index after a vague source that starts at token `i`: a source label
/// ([`SOURCE_LABELS`]) followed by a person of [`VAGUE_PEOPLE`] (after a colon or "là"), or
/// `None`.
fn vague_source_at(t: &[Token], i: usize) -> Option<usize> {
    let n = source_labels().at(t, i)?;
    let mut j = i + n;
    if t.get(j)
        .is_some_and(|x| (x.key == "là" || x.key == "từ") && x.gap != Gap::Hard)
    {
        j += 1;
    }
    let p = t
        .get(j)
        .filter(|x| x.gap != Gap::Hard)
        .and(vague_person_at(t, j))?;
    // "Nguồn: một cô giáo dạy Văn ở Nghệ An", "Nguồn: 1 chị làm ở trạm" credit an outline or a
    // notice; "nguồn từ 1 thầy trong ban ra đề" names an insider: after a label, "một" and a
    // person only with "trong" right after (breakers' cases).
    let listed = vague_people().at(t, j).is_some();
    let insider = t
        .get(j + p)
        .is_some_and(|x| x.gap == Gap::Space && x.fold == "trong");
    (listed || insider || p >= 3 && super::spelled_at(t, j + p - 2, "trong cuộc")).then_some(j + p)
}

/// Whether token `i` is the `báo` of a compound that names no newspaper ("thông báo", "cảnh
/// báo", "báo cáo", "báo động").
fn bao_compound(t: &[Token], i: usize) -> bool {
    const BEFORE: &[&str] = &[
        "thông", "cảnh", "dự", "khai", "tình", "tố", "hồi", "phản", "thư", "trình",
    ];
    const AFTER: &[&str] = &[
        "cáo", "động", "hiệu", "thức", "danh", "thù", "oán", "hại", "giá", "ân", "mộng", "ứng",
        "tin", "công",
    ];
    // A capitalised word after it, or "báo" opening its sentence, names the paper: "báo Tin
    // Tức", "Báo công an nhân dân đưa tin"; "mình đã báo công an" reports to the police.
    let paper = t[i].capitalized || t.get(i + 3).is_some_and(|x| x.fold == "nhan");
    t[i].fold == "bao"
        && (i > 0
            && t[i].gap == Gap::Space
            && BEFORE.iter().any(|w| super::spelled_at(t, i - 1, w))
            || !paper
                && t.get(i + 1)
                    .is_some_and(|n| n.gap == Gap::Space && !n.capitalized)
                && AFTER.iter().any(|w| super::spelled_at(t, i + 1, w)))
}

/// Whether the source word at token `i` is one still awaited or lacking: "chưa", "chờ",
/// "đợi" or "không" within the three words before it in its clause, no "nhưng" between
/// ("khỏi cần chờ thanh tra", adv50; not "đến lúc": "Đến lúc công an công bố kết quả …" is
/// when it came out, brk37), or "chưa" before a finding or a trial within
/// the three after ("Cơ quan điều tra chưa kết luận nhưng …", brk36). Not "khi": "Sau khi tòa
/// án xét xử" is a source.
fn awaited_source(t: &[Token], i: usize) -> bool {
    // Not past a "but" ("Tòa chưa xử nhưng theo cáo trạng, …" cites the indictment, brk37).
    (i.saturating_sub(3)..i).any(|k| {
        t[k + 1..=i]
            .iter()
            .all(|x| x.gap == Gap::Space && !key_matches_any(x, &["nhưng", "mà"]))
            && key_matches_any(&t[k], &["chưa", "chờ", "đợi", "không"])
    }) || (i + 1..(i + 4).min(t.len()))
        .take_while(|&k| t[k].gap == Gap::Space)
        .any(|k| {
            // No finding or trial yet ("chưa kết luận", "chưa xử", "chưa vào cuộc"), not a
            // step it did not take ("Viện kiểm sát chưa phê chuẩn quyết định khởi tố …", "Bộ
            // Công an chưa công bố chi tiết nhưng đã xác nhận …" report the body).
            key_matches(&t[k], "chưa")
                && t.get(k + 1)
                    .is_some_and(|x| key_matches_any(x, &["kết", "xử", "vào", "tuyên"]))
        })
}

/// Whether token `i` is a "theo" that names no source: after a verb it follows ("đi theo",
/// "tiếp theo"), or before a word that makes it no source ("theo dõi", "theo bạn", "theo
/// một người": a vague person is [`vague_source_at`]'s). "Theo VnExpress", "theo cảnh sát
/// điều tra", "theo các cơ quan chức năng" name a source.
fn weak_theo(t: &[Token], i: usize) -> bool {
    // Verbs "theo" follows ("đi theo", "tiếp theo", "làm theo") and words it opens that name no
    // source ("theo dõi", "theo kịp", "theo bạn" = in your view, "theo tôi").
    const VERB_BEFORE: &[&str] = &[
        "tiep", "di", "lam", "chay", "bam", "kem", "noi", "duoi", "trong", "nhin", "hoc", "mang",
        "dem", "dan", "keo", "song", "tinh",
    ];
    const NOT_SOURCE_AFTER: &[&str] = &[
        "doi", "duoi", "kip", "sau", "do", "nhu", "thi", "y", "kieu", "loi", "thoi", "chan", "got",
        "minh", "toi", "tao", "em", "ban", "la", "gio", "ngay", "thang", "nam", "tuan", "mot", "1",
        "con", "vo", "chong",
    ];
    t[i].fold == "theo"
        && (i > 0 && t[i].gap == Gap::Space && VERB_BEFORE.contains(&t[i - 1].fold.as_str())
            || t.get(i + 1)
                .is_none_or(|n| NOT_SOURCE_AFTER.contains(&n.fold.as_str())))
}

/// Adds a hearsay finding (`unverified_claim.hearsay`, `warning`) over each source that names
/// nobody a reader could check: a source label before a vague person ("Nguồn: một anh làm
/// trong ngành"), or a vague person who vouches for the claim ("bạn mình xác nhận rồi"),
/// unless a finding of the category already covers it. Returns the spans it added (lowered to
/// `info` by [`apply`] unless another finding stands beside them). Linear in tokens.
fn vague_sources(ctx: &Ctx<'_>, out: &mut Vec<Finding>) -> Vec<Range<usize>> {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // One comparison rules out most tokens: a source opens with a label, a vouching with
        // its verb (the person is looked for before it).
        let label = matches!(t[i].fold.as_str(), "nguon" | "theo" | "tin");
        if let Some(end) = label.then(|| vague_source_at(t, i)).flatten() {
            // The person's description: where they work ("một anh làm trong ngành").
            let last = works_at_end(t, end);
            // A credit for a photo or a recipe ("Nguồn: một anh giáo viên chia sẻ") is no
            // source for a claim.
            let credit =
                (end..(last + 4).min(t.len())).any(|k| CREDIT.contains(&t[k].fold.as_str()));
            if !credit {
                spans.push(t[i].orig.start..t[last].orig.end);
            }
            i = last + 1;
            continue;
        }
        let verb = matches!(
            t[i].fold.as_str(),
            "xac" | "khang" | "confirm" | "cam" | "noi" | "bao" | "tiet" | "ke" | "cho" | "mach"
        );
        let vouch = verb.then(|| vouches().at(t, i)).flatten();
        let tell = verb.then(|| tells().at(t, i)).flatten();
        if let Some(v) = vouch.or(tell) {
            // The person right before the verb, one word before it ("bạn mình vừa xác nhận"),
            // or, for any of the verbs, before a few words of where they work ("bạn em làm
            // trong sở kể"): a person of at most four syllables.
            // Vouching asserts: "tiết lộ", or a verb that ends its clause or goes on with "rồi", "là" (not a
            // denial: "là không có"), "chắc", "luôn"; "xác nhận đơn hàng", "cam đoan không xả
            // rác" confirm an order or promise something.
            // "tiết lộ" (reveal) always tells something.
            let after = t.get(i + v);
            let reveals = t[i].fold == "tiet";
            let asserts = reveals
                || match after {
                    None => true,
                    Some(x) if x.gap != Gap::Space => true,
                    Some(x) => match x.fold.as_str() {
                        "roi" | "chac" | "luon" => true,
                        "la" => !t.get(i + v + 1).is_some_and(|y| {
                            matches!(
                                y.fold.as_str(),
                                "khong" | "sai" | "chua" | "tin" | "ko" | "k"
                            )
                        }),
                        _ => false,
                    },
                };
            // A question asks for a source: "Ai xác nhận giúp mình lịch nghỉ Tết với ạ?".
            // Read to the sentence's end, at most 40 words on (a sentence of a megabyte must
            // not be read again at every verb).
            let asked = {
                let (sentence_of, ranges) = ctx.sentences();
                let last = (ranges[sentence_of[i]].end).min(i + 40);
                let end = t.get(last).map_or(ctx.text.len(), |x| x.orig.start);
                ctx.text
                    .get(t[i].orig.end..end)
                    .is_some_and(|rest| rest.contains('?'))
            };
            // A person of at most four syllables ending at `end` (exclusive).
            // Or, before "trong" and a body it is inside ("người trong tổ bầu cử nói", "phụ
            // huynh trong cuộc kể lại"; not "trong lớp", a breaker's case), one of the people
            // heads that is no kin word.
            let inside = |end: usize| {
                t.get(end).is_some_and(|x| x.fold == "trong")
                    && t.get(end + 1).is_some_and(|x| {
                        matches!(
                            x.fold.as_str(),
                            "cuoc" | "ban" | "to" | "nganh" | "so" | "hoi" | "uy" | "phong"
                        )
                    })
            };
            let ending_at = |end: usize| {
                (end.saturating_sub(4)..end).find(|&s| {
                    (vague_person_at(t, s) == Some(end - s)
                        || inside(end)
                            && people_heads().at(t, s) == Some(end - s)
                            && !matches!(
                                t[s].fold.as_str(),
                                "anh" | "chi" | "co" | "bac" | "chu" | "thay"
                            ))
                        && spaced(t, s, i + v - 1)
                })
            };
            // Where they work, opening within five words before the verb.
            let works = (i.saturating_sub(5)..i)
                .find(|&e| {
                    e > 0 && WORKS_AT.contains(&t[e].fold.as_str()) && t[e].gap == Gap::Space
                })
                .filter(|&e| !t[e..i].iter().any(|x| x.fold == "ve"));
            // Or heard from someone between "nghe" and the verb: "Nghe bà hàng xóm kể",
            // "nghe mấy bà bán cá ngoài chợ bảo" (one to six words, one phrase). Not a person named
            // with a capital ("Nghe cụ Trần Dần nói": a source), nor a chat ("nói chuyện"),
            // nor one's family ("Nghe mẹ kể hồi xưa", "nghe bà nội kể"): memories.
            let heard = || {
                // Nor a compound of the verb: "ra mặt bảo vệ", "bảo hiểm", "nói dối".
                let chat = t.get(i + v).is_some_and(|n| {
                    n.gap == Gap::Space
                        && key_matches_any(
                            n,
                            &[
                                "chuyện", "vệ", "hiểm", "đảm", "quản", "trì", "lãnh", "hành",
                                "mật", "tồn", "dối",
                            ],
                        )
                });
                // Or "thấy" before a group ("Thấy mấy chị trong group bảo …", adv55): not one
                // person ("Mình thấy anh ấy nói đúng" is an opinion), nor agreeing with what
                // was said ("thấy mấy bạn nói đúng", "… nói có lý").
                let agreed = t.get(i + v).is_some_and(|n| {
                    n.gap == Gap::Space
                        && key_matches_any(n, &["đúng", "sai", "hay", "chuẩn", "vậy", "thế", "có"])
                });
                tell.filter(|_| !chat).and_then(|_| {
                    (i.saturating_sub(7)..i.saturating_sub(1)).find(|&s| {
                        (t[s].key == "nghe"
                            || (t[s].key == "thấy" || ctx.unaccented && t[s].key == "thay")
                                && !agreed
                                && t[s + 1..i].iter().any(|x| {
                                    key_matches_any(
                                        x,
                                        &[
                                            "mấy", "mí", "các", "nhiều", "mọi", "group", "grp",
                                            "nhóm", "hội",
                                        ],
                                    )
                                }))
                            && spaced(t, s, i + v - 1)
                            && !t[s + 1..i].iter().any(|x| x.capitalized)
                            && !family(&t[s + 1..i])
                    })
                })
            };
            let person = works
                .and_then(ending_at)
                .or_else(|| {
                    (vouch.is_some() && asserts)
                        .then(|| ending_at(i).or_else(|| ending_at(i.saturating_sub(1))))
                        .flatten()
                })
                .or_else(heard);
            // Not a denial: "không có người trong cuộc xác nhận".
            let denied = |s: usize| {
                (s.saturating_sub(2)..s)
                    .any(|j| matches!(t[j].key.as_str(), "không" | "chưa" | "chẳng" | "chả"))
            };
            if let Some(s) = person.filter(|&s| !denied(s) && !asked) {
                spans.push(t[s].orig.start..t[i + v - 1].orig.end);
                i += v;
                continue;
            }
        }
        i += 1;
    }
    add_uncovered(t, out, crate::Category::UnverifiedClaim, spans, |s| {
        group_finding(ctx, "unverified_claim.hearsay", Severity::Warning, s)
    })
}

/// News vouched for by a percentage of 99 or more, as a form (`unverified_claim.sensational`,
/// `warning`, where no finding of the category covers it): "tin" opening its clause, then at
/// once "chuẩn", "chính xác", "chắc chắn", "đảm bảo" or "bảo đảm", then the number and "%":
/// "…, tin chuẩn 1000% lun", "tin chuẩn 99,9%". Not a shop's "chuẩn 100% chính hãng" (no
/// "tin"), nor "Tin vui hàng chuẩn 100%", "Bản tin dự báo chắc chắn 99%". Source: section I of the seed article
/// (certainty instead of a source). Linear in tokens.
fn certainty_percent(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    for i in 0..t.len() {
        if t[i].fold != "tin" || !key_matches(&t[i], "tin") {
            continue;
        }
        // News opening its clause, then the certainty word at once ("…, tin chuẩn 99,9% nhé"):
        // not "thông tin", "Bản tin", "Điểm tin", "độ tin cậy", "Tin vui", nor "believe"
        // ("Mọi người tin chắc chắn 99% …"): breakers' cases.
        if i > 0 && t[i].gap == Gap::Space {
            continue;
        }
        let vouched = t.get(i + 1).filter(|x| x.gap == Gap::Space).and_then(|_| {
            spelled_any(
                t,
                i + 1,
                &["chính xác", "chắc chắn", "đảm bảo", "bảo đảm", "chuẩn"],
            )
            .map(|n| i + 1 + n)
        });
        let Some(n) = vouched.filter(|&n| n < t.len() && t[n].gap == Gap::Space) else {
            continue;
        };
        let digits: String = t[n].key.chars().take_while(char::is_ascii_digit).collect();
        let big = digits.len() > 3 || digits.parse::<u32>().is_ok_and(|v| v >= 99);
        // The percent sign right after the number, or after its decimals ("99,9%").
        let rest = ctx.text.get(t[n].orig.end..).unwrap_or("");
        let rest = rest
            .trim_start_matches([',', '.'])
            .trim_start_matches(|c: char| c.is_ascii_digit());
        if big && t[n].key.len() == digits.len() && rest.starts_with('%') {
            let end = ctx.text.len() - rest.len() + 1;
            spans.push(t[i].orig.start..end);
        }
    }
    add_uncovered(t, out, crate::Category::UnverifiedClaim, spans, |s| {
        group_finding(ctx, "unverified_claim.sensational", Severity::Warning, s)
    });
}

/// What a writer vouches a story is (syllables as [`spelled_at`] reads them), longest first.
const TRUTHS: &[&str] = &[
    "sự thật",
    "có thật",
    "không sai",
    "ko sai",
    "k sai",
    "không điêu",
    "không bịa",
    "thật",
];

/// The percentage written at token `n` ("90%", "99,9%", "100 %"), when it is 80 or more: the
/// byte where the text after the percent sign starts.
fn big_percent(ctx: &Ctx<'_>, n: usize) -> Option<usize> {
    let t = ctx.tokens;
    let x = t.get(n)?;
    if !x.numeric || x.key.len() > 4 || x.key.parse::<u32>().ok()? < 80 {
        return None;
    }
    let rest = ctx.text.get(x.orig.end..)?;
    let rest = rest
        .strip_prefix([',', '.'])
        .map_or(rest, |r| r.trim_start_matches(|c: char| c.is_ascii_digit()));
    let rest = rest.trim_start_matches(' ');
    rest.starts_with('%')
        .then(|| ctx.text.len() - rest.len() + 1)
}

/// A writer vouching that a story is true instead of giving its source, as a form
/// (`unverified_claim.sensational`, `warning`, where no finding of the category covers it): a
/// percentage of 80 or more ("chắc 90% là thật", "100% không sai đâu") or a vow opening its
/// clause ("Bảo đảm là thật luôn:", "Tuyet doi su that:", "Cam đoan có thật"), then "là" or
/// nothing, then a word of truth ([`TRUTHS`]). Not negated in the two words before ("không chắc
/// 100% là thật"), not a question ("… 90% là thật không?"), not a shop's goods ("Hàng bên em
/// đảm bảo là thật", "ảnh 100% thật" come after the goods: the goods word within the three
/// words before the vow). Three blind rounds of the twenty-second session. Source: section I
/// of the seed article (certainty instead of a source). Linear in tokens.
fn sure_it_is_true(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let mut shares: Vec<Option<(bool, usize)>> = Vec::new();
    let weighty = std::cell::OnceCell::new();
    static VOWS: OnceLock<KeyFilter> = OnceLock::new();
    let vows = fold_filter(&VOWS, &["bao", "dam", "tuyet", "cam", "xin"]);
    for i in 0..t.len() {
        if !t[i].numeric && !vows.may_contain_hash(t[i].fold_hash) {
            continue;
        }
        // The vow opens its clause, or follows the writer ("Mình cam đoan là thật", "t đảm
        // bảo là thật"); asked only of the vows' first syllables (this runs on every token).
        let opens = || {
            i == 0
                || t[i].gap != Gap::Space
                || key_matches_any(
                    &t[i - 1],
                    &["tôi", "mình", "tui", "tao", "t", "em", "mk", "tớ"],
                ) && (i == 1 || t[i - 1].gap != Gap::Space)
        };
        // A vow's two syllables, compared folded before anything else ("bảo", "báo", "xin"
        // are common words).
        let pair = t.get(i + 1).is_some_and(|n| {
            matches!(
                (t[i].fold.as_str(), n.fold.as_str()),
                ("bao", "dam")
                    | ("dam", "bao")
                    | ("tuyet", "doi")
                    | ("cam", "doan")
                    | ("xin", "the")
            )
        });
        let vow = if t[i].numeric {
            big_percent(ctx, i).map(|_| 1)
        } else if pair && opens() {
            spelled_any(
                t,
                i,
                &["bảo đảm", "đảm bảo", "tuyệt đối", "cam đoan", "xin thề"],
            )
        } else {
            None
        };
        let Some(n) = vow else {
            continue;
        };
        let mut k = i + n;
        // "Đảm bảo luôn là thật", "Cam đoan với cả nhà là thật".
        if t.get(k)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "luôn"))
        {
            k += 1;
        } else if t
            .get(k)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "với"))
        {
            if let Some(m) = t.get(k + 1).filter(|x| x.gap == Gap::Space).and_then(|_| {
                spelled_any(
                    t,
                    k + 1,
                    &[
                        "cả nhà",
                        "mọi người",
                        "các bạn",
                        "anh em",
                        "ae",
                        "mn",
                        "các bác",
                    ],
                )
            }) {
                k += 1 + m;
            }
        }
        let said = t
            .get(k)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "là"));
        if said {
            k += 1;
        }
        if t.get(k).is_none_or(|x| x.gap != Gap::Space) {
            continue;
        }
        let Some(m) = spelled_any(t, k, TRUTHS) else {
            continue;
        };
        // "bảo đảm sự thật" is to ensure the truth (a journalist's duty): the vow to ensure
        // says "là" first.
        if !said && matches!(t[i].fold.as_str(), "bao" | "dam") && t[k].fold == "su" {
            continue;
        }
        // "thật" must end the words: "thật sự" is "really", "thật thà" honest.
        if t.get(k + m).is_some_and(|x| {
            x.gap == Gap::Space && matches!(x.fold.as_str(), "su" | "tha" | "long" | "ra" | "la")
        }) {
            continue;
        }
        let negated = (i.saturating_sub(2)..i).any(|j| negation(&t[j]));
        // A discount ("giảm 90% là thật nha khách"), or a share of a story ("80% là thật, còn
        // lại là bịa").
        let goods = (i.saturating_sub(3)..i).any(|j| {
            key_matches_any(
                &t[j],
                &[
                    "hàng", "ảnh", "hình", "sản", "shop", "da", "vàng", "tóc", "giảm", "sale",
                    "off", "mãi", "đãi", "khấu",
                ],
            )
        });
        let (sentence_of, ranges) = ctx.sentences();
        let si = sentence_of[i];
        let r = ranges[si].clone();
        // Per sentence, read once (a megabyte in one sentence may hold thousands of vows):
        // whether it says "còn lại", and how many percentages of 80 or more it holds (two
        // count as many).
        if shares.len() < ranges.len() {
            shares.resize(ranges.len(), None);
        }
        let (rest, percents) = *shares[si].get_or_insert_with(|| {
            let rest = r.clone().any(|j| spelled_at(t, j, "còn lại"));
            let percents = r
                .clone()
                .filter(|&j| t[j].numeric && big_percent(ctx, j).is_some())
                .take(2)
                .count();
            (rest, percents)
        });
        // Another percentage beside a percentage: "80% là thật, 20% là bịa"; a vow's own
        // "100%" after it is no share ("Đảm bảo là thật 100%", brk44).
        let share = rest || t[i].numeric && percents >= 2;
        let asked = ctx.sentence_is_question(i)
            || (r.end - 1 > k + m && key_matches_any(&t[r.end - 1], &["không", "ko", "hả", "chứ"]));
        if negated || goods || asked || share {
            continue;
        }
        // Otherwise a vow about nothing of consequence is everyday talk: a found wallet, a love
        // note, a home baker's cake, a test result ("Chắc 90% là thật rồi, mai mình đi khám
        // lại", brk44). It stands beside another finding of `warning` or more, or a word of
        // consequence in the post, read once.
        // A vow that heads a claim with a colon ("Bảo đảm là thật luôn: tiệm vàng … pha bạc",
        // "Tuyet doi su that: team esports X bi nha cai mua"), particles allowed, stands.
        let mut e = k + m;
        while e < k + m + 2
            && t.get(e).is_some_and(|x| {
                x.gap == Gap::Space
                    && key_matches_any(x, &["luôn", "nha", "nhé", "đó", "đấy", "nhe", "lun"])
            })
        {
            e += 1;
        }
        // Not the writer's own news after the colon ("Bảo đảm là thật: tối nay nhà mình có
        // lẩu", "… crush rep tin nhắn của mình", brk45).
        let headline = t.get(e).is_some_and(|x| {
            ctx.text
                .get(t[e - 1].orig.end..x.orig.start)
                .is_some_and(|g| g.contains(':'))
        }) && !(e..r.end)
            .any(|j| writer_word(&t[j], &["mình", "tôi", "tui", "tớ", "mk"], ctx.unaccented));
        if !headline
            && !*weighty.get_or_init(|| {
                static CONSEQUENCE: OnceLock<WordList> = OnceLock::new();
                let consequence = CONSEQUENCE.get_or_init(|| keyed(CLAIM_CONSEQUENCE, false));
                out.iter().any(|f| {
                    f.severity >= Severity::Warning && f.category != crate::Category::PersonalData
                }) || holds(t, 0..t.len(), consequence, true)
            })
        {
            continue;
        }
        let start = t[i].orig.start;
        spans.push(start..t[k + m - 1].orig.end);
    }
    add_uncovered(t, out, crate::Category::UnverifiedClaim, spans, |s| {
        group_finding(ctx, "unverified_claim.sensational", Severity::Warning, s)
    });
}

/// How a change of weight or height is said to come (keyed syllables): a product, a remedy,
/// a course ("viên", "liệu trình", "không cần ăn kiêng"); not "uống" alone ("uống cà phê thay
/// cơm, sụt 3kg", "uống nước suối", brk45).
const CHANGE_MEANS: &[&str] = &[
    "viên",
    "thuốc",
    "trà",
    "sản phẩm",
    "liệu trình",
    "detox",
    "ăn kiêng",
    "nước ép",
    "collagen",
    "thần dược",
    "mỗi sáng",
    "mỗi tối",
    "mỗi ngày",
    "cam kết",
    "bí quyết",
    "combo",
    "tinh dầu",
    "kem",
    "bột",
    "men",
    "thực đơn",
    "keto",
    "bài tập",
    "gói",
    "thực phẩm chức năng",
    "siro",
    "sữa",
];
phrase_list!(change_means, CHANGE_MEANS);

/// Verbs of a change of weight (lost) or height (gained), longest first, and whether the
/// change is of weight.
const CHANGE_VERBS: &[(&str, Option<bool>)] = &[
    ("tăng chiều cao", Some(false)),
    ("cao thêm", Some(false)),
    ("cao lên", Some(false)),
    ("giảm cân", Some(true)),
    ("giảm", Some(true)),
    ("xuống", Some(true)),
    ("sụt", Some(true)),
    ("tăng", None),
];

/// Syllables between a change's verb and its amount ("giảm được 8kg", "giảm ngay 6kg").
const CHANGE_FILLERS: &[&str] = &["được", "tới", "đến", "ngay", "liền", "hẳn", "luôn", "thêm"];

/// Count words for a period ("trong một tuần").
fn count_word(x: &Token) -> Option<u32> {
    if x.numeric {
        return x.key.parse().ok();
    }
    const WORDS: &[(&str, u32)] = &[
        ("một", 1),
        ("hai", 2),
        ("ba", 3),
        ("bốn", 4),
        ("năm", 5),
        ("sáu", 6),
        ("bảy", 7),
        ("tám", 8),
        ("chín", 9),
        ("mười", 10),
    ];
    WORDS
        .iter()
        .find(|(w, _)| key_matches(x, w))
        .map(|&(_, n)| n)
}

/// The length in days of a time unit at `x` ("ngày", "tuần", "tháng"; also typed flat).
fn unit_days(x: &Token) -> Option<u32> {
    if key_matches(x, "ngày") {
        Some(1)
    } else if key_matches(x, "tuần") {
        Some(7)
    } else if key_matches(x, "tháng") {
        Some(30)
    } else {
        None
    }
}

/// A period after a change, from token `k`: up to three of "trong", "chỉ", "sau", "mỗi",
/// "vòng", "có", then a count (or none: one) and a unit ("trong vòng 7 ngày", "chỉ sau 1
/// tháng", "/tuần"): its length in days and its last token.
fn period_after(t: &[Token], mut k: usize) -> Option<(u32, usize)> {
    let mut skipped = 0;
    while skipped < 3
        && t.get(k).is_some_and(|y| {
            y.gap != Gap::Hard
                && matches!(
                    y.fold.as_str(),
                    "trong" | "chi" | "sau" | "moi" | "vong" | "co"
                )
        })
    {
        k += 1;
        skipped += 1;
    }
    let y = t.get(k).filter(|y| y.gap != Gap::Hard)?;
    let (count, k) = match count_word(y) {
        Some(n) => (n, k + 1),
        None => (1, k),
    };
    let u = t.get(k).filter(|u| u.gap != Gap::Hard)?;
    Some((count.checked_mul(unit_days(u)?)?, k))
}

/// A change of body weight or height too fast to be true, as a form (`unverified_claim.
/// miracle_cure`, `warning`, where no finding of the category covers it): a verb
/// ([`CHANGE_VERBS`]: "giảm", "giảm cân", "sụt", "cao thêm", "tăng chiều cao"; "tăng" only of
/// height), up to two fillers ("giảm được 8kg"), an amount in kilograms ("8kg", "8 ký", "8-10
/// cân": the first number) or centimetres ("5cm", "5 phân"), and a period right after
/// ([`period_after`]: "trong vòng 7 ngày", "/tuần") or right before the verb ("7 ngày giảm
/// 8kg"). Weight lost faster than 2 kg a week, height gained faster than 2 cm a month, in a
/// post that says how ([`CHANGE_MEANS`]: a pill, a drink, a course): "Viên uống …: giảm 8kg
/// trong 7 ngày", "uống nước ép cần tây mỗi sáng là cao thêm 5cm trong 1 tháng". Not a flood's
/// or a road's centimetres, a holiday's kilograms or a newborn's growth ("sơ sinh", "tháng
/// đầu"), nor a slow change ("giảm 8kg trong 3 tháng"); not negated in the three words
/// before, not asked ("… được không?"). Source: section I of the seed article (the miracle
/// claims of health adverts). Linear in tokens.
fn implausible_change(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let mut means: Option<bool> = None;
    let mut newborns: Vec<Option<bool>> = Vec::new();
    let mut owns: Vec<Option<(bool, bool)>> = Vec::new();
    let mut sells: Option<bool> = None;
    static VERBS: OnceLock<KeyFilter> = OnceLock::new();
    let verbs = fold_filter(&VERBS, &["giam", "tang", "xuong", "cao", "sut"]);
    for i in 0..t.len() {
        if !verbs.may_contain_hash(t[i].fold_hash) {
            continue;
        }
        // A number within the five words after ("giảm được 8kg", "tăng chiều cao 5cm") rules
        // out most of these common words ("tăng", "cao", "giảm") at once.
        if !matches!(
            t[i].fold.as_str(),
            "giam" | "tang" | "xuong" | "cao" | "sut"
        ) || !t[i + 1..(i + 6).min(t.len())]
            .iter()
            .any(|x| x.key.as_bytes().first().is_some_and(u8::is_ascii_digit))
        {
            continue;
        }
        let Some((n, verb_weight)) = CHANGE_VERBS
            .iter()
            .find(|(v, _)| spelled_at(t, i, v) && spaced(t, i, i + v.split(' ').count() - 1))
            .map(|&(v, w)| (v.split(' ').count(), w))
        else {
            continue;
        };
        let mut a = i + n;
        while a < i + n + 2
            && t.get(a)
                .is_some_and(|x| x.gap == Gap::Space && key_matches_any(x, CHANGE_FILLERS))
        {
            a += 1;
        }
        // The amount: "8kg" in one word, "8" then the unit, or a range's first number
        // ("8-10kg").
        let Some(x) = t.get(a).filter(|x| x.gap == Gap::Space) else {
            continue;
        };
        let digits: String = x.key.chars().take_while(char::is_ascii_digit).collect();
        let Ok(amount) = digits.parse::<u32>() else {
            continue;
        };
        let mut u = a;
        if x.key.len() == digits.len()
            && t.get(a + 1).is_some_and(|y| {
                y.gap == Gap::Soft
                    && y.key.starts_with(|c: char| c.is_ascii_digit())
                    && ctx
                        .text
                        .get(x.orig.end..y.orig.start)
                        .is_some_and(|g| g.trim() == "-")
            })
        {
            u = a + 1;
        }
        let ux = &t[u];
        let ud: String = ux.key.chars().take_while(char::is_ascii_digit).collect();
        let (unit, after) = if ux.key.len() > ud.len() {
            (&ux.key[ud.len()..], u + 1)
        } else {
            match t.get(u + 1).filter(|y| y.gap == Gap::Space) {
                Some(y) => (y.key.as_str(), u + 2),
                None => continue,
            }
        };
        let weight = match unit {
            "kg" | "ký" | "kí" | "cân" | "kilo" | "kilogram" => true,
            "cm" | "phân" => false,
            _ => continue,
        };
        // "tăng" of weight is a holiday's or a piglet's; "giảm" of height is no claim.
        if verb_weight.is_some_and(|w| w != weight) || verb_weight.is_none() && weight {
            continue;
        }
        let before = || {
            // "7 ngày giảm 8kg", "1 tuần giảm 5kg", "chỉ 7 ngày giảm …".
            (i >= 2 && t[i].gap == Gap::Space)
                .then(|| {
                    let unit = unit_days(&t[i - 1])?;
                    let count = count_word(&t[i - 2]).filter(|_| t[i - 1].gap == Gap::Space)?;
                    Some((count.checked_mul(unit)?, i - 2))
                })
                .flatten()
        };
        let (days, span_start, end) = match period_after(t, after) {
            Some((d, e)) => (d, i, e),
            None => match before() {
                Some((d, s)) => (d, s, after - 1),
                None => continue,
            },
        };
        // A day's change is water, a haircut or a joke ("Chạy xong full marathon cân thử giảm
        // 3kg sau 1 ngày, toàn là nước", brk41); adverts promise weeks.
        if days <= 1 {
            continue;
        }
        // Faster than 2 kg a week, or 2 cm a month.
        let too_fast = if weight {
            u64::from(amount) * 7 > 2 * u64::from(days)
        } else {
            u64::from(amount) * 30 > 2 * u64::from(days)
        };
        if !too_fast {
            continue;
        }
        let negated = (i.saturating_sub(3)..i).any(|j| negation(&t[j]));
        let (sentence_of, ranges) = ctx.sentences();
        let r = ranges[sentence_of[i]].clone();
        let asked = ctx.sentence_is_question(i);
        // Per sentence, read once (brk44: a megabyte of claims in one sentence was quadratic).
        if newborns.len() < ranges.len() {
            newborns.resize(ranges.len(), None);
        }
        // A newborn's growth, or weight lost to an illness, a birth or training (brk44: "Mổ
        // ruột thừa … giảm 5kg", "sau sinh", "tháng thứ hai cao thêm 4cm").
        let newborn = *newborns[sentence_of[i]].get_or_insert_with(|| {
            r.clone().any(|k| {
                spelled_any(
                    t,
                    k,
                    &[
                        "sơ sinh",
                        "tháng đầu",
                        "tháng tuổi",
                        "tháng thứ",
                        "mới sinh",
                        "sau sinh",
                        "lợi sữa",
                        "ốm",
                        "mổ",
                        "hoá trị",
                        "nằm viện",
                        "huấn luyện",
                        "quân sự",
                        "chạy bộ",
                        "tập gym",
                        "tập luyện",
                        "sốt",
                        "tiêu chảy",
                        "là nước",
                    ],
                )
                .is_some()
            })
        });
        // A question ending in a particle ("… cao thêm 3cm có nhanh không").
        let asked = asked
            || key_matches_any(&t[r.end - 1], &["không", "ko", "hông", "chưa", "nhỉ", "ạ"])
                && r.end - 1 > end;
        if negated || asked || newborn {
            continue;
        }
        // Not the writer's own or their family's ("Bé nhà mình …", "ba mình giảm 5 ký", "Cây
        // bưởi nhà mình", brk45), nor a river's level, a plant or a crop within the three words
        // before ("nước sông dâng cao thêm 50cm"), in its sentence; a product or remedy named in it ([`CHANGE_MEANS`]);
        // no joke mark in the post ("… là đùa thôi"). Each sentence read once.
        if owns.len() < ranges.len() {
            owns.resize(ranges.len(), None);
        }
        let (own, named) = *owns[sentence_of[i]].get_or_insert_with(|| {
            let own = r.clone().any(|k| {
                writer_word(&t[k], &["mình", "tôi", "tui", "tớ", "mk"], ctx.unaccented)
                    || key_matches_any(&t[k], &["sông", "cây", "lúa", "mực"]) && k < i && i - k <= 3
            });
            (own, change_means().any_in(t, r.clone()))
        });
        // A seller's testimonial says "mình" too ("Mình giảm được 8kg … nhờ trà giảm cân X,
        // chị em inbox mình", brk41): a call to buy in the post keeps it.
        let mut selling = || {
            *sells.get_or_insert_with(|| {
                (0..t.len()).any(|k| {
                    spelled_any(
                        t,
                        k,
                        &[
                            "ib",
                            "inbox",
                            "sản phẩm",
                            "liên hệ",
                            "đặt hàng",
                            "cam kết",
                            "chị em",
                            "mẹ nào",
                            "khách",
                        ],
                    )
                    .is_some()
                })
            })
        };
        if !named || own && !selling() {
            continue;
        }
        if !*means.get_or_insert_with(|| !joke_marks().any_in(t, 0..t.len())) {
            return;
        }
        spans.push(t[span_start].orig.start..t[end].orig.end);
    }
    add_uncovered(t, out, crate::Category::UnverifiedClaim, spans, |s| {
        group_finding(ctx, "unverified_claim.miracle_cure", Severity::Warning, s)
    });
}

/// A medical source in the sentence makes it a recovery story, not a cure claim.
const MEDICAL_SOURCES: &[&str] = &[
    "bác sĩ kê",
    "theo chỉ định",
    "bệnh viện",
    "phác đồ",
    "điều trị tại",
    "được điều trị",
    "theo bác sĩ",
    "bác sĩ bảo",
    "bác sĩ nói",
    "bác sĩ cho biết",
    "bác sĩ khuyên",
    "bác sĩ đồng ý",
    "bác sĩ cho",
    "bác sĩ dặn",
];

/// Whether `fold` (a folded syllable) is the first syllable of one of [`DISEASES`],
/// [`GERMS`] or [`TREATMENTS`].
fn opens_cure_object(fold: &str) -> bool {
    matches!(
        fold,
        "te" | "dai"
            | "cao"
            | "gan"
            | "ung"
            | "tieu"
            | "huyet"
            | "mo"
            | "u"
            | "khoi"
            | "viem"
            | "xo"
            | "suy"
            | "soi"
            | "xuong"
            | "thoai"
            | "dot"
            | "tai"
            | "tram"
            | "tu"
            | "vo"
            | "hen"
            | "parkinson"
            | "vay"
            | "gout"
            | "gut"
            | "hiv"
            | "hoa"
            | "xa"
            | "tiem"
            | "insulin"
            | "thuoc"
            | "chay"
            | "loc"
            | "phau"
            | "covid"
            | "corona"
    )
}

/// Miracle-cure claims as forms rather than phrases: a cure verb right before a disease
/// ("hết tiểu đường", "khỏi hẳn u bướu", "đánh bay ung thư") or doing without a treatment
/// ("khỏi cần hoá trị", "khoi can tiem insulin"), in a post that names a home remedy
/// ([`REMEDIES`]: "uống nước lá ổi mỗi sáng"), in a sentence with no medical source
/// ([`MEDICAL_SOURCES`]: "theo phác đồ của bệnh viện"; not the subject of another claim,
/// "bệnh viện không muốn bạn biết") and not negated ("không khỏi", "chưa
/// hết"). Adds `unverified_claim.miracle_cure` findings (`warning`, the lexicon group's
/// message) where no finding of the category covers the words yet. Linear in tokens.
fn cure_claims(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let first = |i: usize, list: &[&str]| spelled_any(t, i, list);
    let mut claims: Vec<Range<usize>> = Vec::new();
    for i in 0..t.len() {
        if !matches!(
            t[i].fold.as_str(),
            "chua"
                | "dut"
                | "teo"
                | "tri"
                | "danh"
                | "day"
                | "diet"
                | "tieu"
                | "khoi"
                | "het"
                | "tan"
                | "khong"
                | "ko"
                | "k"
                | "bo"
        ) {
            continue;
        }
        // A disease or a treatment must start one to four words on (the verb and "no need"
        // phrases are one or two syllables): most "không" and "hết" are ruled out here.
        let names_one = |k: usize| t.get(k).is_some_and(|x| opens_cure_object(&x.fold));
        if !(1..=4).any(|j| names_one(i + j)) {
            continue;
        }
        let negated = (i.saturating_sub(2)..i).any(|k| {
            matches!(
                t[k].fold.as_str(),
                "khong" | "chua" | "chang" | "ko" | "the"
            )
        });
        // Up to three adverbs or words for the germ may come between the verb and the disease:
        // "chữa luôn gan nhiễm mỡ", "hết sạch sỏi thận", "tiêu diệt virus Covid", "diệt sạch
        // con virus corona".
        let between = |k: usize| {
            t.get(k).is_some_and(|x| {
                matches!(
                    x.fold.as_str(),
                    "luon" | "duoc" | "dut" | "sach" | "virus" | "vi" | "rut" | "con"
                )
            })
        };
        let wipes = first(i, WIPE_OUT).is_some();
        let disease_after = |k: usize| {
            let skip = (0..3).take_while(|&j| between(k + j)).count();
            (0..=skip).find_map(|j| {
                first(k + j, DISEASES)
                    .or_else(|| first(k + j, GERMS).filter(|_| wipes))
                    .map(|m| m + j)
            })
        };
        // A treatment, or after dropping it ("bỏ luôn", "bỏ hẳn", "bỏ được") the medicine for a
        // disease ("bỏ luôn thuốc tiểu đường"; not "không phải thuốc tiểu đường", nor "đừng /
        // không được tự ý bỏ luôn thuốc …").
        let dropped = t[i].fold == "bo"
            && !(i.saturating_sub(4)..i).any(|k| {
                negation(&t[k])
                    || ["đừng", "chớ", "tự ý", "cấm"]
                        .iter()
                        .any(|w| spelled_at(t, k, w))
            });
        let treatment = |k: usize| {
            first(k, TREATMENTS).or_else(|| {
                (dropped && t.get(k)?.fold == "thuoc")
                    .then(|| first(k + 1, DISEASES).map(|m| m + 1))
                    .flatten()
            })
        };
        let hit = first(i, CURE_VERBS)
            .and_then(|n| Some((n, disease_after(i + n)?)))
            .or_else(|| first(i, NO_NEED).and_then(|n| Some((n, treatment(i + n)?))));
        let Some((n, m)) = hit else {
            continue;
        };
        if negated || !spaced(t, i, i + n + m - 1) {
            continue;
        }
        claims.push(i..i + n + m);
    }
    // The disease first, then what a cure does to it: "tiểu đường khỏi hẳn", "khối u teo lại",
    // with at most three numbers or words of [`CURE_FILLERS`] between ("tiểu đường type 2 bay
    // sạch").
    for i in 0..t.len() {
        let Some(m) = diseases().at(t, i) else {
            continue;
        };
        let mut j = i + m;
        let filler = |x: &Token| x.numeric || key_matches_any(x, CURE_FILLERS);
        while j < i + m + 3 && t.get(j).is_some_and(filler) {
            j += 1;
        }
        let Some(r) = first(j, CURE_RESULTS) else {
            continue;
        };
        if spaced(t, i, j + r - 1) {
            claims.push(i..j + r);
        }
    }
    // A folk remedy, then what it did, to a grave disease named before it ("em gái mình bị ung
    // thư … Thế mà uống nước lá đu đủ đực kết hợp mật gấu 3 tháng giờ khỏi hẳn"): a strong
    // result ([`FOLK_RESULTS`]) within twenty words after a folk remedy ([`FOLK_REMEDIES`]) in
    // its sentence, not negated ("chưa khỏi hẳn"), with the disease the nearest ailment within
    // sixty words before the remedy (not "Bố bị tiểu đường. Hôm trước bị ho, uống nước gừng …
    // là khỏi hẳn": "bị" before anything else names another).
    // Typed with diacritics only: without them "la" is as often "là" as "lá".
    let folk = if ctx.unaccented { 0 } else { t.len() };
    for i in 0..folk {
        // Every result opens with one of these syllables: most tokens are passed over here.
        if !matches!(t[i].fold.as_str(), "khoi" | "lanh" | "het" | "teo" | "tan") {
            continue;
        }
        let Some(r) = first(i, FOLK_RESULTS) else {
            continue;
        };
        // Not negated, nor a wish ("mong sớm khỏi hẳn", "với mong muốn khỏi hẳn").
        let negated = (i.saturating_sub(3)..i).any(|k| {
            negation(&t[k]) || key_matches_any(&t[k], &["mong", "muốn", "vọng", "cầu", "để"])
        });
        if negated {
            continue;
        }
        let remedy = (i.saturating_sub(20)..i)
            .rev()
            .find(|&k| first(k, FOLK_REMEDIES).is_some())
            .filter(|&k| t[k + 1..=i].iter().all(|x| x.gap != Gap::Hard));
        let Some(k) = remedy else {
            continue;
        };
        let ailment = (k.saturating_sub(60)..k).rev().find_map(|j| {
            if diseases().at(t, j).is_some() {
                Some(true)
            } else if matches!(t[j].fold.as_str(), "bi" | "mac") {
                Some(diseases().at(t, j + 1).is_some())
            } else {
                None
            }
        });
        if ailment == Some(true) {
            claims.push(i..i + r);
        }
    }
    let remedy = |i: usize| first(i, REMEDIES).or_else(|| first(i, FOLK_REMEDIES));
    if claims.is_empty() || !(0..t.len()).any(|i| remedy(i).is_some()) {
        return;
    }
    let (sentence_of, ranges) = ctx.sentences();
    let covered = Covered::new(ctx.tokens, out, crate::Category::UnverifiedClaim);
    // A source that is the subject of another claim ("bệnh viện không muốn bạn biết", "bác sĩ
    // bệnh viện lớn cũng biết vậy mà không dám nói công khai"): a claim finding within its next
    // ten words.
    let in_claim = |k: usize| {
        let near = t[k].orig.start..t[(k + 10).min(t.len() - 1)].orig.end;
        covered.overlaps(&near)
    };
    // Per sentence, read once: whether it names a medical source, or warns against or denies
    // the claim anywhere ("Đừng tin mấy bài kiểu uống lá ổi là hết tiểu đường").
    let mut cancelled: Vec<Option<bool>> = vec![None; ranges.len()];
    let mut found = Vec::new();
    for c in claims {
        let si = sentence_of[c.start];
        let cancel = *cancelled[si].get_or_insert_with(|| {
            let r = ranges[si].clone();
            r.clone()
                .any(|k| first(k, MEDICAL_SOURCES).is_some() && !in_claim(k))
                || holds(t, r.clone(), debunk_keys(), ctx.unaccented)
                || holds(t, r, reject_keys(), ctx.unaccented)
        });
        let span = t[c.start].orig.start..t[c.end - 1].orig.end;
        if !cancel && !covered.overlaps(&span) {
            found.extend(group_finding(
                ctx,
                "unverified_claim.miracle_cure",
                Severity::Warning,
                span,
            ));
        }
    }
    out.append(&mut found);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cure lists are written as the text is keyed (tone on the main vowel: `hoá`), or a
    /// word typed either way would never match; every disease and treatment starts with a
    /// syllable `cure_claims` looks ahead for.
    #[test]
    fn cure_lists_are_keyed() {
        super::super::assert_keyed(&[
            PRESS_WORDS,
            PUBLISH_VERBS,
            SUPPRESSED,
            SHARE_VERBS,
            SHAME_WORDS,
            REMOVERS,
            REMOVALS,
            READERS,
            CALM_SHARES,
            PEOPLE_HEADS,
            FEATURES,
            GENERIC_LEADS,
            KINDS,
            DEFINED_AS,
            SOMEONE,
            CURE_VERBS,
            CURE_RESULTS,
            DISEASES,
            NO_NEED,
            TREATMENTS,
            REMEDIES,
            FOLK_REMEDIES,
            FOLK_RESULTS,
            MEDICAL_SOURCES,
            SOURCE_LABELS,
            VAGUE_PEOPLE,
            VOUCH,
            TELL,
        ]);
        // `vague_sources` tries a token only when its folded form opens one of these lists.
        for w in VOUCH.iter().chain(TELL).chain(SOURCE_LABELS) {
            let first = crate::text::tone::fold(w.split(' ').next().unwrap_or(w));
            assert!(
                [
                    "xac", "khang", "confirm", "cam", "noi", "bao", "tiet", "ke", "cho", "mach",
                    "nguon", "theo", "tin"
                ]
                .contains(&first.as_str()),
                "{w}"
            );
        }
        for w in DISEASES.iter().chain(TREATMENTS) {
            let first = crate::lexicon::phrase_keys(w).1[0].clone();
            assert!(opens_cure_object(&first), "{w}");
        }
    }
}
