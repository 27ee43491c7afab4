//! Phrase lexicons: the data files of `crates/core/data/*.toml`, compiled into two syllable
//! tries (one over accented syllable keys, one over folded keys) that match whole syllables
//! only.
//!
//! `build.rs` turns the TOML into Rust statics and replaces every phrase by the numbers of its
//! syllable keys, computed with this crate's text model: the keys ([`SYL_KEYS`]), their
//! [`text::key_hash`]es, their folded forms ([`FOLD_KEYS`]) and each key's folded number
//! ([`SYL_FOLD`]) are tables of the statics too. So [`Lexicon::build`] hashes, folds and copies
//! no built-in syllable: it seeds the tries' syllable tables from those tables and only adds
//! the trie edges (the extension builds an engine on every service-worker cold start, in
//! WebAssembly code that has not been optimised yet, so every step counts). Custom phrases
//! from the config are keyed, and their new syllables numbered, when the engine is built.
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
//! - `cross` (groups only): the group's phrases may span punctuation and line breaks (`Độc lập -
//!   Tự do`, a document header over two lines).
//! - `ends_clause` (entries only): only where its clause ends right after it, particles
//!   allowed ("chắc ai cũng biết rồi nhé.", not "chắc ai cũng biết làm bánh chưng").
//! - `dodge`: a single-syllable phrase also matches when spelled out with separators
//!   (`đ m`, `n g u`, `d-m`); on by default for single syllables in groups with `dodge = true`.
//!
//! A field that is not one of these (at the file's top level, in a group or in an entry) stops
//! the build with its file and place (`build.rs`).

use crate::text::{self, Gap, Normalized, Token};
use crate::{Category, Message, Severity};
use hashbrown::HashTable;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A `[[group]]` of a lexicon file, as `build.rs` compiles it in (phrases keyed: syllable
/// keys joined by single spaces). Field meanings: see the module docs.
#[derive(Debug)]
pub struct GroupData {
    /// Group id (the rule id is `<category>.<id>`).
    pub id: &'static str,
    /// Category of its findings.
    pub category: Category,
    /// Default severity.
    pub severity: Severity,
    /// Duties of the seed it serves.
    pub duties: &'static [u8],
    /// Message in Vietnamese.
    pub vi: &'static str,
    /// Message in English.
    pub en: &'static str,
    /// Default suggestion (`""`: remove the phrase).
    pub suggestion: Option<&'static str>,
    /// Default accent policy.
    pub unaccented: Option<Unaccented>,
    /// Default `caps`.
    pub caps: bool,
    /// Default `alone`.
    pub alone: bool,
    /// Default `needs_target`.
    pub needs_target: bool,
    /// Phrases may cross punctuation.
    pub cross: bool,
    /// Default `dodge`.
    pub dodge: bool,
    /// Cancelling left contexts for every phrase.
    pub not_after: Contexts,
    /// Cancelling right contexts for every phrase.
    pub not_before: Contexts,
    /// Plain phrases, each as the numbers of its syllables in [`SYL_KEYS`] followed by
    /// [`PHRASE_END`] (a phrase that one of `entries` refines is not repeated here). Read it
    /// with [`GroupData::plain`].
    pub phrases: &'static [u16],
    /// Phrases with options.
    pub entries: &'static [EntryData],
}

impl GroupData {
    /// The plain phrases, each as the numbers of its syllables in [`SYL_KEYS`].
    pub fn plain(&self) -> impl Iterator<Item = &'static [u16]> + Clone {
        self.phrases
            .split(|&n| n == PHRASE_END)
            .filter(|p| !p.is_empty())
    }
}

/// Context phrases (`not_after` / `not_before`) of the built-in data, keyed (syllable keys
/// joined by single spaces).
pub type Contexts = &'static [&'static str];

/// A phrase with options (`entries = [{ p = "…", … }]`), as `build.rs` compiles it in.
#[derive(Debug)]
pub struct EntryData {
    /// The phrase, as the numbers of its syllables in [`SYL_KEYS`] ([`WILDCARD`] for a `*`).
    pub p: &'static [u16],
    /// Accent policy (group default when `None`).
    pub unaccented: Option<Unaccented>,
    /// Only in capitals.
    pub caps: Option<bool>,
    /// Only alone on its line.
    pub alone: Option<bool>,
    /// Needs a target word.
    pub needs_target: Option<bool>,
    /// Only where its clause ends right after it, particles allowed.
    pub ends_clause: Option<bool>,
    /// Severity.
    pub severity: Option<Severity>,
    /// Suggestion.
    pub suggestion: Option<&'static str>,
    /// Extra cancelling left contexts.
    pub not_after: Contexts,
    /// Extra cancelling right contexts.
    pub not_before: Contexts,
    /// Spelled-out dodges.
    pub dodge: Option<bool>,
}

// `BUILTIN: &[(&str, &[GroupData])]` (the lexicon files), `ALLOW_PHRASES` (`data/allow.toml`:
// idioms and everyday phrases that hold a flagged word without its meaning), `TARGETS` and
// `PRONOUNS` and `EVERYDAY_FOLDS` (`data/context.toml`), and the syllable tables `SYL_KEYS`,
// `SYL_HASHES`, `FOLD_KEYS`, `FOLD_HASHES`, `SYL_FOLD`, generated by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/lexicon_data.rs"));

/// The syllable number that stands for a `*` in a built-in phrase ([`EntryData::p`]).
pub const WILDCARD: u16 = u16::MAX;
/// The number that ends each phrase of [`GroupData::phrases`].
pub const PHRASE_END: u16 = u16::MAX - 1;

/// The key of built-in syllable number `n` (`""` for [`WILDCARD`] or a number out of range).
fn syl_key(n: u16) -> &'static str {
    SYL_KEYS.get(usize::from(n)).copied().unwrap_or_default()
}

/// The folded number of built-in syllable number `n` (0 out of range: no phrase holds such a
/// number, `build.rs` numbers them).
fn syl_fold(n: u16) -> u32 {
    SYL_FOLD.get(usize::from(n)).copied().map_or(0, u32::from)
}

/// A built-in phrase's keys joined by single spaces (`*` for [`WILDCARD`]): the keyed form
/// `build.rs` numbered.
pub fn builtin_keys(nums: &[u16]) -> String {
    nums.iter()
        .map(|&n| if n == WILDCARD { "*" } else { syl_key(n) })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The built-in allow-list (`data/allow.toml`) as syllable-key sequences; empty phrases are
/// skipped.
pub fn builtin_allow() -> Vec<Vec<String>> {
    ALLOW_PHRASES
        .iter()
        .map(|p| split_keys(p))
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    group: Vec<Group>,
}

#[cfg(test)]
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

#[cfg(test)]
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
    #[serde(default)]
    ends_clause: Option<bool>,
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
    /// Suggestion, if any (built-in data only; custom phrases have none).
    pub suggestion: Option<&'static str>,
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
    /// Only where its clause ends right after it: nothing but particles ([`CLAUSE_PARTICLES`])
    /// before punctuation or the end of the text.
    pub ends_clause: bool,
    /// Cancelling left contexts: its group's and its own (custom phrases have none).
    pub not_after: [Contexts; 2],
    /// Cancelling right contexts: its group's and its own.
    pub not_before: [Contexts; 2],
    /// For phrases with a `*` wildcard: the syllable keys of each part (the `*` between two
    /// parts stands for zero to [`WILDCARD_SPAN`] syllables). Empty for ordinary phrases.
    pub parts: Vec<Vec<PartKey>>,
}

/// One syllable of a wildcard phrase's part: its key and its folded key, folded once when the
/// lexicon is built (matching runs for every syllable after a group's first one).
#[derive(Debug, Clone)]
pub struct PartKey {
    /// The syllable key.
    pub key: Cow<'static, str>,
    /// [`PartKey::key`] without any diacritic ([`text::tone::fold`]).
    pub fold: Cow<'static, str>,
    /// [`text::key_hash`] of [`PartKey::key`] and of [`PartKey::fold`].
    pub hashes: (u32, u32),
}

impl PartKey {
    /// A custom phrase's syllable `key`.
    fn new(key: String) -> PartKey {
        let fold = text::tone::fold(&key);
        let hashes = (text::key_hash(&key), text::key_hash(&fold));
        PartKey {
            key: Cow::Owned(key),
            fold: Cow::Owned(fold),
            hashes,
        }
    }

    /// Built-in syllable number `n`, from the syllable tables (`None` out of range).
    fn builtin(n: u16) -> Option<PartKey> {
        let n = usize::from(n);
        let f = usize::from(*SYL_FOLD.get(n)?);
        Some(PartKey {
            key: Cow::Borrowed(SYL_KEYS.get(n)?),
            fold: Cow::Borrowed(FOLD_KEYS.get(f)?),
            hashes: (*SYL_HASHES.get(n)?, *FOLD_HASHES.get(f)?),
        })
    }

