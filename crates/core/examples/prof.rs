//! Analyses the benchmark post (`benches/post.txt`, or the file given second) N times (default
//! 200) with one engine, for
//! instruction counts that do not depend on the machine's load:
//!
//! ```sh
//! cargo build --release --example prof -p cannhac-core
//! valgrind --tool=callgrind target/release/examples/prof 200   # minus the same with 0
//! ```
//!
//! (the difference divided by 200 is the cost of one `analyze`; `BENCHMARKS.md` records it).
use cannhac_core::{Config, Engine};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    // An optional second argument names another post to analyse instead.
    let post = match std::env::args().nth(2).map(std::fs::read_to_string) {
        None => include_str!("../benches/post.txt").to_string(),
        Some(Ok(text)) => text,
        Some(Err(e)) => {
            eprintln!("cannot read the post: {e}");
            std::process::exit(2);
        }
    };
    let engine = match Engine::new(Config::default()) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("the engine refused to build: {e}");
            std::process::exit(1);
        }
    };
    let mut k = 0;
    for _ in 0..n {
        k += std::hint::black_box(engine.analyze(std::hint::black_box(&post)))
            .findings
            .len();
    }
    println!("{k}");
}
