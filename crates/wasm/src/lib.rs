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
//! ## Answers
//! Answers are JSON text written here by hand (see [`json`]): no serde serialiser, no float
//! formatting in the `.wasm`. An analysis comes back compact, because the extension sends it
//! from the service worker to a page on every keystroke: each distinct kind of finding (rule,
//! category, severity, message, duties, suggestion) once, then three numbers per finding.
//!
//! ## Errors
//! Bad input (an unknown category or severity, an empty custom phrase) comes back as a
//! JavaScript `Error` exception with a readable message; nothing here traps on input.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod json;

use cannhac_core::offsets::OffsetConverter;
use cannhac_core::{Category, Config, CustomPhrase, Finding, Report, Severity};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

/// Builds the engine config from its parts, as JavaScript passes them: category ids
/// (`None`: every category), the minimum severity id (`None`: `info`), custom phrases as a flat
/// list of `phrase, category, severity` triples, and allow-list phrases.
///
/// # Errors
/// A message naming what is wrong: an unknown category or severity, a custom-phrase list whose
/// length is not a multiple of three.
pub fn config_from_parts(
    categories: Option<&[String]>,
    min_severity: Option<&str>,
    custom_phrases: &[String],
    allow: &[String],
) -> Result<Config, String> {
    let category = |id: &str| {
        Category::parse(id).ok_or_else(|| format!("invalid engine config: unknown category {id:?}"))
    };
    let severity = |id: &str| {
        Severity::parse(id).ok_or_else(|| format!("invalid engine config: unknown severity {id:?}"))
    };
    let mut config = Config::default();
    if let Some(ids) = categories {
        config.categories = ids.iter().map(|c| category(c)).collect::<Result<_, _>>()?;
    }
    if let Some(s) = min_severity {
        config.min_severity = severity(s)?;
    }
    if !custom_phrases.chunks_exact(3).remainder().is_empty() {
        return Err(format!(
            "invalid engine config: custom phrases come as phrase, category, severity triples \
             ({} strings given)",
            custom_phrases.len()
        ));
    }
    config.custom_phrases = custom_phrases
        .chunks_exact(3)
        .map(|t| {
            Ok(CustomPhrase {
                phrase: t[0].clone(),
                category: category(&t[1])?,
                severity: severity(&t[2])?,
            })
        })
        .collect::<Result<_, String>>()?;
    config.allow = allow.to_vec();
    Ok(config)
}

/// What the compact answer groups findings by: everything but the span.
#[derive(PartialEq, Eq, Hash)]
struct KindKey<'a> {
    rule_id: &'a str,
    category: Category,
    severity: Severity,
    vi: &'a str,
    en: &'a str,
    duties: &'a [u8],
    suggestion: Option<&'a str>,
}

impl<'a> KindKey<'a> {
    fn of(f: &'a Finding) -> Self {
        KindKey {
            rule_id: &f.rule_id,
            category: f.category,
            severity: f.severity,
            vi: &f.message.vi,
            en: &f.message.en,
            duties: &f.duties,
            suggestion: f.suggestion.as_deref(),
        }
    }
}

/// The findings kept when there are more than `max`: every `high` one first (up to `max`), then
/// the others in text order; the result stays in text order. Returns the indices kept.
fn capped(findings: &[Finding], max: usize) -> Vec<usize> {
    if findings.len() <= max {
        return (0..findings.len()).collect();
    }
    let high = |f: &&Finding| f.severity == Severity::High;
    let highs = findings.iter().filter(high).count().min(max);
    let mut room = max - highs; // for the others, in text order
    let mut highs_left = highs;
    let mut keep = Vec::with_capacity(max);
    for (i, f) in findings.iter().enumerate() {
        let slot = if high(&f) { &mut highs_left } else { &mut room };
        if *slot > 0 {
            *slot -= 1;
            keep.push(i);
        }
    }
    keep
}

