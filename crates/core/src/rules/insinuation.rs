//! The unnamed person a veiled hint points at: "Một vị lãnh đạo hoà nhã trước mặt dân nhưng
//! sau lưng thì… ai hiểu thì hiểu". The hint ("ai hiểu thì hiểu", "đoán xem là ai", "you know
//! who") is phrase data (`data/insinuation.toml`); once a post holds one, the vague reference
//! to a person of standing it is about ("một vị sếp lớn", "có một vị lãnh đạo", "một người rất
//! quen thuộc") is part of the same insinuation and is underlined too. Without a hint such a
//! reference is everyday news writing ("một vị lãnh đạo cho biết") and gets nothing.
//! Source: duty 8 of the seed article ("không đưa thông tin một cách lập lờ để dẫn dắt dư
//! luận nhằm mục đích công kích cá nhân hoặc tổ chức").

use super::{
    add_uncovered, finding, group_finding, negation, phrase_list, spaced, spelled_any, spelled_at,
    tokens_in, Covered, Ctx,
};
use crate::engine::{key_matches, key_matches_any};
use crate::text::{Gap, Token};
use crate::{Category, Finding, Severity};

/// Vague references to a person (syllables as [`super::spelled_at`] reads them: accented syllables
/// match the same syllable or the same letters typed without diacritics). "một người" counts
/// only with a word that makes it someone known ("rất", "quen", "có", "mà").
const VAGUE_PERSONS: &[&str] = &[
    "một vị",
    "một ông",
    "một bà",
    "một đồng chí",
    "một sếp",
    "một lãnh đạo",
    "một cán bộ",
    "một quan chức",
    "một nhân vật",
    "một người rất",
    "một người quen",
    "một người có",
    "một người mà",
    "một người nào đó",
    "ai đó ở",
    "ai đó trong",
    // Central "nớ" (that); not "nọ", which opens folk tales ("Ngày xưa có ông nọ").
    "có ông nớ",
    "có bà nớ",
];

const VI: &str = "Nhắc tới một người mà không nêu tên, kèm lời gợi ý để người đọc tự đoán: đó là ám chỉ. Nếu có điều cần phản ánh, hãy nói rõ và gửi đúng nơi có thẩm quyền.";
const EN: &str = "An unnamed person, with a hint for readers to guess who: a veiled insinuation. If something needs reporting, say it plainly to the body that can act.";

/// Adds an `info` finding (`insinuation.vague_person`) over each vague reference to a person
/// in a text that already holds an insinuation hint, unless a finding of the category already
/// covers it. The span runs from the reference's first word through up to two words after it
/// in the same phrase (`một vị sếp lớn`).
/// Linear in the number of tokens.
pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let starts = FormStarts::new(ctx.tokens);
    declined_naming(ctx, out, &starts.negations);
    hint_forms(ctx, out);
    reader_naming(ctx, out);
    scare_quoted(ctx, out, &starts.persons);
    guilty_reader(ctx, out, &starts.someone);
    understood_me(ctx, out, &starts.understood);
    left_to_commenters(ctx, out, &starts.left);
    widen_to_whoever(ctx.tokens, out);
    own_anonymity(ctx.tokens, out);
    if !out.iter().any(|f| f.category == Category::Insinuation) {
        return;
    }
    let t = ctx.tokens;
    let covered = Covered::new(ctx.tokens, out, Category::Insinuation);
    let vague = |span| {
        finding(
            "insinuation.vague_person",
            Category::Insinuation,
            Severity::Info,
            span,
            VI,
            EN,
        )
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // Every reference starts with "một", "ai", "có" or a described person's first word.
        if !matches!(t[i].fold.as_str(), "mot" | "ai" | "co" | "nguoi" | "anh") {
            i += 1;
            continue;
        }
        let Some(n) = vague_persons()
            .at(t, i)
            .or_else(|| spelled_any(t, i, DESCRIBED_PERSONS))
        else {
            i += 1;
            continue;
        };
        let mut end = i + n - 1;
        if !spaced(t, i, end) {
            i += 1;
            continue;
        }
        // The title or description after it, up to two words: "một vị lãnh đạo", "một vị sếp
        // lớn".
        for _ in 0..2 {
            if t.get(end + 1).is_some_and(|x| x.gap == Gap::Space) {
                end += 1;
            }
        }
        let span = t[i].orig.start..t[end].orig.end;
        if !covered.overlaps(&span) {
            found.push(vague(span));
        }
        i = end + 1;
    }
    // A hint at the name: "tên có chữ Thuý", "tên bắt đầu bằng chữ H", "họ bắt đầu bằng T",
    // or a family name cut to its initial ("một người họ Tr. ở phòng kế toán"; alone it is a
    // quiz's or a family tree's, a breaker's cases).
    for k in 0..t.len() {
        if !matches!(t[k].fold.as_str(), "ten" | "ho") {
            continue;
        }
        let cut = t[k].fold == "ho" && surname_initial(ctx, k);
        let Some(n) = name_hints().at(t, k).or(cut.then_some(1)) else {
            continue;
        };
        let Some(name) = t
            .get(k + n)
            .filter(|x| x.capitalized && x.gap == Gap::Space)
        else {
            continue;
        };
        let span = t[k].orig.start..name.orig.end;
        if spaced(t, k, k + n) && !covered.overlaps(&span) {
            found.push(vague(span));
        }
    }
    out.append(&mut found);
}

/// Described people a hinting post may be about, underlined like [`VAGUE_PERSONS`] once the
/// post holds a hint ("Người đàn ông đeo kính, hay đi xe Camry đen … thôi không nói nữa").
/// Alone they are everyday news writing; they do not make a post point at someone.
const DESCRIBED_PERSONS: &[&str] = &["người đàn ông", "người phụ nữ", "người đàn bà", "anh chàng"];

/// Whether "họ" at token `h` is followed by the first letters of a family name cut short: a
/// capitalised token of one letter, or of a consonant cluster that opens Vietnamese names
/// ("Tr", "Ng", "Nh", "Th", "Ph", "Ch", "Kh", "Gi", "Qu"), then a full stop ("họ Tr.", "ho
/// N."). Not a whole name ("họ Trần"), nor a cousin ("anh họ Th.", "em họ N."). Also counts as a
/// person's initial for [`post_points`].
fn surname_initial(ctx: &Ctx<'_>, h: usize) -> bool {
    let t = ctx.tokens;
    let k = h + 1;
    let Some(x) = t.get(k) else {
        return false;
    };
    let kin = h > 0
        && key_matches_any(
            &t[h - 1],
            &[
                "anh", "chị", "em", "cô", "chú", "bác", "cháu", "con", "cậu", "dì", "ông", "bà",
            ],
        );
    if kin || t[h].marked && t[h].key != "họ" {
        return false;
    }
    let short = match x.key.chars().count() {
        1 => true,
        2 => matches!(
            x.fold.as_str(),
            "tr" | "ng" | "nh" | "th" | "ph" | "ch" | "kh" | "gi" | "qu"
        ),
        _ => false,
    };
    x.capitalized
        && short
        && x.gap == Gap::Space
        && ctx
            .text
            .get(x.orig.end..)
            .is_some_and(|r| r.starts_with('.') || r.starts_with('…'))
}

/// Hints at a name, before its capitalised letter or part (keyed syllables), read in a text
/// that already holds an insinuation hint ([`apply`]): "tên có chữ Thuý". Alone they are baby
/// names and class games ("ông bà muốn tên bắt đầu bằng chữ M").
const NAME_HINTS: &[&str] = &[
    "tên có chữ",
    "tên bắt đầu bằng chữ",
    "tên bắt đầu bằng",
    "họ bắt đầu bằng chữ",
    "họ bắt đầu bằng",
    "tên viết tắt là",
    "tên viết tắt",
];
phrase_list!(name_hints, NAME_HINTS);

/// Whether token `x` is a verb of knowing that a hint leaves to the reader: "hiểu", "biết",
/// "đoán", "nhận" (as "nhận ra"), or the teencode "bik", "bit", "bít", "hiu", "hỉu". Accented words match
/// by key: "đoàn" and "cùng" are not "đoán" and "cũng".
fn knows(x: &Token) -> bool {
    key_matches(x, "hiểu")
        || key_matches(x, "biết")
        || key_matches(x, "đoán")
        || key_matches(x, "nhận")
        || !x.marked && matches!(x.fold.as_str(), "bik" | "bit" | "hiu")
        || matches!(x.key.as_str(), "bít" | "hỉu")
}

