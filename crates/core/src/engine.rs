//! The engine: compiled lexicons and rules, and `analyze`.

use crate::lexicon::{self, Entry, Hit, Lexicon, NewEntry, PhraseSource, Rule, Unaccented};
use crate::rules::{self, Ctx, Raw};
use crate::text::{self, Gap, Normalized, Token};
use crate::{Category, Finding, Message, Report, Severity};
use serde::Deserialize;

/// A phrase an organisation wants flagged (its code names, its own internal marks).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CustomPhrase {
    /// The phrase, matched on whole syllables after normalisation (case, NFC/NFD, tone
    /// placement do not matter); written without diacritics it also matches unaccented text.
    pub phrase: String,
    /// The category its findings get.
    pub category: Category,
    /// The severity its findings get.
    pub severity: Severity,
}

/// What the engine looks for. `Config::default()` enables every category at `Info` and up,
/// with no custom phrases and an empty allow-list. Deserialises from JSON/TOML with these
/// field names; missing fields take their defaults.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Enabled categories; findings of other categories are dropped.
    pub categories: Vec<Category>,
    /// Findings below this severity are dropped.
    pub min_severity: Severity,
    /// Extra phrases to flag.
    pub custom_phrases: Vec<CustomPhrase>,
    /// Phrases never to flag: a finding that lies inside an occurrence of one of these
    /// phrases (matched like lexicon phrases) is dropped.
    pub allow: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            categories: Category::ALL.to_vec(),
            min_severity: Severity::Info,
            custom_phrases: Vec::new(),
            allow: Vec::new(),
        }
    }
}

/// Why a [`Config`] was refused by [`Engine::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// A custom or allow-list phrase has no letters or digits to match on; holds the phrase.
    EmptyPhrase(String),
    /// A custom or allow-list phrase is longer than [`MAX_PHRASE_CHARS`] characters; holds its
    /// first characters.
    PhraseTooLong(String),
    /// More than [`MAX_PHRASES`] custom plus allow-list phrases.
    TooManyPhrases(usize),
    /// The built-in lexicon failed to compile (a broken build; covered by tests).
    Lexicon(String),
}

/// Longest custom or allow-list phrase accepted, in characters.
pub const MAX_PHRASE_CHARS: usize = 200;
/// Most custom plus allow-list phrases accepted.
pub const MAX_PHRASES: usize = 5_000;

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::EmptyPhrase(p) => write!(f, "phrase {p:?} has no letters or digits"),
            ConfigError::PhraseTooLong(p) => {
                write!(
                    f,
                    "phrase starting {p:?} is longer than {MAX_PHRASE_CHARS} characters"
                )
            }
            ConfigError::TooManyPhrases(n) => {
                write!(f, "{n} phrases given; at most {MAX_PHRASES} are accepted")
            }
            ConfigError::Lexicon(e) => write!(f, "built-in lexicon: {e}"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The compiled engine. Build once with [`Engine::new`], then call [`Engine::analyze`] from any
/// thread (`Engine` is `Send + Sync`).
#[derive(Debug)]
pub struct Engine {
    config: Config,
    lexicon: Lexicon,
    allow: Vec<Vec<String>>,
    /// The places of every key of `allow`, under the [`text::key_hash`] of the key and of its
    /// folded form: `(phrase index in allow, syllable index in the phrase)`. A finding's first
    /// token can only lie in an occurrence of a phrase through one of these places (see
    /// [`Engine::allowed`]).
    allow_index: rustc_hash::FxHashMap<u32, Vec<(u32, u32)>>,
}

/// Letters Unicode marks Default_Ignorable: Hangul fillers (U+115F, U+1160, U+3164, U+FFA0)
/// print as blanks, so a phrase of them alone is as empty as one of spaces.
const BLANK_LETTERS: [char; 4] = ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}'];

fn check_phrase(p: &str) -> Result<(), ConfigError> {
    if p.chars().count() > MAX_PHRASE_CHARS {
        return Err(ConfigError::PhraseTooLong(p.chars().take(40).collect()));
    }
    if !p
        .chars()
        .any(|c| c.is_alphanumeric() && !BLANK_LETTERS.contains(&c))
    {
        return Err(ConfigError::EmptyPhrase(p.to_string()));
    }
    Ok(())
}

/// Document titles (folded syllables) that may follow a mark used as a label (`MẬT: Báo cáo
/// …`, `HỎA TỐC - Kính gửi …`, `KHẨN: V/v …`). Both syllables must match: `công văn`, not
/// `công thức`; `danh sách`, not `đánh`.
const DOC_TITLES: &[[&str; 2]] = &[
    ["bao", "cao"],
    ["ke", "hoach"],
    ["danh", "sach"],
    ["to", "trinh"],
    ["quyet", "dinh"],
    ["cong", "van"],
    ["cong", "dien"],
    ["thong", "bao"],
    ["thong", "tu"],
    ["thong", "tri"],
    ["bien", "ban"],
    ["kinh", "gui"],
    ["ve", "viec"],
    ["v", "v"],
    ["du", "thao"],
    ["nghi", "quyet"],
    ["nghi", "dinh"],
    ["phuong", "an"],
    ["ho", "so"],
    ["tai", "lieu"],
    ["van", "ban"],
    ["ket", "luan"],
    ["chi", "thi"],
    ["giay", "moi"],
    ["thu", "moi"],
    ["quy", "che"],
    ["phieu", "trinh"],
    ["de", "an"],
    ["huong", "dan"],
    ["chuong", "trinh"],
    ["bao", "mat"],
];

/// Whether tokens `a` and `b` spell a document title of [`DOC_TITLES`].
fn is_title(a: &Token, b: &Token) -> bool {
    DOC_TITLES.iter().any(|[x, y]| a.fold == *x && b.fold == *y)
}