/// The compact JSON answer for a core report on `text`:
///
/// `{"unaccented":bool,"kinds":[{"category","severity","rule_id","message":{"vi","en"},
/// "duties":[..],"suggestion":string|null}],"spans":[start,end,kind, …],"truncated":n}`
///
/// `spans` holds three numbers per finding, in text order: `start` and `end` in UTF-16 code
/// units of `text` and the index of its kind in `kinds`. At most `max_findings` findings are
/// written (every `high` one first); `truncated` counts the ones left out. Pure Rust, so it is
/// tested natively.
pub fn report_json(text: &str, report: &Report, max_findings: usize) -> String {
    let keep = capped(&report.findings, max_findings);
    // Findings are sorted by start, so starts are converted in one forward pass; ends use a
    // second converter (ends are not guaranteed ascending when spans nest).
    let mut starts = OffsetConverter::new(text);
    let mut ends = OffsetConverter::new(text);
    let mut kinds: HashMap<KindKey<'_>, usize> = HashMap::new();
    let mut kinds_json = String::new();
    let mut spans = String::with_capacity(keep.len() * 16);
    for (n, &i) in keep.iter().enumerate() {
        let f = &report.findings[i];
        let next = kinds.len();
        let kind = *kinds.entry(KindKey::of(f)).or_insert_with(|| {
            if next > 0 {
                kinds_json.push(',');
            }
            json::kind(&mut kinds_json, f);
            next
        });
        if n > 0 {
            spans.push(',');
        }
        json::uint(&mut spans, starts.units(f.span.start).utf16);
        spans.push(',');
        json::uint(&mut spans, ends.units(f.span.end).utf16);
        spans.push(',');
        json::uint(&mut spans, kind);
    }
    let mut out = String::with_capacity(kinds_json.len() + spans.len() + 64);
    out.push_str("{\"unaccented\":");
    out.push_str(if report.unaccented { "true" } else { "false" });
    out.push_str(",\"kinds\":[");
    out.push_str(&kinds_json);
    out.push_str("],\"spans\":[");
    out.push_str(&spans);
    out.push_str("],\"truncated\":");
    json::uint(&mut out, report.findings.len() - keep.len());
    out.push('}');
    out
}

/// Parses JSON text from this module into a JavaScript value.
fn parse(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| JsError::new("JSON.parse failed on the engine's answer"))
}

/// The compiled engine. Build it once (`new Engine(…)`), then call `analyze` as often as
/// needed; building compiles every lexicon.
#[wasm_bindgen]
pub struct Engine {
    inner: cannhac_core::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// `new Engine(categories?, minSeverity?, customPhrases?, allow?)`: enabled category ids
    /// (`undefined`: all), the minimum severity (`"info"`, `"warning"`, `"high"`; `undefined`:
    /// `info`), custom phrases as a flat array of `phrase, category, severity` triples, and the
    /// allow-list phrases. Every argument is optional.
    ///
    /// # Errors
    /// Throws an `Error` whose message says what is wrong with the config.
    #[wasm_bindgen(constructor)]
    pub fn new(
        categories: Option<Vec<String>>,
        min_severity: Option<String>,
        custom_phrases: Option<Vec<String>>,
        allow: Option<Vec<String>>,
    ) -> Result<Engine, JsError> {
        let config = config_from_parts(
            categories.as_deref(),
            min_severity.as_deref(),
            custom_phrases.as_deref().unwrap_or_default(),
            allow.as_deref().unwrap_or_default(),
        )
        .map_err(|m| JsError::new(&m))?;
        let inner = cannhac_core::Engine::new(config)
            .map_err(|e| JsError::new(&format!("invalid engine config: {e}")))?;
        Ok(Engine { inner })
    }

    /// `engine.analyze(text, maxFindings?)` → the compact answer of [`report_json`] as JSON
    /// text (`JSON.parse` it): `{unaccented, kinds:[{category, severity, rule_id,
    /// message:{vi,en}, duties, suggestion}], spans:[start, end, kind, …], truncated}`, offsets
    /// in **UTF-16 code units** of `text`. `maxFindings` (default: no limit) caps the findings
    /// written, every `high` one first. Lone surrogates in `text` are replaced by U+FFFD (same
    /// length in UTF-16), so offsets stay valid.
    pub fn analyze(&self, text: &str, max_findings: Option<u32>) -> String {
        let report = self.inner.analyze(text);
        let max = max_findings.map_or(usize::MAX, |m| m as usize);
        report_json(text, &report, max)
    }

    /// `engine.checkLink(url)` → the link verdict (`{verdict, reasons, …}`), computed offline
    /// from the URL alone.
    ///
    /// # Errors
    /// Throws only if the answer cannot be handed to JavaScript (not expected).
    #[wasm_bindgen(js_name = checkLink)]
    pub fn check_link(&self, url: &str) -> Result<JsValue, JsError> {
        check_link(url)
    }
}

