//! Shouting: a whole sentence in capitals that also ends in `!`, insults or addresses someone
//! with contempt, and runs of `!!!` in a sentence that shouts or insults. Source: duty 3 of
//! the source article ("thể hiện bằng văn phong đúng mực").
//! Headings of documents (a sentence that already holds an internal-document finding) and
//! short runs of capitals (acronyms, a two-word heading) are not shouting.

use super::{
    add_uncovered, finding, group_finding, phrase_list, sentences_with, spelled_any, spelled_at,
    tokens_in, Covered, Ctx, CLOSING_QUOTES, OPENING_QUOTES,
};
use crate::text::{Gap, Token};
use crate::{Category, Finding, Severity};
use std::ops::Range;

const MASKED_VI: &str =
    "Lời tục tĩu, dù đã che bớt chữ: người đọc vẫn đọc ra, và nhớ câu chửi hơn là ý bạn muốn nói.";
const MASKED_EN: &str =
    "Profanity with letters masked: readers still read it, and remember the swearing more than your point.";

/// Swear words (folded, one syllable) that people write with letters masked by `*` (`đ*o`,
/// `l*n`, `c*t`, `Đ*t`), with the severity of the word written out: the vulgar intensifiers
/// `đéo`, `đếch` are `info` as they are unmasked; the others are profanity.
const MASKED_WORDS: &[(&str, Severity)] = &[
    ("deo", Severity::Info),
    ("dech", Severity::Info),
    ("dit", Severity::Warning),
    ("lon", Severity::Warning),
    ("cac", Severity::Warning),
    ("cut", Severity::Warning),
    ("buoi", Severity::Warning),
    ("du", Severity::Warning),
];

/// Words with letters masked by `*`: the letters before the first `*` and after the last one
/// (folded, lower case) start and end one of [`MASKED_WORDS`], with at least one letter
/// masked between them (`đ*o` = đéo, `l*n` = lồn, `b**i` = buồi). Both ends must be given: `đ*`
/// alone says nothing. Not in code or arithmetic: a bracket right before or after the word
/// (`range(l*n)`), or an `=`, `+` or `^` within 24 bytes that is not part of an emoticon
/// (`=))`, `:))` are everywhere in comments) makes it a product; an underscore, dot or slash
/// right after it makes it a file or identifier name (`b**i_2.txt`). Not a masked name: a word
/// capitalised inside a sentence ("Cảm ơn anh Đ*t ở phòng kế toán", "Chị L*n bán rau", "size
/// L*n") hides a person's name, as giveaway and thank-you posts do. Read from the
/// caller's text (the tokenizer splits such words at the `*`): one finding per masked word,
/// spanning it, with the word's severity. Linear in the text.
fn masked_profanity(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let is_letter = |c: char| crate::text::is_letter(c) || c == '*';
    let fold = |s: &str| -> Option<String> {
        s.chars()
            .map(|c| {
                let f = crate::text::tone::letter(c).map_or(c, |l| l.fold);
                f.is_ascii_alphabetic().then(|| f.to_ascii_lowercase())
            })
            .collect()
    };
    let mut from = 0;
    while let Some(star) = text.get(from..).and_then(|r| r.find('*')).map(|i| from + i) {
        // The run of letters and stars around this star.
        let start = text[..star]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_letter(c))
            .last()
            .map_or(star, |(i, _)| i);
        let end = text[star..]
            .char_indices()
            .take_while(|&(_, c)| is_letter(c))
            .last()
            .map_or(star + 1, |(i, c)| star + i + c.len_utf8());
        from = end.max(star + 1);
        let word = &text[start..end];
        let (Some(first), Some(last)) = (word.find('*'), word.rfind('*')) else {
            continue;
        };
        let (Some(head), Some(tail)) = (fold(&word[..first]), fold(&word[last + 1..])) else {
            continue;
        };
        // "đ** mẹ", "đ*** má": the curse with its verb masked whole, "mẹ" or "má" after it.
        if head == "d" && tail.is_empty() {
            let rest = &text[end..];
            let word_start = end + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
            let next: String = text[word_start..]
                .chars()
                .take_while(|&c| crate::text::is_letter(c))
                .collect();
            if word_start > end && matches!(fold(&next).as_deref(), Some("me" | "ma")) {
                out.push(finding(
                    "inflammatory.masked_profanity",
                    Category::Inflammatory,
                    Severity::Warning,
                    start..word_start + next.len(),
                    MASKED_VI,
                    MASKED_EN,
                ));
            } else if called_masked(text, start, end) {
                out.push(finding(
                    "inflammatory.masked_profanity",
                    Category::Inflammatory,
                    Severity::Warning,
                    start..end,
                    MASKED_VI,
                    MASKED_EN,
                ));
            } else if masked_exclamation(text, start, end, &next, word_start > end) {
                out.push(finding(
                    "inflammatory.masked_profanity",
                    Category::Inflammatory,
                    Severity::Info,
                    start..end,
                    MASKED_VI,
                    MASKED_EN,
                ));
            }
            continue;
        }
        if head.is_empty() || tail.is_empty() || head.len() + tail.len() > 6 {
            continue;
        }
        // An operator that is not an emoticon's eyes (`=))`, `=((`, `=]`).
        let near = |r: &str| {
            let b = r.as_bytes();
            (0..b.len()).any(|i| match b[i] {
                b'+' | b'^' => true,
                b'=' => !matches!(b.get(i + 1), Some(b')' | b'(' | b']' | b'[' | b'D' | b'P')),
                _ => false,
            })
        };
        let after = &text.as_bytes()[end..];
        let bracketed = matches!(text[..start].bytes().next_back(), Some(b'(' | b'[' | b'{'))
            || matches!(after, [b')' | b']' | b'}', ..])
            || matches!(after, [b'_' | b'.' | b'/', c, ..] if c.is_ascii_alphanumeric());
        // Capitalised (not in capitals) after a word of its sentence: a masked name. After a
        // sentence end, a colon, a quote, a dash or an emoticon (`=))`) a new clause starts.
        let name = word.chars().next().is_some_and(crate::text::tone::is_upper)
            && !word
                .chars()
                .all(|c| c == '*' || !crate::text::is_letter(c) || crate::text::tone::is_upper(c))
            && text[..start]
                .trim_end_matches([' ', '\t'])
                .chars()
                .next_back()
                .is_some_and(|c| {
                    !matches!(
                        c,
                        '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '(' | ')' | '-'
                    )
                });
        let window = |a: usize, b: usize| {
            let (mut a, mut b) = (a, b.min(text.len()));
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            while !text.is_char_boundary(b) {
                b += 1;
            }
            &text[a..b]
        };
        if name
            || bracketed
            || near(window(start.saturating_sub(24), start))
            || near(window(end, end + 24))
        {
            continue;
        }
        let masked = MASKED_WORDS.iter().find(|(w, _)| {
            w.len() > head.len() + tail.len() && w.starts_with(&head) && w.ends_with(&tail)
        });
        if let Some(&(_, severity)) = masked {
            out.push(finding(
                "inflammatory.masked_profanity",
                Category::Inflammatory,
                severity,
                start..end,
                MASKED_VI,
                MASKED_EN,
            ));
        }
    }
}

/// Whether the masked word `text[start..end]` (a `đ`/`d` and one to three stars) calls someone
/// a name: right after "con", "đồ" or "thằng" ("về nhà rửa bát đi con đ*", "đồ đ**"), with
/// nothing after it in its clause but punctuation, the text's end or a pointing word ("Nhìn
/// mặt con đ* đó").
fn called_masked(text: &str, start: usize, end: usize) -> bool {
    let stars = text[start..end].bytes().filter(|&b| b == b'*').count();
    if !(1..=3).contains(&stars) {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '\t']);
    if before.len() == start {
        return false;
    }
    // The word right before it, in lower case.
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| crate::text::is_letter(c))
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = before[word_start..].to_lowercase();
    // Nothing after it but punctuation, or a word pointing at her ("con đ* đó", "con đ* kia").
    let rest = text[end..].trim_start_matches([' ', '\t']);
    let next: String = rest
        .chars()
        .take_while(|&c| crate::text::is_letter(c))
        .flat_map(char::to_lowercase)
        .collect();
    let clause_ends = next.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit())
        || matches!(next.as_str(), "đó" | "kia" | "này" | "ấy" | "nha" | "nhé");
    matches!(word.as_str(), "con" | "đồ" | "thằng") && clause_ends
}