/// Whether a document title ([`DOC_TITLES`], or `V/v`) starts among the three tokens after
/// token `last`, without passing the end of the sentence or line they start: "HỎA TỐC - Kính
/// gửi …", "HỎA TỐC" / "Công văn gửi các phường …". False when nothing follows.
pub(crate) fn title_follows(tokens: &[Token], last: usize) -> bool {
    let after = tokens.get(last + 1..).unwrap_or_default();
    (0..after.len().min(3))
        .take_while(|&i| i == 0 || after[i].gap != Gap::Hard)
        .any(|i| {
            after[i].fold == "v/v"
                || after.get(i + 1).is_some_and(|n| {
                    n.gap != Gap::Hard
                        && is_title(&after[i], n)
                        && !(n.fold == "gui"
                            && matches!(tokens[last].fold.as_str(), "khan" | "toc")
                            && to_the_public(after.get(i + 2..(i + 6).min(after.len()))))
                })
        })
}

/// Whether the words after "Kính gửi" (`next`, up to four tokens) name the public: a notice to
/// parents or customers is not an office's letter ("KHẨN - Kính gửi quý phụ huynh").
/// Narrower than the frame's list: "Quý lãnh đạo", "mọi người trong ban giám đốc" are staff.
fn to_the_public(next: Option<&[Token]>) -> bool {
    let next = next.unwrap_or_default();
    let words: Vec<&str> = next.iter().map(|t| t.key.as_str()).collect();
    let folds: Vec<&str> = next.iter().map(|t| t.fold.as_str()).collect();
    // "Quý"/"Toàn thể" before the public ("quý phụ huynh", "toàn thể cư dân"), not before
    // staff ("Quý lãnh đạo", "toàn thể cán bộ", "quý đồng chí").
    let public = |w: &str| matches!(w, "phu" | "khach" | "cu" | "ba");
    let staff = match folds.as_slice() {
        // "toàn thể nhân dân", "toàn thể đồng bào", "toàn thể quý phụ huynh".
        ["toan", "the", w, v, ..] => {
            !(public(w)
                || *w == "quy"
                || (*w, *v) == ("nhan", "dan")
                || (*w, *v) == ("dong", "bao"))
        }
        ["toan", "the", w] => !(public(w) || *w == "quy"),
        ["quy", w, ..] => !public(w),
        ["moi", ..] => true,
        _ => false,
    };
    !staff && crate::rules::to_the_public(&(words.join(" ") + " "))
}

/// Whether the mark of tokens `first..=last` is quoted as written on a paper or as its stamp:
/// an opening quote right before it and a closing one right after, after "dấu" ("đóng dấu
/// “Mật” đỏ chót") or after "ghi" ([`written`]) in a sentence that names a paper within the
/// sixteen words before ("bản kế hoạch … trên góc có ghi 'Mật'"; not "ghi 'Mật' vào tên file
/// cho vui").
pub(crate) fn quoted_on_paper(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let (Some(f), Some(l)) = (tokens.get(first), tokens.get(last)) else {
        return false;
    };
    let quoted = text
        .get(..f.orig.start)
        .is_some_and(|b| b.trim_end().ends_with(crate::rules::OPENING_QUOTES))
        && text
            .get(l.orig.end..)
            .is_some_and(|a| a.starts_with(crate::rules::CLOSING_QUOTES));
    if !quoted {
        return false;
    }
    let stamp = first > 0 && tokens[first - 1].key == "dấu";
    let paper = || {
        (first.saturating_sub(16)..first)
            .rev()
            .take_while(|&j| tokens[j + 1].gap != Gap::Hard)
            .any(|j| {
                matches!(
                    tokens[j].fold.as_str(),
                    "ban" | "van" | "tai" | "ke" | "cong" | "bao" | "quyet" | "bien" | "ho" | "de"
                ) && crate::rules::spelled_any(
                    tokens,
                    j,
                    &[
                        "bản",
                        "văn bản",
                        "tài liệu",
                        "kế hoạch",
                        "công văn",
                        "báo cáo",
                        "quyết định",
                        "biên bản",
                        "hồ sơ",
                        "đề",
                    ],
                )
                .is_some()
            })
    };
    stamp || written(text, tokens, first) && paper()
}

/// Whether the line before byte `at` of `text` is only mail prefixes ([`without_mail_prefixes`])
/// and an opening bracket: "Fwd: [" before "KHẨN". Reads back at most 40 bytes.
fn after_mail_prefixes(text: &str, at: usize) -> bool {
    let Some(lo) = (at.saturating_sub(40)..=at).find(|&k| text.is_char_boundary(k)) else {
        return false;
    };
    let Some(head) = text.get(lo..at) else {
        return false;
    };
    let line = match head.rfind('\n') {
        Some(k) => &head[k + 1..],
        // The 40 bytes hold no line break: the line starts there only at the text's start.
        None if lo == 0 => head,
        None => return false,
    };
    let bare = line.trim_end_matches([' ', '\t', '[', '(']);
    bare.len() < line.len() && without_mail_prefixes(bare).is_empty() && !bare.is_empty()
}

/// `line` (the text of a line before some point) without the trailing spaces and the mail
/// prefixes that may open a forwarded or quoted line: quote marks (`>`, `>>`) and `Fwd:`,
/// `Fw:`, `Re:`, `TR:` in any case, any number of them ("Fwd: [KHẨN] V/v …", ">> Fw: RE:
/// [INTERNAL] …"). Returns the rest; bounded by the prefixes' length.
fn without_mail_prefixes(line: &str) -> &str {
    let mut rest = line.trim_end_matches([' ', '\t']);
    loop {
        let before = rest.len();
        rest = rest.trim_end_matches('>');
        if let Some(colon) = rest.strip_suffix(':') {
            // The run of ASCII letters before the colon (ASCII bytes are char boundaries).
            let word_start = colon.len()
                - colon
                    .bytes()
                    .rev()
                    .take_while(u8::is_ascii_alphabetic)
                    .count();
            let word = &colon[word_start..];
            if ["fwd", "fw", "re", "tr"]
                .iter()
                .any(|p| word.eq_ignore_ascii_case(p))
            {
                rest = &colon[..word_start];
            }
        }
        rest = rest.trim_end_matches([' ', '\t']);
        if rest.len() == before {
            return rest;
        }
    }
}

