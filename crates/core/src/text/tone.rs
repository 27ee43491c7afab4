//! Vietnamese tone marks: splitting them off a syllable, putting them back in one canonical
//! place, and folding every diacritic away.
//!
//! Two spellings of the same syllable differ only in where the tone sits (`hoà`/`hòa`,
//! `thuý`/`thúy`, `HOẢ`/`HỎA`). [`canonical`] puts it on the main vowel by the modern rule:
//! on the vowel with a quality mark (`ơ` of `ươ`, `ê` of `iê`); else on the single vowel;
//! else, with a final consonant, on the last vowel; else on the middle of three vowels, on
//! the second of `oa`/`oe`/`uy`, on the first of other pairs. The `u` of a `qu` onset and the
//! `i` of a `gi` onset (when another vowel follows) are not vowels of the rhyme.

/// What the lookup tables know of one precomposed Latin letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Letter {
    /// The letter without its tone mark (quality marks kept: `ế` → `ê`, `đ` → `đ`).
    pub toneless: char,
    /// Its tone, if it carries one.
    pub tone: Option<Tone>,
    /// The base ASCII letter (every mark dropped, `đ` → `d`).
    pub fold: char,
}

/// First and last code points of the two precomposed Latin ranges the tables cover.
pub(crate) const RANGE_A: (u32, u32) = (0xC0, 0x24F);
pub(crate) const RANGE_B: (u32, u32) = (0x1EA0, 0x1EF9);

/// The toneless lower-case vowels, in the order of [`Tables::compose`]'s rows.
pub(crate) const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// Lookup tables for the precomposed Latin letters (U+00C0–U+024F, U+1EA0–U+1EF9), derived from
/// the Unicode decompositions (`build_tone.rs`) at build time, so that the common case needs no
/// NFD/NFC pass and the engine builds nothing at start-up. Indexed directly by code point (no
/// hashing): this sits on the per-character hot path.
pub(crate) struct Tables {
    /// U+00C0–U+024F: the letter's entry, `None` for non-letters and letters without marks.
    pub(crate) a: &'static [Option<Letter>],
    /// U+1EA0–U+1EF9.
    pub(crate) b: &'static [Option<Letter>],
    /// `compose[v][t]`: lower-case vowel `VOWELS[v]` with tone `t`.
    pub(crate) compose: [[char; 5]; 12],
    /// Lower case of every code point of U+00C0–U+024F then U+1EA0–U+1EF9 (the character
    /// itself when its lower case is not one character).
    pub(crate) lower: &'static [char],
    /// `char::is_uppercase` of every code point of U+00C0–U+024F then U+1EA0–U+1EF9.
    pub(crate) upper: &'static [bool],
}

/// Whether `c` is one of the precomposed Latin letters of the lookup tables (`ế`, `ữ`, `đ` …).
#[inline]
pub fn is_precomposed_latin(c: char) -> bool {
    ('\u{C0}'..='\u{24F}').contains(&c) && c != '\u{D7}' && c != '\u{F7}'
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// The tables: statics in the engine (`src/tone_tables.rs`), built from Unicode in the build
/// script (`build_tone.rs`).
#[inline]
fn tables() -> &'static Tables {
    crate::tone_tables::tables()
}

/// The table entry of a precomposed Latin letter with at least one mark (`ế`, `Ư`, `đ`), or
/// `None` for any other character (ASCII letters included).
#[inline]
pub fn letter(c: char) -> Option<Letter> {
    let u = c as u32;
    if u < RANGE_A.0 {
        None
    } else if u <= RANGE_A.1 {
        tables().a[(u - RANGE_A.0) as usize]
    } else if (RANGE_B.0..=RANGE_B.1).contains(&u) {
        tables().b[(u - RANGE_B.0) as usize]
    } else {
        None
    }
}

/// Lower case of a precomposed Latin letter (see [`is_precomposed_latin`]) whose lower case is
/// one character; any other character is returned as it is.
#[inline]
pub fn lower_latin(c: char) -> char {
    let u = c as u32;
    let a_len = RANGE_A.1 - RANGE_A.0 + 1;
    if (RANGE_A.0..=RANGE_A.1).contains(&u) {
        tables().lower[(u - RANGE_A.0) as usize]
    } else if (RANGE_B.0..=RANGE_B.1).contains(&u) {
        tables().lower[(a_len + u - RANGE_B.0) as usize]
    } else {
        c
    }
}

