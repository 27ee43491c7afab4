//! Phrase lexicons: the data files of `crates/core/data/*.toml`, compiled into two syllable
//! tries (one over accented syllable keys, one over folded keys) that match whole syllables
//! only.
//!
//! `build.rs` turns the TOML into JSON and replaces every phrase by its syllable keys, computed
//! with this crate's text model, so that [`Lexicon::build`] only parses, numbers syllables and
//! fills the tries (a few milliseconds; the extension builds an engine on every service-worker
//! cold start). Custom phrases from the config are keyed at build time of the engine.
//!
//! A data file holds `[[group]]` tables. A group gives what its phrases share: `id` (the rule
//! id is `<category>.<id>`), `category`, `severity`, `duties`, the messages `vi` and `en`, an
//! optional `suggestion` (`""` means "remove it"), and defaults for the per-phrase options.
//! Its phrases are `phrases = ["…"]` (plain strings) and `entries = [{ p = "…", … }]` (with
//! options). Options:
//! - `unaccented`: `true` — the phrase is safe to match in text written without diacritics
//!   (through its folded form); `false` — only with its diacritics; `"context"` — without
//!   diacritics only next to a target word (`thằng`, `mày`, `bọn` …; see `context.toml`).
//! - `caps`: only when every matched syllable is written in capitals.
//! - `alone`: only when the phrase is all its line or sentence holds (a document mark such as
//!   `MẬT` or `KHẨN` on a line of its own, not `KHOAI LANG MẬT` or `TIN KHẨN: bão số 3`).
//! - `needs_target`: only with a target word right before (or a 2nd-person pronoun right after).
//! - `not_after` / `not_before`: phrases that, right before / right after, cancel the match.
//! - `cross`: the phrase may span punctuation (`Độc lập - Tự do`).
//! - `dodge`: a single-syllable phrase also matches when spelled out with separators
//!   (`đ m`, `n g u`, `d-m`); on by default for single syllables in groups with `dodge = true`.

use crate::text::{self, Gap, Normalized, Token};
use crate::{Category, Message, Severity};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::HashMap;

/// The built-in lexicon files (`data/*.toml`, turned into JSON by `build.rs`), compiled in.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "internal_document.toml",
        include_str!(concat!(env!("OUT_DIR"), "/internal_document.json")),
    ),
    (
        "unverified_claim.toml",
        include_str!(concat!(env!("OUT_DIR"), "/unverified_claim.json")),
    ),
    (
        "inflammatory.toml",
        include_str!(concat!(env!("OUT_DIR"), "/inflammatory.json")),
    ),
    (
        "insinuation.toml",
        include_str!(concat!(env!("OUT_DIR"), "/insinuation.json")),
    ),
    (
        "personal_data.toml",
        include_str!(concat!(env!("OUT_DIR"), "/personal_data.json")),
    ),
];

/// The built-in allow-list (`data/allow.toml`): idioms and everyday phrases that hold a
/// flagged word without its meaning.
pub const ALLOW: &str = include_str!(concat!(env!("OUT_DIR"), "/allow.json"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AllowFile {
    phrases: Vec<String>,
}

/// The built-in allow-list as syllable-key sequences.
///
/// # Errors
/// A [`LexiconError`] when `data/allow.toml` does not parse (a broken build; tested).
pub fn builtin_allow() -> Result<Vec<Vec<String>>, LexiconError> {
    let f: AllowFile =
        serde_json::from_str(ALLOW).map_err(|e| LexiconError(format!("allow.toml: {e}")))?;
    Ok(f.phrases
        .iter()
        .map(|p| keyed_keys(p).0)
        .filter(|k| !k.is_empty())
        .collect())
}

/// The context word lists (`data/context.toml`).
pub const CONTEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/context.json"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    group: Vec<Group>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    id: String,
    category: Category,
    severity: Severity,
    #[serde(default)]
    duties: Vec<u8>,
    vi: String,
    en: String,
    #[serde(default)]
    suggestion: Option<String>,
    #[serde(default)]
    unaccented: Option<Unaccented>,
    #[serde(default)]
    caps: bool,
    #[serde(default)]
    alone: bool,
    #[serde(default)]
    needs_target: bool,
    #[serde(default)]
    cross: bool,
    #[serde(default)]
    dodge: bool,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    entries: Vec<EntryIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryIn {
    p: String,
    #[serde(default)]
    unaccented: Option<Unaccented>,
    #[serde(default)]
    caps: Option<bool>,
    #[serde(default)]
    alone: Option<bool>,
    #[serde(default)]
    needs_target: Option<bool>,
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    suggestion: Option<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    dodge: Option<bool>,
}

/// Whether a phrase may match text written without diacritics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Unaccented {
    /// `true`: safe without diacritics; `false`: never.
    Flag(bool),
    /// `"context"`: only next to a target word.
    Word(ContextWord),
}

/// The one word form of [`Unaccented`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContextWord {
    /// Needs a target word next to it.
    Context,
}

