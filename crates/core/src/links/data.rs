//! The link lists, compiled in from `crates/core/data/links/` and parsed once.
//!
//! | file | what | used for |
//! |---|---|---|
//! | `public_suffix.dat` | trimmed Public Suffix List (MPL-2.0), made by `trim_psl.py` | registrable domain, TLD set |
//! | `official.txt` | state domains (+ every `*.gov.vn` by rule) | `official`, look-alikes |
//! | `press.txt` | licensed Vietnamese outlets, each with its source | `registered_press`, look-alikes |
//! | `brands.txt` | banks, e-wallets, telecoms, shops, social networks | look-alikes only |
//! | `shorteners.txt` | public URL shorteners | `url_shortener` |
//! | `risky_tlds.txt` | TLDs of throw-away scam sites | `suspicious_tld` |
//! | `lures.txt` | words of state services and payouts in scam hosts | `suspicious_tld` made strong |
//! | `confusables.txt` | UTS #39 confusables whose prototype is ASCII | skeletons |
//!
//! ## Why a trimmed public-suffix list (size trade-off, measured for `wasm32-unknown-unknown`,
//! `opt-level = "s"`, LTO)
//! The `psl` crate compiles the whole list into code (≈ 950 KB of `.wasm`); the `publicsuffix`
//! crate with the full list as data is ≈ 380 KB, its ICANN section alone 84 KB of text. We use
//! `publicsuffix` (≈ 15 KB of code, no `idna` feature: hosts reach it already in punycode) with
//! an 18 KB list: every TLD, every rule under `.vn` (with the 63 province suffixes such as
//! `hanoi.vn`), the generic second-level rules of other country TLDs (`co.uk`, `com.au`, …)
//! and a few hosting suffixes (`github.io`, `web.app`, …). A host matching no rule falls back
//! to the list's default rule `*` (the last label is the suffix), so the registrable domain is
//! wrong only under the dropped, rarer rules (e.g. `city.kawasaki.jp`), where it comes out one
//! label too short; that affects neither `.vn` domains nor the look-alike checks of our lists.

use publicsuffix::{List, Psl};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// The sorted tables `build_links.rs` writes from the list files (the TLDs, the suffix rules
/// grouped by TLD, the confusables): looked up by binary search, nothing to build at run time.
mod tables {
    include!(concat!(env!("OUT_DIR"), "/links_data.rs"));
}
use tables::{
    BRANDS, CONFUSABLE_CHARS, CONFUSABLE_PROTO, LURES, OFFICIAL, PRESS, PROTECTED_LABELS,
    PROTOTYPES, PSL_STARTS, PSL_TEXT, RISKY_TLDS, SHORTENERS,
};

/// Group `i` of `PSL_TEXT` (`PSL_STARTS` ends with the text's length).
fn group(i: usize) -> &'static str {
    let (a, b) = (usize::from(PSL_STARTS[i]), usize::from(PSL_STARTS[i + 1]));
    PSL_TEXT.get(a..b).unwrap_or("")
}

/// The index of the `PSL_TEXT` group of the TLD `tld` (binary search: groups are sorted).
fn find_group(tld: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, PSL_STARTS.len() - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match group_tld(group(mid)).cmp(tld) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The TLD of a `PSL_TEXT` group: the last label of its first rule.
fn group_tld(g: &str) -> &str {
    let first = g.split(['\0', '\n']).find(|r| !r.is_empty()).unwrap_or(g);
    first.rsplit('.').next().unwrap_or(first)
}

/// The build script's grouping of the list files, which the tests read the compiled-in
/// tables back against.
#[cfg(test)]
#[allow(dead_code)]
#[path = "../../build_links.rs"]
mod build_links;

#[cfg(test)]
const PUBLIC_SUFFIX: &str = include_str!("../../data/links/public_suffix.dat");

/// Which list a known domain comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `official.txt`.
    Official,
    /// `press.txt`.
    Press,
    /// `brands.txt`.
    Brand,
}