    /// Whether token `t` spells this syllable: [`crate::engine::key_matches`] with the fold
    /// computed beforehand (the same key, or, for a token typed without any diacritic, the
    /// same folded form).
    #[inline]
    fn spelled_by(&self, t: &Token) -> bool {
        (t.key_hash == self.hashes.0 && t.key == *self.key)
            || (!t.marked && t.fold_hash == self.hashes.1 && t.fold == *self.fold)
    }
}

/// How many syllables a `*` in a phrase may stand for.
pub const WILDCARD_SPAN: usize = 6;

/// Word lists used by context rules.
#[derive(Debug, Default)]
pub struct ContextLists {
    /// Words that aim an insult at a person: `thằng`, `con`, `lũ`, `bọn`, `đồ` …
    pub targets: Vec<String>,
    /// Second-person pronouns that aim the preceding word at the reader: `mày`, `bây` …
    pub pronouns: Vec<String>,
}

/// How hits are sorted: a function pointer of one type for both orders, so that the `.wasm`
/// holds one copy of the sort.
type HitOrder = fn(&Hit, &Hit) -> std::cmp::Ordering;
/// By first token, last token, entry.
const HIT_BY_POSITION: HitOrder =
    |a, b| (a.first, a.last, a.entry).cmp(&(b.first, b.last, b.entry));
/// By entry, first token (stable: equal keys keep their order).
const HIT_BY_ENTRY: HitOrder = |a, b| (a.entry, a.first).cmp(&(b.entry, b.first));

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
    /// Syllable numbers, hashed by their keys' [`text::key_hash`] (tokens carry theirs, so a
    /// lookup hashes nothing).
    syllables: HashTable<u32>,
    /// The key of each syllable number (built-in keys borrowed from the compiled-in data).
    keys: Vec<Cow<'static, str>>,
    /// (node, syllable number) → child node. The root is node 0.
    edges: FxHashMap<(u32, u32), u32>,
    /// The root's children by syllable number ([`NO_NODE`] for none): every token starts a
    /// walk at the root, so its first step is an index rather than a hash lookup.
    root: Vec<u32>,
    /// Entries of each node's phrase (by node number).
    outputs: Vec<SmallVec<[usize; 1]>>,
}

/// No child in [`PhraseTrie`]'s `root` table.
const NO_NODE: u32 = u32::MAX;

/// The 64-bit hash [`PhraseTrie`]'s table takes for a key of [`text::key_hash`] `h`: `h` in
/// both halves (the table reads its top bits as tags and its low bits as the slot).
#[inline]
fn table_hash(h: u32) -> u64 {
    u64::from(h) << 32 | u64::from(h)
}

/// [`text::key_hash`] of syllable `s` of `keys` (0 for a number without a key, which no
/// table holds).
fn key_hash_of(keys: &[Cow<'static, str>], s: u32) -> u32 {
    keys.get(s as usize).map_or(0, |k| text::key_hash(k))
}

impl PhraseTrie {
    /// A trie with no phrase yet whose syllables `0..keys.len()` are `keys` (distinct, with
    /// their [`text::key_hash`]es in `hashes`: [`SYL_KEYS`] or [`FOLD_KEYS`]), with room for
    /// about `phrases` phrases.
    fn seeded(keys: &'static [&'static str], hashes: &'static [u32], phrases: usize) -> PhraseTrie {
        let mut outputs = Vec::with_capacity(2 * phrases + 1);
        outputs.push(SmallVec::new());
        let mut trie = PhraseTrie {
            syllables: HashTable::with_capacity(keys.len()),
            keys: keys.iter().map(|&k| Cow::Borrowed(k)).collect(),
            edges: FxHashMap::with_capacity_and_hasher(2 * phrases, Default::default()),
            root: vec![NO_NODE; keys.len()],
            outputs,
        };
        for (n, &h) in (0u32..).zip(hashes) {
            let keys = &trie.keys;
            trie.syllables
                .insert_unique(table_hash(h), n, |&s| table_hash(key_hash_of(keys, s)));
        }
        trie
    }

    /// The child of `node` through syllable `key`, added if missing (a syllable no phrase
    /// had gets the next number). The root is node 0.
    fn step(&mut self, node: u32, key: &str) -> u32 {
        let h = text::key_hash(key);
        let syl = match self.id(key, h) {
            Some(s) => s,
            None => {
                let n = self.keys.len() as u32;
                let keys = &self.keys;
                self.syllables
                    .insert_unique(table_hash(h), n, |&s| table_hash(key_hash_of(keys, s)));
                self.keys.push(Cow::Owned(key.to_string()));
                n
            }
        };
        self.step_id(node, syl)
    }

    /// The child of `node` through syllable number `syl` (one of the trie's), added if
    /// missing.
    fn step_id(&mut self, node: u32, syl: u32) -> u32 {
        let next = self.outputs.len() as u32;
        let child = *self.edges.entry((node, syl)).or_insert(next);
        if child == next {
            self.outputs.push(SmallVec::new());
        }
        if node == 0 {
            let i = syl as usize;
            if self.root.len() <= i {
                self.root.resize(i + 1, NO_NODE);
            }
            self.root[i] = child;
        }
        child
    }

    /// Registers entry `idx` at `node`, the end of its phrase's walk by [`PhraseTrie::step`].
    fn finish(&mut self, node: u32, idx: usize) {
        if let Some(out) = self.outputs.get_mut(node as usize) {
            out.push(idx);
        }
    }

    /// The number of syllable `key` of [`text::key_hash`] `hash`, `None` when no phrase has
    /// it.
    #[inline]
    fn id(&self, key: &str, hash: u32) -> Option<u32> {
        self.syllables
            .find(table_hash(hash), |&s| {
                self.keys.get(s as usize).is_some_and(|k| k == key)
            })
            .copied()
    }

    /// Calls `f(first, last, entries)` for every occurrence of a phrase in `ids` (the
    /// syllable numbers of the tokens' keys, one per token, from [`PhraseTrie::id`]),
    /// overlapping ones included; `first..=last` are token indices.
    fn for_each_match(&self, ids: &[Option<u32>], mut f: impl FnMut(usize, usize, &[usize])) {
        for first in 0..ids.len() {
            let mut node = 0u32;
            for (last, id) in ids.iter().enumerate().skip(first) {
                let Some(next) = id.and_then(|id| self.child(node, id)) else {
                    break;
                };
                node = next;
                if let Some(out) = self.outputs.get(node as usize) {
                    if !out.is_empty() {
                        f(first, last, out);
                    }
                }
            }
        }
    }
}

impl PhraseTrie {
    /// [`PhraseTrie::for_each_match`] where token `i` may also stand for the syllable of
    /// `alts[i]` (teencode: `k` for `không`; with whether it may open a phrase): every way
    /// through the tokens is walked, and a phrase reached through a stand-in is reported only
    /// when it spans two or more tokens (a lone `k` is no "không"). `alts` has one entry per
    /// token. The token's own syllable and its stand-in differ, so each way reaches other
    /// phrases; the caller's hits are deduplicated anyway.
    fn for_each_match_with(
        &self,
        ids: &[Option<u32>],
        alts: &[Option<(u32, bool)>],
        mut f: impl FnMut(usize, usize, &[usize]),
    ) {
        // (next token, node, whether a stand-in was taken)
        let mut stack: Vec<(usize, u32, bool)> = Vec::new();
        for first in 0..ids.len() {
            stack.push((first, 0, false));
            while let Some((pos, node, stood_in)) = stack.pop() {
                let (Some(&id), Some(&alt)) = (ids.get(pos), alts.get(pos)) else {
                    continue;
                };
                // A spelling with another everyday meaning opens no phrase.
                let alt = alt
                    .filter(|&(_, opens)| opens || pos > first)
                    .map(|(s, _)| s);
                for (syl, alias) in [(id, false), (alt, true)] {
                    let Some(next) = syl.and_then(|s| self.child(node, s)) else {
                        continue;
                    };
                    let stood_in = stood_in || alias;
                    if let Some(out) = self.outputs.get(next as usize) {
                        if !(out.is_empty() || stood_in && pos == first) {
                            f(first, pos, out);
                        }
                    }
                    stack.push((pos + 1, next, stood_in));
                }
            }
        }
    }

    /// The child of `node` by syllable number `id`, if any.
    #[inline]
    fn child(&self, node: u32, id: u32) -> Option<u32> {
        if node == 0 {
            // Only the root is node 0 (children are numbered from 1).
            self.root
                .get(id as usize)
                .copied()
                .filter(|&n| n != NO_NODE)
        } else {
            self.edges.get(&(node, id)).copied()
        }
    }