/// A group's shared data.
#[derive(Debug, Clone)]
pub struct Rule {
    /// `<category>.<group id>`.
    pub id: String,
    /// Category of its findings.
    pub category: Category,
    /// Messages.
    pub message: Message,
    /// Duties it serves.
    pub duties: Vec<u8>,
}

/// One phrase, compiled.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into [`Lexicon::rules`].
    pub rule: usize,
    /// Severity of its findings.
    pub severity: Severity,
    /// Suggestion, if any.
    pub suggestion: Option<String>,
    /// Whether it may match unaccented text.
    pub unaccented: Unaccented,
    /// Only in capitals.
    pub caps: bool,
    /// Only as all its line or sentence holds.
    pub alone: bool,
    /// Needs a target word.
    pub needs_target: bool,
    /// May cross punctuation.
    pub cross: bool,
    /// Cancelling left contexts (each a list of accented keys).
    pub not_after: Vec<Vec<String>>,
    /// Cancelling right contexts.
    pub not_before: Vec<Vec<String>>,
    /// For phrases with a `*` wildcard: the syllable keys of each part (the `*` between two
    /// parts stands for zero to [`WILDCARD_SPAN`] syllables). Empty for ordinary phrases.
    pub parts: Vec<Vec<String>>,
}

/// How many syllables a `*` in a phrase may stand for.
pub const WILDCARD_SPAN: usize = 6;

/// Word lists used by context rules.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextLists {
    /// Words that aim an insult at a person: `thằng`, `con`, `lũ`, `bọn`, `đồ` …
    pub targets: Vec<String>,
    /// Second-person pronouns that aim the preceding word at the reader: `mày`, `bây` …
    pub pronouns: Vec<String>,
}

/// A match of a lexicon entry on a token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
}

/// One side (accented or folded) of the phrase index: a trie over syllables. Each syllable
/// key of the lexicon gets a number; a trie node is reached by a sequence of syllable numbers
/// from the root and holds the entries whose phrase is exactly that sequence. Matching walks
/// the trie from every token, one hash lookup per syllable, and stops at the first syllable
/// that continues no phrase (phrases are a few syllables long, so this is linear in the
/// number of tokens).
#[derive(Debug, Default)]
struct PhraseTrie {
    /// Syllable key → its number.
    syllables: FxHashMap<String, u32>,
    /// (node, syllable number) → child node. The root is node 0.
    edges: FxHashMap<(u32, u32), u32>,
    /// Entries of each node's phrase (by node number).
    outputs: Vec<Vec<usize>>,
}

impl PhraseTrie {
    fn new() -> PhraseTrie {
        PhraseTrie {
            outputs: vec![Vec::new()],
            ..PhraseTrie::default()
        }
    }

    /// Registers entry `idx` under the phrase spelled by `keys`.
    fn add(&mut self, keys: &[String], idx: usize) {
        let mut node = 0u32;
        for k in keys {
            let syl = match self.syllables.get(k.as_str()) {
                Some(&s) => s,
                None => {
                    let n = self.syllables.len() as u32;
                    self.syllables.insert(k.clone(), n);
                    n
                }
            };
            let next = self.outputs.len() as u32;
            node = *self.edges.entry((node, syl)).or_insert(next);
            if node == next {
                self.outputs.push(Vec::new());
            }
        }
        if let Some(out) = self.outputs.get_mut(node as usize) {
            out.push(idx);
        }
    }

