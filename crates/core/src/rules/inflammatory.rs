//! Shouting: a whole sentence in capitals that also ends in `!`, insults or addresses someone
//! with contempt, and runs of `!!!` in a sentence that shouts or insults. Source: duty 3 of the source article ("thể hiện bằng văn phong đúng mực").
//! Headings of documents (a sentence that already holds an internal-document finding) and
//! short runs of capitals (acronyms, a two-word heading) are not shouting.

use super::{finding, sentences_with, tokens_in, Ctx};
use crate::text::Token;
use crate::{Category, Finding, Severity};
use std::ops::Range;

const VI: &str =
    "Cả câu viết hoa như đang quát: người đọc nghe thấy sự giận dữ trước khi hiểu ý bạn.";
const EN: &str =
    "A whole sentence in capitals reads as shouting: readers hear the anger before the point.";
const BANG_VI: &str = "Chuỗi dấu chấm than làm câu nói gay gắt hơn.";
const BANG_EN: &str = "A run of exclamation marks makes the sentence harsher.";

/// Fewest all-capital words that make a sentence shouted.
const MIN_WORDS: usize = 5;

/// Words (accented keys) that aim a sentence at a person: second-person and contemptuous
/// pronouns and classifiers.
const AIM_WORDS: &[&str] = &[
    "mày", "mầy", "bây", "mi", "tụi", "bọn", "lũ", "thằng", "thg", "tk", "đồ", "mụ", "lão", "hắn",
];
/// Whether token `i` is one of [`AIM_WORDS`] used for a person: not the `lũ` of `lũ lụt`
/// (a flood), not the `thằng` of `thằng em` (a younger brother).
fn aims(t: &[Token], i: usize) -> bool {
    let next = t.get(i + 1).map(|n| n.key.as_str());
    match t[i].key.as_str() {
        "lũ" => !matches!(next, Some("lụt" | "quét" | "ống" | "lớn" | "về")),
        "thằng" => !matches!(next, Some("em" | "bé" | "cháu" | "con" | "anh")),
        k => AIM_WORDS.contains(&k),
    }
}

/// Words after `con` that make it a contemptuous classifier for a person (`con này`).
const CON_AIM: &[&str] = &[
    "này", "kia", "đó", "ấy", "nhỏ", "mụ", "mẹ", "đĩ", "bé", "ranh", "điên", "khùng",
];
/// Rules whose findings are `info` unless their sentence is aimed at someone.
const AIMABLE: &[&str] = &["inflammatory.vulgar", "inflammatory.mild_insult"];

/// Raises vulgar words and mild put-downs to `warning` in sentences aimed at a person (a
/// pronoun or classifier of contempt, or a stronger insult in the same sentence).
fn raise_aimed(ctx: &Ctx<'_>, of: &[usize], ranges: &[Range<usize>], out: &mut [Finding]) {
    if !out
        .iter()
        .any(|f| f.severity == Severity::Info && AIMABLE.contains(&f.rule_id.as_str()))
    {
        return;
    }
    let t = ctx.tokens;
    let aimed_at = |i: usize| {
        let k = t[i].key.as_str();
        aims(t, i)
            || (k == "m" && (i == 0 || !t[i - 1].numeric))
            || (k == "con"
                && t.get(i + 1)
                    .is_some_and(|n| CON_AIM.contains(&n.key.as_str()) || n.capitalized))
    };
    let aimed: Vec<bool> = ranges.iter().map(|r| r.clone().any(aimed_at)).collect();
    let strong = sentences_with(t, of, ranges.len(), out, |f| {
        f.category == Category::Inflammatory && f.severity >= Severity::Warning
    });
    for f in out.iter_mut() {
        if f.severity != Severity::Info || !AIMABLE.contains(&f.rule_id.as_str()) {
            continue;
        }
        let toks = tokens_in(t, &f.span);
        if toks.is_empty() {
            continue;
        }
        let sents = of[toks.start]..=of[toks.end - 1];
        if sents.clone().any(|s| aimed[s] || strong[s]) {
            f.severity = Severity::Warning;
        }
    }
}

