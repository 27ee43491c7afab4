//! Link legitimacy verdicts (`check_link`) and URL extraction from post text.
//! STUB: to be replaced by the link issue's implementation.

use crate::{Finding, Message};
use serde::Serialize;

/// The verdict on a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A government domain.
    Official,
    /// A licensed news outlet.
    RegisteredPress,
    /// No signal either way.
    Unknown,
    /// Weak risk signals only.
    Caution,
    /// At least one strong risk signal.
    Suspicious,
}

/// The result of [`check_link`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkVerdict {
    /// The verdict.
    pub verdict: Verdict,
    /// Reason codes (`corpus/README.md`).
    pub reasons: Vec<String>,
    /// Explanation.
    pub explanation: Message,
}

/// Checks a URL offline. STUB.
pub fn check_link(_url: &str) -> LinkVerdict {
    LinkVerdict {
        verdict: Verdict::Unknown,
        reasons: Vec::new(),
        explanation: Message { vi: String::new(), en: String::new() },
    }
}

/// `suspicious_link` findings for the URLs in `text` (spans in UTF-8 bytes of `text`). STUB.
pub fn link_findings(_text: &str) -> Vec<Finding> {
    Vec::new()
}
