//! Unicode compatibility decompositions (the K of NFKC), from a table `build_compat.rs` derives
//! at build time from `unicode-normalization`.
//!
//! The library's own `nfkc()` would link its compatibility tables into the extension's `.wasm`
//! (≈ 62 KB); these runs hold the same decompositions in ≈ 20 KB. NFKC of a text is then NFC of
//! the text with each character replaced by [`decompose`] (see [`nfkc`]); the tests compare
//! both with the library over every character.

include!(concat!(env!("OUT_DIR"), "/compat_data.rs"));

/// The compatibility decomposition of a character, when it differs from the canonical one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decomp {
    /// One character (fully decomposed).
    One(char),
    /// Several characters (fully decomposed).
    Many(&'static str),
}

/// The full compatibility decomposition (NFKD) of `c` when it differs from its canonical
/// decomposition (NFD), e.g. `Ａ` → `A`, `ﬁ` → `fi`, `²` → `2`; `None` for every other
/// character.
pub fn decompose(c: char) -> Option<Decomp> {
    let cp = u32::from(c);
    // The last run starting at or before `c`.
    let i = RUNS.partition_point(|&k| k >> 8 <= cp).checked_sub(1)?;
    let key = RUNS[i];
    let offset = cp - (key >> 8);
    if offset > (key & 0xFF) {
        return None;
    }
    let value = VALUES[i];
    let (kind, v) = (value >> 30, value & 0x3FFF_FFFF);
    match kind {
        0 => char::from_u32(v + offset).map(Decomp::One),
        1 => char::from_u32(v).map(Decomp::One),
        _ => {
            let j = usize::try_from(v + offset).ok()?;
            let (a, b) = (*MANY_STARTS.get(j)?, *MANY_STARTS.get(j + 1)?);
            MANY_TEXT
                .get(usize::from(a)..usize::from(b))
                .map(Decomp::Many)
        }
    }
}

/// `s` with every character replaced by its compatibility decomposition; NFC of the result is
/// NFKC of `s` (the canonical decomposition NFC applies first does the rest).
pub fn decompose_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match decompose(c) {
            Some(Decomp::One(d)) => out.push(d),
            Some(Decomp::Many(m)) => out.push_str(m),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Every character: the table gives the library's NFKD where it differs from NFD, and NFC
    /// of [`decompose_str`] is the library's NFKC.
    #[test]
    fn equals_the_library_for_every_character() {
        let mut n = 0;
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let nfkd: String = std::iter::once(c).nfkd().collect();
            let want = if nfkd.chars().eq(std::iter::once(c).nfd()) {
                None
            } else {
                n += 1;
                Some(nfkd)
            };
            let got = decompose(c).map(|d| match d {
                Decomp::One(d) => d.to_string(),
                Decomp::Many(m) => m.to_string(),
            });
            assert_eq!(got, want, "U+{:04X}", u32::from(c));
            let s = c.to_string();
            assert!(
                decompose_str(&s).nfc().eq(s.nfkc()),
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert!(n > 3_000, "{n}");
    }

    /// Texts: compatibility characters next to combining marks (reordered and composed across
    /// the characters) and Hangul give the library's NFKC.
    #[test]
    fn nfkc_of_texts_equals_the_library() {
        let marks = [
            "",
            "\u{301}",
            "\u{323}\u{301}",
            "\u{301}\u{323}",
            "\u{31B}\u{309}",
        ];
        let bases = [
            "a",
            "Ａ",
            "ﬁ",
            "㍱",
            "ǅ",
            "ｶ\u{FF9E}",
            "ｶ",
            "\u{1100}",
            "가",
            "ㄱ\u{314F}",
            "ｅ",
            "ℌ",
            "𝐞",
            "ﷺ",
            "¨",
            "\u{FB2C}",
            "ǈ",
        ];
        for a in bases {
            for m in marks {
                for b in bases {
                    let s = format!("{a}{m}{b}{m}");
                    let want: String = s.nfkc().collect();
                    let got: String = decompose_str(&s).nfc().collect();
                    assert_eq!(got, want, "{s:?}");
                }
            }
        }
    }
}
