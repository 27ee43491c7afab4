//! Link verdicts against the shared corpus (`tests/corpus/links.jsonl`, every case) and the
//! blind adversarial links (`tests/corpus/adversarial-links.jsonl`, every case), the
//! `sl-*` posts and the press-link negatives of `tests/corpus/posts.jsonl`, and properties:
//! `check_link` never panics, `link_findings` spans are char-boundary ranges inside the text.

use cannhac_core::links::{check_link, link_findings, Reason, Verdict};
use cannhac_core::{Category, Config, Engine, Severity};
use proptest::prelude::*;
use serde_json::Value;

const LINKS: &str = include_str!("../../../tests/corpus/links.jsonl");
/// Links written blind by an adversarial tester: legitimate deep links, wrapped and pasted
/// links, look-alikes of press, state and bank domains, homographs, `@` tricks, IP hosts.
const ADVERSARIAL_LINKS: &str = include_str!("../../../tests/corpus/adversarial-links.jsonl");
const POSTS: &str = include_str!("../../../tests/corpus/posts.jsonl");

fn lines(src: &str) -> impl Iterator<Item = Value> + '_ {
    src.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad corpus line {l}: {e}")))
}

fn s(v: &Value, k: &str) -> String {
    v[k].as_str()
        .unwrap_or_else(|| panic!("{k} missing in {v}"))
        .to_owned()
}

#[test]
fn every_links_corpus_case() {
    every_case_of(LINKS, 35);
}

#[test]
fn every_adversarial_link_case() {
    every_case_of(ADVERSARIAL_LINKS, 90);
}