/// Whether the masked word `text[start..end]` (a `đ`/`d` and stars, no letter after them) is
/// the vulgar `đéo` used as a word of its own, `next` being the word after it and `spaced`
/// whether a space separates them: two or three stars (`đ**`, `Đ***`), then a space and a
/// word in lower case ("Đ** ai chịu nổi", "tao đ** hiểu"), with no letter or digit right
/// before it (`50.000đ**`). Capitalised, it must open its sentence (start of text, or after
/// `.`, `!`, `?`, a line break, `:`, `“` or `(`; not a straight `"`, which closes quotes
/// too: `Cảm ơn "Đ** đẹp trai"` is a nickname): inside a sentence "anh Đ**" hides a name.
/// `info`, as `đéo` written out is.
fn masked_exclamation(text: &str, start: usize, end: usize, next: &str, spaced: bool) -> bool {
    let word = &text[start..end];
    let stars = word.bytes().filter(|&b| b == b'*').count();
    if !spaced || !(2..=3).contains(&stars) || !next.chars().next().is_some_and(char::is_lowercase)
    {
        return false;
    }
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || c == '*') {
        return false;
    }
    if !word.chars().next().is_some_and(crate::text::tone::is_upper) {
        return true;
    }
    text[..start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':' | '“' | '('))
}

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
        // "các ngươi", "các người" addressing people ("CÁC NGƯỜI CÓ CÒN LƯƠNG TÂM KHÔNG").
        "ngươi" => true,
        // Only before what a sentence addressing them goes on with: "CÁC NGƯỜI CÓ CÒN LƯƠNG
        // TÂM", not "CÁC NGƯỜI HÙNG ÁO TRẮNG", "CÁC NGƯỜI MẸ".
        "người" => {
            i > 0
                && t[i - 1].key == "các"
                && t[i].gap == crate::text::Gap::Space
                && next.is_none_or(|n| {
                    matches!(
                        n,
                        "có" | "là"
                            | "đừng"
                            | "hãy"
                            | "phải"
                            | "không"
                            | "đã"
                            | "sẽ"
                            | "đều"
                            | "chỉ"
                            | "cứ"
                            | "còn"
                            | "làm"
                            | "tưởng"
                            | "lừa"
                            | "đi"
                            | "ơi"
                            | "nghe"
                            | "im"
                            | "cút"
                            | "biết"
                            | "định"
                            | "muốn"
                    )
                })
        }
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
/// sentence name a dog or a pet of the writer's house and aim at no one: "Con chó nhà bác Tư
/// sủa cả đêm", "Nhà bên có con chó hay sủa", "Bé Lu nhà mình sủa to lắm".
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
        // The words before, within the sentence: a dog among the last 24 (bounded: a long
        // sentence of barking stays linear), no person aimed at among the last eight. Once a
        // dog is named, `nó` is the dog ("Nhà mình có con chó Phú Quốc khôn lắm, người lạ đi
        // qua là nó sủa báo ngay").
        let before = || {
            (i.saturating_sub(24)..i)
                .rev()
                .take_while(|&j| of[j] == sentence)
        };
        // A dog word, or a pet of the house ("Bé Lu nhà mình sủa to lắm").
        let dog = before().any(|j| {
            matches!(t[j].key.as_str(), "chó" | "cún" | "cẩu")
                || t[j].key == "nhà"
                    && t.get(j + 1).is_some_and(|n| {
                        matches!(n.key.as_str(), "mình" | "tôi" | "em" | "tớ" | "ta")
                    })
        });
        // "nó sủa" with a dog in the 24 words before, past a sentence's end ("Chó nhà hàng xóm
        // sủa cả đêm qua … May mà nó sủa nên …", adv50): the nearest of a dog and a person
        // must be the dog, and a dog word no insult ("thằng chó"; "Con chó nhà tôi hiền lắm.
        // Còn thằng hàng xóm thì nó sủa suốt ngày" is aimed, brk36).
        let its = i > 1 && t[i - 1].key == "nó" && {
            let person = |j: usize| {
                aims(t, j) && t[j].key != "nó"
                    || crate::engine::key_matches_any(&t[j], &["ông", "bà", "người", "mẹ", "cha"])
            };
            (i.saturating_sub(24)..i - 1)
                .rev()
                .find(|&j| person(j) || matches!(t[j].key.as_str(), "chó" | "cún"))
                .is_some_and(|j| !person(j) && !(j > 0 && (aims(t, j - 1) || t[j - 1].key == "đồ")))
        };
        if its {
            return false;
        }
        let aimed = before()
            .take(8)
            .any(|j| aims(t, j) && !(dog && t[j].key == "nó"));
        aimed || !dog
    });
}

/// First-person pronouns (keys): the writer speaking of themself.
const FIRST_PERSON: &[&str] = &[
    "tôi", "mình", "em", "tớ", "tui", "tao", "t", "mk", "e", "ta", "mik", "tau",
];

/// Words that may stand between a first-person subject and what it calls itself: "tôi đúng là
/// đồ ngốc", "em là đứa ngu nhất lớp", "mình thật sự hơi ngu". Not `bị`: "tôi bị thằng ngu đó
/// lừa" names someone else.
const SELF_FILLERS: &[&str] = &[
    "đúng", "là", "thật", "sự", "quả", "cũng", "vốn", "hơi", "rất", "khá", "tự", "đứa", "một",
    "kẻ", "quá", "thì", "đồ", "thằng", "con", "loại", "cái", "công", "nhận", "đã", "còn", "vẫn",
    "chỉ",
];

/// Words after which a pronoun opens a clause ("ủa sao mình ngu thế", "vì tôi dốt", "đúng là
/// mình ngốc", "hoá ra tôi là đứa dốt", "bản thân tôi cũng ngu"), rather than qualifying a
/// noun ("dân mình ngu dốt": our people).
const CLAUSE_OPENERS: &[&str] = &[
    "vì", "mà", "nhưng", "sao", "chắc", "ủa", "thì", "nên", "còn", "và", "chứ", "tại", "do", "là",
    "ra", "thân", "thôi", "ôi", "trời", "haiz", "huhu", "haha", "hihi", "hehe",
];

/// Verbs an insult may follow as an adverb of manner, right before it: "bọn mình chơi ngu
/// quá" (we played stupidly), "tôi làm dốt thật". Only next to the insult: in "tôi làm thằng
/// ngu kia …" the insult names someone.
const MANNER_VERBS: &[&str] = &[
    "chơi", "làm", "đá", "đánh", "học", "sống", "lái", "xử", "nói", "viết",
];

/// Words that make a first-person pronoun plural ("bọn mình", "tụi em", "chúng tôi"): the
/// writer's own group, which opens its clause as the pronoun alone would.
const PLURAL_MARKERS: &[&str] = &[
    "bọn", "tụi", "chúng", "bầy", "lũ", "đám", "ae", "hội", "nhóm", "team", "lớp", "đội",
];

/// Words that start a noun phrase ("mấy thằng", "lũ", "đồ"): an insult starting with one is no
/// adverb of manner.
const NOUN_STARTS: &[&str] = &[
    "mấy", "thằng", "con", "lũ", "bọn", "đồ", "tụi", "đứa", "những", "các", "cái", "loại",
];

/// Last syllables of times a clause may start with ("hôm nay", "tối qua", "lúc đó"), before
/// the writer's group.
const TIMES: &[&str] = &[
    "nay", "qua", "mai", "nãy", "giờ", "đó", "đấy", "xưa", "trước", "này", "rồi",
];

/// Epithets parents give their own children ("lũ quỷ nhà mình nghịch quá, thương lắm", "bọn
/// giặc con nhà tôi"): fond, not insulting, when the writer's household owns them.
const FOND_EPITHETS: &[&str] = &["quỷ", "giặc", "khỉ", "quậy"];

/// Whether the insult in tokens `r` is a fond epithet owned by the writer's household: the
/// insult ends in one of [`FOND_EPITHETS`] or is followed by one ("lũ" + "quỷ"), then
/// "nhà"/"của" + a first-person pronoun.
fn fond_household(t: &[Token], r: &Range<usize>, is: impl Fn(&Token, &[&str]) -> bool) -> bool {
    let spaced = |k: usize| t.get(k).filter(|x| x.gap == Gap::Space);
    let ends_fond = r
        .end
        .checked_sub(1)
        .and_then(|k| t.get(k))
        .is_some_and(|x| is(x, FOND_EPITHETS));
    let owner_at = if ends_fond {
        r.end
    } else if spaced(r.end).is_some_and(|x| is(x, FOND_EPITHETS)) {
        r.end + 1
    } else {
        return false;
    };
    // "lũ khỉ con của mình": a "con"/"nhỏ" may follow the epithet.
    let owner_at = owner_at
        + usize::from(spaced(owner_at).is_some_and(|x| matches!(x.key.as_str(), "con" | "nhỏ")));
    spaced(owner_at).is_some_and(|x| matches!(x.key.as_str(), "nhà" | "của"))
        && spaced(owner_at + 1).is_some_and(|x| is(x, FIRST_PERSON))
}

/// Drops insults the writer aims at themself: a first-person pronoun (alone or made plural,
/// [`PLURAL_MARKERS`]) that opens its clause, then at most five words of [`SELF_FILLERS`] (or
/// one of [`MANNER_VERBS`] right before the insult), then the insult, with no comma between and
/// no word after it that points on ("thằng ngu nào", "đồ ngu như anh") ("Tôi đúng là đồ ngốc, để
/// quên chìa khoá", "Em là đứa ngu nhất lớp môn lý", "Bọn mình chơi ngu quá"). Self-deprecation
/// insults no one; nor does a fond epithet for the writer's own children ([`fond_household`]).
fn self_directed(t: &[Token], out: &mut Vec<Finding>) {
    out.retain(|f| {
        if !matches!(
            f.rule_id.as_str(),
            "inflammatory.insult" | "inflammatory.contempt"
        ) {
            return true;
        }
        // A word typed without diacritics is compared by its folded form ("Toi dung la do
        // ngoc").
        let is = crate::engine::key_matches_any;
        let r = tokens_in(t, &f.span);
        if r.is_empty() {
            return true;
        }
        if fond_household(t, &r, is) {
            return false;
        }
        let opens_at = |k: usize| k == 0 || t[k].gap != Gap::Space || is(&t[k - 1], CLAUSE_OPENERS);
        // Short words compared as written: "doi tao" is "đời tao", not "đội tao".
        let keyed = |x: &Token, list: &[&str]| list.contains(&x.key.as_str());
        // A manner verb comes before an adjective ("chơi ngu"), not before a noun phrase
        // ("mình nói mấy thằng …": the verb's object).
        let adjective = !keyed(&t[r.start], NOUN_STARTS);
        // "Ngu như mình thì chịu", "Người ngu là tôi": compared with, or said to be, the
        // writer alone, ending the clause, with the insult opening its clause (or after a bare
        // "người"/"đứa" that does): not "Thằng đó ngu như mình thôi".
        let me_at = |k: usize| {
            t.get(k).is_some_and(|x| {
                x.gap == Gap::Space
                    && is(x, FIRST_PERSON)
                    && !t
                        .get(k + 1)
                        .is_some_and(|n| n.gap == Gap::Space && keyed(n, PLURAL_MARKERS))
            }) && (t.get(k + 1).is_none_or(|n| n.gap != Gap::Space)
                || keyed(&t[k + 1], &["thì", "đây", "đó", "rồi", "mà", "thôi"]))
        };
        let insult_opens = opens_at(r.start)
            || r.start > 0
                && t[r.start].gap == Gap::Space
                && keyed(&t[r.start - 1], &["người", "đứa"])
                && opens_at(r.start - 1);
        if insult_opens
            && t.get(r.end)
                .is_some_and(|x| x.gap == Gap::Space && keyed(x, &["như", "là"]))
            && me_at(r.end + 1)
        {
            return false;
        }
        // "thằng ngu nào", "đồ ngu như anh", "thằng ngu này": the insult points at someone.
        if t.get(r.end).is_some_and(|x| {
            x.gap == Gap::Space && keyed(x, &["nào", "này", "đó", "ấy", "kia", "như"])
        }) {
            return true;
        }
        let mut manner_used = false;
        let mut j = r.start;
        for step in 0..6 {
            // A comma between: "đời tao, đồ mất dạy" speaks to someone else.
            if j == 0 || t[j].gap != Gap::Space {
                return true;
            }
            j -= 1;
            if is(&t[j], FIRST_PERSON) {
                // "bọn mình", "chúng tôi": the writer's group, when it opens its clause or
                // follows a time ("Hôm nay bọn mình chơi ngu quá"); after a noun it owns it
                // ("Sếp tụi mình đúng là ngu").
                let plural = j > 0 && t[j].gap == Gap::Space && keyed(&t[j - 1], PLURAL_MARKERS);
                let group_opens = plural
                    && (opens_at(j - 1)
                        || j > 1 && keyed(&t[j - 2], TIMES) && t[j - 1].gap == Gap::Space);
                // "Em làm ngu thế này thì anh sửa sao kịp": a lone "em" before a manner verb
                // is as often the person spoken to.
                let addressee = manner_used && !plural && keyed(&t[j], &["em", "e"]);
                return addressee || !(group_opens || opens_at(j));
            }
            let manner = step == 0 && adjective && keyed(&t[j], MANNER_VERBS);
            manner_used |= manner;
            if !manner && !is(&t[j], SELF_FILLERS) {
                return true;
            }
        }
        true
    });
}