    /// Calls `f(first, last, entries)` for every occurrence of a phrase in `keys` (the
    /// tokens' keys, one per token), overlapping ones included; `first..=last` are token
    /// indices.
    fn for_each_match<'a>(
        &self,
        keys: impl Iterator<Item = &'a str>,
        mut f: impl FnMut(usize, usize, &[usize]),
    ) {
        let ids: Vec<Option<u32>> = keys.map(|k| self.syllables.get(k).copied()).collect();
        for first in 0..ids.len() {
            let mut node = 0u32;
            for (last, id) in ids.iter().enumerate().skip(first) {
                let Some(next) = id.and_then(|id| self.edges.get(&(node, id))) else {
                    break;
                };
                node = *next;
                if let Some(out) = self.outputs.get(node as usize) {
                    if !out.is_empty() {
                        f(first, last, out);
                    }
                }
            }
        }
    }
}

/// The compiled lexicons.
#[derive(Debug)]
pub struct Lexicon {
    /// Groups.
    pub rules: Vec<Rule>,
    /// Phrases.
    pub entries: Vec<Entry>,
    accented: PhraseTrie,
    folded: PhraseTrie,
    dodges: HashMap<String, Vec<usize>>,
    wildcards: Vec<usize>,
    /// Context word lists (accented keys and folded keys).
    pub targets: Vec<String>,
    /// Folded target words.
    pub targets_folded: Vec<String>,
    /// Second-person pronouns.
    pub pronouns: Vec<String>,
    /// [`Lexicon::pronouns`] without diacritics.
    pub pronouns_folded: Vec<String>,
}

/// Why the built-in or custom lexicon could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

/// The accented and folded syllable keys of a phrase (normalised as text is).
pub fn phrase_keys(p: &str) -> (Vec<String>, Vec<String>) {
    let n = Normalized::new(p);
    let toks = text::tokenize(&n, p);
    (
        toks.iter().map(|t| t.key.to_string()).collect(),
        toks.iter().map(|t| t.fold.to_string()).collect(),
    )
}

/// The keys of a phrase of the built-in data, which `build.rs` has already keyed (syllable
/// keys joined by single spaces): the keys as they stand, and their folded forms.
fn keyed_keys(p: &str) -> (Vec<String>, Vec<String>) {
    let keys: Vec<String> = p
        .split(' ')
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect();
    let folds = keys.iter().map(|k| text::tone::fold(k)).collect();
    (keys, folds)
}

/// The keys of a phrase under construction: built-in phrases come keyed, custom ones are
/// keyed here.
fn entry_keys(p: &str, keyed: bool) -> (Vec<String>, Vec<String>) {
    if keyed {
        keyed_keys(p)
    } else {
        phrase_keys(p)
    }
}

/// Whether a phrase matches text without diacritics when neither it nor its group says:
/// phrases of two or more syllables, and single syllables written without diacritics
/// (teencode such as `vcl`), do; a single syllable with diacritics does not (`đụ` folds to
/// `du`, the `du` of `du lịch`).
fn default_unaccented(group: Option<Unaccented>, phrase: &str) -> Unaccented {
    // `phrase` is keyed: syllables joined by single spaces.
    group.unwrap_or_else(|| {
        Unaccented::Flag(phrase.trim().contains(' ') || text::tone::fold(phrase) == phrase)
    })
}

/// A phrase under construction, before compilation.
pub struct NewEntry {
    /// The phrase text.
    pub phrase: String,
    /// Index of its rule.
    pub rule: usize,
    /// Severity.
    pub severity: Severity,
    /// Suggestion.
    pub suggestion: Option<String>,
    /// Unaccented policy.
    pub unaccented: Unaccented,
    /// Only in capitals.
    pub caps: bool,
    /// Only as all its line or sentence holds.
    pub alone: bool,
    /// Needs a target word.
    pub needs_target: bool,
    /// Cross punctuation.
    pub cross: bool,
    /// Spelled-out dodges.
    pub dodge: bool,
    /// Cancelling left contexts.
    pub not_after: Vec<String>,
    /// Cancelling right contexts.
    pub not_before: Vec<String>,
    /// `phrase` and its contexts are already syllable keys joined by spaces (the built-in
    /// data, keyed by `build.rs`); `false` for custom phrases, keyed at compile time.
    pub keyed: bool,
}

