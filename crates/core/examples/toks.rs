//! Prints the tokens the engine cuts a text into (the first argument), one a line: the original
//! text, the folded key, the gap before it and the flags the rules read. For debugging rules:
//!
//! ```sh
//! cargo run --example toks -p cannhac-core -- 'Nghe 👂 đồn hẻm 45/12'
//! ```
fn main() {
    let s = std::env::args().nth(1).unwrap_or_default();
    let n = cannhac_core::text::Normalized::new(&s);
    for t in cannhac_core::text::tokenize(&n, &s) {
        println!(
            "{:?} fold={:?} gap={:?} num={} cap={} marked={}",
            &s[t.orig.clone()],
            t.fold.as_str(),
            t.gap,
            t.numeric,
            t.capitalized,
            t.marked
        );
    }
}