/// Words that may follow "… người" at the end of a dehumanising phrase and still end its
/// clause ("mày không phải người nữa", "không phải người à", "không phải người mà là súc vật").
/// Not "thật" ("nhân vật không phải người thật") nor a conjunction ("Chó mèo không phải là
/// người nên đừng cho ăn mặn").
const CLAUSE_END_PARTICLES: &[&str] = &[
    "nữa", "à", "hả", "hở", "ư", "đâu", "đấy", "đó", "rồi", "mà", "luôn", "nha", "nhé", "ạ", "vậy",
    "chứ", "sao", "cả", "nổi",
];

/// Drops dehumanising phrases that end in "người" and go on, in their phrase, with a word
/// saying which kind of person ("Mình không phải người thích đăng chuyện thị phi", "anh ấy
/// không phải là người Việt", "không phải người duy nhất"): denying someone is human ends its
/// clause, or goes on with a particle ([`CLAUSE_END_PARTICLES`]).
fn kind_of_person(t: &[Token], out: &mut Vec<Finding>) {
    out.retain(|f| {
        if f.rule_id != "inflammatory.dehumanising" {
            return true;
        }
        let r = tokens_in(t, &f.span);
        let ends_in_person = r
            .end
            .checked_sub(1)
            .and_then(|k| t.get(k))
            // Or its teencode "ng" ("k phải là ng việt nam").
            .is_some_and(|x| {
                crate::engine::key_matches(x, "người") || crate::lexicon::teencode_of(x, "người")
            });
        let goes_on = t.get(r.end).is_some_and(|x| {
            x.gap == Gap::Space
                && !CLAUSE_END_PARTICLES
                    .iter()
                    .any(|w| crate::engine::key_matches(x, w))
        });
        !(ends_in_person && goes_on)
    });
}

/// Words for a people ("dân Thanh Hoá", "người Hà Nam", "bọn Nghệ An"), keyed, for
/// [`painted_people`].
const PEOPLE_OF: &[&str] = &["dân", "người", "bọn", "lũ", "tụi", "đám"];
phrase_list!(people_of, PEOPLE_OF);

/// Crimes and vices a whole people is painted with (keyed phrases, longest first), for
/// [`painted_people`]. Not "cướp" or "lừa" alone: a football team "toàn cướp bóng", "chuyên
/// lừa bóng"; nor "điêu" alone: "chuyên điêu khắc đá" (breakers). "trộm" not before [`NOT_THEFT`].
const PAINTED_WITH: &[&str] = &[
    "trộm cắp",
    "trộm chó",
    "ăn trộm",
    "ăn cắp",
    "ăn cướp",
    "lừa đảo",
    "lừa lọc",
    "lưu manh",
    "côn đồ",
    "xã hội đen",
    "giang hồ",
    "gian xảo",
    "xảo trá",
    "lật lọng",
    "điêu toa",
    "láu cá",
    "mất dạy",
    "vô học",
    "ăn bám",
    "làm đĩ",
    "buôn ma túy",
    "trộm",
];
phrase_list!(painted_with, PAINTED_WITH);

/// Words after "trộm" that make it no theft: "trộm nghĩ" (I humbly think), "trộm vía" (touch
/// wood, said of a baby), "trộm nhìn" (a glance).
const NOT_THEFT: &[&str] = &["nghĩ", "vía", "nhìn", "ngắm", "phép", "yêu", "thương"];

/// Words right before a crime that make it the people's habit or nature (keyed syllables):
/// "toàn trộm cắp", "đều lừa đảo", "chuyên trộm chó", "quen thói lừa", "giỏi ăn cắp".
const HABITUALLY: &[&str] = &["toàn", "đều", "chuyên", "quen", "giỏi", "hay", "thói"];

/// Words right after a crime that make it the people's nature or trade (keyed phrases):
/// "trộm cắp là nghề truyền thống", "lừa đảo là bản chất", "… trong máu", "… từ trong trứng",
/// "… giỏi nhất nước".
const BY_NATURE: &[&str] = &[
    "là nghề truyền thống",
    "là cái nghề",
    "là nghề",
    "thành thói",
    "thành tật",
    "là bản chất",
    "là bản tính",
    "là đặc sản",
    "là truyền thống",
    "là thói quen",
    "trong máu",
    "từ trong trứng",
    "bẩm sinh",
    "có tiếng",
    "nổi tiếng",
    "có nghề",
    // Champions of it: "trộm cắp giỏi nhất nước" (adv46).
    "giỏi nhất",
    "nhất nước",
    "số một",
    "số 1",
];

/// Words that speak against the stereotype, or report a case, in the sentence (keyed): "không
/// phải dân Thanh Hoá nào cũng trộm cắp", "đừng vơ đũa cả nắm", "định kiến", "bị bắt".
const AGAINST_STEREOTYPE: &[&str] = &[
    "không phải",
    "đâu phải",
    "chẳng phải",
    "chả phải",
    "ai bảo",
    "định kiến",
    "kỳ thị",
    "vơ đũa",
    "bị bắt",
    "bắt giữ",
    "khởi tố",
    "tạm giữ",
    "nào cũng",
    "sao cứ",
    "cứ nói",
    "tổn thương",
    "mang tiếng",
];

/// A whole people of a place painted with a crime or vice as their habit or nature: "dân",
/// "người", "bọn", "lũ", "tụi" or "đám" ([`PEOPLE_OF`]) before one to three words in capitals
/// (the place: "dân Thanh Hoá", "người Hà Nam"), then, within ten words in the same sentence, a
/// crime ([`PAINTED_WITH`]) right after a word of habit ([`HABITUALLY`]: "toàn", "chuyên") or
/// right before words of nature ([`BY_NATURE`]: "là nghề truyền thống", "trong máu"): "Dân
/// Thanh Hoá mà, trộm cắp là nghề truyền thống rồi", "người Hà Nam toàn ăn trộm". Not a count
/// of people ("3 người Nghệ An chuyên trộm chó bị bắt"), not victims ("bị lừa"), not negated,
/// and not in a sentence that speaks against the stereotype or reports a case
/// ([`AGAINST_STEREOTYPE`], or "đừng" within eight words before the people). Adds `inflammatory.slur` (`warning`, the lexicon group's message)
/// where no inflammatory finding covers the words. Source: duty 3 and the Code of Conduct
/// (no discrimination by region). Linear in tokens (ten words read after each place).
fn painted_people(ctx: &Ctx<'_>, of: &[usize], ranges: &[Range<usize>], out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let people_of = people_of();
    let mut against_of: Vec<Option<bool>> = vec![None; ranges.len()];
    for i in 0..t.len().saturating_sub(2) {
        // A capitalised word one or two on first (a flag), then the list's filter of folded
        // hashes: most words are ruled out without a comparison.
        if !(t[i + 1].capitalized || t[i + 2].capitalized) || people_of.at(t, i).is_none() {
            continue;
        }
        // "người dân Thanh Hoá": the people word may be two.
        let p = if crate::engine::key_matches(&t[i], "người")
            && crate::engine::key_matches(&t[i + 1], "dân")
        {
            i + 1
        } else {
            i
        };
        let place = t[p + 1..]
            .iter()
            .take(3)
            .take_while(|x| x.gap == Gap::Space && x.capitalized && !x.numeric)
            .count();
        if place == 0 {
            continue;
        }
        // A count of people is a case, not a people ("3 người Nghệ An", "hai thằng", "Các đối
        // tượng là người Quảng Bình", "Hai vợ chồng người Thái Bình"): within three words before.
        let counted = (i.saturating_sub(3)..i).any(|j| {
            t[j].numeric
                || crate::engine::key_matches_any(
                    &t[j],
                    &[
                        "một", "hai", "ba", "bốn", "năm", "nhóm", "băng", "đối", "tượng", "vợ",
                        "chồng",
                    ],
                )
        });
        if counted {
            continue;
        }
        let si = of[i];
        let end = (p + 1 + place + 10).min(ranges[si].end);
        let hit = (p + 1 + place..end).find_map(|k| {
            let n = painted_with().at(t, k)?;
            if n == 1
                && t.get(k + 1)
                    .is_some_and(|x| crate::engine::key_matches_any(x, NOT_THEFT))
            {
                return None;
            }
            // The habit right before, or before "đi" ("toàn đi ăn trộm").
            let habit_at = |j: usize| {
                t[j + 1].gap == Gap::Space && crate::engine::key_matches_any(&t[j], HABITUALLY)
            };
            let habit = k > 0
                && (habit_at(k - 1)
                    || k > 1 && crate::engine::key_matches(&t[k - 1], "đi") && habit_at(k - 2));
            let nature = t
                .get(k + n)
                .is_some_and(|x| x.gap == Gap::Space)
                .then(|| spelled_any(t, k + n, BY_NATURE))
                .flatten();
            // Victims ("toàn bị lừa"), or not doing it ("không trộm cắp").
            let victim = k > 0
                && (crate::engine::key_matches_any(&t[k - 1], &["bị", "không", "chẳng", "chưa"]));
            (!victim && (habit || nature.is_some())).then(|| k + n + nature.unwrap_or(0))
        });
        let Some(last) = hit else {
            continue;
        };
        // Read once per sentence (a sentence of a megabyte may hold thousands of hits).
        let against = *against_of[si].get_or_insert_with(|| {
            ranges[si]
                .clone()
                .any(|k| spelled_any(t, k, AGAINST_STEREOTYPE).is_some())
        });
        // "Đừng" only before the people ("Đừng có nói dân Thanh Hoá toàn trộm cắp"): after
        // it, advice that follows the stereotype ("…, đừng cho thuê nhà").
        let told_not = (i.saturating_sub(8).max(ranges[si].start)..i)
            .any(|k| crate::engine::key_matches(&t[k], "đừng"));
        if against || told_not {
            continue;
        }
        spans.push(t[i].orig.start..t[last - 1].orig.end);
    }
    add_uncovered(t, out, Category::Inflammatory, spans, |s| {
        group_finding(ctx, "inflammatory.slur", Severity::Warning, s)
    });
}