/// `duties()` → `{duties:[{id, title:{vi,en}, text:{vi,en}, categories, manual}],
/// questions:[{id, text:{vi,en}}]}`: the ten duties and the five questions of the source
/// article (see [`json::duties`]).
///
/// # Errors
/// Throws only if the answer cannot be handed to JavaScript (not expected).
#[wasm_bindgen]
pub fn duties() -> Result<JsValue, JsError> {
    parse(&json::duties())
}

/// `checkLink(url)` without an engine: the link verdict for `url` (see [`json::link_verdict`]).
///
/// # Errors
/// Throws only if the answer cannot be handed to JavaScript (not expected).
#[wasm_bindgen(js_name = checkLink)]
pub fn check_link(url: &str) -> Result<JsValue, JsError> {
    parse(&json::link_verdict(&cannhac_core::links::check_link(url)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn finding(span: std::ops::Range<usize>, rule: &str, severity: Severity) -> Finding {
        Finding {
            rule_id: rule.into(),
            category: cannhac_core::Category::Inflammatory,
            severity,
            span,
            message: cannhac_core::Message {
                vi: format!("vi {rule}"),
                en: "en \"quoted\"\n".into(),
            },
            duties: vec![3],
            suggestion: None,
        }
    }

    /// The findings of a compact answer, expanded as the extension expands them.
    fn expand(v: &Value) -> Vec<Value> {
        let kinds = v["kinds"].as_array().expect("kinds");
        let spans = v["spans"].as_array().expect("spans");
        assert_eq!(spans.len() % 3, 0);
        spans
            .chunks(3)
            .map(|s| {
                let k = s[2].as_u64().expect("kind index") as usize;
                let mut f = kinds[k].clone();
                f["start"] = s[0].clone();
                f["end"] = s[1].clone();
                f
            })
            .collect()
    }

    #[test]
    fn utf16_offsets_after_astral_and_nfd() {
        // An emoji (2 UTF-16 units, 4 bytes) and NFD "ệ" (e + two combining marks) before "ngu".
        let text = "😀 Tie\u{0323}\u{0302}n thằng ngu 👍🏽 ngu";
        let a = text.find("thằng ngu").expect("present");
        let b = text.rfind("ngu").expect("present");
        let report = Report {
            findings: vec![
                finding(a..a + "thằng ngu".len(), "test.rule", Severity::Warning),
                finding(b..text.len(), "test.rule", Severity::Warning),
            ],
            unaccented: false,
        };
        let v: Value = serde_json::from_str(&report_json(text, &report, usize::MAX)).expect("JSON");
        let fs = expand(&v);
        let u16: Vec<u16> = text.encode_utf16().collect();
        let slice = |f: &Value| {
            let s = f["start"].as_u64().expect("start") as usize;
            let e = f["end"].as_u64().expect("end") as usize;
            String::from_utf16(&u16[s..e]).expect("no split pair")
        };
        assert_eq!(slice(&fs[0]), "thằng ngu");
        assert_eq!(slice(&fs[1]), "ngu");
        assert_eq!(fs[1]["end"].as_u64(), Some(u16.len() as u64));
        // Same kind twice: written once.
        assert_eq!(v["kinds"].as_array().map(Vec::len), Some(1));
        assert_eq!(v["truncated"], 0);
        assert_eq!(v["unaccented"], false);
    }

    #[test]
    fn expanded_findings_equal_the_core_findings() {
        let engine = cannhac_core::Engine::new(Config::default()).expect("default config");
        let text = "Nghe nói TÀI LIỆU MẬT của sở sắp bị lộ, thằng ngu nào làm rò rỉ thì biết \
                    tay. Gọi 0912 345 678. Xem thêm bit.ly/tin-mat nhé. \u{2028}\"ngu\"";
        let report = engine.analyze(text);
        assert!(report.findings.len() >= 3, "{report:?}");
        let v: Value = serde_json::from_str(&report_json(text, &report, usize::MAX)).expect("JSON");
        let fs = expand(&v);
        assert_eq!(fs.len(), report.findings.len());
        let mut conv = OffsetConverter::new(text);
        for (js, core) in fs.iter().zip(&report.findings) {
            let mut want = serde_json::to_value(core).expect("serialisable");
            let obj = want.as_object_mut().expect("an object");
            obj.remove("span");
            obj.insert("start".into(), conv.units(core.span.start).utf16.into());
            obj.insert(
                "end".into(),
                OffsetConverter::new(text).units(core.span.end).utf16.into(),
            );
            assert_eq!(js, &want);
        }
    }

    #[test]
    fn cap_keeps_every_high_finding_first() {
        let mut findings = Vec::new();
        for i in 0..10 {
            let sev = if i % 4 == 3 {
                Severity::High
            } else {
                Severity::Info
            };
            findings.push(finding(i * 2..i * 2 + 1, &format!("r{i}"), sev));
        }
        let text = "x".repeat(20);
        let report = Report {
            findings,
            unaccented: false,
        };
        let v: Value = serde_json::from_str(&report_json(&text, &report, 4)).expect("JSON");
        let fs = expand(&v);
        let ids: Vec<&str> = fs.iter().filter_map(|f| f["rule_id"].as_str()).collect();
        assert_eq!(ids, ["r0", "r1", "r3", "r7"]);
        assert_eq!(v["truncated"], 6);
        assert_eq!(capped(&report.findings, 1), [3]);
        assert_eq!(capped(&report.findings, 0), Vec::<usize>::new());
        assert_eq!(capped(&report.findings, 100).len(), 10);
    }

    #[test]
    fn empty_report() {
        let v: Value = serde_json::from_str(&report_json("", &Report::default(), 5)).expect("JSON");
        assert_eq!(
            v,
            serde_json::json!({"unaccented": false, "kinds": [], "spans": [], "truncated": 0})
        );
    }

    #[test]
    fn config_from_parts_checks_ids() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            config_from_parts(None, None, &[], &[]),
            Ok(Config::default())
        );
        let c = config_from_parts(
            Some(&s(&["inflammatory", "internal_document"])),
            Some("warning"),
            &s(&["dự án X", "internal_document", "high"]),
            &s(&["con ngựa"]),
        )
        .expect("valid");
        assert_eq!(
            c.categories,
            [Category::Inflammatory, Category::InternalDocument]
        );
        assert_eq!(c.min_severity, Severity::Warning);
        assert_eq!(c.custom_phrases.len(), 1);
        assert_eq!(c.custom_phrases[0].category, Category::InternalDocument);
        assert_eq!(c.allow, ["con ngựa"]);
        let engine = cannhac_core::Engine::new(c).expect("valid config");
        let r = engine.analyze("Tài liệu về dự án X đây");
        assert!(r.findings.iter().any(|f| f.severity == Severity::High));

        let e = config_from_parts(Some(&s(&["nope"])), None, &[], &[]).unwrap_err();
        assert!(
            e.contains("invalid engine config") && e.contains("nope"),
            "{e}"
        );
        let e = config_from_parts(None, Some("urgent"), &[], &[]).unwrap_err();
        assert!(e.contains("severity"), "{e}");
        let e = config_from_parts(None, None, &s(&["x", "inflammatory"]), &[]).unwrap_err();
        assert!(e.contains("triples"), "{e}");
        let e = config_from_parts(None, None, &s(&["x", "inflammatory", "loud"]), &[]).unwrap_err();
        assert!(e.contains("loud"), "{e}");
    }

    #[test]
    fn duties_equal_the_core_serialisation() {
        let v: Value = serde_json::from_str(&json::duties()).expect("JSON");
        let want = serde_json::json!({
            "duties": cannhac_core::duties::duties(),
            "questions": cannhac_core::duties::questions(),
        });
        assert_eq!(v, want);
        assert_eq!(v["duties"].as_array().map(Vec::len), Some(10));
        assert_eq!(v["questions"].as_array().map(Vec::len), Some(5));
    }

    #[test]
    fn link_verdicts_equal_the_core_serialisation() {
        for url in [
            "https://chinhphu.gov.vn/x",
            "https://vnexpresss.net/tin-moi",
            "http://xn--vietcombnk-lj3e.com/login",
            "bit.ly/abc",
            "https://192.168.1.1/",
            "không phải url",
            "",
            "https://vnexpress.net/\"quote\"\\",
        ] {
            let verdict = cannhac_core::links::check_link(url);
            let v: Value = serde_json::from_str(&json::link_verdict(&verdict)).expect("JSON");
            assert_eq!(
                v,
                serde_json::to_value(&verdict).expect("serialisable"),
                "{url}"
            );
        }
    }
}