/// Drops `sủa` (barking, said of people as an insult) where the eight words before it in its
/// sentence name a dog and aim at no one: "Con chó nhà bác Tư sủa cả đêm", "Nhà bên có con
/// chó hay sủa".
fn barking_dogs(t: &[Token], of: &[usize], out: &mut Vec<Finding>) {
    out.retain(|f| {
        if f.rule_id != "inflammatory.insult" {
            return true;
        }
        let toks = tokens_in(t, &f.span);
        if toks.len() != 1 || t[toks.start].key != "sủa" {
            return true;
        }
        let i = toks.start;
        let sentence = of[i];
        // The eight words before, within the sentence (bounded: a long sentence of barking
        // stays linear).
        let before = (i.saturating_sub(8)..i)
            .rev()
            .take_while(|&j| of[j] == sentence);
        let mut dog = false;
        for j in before {
            if aims(t, j) {
                return true;
            }
            dog |= matches!(t[j].key.as_str(), "chó" | "cún" | "cẩu");
        }
        !dog
    });
}

pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let (of, ranges) = ctx.sentences();
    barking_dogs(t, of, out);
    raise_aimed(ctx, of, ranges, out);
    let internal = sentences_with(t, of, ranges.len(), out, |f| {
        f.category == Category::InternalDocument
    });
    let inflammatory = sentences_with(t, of, ranges.len(), out, |f| {
        f.category == Category::Inflammatory
    });
    // Shouting is a warning only over an insult, a threat or the like, not over a friendly
    // "YÊU MÀY NHẤT TRÊN ĐỜI" (its `mày` is an info nudge).
    let hostile = sentences_with(t, of, ranges.len(), out, |f| {
        f.category == Category::Inflammatory && f.severity >= Severity::Warning
    });
    for (si, r) in ranges.iter().enumerate() {
        let (s, e) = (r.start, r.end);
        // Sentence t[s..e].
        // Its words (tokens with a letter, not numbers): how many, how many in capitals,
        // whether any carries a diacritic.
        let (mut words, mut caps, mut marked) = (0usize, 0usize, false);
        for tok in t[s..e]
            .iter()
            .filter(|x| !x.numeric && x.key.chars().any(crate::text::is_letter))
        {
            words += 1;
            marked |= tok.marked;
            if tok.upper && tok.key.chars().nth(1).is_some() {
                caps += 1;
            }
        }
        let span = t[s].orig.start..t[e - 1].orig.end;
        // Trailing "!!!" after the sentence.
        let rest = ctx.text.get(span.end..).unwrap_or("");
        // Capitals alone are how many older users and shop signs write ("MẬT ONG RỪNG NGUYÊN
        // CHẤT"); a sentence shouts when it also ends in `!`, holds an inflammatory finding,
        // or is aimed at someone.
        let heated = || {
            inflammatory[si]
                || rest.trim_start_matches(' ').starts_with(['!', '！'])
                || (s..e).any(|i| aims(t, i))
        };
        let shouted = words >= MIN_WORDS && caps * 10 >= words * 9 && marked && heated();
        let bangs = rest.len() - rest.trim_start_matches(['!', '！', ' ']).len();
        let bang_run = rest[..bangs].matches(['!', '！']).count() >= 3;
        if shouted && !internal[si] {
            let severity = if hostile[si] {
                Severity::Warning
            } else {
                Severity::Info
            };
            out.push(finding(
                "inflammatory.shouting",
                Category::Inflammatory,
                severity,
                span.clone(),
                VI,
                EN,
            ));
        } else if bang_run && (inflammatory[si] || caps >= 2 && caps == words) {
            let b = span.end + rest[..bangs].trim_end().len();
            let first_bang = span.end + rest.find(['!', '！']).unwrap_or(0);
            if first_bang < b {
                out.push(finding(
                    "inflammatory.shouting",
                    Category::Inflammatory,
                    Severity::Info,
                    first_bang..b,
                    BANG_VI,
                    BANG_EN,
                ));
            }
        }
    }
}
