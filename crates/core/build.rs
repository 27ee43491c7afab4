//! Prepares the lexicon data files (`data/*.toml`, written by people) for the engine, so that
//! `Engine::new` does as little as possible at start-up (the extension's service worker builds
//! an engine on every cold start):
//!
//! - each TOML file becomes JSON in `OUT_DIR`, parsed with `serde_json` at start-up (the TOML
//!   parser stays out of the compiled engine and so out of the extension's `.wasm`);
//! - every phrase in it (lexicon phrases, `not_after`/`not_before` contexts, the allow-list,
//!   the context word lists) is replaced by its syllable keys joined by single spaces, computed
//!   here with the engine's own text model (`src/text/`, compiled into this script): NFC, lower
//!   case, canonical tone placement, stretched letters collapsed (`Hoà  Bình!` → `hòa bình`).
//!   The parts of a `*` phrase are keyed one by one and joined by ` * `.
//!
//! A phrase with no syllable to match on stops the build with its file and text.

#[allow(dead_code, unused_imports)]
#[path = "src/text/mod.rs"]
mod text;

use serde_json::Value;
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

/// The phrase's syllable keys joined by spaces; `*` parts keyed one by one.
fn key_phrase(file: &str, p: &str) -> String {
    if p.split_whitespace().any(|w| w == "*") {
        return p
            .split(" * ")
            .map(|part| key_phrase(file, part))
            .collect::<Vec<_>>()
            .join(" * ");
    }
    let n = text::Normalized::new(p);
    let keys: Vec<String> = text::tokenize(&n, p)
        .into_iter()
        .map(|t| t.key.to_string())
        .collect();
    assert!(!keys.is_empty(), "{file}: phrase {p:?} has no syllables");
    keys.join(" ")
}

/// Keys every string of the list `obj[field]`, if there is one.
fn key_list(file: &str, obj: &mut Value, field: &str) {
    if let Some(list) = obj.get_mut(field).and_then(Value::as_array_mut) {
        for v in list {
            if let Some(s) = v.as_str() {
                *v = Value::String(key_phrase(file, s));
            }
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/text");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for f in FILES {
        let src = Path::new("data").join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        let text =
            std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut json: Value =
            serde_json::to_value(&value).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        for field in ["phrases", "targets", "pronouns"] {
            key_list(f, &mut json, field);
        }
        if let Some(groups) = json.get_mut("group").and_then(Value::as_array_mut) {
            for g in groups {
                for field in ["phrases", "not_after", "not_before"] {
                    key_list(f, g, field);
                }
                if let Some(entries) = g.get_mut("entries").and_then(Value::as_array_mut) {
                    for e in entries {
                        if let Some(p) = e.get("p").and_then(Value::as_str) {
                            let k = key_phrase(f, p);
                            e["p"] = Value::String(k);
                        }
                        for field in ["not_after", "not_before"] {
                            key_list(f, e, field);
                        }
                    }
                }
            }
        }
        let dest = Path::new(&out).join(f.replace(".toml", ".json"));
        let body =
            serde_json::to_string(&json).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        std::fs::write(&dest, body).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}
