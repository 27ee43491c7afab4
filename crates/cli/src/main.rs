//! `cannhac`: the command-line face of the Cân Nhắc rules engine.
//!
//! Exit codes: 0 nothing of severity `warning` or more (or, for `eval`, every case passed);
//! 1 something was found (or a case failed); 2 usage or I/O error, or input that is not text.
//! When the reader of standard output goes away (`cannhac eval … | head`), the command stops
//! writing quietly and exits with the code it had so far (0 when there is none yet).

mod eval;
mod output;

use cannhac_core::{Config, Engine};
use clap::{Parser, Subcommand};
use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Parser)]
#[command(
    name = "cannhac",
    version,
    about = "Cân Nhắc: weigh a post before you share it"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a post (a file, or standard input with `-` or no argument).
    Check {
        /// The post to check; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Print one JSON document with every finding.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Read `{"id","text"}` lines, write `{"id","findings"}` lines.
        #[arg(long)]
        jsonl: bool,
    },
    /// Check links offline: verdict, reasons, registrable domain.
    Link {
        /// The URLs to check; `-` reads them from standard input, one per line (blank lines
        /// skipped).
        #[arg(required = true)]
        urls: Vec<String>,
        /// Print JSON (an object for one URL, an array for several).
        #[arg(long)]
        json: bool,
    },
    /// Print the ten duties and the questions to ask before sharing.
    Duties {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure the engine on labelled data.
    Eval {
        /// A corpus file in the shared corpus format (`posts.jsonl`).
        corpus: Option<PathBuf>,
        /// A ViHOS CSV (`,content,index_spans`): mean per-comment character F1.
        #[arg(long, conflicts_with_all = ["corpus", "vihsd"])]
        vihos: Option<PathBuf>,
        /// A ViHSD CSV (`free_text,label_id`): flagged share per label.
        #[arg(long, conflicts_with_all = ["corpus", "vihos"])]
        vihsd: Option<PathBuf>,
        /// With --vihos/--vihsd: print the comments the engine got wrong (at most this many).
        #[arg(long, default_value_t = 0)]
        show: usize,
        /// With --vihsd: remove every diacritic from each comment first (`đ` → `d`), to
        /// measure the engine on text typed without diacritics.
        #[arg(long)]
        strip_diacritics: bool,
    },
}

/// An error that ends the command with exit code 2.
pub(crate) struct Fail(pub String);

/// Set when a write to standard output found the pipe closed (`cannhac … | head`).
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

impl<E: std::fmt::Display + 'static> From<E> for Fail {
    fn from(e: E) -> Self {
        if let Some(io) = (&e as &dyn std::any::Any).downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                STDOUT_CLOSED.store(true, Ordering::Relaxed);
            }
        }
        Fail(e.to_string())
    }
}

/// The end of a command whose output stopped at `written`: a closed pipe (the reader has all
/// it wanted) is a normal end with exit code `code`; any other write error is a failure.
pub(crate) fn finish(written: std::io::Result<()>, code: u8) -> Result<u8, Fail> {
    match written {
        Ok(()) => Ok(code),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(Fail(format!("cannot write the output: {e}"))),
    }
}

/// `eprintln!` that cannot panic (standard error may be closed too).
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { file, json, jsonl } => check(file, json, jsonl),
        Command::Link { urls, json } => links_from(urls).and_then(|u| output::links(&u, json)),
        Command::Duties { json } => output::duties(json),
        Command::Eval {
            vihsd: None,
            strip_diacritics: true,
            ..
        } => Err(Fail("--strip-diacritics goes with --vihsd FILE".into())),
        Command::Eval {
            corpus: Some(_),
            show: 1..,
            ..
        } => Err(Fail(
            "--show goes with --vihos or --vihsd (a corpus run lists every failing case)".into(),
        )),
        Command::Eval {
            corpus,
            vihos,
            vihsd,
            show,
            strip_diacritics,
        } => match (corpus, vihos, vihsd) {
            (Some(c), None, None) => eval::corpus(&engine_or_fail(), &c),
            (None, Some(v), None) => eval::vihos(&engine_or_fail(), &v, show),
            (None, None, Some(v)) => eval::vihsd(&engine_or_fail(), &v, show, strip_diacritics),
            _ => Err(Fail(
                "eval needs a corpus file, --vihos FILE or --vihsd FILE".into(),
            )),
        },
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // Output cut short by its reader, in a command that does not say otherwise.
        Err(_) if STDOUT_CLOSED.load(Ordering::Relaxed) => ExitCode::SUCCESS,
        Err(Fail(msg)) => {
            note!("cannhac: {msg}");
            ExitCode::from(2)
        }
    }
}

