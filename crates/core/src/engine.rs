//! The engine: compiled lexicons and rules, and `analyze`.

use crate::{Category, Finding, Report, Severity};
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

/// What the engine looks for. `Config::default()` enables every category at `Info` and up.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Enabled categories; findings of other categories are dropped.
    pub categories: Vec<Category>,
    /// Findings below this severity are dropped.
    pub min_severity: Severity,
    /// Extra phrases to flag.
    pub custom_phrases: Vec<CustomPhrase>,
    /// Phrases never to flag: a finding whose span text normalises to one of these (or lies
    /// inside an occurrence of one) is dropped.
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
    /// A custom or allow-list phrase is longer than 200 characters; holds its first characters.
    PhraseTooLong(String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::EmptyPhrase(p) => write!(f, "phrase {p:?} has no letters or digits"),
            ConfigError::PhraseTooLong(p) => write!(f, "phrase starting {p:?} is longer than 200 characters"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The compiled engine. Build once with [`Engine::new`], then call [`Engine::analyze`] from any
/// thread (`Engine` is `Send + Sync`).
#[derive(Debug)]
pub struct Engine {
    config: Config,
}

impl Engine {
    /// Compiles the built-in lexicons (`crates/core/data/`) and the config's custom phrases.
    ///
    /// # Errors
    /// [`ConfigError`] when a custom or allow-list phrase is empty or too long.
    pub fn new(config: Config) -> Result<Engine, ConfigError> {
        Ok(Engine { config })
    }

    /// The config this engine was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Finds the risks in `text`. Pure; never panics; linear in the length of `text`.
    /// Empty or whitespace-only text gives an empty report.
    pub fn analyze(&self, text: &str) -> Report {
        let mut findings: Vec<Finding> = crate::links::link_findings(text);
        findings.retain(|f| self.config.categories.contains(&f.category) && f.severity >= self.config.min_severity);
        findings.sort_by(|a, b| (a.span.start, a.span.end, a.category).cmp(&(b.span.start, b.span.end, b.category)));
        Report { findings, unaccented: false }
    }
}
