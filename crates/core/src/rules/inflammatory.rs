//! Shouting: a whole sentence in capitals, and runs of `!!!` in a sentence that shouts or
//! insults. Source: duty 3 of the source article ("thể hiện bằng văn phong đúng mực").
//! Headings of documents (a sentence that already holds an internal-document finding) and
//! short runs of capitals (acronyms, a two-word heading) are not shouting.

use super::{finding, tokens_in, Ctx};
use crate::text::Gap;
use crate::{Category, Finding, Severity};

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
/// Words after `con` that make it a contemptuous classifier for a person (`con này`).
const CON_AIM: &[&str] = &[
    "này", "kia", "đó", "ấy", "nhỏ", "mụ", "mẹ", "đĩ", "bé", "ranh", "điên", "khùng",
];
/// Rules whose findings are `info` unless their sentence is aimed at someone.
const AIMABLE: &[&str] = &["inflammatory.vulgar", "inflammatory.mild_insult"];

/// Raises vulgar words and mild put-downs to `warning` in sentences aimed at a person (a
/// pronoun or classifier of contempt, or a stronger insult in the same sentence).
fn raise_aimed(ctx: &Ctx<'_>, out: &mut [Finding]) {
    let t = ctx.tokens;
    let aimed_at = |i: usize| {
        let k = t[i].key.as_str();
        AIM_WORDS.contains(&k)
            || (k == "m" && (i == 0 || !t[i - 1].numeric))
            || (k == "con"
                && t.get(i + 1)
                    .is_some_and(|n| CON_AIM.contains(&n.key.as_str()) || n.capitalized))
    };
    let strong: Vec<std::ops::Range<usize>> = out
        .iter()
        .filter(|f| f.category == Category::Inflammatory && f.severity >= Severity::Warning)
        .map(|f| f.span.clone())
        .collect();
    for f in out.iter_mut() {
        if f.severity != Severity::Info || !AIMABLE.contains(&f.rule_id.as_str()) {
            continue;
        }
        let toks = tokens_in(t, &f.span);
        let mut s = toks.start;
        while s > 0 && t[s].gap != Gap::Hard {
            s -= 1;
        }
        let mut e = toks.end;
        while e < t.len() && t[e].gap != Gap::Hard {
            e += 1;
        }
        let sentence = t[s].orig.start..t[e - 1].orig.end;
        if (s..e).any(aimed_at)
            || strong
                .iter()
                .any(|r| r.start < sentence.end && r.end > sentence.start)
        {
            f.severity = Severity::Warning;
        }
    }
}

pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    raise_aimed(ctx, out);
    let t = ctx.tokens;
    let mut s = 0;
    while s < t.len() {
        let mut e = s + 1;
        while e < t.len() && t[e].gap != Gap::Hard {
            e += 1;
        }
        // Sentence t[s..e].
        let words: Vec<usize> = (s..e)
            .filter(|&i| !t[i].numeric && t[i].key.chars().any(char::is_alphabetic))
            .collect();
        let caps = words
            .iter()
            .filter(|&&i| t[i].upper && t[i].key.chars().count() > 1)
            .count();
        let span = t[s].orig.start..t[e - 1].orig.end;
        let shouted = words.len() >= MIN_WORDS
            && caps * 10 >= words.len() * 9
            && words.iter().any(|&i| t[i].marked);
        let overlaps = |cat: Category| {
            out.iter()
                .any(|f| f.category == cat && f.span.start < span.end && f.span.end > span.start)
        };
        // Trailing "!!!" after the sentence.
        let rest = &ctx.text[span.end..];
        let bangs = rest.len() - rest.trim_start_matches(['!', '！', ' ']).len();
        let bang_run = rest[..bangs].matches(['!', '！']).count() >= 3;
        if shouted && !overlaps(Category::InternalDocument) {
            let insulting = overlaps(Category::Inflammatory);
            let severity = if insulting || bang_run {
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
        } else if bang_run && (overlaps(Category::Inflammatory) || caps >= 2 && caps == words.len())
        {
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
        s = e;
    }
}
