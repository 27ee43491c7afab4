//! # cannhac-wasm — the Cân Nhắc engine for JavaScript
//!
//! A thin wasm-bindgen facade over [`cannhac_core`]; nothing else lives here. The browser
//! extension's service worker builds one [`Engine`] and asks it about the text being composed.
//!
//! ## Units
//! Every offset that crosses this boundary is in **UTF-16 code units** of the JavaScript string
//! that was passed in (what `String.prototype.slice` and DOM ranges count), never UTF-8 bytes.
//! A span never splits a surrogate pair.
//!
//! ## Errors
//! Bad input (malformed config JSON, an unknown category, an empty custom phrase) comes back as
//! a JavaScript `Error` exception with a readable message; nothing here traps on input.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use cannhac_core::offsets::OffsetConverter;
use cannhac_core::{Config, Report};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One finding as JavaScript sees it: the core [`cannhac_core::Finding`] with its byte span
/// replaced by `start`/`end` in UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsFinding<'a> {
    /// The kind of risk, e.g. `"inflammatory"`.
    pub category: &'static str,
    /// `"info"`, `"warning"` or `"high"`.
    pub severity: &'static str,
    /// The rule that fired, e.g. `"inflammatory.insult"`.
    pub rule_id: &'a str,
    /// Why it was flagged, in Vietnamese and English.
    pub message: &'a cannhac_core::Message,
    /// The duties (1–10) this finding speaks to.
    pub duties: &'a [u8],
    /// A replacement for the span's text (`null` when there is none; `""` means remove it).
    pub suggestion: Option<&'a str>,
    /// Start of the span, in UTF-16 code units of the analysed string (inclusive).
    pub start: usize,
    /// End of the span, in UTF-16 code units of the analysed string (exclusive).
    pub end: usize,
}

/// What [`Engine::analyze`] returns, before it becomes a JavaScript object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsReport<'a> {
    /// Findings sorted by `start`, spans in UTF-16 code units.
    pub findings: Vec<JsFinding<'a>>,
    /// Whether the text was judged to be written without Vietnamese diacritics.
    pub unaccented: bool,
}

/// Converts a core report on `text` to the JavaScript shape (UTF-16 offsets). Pure Rust, so it
/// is tested natively.
pub fn to_js_report<'a>(text: &str, report: &'a Report) -> JsReport<'a> {
    // Findings are sorted by start, so starts are converted in one forward pass; ends use a
    // second converter (ends are not guaranteed ascending when spans nest).
    let mut starts = OffsetConverter::new(text);
    let mut ends = OffsetConverter::new(text);
    let findings = report
        .findings
        .iter()
        .map(|f| JsFinding {
            category: f.category.as_str(),
            severity: f.severity.as_str(),
            rule_id: &f.rule_id,
            message: &f.message,
            duties: &f.duties,
            suggestion: f.suggestion.as_deref(),
            start: starts.units(f.span.start).utf16,
            end: ends.units(f.span.end).utf16,
        })
        .collect();
    JsReport {
        findings,
        unaccented: report.unaccented,
    }
}

/// Parses the engine config from JSON text (the shape of [`cannhac_core::Config`]); empty or
/// whitespace-only text means the default config.
///
/// # Errors
/// A message naming what is wrong: malformed JSON, an unknown field or category, an empty or
/// over-long phrase.
pub fn parse_config(json: &str) -> Result<Config, String> {
    if json.trim().is_empty() {
        return Ok(Config::default());
    }
    serde_json::from_str::<Config>(json).map_err(|e| format!("invalid engine config: {e}"))
}

/// The ten duties and the five questions as a JSON value, exactly as
/// [`cannhac_core::duties`] serialises them (the same document as `cannhac duties --json`):
/// `{"duties":[{"id","title":{vi,en},"text":{vi,en},"categories","manual"}],
/// "questions":[{"id","text":{vi,en}}]}`.
pub fn duties_json() -> serde_json::Value {
    serde_json::json!({
        "duties": cannhac_core::duties::duties(),
        "questions": cannhac_core::duties::questions(),
    })
}

/// Turns a serialisable value into a plain JavaScript object (through `JSON.parse`, which is
/// smaller in the `.wasm` than a serde-to-JsValue bridge).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let s = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("serialisation failed: {e}")))?;
    js_sys::JSON::parse(&s).map_err(|_| JsError::new("JSON.parse failed on the engine's answer"))
}