impl Lexicon {
    /// Parses the built-in files plus `extra` (custom rules and phrases), and compiles them.
    ///
    /// # Errors
    /// A [`LexiconError`] naming the file and the TOML error; built-in files are covered by
    /// tests, so this only fails on a broken build.
    pub fn build(extra_rules: Vec<Rule>, extra: Vec<NewEntry>) -> Result<Lexicon, LexiconError> {
        let mut rules = Vec::new();
        let mut news: Vec<NewEntry> = Vec::new();
        for (name, body) in BUILTIN {
            let f: File =
                serde_json::from_str(body).map_err(|e| LexiconError(format!("{name}: {e}")))?;
            for g in f.group {
                let rule = rules.len();
                rules.push(Rule {
                    id: format!("{}.{}", g.category.as_str(), g.id),
                    category: g.category,
                    message: Message {
                        vi: g.vi.trim().to_string(),
                        en: g.en.trim().to_string(),
                    },
                    duties: g.duties.clone(),
                });
                let default_un = g.unaccented;
                // An entry with options overrides the same phrase in the plain list.
                let mut seen: std::collections::HashSet<String> =
                    g.entries.iter().map(|e| e.p.to_lowercase()).collect();
                for p in &g.phrases {
                    if !seen.insert(p.to_lowercase()) {
                        continue;
                    }
                    news.push(NewEntry {
                        phrase: p.clone(),
                        rule,
                        severity: g.severity,
                        suggestion: g.suggestion.clone(),
                        unaccented: default_unaccented(default_un, p),
                        caps: g.caps,
                        alone: g.alone,
                        needs_target: g.needs_target,
                        cross: g.cross,
                        dodge: g.dodge,
                        not_after: g.not_after.clone(),
                        not_before: g.not_before.clone(),
                        keyed: true,
                    });
                }
                for e in g.entries {
                    let mut not_after = g.not_after.clone();
                    not_after.extend(e.not_after);
                    let mut not_before = g.not_before.clone();
                    not_before.extend(e.not_before);
                    news.push(NewEntry {
                        phrase: e.p.clone(),
                        rule,
                        severity: e.severity.unwrap_or(g.severity),
                        suggestion: e.suggestion.or_else(|| g.suggestion.clone()),
                        unaccented: e
                            .unaccented
                            .unwrap_or_else(|| default_unaccented(default_un, &e.p)),
                        caps: e.caps.unwrap_or(g.caps),
                        alone: e.alone.unwrap_or(g.alone),
                        needs_target: e.needs_target.unwrap_or(g.needs_target),
                        cross: g.cross,
                        dodge: e.dodge.unwrap_or(g.dodge),
                        not_after,
                        not_before,
                        keyed: true,
                    });
                }
            }
        }
        let offset = rules.len();
        rules.extend(extra_rules);
        for mut e in extra {
            e.rule += offset;
            news.push(e);
        }
        let ctx: ContextLists = serde_json::from_str(CONTEXT)
            .map_err(|e| LexiconError(format!("context.toml: {e}")))?;
        Self::compile(rules, news, ctx)
    }