/// Taking up a weapon (keyed phrases), for [`armed_visit`].
const TAKE_UP: &[&str] = &[
    "chuẩn bị",
    "cầm",
    "vác",
    "mang",
    "đem",
    "xách",
    "cầm theo",
    "mang theo",
];
phrase_list!(take_up, TAKE_UP);

/// Weapons (keyed phrases, longest first), for [`armed_visit`].
/// Not tools and materials also carried to a neighbour's for work: petrol, bricks, a hammer,
/// a machete ("mang xăng qua nhà nó đổ cho xe").
const WEAPONS: &[&str] = &[
    "gậy sắt",
    "gậy gộc",
    "mã tấu",
    "ống tuýp",
    "dao",
    "kiếm",
    "gậy",
    "súng",
    "axit",
    "tuýp",
];
phrase_list!(weapons, WEAPONS);

/// Words after a weapon's word that make it a toy, a tool or another word (keyed), for
/// [`armed_visit`]: "súng nước", "súng bắn keo", "kiếm gỗ", "gậy chống", "gậy selfie", "dao
/// thớt", "tuýp thuốc mỡ", "kiếm đường" (find the way), "kiếm việc".
const NOT_A_WEAPON: &[&str] = &[
    "gỗ",
    "nước",
    "nhựa",
    "đồ",
    "tre",
    "keo",
    "chống",
    "selfie",
    "thớt",
    "thuốc",
    "đường",
    "việc",
    "tiền",
    "chỗ",
    "cơm",
];

/// Whom a visit is paid (keyed): "nhà nó", "nhà mày", "nhà thằng …".
const VISITED: &[&str] = &[
    "nó", "mày", "hắn", "thằng", "con", "lão", "mụ", "tụi", "bọn", "chúng",
];

/// A weapon taken up and carried to someone's home: a verb of taking ([`TAKE_UP`]), a weapon
/// ([`WEAPONS`]) at once or one word on, then within five words in the clause "qua", "sang",
/// "tới", "đến", "xuống" or "lên" (and "tận"), "nhà" and whom ([`VISITED`]): "Anh em cầm gậy
/// sắt qua nhà nó", "vác dao qua tận nhà nó", "chuan bi gay goc toi nay qua nha no". Not after
/// "đừng" or a negation, nor with a favour or a practice after ("… chặt giúp cây
/// chuối", "… cho bác Tư mài", "… tập võ"), nor a toy ("súng nước", "kiếm gỗ"). Adds
/// `inflammatory.threat` (`high`, the lexicon group's message) where no inflammatory finding
/// covers the words. Source: duty 3 and the Code of Conduct (no incitement to violence).
/// Linear in tokens.
fn armed_visit(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    use crate::engine::{key_matches, key_matches_any};
    let t = ctx.tokens;
    let mut spans = Vec::new();
    // The lists' filters of folded hashes rule out most words without a comparison.
    let (take_up, weapons) = (take_up(), weapons());
    for i in 0..t.len() {
        let Some(n) = take_up.at(t, i) else {
            continue;
        };
        let Some((w, m)) = (i + n..(i + n + 2).min(t.len()))
            .take_while(|&k| t[k].gap == Gap::Space)
            .find_map(|k| weapons.at(t, k).map(|m| (k, m)))
        else {
            continue;
        };
        // A toy, a practice weapon, a tool or another word ("súng nước", "súng bắn keo", "kiếm
        // gỗ", "gậy chống", "gậy selfie", "dao thớt", "tuýp thuốc", "kiếm đường"): one of
        // [`NOT_A_WEAPON`] in the two words after it.
        if (w + m..(w + m + 2).min(t.len()))
            .take_while(|&k| t[k].gap == Gap::Space)
            .any(|k| key_matches_any(&t[k], NOT_A_WEAPON))
        {
            continue;
        }
        let from = w + m;
        let hit = (from..(from + 5).min(t.len()))
            .take_while(|&k| t[k].gap == Gap::Space)
            .find_map(|k| {
                if !key_matches_any(&t[k], &["qua", "sang", "tới", "đến", "xuống", "lên"]) {
                    return None;
                }
                // "qua tận nhà nó".
                let h = k + 1 + usize::from(t.get(k + 1).is_some_and(|x| key_matches(x, "tận")));
                // Not a relative's home: "nhà con gái", "nhà con bé".
                let kin = t.get(h + 2).is_some_and(|x| {
                    key_matches(&t[h + 1], "con")
                        && key_matches_any(x, &["gái", "trai", "bé", "cháu", "dâu", "rể", "nhỏ"])
                });
                (t.get(h)
                    .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "nhà"))
                    && t.get(h + 1)
                        .is_some_and(|x| x.gap == Gap::Space && key_matches_any(x, VISITED))
                    && !kin)
                    .then_some(h + 1)
            });
        let Some(last) = hit else {
            continue;
        };
        let denied = (i.saturating_sub(2)..i)
            .any(|j| super::says_no(&t[j]) || key_matches_any(&t[j], &["đừng", "chớ", "cấm"]));
        // A knife taken to help ("mang dao qua nhà con Lan chặt giúp cây chuối"): a favour
        // within six words after, in the clause.
        let helps = (last + 1..(last + 7).min(t.len()))
            .take_while(|&j| t[j].gap == Gap::Space)
            .any(|j| {
                key_matches_any(
                    &t[j],
                    &[
                        "giúp", "hộ", "mượn", "trả", "chặt", "làm", "mài", "để", "sửa", "tập",
                        "dạy", "gọt", "golf", "pubg",
                    ],
                )
            });
        if !denied && !helps {
            spans.push(t[i].orig.start..t[last].orig.end);
        }
    }
    add_uncovered(t, out, Category::Inflammatory, spans, |s| {
        group_finding(ctx, "inflammatory.threat", Severity::High, s)
    });
}

/// Words for wiping people out (syllables as [`super::spelled_at`] reads them), longest first.
const EXTERMINATE: &[&str] = &[
    "tiêu diệt sạch",
    "tiêu diệt hết",
    "diệt sạch",
    "diệt hết",
    "quét sạch",
    "trừ khử",
    "thanh trừng",
    "tiêu diệt",
];

/// People called vermin, then a call to wipe them out in the same sentence ("Mấy thứ ký sinh
/// trùng ăn bám ngân sách, phải tiêu diệt sạch"): the call is a threat (`high`, the lexicon's
/// `inflammatory.threat` message), though it names no one again. Pests without a
/// dehumanising finding ("tiêu diệt sạch muỗi") are left alone.
fn exterminate(ctx: &Ctx<'_>, of: &[usize], ranges: &[Range<usize>], out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // People called vermin as a group or as people ("lũ sâu bọ", "mấy thứ ký sinh trùng",
    // "Loại người đó là ký sinh trùng"), among the five words before it or its own first: the
    // insects in a garden ("Sâu bọ phá vườn rau, phải tiêu diệt sạch") are no one.
    let grouped = |f: &Finding| {
        let r = tokens_in(t, &f.span);
        !r.is_empty()
            && (r.start.saturating_sub(5)..=r.start).any(|k| {
                matches!(
                    t[k].key.as_str(),
                    "lũ" | "bọn"
                        | "thứ"
                        | "loại"
                        | "đám"
                        | "bầy"
                        | "đàn"
                        | "mấy"
                        | "những"
                        | "người"
                        | "như"
                )
            })
    };
    let is_vermin = |f: &Finding| f.rule_id == "inflammatory.dehumanising" && grouped(f);
    if !out.iter().any(is_vermin) {
        return;
    }
    let vermin = sentences_with(t, of, ranges.len(), out, is_vermin);
    let covered = Covered::new(ctx.tokens, out, Category::Inflammatory);
    let mut found = Vec::new();
    for (si, r) in ranges.iter().enumerate() {
        if !vermin[si] {
            continue;
        }
        let mut i = r.start;
        while i < r.end {
            let Some(n) = exterminations().at(t, i).filter(|&n| i + n <= r.end) else {
                i += 1;
                continue;
            };
            let span = t[i].orig.start..t[i + n - 1].orig.end;
            if !covered.overlaps(&span) {
                found.extend(group_finding(
                    ctx,
                    "inflammatory.threat",
                    Severity::High,
                    span,
                ));
            }
            i += n;
        }
    }
    out.append(&mut found);
}

/// Whom a call to a crowd addresses ("anh em", "mọi người", "các bạn" …), keyed syllables.
const CROWD: &[&str] = &[
    "anh em",
    "ae",
    "ace",
    "mọi người",
    "mn",
    "mng",
    "các bạn",
    "mấy bạn",
    "cả nhà",
    "chị em",
    "bà con",
    "cư dân mạng",
    "dân mạng",
];