/// Whether token `x` hedges or generalises the knowing ("chắc đoán ra", "cũng đoán được",
/// "nghe là biết", "thừa biết").
fn hedges(x: &Token) -> bool {
    key_matches(x, "chắc")
        || key_matches(x, "cũng")
        || key_matches(x, "đều")
        || key_matches(x, "thừa")
        || key_matches(x, "là")
}

/// The last token of a knowing that is about who, from the verb at `v`: guessing or
/// recognising ("đoán ra (rồi)", "đoán được", "nhận ra") ending its clause or followed by
/// "rồi", "ngay", "liền", "ha", "nhé", or any verb followed within four words by "ai" ("biết
/// ai rồi", "biết liền ổng là ai"). Not "biết ngay!", "hiểu nhé", "đoán ra được hướng".
fn knows_who(t: &[Token], v: usize) -> Option<usize> {
    // The clause ends at token `k`, or particles end it ("rồi", "ngay", "ha" …, up to two):
    // not "nhận ra ngay bức tranh".
    let ends = |k: usize| {
        (k..k + 3).any(|e| t.get(e).is_none_or(|x| x.gap != Gap::Space))
            && (k..k + 3)
                .take_while(|&e| t.get(e).is_some_and(|x| x.gap == Gap::Space))
                .all(|e| {
                    matches!(
                        t[e].fold.as_str(),
                        "roi" | "ngay" | "lien" | "ha" | "nhe" | "nha" | "thoi" | "ho"
                    )
                })
    };
    let guess = key_matches(&t[v], "đoán") || key_matches(&t[v], "nhận");
    if guess {
        let k = v + 1;
        if t.get(k)
            .is_some_and(|x| x.gap == Gap::Space && matches!(x.fold.as_str(), "ra" | "duoc"))
            && ends(k + 1)
        {
            return Some(k);
        }
    }
    (v + 1..(v + 5).min(t.len()))
        .take_while(|&j| t[j].gap == Gap::Space)
        .find(|&j| key_matches(&t[j], "ai"))
        .or_else(|| who_named(t, v))
}

/// Words that, with "nào" or the Central "mô" after them, ask which person ("ông nào", "nhà
/// nào", "bà mô").
const WHICH_PERSON: &[&str] = &[
    "ông", "bà", "người", "nhà", "thằng", "con", "đứa", "vị", "anh", "chị", "cô", "chú", "lão",
    "mụ", "tay", "sếp",
];

/// After the verb of knowing at `v`, within its sentence and at most eight words: "là" and a
/// person asked by which ("biết thừa là ông nào", "đoán được là nhà nào", "cũng biết là ông mô
/// rồi"), "là ai" after a described person ("biết 'cô giáo nhận phong bì' ấy là ai"), or the
/// writer's "nói ai" ("đọc là biết ngay mình nói ai"), each ending its clause: each names a
/// particular person, so the post points at someone. The last token, or `None`.
fn who_named(t: &[Token], v: usize) -> Option<usize> {
    let which = |j: usize| {
        key_matches_any(&t[j], WHICH_PERSON)
            && t.get(j + 1).is_some_and(|x| {
                x.gap == Gap::Space && (key_matches(x, "nào") || key_matches(x, "mô"))
            })
    };
    // The person asked ends its clause, with at most two particles after it: not "biết là nhà
    // nào có giỗ thì cả xóm sang giúp" (whichever house).
    let ends = |k: usize| {
        let mut e = k + 1;
        while e < k + 3
            && t.get(e).is_some_and(|x| {
                x.gap == Gap::Space
                    && matches!(
                        x.fold.as_str(),
                        "roi"
                            | "day"
                            | "do"
                            | "nhe"
                            | "nha"
                            | "ma"
                            | "thoi"
                            | "luon"
                            | "het"
                            | "ha"
                    )
            })
        {
            e += 1;
        }
        t.get(e).is_none_or(|x| x.gap != Gap::Space)
    };
    let window = v + 1..(v + 9).min(t.len());
    for j in window.take_while(|&j| t[j].gap != Gap::Hard) {
        let after_la = j > 0 && key_matches(&t[j - 1], "là") && t[j].gap == Gap::Space;
        // Or right after the verb: "ai ở Huế chắc biết ông nào".
        if (after_la || j == v + 1 && t[j].gap == Gap::Space) && which(j) && ends(j + 1) {
            return Some(j + 1);
        }
        if after_la && key_matches(&t[j], "ai") && j >= v + 2 && ends(j) {
            return Some(j);
        }
        let says = j > 0
            && t[j].gap == Gap::Space
            && key_matches(&t[j], "ai")
            && (key_matches(&t[j - 1], "nói") || key_matches(&t[j - 1], "nhắc"))
            && ends(j);
        if says {
            return Some(j);
        }
    }
    None
}

