//! Rules that are code rather than phrase lists: document number lines and the
//! administrative-document frame (`internal_document`), numbers, addresses and e-mail
//! (`personal_data`), shouting (`inflammatory`), and the context that lowers or lifts a
//! lexicon finding (sources for accusations, calls to contact for personal data), and the
//! unnamed person a veiled hint points at (`insinuation`; its hints are phrase data,
//! `data/insinuation.toml`). `suspicious_link` comes from [`crate::links`].

mod inflammatory;
mod insinuation;
mod internal_document;
mod personal_data;
mod unverified_claim;

pub(crate) use internal_document::{asks_secrecy, to_the_public};

use crate::lexicon::Lexicon;
use crate::text::{Gap, Normalized, Token};
use crate::{Category, Finding, Message, Severity};
use std::cell::OnceCell;
use std::ops::Range;

/// What every rule sees of one text.
pub struct Ctx<'a> {
    /// The caller's text.
    pub text: &'a str,
    /// Its normalised view.
    pub norm: &'a Normalized,
    /// Its word tokens.
    pub tokens: &'a [Token],
    /// The accent policy's verdict.
    pub unaccented: bool,
    /// The compiled lexicons.
    pub lexicon: &'a Lexicon,
    /// Spans (original bytes) of calls to contact or confront someone (`data/personal_data.toml`),
    /// sorted by start.
    pub contact_cues: &'a [Range<usize>],
    /// Spans (original bytes) of links judged `warning` or worse (`crate::links`), in text
    /// order: a claim does not cite them as its source.
    pub risky_links: &'a [Range<usize>],
    /// [`sentences`] of `tokens`, computed by the first rule that asks ([`Ctx::sentences`]);
    /// start with `OnceCell::new()`.
    pub sentences: OnceCell<Sentences>,
    /// Whether the text passes a paper on (`internal_document::passes_on`), computed by the
    /// first rule that asks; start with `OnceCell::new()`. Texts that never ask pay nothing.
    pub passes_on: OnceCell<bool>,
}

/// For each token the index of its sentence, and each sentence's token range (see
/// [`sentences`]).
pub type Sentences = (Vec<usize>, Vec<Range<usize>>);

impl Ctx<'_> {
    /// The sentences of the text's tokens (see [`sentences`]), computed once per text.
    pub fn sentences(&self) -> &Sentences {
        self.sentences.get_or_init(|| sentences(self.tokens))
    }

    /// Whether the sentence holding token `k` ([`Ctx::sentences`]) is a question: the first
    /// character after its last token, past white space, is `?` ("Cô ơi đề thi khi nào mới thi
    /// ạ?"). `k` must be a token index.
    pub fn sentence_is_question(&self, k: usize) -> bool {
        let (sentence_of, ranges) = self.sentences();
        let last = ranges[sentence_of[k]].end - 1;
        self.text
            .get(self.tokens[last].orig.end..)
            .is_some_and(|r| r.trim_start().starts_with('?'))
    }
}

/// Whether token `x` is one of the writer's words `words` (keyed: "mình", "tôi" …): as
/// written, or folded in a text typed without diacritics (`unaccented`). In a text with them an
/// unmarked "minh" is "chứng minh", "Minh", not "mình".
pub(crate) fn writer_word(x: &Token, words: &[&str], unaccented: bool) -> bool {
    words.contains(&x.key.as_str()) || unaccented && crate::engine::key_matches_any(x, words)
}

/// A filter on [`Token::fold_hash`] of the folded words in `words` (no false negative), built
/// once into `cell`: one probe rules out most tokens of a loop that looks for a few words.
pub(crate) fn fold_filter(
    cell: &'static std::sync::OnceLock<crate::lexicon::KeyFilter>,
    words: &[&str],
) -> &'static crate::lexicon::KeyFilter {
    cell.get_or_init(|| {
        let mut f = crate::lexicon::KeyFilter::default();
        for w in words {
            f.insert(w);
        }
        f
    })
}