    /// The entries of every phrase of `min_syllables` or more syllables that, written without spaces,
    /// is `s` exactly (`aihieuthihieu` is `ai hieu thi hieu`, `tuyệtmật` is `tuyệt mật`):
    /// each way of cutting `s` (at characters) into
    /// syllables of the trie is walked from the root. At most [`JOINED_STEPS`] trie steps,
    /// whatever `s` (a cut can be tried in many ways: `aaaa…`).
    fn joined(&self, s: &str, min_syllables: usize, mut f: impl FnMut(&[usize])) {
        let mut budget = JOINED_STEPS;
        // (position in `s`, node, syllables so far)
        let mut stack = vec![(0usize, 0u32, 0usize)];
        while let Some((pos, node, n)) = stack.pop() {
            if pos == s.len() {
                if n >= min_syllables {
                    if let Some(out) = self.outputs.get(node as usize).filter(|o| !o.is_empty()) {
                        f(out);
                    }
                }
                continue;
            }
            let rest = s.get(pos..).unwrap_or_default();
            for end in rest
                .char_indices()
                .map(|(k, c)| pos + k + c.len_utf8())
                .take(MAX_SYLLABLE_LEN)
            {
                if budget == 0 {
                    return;
                }
                budget -= 1;
                let Some(next) = s
                    .get(pos..end)
                    .and_then(|syl| self.id(syl, text::key_hash(syl)))
                    .and_then(|id| self.child(node, id))
                else {
                    continue;
                };
                stack.push((end, next, n + 1));
            }
        }
    }
}

/// The longest Vietnamese syllable, in letters (`nghiêng`, `nguyếch`).
const MAX_SYLLABLE_LEN: usize = 7;
/// Trie steps [`PhraseTrie::joined`] may take for one hashtag.
const JOINED_STEPS: usize = 512;

/// The compiled lexicons.
#[derive(Debug)]
pub struct Lexicon {
    /// Groups.
    pub rules: Vec<Rule>,
    /// Phrases.
    pub entries: Vec<Entry>,
    accented: PhraseTrie,
    folded: PhraseTrie,
    dodges: FxHashMap<Cow<'static, str>, Vec<usize>>,
    /// Entries with a `*` wildcard, by their first syllable: (its key, its folded key, the
    /// entries in order). Wildcard phrases share first syllables (`vào …`, `cho …`).
    wildcards: Vec<(String, String, Vec<usize>)>,
    /// The first syllables of `wildcards`, keys and folded keys: most tokens start none.
    wildcard_filter: KeyFilter,
    /// Index into `wildcards` by first syllable: key → groups of that key, and folded key →
    /// groups of that folded key (in group order).
    wildcard_keys: FxHashMap<String, SmallVec<[u32; 2]>>,
    wildcard_folds: FxHashMap<String, SmallVec<[u32; 2]>>,
    /// How many tokens after its first one a wildcard phrase may read at most: the most, over
    /// the phrases, of their syllables but the first and [`WILDCARD_SPAN`] per `*`.
    wildcard_reach: usize,
    /// Context word lists (accented keys and folded keys).
    pub targets: Vec<String>,
    /// Folded target words.
    pub targets_folded: Vec<String>,
    /// Second-person pronouns.
    pub pronouns: Vec<String>,
    /// [`Lexicon::pronouns`] without diacritics.
    pub pronouns_folded: Vec<String>,
    /// The one-syllable phrases of the accented trie by their folded key, built on the first
    /// token with a digit inside ([`Lexicon::scan_leet`]).
    by_fold: OnceLock<FxHashMap<String, SmallVec<[usize; 2]>>>,
    /// Teencode spellings ([`TEENCODE`]) and the syllable numbers they stand for in each trie.
    teencode: Teencode,
}

/// Teencode spellings of common syllables (keys as the text model writes them, lower case),
/// the syllable each stands for, and whether it may open a phrase: a phrase of two or more
/// syllables also matches with a token written this way in place of its syllable ("k bít thật
/// k" is "không biết thật không", "ai đọc dc thì tự hiểu"). Spellings with another everyday
/// meaning open no phrase (`dk` đăng ký, `ck` chuyển khoản, `mk` mật khẩu, `dc` địa chỉ, `bn`
/// bao nhiêu, `vs` versus, `hem` hẻm, `thui` as in "đen thui"), and none stands in right after
/// a number ("50 k" is fifty thousand); `kh` (khách hàng) and `kg` (kilogram) are not in the
/// list. Only one-for-one spellings: `mn` (mọi người) and `ae` (anh em) stand for two
/// syllables and stay phrases of their own. Spellings with a diacritic (`bít`, `hông`) stand
/// in for the accented lexicon only: without diacritics `bit` and `hong` are other words (bịt,
/// hỏng). Source: common Vietnamese chat spellings, as the lexicons' own teencode entries
/// write them.
const TEENCODE: &[(&str, &str, bool)] = &[
    ("k", "không", true),
    ("ko", "không", true),
    ("hok", "không", true),
    ("khum", "không", true),
    ("kô", "không", true),
    ("hông", "không", true),
    ("hem", "không", false),
    ("bít", "biết", true),
    ("bik", "biết", true),
    ("dc", "được", false),
    ("đc", "được", false),
    ("dk", "được", false),
    ("đk", "được", false),
    ("j", "gì", false),
    ("ji", "gì", false),
    ("r", "rồi", false),
    ("rùi", "rồi", true),
    ("thui", "thôi", false),
    ("mk", "mình", false),
    ("mik", "mình", true),
    ("ng", "người", true),
    ("trc", "trước", false),
    ("trk", "trước", false),
    ("cg", "cũng", false),
    ("vs", "với", false),
    ("bn", "bạn", false),
    ("ns", "nói", false),
    ("lm", "làm", false),
    ("ms", "mới", false),
    ("z", "vậy", false),
    ("ck", "chồng", false),
    ("vk", "vợ", false),
    ("nhìu", "nhiều", true),
    ("ngoo", "ngu", true),
];

/// Whether token `t` is written as a teencode spelling of `syllable` ([`TEENCODE`]): "ng" of
/// "người". For rules that read a word's key outside the lexicon's phrases.
pub(crate) fn teencode_of(t: &Token, syllable: &str) -> bool {
    teencode_spelling(t, syllable).is_some()
}

/// Whether token `t` is written as a teencode spelling of `syllable` that has no other
/// everyday meaning (one [`TEENCODE`] marks as able to open a phrase): "ko" of "không", not
/// "hem".
pub(crate) fn plain_teencode_of(t: &Token, syllable: &str) -> bool {
    teencode_spelling(t, syllable) == Some(true)
}

/// Whether [`TEENCODE`] lists token `t`'s key as a spelling of `syllable`, and if so whether
/// that spelling may open a phrase.
fn teencode_spelling(t: &Token, syllable: &str) -> Option<bool> {
    TEENCODE
        .iter()
        .find(|&&(spelling, of, _)| of == syllable && t.key == spelling)
        .map(|&(_, _, opens)| opens)
}

/// [`TEENCODE`] compiled against a lexicon's tries: each spelling's key with the syllable
/// number of what it stands for in the accented trie and, for spellings without diacritics,
/// in the folded trie (`None` where the trie has no such syllable).
#[derive(Debug, Default)]
struct Teencode {
    /// The spellings' key hashes: most tokens are ruled out without a comparison.
    filter: KeyFilter,
    /// (spelling, accented syllable number, folded syllable number, may open a phrase).
    spellings: Vec<(&'static str, Option<u32>, Option<u32>, bool)>,
    /// The longest spelling, in bytes: longer tokens are none.
    longest: usize,
}

impl Teencode {
    fn new(accented: &PhraseTrie, folded: &PhraseTrie) -> Teencode {
        let mut filter = KeyFilter::default();
        let mut spellings = Vec::with_capacity(TEENCODE.len());
        for &(spelling, syllable, opens) in TEENCODE {
            let fold = text::tone::fold(syllable);
            let acc = accented.id(syllable, text::key_hash(syllable));
            let fol = if spelling.is_ascii() {
                folded.id(&fold, text::key_hash(&fold))
            } else {
                None
            };
            if acc.is_some() || fol.is_some() {
                filter.insert(spelling);
                spellings.push((spelling, acc, fol, opens));
            }
        }
        let longest = spellings.iter().map(|s| s.0.len()).max().unwrap_or(0);
        Teencode {
            filter,
            spellings,
            longest,
        }
    }