/// Hints written as a form rather than a fixed phrase, each an `info` finding unless the
/// category already covers it:
/// - the echo "ai V thì V" with at most one word after the first verb ("ai hiểu chuyện thì
///   hiểu", "ai bik thì bik"): the same verb of knowing on both sides of "thì";
/// - an audience that surely knows who ("là ai", "là ông nào", "'…' ấy là ai", "mình nói
///   ai"), in a post that points at someone (another finding, or an unnamed person: "có
///   người", "có một anh"): "ai", "cả" and a place, or a group of readers, with up to six
///   words saying which readers, a hedge ("chắc", "cũng", "là"), then knowing who ("Ai làm
///   cùng tòa nhà chắc đoán ra rồi", "ai ở cơ quan cũng đoán được", "ai có con học trường
///   này chắc biết ai rồi").
///
/// Source: duty 8 of the seed article (veiled insinuation). Linear in tokens.
fn hint_forms(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let know = |k: usize| t.get(k).is_some_and(knows);
    let mut spans = Vec::new();
    // Whether the post points at someone (by findings or an unnamed person of rank; by words
    // such as "có người ở"), computed once when an audience form is seen.
    let mut points: Option<(bool, bool)> = None;
    let mut i = 0;
    while i < t.len() {
        // A group of readers opens the audience form too ("các mẹ trong lớp chắc đoán được"),
        // not the echo.
        let ai = t[i].fold == "ai" && key_matches(&t[i], "ai");
        // "cả" and the place or body it gathers ("cả cơ quan", "cả trường", "cả huyện").
        // Typed without diacritics, "ca" is "cả" only among other unmarked words ("Ca sĩ" is
        // a singer).
        let whole = !ai
            && t[i].fold == "ca"
            && (t[i].key == "cả" || !t[i].marked && t.get(i + 1).is_some_and(|x| !x.marked))
            && t.get(i + 1)
                .is_some_and(|x| x.gap == Gap::Space && x.letters);
        let group = if ai {
            None
        } else if whole {
            Some(2)
        } else {
            audiences().at(t, i)
        };
        if !ai && group.is_none() {
            i += 1;
            continue;
        }
        // Where a group's verb may stand with no hedge before it: right after the group's
        // words ("mọi người biết ai"), or one word of the place later ("cả cơ quan biết").
        let direct = group.map(|n| i + n..=i + n + usize::from(whole));
        let found = audience_knows(t, i, direct);
        if group.is_some() && found.is_none() {
            i += 1;
            continue;
        }
        // The echo: ai V [word] thì V.
        let echo = (i + 1..=i + 2).find_map(|v| {
            let th = (v + 1..=v + 2).find(|&k| t.get(k).is_some_and(|x| key_matches(x, "thì")))?;
            // The same verb again (the same key, or the same letters without diacritics:
            // not "nhận nuôi thì nhắn"); "nhận" knows only as "nhận ra".
            let again = t.get(th + 1).is_some_and(|x| {
                x.key == t[v].key || !x.marked && !t[v].marked && x.fold == t[v].fold
            });
            (know(v) && !key_matches(&t[v], "nhận") && again && spaced(t, i, th + 1))
                .then_some(th + 1)
        });
        if let Some(end) = echo {
            spans.push(t[i].orig.start..t[end].orig.end);
            i = end + 1;
            continue;
        }
        if let Some(end) = found {
            // The form named a particular person itself ("biết thừa là ông nào").
            let named = (i..=end).any(|v| knows(&t[v]) && who_named(t, v) == Some(end));
            // Reasoning it out ("tự suy luận") is also what a lesson asks: only where the post
            // points at someone by a finding or an unnamed person of rank ("một vị lãnh đạo"),
            // not by "có một người", who walks through word problems too.
            let reasons = (i..=end).any(|k| key_matches(&t[k], "suy"));
            let points_at = *points.get_or_insert_with(|| post_points(ctx, out));
            let pointed = named || points_at.0 || !reasons && points_at.1;
            if pointed {
                spans.push(t[i].orig.start..t[end].orig.end);
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    add_uncovered(t, out, Category::Insinuation, spans, |s| {
        group_finding(ctx, "insinuation.veiled_target", Severity::Info, s)
    });
}

/// Whether the post points at someone: `.0` by a finding (`warning` or more, or an
/// insinuation) or an unnamed person of rank ([`VAGUE_PERSONS`]: "một vị lãnh đạo"); `.1` by
/// words ([`POINTED`]: "có người ở", "người đó") or a person's initial ("chị L.", "họ Tr."). Linear in
/// tokens; callers read it once.
fn post_points(ctx: &Ctx<'_>, out: &[Finding]) -> (bool, bool) {
    let t = ctx.tokens;
    let by_findings = pointed_by_findings(out);
    let by_rank = (0..t.len()).any(|k| vague_persons().at(t, k).is_some());
    let by_words = (0..t.len()).any(|k| {
        pointed().at(t, k).is_some()
            || initial(ctx, k)
            || t[k].fold == "ho" && surname_initial(ctx, k)
    });
    (by_findings || by_rank, by_words)
}

/// Whether a finding of `warning` or more, or an insinuation, is in `out`.
fn pointed_by_findings(out: &[Finding]) -> bool {
    out.iter()
        .any(|f| f.severity >= Severity::Warning || f.category == Category::Insinuation)
}

/// Asking readers to name someone the post does not, as a form (`insinuation.leading_others`,
/// `info`, where no finding of the category covers it): a call to write a name in the comments
/// ("comment", "cmt", "bình luận", "tag" and "tên") followed within five words of its clause by
/// a person the post holds in contempt or at a distance ([`MINDED_PERSON`]: "ông ấy", "ổng",
/// "hắn", "cô ta"): "vao tag ten ong ay vao day cho ong ay doc". Not "ghi tên người nhận" on a
/// form, a Valentine's "tag tên người ấy", a friends' "comment tên người bạn nghĩ tới", nor a
/// quiz's "đoán xem … nào": those words are everyday, and breakers found each in innocent posts
/// (the name in mind, "nghĩ tới", counts only in a post that points at someone by a finding).
/// In a post that points at someone by a finding (`warning` or more, or an insinuation; not
/// "người đó", "có một người mà …" or "Cô H.": lost wallets and reunions say them, a breaker's
/// cases), the call may also be to write the name
/// or tag "here" for readers to know or ask together: "tag vào đây cho mọi người cùng hỏi",
/// "comment tên cho mọi người cùng biết" ("cho", a group of [`AUDIENCES`], "cùng" or not, then
/// "biết", "hỏi", "rõ" or "xem").
///
/// Source: duty 8 of the seed article and its section II ("dẫn dụ người xem bình luận").
/// Linear in tokens.
fn reader_naming(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let mut points: Option<bool> = None;
    for i in 0..t.len() {
        if !matches!(t[i].fold.as_str(), "comment" | "cmt" | "binh" | "tag") {
            continue;
        }
        let Some(n) = spelled_any(t, i, &["comment", "cmt", "bình luận", "tag"]) else {
            continue;
        };
        // Up to three words of asking between ("cmt giúp mình cái tên").
        let mut nm = i + n;
        while nm < i + n + 3
            && t.get(nm).is_some_and(|x| {
                x.gap == Gap::Space
                    && key_matches_any(x, &["giúp", "giùm", "hộ", "mình", "tôi", "em", "cái"])
            })
        {
            nm += 1;
        }
        let named = t
            .get(nm)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "tên"));
        let here = spelled_any(t, i + n, &["vào đây", "vô đây", "ở đây"])
            .filter(|&h| spaced(t, i, i + n + h - 1));
        if !named && here.is_none() {
            continue;
        }
        let from = if named {
            nm + 1
        } else {
            i + n + here.unwrap_or(1)
        };
        let end = named
            .then(|| {
                (from..(from + 5).min(t.len()))
                    .take_while(|&k| t[k].gap == Gap::Space)
                    .find_map(|k| minded_person().at(t, k).map(|m| k + m - 1))
            })
            .flatten()
            .or_else(|| {
                // The name the readers have in mind ("comment tên người mà mọi người đang nghĩ
                // tới"), only in a post that already points at someone: alone it is a
                // friends' game.
                if !named || !*points.get_or_insert_with(|| pointed_by_findings(out)) {
                    return None;
                }
                // Or the person the post is about: "comment tên người đó ra giùm mình".
                (from..(from + 8).min(t.len()))
                    .take_while(|&k| t[k].gap == Gap::Space)
                    .find_map(|k| {
                        let minded = key_matches(&t[k], "nghĩ")
                            && t.get(k + 1).is_some_and(|x| {
                                x.gap == Gap::Space
                                    && (key_matches(x, "tới") || key_matches(x, "đến"))
                            });
                        // "người đó" anywhere; "cái tên đầy đủ", "tên thật" (the full name the
                        // post leaves out) right after "tên".
                        let that = spelled_any(t, k, &["người đó", "người ấy", "người này"])
                            .or_else(|| {
                                (k == from)
                                    .then(|| spelled_any(t, k, &["đầy đủ", "thật"]))
                                    .flatten()
                            });
                        if minded {
                            Some(k + 1)
                        } else {
                            that.map(|m| k + m - 1)
                        }
                    })
            })
            .or_else(|| {
                // "cho" + readers + ("cùng") + knowing or asking, right after.
                t.get(from)
                    .filter(|x| x.gap == Gap::Space && key_matches(x, "cho"))?;
                let a = audiences().at(t, from + 1)?;
                let mut v = from + 1 + a;
                if t.get(v).is_some_and(|x| key_matches(x, "cùng")) {
                    v += 1;
                }
                let x = t.get(v)?;
                let asks = key_matches(x, "biết")
                    || key_matches(x, "hỏi")
                    || key_matches(x, "rõ")
                    || key_matches(x, "xem");
                let pointed = *points.get_or_insert_with(|| pointed_by_findings(out));
                (asks && pointed).then_some(v)
            });
        if let Some(end) = end.filter(|&e| spaced(t, i, e)) {
            spans.push(t[i].orig.start..t[end].orig.end);
        }
    }
    add_uncovered(t, out, Category::Insinuation, spans, |s| {
        group_finding(ctx, "insinuation.leading_others", Severity::Info, s)
    });
}

/// Unnamed people whom quotation marks around them make someone the reader is meant to know
/// (irony): “ai đó”, 'đồng chí', for [`scare_quoted`] (keyed).
const SCARE_QUOTED: &[&str] = &[
    "ai đó",
    "ai kia",
    "người nào đó",
    "vị nào đó",
    "đồng chí",
    "lãnh đạo",
    "sếp",
    "mạnh thường quân",
    "nhà hảo tâm",
];
phrase_list!(scare_quoted_people, SCARE_QUOTED);

/// An unnamed person in quotation marks, as irony (`insinuation.veiled_target`, `info`, where no
/// finding of the category covers it): "Chúc mừng “ai đó” vừa được lên chức nhờ biết điều",
/// "Một 'đồng chí' họ N., làm to ở phường …". The marks must hug the words on both sides (“…”,
/// "…", '…', ‘…’), right after a word that addresses or counts the person ("mừng", "cảm ơn",
/// "gửi", "có", "một", "vị", "mấy", "những", "các"; before a title, also "ông", "bà", "anh",
/// "chị": 'Có vị "lãnh đạo" trường ta', "một chị 'mạnh thường quân'"). "đồng chí" counts only in lower case:
/// “Đồng chí” is also Chính Hữu's poem.
/// Source: duty 8 of the seed article (veiled insinuation). Linear in tokens.
fn scare_quoted(ctx: &Ctx<'_>, out: &mut Vec<Finding>, persons: &[usize]) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    // Fondness or thanks in the sentence of token `k` ('Ngài "sếp lớn" … vừa đặt pizza cho cả
    // tầng, yêu sếp quá'): no irony in the form after "vị" below (a breaker's cases; the
    // quoted "ai đó" above is ironic in thanks too: 'Cảm ơn "ai đó" đã báo công an').
    // Each sentence is read once (a sentence of a megabyte may hold thousands of candidates).
    let mut fond_in: Vec<Option<bool>> = Vec::new();
    let mut fond = |k: usize| {
        let (of, ranges) = ctx.sentences();
        fond_in.resize(ranges.len(), None);
        *fond_in[of[k]].get_or_insert_with(|| {
            ranges[of[k]]
                .clone()
                .any(|m| fond_words().at(t, m).is_some())
        })
    };
    for k in 0..t.len() {
        if !matches!(
            t[k].fold.as_str(),
            "ai" | "nguoi" | "vi" | "dong" | "lanh" | "sep" | "manh" | "nha"
        ) {
            continue;
        }
        let Some(n) = scare_quoted_people().at(t, k) else {
            continue;
        };
        let last = k + n - 1;
        let opens = ctx
            .text
            .get(..t[k].orig.start)
            .and_then(|r| r.chars().next_back())
            .is_some_and(|c| matches!(c, '“' | '"' | '\'' | '‘'));
        let closes = ctx
            .text
            .get(t[last].orig.end..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| matches!(c, '”' | '"' | '\'' | '’'));
        let poem = t[k].fold == "dong" && t[k].capitalized;
        // Right before the opening mark, a word that addresses or counts the person ("Chúc
        // mừng “ai đó”", "Một 'đồng chí'", "có 'ai đó'"), not one that names a word ("là",
        // "gọi", "như", "bài", "Đố vui:": lessons, songs and riddles, a breaker's cases).
        let addressed = k > 0
            && t[k].gap != Gap::Hard
            && (matches!(
                t[k - 1].key.as_str(),
                "mừng" | "ơn" | "gửi" | "có" | "một" | "vị" | "mấy" | "những" | "các"
            ) || !matches!(t[k].fold.as_str(), "ai" | "nguoi" | "vi" | "dong")
                && matches!(t[k - 1].key.as_str(), "ông" | "bà" | "anh" | "chị"));
        if opens && closes && !poem && addressed && spaced(t, k, last) {
            spans.push(t[k].orig.start..t[last].orig.end);
        }
    }
    // "vị" or "ngài" (a person of standing) before a quoted title or virtue, then a
    // demonstrative or where they work: 'Có vị "cán bộ gương mẫu" nọ', "cái vị 'thanh liêm'
    // kia", "vị 'quan to' nào", 'Vài vị "thanh liêm" ở ban bồi thường'. Not a taste ("gia vị
    // 'quan trọng'", "có vị 'cấp cao'"), nor fond praise ('vị "chị đại" của phòng kế toán',
    // 'vị "thủ trưởng" của gia đình mình'): a breaker's cases.
    for &k in persons {
        let person = key_matches(&t[k], "vị") || key_matches(&t[k], "ngài");
        if !person
            || t[k + 1..].is_empty()
            || k > 0 && key_matches_any(&t[k - 1], &["gia", "đơn", "hương", "mùi", "đậm", "khẩu"])
        {
            continue;
        }
        let q = k + 1;
        // The gap holds the opening mark and spaces only (an apostrophe is no gap of its own).
        let opens = t[q].gap != Gap::Hard
            && ctx
                .text
                .get(t[k].orig.end..t[q].orig.start)
                .is_some_and(|g| matches!(g.trim(), "“" | "\"" | "'" | "‘" | "«"));
        if !opens {
            continue;
        }
        // The quoted words: a title, a virtue, or a title then a virtue, and nothing else.
        let title = ironic_titles().at(t, q).unwrap_or(0);
        let virtue = ironic_virtues().at(t, q + title).unwrap_or(0);
        if title + virtue == 0 {
            continue;
        }
        let j = q + title + virtue - 1;
        let mark = ctx
            .text
            .get(t[j].orig.end..)
            .and_then(|r| r.trim_start().chars().next())
            .filter(|c| matches!(c, '”' | '"' | '\'' | '’' | '»'));
        let Some(mark) = mark else {
            continue;
        };
        // After it, a demonstrative ("nọ", "kia", "nào", "đó") or "ở" and a body ("ở huyện").
        let after = j + 1;
        let pointed = t.get(after).is_some_and(|x| {
            key_matches_any(x, &["nọ", "kia", "nào", "đó"])
                || key_matches(x, "ở")
                    && t.get(after + 1).is_some_and(|b| {
                        key_matches_any(
                            b,
                            &[
                                "ban",
                                "huyện",
                                "xã",
                                "phường",
                                "sở",
                                "phòng",
                                "tỉnh",
                                "cơ",
                                "quận",
                                "bộ",
                                "thành",
                                "khoa",
                                "viện",
                            ],
                        )
                    })
        });
        if pointed && spaced(t, q, j) && !fond(k) {
            let end = t[j].orig.end
                + ctx
                    .text
                    .get(t[j].orig.end..)
                    .and_then(|r| r.find(mark))
                    .map_or(0, |p| p + mark.len_utf8());
            spans.push(t[k].orig.start..end);
        }
    }
    add_uncovered(t, out, Category::Insinuation, spans, |s| {
        group_finding(ctx, "insinuation.veiled_target", Severity::Info, s)
    });
}

/// Words of fondness or thanks (keyed) that make a quoted title after "vị" sincere, for
/// [`scare_quoted`].
const FOND_WORDS: &[&str] = &[
    "cảm ơn",
    "yêu",
    "chúc mừng",
    "mời",
    "tri ân",
    "thương",
    "quý",
    "biết ơn",
    "kính",
    "tự hào",
    "nể",
    "nhớ ơn",
    "tiễn biệt",
    "đỉnh",
    "cổ tích",
    "truyện",
];
phrase_list!(fond_words, FOND_WORDS);

/// Titles that quotation marks after "vị" make ironic, for [`scare_quoted`] (keyed): 'vị
/// "cán bộ gương mẫu"', "vị 'quan to'". Not the fond "đại ca", "thủ trưởng", "anh cả" ('Cảm ơn
/// vị "đại ca" ở phòng IT'; a breaker's cases).
const IRONIC_TITLES: &[&str] = &[
    "cán bộ",
    "quan chức",
    "quan",
    "lãnh đạo",
    "sếp",
    "đầy tớ",
    "đồng chí",
];
phrase_list!(ironic_titles, IRONIC_TITLES);

/// Virtues that quotation marks after "vị" (and a title or not) make ironic, for
/// [`scare_quoted`] (keyed): 'vị "thanh liêm"', 'vị "cán bộ gương mẫu"', "vị 'quan to'".
const IRONIC_VIRTUES: &[&str] = &[
    "thanh liêm",
    "liêm khiết",
    "liêm chính",
    "gương mẫu",
    "mẫu mực",
    "công tâm",
    "trong sạch",
    "tận tuỵ",
    "tận tâm",
    "đạo đức",
    "tài giỏi",
    "tài năng",
    "vì dân",
    "có tâm",
    "to",
    "lớn",
];
phrase_list!(ironic_virtues, IRONIC_VIRTUES);

/// A person held in contempt or at a distance, after "tên" in [`reader_naming`] (keyed
/// syllables); not "người ấy" (a sweetheart).
const MINDED_PERSON: &[&str] = &[
    "ông ấy",
    "ổng",
    "bả",
    "bà ấy",
    "ông ta",
    "bà ta",
    "cô ta",
    "anh ta",
    "chị ta",
    "ông đó",
    "bà đó",
    "hắn",
    "thằng đó",
    "con đó",
    "lão",
    "mụ",
    "vị đó",
    "vị ấy",
];
phrase_list!(minded_person, MINDED_PERSON);

/// Groups of readers that open the audience form like "ai" (keyed syllables).
const AUDIENCES: &[&str] = &[
    "các mẹ",
    "các bạn",
    "mấy bạn",
    "mn",
    "cả nhà",
    "chị em",
    "mọi người",
    "các bác",
    "anh em",
    "ae",
    "các chị",
    "cả lớp",
    "cả phòng",
    "cả xóm",
    "người trong cuộc",
    "người ta",
    "ng ta",
];

phrase_list!(audiences, AUDIENCES);
phrase_list!(vague_persons, VAGUE_PERSONS);

/// The audience form from token `i` ("ai" or a group of [`AUDIENCES`]): up to eight words in
/// its sentence, a hedge ([`hedges`]) or "thì", then knowing who ([`knows_who`]); after "ai …
/// thì", also a verb of knowing (or "rõ") that ends its clause, with particles ("ai ngồi phòng
/// đó thì biết", "ai ở gần thì rõ"). `direct` is `Some` for a group (not "ai"): a group must
/// know who ("chắc đoán được", "nghe là biết đang nhắc ai"; "mọi người chắc biết rồi" is
/// everyday), and its verb of knowing may also stand with no hedge at a token of `direct`
/// ("cả cơ quan biết là ai"). After "tự" ("ae tự biết là ai", "các bác tự suy luận nhé"), a
/// verb of knowing that ends its clause is enough. A negation inside ends the form ("không ai
/// biết"). The last token of the form, or `None`.
fn audience_knows(
    t: &[Token],
    i: usize,
    direct: Option<std::ops::RangeInclusive<usize>>,
) -> Option<usize> {
    let group = direct.is_some();
    let know = |k: usize| t.get(k).is_some_and(|x| knows(x) || key_matches(x, "rõ"));
    // Nobody knowing is no hint: "cả cơ quan không ai biết là ai".
    let negated = |k: usize| t[k].gap == Gap::Space && negation(&t[k]);
    (i + 1..(i + 9).min(t.len()))
        .take_while(|&k| t[k].gap != Gap::Hard && !negated(k))
        .find_map(|m| {
            // A group's verb right after its words, when who follows ("cả cơ quan biết là
            // ai", "cả xóm biết thừa là ông nào").
            if direct.as_ref().is_some_and(|d| d.contains(&m)) && knows(&t[m]) {
                if let Some(end) = knows_who(t, m) {
                    return Some(end);
                }
            }
            // "thì", "tự" and the hedges ([`hedges`]) fold to words starting with `t`, `c`, `d`
            // or `l`: any other word stops the form here without a comparison.
            if !matches!(
                t[m].fold.as_bytes().first(),
                Some(b't' | b'c' | b'd' | b'l')
            ) {
                return None;
            }
            let then = key_matches(&t[m], "thì");
            // Knowing by oneself ("ae tự biết là ai", "các bác tự đoán nhé").
            let selfish = key_matches(&t[m], "tự");
            if !(hedges(&t[m]) || selfish || then && !group) {
                return None;
            }
            let v = m + 1;
            // "ai … thì nhìn cái nhà ba tầng mới xây ở đầu cầu là hiểu": after "ai … thì", a
            // look ("nhìn", "xem", "coi") at something, then "là" and knowing that ends the
            // clause.
            if then && !group {
                if let Some(end) = looked_then_knows(t, v) {
                    return Some(end);
                }
            }
            // Reasoning it out oneself: "các bác tự suy luận nhé", "tự suy ra".
            let reasons = selfish
                && t.get(v).is_some_and(|x| key_matches(x, "suy"))
                && t.get(v + 1).is_some_and(|x| {
                    x.gap == Gap::Space && (key_matches(x, "luận") || key_matches(x, "ra"))
                });
            if !((know(v) || reasons) && t[v].gap == Gap::Space) {
                return None;
            }
            let who = if reasons { None } else { knows_who(t, v) };
            who.or_else(|| {
                // "… thì biết (rồi đấy)", "… tự hiểu nhé": the clause ends after the verb
                // and its particles.
                if !(then || selfish) {
                    return None;
                }
                clause_end(t, v + usize::from(reasons), |f| {
                    matches!(
                        f,
                        "roi" | "thoi" | "day" | "do" | "nhe" | "nha" | "ma" | "ngay"
                    )
                })
            })
        })
}

/// The last token of a clause that ends after token `e` and the particles after it (folded
/// words for which `particle` holds: "rồi", "nhé" …), or `None` when another word goes on.
fn clause_end(t: &[Token], mut e: usize, particle: impl Fn(&str) -> bool) -> Option<usize> {
    while t
        .get(e + 1)
        .is_some_and(|x| x.gap == Gap::Space && particle(x.fold.as_str()))
    {
        e += 1;
    }
    t.get(e + 1)
        .is_none_or(|x| x.gap != Gap::Space)
        .then_some(e)
}

/// Where the forms of this session may start, found in one pass over the tokens by their
/// folded word (most words start none): negations for [`declined_naming`], "ai"/"có" for
/// [`guilty_reader`], "hiểu" for [`understood_me`], "để"/"nhường" for [`left_to_commenters`].
/// Token indices, in order.
struct FormStarts {
    negations: Vec<usize>,
    someone: Vec<usize>,
    understood: Vec<usize>,
    left: Vec<usize>,
    /// "vị", "ngài" (folded) for [`scare_quoted`].
    persons: Vec<usize>,
}

impl FormStarts {
    fn new(t: &[Token]) -> Self {
        let mut s = FormStarts {
            negations: Vec::new(),
            someone: Vec::new(),
            understood: Vec::new(),
            left: Vec::new(),
            persons: Vec::new(),
        };
        for (i, x) in t.iter().enumerate() {
            match x.fold.as_str() {
                "khong" | "chang" | "cha" | "chua" | "ko" | "k" | "hong" | "khoi" | "kg"
                | "hok" => s.negations.push(i),
                "ai" | "co" => s.someone.push(i),
                "hieu" => s.understood.push(i),
                "de" | "nhuong" => s.left.push(i),
                "vi" | "ngai" => s.persons.push(i),
                _ => {}
            }
        }
        s
    }
}

/// Verbs of pointing someone out by name, after a negation in [`declined_naming`] (keyed
/// syllables, longer before their prefixes). "nêu tên", "nói tên", "nhắc tên" are
/// [`NAMING_PLAIN`]: one's own name, a spoiler, a crush and a suggestion box leave names out
/// too (a breaker's cases).
const NAMING: &[&str] = &[
    "chỉ mặt đặt tên",
    "chỉ mặt điểm tên",
    "chỉ đích danh",
    "nêu đích danh",
    "gọi đích danh",
    "nói đích danh",
    "điểm mặt",
];
phrase_list!(naming, NAMING);

/// Verbs of naming that leave out a name for many reasons ("không nêu tên": a donor, a
/// patient, one's own name, a quiz), read by [`declined_naming`] only in a post that already
/// points at someone ([`post_points`]). Keyed, longer before their prefixes.
const NAMING_PLAIN: &[&str] = &[
    "nêu rõ tên",
    "nói rõ tên",
    "nói thẳng tên",
    "nêu tên",
    "nói tên",
    "nhắc tên",
    "gọi tên",
    "nêu danh",
];
phrase_list!(naming_plain, NAMING_PLAIN);

/// The writer, before a declined naming ("t k chỉ đích danh đâu", "mình không nêu tên"),
/// keyed.
const WRITER: &[&str] = &[
    "tôi", "mình", "tui", "tao", "t", "em", "mk", "mik", "tớ", "ta", "con", "cháu",
];

/// Whether token `x` is the writer ([`WRITER`]).
fn is_writer(x: &Token) -> bool {
    key_matches_any(x, WRITER)
}

/// Someone the post is about, for a plain declined naming ([`declined_naming`]): "có người
/// vừa lên chức", "có đứa trong nhóm", "phòng mình có một người", "cái bà ở tổ 4" (keyed).
const SOMEONE: &[&str] = &[
    "có người",
    "có ng",
    "có đứa",
    "có thằng",
    "có ông",
    "có bà",
    "có vị",
    "một số người",
    "một người",
    "mấy người",
    "mấy ng",
    "người này",
    "người kia",
    "cái bà",
    "cái ông",
    "cái thằng",
    "một cô",
    "một thầy",
    "một ông",
    "một bà",
    "một anh",
    "một chị",
];
phrase_list!(someone, SOMEONE);

/// Whether the post is about someone for a plain declined naming: [`post_points`], a word of
/// [`SOMEONE`], a hint at a name ([`NAME_HINTS`]: "tên có chữ Thuý"), or "ai" and a verb of
/// knowing within eight words of each other in a sentence
/// ("ai đọc cũng biết là ai rồi", "biết là ai đã ém hồ sơ"). Linear in tokens.
fn about_someone(ctx: &Ctx<'_>, out: &[Finding]) -> bool {
    let t = ctx.tokens;
    let (a, b) = post_points(ctx, out);
    let knowing = |x: &Token| knows(x) || !x.marked && x.fold == "bt" || key_matches(x, "rõ");
    a || b
        || (0..t.len()).any(|k| {
            someone().at(t, k).is_some()
                || name_hints().at(t, k).is_some()
                || key_matches(&t[k], "ai") && {
                    let near = |j: usize| knowing(&t[j]);
                    (k + 1..(k + 9).min(t.len()))
                        .take_while(|&j| t[j].gap != Gap::Hard)
                        .any(near)
                        || (k.saturating_sub(5)..k)
                            .rev()
                            .take_while(|&j| t[j + 1].gap != Gap::Hard)
                            .any(near)
                }
        })
}

/// Words of thanks, giving or praise: a post that holds one and leaves someone unnamed keeps a
/// giver, a helper or a pupil anonymous ("Một nhà hảo tâm xin không nêu tên đã ủng hộ", "mình
/// không nêu tên đâu, chỉ muốn cảm ơn bạn", "cô xin phép không nhắc tên vì bạn ngại, nhưng cô
/// tự hào lắm"), keyed.
const THANKS: &[&str] = &[
    "cảm ơn",
    "cám ơn",
    "biết ơn",
    "tri ân",
    "hảo tâm",
    "ủng hộ",
    "quyên góp",
    "từ thiện",
    "giấu tên",
    "tự hào",
    "khen",
    "tuyên dương",
    "ngưỡng mộ",
    "tiến bộ",
];
phrase_list!(thanks, THANKS);

/// The writer declining to point someone out, as a form (`insinuation.veiled_target`, `info`,
/// where no finding of the category covers it): a negation ("không", "k", "chẳng", "hổng",
/// "chưa", "khỏi"), up to two words of will ("cần", "tiện", "muốn", "dám", "thèm", "phải"),
/// a verb of pointing out ([`NAMING`]: "chỉ đích danh", "chỉ mặt đặt tên"), then the clause
/// ends (after "ai", "đâu", "nhé", "cụ thể" …, or at "nhưng", "vì", "kẻo"): "t k chỉ đích danh
/// đâu", "xin phép không chỉ mặt đặt tên", "ko cần chỉ đích danh ai"; with a plain verb of
/// naming ([`NAMING_PLAIN`]: "không nêu tên", "xin phép không nhắc tên") only in a post about
/// someone ([`about_someone`]: a finding, an unnamed person, "có người", "ai … biết"). The
/// negation opens its
/// clause or follows the writer ([`WRITER`], "xin phép", "thôi", "chứ"): not "Bạn ấy không
/// nêu tên"; nor in a post of thanks, giving or praise ([`THANKS`]: "nhà hảo tâm xin không nêu
/// tên").
/// Source: duty 8 of the seed article (veiled insinuation). Linear in tokens.
fn declined_naming(ctx: &Ctx<'_>, out: &mut Vec<Finding>, starts: &[usize]) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let mut thanked: Option<bool> = None;
    let mut points: Option<bool> = None;
    for &i in starts {
        let neg = negation(&t[i])
            || key_matches(&t[i], "hổng")
            || key_matches(&t[i], "khỏi")
            || !t[i].marked && matches!(t[i].fold.as_str(), "kg" | "hok");
        if !neg {
            continue;
        }
        let mut k = i + 1;
        let mut need = false;
        while k < i + 3
            && t.get(k).is_some_and(|x| {
                x.gap == Gap::Space
                    && key_matches_any(x, &["cần", "tiện", "muốn", "dám", "thèm", "phải", "nên"])
            })
        {
            need |= key_matches(&t[k], "cần");
            k += 1;
        }
        // The writer after the will: "k cần t nhắc tên", "không cần tôi nói tên".
        if k > i + 1
            && t.get(k)
                .is_some_and(|x| x.gap == Gap::Space && is_writer(x))
        {
            k += 1;
        }
        let plain = naming().at(t, k).is_none();
        let Some(n) = naming().at(t, k).or_else(|| naming_plain().at(t, k)) else {
            continue;
        };
        if !spaced(t, i, k + n - 1) {
            continue;
        }
        // Who declines: the negation opens its clause, or follows the writer, "xin phép",
        // "thôi", "nên", "cũng".
        let writer = |j: usize| is_writer(&t[j]);
        // An emoji or other symbol before it ends the clause before as a comma does ("chắc lương
        // cao lắm nhỉ 🙂 không nêu tên nha").
        let symbol_before = i > 0
            && ctx
                .text
                .get(t[i - 1].orig.end..t[i].orig.start)
                .is_some_and(|g| g.chars().any(|c| !c.is_whitespace()));
        let opens = i == 0
            || t[i].gap != Gap::Space
            || symbol_before
            || writer(i - 1)
                && (i == 1
                    || t[i - 1].gap != Gap::Space
                    || !t[i - 2].letters
                    || key_matches(&t[i - 2], "thì")
                    || key_matches(&t[i - 2], "thôi"))
            || key_matches(&t[i - 1], "phép") && i >= 2 && key_matches(&t[i - 2], "xin")
            || key_matches_any(
                &t[i - 1],
                &["thôi", "nên", "cũng", "đây", "xin", "chứ", "nhưng", "mà"],
            );
        if !opens {
            continue;
        }
        // The clause ends after the verb and its particles, or a conjunction goes on.
        let mut e = k + n - 1;
        while e < k + n + 2
            && t.get(e + 1).is_some_and(|x| {
                x.gap == Gap::Space
                    && key_matches_any(
                        x,
                        &[
                            "ai", "đâu", "nhé", "nha", "nhá", "ạ", "ra", "cả", "hết", "luôn",
                            "nữa", "thôi", "chi",
                        ],
                    )
            })
        {
            e += 1;
        }
        if let Some(m) = spelled_any(t, e + 1, &["cụ thể", "làm gì", "làm chi", "mần chi"])
        {
            e += m;
        }
        let ends = t.get(e + 1).is_none_or(|x| {
            x.gap != Gap::Space
                || key_matches_any(x, &["nhưng", "nhg", "mà", "vì", "kẻo", "chứ", "sợ", "nhé"])
        });
        // "không cần nêu (rõ) tên" alone tells readers they may stay anonymous (a suggestion
        // box); the writer's own "no need" says "đâu" or "ai", or follows the writer.
        let particle = (k + n..=e).any(|j| key_matches(&t[j], "đâu") || key_matches(&t[j], "ai"));
        // A strong verb after "không cần" alone tells readers they may stay anonymous.
        let by_writer = i > 0 && writer(i - 1);
        let anonymous_ok = need && !plain && !particle && !by_writer;
        if !ends || anonymous_ok {
            continue;
        }
        if *thanked.get_or_insert_with(|| thanks().any_in(t, 0..t.len())) {
            return;
        }
        // A shop or a dish left unnamed in a review ("Quán này ngon lắm, mình không nêu tên đâu
        // kẻo bị bảo PR"); typed as written (without diacritics "quan" is "quan", an official).
        let shop = (i.saturating_sub(8)..i)
            .rev()
            .take_while(|&j| t[j + 1].gap != Gap::Hard)
            .any(|j| {
                // One word, as typed (a key of one syllable: the two-word names are below).
                ["quán", "shop", "hãng", "món", "app"]
                    .iter()
                    .any(|w| t[j].key == *w)
                    || spelled_any(
                        t,
                        j,
                        &[
                            "cửa hàng",
                            "nhà hàng",
                            "sản phẩm",
                            "thương hiệu",
                            "khách sạn",
                        ],
                    )
                    .is_some()
                        && t[j].marked
            });
        if plain && (shop || !*points.get_or_insert_with(|| about_someone(ctx, out))) {
            continue;
        }
        spans.push(t[i].orig.start..t[e].orig.end);
    }
    add_uncovered(t, out, Category::Insinuation, spans, |s| {
        group_finding(ctx, "insinuation.veiled_target", Severity::Info, s)
    });
}

/// Guilt that gives the target away, for [`guilty_reader`] (keyed syllables).
const GUILT: &[&str] = &["nhột", "chột dạ", "nóng mặt", "nóng gáy"];
phrase_list!(guilt, GUILT);

/// Whoever reads and feels guilty is the one meant, as a form (`insinuation.veiled_target`,
/// `info`, where no finding of the category covers it): "ai" (or "có người"), then within twelve
/// words of its sentence reading ("đọc") and a word of guilt ([`GUILT`]: "nhột", "chột dạ",
/// "nóng mặt"), with "người đó/ấy" between, "ai đó" as the opener, "chính là (bạn)" after, or
/// in a post that already points at someone ([`post_points`]): "ai đang đọc mà nhột ruột thì chính là người đó", "viết
/// cho ai thì người đó đọc là thấy nóng mặt", "Ai đó đang đọc bài này chắc nóng mặt lắm". Not anger everyone shares ("ai đọc cũng nóng mặt", "… nóng mặt
/// như tôi"), hot weather or spicy food (no reading), a baby tickled (a breaker's cases).
/// Source: duty 8 of the seed article (veiled insinuation). Linear in tokens (each opener
/// reads at most twelve words).
fn guilty_reader(ctx: &Ctx<'_>, out: &mut Vec<Finding>, starts: &[usize]) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let mut points: Option<bool> = None;
    for &i in starts {
        // By the folded word first: most words are neither.
        if !matches!(t[i].fold.as_str(), "ai" | "co") {
            continue;
        }
        let opener = key_matches(&t[i], "ai") || spelled_any(t, i, &["có người"]).is_some();
        if !opener {
            continue;
        }
        let window = (i + 1..(i + 13).min(t.len())).take_while(|&k| t[k].gap != Gap::Hard);
        // Reading may come first: "đọc tới đây chắc có người đang nóng mặt rồi".
        let read_before = (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&k| t[k + 1].gap != Gap::Hard)
            .any(|k| key_matches(&t[k], "đọc") || !t[k].marked && t[k].fold == "doc");
        let (mut read, mut that_one, mut everyone) = (read_before, false, false);
        let mut found = None;
        for k in window {
            read |= key_matches(&t[k], "đọc") || !t[k].marked && t[k].fold == "doc";
            that_one |= spelled_any(t, k, &["người đó", "người ấy", "người đấy"]).is_some();
            everyone |= key_matches(&t[k], "cũng");
            if let Some(n) = guilt().at(t, k) {
                found = Some(k + n - 1);
                break;
            }
        }
        let Some(end) = found else {
            continue;
        };
        let shared = (end + 1..(end + 4).min(t.len()))
            .take_while(|&k| t[k].gap == Gap::Space)
            .any(|k| key_matches_any(&t[k], &["như", "giống", "cùng"]));
        if !read || everyone || shared {
            continue;
        }
        // "ai đó": someone in particular reads it (not "có người đọc tin nhắn mà không rep …
        // nóng mặt", everyday annoyance).
        let particular = t[i].fold == "ai" && t.get(i + 1).is_some_and(|x| key_matches(x, "đó"));
        // The reader told it is them: "… mà chột dạ thì chính là bạn đấy", "… thì là người đó".
        let told = (end + 1..(end + 4).min(t.len()))
            .take_while(|&k| t[k].gap != Gap::Hard)
            .any(|k| spelled_any(t, k, &["chính là", "là bạn", "là người đó"]).is_some());
        let pointed = that_one
            || particular
            || told
            || *points.get_or_insert_with(|| {
                let (a, b) = post_points(ctx, out);
                a || b
            });
        if pointed {
            spans.push(t[i].orig.start..t[end].orig.end);
        }
    }
    add_uncovered(t, out, Category::Insinuation, spans, |s| {
        group_finding(ctx, "insinuation.veiled_target", Severity::Info, s)
    });
}

/// Readers a post leaves the answer to, after "để" or "nhường" (keyed, longer first).
const COMMENTERS: &[&str] = &[
    "các anh chị",
    "các bác",
    "anh chị",
    "các bạn",
    "mọi người",
    "bà con",
    "anh em",
    "mn",
    "ae",
];
phrase_list!(commenters, COMMENTERS);

/// Leaving to the comments what the writer will not say, as a form
/// (`insinuation.leading_others`, `info`, where no finding of the category covers it): "để" or
/// "nhường" (and "cho"), readers ([`COMMENTERS`]), then within four words the comments
/// ("comment", "cmt", "bình luận", "group"), and "(tự) nói/kể/trả lời (hộ/giùm)" if they
/// follow: "để các bạn trong comment nói hộ", "để các bác trong group tự nói hộ", "câu trả
/// lời xin nhường cho các anh chị dưới phần bình luận". Only in a post where the writer keeps
/// it back ("mình không nói đâu", "không tiện kể", "không dám nói"),
/// is "just asking" ("chỉ hỏi thôi", "chỉ đặt câu hỏi") or already points at someone
/// ([`pointed_by_findings`]): alone it is a question left to those who know ("để mọi người
/// trong comment trả lời giúp nhé"). Source: duty 8 of the seed article and its section II
/// ("dẫn dụ người xem bình luận"). Linear in tokens.
fn left_to_commenters(ctx: &Ctx<'_>, out: &mut Vec<Finding>, starts: &[usize]) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    for &i in starts {
        if !matches!(t[i].fold.as_str(), "de" | "nhuong")
            || !(key_matches(&t[i], "để") || key_matches(&t[i], "nhường"))
        {
            continue;
        }
        let mut k = i + 1;
        if t.get(k)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "cho"))
        {
            k += 1;
        }
        let Some(a) = commenters().at(t, k) else {
            continue;
        };
        let Some(c) = (k + a..(k + a + 4).min(t.len()))
            .take_while(|&j| t[j].gap == Gap::Space)
            .find_map(|j| {
                spelled_any(t, j, &["comment", "cmt", "bình luận", "group"]).map(|m| j + m - 1)
            })
        else {
            continue;
        };
        let mut end = c;
        // "tự nói hộ": the readers by themselves.
        let c = if t
            .get(c + 1)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "tự"))
        {
            c + 1
        } else {
            c
        };
        if t.get(c + 1)
            .is_some_and(|x| x.gap == Gap::Space && key_matches_any(x, &["nói", "kể", "trả lời"]))
        {
            end = c + 1 + usize::from(spelled_at(t, c + 1, "trả lời"));
            if t.get(end + 1)
                .is_some_and(|x| x.gap == Gap::Space && key_matches_any(x, &["hộ", "giùm", "giúp"]))
            {
                end += 1;
            }
        }
        if spaced(t, i, end) {
            spans.push(t[i].orig.start..t[end].orig.end);
        }
    }
    if spans.is_empty() {
        return;
    }
    // The writer keeps it back on purpose ("mình không nói đâu", "không tiện kể") or is "just
    // asking"; not "mình không kể được vì không nhớ đường", "không bình luận vì không rành"
    // (a breaker's cases).
    let declined = (0..t.len()).any(|k| {
        negation(&t[k])
            && k > 0
            && is_writer(&t[k - 1])
            && t.get(k + 1)
                .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "nói"))
            && t.get(k + 2)
                .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "đâu"))
            || spelled_any(
                t,
                k,
                &[
                    "không tiện nói",
                    "không tiện kể",
                    "không dám nói",
                    "chỉ hỏi thôi",
                    "chỉ đặt câu hỏi",
                ],
            )
            .is_some()
    });
    if !(declined || pointed_by_findings(out)) {
        return;
    }
    add_uncovered(t, out, Category::Insinuation, spans, |s| {
        group_finding(ctx, "insinuation.leading_others", Severity::Info, s)
    });
}

