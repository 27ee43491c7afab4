//! Finding URLs in post text, with or without a scheme.
//!
//! A candidate is either a run starting at `http://` / `https://` (any case), or a bare host
//! (`bit.ly/x`, `vnexpress.net/…`, `www.…`) whose last label is a real TLD of the public-suffix
//! list, so `v.v`, `1.5`, `a.m.` or `TP.HCM` are never links; a bare host with `@` in it is an
//! e-mail address and is skipped. Trailing punctuation (`.`, `,`, `)` without its `(`, quotes,
//! `…`) is not part of the URL.

use std::ops::Range;

/// A URL found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// UTF-8 byte range in the text, on char boundaries.
    pub span: Range<usize>,
    /// `true` when the text gave the scheme (`http://…`), `false` for a bare host.
    pub explicit: bool,
}

/// Characters that end a URL run besides white space.
fn is_stop(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '<' | '>'
                | '"'
                | '`'
                | '|'
                | '“'
                | '”'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '「'
                | '」'
                | '\u{200B}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{00AD}'
                | '\u{2060}'
                | '\u{FEFF}'
                // Full-width and CJK punctuation ends a URL like a space (the ideographic full
                // stop is not here: it can stand for a dot inside a look-alike host).
                | '，'
                | '、'
                | '；'
                | '！'
                | '？'
        )
}

/// Characters that may open a bare URL but are not part of it.
fn is_leading_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\'' | '‘' | '’' | ':' | ',' | ';' | '.' | '*' | '_' | '~'
    )
}

/// Characters trimmed from the end of a URL.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\'' | '’' | '‘' | '…' | '*' | '~'
    )
}

/// Every URL in `text`, in order. Linear in `text`; never panics.
///
/// A URL needs a `:` (after its scheme) or a `.` (in its host), so only the runs between stop
/// characters that hold one of the two are looked at: the scan jumps from one such byte to the
/// next and never decodes the characters of the other words.
pub(crate) fn find_urls(text: &str, is_tld: impl Fn(&str) -> bool) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut done = 0; // every run that ends before this byte offset has been looked at
    while let Some(p) = bytes
        .get(done..)
        .and_then(|rest| memchr::memchr2(b'.', b':', rest))
    {
        // `at` is an ASCII byte, so a char boundary; the run holding it starts after the last
        // stop character before it (or at `done`, which is a stop character or 0).
        let at = done + p;
        let (Some(before), Some(after)) = (text.get(done..at), text.get(at..)) else {
            break;
        };
        let s = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_stop(c))
            .map_or(done, |(j, c)| done + j + c.len_utf8());
        let e = after
            .char_indices()
            .find(|&(_, c)| is_stop(c))
            .map_or(text.len(), |(j, _)| at + j);
        in_parts(text, s, e, &is_tld, &mut out);
        if e <= done {
            break; // not reached: `e` is past `at`
        }
        done = e;
    }
    out
}

/// The URLs of the run `text[s..e]` (no white space inside), pushed to `out`: a markdown link
/// (`[vnexpress.net](http://vnexpresss.net/x)`) is cut at each `](` and its text and target
/// are looked at apart, so a trusted name shown in the text does not hide the target.
fn in_parts(text: &str, s: usize, e: usize, is_tld: &impl Fn(&str) -> bool, out: &mut Vec<Found>) {
    let mut from = s;
    let b = text.as_bytes();
    while let Some(cut) = b
        .get(from..e)
        .and_then(|r| memchr::memchr_iter(b']', r).find(|&k| r.get(k + 1) == Some(&b'(')))
    {
        out.extend(in_run(text, from, from + cut, is_tld));
        from += cut + 1;
    }
    out.extend(in_run(text, from, e, is_tld));
}

/// The URL in the run `text[s..e]` (no white space inside), if any.
fn in_run(text: &str, s: usize, e: usize, is_tld: &impl Fn(&str) -> bool) -> Option<Found> {
    let run = text.get(s..e)?;
    if let Some(p) = find_scheme(run) {
        let end = trim_end(run, p);
        // Something must follow the scheme.
        let rest = run.get(p..end)?;
        let after = rest.find("//").map_or(rest.len(), |i| i + 2);
        if end > p + after {
            return Some(Found {
                span: s + p..s + end,
                explicit: true,
            });
        }
        return None;
    }
    // Bare host: skip leading punctuation.
    let lead = run
        .char_indices()
        .find(|&(_, c)| !is_leading_punct(c))
        .map(|(i, _)| i)?;
    let body = run.get(lead..)?;
    // A bare candidate with an `@` before its path is an e-mail address (or a user@host trick
    // typed without scheme): not taken as a link here.
    let host_end = body.find(['/', '?', '#']).unwrap_or(body.len());
    let host_part = body.get(..host_end)?;
    if host_part.contains('@') {
        return None;
    }
    // "Link:bit.ly/x" → start after the colon unless what follows is a port.
    let (offset, host_port) = match host_part.rfind(':') {
        Some(c) if !host_part[c + 1..].bytes().all(|b| b.is_ascii_digit()) => {
            (c + 1, &host_part[c + 1..])
        }
        _ => (0, host_part),
    };
    // The host: letters, digits, `-`, `_` and dots; what follows it must be a port, a path or
    // the end of the candidate.
    let host_len = host_port
        .char_indices()
        .find(|&(_, c)| !(crate::text::is_letter_or_digit(c) || matches!(c, '-' | '_' | '.')))
        .map_or(host_port.len(), |(i, _)| i);
    let host = host_port.get(..host_len)?.trim_end_matches('.');
    if !is_bare_host(host, is_tld) {
        return None;
    }
    let cand_start = lead + offset;
    let tail = body.get(offset + host_len..)?;
    let end = if tail.starts_with(['/', '?', '#', ':']) {
        trim_end(run, cand_start).max(cand_start + host.len())
    } else {
        cand_start + host.len()
    };
    Some(Found {
        span: s + cand_start..s + end,
        explicit: false,
    })
}

