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

pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
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
    let _ = tokens_in;
}