    /// The syllable number token `t` stands for as teencode, in the folded trie when `folded`
    /// (read by the token's key, which for these spellings is its folded key too), else in
    /// the accented trie, and whether it may open a phrase; `None` for most tokens.
    #[inline]
    fn stands_for(&self, t: &Token, folded: bool) -> Option<(u32, bool)> {
        if t.key.len() > self.longest || !self.filter.may_contain_hash(t.key_hash) {
            return None;
        }
        let &(_, acc, fol, opens) = self.spellings.iter().find(|s| s.0 == t.key)?;
        if folded { fol } else { acc }.map(|s| (s, opens))
    }
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
/// keys joined by single spaces), as owned strings.
pub(crate) fn split_keys(p: &str) -> Vec<String> {
    syllables(p).map(str::to_string).collect()
}

/// The syllable keys of a keyed phrase (keys joined by single spaces).
fn syllables(keys: &str) -> impl Iterator<Item = &str> + Clone {
    keys.split_ascii_whitespace()
}

/// Adds entry `idx` under the built-in syllable numbers `nums` (no [`WILDCARD`]) to the
/// accented trie, and under their folded numbers to the folded trie when `folds`. Returns
/// false, adding nothing, when there is no syllable.
fn add_builtin(
    (accented, folded): (&mut PhraseTrie, &mut PhraseTrie),
    folds: bool,
    nums: &[u16],
    idx: usize,
) -> bool {
    if nums.is_empty() {
        return false;
    }
    let node = nums
        .iter()
        .fold(0, |node, &n| accented.step_id(node, u32::from(n)));
    accented.finish(node, idx);
    if folds {
        let node = nums
            .iter()
            .fold(0, |node, &n| folded.step_id(node, syl_fold(n)));
        folded.finish(node, idx);
    }
    true
}

/// Adds entry `idx` under a custom phrase's `keys` to the accented trie, and under their
/// folded forms to the folded trie when `folds`. Returns false, adding nothing, when there is
/// no key.
fn add_custom(
    (accented, folded): (&mut PhraseTrie, &mut PhraseTrie),
    folds: bool,
    keys: &[String],
    idx: usize,
) -> bool {
    if keys.is_empty() {
        return false;
    }
    let node = keys.iter().fold(0, |node, k| accented.step(node, k));
    accented.finish(node, idx);
    if folds {
        let mut buf = String::new();
        let node = keys.iter().fold(0, |node, k| {
            text::tone::fold_into(k, &mut buf);
            folded.step(node, &buf)
        });
        folded.finish(node, idx);
    }
    true
}

/// Whether a built-in phrase (its syllable numbers `nums`) matches text without diacritics
/// when neither it nor its group says: phrases of two or more syllables, and single syllables
/// written without diacritics (teencode such as `vcl`), do; a single syllable with diacritics
/// does not (`đụ` folds to `du`, the `du` of `du lịch`). A two-syllable phrase whose folded
/// form is listed in `everyday_folds` of `data/context.toml` (`danh cho`: đánh cho / dành
/// cho) needs a target word next to it. `buf` is scratch space.
fn default_unaccented(group: Option<Unaccented>, nums: &[u16], buf: &mut String) -> Unaccented {
    group.unwrap_or_else(|| {
        let fold = |n: u16| {
            FOLD_KEYS
                .get(syl_fold(n) as usize)
                .copied()
                .unwrap_or_default()
        };
        // A syllable folds alike when its folded form is itself.
        let folds_alike = nums.iter().all(|&n| syl_key(n) == fold(n));
        if let (false, &[a, b]) = (folds_alike, nums) {
            buf.clear();
            buf.push_str(fold(a));
            buf.push(' ');
            buf.push_str(fold(b));
            if EVERYDAY_FOLDS.binary_search(&buf.as_str()).is_ok() {
                return Unaccented::Word(ContextWord::Context);
            }
        }
        Unaccented::Flag(nums.len() > 1 || folds_alike)
    })
}

/// The text of a phrase under construction.
#[derive(Debug, Clone)]
pub enum PhraseSource {
    /// A phrase of the built-in data: the numbers of its syllables in [`SYL_KEYS`]
    /// ([`WILDCARD`] for a `*`).
    Builtin(&'static [u16]),
    /// A custom phrase as the user wrote it, keyed when the lexicon is compiled.
    Text(String),
}

impl PhraseSource {
    /// The phrase as written (custom) or keyed (built-in), for error messages.
    fn text(&self) -> Cow<'_, str> {
        match self {
            PhraseSource::Builtin(nums) => Cow::Owned(builtin_keys(nums)),
            PhraseSource::Text(t) => Cow::Borrowed(t),
        }
    }