/// Position of `http://` or `https://` (ASCII case-insensitive) in `run`.
fn find_scheme(run: &str) -> Option<usize> {
    let lower = run.as_bytes();
    (0..lower.len()).find(|&i| {
        let rest = &lower[i..];
        let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        (starts(b"http://") || starts(b"https://")) && run.is_char_boundary(i)
    })
}

/// The end of the URL that starts at `from` in `run`: the run's end, less trailing
/// punctuation (a `)` stays when the URL has an unmatched `(`).
fn trim_end(run: &str, from: usize) -> usize {
    let Some(url) = run.get(from..) else {
        return from;
    };
    let mut end = url.len();
    let opens = url.matches('(').count();
    let mut closes = url.matches(')').count();
    while let Some(c) = url[..end].chars().next_back() {
        if !is_trailing_punct(c) {
            break;
        }
        if c == ')' {
            if opens >= closes {
                break;
            }
            closes -= 1;
        }
        end -= c.len_utf8();
    }
    from + end
}

/// A bare host: at least two non-empty labels of letters, digits, `-`, `_`, and a last label
/// that is a real TLD (ASCII letters, or `xn--`).
fn is_bare_host(host: &str, is_tld: &impl Fn(&str) -> bool) -> bool {
    let Some((rest, tld)) = host.rsplit_once('.') else {
        return false;
    };
    if rest.is_empty() || rest.split('.').any(str::is_empty) || tld.len() < 2 || tld.len() > 63 {
        return false;
    }
    if !tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return false;
    }
    let lower = tld.to_ascii_lowercase();
    (lower.bytes().all(|b| b.is_ascii_alphabetic()) || lower.starts_with("xn--")) && is_tld(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tld(t: &str) -> bool {
        matches!(
            t,
            "net" | "vn" | "ly" | "com" | "org" | "xyz" | "bs" | "top"
        )
    }

    #[test]
    fn full_width_punctuation_and_invisibles_end_a_url() {
        assert_eq!(
            urls("Đọc https://vnexpresss.net/abc，rồi bình luận"),
            ["https://vnexpresss.net/abc"]
        );
        assert_eq!(
            urls("xem https://bit.ly/abc\u{200D}"),
            ["https://bit.ly/abc"]
        );
        assert_eq!(urls("tin https://a.vn/x、tin"), ["https://a.vn/x"]);
    }

    fn urls(text: &str) -> Vec<&str> {
        find_urls(text, tld)
            .into_iter()
            .map(|f| &text[f.span])
            .collect()
    }

    #[test]
    fn finds_urls_with_and_without_scheme() {
        assert_eq!(
            urls("Link đây mọi người: bit.ly/3xYzAbc"),
            ["bit.ly/3xYzAbc"]
        );
        assert_eq!(
            urls("Theo Báo Nhân Dân (https://nhandan.vn/thoi-su), Quốc hội"),
            ["https://nhandan.vn/thoi-su"]
        );
        assert_eq!(urls("xem www.vnexpress.net."), ["www.vnexpress.net"]);
        assert_eq!(
            urls("(vnexpress.net/a_(b)) và HTTP://X.COM/y!"),
            ["vnexpress.net/a_(b)", "HTTP://X.COM/y"]
        );
        assert_eq!(urls("Link:bit.ly/x"), ["bit.ly/x"]);
        assert_eq!(urls("vnexpress.net:8080/x, ok"), ["vnexpress.net:8080/x"]);
        assert_eq!(urls("“tuoitre.vn”"), ["tuoitre.vn"]);
        assert_eq!(urls("vnexpress.net👍"), ["vnexpress.net"]);
        // A markdown link: its text and its target apart.
        assert_eq!(
            urls("[https://vnexpress.net](http://vnexpresss.net/x)."),
            ["https://vnexpress.net", "http://vnexpresss.net/x"]
        );
        assert_eq!(
            urls("xem [đây](https://bit.ly/abc) nhé"),
            ["https://bit.ly/abc"]
        );
        assert_eq!(
            urls("[vnexpress.net](tuoitre.vn)"),
            ["vnexpress.net", "tuoitre.vn"]
        );
    }

    /// The scan before the `.`/`:` jump: every run between stop characters.
    fn find_urls_every_run(text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if is_stop(c) {
                if let Some(s) = start.take() {
                    in_parts(text, s, i, &tld, &mut out);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn jumping_scan_finds_what_every_run_scan_finds(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "http://", "HTTPS://", "https:", "//", "www.", "bit.ly", "/x", ".", ":", "..",
                ".net", ".vn", "vnexpress", "a", "Đà", "ở", "1.5", "@", "(", ")", " ", "  ",
                "\n", "\u{200B}", "“", "”", "👍", "…", "?", "#", "-", "_", "8080", ",", "'", "](", "[", "]",
            ]), 0..24)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(find_urls(&text, tld), find_urls_every_run(&text));
        }
    }

    #[test]
    fn skips_things_that_are_not_links() {
        assert!(urls("v.v và 1.5 triệu lúc 9 a.m. ở TP.HCM, Q.1").is_empty());
        assert!(urls("mail a.b@gmail.com nhé").is_empty());
        assert!(urls("ông.bà anh.chị http:// https://").is_empty());
    }
}
