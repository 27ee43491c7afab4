//! Converting the engine's UTF-8 byte offsets into the units other faces speak.
//!
//! Rust spans are UTF-8 byte offsets; JavaScript strings index UTF-16 code units; the corpus and
//! the ViHOS data count Unicode scalar values ("chars"). [`OffsetConverter`] converts many
//! offsets of one text in a single forward pass when they come in ascending order.

/// A byte offset expressed in the three units: `(bytes, chars, utf16)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Units {
    /// UTF-8 bytes.
    pub bytes: usize,
    /// Unicode scalar values.
    pub chars: usize,
    /// UTF-16 code units.
    pub utf16: usize,
}

/// Converts byte offsets of one text into [`Units`]. Each query costs O(distance moved) from
/// the previous one, forwards or backwards, so a text's findings (sorted by start; their ends
/// may lie past the next start) convert in one pass.
#[derive(Debug, Clone)]
pub struct OffsetConverter<'a> {
    text: &'a str,
    at: Units,
}

impl<'a> OffsetConverter<'a> {
    /// A converter positioned at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        OffsetConverter {
            text,
            at: Units::default(),
        }
    }

    /// The units of byte offset `byte`. An offset past the end is clamped to the end; an offset
    /// inside a character is rounded down to that character's start.
    pub fn units(&mut self, byte: usize) -> Units {
        let byte = byte.min(self.text.len());
        // Behind the cursor: walk back to the start of the character holding `byte`.
        for c in self.text[..self.at.bytes].chars().rev() {
            if self.at.bytes <= byte {
                break;
            }
            self.at.bytes -= c.len_utf8();
            self.at.chars -= 1;
            self.at.utf16 -= c.len_utf16();
        }
        let base = self.at.bytes;
        for (i, c) in self.text[base..].char_indices() {
            let pos = base + i;
            if pos + c.len_utf8() > byte {
                break;
            }
            self.at.chars += 1;
            self.at.utf16 += c.len_utf16();
            self.at.bytes = pos + c.len_utf8();
        }
        self.at
    }

    /// The byte offset of UTF-16 code-unit offset `unit`; `None` when `unit` lies inside a
    /// surrogate pair or past the end.
    pub fn byte_of_utf16(text: &str, unit: usize) -> Option<usize> {
        let mut u = 0;
        for (i, c) in text.char_indices() {
            if u == unit {
                return Some(i);
            }
            if u > unit {
                return None;
            }
            u += c.len_utf16();
        }
        (u == unit).then_some(text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_and_vietnamese() {
        let t = "😀 ngu";
        let mut c = OffsetConverter::new(t);
        assert_eq!(
            c.units(5),
            Units {
                bytes: 5,
                chars: 2,
                utf16: 3
            }
        );
        assert_eq!(
            c.units(8),
            Units {
                bytes: 8,
                chars: 5,
                utf16: 6
            }
        );
        assert_eq!(c.units(0), Units::default());
        assert_eq!(OffsetConverter::byte_of_utf16(t, 3), Some(5));
        assert_eq!(OffsetConverter::byte_of_utf16(t, 1), None);
        assert_eq!(OffsetConverter::byte_of_utf16(t, 6), Some(8));
        assert_eq!(OffsetConverter::byte_of_utf16(t, 7), None);
    }

    /// Any order of queries gives what a count from the start gives.
    #[test]
    fn backwards_and_forwards_agree_with_a_fresh_count() {
        let t = "a😀đ\u{0301}b 𝄞ngu\u{200B}x";
        let fresh = |b: usize| OffsetConverter::new(t).units(b);
        let mut c = OffsetConverter::new(t);
        let queries = [0, 5, 3, 1, 14, 7, 6, 8, 2, 99, 4, 0, 12, 11, 13, 9, 10];
        for q in queries {
            assert_eq!(c.units(q), fresh(q), "query {q}");
        }
        for q in (0..=t.len() + 1).rev() {
            assert_eq!(c.units(q), fresh(q), "query {q}");
        }
        assert_eq!(
            fresh(5),
            Units {
                bytes: 5,
                chars: 2,
                utf16: 3
            }
        );
    }

    #[test]
    fn inside_char_rounds_down() {
        let mut c = OffsetConverter::new("đ");
        assert_eq!(c.units(1).bytes, 0);
        assert_eq!(c.units(99).bytes, 2);
    }
}