/// Ways of reaching a person: by phone, message, their page, their door ("gọi vào số này",
/// "nhắn tin", "vào fb", "đến tận nhà"), keyed syllables, longest first where they share a start.
const REACH: &[&str] = &[
    "gọi vào số",
    "gọi vào",
    "gọi điện",
    "gọi cho",
    "gọi nó",
    "gọi hắn",
    "gọi con",
    "gọi thằng",
    "nhắn tin",
    "nhắn",
    "inbox",
    "ib",
    "add zalo",
    "kết bạn zalo",
    "vào zalo",
    "vào fb",
    "vào facebook",
    "vào trang",
    "vào page",
    "vào nhà",
    "vô nhà",
    "đến tận nhà",
    "tới tận nhà",
    "qua tận nhà",
    "kéo đến tận nhà",
    "đến nhà",
    "tới nhà",
    "qua nhà",
    "kéo đến",
    "kéo tới",
    "kéo qua",
];

/// Who may follow "đến nhà" / "qua nhà" for the visit to be aimed at someone ("qua nhà nó",
/// "đến nhà con này"), not a place ("nhà thờ", "nhà văn hoá") or the family's own house ("nhà
/// nội", "nhà mình").
const HOUSEHOLDER: &[&str] = &[
    "nó", "hắn", "thằng", "con", "mụ", "lão", "ả", "gã", "tên", "đứa", "ổng", "bả", "ông", "bà",
];

/// What the crowd is called to do once it reaches the person ("chửi", "dằn mặt", "khủng bố").
/// One-syllable words count only as written with their marks, or in a text without any
/// ("mang" is no "mắng", "chui" no "chửi").
const HOSTILE: &[&str] = &[
    "chửi",
    "mắng",
    "réo",
    "dằn mặt",
    "xử nó",
    "xử hắn",
    "xử thằng",
    "xử con",
    "làm nhục",
    "khủng bố",
    "spam",
];

/// Errands that are kind in themselves ("hỏi thăm", "nói chuyện"): hostile only with a
/// contemptuous target right after them ([`CONTEMPT_TARGETS`]: "hỏi thăm nó"), and only after
/// "tận nhà" in a post that gives someone's personal data or in a sentence that insults.
const HOSTILE_SOFT: &[&str] = &[
    "hỏi thăm",
    "nói chuyện với",
    "hỏi chuyện",
    "hỏi cho ra lẽ",
    "làm cho ra lẽ",
];

/// Words that turn the call around or tell it as past ("đừng", "đã", "hôm qua"), from the start
/// of the crowd's clause to the errand: the clause is no call to the crowd. An earlier clause
/// may say what the person did ("Con này đã lừa 50 triệu, mn gọi điện mắng nó").
const NOT_A_CALL: &[&str] = &[
    "đừng",
    "không",
    "không nên",
    "kẻo",
    "đã",
    "bị",
    "hôm qua",
    "tối qua",
    "sáng qua",
    "đêm qua",
    "hôm trước",
    "từng",
    "tránh",
    "ngừng",
    "chớ",
    "thôi",
    "dừng",
    "ko",
    "k",
    "hông",
    "chẳng",
    "hạn chế",
    "nếu",
    "khi",
    "lúc",
];

/// Words right after a crowd word that make it a description, not an address: "mọi người
/// trong xóm kéo đến …", "anh em nhà nó gọi điện chửi tôi", "chị em tôi".
const CROWD_QUALIFIERS: &[&str] = &[
    "trong", "nhà", "ở", "của", "tôi", "tui", "tao", "chồng", "vợ", "họ", "đó", "kia", "ấy",
];

/// Words between the reach and the errand that make the errand someone else's or something to
/// watch ("vào page xem clip bà cụ chửi kẻ trộm", "gọi 111 khi thấy người lớn chửi mắng trẻ").
const ERRAND_STOPS: &[&str] = &[
    "xem",
    "coi",
    "đọc",
    "nghe",
    "thấy",
    "clip",
    "bài",
    "vụ",
    "video",
    "livestream",
    "ảnh",
    "khi",
    "nếu",
    "ai",
    "người",
    "bé",
    "cụ",
];

/// Words right after the errand that make it friendly or the writer's own trouble ("réo nhau
/// đi đá bóng", "spam chúc mừng sinh nhật", "gọi điện chửi tôi"): no call to abuse.
const ERRAND_OBJECTS_BENIGN: &[&str] = &[
    "nhau", "chúc", "tên", "like", "tim", "yêu", "tôi", "em", "mình", "tui", "tớ",
];

/// Whom a kind errand ("hỏi thăm", "nói chuyện với") must be aimed at to be a threat: a person
/// held in contempt ("hỏi thăm nó", "hỏi thăm thằng đó").
const CONTEMPT_TARGETS: &[&str] = &["nó", "hắn", "thằng", "con", "mụ", "lão", "ả", "gã"];

/// Words that make a call to harass an appeal against it ("Mọi người làm ơn thôi inbox chửi bạn
/// ấy nữa", "Mong cư dân mạng dừng ngay việc gọi điện khủng bố …", "Mn k nên ib chửi"), in
/// the clause before the call.
const APPEALS: &[&str] = &[
    "đừng",
    "không nên",
    "k nên",
    "ko nên",
    "chớ",
    "thôi",
    "dừng",
    "ngừng",
    "tránh",
    "cấm",
    "nghiêm cấm",
    "hạn chế",
    "không được",
];

/// Whether a phrase of `list` starts at a token of `range`. In a text with diacritics a phrase's
/// first syllable must be written as it is: a bare "cho" is no "chớ", nor "da" "đã".
fn said_in(ctx: &Ctx<'_>, range: Range<usize>, list: &[&str]) -> bool {
    let t = ctx.tokens;
    range.into_iter().any(|j| {
        list.iter().any(|w| {
            (ctx.unaccented || w.split(' ').next() == Some(t[j].key.as_str()))
                && spelled_at(t, j, w)
        })
    })
}

/// Drops calls to harass (the lexicon's and [`crowd_harassment`]'s) that are no call: asked as
/// a question ("Anh em vào fb nó chửi thì giải quyết được gì?"), turned into an appeal by a word
/// of [`APPEALS`] among the eight words of its clause before it, or told by their victim ("Cả
/// nhà chồng nhắn tin chửi em suốt", "nhắn tin chửi con tôi", "chửi yêu nhau").
fn disowned_calls(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let keyed = |j: usize, list: &[&str]| t.get(j).is_some_and(|x| list.contains(&x.key.as_str()));
    out.retain(|f| {
        if f.rule_id != "inflammatory.harassment" {
            return true;
        }
        let r = tokens_in(t, &f.span);
        if r.is_empty() {
            return true;
        }
        let mut from = r.start;
        while from > 0 && r.start - from < 8 && t[from].gap == Gap::Space {
            from -= 1;
        }
        let appeal = said_in(ctx, from..r.start, APPEALS);
        let first_person = |j: usize| keyed(j, &["tôi", "em", "mình", "tui", "tớ", "tao", "t"]);
        // "tát hộ tôi": the writer is who it is done for, not to.
        let for_whom = r.end > 0 && keyed(r.end - 1, &["hộ", "giùm", "giúp", "cho", "dùm"]);
        let victim = !for_whom
            && t.get(r.end).is_some_and(|x| x.gap == Gap::Space)
            && (first_person(r.end)
                || keyed(r.end, &["nhau", "yêu"])
                || keyed(r.end, &["con", "vợ", "chồng", "mẹ", "bố"]) && first_person(r.end + 1));
        !(appeal || victim || ctx.sentence_is_question(r.start))
    });
}

phrase_list!(crowds, CROWD);
phrase_list!(reaches, REACH);
phrase_list!(hostiles, HOSTILE);
phrase_list!(soft_hostiles, HOSTILE_SOFT);

