//! NFD and NFC built on `unicode-normalization`'s character functions (its canonical
//! decompositions, compositions and combining classes).
//!
//! Why not the library's `nfd()`/`nfc()` iterators: they choose canonical or compatibility
//! decomposition at run time, so any use of them links the compatibility tables into the
//! `.wasm` (≈ 62 KB) even where only NFD and NFC run, and each input iterator type adds its
//! own copy of them and of the stable sort they reorder marks with (≈ 5 KB each). What is left
//! here is the ordering and composition loop of UAX #15; the tests compare both functions with
//! the library's iterators (every character, and random texts of marks, Hangul jamo and
//! compatibility characters).

use smallvec::SmallVec;
use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// Characters of a normalised text (a syllable, a word or a host label fit inline).
pub(crate) type Chars = SmallVec<[char; 16]>;

/// The canonical combining class of `c` (0 below U+0300, where no combining mark is).
fn class(c: char) -> u8 {
    if c < '\u{300}' {
        0
    } else {
        canonical_combining_class(c)
    }
}

/// NFD of `chars`: every character canonically decomposed, each run of combining marks in
/// canonical order (stable by combining class).
pub(crate) fn nfd(chars: impl IntoIterator<Item = char>) -> Chars {
    let mut out = Chars::new();
    for c in chars {
        if c < '\u{C0}' {
            out.push(c); // no decomposition below U+00C0
        } else {
            decompose_canonical(c, |d| out.push(d));
        }
    }
    reorder(&mut out);
    out
}

/// Sorts each run of non-starters by combining class, keeping the order of equal classes
/// (insertion sort: runs are a few marks long).
fn reorder(s: &mut [char]) {
    for i in 1..s.len() {
        let cc = class(s[i]);
        if cc == 0 {
            continue;
        }
        let mut j = i;
        while j > 0 && class(s[j - 1]) > cc {
            s.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// NFC of `chars`: NFD, then each character composed with the last starter before it unless a
/// character between them blocks it (a starter, or a mark of the same or a higher class).
pub(crate) fn nfc(chars: impl IntoIterator<Item = char>) -> Chars {
    let mut s = nfd(chars);
    // The last starter kept (its index), and the class of the last character kept after it.
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    let mut kept = 0;
    for i in 0..s.len() {
        let c = s[i];
        let cc = class(c);
        if let Some(st) = starter {
            let blocked = last_class.is_some_and(|l| l >= cc);
            if !blocked {
                if let Some(p) = compose(s[st], c) {
                    s[st] = p;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(kept);
            last_class = None;
        } else {
            last_class = Some(cc);
        }
        s[kept] = c;
        kept += 1;
    }
    s.truncate(kept);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn every_character_as_the_library() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            assert!(
                nfd([c]).into_iter().eq(std::iter::once(c).nfd()),
                "U+{:04X}",
                u32::from(c)
            );
            assert!(
                nfc([c]).into_iter().eq(std::iter::once(c).nfc()),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    /// Random texts over characters that reorder, compose, block and decompose.
    #[test]
    fn random_texts_as_the_library() {
        let alphabet: Vec<char> = "aAeEoOuUyYiđ ạảãáàâăêôơưẠỄỢ가각ᄀ\u{1161}\u{11A8}ᅡ\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{031B}\u{0302}\u{0306}\u{0327}\u{0334}\u{05B0}\u{0591}\u{093C}\u{0F71}\u{0F72}\u{0F74}Ω\u{2126}\u{212B}ÅﬁＡ\u{0344}\u{0F73}\u{1E9B}\u{0958}\u{FB2C}\u{0CCA}\u{0CC6}\u{0CC2}\u{0CD5}\u{1100}\u{D7A3}"
            .chars()
            .collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let len = (next() % 9) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            assert!(nfd(s.chars()).into_iter().eq(s.nfd()), "{s:?}");
            assert!(nfc(s.chars()).into_iter().eq(s.nfc()), "{s:?}");
        }
    }
}
