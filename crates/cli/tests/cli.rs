//! `cannhac check` and `cannhac eval` end to end: human and JSON output, exit codes, input that
//! is not text, closed pipes. The ViHOS/ViHSD runs need `../shared/data/`; without it they
//! print a note and pass.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn cannhac() -> Command {
    Command::cargo_bin("cannhac").expect("the cannhac binary is built")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file under the test's temporary directory holding `body`.
fn temp_file(name: &str, body: &[u8]) -> PathBuf {
    let p = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&p, body).expect("write temp file");
    p
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("cannhac runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn check_stdin(input: &[u8], args: &[&str]) -> Run {
    run(cannhac()
        .arg("check")
        .args(args)
        .write_stdin(input.to_vec()))
}

const POST: &str = "Chào cả nhà,\n\tnghe nói TÀI LIỆU MẬT bị lộ rồi.\n";

// ---- human output ----------------------------------------------------------------------

#[test]
fn human_output_on_a_file() {
    let path = temp_file("human.txt", POST.as_bytes());
    let r = run(cannhac().arg("check").arg(&path));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let name = path.display().to_string();
    // line:column (columns in characters from 1; the tab is column 1).
    let hearsay = format!("{name}:2:2: warning unverified_claim [unverified_claim.hearsay]: ");
    let mark = format!("{name}:2:11: high internal_document [");
    assert!(r.stdout.contains(&hearsay), "{}", r.stdout);
    assert!(r.stdout.contains(&mark), "{}", r.stdout);
    // The line, then the span underlined under it ("nghe nói" is 8 characters, after the tab
    // shown as one space; "TÀI LIỆU MẬT" is 12, nine columns further).
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&hearsay))
        .expect("header");
    assert_eq!(lines[at + 2], "  |  nghe nói TÀI LIỆU MẬT bị lộ rồi.");
    assert_eq!(lines[at + 3], "  |  ^^^^^^^^");
    let at = lines
        .iter()
        .position(|l| l.starts_with(&mark))
        .expect("header");
    assert_eq!(
        lines[at + 3],
        format!("  | {}{}", " ".repeat(10), "^".repeat(12))
    );
    // Messages in both languages, duties, and a count.
    assert!(r.stdout.contains("Hearsay with no source"), "{}", r.stdout);
    assert!(r.stdout.contains("    duties: 1, 3"), "{}", r.stdout);
    assert!(
        r.stdout.trim_end().ends_with("2 finding(s)"),
        "{}",
        r.stdout
    );
}

#[test]
fn human_output_on_stdin() {
    for args in [&["-"][..], &[][..]] {
        let r = check_stdin(POST.as_bytes(), args);
        assert_eq!(r.code, Some(1), "{args:?}: {}", r.stderr);
        assert!(
            r.stdout
                .contains("<stdin>:2:2: warning unverified_claim [unverified_claim.hearsay]"),
            "{args:?}: {}",
            r.stdout
        );
    }
}

#[test]
fn human_output_underlines_after_emoji_and_wide_characters() {
    let r = check_stdin("😀 中文 nghe nói giá xăng tăng".as_bytes(), &[]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("<stdin>:1:6: warning unverified_claim"))
        .unwrap_or_else(|| panic!("{}", r.stdout));
    // 😀 and each CJK character take two terminal columns: 2 + 1 + 4 + 1 = 8.
    assert_eq!(
        lines[at + 3],
        format!("  | {}{}", " ".repeat(8), "^".repeat(8))
    );
}

#[test]
fn human_output_counts_an_emoji_sequence_and_a_flag_as_one_wide_glyph_each() {
    // A family (four emoji joined by ZWJ) and a flag (two regional indicators) are drawn as
    // one two-column glyph each: 2 + 2 + 1 = 5 columns before "thằng".
    let r = check_stdin(
        "👨\u{200d}👩\u{200d}👧\u{200d}👦🇻🇳 thằng ngu".as_bytes(),
        &[],
    );
    let carets = r.stdout.lines().find(|l| l.contains('^')).expect("carets");
    assert_eq!(
        carets,
        format!("  | {}{}", " ".repeat(5), "^".repeat(9)),
        "{}",
        r.stdout
    );
}