/// `char::is_uppercase`, through the tables for the precomposed Latin letters (see
/// [`is_precomposed_latin`]).
#[inline]
pub fn is_upper(c: char) -> bool {
    let u = c as u32;
    let a_len = RANGE_A.1 - RANGE_A.0 + 1;
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else if (RANGE_A.0..=RANGE_A.1).contains(&u) {
        tables().upper[(u - RANGE_A.0) as usize]
    } else if (RANGE_B.0..=RANGE_B.1).contains(&u) {
        tables().upper[(a_len + u - RANGE_B.0) as usize]
    } else {
        c.is_uppercase()
    }
}

/// The lower-case vowel `v` (toneless) with `tone`, precomposed; `None` when `v` is not one of
/// the twelve Vietnamese vowel letters.
#[inline]
pub fn compose(v: char, tone: Tone) -> Option<char> {
    let row = VOWELS.iter().position(|&x| x == v)?;
    let c = tables().compose[row][tone as usize];
    (c != '\0').then_some(c)
}

/// One of the five Vietnamese tone marks (the level tone has no mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Tone {
    /// Huyền, U+0300.
    Grave,
    /// Sắc, U+0301.
    Acute,
    /// Ngã, U+0303.
    Tilde,
    /// Hỏi, U+0309.
    Hook,
    /// Nặng, U+0323.
    DotBelow,
}

impl Tone {
    /// The five tones, in `repr` order.
    pub const ALL: [Tone; 5] = [
        Tone::Grave,
        Tone::Acute,
        Tone::Tilde,
        Tone::Hook,
        Tone::DotBelow,
    ];

    pub(crate) fn from_mark(c: char) -> Option<Tone> {
        match c {
            '\u{300}' | '\u{340}' => Some(Tone::Grave),
            '\u{301}' | '\u{341}' => Some(Tone::Acute),
            '\u{303}' => Some(Tone::Tilde),
            '\u{309}' => Some(Tone::Hook),
            '\u{323}' => Some(Tone::DotBelow),
            _ => None,
        }
    }

    /// The combining mark of this tone (U+0300, U+0301, U+0303, U+0309 or U+0323).
    pub fn mark(self) -> char {
        match self {
            Tone::Grave => '\u{300}',
            Tone::Acute => '\u{301}',
            Tone::Tilde => '\u{303}',
            Tone::Hook => '\u{309}',
            Tone::DotBelow => '\u{323}',
        }
    }
}

/// Splits `s` (NFC, lower case) into its letters without tone marks (still NFC, quality marks
/// kept: `ư`, `ơ`, `â`…) and the tone (the last one, if several were typed).
pub fn split(s: &str) -> (String, Option<Tone>) {
    if s.is_ascii() {
        return (s.to_string(), None);
    }
    // Fast path: every character is ASCII or a precomposed Latin letter.
    let mut out = String::with_capacity(s.len());
    let mut tone = None;
    let mut fast = true;
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(l) = letter(c) {
            out.push(l.toneless);
            if l.tone.is_some() {
                tone = l.tone;
            }
        } else {
            fast = false;
            break;
        }
    }
    if fast {
        return (out, tone);
    }
    let mut tone = None;
    let mut kept = String::with_capacity(s.len());
    for c in super::nf::nfd(s.chars()) {
        match Tone::from_mark(c) {
            Some(t) => tone = Some(t),
            None => kept.push(c),
        }
    }
    (super::nf::nfc(kept.chars()).into_iter().collect(), tone)
}