/// A lexicon match before it becomes a [`Finding`].
pub struct Raw {
    /// Index of its rule in the lexicon.
    pub rule: usize,
    /// Severity.
    pub severity: Severity,
    /// Original byte span.
    pub span: Range<usize>,
    /// Suggestion.
    pub suggestion: Option<String>,
}

impl Raw {
    /// The finding this match reports.
    pub fn finding(self, lex: &Lexicon) -> Finding {
        let r = &lex.rules[self.rule];
        Finding {
            rule_id: r.id.clone(),
            category: r.category,
            severity: self.severity,
            span: self.span,
            message: r.message.clone(),
            duties: r.duties.clone(),
            suggestion: self.suggestion,
        }
    }
}

/// A finding made by a code rule.
pub(crate) fn finding(
    rule_id: &str,
    category: Category,
    severity: Severity,
    span: Range<usize>,
    vi: &str,
    en: &str,
) -> Finding {
    Finding {
        rule_id: rule_id.to_string(),
        category,
        severity,
        span,
        message: Message {
            vi: vi.to_string(),
            en: en.to_string(),
        },
        duties: category.duties().to_vec(),
        suggestion: None,
    }
}

/// Adds the code rules' findings to `findings` (the lexicon's) and applies the context rules
/// to them.
pub fn apply(ctx: &Ctx<'_>, findings: &mut Vec<Finding>) {
    internal_document::apply(ctx, findings);
    personal_data::apply(ctx, findings);
    unverified_claim::apply(ctx, findings);
    inflammatory::apply(ctx, findings);
    insinuation::apply(ctx, findings);
    inflammatory::drop_quoted_examples(ctx, findings);
    inflammatory::drop_reported_speech(ctx, findings);
}

/// Opening and closing quotation marks, for rules that read what a post quotes.
pub(crate) const OPENING_QUOTES: [char; 5] = ['"', '\'', '“', '‘', '«'];
/// See [`OPENING_QUOTES`].
pub(crate) const CLOSING_QUOTES: [char; 5] = ['"', '\'', '”', '’', '»'];

/// The tokens one category's findings cover, for [`Covered::overlaps`] in constant time: a
/// code rule adds nothing where the lexicon or another rule already underlines the words, and a
/// text may hold thousands of findings (a rule asking about each of them for each of its own
/// would be quadratic). Built in one pass over the findings and one over the tokens, with no
/// sort (another sort instance would cost the `.wasm` kilobytes).
pub(crate) struct Covered<'t> {
    tokens: &'t [Token],
    /// `covered[i]`: how many of the tokens before token `i` some finding covers.
    covered: Vec<u32>,
}

impl<'t> Covered<'t> {
    /// The tokens of `tokens` covered by the findings of `category` in `out`.
    pub(crate) fn new(tokens: &'t [Token], out: &[Finding], category: Category) -> Covered<'t> {
        // +1 where a finding's tokens start, -1 after they end; the running sum is the depth.
        let mut delta = vec![0i32; tokens.len() + 1];
        for f in out.iter().filter(|f| f.category == category) {
            let r = tokens_in(tokens, &f.span);
            if !r.is_empty() {
                delta[r.start] += 1;
                delta[r.end] -= 1;
            }
        }
        let mut covered = Vec::with_capacity(tokens.len() + 1);
        let (mut depth, mut count) = (0i32, 0u32);
        covered.push(0);
        for d in &delta[..tokens.len()] {
            depth += d;
            count += u32::from(depth > 0);
            covered.push(count);
        }
        Covered { tokens, covered }
    }

    /// Whether a finding of the category covers a token of `span` (bytes).
    pub(crate) fn overlaps(&self, span: &Range<usize>) -> bool {
        let r = tokens_in(self.tokens, span);
        !r.is_empty() && self.covered[r.end] > self.covered[r.start]
    }
}

/// Which tokens something starts at, counted for constant-time questions about any range:
/// `counts[i]` is how many of the tokens before token `i` it starts at. A rule that asks, for
/// each of its matches, whether its sentence holds some word (a sentence of a megabyte may
/// hold thousands of matches) asks this instead of reading the sentence again.
pub(crate) struct StartIndex {
    counts: Vec<u32>,
}

impl StartIndex {
    /// The index of the tokens `0..len` for which `starts` holds (one call per token).
    pub(crate) fn new(len: usize, starts: impl Fn(usize) -> bool) -> StartIndex {
        let mut counts = Vec::with_capacity(len + 1);
        let mut n = 0u32;
        counts.push(0);
        for i in 0..len {
            n += u32::from(starts(i));
            counts.push(n);
        }
        StartIndex { counts }
    }