/// Drops "không tiện nói/nêu" ([`negation`] teencode too: "k tiện nói") when what is kept
/// back is the writer's own name in a question for help: the writer ([`is_writer`]) opening
/// its clause right before it, "tên" right after it, then a particle or the clause's end ("Cho
/// em hỏi, em k tiện nói tên đâu"), in a post that asks ("cho em hỏi", "xin hỏi").
/// "Mình không tiện nói tên người đó" names someone else's name, and "Trưởng phòng mình không
/// tiện nói tên đâu" has another subject: both stay. Linear in tokens.
fn own_anonymity(t: &[Token], out: &mut Vec<Finding>) {
    let withheld = |f: &Finding| {
        let r = tokens_in(t, &f.span);
        r.len() == 3
            && r.start > 0
            && is_writer(&t[r.start - 1])
            && t[r.start].gap == Gap::Space
            && (r.start == 1 || t[r.start - 1].gap != Gap::Space)
            && negation(&t[r.start])
            && key_matches(&t[r.start + 1], "tiện")
            && t.get(r.end)
                .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "tên"))
            && t.get(r.end + 1).is_none_or(|x| {
                x.gap != Gap::Space || key_matches_any(x, &["đâu", "nhé", "nha", "ạ", "ha"])
            })
    };
    if !out
        .iter()
        .any(|f| f.category == Category::Insinuation && withheld(f))
    {
        return;
    }
    let asks = (0..t.len()).any(|k| {
        key_matches(&t[k], "hỏi")
            && k > 0
            && t[k].gap == Gap::Space
            && (key_matches(&t[k - 1], "xin")
                || k > 1
                    && key_matches(&t[k - 2], "cho")
                    && t[k - 1].gap == Gap::Space
                    && is_writer(&t[k - 1]))
    });
    if asks {
        out.retain(|f| !(f.category == Category::Insinuation && withheld(f)));
    }
}

