//! The Vietnamese text model: a normalised view of the caller's text with a map back to its
//! original UTF-8 byte offsets, and the syllable tokens that rules match on.
//!
//! Normalisation, in order, for matching only (the caller's text is never changed):
//! 1. invisible characters (U+200B/C/D, U+00AD, U+FEFF, U+2060, bidirectional controls) are
//!    dropped;
//! 2. each base character with its combining marks is composed to NFC (NFD input matches);
//! 3. lower case (Unicode full case folding through `char::to_lowercase`);
//! 4. confusable look-alikes are folded to Latin ([`fold_confusable`]: Cyrillic and Greek
//!    letters that look Latin, full-width and mathematical alphanumerics);
//! 5. per syllable ([`Token`]), the tone mark is moved to one canonical place
//!    ([`tone::canonical`]: `hoà` and `hòa` give the same key, `qu`/`gi` onsets untouched),
//!    letters stretched three times or more, or a doubled final `a`, `e`, `i` or `y`, are
//!    collapsed (`nguuuu` → `ngu`, `đii` → `đi`), and a folded key
//!    without any diacritic (`đ` → `d`) is kept beside it for unaccented text.
//!
//! Offsets: the normalised view is a `String`; [`Normalized::orig_range`] maps a byte range of
//! it back to a byte range of the original text, always on the original's `char` boundaries.

pub(crate) mod nf;
pub mod tone;

use compact_str::CompactString;
use smallvec::SmallVec;
use unicode_normalization::char::canonical_combining_class;
use unicode_segmentation::UnicodeSegmentation;

/// Characters dropped from the normalised view (they hide inside words to dodge filters):
/// zero-width characters, the soft hyphen, the word joiner, and the bidirectional controls
/// (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C), which reorder what is shown without being
/// shown ("thằng \u{202E}ugn\u{202C}" displays as "thằng ngu").
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{00AD}'
            | '\u{FEFF}'
            | '\u{2060}'
            | '\u{180E}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
    )
}

/// Folds a (lower-case) confusable look-alike to the Latin letter it imitates, for matching:
/// Cyrillic `а е о р с у х і ј ѕ ԁ һ к м т в н` and Greek `α ε ο ρ τ υ ν ι κ χ η`, and the
/// full-width (U+FF01–FF5E) and mathematical alphanumeric (U+1D400–1D7FF) forms through NFKC.
/// Cyrillic `у` folds to `u`, not `y`: Vietnamese writers use it for `u` (`ngу`).
/// Returns the character itself when it is not a known look-alike.
pub fn fold_confusable(c: char) -> char {
    match c {
        'а' => 'a',
        'е' | 'ё' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'u',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'һ' => 'h',
        'к' => 'k',
        'м' => 'm',
        'т' => 't',
        'в' => 'b',
        'н' => 'h',
        'ո' => 'n',
        'п' => 'n',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴏ' => 'o',
        'α' => 'a',
        'ε' => 'e',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'χ' => 'x',
        'η' => 'n',
        // NFKC of these is their compatibility decomposition, one character or none (the test
        // `width_and_math_forms_fold_as_nfkc` checks every one against the library).
        '\u{FF01}'..='\u{FF5E}' | '\u{1D400}'..='\u{1D7FF}' => match crate::compat::decompose(c) {
            Some(crate::compat::Decomp::One(d)) => d.to_lowercase().next().unwrap_or(d),
            Some(crate::compat::Decomp::Many(_)) => c,
            None => c.to_lowercase().next().unwrap_or(c),
        },
        _ => c,
    }
}

/// A base character and its marks, normalised for matching: decomposed (NFD), lower-cased,
/// each look-alike folded (so the Greek `ό` becomes `o` + acute), then composed again (NFC:
/// `ó`).
fn fold_segment(chars: &[char]) -> nf::Chars {
    nf::nfc(
        nf::nfd(chars.iter().copied())
            .into_iter()
            .flat_map(char::to_lowercase)
            .map(fold_confusable),
    )
}

/// One character of the normalised view and where it came from. Offsets are `u32`: texts
/// longer than 4 GiB are not analysed (callers cap input far below that).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MapEntry {
    /// Byte offset of this character in the normalised view.
    norm: u32,
    /// Byte range in the original text of the character (with its combining marks) it came
    /// from.
    orig_start: u32,
    orig_end: u32,
}

/// A normalised view of a text (see the module docs) with its offset map.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalised text: NFC, lower case, invisibles dropped, confusables folded.
    pub text: String,
    /// One entry per character of `text`; `None` while every character of `text` sits at the
    /// same byte offset, with the same length, as the character it came from (most texts:
    /// lower-casing ASCII and precomposed Vietnamese letters keeps their UTF-8 length), so
    /// that offsets map to themselves.
    map: Option<Vec<MapEntry>>,
    orig_len: usize,
}

/// The fast path of [`Normalized::new`] while the view maps every offset to itself (`text`
/// holds the normalised `original[..from]`, byte for byte at the same offsets): appends the
/// lower case of the longest stretch from `from` of ASCII characters and precomposed Latin
/// letters whose lower case has the same UTF-8 length, stopping before any other character
/// and before the base of a combining mark (those take the general path). Returns where it
/// stopped.
fn identity_span(original: &str, from: usize, text: &mut String) -> usize {
    let bytes = original.as_bytes();
    // `copied..i` is pending: already normalised in `original` except for ASCII capitals.
    let mut copied = from;
    let mut i = from;
    // Start of the last character taken (a combining mark after it would join it).
    let mut last = from;
    let flush = |text: &mut String, a: usize, b: usize| {
        if a < b {
            let at = text.len();
            text.push_str(&original[a..b]);
            text[at..].make_ascii_lowercase();
        }
    };
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            last = i;
            i += 1;
            continue;
        }
        // The commonest lower-case letters (`à`–`ý`, `ạ`–`ỹ`), read from their bytes: their
        // own lower case, of the same length (`lower_letters_from_bytes`).
        if let Some(len) = lower_latin_len(bytes, i) {
            last = i;
            i += len;
            continue;
        }
        let Some(c) = original[i..].chars().next() else {
            break;
        };
        if tone::is_precomposed_latin(c) && c != '\u{130}' {
            let l = tone::lower_latin(c);
            if l.len_utf8() != c.len_utf8() {
                break;
            }
            if l != c {
                flush(text, copied, i);
                text.push(l);
                copied = i + c.len_utf8();
            }
            last = i;
            i += c.len_utf8();
            continue;
        }
        if i > from && canonical_combining_class(c) != 0 {
            // A mark: the character before it is the base of its segment. `text` holds
            // `original[..copied]` at the same offsets; drop the base if it is there already.
            i = last;
            if copied > i {
                text.truncate(i);
                copied = i;
            }
        }
        break;
    }
    flush(text, copied, i);
    i
}