    fn compile(
        rules: Vec<Rule>,
        news: Vec<NewEntry>,
        ctx: ContextLists,
    ) -> Result<Lexicon, LexiconError> {
        let mut entries = Vec::with_capacity(news.len());
        let mut accented = PhraseTrie::new();
        let mut folded = PhraseTrie::new();
        let mut dodges: HashMap<String, Vec<usize>> = HashMap::new();
        let mut wildcards = Vec::new();
        for n in news {
            let ctx_keys = |v: &[String]| {
                v.iter()
                    .map(|p| entry_keys(p, n.keyed).0)
                    .filter(|k| !k.is_empty())
                    .collect()
            };
            if n.phrase.split_whitespace().any(|w| w == "*") {
                let parts: Vec<Vec<String>> = n
                    .phrase
                    .split(" * ")
                    .map(|p| entry_keys(p, n.keyed).0)
                    .collect();
                if parts.iter().any(Vec::is_empty) {
                    return Err(LexiconError(format!(
                        "phrase {:?}: empty part around `*`",
                        n.phrase
                    )));
                }
                wildcards.push(entries.len());
                entries.push(Entry {
                    rule: n.rule,
                    severity: n.severity,
                    suggestion: n.suggestion,
                    unaccented: n.unaccented,
                    caps: n.caps,
                    alone: n.alone,
                    needs_target: n.needs_target,
                    cross: n.cross,
                    not_after: ctx_keys(&n.not_after),
                    not_before: ctx_keys(&n.not_before),
                    parts,
                });
                continue;
            }
            let (keys, folds) = entry_keys(&n.phrase, n.keyed);
            if keys.is_empty() {
                return Err(LexiconError(format!(
                    "phrase {:?} has no syllables",
                    n.phrase
                )));
            }
            let idx = entries.len();
            accented.add(&keys, idx);
            if n.unaccented != Unaccented::Flag(false) {
                folded.add(&folds, idx);
            }
            let dodge = n.dodge && keys.len() == 1;
            if dodge {
                dodges.entry(keys[0].clone()).or_default().push(idx);
            }
            entries.push(Entry {
                rule: n.rule,
                severity: n.severity,
                suggestion: n.suggestion,
                unaccented: n.unaccented,
                caps: n.caps,
                alone: n.alone,
                needs_target: n.needs_target,
                cross: n.cross,
                not_after: ctx_keys(&n.not_after),
                not_before: ctx_keys(&n.not_before),
                parts: Vec::new(),
            });
        }
        let targets: Vec<String> = ctx
            .targets
            .iter()
            .filter_map(|t| keyed_keys(t).0.into_iter().next())
            .collect();
        // Folded target words that are everyday words without diacritics ("do" is đồ and
        // "because", "la" is là and "la") would turn "mua do ngu" (đồ ngủ) into an insult.
        const AMBIGUOUS_FOLDS: &[&str] = &[
            "do", "la", "nhu", "qua", "bi", "mat", "cai", "oc", "nao", "that", "vai", "con", "tui",
            "thu", "loai", "dam", "ba", "lao", "mu", "no", "han", "tao",
        ];
        let targets_folded = targets
            .iter()
            .map(|t| text::tone::fold(t))
            .filter(|f| !AMBIGUOUS_FOLDS.contains(&f.as_str()))
            .collect();
        let pronouns: Vec<String> = ctx
            .pronouns
            .iter()
            .filter_map(|t| keyed_keys(t).0.into_iter().next())
            .collect();
        let pronouns_folded = pronouns.iter().map(|p| text::tone::fold(p)).collect();
        Ok(Lexicon {
            rules,
            entries,
            accented,
            folded,
            dodges,
            wildcards,
            targets,
            targets_folded,
            pronouns,
            pronouns_folded,
        })
    }

    /// All whole-syllable matches in `tokens`. `unaccented` is the text's accent policy.
    pub fn find(&self, tokens: &[Token], unaccented: bool) -> Vec<Hit> {
        let mut hits = Vec::new();
        if tokens.is_empty() {
            return hits;
        }
        self.scan(tokens, false, unaccented, &mut hits);
        // In text written with full diacritics an unmarked syllable is what it says
        // ("dam cho" is not "đấm cho"): the folded lexicon serves mixed and unaccented text.
        if text::accents(tokens) != text::Accents::Full {
            self.scan(tokens, true, unaccented, &mut hits);
        }
        self.scan_dodges(tokens, &mut hits);
        hits.sort_by_key(|h| (h.first, h.last, h.entry));
        hits.dedup();
        hits
    }