fn engine_or_fail() -> Engine {
    // The default config has no custom phrases, so it cannot be refused.
    match Engine::new(Config::default()) {
        Ok(e) => e,
        Err(e) => {
            note!("cannhac: built-in configuration refused: {e}");
            std::process::exit(2)
        }
    }
}

/// Reads all of FILE (or stdin) and checks that it is text: UTF-8 without NUL bytes (no post
/// contains one; a file that does is binary data).
fn read_text(file: Option<&PathBuf>) -> Result<(String, String), Fail> {
    let (name, bytes) = match file {
        Some(p) if p.as_os_str() != "-" => {
            let b =
                std::fs::read(p).map_err(|e| Fail(format!("cannot read {}: {e}", p.display())))?;
            (p.display().to_string(), b)
        }
        _ => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| Fail(format!("cannot read standard input: {e}")))?;
            ("<stdin>".to_string(), b)
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Fail(format!(
            "{name}: input is not valid UTF-8 text (invalid byte at offset {at})"
        ))
    })?;
    if let Some(at) = text.find('\0') {
        return Err(Fail(format!(
            "{name}: input looks like binary data, not text (NUL byte at offset {at})"
        )));
    }
    Ok((name, text))
}

/// The URLs of `cannhac link`: each `-` replaced by the lines of standard input (trimmed,
/// blank ones skipped).
///
/// # Errors
/// Standard input that cannot be read or is not UTF-8 text, or holds no URL.
fn links_from(args: Vec<String>) -> Result<Vec<String>, Fail> {
    if !args.iter().any(|a| a == "-") {
        return Ok(args);
    }
    let (_, text) = read_text(None)?;
    let mut urls = Vec::new();
    for a in args {
        if a == "-" {
            urls.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string),
            );
        } else {
            urls.push(a);
        }
    }
    if urls.is_empty() {
        return Err(Fail("no URL on standard input".into()));
    }
    Ok(urls)
}

fn check(file: Option<PathBuf>, json: bool, jsonl: bool) -> Result<u8, Fail> {
    let engine = engine_or_fail();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if jsonl {
        return check_jsonl(&engine, file.as_ref(), &mut out);
    }
    let (name, text) = read_text(file.as_ref())?;
    let report = engine.analyze(&text);
    let code = exit_code(&report.findings);
    let written = if json {
        #[derive(serde::Serialize)]
        struct Doc<'a> {
            findings: output::FindingsJson<'a>,
            unaccented: bool,
        }
        let doc = Doc {
            findings: output::FindingsJson::new(&text, &report.findings),
            unaccented: report.unaccented,
        };
        serde_json::to_writer(&mut out, &doc)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        output::human(&mut out, &name, &text, &report)
    };
    finish(written.and_then(|()| out.flush()), code)
}

fn exit_code(findings: &[cannhac_core::Finding]) -> u8 {
    u8::from(
        findings
            .iter()
            .any(|f| f.severity >= cannhac_core::Severity::Warning),
    )
}

/// What a `check --jsonl` input line must be, for error messages.
const JSONL_EXPECTED: &str = r#"a JSON object {"id": …, "text": "…"}"#;

/// One `check --jsonl` input line. Any JSON value is an id; the text is a string.
#[derive(serde::Deserialize)]
#[serde(expecting = "an object")]
struct JsonlIn {
    id: serde_json::Value,
    text: String,
}

/// `line` (one JSON text) with every `\uXXXX` escape of a lone surrogate (a high one not
/// followed by a low one, or a low one alone) replaced by `\uFFFD`, as a browser's
/// `TextEncoder` does with a JavaScript string: the text is then checked as the extension would
/// check it, and its UTF-16 offsets agree (one code unit each). serde_json refuses lone
/// surrogates, and a JavaScript caller can produce them. Borrows `line` when it has none.
fn lone_surrogates_replaced(line: &str) -> std::borrow::Cow<'_, str> {
    // The code unit of a `\uXXXX` escape at byte `i` (the backslash), if it is one.
    let unit = |i: usize| {
        let hex = line.get(i + 2..i + 6)?;
        (line.as_bytes().get(i + 1) == Some(&b'u') && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u16::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let surrogate = |u: u16| (0xD800..=0xDFFF).contains(&u);
    if !line.contains("\\u") {
        return std::borrow::Cow::Borrowed(line);
    }
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut copied) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(u) = unit(i).filter(|&u| surrogate(u)) else {
            // Another escape (`\\`, `\"`, a BMP `\u`): skip it whole.
            i += 2;
            continue;
        };
        let low_next = unit(i + 6).is_some_and(|n| (0xDC00..=0xDFFF).contains(&n));
        if u < 0xDC00 && low_next {
            i += 12; // a proper pair
            continue;
        }
        out.push_str(&line[copied..i]);
        out.push_str("\\uFFFD");
        i += 6;
        copied = i;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(line);
    }
    out.push_str(&line[copied..]);
    std::borrow::Cow::Owned(out)
}