#[test]
fn human_output_of_a_long_single_line_stays_short() {
    let unit = "Thằng ngu nào đỗ xe chắn cổng trường vậy, mọi người đi học muộn hết cả. ";
    let text = unit.repeat(100 * 1024 / unit.len() + 1);
    let r = check_stdin(text.as_bytes(), &[]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let n = text.matches("Thằng ngu").count();
    assert!(
        r.stdout.trim_end().ends_with(&format!("{n} finding(s)")),
        "{}",
        &r.stdout[r.stdout.len().saturating_sub(300)..]
    );
    let longest = r.stdout.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 1_000, "an output line of {longest} bytes");
    // The last finding is on line 1 at its true column.
    let col = text
        .rfind("Thằng ngu")
        .map(|b| text[..b].chars().count() + 1);
    let want = format!("<stdin>:1:{}: warning inflammatory", col.unwrap_or(0));
    assert!(r.stdout.contains(&want), "no {want:?}");
}

#[test]
fn escape_sequences_in_the_input_are_not_replayed_on_the_terminal() {
    let r = check_stdin("\u{1b}[2J\u{1b}]0;x\u{7} Thằng ngu này".as_bytes(), &[]);
    assert_eq!(r.code, Some(1));
    assert!(!r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{7}'));
}

#[test]
fn bidi_overrides_in_the_input_do_not_reorder_the_terminal_line() {
    let r = check_stdin("abc \u{202E} thằng ngu kia \u{2066}x".as_bytes(), &[]);
    assert_eq!(r.code, Some(1));
    assert!(!r.stdout.contains('\u{202E}') && !r.stdout.contains('\u{2066}'));
    // The replacement keeps the caret line under the insult.
    let shown = r
        .stdout
        .lines()
        .find(|l| l.starts_with("  | abc"))
        .expect("excerpt");
    let carets = r.stdout.lines().find(|l| l.contains('^')).expect("carets");
    let col = |s: &str, pat: &str| s.find(pat).map(|b| s[..b].chars().count());
    assert_eq!(col(shown, "thằng"), col(carets, "^"), "{}", r.stdout);
}

// ---- JSON ------------------------------------------------------------------------------

fn pair(v: &Value) -> [u64; 2] {
    let a = v.as_array().expect("a [start, end] pair");
    assert_eq!(a.len(), 2, "{v}");
    [
        a[0].as_u64().expect("an offset"),
        a[1].as_u64().expect("an offset"),
    ]
}

/// Every field of a finding, with its type, and the three span units consistent with `text`.
fn assert_finding_shape(f: &Value, text: &str) {
    let obj = f.as_object().expect("a finding object");
    for key in [
        "category",
        "severity",
        "rule_id",
        "message",
        "duties",
        "suggestion",
        "span",
    ] {
        assert!(obj.contains_key(key), "{key} missing in {f}");
    }
    let cat = f["category"].as_str().expect("category");
    assert!(
        [
            "internal_document",
            "personal_data",
            "unverified_claim",
            "inflammatory",
            "insinuation",
            "suspicious_link"
        ]
        .contains(&cat),
        "{cat}"
    );
    assert!(["info", "warning", "high"].contains(&f["severity"].as_str().expect("severity")));
    assert!(f["rule_id"]
        .as_str()
        .is_some_and(|r| r.starts_with(&format!("{cat}."))));
    for lang in ["vi", "en"] {
        assert!(!f["message"][lang].as_str().unwrap_or("").is_empty(), "{f}");
    }
    let duties = f["duties"].as_array().expect("duties");
    assert!(!duties.is_empty());
    assert!(duties
        .iter()
        .all(|d| d.as_u64().is_some_and(|d| (1..=10).contains(&d))));
    assert!(f["suggestion"].is_null() || f["suggestion"].is_string());
    let [bs, be] = pair(&f["span"]["bytes"]);
    let [cs, ce] = pair(&f["span"]["chars"]);
    let [us, ue] = pair(&f["span"]["utf16"]);
    let (bs, be) = (bs as usize, be as usize);
    assert!(bs < be && be <= text.len());
    let before = &text[..bs];
    let inside = &text[bs..be];
    assert_eq!(cs as usize, before.chars().count());
    assert_eq!((ce - cs) as usize, inside.chars().count());
    assert_eq!(us as usize, before.encode_utf16().count());
    assert_eq!((ue - us) as usize, inside.encode_utf16().count());
}

#[test]
fn json_output_shape_and_offsets() {
    let text = "😀👍🏽 nghe nói TÀI LIỆU MẬT, gọi 0912 345 678 ngay!";
    let r = check_stdin(text.as_bytes(), &["--json"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    assert_eq!(doc["unaccented"], Value::Bool(false));
    let findings = doc["findings"].as_array().expect("findings");
    assert!(findings.len() >= 3, "{doc}");
    for f in findings {
        assert_finding_shape(f, text);
    }
    // The hearsay cue, exactly: 😀 (4 bytes, 1 char, 2 units) + 👍🏽 (8, 2, 4) + space.
    let hearsay = findings
        .iter()
        .find(|f| f["rule_id"] == "unverified_claim.hearsay")
        .expect("hearsay finding");
    assert_eq!(
        pair(&hearsay["span"]["bytes"]),
        [13, 13 + "nghe nói".len() as u64]
    );
    assert_eq!(pair(&hearsay["span"]["chars"]), [4, 12]);
    assert_eq!(pair(&hearsay["span"]["utf16"]), [7, 15]);
    // Sorted by span start.
    let starts: Vec<u64> = findings
        .iter()
        .map(|f| pair(&f["span"]["bytes"])[0])
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
}

#[test]
fn json_of_clean_text_is_an_empty_list() {
    let r = check_stdin(
        "Hôm nay trời đẹp, cả nhà đi chơi vui vẻ nhé.".as_bytes(),
        &["--json"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(doc["findings"], Value::Array(vec![]));
}

#[test]
fn jsonl_round_trip_keeps_ids_and_order() {
    let items = [
        serde_json::json!({"id": "a-1", "text": "Hôm nay trời đẹp quá."}),
        serde_json::json!({"id": 42, "text": "Thằng ngu này!"}),
        serde_json::json!({"id": {"post": 7}, "text": "😀 nghe nói giá xăng tăng"}),
        serde_json::json!({"id": null, "text": ""}),
    ];
    let mut input = String::new();
    for (i, it) in items.iter().enumerate() {
        input.push_str(&it.to_string());
        input.push('\n');
        if i == 1 {
            input.push_str("   \n"); // blank lines are skipped
        }
    }
    let path = temp_file("in.jsonl", input.as_bytes());
    for r in [
        run(cannhac().args(["check", "--jsonl"]).arg(&path)),
        check_stdin(input.as_bytes(), &["--jsonl"]),
    ] {
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        let out: Vec<Value> = r
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        assert_eq!(out.len(), items.len());
        for (o, i) in out.iter().zip(&items) {
            assert_eq!(o["id"], i["id"]);
            let text = i["text"].as_str().unwrap_or_default();
            for f in o["findings"].as_array().expect("findings") {
                assert_finding_shape(f, text);
            }
        }
        assert_eq!(out[0]["findings"], Value::Array(vec![]));
        assert_eq!(out[1]["findings"][0]["category"], "inflammatory");
        assert_eq!(out[2]["findings"][0]["span"]["utf16"][0], 3);
        assert_eq!(out[3]["findings"], Value::Array(vec![]));
    }
}

#[test]
fn jsonl_bad_lines_are_named_and_the_rest_is_checked() {
    let input =
        "{\"id\":1,\"text\":\"Thằng ngu\"}\nnot json\n{\"id\":3}\n{\"id\":4,\"text\":\"ok\"}\n";
    let r = check_stdin(input.as_bytes(), &["--jsonl"]);
    assert_eq!(r.code, Some(2));
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("line 2") && r.stderr.contains("line 3"),
        "{}",
        r.stderr
    );
}

/// Each skipped line is named with its number, under one statement of what a line must be;
/// an array is not read as an object's fields.
#[test]
fn jsonl_bad_lines_say_what_is_expected() {
    let input = "[\"a\",\"Thằng ngu\"]\n{\"id\":2,\"text\":\"ok\"}\n{\"id\":3,\"text\":5}\n";
    let r = check_stdin(input.as_bytes(), &["--jsonl"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stdout.contains("\"id\":2"), "{}", r.stdout);
    assert!(
        r.stderr.contains("2 input lines skipped")
            && r.stderr.contains(r#"{"id": …, "text": "…"}"#)
            && r.stderr.contains("line 1: an array, not an object")
            && r.stderr.contains("line 3, column "),
        "{}",
        r.stderr
    );
}

/// serde's syntax jargon is put in plain words ("expected ident" is a bare word such as `tru`).
#[test]
fn jsonl_syntax_errors_in_plain_words() {
    let input =
        "{\"id\":1,\"text\":tru}\n{\"id\":2,\"text\":\"ok\"} x\n{\"id\":3,\"text\":\"ok\"\n";
    let r = check_stdin(input.as_bytes(), &["--jsonl"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("a bare word where a value should be")
            && r.stderr.contains("more text after the JSON object")
            && r.stderr.contains("the line ends before the JSON does")
            && !r.stderr.contains("expected ident"),
        "{}",
        r.stderr
    );
}

#[test]
fn jsonl_lone_surrogates_become_replacement_characters() {
    // What a JavaScript string can hold: a lone high surrogate, a lone low one, an escaped
    // backslash before a `u`, and a proper pair (an emoji), each before a finding.
    let input = concat!(
        r#"{"id":1,"text":"\ud800 Thằng ngu"}"#,
        "\n",
        r#"{"id":2,"text":"x\udc00\ud83d\ude00 Thằng ngu \\ud800"}"#,
        "\n",
    );
    let r = check_stdin(input.as_bytes(), &["--jsonl"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let out: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(out.len(), 2, "{}", r.stdout);
    // U+FFFD is one UTF-16 unit like the surrogate it replaces: "Thằng" starts at 2, then
    // at 1 + 1 + 2 + 1 = 5 after "x", the lone low one and the emoji's pair.
    assert_eq!(out[0]["findings"][0]["span"]["utf16"][0], 2, "{}", r.stdout);
    assert_eq!(out[1]["findings"][0]["span"]["utf16"][0], 5, "{}", r.stdout);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

// ---- exit codes and input that is not text ---------------------------------------------

#[test]
fn jsonl_accepts_a_byte_order_mark_and_names_bad_utf8_offsets() {
    let mut input = b"\xef\xbb\xbf{\"id\":1,\"text\":\"Th\xe1\xba\xb1ng ngu\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\":2,\"text\":\"a\xffb\"}\n");
    let r = check_stdin(&input, &["--jsonl"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stdout.contains("inflammatory"), "{}", r.stdout);
    assert!(
        r.stderr.contains("line 2") && r.stderr.contains("byte 17"),
        "{}",
        r.stderr
    );
}

#[test]
fn exit_codes_follow_severity() {
    let clean = check_stdin(
        "Cảm ơn cả nhà đã ủng hộ buổi dọn vệ sinh hôm qua.".as_bytes(),
        &[],
    );
    assert_eq!(clean.code, Some(0));
    assert!(clean.stdout.contains("no findings"), "{}", clean.stdout);
    assert!(clean.stderr.is_empty());
    // Whitespace only and empty input are clean text, not errors.
    assert_eq!(check_stdin(b"", &[]).code, Some(0));
    assert_eq!(check_stdin(b" \n\t\n", &[]).code, Some(0));
    // An info finding alone (a veiled "you know who") is shown but exits 0.
    let info = check_stdin("Ai hiểu thì hiểu.".as_bytes(), &["--json"]);
    let doc: Value = serde_json::from_str(&info.stdout).expect("JSON");
    let sev: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["severity"].as_str())
        .collect();
    assert_eq!(sev, ["info"], "{doc}");
    assert_eq!(info.code, Some(0));
    // Warning and high: 1.
    assert_eq!(check_stdin("Thằng ngu này".as_bytes(), &[]).code, Some(1));
    assert_eq!(check_stdin("TÀI LIỆU MẬT".as_bytes(), &[]).code, Some(1));
}

#[test]
fn missing_file_is_an_error() {
    let missing = repo().join("no/such/post.txt");
    let r = run(cannhac().arg("check").arg(&missing));
    assert_eq!(r.code, Some(2));
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.starts_with("cannhac: cannot read ") && r.stderr.contains("no/such/post.txt"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut bytes = "Thằng ngu".as_bytes().to_vec(); // 11 bytes
    bytes.extend([0xC3, 0x28]); // an invalid two-byte sequence at offset 11
    bytes.extend(b" rest");
    for r in [
        check_stdin(&bytes, &[]),
        run(cannhac()
            .arg("check")
            .arg(temp_file("bad-utf8.txt", &bytes))),
    ] {
        assert_eq!(r.code, Some(2));
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        assert!(
            r.stderr.contains("not valid UTF-8") && r.stderr.contains("offset 11"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn binary_garbage_is_an_error_not_a_crash() {
    // Every byte value, and a real binary (this executable), through stdin and --json.
    let all: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let exe = std::fs::read(assert_cmd::cargo::cargo_bin("cannhac")).expect("read executable");
    for (what, input) in [("bytes", &all[..]), ("executable", &exe[..64 * 1024])] {
        for args in [&[][..], &["--json"][..]] {
            let r = check_stdin(input, args);
            assert_eq!(r.code, Some(2), "{what} {args:?}");
            assert!(r.stdout.is_empty(), "{what}: {}", r.stdout);
            assert!(r.stderr.starts_with("cannhac: <stdin>: "), "{}", r.stderr);
            assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        }
    }
    // A lone surrogate encoded as if it were a character (WTF-8/CESU-8 `ED A0 80`, what a
    // broken UTF-16 conversion writes) is not UTF-8: a `&str` can never hold one.
    let r = check_stdin(b"ab\xED\xA0\x80cd", &["--json"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("offset 2"), "{}", r.stderr);
    // Valid UTF-8 with NUL bytes is binary data too, and the message says where.
    let r = check_stdin(b"abc\0\0\0def", &[]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("binary") && r.stderr.contains("offset 3"),
        "{}",
        r.stderr
    );
}

// ---- closed pipes ----------------------------------------------------------------------

/// Runs cannhac with its standard output closed right away (as `… | head -0` would): no panic,
/// no error message, and the command's normal exit code.
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cannhac"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cannhac");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    // Far more output than a pipe buffer holds.
    let mut input = String::new();
    for i in 0..5_000 {
        input.push_str(&format!("{{\"id\":{i},\"text\":\"Thằng ngu số {i}\"}}\n"));
    }
    let jsonl = temp_file("pipe.jsonl", input.as_bytes());
    let jsonl = jsonl.to_str().expect("UTF-8 path");
    let long = temp_file("pipe.txt", "Thằng ngu này. ".repeat(20_000).as_bytes());
    let long = long.to_str().expect("UTF-8 path");
    let corpus = repo().join("tests/corpus/posts.jsonl");
    let corpus = corpus.to_str().expect("UTF-8 path");
    for args in [
        vec!["check", "--jsonl", jsonl],
        vec!["check", long],
        vec!["check", "--json", long],
        vec!["eval", corpus],
        vec!["duties"],
    ] {
        // The exit code the command gives when its output is read to the end.
        let normal = run(cannhac().args(&args)).code;
        assert!(
            normal == Some(0) || normal == Some(1),
            "{args:?}: {normal:?}"
        );
        let (got, stderr) = with_closed_stdout(&args);
        assert_eq!(got, normal, "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

// ---- eval ------------------------------------------------------------------------------

#[test]
fn eval_on_the_shared_corpus_passes() {
    let corpus = repo().join("tests/corpus/posts.jsonl");
    let r = run(cannhac().arg("eval").arg(&corpus));
    assert!(r.stdout.contains("cases from"), "{}", r.stdout);
    assert!(
        r.code == Some(0) && r.stdout.trim_end().ends_with(" passed, 0 failed"),
        "eval failed:\n{}",
        r.stdout
            .lines()
            .filter(|l| l.starts_with("FAIL"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn eval_scores_a_links_corpus() {
    let r = run(cannhac()
        .arg("eval")
        .arg(repo().join("tests/corpus/links.jsonl")));
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("links right"), "{}", r.stdout);
    let bad = temp_file(
        "bad-links.jsonl",
        br#"{"id":"x","url":"https://chinhphu.vn/","verdict":"suspicious","reasons":["raw_ip_host"]}"#,
    );
    let r = run(cannhac().arg("eval").arg(&bad));
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("FAIL x: https://chinhphu.vn/ got official"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("0/1 links right"), "{}", r.stdout);
}

#[test]
fn eval_reports_a_failing_case_and_exits_1() {
    let case = r#"{"id": "x-1", "text": "Hôm nay trời đẹp.", "expect": [{"category": "inflammatory", "span": "trời"}]}"#;
    let path = temp_file("failing.jsonl", format!("{case}\n").as_bytes());
    let r = run(cannhac().arg("eval").arg(&path));
    assert_eq!(r.code, Some(1));
    assert!(
        r.stdout.contains("FAIL x-1: missed inflammatory"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("0 passed, 1 failed"), "{}", r.stdout);
}

/// A case that fails in several ways gets one FAIL line naming each problem, with the list of
/// what the engine found once, after the missed spans.
#[test]
fn eval_prints_one_fail_line_per_case() {
    let case = r#"{"id": "x-2", "text": "Hôm nay trời đẹp. TÀI LIỆU MẬT", "expect": [{"category": "inflammatory", "span": "trời"}, {"category": "insinuation", "span": "đẹp"}], "forbid": ["internal_document"]}"#;
    let path = temp_file("failing-twice.jsonl", format!("{case}\n").as_bytes());
    let r = run(cannhac().arg("eval").arg(&path));
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    let fails: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("FAIL")).collect();
    assert_eq!(fails.len(), 1, "{}", r.stdout);
    let line = fails[0];
    let want = concat!(
        r#"FAIL x-2: missed inflammatory "trời" (chars 8..12); "#,
        r#"missed insinuation "đẹp" (chars 13..16); "#,
        r#"found [internal_document 18..30 "TÀI LIỆU MẬT"]; "#,
        r#"forbidden internal_document found: [internal_document 18..30 "TÀI LIỆU MẬT"]"#,
    );
    assert_eq!(line, want);
    assert!(r.stdout.contains("0 passed, 1 failed"), "{}", r.stdout);
}

/// A corpus with a known-failures list beside it: the summary says which failures are listed,
/// which are new and which listed cases pass; the exit code stays 1 while a case fails.
#[test]
fn eval_compares_failures_with_the_known_list() {
    let cases = concat!(
        r#"{"id": "k-1", "text": "Hôm nay trời đẹp.", "expect": [{"category": "inflammatory", "span": "trời"}]}"#,
        "\n",
        r#"{"id": "k-2", "text": "Trời mưa.", "expect": [{"category": "inflammatory", "span": "mưa"}]}"#,
        "\n",
        r#"{"id": "k-3", "text": "Mai đi học.", "expect": []}"#,
        "\n",
    );
    let path = temp_file("known.jsonl", cases.as_bytes());
    temp_file(
        "known-known-failures.txt",
        b"# comment\nk-1 not read yet\nk-3 listed, passes\n",
    );
    let r = run(cannhac().arg("eval").arg(&path));
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("known failures"))
        .unwrap_or_else(|| panic!("no summary: {}", r.stdout));
    assert!(
        line.ends_with("1 of 2 failures listed; not listed (new): k-2; listed but passing: k-3"),
        "{line}"
    );
}

/// `../shared/data/NAME` (or `$CANNHAC_SHARED/data/NAME` when that variable is set: a clone
/// that does not sit beside the shared folder) when it exists; otherwise prints why the test
/// is skipped.
fn shared_data(name: &str) -> Option<PathBuf> {
    let shared = std::env::var_os("CANNHAC_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"));
    let p = shared.join("data").join(name);
    if p.is_file() {
        Some(p)
    } else {
        let mut err = std::io::stderr();
        let _ = writeln!(
            err,
            "note: {} is absent; skipping this ViHOS/ViHSD check",
            p.display()
        );
        None
    }
}

#[test]
fn eval_vihos_when_the_data_is_there() {
    let Some(path) = shared_data("vihos-dev.csv") else {
        return;
    };
    let r = run(cannhac().arg("eval").arg("--vihos").arg(&path));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("span F1 "))
        .unwrap_or_else(|| panic!("{}", r.stdout));
    let f1: f64 = line["span F1 ".len()..]
        .split(' ')
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1.0);
    assert!((0.0..=1.0).contains(&f1), "{line}");
    let rows = csv_rows(&path);
    assert!(
        line.ends_with(&format!("over {rows} comments")),
        "{line} ({rows} rows)"
    );
    assert!(r.stdout.contains("micro precision "), "{}", r.stdout);
}

#[test]
fn eval_rejects_a_file_of_the_other_kind() {
    let vihos = temp_file("wrong-kind.csv", b",content,index_spans\n0,abc,[]\n");
    let r = run(cannhac().arg("eval").arg("--vihsd").arg(&vihos));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("free_text,label_id"), "{}", r.stderr);
    let bad_label = temp_file("bad-label.csv", b"free_text,label_id\nabc,7\n");
    let r = run(cannhac().arg("eval").arg("--vihsd").arg(&bad_label));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("bad label_id 7"), "{}", r.stderr);
}

#[test]
fn eval_strip_diacritics_folds_each_comment() {
    let csv = temp_file(
        "strip.csv",
        "free_text,label_id\nQuà này dành cho bé yêu,0\nThằng chó chết kia,2\n".as_bytes(),
    );
    let r = run(cannhac()
        .arg("eval")
        .arg("--vihsd")
        .arg(&csv)
        .arg("--strip-diacritics"));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // "danh cho be" is not "đánh cho"; "thang cho chet" keeps its target word.
    assert!(r.stdout.contains("CLEAN      flagged 0/1"), "{}", r.stdout);
    assert!(r.stdout.contains("HATE       flagged 1/1"), "{}", r.stdout);
    let r = run(cannhac()
        .arg("eval")
        .arg("--vihos")
        .arg(&csv)
        .arg("--strip-diacritics"));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("--strip-diacritics"), "{}", r.stderr);
}

#[test]
fn eval_vihsd_when_the_data_is_there() {
    let Some(path) = shared_data("vihsd-dev.csv") else {
        return;
    };
    let r = run(cannhac().arg("eval").arg("--vihsd").arg(&path));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let mut total = 0;
    for label in ["CLEAN", "OFFENSIVE", "HATE"] {
        let line = r
            .stdout
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line in {}", r.stdout));
        let counts = line.split_whitespace().nth(2).unwrap_or_default();
        let n: usize = counts
            .split('/')
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(n > 0, "{line}");
        total += n;
    }
    assert_eq!(total, csv_rows(&path));
    // --show with the output closed early (`| head`): a quiet end, exit 0.
    let (code, stderr) = with_closed_stdout(&[
        "eval",
        "--vihsd",
        path.to_str().expect("UTF-8 path"),
        "--show",
        "100",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// Data rows of a CSV file (records after the header), counted independently of cannhac.
fn csv_rows(path: &Path) -> usize {
    csv::Reader::from_path(path)
        .expect("read CSV")
        .records()
        .count()
}

// ---- the README's example ---------------------------------------------------------------

#[test]
fn the_example_post_has_an_internal_mark_and_hearsay() {
    let r = run(cannhac()
        .args(["check", "--json"])
        .arg(repo().join("examples/post.txt")));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let cats: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["category"].as_str())
        .collect();
    assert!(cats.contains(&"internal_document"), "{cats:?}");
    assert!(cats.contains(&"unverified_claim"), "{cats:?}");
}

/// `cannhac link -` reads the URLs from standard input, one per line; blank lines are skipped,
/// and input with no URL is a usage error.
#[test]
fn link_reads_urls_from_stdin() {
    let r = run(cannhac()
        .args(["link", "--json", "-"])
        .write_stdin("https://vnexpress.net/\n\n  http://vnexpres.net.xyz/a  \n"));
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let hosts: Vec<&str> = v
        .as_array()
        .expect("an array for several URLs")
        .iter()
        .filter_map(|l| l["host_unicode"].as_str())
        .collect();
    assert_eq!(hosts, ["vnexpress.net", "vnexpres.net.xyz"], "{}", r.stdout);
    let r = run(cannhac().args(["link", "-"]).write_stdin("\n \n"));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("no URL"), "{}", r.stderr);
}

/// An empty URL argument is not a web address: the documented `caution`/`malformed` verdict
/// (exit 1), headed by the quoted argument rather than a blank line.
#[test]
fn link_of_an_empty_argument_is_malformed_and_shown_quoted() {
    let r = run(cannhac().args(["link", ""]));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("\"\" (no address)\n  verdict: caution\n  reasons: malformed"),
        "{}",
        r.stdout
    );
    let r = run(cannhac().args(["link", "--json", ""]));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["url"], "");
    assert_eq!(v["verdict"], "caution");
    assert_eq!(v["reasons"], serde_json::json!(["malformed"]));
}