    fn scan(&self, tokens: &[Token], folded: bool, unaccented: bool, hits: &mut Vec<Hit>) {
        let (trie, keys): (_, Box<dyn Iterator<Item = &str>>) = if folded {
            (
                &self.folded,
                Box::new(tokens.iter().map(|t| t.fold.as_str())),
            )
        } else {
            (
                &self.accented,
                Box::new(tokens.iter().map(|t| t.key.as_str())),
            )
        };
        trie.for_each_match(keys, |first, last, ids| {
            let span = &tokens[first..=last];
            let any_marked = span.iter().any(|t| t.marked);
            let crosses = span.iter().skip(1).any(|t| t.gap != Gap::Space);
            for &entry in ids {
                let e = &self.entries[entry];
                let safe_unaccented = || match e.unaccented {
                    Unaccented::Flag(f) => f,
                    Unaccented::Word(ContextWord::Context) => {
                        self.has_target(tokens, first, last, true)
                    }
                };
                // Folded matching covers only tokens written without any diacritic; in text
                // written without diacritics an unmarked token may stand for a marked word, so
                // only entries safe without diacritics match there.
                if (folded && any_marked)
                    || ((folded || unaccented) && !any_marked && !safe_unaccented())
                {
                    continue;
                }
                if !e.cross && crosses {
                    continue;
                }
                hits.push(Hit { entry, first, last });
            }
        });
    }

    /// Matches of the phrases with a `*` wildcard (few; a direct scan). The parts must not
    /// cross a sentence end.
    pub fn find_wildcards(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for &entry in &self.wildcards {
            let parts = &self.entries[entry].parts;
            let Some(first_key) = parts.first().and_then(|p| p.first()) else {
                continue;
            };
            let first_fold = text::tone::fold(first_key);
            for start in 0..tokens.len() {
                // Cheap test of the first syllable before the full match.
                let t = &tokens[start];
                if t.key != *first_key && (t.marked || t.fold != first_fold) {
                    continue;
                }
                if let Some(last) = match_parts(tokens, start, parts) {
                    hits.push(Hit {
                        entry,
                        first: start,
                        last,
                    });
                }
            }
        }
        hits
    }