fn check_jsonl(engine: &Engine, file: Option<&PathBuf>, out: &mut impl Write) -> Result<u8, Fail> {
    let reader: Box<dyn BufRead> = match file {
        Some(p) if p.as_os_str() != "-" => Box::new(std::io::BufReader::new(
            std::fs::File::open(p)
                .map_err(|e| Fail(format!("cannot read {}: {e}", p.display())))?,
        )),
        _ => Box::new(std::io::BufReader::new(std::io::stdin())),
    };
    let mut code = 0u8;
    let mut bad_lines = Vec::new();
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line?;
        let line = match std::str::from_utf8(&line) {
            Ok(l) => l,
            Err(e) => {
                bad_lines.push(format!(
                    "line {}: not valid UTF-8 at byte {} of the line",
                    n + 1,
                    e.valid_up_to()
                ));
                continue;
            }
        };
        // A byte-order mark at the start of the file is not part of the first line's JSON.
        let line = if n == 0 {
            line.trim_start_matches('\u{FEFF}')
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        let item = match jsonl_item(line) {
            Ok(i) => i,
            Err(why) => {
                bad_lines.push(format!("line {}{why}", n + 1));
                continue;
            }
        };
        let report = engine.analyze(&item.text);
        code = code.max(exit_code(&report.findings));
        // Fields serialise in declaration order: `{"id": …, "findings": […]}`, as the help
        // and the README show them.
        #[derive(serde::Serialize)]
        struct Line<'a> {
            id: &'a serde_json::Value,
            findings: output::FindingsJson<'a>,
        }
        let line = Line {
            id: &item.id,
            findings: output::FindingsJson::new(&item.text, &report.findings),
        };
        let written = serde_json::to_writer(&mut *out, &line)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out));
        if let Err(e) = written {
            return finish(Err(e), code);
        }
    }
    finish(out.flush(), code)?;
    match bad_lines.len() {
        0 => Ok(code),
        n => Err(Fail(format!(
            "{n} input line{} skipped (each line must be {JSONL_EXPECTED}):\n  {}",
            if n == 1 { "" } else { "s" },
            bad_lines.join("\n  ")
        ))),
    }
}

/// serde_json's syntax reason in plain words where it is jargon ("expected ident" is a bare word
/// such as `ab` where a value should be); other reasons unchanged.
fn plain_json_error(what: &str) -> &str {
    if what.starts_with("expected ident") {
        "a bare word where a value should be: text goes in double quotes"
    } else if what.starts_with("expected value") {
        "no value where one should be"
    } else if what.starts_with("EOF while parsing") {
        "the line ends before the JSON does"
    } else if what.starts_with("trailing characters") {
        "more text after the JSON object"
    } else if what.starts_with("key must be a string") {
        "a key that is not in double quotes"
    } else {
        what
    }
}

/// The post of one non-blank `check --jsonl` input line, or why it is not
/// [`JSONL_EXPECTED`], to follow its line number: `, column C: …` with serde's reason (without
/// serde's own line number: it counts lines inside the one JSON text, always 1), or `: an
/// array …`.
fn jsonl_item(line: &str) -> Result<JsonlIn, String> {
    // serde would read an array `["id", "text"]` as the object's fields in order.
    if line.trim_start().starts_with('[') {
        return Err(": an array, not an object".to_string());
    }
    serde_json::from_str(&lone_surrogates_replaced(line)).map_err(|e| {
        let what = e.to_string();
        let what = what.split(" at line ").next().unwrap_or_default();
        let why = match e.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                format!("not valid JSON ({})", plain_json_error(what))
            }
            _ => what.to_string(),
        };
        format!(", column {}: {why}", e.column())
    })
}