/// A crowd sent to reach a person and abuse them ("anh em gọi vào số này chửi con này", "Nhà
/// nó ở ngõ 5 Láng Hạ, anh em đến tận nhà hỏi thăm nó đi"): a [`CROWD`] word, within four
/// words a way of reaching someone ([`REACH`]), then in the same clause, within eight words,
/// what to do there ([`HOSTILE`], or [`HOSTILE_SOFT`] where the post says it is hostile).
/// `high`, the lexicon's `inflammatory.harassment` message, over the reach through the errand
/// (an `info` underline there gives way); the post's personal-data findings become `high` too.
/// Not when the crowd's clause says not to, or tells it as past ([`NOT_A_CALL`]). Source: duty
/// 3 of the seed and the 2021 Code of Conduct (no harassment); Luật An ninh mạng 2018, art. 16.
fn crowd_harassment(ctx: &Ctx<'_>, of: &[usize], ranges: &[Range<usize>], out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let exposed = out.iter().any(|f| f.category == Category::PersonalData);
    let insults = sentences_with(t, of, ranges.len(), out, |f| {
        f.category == Category::Inflammatory && f.severity >= Severity::Warning
    });
    let keyed = |j: usize, list: &[&str]| t.get(j).is_some_and(|x| list.contains(&x.key.as_str()));
    let written = |j: usize| ctx.unaccented || t[j].marked || t[j].key == "spam";
    // The errand from token `j` (its syllable count); `soft` whether kind errands count.
    let errand_at = |j: usize, soft: bool| {
        hostiles()
            .at(t, j)
            .filter(|&n| n > 1 || written(j))
            .or_else(|| soft_hostiles().at(t, j).filter(|_| soft))
    };
    let mut spans = Vec::new();
    // The errand's words are rare and the crowd's common ("các", "anh", "cả"): only a sentence
    // with an errand is read further.
    for (si, r) in ranges.iter().enumerate() {
        // "Anh em vào fb nó chửi thì giải quyết được gì?": a question asks, it does not call.
        if !(r.start..r.end).any(|j| errand_at(j, insults[si] || exposed).is_some())
            || ctx.sentence_is_question(r.start)
        {
            continue;
        }
        let mut i = r.start;
        let mut clause = r.start;
        while i < r.end {
            if t[i].gap != Gap::Space {
                clause = i;
            }
            // "hai chị em", "3 anh em": siblings, not a crowd.
            let counted = i > 0
                && t[i].gap == Gap::Space
                && (t[i - 1].numeric
                    || matches!(t[i - 1].key.as_str(), "hai" | "ba" | "bốn" | "mấy"));
            let Some(n) = crowds().at(t, i).filter(|&n| i + n <= r.end && !counted) else {
                i += 1;
                continue;
            };
            if keyed(i + n, CROWD_QUALIFIERS) && t[i + n].gap == Gap::Space {
                i += n;
                continue;
            }
            // "Bà con ơi, gọi vào số …": the call goes on past the vocative's comma.
            let after = i + n + usize::from(t.get(i + n).is_some_and(|x| x.key == "ơi"));
            // The rest of the clause from `from`, at most `len` words.
            let window = |from: usize, len: usize| {
                (from..(from + len).min(r.end))
                    .take_while(move |&j| j == from || t[j].gap == Gap::Space)
            };
            let reach = (after..(after + 4).min(r.end))
                .take_while(|&j| j == after || t[j].gap == Gap::Space)
                .find_map(|k| reaches().at(t, k).map(|m| (k, m)))
                .filter(|&(k, m)| {
                    k + m <= r.end && (k..k + m).all(|j| j == k || t[j].gap == Gap::Space)
                });
            let Some((k, m)) = reach else {
                i = after;
                continue;
            };
            let to_door = t[k + m - 1].key == "nhà";
            let at_door = (k..k + m).any(|j| t[j].key == "tận");
            // "qua nhà nội", "đến nhà thờ": a place or the family's own house.
            let aimed = !to_door
                || at_door
                || t.get(k + m).is_some_and(|x| {
                    x.gap == Gap::Space && crate::engine::key_matches_any(x, HOUSEHOLDER)
                });
            // "gọi nó là Tí": calling someone a name is no phone call.
            let naming = window(k + m, 3).any(|j| t[j].key == "là");
            let soft = insults[si] || exposed && at_door;
            // The errand, unless a word before it makes it something to watch or someone
            // else's ([`ERRAND_STOPS`]), or a word after it friendly or the writer's own
            // ([`ERRAND_OBJECTS_BENIGN`]); a kind errand needs a contemptuous target right
            // after it ("hỏi thăm nó", not "hỏi thăm giúp" nor "hỏi thăm bà").
            let errand = window(k + m, 8)
                .take_while(|&j| !keyed(j, ERRAND_STOPS))
                .find_map(|j| errand_at(j, soft).map(|len| (j, j + len)))
                .filter(|&(j, e)| {
                    let kind = hostiles().at(t, j).is_none();
                    !keyed(e, ERRAND_OBJECTS_BENIGN) && (!kind || keyed(e, CONTEMPT_TARGETS))
                });
            let end = errand.map(|(_, e)| e).filter(|&e| e <= r.end);
            // Read from at most eight words before the crowd: a sentence without commas may be
            // a whole page long.
            let turned = |e: usize| said_in(ctx, clause.max(i.saturating_sub(8))..e, NOT_A_CALL);
            match end {
                Some(e) if aimed && !naming && !turned(e) => {
                    spans.push(t[k].orig.start..t[e - 1].orig.end);
                    i = e;
                }
                _ => i = after,
            }
        }
    }
    if spans.is_empty() {
        return;
    }
    // An `info` underline inside the call ("thằng") gives way to it. `spans` are in text order
    // and apart: the first that ends after a finding's start is the only one it may meet.
    out.retain(|f| {
        let k = spans.partition_point(|s| s.end <= f.span.start);
        !(f.category == Category::Inflammatory
            && f.severity == Severity::Info
            && spans.get(k).is_some_and(|s| s.start < f.span.end))
    });
    let kept = add_uncovered(t, out, Category::Inflammatory, spans, |span| {
        group_finding(ctx, "inflammatory.harassment", Severity::High, span)
    });
    // The phone or address the crowd is sent to is `high` (issue 2: personal data "high when
    // combined with a call to contact or harass").
    if !kept.is_empty() {
        for f in out
            .iter_mut()
            .filter(|f| f.category == Category::PersonalData && f.severity == Severity::Warning)
        {
            f.severity = Severity::High;
        }
    }
}

/// Words for children (keyed syllables): "tụi nó", "bọn nó" after them is how parents speak
/// of their own kids ("mua ba que kem cho ba đứa nhỏ mà tụi nó giành nhau").
const CHILDREN: &[&str] = &[
    "đứa nhỏ",
    "đứa bé",
    "đứa con",
    "tụi nhỏ",
    "bọn trẻ",
    "lũ trẻ",
    "bọn nhỏ",
    "con mình",
    "con tôi",
    "bé nhà",
];

phrase_list!(children, CHILDREN);
phrase_list!(exterminations, EXTERMINATE);

/// Drops the rude-address nudge (`inflammatory.rude_address`, `info`) on "tụi nó" / "bọn nó"
/// when the sentence, or the one before it, names children ([`CHILDREN`]) within the eight
/// words before it.
fn children_as_tui_no(t: &[Token], of: &[usize], ranges: &[Range<usize>], out: &mut Vec<Finding>) {
    out.retain(|f| {
        if f.rule_id != "inflammatory.rude_address" || f.severity != Severity::Info {
            return true;
        }
        let r = tokens_in(t, &f.span);
        // "tụi nó" whole, or "bọn" alone before "nó" (the lexicon's "bọn").
        let pair = match r.len() {
            1 | 2 => t.get(r.start + 1).is_some_and(|n| n.key == "nó"),
            _ => false,
        };
        if !pair || !matches!(t[r.start].key.as_str(), "tụi" | "bọn") {
            return true;
        }
        // At most eight words back: "con mình kể hôm qua công an phường đến, bọn nó hống
        // hách" speaks of adults.
        let si = of[r.start];
        let from = ranges[si.saturating_sub(1)]
            .start
            .max(r.start.saturating_sub(8));
        !children().any_in(t, from..r.start)
    });
}

/// Drops the rude-address nudge on "tao" (the writer speaking of themself) when nothing else
/// in the text is inflammatory: friends' banter ("tối nay qua nhà tao nhậu nha, tao mới bắt
/// được mấy con cá lóc"), not an address to anyone. With an insult, a "mày" or a threat around
/// it, it stays.
fn casual_tao(t: &[Token], out: &mut Vec<Finding>) {
    let is_tao = |f: &Finding| {
        f.rule_id == "inflammatory.rude_address"
            && tokens_in(t, &f.span).len() == 1
            && t[tokens_in(t, &f.span).start].key == "tao"
    };
    if out
        .iter()
        .any(|f| f.category == Category::Inflammatory && !is_tao(f))
    {
        return;
    }
    out.retain(|f| !is_tao(f));
}

/// Drops the intensifier "vl" written "VL" as the school subject (Vật lý): before a grade or a
/// course ("Đề cương VL 11", "VL lớp 10", "VL đại cương") or after "môn" ("môn VL"); in any case
/// after a word of study ("mai thi vl với hoá", "ôn vl", "điểm vl") or before another subject
/// ("vl hoá", "vl với toán").
fn physics_vl(t: &[Token], out: &mut Vec<Finding>) {
    out.retain(|f| {
        if f.rule_id != "inflammatory.intensifier" {
            return true;
        }
        let r = tokens_in(t, &f.span);
        if r.len() != 1 || t[r.start].fold != "vl" {
            return true;
        }
        let next = t.get(r.end).filter(|x| x.gap == Gap::Space);
        let after_next = t.get(r.end + 1).filter(|x| x.gap == Gap::Space);
        let prev = (r.start > 0 && t[r.start].gap == Gap::Space).then(|| &t[r.start - 1]);
        // Compared as written: "dễ vl", "ổn vl" are no "đề", "ôn" (nor their bare "de", "on").
        let studied = prev.is_some_and(|x| {
            matches!(
                x.key.as_str(),
                "môn" | "mon" | "thi" | "ôn" | "điểm" | "diem" | "học" | "hoc" | "đề"
            )
        });
        let subject_next = |x: &Token| {
            matches!(
                x.key.as_str(),
                "hóa" | "hoá" | "hoa" | "toán" | "toan" | "sinh" | "lý" | "lí"
            )
        };
        let subject = next.is_some_and(|x| {
            subject_next(x)
                || matches!(x.key.as_str(), "với" | "voi") && after_next.is_some_and(subject_next)
        });
        let course = t[r.start].upper
            && next.is_some_and(|x| x.numeric || matches!(x.key.as_str(), "lớp" | "đại"));
        !(course || studied || subject)
    });
}

/// Drops profanity "dm" written as the decimetre: after a number or "đơn vị", or before "²",
/// "vuông", "khối" ("dài 12 dm, rộng 8 dm", "theo đơn vị dm", "dm²").
fn decimetres(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    out.retain(|f| {
        let r = tokens_in(t, &f.span);
        let unit_before = r.start > 0
            && t[r.start].gap == Gap::Space
            && (t[r.start - 1].numeric || t[r.start - 1].key == "vị");
        let unit_after = t
            .get(r.end)
            .is_some_and(|x| x.gap == Gap::Space && matches!(x.key.as_str(), "vuông" | "khối"))
            || ctx
                .text
                .get(f.span.end..)
                .is_some_and(|a| a.starts_with(['²', '³']));
        !(f.category == Category::Inflammatory
            && r.len() == 1
            && t[r.start].key == "dm"
            && (unit_before || unit_after))
    });
}

/// Words for a group of people right before "3///" (keyed): "bọn 3///", "mấy thằng 3///".
const STICK_PEOPLE: &[&str] = &[
    "bọn", "lũ", "thằng", "con", "mấy", "dân", "đám", "tụi", "phe", "đồ", "bầy", "lão", "mụ",
];