/// One protected domain (official, press or brand) and its precomputed comparison forms.
#[derive(Debug)]
pub(crate) struct Protected {
    /// The registrable domain, e.g. `dantri.com.vn`.
    pub domain: &'static str,
    /// The label left of the public suffix, e.g. `dantri`.
    pub label: &'static str,
    /// The name and source column of the list, e.g. `Báo Dân trí — …`.
    pub name: &'static str,
    /// Which list.
    pub kind: Kind,
    /// Brands that legitimately use many TLDs (`global` in `brands.txt`): no suffix-swap check.
    pub global: bool,
    /// [`super::similar::key`] of `label` (skeleton, accent-folded).
    pub key: String,
    /// `domain` without its dots, e.g. `dantricomvn`.
    pub flat: String,
    /// The labels of `domain`, e.g. `["dantri", "com", "vn"]`.
    pub domain_labels: Vec<&'static str>,
}

/// The public-suffix list, parsed one TLD at a time.
///
/// Every rule ends in the TLD it lives under, so the rules of one TLD give a host under it the
/// same answer as the whole list (a TLD without rules: the default rule `*`, as in the whole
/// list). Parsing all 2,600 lines with `publicsuffix` takes most of the lists' start-up (about
/// 5 ms natively, tens of milliseconds in a freshly started WebAssembly instance); a post's
/// first link needs the rules of a handful of TLDs. The rules come grouped by TLD from
/// `build_links.rs` (`PSL_TEXT`).
pub(crate) struct Suffixes {
    /// The lists parsed from the groups of `PSL_TEXT`, same index, each on first use.
    parsed: Box<[OnceLock<List>]>,
}

impl Suffixes {
    fn new() -> Self {
        Suffixes {
            parsed: std::iter::repeat_with(OnceLock::new)
                .take(PSL_STARTS.len() - 1)
                .collect(),
        }
    }

    /// `f` applied to the list of the rules of `host`'s TLD (its last label; `publicsuffix`
    /// skips the empty label after a final dot, and so does this).
    fn with_list<R>(&self, host: &[u8], f: impl FnOnce(&List) -> R) -> R {
        let name = host.strip_suffix(b".").unwrap_or(host);
        let last = name.rsplit(|&b| b == b'.').next().unwrap_or(name);
        let Some(i) = std::str::from_utf8(last).ok().and_then(find_group) else {
            return f(&List::new()); // no rule: the default rule `*`
        };
        // The embedded list is generated and tested (`tests/links.rs`); should a section ever
        // fail to parse, the default rule `*` still answers, never a panic.
        f(self.parsed[i].get_or_init(|| {
            let g = group(i);
            let (icann, private) = g.split_once('\0').unwrap_or((g, ""));
            let text = format!(
                "// ===BEGIN ICANN DOMAINS===\n{icann}\n// ===END ICANN DOMAINS===\n\
                 // ===BEGIN PRIVATE DOMAINS===\n{private}\n// ===END PRIVATE DOMAINS===\n"
            );
            text.parse().unwrap_or_default()
        }))
    }

    /// The public suffix of `host` (lower-case ASCII), if any: the end of `host`.
    pub fn suffix<'a>(&self, host: &'a str) -> Option<&'a str> {
        let len = self.with_list(host.as_bytes(), |l| {
            l.suffix(host.as_bytes()).map(|s| s.as_bytes().len())
        })?;
        host.get(host.len().checked_sub(len)?..)
    }

    /// The registrable domain of `host` (public suffix + one label), if any: the end of `host`.
    pub fn domain<'a>(&self, host: &'a str) -> Option<&'a str> {
        let len = self.with_list(host.as_bytes(), |l| {
            l.domain(host.as_bytes()).map(|d| d.as_bytes().len())
        })?;
        host.get(host.len().checked_sub(len)?..)
    }
}

/// Every list, parsed.
pub(crate) struct Lists {
    /// The trimmed public-suffix list.
    pub psl: Suffixes,
    /// The TLDs of the public-suffix list (lower-case ASCII, IDN TLDs in punycode).
    pub tlds: &'static Tlds,
    /// All protected domains, official first, then press, then brands.
    pub protected: Vec<Protected>,
    /// Registrable domain → index into `protected`.
    pub by_domain: HashMap<&'static str, usize>,
    /// Registrable domains of URL shorteners.
    pub shorteners: HashSet<&'static str>,
    /// Risky TLDs.
    pub risky_tlds: HashSet<&'static str>,
    /// Lure words (lower-case ASCII), looked for inside a host's labels under a risky TLD.
    pub lures: Vec<&'static str>,
    /// Confusable character → its ASCII prototype (lower case).
    pub confusables: Confusables,
}