/// "Did you get what I mean?" in a post that already points at someone
/// ([`pointed_by_findings`]), as a form (`insinuation.veiled_target`, `info`): "hiểu ý" and the
/// writer ([`WRITER`]) ending its clause, with a question particle or not ("mọi người hiểu ý
/// mình chứ", "hiểu ý tui hông"). Alone it ends an explanation ("Mai họp lúc 8h, mọi người hiểu
/// ý mình chứ?"). Source: duty 8 of the seed article. Linear in tokens.
fn understood_me(ctx: &Ctx<'_>, out: &mut Vec<Finding>, starts: &[usize]) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    for &i in starts {
        if t[i].fold != "hieu" || t[i].marked && !key_matches(&t[i], "hiểu") {
            continue;
        }
        let me = i + 2;
        let said = t
            .get(i + 1)
            .is_some_and(|x| x.gap == Gap::Space && key_matches(x, "ý"))
            && t.get(me)
                .is_some_and(|x| x.gap == Gap::Space && is_writer(x));
        if !said {
            continue;
        }
        let mut e = me;
        if t.get(e + 1).is_some_and(|x| {
            x.gap == Gap::Space
                && key_matches_any(
                    x,
                    &[
                        "chứ", "chưa", "không", "hông", "ko", "k", "nhé", "nha", "hả", "ha", "hem",
                    ],
                )
        }) {
            e += 1;
        }
        if t.get(e + 1).is_none_or(|x| x.gap != Gap::Space) {
            let from = (i.saturating_sub(3)..i)
                .find(|&a| audiences().at(t, a).is_some_and(|n| a + n == i) && spaced(t, a, i))
                .unwrap_or(i);
            spans.push(t[from].orig.start..t[e].orig.end);
        }
    }
    if spans.is_empty() || !pointed_by_findings(out) {
        return;
    }
    add_uncovered(t, out, Category::Insinuation, spans, |s| {
        group_finding(ctx, "insinuation.veiled_target", Severity::Info, s)
    });
}

