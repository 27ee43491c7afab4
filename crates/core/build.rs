//! Prepares the lexicon data files (`data/*.toml`, written by people) for the engine, so that
//! `Engine::new` does as little as possible at start-up (the extension's service worker builds
//! an engine on every cold start):
//!
//! 1. each TOML file becomes JSON in `OUT_DIR` (parsed with `serde_json` at start-up; the TOML
//!    parser stays out of the compiled engine and so out of the extension's `.wasm`);
//! 2. every phrase of the data (lexicon phrases, the parts of `*` phrases, `not_after` and
//!    `not_before` contexts, the allow-list, the context word lists) is keyed here with the
//!    engine's own text model (`src/text/`, compiled into this script), giving
//!    `keys.json`: rows `[phrase, "key key", "fold fold", accented pattern, folded pattern]`
//!    (the pattern numbers are −1 for phrases that are not lexicon patterns);
//! 3. the distinct syllable-key sequences of the lexicon phrases are compiled into two
//!    double-array Aho–Corasick automata (`daachorse`), accented and folded, serialised to
//!    `accented.daac` and `folded.daac`; a pattern's value is its number in `keys.json`.

#[allow(dead_code, unused_imports)]
#[path = "src/text/mod.rs"]
mod text;

use std::collections::BTreeMap;
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

/// Accented and folded keys of a phrase, joined by spaces (as `lexicon::phrase_keys`).
fn keys(p: &str) -> (String, String) {
    let n = text::Normalized::new(p);
    let toks = text::tokenize(&n, p);
    let k: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
    let f: Vec<&str> = toks.iter().map(|t| t.fold.as_str()).collect();
    (k.join(" "), f.join(" "))
}

fn strings(v: Option<&serde_json::Value>) -> Vec<String> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/text");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // Lexicon phrases (patterns) and every other phrase to key.
    let mut patterns: Vec<String> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    for f in FILES {
        let src = Path::new("data").join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        let text =
            std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let json: serde_json::Value =
            serde_json::to_value(&value).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        for g in json
            .get("group")
            .and_then(|g| g.as_array())
            .into_iter()
            .flatten()
        {
            let mut phrases = strings(g.get("phrases"));
            others.extend(strings(g.get("not_after")));
            others.extend(strings(g.get("not_before")));
            for e in g
                .get("entries")
                .and_then(|e| e.as_array())
                .into_iter()
                .flatten()
            {
                if let Some(p) = e.get("p").and_then(|p| p.as_str()) {
                    phrases.push(p.to_string());
                }
                others.extend(strings(e.get("not_after")));
                others.extend(strings(e.get("not_before")));
            }
            for p in phrases {
                if p.split_whitespace().any(|w| w == "*") {
                    others.extend(p.split(" * ").map(str::to_string));
                } else {
                    patterns.push(p);
                }
            }
        }
        for list in ["phrases", "targets", "pronouns"] {
            others.extend(strings(json.get(list)));
        }
        let dest = Path::new(&out).join(f.replace(".toml", ".json"));
        let body =
            serde_json::to_string(&json).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        std::fs::write(&dest, body).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }

    // Key every phrase; number the distinct key sequences of the patterns.
    let mut rows: BTreeMap<String, (String, String, i64, i64)> = BTreeMap::new();
    let mut acc: BTreeMap<String, u32> = BTreeMap::new();
    let mut fold: BTreeMap<String, u32> = BTreeMap::new();
    for p in &patterns {
        let (k, f) = keys(p);
        if k.is_empty() {
            continue; // refused with a clear error at start-up (and by the lexicon tests)
        }
        let n = acc.len() as u32;
        let a = *acc.entry(k.clone()).or_insert(n);
        let n = fold.len() as u32;
        let b = *fold.entry(f.clone()).or_insert(n);
        rows.insert(p.clone(), (k, f, i64::from(a), i64::from(b)));
    }
    for p in &others {
        if !rows.contains_key(p) {
            let (k, f) = keys(p);
            rows.insert(p.clone(), (k, f, -1, -1));
        }
    }
    let table: Vec<(&String, &String, &String, i64, i64)> = rows
        .iter()
        .map(|(p, (k, f, a, b))| (p, k, f, *a, *b))
        .collect();
    let dest = Path::new(&out).join("keys.json");
    std::fs::write(
        &dest,
        serde_json::to_string(&table).expect("key table serialises"),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", dest.display()));

    for (name, pats) in [("accented.daac", &acc), ("folded.daac", &fold)] {
        let da = daachorse::DoubleArrayAhoCorasick::<u32>::with_values(
            pats.iter().map(|(k, &v)| (k.as_str(), v)),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let dest = Path::new(&out).join(name);
        std::fs::write(&dest, da.serialize()).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}
