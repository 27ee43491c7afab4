//! # cannhac-core — the Cân Nhắc rules engine
//!
//! Finds, in a Vietnamese (or English) post being written, the five kinds of risk named in
//! the project's source article (section III, duties 1, 3 and 8) and the 2021 social-network
//! Code of Conduct: internal-document markers, unverified claims, inflammatory phrasing, veiled
//! insinuation and other people's personal data; links in the post are checked by
//! [`links::check_link`] and reported as `suspicious_link` findings.
//!
//! ## Offsets
//! Every [`Finding::span`] is a range of **UTF-8 byte offsets into the caller's original
//! string** (not the normalised view), always on `char` boundaries. The WASM facade converts
//! them to UTF-16 code units; the CLI prints bytes, Unicode scalar values and UTF-16 units.
//!
//! ## Example
//! ```
//! use cannhac_core::{Engine, Config, Category};
//! let engine = Engine::new(Config::default()).expect("built-in lexicons compile");
//! let report = engine.analyze("TÀI LIỆU MẬT - không được sao chụp");
//! assert!(report.findings.iter().any(|f| f.category == Category::InternalDocument));
//! assert!(engine.analyze("").findings.is_empty());
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod compat;
pub mod corpus;
pub mod duties;
mod engine;
mod lexicon;

pub mod links;
pub mod offsets;
mod rules;
pub mod text;
mod tone_tables;

pub use engine::{Config, ConfigError, CustomPhrase, Engine, MAX_PHRASES, MAX_PHRASE_CHARS};

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The kind of risk a finding belongs to. The ids (`snake_case`) are stable: they are the
/// category ids of the shared corpus (`corpus/README.md`) and of the extension's
/// `CSS.highlights` names (`cannhac-<id>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Text from an internal, classified or not-yet-public document (duty 8).
    InternalDocument,
    /// Another person's identifying data: ID numbers, phones, bank accounts, e-mail, address.
    PersonalData,
    /// Hearsay, pressure to spread, sensational certainty, unsourced accusations (duties 1, 3).
    UnverifiedClaim,
    /// Profanity, insults, slurs, threats, incitement, shouting (duties 3, 8).
    Inflammatory,
    /// Veiled targeting and leading others to say it (duty 8).
    Insinuation,
    /// A URL in the post with a legitimacy problem (duty 1); see [`links`].
    SuspiciousLink,
}

impl Category {
    /// All categories, in a fixed order.
    pub const ALL: [Category; 6] = [
        Category::InternalDocument,
        Category::PersonalData,
        Category::UnverifiedClaim,
        Category::Inflammatory,
        Category::Insinuation,
        Category::SuspiciousLink,
    ];

    /// The stable id, e.g. `"internal_document"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::InternalDocument => "internal_document",
            Category::PersonalData => "personal_data",
            Category::UnverifiedClaim => "unverified_claim",
            Category::Inflammatory => "inflammatory",
            Category::Insinuation => "insinuation",
            Category::SuspiciousLink => "suspicious_link",
        }
    }

    /// The duties of the source article's section III that findings of this category speak
    /// to (duty 1: check before sharing; 3: civil, constructive wording; 8: nothing internal,
    /// no veiled attacks).
    pub fn duties(self) -> &'static [u8] {
        match self {
            Category::InternalDocument | Category::PersonalData | Category::Insinuation => &[8],
            Category::UnverifiedClaim => &[1, 3],
            Category::Inflammatory => &[3, 8],
            Category::SuspiciousLink => &[1],
        }
    }

    /// Parses a stable id; `None` for anything else.
    pub fn parse(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == id)
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a finding is. Ordered: `Info < Warning < High`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A nudge; shown, not counted as a problem (CLI exit code stays 0).
    Info,
    /// Underlined; the CLI exits 1.
    Warning,
    /// The extension's pre-share guard asks before the post goes out.
    High,
}

impl Severity {
    /// The stable id: `"info"`, `"warning"` or `"high"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::High => "high",
        }
    }

    /// Parses a stable id; `None` for anything else.
    pub fn parse(id: &str) -> Option<Severity> {
        match id {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "high" => Some(Severity::High),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A message in the two interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Vietnamese (the default interface language).
    pub vi: String,
    /// English.
    pub en: String,
}

/// One thing the engine found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule that fired, e.g. `"inflammatory.profanity"`; stable enough to allow-list.
    pub rule_id: String,
    /// The kind of risk.
    pub category: Category,
    /// How serious it is.
    pub severity: Severity,
    /// UTF-8 byte offsets into the caller's original text, on `char` boundaries, `start < end`.
    pub span: Range<usize>,
    /// Why this was flagged, in Vietnamese and English.
    pub message: Message,
    /// The duties of the source article's section III (1–10) this finding speaks to.
    pub duties: Vec<u8>,
    /// A replacement for the span's text, where one makes sense (`None` otherwise; an empty
    /// string means "remove it").
    pub suggestion: Option<String>,
}

/// The result of [`Engine::analyze`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Findings sorted by span start (then by span end, then category); spans may overlap
    /// only when their categories differ. Empty for empty or whitespace-only input.
    pub findings: Vec<Finding>,
    /// `true` when the engine judged the text to be written without Vietnamese diacritics
    /// (and so matched the folded lexicon only through entries safe without diacritics).
    pub unaccented: bool,
}

impl Report {
    /// The highest severity among the findings, `None` when there are none.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}