    /// Whether something starts at a token of `range` (clamped to the indexed tokens).
    pub(crate) fn any_in(&self, range: Range<usize>) -> bool {
        let last = self.counts.len() - 1;
        let (s, e) = (range.start.min(last), range.end.min(last));
        s < e && self.counts[e] > self.counts[s]
    }
}

/// Keeps the spans (bytes) that no finding of `category` in `out` already covers
/// ([`Covered`]), adds the finding `make` builds for each of them to `out`, and returns the
/// spans kept. Nothing is read when `spans` is empty.
pub(crate) fn add_uncovered(
    tokens: &[Token],
    out: &mut Vec<Finding>,
    category: Category,
    mut spans: Vec<Range<usize>>,
    make: impl Fn(Range<usize>) -> Option<Finding>,
) -> Vec<Range<usize>> {
    if spans.is_empty() {
        return spans;
    }
    let covered = Covered::new(tokens, out, category);
    spans.retain(|s| !covered.overlaps(s));
    out.extend(spans.iter().cloned().filter_map(make));
    spans
}

/// A finding of the lexicon group `rule_id` (its category, message and duties) made by a code
/// rule over `span` (bytes) with `severity`; `None` if no group has that id.
pub(crate) fn group_finding(
    ctx: &Ctx<'_>,
    rule_id: &str,
    severity: Severity,
    span: Range<usize>,
) -> Option<Finding> {
    let rule = ctx.lexicon.rules.iter().find(|r| r.id == rule_id)?;
    Some(Finding {
        rule_id: rule.id.clone(),
        category: rule.category,
        severity,
        span,
        message: rule.message.clone(),
        duties: rule.duties.clone(),
        suggestion: None,
    })
}

/// The first byte of `b` at or after `from` for which `wanted` holds, where every wanted
/// byte lies strictly between `above` and `below` (`above` at most 127, `below` at most 128).
/// Eight bytes at a time: a word without a byte in that range is skipped whole (the test is
/// Bit Twiddling Hacks' "has a byte greater than m and less than n"), so a search through a
/// long text costs about a sixth of a byte-by-byte one.
#[inline]
pub(crate) fn find_byte(
    b: &[u8],
    from: usize,
    (above, below): (u8, u8),
    wanted: impl Fn(&u8) -> bool,
) -> Option<usize> {
    const ONES: u64 = u64::MAX / 255;
    let (m, n) = (u64::from(above.min(127)), u64::from(below.min(128)));
    let mut i = from;
    while let Some(w) = b.get(i..).and_then(|r| r.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*w);
        let low = x & (ONES * 127);
        let hit = (ONES * (127 + n) - low) & !x & (low + ONES * (127 - m)) & (ONES * 128);
        if hit != 0 {
            if let Some(p) = w.iter().position(&wanted) {
                return Some(i + p);
            }
        }
        i += 8;
    }
    b.get(i..)?.iter().position(wanted).map(|p| i + p)
}

/// The sentences of a text: for each token the index of its sentence (sentences end at hard
/// gaps), and each sentence's token range. Linear in the number of tokens.
pub(crate) fn sentences(t: &[Token]) -> Sentences {
    let mut of = Vec::with_capacity(t.len());
    let mut ranges: Vec<Range<usize>> = Vec::new();
    // The open sentence starts at token `start`; its index is `ranges.len()`.
    let mut start = 0;
    for (i, tok) in t.iter().enumerate() {
        if i > 0 && tok.gap == Gap::Hard {
            ranges.push(start..i);
            start = i;
        }
        of.push(ranges.len());
    }
    if !t.is_empty() {
        ranges.push(start..t.len());
    }
    (of, ranges)
}

