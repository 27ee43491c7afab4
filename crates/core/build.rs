//! Prepares the lexicon data files (`data/*.toml`, written by people) for the engine, so that
//! `Engine::new` does as little as possible at start-up (the extension's service worker builds
//! an engine on every cold start):
//!
//! - the TOML files become Rust statics in `OUT_DIR/lexicon_data.rs` (`BUILTIN`, `ALLOW_PHRASES`,
//!   `TARGETS`, `PRONOUNS`, `EVERYDAY_FOLDS`, the `CLAIM_*` lists of `data/claims.toml`),
//!   included by `src/lexicon.rs`: no TOML or JSON parser runs or ships
//!   in the engine (nor in the extension's `.wasm`);
//! - every phrase in it (lexicon phrases, `not_after`/`not_before` contexts, the allow-list,
//!   the context word lists) is replaced by its syllable keys joined by single spaces, computed
//!   here with the engine's own text model (`src/text/`, compiled into this script): NFC, lower
//!   case, canonical tone placement, stretched letters collapsed (`Hoà  Bình!` → `hòa bình`).
//!   The parts of a `*` phrase are keyed one by one and joined by ` * `;
//! - the lexicon phrases (`phrases`, entries' `p`) are then written as the numbers of their
//!   syllables (`&[3, 14]`, `WILDCARD` = 65535 for a `*`; a group's plain list is one slice,
//!   each phrase ended by `PHRASE_END` = 65534), with the syllable tables
//!   `SYL_KEYS`, `SYL_HASHES`, `FOLD_KEYS`, `FOLD_HASHES`, `SYL_FOLD` ([`Syllables`]), so that
//!   the engine hashes and folds no built-in syllable at start-up; a plain phrase that an
//!   entry of its group refines is left out of the plain list.
//!
//! A phrase with no syllable to match on stops the build with its file and text, and so does a
//! field this script does not read (a typo such as `not_befor`, or a group option such as
//! `cross` written on an entry): [`check_fields`] names the file, the group or entry and the
//! field, with the fields allowed there.
//!
//! The link tables (`OUT_DIR/links_data.rs`) are prepared by `build_links.rs`, the
//! compatibility decompositions (`OUT_DIR/compat_data.rs`) by `build_compat.rs`, the tone
//! module's letter tables (`OUT_DIR/tone_data.rs`) by `build_tone.rs`.

#[path = "build_links.rs"]
mod build_links;

/// The text model below reaches `crate::compat`: here, the library's NFKD itself.
#[path = "build_compat.rs"]
mod compat;

/// The text model below reaches `crate::tone_tables`: here, the tables built from Unicode.
#[path = "build_tone.rs"]
mod tone_tables;

#[allow(dead_code, unused_imports)]
#[path = "src/text/mod.rs"]
mod text;

use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// The syllable number standing for a phrase's `*` (`WILDCARD` in `src/lexicon.rs`).
const WILDCARD: u16 = u16::MAX;
/// The number that ends each phrase of a group's plain list (`PHRASE_END` in
/// `src/lexicon.rs`).
const PHRASE_END: u16 = u16::MAX - 1;

/// The syllables of the lexicon phrases, numbered in the order they first appear (the numbers
/// `GroupData::phrases` and `EntryData::p` hold), with their folded forms numbered apart: the
/// engine seeds its phrase tries with these tables instead of hashing, folding and interning
/// every phrase's syllables at start-up.
#[derive(Default)]
struct Syllables {
    keys: Vec<String>,
    index: HashMap<String, u16>,
    folds: Vec<String>,
    fold_index: HashMap<String, u16>,
    /// The number of each key's folded form.
    fold_of: Vec<u16>,
}

impl Syllables {
    fn number(&mut self, k: &str) -> u16 {
        if let Some(&n) = self.index.get(k) {
            return n;
        }
        let n = u16::try_from(self.keys.len())
            .ok()
            .filter(|&n| n < PHRASE_END)
            .expect("fewer than 65,535 distinct syllables in the lexicons");
        let f = text::tone::fold(k);
        let next = self.folds.len();
        let fnum = *self
            .fold_index
            .entry(f.clone())
            .or_insert_with(|| u16::try_from(next).expect("fewer than 65,536 folded syllables"));
        if usize::from(fnum) == next {
            self.folds.push(f);
        }
        self.keys.push(k.to_string());
        self.index.insert(k.to_string(), n);
        self.fold_of.push(fnum);
        n
    }

    /// `&[3, 14, 65535, 15]` for a keyed phrase (`*` → [`WILDCARD`]).
    fn phrase(&mut self, keyed: &str) -> String {
        format!("&[{}]", self.numbers(keyed).join(", "))
    }