/// Checks each case of `corpus` (the links format), all failures reported at once; `min` guards
/// against a truncated copy.
fn every_case_of(corpus: &str, min: usize) {
    let mut failures = Vec::new();
    let mut n = 0;
    for case in lines(corpus) {
        n += 1;
        let v = check_link(&s(&case, "url"));
        let verdict = serde_json::to_value(v.verdict).expect("verdict serialises");
        let want_reasons: Vec<String> = case["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect();
        let missing: Vec<_> = want_reasons
            .iter()
            .filter(|r| !v.reasons.contains(r))
            .collect();
        if verdict != case["verdict"] || !missing.is_empty() {
            failures.push(format!(
                "{}: want {} {:?}, got {} {:?}",
                s(&case, "id"),
                case["verdict"],
                want_reasons,
                verdict,
                v.reasons
            ));
        }
    }
    assert!(n >= min, "corpus has {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn verdict_json_has_the_cli_fields() {
    let v = serde_json::to_value(check_link("https://www.chinhphu.gov.vn/")).expect("serialises");
    assert_eq!(v["verdict"], "official");
    assert_eq!(v["reasons"][0], "government_domain");
    assert_eq!(v["registrable_domain"], "chinhphu.gov.vn");
    assert_eq!(v["host_unicode"], "www.chinhphu.gov.vn");
    assert_eq!(v["host_punycode"], "www.chinhphu.gov.vn");
    assert!(v["explanation"]["vi"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    assert!(v["explanation"]["en"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
}

#[test]
fn registrable_domains_follow_the_public_suffix_list() {
    for (url, want) in [
        ("https://www.chinhphu.gov.vn/", Some("chinhphu.gov.vn")),
        ("https://a.b.hanoi.vn/", Some("b.hanoi.vn")),
        (
            "https://tin.thanhphohochiminh.vn/",
            Some("tin.thanhphohochiminh.vn"),
        ),
        ("https://news.bbc.co.uk/", Some("bbc.co.uk")),
        ("https://x.y.example/", Some("y.example")),
        ("https://user.github.io/", Some("user.github.io")),
        ("https://com.vn/", None),
        ("http://10.0.0.1/", None),
    ] {
        assert_eq!(check_link(url).registrable_domain.as_deref(), want, "{url}");
    }
}

/// A punycode label that decodes to a long-s look-alike of a press domain (`vnexpreſs`) is
/// suspicious: no browser takes `xn--vnexpres-14b.net` to `vnexpress.net`.
#[test]
fn long_s_punycode_is_a_lookalike() {
    let v = check_link("https://xn--vnexpres-14b.net/");
    assert_eq!(v.verdict, Verdict::Suspicious, "{v:?}");
    assert!(v.reasons.iter().any(|r| r == "lookalike_domain"), "{v:?}");
}

/// The `sl-*` posts with the span each expects, and the press-link negatives.
fn sl_cases() -> Vec<(String, String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for case in lines(POSTS).filter(|c| s(c, "id").starts_with("sl-")) {
        let text = s(&case, "text");
        for exp in case["expect"].as_array().expect("expect") {
            assert_eq!(exp["category"], "suspicious_link");
            let span = s(exp, "span");
            let start = text.find(&span).expect("span is in text");
            out.push((s(&case, "id"), text.clone(), start..start + span.len()));
        }
    }
    assert!(out.len() >= 6, "only {} sl-* cases", out.len());
    out
}

fn press_negatives() -> Vec<(String, String)> {
    let out: Vec<_> = lines(POSTS)
        .filter(|c| matches!(s(c, "id").as_str(), "neg-016" | "neg-037"))
        .map(|c| (s(&c, "id"), s(&c, "text")))
        .collect();
    assert_eq!(out.len(), 2);
    out
}

/// The `sl-*` cases: a `suspicious_link` finding exactly on the URL's span.
#[test]
fn posts_with_suspicious_links() {
    for (id, text, want) in sl_cases() {
        let found = link_findings(&text);
        let f = found
            .iter()
            .find(|f| f.span == want)
            .unwrap_or_else(|| panic!("{id}: no finding on {:?}: {found:?}", &text[want.clone()]));
        assert_eq!(f.category, Category::SuspiciousLink);
        assert!(f.rule_id.starts_with("suspicious_link."));
        assert!(f.severity >= Severity::Warning);
        assert_eq!(f.duties, vec![1]);
        assert!(f.suggestion.is_none());
        assert!(!f.message.vi.is_empty() && !f.message.en.is_empty());
    }
}

/// neg-016 (nhandan.vn) and neg-037 (vnexpress.net): licensed press links are no finding.
#[test]
fn press_links_in_posts_are_clean() {
    for (id, text) in press_negatives() {
        assert!(link_findings(&text).is_empty(), "{id}");
    }
}

/// The same cases through `Engine::analyze` (which merges `link_findings` with the rules).
#[test]
fn engine_reports_link_findings() {
    let engine = Engine::new(Config::default()).expect("default config");
    for (id, text, want) in sl_cases() {
        let report = engine.analyze(&text);
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.category == Category::SuspiciousLink && f.span == want),
            "{id}: {:?}",
            report.findings
        );
    }
    for (id, text) in press_negatives() {
        let report = engine.analyze(&text);
        assert!(
            !report
                .findings
                .iter()
                .any(|f| f.category == Category::SuspiciousLink),
            "{id}"
        );
    }
}

#[test]
fn not_links_in_posts() {
    for text in [
        "Các loại rau, củ, quả v.v. đều tăng giá 1.5 lần từ 9 a.m. hôm qua ở TP.HCM.",
        "Liên hệ chị Lan qua email lan.nguyen@gmail.com nhé.",
        "ông.bà, anh.chị, Q.1, T.Ư, đ.m",
    ] {
        assert!(link_findings(text).is_empty(), "{text}");
    }
}

#[test]
fn findings_trim_trailing_punctuation_and_keep_offsets_after_emoji() {
    let text = "😀😀 Xem (bit.ly/3xYzAbc), rồi http://vnexpresss.net/tin... và tuoitre-vn.com.";
    let got: Vec<&str> = link_findings(text)
        .iter()
        .map(|f| &text[f.span.clone()])
        .collect();
    assert_eq!(
        got,
        [
            "bit.ly/3xYzAbc",
            "http://vnexpresss.net/tin",
            "tuoitre-vn.com"
        ]
    );
}

#[test]
fn long_url_is_malformed_not_slow() {
    let url = format!("https://vnexpress.net/{}", "a/".repeat(1_500));
    assert_eq!(url.len(), 3_022);
    let v = check_link(&url);
    assert_eq!(v.verdict, Verdict::Caution);
    assert!(v.has(Reason::Malformed));
    // The same URL inside a post is skipped (malformed), not reported.
    assert!(link_findings(&format!("xem {url} nhé")).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn check_link_never_panics(s in any::<String>()) {
        let v = check_link(&s);
        prop_assert!(v.verdict != Verdict::Suspicious || v.reasons.iter().any(|r| r != "malformed"));
    }

    #[test]
    fn check_link_never_panics_on_url_like(s in "(https?://|HTTP://)?([a-zA-Z0-9@:.%\\[\\]-]|ạ|е|xn--){0,30}(/[^ ]{0,10})?") {
        let _ = check_link(&s);
    }

    #[test]
    fn link_finding_spans_are_char_ranges_in_text(
        text in "([a-zđạế😀 .,()/:@-]|http://|https://|bit\\.ly/|\\.xyz|\\.vn|www\\.|xn--){0,40}"
    ) {
        for f in link_findings(&text) {
            prop_assert!(f.span.start < f.span.end && f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            prop_assert_eq!(f.category, Category::SuspiciousLink);
        }
    }

    #[test]
    fn link_finding_spans_on_arbitrary_text(text in any::<String>()) {
        for f in link_findings(&text) {
            prop_assert!(f.span.start < f.span.end && f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
    }
}

/// Every sentence of an explanation starts with a capital unless it follows the verdict's
/// colon ("A government domain (chinhphu.vn). The connection is not encrypted (http).").
#[test]
fn explanations_capitalise_each_sentence() {
    for url in [
        "http://tuoitre.vn/a",
        "http://chinhphu.vn/",
        "http://user:pass@vnexpress.net/a",
        "http://example.com/",
        "http://bit.ly/x",
    ] {
        let v = check_link(url);
        for text in [&v.explanation.vi, &v.explanation.en] {
            for part in text.split(". ").skip(1) {
                let first = part.chars().next().unwrap_or('A');
                assert!(
                    !first.is_lowercase(),
                    "{url}: a sentence starts in lower case: {text:?}"
                );
            }
            let risky = matches!(v.verdict, Verdict::Caution | Verdict::Suspicious);
            if let Some((_, after)) = text.split_once(": ").filter(|_| risky) {
                assert!(
                    after.chars().next().is_some_and(char::is_lowercase),
                    "{url}: after the verdict's colon: {text:?}"
                );
            }
        }
    }
}

/// Text holding several URLs is never judged as its first one (a phishing link after a trusted
/// one must not pass); text around a single URL is judged as that URL.
#[test]
fn pasted_text_is_read_for_its_urls() {
    let two = check_link("https://vnexpress.net/a https://evil.xyz/login");
    assert_eq!(two.verdict, Verdict::Caution, "{:?}", two.reasons);
    assert!(two.has(Reason::Malformed));
    let one = check_link("Xem chi tiết tại: https://vnexpresss.net/x");
    assert_eq!(one.verdict, Verdict::Suspicious, "{:?}", one.reasons);
    assert_eq!(one.read_url.as_deref(), Some("https://vnexpresss.net/x"));
    let wrapped = check_link("<https://chinhphu.vn/>");
    assert_eq!(wrapped.verdict, Verdict::Official, "{:?}", wrapped.reasons);
    assert_eq!(wrapped.read_url.as_deref(), Some("https://chinhphu.vn/"));
    assert_eq!(check_link("https://chinhphu.vn/").read_url, None);
    assert_eq!(two.read_url, None);
}

/// A second URL run on after a separator or inside a markdown link is not hidden behind the
/// first; one inside a query string is part of the address.
#[test]
fn a_second_url_is_not_hidden_behind_the_first() {
    for u in [
        "[https://vnexpress.net/x](https://vnexpresss.net/y)",
        "https://vnexpress.net/x,https://evil.xyz",
        "https://vnexpress.net/x;https://evil.xyz",
    ] {
        let v = check_link(u);
        assert_eq!(v.verdict, Verdict::Caution, "{u}: {:?}", v.reasons);
        assert!(v.has(Reason::Malformed), "{u}");
    }
    let q = check_link("https://vietnamnet.vn/thoi-su?ref=https://chinhphu-vn.com");
    assert_eq!(q.verdict, Verdict::RegisteredPress, "{:?}", q.reasons);
}