/// The TLDs of the public-suffix list: its rules without a dot, each the first rule of its
/// group in `PSL_TEXT` in practice.
pub(crate) struct Tlds;

impl Tlds {
    /// Whether `t` is one of them (exact, lower-case ASCII or punycode).
    pub fn contains(&self, t: &str) -> bool {
        find_group(t).is_some_and(|i| group(i).split(['\0', '\n']).any(|rule| rule == t))
    }
}

/// Confusable characters and their ASCII prototypes (`CONFUSABLE_CHARS`, sorted).
pub(crate) struct Confusables;

impl Confusables {
    /// The prototype of `c` (lower case), if `c` is a confusable of the list.
    pub fn get(&self, c: &char) -> Option<&'static str> {
        let i = CONFUSABLE_CHARS.binary_search(c).ok()?;
        PROTOTYPES
            .get(usize::from(*CONFUSABLE_PROTO.get(i)?))
            .copied()
    }
}

/// The data lines of a list file: comments (`#`) and blank lines dropped, columns split on tabs.
fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The lists, parsed on first use (about a millisecond natively; tens of milliseconds in a
/// freshly started WebAssembly instance, most of it compiling the code that runs) and shared
/// after.
pub(crate) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(build)
}

/// The TLDs alone (what finding URL candidates in a post needs): nothing to build.
pub(crate) fn tlds() -> &'static Tlds {
    &Tlds
}