    /// Single-letter tokens spelled out with separators (`đ m`, `n g u`, `d-m`) matched as one
    /// syllable against dodge-eligible entries.
    fn scan_dodges(&self, tokens: &[Token], hits: &mut Vec<Hit>) {
        let single = |t: &Token| t.key.chars().count() == 1 && t.key.chars().all(text::is_letter);
        let mut i = 0;
        while i < tokens.len() {
            if !single(&tokens[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < tokens.len()
                && single(&tokens[j + 1])
                && tokens[j + 1].gap != Gap::Hard
                && j + 1 - i < 6
            {
                j += 1;
            }
            for a in i..=j {
                let mut key = String::new();
                for (b, tok) in tokens.iter().enumerate().take(j + 1).skip(a) {
                    key.push_str(&tok.key);
                    if b > a {
                        for cand in [key.clone(), text::tone::fold(&key)] {
                            if let Some(ids) = self.dodges.get(&cand) {
                                hits.extend(ids.iter().map(|&entry| Hit {
                                    entry,
                                    first: a,
                                    last: b,
                                }));
                            }
                        }
                    }
                }
            }
            i = j + 1;
        }
    }

    /// Whether a target word stands right before `first` (one or two syllables back), or a
    /// second-person pronoun right after `last`.
    pub fn has_target(&self, tokens: &[Token], first: usize, last: usize, folded: bool) -> bool {
        let is_target = |t: &Token| {
            if folded {
                self.targets_folded.iter().any(|x| *x == t.fold)
            } else {
                self.targets.iter().any(|x| *x == t.key)
            }
        };
        let before = (first.saturating_sub(2)..first).any(|i| {
            is_target(&tokens[i]) && tokens[i + 1..=first].iter().all(|t| t.gap == Gap::Space)
        });
        let after = tokens.get(last + 1).is_some_and(|t| {
            t.gap == Gap::Space
                && (self.pronouns.iter().any(|p| *p == t.key)
                    || self.pronouns_folded.iter().any(|p| *p == t.fold))
        });
        before || after
    }
}

/// Whether `parts` match from token `start` (each part contiguous, up to [`WILDCARD_SPAN`]
/// syllables between parts, no sentence end inside); returns the last token.
fn match_parts(tokens: &[Token], start: usize, parts: &[Vec<String>]) -> Option<usize> {
    let mut at = start;
    for (i, part) in parts.iter().enumerate() {
        let slack = if i == 0 { 0 } else { WILDCARD_SPAN };
        let found = (0..=slack).find(|&skip| {
            let s = at + skip;
            let end = s + part.len();
            end <= tokens.len()
                && crate::engine::keys_match(&tokens[s..end], part)
                && tokens[at.max(start + 1)..end]
                    .iter()
                    .all(|t| t.gap != Gap::Hard)
        })?;
        at = at + found + part.len();
    }
    Some(at - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lexicon files as people wrote them (the compiled-in JSON holds keys, not phrases).
    const SOURCES: &[(&str, &str)] = &[
        (
            "internal_document.toml",
            include_str!("../data/internal_document.toml"),
        ),
        (
            "unverified_claim.toml",
            include_str!("../data/unverified_claim.toml"),
        ),
        (
            "inflammatory.toml",
            include_str!("../data/inflammatory.toml"),
        ),
        ("insinuation.toml", include_str!("../data/insinuation.toml")),
        (
            "personal_data.toml",
            include_str!("../data/personal_data.toml"),
        ),
    ];

    /// The compiled-in data is the sources with every phrase replaced by its keys.
    #[test]
    fn compiled_data_holds_the_keys_of_the_sources() {
        for ((name, src), (_, json)) in SOURCES.iter().zip(BUILTIN) {
            let a: File = toml::from_str(src).expect(name);
            let b: File = serde_json::from_str(json).expect(name);
            assert_eq!(a.group.len(), b.group.len(), "{name}");
            for (ga, gb) in a.group.iter().zip(&b.group) {
                let keyed: Vec<String> = ga
                    .phrases
                    .iter()
                    .map(|p| {
                        p.split(" * ")
                            .map(|part| phrase_keys(part).0.join(" "))
                            .collect::<Vec<_>>()
                            .join(" * ")
                    })
                    .collect();
                assert_eq!(keyed, gb.phrases, "{name}/{}", ga.id);
            }
        }
    }

    #[test]
    fn builtin_lexicon_compiles() {
        let lex = Lexicon::build(Vec::new(), Vec::new()).expect("built-in lexicon");
        assert!(lex.entries.len() > 500, "{} entries", lex.entries.len());
    }

    /// Every phrase keeps one syllable per written word: a phrase whose punctuation splits or
    /// swallows a word (`l*n`, `3///`) would silently match something else.
    #[test]
    fn phrases_tokenize_to_their_words() {
        for (name, body) in SOURCES {
            let f: File = toml::from_str(body).expect(name);
            for g in f.group {
                let all = g
                    .phrases
                    .iter()
                    .cloned()
                    .chain(g.entries.into_iter().map(|e| e.p));
                for p in all {
                    let words: Vec<&str> = p.split_whitespace().filter(|w| *w != "*").collect();
                    let keys: usize = p.split(" * ").map(|part| phrase_keys(part).0.len()).sum();
                    let dashes = words
                        .iter()
                        .filter(|w| w.chars().all(|c| !c.is_alphanumeric()))
                        .count();
                    assert_eq!(
                        keys,
                        words.len() - dashes,
                        "{name}: group {} phrase {p:?}",
                        g.id
                    );
                }
            }
        }
    }

    /// A phrase stands in one group only (the plain list of a group may repeat a phrase that
    /// its `entries` refine).
    #[test]
    fn no_phrase_in_two_groups() {
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut clashes = Vec::new();
        for (name, body) in SOURCES {
            let f: File = toml::from_str(body).expect(name);
            // The contact cues are not findings; they overlap the harassment phrases on purpose.
            for g in f.group.into_iter().filter(|g| g.id != "contact_cue") {
                let mut mine: Vec<String> = g
                    .phrases
                    .iter()
                    .chain(g.entries.iter().map(|e| &e.p))
                    .map(|p| phrase_keys(p).0.join(" "))
                    .collect();
                mine.sort();
                mine.dedup();
                for k in mine {
                    if let Some(other) = seen.insert(k.clone(), format!("{name}/{}", g.id)) {
                        clashes.push(format!("{k:?} is in {other} and {name}/{}", g.id));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "{clashes:#?}");
    }
}