/// Whether `c` is one of the twelve toneless lower-case Vietnamese vowel letters.
#[inline]
pub(crate) fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Whether `c` is a toneless lower-case vowel with a quality mark (`ă â ê ô ơ ư`).
#[inline]
pub(crate) fn has_quality_mark(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// Index (in chars) of the vowel that carries the tone in `letters` (toneless, lower case),
/// `None` when there is no vowel.
pub fn tone_position(letters: &[char]) -> Option<usize> {
    let first_vowel = letters.iter().position(|&c| is_vowel(c))?;
    let mut start = first_vowel;
    // `qu` and `gi` onsets: the u / i belongs to the onset when another vowel follows.
    if start == 1 && letters.len() > 2 && is_vowel(letters[2]) {
        let onset_q = letters[0] == 'q' && letters[1] == 'u';
        let onset_g = letters[0] == 'g' && letters[1] == 'i';
        if onset_q || onset_g {
            start = 2;
        }
    }
    let end = letters[start..]
        .iter()
        .position(|&c| !is_vowel(c))
        .map_or(letters.len(), |p| start + p);
    let cluster = &letters[start..end];
    let has_final = end < letters.len();
    if let Some(p) = cluster.iter().rposition(|&c| has_quality_mark(c)) {
        return Some(start + p);
    }
    Some(
        start
            + match cluster.len() {
                1 => 0,
                _ if has_final => cluster.len() - 1,
                2 => match (cluster[0], cluster[1]) {
                    ('o', 'a') | ('o', 'e') | ('u', 'y') => 1,
                    _ => 0,
                },
                3 => 1,
                n => n / 2,
            },
    )
}

/// `letters` (toneless, NFC, lower case) with `tone` on its canonical vowel; `letters` itself
/// when there is no tone or no vowel.
pub fn canonical(letters: &str, tone: Option<Tone>) -> String {
    let Some(t) = tone else {
        return letters.to_string();
    };
    let chars: Vec<char> = letters.chars().collect();
    let Some(pos) = tone_position(&chars) else {
        return letters.to_string();
    };
    let mut out = String::with_capacity(letters.len() + 2);
    for (i, &c) in chars.iter().enumerate() {
        if i == pos {
            match compose(c, t) {
                Some(p) => out.push(p),
                None => out.extend(super::nf::nfc([c, t.mark()])),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `keyed` (a phrase of syllable keys joined by single spaces) with each syllable that ends in a toned `y` after consonants written with
/// `i` instead, and back ("kỳ" ↔ "kì", "lý" ↔ "lí", "sĩ" ↔ "sỹ", "quý" ↔ "quí"): both
/// spellings are in everyday use, and a phrase matches either. `None` when no syllable has
/// the other spelling. From `i` to `y` only after the onsets that take it (h, k, l, m, qu, s,
/// t, v: not "thì", "chí").
pub fn iy_variant(keyed: &str) -> Option<String> {
    const PAIRS: [(char, char); 5] = [('ý', 'í'), ('ỳ', 'ì'), ('ỷ', 'ỉ'), ('ỹ', 'ĩ'), ('ỵ', 'ị')];
    let mut changed = false;
    let words: Vec<String> = keyed
        .split(' ')
        .map(|w| {
            let Some(last) = w.chars().last() else {
                return w.to_string();
            };
            let onset = &w[..w.len() - last.len_utf8()];
            let consonants =
                !onset.is_empty() && onset.chars().all(|c| "bcdđghklmnpqrstvx".contains(c));
            let swapped = if let Some(&(_, i)) = PAIRS.iter().find(|p| p.0 == last) {
                (consonants || onset == "qu").then_some(i)
            } else if let Some(&(y, _)) = PAIRS.iter().find(|p| p.1 == last) {
                matches!(onset, "h" | "k" | "l" | "m" | "qu" | "s" | "t" | "v").then_some(y)
            } else {
                None
            };
            match swapped {
                Some(c) => {
                    changed = true;
                    format!("{onset}{c}")
                }
                None => w.to_string(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Whether [`fold`] changes `c` (a letter with a diacritic, `đ`, a combining mark …); false for
/// ASCII. `fold(s) != s` exactly when one of the characters of `s` folds away.
pub fn folds_away(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if letter(c).is_some() {
        return true;
    }
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    fold(s) != s
}

/// `s` without any diacritic: every combining mark dropped, `đ` → `d`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] of `s` written into `out` (cleared first), so that a caller folding many strings
/// reuses one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(l) = letter(c) {
            out.push(l.fold);
        } else {
            // A character outside the tone tables: the general path over the whole string.
            out.clear();
            out.extend(
                super::nf::nfd(s.chars())
                    .into_iter()
                    .filter(|&c| unicode_normalization::char::canonical_combining_class(c) == 0)
                    .map(|c| match c {
                        'đ' => 'd',
                        'Đ' => 'D',
                        c => c,
                    }),
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// `folds_away` says exactly which characters `fold` changes, and `fold_into` agrees with
    /// `fold`, over the Latin ranges, combining marks and a sample of other scripts.
    #[test]
    fn folds_away_matches_fold() {
        let ranges = [
            '\u{0}'..='\u{24F}',
            '\u{300}'..='\u{36F}',
            '\u{370}'..='\u{52F}',
        ]
        .into_iter()
        .chain(['\u{1E00}'..='\u{1EFF}', '\u{FF00}'..='\u{FFEF}']);
        let mut buf = String::from("stale");
        for c in ranges.flatten() {
            let s = c.to_string();
            assert_eq!(folds_away(c), fold(&s) != s, "{c:?}");
            fold_into(&s, &mut buf);
            assert_eq!(buf, fold(&s), "{c:?}");
        }
        fold_into("Đường ﬁ x̃", &mut buf);
        assert_eq!(buf, fold("Đường ﬁ x̃"));
    }

    fn canon(s: &str) -> String {
        let (l, t) = split(s);
        canonical(&l, t)
    }

    #[test]
    fn old_and_new_placement_agree() {
        assert_eq!(canon("hoà"), canon("hòa"));
        assert_eq!(canon("thuý"), canon("thúy"));
        assert_eq!(canon("hoả"), canon("hỏa"));
        assert_eq!(canon("khoẻ"), canon("khỏe"));
    }

    #[test]
    fn onsets_qu_gi_untouched() {
        assert_eq!(canon("quý"), "quý");
        assert_eq!(canon("quả"), "quả");
        assert_eq!(canon("già"), "già");
        assert_eq!(canon("gì"), "gì");
        assert_eq!(canon("giường"), "giường");
    }

    #[test]
    fn quality_mark_vowel_takes_the_tone() {
        assert_eq!(canon("người"), "người");
        assert_eq!(canon("nguồn"), "nguồn");
        assert_eq!(canon("tiếng"), "tiếng");
        assert_eq!(canon("khuya"), "khuya");
        assert_eq!(canon("mái"), "mái");
    }

    /// The lookup tables agree with the Unicode decompositions for every precomposed
    /// Vietnamese letter, in both cases.
    #[test]
    fn tables_agree_with_normalisation() {
        assert_eq!(fold("đĐ"), "dD");
        let letters = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
        for base in letters.chars() {
            for mark in ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'] {
                let c: String = [base, mark].iter().collect::<String>().nfc().collect();
                let slow_fold: String = c
                    .nfd()
                    .filter(|&x| unicode_normalization::char::canonical_combining_class(x) == 0)
                    .map(|x| match x {
                        'đ' => 'd',
                        'Đ' => 'D',
                        x => x,
                    })
                    .collect();
                assert_eq!(fold(&c), slow_fold, "{c}");
                let (l, t) = split(&c);
                assert_eq!(l, base.to_string(), "{c}");
                // Keys are lower case; `canonical` places tones on lower-case vowels only.
                if base.is_lowercase() {
                    assert_eq!(canonical(&l, t), c, "{c}");
                }
            }
        }
    }

    #[test]
    fn is_upper_agrees_with_unicode() {
        for c in ('\0'..='\u{2FFF}').chain(['😀', 'Ａ', 'ａ']) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn fold_drops_all() {
        assert_eq!(fold("đường"), "duong");
        assert_eq!(fold("ngủ"), "ngu");
    }

    #[test]
    fn i_and_y_spellings() {
        assert_eq!(iy_variant("nam kỳ").as_deref(), Some("nam kì"));
        assert_eq!(iy_variant("nam kì").as_deref(), Some("nam kỳ"));
        assert_eq!(iy_variant("bác sĩ").as_deref(), Some("bác sỹ"));
        assert_eq!(iy_variant("quý").as_deref(), Some("quí"));
        assert_eq!(iy_variant("lý do kỹ").as_deref(), Some("lí do kĩ"));
        // Not after onsets that never take y, not a y after a vowel, not untoned.
        for k in ["thì", "chí", "tuý", "ly", "", "đi học"] {
            assert_eq!(iy_variant(k), None, "{k}");
        }
    }
}