fn build() -> Lists {
    let mut lists = Lists {
        psl: Suffixes::new(),
        tlds: tlds(),
        protected: Vec::new(),
        by_domain: HashMap::default(),
        shorteners: rows(SHORTENERS)
            .filter_map(|r| r.first().copied())
            .collect(),
        risky_tlds: rows(RISKY_TLDS)
            .filter_map(|r| r.first().copied())
            .collect(),
        lures: rows(LURES).filter_map(|r| r.first().copied()).collect(),
        confusables: Confusables,
    };
    for (src, kind) in [
        (OFFICIAL, Kind::Official),
        (PRESS, Kind::Press),
        (BRANDS, Kind::Brand),
    ] {
        for row in rows(src) {
            let Some(&domain) = row.first() else { continue };
            if lists.by_domain.contains_key(domain) {
                continue;
            }
            // Found at build time (`build_links.rs`); every listed domain is in the table.
            let label = PROTECTED_LABELS
                .binary_search_by(|(d, _)| d.cmp(&domain))
                .map_or(domain, |i| PROTECTED_LABELS[i].1);
            let entry = Protected {
                domain,
                label,
                name: row.get(1).copied().unwrap_or(domain),
                kind,
                global: row.get(2).is_some_and(|f| *f == "global"),
                key: super::similar::key(label, &lists.confusables),
                flat: domain.replace('.', ""),
                domain_labels: domain.split('.').collect(),
            };
            lists.by_domain.insert(domain, lists.protected.len());
            lists.protected.push(entry);
        }
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The build-time tables hold what reading the list files at run time gave before.
    #[test]
    fn tables_equal_the_list_files() {
        let want: HashSet<&str> = PUBLIC_SUFFIX
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//") && !l.contains('.'))
            .collect();
        assert!(want.iter().all(|t| tlds().contains(t)));
        assert!(!tlds().contains("v.v") && !tlds().contains("") && !tlds().contains("VN"));

        let by_tld = build_links::psl_by_tld(PUBLIC_SUFFIX);
        let groups: Vec<Vec<&str>> = (0..PSL_STARTS.len() - 1)
            .map(|i| {
                let g = group(i);
                std::iter::once(group_tld(g)).chain(g.split('\0')).collect()
            })
            .collect();
        assert_eq!(by_tld.len(), groups.len());
        assert!(groups.windows(2).all(|w| w[0][0] < w[1][0]));
        for g in &groups {
            let [tld, icann, private] = g[..] else {
                panic!("{g:?}")
            };
            let (want_icann, want_private) = &by_tld[tld];
            assert_eq!(find_group(tld).map(|i| groups[i][0]), Some(tld));
            assert_eq!(icann, want_icann.join("\n"), "{tld}");
            assert_eq!(private, want_private.join("\n"), "{tld}");
            for rule in icann.split('\n').chain(private.split('\n')) {
                assert_eq!(tlds().contains(rule), want.contains(rule), "{rule}");
            }
            assert_eq!(tlds().contains(tld), want.contains(tld), "{tld}");
        }

        let conf = build_links::confusable_map(include_str!("../../data/links/confusables.txt"));
        assert_eq!(conf.len(), CONFUSABLE_CHARS.len());
        assert!(CONFUSABLE_CHARS.windows(2).all(|w| w[0] < w[1]));
        let table = &lists().confusables;
        for (c, proto) in &conf {
            assert_eq!(table.get(c), Some(*proto), "{c:?}");
        }
        assert_eq!(table.get(&'a'), None);
    }

    /// The domain lists without their comments give the rows of the list files.
    #[test]
    fn lists_hold_the_rows_of_the_files() {
        for (table, file) in [
            (OFFICIAL, include_str!("../../data/links/official.txt")),
            (PRESS, include_str!("../../data/links/press.txt")),
            (BRANDS, include_str!("../../data/links/brands.txt")),
            (SHORTENERS, include_str!("../../data/links/shorteners.txt")),
            (RISKY_TLDS, include_str!("../../data/links/risky_tlds.txt")),
            (LURES, include_str!("../../data/links/lures.txt")),
        ] {
            assert!(rows(table).eq(rows(file)));
            assert!(!table.contains('#'));
        }
        // Link explanations may start a sentence with a protected domain, capitalised as ASCII.
        assert!(lists().protected.iter().all(|p| p.domain.is_ascii()));
    }

    /// The labels found at build time are what the run-time suffix rules give, for every
    /// domain of the protected lists.
    #[test]
    fn protected_labels_match_the_suffix_rules() {
        let psl = Suffixes::new();
        let mut n = 0;
        for src in [OFFICIAL, PRESS, BRANDS] {
            for row in rows(src) {
                let Some(&domain) = row.first() else { continue };
                let suffix_len = psl.suffix(domain).map_or(0, str::len);
                let label = domain
                    .get(..domain.len().saturating_sub(suffix_len + 1))
                    .filter(|l| !l.is_empty())
                    .unwrap_or(domain);
                let label = label.rsplit('.').next().unwrap_or(label);
                let i = PROTECTED_LABELS
                    .binary_search_by(|(d, _)| d.cmp(&domain))
                    .unwrap_or_else(|_| panic!("{domain} not in PROTECTED_LABELS"));
                assert_eq!(PROTECTED_LABELS[i].1, label, "{domain}");
                n += 1;
            }
        }
        assert!(n > 100, "{n} domains");
    }

    /// The list split by TLD answers every host as the whole list does.
    #[test]
    fn suffixes_by_tld_answer_as_the_whole_list() {
        let whole: List = PUBLIC_SUFFIX.parse().expect("the embedded list parses");
        let split = Suffixes::new();
        let mut hosts = vec![
            "example.com".to_string(),
            "www.example.com.".to_string(),
            "chinhphu.gov.vn".to_string(),
            "a.b.hanoi.vn".to_string(),
            "unknown-tld.zzzz".to_string(),
            "com".to_string(),
            ".".to_string(),
            String::new(),
            "x..com".to_string(),
            "user.github.io".to_string(),
        ];
        for line in PUBLIC_SUFFIX.lines() {
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            if rule.starts_with("//") {
                continue;
            }
            let rule = rule.trim_start_matches('!').replace('*', "wild");
            hosts.push(rule.clone());
            hosts.push(format!("site.{rule}"));
            hosts.push(format!("www.site.{rule}."));
        }
        for h in &hosts {
            let b = h.as_bytes();
            let want_suffix = whole.suffix(b).map(|s| s.as_bytes().to_vec());
            let want_domain = whole.domain(b).map(|d| d.as_bytes().to_vec());
            assert_eq!(
                split.suffix(h).map(|s| s.as_bytes().to_vec()),
                want_suffix,
                "{h}"
            );
            assert_eq!(
                split.domain(h).map(|d| d.as_bytes().to_vec()),
                want_domain,
                "{h}"
            );
        }
        assert!(hosts.len() > 5_000);
    }
}
