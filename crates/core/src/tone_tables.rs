//! The lookup tables of [`crate::text::tone`] for the precomposed Latin letters, as statics that
//! `build_tone.rs` derives at build time from the Unicode decompositions (they were built on the
//! first use of a tone function, at every start of the engine: about a tenth of `Engine::new`).
//! The tests compare them with the tables built at run time the same way.

use crate::text::tone::{Letter, Tables, Tone};

include!(concat!(env!("OUT_DIR"), "/tone_data.rs"));

/// The tables.
#[inline]
pub(crate) fn tables() -> &'static Tables {
    &TABLES
}

/// The same tables built at run time from Unicode, as the build script builds them.
#[cfg(test)]
#[path = "../build_tone.rs"]
mod built;

#[cfg(test)]
mod tests {
    use super::built;

    #[test]
    fn static_tables_are_the_ones_built_from_unicode() {
        let (s, b) = (super::tables(), built::tables());
        assert_eq!(s.a, b.a);
        assert_eq!(s.b, b.b);
        assert_eq!(s.compose, b.compose);
        assert_eq!(s.lower, b.lower);
        assert_eq!(s.upper, b.upper);
    }
}