/// For each sentence, whether a finding matching `pred` overlaps it. One pass over the
/// findings; each finding marks the sentences its tokens belong to.
pub(crate) fn sentences_with(
    t: &[Token],
    of: &[usize],
    n: usize,
    out: &[Finding],
    pred: impl Fn(&Finding) -> bool,
) -> Vec<bool> {
    let mut flags = vec![false; n];
    for f in out.iter().filter(|f| pred(f)) {
        let toks = tokens_in(t, &f.span);
        if toks.is_empty() {
            continue;
        }
        for flag in &mut flags[of[toks.start]..=of[toks.end - 1]] {
            *flag = true;
        }
    }
    flags
}

/// Whether the tokens from `i` spell `phrase` (syllables joined by single spaces), one token per
/// syllable. A syllable written without diacritics is compared with the token's
/// [`Token::fold`], so it matches however the token is accented (`cua em` matches `của em`);
/// one written with diacritics matches a token with the same [`Token::key`], or a token written
/// without any diacritics that folds the same (`thằng` matches `thằng` and `thang`, not
/// `tháng`). Compares in place (no allocation): this runs for every word of a list at every
/// position near a number.
pub(crate) fn spelled_at(tokens: &[Token], i: usize, phrase: &str) -> bool {
    let mut rest = phrase;
    let mut k = i;
    loop {
        let Some(t) = tokens.get(k) else {
            return false;
        };
        // The first byte decides most comparisons before the syllable is even cut out.
        let first = rest.as_bytes().first().copied().unwrap_or(b' ');
        if first.is_ascii() && t.fold.as_bytes().first() != Some(&first) {
            return false;
        }
        let (syllable, more) = match rest.as_bytes().iter().position(|&b| b == b' ') {
            Some(p) => (&rest[..p], Some(&rest[p + 1..])),
            None => (rest, None),
        };
        let same = if syllable.is_ascii() {
            t.fold == syllable
        } else {
            crate::engine::key_matches(t, syllable)
        };
        match (same, more) {
            (false, _) => return false,
            (true, None) => return true,
            (true, Some(r)) => {
                rest = r;
                k += 1;
            }
        }
    }
}

/// The syllable count of the first phrase of `list` that the tokens from `i` spell
/// ([`spelled_at`]), or `None`. Lists put longer phrases before their prefixes.
pub(crate) fn spelled_any(tokens: &[Token], i: usize, list: &[&str]) -> Option<usize> {
    // The token's first folded letter rules out most phrases without a call: a phrase whose
    // first letter is ASCII must start with it (others, "đừng", are compared in full).
    let first = tokens.get(i)?.fold.chars().next();
    list.iter()
        .find(|p| first_fold(p).is_none_or(|f| Some(f) == first) && spelled_at(tokens, i, p))
        .map(|p| p.split(' ').count())
}

/// The folded first letter of `phrase` (`đừng` → `d`, `ảnh` → `a`), or `None` for a letter
/// the tone tables do not fold (then the phrase is compared in full).
#[inline]
fn first_fold(phrase: &str) -> Option<char> {
    let c = phrase.chars().next()?;
    if c.is_ascii() {
        Some(c)
    } else if c == 'đ' {
        Some('d')
    } else {
        crate::text::tone::letter(c).map(|l| l.fold)
    }
}

/// A phrase list ([`spelled_any`]) indexed by the folded first syllables of its phrases:
/// [`PhraseList::at`] rules out most tokens with a few instructions on the token's
/// [`Token::fold_hash`], and compares only the phrases whose first syllable folds to the
/// token's. Build one per list, once, with [`phrase_list!`].
pub(crate) struct PhraseList {
    list: &'static [&'static str],
    gate: crate::lexicon::KeyFilter,
    /// `(key_hash of the folded first syllable, index in list)` of every phrase, sorted: the
    /// phrases a token may start are one run of equal hashes, in list order.
    firsts: Vec<(u32, usize)>,
    /// The [`crate::text::key_hash`] of each folded syllable of each phrase (by index in
    /// list): tokens whose [`Token::fold_hash`]es differ cannot spell it.
    folds: Vec<Box<[u32]>>,
}