    /// Whether the phrase has a `*` wildcard.
    fn is_wildcard(&self) -> bool {
        match self {
            PhraseSource::Builtin(nums) => nums.contains(&WILDCARD),
            PhraseSource::Text(t) => t.contains('*') && t.split_whitespace().any(|w| w == "*"),
        }
    }
}

/// A phrase under construction, before compilation.
pub struct NewEntry {
    /// The phrase.
    pub phrase: PhraseSource,
    /// Index of its rule.
    pub rule: usize,
    /// Severity.
    pub severity: Severity,
    /// Suggestion.
    pub suggestion: Option<&'static str>,
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
    /// Only where its clause ends right after it (particles allowed).
    pub ends_clause: bool,
    /// Cancelling left contexts: its group's and its own.
    pub not_after: [Contexts; 2],
    /// Cancelling right contexts: its group's and its own.
    pub not_before: [Contexts; 2],
}

impl Lexicon {
    /// Parses the built-in files plus `extra` (custom rules and phrases), and compiles them.
    ///
    /// # Errors
    /// A [`LexiconError`] naming the file and the TOML error; built-in files are covered by
    /// tests, so this only fails on a broken build.
    pub fn build(extra_rules: Vec<Rule>, extra: Vec<NewEntry>) -> Result<Lexicon, LexiconError> {
        let groups = BUILTIN.iter().flat_map(|(_, groups)| groups.iter());
        let mut rules = Vec::with_capacity(groups.clone().count() + extra_rules.len());
        let mut news: Vec<NewEntry> = Vec::with_capacity(
            groups
                .map(|g| g.plain().count() + g.entries.len())
                .sum::<usize>()
                + extra.len(),
        );
        let mut buf = String::new();
        for (_, groups) in BUILTIN {
            for g in *groups {
                let rule = rules.len();
                rules.push(Rule {
                    id: format!("{}.{}", g.category.as_str(), g.id),
                    category: g.category,
                    message: Message {
                        vi: g.vi.to_string(),
                        en: g.en.to_string(),
                    },
                    duties: g.duties.to_vec(),
                });
                let default_un = g.unaccented;
                // An entry with options overrides the same phrase in the plain list: build.rs
                // has left those out of it (and a plain list holds no phrase twice:
                // `plain_phrases_are_unique`).
                for keys in g.plain() {
                    news.push(NewEntry {
                        phrase: PhraseSource::Builtin(keys),
                        rule,
                        severity: g.severity,
                        suggestion: g.suggestion,
                        unaccented: default_unaccented(default_un, keys, &mut buf),
                        caps: g.caps,
                        alone: g.alone,
                        needs_target: g.needs_target,
                        cross: g.cross,
                        dodge: g.dodge,
                        ends_clause: false,
                        not_after: [g.not_after, &[]],
                        not_before: [g.not_before, &[]],
                    });
                }
                for e in g.entries {
                    news.push(NewEntry {
                        phrase: PhraseSource::Builtin(e.p),
                        rule,
                        severity: e.severity.unwrap_or(g.severity),
                        suggestion: e.suggestion.or(g.suggestion),
                        unaccented: e
                            .unaccented
                            .unwrap_or_else(|| default_unaccented(default_un, e.p, &mut buf)),
                        caps: e.caps.unwrap_or(g.caps),
                        alone: e.alone.unwrap_or(g.alone),
                        needs_target: e.needs_target.unwrap_or(g.needs_target),
                        cross: g.cross,
                        dodge: e.dodge.unwrap_or(g.dodge),
                        ends_clause: e.ends_clause.unwrap_or(false),
                        not_after: [g.not_after, e.not_after],
                        not_before: [g.not_before, e.not_before],
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
        let ctx = ContextLists {
            targets: TARGETS.iter().map(|s| s.to_string()).collect(),
            pronouns: PRONOUNS.iter().map(|s| s.to_string()).collect(),
        };
        Self::compile(rules, news, ctx)
    }

    fn compile(
        rules: Vec<Rule>,
        news: Vec<NewEntry>,
        ctx: ContextLists,
    ) -> Result<Lexicon, LexiconError> {
        let mut entries = Vec::with_capacity(news.len());
        let mut accented = PhraseTrie::seeded(SYL_KEYS, SYL_HASHES, news.len());
        let mut folded = PhraseTrie::seeded(FOLD_KEYS, FOLD_HASHES, news.len());
        let mut dodges: FxHashMap<Cow<'static, str>, Vec<usize>> = FxHashMap::default();
        let mut wildcards = Vec::new();
        let mut wildcard_reach = 0;
        for n in news {
            if n.phrase.is_wildcard() {
                let parts: Vec<Vec<PartKey>> = match &n.phrase {
                    PhraseSource::Builtin(nums) => nums
                        .split(|&k| k == WILDCARD)
                        .map(|p| p.iter().filter_map(|&k| PartKey::builtin(k)).collect())
                        .collect(),
                    PhraseSource::Text(t) => t
                        .split(" * ")
                        .map(|p| phrase_keys(p).0.into_iter().map(PartKey::new).collect())
                        .collect(),
                };
                if parts.iter().any(Vec::is_empty) {
                    return Err(LexiconError(format!(
                        "phrase {:?}: empty part around `*`",
                        n.phrase.text()
                    )));
                }
                let syllables: usize = parts.iter().map(Vec::len).sum();
                wildcard_reach = wildcard_reach
                    .max(syllables.saturating_sub(1) + (parts.len() - 1) * WILDCARD_SPAN);
                if let Some(first) = parts.first().and_then(|p| p.first()) {
                    let idx = entries.len();
                    match wildcards
                        .iter_mut()
                        .find(|(k, _, _): &&mut (String, String, Vec<usize>)| *k == first.key)
                    {
                        Some((_, _, ids)) => ids.push(idx),
                        None => wildcards.push((
                            first.key.to_string(),
                            first.fold.to_string(),
                            vec![idx],
                        )),
                    }
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
                    ends_clause: n.ends_clause,
                    not_after: n.not_after,
                    not_before: n.not_before,
                    parts,
                });
                continue;
            }
            let idx = entries.len();
            let folds = n.unaccented != Unaccented::Flag(false);
            let tries = (&mut accented, &mut folded);
            // The phrase's key when it is one syllable (built-in keys are borrowed from the
            // compiled-in data).
            let single: Option<Cow<'static, str>> = match &n.phrase {
                PhraseSource::Builtin(nums) => {
                    if !add_builtin(tries, folds, nums, idx) {
                        return Err(LexiconError(format!("phrase {nums:?} has no syllables")));
                    }
                    match **nums {
                        [k] => Some(Cow::Borrowed(syl_key(k))),
                        _ => None,
                    }
                }
                PhraseSource::Text(t) => {
                    let mut keys = phrase_keys(t).0;
                    if !add_custom(tries, folds, &keys, idx) {
                        return Err(LexiconError(format!("phrase {t:?} has no syllables")));
                    }
                    (keys.len() == 1).then(|| Cow::Owned(keys.remove(0)))
                }
            };
            if let Some(single) = single.filter(|_| n.dodge) {
                dodges.entry(single).or_default().push(idx);
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
                ends_clause: n.ends_clause,
                not_after: n.not_after,
                not_before: n.not_before,
                parts: Vec::new(),
            });
        }
        let targets: Vec<String> = ctx
            .targets
            .iter()
            .filter_map(|t| split_keys(t).into_iter().next())
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
            .filter_map(|t| split_keys(t).into_iter().next())
            .collect();
        let pronouns_folded = pronouns.iter().map(|p| text::tone::fold(p)).collect();
        let teencode = Teencode::new(&accented, &folded);
        let mut wildcard_filter = KeyFilter::default();
        let mut wildcard_keys: FxHashMap<String, SmallVec<[u32; 2]>> = FxHashMap::default();
        let mut wildcard_folds: FxHashMap<String, SmallVec<[u32; 2]>> = FxHashMap::default();
        for (g, (key, fold, _)) in wildcards.iter().enumerate() {
            wildcard_filter.insert(key);
            wildcard_filter.insert(fold);
            let g =
                u32::try_from(g).map_err(|_| LexiconError("too many wildcard groups".into()))?;
            wildcard_keys.entry(key.clone()).or_default().push(g);
            wildcard_folds.entry(fold.clone()).or_default().push(g);
        }
        Ok(Lexicon {
            rules,
            entries,
            accented,
            folded,
            dodges,
            wildcards,
            wildcard_filter,
            wildcard_keys,
            wildcard_folds,
            wildcard_reach,
            targets,
            targets_folded,
            pronouns,
            pronouns_folded,
            by_fold: OnceLock::new(),
            teencode,
        })
    }

    /// All whole-syllable matches in `tokens`, the tokens of `text` (the caller's original
    /// text, which [`Token::orig`] indexes). `accents` is the text's accent class
    /// ([`text::accents`] of `tokens`); its policy ([`text::is_unaccented`]) is `Accents::None`.
    pub fn find(&self, text: &str, tokens: &[Token], accents: text::Accents) -> Vec<Hit> {
        let mut hits = Vec::new();
        if tokens.is_empty() {
            return hits;
        }
        let unaccented = accents == text::Accents::None;
        self.scan(text, tokens, false, unaccented, &mut hits);
        // In text written with full diacritics an unmarked syllable is what it says
        // ("dam cho" is not "đấm cho"): the folded lexicon serves mixed and unaccented text.
        if accents != text::Accents::Full {
            self.scan(text, tokens, true, unaccented, &mut hits);
        } else {
            // A sentence of four or more words typed without diacritics inside a text written
            // with them (a dodge, or a quick reply under a long post) is matched as unaccented
            // text on its own.
            let mut start = 0;
            while start < tokens.len() {
                let end = (start + 1..tokens.len())
                    .find(|&i| tokens[i].gap == Gap::Hard)
                    .unwrap_or(tokens.len());
                let seg = &tokens[start..end];
                if seg.len() >= 4 && text::accents(seg) == text::Accents::None {
                    // The accented pass over the whole text has already matched this
                    // sentence's exact keys; only the folded pass is new.
                    let mut found = Vec::new();
                    self.scan(text, seg, true, true, &mut found);
                    hits.extend(found.into_iter().map(|h| Hit {
                        entry: h.entry,
                        first: h.first + start,
                        last: h.last + start,
                    }));
                }
                start = end;
            }
        }
        self.scan_dodges(text, tokens, &mut hits);
        self.scan_hashtags(text, tokens, &mut hits);
        self.scan_leet(text, tokens, &mut hits);
        hits.sort_by(HIT_BY_POSITION);
        hits.dedup();
        hits
    }

    fn scan(
        &self,
        text: &str,
        tokens: &[Token],
        folded: bool,
        unaccented: bool,
        hits: &mut Vec<Hit>,
    ) {
        // The syllable numbers of the tokens' keys (folded keys for the folded trie).
        let (trie, ids): (_, Vec<Option<u32>>) = if folded {
            let ids = tokens
                .iter()
                .map(|t| self.folded.id(&t.fold, t.fold_hash))
                .collect();
            (&self.folded, ids)
        } else {
            let ids = tokens
                .iter()
                .map(|t| self.accented.id(&t.key, t.key_hash))
                .collect();
            (&self.accented, ids)
        };
        // Teencode stand-ins, only where the text has one.
        // Not right after a number: "50 k" is fifty thousand.
        let alts: Vec<Option<(u32, bool)>> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let after_number = i > 0 && tokens[i - 1].numeric && t.gap == Gap::Space;
                if after_number {
                    None
                } else {
                    self.teencode.stands_for(t, folded)
                }
            })
            .collect();
        let on_match = |first: usize, last: usize, ids: &[usize]| {
            let span = &tokens[first..=last];
            let any_marked = span.iter().any(|t| t.marked);
            let crosses = span.iter().skip(1).any(|t| t.gap != Gap::Space);
            // Without diacritics "thang" after a number is a month: "be 3 thang ngu du" is "bé 3
            // tháng ngủ đủ", not "thằng ngu".
            if (folded || unaccented) && !any_marked && month(tokens, first) {
                return;
            }
            for &entry in ids {
                let e = &self.entries[entry];
                // A word needing context is read without it when spelled out with separators
                // between its letters ("do n.g.u"): nobody types "ngủ" that way.
                let safe_unaccented = || match e.unaccented {
                    Unaccented::Flag(f) => f,
                    Unaccented::Word(ContextWord::Context) => {
                        self.has_target(tokens, first, last, true)
                            || first == last && spelled_out(text, &tokens[first])
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
        };
        if alts.iter().any(Option::is_some) {
            trie.for_each_match_with(&ids, &alts, on_match);
        } else {
            trie.for_each_match(&ids, on_match);
        }
    }

    /// Matches of the phrases with a `*` wildcard (few; a direct scan). The parts must not
    /// cross a sentence end.
    pub fn find_wildcards(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (start, t) in tokens.iter().enumerate() {
            // A token that is no group's first syllable (key, or folded key when unmarked;
            // an unmarked key that is its own fold is tested once).
            let by_fold = !t.marked && t.fold_hash != t.key_hash;
            if !(self.wildcard_filter.may_contain_hash(t.key_hash)
                || by_fold && self.wildcard_filter.may_contain_hash(t.fold_hash))
            {
                continue;
            }
            // The groups whose first syllable is the token's key, then those whose folded first
            // syllable is its folded key (when unmarked), each once. Hits are sorted below,
            // so the order groups are tried in does not matter.
            let of_key = self.wildcard_keys.get(t.key.as_str());
            let of_fold = (!t.marked)
                .then(|| self.wildcard_folds.get(t.fold.as_str()))
                .flatten();
            let groups = of_key.into_iter().flatten().chain(
                of_fold
                    .into_iter()
                    .flatten()
                    .filter(|&&g| of_key.is_none_or(|k| !k.contains(&g))),
            );
            // The keys and folded keys of the tokens a phrase from `start` may read past its
            // first one ([`match_parts`] reads none from a sentence end on), gathered for the
            // first entry: a phrase with a syllable none of them may spell is not tried.
            let mut window: Option<HashBits> = None;
            for &g in groups {
                let Some((_, _, ids)) = self.wildcards.get(g as usize) else {
                    continue;
                };
                for &entry in ids {
                    let parts = &self.entries[entry].parts;
                    let window = window.get_or_insert_with(|| {
                        let mut w = HashBits::default();
                        for x in tokens
                            .iter()
                            .skip(start + 1)
                            .take(self.wildcard_reach)
                            .take_while(|x| x.gap != Gap::Hard)
                        {
                            w.insert(x.key_hash);
                            w.insert(x.fold_hash);
                        }
                        w
                    });
                    // Every syllable but the first (the token at `start`) must be spelled by a
                    // token of the window: by its key or its folded key ([`PartKey::spelled_by`]).
                    let reachable = parts
                        .iter()
                        .enumerate()
                        .flat_map(|(i, p)| p.iter().skip(usize::from(i == 0)))
                        .all(|p| window.may_hold(p.hashes.0) || window.may_hold(p.hashes.1));
                    if !reachable {
                        continue;
                    }
                    // An entry marked `unaccented = false` matches only with its diacritics:
                    // "văn bản * tối mật" is not "van ban nay toi mat ngu" (a flat "mất ngủ").
                    let strict = self.entries[entry].unaccented == Unaccented::Flag(false);
                    if let Some(last) = match_parts(tokens, start, parts, strict) {
                        hits.push(Hit {
                            entry,
                            first: start,
                            last,
                        });
                    }
                }
            }
        }
        // The order of a scan entry by entry (entries are numbered in phrase order).
        hits.sort_by(HIT_BY_ENTRY);
        hits
    }

    /// Single-letter tokens spelled out with separators (`đ m`, `n g u`, `d-m`) matched as one
    /// syllable against dodge-eligible entries. Letters joined by `@` are part of an e-mail
    /// address or a mention (`d@m@gmail.com`), not a spelled-out word.
    fn scan_dodges(&self, text: &str, tokens: &[Token], hits: &mut Vec<Hit>) {
        // One character: the key's length is the UTF-8 length its first byte announces
        // (checked before decoding anything; most keys are longer).
        let single = |t: &Token| {
            let k = t.key.as_str();
            let len = match k.as_bytes().first() {
                None => return false,
                Some(&b) if b < 0x80 => 1,
                Some(&b) if b < 0xE0 => 2,
                Some(&b) if b < 0xF0 => 3,
                Some(_) => 4,
            };
            k.len() == len && k.chars().next().is_some_and(text::is_letter)
        };
        let joined = |a: &Token, b: &Token| {
            b.gap != Gap::Hard
                && !text
                    .get(a.orig.end..b.orig.start)
                    .is_some_and(|gap| gap.contains('@'))
        };
        let mut i = 0;
        while i < tokens.len() {
            if !single(&tokens[i]) {
                i += 1;
                continue;
            }
            // The last token of the run of single letters from `i`, at most `len` long (with
            // `spaced`, letters apart by spaces only).
            let run_end = |len: usize, spaced: bool| {
                let mut e = i;
                while e + 1 < tokens.len()
                    && single(&tokens[e + 1])
                    && joined(&tokens[e], &tokens[e + 1])
                    && (!spaced || tokens[e + 1].gap == Gap::Space)
                    && e + 1 - i < len
                {
                    e += 1;
                }
                e
            };
            let j = run_end(6, false);
            // Clothing sizes: "size M, L, XL", "S M L XL".
            let size = |t: &Token| {
                matches!(
                    t.fold.as_str(),
                    "size" | "sz" | "xs" | "xl" | "xxl" | "xxxl" | "2xl" | "3xl" | "4xl"
                ) || t.key == "cỡ"
            };
            if tokens[i.saturating_sub(3)..i].iter().any(size)
                || tokens.get(j + 1).is_some_and(size)
            {
                i = j + 1;
                continue;
            }
            // A longer run may spell a phrase of several syllables ("T U Y Ệ T   M Ậ T",
            // "m ấ t d ạ y"): the whole run, cut into the lexicon's syllables.
            let k = run_end(24, true);
            if k + 1 - i >= 4 {
                let run: String = tokens[i..=k].iter().map(|t| t.key.as_str()).collect();
                let mut found = |ids: &[usize]| {
                    hits.extend(ids.iter().map(|&entry| Hit {
                        entry,
                        first: i,
                        last: k,
                    }));
                };
                self.accented.joined(&run, 2, &mut found);
                if tokens[i..=k].iter().all(|t| !t.marked) {
                    // Letters without diacritics: only the phrases safe without them ("b o m e"
                    // is bố mẹ as often as anything else).
                    self.folded.joined(&run, 2, |ids| {
                        found(
                            &ids.iter()
                                .copied()
                                .filter(|&e| self.entries[e].unaccented == Unaccented::Flag(true))
                                .collect::<Vec<_>>(),
                        )
                    });
                }
            }
            for a in i..=j {
                let mut key = String::new();
                for (b, tok) in tokens.iter().enumerate().take(j + 1).skip(a) {
                    key.push_str(&tok.key);
                    if b > a {
                        for cand in [key.clone(), text::tone::fold(&key)] {
                            if let Some(ids) = self.dodges.get(cand.as_str()) {
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

    /// Swear words with digits for letters inside (`l0z`, `l0n`, `c4c`: `0`→o, `1`→i,
    /// `3`→e, `4`→a): a token of 3 to 6 ASCII letters and digits that starts and ends with a
    /// letter is read as the word it spells, against the one-syllable `inflammatory` entries
    /// that fold to it. A digit shows the intent, so the word's accent policy does not apply
    /// (`l0n` is `lồn`, though `lon` alone is a can); codes that end in digits (`D1`, `F0`,
    /// `K20`) are left alone.
    fn scan_leet(&self, text: &str, tokens: &[Token], hits: &mut Vec<Hit>) {
        for (i, t) in tokens.iter().enumerate() {
            // Words of letters only and plain numbers: one flag each. Codes in capitals (`D1T`,
            // `M4Y`) and words glued to a code's or an address's punctuation (`C4C-200`,
            // `d1t@gmail.com`, `/l0z/`) are left alone.
            if t.letters || t.numeric || t.upper {
                continue;
            }
            // A full stop glues only inside a name (`l0z.vn`), not at a sentence's end.
            let glued_after = |s: &str| {
                let mut c = s.chars();
                match c.next() {
                    Some('-' | '@' | '/' | '_') => true,
                    Some('.') => c.next().is_some_and(char::is_alphanumeric),
                    _ => false,
                }
            };
            let glued_before = text
                .get(..t.orig.start)
                .and_then(|b| b.chars().next_back())
                .is_some_and(|c| matches!(c, '-' | '@' | '/' | '.' | '_'));
            if glued_before || glued_after(text.get(t.orig.end..).unwrap_or_default()) {
                continue;
            }
            let f = t.fold.as_bytes();
            let (Some(first), Some(last)) = (f.first(), f.last()) else {
                continue;
            };
            if !(3..=6).contains(&f.len())
                || !first.is_ascii_lowercase()
                || !last.is_ascii_lowercase()
                || !f.iter().any(u8::is_ascii_digit)
            {
                continue;
            }
            let mut word = String::with_capacity(f.len());
            for &b in f {
                word.push(match b {
                    b'0' => 'o',
                    b'1' => 'i',
                    b'3' => 'e',
                    b'4' => 'a',
                    b'a'..=b'z' => char::from(b),
                    _ => {
                        word.clear();
                        break;
                    }
                });
            }
            if word.is_empty() {
                continue;
            }
            // Every one-syllable phrase whose key folds to the word (`lồn`, `loz`).
            let by_fold = self.by_fold.get_or_init(|| {
                let mut map: FxHashMap<String, SmallVec<[usize; 2]>> = FxHashMap::default();
                for (id, key) in self.accented.keys.iter().enumerate() {
                    let node = u32::try_from(id)
                        .ok()
                        .and_then(|id| self.accented.child(0, id));
                    if let Some(out) = node.and_then(|n| self.accented.outputs.get(n as usize)) {
                        if !out.is_empty() {
                            map.entry(text::tone::fold(key))
                                .or_default()
                                .extend(out.iter().copied());
                        }
                    }
                }
                map
            });
            for &entry in by_fold.get(&word).into_iter().flatten() {
                if self.rules[self.entries[entry].rule].category == Category::Inflammatory {
                    hits.push(Hit {
                        entry,
                        first: i,
                        last: i,
                    });
                }
            }
        }
    }

    /// Phrases of three or more syllables written as one hashtag without spaces or diacritics
    /// (`#aihieuthihieu`, `#noiaithinguoidotubiet`): a token right after `#`, of 4 to 40 ASCII
    /// letters, is cut into the folded lexicon's syllables ([`PhraseTrie::joined`]); entries
    /// that need context words to match without diacritics are left out. Two syllables are
    /// too few: `#andam` is ăn dặm (baby food) before it is a threat, `#treoco` hanging the
    /// flag.
    fn scan_hashtags(&self, text: &str, tokens: &[Token], hits: &mut Vec<Hit>) {
        let b = text.as_bytes();
        for (i, t) in tokens.iter().enumerate() {
            if t.orig.start == 0 || b.get(t.orig.start - 1) != Some(&b'#') {
                continue;
            }
            let f = t.fold.as_str();
            if !(4..=40).contains(&f.len()) || !f.bytes().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            self.folded.joined(f, 3, |ids| {
                for &entry in ids {
                    if self.entries[entry].unaccented == Unaccented::Flag(true) {
                        hits.push(Hit {
                            entry,
                            first: i,
                            last: i,
                        });
                    }
                }
            });
        }
    }

    /// Whether a target word stands right before `first` (one or two syllables back, but not
    /// across `người`, and across only a demonstrative when matching `folded` keys), or a
    /// second-person pronoun right after `last`.
    pub fn has_target(&self, tokens: &[Token], first: usize, last: usize, folded: bool) -> bool {
        // Without diacritics "thang" after a number is a month ("6 thang an dam": tháng), and
        // "may nay", "may do" are "mấy nay" (these days), "mấy đồ" (a few things), not
        // "thằng", "mày" (unless a group word makes it "mày": "bon may do rac").
        let group_before = |i: usize| {
            i > 0 && matches!(tokens[i - 1].fold.as_str(), "bon" | "tui" | "chung" | "lu")
        };
        let is_target = |i: usize| {
            let t = &tokens[i];
            if folded {
                // "cai loai" is "cái loại" (that kind of), though each word alone is
                // ambiguous ("loai" a species, "cai" a quit).
                let kind_of =
                    t.fold == "loai" && i > 0 && tokens[i - 1].fold == "cai" && t.gap == Gap::Space;
                kind_of
                    || self.targets_folded.iter().any(|x| *x == t.fold)
                        && !month(tokens, i)
                        && !(t.fold == "may"
                            && !group_before(i)
                            && tokens
                                .get(i + 1)
                                .is_some_and(|n| matches!(n.fold.as_str(), "nay" | "do")))
            } else {
                self.targets.iter().any(|x| *x == t.key)
            }
        };
        // "là người Bắc Kỳ", "là dân nhà quê" describe someone's origin: `người` (or `dân`
        // after `là`) between breaks the aim.
        // Without diacritics a word between must be a demonstrative ("thang kia danh cho"):
        // "May gio con di" is "mấy giờ con đi", not "mày … con đĩ"; after "may" or "m", "là"
        // and "bị" too ("may la do rac", "may bi thieu nang").
        let before = (first.saturating_sub(2)..first).any(|i| {
            let pronoun = matches!(tokens[i].fold.as_str(), "may" | "m");
            is_target(i)
                && tokens[i + 1..=first].iter().all(|t| t.gap == Gap::Space)
                && tokens[i + 1..first].iter().all(|t| {
                    t.fold != "nguoi"
                        && !(t.fold == "dan" && tokens[i].fold == "la")
                        && (!folded
                            || matches!(t.fold.as_str(), "kia" | "nay" | "do" | "ay")
                            || pronoun && matches!(t.fold.as_str(), "la" | "bi"))
                })
        });
        // Without diacritics "may" is mấy, máy or may as often as mày: only marked pronouns
        // count after the phrase ("danh cho may day" is "dành cho mấy đấy").
        let after = tokens.get(last + 1).is_some_and(|t| {
            t.gap == Gap::Space
                && (self.pronouns.iter().any(|p| *p == t.key)
                    || !folded && self.pronouns_folded.iter().any(|p| *p == t.fold))
        });
        before || after
    }
}

/// Sentence-final particles (folded) that may follow a phrase with `ends_clause` before its
/// clause ends: "chắc ai cũng biết rồi nhé", "nhà trường đang giấu đó".
/// Not the question particles ("chứ", "không", "chưa", "sao"): "Món này chắc ai cũng biết chứ?"
/// asks (a breaker).
pub const CLAUSE_PARTICLES: &[&str] = &[
    "nhe", "nha", "nhi", "a", "ah", "do", "day", "dau", "thoi", "roi", "r", "ma", "luon", "di",
    "vay", "z", "ha", "hen", "ghe", "lam", "nua", "ca", "het", "ay", "ne", "kia", "the", "vai",
    "vl",
];

/// Whether the clause ends right after token `last`: the text ends, or punctuation or a line
/// break comes, after nothing but [`CLAUSE_PARTICLES`] (at most three). `tokens` as the text
/// model gives them; `last` must be in range.
pub fn clause_ends_after(tokens: &[Token], last: usize) -> bool {
    let mut k = last + 1;
    for _ in 0..=3 {
        match tokens.get(k) {
            None => return true,
            Some(t) if t.gap != Gap::Space => return true,
            Some(t) if CLAUSE_PARTICLES.contains(&t.fold.as_str()) => k += 1,
            Some(_) => return false,
        }
    }
    false
}

/// Whether token `i` is "thang" after a number: a month typed without diacritics ("6 thang":
/// tháng), not "thằng".
fn month(tokens: &[Token], i: usize) -> bool {
    tokens[i].fold == "thang" && i > 0 && tokens[i - 1].numeric
}

/// Whether token `t` was typed with separators inside (`n.g.u`, `n-g-u`): its original text
/// holds a character that is neither a letter nor a digit (the tokenizer drops them from the
/// key).
fn spelled_out(text: &str, t: &Token) -> bool {
    t.dodged
        && text
            .get(t.orig.clone())
            .is_some_and(|s| s.chars().any(|c| !text::is_letter_or_digit(c)))
}

/// Whether `parts` match from token `start` (each part contiguous, up to [`WILDCARD_SPAN`]
/// syllables between parts, no sentence end inside); returns the last token. With `strict`
/// each syllable must be spelled by its exact key (an entry with `unaccented = false`);
/// otherwise an unmarked token also spells it by its folded form ([`PartKey::spelled_by`]).
fn match_parts(
    tokens: &[Token],
    start: usize,
    parts: &[Vec<PartKey>],
    strict: bool,
) -> Option<usize> {
    let mut at = start;
    for (i, part) in parts.iter().enumerate() {
        let slack = if i == 0 { 0 } else { WILDCARD_SPAN };
        // The part may end no later than the text, its slack, and the first sentence end
        // from the token after `start` on (no token from there to its end may open with one).
        let lo = at.max(start + 1);
        let mut limit = tokens.len().min(at + slack + part.len());
        if let Some(h) = tokens
            .get(lo..limit)
            .and_then(|r| r.iter().position(|t| t.gap == Gap::Hard))
        {
            limit = lo + h;
        }
        let last_skip = limit.checked_sub(at + part.len())?;
        let found = (0..=last_skip).find(|&skip| {
            tokens[at + skip..].iter().zip(part).all(|(t, k)| {
                if strict {
                    t.key_hash == k.hashes.0 && t.key == *k.key
                } else {
                    k.spelled_by(t)
                }
            })
        })?;
        at = at + found + part.len();
    }
    Some(at - 1)
}

/// A set of 32-bit hashes as 256 bits (a hash's top eight bits): [`HashBits::may_hold`] is
/// false for most hashes not inserted, never for one inserted. [`Lexicon::find_wildcards`]
/// gathers the hashes of the few tokens a phrase may read into one.
#[derive(Debug, Default)]
struct HashBits([u64; 4]);

impl HashBits {
    /// Adds `h`.
    #[inline]
    fn insert(&mut self, h: u32) {
        let b = (h >> 24) as usize;
        self.0[b / 64] |= 1 << (b % 64);
    }

    /// Whether `h` may have been inserted.
    #[inline]
    fn may_hold(&self, h: u32) -> bool {
        let b = (h >> 24) as usize;
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// A set of syllable keys as a 4,096-bit filter on their [`text::key_hash`]:
/// [`KeyFilter::may_contain_hash`] is false for most keys not in the set, in a few instructions
/// (none to hash a token's key, which the token carries). A word list's set lookup runs only
/// where the filter says yes.
#[derive(Debug)]
pub(crate) struct KeyFilter {
    bits: [u64; 64],
}

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter { bits: [0; 64] }
    }
}

impl KeyFilter {
    /// The bit of a key of hash `h`: its top twelve bits.
    #[inline]
    fn slot(h: u32) -> usize {
        (h >> 20) as usize
    }

    /// Adds `k`.
    pub(crate) fn insert(&mut self, k: &str) {
        self.insert_hash(text::key_hash(k));
    }

    /// Adds the key whose [`text::key_hash`] is `h`.
    pub(crate) fn insert_hash(&mut self, h: u32) {
        let s = Self::slot(h);
        self.bits[s / 64] |= 1 << (s % 64);
    }

    /// False when the key whose [`text::key_hash`] is `h` was never inserted; true when it
    /// was (and for a few other keys).
    #[inline]
    pub(crate) fn may_contain_hash(&self, h: u32) -> bool {
        let s = Self::slot(h);
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The lexicon files as people wrote them (the compiled-in statics hold keys, not phrases).
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

    /// The compiled-in data is the sources with every phrase replaced by its keys, and every
    /// option carried over.
    #[test]
    fn compiled_data_holds_the_keys_of_the_sources() {
        let key = |p: &str| {
            p.split(" * ")
                .map(|part| phrase_keys(part).0.join(" "))
                .collect::<Vec<_>>()
                .join(" * ")
        };
        let keys = |v: &[String]| v.iter().map(|p| key(p)).collect::<Vec<_>>();
        // Context lists: each phrase keyed, then its other i/y spelling if not listed.
        let contexts = |v: &[String]| {
            let listed = keys(v);
            listed
                .iter()
                .flat_map(|p| {
                    let v = text::tone::iy_variant(p).filter(|v| !listed.contains(v));
                    std::iter::once(p.clone()).chain(v)
                })
                .collect::<Vec<_>>()
        };
        let numbered = |g: &GroupData| g.plain().map(builtin_keys).collect::<Vec<_>>();
        for ((name, src), (bname, groups)) in SOURCES.iter().zip(BUILTIN) {
            assert_eq!(name, bname);
            let a: File = toml::from_str(src).expect(name);
            assert_eq!(a.group.len(), groups.len(), "{name}");
            for (ga, gb) in a.group.iter().zip(groups.iter()) {
                let at = format!("{name}/{}", ga.id);
                assert_eq!(ga.id, gb.id, "{at}");
                assert_eq!(
                    (ga.category, ga.severity),
                    (gb.category, gb.severity),
                    "{at}"
                );
                assert_eq!(ga.duties, gb.duties, "{at}");
                assert_eq!((ga.vi.trim(), ga.en.trim()), (gb.vi, gb.en), "{at}");
                assert_eq!(ga.suggestion.as_deref(), gb.suggestion, "{at}");
                assert_eq!(ga.unaccented, gb.unaccented, "{at}");
                assert_eq!(
                    (ga.caps, ga.alone, ga.needs_target, ga.cross, ga.dodge),
                    (gb.caps, gb.alone, gb.needs_target, gb.cross, gb.dodge),
                    "{at}"
                );
                // The plain list less the phrases an entry refines, each followed by its other
                // i/y spelling when it has one not listed (`text::tone::iy_variant`).
                let refined = keys(&ga.entries.iter().map(|e| e.p.clone()).collect::<Vec<_>>());
                let listed = keys(&ga.phrases);
                let plain: Vec<String> = listed
                    .iter()
                    .filter(|p| !refined.contains(p))
                    .flat_map(|p| {
                        let v = text::tone::iy_variant(p).filter(|v| !listed.contains(v));
                        std::iter::once(p.clone()).chain(v)
                    })
                    .collect();
                assert_eq!(plain, numbered(gb), "{at}");
                assert_eq!(contexts(&ga.not_after), gb.not_after, "{at}");
                assert_eq!(contexts(&ga.not_before), gb.not_before, "{at}");
                // Each entry, then its other i/y spelling's copy.
                let entries: Vec<(&EntryIn, String)> = ga
                    .entries
                    .iter()
                    .flat_map(|e| {
                        let p = key(&e.p);
                        let v = text::tone::iy_variant(&p);
                        std::iter::once((e, p)).chain(v.map(|v| (e, v)))
                    })
                    .collect();
                assert_eq!(entries.len(), gb.entries.len(), "{at}");
                for ((ea, p), eb) in entries.into_iter().zip(gb.entries) {
                    assert_eq!(p, builtin_keys(eb.p), "{at}");
                    assert_eq!(
                        (
                            ea.unaccented,
                            ea.caps,
                            ea.alone,
                            ea.needs_target,
                            ea.severity
                        ),
                        (
                            eb.unaccented,
                            eb.caps,
                            eb.alone,
                            eb.needs_target,
                            eb.severity
                        ),
                        "{at} {:?}",
                        ea.p
                    );
                    assert_eq!(ea.suggestion.as_deref(), eb.suggestion, "{at}");
                    assert_eq!(ea.dodge, eb.dodge, "{at}");
                    assert_eq!(ea.ends_clause, eb.ends_clause, "{at}");
                    assert_eq!(contexts(&ea.not_after), eb.not_after, "{at}");
                    assert_eq!(contexts(&ea.not_before), eb.not_before, "{at}");
                }
            }
        }
    }

    /// No group lists a phrase twice in its plain list (compilation relies on it).
    #[test]
    fn plain_phrases_are_unique() {
        let mut twice = Vec::new();
        for (name, groups) in BUILTIN {
            for g in *groups {
                let mut seen = std::collections::HashSet::new();
                for p in g.plain() {
                    if !seen.insert(p) {
                        twice.push(format!("{name}/{}: {:?}", g.id, builtin_keys(p)));
                    }
                }
            }
        }
        assert!(twice.is_empty(), "phrases listed twice: {twice:#?}");
    }

    /// The syllable tables `build.rs` wrote agree with the text model: each key's hash, its
    /// folded form and that form's hash; keys are distinct, folded keys too.
    #[test]
    fn syllable_tables_agree_with_the_text_model() {
        assert_eq!(SYL_KEYS.len(), SYL_HASHES.len());
        assert_eq!(SYL_KEYS.len(), SYL_FOLD.len());
        assert_eq!(FOLD_KEYS.len(), FOLD_HASHES.len());
        assert!(SYL_KEYS.len() < usize::from(PHRASE_END));
        for (n, k) in SYL_KEYS.iter().enumerate() {
            assert_eq!(SYL_HASHES[n], text::key_hash(k), "{k}");
            let f = FOLD_KEYS[usize::from(SYL_FOLD[n])];
            assert_eq!(f, text::tone::fold(k), "{k}");
        }
        for (n, k) in FOLD_KEYS.iter().enumerate() {
            assert_eq!(FOLD_HASHES[n], text::key_hash(k), "{k}");
        }
        let distinct = |v: &[&str]| v.iter().collect::<std::collections::HashSet<_>>().len();
        assert_eq!(distinct(SYL_KEYS), SYL_KEYS.len());
        assert_eq!(distinct(FOLD_KEYS), FOLD_KEYS.len());
    }

    /// The accent policy read from syllable numbers is the one the keyed phrase gives (the
    /// rule as it reads on the keys joined by spaces).
    #[test]
    fn default_accent_policy_from_numbers() {
        let from_keys = |keys: &str| {
            let syllables = keys.split(' ').count();
            let folds_alike = !keys.chars().any(text::tone::folds_away);
            if !folds_alike
                && syllables == 2
                && EVERYDAY_FOLDS
                    .binary_search(&text::tone::fold(keys).as_str())
                    .is_ok()
            {
                Unaccented::Word(ContextWord::Context)
            } else {
                Unaccented::Flag(syllables > 1 || folds_alike)
            }
        };
        let mut context = 0;
        for (_, groups) in BUILTIN {
            for g in *groups {
                for p in g.plain().chain(g.entries.iter().map(|e| e.p)) {
                    let got = default_unaccented(None, p, &mut String::new());
                    assert_eq!(got, from_keys(&builtin_keys(p)), "{}", builtin_keys(p));
                    context += usize::from(got == Unaccented::Word(ContextWord::Context));
                }
            }
        }
        assert!(context > 0, "no phrase reads as an everyday fold");
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