/// The compiled engine. Build it once (`new Engine(configJson)`), then call `analyze` as often
/// as needed; building compiles every lexicon.
#[wasm_bindgen]
pub struct Engine {
    inner: cannhac_core::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// `new Engine(configJson?)`: `configJson` is a JSON string of the engine config
    /// (`{categories, min_severity, custom_phrases:[{phrase,category,severity}], allow}`, every
    /// field optional); `undefined`, `null` or `""` mean the defaults.
    ///
    /// # Errors
    /// Throws an `Error` whose message says what is wrong with the config.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: Option<String>) -> Result<Engine, JsError> {
        let config =
            parse_config(config_json.as_deref().unwrap_or("")).map_err(|m| JsError::new(&m))?;
        let inner = cannhac_core::Engine::new(config)
            .map_err(|e| JsError::new(&format!("invalid engine config: {e}")))?;
        Ok(Engine { inner })
    }

    /// `engine.analyze(text)` → `{findings:[{category, severity, rule_id, message:{vi,en},
    /// duties, suggestion, start, end}], unaccented}`, with `start`/`end` in **UTF-16 code
    /// units** of `text`. Lone surrogates in `text` are replaced by U+FFFD (same length in
    /// UTF-16), so offsets stay valid.
    ///
    /// # Errors
    /// Throws only if the answer cannot be handed to JavaScript (not expected).
    pub fn analyze(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self.inner.analyze(text);
        to_js(&to_js_report(text, &report))
    }

    /// `engine.checkLink(url)` → the link verdict (`{verdict, reasons, …}`), computed offline
    /// from the URL alone.
    ///
    /// # Errors
    /// Throws only if the answer cannot be handed to JavaScript (not expected).
    #[wasm_bindgen(js_name = checkLink)]
    pub fn check_link(&self, url: &str) -> Result<JsValue, JsError> {
        to_js(&cannhac_core::links::check_link(url))
    }
}

/// `duties()` → `{duties:[…], questions:[…]}`: the ten duties and the five questions of the
/// source article (see [`duties_json`]).
///
/// # Errors
/// Throws only if the answer cannot be handed to JavaScript (not expected).
#[wasm_bindgen]
pub fn duties() -> Result<JsValue, JsError> {
    to_js(&duties_json())
}

/// `checkLink(url)` without an engine: the link verdict for `url`.
///
/// # Errors
/// Throws only if the answer cannot be handed to JavaScript (not expected).
#[wasm_bindgen(js_name = checkLink)]
pub fn check_link(url: &str) -> Result<JsValue, JsError> {
    to_js(&cannhac_core::links::check_link(url))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cannhac_core::{CustomPhrase, Severity};

    fn engine_with(phrase: &str) -> cannhac_core::Engine {
        let mut c = Config::default();
        c.custom_phrases.push(CustomPhrase {
            phrase: phrase.into(),
            category: cannhac_core::Category::InternalDocument,
            severity: Severity::High,
        });
        cannhac_core::Engine::new(c).expect("valid config")
    }

    fn finding(span: std::ops::Range<usize>) -> cannhac_core::Finding {
        cannhac_core::Finding {
            rule_id: "test.rule".into(),
            category: cannhac_core::Category::Inflammatory,
            severity: Severity::Warning,
            span,
            message: cannhac_core::Message {
                vi: "vi".into(),
                en: "en".into(),
            },
            duties: vec![3],
            suggestion: None,
        }
    }

    #[test]
    fn utf16_offsets_after_astral_and_nfd() {
        // An emoji (2 UTF-16 units, 4 bytes) and NFD "ệ" (e + two combining marks) before "ngu".
        let text = "😀 Tie\u{0323}\u{0302}n thằng ngu 👍🏽 ngu";
        let a = text.find("thằng ngu").expect("present");
        let b = text.rfind("ngu").expect("present");
        let report = Report {
            findings: vec![finding(a..a + "thằng ngu".len()), finding(b..text.len())],
            unaccented: false,
        };
        let js = to_js_report(text, &report);
        let u16: Vec<u16> = text.encode_utf16().collect();
        let slice = |s: usize, e: usize| String::from_utf16(&u16[s..e]).expect("no split pair");
        assert_eq!(slice(js.findings[0].start, js.findings[0].end), "thằng ngu");
        assert_eq!(slice(js.findings[1].start, js.findings[1].end), "ngu");
        assert_eq!(js.findings[1].end, u16.len());
        // JSON shape the extension relies on.
        let v = serde_json::to_value(&js).expect("serialisable");
        for key in [
            "category",
            "severity",
            "rule_id",
            "message",
            "duties",
            "suggestion",
            "start",
            "end",
        ] {
            assert!(v["findings"][0].get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["findings"][0]["category"], "inflammatory");
    }

    #[test]
    fn custom_phrase_through_config_json() {
        let c = parse_config(r#"{"custom_phrases":[{"phrase":"dự án X","category":"internal_document","severity":"high"}]}"#)
            .expect("valid");
        assert_eq!(c.custom_phrases.len(), 1);
        let _ = engine_with("dự án X");
    }

    #[test]
    fn config_errors_are_messages() {
        assert!(parse_config("").is_ok());
        assert!(parse_config("{}").is_ok());
        let e = parse_config("{\"categories\":[\"nope\"]}").unwrap_err();
        assert!(e.contains("invalid engine config"), "{e}");
        assert!(parse_config("{not json").is_err());
        assert!(parse_config("{\"min_severity\":\"high\"}").is_ok());
    }

    #[test]
    fn duties_shape() {
        let v = duties_json();
        let ds = v["duties"].as_array().expect("an array");
        assert_eq!(ds.len(), 10);
        assert_eq!(ds[0]["id"], 1);
        assert!(ds[0]["title"]["vi"].is_string() && ds[0]["categories"].is_array());
        assert_eq!(v["questions"].as_array().map(Vec::len), Some(5));
    }
}