impl PhraseList {
    /// The list, with the filter and index of its first syllables folded (`đừng` → `dung`).
    pub(crate) fn new(list: &'static [&'static str]) -> PhraseList {
        let mut gate = crate::lexicon::KeyFilter::default();
        let mut firsts = Vec::with_capacity(list.len());
        let mut folds = Vec::with_capacity(list.len());
        for (k, p) in list.iter().enumerate() {
            let hashes: Box<[u32]> = p
                .split(' ')
                .map(|w| crate::text::key_hash(&crate::text::tone::fold(w)))
                .collect();
            // `split` yields at least one syllable, so the first hash is always there.
            let first = hashes.first().copied().unwrap_or(0);
            gate.insert_hash(first);
            firsts.push((first, k));
            folds.push(hashes);
        }
        firsts.sort_unstable();
        PhraseList {
            list,
            gate,
            firsts,
            folds,
        }
    }

    /// The syllable count of the first phrase of the list spelled from token `i` (as
    /// [`spelled_any`] gives it), or `None` (also past the end of `tokens`).
    #[inline]
    pub(crate) fn at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        // Called for every token with many lists: the filter stays inline, the rest does not.
        let t = tokens.get(i)?;
        if !self.gate.may_contain_hash(t.fold_hash) {
            return None;
        }
        self.at_indexed(tokens, i, t.fold_hash)
    }

    /// [`PhraseList::at`] past the filter. Tokens spell a phrase only if each folds as its
    /// syllable does (what [`spelled_at`] checks first), so only the phrases of that run of
    /// the index whose folded hashes agree are compared.
    #[inline(never)]
    fn at_indexed(&self, tokens: &[Token], i: usize, h: u32) -> Option<usize> {
        let from = self.firsts.partition_point(|&(x, _)| x < h);
        self.firsts[from..]
            .iter()
            .take_while(|&&(x, _)| x == h)
            .map(|&(_, k)| (self.list[k], &self.folds[k]))
            .find(|&(p, hashes)| {
                tokens.get(i..i + hashes.len()).is_some_and(|run| {
                    run.iter()
                        .zip(hashes.iter())
                        .all(|(t, &x)| t.fold_hash == x)
                }) && spelled_at(tokens, i, p)
            })
            .map(|(_, hashes)| hashes.len())
    }

    /// Whether any phrase of the list is spelled from a token of `range`.
    pub(crate) fn any_in(&self, tokens: &[Token], range: Range<usize>) -> bool {
        range.into_iter().any(|i| self.at(tokens, i).is_some())
    }
}

/// `fn $name() -> &'static PhraseList`: the [`PhraseList`] of `$list`, built on first use.
macro_rules! phrase_list {
    ($name:ident, $list:expr) => {
        fn $name() -> &'static $crate::rules::PhraseList {
            static LIST: std::sync::OnceLock<$crate::rules::PhraseList> =
                std::sync::OnceLock::new();
            LIST.get_or_init(|| $crate::rules::PhraseList::new($list))
        }
    };
}
pub(crate) use phrase_list;

/// Whether `phrase` ([`spelled_at`]) ends right before token `i`: "bà chủ" before "quán".
pub(crate) fn spelled_before(tokens: &[Token], i: usize, phrase: &str) -> bool {
    let n = phrase.split(' ').count();
    i >= n && spelled_at(tokens, i - n, phrase)
}