/// "3///", the "ba que" slur (three sticks: a political camp's name for the other) written
/// with slashes ("Bọn 3/// lại chui ra xuyên tạc", "lũ 3///.", "bọn 3 ///", full-width
/// "３／／／"): a `3` after a word for people ([`STICK_PEOPLE`]; not "Lớp 3///", "Ngày 3///", a
/// placeholder, nor "dùng từ 3///"), joined to no number, word or path, then (a space and)
/// three or four slashes, then no letter, digit or slash.
/// Adds `inflammatory.slur` (`warning`) over the four characters, unless a finding of the
/// category covers them. Linear in bytes.
fn three_sticks(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let (norm, t) = (ctx.norm.text.as_str(), ctx.tokens);
    let b = norm.as_bytes();
    let mut spans = Vec::new();
    // On the normalised text: full-width "３／／／" reads as "3///".
    for (at, _) in norm.match_indices('3') {
        // "3///", "3 ///", "3////".
        let mut j = at + 1;
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        let slashes = j;
        while b.get(j) == Some(&b'/') {
            j += 1;
        }
        if !(3..=4).contains(&(j - slashes)) {
            continue;
        }
        let before = norm[..at].chars().next_back();
        let after = norm[j..].chars().next();
        let joined = |c: char| c.is_alphanumeric() || matches!(c, '/' | '_');
        let span = ctx.norm.orig_range(at..j);
        // The token "3" and the word before it.
        let k = t.partition_point(|x| x.orig.start < span.start);
        let people = k > 0
            && t.get(k)
                .is_some_and(|x| x.orig.start == span.start && x.gap == Gap::Space)
            && crate::engine::key_matches_any(&t[k - 1], STICK_PEOPLE);
        if people
            && !before.is_some_and(|c| joined(c) || c == '.' || c == ',')
            && !after.is_some_and(joined)
        {
            spans.push(span);
        }
    }
    if spans.is_empty() {
        return;
    }
    add_uncovered(ctx.tokens, out, Category::Inflammatory, spans, |s| {
        group_finding(ctx, "inflammatory.slur", Severity::Warning, s)
    });
}

/// Drops profanity "dm" that is a direct message: after the writer or a tense word and before
/// what a message is sent to or a particle ("Shop ơi em dm rồi đó", "mình vừa dm shop", "em
/// đã dm page nhé"). Not "Dm, ad xóa cmt tao hoài" (adv49).
fn direct_messages(t: &[Token], out: &mut Vec<Finding>) {
    out.retain(|f| {
        if f.category != Category::Inflammatory {
            return true;
        }
        let r = tokens_in(t, &f.span);
        // Written "dm", never "đm".
        if r.len() != 1 || t[r.start].key != "dm" || r.start == 0 {
            return true;
        }
        let sender = t[r.start].gap == Gap::Space
            && crate::engine::key_matches_any(
                &t[r.start - 1],
                &[
                    "em", "e", "mình", "mk", "tớ", "tôi", "tui", "t", "đã", "vừa", "mới", "cần",
                    // "Ai có nhu cầu dm e ạ".
                    "cầu",
                ],
            );
        let to = t.get(r.end).is_some_and(|x| {
            x.gap == Gap::Space
                && crate::engine::key_matches_any(
                    x,
                    &[
                        "rồi", "r", "cho", "shop", "page", "fanpage", "ad", "admin", "mod",
                        "inbox", "bạn", "cậu", "bà", "ông", "chị", "c", "anh", "a", "em", "e",
                        "mình", "nhé", "nha", "giúp", "lại", "ạ", "qua",
                    ],
                )
        });
        !(sender && to)
    });
}

pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let (of, ranges) = ctx.sentences();
    three_sticks(ctx, out);
    casual_tao(t, out);
    physics_vl(t, out);
    decimetres(ctx, out);
    direct_messages(t, out);
    masked_profanity(ctx, out);
    exterminate(ctx, of, ranges, out);
    painted_people(ctx, of, ranges, out);
    armed_visit(ctx, out);
    crowd_harassment(ctx, of, ranges, out);
    disowned_calls(ctx, out);
    barking_dogs(t, of, out);
    self_directed(t, out);
    kind_of_person(t, out);
    children_as_tui_no(t, of, ranges, out);
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
        // Trailing "!!!" after the sentence, question marks before them or not ("… VÌ SAO
        // ĐƯỜNG LÀNG NGẬP MÃI KHÔNG LÀM???!!!": a question shouted).
        let after = ctx.text.get(span.end..).unwrap_or("");
        let rest = after.trim_start_matches(['?', '？']);
        let asked = after.len() - rest.len();
        // Capitals alone are how many older users and shop signs write ("MẬT ONG RỪNG NGUYÊN
        // CHẤT"); a sentence shouts when it also ends in `!`, holds an inflammatory finding,
        // or is aimed at someone.
        let heated = || {
            inflammatory[si]
                || rest.trim_start_matches(' ').starts_with(['!', '！'])
                || (s..e).any(|i| aims(t, i))
        };
        // Greetings in capitals ("CHÚC MỪNG NĂM MỚI BÍNH NGỌ 2026! AN KHANG THỊNH VƯỢNG, VẠN SỰ
        // NHƯ Ý!", with "!!!" too) are festive, not shouting, unless the sentence holds an
        // inflammatory finding.
        let greeting = || !inflammatory[si] && greetings().any_in(t, s..e);
        let shouted =
            words >= MIN_WORDS && caps * 10 >= words * 9 && marked && heated() && !greeting();
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
        } else if bang_run && (inflammatory[si] || caps >= 2 && caps == words && !greeting()) {
            let b = span.end + asked + rest[..bangs].trim_end().len();
            let first_bang = span.end + asked + rest.find(['!', '！']).unwrap_or(0);
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

/// Words of a text that talks about hurtful words rather than using them (keyed syllables): a
/// lesson on bullying, a rule of a group ("những câu như 'mày ngu thế' … làm bạn tổn thương").
const ABOUT_WORDS: &[&str] = &[
    "những câu như",
    "câu kiểu",
    "mấy câu",
    "mở đầu bằng",
    "lời lẽ",
    "bắt nạt",
    "tổn thương",
    "làm bạn buồn",
    "chê bai",
    "miệt thị",
    "gây hiểu lầm",
    "cấm dùng",
    "tránh dùng",
    // A teacher's note on children who called each other names ("gọi nhau là 'đồ ngu' … nhắc
    // thêm các con về cách nói năng").
    "gọi nhau là",
    "cách nói năng",
    // Arguing against the labels themselves ("Gọi người khác là 'bò đỏ' hay 'ba que' chỉ làm
    // cuộc tranh luận tệ đi").
    "gọi người khác là",
    "gọi người ta là",
    "gọi ai đó là",
    "dán nhãn",
    // Posts of a kind named before their quoted title ("mấy bài 'bài thuốc chữa bách bệnh'
    // trên Zalo", "kiểu bài 'share gấp'"): the kind is the topic, not the claim.
    "mấy bài",
    "những bài",
    "các bài",
    "kiểu bài",
    "loại bài",
    "tin kiểu",
];

/// Words of a greeting (keyed syllables), for the shouting rule of [`apply`].
const GREETINGS: &[&str] = &[
    "chúc mừng",
    "chúc",
    "năm mới",
    "an khang",
    "thịnh vượng",
    "vạn sự như ý",
    "sinh nhật",
    "happy",
];
phrase_list!(greetings, GREETINGS);

/// Words of a film or a show (keyed syllables): quoted lines in a text holding two of them
/// are a character's ("ông trùm gằn giọng 'tao giết cả nhà mày' mà diễn viên thoại đơ quá …
/// Biên kịch phim này cần đổi người"), for [`drop_quoted_examples`].
const FILM_WORDS: &[&str] = &[
    "phim",
    "diễn viên",
    "biên kịch",
    "đạo diễn",
    "lời thoại",
    "nhân vật",
    "tập phim",
];
phrase_list!(film_words, FILM_WORDS);

/// Words that aim a quotation at someone (keyed syllables): "tôi nói thẳng: '…'", "gửi con
/// Trang: “…”", "dành tặng lão Bình", "nói với bà Tư".
const AIMING_WORDS: &[&str] = &[
    "nói thẳng",
    "dành tặng",
    "dành cho",
    "nói với",
    "chuyển lời",
    "gửi con",
    "gửi thằng",
    "gửi bà",
    "gửi ông",
    "gửi lão",
    "gửi mụ",
    "gửi mày",
];

phrase_list!(aiming_words, AIMING_WORDS);

phrase_list!(about_words, ABOUT_WORDS);

/// The byte ranges of the text's quotations: between “ and ”, ‘ and ’, « and », or a pair of
/// `"` or `'` (a `'` opens only after a space, a colon or the start, and closes before a
/// space, punctuation or the end: not an apostrophe). At most 300 bytes each.
fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let mut prev = ' ';
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map_or(' ', |&(_, n)| n);
        match open {
            Some((o, start)) => {
                let closes = match o {
                    '“' => c == '”',
                    '‘' => c == '’',
                    '«' => c == '»',
                    '"' => c == '"',
                    _ => c == '\'' && (next.is_whitespace() || next.is_ascii_punctuation()),
                };
                if closes {
                    out.push(start..i);
                    open = None;
                } else if i - start > 300 {
                    open = None;
                }
            }
            None => {
                let opens = matches!(c, '“' | '‘' | '«' | '"')
                    || c == '\'' && (prev.is_whitespace() || prev == ':');
                if opens {
                    open = Some((c, i + c.len_utf8()));
                }
            }
        }
        prev = c;
    }
    out
}

