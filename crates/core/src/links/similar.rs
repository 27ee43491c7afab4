//! String comparisons for look-alike domains: UTS #39 skeletons (with accent folding), scripts,
//! and a bounded Damerau (optimal string alignment) distance.
//!
//! Why not the `unicode-security` crate: its full confusables table adds ≈ 223 KB to the
//! `.wasm` (measured, `opt-level = "s"`), more than all our lists together. Domain labels only
//! need the confusables whose prototype is an ASCII letter or digit (≈ 1,800 of them, 7 KB in
//! `data/links/confusables.txt`, taken from the same Unicode data), and a coarse script
//! classification (below) for the mixed-script test.

use super::data::Confusables;
use unicode_normalization::char::canonical_combining_class;

/// The comparison key of a domain label: UTS #39 skeleton (NFD, then every confusable replaced
/// by its prototype), lower-cased, with combining marks (non-zero combining class) dropped and `đ` → `d`, so that
/// `vnеxpress` (Cyrillic `е`), `vietcombạnk` and `vietc0mbank` all meet their original.
/// `m` becomes `rn` on both sides (as in the skeleton), so `rnomo` meets `momo`. `ß` becomes
/// `ss`, as IDNA's transitional processing maps it (UTS #46 deviation characters): `vnexpreß`
/// meets `vnexpress` (the browser shows `ß` but the skeleton table has no entry for it). The long
/// `ſ` becomes `s` as UTS #46 maps it: a punycode label that decodes to `vnexpreſs`
/// (`xn--vnexpres-14b`, which no browser resolves to `vnexpress.net`) meets `vnexpress` too.
/// The digits typosquats use for letters become those letters (`3` e, `4` a, `5` s, `7` t; `0`
/// and `1` come from the table; not `8` b: the coding school `f8.vn` is no `fb.com`):
/// `vnexpre55` meets `vnexpress`.
pub(crate) fn key(label: &str, confusables: &Confusables) -> String {
    let mut out = String::with_capacity(label.len() + 4);
    let mut push = |c: char| {
        if canonical_combining_class(c) != 0 {
            return;
        }
        let c = if c == 'đ' || c == 'Đ' { 'd' } else { c };
        if c == 'ß' {
            out.push_str("ss");
            return;
        }
        if c == 'ſ' {
            out.push('s');
            return;
        }
        // Digits read as the letters they stand for in typosquats ("vnexpre55", "tu0itre":
        // `0`, `1` come from the confusables table); the protected names go through the same
        // key, so a digit in a real name ("24h", "kenh14") meets only itself.
        let c = match c {
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            c => c,
        };
        match confusables.get(&c) {
            Some(proto) => out.push_str(proto),
            None => out.push(c),
        }
    };
    if label.is_ascii() {
        for b in label.bytes() {
            push(char::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in crate::text::nf::nfd(label.chars()) {
            for l in c.to_lowercase() {
                // Lower-casing can give a precomposed letter again (rare): decompose it too.
                for d in crate::text::nf::nfd([l]) {
                    push(d);
                }
            }
        }
    }
    out
}

/// A coarse Unicode script, enough to tell a mixed-script label; `None` for characters that
/// belong to any script (digits, `-`, `_`) or inherit one (combining marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// Latin, with Vietnamese letters and IPA.
    Latin,
    /// Greek and Coptic.
    Greek,
    /// Cyrillic.
    Cyrillic,
    /// Armenian.
    Armenian,
    /// Hebrew.
    Hebrew,
    /// Arabic.
    Arabic,
    /// Thai.
    Thai,
    /// Han, Hiragana, Katakana, Hangul, Bopomofo: one group, since Japanese and Korean mix them.
    Cjk,
    /// Any other letter.
    Other,
}

/// The [`Script`] of `c`.
pub(crate) fn script(c: char) -> Option<Script> {
    let cp = u32::from(c);
    Some(match cp {
        0x30..=0x39 | 0x2D | 0x5F => return None,
        0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xBA => Script::Latin,
        0xD7 | 0xF7 => return None,
        0xC0..=0x2AF | 0x1D00..=0x1D7F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF => {
            Script::Latin
        }
        0xAB30..=0xAB6F | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Script::Latin,
        0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F => {
            return None
        }
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x530..=0x58F => Script::Armenian,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF => Script::Arabic,
        0xE00..=0xE7F => Script::Thai,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3100..=0x318F | 0x3400..=0x4DBF => Script::Cjk,
        0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => Script::Cjk,
        _ => Script::Other,
    })
}

/// The label's scripts: `(first script seen, whether a second one occurs)`.
pub(crate) fn scripts(label: &str) -> (Option<Script>, bool) {
    let mut first = None;
    for s in label.chars().filter_map(script) {
        match first {
            None => first = Some(s),
            Some(f) if f != s => return (first, true),
            Some(_) => {}
        }
    }
    (first, false)
}

/// Whether the optimal-string-alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and transpositions of adjacent characters) is exactly 1. O(len) time, no
/// allocation.
pub(crate) fn distance_is_one(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    match (a.len(), b.len()) {
        // One substitution, insertion or deletion.
        (1, 1) | (0, 1) | (1, 0) => true,
        // One transposition of adjacent characters.
        (2, 2) => a[0] == b[1] && a[1] == b[0],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conf() -> &'static Confusables {
        &super::super::data::lists().confusables
    }

    #[test]
    fn key_folds_confusables_and_diacritics() {
        assert_eq!(key("vnеxpress", conf()), "vnexpress"); // Cyrillic е
        assert_eq!(key("vietcombạnk", conf()), key("vietcombank", conf()));
        assert_eq!(key("VIETC0MBANK", conf()), key("vietcombank", conf()));
        assert_eq!(key("rnomo", conf()), key("momo", conf()));
        assert_eq!(key("dịchvụcông", conf()), "dichvucong");
        assert_eq!(key("ĐÂN", conf()), "dan");
        assert_eq!(key("vnexpreß", conf()), "vnexpress");
        assert_eq!(key("VNEXPREẞ", conf()), "vnexpress"); // capital ẞ lower-cases to ß
        assert_eq!(key("vnexpreſs", conf()), "vnexpress");
    }

    #[test]
    fn scripts_tell_mixed_labels() {
        assert_eq!(scripts("tiếngviệt"), (Some(Script::Latin), false));
        assert_eq!(scripts("vnеxpress"), (Some(Script::Latin), true));
        assert_eq!(scripts("пример"), (Some(Script::Cyrillic), false));
        assert_eq!(scripts("日本語ひらがな"), (Some(Script::Cjk), false));
        assert_eq!(scripts("123-4"), (None, false));
    }

    #[test]
    fn distance_one_covers_the_four_edits() {
        assert!(distance_is_one("vnexpresss", "vnexpress")); // doubled
        assert!(distance_is_one("vnexpres", "vnexpress")); // missing
        assert!(distance_is_one("vnexrpess", "vnexpress")); // swapped
        assert!(distance_is_one("thanhnlen", "thanhnien")); // replaced
        assert!(!distance_is_one("vnexpress", "vnexpress"));
        assert!(!distance_is_one("tuoitre", "tuoitrevn"));
        assert!(!distance_is_one("abcd", "badc"));
    }
}