/// The UTF-8 length of the character at byte `i` when it is a lower-case letter of Latin-1
/// (U+00E0–U+00FF but `÷`: `C3 A0`–`C3 BF`) or of U+1EA0–U+1EF9 (Latin Extended
/// Additional's Vietnamese letters, upper case at even code points and lower case at odd
/// ones: `E1 BA A0`–`E1 BB B9` with an odd last byte, the code point's low bit); `None` for
/// any other character. Such a letter is its own lower case.
#[inline]
fn lower_latin_len(bytes: &[u8], i: usize) -> Option<usize> {
    match *bytes.get(i..)? {
        [0xC3, b1, ..] if (0xA0..=0xBF).contains(&b1) && b1 != 0xB7 => Some(2),
        [0xE1, b1, b2, ..]
            if (b1 == 0xBA && b2 >= 0xA0 || b1 == 0xBB && (0x80..=0xB9).contains(&b2))
                && b2 & 1 == 1 =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// Appends `ch` (from the original bytes `start..end`) to the normalised text; writes the
/// offset map from the first character whose offsets differ (see [`Normalized`]'s `map`).
fn push_char(
    map: &mut Option<Vec<MapEntry>>,
    text: &mut String,
    ch: char,
    start: usize,
    end: usize,
) {
    if map.is_none() && (text.len() != start || ch.len_utf8() != end - start) {
        let mut m = Vec::with_capacity(text.capacity());
        m.extend(text.char_indices().map(|(i, c)| MapEntry {
            norm: i as u32,
            orig_start: i as u32,
            orig_end: (i + c.len_utf8()) as u32,
        }));
        *map = Some(m);
    }
    if let Some(m) = map.as_mut() {
        m.push(MapEntry {
            norm: text.len() as u32,
            orig_start: start as u32,
            orig_end: end as u32,
        });
    }
    text.push(ch);
}

impl Normalized {
    /// Normalises `original`. Empty input gives an empty view. Linear in the input length.
    ///
    /// Fast paths: ASCII and precomposed Latin letters not followed by a combining mark are
    /// lower-cased directly; only segments with combining marks go through NFC, and only
    /// other scripts through the confusable fold.
    pub fn new(original: &str) -> Normalized {
        Normalized::build(original, true)
    }

    /// [`Normalized::new`]; `fast: false` takes the general per-segment path for every
    /// character (the reference the fast paths are tested against).
    fn build(original: &str, fast: bool) -> Normalized {
        // Offsets are stored as u32; a longer text keeps only its first 4 GiB in view.
        let original = match original.len() {
            n if n > u32::MAX as usize => {
                let mut end = u32::MAX as usize;
                while !original.is_char_boundary(end) {
                    end -= 1;
                }
                &original[..end]
            }
            _ => original,
        };
        let mut text = String::with_capacity(original.len());
        let mut map: Option<Vec<MapEntry>> = None;
        let mut buf: Vec<char> = Vec::new();
        let mut i = 0;
        while i < original.len() {
            // While every character so far kept its offset and length (no map): copy the
            // longest stretch of ASCII and precomposed Latin letters that needs no composing.
            if fast && map.is_none() && text.len() == i {
                i = identity_span(original, i, &mut text);
                if i >= original.len() {
                    break;
                }
            }
            let rest = &original[i..];
            // A run of ASCII: copied and lower-cased in bulk (one map entry per byte once the
            // map exists), except its last character when a non-ASCII one (maybe a mark)
            // follows.
            if fast && rest.as_bytes()[0].is_ascii() && (map.is_some() || text.len() == i) {
                let run = rest.bytes().position(|b| !b.is_ascii());
                let bulk = run.map_or(rest.len(), |r| r - 1);
                if bulk > 0 {
                    let from = text.len();
                    text.push_str(&rest[..bulk]);
                    text[from..].make_ascii_lowercase();
                    if let Some(m) = map.as_mut() {
                        m.extend((0..bulk).map(|k| MapEntry {
                            norm: (from + k) as u32,
                            orig_start: (i + k) as u32,
                            orig_end: (i + k + 1) as u32,
                        }));
                    }
                    i += bulk;
                    continue;
                }
            }
            let Some(c) = rest.chars().next() else {
                break;
            };
            let seg_start = i;
            // A base character and the combining marks that follow it form one segment; marks
            // stacked beyond 64 stay in the segment's range but are not composed.
            let mut end = seg_start + c.len_utf8();
            buf.clear();
            // Marks after white space or a control character (a line break) do not join it:
            // they stand alone, as at the start of the text, so a prefix shifts spans exactly.
            let base = !(c.is_whitespace() || c.is_control());
            while let Some(d) = original[end..].chars().next().filter(|_| base) {
                if d.is_ascii()
                    || tone::is_precomposed_latin(d)
                    || canonical_combining_class(d) == 0
                {
                    break;
                }
                if buf.is_empty() {
                    buf.push(c);
                }
                if buf.len() <= 64 {
                    buf.push(d);
                }
                end += d.len_utf8();
            }
            i = end;
            if buf.is_empty() {
                if c.is_ascii() {
                    push_char(&mut map, &mut text, c.to_ascii_lowercase(), seg_start, end);
                } else if is_invisible(c) {
                    continue;
                } else if tone::is_precomposed_latin(c) {
                    if c == '\u{130}' {
                        // İ: the one letter here whose lower case is two characters.
                        for l in c.to_lowercase() {
                            push_char(&mut map, &mut text, l, seg_start, end);
                        }
                    } else {
                        push_char(&mut map, &mut text, tone::lower_latin(c), seg_start, end);
                    }
                } else {
                    for n in fold_segment(std::slice::from_ref(&c)) {
                        push_char(&mut map, &mut text, n, seg_start, end);
                    }
                }
                continue;
            }
            for n in fold_segment(&buf) {
                push_char(&mut map, &mut text, n, seg_start, end);
            }
        }
        Normalized {
            text,
            map,
            orig_len: original.len(),
        }
    }

    /// Maps a byte range of [`Normalized::text`] to the byte range of the original text it
    /// came from: from the start of the first character at or after `norm.start` to the end of
    /// the character holding byte `norm.end - 1`. Empty or out-of-range input gives an empty
    /// range at the nearest position.
    pub fn orig_range(&self, norm: std::ops::Range<usize>) -> std::ops::Range<usize> {
        match &self.map {
            Some(map) => {
                let s = map.partition_point(|e| (e.norm as usize) < norm.start);
                let e = map.partition_point(|e| (e.norm as usize) < norm.end);
                self.range_of_entries(map, s, e)
            }
            None => {
                let t = &self.text;
                let up = |mut b: usize| {
                    b = b.min(t.len());
                    while !t.is_char_boundary(b) {
                        b += 1;
                    }
                    b
                };
                let (s, e) = (up(norm.start), up(norm.end));
                if e <= s {
                    s..s
                } else {
                    s..e
                }
            }
        }
    }

    fn range_of_entries(&self, map: &[MapEntry], s: usize, e: usize) -> std::ops::Range<usize> {
        if s >= map.len() {
            return self.orig_len..self.orig_len;
        }
        if e <= s {
            let p = map[s].orig_start as usize;
            return p..p;
        }
        map[s].orig_start as usize..map[e - 1].orig_end as usize
    }
}

/// A word token of the normalised view: a syllable, a teencode token, a number, an English
/// word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in [`Normalized::text`].
    pub norm: std::ops::Range<usize>,
    /// Byte range in the original text.
    pub orig: std::ops::Range<usize>,
    /// The matching key with diacritics: internal punctuation removed (`đ.m` → `đm`), tone in
    /// its canonical place, stretched letters collapsed.
    pub key: CompactString,
    /// [`Token::key`] without any diacritic (`đ` → `d`).
    pub fold: CompactString,
    /// The token carries a Vietnamese diacritic (tone, breve, circumflex, horn or `đ`).
    pub marked: bool,
    /// The original token has letters and all of them are upper case.
    pub upper: bool,
    /// The original token has an upper-case first letter.
    pub capitalized: bool,
    /// The token is all digits.
    pub numeric: bool,
    /// Every character of [`Token::key`] is a letter (no digit): a word for the accent policy
    /// (see [`marked_share`]).
    pub letters: bool,
    /// What separates this token from the previous one.
    pub gap: Gap,
    /// The token had internal punctuation or was stretched (a filter dodge).
    pub dodged: bool,
    /// [`key_hash`] of [`Token::key`], computed once per distinct word: the lexicon's syllable
    /// tables and key filters take it instead of hashing the key again.
    pub key_hash: u32,
    /// [`key_hash`] of [`Token::fold`].
    pub fold_hash: u32,
}

/// A 32-bit hash of a syllable key (or any string): its length and its first and last eight
/// bytes (all of it up to sixteen bytes), mixed by one multiply. Equal strings hash equal;
/// the lexicon's syllable tables and key filters compare keys only where hashes agree.
#[inline]
pub fn key_hash(k: &str) -> u32 {
    let w = k.as_bytes();
    let n = w.len() as u64;
    let h = if let (Some(a), Some(b)) = (w.first_chunk::<8>(), w.last_chunk::<8>()) {
        u64::from_le_bytes(*a) ^ u64::from_le_bytes(*b).rotate_left(29) ^ n
    } else if let (Some(a), Some(b)) = (w.first_chunk::<4>(), w.last_chunk::<4>()) {
        // Four to seven bytes: the first and last four (overlapping).
        (u64::from(u32::from_le_bytes(*a)) << 32 | u64::from(u32::from_le_bytes(*b))) ^ n
    } else {
        w.iter().fold(n, |h, &b| (h << 8) | u64::from(b))
    };
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// What lies between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Nothing but spaces (or this is the first token).
    Space,
    /// A comma, colon, dash, quote, bracket or other light punctuation.
    Soft,
    /// A sentence end (`.`, `!`, `?`, `;`) or a line break.
    Hard,
}

/// `char::is_alphabetic` with fast answers for ASCII and the precomposed Latin letters of
/// Vietnamese (the general lookup is a hot spot on long texts).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        tone::is_precomposed_latin(c) || c.is_alphabetic()
    }
}