/// Whether the words before token `first` say it is written on a paper: "ghi", "có ghi",
/// "ghi rõ (là)", "ghi chữ", then the mark quoted ("bên trên ghi \"Hạn chế phổ biến\"") or
/// a paper named earlier in the sentence ("Bản này … ghi rõ là không phổ biến"): a mark in
/// sentence case then counts as in capitals.
pub(crate) fn written(text: &str, tokens: &[Token], first: usize) -> bool {
    let mut k = first;
    for _ in 0..3 {
        let Some(prev) = k.checked_sub(1).and_then(|p| tokens.get(p)) else {
            return false;
        };
        if tokens[k].gap == Gap::Hard {
            return false;
        }
        if prev.key == "ghi" {
            // Quoted as printed ('ghi "Hạn chế phổ biến"'), or on a paper the sentence names
            // ("Bản này … ghi rõ là không phổ biến"; not a notice board's rule).
            let quoted = text
                .get(prev.orig.end..tokens[first].orig.start)
                .is_some_and(|between| between.contains(['"', '\'', '“', '‘', '«', ':']));
            let paper = (k.saturating_sub(10)..k - 1).any(|j| {
                tokens[j + 1..k].iter().all(|t| t.gap != Gap::Hard)
                    && (matches!(tokens[j].key.as_str(), "bản" | "giấy" | "bìa" | "trang")
                        || tokens.get(j + 1).is_some_and(|n| is_title(&tokens[j], n)))
            });
            return quoted || paper;
        }
        if !matches!(prev.key.as_str(), "rõ" | "là" | "chữ" | "dòng") {
            return false;
        }
        k -= 1;
    }
    false
}

/// Words that aim the insult after them at a person and go with it when it is removed ("đồ
/// mất dạy", "thằng ngu", "lũ súc vật"; keyed syllables).
const AIMING_CLASSIFIERS: &[&str] = &[
    "đồ", "thằng", "con", "lũ", "bọn", "tụi", "thứ", "loại", "đám", "lão", "mụ",
];

/// Widens each inflammatory finding whose suggestion is to remove it over the word right
/// before it that aims it ([`AIMING_CLASSIFIERS`]): removing "mất dạy" alone from "đúng là đồ
/// mất dạy" would leave "đúng là đồ". Run after every rule, which read the phrase's own span.
/// Unmarked words count as folded only in text typed without diacritics (`unaccented`):
/// "Thầy Giáo Lu vcl" names someone, not "lũ".
fn take_aiming_words(tokens: &[Token], unaccented: bool, findings: &mut [Finding]) {
    for f in findings
        .iter_mut()
        .filter(|f| f.category == Category::Inflammatory && f.suggestion.as_deref() == Some(""))
    {
        let k = tokens.partition_point(|t| t.orig.start < f.span.start);
        let aimed = k > 0
            && tokens
                .get(k)
                .is_some_and(|t| t.orig.start == f.span.start && t.gap == Gap::Space)
            && AIMING_CLASSIFIERS.iter().any(|w| {
                let x = &tokens[k - 1];
                x.key == *w || unaccented && key_matches(x, w)
            });
        if aimed {
            f.span.start = tokens[k - 1].orig.start;
        }
    }
}