/// Drops the findings below `high` of words quoted as examples (inflammatory, insinuation,
/// unverified-claim cues) inside a quotation in a lesson about such words ([`ABOUT_WORDS`]): a
/// teacher quoting "'mày ngu thế', 'đồ béo'" as what not to say, a group's rule banning
/// "'parky', 'rau muống'", advice against posts that open with "'nghe nói'". Not when the
/// text aims a quotation at someone ([`AIMING_WORDS`]: "tôi nói thẳng: '…'") or holds such a
/// finding outside quotations ("Thằng Hùng … bắt nạt con tôi"), and never a threat. Also drops any finding inside a quotation the text labels a scam right
/// after it ("tin nhắn kiểu '… chia sẻ gấp cho 10 người' là lừa đảo"), and the findings below
/// `high` inside a short quotation in a text about a film or a show ([`FILM_WORDS`], two
/// different ones), on the same conditions: a character's line (a threat quoted stays).
pub(crate) fn drop_quoted_examples(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // A byte search first: '"', '\'', or the first byte of “ ” ‘ ’ (0xE2) or « (0xC2).
    let b = ctx.text.as_bytes();
    if out.is_empty()
        || memchr::memchr3(b'"', b'\'', 0xE2, b).is_none() && memchr::memchr(0xC2, b).is_none()
    {
        return;
    }
    // Sorted and apart: the one quotation that may hold a span is the last opening before it.
    let quoted = quotations(ctx.text);
    // The quotation holding a finding: all of it, or all but the one word that aims it, just
    // before the opening mark ("bảo con 'ngu'": the insult "con ngu" over the mark).
    let holding = |f: &Finding| {
        let i = quoted.partition_point(|q| q.start <= f.span.start);
        if i > 0 && f.span.end <= quoted[i - 1].end {
            return Some(quoted[i - 1].clone());
        }
        let q = quoted.get(i)?;
        let aimed = q.start < f.span.end
            && f.span.end <= q.end
            && tokens_in(t, &(f.span.start..q.start)).len() == 1;
        aimed.then(|| q.clone())
    };
    // A quoted message ("tin nhắn kiểu '…'", "nội dung '…'") labelled a scam right after its
    // closing mark: "là lừa đảo", "là tin giả" (a whole word: not "là giải pháp").
    let labelled = |q: &Range<usize>| {
        let message = ctx.text.get(..q.start).is_some_and(|b| {
            let b = b.trim_end_matches(OPENING_QUOTES).trim_end();
            ["kiểu", "tin nhắn", "nội dung", "thông tin", "clip", "bài"]
                .iter()
                .any(|w| b.ends_with(w))
        });
        message
            && ctx.text.get(q.end..).is_some_and(|r| {
                let r = r
                    .get(r.chars().next().map_or(0, char::len_utf8)..)
                    .unwrap_or("");
                let r = r.trim_start();
                ["là lừa đảo", "là giả mạo", "là tin giả", "là lừa"]
                    .iter()
                    .any(|w| {
                        r.strip_prefix(w)
                            .is_some_and(|after| !after.starts_with(crate::text::is_letter))
                    })
            })
    };
    // The quotation's words: an example is a short phrase ("'mày ngu thế'", "'nghe nói'"), not
    // a whole accusation quoted.
    let short = |q: &Range<usize>| tokens_in(t, q).len() <= 6;
    // A person named outside the quotations ("Con Lan lớp 7A", "mụ Hoa", "anh Khoa admin"):
    // the quoted words are aimed at someone.
    let named = || {
        (1..t.len()).any(|k| {
            t[k].capitalized
                && !t[k].upper
                && t[k].gap == Gap::Space
                && matches!(
                    t[k - 1].key.as_str(),
                    "anh"
                        | "chị"
                        | "ông"
                        | "bà"
                        | "con"
                        | "thằng"
                        | "mụ"
                        | "lão"
                        | "cô"
                        | "chú"
                        | "em"
                        | "bé"
                )
                && {
                    let i = quoted.partition_point(|q| q.start <= t[k].orig.start);
                    !(i > 0 && t[k].orig.end <= quoted[i - 1].end)
                }
        })
    };
    let example = |f: &Finding| {
        matches!(
            f.category,
            Category::Inflammatory | Category::Insinuation | Category::UnverifiedClaim
        )
    };
    // Every example finding quoted, none aimed, nobody named outside the quotations.
    let all_quoted = || {
        out.iter().any(example)
            && !aiming_words().any_in(t, 0..t.len())
            && out.iter().all(|f| !example(f) || holding(f).is_some())
            && !named()
    };
    let lesson = about_words().any_in(t, 0..t.len()) && all_quoted();
    // A character's lines: two different words of a film or a show in the text.
    let film = || {
        let mut kinds = (0..t.len()).filter_map(|k| {
            film_words().at(t, k).map(|n| {
                t[k..k + n]
                    .iter()
                    .map(|x| x.fold.as_str())
                    .collect::<String>()
            })
        });
        kinds
            .next()
            .is_some_and(|first| kinds.any(|other| other != first))
    };
    let play = !lesson && film() && all_quoted();
    let below_high = |f: &Finding| example(f) && f.severity < Severity::High;
    out.retain(|f| match holding(f) {
        Some(q) if below_high(f) && labelled(&q) => false,
        Some(q) => !((lesson || play) && below_high(f) && short(&q)),
        None => {
            // "'… chia sẻ gấp cho 10 người' là lừa đảo": the scam's label itself.
            let label = ctx
                .text
                .get(f.span.clone())
                .is_some_and(|w| matches!(w, "lừa đảo" | "lừa" | "giả mạo" | "lừa gạt"));
            // The quotation right before "là" is a message labelled a scam.
            let labels_message = || {
                ctx.text.get(..f.span.start).is_some_and(|b| {
                    let b = b.trim_end();
                    b.strip_suffix("là").is_some_and(|b| {
                        let b = b.trim_end();
                        b.ends_with(CLOSING_QUOTES) && {
                            let end = b.len() - b.chars().next_back().map_or(0, char::len_utf8);
                            let i = quoted.partition_point(|q| q.start <= end);
                            i > 0 && quoted[i - 1].end == end && labelled(&quoted[i - 1])
                        }
                    })
                })
            };
            !(f.category == Category::Inflammatory && label && labels_message())
        }
    });
}

/// Third parties a report quotes, as crime news and court reports name them: the accused and
/// suspects ("bị cáo", "đối tượng", "nghi phạm"). Not "một người đàn ông" of a story, the
/// old disguise of a joke that insults through a character.
const REPORTED_PEOPLE: &[&str] = &[
    "bị cáo",
    "bị can",
    "đối tượng",
    "nghi phạm",
    "nghi can",
    "hung thủ",
    "thủ phạm",
    "kẻ gian",
    "tên cướp",
    "the suspect",
    "the accused",
];
phrase_list!(reported_people, REPORTED_PEOPLE);

/// Verbs that report what someone said or wrote before quoting it.
const REPORTING_VERBS: &[&str] = &[
    "nhắn",
    "nói",
    "doạ",
    "đe doạ",
    "hăm doạ",
    "quát",
    "hét",
    "viết",
    "tuyên bố",
    "gào",
    "buông lời",
    "thách thức",
    "chửi",
    "mắng",
    "lăng mạ",
    "gọi",
    "khai",
    "said",
    "wrote",
    "texted",
    "threatened",
];
phrase_list!(reporting_verbs, REPORTING_VERBS);

/// Drops the inflammatory findings inside a quotation that the sentence attributes to a third
/// party of a report ([`REPORTED_PEOPLE`] and a verb of [`REPORTING_VERBS`] in the fifteen
/// words before it, the person first, no sentence end between): "Theo cáo trạng, bị cáo đã
/// nhắn cho nạn nhân “tao giết mày”" retells a threat, it does not make one. Not a quotation
/// the writer says, bids others say ("gặp đối tượng này cứ nói thẳng vào mặt nó “cút về quê
/// đi”") or aims at someone ("tao nói với nó 'tao giết mày'").
pub(crate) fn drop_reported_speech(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let b = ctx.text.as_bytes();
    if !out.iter().any(|f| f.category == Category::Inflammatory)
        || memchr::memchr3(b'"', b'\'', 0xE2, b).is_none() && memchr::memchr(0xC2, b).is_none()
    {
        return;
    }
    let t = ctx.tokens;
    let quoted = quotations(ctx.text);
    let reported = |q: &Range<usize>| {
        // The first token inside the quotation, and the words before it in its sentence.
        let first = t.partition_point(|x| x.orig.start < q.start);
        let from = (first.saturating_sub(15)..first)
            .rev()
            .take_while(|&j| t.get(j + 1).is_none_or(|x| x.gap != Gap::Hard))
            .last()
            .unwrap_or(first);
        // The person, then the verb they said it with, not bid by the writer ("cứ nói thẳng
        // vào mặt nó", "thì cứ nói với nó", "hãy viết lên tường nhà nó"), and nobody addressed
        // as "nó", "hắn" or "mày" between the verb and the quotation.
        let Some(p) = (from..first).find(|&k| reported_people().at(t, k).is_some()) else {
            return false;
        };
        let Some(v) = (p + 1..first).find(|&k| reporting_verbs().at(t, k).is_some()) else {
            return false;
        };
        let bidden = (v.saturating_sub(2)..v).any(|k| {
            matches!(
                t[k].key.as_str(),
                "cứ" | "hãy" | "nên" | "phải" | "thì" | "cứ việc"
            )
        });
        let aimed =
            (v + 1..first).any(|k| matches!(t[k].key.as_str(), "nó" | "hắn" | "mày" | "chúng mày"));
        !bidden && !aimed
    };
    out.retain(|f| {
        if f.category != Category::Inflammatory {
            return true;
        }
        let i = quoted.partition_point(|q| q.start <= f.span.start);
        !(i > 0 && f.span.end <= quoted[i - 1].end && reported(&quoted[i - 1]))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word list is written as the text is keyed.
    #[test]
    fn exterminate_is_keyed() {
        super::super::assert_keyed(&[
            EXTERMINATE,
            ABOUT_WORDS,
            AIMING_WORDS,
            REPORTED_PEOPLE,
            REPORTING_VERBS,
            CLAUSE_END_PARTICLES,
            GREETINGS,
            FILM_WORDS,
            FIRST_PERSON,
            SELF_FILLERS,
            MANNER_VERBS,
            PLURAL_MARKERS,
            NOUN_STARTS,
            TIMES,
            FOND_EPITHETS,
            CROWD,
            REACH,
            HOUSEHOLDER,
            HOSTILE,
            HOSTILE_SOFT,
            NOT_A_CALL,
            CROWD_QUALIFIERS,
            ERRAND_STOPS,
            ERRAND_OBJECTS_BENIGN,
            CONTEMPT_TARGETS,
            APPEALS,
        ]);
    }
}