/// Widens an insinuation finding that starts right after "thì" to the "ai …" that opens its
/// correlative clause, within twelve words and its sentence ("ai đang ngồi ghế to nhất xã này
/// thì tự soi gương đi"): the description of whoever is meant is the hint's first half.
/// Findings are only made longer, never added. Linear in findings times twelve.
fn widen_to_whoever(t: &[Token], out: &mut [Finding]) {
    for f in out
        .iter_mut()
        .filter(|f| f.category == Category::Insinuation)
    {
        let r = tokens_in(t, &f.span);
        let s = r.start;
        if r.is_empty() || s == 0 || t[s].gap != Gap::Space || !key_matches(&t[s - 1], "thì") {
            continue;
        }
        let th = s - 1;
        let ai = (th.saturating_sub(12)..th)
            .rev()
            .take_while(|&k| t[k + 1].gap != Gap::Hard)
            .find(|&k| key_matches(&t[k], "ai"));
        if let Some(a) = ai.filter(|&a| (a + 1..=th).all(|k| t[k].gap != Gap::Hard)) {
            f.span.start = t[a].orig.start;
        }
    }
}

/// After "ai … thì", a look at something that tells who, from token `v`: "nhìn", "xem" or
/// "coi" (not "nghe": "thì nghe thầy giảng một buổi là hiểu"), up to ten words of what is looked at, "là", then a verb of knowing (or "rõ")
/// that ends its clause, with particles ("thì nhìn cái nhà ba tầng mới xây ở đầu cầu là hiểu",
/// "thì xem cái xe mới của bả là rõ"). The last token, or `None`.
fn looked_then_knows(t: &[Token], v: usize) -> Option<usize> {
    let look = t.get(v).filter(|x| x.gap == Gap::Space)?;
    if !key_matches_any(look, &["nhìn", "xem", "coi"]) {
        return None;
    }
    let la = (v + 1..(v + 12).min(t.len()))
        .take_while(|&k| t[k].gap == Gap::Space)
        .find(|&k| key_matches(&t[k], "là"))?;
    let k = la + 1;
    let x = t.get(k).filter(|x| x.gap == Gap::Space)?;
    if !(knows(x) || key_matches(x, "rõ")) {
        return None;
    }
    clause_end(t, k, |f| {
        matches!(
            f,
            "roi" | "thoi" | "day" | "do" | "nhe" | "nha" | "ma" | "ngay" | "lien" | "het"
        )
    })
}