/// `char::is_alphanumeric` with the fast answers of [`is_letter`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        tone::is_precomposed_latin(c) || c.is_alphanumeric()
    }
}

/// Characters that may stand at the edge of a whitespace-delimited chunk without joining the
/// word next to them under UAX #29 (ASCII punctuation and symbols except `_`, which is
/// ExtendNumLet; General Punctuation except the ExtendNumLet connectors; guillemets). Chunks
/// made of such edges around one run of plain letters and digits take the fast path of
/// [`tokenize`].
#[inline]
fn is_edge_punct(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation() && c != '_'
    } else {
        matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»')
            && !matches!(c, '\u{203F}' | '\u{2040}' | '\u{2054}')
    }
}

/// Emoji and pictographs (U+1F000–U+1FAFF, U+2600–U+27BF, U+2B00–U+2BFF) and the emoji
/// variation selector U+FE0F: decoration between words, not punctuation.
#[inline]
pub fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{FE0F}')
}

/// The gap before a token: `gap` as its characters open it, but an emoji followed by a word in
/// sentence case (`sentence_case`: capitalised, not all capitals) ends a sentence ("Đi chợ về
/// gặp 😂 Là đập muỗi cả buổi"), as an emoji between lower-case words, or in a text in
/// capitals, joins them ("Nghe 👂 đồn").
#[inline]
fn emoji_gap(gap: Gap, pictograph: bool, sentence_case: bool) -> Gap {
    if pictograph && sentence_case {
        Gap::Hard
    } else {
        gap
    }
}

/// The gap a non-word character opens before the next token.
#[inline]
fn gap_of(c: char) -> Gap {
    match c {
        '.' | '!' | '?' | ';' | '\n' | '\r' | '…' | '。' => Gap::Hard,
        c if c.is_whitespace() => Gap::Space,
        // Transparent inside a phrase: "100% sự thật", "#share", "@ai đó".
        '%' | '#' | '@' | '&' | '+' | '*' | '_' | '\'' | '’' => Gap::Space,
        // Emoji and pictographs between words are decoration, not punctuation: "Nghe 👂 đồn",
        // "Sự thật 🤫 bị che giấu".
        c if is_pictograph(c) => Gap::Space,
        _ => Gap::Soft,
    }
}

/// Builds tokens in text order; keeps a cursor into the offset map (tokens only move
/// forward, so mapping each one back costs no search).
struct TokenSink<'a> {
    norm: &'a Normalized,
    original: &'a str,
    out: Vec<Token>,
    gap: Gap,
    /// An emoji stands between the previous token and the next (see [`emoji_gap`]).
    pictograph: bool,
    cursor: usize,
    /// Normalised non-ASCII words keyed so far (see [`SeenWords`]): a word seen before reuses
    /// the keys of its earlier token (long texts repeat most of their words; plain ASCII words
    /// are keyed faster than they are looked up).
    seen: SeenWords,
}