    /// The numbers of a keyed phrase's syllables (`*` → [`WILDCARD`]), as Rust literals.
    fn numbers(&mut self, keyed: &str) -> Vec<String> {
        keyed
            .split_ascii_whitespace()
            .map(|k| if k == "*" { WILDCARD } else { self.number(k) })
            .map(|n| n.to_string())
            .collect()
    }

    /// The Rust statics of the tables.
    fn rust(&self) -> String {
        let strs = |v: &[String]| v.iter().map(|k| lit(k)).collect::<Vec<_>>().join(", ");
        let hashes = |v: &[String]| {
            v.iter()
                .map(|k| text::key_hash(k).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let nums = |v: &[u16]| v.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
        format!(
            "/// The syllable keys of the lexicon phrases, by number.\npub static SYL_KEYS: &[&str] = &[{}];\n\
             /// [`text::key_hash`] of each of [`SYL_KEYS`].\npub static SYL_HASHES: &[u32] = &[{}];\n\
             /// The folded syllable keys ([`text::tone::fold`] of [`SYL_KEYS`]), by number.\npub static FOLD_KEYS: &[&str] = &[{}];\n\
             /// [`text::key_hash`] of each of [`FOLD_KEYS`].\npub static FOLD_HASHES: &[u32] = &[{}];\n\
             /// The number in [`FOLD_KEYS`] of each of [`SYL_KEYS`]' folded form.\npub static SYL_FOLD: &[u16] = &[{}];\n",
            strs(&self.keys),
            hashes(&self.keys),
            strs(&self.folds),
            hashes(&self.folds),
            nums(&self.fold_of),
        )
    }
}

const FILES: &[&str] = &[
    "internal_document.toml",
    "unverified_claim.toml",
    "inflammatory.toml",
    "insinuation.toml",
    "personal_data.toml",
    "context.toml",
    "claims.toml",
    "allow.toml",
];

/// The fields a `[[group]]` may hold (meanings: the module docs of `src/lexicon.rs`). `cross`
/// is read at group level only (`document_skeleton` in `internal_document.toml` sets it: its
/// header phrases run over a line break and hyphens).
const GROUP_FIELDS: &[&str] = &[
    "id",
    "category",
    "severity",
    "duties",
    "vi",
    "en",
    "suggestion",
    "unaccented",
    "caps",
    "alone",
    "needs_target",
    "cross",
    "dodge",
    "not_after",
    "not_before",
    "phrases",
    "entries",
];

/// The fields an entry (`entries = [{ p = "…", … }]`) may hold.
const ENTRY_FIELDS: &[&str] = &[
    "p",
    "unaccented",
    "caps",
    "alone",
    "needs_target",
    "severity",
    "suggestion",
    "not_after",
    "not_before",
    "dodge",
    "ends_clause",
];

/// The top-level fields of data file `file`.
fn top_fields(file: &str) -> &'static [&'static str] {
    match file {
        "allow.toml" => &["phrases"],
        "claims.toml" => &["sources", "debunk", "reject_before", "consequence"],
        "context.toml" => &["targets", "pronouns", "everyday_folds"],
        _ => &["group"],
    }
}

/// Stops the build when the table `v` (`what`, in `file`) holds a field not in `known`: this
/// script would ignore it, and the option it was meant to set would silently do nothing.
fn check_fields(file: &str, what: &str, v: &Value, known: &[&str]) {
    let Some(table) = v.as_object() else {
        panic!("{file}: {what} is not a table");
    };
    for field in table.keys() {
        if !known.contains(&field.as_str()) {
            panic!(
                "{file}: {what} has an unknown field `{field}`; the fields allowed there are: {}",
                known.join(", ")
            );
        }
    }
}

/// `group "<id>"` (or `a group` when it has no id), for error messages.
fn group_name(g: &Value) -> String {
    match g.get("id").and_then(Value::as_str) {
        Some(id) => format!("group {id:?}"),
        None => "a group".to_string(),
    }
}

/// The array `v[key]` as a slice (empty when absent or not an array).
fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Checks the fields of data file `file` at every level ([`check_fields`]).
fn check_file_fields(file: &str, json: &Value) {
    check_fields(file, "the file", json, top_fields(file));
    for g in array(json, "group") {
        let name = group_name(g);
        check_fields(file, &name, g, GROUP_FIELDS);
        for e in array(g, "entries") {
            let what = match e.get("p").and_then(Value::as_str) {
                Some(p) => format!("the entry {p:?} of {name}"),
                None => format!("an entry of {name}"),
            };
            check_fields(file, &what, e, ENTRY_FIELDS);
        }
    }
}

/// The phrase's syllable keys joined by spaces; `*` parts keyed one by one.
fn key_phrase(file: &str, p: &str) -> String {
    if p.split_whitespace().any(|w| w == "*") {
        let parts: Vec<&str> = p.split(" * ").collect();
        // "a * * b", "* a", "a *": a part would hold a `*` of its own (endless recursion) or
        // nothing.
        assert!(
            parts
                .iter()
                .all(|part| !part.trim().is_empty() && !part.split_whitespace().any(|w| w == "*")),
            "{file}: phrase {p:?}: a `*` stands for one word, between two words, one at a time"
        );
        return parts
            .iter()
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

/// A Rust string literal (Rust's `Debug` of a `str` is valid literal syntax).
fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// Each phrase of `listed`, followed by its other i/y spelling ([`text::tone::iy_variant`]:
/// "kỉ luật" and "kỷ luật") when that spelling is not in `listed` itself, with the index in
/// `listed` of the phrase it comes from. Every list of phrases (plain phrases, entries, the
/// `not_after` / `not_before` contexts) gets its variants here, the same way.
fn with_iy_variants(listed: &[&str]) -> Vec<(usize, String)> {
    listed
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let v = text::tone::iy_variant(p).filter(|v| !listed.contains(&v.as_str()));
            std::iter::once((i, p.to_string())).chain(v.map(|v| (i, v)))
        })
        .collect()
}

/// `&[\"a\", \"b\"]` for the string list `v[field]` (empty when absent): a list of keyed
/// phrases (the `not_after` / `not_before` contexts) with their i/y variants.
fn str_list(v: &Value, field: &str) -> String {
    let listed: Vec<&str> = v
        .get(field)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let items: Vec<String> = with_iy_variants(&listed)
        .into_iter()
        .map(|(_, p)| lit(&p))
        .collect();
    format!("&[{}]", items.join(", "))
}

/// `snake_case` → `CamelCase` (the enum variant of a category or severity).
fn variant(s: &str) -> String {
    s.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn opt_bool(v: &Value, field: &str) -> String {
    match v.get(field).and_then(Value::as_bool) {
        Some(b) => format!("Some({b})"),
        None => "None".to_string(),
    }
}

fn opt_unaccented(v: &Value) -> String {
    match v.get("unaccented") {
        Some(Value::Bool(b)) => format!("Some(Unaccented::Flag({b}))"),
        Some(Value::String(s)) if s == "context" => {
            "Some(Unaccented::Word(ContextWord::Context))".to_string()
        }
        Some(other) => panic!("unaccented = {other}: expected true, false or \"context\""),
        None => "None".to_string(),
    }
}

fn opt_str(v: &Value, field: &str) -> String {
    match v.get(field).and_then(Value::as_str) {
        Some(s) => format!("Some({})", lit(s)),
        None => "None".to_string(),
    }
}

/// One `[[group]]` as a `GroupData` literal, its phrases as syllable numbers of `syl`. A plain
/// phrase that one of the group's entries refines is left out of the plain list.
fn group_rust(file: &str, g: &Value, syl: &mut Syllables) -> String {
    let text = |f: &str| {
        g.get(f)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{file}: a group lacks `{f}`"))
            .to_string()
    };
    let duties: Vec<String> = g
        .get("duties")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|d| d.to_string()).collect())
        .unwrap_or_default();
    let flag = |f: &str| g.get(f).and_then(Value::as_bool).unwrap_or(false);
    let entry_values = array(g, "entries");
    let entry_phrases: Vec<&str> = entry_values
        .iter()
        .map(|e| {
            e.get("p")
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{file}: an entry lacks `p`"))
        })
        .collect();
    // One slice for the whole list, each phrase ended by PHRASE_END (a slice per phrase would
    // cost a pointer and a length each in the .wasm).
    let phrases: Vec<&str> = array(g, "phrases")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut plain: Vec<String> = Vec::new();
    for (i, p) in with_iy_variants(&phrases) {
        // A plain phrase that one of the group's entries refines is left out of the plain list.
        if entry_phrases.contains(&phrases[i]) {
            continue;
        }
        plain.extend(syl.numbers(&p));
        plain.push(PHRASE_END.to_string());
    }
    let plain = format!("&[{}]", plain.join(", "));
    let entries: Vec<String> = with_iy_variants(&entry_phrases)
        .into_iter()
        .map(|(i, p)| {
            let e = &entry_values[i];
            format!(
                "EntryData {{ p: {}, unaccented: {}, caps: {}, alone: {}, needs_target: {}, severity: {}, suggestion: {}, not_after: {}, not_before: {}, dodge: {}, ends_clause: {} }}",
                syl.phrase(&p),
                opt_unaccented(e),
                opt_bool(e, "caps"),
                opt_bool(e, "alone"),
                opt_bool(e, "needs_target"),
                match e.get("severity").and_then(Value::as_str) {
                    Some(s) => format!("Some(Severity::{})", variant(s)),
                    None => "None".to_string(),
                },
                opt_str(e, "suggestion"),
                str_list(e, "not_after"),
                str_list(e, "not_before"),
                opt_bool(e, "dodge"),
                opt_bool(e, "ends_clause"),
            )
        })
        .collect();
    format!(
        "GroupData {{ id: {}, category: Category::{}, severity: Severity::{}, duties: &[{}], vi: {}, en: {}, suggestion: {}, unaccented: {}, caps: {}, alone: {}, needs_target: {}, cross: {}, dodge: {}, not_after: {}, not_before: {}, phrases: {}, entries: &[{}] }}",
        lit(&text("id")),
        variant(&text("category")),
        variant(&text("severity")),
        duties.join(", "),
        lit(text("vi").trim()),
        lit(text("en").trim()),
        opt_str(g, "suggestion"),
        opt_unaccented(g),
        flag("caps"),
        flag("alone"),
        flag("needs_target"),
        flag("cross"),
        flag("dodge"),
        str_list(g, "not_after"),
        str_list(g, "not_before"),
        plain,
        entries.join(",\n        "),
    )
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/text");
    println!("cargo:rerun-if-changed=build_compat.rs");
    println!("cargo:rerun-if-changed=build_tone.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut files_rs = String::new();
    let mut lists_rs = String::new();
    let mut syl = Syllables::default();
    for f in FILES {
        let src = Path::new("data").join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        let text =
            std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut json: Value =
            serde_json::to_value(&value).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        check_file_fields(f, &json);
        for field in [
            "phrases",
            "targets",
            "pronouns",
            "everyday_folds",
            "sources",
            "debunk",
            "reject_before",
            "consequence",
        ] {
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
        match *f {
            "allow.toml" => lists_rs.push_str(&format!(
                "/// `data/allow.toml`, keyed.\npub static ALLOW_PHRASES: &[&str] = {};\n",
                str_list(&json, "phrases")
            )),
            "claims.toml" => {
                for (field, name) in [
                    ("sources", "CLAIM_SOURCES"),
                    ("debunk", "CLAIM_DEBUNK"),
                    ("reject_before", "CLAIM_REJECT_BEFORE"),
                    ("consequence", "CLAIM_CONSEQUENCE"),
                ] {
                    lists_rs.push_str(&format!(
                        "/// `data/claims.toml` `{field}`, keyed.\npub static {name}: &[&str] = {};\n",
                        str_list(&json, field)
                    ));
                }
            }
            "context.toml" => lists_rs.push_str(&format!(
                "/// `data/context.toml` targets, keyed.\npub static TARGETS: &[&str] = {};\n/// `data/context.toml` pronouns, keyed.\npub static PRONOUNS: &[&str] = {};\n/// `data/context.toml` everyday folded forms, keyed, sorted.\npub static EVERYDAY_FOLDS: &[&str] = {};\n",
                str_list(&json, "targets"),
                str_list(&json, "pronouns"),
                {
                    // Sorted: the engine looks phrases up by binary search.
                    let mut folds: Vec<&str> = json
                        .get("everyday_folds")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    folds.sort_unstable();
                    folds.dedup();
                    let items: Vec<String> = folds.into_iter().map(lit).collect();
                    format!("&[{}]", items.join(", "))
                }
            )),
            _ => {
                let groups: Vec<String> = json
                    .get("group")
                    .and_then(Value::as_array)
                    .map(|gs| gs.iter().map(|g| group_rust(f, g, &mut syl)).collect())
                    .unwrap_or_default();
                files_rs.push_str(&format!(
                    "    ({}, &[\n        {}\n    ]),\n",
                    lit(f),
                    groups.join(",\n        ")
                ));
            }
        }
    }
    let code = format!(
        "// Generated by build.rs from data/*.toml (phrases keyed); do not edit.\n\n/// The lexicon files: (file name, its groups).\npub static BUILTIN: &[(&str, &[GroupData])] = &[\n{files_rs}];\n{lists_rs}{}",
        syl.rust()
    );
    let dest = Path::new(&out).join("lexicon_data.rs");
    std::fs::write(&dest, code).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    build_links::write(&out);
    compat::write(&out);
    tone_tables::write(&out);
}