/// The negation token `x` spells, if any: `Some(true)` for "không" (the word itself, "khong"
/// typed without diacritics, or a teencode spelling of it that has no other everyday meaning:
/// `k`, `ko`, `hok`, `khum`, `kô`, `hông`, [`plain_teencode_of`](crate::lexicon::plain_teencode_of),
/// not `hem`), `Some(false)` for "chẳng", "chả", "chưa" (the first and the last also typed
/// without diacritics: "chua noi ten"; a bare "cha" is mostly "father"). One match on the
/// folded word: this runs in hot loops, and most words are none.
#[inline]
fn negation_word(x: &Token) -> Option<bool> {
    let (is, no) = match x.fold.as_str() {
        "khong" => (x.key == "không" || !x.marked, true),
        "k" | "ko" | "hok" | "khum" | "hong" => {
            (crate::lexicon::plain_teencode_of(x, "không"), true)
        }
        "chang" => (x.key == "chẳng" || !x.marked, false),
        "cha" => (x.key == "chả", false),
        "chua" => (x.key == "chưa" || !x.marked, false),
        _ => return None,
    };
    is.then_some(no)
}

/// Whether token `x` says "không" (no, not) in any spelling ([`negation_word`]).
#[inline]
pub(crate) fn says_no(x: &Token) -> bool {
    negation_word(x) == Some(true)
}

/// Whether token `x` is a negation: [`says_no`], or "chẳng", "chả", "chưa" ([`negation_word`]).
#[inline]
pub(crate) fn negation(x: &Token) -> bool {
    negation_word(x).is_some()
}

/// Whether tokens `from + 1..=to` each follow the one before after spaces only (one phrase, no
/// punctuation inside); `false` past the end of `tokens`.
pub(crate) fn spaced(tokens: &[Token], from: usize, to: usize) -> bool {
    (from + 1..=to).all(|k| tokens.get(k).is_some_and(|x| x.gap == Gap::Space))
}

/// Test helper: every phrase of `lists` is written as the text is keyed (tone on the main
/// vowel: `hoá`), or a word typed either way would never match it.
#[cfg(test)]
pub(crate) fn assert_keyed(lists: &[&[&str]]) {
    for w in lists.iter().flat_map(|l| l.iter()) {
        assert_eq!(crate::lexicon::phrase_keys(w).0.join(" "), *w);
    }
}

/// The token index range whose original spans overlap `span`.
pub(crate) fn tokens_in(tokens: &[Token], span: &Range<usize>) -> Range<usize> {
    let s = tokens.partition_point(|t| t.orig.end <= span.start);
    let e = tokens.partition_point(|t| t.orig.start < span.end);
    s..e.max(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find_byte`] finds what a byte-by-byte search finds, for the ranges the rules use.
    #[test]
    fn find_byte_agrees_with_a_byte_search() {
        let digit = |c: &u8| c.is_ascii_digit();
        let opener = |c: &u8| c.is_ascii_digit() || matches!(c, b'(' | b'+');
        let mut texts: Vec<Vec<u8>> = (0u8..=255)
            .map(|x| {
                let mut v = b"abcdefghijklmnopq".to_vec();
                v[11] = x;
                v
            })
            .collect();
        texts.push(
            "Số 12/2023/NĐ-CP: gọi 0912 345 678 (chị Hương) +84"
                .as_bytes()
                .to_vec(),
        );
        texts.push(Vec::new());
        for t in &texts {
            for from in 0..=t.len() {
                let by_byte =
                    |f: &dyn Fn(&u8) -> bool| t[from..].iter().position(f).map(|p| from + p);
                assert_eq!(find_byte(t, from, (0x2F, 0x3A), digit), by_byte(&digit));
                assert_eq!(find_byte(t, from, (0x27, 0x3A), opener), by_byte(&opener));
            }
        }
    }

    /// Negations in every spelling the rules meet, and the look-alikes that are none.
    #[test]
    fn negations_in_every_spelling() {
        let first = |s: &str| {
            let n = crate::text::Normalized::new(s);
            crate::text::tokenize(&n, s).remove(0)
        };
        for w in [
            "không", "khong", "ko", "k", "hok", "khum", "kô", "hông", "KHÔNG",
        ] {
            assert!(says_no(&first(w)), "{w}");
        }
        for w in ["chẳng", "chả", "chưa", "chua", "chang"] {
            assert!(negation(&first(w)) && !says_no(&first(w)), "{w}");
        }
        for w in ["hem", "khống", "cha", "chúa", "kho", "nguồn"] {
            assert!(!negation(&first(w)), "{w}");
        }
    }
}