/// Whether token `k` is a person's initial: one capital letter and a full stop, within three
/// words of a title or a capitalised word that does not open the text ("ông Phó phòng H.",
/// "Đồng chí T.", "chị L.").
fn initial(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = ctx.tokens;
    let x = &t[k];
    let titled = |j: usize| {
        t[j].capitalized && j > 0
            || matches!(
                t[j].fold.as_str(),
                "ong" | "ba" | "anh" | "chi" | "chu" | "co"
            )
    };
    x.capitalized
        && x.key.chars().count() == 1
        && ctx
            .text
            .get(x.orig.end..)
            .is_some_and(|r| r.starts_with('.'))
        && k > 0
        && x.gap == Gap::Space
        && (k.saturating_sub(3)..k).any(titled)
}

phrase_list!(pointed, POINTED);

/// An unnamed person a post points at ("có người ở phường mình", "có một anh ngồi phòng to
/// nhất", "người ấy"), for the audience form of [`hint_forms`]; not "nhà mình có người già".
const POINTED: &[&str] = &[
    "có người ở",
    "có người trong",
    "có người làm",
    "có người bên",
    "có một anh",
    "có một chị",
    "có một ông",
    "có một bà",
    "có một người",
    "có một vị",
    "có 1 anh",
    "có 1 chị",
    "có người muốn",
    "có mấy ông",
    "có mấy bà",
    "người ấy",
    "người đó",
    "ông ấy",
    "bà ấy",
    // Someone known by where they sit: "Người ngồi phòng có cái máy lạnh to nhất tầng 3".
    "người ngồi phòng",
    "người ngồi ghế",
    "ông ngồi ghế",
    "bà ngồi ghế",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The word lists are written as the text is keyed (tone on the main vowel), or a word
    /// typed either way would never match.
    #[test]
    fn lists_are_keyed() {
        super::super::assert_keyed(&[
            VAGUE_PERSONS,
            POINTED,
            AUDIENCES,
            WHICH_PERSON,
            MINDED_PERSON,
            NAME_HINTS,
            SCARE_QUOTED,
            IRONIC_TITLES,
            IRONIC_VIRTUES,
            FOND_WORDS,
            NAMING,
            NAMING_PLAIN,
            WRITER,
            SOMEONE,
            COMMENTERS,
            THANKS,
            GUILT,
            DESCRIBED_PERSONS,
        ]);
    }
}