/// Whether token `first` opens a bracket right after a document's title or number: "QUYẾT
/// ĐỊNH (dự thảo)", "Kế hoạch số 15/KH-UBND (dự thảo lần 2)". A mark there counts in
/// sentence case.
pub(crate) fn bracketed_after_document(text: &str, tokens: &[Token], first: usize) -> bool {
    let Some(before) = tokens
        .get(first)
        .and_then(|t| text.get(..t.orig.start))
        .map(str::trim_end)
    else {
        return false;
    };
    // "(bản dự thảo)": the word "bản" may come between the bracket and the mark.
    let before = ["bản", "ban", "Bản", "Ban"]
        .iter()
        .find_map(|b| before.strip_suffix(b))
        .map(str::trim_end)
        .filter(|b| b.ends_with('('))
        .unwrap_or(before);
    let Some(inside) = before.strip_suffix('(') else {
        return false;
    };
    // The word before the bracket, read over its last 64 bytes at most: a document code is
    // shorter, and a text with no space for megabytes ("(mật)(mật)…") must not be read back
    // to its start at every bracket.
    let inside = inside.trim_end();
    let mut from = inside.len().saturating_sub(64);
    while !inside.is_char_boundary(from) {
        from += 1;
    }
    let word = inside[from..]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    // A public act's draft is published for comment: "Thông tư 22 (dự thảo)", "Nghị định
    // 100/2019/NĐ-CP (dự thảo sửa đổi)".
    // Lower case by hand (ASCII and Đ): the general `to_lowercase` costs the `.wasm` its
    // Unicode tables.
    let lower: String = word
        .chars()
        .map(|c| {
            if c == 'Đ' {
                'đ'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let public_code = ["nđ-cp", "nd-cp", "tt-", "qđ-ttg", "nq-cp", "qh", "l-ctn"]
        .iter()
        .any(|c| lower.contains(c));
    let public_title = (first.saturating_sub(5)..first).any(|i| {
        tokens[i].fold == "luat"
            || tokens.get(i + 1).is_some_and(|n| {
                matches!(
                    (tokens[i].fold.as_str(), n.fold.as_str()),
                    ("thong", "tu") | ("nghi", "dinh") | ("phap", "lenh") | ("hien", "phap")
                )
            })
    });
    if public_code || public_title {
        return false;
    }
    (word.contains('/') && word.contains('-')) || title_precedes(tokens, first)
}

/// Whether what follows token `last` opens a document's next part: a title ([`title_follows`]),
/// a number line (`Số: 88/KH-UBND`: `số`, then a number), the addressees (`gửi các trường`,
/// `gửi toàn thể …`), or another mark in capitals (`HỎA TỐC - THƯỢNG KHẨN`, `MẬT - KHẨN`). Not
/// a state body after the label: "Hỏa tốc: Sở Giáo dục cho học sinh nghỉ học" heads public
/// news reposted everywhere (a breaker's cases).
pub(crate) fn part_follows(tokens: &[Token], last: usize) -> bool {
    const MARK_STARTS: &[&str] = &["mat", "toi", "tuyet", "khan", "thuong", "hoa"];
    title_follows(tokens, last)
        || match tokens.get(last + 1..last + 3) {
            Some([a, b]) => {
                (a.fold == "so" && b.numeric)
                    || (a.fold == "gui" && matches!(b.fold.as_str(), "cac" | "toan"))
                    || (a.upper && b.upper && MARK_STARTS.contains(&a.fold.as_str()))
            }
            _ => false,
        }
}

/// Whether the mark at token `first` is named as a stamp on a document: right after `dấu`
/// ("đóng dấu KHẨN") or `dấu` and its colour ("dấu đỏ KHẨN"), or after `chữ` with a stamp word (`dấu`, `mộc`, `đóng`) among the three
/// words before it ("góc trên còn dấu đỏ chữ MẬT", "bìa đóng chữ KHẨN") or the three after the
/// mark ("chữ MẬT đóng mộc đỏ"), in one phrase. Not after `chữ` alone (a lift's button,
/// calligraphy: "chữ KHẨN") nor after a document title (news quotes "văn bản KHẨN của Bộ Y tế"
/// every day).
pub(crate) fn stamped(tokens: &[Token], first: usize) -> bool {
    let spaced = |from: usize, to: usize| crate::rules::spaced(tokens, from, to);
    let stamp = |t: &Token| matches!(t.key.as_str(), "dấu" | "mộc" | "đóng");
    if !(first > 0 && tokens.get(first).is_some_and(|at| at.gap == Gap::Space)) {
        return false;
    }
    if tokens[first - 1].fold == "dau" {
        return true;
    }
    // "dấu đỏ KHẨN", "dấu mộc MẬT": the stamp's colour or kind between.
    if first >= 2
        && tokens[first - 2].fold == "dau"
        && matches!(
            tokens[first - 1].key.as_str(),
            "đỏ" | "mộc" | "xanh" | "đen"
        )
        && spaced(first - 2, first)
    {
        return true;
    }
    let c = first - 1;
    tokens[c].key == "chữ"
        && ((c.saturating_sub(3)..c).any(|k| stamp(&tokens[k]) && spaced(k, c))
            || (first + 1..(first + 4).min(tokens.len()))
                .any(|k| stamp(&tokens[k]) && spaced(first, k)))
}

/// Whether a document title ([`DOC_TITLES`]) ends among the four tokens before token
/// `first`, on its line ("Dự thảo nghị quyết (MẬT)"), or up to ten tokens before with its
/// subject after it in one phrase ("Báo cáo kết quả thanh tra năm 2024 (MẬT)", "BIÊN BẢN HỌP
/// BAN THƯỜNG VỤ (MẬT)").
fn title_precedes(tokens: &[Token], first: usize) -> bool {
    let lo = first.saturating_sub(10);
    (lo..first)
        .rev()
        .take_while(|&i| tokens[i + 1..=first].iter().all(|t| t.gap != Gap::Hard))
        // Further back, one phrase: spaces only between, but inside a document's code or
        // date ("Kế hoạch số 15/KH-CAH ngày 2/4 (MẬT)").
        .filter(|&i| {
            first - i <= 4
                || tokens[i + 1..first]
                    .iter()
                    .all(|t| t.gap == Gap::Space || t.numeric || t.upper)
        })
        .any(|i| i > 0 && tokens[i].gap != Gap::Hard && is_title(&tokens[i - 1], &tokens[i]))
}

impl Engine {
    /// Compiles the built-in lexicons (`crates/core/data/`) and the config's custom phrases.
    /// Takes a few milliseconds; build once and reuse.
    ///
    /// # Errors
    /// [`ConfigError`] when a custom or allow-list phrase is empty, too long, or too many.
    pub fn new(config: Config) -> Result<Engine, ConfigError> {
        let n = config.custom_phrases.len() + config.allow.len();
        if n > MAX_PHRASES {
            return Err(ConfigError::TooManyPhrases(n));
        }
        let mut extra_rules = Vec::new();
        let mut extra = Vec::new();
        for c in &config.custom_phrases {
            check_phrase(&c.phrase)?;
            let rule = extra_rules.len();
            extra_rules.push(Rule {
                id: format!("{}.custom", c.category.as_str()),
                category: c.category,
                message: Message {
                    vi: "Cụm từ do cơ quan hoặc bạn tự đặt trong phần cài đặt cần cân nhắc.".into(),
                    en: "A phrase your organisation (or you) listed in the settings as one to weigh.".into(),
                },
                duties: c.category.duties().to_vec(),
            });
            extra.push(NewEntry {
                phrase: PhraseSource::Text(c.phrase.clone()),
                rule,
                severity: c.severity,
                suggestion: None,
                unaccented: Unaccented::Flag(true),
                caps: false,
                alone: false,
                needs_target: false,
                ends_clause: false,
                // A phrase written with punctuation inside ("Kế hoạch K.35", "Mật danh: Bông
                // Sen") is matched across the text's punctuation, or it could never match.
                cross: c
                    .phrase
                    .chars()
                    .any(|ch| !ch.is_alphanumeric() && !ch.is_whitespace()),
                dodge: false,
                not_after: [&[], &[]],
                not_before: [&[], &[]],
            });
        }
        let mut allow: Vec<Vec<String>> = crate::lexicon::builtin_allow();
        for a in &config.allow {
            check_phrase(a)?;
            allow.push(lexicon::phrase_keys(a).0);
        }
        let lexicon = Lexicon::build(extra_rules, extra).map_err(|e| ConfigError::Lexicon(e.0))?;
        let mut allow_index: rustc_hash::FxHashMap<u32, Vec<(u32, u32)>> = Default::default();
        for (p, keys) in allow.iter().enumerate() {
            for (j, k) in keys.iter().enumerate() {
                // Phrases and syllables are counted in the hundreds and tens.
                let place = (p as u32, j as u32);
                allow_index
                    .entry(text::key_hash(k))
                    .or_default()
                    .push(place);
                // `fold_eq` compares an ASCII key as it is, others through `tone::fold`.
                if !k.is_ascii() {
                    let folded = text::key_hash(&text::tone::fold(k));
                    allow_index.entry(folded).or_default().push(place);
                }
            }
        }
        Ok(Engine {
            config,
            lexicon,
            allow,
            allow_index,
        })
    }

    /// The config this engine was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Finds the risks in `text`. Pure; never panics; linear in the length of `text`.
    /// Empty or whitespace-only text gives an empty report. Spans are UTF-8 byte offsets of
    /// `text` on `char` boundaries (see [`Finding::span`]).
    pub fn analyze(&self, text: &str) -> Report {
        if text.trim().is_empty() {
            return Report::default();
        }
        let norm = Normalized::new(text);
        let tokens = text::tokenize(&norm, text);
        // One pass for both: `is_unaccented` is `accents == Accents::None`.
        let accents = text::accents(&tokens);
        let unaccented = accents == text::Accents::None;
        let mut hits = self.lexicon.find(text, &tokens, accents);
        hits.extend(self.lexicon.find_wildcards(&tokens));
        let mut raws: Vec<Raw> = Vec::new();
        let mut cues = Vec::new();
        let secrecy = std::cell::OnceCell::new();
        for h in hits {
            let e = &self.lexicon.entries[h.entry];
            if !self.accept(e, &h, text, &tokens, &secrecy) {
                continue;
            }
            let rule = &self.lexicon.rules[e.rule];
            let span = tokens[h.first].orig.start..tokens[h.last].orig.end;
            if rule.id == "personal_data.contact_cue" {
                cues.push(span);
                continue;
            }
            raws.push(Raw {
                rule: e.rule,
                severity: e.severity,
                span,
                suggestion: e.suggestion.map(str::to_string),
            });
        }
        cues.sort_unstable_by_key(|c| (c.start, c.end));
        // Links first: a risky link is no source for a claim beside it.
        let links = crate::links::link_findings(text);
        let mut risky_links: Vec<std::ops::Range<usize>> = links
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.span.clone())
            .collect();
        risky_links.sort_unstable_by_key(|r| (r.start, r.end));
        let ctx = Ctx {
            text,
            norm: &norm,
            tokens: &tokens,
            unaccented,
            lexicon: &self.lexicon,
            contact_cues: &cues,
            risky_links: &risky_links,
            sentences: std::cell::OnceCell::new(),
            passes_on: std::cell::OnceCell::new(),
        };
        let mut findings: Vec<Finding> =
            raws.into_iter().map(|r| r.finding(&self.lexicon)).collect();
        rules::apply(&ctx, &mut findings);
        findings.extend(links);
        self.filter(&tokens, &mut findings);
        take_aiming_words(&tokens, unaccented, &mut findings);
        merge_overlaps(&mut findings);
        Report {
            findings,
            unaccented,
        }
    }

    /// Per-entry conditions: capitals, standing alone, target word, cancelling contexts.
    /// `text` is the caller's text, which the tokens' `orig` ranges index; `secrecy` caches
    /// [`rules::asks_secrecy`] for the text, computed on first need.
    fn accept(
        &self,
        e: &Entry,
        h: &Hit,
        text: &str,
        tokens: &[Token],
        secrecy: &std::cell::OnceCell<bool>,
    ) -> bool {
        let span = &tokens[h.first..=h.last];
        // A line opened by mail prefixes only ("Fwd: [KHẨN] …", ">> Fw: [INTERNAL] …") is
        // opened by what follows them.
        let starts = h.first == 0
            || span[0].gap == Gap::Hard
            || span[0].gap == Gap::Soft
                && (e.caps || e.alone)
                && after_mail_prefixes(text, span[0].orig.start);
        let next = tokens.get(h.last + 1);
        // A mark in brackets that open its line is a label too ("[MẬT] Báo cáo …", "(TỐI MẬT)
        // Kế hoạch …"): the closing bracket then stands for the separator. Read back over
        // spaces only: bounded, whatever the line's length.
        let opened = if starts && (e.caps || e.alone) {
            let b = text.get(..span[0].orig.start).unwrap_or_default();
            let b = b.trim_end_matches([' ', '\t']);
            let close = match b.as_bytes().last() {
                Some(b'(') => Some(')'),
                Some(b'[') => Some(']'),
                _ => None,
            };
            let line_opens = |b: &str| {
                let before = without_mail_prefixes(&b[..b.len() - 1]);
                before.is_empty() || before.ends_with('\n')
            };
            close.filter(|_| line_opens(b))
        } else {
            None
        };
        // The label of a document: a colon, dash, full stop or exclamation marks, then the
        // document's next part ([`part_follows`]: "MẬT: Kế hoạch …", "HỎA TỐC - Kính gửi …",
        // "KHẨN. Chỉ thị …"; "HỎA TỐC: Shopee sale" and "MẬT: anh yêu em" are not documents).
        // Asked by the capitals, standing-alone and context checks of marks: computed once.
        let label = (e.caps || e.alone)
            && next.is_some_and(|t| {
                text.get(span[span.len() - 1].orig.end..t.orig.start)
                    .is_some_and(|sep| {
                        let sep = sep.trim();
                        let sep = match opened {
                            Some(close) => match sep.strip_prefix(close) {
                                Some(rest) => rest.trim_start(),
                                None => return false,
                            },
                            None if sep.is_empty() => return false,
                            None => sep,
                        };
                        // Emoji around a mark stand for the separator ("🔒 MẬT 🔒 Danh sách
                        // …"); a bare space does not ("MẬT Danh sách nhạc hay").
                        let sep: String = sep
                            .chars()
                            .filter(|&c| !crate::text::is_pictograph(c) && !c.is_whitespace())
                            .collect();
                        if sep.is_empty() {
                            return starts && t.capitalized && title_follows(tokens, h.last);
                        }
                        sep.chars().count() <= 4
                            && sep
                                .chars()
                                .all(|c| matches!(c, ':' | '-' | '–' | '—' | '!' | '.'))
                    })
                    && part_follows(tokens, h.last)
            });
        // Alone on its line, with the document's next part on the next line ("Mật\nSố: 88/KH-UBND").
        let heads_lines = || {
            starts
                && next.is_some_and(|t| {
                    t.gap == Gap::Hard
                        && text
                            .get(span[span.len() - 1].orig.end..t.orig.start)
                            .is_some_and(|sep| sep.contains('\n') && sep.trim().is_empty())
                })
                && part_follows(tokens, h.last)
        };
        // A mark in capitals, or opening its line in sentence case as such a label ("Tuyệt
        // mật: Danh sách cán bộ …", "Tối mật - Báo cáo …").
        if e.caps
            && !span.iter().all(|t| t.upper || t.numeric)
            && !(starts && span[0].capitalized && (label || heads_lines()))
            && !written(text, tokens, h.first)
            && !quoted_on_paper(text, tokens, h.first, h.last)
            && !bracketed_after_document(text, tokens, h.first)
            // A document mark in lower case, in a post that asks readers to keep it secret
            // ("tai lieu mat cua phong … k dc share nha", "có chữ Confidential … giữ kín
            // giúp mình"). Not the marks that must stand alone (`mật`, `khẩn`).
            && !(!e.alone
                && self.lexicon.rules[e.rule].category == Category::InternalDocument
                && *secrecy.get_or_init(|| rules::asks_secrecy(tokens)))
        {
            return false;
        }
        // Alone on its line, opening it as a label, or in brackets after a title ("Dự thảo
        // nghị quyết (MẬT)").
        if e.alone {
            let ends = next.is_none_or(|t| t.gap == Gap::Hard) || label;
            let bracketed = || {
                let first = span[0].orig.start;
                let last = span[span.len() - 1].orig.end;
                text.get(..first)
                    .is_some_and(|b| b.trim_end().ends_with('('))
                    && text
                        .get(last..)
                        .is_some_and(|a| a.trim_start().starts_with(')'))
                    && title_precedes(tokens, h.first)
            };
            let stamp = || span.iter().all(|t| t.upper) && stamped(tokens, h.first);
            // Quoted after a colon in capitals as a document's label, its next part following:
            // "khoe ae cái này: KHẨN - Kế hoạch kiểm tra đột xuất …".
            let quoted_label = || {
                label
                    && span.iter().all(|t| t.upper)
                    && text
                        .get(..span[0].orig.start)
                        .is_some_and(|b| b.trim_end().ends_with(':'))
            };
            if !(starts && ends
                || bracketed()
                || stamp()
                || quoted_label()
                || quoted_on_paper(text, tokens, h.first, h.last))
            {
                return false;
            }
        }
        // A capitalised single word next to another capitalised word is most likely part of a
        // name or nickname ("Nhị Thắng Chó", "Ngu Công"), and one right after a number is a
        // unit ("5 dm", "110 cc"): neither is an insult.
        let rule = &self.lexicon.rules[e.rule];
        if rule.category == Category::Inflammatory && h.first == h.last {
            let t = &span[0];
            let name_part = t.capitalized
                && !t.upper
                && ((h.first > 0 && tokens[h.first - 1].capitalized && t.gap == Gap::Space)
                    || tokens
                        .get(h.first + 1)
                        .is_some_and(|n| n.capitalized && !n.upper && n.gap == Gap::Space));
            let unit = h.first > 0 && tokens[h.first - 1].numeric && t.gap == Gap::Space;
            if name_part || unit {
                return false;
            }
        }
        // A phrase matched without diacritics whose last word opens a run of capitalised words
        // is cut from a name ("Chien thang Dien Bien Phu": "thang Dien" is not "thằng điên").
        if rule.category == Category::Inflammatory && h.first < h.last {
            let last = &span[span.len() - 1];
            let opens_name = span.iter().all(|t| !t.marked)
                && last.capitalized
                && !last.upper
                && !span[0].capitalized
                && tokens
                    .get(h.last + 1)
                    .is_some_and(|n| n.capitalized && !n.upper && n.gap == Gap::Space);
            if opens_name {
                return false;
            }
        }
        if e.ends_clause && !crate::lexicon::clause_ends_after(tokens, h.last) {
            return false;
        }
        if e.needs_target {
            let folded = span.iter().all(|t| !t.marked);
            if !(self.lexicon.has_target(tokens, h.first, h.last, false)
                || folded && self.lexicon.has_target(tokens, h.first, h.last, true))
            {
                return false;
            }
        }
        // A context is keyed: syllable keys joined by single spaces.
        // Both read outwards from the hit and stop at the first syllable that differs (most
        // contexts differ at the first): each word of the context must be spelled by the next
        // token out, with no hard gap between the context and the hit.
        let before = |ctx: &&str| -> bool {
            let mut i = h.first;
            ctx.rsplit(' ').all(|k| {
                let gap_ok = tokens[i].gap != Gap::Hard;
                i = i.wrapping_sub(1);
                gap_ok && tokens.get(i).is_some_and(|t| key_matches(t, k))
            })
        };
        let after = |ctx: &&str| -> bool {
            let mut i = h.last;
            ctx.split(' ').all(|k| {
                i += 1;
                tokens
                    .get(i)
                    .is_some_and(|t| t.gap != Gap::Hard && key_matches(t, k))
            })
        };
        // After a label's colon the next word starts the title: "MẬT: Báo cáo …" is not "mật
        // báo".
        !(e.not_after.iter().flat_map(|c| c.iter()).any(before)
            || !(e.alone && label) && e.not_before.iter().flat_map(|c| c.iter()).any(after))
    }

    /// Config filters: categories, minimum severity, allow-list (a finding inside an
    /// occurrence of an allow-list phrase, or spelling the same words of two syllables or more
    /// as such a finding earlier in the text).
    fn filter(&self, tokens: &[Token], findings: &mut Vec<Finding>) {
        findings.retain(|f| {
            self.config.categories.contains(&f.category) && f.severity >= self.config.min_severity
        });
        if !findings.is_empty() && !self.allow.is_empty() {
            let allowed: Vec<bool> = findings
                .iter()
                .map(|f| self.allowed(tokens, &f.span))
                .collect();
            // The same words of two syllables or more later in the post mean the same thing:
            // "Sữa hạt óc chó: ngâm 100g óc chó qua đêm" (the walnut of "hạt óc chó"). Only
            // later: "óc chó thật sự, sữa óc chó uống nhiều quá" opens with the insult.
            let words = |f: &Finding| {
                let r = rules::tokens_in(tokens, &f.span);
                tokens[r].iter().map(|t| t.key.as_str()).collect::<Vec<_>>()
            };
            // The earliest start of each allowed finding's words (a map: a text may hold
            // thousands of findings).
            let mut same: rustc_hash::FxHashMap<Vec<&str>, usize> = Default::default();
            for (f, _) in findings.iter().zip(&allowed).filter(|(_, &a)| a) {
                let w = words(f);
                if w.len() >= 2 {
                    let at = same.entry(w).or_insert(f.span.start);
                    *at = (*at).min(f.span.start);
                }
            }
            // Not where the words are aimed at someone: "óc chó như mày", "đồ óc chó".
            let aimed = |f: &Finding| {
                let r = rules::tokens_in(tokens, &f.span);
                (r.start > 0
                    && matches!(
                        tokens[r.start - 1].key.as_str(),
                        "đồ" | "thằng" | "con" | "lũ" | "bọn" | "mày"
                    ))
                    || tokens[r.end..(r.end + 3).min(tokens.len())]
                        .iter()
                        .any(|t| matches!(t.key.as_str(), "mày" | "mầy" | "bây" | "mi"))
            };
            let mut keep = allowed.iter().map(|a| !a);
            findings.retain(|f| {
                keep.next().unwrap_or(true)
                    && (same.is_empty()
                        || same.get(&words(f)).is_none_or(|&at| at >= f.span.start)
                        || aimed(f))
            });
        }
    }

    /// Whether `span` lies inside an occurrence of an allow-list phrase. Only the phrases
    /// that hold the key of the span's first token are tried, each at the one place where
    /// that token would sit: the cost is per finding, not per allow-list phrase.
    fn allowed(&self, tokens: &[Token], span: &std::ops::Range<usize>) -> bool {
        // An occurrence tokens[i..i + n] contains `span` when
        // tokens[i].orig.start <= span.start (so i < starts_before) and
        // tokens[i + n - 1].orig.end >= span.end (so i + n - 1 >= ends_after).
        let starts_before = tokens.partition_point(|t| t.orig.start <= span.start);
        let ends_after = tokens.partition_point(|t| t.orig.end < span.end);
        let occurs_at = |keys: &[String], i: usize| {
            let n = keys.len();
            n > 0
                && i + n <= tokens.len()
                && i < starts_before
                && i + n > ends_after
                && tokens[i].orig.start <= span.start
                && span.end <= tokens[i + n - 1].orig.end
                && keys_match(&tokens[i..i + n], keys)
        };
        // The last token starting at or before a non-empty span lies inside every occurrence
        // that contains the span (tokens do not overlap), so it spells one of the phrase's
        // keys. None: no occurrence starts early enough.
        let Some(f) = starts_before.checked_sub(1) else {
            return false;
        };
        if span.start == span.end {
            // An empty span: any occurrence around it.
            return self
                .allow
                .iter()
                .any(|keys| (0..starts_before).any(|i| occurs_at(keys, i)));
        }
        let first = &tokens[f];
        let hashes = [
            Some(first.key_hash),
            (!first.marked).then_some(first.fold_hash),
        ];
        hashes
            .into_iter()
            .flatten()
            .filter_map(|h| self.allow_index.get(&h))
            .flatten()
            .any(|&(p, j)| {
                let keys = self.allow.get(p as usize).map_or(&[][..], Vec::as_slice);
                f.checked_sub(j as usize)
                    .is_some_and(|i| occurs_at(keys, i))
            })
    }
}

/// Whether `tokens` spell `keys` (accented keys, or folded ones for unmarked tokens).
pub(crate) fn keys_match(tokens: &[Token], keys: &[String]) -> bool {
    tokens.len() == keys.len() && spells(tokens, keys.iter().map(String::as_str))
}

/// Whether each token spells the key at its place (the caller checks the counts agree).
fn spells<'k>(tokens: &[Token], keys: impl Iterator<Item = &'k str>) -> bool {
    tokens.iter().zip(keys).all(|(t, k)| key_matches(t, k))
}

/// Whether token `t` spells the syllable key `k` (a key as the lexicon writes it): the same
/// key, or, for a token typed without any diacritic, the same folded form (`thang` spells
/// `thằng`; `tháng` does not).
pub(crate) fn key_matches(t: &Token, k: &str) -> bool {
    t.key == k || (!t.marked && fold_eq(&t.fold, k))
}

/// Whether token `t` spells any of the syllable `keys` ([`key_matches`]); `false` for none.
#[inline]
pub(crate) fn key_matches_any(t: &Token, keys: &[&str]) -> bool {
    keys.iter().any(|k| key_matches(t, k))
}

/// `folded == text::tone::fold(key)`, without building the folded string (this comparison
/// runs for every candidate position of the allow-list, context and wildcard phrases; the
/// allocation and full NFD pass of `tone::fold` dominated `analyze`). Precomposed Latin
/// letters fold through the tone tables; a key with any other non-ASCII character takes the
/// NFD path. Stops at the first differing character.
pub(crate) fn fold_eq(folded: &str, key: &str) -> bool {
    if key.is_ascii() {
        return folded == key;
    }
    let mut rest = folded.chars();
    for c in key.chars() {
        let f = if c.is_ascii() {
            c
        } else if let Some(l) = text::tone::letter(c) {
            l.fold
        } else {
            return fold_eq_nfd(folded, key);
        };
        if rest.next() != Some(f) {
            return false;
        }
    }
    rest.next().is_none()
}

/// [`fold_eq`] for keys outside the tone tables: through [`text::tone::fold`] (NFD), which
/// allocates, on this rare path only.
fn fold_eq_nfd(folded: &str, key: &str) -> bool {
    text::tone::fold(key) == folded
}

/// Sorts findings and merges those of one category that overlap: the union of the spans,
/// with the message, rule and suggestion of the most severe (then longest) one.
fn merge_overlaps(findings: &mut Vec<Finding>) {
    // Both sorts take a function pointer of one type: a single copy of the sort in the `.wasm`
    // (a closure each would make two; a few findings, so the indirect call costs nothing).
    type Order = fn(&Finding, &Finding) -> std::cmp::Ordering;
    let by_category: Order =
        |a, b| (a.category, a.span.start, a.span.end).cmp(&(b.category, b.span.start, b.span.end));
    let by_position: Order =
        |a, b| (a.span.start, a.span.end, a.category).cmp(&(b.span.start, b.span.end, b.category));
    findings.sort_by(by_category);
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings.drain(..) {
        if let Some(last) = out.last_mut() {
            if last.category == f.category && f.span.start < last.span.end {
                let f_len = f.span.end - f.span.start;
                let l_len = last.span.end - last.span.start;
                let end = last.span.end.max(f.span.end);
                let start = last.span.start;
                if (f.severity, f_len) > (last.severity, l_len) {
                    *last = f;
                } else if f.span.end > last.span.end {
                    last.suggestion = None;
                }
                if last.span != (start..end) {
                    last.suggestion = None;
                }
                last.span = start..end;
                continue;
            }
        }
        out.push(f);
    }
    out.sort_by(by_position);
    *findings = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_letters_make_no_phrase() {
        for p in ["\u{3164}", "\u{3164} \u{FFA0}", "\u{115F}\u{1160}", "  "] {
            assert_eq!(
                check_phrase(p),
                Err(ConfigError::EmptyPhrase(p.to_string()))
            );
        }
        assert_eq!(check_phrase("dự án\u{3164}X"), Ok(()));
        assert_eq!(check_phrase("K35"), Ok(()));
    }

    #[test]
    fn fold_eq_agrees_with_tone_fold() {
        let words = [
            "ngu",
            "ngủ",
            "nguồn",
            "Nguyễn",
            "đm",
            "ĐM",
            "đ",
            "d",
            "mật",
            "mat",
            "thằng",
            "thang",
            "hoà",
            "hòa",
            "hoa",
            "quý",
            "gì",
            "gi",
            "chó",
            "cho",
            "",
            "ａ",
            "ngу",
            "n\u{0303}",
            "a\u{0301}\u{0323}",
            "😀",
            "xã hội",
            "xa hoi",
            "ß",
            "ǘ",
            "İ",
            "Ư\u{0301}",
        ];
        for k in words {
            for f in words {
                let folded = text::tone::fold(f);
                assert_eq!(
                    fold_eq(&folded, k),
                    folded == text::tone::fold(k),
                    "fold {f:?} vs key {k:?}"
                );
            }
        }
    }

    /// The old allow-list filter: every occurrence of every phrase in the whole text.
    fn allowed_brute(engine: &Engine, tokens: &[Token], span: &std::ops::Range<usize>) -> bool {
        engine.allow.iter().any(|a| {
            let n = a.len();
            n > 0
                && n <= tokens.len()
                && (0..=tokens.len() - n).any(|i| {
                    keys_match(&tokens[i..i + n], a)
                        && tokens[i].orig.start <= span.start
                        && span.end <= tokens[i + n - 1].orig.end
                })
        })
    }

    #[test]
    fn allowed_finds_what_a_full_scan_finds() {
        let config = Config {
            allow: vec![
                "thằng ngu".into(),
                "ngu".into(),
                "nghe nói là".into(),
                "tài liệu mật".into(),
            ],
            ..Config::default()
        };
        let engine = Engine::new(config).expect("config accepted");
        let texts = [
            "Thằng ngu này, nghe nói là TÀI LIỆU MẬT.",
            "😀 thang ngu qua! nghe noi la tai lieu mat",
            "ngu",
            "Hôm nay nghe nói giá tăng. Thằng ngu. Nghe nói là vậy.",
            "",
        ];
        for t in texts {
            let norm = Normalized::new(t);
            let tokens = text::tokenize(&norm, t);
            // Every token range and every range between two token edges.
            let mut edges: Vec<usize> = tokens
                .iter()
                .flat_map(|tk| [tk.orig.start, tk.orig.end])
                .collect();
            edges.extend([0, t.len()]);
            for &s in &edges {
                for &e in &edges {
                    if s < e {
                        assert_eq!(
                            engine.allowed(&tokens, &(s..e)),
                            allowed_brute(&engine, &tokens, &(s..e)),
                            "{t:?} span {s}..{e}"
                        );
                    }
                }
            }
        }
        // And through analyze: the allow-listed insult is gone, the other findings stay.
        let r = engine.analyze("Thằng ngu này. Lưu hành nội bộ.");
        assert!(r
            .findings
            .iter()
            .all(|f| f.category != Category::Inflammatory));
        assert!(r
            .findings
            .iter()
            .any(|f| f.category == Category::InternalDocument));
    }
}