/// A direct-mapped cache of the words [`tokenize`] has keyed: slot `hash(word)` holds one
/// plus the index in the token list of a token of that word (0: empty). A word whose slot
/// holds another word is keyed again and takes the slot; keys depend on the word alone, so
/// the cache only saves work and never changes a token. Cheaper than a hash map on short
/// texts, where most words are new: one multiply and one compare per lookup, no probing.
struct SeenWords {
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`: the hash's top bits index the slots.
    shift: u32,
}

impl SeenWords {
    /// Room for about `words` distinct words (a power of two between 64 and 16,384 slots).
    fn with_words(words: usize) -> SeenWords {
        let n = words.clamp(64, 16_384).next_power_of_two();
        SeenWords {
            slots: vec![0; n],
            shift: 64 - n.trailing_zeros(),
        }
    }

    /// The slot of a word of [`key_hash`] `h`: its top bits.
    #[inline]
    fn slot(&self, h: u32) -> usize {
        (u64::from(h) << 32 >> self.shift) as usize
    }
}

impl<'a> TokenSink<'a> {
    /// The original byte range of the normalised range `r` (see [`Normalized::orig_range`]),
    /// searching the map forward from the cursor (tokens come in text order).
    fn orig_of(&mut self, r: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let Some(map) = &self.norm.map else {
            return r.clone();
        };
        let mut i = self.cursor;
        while i < map.len() && (map[i].norm as usize) < r.start {
            i += 1;
        }
        let s = i;
        while i < map.len() && (map[i].norm as usize) < r.end {
            i += 1;
        }
        self.cursor = i;
        self.norm.range_of_entries(map, s, i)
    }

    fn gap_char(&mut self, c: char) {
        // A space, most of these characters, opens the least gap and is no pictograph.
        if c == ' ' {
            return;
        }
        self.gap = self.gap.max(gap_of(c));
        self.pictograph |= is_pictograph(c);
    }

    fn word(&mut self, start: usize, w: &'a str) {
        self.word_as(start, w, None, false);
    }

    /// A word token; its keys are those of `spelled` when given (a look-alike spelling such as
    /// `th@ng`), else of `w`. `plain`: every character of `w` is an ASCII letter or digit or a
    /// precomposed Latin letter ([`Class::Plain`]).
    fn word_as(&mut self, start: usize, w: &'a str, spelled: Option<&str>, plain: bool) {
        let norm_range = start..start + w.len();
        let orig = self.orig_of(&norm_range);
        // A plain word written as it reads normalised has no capital: its characters are their
        // own lower case, and no plain character that is its own lower case is upper case
        // (`plain_lower_case_is_not_upper`). Most words take this test instead of the scan.
        let (upper, capitalized) =
            if plain && self.original.as_bytes().get(orig.clone()) == Some(w.as_bytes()) {
                (false, false)
            } else {
                letter_case(self.original.get(orig.clone()).unwrap_or(""))
            };
        // Plain ASCII words are keyed faster than they are looked up; others are keyed once
        // per text.
        // The slot of a non-ASCII word read as written, and the earlier token of that word.
        let word_hash = (spelled.is_none() && !w.is_ascii()).then(|| key_hash(w));
        let slot = word_hash.map(|h| self.seen.slot(h));
        let seen = slot.and_then(|k| {
            let i = (self.seen.slots[k] as usize).checked_sub(1)?;
            let t = self.out.get(i)?;
            (self.norm.text.as_bytes().get(t.norm.clone()) == Some(w.as_bytes())).then_some(i)
        });
        let (key, fold, marked, dodged, letters, key_h, fold_h) = match (spelled, seen) {
            (Some(sp), _) => {
                let (k, f, m, _) = make_keys(sp);
                let l = all_letters(&k);
                let (kh, fh) = (key_hash(&k), key_hash(&f));
                (k, f, m, true, l, kh, fh)
            }
            (None, Some(i)) => {
                let t = &self.out[i];
                (
                    t.key.clone(),
                    t.fold.clone(),
                    t.marked,
                    t.dodged,
                    t.letters,
                    t.key_hash,
                    t.fold_hash,
                )
            }
            (None, None) => {
                if let (Some(k), Ok(i)) = (slot, u32::try_from(self.out.len() + 1)) {
                    self.seen.slots[k] = i;
                }
                let ((k, f, m, d), written) = make_keys_as(w);
                // A word keyed as written is its key: all letters unless it has a digit, and
                // the hash of the word is the key's.
                let (l, kh) = if written {
                    let kh = word_hash.unwrap_or_else(|| key_hash(&k));
                    (!w.bytes().any(|b| b.is_ascii_digit()), kh)
                } else {
                    (all_letters(&k), key_hash(&k))
                };
                // A word without diacritics is its own fold: keyed as written, an unmarked word
                // is all ASCII (any other letter of the tone tables marks it), so its fold is
                // its key without a comparison.
                let fh = if !m && (written || f == k) {
                    kh
                } else {
                    key_hash(&f)
                };
                (k, f, m, d, l, kh, fh)
            }
        };
        self.out.push(Token {
            norm: norm_range,
            orig,
            numeric: w.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && w.bytes().all(|c| c.is_ascii_digit()),
            letters,
            key,
            fold,
            marked,
            upper,
            capitalized,
            gap: emoji_gap(self.gap, self.pictograph, capitalized && !upper),
            dodged,
            key_hash: key_h,
            fold_hash: fold_h,
        });
        self.gap = Gap::Space;
        self.pictograph = false;
    }

    /// One UAX #29 segment found by `unicode-segmentation`.
    fn segment(&mut self, start: usize, w: &'a str) {
        if w.chars().any(is_letter_or_digit) {
            if let Some(c) = label_colon(self.norm, self.original, start, w) {
                self.word(start, &w[..c]);
                self.gap_char(char::from(w.as_bytes()[c]));
                self.word(start + c + 1, &w[c + 1..]);
                return;
            }
            self.word(start, w);
        } else {
            for c in w.chars() {
                self.gap_char(c);
            }
        }
    }

    /// The one word `chunk[w]` of a chunk starting at `start`, with punctuation on both sides
    /// (see [`TokenSink::word_as`] for `spelled`).
    fn edged_word(
        &mut self,
        start: usize,
        chunk: &'a str,
        w: std::ops::Range<usize>,
        spelled: Option<&str>,
    ) {
        for c in chunk[..w.start].chars() {
            self.gap_char(c);
        }
        // The fast path's run is plain; a look-alike spelling holds symbols.
        let plain = spelled.is_none();
        self.word_as(start + w.start, &chunk[w.clone()], spelled, plain);
        for c in chunk[w.end..].chars() {
            self.gap_char(c);
        }
    }

    /// A chunk of the normalised text between whitespace (`start` is its byte offset), of the
    /// `shape` [`tokenize`] read.
    fn chunk(&mut self, start: usize, chunk: &'a str, shape: ChunkShape) {
        // Fast path: edge punctuation, one run of plain letters/digits, edge punctuation. Its
        // only UAX #29 word is the run (nothing at an edge joins it).
        match shape {
            ChunkShape::Word(a, b) => {
                self.edged_word(start, chunk, a..b, None);
                return;
            }
            ChunkShape::Edges => {
                for c in chunk.chars() {
                    self.gap_char(c);
                }
                return;
            }
            ChunkShape::Other => {}
        }
        if let Some((s, e, spelled)) = look_alike_word(chunk) {
            self.edged_word(start, chunk, s..e, Some(&spelled));
            return;
        }
        for (i, w) in chunk.split_word_bound_indices() {
            self.segment(start + i, w);
        }
    }
}

/// Whether the letters of `s` are all upper case (false when it has none), and whether its
/// first letter is. ASCII bytes are read as bytes; other characters through [`is_letter`] and
/// [`tone::is_upper`].
#[inline]
fn letter_case(s: &str) -> (bool, bool) {
    let b = s.as_bytes();
    let (mut letters, mut all_up, mut first_up) = (false, true, false);
    let mut i = 0;
    while i < b.len() {
        let (letter, up, len) = if b[i].is_ascii() {
            (b[i].is_ascii_alphabetic(), b[i].is_ascii_uppercase(), 1)
        } else {
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let letter = is_letter(c);
            (letter, letter && tone::is_upper(c), c.len_utf8())
        };
        if letter {
            if !letters {
                first_up = up;
                letters = true;
            }
            all_up &= up;
        }
        i += len;
    }
    (letters && all_up, first_up)
}

/// A word spelled with symbols standing for letters (`th@ng`, `d!t`, `ngu$`… `@` for `a`, `!`
/// for `i`, `$` for `s`), in a whitespace-delimited chunk: returns its byte range in the chunk
/// (edge punctuation excluded) and the word with the letters put back. Each symbol must stand
/// between runs of one or two letters, in a word of three to six characters; anything else in
/// the chunk (digits, other punctuation, an e-mail's dot) rules the chunk out. `None` for every
/// other chunk.
pub fn look_alike_word(chunk: &str) -> Option<(usize, usize, String)> {
    let letter_for = |c: char| match c {
        '@' => Some('a'),
        '!' => Some('i'),
        '$' => Some('s'),
        _ => None,
    };
    let is_plain_letter = |c: char| c.is_ascii_alphabetic() || tone::is_precomposed_latin(c);
    let s = chunk.find(|c: char| !is_edge_punct(c) || letter_for(c).is_some())?;
    let core = chunk[s..].trim_end_matches(|c: char| is_edge_punct(c) && letter_for(c).is_none());
    let e = s + core.len();
    let chars: Vec<char> = core.chars().collect();
    let mut symbols = 0;
    let mut out = String::with_capacity(core.len());
    let run = |from: usize, step: isize| {
        let mut n = 0;
        let mut k = from as isize;
        while k >= 0 && (k as usize) < chars.len() && is_plain_letter(chars[k as usize]) {
            n += 1;
            k += step;
        }
        n
    };
    for (i, &c) in chars.iter().enumerate() {
        if is_plain_letter(c) {
            out.push(c);
            continue;
        }
        let l = letter_for(c)?;
        // One or two letters on each side: a masked syllable (`th@ng`, `d!t`), not two words
        // run together after a full stop or an @-mention (`nó!nhà`, `ngu@dừa`).
        let before = if i > 0 { run(i - 1, -1) } else { 0 };
        let after = run(i + 1, 1);
        if !(1..=2).contains(&before) || !(1..=2).contains(&after) {
            return None;
        }
        symbols += 1;
        out.push(l);
    }
    (symbols > 0 && (3..=6).contains(&chars.len())).then_some((s, e, out))
}

/// Splits the normalised view into word tokens at UAX #29 word boundaries. Text between
/// whitespace that is one run of ASCII or precomposed Latin letters and digits with
/// punctuation at its edges (almost all Vietnamese text) is cut directly; any other chunk
/// goes through `unicode-segmentation`. Empty input gives no tokens.
pub fn tokenize(norm: &Normalized, original: &str) -> Vec<Token> {
    let mut sink = TokenSink {
        norm,
        original,
        out: Vec::with_capacity(norm.text.len() / 5 + 1),
        gap: Gap::Space,
        pictograph: false,
        cursor: 0,
        seen: SeenWords::with_words(norm.text.len() / 4),
    };
    let text = norm.text.as_str();
    let bytes = text.as_bytes();
    // One pass cuts the chunks between whitespace and reads each chunk's shape for the fast
    // path of [`TokenSink::chunk`]: edge punctuation, one run of plain letters and digits,
    // edge punctuation.
    let mut chunk_start: Option<usize> = None;
    let mut shape = Shape::Lead;
    let mut i = 0;
    while i < bytes.len() {
        let x = bytes[i];
        let (c, len, class) = if x.is_ascii() {
            (char::from(x), 1, ASCII_CLASS[usize::from(x)])
        } else {
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let class = if tone::is_precomposed_latin(c) {
                Class::Plain
            } else if c.is_whitespace() {
                Class::Space
            } else if is_edge_punct(c) {
                Class::Edge
            } else {
                Class::Other
            };
            (c, c.len_utf8(), class)
        };
        if class == Class::Space {
            if let Some(s) = chunk_start.take() {
                sink.chunk(s, &text[s..i], shape.finish(i - s));
            }
            sink.gap_char(c);
        } else {
            let s = *chunk_start.get_or_insert_with(|| {
                shape = Shape::Lead;
                i
            });
            shape = shape.next(i - s, class);
            if let Shape::Word(_) = shape {
                // Inside the plain run: the shape stays `Word` until a character that is not
                // plain, so skip the rest of the run at once.
                i = plain_run_end(bytes, i + len);
                continue;
            }
        }
        i += len;
    }
    if let Some(s) = chunk_start {
        sink.chunk(s, &text[s..], shape.finish(text.len() - s));
    }
    sink.out
}

/// The end of the run of [`Class::Plain`] characters (ASCII letters and digits, precomposed
/// Latin letters) of the UTF-8 text `bytes` from byte `i` (a character boundary). Reads the
/// bytes directly: U+00C0–U+024F (but `×` and `÷`) are two bytes led by 0xC3–0xC9, and
/// U+1EA0–U+1EF9 three bytes led by 0xE1.
#[inline]
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        match latin_len(bytes, i) {
            0 => break,
            n => i += n,
        }
    }
    i
}

/// The UTF-8 length of the precomposed Latin letter ([`tone::is_precomposed_latin`]) at byte
/// `i` of the UTF-8 text `bytes` (a character boundary), or 0 when another character (or
/// none) is there.
#[inline]
fn latin_len(bytes: &[u8], i: usize) -> usize {
    match *bytes.get(i..).unwrap_or_default() {
        [b @ 0xC3..=0xC9, b1, ..] => {
            let cp = (u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F);
            if (0xC0..=0x24F).contains(&cp) && cp != 0xD7 && cp != 0xF7 {
                2
            } else {
                0
            }
        }
        [0xE1, b1, b2, ..] => {
            let cp = 0x1000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            if (0x1EA0..=0x1EF9).contains(&cp) {
                3
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// `k.chars().all(is_letter)`, reading ASCII and precomposed Latin letters as bytes.
#[inline]
fn all_letters(k: &str) -> bool {
    let b = k.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x.is_ascii() {
            if !x.is_ascii_alphabetic() {
                return false;
            }
            i += 1;
            continue;
        }
        match latin_len(b, i) {
            0 => return k.get(i..).is_some_and(|r| r.chars().all(is_letter)),
            n => i += n,
        }
    }
    true
}

/// How much of a chunk [`tokenize`] has read matches the fast path of [`TokenSink::chunk`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Edge punctuation only, so far.
    Lead,
    /// Edge punctuation, then plain letters and digits from this byte offset of the chunk.
    Word(usize),
    /// Edge punctuation, the plain run `.0..1`, then edge punctuation.
    Trail(usize, usize),
    /// Anything else.
    Other,
}

/// What a whole chunk is, for [`TokenSink::chunk`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChunkShape {
    /// Edge punctuation only.
    Edges,
    /// Edge punctuation around the one plain run at this byte range of the chunk.
    Word(usize, usize),
    /// Anything else.
    Other,
}

/// What a character is to [`tokenize`]'s scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter or digit that UAX #29 joins with its neighbours of the same kind (ALetter or
    /// Numeric): ASCII letters and digits and the precomposed Latin letters.
    Plain,
    /// [`is_edge_punct`].
    Edge,
    /// `char::is_whitespace`.
    Space,
    /// Anything else.
    Other,
}

/// [`Class`] of every ASCII character.
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let x = b as u8;
        t[b] = if x.is_ascii_alphanumeric() {
            Class::Plain
        } else if matches!(x, b'\t'..=b'\r' | b' ') {
            Class::Space
        } else if x.is_ascii_punctuation() && x != b'_' {
            Class::Edge
        } else {
            Class::Other
        };
        b += 1;
    }
    t
};

impl Shape {
    /// After a character of `class` at byte `at` of the chunk.
    #[inline]
    fn next(self, at: usize, class: Class) -> Shape {
        match (self, class) {
            (Shape::Lead, Class::Plain) => Shape::Word(at),
            (Shape::Lead, Class::Edge) => Shape::Lead,
            (Shape::Word(a), Class::Plain) => Shape::Word(a),
            (Shape::Word(a), Class::Edge) => Shape::Trail(a, at),
            (Shape::Trail(a, b), Class::Edge) => Shape::Trail(a, b),
            _ => Shape::Other,
        }
    }

    /// The shape of a chunk of `len` bytes read to its end.
    fn finish(self, len: usize) -> ChunkShape {
        match self {
            Shape::Lead => ChunkShape::Edges,
            Shape::Word(a) => ChunkShape::Word(a, len),
            Shape::Trail(a, b) => ChunkShape::Word(a, b),
            Shape::Other => ChunkShape::Other,
        }
    }
}

/// Where a UAX #29 word (`w`, normalised, starting at byte `start` of `norm`) holds a colon or
/// a full stop typed without the space after it ("Tuyệt mật:Danh sách", "tài liệu mật.Không
/// được …" give the words `mật:danh`, `mật.không`): the byte offset in `w` of the first `:` or
/// `.` with two letters or more on each side, all letters, and a capital after it in the
/// caller's `original` text; before a full stop, a lower-case letter too (`TP.HCM` is a name).
/// `None` for a dodge (`đ:m`, `đ.m`), a time (`10:30`) or a name with a colon pushed in
/// (`Ngu:yễn`).
fn label_colon(norm: &Normalized, original: &str, start: usize, w: &str) -> Option<usize> {
    let c = w.find([':', '.'])?;
    let (a, b) = (&w[..c], &w[c + 1..]);
    let word_before = || {
        w.as_bytes()[c] == b':' || {
            let at = norm.orig_range(start..start + c);
            original
                .get(at)
                .is_some_and(|s| s.chars().any(|x| is_letter(x) && !tone::is_upper(x)))
        }
    };
    let capital_after = || {
        let at = norm.orig_range(start + c + 1..start + c + 2);
        original
            .get(at.start..)
            .and_then(|r| r.chars().next())
            .is_some_and(tone::is_upper)
    };
    (a.chars().count() >= 2
        && b.chars().count() >= 2
        && a.chars().chain(b.chars()).all(is_letter)
        && capital_after()
        && word_before())
    .then_some(c)
}

/// Builds `(key, fold, marked, dodged)` for one normalised word (see [`Token`]). Words of
/// ASCII and precomposed Latin letters (no combining marks) are keyed through the tone tables
/// in a stack buffer; others take a slower general path (`make_keys_slow`).
pub fn make_keys(w: &str) -> (CompactString, CompactString, bool, bool) {
    make_keys_as(w).0
}

/// [`make_keys`], and whether the word was keyed as written (its key is the word itself, all
/// ASCII letters and digits and letters of the tone tables).
fn make_keys_as(w: &str) -> ((CompactString, CompactString, bool, bool), bool) {
    // Plain ASCII letters and digits without a stretched run: the word is its own key.
    let b = w.as_bytes();
    if b.iter().all(u8::is_ascii_alphanumeric)
        && !b
            .windows(3)
            .enumerate()
            .any(|(i, x)| i > 0 && x[0] == x[1] && x[1] == x[2] && x[0].is_ascii_alphabetic())
        && !matches!(b, [_, .., x, y] if x == y && matches!(y, b'a' | b'e' | b'i' | b'y'))
    {
        let k = CompactString::from(w);
        return ((k.clone(), k, false, false), true);
    }
    if let Some(keys) = keys_as_written(w) {
        return (keys, true);
    }
    let mut letters: SmallVec<[char; 24]> = SmallVec::new();
    let mut tone_mark = None;
    let mut dodged = false;
    for c in w.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                letters.push(c);
            } else {
                dodged = true;
            }
        } else if let Some(l) = tone::letter(c) {
            letters.push(l.toneless);
            if l.tone.is_some() {
                tone_mark = l.tone;
            }
        } else if is_letter_or_digit(c) || canonical_combining_class(c) != 0 {
            // Other scripts and stray marks: the general path.
            return (make_keys_slow(w), false);
        } else {
            dodged = true;
        }
    }
    // Collapse stretched letters (see [`collapse_stretch`]).
    let before = letters.len();
    collapse_stretch_chars(&mut letters);
    if letters.len() != before {
        dodged = true;
    }
    let pos = tone_mark.and_then(|_| tone::tone_position(&letters));
    let mut key: SmallVec<[u8; 64]> = SmallVec::new();
    let mut fold: SmallVec<[u8; 32]> = SmallVec::new();
    let mut marked = tone_mark.is_some();
    let mut utf8 = [0u8; 4];
    for (i, &c) in letters.iter().enumerate() {
        if c.is_ascii() && pos != Some(i) {
            fold.push(c as u8);
            key.push(c as u8);
            continue;
        }
        let f = tone::letter(c).map_or(c, |l| l.fold);
        marked |= f != c;
        fold.extend_from_slice(f.encode_utf8(&mut utf8).as_bytes());
        let k = match (pos, tone_mark) {
            (Some(p), Some(t)) if p == i => tone::compose(c, t),
            _ => Some(c),
        };
        match k {
            Some(k) => key.extend_from_slice(k.encode_utf8(&mut utf8).as_bytes()),
            None => return (make_keys_slow(w), false),
        }
    }
    // Only whole chars were written: the buffers are valid UTF-8.
    let (Ok(key), Ok(fold)) = (std::str::from_utf8(&key), std::str::from_utf8(&fold)) else {
        return (make_keys_slow(w), false);
    };
    ((key.into(), fold.into(), marked, dodged), false)
}

/// Most letters a word may have for [`keys_as_written`].
const AS_WRITTEN_MAX: usize = 24;

/// [`make_keys`] of the commonest word: letters and digits only (ASCII or in the tone tables),
/// nothing stretched (no run of three, no doubled final `a`, `e`, `i` or `y`), at most one
/// letter with a tone and that one on its canonical vowel. Its key is then the word itself,
/// so only the folded key is built. `None` for every other word (the general path decides).
///
/// Reads the word's bytes (the tone tables' letters are two or three bytes, see
/// [`latin_len`]) and finds the canonical vowel on bit masks of its vowels
/// ([`tone_position_of`]).
fn keys_as_written(w: &str) -> Option<(CompactString, CompactString, bool, bool)> {
    let b = w.as_bytes();
    let mut toneless = ['\0'; AS_WRITTEN_MAX];
    let mut fold = [0u8; AS_WRITTEN_MAX];
    // Bit `k`: letter `k` is a vowel; a vowel with a quality mark (`ă â ê ô ơ ư`).
    let (mut vowels, mut quality) = (0u32, 0u32);
    let mut n = 0;
    // The toned letter: its index, the letter as written, its tone.
    let mut toned: Option<(usize, char, tone::Tone)> = None;
    let mut marked = false;
    let mut run = 0;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if n == AS_WRITTEN_MAX {
            return None;
        }
        let (t, f) = if x.is_ascii_alphanumeric() {
            i += 1;
            if matches!(x, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') {
                vowels |= 1 << n;
            }
            (char::from(x), x)
        } else {
            let len = latin_len(b, i);
            let c = match len {
                2 => (u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F),
                3 => {
                    (u32::from(x & 0x0F) << 12)
                        | (u32::from(b[i + 1] & 0x3F) << 6)
                        | u32::from(b[i + 2] & 0x3F)
                }
                _ => return None,
            };
            let c = char::from_u32(c)?;
            i += len;
            let l = tone::letter(c)?;
            if let Some(tone) = l.tone {
                if toned.is_some() {
                    return None;
                }
                toned = Some((n, c, tone));
            } else if l.toneless != c {
                return None;
            }
            // The fold of the toneless letter, as [`make_keys`] computes it: the letter's own
            // fold (`letter_fold_is_toneless_fold` checks the tables agree).
            let f = l.fold;
            // Folds of table letters are ASCII letters; anything else takes the general path.
            if !f.is_ascii() {
                return None;
            }
            marked |= f != l.toneless;
            if tone::is_vowel(l.toneless) {
                vowels |= 1 << n;
                if tone::has_quality_mark(l.toneless) {
                    quality |= 1 << n;
                }
            }
            (l.toneless, f as u8)
        };
        run = if n > 0 && toneless[n - 1] == t {
            run + 1
        } else {
            1
        };
        if run >= 3 {
            return None;
        }
        toneless[n] = t;
        fold[n] = f;
        n += 1;
    }
    if n >= 2 && run == 2 && matches!(toneless[n - 1], 'a' | 'e' | 'i' | 'y') {
        return None;
    }
    let letters = &toneless[..n];
    if let Some((i, c, t)) = toned {
        if tone_position_of(letters, vowels, quality) != Some(i)
            || tone::compose(letters[i], t) != Some(c)
        {
            return None;
        }
        marked = true;
    }
    let fold = std::str::from_utf8(&fold[..n]).ok()?;
    Some((
        CompactString::from(w),
        CompactString::from(fold),
        marked,
        false,
    ))
}

/// [`tone::tone_position`] of `letters` (at most 32) given the bit masks of its vowels and of
/// its vowels with a quality mark (bit `k` for `letters[k]`), as [`keys_as_written`] reads
/// them (`tone_position_of_agrees` checks it against the char version).
#[inline]
fn tone_position_of(letters: &[char], vowels: u32, quality: u32) -> Option<usize> {
    if vowels == 0 {
        return None;
    }
    let n = letters.len();
    let mut start = vowels.trailing_zeros() as usize;
    // `qu` and `gi` onsets: the u / i belongs to the onset when another vowel follows.
    if start == 1
        && n > 2
        && vowels & 0b100 != 0
        && matches!((letters[0], letters[1]), ('q', 'u') | ('g', 'i'))
    {
        start = 2;
    }
    let end = (start + (!(vowels >> start)).trailing_zeros() as usize).min(n);
    let cluster = ((1u32 << (end - start)) - 1) << start;
    let q = quality & cluster;
    if q != 0 {
        return Some(31 - q.leading_zeros() as usize);
    }
    let len = end - start;
    Some(
        start
            + match len {
                1 => 0,
                _ if end < n => len - 1,
                2 => match (letters[start], letters[start + 1]) {
                    ('o', 'a') | ('o', 'e') | ('u', 'y') => 1,
                    _ => 0,
                },
                3 => 1,
                len => len / 2,
            },
    )
}

/// [`make_keys`] through NFD/NFC, for words with combining marks or letters outside the
/// precomposed Latin ranges.
fn make_keys_slow(w: &str) -> (CompactString, CompactString, bool, bool) {
    let mut dodged = false;
    let cleaned: String = w
        .chars()
        .filter(|&c| {
            let keep = is_letter_or_digit(c) || canonical_combining_class(c) != 0;
            if !keep {
                dodged = true;
            }
            keep
        })
        .collect();
    let (base, t) = tone::split(&cleaned);
    let collapsed = collapse_stretch(&base);
    if collapsed.chars().count() != base.chars().count() {
        dodged = true;
    }
    let key = tone::canonical(&collapsed, t);
    let fold = tone::fold(&collapsed);
    let marked = t.is_some() || collapsed != fold;
    (key.into(), fold.into(), marked, dodged)
}

/// [`collapse_stretch`] in place on a char buffer (the one implementation of the rule).
fn collapse_stretch_chars(chars: &mut SmallVec<[char; 24]>) {
    let mut out = 0;
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        let mut j = i + 1;
        while j < n && chars[j] == c {
            j += 1;
        }
        let run = j - i;
        // A run at the very start is an abbreviation ("cccd", "ccc"), not a stretched word.
        // A doubled final a, e, i or y is stretched too (`đii`, `nhéé`): no Vietnamese
        // syllable ends so. `uu` is kept (`luu`, `nguu` are `lưu`, `ngưu` without the horn), as
        // are `oo` (`xoong`) and doubled consonants (`dmm`, `cmm`).
        let stretched_pair = run == 2 && j == n && i > 0 && matches!(c, 'a' | 'e' | 'i' | 'y');
        let keep = if (run >= 3 && i > 0 && is_letter(c)) || stretched_pair {
            1
        } else {
            run
        };
        for _ in 0..keep {
            chars[out] = c;
            out += 1;
        }
        i = j;
    }
    chars.truncate(out);
}

/// Collapses runs of three or more of the same letter to one (`nguuuu` → `ngu`), and a doubled
/// final `a`, `e`, `i` or `y` (`đii` → `đi`); digits, other pairs (`xoong`, `luu`, `dmm`,
/// `2000`) and a run that opens the word (`cccd`) are kept.
pub fn collapse_stretch(s: &str) -> String {
    let mut chars: SmallVec<[char; 24]> = s.chars().collect();
    collapse_stretch_chars(&mut chars);
    chars.into_iter().collect()
}

/// How a text is written, for the accent policy (see [`is_unaccented`]).
/// Returns (words carrying a diacritic, words), where words are the tokens that are not
/// numbers and whose keys are all letters.
pub fn marked_share(tokens: &[Token]) -> (usize, usize) {
    let (mut marked, mut words) = (0, 0);
    for t in tokens.iter().filter(|t| !t.numeric && t.letters) {
        words += 1;
        marked += usize::from(t.marked);
    }
    (marked, words)
}

/// How a text is written, for matching: [`Accents::Full`] texts are matched on their exact
/// syllables only; [`Accents::Mixed`] and [`Accents::None`] texts also match unmarked syllables
/// against the folded lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accents {
    /// At least half of the words carry diacritics: an unmarked word means what it says.
    Full,
    /// Some words carry diacritics, some were typed without.
    Mixed,
    /// Written without diacritics (see [`is_unaccented`]).
    None,
}

/// The accent class of a text (see [`Accents`]). Text with no words counts as [`Accents::Full`].
pub fn accents(tokens: &[Token]) -> Accents {
    let (marked, words) = marked_share(tokens);
    if words == 0 || marked * 2 >= words {
        Accents::Full
    } else if marked * 8 < words {
        Accents::None
    } else {
        Accents::Mixed
    }
}

/// The accent policy: a text is treated as written without diacritics when fewer than one in
/// eight of its words carries one. Vietnamese written with diacritics marks well over half of
/// its syllables; English, teencode and unaccented Vietnamese mark almost none.
pub fn is_unaccented(tokens: &[Token]) -> bool {
    let (marked, words) = marked_share(tokens);
    words > 0 && marked * 8 < words
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn keys(s: &str) -> Vec<String> {
        let n = Normalized::new(s);
        tokenize(&n, s)
            .into_iter()
            .map(|t| t.key.to_string())
            .collect()
    }

    /// The full-width and mathematical forms fold as the library's NFKC folded them: every
    /// character of the two ranges, and every other character is left to the other folds.
    #[test]
    fn width_and_math_forms_fold_as_nfkc() {
        let by_library = |c: char| {
            let mut it = std::iter::once(c).nfkc();
            match (it.next(), it.next()) {
                (Some(d), None) => d.to_lowercase().next().unwrap_or(d),
                _ => c,
            }
        };
        for c in ('\u{FF01}'..='\u{FF5E}').chain('\u{1D400}'..='\u{1D7FF}') {
            assert_eq!(fold_confusable(c), by_library(c), "U+{:04X}", u32::from(c));
        }
        assert_eq!(fold_confusable('Ａ'), 'a');
        assert_eq!(fold_confusable('𝐍'), 'n');
        assert_eq!(fold_confusable('ﬁ'), 'ﬁ');
    }

    #[test]
    fn nfd_input_matches_nfc() {
        let nfd: String = "Lưu hành nội bộ".nfd().collect();
        assert_eq!(keys(&nfd), keys("Lưu hành nội bộ"));
        assert_eq!(keys("Lưu hành nội bộ"), ["lưu", "hành", "nội", "bộ"]);
    }

    #[test]
    fn old_tone_placement_is_canonical() {
        assert_eq!(keys("hoà thuý HOẢ"), keys("hòa thúy HỎA"));
        assert_eq!(keys("quý già"), ["quý", "già"]);
    }

    #[test]
    fn zero_width_inside_a_word_is_dropped_and_offsets_hold() {
        let s = "Thằng n\u{200B}gu";
        let n = Normalized::new(s);
        let t = tokenize(&n, s);
        assert_eq!(t[1].key, "ngu");
        assert_eq!(&s[t[1].orig.clone()], "n\u{200B}gu");
    }

    #[test]
    fn cyrillic_lookalike_folds_to_latin() {
        assert_eq!(keys("ngу"), ["ngu"]);
        assert_eq!(keys("ТНẰNG"), keys("thằng"));
    }

    #[test]
    fn emoji_before_a_word_shifts_no_offset() {
        let s = "😀👍🏽 ngu";
        let n = Normalized::new(s);
        let t = tokenize(&n, s);
        assert_eq!(&s[t.last().map(|t| t.orig.clone()).unwrap_or(0..0)], "ngu");
    }

    #[test]
    fn dodges_collapse() {
        assert_eq!(keys("nguuuuu đ.m cccd"), ["ngu", "đm", "cccd"]);
        let s = "Đ.m";
        let n = Normalized::new(s);
        let t = tokenize(&n, s);
        assert!(t[0].dodged && t[0].capitalized && !t[0].upper);
    }

    #[test]
    fn folded_key_drops_every_mark() {
        let n = Normalized::new("Đường");
        let t = tokenize(&n, "Đường");
        assert_eq!(t[0].fold, "duong");
        assert!(t[0].marked);
    }

    #[test]
    fn stacked_marks_do_not_break_the_map() {
        let s = format!("a{}b ngu", "\u{301}".repeat(50));
        let n = Normalized::new(&s);
        let t = tokenize(&n, &s);
        let last = t.last().map(|t| t.orig.clone()).unwrap_or(0..0);
        assert_eq!(&s[last], "ngu");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The fast paths of `Normalized::new` give the view and offset map of the general
        /// per-segment path.
        #[test]
        fn normalized_fast_paths_agree(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "ngu", "Người", "HOÀ", "hòa", "thuý", "Đ", "İ", "ß", "ǘ", "Ⱥ", "ǅ", "a", "Z", "1",
                "e\u{301}", "\u{301}", "\u{323}", "\u{200B}", "\u{AD}", " ", "\n", "\t", "\u{A0}",
                "😀", "\u{FE0F}", "ｎｇｕ", "ТНẰNG", "ά", "中文", "Ư", "ươ", ".", "“", "\u{2028}",
            ]),
            0..24,
        )) {
            let s: String = parts.concat();
            let fast = Normalized::new(&s);
            let general = Normalized::build(&s, false);
            proptest::prop_assert_eq!(&fast.text, &general.text);
            proptest::prop_assert_eq!(&fast.map, &general.map);
            proptest::prop_assert_eq!(fast.orig_len, general.orig_len);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// A word keyed as written gets the keys of the general path (NFD/NFC).
        #[test]
        fn keys_as_written_agree(chars in proptest::collection::vec(
            proptest::sample::select(
                "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ\
                 bcdđghklmnpqrstvx019ǹßüñȁ"
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<Vec<char>>(),
            ),
            1..9,
        )) {
            let w: String = chars.into_iter().collect();
            if let Some(k) = keys_as_written(&w) {
                proptest::prop_assert_eq!(&k, &make_keys_slow(&w));
            }
            proptest::prop_assert_eq!(make_keys(&w), make_keys_slow(&w));
            // What [`TokenSink::word_as`] takes for granted: an unmarked word keyed as written
            // is its own fold.
            let ((k, f, m, _), written) = make_keys_as(&w);
            proptest::prop_assert!(m || !written || k == f);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// The bit-mask tone position of [`keys_as_written`] is [`tone::tone_position`].
        #[test]
        fn tone_position_of_agrees(chars in proptest::collection::vec(
            proptest::sample::select(
                "aăâeêioôơuưyAÂbdđgqhnmtckl1"
                    .chars()
                    .collect::<Vec<char>>(),
            ),
            0..12,
        )) {
            let (mut vowels, mut quality) = (0u32, 0u32);
            for (k, &c) in chars.iter().enumerate() {
                if tone::is_vowel(c) {
                    vowels |= 1 << k;
                }
                if tone::has_quality_mark(c) {
                    quality |= 1 << k;
                }
            }
            proptest::prop_assert_eq!(
                tone_position_of(&chars, vowels, quality),
                tone::tone_position(&chars)
            );
        }
    }

    /// Every token carries the hashes of its keys, whether keyed, taken from an earlier token
    /// of the same word, or spelled with symbols.
    #[test]
    fn tokens_carry_their_key_hashes() {
        let s = "Hoà hòa HOÀ ngu ngu th@ng đ.m nguuuu Đường đường 2000 x2 tuyệt mật ЅΑ ｎｇｕ";
        let n = Normalized::new(s);
        let toks = tokenize(&n, s);
        assert!(toks.len() > 10);
        for t in &toks {
            assert_eq!(t.key_hash, key_hash(&t.key), "{}", t.key);
            assert_eq!(t.fold_hash, key_hash(&t.fold), "{}", t.fold);
        }
    }

    /// The shortcut of [`TokenSink::word_as`]: a plain character that is its own lower case
    /// is not upper case (`İ` never reaches the normalised view: its lower case is two
    /// characters).
    #[test]
    fn plain_lower_case_is_not_upper() {
        for c in ('\u{C0}'..='\u{24F}').chain('\u{1EA0}'..='\u{1EF9}') {
            if tone::is_precomposed_latin(c) && c != '\u{130}' && tone::lower_latin(c) == c {
                assert!(
                    !tone::is_upper(c) && !c.is_uppercase(),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    /// [`keys_as_written`] folds a letter through its own table entry: the same fold as its
    /// toneless letter's.
    #[test]
    fn letter_fold_is_toneless_fold() {
        for c in ('\u{C0}'..='\u{24F}').chain('\u{1EA0}'..='\u{1EF9}') {
            if let Some(l) = tone::letter(c) {
                let f = tone::letter(l.toneless).map_or(l.toneless, |x| x.fold);
                assert_eq!(l.fold, f, "U+{:04X}", u32::from(c));
            }
        }
    }

    /// [`is_letter`] and [`is_letter_or_digit`] are `char::is_alphabetic` and
    /// `char::is_alphanumeric` (the rules and the link finder use them in their place).
    #[test]
    fn letter_tests_are_the_library_ones() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", u32::from(c));
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    /// [`all_letters`] is `chars().all(is_letter)`.
    #[test]
    fn all_letters_agrees_with_is_letter() {
        for c in (0u32..0x2100)
            .chain(0x1E00..0x1F10)
            .filter_map(char::from_u32)
        {
            for s in [format!("a{c}b"), format!("{c}"), format!("{c}ử")] {
                assert_eq!(
                    all_letters(&s),
                    s.chars().all(is_letter),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
        assert!(all_letters(""));
    }

    /// [`plain_run_end`] stops exactly where the characters stop being plain.
    #[test]
    fn plain_run_end_agrees_with_the_classes() {
        let plain = |c: char| c.is_ascii_alphanumeric() || tone::is_precomposed_latin(c);
        for c in (0u32..0x2100)
            .chain(0x1E00..0x1F10)
            .filter_map(char::from_u32)
        {
            let s = format!("a{c}b");
            let end = plain_run_end(s.as_bytes(), 0);
            let want = if plain(c) { s.len() } else { 1 };
            assert_eq!(end, want, "U+{:04X}", u32::from(c));
        }
    }

    /// [`lower_latin_len`] takes exactly the letters the general path of `identity_span`
    /// keeps as they are (precomposed Latin, their own lower case) in its two blocks, and
    /// gives their UTF-8 length.
    #[test]
    fn lower_letters_from_bytes() {
        for cp in (0x80..=0x2FF_u32).chain(0x1E00..=0x1FFF) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let in_blocks = (0xE0..=0xFF).contains(&cp) || (0x1EA0..=0x1EF9).contains(&cp);
            let kept = tone::is_precomposed_latin(c) && tone::lower_latin(c) == c;
            let expected = (in_blocks && kept).then_some(c.len_utf8());
            assert_eq!(lower_latin_len(bytes, 0), expected, "{c}");
        }
        // Cut off before its last byte: no letter.
        assert_eq!(lower_latin_len(&"ạ".as_bytes()[..2], 0), None);
    }

    #[test]
    fn full_width_folds() {
        assert_eq!(keys("ｎｇｕ"), ["ngu"]);
    }

    /// The tokenizer before its fast paths: UAX #29 over the whole text, every key through
    /// NFD/NFC.
    fn reference_tokens(norm: &Normalized, original: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut gap = Gap::Space;
        let mut pictograph = false;
        let words = norm.text.split_word_bound_indices().flat_map(|(start, w)| {
            match label_colon(norm, original, start, w) {
                Some(c) => vec![
                    (start, &w[..c]),
                    (start + c, &w[c..c + 1]),
                    (start + c + 1, &w[c + 1..]),
                ],
                None => vec![(start, w)],
            }
        });
        for (start, w) in words {
            if !w.chars().any(is_letter_or_digit) {
                for c in w.chars() {
                    gap = gap.max(gap_of(c));
                    pictograph |= is_pictograph(c);
                }
                continue;
            }
            let orig = norm.orig_range(start..start + w.len());
            let letters: Vec<char> = original[orig.clone()]
                .chars()
                .filter(|&c| is_letter(c))
                .collect();
            let (key, fold, marked, dodged) = make_keys_slow(w);
            let all_letters = key.chars().all(is_letter);
            let (key_hash, fold_hash) = (key_hash(&key), key_hash(&fold));
            out.push(Token {
                key_hash,
                fold_hash,
                letters: all_letters,
                norm: start..start + w.len(),
                orig,
                key,
                fold,
                marked,
                upper: !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()),
                capitalized: letters.first().is_some_and(|c| c.is_uppercase()),
                numeric: w.chars().all(|c| c.is_ascii_digit()),
                gap: emoji_gap(
                    gap,
                    pictograph,
                    letters.first().is_some_and(|c| c.is_uppercase())
                        && !letters.iter().all(|c| c.is_uppercase()),
                ),
                dodged,
            });
            gap = Gap::Space;
            pictograph = false;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The fast paths of `Normalized::new`, `tokenize` and `make_keys` give exactly the
        /// reference tokens, on text mixing Vietnamese, ASCII, punctuation, marks and emoji.
        #[test]
        fn fast_paths_agree_with_reference(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "ngu", "Người", "HOÀ", "hòa", "thuý", "đ.m", "Đ", "nguuuu", "cccd", "quý", "giường",
                "ü", "İ", "ß", "ǘ", "ñ", "1.000", "0912", "a", "e\u{301}", "\u{301}", "\u{323}",
                "\u{200B}", "_", "-", ".", ",", "!", "?", "…", "'", "’", "“", "”", "«", "»", "·",
                ":", "@", "#", "%", " ", "  ", "\n", "\u{A0}", "\u{3000}", "😀", "👍🏽", "\u{FE0F}",
                "ｎｇｕ", "ТНẰNG", "ά", "中文", "x", "Y", "ươ", "\u{2028}", "/", "\u{203F}",
            ]),
            0..24,
        )) {
            let s: String = parts.concat();
            let n = Normalized::new(&s);
            // Look-alike spellings (`th@ng`) are one token on purpose, unlike UAX #29.
            proptest::prop_assume!(n
                .text
                .split(char::is_whitespace)
                .all(|c| look_alike_word(c).is_none()));
            proptest::prop_assert_eq!(tokenize(&n, &s), reference_tokens(&n, &s));
        }
    }

    #[test]
    fn look_alike_spellings() {
        assert_eq!(look_alike_word("th@ng"), Some((0, 5, "thang".to_string())));
        assert_eq!(look_alike_word("\"d!t,"), Some((1, 4, "dit".to_string())));
        assert_eq!(keys("th@ng d!t"), ["thang", "dit"]);
        for not in [
            "user@gmail.com",
            "a@",
            "@abc",
            "hi!",
            "ngu$",
            "1@2",
            "a@@b",
            "",
            "!!",
            "nó!nhà",
            "ngu@dừa",
            "cmn@r",
        ] {
            assert_eq!(look_alike_word(not), None, "{not:?}");
        }
    }

    /// Emoji between words leave them joined (a space), punctuation does not.
    #[test]
    fn emoji_between_words_is_a_space() {
        let s = "Nghe 👂 đồn, sự thật 🤫\u{FE0F} bị 👍🏽che";
        let n = Normalized::new(s);
        let gaps: Vec<Gap> = tokenize(&n, s).iter().map(|t| t.gap).collect();
        assert_eq!(
            gaps,
            [
                Gap::Space,
                Gap::Space,
                Gap::Soft,
                Gap::Space,
                Gap::Space,
                Gap::Space
            ]
        );
    }

    #[test]
    fn accent_policy() {
        let s = "nghe noi sap phong toa toan thanh pho";
        let n = Normalized::new(s);
        assert!(is_unaccented(&tokenize(&n, s)));
        let s = "Nghe nói sắp phong tỏa toàn thành phố";
        let n = Normalized::new(s);
        assert!(!is_unaccented(&tokenize(&n, s)));
        // The engine reads the policy off the accent class.
        for s in [
            "",
            "123 456",
            "nghe noi sap phong toa",
            "nghe nói sap phong toa toan thanh pho",
            "nghe nói sắp phong toa toan thanh pho",
            "Nghe nói sắp phong tỏa",
        ] {
            let n = Normalized::new(s);
            let t = tokenize(&n, s);
            assert_eq!(is_unaccented(&t), accents(&t) == Accents::None, "{s:?}");
        }
    }
}
