//! The link tables of `src/links/data.rs`, prepared at build time (included by `build.rs`):
//! sorted statics in `OUT_DIR/links_data.rs`, searched by binary search, so a worker's first
//! link builds no set or map from the list files. In a freshly started WebAssembly instance
//! those loops ran in baseline code and made V8 tier them up while the first answer waited
//! (measured in Node, one thread, on the loaded 2-core machine: the first analysis holding a
//! link took about 10 ms less CPU without them).
//!
//! The grouping rules are the ones `data.rs` applied at run time before; its tests compare
//! every table with the list files. The domain lists (`official.txt`, `press.txt`, …) go in
//! with their data lines only: their comments need not ship in the `.wasm`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The data lines of a list file, as `data.rs` reads them: trimmed, comments (`#`) and blank
/// lines dropped, columns split on tabs and trimmed.
fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn read(name: &str) -> String {
    let path = Path::new("data/links").join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `parts` joined by `sep`, and where each part starts (then the end of the text).
fn joined(parts: &[&str], sep: &str) -> (String, Vec<u16>) {
    let text = parts.join(sep);
    let mut starts = Vec::with_capacity(parts.len() + 1);
    let mut at = 0;
    for p in parts {
        starts.push(u16::try_from(at).expect("link tables under 64 KB"));
        at += p.len() + sep.len();
    }
    starts.push(u16::try_from(text.len()).expect("link tables under 64 KB"));
    (text, starts)
}

/// The label of `domain` just left of its public suffix (`dantri` of `dantri.com.vn`), or the
/// whole domain when nothing is left of the suffix: what `data.rs` computed at run time.
fn protected_label<'a>(list: &publicsuffix::List, domain: &'a str) -> &'a str {
    use publicsuffix::Psl;
    let suffix_len = list
        .suffix(domain.as_bytes())
        .map_or(0, |s| s.as_bytes().len());
    let label = domain
        .get(..domain.len().saturating_sub(suffix_len + 1))
        .filter(|l| !l.is_empty())
        .unwrap_or(domain);
    label.rsplit('.').next().unwrap_or(label)
}

/// The rules of the public-suffix list `psl` grouped by the TLD they end in, sorted by TLD:
/// (ICANN rules, private rules), each in list order. `src/links/data.rs`'s tests read the
/// compiled-in tables back against it.
pub fn psl_by_tld(psl: &str) -> BTreeMap<&str, (Vec<&str>, Vec<&str>)> {
    let mut by_tld: BTreeMap<&str, (Vec<&str>, Vec<&str>)> = BTreeMap::new();
    let mut private = false;
    for line in psl.lines() {
        if line.contains("BEGIN PRIVATE DOMAINS") {
            private = true;
        }
        let Some(rule) = line.split_whitespace().next() else {
            continue;
        };
        if rule.starts_with("//") {
            continue;
        }
        let tld = rule.rsplit('.').next().unwrap_or(rule);
        let entry = by_tld.entry(tld).or_default();
        if private {
            entry.1.push(rule);
        } else {
            entry.0.push(rule);
        }
    }
    by_tld
}

/// Confusable character → its ASCII prototype, from `confusables.txt` (a later line wins).
pub fn confusable_map(src: &str) -> BTreeMap<char, &str> {
    let mut conf: BTreeMap<char, &str> = BTreeMap::new();
    for row in rows(src) {
        if let [proto, chars] = row[..] {
            for c in chars.chars() {
                conf.insert(c, proto);
            }
        }
    }
    conf
}

/// Writes `links_data.rs` into `out` (the `OUT_DIR`).
pub fn write(out: &str) {
    println!("cargo:rerun-if-changed=build_links.rs");
    let psl = read("public_suffix.dat");
    let confusables = read("confusables.txt");

    let by_tld = psl_by_tld(&psl);
    let conf = confusable_map(&confusables);

    // Compact forms (the `.wasm` holds them): strings joined into one text with `u16` start
    // offsets, characters as a sorted array with an index into the prototypes.
    let mut rs = String::new();
    let groups: Vec<String> = by_tld
        .values()
        .map(|(icann, private)| format!("{}\0{}", icann.join("\n"), private.join("\n")))
        .collect();
    let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
    let (text, starts) = joined(&groups, "");
    rs.push_str(
        "/// The rules grouped by the TLD they end in, sorted by TLD: `tld NUL icann-rules NUL\n",
    );
    rs.push_str("/// private-rules`, the rules one a line.\n");
    let _ = writeln!(rs, "pub(crate) static PSL_TEXT: &str = {text:?};");
    rs.push_str("/// Where each group starts in `PSL_TEXT`, and its length at the end.\n");
    let _ = writeln!(
        rs,
        "pub(crate) static PSL_STARTS: [u16; {}] = {starts:?};",
        starts.len()
    );

    let protos: BTreeSet<&str> = conf.values().copied().collect();
    let protos: Vec<&str> = protos.into_iter().collect();
    let chars: Vec<char> = conf.keys().copied().collect();
    let index: Vec<u8> = conf
        .values()
        .map(|p| u8::try_from(protos.binary_search(p).unwrap_or(0)).expect("< 256 prototypes"))
        .collect();
    rs.push_str("/// Confusable characters, sorted.\n");
    let _ = writeln!(
        rs,
        "pub(crate) static CONFUSABLE_CHARS: [char; {}] = {chars:?};",
        chars.len()
    );
    rs.push_str("/// The prototype of each, as an index into `PROTOTYPES`.\n");
    let _ = writeln!(
        rs,
        "pub(crate) static CONFUSABLE_PROTO: [u8; {}] = {index:?};",
        index.len()
    );
    rs.push_str("/// The ASCII prototypes (lower case).\n");
    let _ = writeln!(
        rs,
        "pub(crate) static PROTOTYPES: [&str; {}] = {protos:?};",
        protos.len()
    );
    // The domain lists, their data lines only (the comments stay out of the `.wasm`).
    for (name, file) in [
        ("OFFICIAL", "official.txt"),
        ("PRESS", "press.txt"),
        ("BRANDS", "brands.txt"),
        ("SHORTENERS", "shorteners.txt"),
        ("RISKY_TLDS", "risky_tlds.txt"),
        ("LURES", "lures.txt"),
    ] {
        let src = read(file);
        let lines: Vec<&str> = src
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let _ = writeln!(rs, "/// `{file}` without its comments and blank lines.");
        let _ = writeln!(
            rs,
            "pub(crate) static {name}: &str = {:?};",
            lines.join("\n")
        );
    }
    // The label of each listed domain left of its public suffix (`dantri` of `dantri.com.vn`),
    // found here so that the first link of a worker parses no suffix rules for the lists.
    let list: publicsuffix::List = psl.parse().expect("public_suffix.dat parses");
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for file in ["official.txt", "press.txt", "brands.txt"] {
        for row in rows(&read(file)) {
            let Some(&domain) = row.first() else { continue };
            labels
                .entry(domain.to_string())
                .or_insert_with(|| protected_label(&list, domain).to_string());
        }
    }
    let labels: Vec<(&str, &str)> = labels
        .iter()
        .map(|(d, l)| (d.as_str(), l.as_str()))
        .collect();
    rs.push_str(
        "/// (domain, its label left of the public suffix) of the protected lists, sorted.\n",
    );
    let _ = writeln!(
        rs,
        "pub(crate) static PROTECTED_LABELS: [(&str, &str); {}] = {labels:?};",
        labels.len()
    );
    let dest = Path::new(out).join("links_data.rs");
    std::fs::write(&dest, rs).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
