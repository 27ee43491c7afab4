//! Converts the lexicon data files (`data/*.toml`, written by people) into JSON in `OUT_DIR`,
//! which the engine parses at start-up with `serde_json`. The TOML parser then stays out of the
//! compiled engine (and so out of the extension's `.wasm`), while the sources stay readable TOML.

use std::path::Path;

const FILES: &[&str] = &[
    "internal_document.toml",
    "unverified_claim.toml",
    "inflammatory.toml",
    "insinuation.toml",
    "personal_data.toml",
    "context.toml",
    "allow.toml",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for f in FILES {
        let src = Path::new("data").join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        let text =
            std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let json =
            serde_json::to_string(&value).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let dest = Path::new(&out).join(f.replace(".toml", ".json"));
        std::fs::write(&dest, json).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}
