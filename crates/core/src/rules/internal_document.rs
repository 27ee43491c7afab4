//! Internal-document structure: number lines (`Số: 125/BC-UBND`, `công văn số 2345/UBND-NC`),
//! the addressee and filing lines (`Kính gửi:`, `Nơi nhận:`, `Lưu: VT`). Their format is that
//! of Nghị định 30/2020/NĐ-CP on administrative documents. Citing a public act by its number
//! (`Nghị định 13/2023/NĐ-CP`, `Quyết định 874/QĐ-BTTTT`, a law) is not a finding.
//! When a text carries two or more such parts, or a classification mark, they are raised to
//! `high`: the post is most likely a copy of a whole internal document.

use super::{
    add_uncovered, finding, group_finding, phrase_list, spaced, spelled_any, spelled_at,
    spelled_before, tokens_in, Covered, Ctx, StartIndex,
};
use crate::text::{Gap, Token};
use crate::{Category, Finding, Severity};
use std::ops::Range;

const NUMBER_VI: &str = "Số hiệu văn bản hành chính: bài viết có vẻ chép lại một văn bản của cơ quan. Văn bản chưa công bố thì không đưa lên mạng (bổn phận 8).";
const NUMBER_EN: &str = "An administrative document number: the post seems to copy an official document. Unpublished documents stay off the internet (duty 8).";
const FRAME_VI: &str = "Phần khung của văn bản hành chính (kính gửi, nơi nhận, lưu văn thư): bài viết có vẻ chép nguyên một văn bản của cơ quan.";
const FRAME_EN: &str = "Part of an administrative document's frame (addressee, recipients, filing line): the post seems to copy an official document.";

/// Kinds of public legal acts: a number with one of these is a citation, not a leak.
const PUBLIC_ACT_CODES: &[&str] = &[
    "nđ-cp",
    "qđ-ttg",
    "nq-cp",
    "ct-ttg",
    "l-ctn",
    "qh",
    "nq-ubtvqh",
    "tt-",
    "ttlt-",
    "nq/tw",
    "ct/tw",
    "qđ/tw",
    "qđi/tw",
    "kl/tw",
    "hd/tw",
    "qđ-btttt",
    "nd-cp",
    "qd-ttg",
];
/// Words before a number that make it a public act's citation.
const PUBLIC_ACT_WORDS: &[&str] = &[
    "nghị định",
    "thông tư",
    "luật",
    "nghị quyết",
    "quyết định",
    "chỉ thị",
    "pháp lệnh",
    "hiến pháp",
    "bộ luật",
];
/// Document kinds whose numbered copies are internal (báo cáo, tờ trình …).
const DOC_WORDS: &[&str] = &[
    "công văn",
    "tờ trình",
    "thông báo",
    "báo cáo",
    "kế hoạch",
    "biên bản",
    "giấy mời",
    "công điện",
    "văn bản",
    "cv",
    "tb",
    "tt",
    "kết luận",
    // The same typed without diacritics.
    "cong van",
    "to trinh",
    "thong bao",
    "bao cao",
    "ke hoach",
    "bien ban",
    "giay moi",
    "cong dien",
    "van ban",
    "ket luan",
];

/// Adds this category's code-rule findings to `out`.
pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let norm = &ctx.norm.text;
    let mut parts = 0usize;
    let mut early: Option<bool> = None;
    let codes = doc_codes(norm);
    for m in codes.iter().cloned() {
        let code = &norm[m.clone()];
        // `125/bc-ubnd` → `bc-ubnd`; a party document's `12-bc/đu` → `bc/đu`.
        let kind = match (code.find('-'), code.find('/')) {
            (Some(d), Some(sl)) if d < sl => code[d + 1..].to_string(),
            _ => code.split('/').skip(1).collect::<Vec<_>>().join("/"),
        };
        if !kind.chars().any(|c| c.is_alphabetic())
            || PUBLIC_ACT_CODES.iter().any(|p| kind.contains(p))
        {
            continue;
        }
        let before = norm[..m.start].trim_end_matches([' ', '\t']);
        let before = before
            .strip_suffix(':')
            .unwrap_or(before)
            .trim_end_matches([' ', '\t']);
        // "Số:", or "So:" typed without diacritics.
        let (before, has_so) = match before.strip_suffix("số") {
            Some(b) => (b, true),
            None if ends_with_word(before, "so") => (&before[..before.len() - 2], true),
            None => (before, false),
        };
        // At the start of a line, or quoted from one ("dòng đầu ghi 'Số: 215/SNV-TCBC'"), or
        // after the colon of a label that says it copies a paper ("Ảnh chụp bảng tin công ty:
        // Số: 77/QĐ-CT …": [`copy_label`]), or after a mark that opens the line ("MẬT – Số:
        // 09/KH-BCĐ").
        // Or "Số:" with its own colon after any label's colon, in a post that says the paper
        // is not out yet or to be kept quiet ([`passed_on_early`]): the paper's number line
        // pasted after what the writer calls it ("Nguồn tin riêng từ sở: Số: 09/TB-SGDĐT …,
        // chưa ban hành đâu"); not good news of a signed decision ("Tin vui cho phụ huynh: Số:
        // 123/QĐ-UBND … đã được ký rồi nhé").
        let own_colon = has_so
            && norm[before.len()..m.start].contains(':')
            && *early.get_or_insert_with(|| passed_on_early(ctx.tokens));
        let line_start = {
            let b = before.trim_end_matches([' ', '\t']);
            b.is_empty()
                || b.ends_with('\n')
                || (ends_with_quote(b)
                    || b.ends_with(':') && (own_colon || copy_label(line_tail(b))))
                    && has_issuer(code)
                || marks_only(line_tail(b))
        };
        let before = before.trim_end();
        let doc_word = DOC_WORDS.iter().find(|w| ends_with_word(before, w));
        if PUBLIC_ACT_WORDS.iter().any(|w| ends_with_word(before, w)) {
            continue;
        }
        let start = match (doc_word, has_so, line_start) {
            (Some(w), _, _) => before.len() - w.len(),
            (None, true, true) => {
                let rest = &norm[before.len()..m.start];
                before.len() + rest.find("số").or_else(|| rest.find("so")).unwrap_or(0)
            }
            _ => continue,
        };
        parts += 1;
        let span = ctx.norm.orig_range(start..m.end);
        out.push(finding(
            "internal_document.number",
            Category::InternalDocument,
            Severity::Warning,
            span,
            NUMBER_VI,
            NUMBER_EN,
        ));
    }
    for r in frame_lines(norm).into_iter().chain(filing_lines(norm)) {
        parts += 1;
        let span = ctx.norm.orig_range(r);
        out.push(finding(
            "internal_document.frame",
            Category::InternalDocument,
            Severity::Warning,
            span,
            FRAME_VI,
            FRAME_EN,
        ));
    }
    unpublished(ctx, out);
    leaked_drafts(ctx, out);
    drop_public_drafts(ctx, out);
    let coded = codes.iter().any(|m| has_issuer(&norm[m.clone()]));
    drop_lone_marks(ctx, parts, coded, out);
    urgent_copies(ctx, out);
    captured_papers(ctx, out);
    field_values(ctx, out);
    // A copied number line or frame of a paper the post says is public ("… đã đăng công khai
    // trên trang của huyện", "đã đăng trên website trường") is a public notice.
    if out.iter().any(|f| {
        matches!(
            f.rule_id.as_str(),
            "internal_document.number" | "internal_document.frame"
        )
    }) && public_sign(ctx.tokens)
    {
        out.retain(|f| {
            !matches!(
                f.rule_id.as_str(),
                "internal_document.number" | "internal_document.frame"
            )
        });
    }
    drop_quoted_marks(ctx, out);
    drop_work_titles(ctx, out);
    drop_rules_about_marks(ctx, out);
    drop_withheld(ctx, out);
    drop_explained_urgency(ctx, out);
    exam_papers(ctx, out);
    loose_qualifiers(ctx, out);
    drop_public_act_drafts(ctx, out);
    company_secrets(ctx, out);
    let classified = out
        .iter()
        .any(|f| f.category == Category::InternalDocument && f.severity == Severity::High);
    let skeleton_parts = parts
        + out
            .iter()
            .filter(|f| f.rule_id == "internal_document.document_skeleton")
            .count();
    if skeleton_parts >= 2 || classified {
        for f in out
            .iter_mut()
            .filter(|f| f.category == Category::InternalDocument)
        {
            f.severity = Severity::High;
        }
    }
}

/// What a rule says a kind of paper must or must not be (keyed syllables), right after the
/// kind: "văn bản mật phải giữ kín", "tài liệu tuyệt mật, tối mật không được sao chụp".
const RULE_MODALS: &[&str] = &[
    "phải",
    "không được",
    "ko được",
    "k được",
    "cấm",
    "nghiêm cấm",
    "chỉ được",
    "cần được",
    "cần phải",
    "tuyệt đối không",
    "không được phép",
];

phrase_list!(rule_modals, RULE_MODALS);

/// Words of a post that passes a paper on (keyed syllables): "nhưng mình vẫn đăng", "em chụp
/// được", "ai cần inbox". Not after a negation ("không chụp ảnh, không gửi qua Zalo" is the
/// rule itself).
const LEAK_CUES: &[&str] = &[
    "forward",
    "chụp vội",
    "chụp trộm",
    "chụp lén",
    "nhưng",
    "vẫn",
    "chụp được",
    "chụp dc",
    "chụp đc",
    "bản chụp",
    "ảnh chụp",
    "chụp lại",
    "mình chụp",
    "em chụp",
    "tôi chụp",
    "đăng lên",
    "đăng cho",
    "đăng luôn",
    "cứ đăng",
    "share",
    "gửi",
    "inbox",
    "ib",
    "đây",
    "nói nhỏ",
    "up",
    "pm",
    "link",
    "drive",
    "cmt",
    "comment",
    "post",
    "tải",
    "scan",
    "mail",
    "xem full",
    "leak",
    "tuồn",
    "giữ lại",
    "phát tán đó",
    "mà",
    "kệ",
    "nhắn",
    "đính kèm",
    "dưới",
    "tóm tắt",
    "ai cần",
    "ai muốn",
    "xin được",
    "nhưg",
    "để ở",
    "ghi lại",
    "được phát",
    "đọc đi",
    "đọc xong",
    "đọc rồi",
    "có bản",
    "bản đầy đủ",
    "cho cả nhà",
    "xoá",
];

phrase_list!(leak_cues, LEAK_CUES);

/// Words of a text that teaches or states rules (keyed syllables): a training, a lecture, a
/// handbook ("Lớp tập huấn an toàn thông tin", "Quy định công ty", "Hướng dẫn bảo mật cho nhân
/// viên mới"). A mark in a rule is dropped only in such a text.
const RULE_CONTEXT: &[&str] = &[
    "tập huấn",
    "bài giảng",
    "bài học",
    "môn",
    "lớp",
    "quy định",
    "quy chế",
    "nội quy",
    "nguyên tắc",
    "hướng dẫn",
    "chuyên đề",
    "bảo vệ bí mật nhà nước",
    "quy tắc ứng xử",
    "lưu ý",
    "nhân viên mới",
    "theo luật",
    "luật bảo vệ",
    "cán bộ phải nhớ",
    // A reminder to colleagues ("Bí mật nhà nước không được đăng lên mạng, anh em nhớ nhé": a
    // new user's high false alarm).
    "nhớ nhé",
    "nhớ nha",
    "nhớ giùm",
    "nhắc nhở",
    "nhắc lại",
    "cảnh báo",
];

phrase_list!(rule_context, RULE_CONTEXT);

/// What a rule keeps a paper from (keyed syllables), after [`RULE_MODALS`]: "phải giữ kín",
/// "không được sao chụp", "cấm mang ra ngoài". Not "phải triển khai", "chỉ được phổ biến đến
/// cấp trưởng phòng" (an order about the content).
const KEPT_FROM: &[&str] = &[
    "giữ kín",
    "giữ bí mật",
    "bảo mật",
    "bảo quản",
    "quản lý",
    "cất",
    "lưu giữ",
    "sao chụp",
    "sao chép",
    "chụp",
    "photo",
    "mang",
    "đưa",
    "phát tán",
    "chia sẻ",
    "tiết lộ",
    "forward",
    "gửi",
    "share",
    "đăng",
    "để lộ",
    "vào sổ",
];

phrase_list!(kept_from, KEPT_FROM);

/// Drops classification marks written in a rule about such papers in general, which
/// trainings, lectures and company handbooks state every day: "Lớp tập huấn: văn bản mật phải
/// giữ kín", "tài liệu gắn nhãn tuyệt mật thì không được chia sẻ", and an "internal only" phrase
/// that is itself the rule's consequence after "thì" ("file có dấu confidential thì không được
/// chia sẻ ra ngoài"). A mark counts as such when it is not in capitals (a stamp pasted from a
/// paper is), nothing points at one paper right after it ("này", "đó", "của …", "số …"), and
/// a modal ([`RULE_MODALS`]) follows (after other marks listed) within two words (`thì`,
/// `đều`, `luôn` …) in the same clause and says what the paper is kept from ([`KEPT_FROM`],
/// within two words: not "phải công khai", "phải triển khai"), in a text of at most two
/// sentences that states rules ([`RULE_CONTEXT`]). Only when
/// the text holds no other internal-document finding (a copied frame or number line is a paper
/// whatever the sentence says), no cue of passing a paper on ([`LEAK_CUES`]), no colon after
/// the mark (a list or a paper follows) and no question mark after it in its sentence.
fn drop_rules_about_marks(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let is_mark = |f: &Finding| {
        matches!(
            f.rule_id.as_str(),
            "internal_document.classification" | "internal_document.internal_only"
        )
    };
    if !out.iter().any(is_mark)
        || out
            .iter()
            .any(|f| f.category == Category::InternalDocument && !is_mark(f))
    {
        return;
    }
    // A text that passes a paper on anyway ("… nhưng mình vẫn đăng", "em chụp được đây", a
    // list after a colon) states no rule, whatever its first words say.
    // A rule is stated in a sentence or two, with one around it; a longer post tells more than
    // the rule.
    let (sentence_of, ranges) = ctx.sentences();
    if passes_on(ctx) || ranges.len() > 3 || !rule_context().any_in(t, 0..t.len()) {
        return;
    }
    // A colon anywhere after the mark (a list or a paper follows), or a question mark before
    // its sentence's end ("Tài liệu mật phải không các bác?"): byte positions, found once.
    let last_colon = ctx.text.rfind(':');
    let questions: Vec<usize> = ctx.text.match_indices('?').map(|(i, _)| i).collect();
    let general = |f: &Finding| {
        let r = tokens_in(t, &f.span);
        if r.is_empty() || t[r.clone()].iter().any(|x| x.upper && x.letters) {
            return false;
        }
        let sentence_end = t[ranges[sentence_of[r.start]].end - 1].orig.end;
        let q = questions.partition_point(|&i| i < f.span.end);
        if last_colon.is_some_and(|c| c > f.span.end)
            || questions.get(q).is_some_and(|&i| i <= sentence_end)
        {
            return false;
        }
        // The mark is what a rule forbids passing on: "không dùng Zalo cá nhân để gửi văn bản
        // mật"; or what a rule or a training protects: "các quy định về bảo vệ tài liệu mật",
        // "công tác quản lý văn bản mật".
        if forbidden_before(t, r.start)
            || r.start >= 2
                && t[r.start].gap == Gap::Space
                && t[r.start - 1].gap == Gap::Space
                && ["bảo vệ", "quản lý", "quy định về", "lưu trữ"]
                    .iter()
                    .any(|w| spelled_before(t, r.start, w))
        {
            return true;
        }
        if f.rule_id == "internal_document.internal_only" {
            // The phrase is the rule's consequence: "… thì không được chia sẻ ra ngoài" (or
            // follows a mark of the rule: see below); not "Danh sách này thì …".
            return r.start > 1
                && t[r.start - 1].key == "thì"
                && t[r.start].gap == Gap::Space
                && !matches!(t[r.start - 2].key.as_str(), "này" | "đó" | "kia" | "ấy");
        }
        // Other marks listed after it: "tài liệu tuyệt mật, tối mật và mật".
        let mut end = r.end;
        while t.get(end).is_some_and(|n| {
            n.gap != Gap::Hard
                && matches!(n.fold.as_str(), "toi" | "tuyet" | "mat" | "va" | "hoac")
                && (!n.marked || matches!(n.key.as_str(), "tối" | "tuyệt" | "mật" | "và" | "hoặc"))
        }) {
            end += 1;
        }
        if t.get(end).is_some_and(|n| {
            n.gap == Gap::Space
                && matches!(n.key.as_str(), "này" | "đó" | "kia" | "ấy" | "của" | "số")
        }) {
            return false;
        }
        // A rule keeps the paper in ("phải giữ kín", "không được sao chụp", "phải được cất"),
        // not "phải công khai", "phải triển khai".
        let keeps = |k: usize| {
            rule_modals().at(t, k).is_some_and(|n| {
                (k + n..(k + n + 2).min(t.len())).any(|j| kept_from().at(t, j).is_some())
            })
        };
        (end..(end + 3).min(t.len()))
            .take_while(|&k| t[k].gap == Gap::Space)
            .take_while(|&k| {
                k == end || matches!(t[k - 1].key.as_str(), "thì" | "đều" | "luôn" | "cũng")
            })
            .any(keeps)
            // Or the condition of the rule goes on to "thì" and the modal, within twelve words
            // in the sentence: "văn bản có đóng dấu Mật hay ghi “Lưu hành nội bộ” thì tuyệt
            // đối không chụp ảnh".
            || (end..(end + 12).min(t.len()))
                .take_while(|&k| t[k].gap != Gap::Hard)
                .any(|k| t[k].key == "thì" && keeps(k + 1))
    };
    // Each mark asked once. The tokens where the general classification marks end: an
    // "internal only" phrase starting within three tokens after one is that rule's modal
    // ("tài liệu tối mật không được sao chụp").
    let is_general: Vec<bool> = out.iter().map(|f| is_mark(f) && general(f)).collect();
    let mut general_end = vec![false; t.len() + 1];
    for (f, _) in out
        .iter()
        .zip(&is_general)
        .filter(|(f, &g)| g && f.rule_id == "internal_document.classification")
    {
        general_end[tokens_in(t, &f.span).end] = true;
    }
    let mut general = is_general.into_iter();
    out.retain(|f| {
        let general = general.next().unwrap_or(false);
        let after_general = f.rule_id == "internal_document.internal_only"
            && tokens_in(t, &f.span).next().is_some_and(|s| {
                (s.saturating_sub(3)..=s)
                    .any(|e| general_end[e] && t[e..=s].iter().all(|x| x.gap != Gap::Hard))
            });
        !is_mark(f) || !(after_general || general)
    });
}

/// Drops a mark in sentence case quoted as written on a paper or as its stamp
/// ([`crate::engine::quoted_on_paper`]: "đóng dấu “Mật”", "có ghi 'Mật'") unless the text
/// passes something on ([`passes_on`]) or asks for secrecy ([`SECRECY`]): a lesson on how to
/// stamp papers, a question about what the stamp means or a child's game name the mark
/// without holding a paper. Not when another internal-document finding names the paper, nor
/// in a sentence about a state body ([`AGENCY`]).
fn drop_quoted_marks(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let quoted = |f: &Finding| {
        let r = tokens_in(t, &f.span);
        f.category == Category::InternalDocument
            && !r.is_empty()
            && t[r.clone()].iter().all(|x| !x.upper)
            && crate::engine::quoted_on_paper(ctx.text, t, r.start, r.end - 1)
    };
    // Another paper named outside quotation marks is the one the mark is on.
    let other = out
        .iter()
        .any(|f| f.category == Category::InternalDocument && !quoted(f));
    if !out.iter().any(quoted) || other || passes_on(ctx) || secrecy().any_in(t, 0..t.len()) {
        return;
    }
    // A paper of a state body named in the mark's sentence ("Biên bản làm việc của đoàn thanh
    // tra, bên trên ghi "Hạn chế phổ biến"") is in hand.
    drop_unless_agency(ctx, out, quoted);
}

/// Drops the findings `pick` chooses, except those whose sentence names a state body
/// ([`about_agency`]: the paper is in hand). Each sentence is read at most once, however many
/// findings it holds (a paste of a megabyte in one sentence may hold thousands).
fn drop_unless_agency(ctx: &Ctx<'_>, out: &mut Vec<Finding>, pick: impl Fn(&Finding) -> bool) {
    let t = ctx.tokens;
    let (sentence_of, ranges) = ctx.sentences();
    let mut agency: Vec<Option<bool>> = vec![None; ranges.len()];
    out.retain(|f| {
        if !pick(f) {
            return true;
        }
        let si = sentence_of[tokens_in(t, &f.span).start];
        *agency[si].get_or_insert_with(|| about_agency(t, ranges[si].clone()))
    });
}

/// Whether token `x` negates or forbids: "không" in any spelling
/// ([`says_no`](super::says_no)), "cấm", "đừng", "chớ".
fn negates(x: &Token) -> bool {
    matches!(x.key.as_str(), "cấm" | "đừng" | "chớ") || super::says_no(x)
}

/// Whether a negation ([`negates`]) governs the verb at token `v`: right before it or within
/// three words before it in its clause ("không chụp ảnh gửi"), or within seven with "để"
/// between ("không dùng Zalo cá nhân để gửi"), and no `turn` word between ("nhưng", "mà" …).
/// Not a negation of another verb: "Không ai biết tôi gửi …", "Không biết ai đã gửi …".
fn negated_before(t: &[Token], v: usize, turn: impl Fn(&Token) -> bool) -> bool {
    let mut purpose = false;
    (v.saturating_sub(7)..v)
        .rev()
        .take_while(|&j| t[j + 1].gap == Gap::Space && !turn(&t[j]))
        .any(|j| {
            purpose |= t[j].key == "để";
            negates(&t[j]) && (v - j <= 3 || purpose)
        })
}

/// Whether the sentence before token `start` forbids or declines passing on what follows: a
/// verb of [`KEPT_FROM`] ending at most six words before it, in the same sentence with no
/// "nhưng", "mà" or "vẫn" between ("gửi văn bản mật", "chụp ảnh tài liệu mật", "đăng văn bản
/// có đóng dấu Mật, tài liệu lưu hành nội bộ"), with a negation ([`negates`]) within six words
/// before the verb in its clause ("không dùng Zalo cá nhân để gửi văn bản mật", "em ko gửi file
/// dự thảo", "đảng viên không được đăng …").
fn forbidden_before(t: &[Token], start: usize) -> bool {
    let turn = |x: &Token| matches!(x.key.as_str(), "nhưng" | "mà" | "vẫn");
    (start.saturating_sub(7)..start).any(|v| {
        kept_from()
            .at(t, v)
            .is_some_and(|n| v + n <= start && v + n + 6 >= start)
            && negated_before(t, v, |_| false)
            && (v + 1..=start).all(|j| t.get(j).is_some_and(|x| x.gap != Gap::Hard && !turn(x)))
    })
}

/// Words that name a creative work before its title: a book, a film, a song, a game.
const WORK_WORDS: &[&str] = &[
    "cuốn sách",
    "cuốn tiểu thuyết",
    "tiểu thuyết",
    "truyện",
    "bộ phim",
    "phim",
    "tác phẩm",
    "vở kịch",
    "bài hát",
    "ca khúc",
    "trò chơi",
    "game",
    "series",
    "film",
    "movie",
    "novel",
];

/// Words for a volume, a paper's as often as a book's ("cuốn tài liệu", "quyển sổ"): before a
/// title in quotation marks, or in a text that speaks of a book ([`BOOK_CUES`]).
const VOLUME_WORDS: &[&str] = &["cuốn", "quyển", "tựa", "book"];

/// Words of a text about a book being read ("Đọc xong quyển Hồ sơ tuyệt mật hay quá").
const BOOK_CUES: &[&str] = &[
    "hay quá",
    "hay lắm",
    "hay ghê",
    "tác giả",
    "nhà xuất bản",
    "nxb",
    "review",
    "cốt truyện",
    "đọc xong",
    "đọc hết",
    "nên đọc",
    "recommend",
];
phrase_list!(book_cues, BOOK_CUES);

/// Drops a classification mark that is the title of a creative work: after a word of
/// [`WORK_WORDS`], capitalised or in quotation marks ("phim Hồ sơ tuyệt mật tối nay trên
/// VTV3", "tiểu thuyết TÀI LIỆU MẬT"), or of [`VOLUME_WORDS`] in quotation marks or in a text
/// about reading it ("đọc xong cuốn “Tài liệu mật”", "Đọc xong quyển Hồ sơ tuyệt mật hay quá"). Not a paper in lower case ("cuốn tài liệu mật của sở"), nor when
/// the text asks for secrecy ([`SECRECY`]) or the mark's sentence names a state body
/// ([`AGENCY`]).
fn drop_work_titles(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // Read once, not per mark (a long paste may hold thousands).
    let book = std::cell::OnceCell::new();
    let book = || *book.get_or_init(|| book_cues().any_in(t, 0..t.len()));
    let title = |f: &Finding| {
        let r = tokens_in(t, &f.span);
        if f.rule_id != "internal_document.classification"
            || r.start == 0
            || !t[r.start].capitalized
            || t[r.start].gap == Gap::Hard
        {
            return false;
        }
        let after = |list: &[&str]| {
            list.iter()
                .any(|w| crate::rules::spelled_before(t, r.start, w))
        };
        let quoted = || {
            ctx.text
                .get(..t[r.start].orig.start)
                .is_some_and(|b| b.trim_end().ends_with(crate::rules::OPENING_QUOTES))
        };
        after(WORK_WORDS) || after(VOLUME_WORDS) && (quoted() || book())
    };
    if !out.iter().any(title) || secrecy().any_in(t, 0..t.len()) {
        return;
    }
    drop_unless_agency(ctx, out, title);
}

/// Whether the text holds a cue of passing a paper on ([`LEAK_CUES`]) that no negation
/// ("không", "cấm", "đừng", "chớ") right before turns into a rule. Several rules ask; the
/// answer is computed once per text, on the first question, and kept in [`Ctx::passes_on`]
/// (see [`passes_on_uncached`] for what counts).
fn passes_on(ctx: &Ctx<'_>) -> bool {
    *ctx.passes_on.get_or_init(|| passes_on_uncached(ctx))
}

/// [`passes_on`], computed. A cue counts unless a negation governs it: right before it, or
/// (for a verb: not "nhưng", "mà", "vẫn", "kệ") earlier in its clause with no "nhưng", "mà" or
/// "vẫn" between ("không dùng Zalo cá nhân để gửi", "tuyệt đối không chụp ảnh gửi qua Zalo");
/// and unless its sentence promises the paper once it is public ("Khi nào ban hành chính thức
/// em gửi chị ngay"), or it summarises or notes a training rather than a paper ("Tóm tắt buổi
/// tập huấn"). Linear in tokens.
fn passes_on_uncached(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    let turn = |x: &Token| matches!(x.key.as_str(), "nhưng" | "mà" | "vẫn" | "kệ" | "nhưg");
    let governed =
        |k: usize| k > 0 && negates(&t[k - 1]) || !turn(&t[k]) && negated_before(t, k, turn);
    // Each sentence asked once whether it promises.
    let mut promises: Vec<Option<bool>> = Vec::new();
    (0..t.len()).any(|k| {
        let Some(n) = leak_cues().at(t, k) else {
            return false;
        };
        // Typed without diacritics, one syllable is many words ("tai" is "tài liệu" as often as
        // "tải", "ma" "mà", "day" "đây"): only the unambiguous ones count.
        if n == 1
            && !t[k].marked
            && !matches!(
                t[k].fold.as_str(),
                "gui"
                    | "share"
                    | "forward"
                    | "inbox"
                    | "ib"
                    | "up"
                    | "pm"
                    | "link"
                    | "drive"
                    | "cmt"
                    | "comment"
                    | "post"
                    | "scan"
                    | "mail"
                    | "leak"
            )
        {
            return false;
        }
        // What is summarised or noted is the training itself: "Tóm tắt buổi tập huấn"; "Đây
        // là …" presents, it hands nothing over.
        if governed(k)
            || rule_context().any_in(t, k + n..(k + n + 2).min(t.len()))
            || t[k].key == "đây" && t.get(k + 1).is_some_and(|x| x.key == "là")
        {
            return false;
        }
        let (sentence_of, ranges) = ctx.sentences();
        promises.resize(ranges.len(), None);
        let si = sentence_of[k];
        let promised = *promises[si].get_or_insert_with(|| {
            let r = ranges[si].clone();
            spelled_any(
                t,
                r.start,
                &["khi nào", "khi", "sau khi", "bao giờ", "lúc nào"],
            )
            .is_some()
                && r.clone().any(|j| {
                    spelled_any(t, j, &["ban hành", "công bố", "công khai", "chính thức"]).is_some()
                })
                // Not a promise that turns ("Khi ban hành chính thức thì ai cũng biết, nhưng em
                // chụp được bản dự thảo đây").
                && !r.into_iter().any(|j| turn(&t[j]) || t[j].key == "còn")
        });
        !promised
    })
}

/// What a writer who declines to share or answer says (keyed syllables): "nên mình chưa thể
/// trả lời", "nên không thể chia sẻ được".
const WITHHELD: &[&str] = &[
    "xin phép không gửi",
    "xin phép không chia sẻ",
    "không gửi được",
    "chưa thể trả lời",
    "không thể trả lời",
    "chưa trả lời được",
    "chưa thể chia sẻ",
    "không thể chia sẻ",
    "chưa chia sẻ được",
    "không chia sẻ được",
    "chưa tiện chia sẻ",
    "không tiện chia sẻ",
    "chưa được phép chia sẻ",
    "không được phép chia sẻ",
    "chưa thể cung cấp",
    "không thể cung cấp",
    "chưa cung cấp được",
    "chưa thể đăng",
    "không thể đăng",
    "chưa đăng được",
    "chưa thể công bố",
    "chưa thể tiết lộ",
    "không thể tiết lộ",
    "chưa thể thông tin",
    "chưa thể gửi",
    "không thể gửi",
];

phrase_list!(withheld, WITHHELD);

/// Words of a writer who tells what a paper says (keyed syllables): "đại ý là", "chép tay lại
/// mấy điểm chính", "chỉ nói là", "nội dung thì".
const RETELLING: &[&str] = &[
    "đại ý",
    "đại khái",
    "chép",
    "điểm chính",
    "nói riêng",
    "chỉ nói",
    "chỉ biết",
    "nội dung thì",
    "nội dung là",
    "tóm lại",
    "cụ thể",
    "trong đó có",
    "như sau",
];

phrase_list!(retelling, RETELLING);

/// Drops a paper named as unpublished, a draft or marked ("Văn bản này chưa ban hành nên mình
/// chưa thể trả lời", "Tài liệu mật nên em không thể chia sẻ được") when the writer, later in
/// the same sentence, declines to pass it on ([`WITHHELD`]), or says so right before it
/// ([`forbidden_before`]: "em ko gửi file dự thảo quy chế được đâu"): a civil servant's
/// answer, not a leak; also when the declining words come first and "vì" gives the paper as
/// the reason ("mình xin phép không gửi nhé vì đó là tài liệu nội bộ"). Only
/// when the text passes nothing on ([`passes_on`]: "… nhưng mình tóm tắt", "ai cần inbox"),
/// has at most three sentences and holds no copied number line or frame, and only the
/// findings before the declining words in their sentence.
fn drop_withheld(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let named = |f: &Finding| {
        matches!(
            f.rule_id.as_str(),
            "internal_document.unpublished"
                | "internal_document.draft"
                | "internal_document.classification"
                | "internal_document.internal_only"
        )
    };
    if !out.iter().any(named)
        || out.iter().any(|f| {
            matches!(
                f.rule_id.as_str(),
                "internal_document.number" | "internal_document.frame"
            )
        })
    {
        return;
    }
    let (sentence_of, ranges) = ctx.sentences();
    // Declining and then telling what the paper says is a leak all the same: "Đại ý là …",
    // "chép tay lại mấy điểm chính: …", "chỉ nói là …".
    // A colon after a paper's name opens its contents: the last colon, found once (a search
    // from each finding would read a long text once per finding).
    let retold = || {
        let last_colon = ctx.text.rfind(':');
        (0..t.len()).any(|k| retelling().at(t, k).is_some())
            || out
                .iter()
                .filter(|f| named(f))
                .any(|f| last_colon.is_some_and(|c| c >= f.span.end))
    };
    if ranges.len() > 3 || passes_on(ctx) || retold() {
        return;
    }
    // Where the last declining words of each sentence start: one pass, however many papers
    // a sentence names.
    let mut last = vec![None; ranges.len()];
    // Where the first declining words of each sentence are followed by "vì" (the token after
    // it): "mình xin phép không gửi nhé vì đó là tài liệu nội bộ".
    let mut because: Vec<Option<usize>> = vec![None; ranges.len()];
    for (k, &si) in sentence_of.iter().enumerate() {
        let Some(n) = withheld().at(t, k) else {
            continue;
        };
        last[si] = Some(k);
        if because[si].is_none() {
            because[si] = (k + n..(k + n + 4).min(ranges[si].end))
                .find(|&j| t[j].key == "vì")
                .map(|j| j + 1);
        }
    }
    out.retain(|f| {
        let r = tokens_in(t, &f.span);
        if !named(f) || r.is_empty() {
            return true;
        }
        let si = sentence_of[r.end - 1];
        last[si].is_none_or(|k| k < r.end)
            && because[si].is_none_or(|v| v > r.start)
            && !forbidden_before(t, r.start)
    });
}

/// An exam paper (keyed syllables): "đề thi", "đề kiểm tra", "đáp án", a subject's "đề Toán".
const EXAM_PAPERS: &[&str] = &[
    "đề thi",
    "đề kiểm tra",
    "đáp án",
    "bộ đề",
    "đề toán",
    "đề văn",
    "đề ngữ văn",
    "đề tiếng anh",
    "đề anh",
    "đề lý",
    "đề hoá",
    "đề sinh",
    "đề sử",
    "đề địa",
];

/// An exam not yet held (keyed syllables): "thứ Năm mới thi", "chưa thi", "đề còn niêm phong".
const NOT_YET_HELD: &[&str] = &[
    "mới thi",
    "mới kiểm tra",
    "chưa thi",
    "còn niêm phong",
    "chưa mở niêm phong",
    "chưa bóc niêm phong",
    "chưa xé niêm phong",
    "trước giờ thi",
];

/// Words right after an exam paper that make it a practice one, not the coming exam's (keyed
/// syllables): "đề thi năm ngoái", "đề thi thử", "đáp án tham khảo", "đề minh hoạ", "bộ đề ôn
/// thi".
const PRACTICE: &[&str] = &[
    "năm ngoái",
    "năm trước",
    "các năm",
    "tham khảo",
    "minh hoạ",
    "thử",
    "mẫu",
    "cũ",
    "ôn",
    "luyện",
];

/// Words that show the coming exam's paper in hand (keyed syllables): "có ảnh chụp đây", "share
/// cho các sĩ tử", "ai cần inbox", "phụ huynh nào cần", "lộ đề rồi".
const EXAM_SHOWN: &[&str] = &[
    "hé lộ",
    "lộ đề",
    "bật mí",
    "ảnh chụp",
    "chụp được",
    "em chụp",
    "mình chụp",
    "xin được",
    "share cho",
    "chia sẻ cho",
    "ai cần",
    "nào cần",
];

phrase_list!(exam_papers_list, EXAM_PAPERS);
phrase_list!(not_yet_held, NOT_YET_HELD);
phrase_list!(practice, PRACTICE);
phrase_list!(exam_shown, EXAM_SHOWN);

const EXAM_VI: &str = "Đề thi, đáp án của kỳ thi chưa diễn ra: để lộ ra ngoài là vi phạm quy chế thi (đề thi chưa thi là tài liệu mật).";
const EXAM_EN: &str = "The paper or answers of an exam not yet held: letting them out breaks the exam rules (unsat papers are classified).";

/// An exam paper passed on before the exam: the paper of the coming exam ([`EXAM_PAPERS`] not
/// followed within three words by [`PRACTICE`], or "đề" right before a not-yet phrase: "Đề
/// còn niêm phong"), an exam not yet held ([`NOT_YET_HELD`], with up to two words of when
/// before it: "thứ Năm mới thi"; not in a question: "khi nào mới thi ạ?"), and the paper shown
/// or kept secret: [`EXAM_SHOWN`] ("lộ đề", "ảnh chụp", "ai cần inbox"), "đây" within six
/// words after the paper, questions to study by number ("ôn đúng câu 3"), or [`SECRECY`]. Not
/// in a post that denies a leak ("… lộ đề là sai sự thật": [`CLAIM_DEBUNK`]-like words). A
/// teacher's "Đề kiểm tra tuần sau mới thi, các con ôn kỹ nhé" shows nothing. `high` over the
/// paper's words and the not-yet phrase. Linear in tokens.
///
/// [`CLAIM_DEBUNK`]: crate::lexicon::CLAIM_DEBUNK
fn exam_papers(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let (sentence_of, ranges) = ctx.sentences();
    let held: Vec<(usize, usize)> = (0..t.len())
        .filter_map(|k| not_yet_held().at(t, k).map(|n| (k, n)))
        // Not "khi nào mới thi", "sau khi thi".
        .filter(|&(k, _)| {
            let when = |back: usize, words: &[&str]| {
                k >= back && spelled_any(t, k - back, words).is_some()
            };
            // Not in a question: "Cô ơi đề thi khi nào mới thi ạ?".
            !(ctx.sentence_is_question(k)
                || when(2, &["khi nào", "bao giờ"])
                || when(1, &["sau khi", "khi"]))
        })
        .collect();
    if held.is_empty() {
        return;
    }
    let mut spans = Vec::new();
    let mut shown = false;
    for k in 0..t.len() {
        let Some(n) = exam_papers_list().at(t, k) else {
            continue;
        };
        if practice().any_in(t, k + n..(k + n + 3).min(t.len())) {
            continue;
        }
        spans.push(t[k].orig.start..t[k + n - 1].orig.end);
        // "Đề kiểm tra … của trường mình đây".
        shown |= (k + n..(k + n + 7).min(ranges[sentence_of[k]].end)).any(|j| t[j].key == "đây");
    }
    let mut named = !spans.is_empty();
    for &(k, n) in &held {
        let mut s = k;
        if k > 0 && t[k - 1].key == "đề" && t[k].gap == Gap::Space {
            // "Đề còn niêm phong": the paper named by "đề" alone.
            s = k - 1;
            named = true;
        } else if t[k].key == "mới" {
            // Up to two words of when before "mới thi" ("thứ Năm mới thi", "mai mới thi").
            while s > k.saturating_sub(2) && t[s].gap == Gap::Space && !t[s - 1].numeric {
                s -= 1;
            }
        }
        spans.push(t[s].orig.start..t[k + n - 1].orig.end);
    }
    if !named {
        return;
    }
    let denied = || {
        (0..t.len()).any(|k| {
            spelled_any(
                t,
                k,
                &["sai sự thật", "tin đồn", "không có chuyện", "bịa đặt"],
            )
            .is_some()
        })
    };
    let studied = || {
        (1..t.len()).any(|k| {
            t[k].key == "câu"
                && t.get(k + 1).is_some_and(|x| x.numeric)
                && (k.saturating_sub(3)..k)
                    .any(|j| matches!(t[j].key.as_str(), "ôn" | "đúng" | "trúng"))
        })
    };
    let shown = shown
        || (0..t.len()).any(|k| exam_shown().at(t, k).is_some())
        || studied()
        || secrecy().any_in(t, 0..t.len());
    if !shown || denied() {
        return;
    }
    add_uncovered(t, out, Category::InternalDocument, spans, |s| {
        Some(finding(
            "internal_document.exam_paper",
            Category::InternalDocument,
            Severity::High,
            s,
            EXAM_VI,
            EXAM_EN,
        ))
    });
}

/// Words that explain what a term means or what the rules say (keyed syllables): "Độ khẩn
/// 'hỏa tốc' là gì?", "Theo Nghị định 30/2020/NĐ-CP, văn bản có ba mức độ khẩn".
const EXPLAINS: &[&str] = &[
    "là gì",
    "nghĩa là",
    "được hiểu là",
    "theo nghị định",
    "theo thông tư",
    "các mức",
    "ba mức",
    "mấy mức",
    "phân biệt",
];

phrase_list!(explains, EXPLAINS);

/// Drops the urgency marks of a text that explains them ([`EXPLAINS`]: a clerk's lesson on
/// the levels "khẩn, thượng khẩn và hỏa tốc") when they are its only internal-document
/// findings, none is written in capitals (a stamp pasted from a paper is), and the text
/// passes nothing on ([`passes_on`]) and asks for no secrecy ([`SECRECY`]).
fn drop_explained_urgency(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let internal = || {
        out.iter()
            .filter(|f| f.category == Category::InternalDocument)
    };
    let lowercase = |f: &Finding| {
        !t[tokens_in(t, &f.span)]
            .iter()
            .any(|x| x.letters && x.upper && x.key.chars().count() > 1)
    };
    if internal().next().is_none()
        || !internal().all(|f| f.rule_id == "internal_document.urgency" && lowercase(f))
        || !explains().any_in(t, 0..t.len())
        || passes_on(ctx)
        || secrecy().any_in(t, 0..t.len())
    {
        return;
    }
    out.retain(|f| f.category != Category::InternalDocument);
}

/// Words of a state body or its staff work (keyed syllables): a paper taken out, a plan
/// "chưa thông qua" or a mark kept secret is an internal document only where the text is
/// about such a body ("Ban Giám đốc", "huyện ủy", "phòng tổ chức", "cán bộ"), not a class, a
/// family or a football team.
pub(crate) const AGENCY: &[&str] = &[
    "cơ quan",
    "ban giám đốc",
    "ban thường vụ",
    "thường trực",
    "huyện uỷ",
    "tỉnh uỷ",
    "thành uỷ",
    "quận uỷ",
    "đảng uỷ",
    "chi bộ",
    "cấp uỷ",
    "uỷ ban",
    "ubnd",
    "hđnd",
    // Ministries and their departments, also as the issuer in a document's number
    // ("456/QĐ-BNV"); not "BTC", an event's organisers as often as the Ministry of Finance.
    "bộ nội vụ",
    "bộ công an",
    "bộ y tế",
    "bộ tài chính",
    "bộ quốc phòng",
    "bộ giáo dục",
    "bộ trưởng",
    "thứ trưởng",
    // Police commands by level ("Công an tỉnh đề nghị các đơn vị rà soát", brk41).
    "công an tỉnh",
    "công an huyện",
    "công an quận",
    "công an thành phố",
    "công an xã",
    "công an phường",
    "bnv",
    "snv",
    "bca",
    "byt",
    "bqp",
    "bgdđt",
    "sgdđt",
    "lãnh đạo",
    "cán bộ",
    "công chức",
    "nhân sự",
    "bảng lương",
    "sở",
    "phòng tổ chức",
    "phòng tài chính",
    "phòng nội vụ",
    "phòng giáo dục",
    "phòng tài nguyên",
    "trưởng phòng",
    "phó phòng",
    "thanh tra",
    "bổ nhiệm",
    "đề bạt",
    "điều động",
    "điều chuyển",
    "luân chuyển",
    "kỷ luật",
    "huyện",
    "quy hoạch cán bộ",
    "diện quy hoạch",
    "sắp xếp bộ máy",
    "tinh giản biên chế",
    "cắt giảm biên chế",
];

phrase_list!(agency, AGENCY);

/// Whether a word of a state body ([`AGENCY`]) starts at token `k`: not the "sở" of "cơ sở",
/// "trụ sở", "sở thích", "sở dĩ", "sở trường", nor a company's "phòng nhân sự".
fn agency_at(t: &[Token], k: usize) -> bool {
    let Some(n) = agency().at(t, k) else {
        return false;
    };
    let prev = k.checked_sub(1).map(|j| &t[j]);
    let next = t.get(k + n);
    match t[k].key.as_str() {
        "sở" => {
            !(prev
                .is_some_and(|p| matches!(p.key.as_str(), "cơ" | "trụ") && t[k].gap == Gap::Space)
                || next.is_some_and(|x| {
                    x.gap == Gap::Space
                        && matches!(x.key.as_str(), "thích" | "dĩ" | "trường" | "hữu" | "tại")
                }))
        }
        "nhân" => !prev.is_some_and(|p| p.key == "phòng" && t[k].gap == Gap::Space),
        _ => true,
    }
}

/// The tokens where a word of a state body starts ([`agency_at`]), for range questions.
fn agency_index(t: &[Token]) -> StartIndex {
    StartIndex::new(t.len(), |k| agency_at(t, k))
}

/// Whether the text speaks of a state body ([`agency_at`]) within `range` (token indices).
fn about_agency(t: &[Token], range: Range<usize>) -> bool {
    range.into_iter().any(|k| agency_at(t, k))
}

/// What says a paper or letter is public, or that the post warns against leaks rather than
/// leaking: "đã công khai", "niêm yết ở bảng tin", "chụp lại từ báo", "đừng tin tin đồn".
const PUBLIC_SIGNS: &[&str] = &[
    "công khai",
    "niêm yết",
    "bảng tin",
    "từ báo",
    "trên báo",
    "fanpage",
    "trang của",
    "lấy ý kiến",
    "đừng tin",
    "chờ thông báo",
];

phrase_list!(public_signs, PUBLIC_SIGNS);

/// Whether the post says the paper is public or warns against rumours ([`PUBLIC_SIGNS`] not
/// negated within the three words before: "chưa công khai", "chưa dán ra bảng tin" are no such
/// sign), or says it is published ([`published`]). An office's own board is no public place:
/// "bảng tin phòng", "bảng tin cơ quan", "bảng tin nội bộ" ([`INSIDE_BOARDS`]).
fn public_sign(t: &[Token]) -> bool {
    published(t)
        || (0..t.len()).any(|k| {
            public_signs().at(t, k).is_some_and(|n| {
                !(crate::engine::key_matches(&t[k], "bảng")
                    && t.get(k + n).is_some_and(|x| {
                        x.gap == Gap::Space
                            && (INSIDE_BOARDS.iter().any(|w| spelled_at(t, k + n, w))
                                || crate::engine::key_matches(x, "phòng") && own_room(t, k + n + 1))
                    }))
            }) && !(k.saturating_sub(3)..k).any(|j| matches!(t[j].fold.as_str(), "chua" | "khong"))
        })
}

/// Whether the label before a colon (`label`, the line up to it, in the normalised view) says
/// what follows is copied from a paper: "Ảnh chụp bảng tin công ty:", "Nội dung văn bản:",
/// "Trích:" (with or without diacritics). Not "Tin vui cho phụ huynh:", news of a decision.
fn copy_label(label: &str) -> bool {
    const COPY_WORDS: &[&str] = &[
        "chụp",
        "chup",
        "ảnh",
        "bảng tin",
        "bang tin",
        "nội dung",
        "noi dung",
        "trích",
        "trich",
        "văn bản",
        "van ban",
    ];
    COPY_WORDS.iter().any(|w| label.contains(w))
}

/// What an office's own notice board is called after "bảng tin" (keyed syllables): read by
/// its staff, not posted to the public.
const INSIDE_BOARDS: &[&str] = &[
    "cơ quan",
    "nội bộ",
    "đơn vị",
    "công ty",
    "khoa",
    "phòng ban",
];

/// Whether "bảng tin phòng" whose next token is `k` is an office's room ("bảng tin phòng",
/// "bảng tin phòng mình"), not a clinic, a rented room or a bank's hall ("bảng tin phòng
/// khám", "phòng trọ", "phòng giao dịch"): "phòng" ends the phrase, the writer's word follows,
/// or an office's department ("bảng tin phòng nhân sự / tổ chức / hành chính / kế toán", adv50).
fn own_room(t: &[Token], k: usize) -> bool {
    t.get(k).is_none_or(|x| {
        x.gap != Gap::Space
            || crate::engine::key_matches_any(x, &["mình", "tôi", "em", "tui"])
            || ["nhân sự", "tổ chức", "hành chính", "kế toán"]
                .iter()
                .any(|w| spelled_at(t, k, w))
    })
}

/// What a writer says who asks readers to keep a paper to themselves (keyed syllables, as
/// [`spelled_at`] reads them; teencode `k`, `ko`, `dc` included).
pub(crate) const SECRECY: &[&str] = &[
    "đừng đưa lên",
    "trong nhóm thôi",
    "trong nhóm mình thôi",
    "đừng share",
    "đừng chia sẻ",
    "đừng phát tán",
    "đừng để lộ",
    "đừng tiết lộ",
    "đừng forward",
    "đừng chuyển tiếp",
    "đừng đưa lên mạng",
    "không được share",
    "không được chia sẻ",
    "không được phát tán",
    "không được tiết lộ",
    "không chuyển tiếp",
    "k dc share",
    "ko dc share",
    "k được share",
    "ko được share",
    "giữ kín",
    "xem xong nhớ xoá",
    "đọc xong nhớ xoá",
    "xem xong xoá",
    "đọc xong xoá",
    "đừng để lộ ra ngoài",
    "xem rồi xoá",
    // Reposting (adv55: "chưa ký đâu, đừng repost lên page nha").
    "đừng repost",
    "đừng reup",
    "đừng đăng lại",
    "đừng up lên",
    "đừng post lên",
    "cấm share",
    "cấm repost",
    "không được đăng lại",
];

/// Papers a secrecy cue can be about ("Công thức phở tuyệt mật, đừng share" is a joke about
/// a recipe, not a document).
const PAPERS: &[&str] = &[
    "kết luận thanh tra",
    "kết luận kiểm tra",
    "danh sách dự kiến",
    "bản nháp",
    "tài liệu",
    "văn bản",
    "hồ sơ",
    "báo cáo",
    "công văn",
    "biên bản",
    "danh sách",
    "kế hoạch",
    "tờ trình",
    "quyết định",
    "đề án",
    "phương án",
    "bảng lương",
    "nghị quyết",
    "dự thảo",
    "file",
    "cv",
];

/// Whether the text asks readers to keep a paper of a state body secret: a cue of
/// [`SECRECY`], a paper of [`PAPERS`] and a word of a state body or its staff work
/// ([`about_agency`]) anywhere in it. Linear in tokens; most are ruled out by their first letter.
pub(crate) fn asks_secrecy(tokens: &[Token]) -> bool {
    // About a state body or staff work: "Kế hoạch sinh nhật bất ngờ cho mẹ, tuyệt mật, giữ
    // kín giùm" is a surprise, not a leak.
    secrecy().any_in(tokens, 0..tokens.len())
        && papers().any_in(tokens, 0..tokens.len())
        && about_agency(tokens, 0..tokens.len())
}

phrase_list!(secrecy, SECRECY);
phrase_list!(papers, PAPERS);

/// Papers that are internal by their kind: a photo of one is a leak ("Mình chụp được biên
/// bản cuộc họp giao ban", "Ảnh chụp tờ trình xin chủ trương …"). Not a traffic ticket's
/// "biên bản xử phạt" or "kết luận" meaning "in conclusion".
const INTERNAL_KINDS: &[&str] = &[
    "biên bản cuộc họp",
    "biên bản họp",
    "biên bản hội nghị",
    "biên bản làm việc",
    "tờ trình",
    "đề án",
    "phương án nhân sự",
    "phương án sắp xếp",
    "bản kết luận",
    "kết luận kiểm tra",
    "kết luận thanh tra",
    "bản thảo báo cáo",
    "danh sách dự kiến",
    "danh sách đề bạt",
    "danh sách quy hoạch",
];
/// Papers of any kind, a leak only with a cue of getting hold of them ([`GOT_HOLD`]).
const ANY_KINDS: &[&str] = &[
    "kế hoạch",
    "báo cáo",
    "công văn",
    "văn bản",
    "tài liệu",
    "hồ sơ",
    "quyết định",
    "danh sách",
    "thông báo",
];
/// Getting hold of a paper one should not have: "chụp lén", "xin được bản", "lấy được từ máy
/// photo".
const GOT_HOLD: &[&str] = &[
    "chụp lén",
    "chụp trộm",
    "lén chụp",
    "xin được bản",
    "xin được file",
    // The original itself: "Quyết định số 456/QĐ-BNV, chụp được bản gốc đây".
    "chụp được bản gốc",
    "chụp dc bản gốc",
    "chụp đc bản gốc",
    "ảnh chụp bản gốc",
    "chụp được bản chính",
    "có được bản gốc",
    "lấy được bản",
    "lấy được file",
    "lấy được từ",
    "xin được từ",
    "chôm được",
    // From someone's computer: "mình chụp được từ máy chị văn thư" (not the writer's own:
    // [`own_machine`]).
    "chụp được từ máy",
    "chụp từ máy",
    "lấy từ máy",
    "copy từ máy",
    "copy được từ máy",
];

/// Whether the machine a [`GOT_HOLD`] cue ends on ("… từ máy") is the writer's own: a
/// first-person word within the four words after it ("lấy từ máy điện thoại của mình ra").
/// `k` is the token after the cue.
fn own_machine(t: &[Token], k: usize) -> bool {
    k > 0
        && crate::engine::key_matches(&t[k - 1], "máy")
        && (k..(k + 4).min(t.len()))
            .take_while(|&j| t[j].gap == Gap::Space)
            .any(|j| crate::engine::key_matches_any(&t[j], &["mình", "tôi", "em", "tui", "tớ"]))
}
/// Taking a photo of a paper in one's hands: with [`INTERNAL_KINDS`] only.
const PHOTOGRAPHED: &[&str] = &[
    "chụp được",
    "ảnh chụp",
    "em chụp",
    "mình chụp",
    "tui chụp",
    "tôi chụp",
    "tớ chụp",
    "chụp lại",
];

phrase_list!(internal_kinds, INTERNAL_KINDS);
phrase_list!(any_kinds, ANY_KINDS);
phrase_list!(got_hold, GOT_HOLD);
phrase_list!(photographed, PHOTOGRAPHED);
phrase_list!(published_words, PUBLISHED);
phrase_list!(copy_cues, COPY_CUES);

/// A paper in the writer's hands that should not be: a paper internal by kind
/// ([`INTERNAL_KINDS`]) with a word of photographing or getting hold of it ([`PHOTOGRAPHED`],
/// [`GOT_HOLD`]) within twelve words before or sixteen after in its sentence, or a paper of
/// any kind ([`ANY_KINDS`]) with a word of getting hold of it or in a post that passes it on
/// before it is out ([`passed_on_early`]); in a sentence about a state body ([`AGENCY`]). Not
/// in a post that says it is published, nor a counted paper ("3 biên bản") or a public act's.
/// A `warning` over the paper's kind, unless a finding of the category covers it. Linear in
/// tokens (each paper reads the 28 words around it).
fn captured_papers(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    let mut early: Option<bool> = None;
    let mut bodies: Option<StartIndex> = None;
    let mut bosses: Vec<Option<bool>> = Vec::new();
    for i in 0..t.len() {
        let (n, internal) = match internal_kinds().at(t, i) {
            Some(n) => (n, true),
            None => match any_kinds().at(t, i) {
                Some(n) => (n, false),
                None => continue,
            },
        };
        let counted = i > 0
            && t[i].gap == Gap::Space
            && (t[i - 1].numeric || COUNT_WORDS.iter().any(|w| spelled_before(t, i, w)));
        if counted || !spaced(t, i, i + n - 1) {
            continue;
        }
        // Photographed or got hold of: a cue within twelve words before or sixteen after (the
        // paper's subject comes between: "Công văn hoả tốc của sở về việc kiểm tra đột xuất
        // các trường, mình chụp được từ máy chị văn thư"), in the same sentence.
        let (sentence_of, _) = ctx.sentences();
        let near = (i.saturating_sub(12)..(i + n + 16).min(t.len()))
            .filter(|&k| sentence_of[k] == sentence_of[i]);
        // The first cue of getting hold of it, as (start, end) tokens.
        let got_at = near.clone().find_map(|k| {
            got_hold()
                .at(t, k)
                .filter(|&m| !own_machine(t, k + m))
                .map(|m| (k, k + m))
        });
        let got = got_at.is_some();
        let held = got
            || internal && near.clone().any(|k| photographed().at(t, k).is_some())
            // Or passed on before it is out, anywhere in the post ("Biên bản họp của sở Nội
            // vụ … Đừng share nhé."): read once.
            || *early.get_or_insert_with(|| passed_on_early(t));
        // About a state body, in the sentence.
        // Outside the paper's own words ("phương án nhân sự" names no body).
        // Or, for an official paper taken on the sly ([`GOT_HOLD`]; not a list or a plan: "chụp
        // lén được danh sách quà sinh nhật sếp"), the writer's boss in the sentence ("Mình chụp
        // lén được công văn sếp để trên bàn", a new user); each sentence read once.
        // The paper itself is what was taken: right after the cue ("chụp lén được công văn"),
        // or named before it ("văn bản này …, mình chụp lén được"); not a photo of the boss
        // ("chụp lén được ảnh sếp đọc thông báo", "… sếp ngủ gật trong cuộc họp báo cáo quý").
        let taken = got_at.is_some_and(|(k, e)| i == e || i == e + 1 || k >= i + n);
        let official = taken && !matches!(t[i].fold.as_str(), "danh" | "ke");
        let mut body = || {
            let r = sentence_range(ctx, i);
            let bodies = bodies.get_or_insert_with(|| agency_index(t));
            bodies.any_in(r.start..i)
                || bodies.any_in(i + n..r.end)
                || got && official && {
                    let si = sentence_of[i];
                    if bosses.len() <= si {
                        bosses.resize(si + 1, None);
                    }
                    // The boss named, and no surprise being prepared ("văn bản sếp chuẩn bị
                    // cho tiệc sinh nhật bất ngờ", brk35).
                    *bosses[si].get_or_insert_with(|| {
                        r.clone().any(|k| crate::engine::key_matches(&t[k], "sếp"))
                            && !r.clone().any(|k| {
                                ["sinh nhật", "bất ngờ", "tiệc"]
                                    .iter()
                                    .any(|w| spelled_at(t, k, w))
                            })
                    })
                }
        };
        if held && body() && !public_act_before(t, i + n) {
            spans.push(t[i].orig.start..t[i + n - 1].orig.end);
        }
    }
    if spans.is_empty() || public_sign(t) {
        return;
    }
    add_uncovered(t, out, Category::InternalDocument, spans, |s| {
        Some(finding(
            "internal_document.captured",
            Category::InternalDocument,
            Severity::Warning,
            s,
            CAPTURED_VI,
            CAPTURED_EN,
        ))
    });
}

const CAPTURED_VI: &str = "Giấy tờ nội bộ được chụp lại hoặc lấy ra ngoài: đăng lên là làm lộ thông tin của cơ quan, đơn vị (bổn phận 8).";
const CAPTURED_EN: &str = "An internal paper photographed or taken out: posting it leaks your organisation's information (duty 8).";

/// Whether the post says a paper is passed on before it is out: a cue that it is not out yet
/// ([`COPY_CUES`]: "chưa công bố", "gửi trước"), or to be kept secret ([`SECRECY`]: "đừng
/// share", "xem xong xoá"), or "cho cả nhóm xem trước". Linear in tokens.
fn passed_on_early(t: &[Token]) -> bool {
    let shown_early = |k: usize| {
        t[k].fold == "xem"
            && spelled_at(t, k, "xem trước")
            && (k.saturating_sub(4)..k).any(|j| t[j].key == "cho")
    };
    let (copy_cues, secrecy) = (copy_cues(), secrecy());
    (0..t.len())
        .any(|k| copy_cues.at(t, k).is_some() || secrecy.at(t, k).is_some() || shown_early(k))
}

/// The token range of the sentence that holds token `i`.
fn sentence_range(ctx: &Ctx<'_>, i: usize) -> Range<usize> {
    let (sentence_of, ranges) = ctx.sentences();
    ranges[sentence_of[i]].clone()
}

/// Whether the post says the paper is published already ([`PUBLISHED`], not negated within
/// the four words before: "chưa đăng trên cổng thông tin").
fn published(t: &[Token]) -> bool {
    (0..t.len()).any(|k| {
        published_words().at(t, k).is_some()
            && !(k.saturating_sub(4)..k).any(|j| matches!(t[j].fold.as_str(), "chua" | "khong"))
    })
}

/// Kinds of official letter an urgency mark is written after ("công văn hỏa tốc").
const URGENT_KINDS: &[&str] = &["công văn", "công điện", "văn bản", "thông báo", "cv"];
/// Urgency marks (Nghị định 30/2020/NĐ-CP), longer before their prefixes.
const URGENCY: &[&str] = &["hoả tốc", "thượng khẩn", "khẩn"];
/// What a writer says who passes a letter on before it is public: "chưa công bố đâu", "gửi
/// trước" (and a cue of [`SECRECY`], or "cho cả nhóm xem trước": see [`urgent_copies`]). A
/// photo alone is not one ("mình chụp màn hình" of a ministry's letter in the news).
const COPY_CUES: &[&str] = &[
    "chưa công bố",
    "chưa được công bố",
    "chưa công khai",
    "chưa đăng lên",
    "chưa được đăng",
    "chưa ban hành",
    "chưa phát hành",
    "gửi trước",
];

/// What says the letter is public already: "đã đăng trên website", "Cổng thông tin".
const PUBLISHED: &[&str] = &[
    "đã đăng",
    "đăng trên",
    "cổng thông tin",
    "website",
    "đã ban hành",
    "vừa ban hành",
];

/// An urgent letter in the writer's hands: a kind of letter ([`URGENT_KINDS`]) with an urgency
/// mark right after ("Công văn hoả tốc của Sở", "cong van khan", "thông báo KHẨN"), in a post
/// that says the writer passes it on before it is public ([`COPY_CUES`], [`SECRECY`]) or got
/// hold of it ("xin được", "nhận được", "bản scan"). Without such a cue
/// the words are news ("Bộ Y tế có công văn hỏa tốc gửi các tỉnh") and get nothing. A
/// `warning` over the letter's kind and mark, unless a finding of the category covers it.
/// Linear in the number of tokens.
fn urgent_copies(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let mut spans = Vec::new();
    for i in 0..t.len() {
        if !matches!(t[i].fold.as_str(), "cong" | "van" | "thong" | "cv") {
            continue;
        }
        let Some(n) = spelled_any(t, i, URGENT_KINDS) else {
            continue;
        };
        let Some(m) = spelled_any(t, i + n, URGENCY) else {
            continue;
        };
        // "văn bản khẩn trương", "công văn khẩn cấp" are no urgency marks.
        if t.get(i + n + m).is_some_and(|x| {
            x.gap == Gap::Space
                && matches!(
                    x.fold.as_str(),
                    "truong" | "cap" | "thiet" | "hoang" | "khoan" | "cau" | "nai" | "bao" | "van"
                )
        }) {
            continue;
        }
        if spaced(t, i, i + n + m - 1) {
            spans.push(t[i].orig.start..t[i + n + m - 1].orig.end);
        }
    }
    // Or the mark heading the post or a line, punctuation after it, as the letter's
    // subject line is pasted ("Hoả tốc: UBND tỉnh yêu cầu các xã …, bản scan mình để dưới
    // cmt", adv56); the same cues below decide.
    for i in 0..t.len() {
        if !(i == 0 || t[i].gap == Gap::Hard)
            || !matches!(t[i].fold.as_str(), "hoa" | "thuong" | "khan")
        {
            continue;
        }
        let Some(m) = spelled_any(t, i, URGENCY) else {
            continue;
        };
        let end = t[i + m - 1].orig.end;
        // Any punctuation or emoji after it: "Hoả tốc:", "HỎA TỐC!!!", "[HỎA TỐC]",
        // "🔥HỎA TỐC🔥", "Thượng khẩn -" (brk41); not a word ("Khẩn trương").
        let headed = t.get(i + m).is_some_and(|x| x.gap != Gap::Space);
        if headed && spaced(t, i, i + m - 1) {
            spans.push(t[i].orig.start..end);
        }
    }
    if spans.is_empty() {
        return;
    }
    // About a state body: "Văn bản khẩn từ ban quản lý chung cư: mai cắt nước, em gửi trước"
    // is a building's notice.
    // An urgent letter is got hold of, or out only later: "bọn mình xin được ảnh chụp", "mai
    // trường mới thông báo".
    // Or received by the writer ("Xã mình nhận được văn bản HOẢ TỐC từ huyện", "Vừa nhận công
    // văn Hoả tốc …": no one else's receipt, "Các trường nhận được công văn hỏa tốc", "UBND
    // huyện cho biết đã nhận được …", brk37) or handed round ("ai cần bản scan thì cmt mình
    // gửi"): four blind rounds' misses. Not a forged letter warned about ("kẻ gian giả mạo
    // công văn hỏa tốc").
    let first_person =
        |k: usize| crate::engine::key_matches_any(&t[k], &["mình", "em", "tôi", "tui", "tớ", "e"]);
    let received = |k: usize| {
        let Some(n) = spelled_any(t, k, &["nhận được", "vừa nhận", "mới nhận"])
        else {
            return false;
        };
        // By the writer: a first-person word right before, or no subject at all (the
        // sentence opens with it, "vừa/mới" before it or not).
        let mut j = k;
        if n == 2
            && j > 0
            && t[j].gap == Gap::Space
            && crate::engine::key_matches_any(&t[j - 1], &["vừa", "mới", "đã"])
        {
            j -= 1;
        }
        // Not someone's of the writer's ("Vợ tôi / Sếp tôi nhận được công văn khẩn", brk38).
        let kin = |p: usize| {
            p > 0
                && crate::engine::key_matches_any(
                    &t[p - 1],
                    &[
                        "vợ", "chồng", "sếp", "bạn", "mẹ", "bố", "anh", "chị", "em", "con",
                    ],
                )
        };
        j == 0
            || t[j].gap == Gap::Hard
            || t[j].gap == Gap::Space && first_person(j - 1) && !kin(j - 1)
    };
    let got = || {
        (0..t.len()).any(|k| {
            received(k)
                || spelled_any(
                    t,
                    k,
                    &[
                        "xin được",
                        "mới thông báo",
                        "bản scan",
                        "cmt mình gửi",
                        "ib mình gửi",
                        "chụp gửi",
                        // "văn bản mình chụp được ở dưới", "ảnh chụp công văn ở cmt" (brk41).
                        "chụp được",
                        "bản chụp",
                        "ảnh chụp công văn",
                        "ảnh chụp văn bản",
                    ],
                )
                .is_some()
        })
    };
    let forged = || (0..t.len()).any(|k| spelled_at(t, k, "giả mạo"));
    if !(passed_on_early(t) || got()) || public_sign(t) || !about_agency(t, 0..t.len()) || forged()
    {
        return;
    }
    add_uncovered(t, out, Category::InternalDocument, spans, |s| {
        group_finding(ctx, "internal_document.urgency", Severity::Warning, s)
    });
}

/// Kinds of document (syllables as [`spelled_at`] reads them) that a qualifier right after
/// makes unpublished ("văn bản chưa ban hành", "tờ trình dự thảo lần 2"): the one whose first
/// syllable folds to `fold` (no two share one). A new kind goes into [`UNPUBLISHED_DOCS`] and
/// its first syllable into [`KIND_FIRSTS`] too ([`unpublished`] reads only words that pass it).
fn doc_kind(fold: &str) -> Option<&'static str> {
    Some(match fold {
        "van" => "văn bản",
        "cong" => "công văn",
        "to" => "tờ trình",
        "quyet" => "quyết định",
        "thong" => "thông báo",
        "bien" => "biên bản",
        "tai" => "tài liệu",
        "ho" => "hồ sơ",
        "bao" => "báo cáo",
        "ket" => "kết luận",
        "de" => "đề án",
        "phuong" => "phương án",
        "ke" => "kế hoạch",
        "danh" => "danh sách",
        _ => return None,
    })
}

/// The folded first syllables of [`doc_kind`]'s kinds, and "ban" ("bản" alone).
const KIND_FIRSTS: &[&str] = &[
    "van", "cong", "to", "quyet", "thong", "bien", "tai", "ho", "bao", "ket", "de", "phuong", "ke",
    "danh", "ban",
];

/// [`KIND_FIRSTS`] as a filter on a token's [`Token::fold_hash`] (no false negative), built
/// on first use.
fn kind_firsts() -> &'static crate::lexicon::KeyFilter {
    static FIRSTS: std::sync::OnceLock<crate::lexicon::KeyFilter> = std::sync::OnceLock::new();
    super::fold_filter(&FIRSTS, KIND_FIRSTS)
}

/// Words (keyed) of a business: a "mật" mark in their sentence is a company's confidentiality,
/// not a state secret.
const BUSINESS_WORDS: &[&str] = &[
    "công ty",
    "cty",
    "doanh nghiệp",
    "tập đoàn",
    "company",
    "startup",
];

/// Words (keyed) of state and party bodies: a mark in their sentence stays a state secret
/// even beside a business ("Bộ Công an … tập đoàn Vạn Thịnh Phát", "Tỉnh ủy … doanh nghiệp").
const STATE_BODIES: &[&str] = &[
    "bộ",
    "ủy ban",
    "ubnd",
    "tỉnh ủy",
    "huyện ủy",
    "thành ủy",
    "đảng ủy",
    "chính phủ",
    "công an",
    "quân đội",
    "quân khu",
    "sở",
    "cục",
];

/// Gives a classification finding in a sentence that names a business ([`BUSINESS_WORDS`]:
/// "Báo cáo mật của công ty mình về kế hoạch cắt giảm nhân sự") the message of the lexicon's
/// `internal_only` group (the organisation's rules), not the Law on State Secrets 2018's: a
/// company's papers are no state secret; not where a state or party body is named too
/// ([`STATE_BODIES`]). Severity and rule stay. Reads each sentence once, whatever the number of
/// marks in it.
fn company_secrets(ctx: &Ctx<'_>, out: &mut [Finding]) {
    if !out
        .iter()
        .any(|f| f.rule_id == "internal_document.classification")
    {
        return;
    }
    let t = ctx.tokens;
    let (sentence_of, ranges) = ctx.sentences();
    let Some(group) = ctx
        .lexicon
        .rules
        .iter()
        .find(|r| r.id == "internal_document.internal_only")
    else {
        return;
    };
    // Per sentence, read once (a sentence of a megabyte may hold thousands of marks).
    let mut business: Vec<Option<bool>> = vec![None; ranges.len()];
    for f in out
        .iter_mut()
        .filter(|f| f.rule_id == "internal_document.classification")
    {
        let toks = tokens_in(t, &f.span);
        if toks.is_empty() {
            continue;
        }
        let si = sentence_of[toks.start];
        let is_business = *business[si].get_or_insert_with(|| {
            let r = ranges[si].clone();
            r.clone()
                .any(|k| spelled_any(t, k, BUSINESS_WORDS).is_some())
                && !r
                    .into_iter()
                    .any(|k| spelled_any(t, k, STATE_BODIES).is_some())
        });
        if is_business {
            f.message = group.message.clone();
        }
    }
}

/// [`doc_kind`]'s kinds, for the tests.
#[cfg(test)]
const UNPUBLISHED_DOCS: &[&str] = &[
    "văn bản",
    "công văn",
    "tờ trình",
    "quyết định",
    "thông báo",
    "biên bản",
    "tài liệu",
    "hồ sơ",
    "báo cáo",
    "kết luận",
    "đề án",
    "phương án",
    "kế hoạch",
    "danh sách",
];

/// Qualifiers that say a document is not public, with the finding's severity: "nội bộ" and
/// "không phổ biến" are marks (`high`, as the lexicon's), the rest say it is not issued yet.
const UNPUBLISHED_QUALIFIERS: &[(&str, Severity)] = &[
    ("nội bộ", Severity::High),
    ("không phổ biến", Severity::High),
    ("chưa ban hành", Severity::Warning),
    ("chưa được ban hành", Severity::Warning),
    ("chưa ký", Severity::Warning),
    ("chưa được ký", Severity::Warning),
    ("chưa công bố", Severity::Warning),
    ("chưa được công bố", Severity::Warning),
    ("chưa công khai", Severity::Warning),
    ("không công khai", Severity::Warning),
    ("chưa phát hành", Severity::Warning),
    ("chưa thông qua", Severity::Warning),
    ("chưa được thông qua", Severity::Warning),
    ("chưa duyệt", Severity::Warning),
    ("chưa được duyệt", Severity::Warning),
    ("chưa phê duyệt", Severity::Warning),
    ("chưa được phê duyệt", Severity::Warning),
    ("chưa đưa ra tập thể bàn", Severity::Warning),
    ("chưa đưa ra tập thể", Severity::Warning),
];

/// The qualifier of [`UNPUBLISHED_QUALIFIERS`] spelled from token `k`, one phrase: its
/// syllable count and severity.
fn qualifier_at(t: &[Token], k: usize) -> Option<(usize, Severity)> {
    // Every qualifier starts with one of these (folded): other tokens are ruled out at once.
    if !matches!(t.get(k)?.fold.as_str(), "noi" | "khong" | "chua") {
        return None;
    }
    // Only a phrase spelled from `k` has its syllables counted.
    UNPUBLISHED_QUALIFIERS.iter().find_map(|&(q, severity)| {
        if !spelled_at(t, k, q) {
            return None;
        }
        let n = q.split(' ').count();
        spaced(t, k, k + n - 1).then_some((n, severity))
    })
}

/// In a text that already holds an internal-document finding (or in a sentence that names a
/// paper before it and a state body or a commune, ward or district, [`PAPERS`], [`AGENCY`], in
/// a text that passes something on or asks for secrecy, [`passes_on`], [`SECRECY`]; then the
/// papers it names are underlined too), a not-yet qualifier opening a
/// clause (after a comma, a bracket or a sentence end) says of that paper that it is not out
/// yet, and is underlined too (`internal_document.unpublished`): a qualifier of
/// [`UNPUBLISHED_QUALIFIERS`] of `warning` (all "chưa …") that ends its phrase ("Danh sách dự
/// kiến nhân sự …, chưa ban hành đâu nên đừng chuyển tiếp", "Ảnh chụp từ nhóm Zalo cơ quan,
/// chưa công bố:"), or "chưa trình" before a state body ([`AGENCY`]: "chưa trình UBND tỉnh"),
/// also after "bản này" ("…, bản này chưa trình Thường trực"); or a time to come and "mới"
/// before being made public ("tháng sau mới công bố", "mai mới ký"), or "chưa được (phép) đưa
/// ra ngoài". In a text that already holds a finding, "không phổ biến (rộng rãi)" in those
/// places is a distribution mark, `high` ("Báo cáo nhanh …, không phổ biến rộng rãi.").
fn loose_qualifiers(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let internal = out.iter().any(|f| f.category == Category::InternalDocument);
    let (sentence_of, ranges) = ctx.sentences();
    // Without another finding, the qualifier's own sentence must name a paper before it and a
    // state body: "Danh sách hộ cận nghèo đợt 2 phường vừa gửi xuống tổ, chưa công khai đâu".
    // Per sentence, read once: where its first paper starts, and whether it names a body.
    let mut sentence_papers: Vec<Option<(Option<usize>, bool)>> = vec![None; ranges.len()];
    // Whether a paper is named before token `k` in its sentence, and whether that sentence
    // names a body too.
    let mut paper_before = |k: usize| {
        let r = ranges[sentence_of[k]].clone();
        let (first, body) = *sentence_papers[sentence_of[k]].get_or_insert_with(|| {
            let first = r.clone().find(|&j| papers().at(t, j).is_some());
            let body = first.is_some()
                && (about_agency(t, r.clone())
                    || r.into_iter().any(|j| {
                        spelled_any(t, j, &["phường", "xã", "huyện", "quận", "tỉnh"]).is_some()
                    }));
            (first, body)
        });
        (first.is_some_and(|p| p < k), body)
    };
    // A clause opens at `k`, or after "bản này" (and a word: who) opening it ("…, bản này chưa
    // trình …", "…, bản này phòng chưa công bố đâu").
    let opens = |k: usize| {
        k == 0
            || t[k].gap != Gap::Space
            // "sếp dặn chưa được đưa ra ngoài".
            || t[k - 1].key == "dặn"
            // "…, bản chưa trình kỳ họp đâu": "bản" opening the clause.
            || t[k - 1].key == "bản" && (k == 1 || t[k - 1].gap != Gap::Space)
            || (k.saturating_sub(3)..k.saturating_sub(1)).any(|b| {
                t[b].key == "bản"
                    && t[b + 1].key == "này"
                    && (b == 0 || t[b].gap != Gap::Space)
                    && t[b + 1..=k].iter().all(|x| x.gap == Gap::Space)
            })
    };
    // The qualifier ends the paper's own phrase, in one clause: "quyết định điều động cán bộ
    // chưa ban hành", "đề án sắp xếp bộ máy bản chưa ký đây" (the paper within eight words
    // before it, spaces only between).
    let after_paper = |k: usize| {
        (k.saturating_sub(8)..k)
            .rev()
            .take_while(|&j| t[j + 1].gap == Gap::Space)
            .any(|j| papers().at(t, j).is_some_and(|m| j + m <= k))
    };
    let mut spans = Vec::new();
    // The spans that are marks ("không phổ biến"): `high`, as the lexicon's marks.
    let mut marks = Vec::new();
    let mut leaks: Option<bool> = None;
    let first_colon = ctx.text.find(':');
    let mut papers_marked = vec![false; ranges.len()];
    for k in 0..t.len() {
        let found = match t[k].fold.as_str() {
            "chua" if opens(k) || after_paper(k) => qualifier_at(t, k)
                .filter(|&(_, severity)| severity == Severity::Warning)
                // The qualifier ends its phrase: "chưa ban hành đâu", "(chưa công bố chính
                // thức)", not "chưa ký tên ai cả", "chưa ký hợp đồng".
                .filter(|&(n, _)| {
                    t.get(k + n).is_none_or(|x| {
                        x.gap != Gap::Space
                            || matches!(
                                x.fold.as_str(),
                                "dau"
                                    | "nen"
                                    | "ma"
                                    | "nhung"
                                    | "chinh"
                                    | "thi"
                                    | "nhe"
                                    | "nha"
                                    | "ra"
                                    | "day"
                            )
                    })
                })
                .map(|(n, _)| (k, n))
                // Not yet put before a state body or its meeting: "chưa trình UBND tỉnh",
                // "chưa trình kỳ họp".
                .or_else(|| {
                    (spelled_at(t, k, "chưa trình")
                        && spaced(t, k, k + 2)
                        && (agency().at(t, k + 2).is_some() || meeting_at(t, k + 2)))
                    .then_some((k, 2))
                })
                // Not yet let out: "(sếp dặn chưa được đưa ra ngoài)".
                .or_else(|| {
                    spelled_any(
                        t,
                        k,
                        &["chưa được phép đưa ra ngoài", "chưa được đưa ra ngoài"],
                    )
                    .map(|n| (k, n))
                }),
            // In a text already read as a paper's, the mark "không phổ biến (rộng rãi)" opening
            // a clause or ending the paper's phrase ("Báo cáo nhanh tình hình …, không phổ
            // biến rộng rãi."), ending its own phrase: not "không phổ biến lắm".
            "khong" if internal && (opens(k) || after_paper(k)) => {
                spelled_any(t, k, &["không phổ biến rộng rãi", "không phổ biến"])
                    .filter(|&n| spaced(t, k, k + n - 1))
                    .filter(|&n| t.get(k + n).is_none_or(|x| x.gap != Gap::Space))
                    .map(|n| (k, n))
            }
            // Out only later: "tháng sau mới công bố", "mai mới ký".
            "moi" if t[k].key == "mới" && k > 0 && t[k].gap == Gap::Space => {
                let when = match t[k - 1].key.as_str() {
                    "mai"
                        if k >= 2 && matches!(t[k - 2].key.as_str(), "ngày" | "sáng" | "chiều") =>
                    {
                        Some(k - 2)
                    }
                    "mai" => Some(k - 1),
                    "sau" | "tới" if k >= 2 => Some(k - 2),
                    _ => None,
                };
                let verb = spelled_any(t, k + 1, &["công bố", "ban hành", "công khai", "ký"]);
                when.zip(verb)
                    .filter(|&(s, n)| spaced(t, s, k + n))
                    .map(|(s, n)| (s, k + 1 + n - s))
            }
            _ => None,
        };
        let Some((s, n)) = found else {
            continue;
        };
        // Without another finding, the paper is also passed on or to be kept secret: "tháng
        // sau mới công bố" alone is news ("Danh sách trúng tuyển … tháng sau mới công bố").
        // A colon before it that opens the paper's contents counts too ("Phương án nhân sự …
        // tối qua: đ/c Hùng bí thư, …, chưa thông qua").
        // A meeting it is not yet put before names the body ("Dự thảo nghị quyết …, bản chưa
        // trình kỳ họp đâu").
        let of_a_body_paper = |(papered, body): (bool, bool)| {
            papered && (body || spelled_at(t, s, "chưa trình") && meeting_at(t, s + 2))
        };
        if !(internal
            || of_a_body_paper(paper_before(s))
                && (*leaks
                    .get_or_insert_with(|| passes_on(ctx) || secrecy().any_in(t, 0..t.len()))
                    || first_colon.is_some_and(|c| c < t[s].orig.start)))
        {
            continue;
        }
        let span = t[s].orig.start..t[s + n - 1].orig.end;
        if t[s].fold == "khong" {
            marks.push(span.clone());
        }
        spans.push(span);
        // With no other finding, the papers the sentence names before it are the ones not
        // out yet: underlined too, once per sentence.
        let si = sentence_of[s];
        if !internal && !papers_marked[si] {
            papers_marked[si] = true;
            let mut j = ranges[si].start;
            while j < s {
                // Not the kind inside an act's number ("512/QĐ-UBND").
                let coded = j > 0 && ctx.text.get(t[j - 1].orig.end..t[j].orig.start) == Some("/");
                match papers().at(t, j) {
                    Some(m) if j + m <= s && !coded => {
                        spans.push(t[j].orig.start..t[j + m - 1].orig.end);
                        j += m;
                    }
                    _ => j += 1,
                }
            }
        }
    }
    add_uncovered(t, out, Category::InternalDocument, spans, |span| {
        let severity = if marks.contains(&span) {
            Severity::High
        } else {
            Severity::Warning
        };
        Some(finding(
            "internal_document.unpublished",
            Category::InternalDocument,
            severity,
            span,
            UNPUBLISHED_VI,
            UNPUBLISHED_EN,
        ))
    });
}

/// Whether a meeting of a body or its standing committee is spelled from token `k` ("kỳ họp",
/// "hội nghị", "thường trực"; not "tập thể", a class's too): what a draft is put before.
fn meeting_at(t: &[Token], k: usize) -> bool {
    spelled_any(
        t,
        k,
        &[
            "kỳ họp",
            "hội nghị",
            "thường trực",
            "thường vụ",
            "ban thường vụ",
            "hội đồng",
        ],
    )
    .is_some()
}

/// Whether a public act (a law, decree, circular …: [`PUBLIC_ACT_WORDS`] but "quyết định",
/// which is as often a unit's own) is named within the twelve words before token `i`, in the
/// same sentence.
fn public_act_before(t: &[Token], i: usize) -> bool {
    (i.saturating_sub(12)..i)
        .rev()
        .take_while(|&k| t.get(k + 1).is_none_or(|x| x.gap != Gap::Hard))
        .any(|k| {
            PUBLIC_ACT_WORDS
                .iter()
                .filter(|w| **w != "quyết định")
                .any(|w| spelled_at(t, k, w))
        })
}

/// Whether the title of a paper that is internal by kind (a list, plan, report, submission,
/// minutes, scheme, options paper) opens within the sixteen words before token `i`, in the
/// same sentence: "Danh sách cán bộ diện quy hoạch giai đoạn 2026-2031 của huyện (bản dự
/// kiến, …".
fn internal_title_before(t: &[Token], i: usize) -> bool {
    const TITLES: &[&str] = &[
        "danh sách",
        "kế hoạch",
        "báo cáo",
        "tờ trình",
        "biên bản",
        "đề án",
        "phương án",
        "dự toán",
    ];
    (i.saturating_sub(16)..i)
        .rev()
        .take_while(|&k| t.get(k + 1).is_none_or(|x| x.gap != Gap::Hard))
        .any(|k| TITLES.iter().any(|w| spelled_at(t, k, w)))
}

/// Words that count the documents after them (see [`unpublished`]).
const COUNT_WORDS: &[&str] = &[
    "nhiều",
    "các",
    "những",
    "số",
    "mọi",
    "vài",
    "mấy",
    "hàng",
    "bao nhiêu",
];

const UNPUBLISHED_VI: &str = "Văn bản chưa công khai (nội bộ, chưa ký, chưa ban hành): đưa lên mạng là làm lộ thông tin của cơ quan (bổn phận 8).";
const UNPUBLISHED_EN: &str = "A document that is not public (internal, unsigned or not yet issued): posting it leaks your organisation's information (duty 8).";

/// A document named with a qualifier that says it is not public: "văn bản chưa ban hành",
/// "(bản chưa ký)", "bản dự thảo nội bộ", "tờ trình dự thảo lần 2", "van ban chua ban hanh".
/// The kind ([`doc_kind`], or "bản" opening a phrase or before "dự thảo"), then
/// optionally "dự thảo", then a qualifier ([`UNPUBLISHED_QUALIFIERS`]) or, after "dự thảo",
/// "lần" and a number; words joined by spaces only ("văn bản hướng dẫn chưa ban hành", news
/// about a late decree, does not match). Adds nothing where a finding of the category already
/// covers the words. Linear in the number of tokens.
fn unpublished(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // Built on the first candidate: most texts name no document.
    let mut covered: Option<Covered<'_>> = None;
    let mut bodies: Option<StartIndex> = None;
    let mut found = Vec::new();
    for i in 0..t.len() {
        // The kind whose first syllable folds as this word's: the filter of those syllables
        // (and "ban") on the word's folded hash rules out most words.
        if !kind_firsts().may_contain_hash(t[i].fold_hash) {
            continue;
        }
        let kind = doc_kind(&t[i].fold)
            .filter(|d| spelled_at(t, i, d))
            .map(|d| d.split(' ').count());
        if kind.is_none() && t[i].fold != "ban" {
            continue;
        }
        // "bản dự kiến" (a provisional version) reads like "bản dự thảo" after "bản".
        let drafted = |at: usize| {
            (spelled_at(t, at, "dự thảo") || t[i].fold == "ban" && spelled_at(t, at, "dự kiến"))
                && spaced(t, at - 1, at + 1)
        };
        let named = kind.is_some();
        let kind = kind.or_else(|| {
            // "bản" alone: opening a phrase ("(bản chưa ký)", ": bản dự thảo") or before
            // "dự thảo" ("ban du thao noi bo"); not the end of "phiên bản", "kịch bản".
            (spelled_at(t, i, "bản") && (i == 0 || t[i].gap != Gap::Space || drafted(i + 1)))
                .then_some(1)
        });
        let Some(n) = kind else {
            continue;
        };
        // Counted documents are statistics, not a paper in hand: "còn 5 văn bản chưa ban
        // hành", "nhiều kế hoạch chưa công bố".
        let counted = i > 0
            && t[i].gap == Gap::Space
            && (t[i - 1].numeric || COUNT_WORDS.iter().any(|w| spelled_before(t, i, w)));
        if counted || !spaced(t, i, i + n - 1) {
            continue;
        }
        let mut k = i + n;
        let draft = drafted(k);
        if draft {
            k += 2;
        }
        // "Quyết định này chưa ban hành đâu": a demonstrative between.
        if !draft
            && named
            && t.get(k).is_some_and(|x| {
                x.gap == Gap::Space && matches!(x.key.as_str(), "này" | "đó" | "kia" | "ấy")
            })
        {
            k += 1;
        }
        // After a draft a comma may come first: "(bản dự thảo, chưa thông qua …)", only
        // after the title of a paper that is internal by kind ("Danh sách cán bộ diện quy
        // hoạch … (bản dự kiến, chưa thông qua)"; not a class reunion's "Thông báo").
        let comma = t.get(k).is_some_and(|x| x.gap == Gap::Soft);
        if t.get(k).is_none_or(|x| x.gap != Gap::Space)
            && !(draft && comma && internal_title_before(t, i))
        {
            continue;
        }
        let qualifier = qualifier_at(t, k).or_else(|| {
            // "lần 2" only after a named kind ("tờ trình dự thảo lần 2"; a novel has a
            // "bản dự thảo lần 2" too).
            (draft
                && named
                && spelled_at(t, k, "lần")
                && t.get(k + 1)
                    .is_some_and(|x| x.numeric && x.gap == Gap::Space))
            .then_some((2, Severity::Warning))
        });
        let Some((q, severity)) = qualifier else {
            continue;
        };
        // Not yet approved ("chưa thông qua", "chưa duyệt") and the comma form say a paper is
        // internal only about a state body: "Kế hoạch chưa thông qua đâu, buổi họp lớp …",
        // "Hồ sơ chưa được duyệt" are everyday.
        let approval = spelled_at(t, k, "chưa thông qua")
            || spelled_at(t, k, "chưa được thông qua")
            || spelled_any(
                t,
                k,
                &[
                    "chưa duyệt",
                    "chưa được duyệt",
                    "chưa phê duyệt",
                    "chưa được phê duyệt",
                ],
            )
            .is_some();
        if (approval || comma)
            && !bodies
                .get_or_insert_with(|| agency_index(t))
                .any_in(sentence_range(ctx, i))
        {
            continue;
        }
        // A public act's draft is published for comment: "Dự thảo Luật Đất đai (bản dự thảo,
        // chưa thông qua)".
        if public_act_before(t, i) {
            continue;
        }
        // "bản" alone with a not-yet qualifier is any paper ("Hợp đồng thuê nhà (bản chưa
        // ký)"): only after a document's number or title, or as a draft.
        if !named
            && severity < Severity::High
            && !draft
            && !crate::engine::bracketed_after_document(ctx.text, t, i)
        {
            continue;
        }
        let span = t[i].orig.start..t[k + q - 1].orig.end;
        let covered = covered
            .get_or_insert_with(|| Covered::new(ctx.tokens, out, Category::InternalDocument));
        if !covered.overlaps(&span) {
            found.push(finding(
                "internal_document.unpublished",
                Category::InternalDocument,
                severity,
                span,
                UNPUBLISHED_VI,
                UNPUBLISHED_EN,
            ));
        }
    }
    out.append(&mut found);
}

/// A draft passed on before it is out, of any body (a club's disciplinary decision, a
/// platform's new fees, a player's contract): "dự thảo" (any case, typed flat or not; not a
/// public act's: "Dự thảo Luật …") in a post that says it is not out yet (a not-yet qualifier
/// of [`UNPUBLISHED_QUALIFIERS`] or "chưa trình" after it: "chưa ký đâu", "chua ky ban hanh")
/// and that it came from elsewhere (a cue of passing it on early or of secrecy,
/// [`passed_on_early`], or of getting hold of it, [`GOT_HOLD`], [`PHOTOGRAPHED`]): "Du thao QD
/// ky luat 3 cau thu …, chua ky ban hanh, t chup duoc tren ban van phong CLB" (three blind
/// rounds of the twenty-second session). The writer's own draft asked about ("Dự thảo hợp
/// đồng thuê nhà em soạn, chưa ký, anh xem giúp") has no such cue. A `warning` over "(bản) dự
/// thảo" and the word after it, as the lexicon's `draft` group, unless a finding of the
/// category covers it; drafts open for comment are dropped after ([`drop_public_drafts`]).
/// Linear in tokens.
fn leaked_drafts(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let drafts: Vec<usize> = (0..t.len())
        .filter(|&i| t[i].fold == "du" && spelled_at(t, i, "dự thảo") && spaced(t, i, i + 1))
        .filter(|&i| !public_act_after(t, i + 2) && !public_act_before(t, i) && !own_draft(t, i))
        .collect();
    let Some(&first) = drafts.first() else {
        return;
    };
    let not_yet = (first + 2..t.len()).any(|k| {
        qualifier_at(t, k).is_some_and(|(_, s)| s == Severity::Warning)
            || spelled_at(t, k, "chưa trình")
    });
    if !not_yet {
        return;
    }
    // Not any passing on ([`passes_on`]: "ib", "gửi" are also a service's ad, "Nhận làm dự
    // thảo hợp đồng, chưa ký thì không mất phí, liên hệ ib").
    let handed = passed_on_early(t)
        || (0..t.len()).any(|k| got_hold().at(t, k).is_some() || photographed().at(t, k).is_some());
    if !handed {
        return;
    }
    let spans = drafts
        .into_iter()
        .map(|i| {
            let start = if i > 0 && t[i].gap == Gap::Space && t[i - 1].fold == "ban" {
                i - 1
            } else {
                i
            };
            let end = if t.get(i + 2).is_some_and(|x| x.gap == Gap::Space) {
                i + 2
            } else {
                i + 1
            };
            t[start].orig.start..t[end].orig.end
        })
        .collect();
    add_uncovered(t, out, Category::InternalDocument, spans, |s| {
        group_finding(ctx, "internal_document.draft", Severity::Warning, s)
    });
}

/// Drops the not-yet findings (`internal_document.unpublished`, `internal_document.draft`) of
/// a sentence that names a public act's draft ("Dự thảo Nghị định về thuế chưa thông qua
/// nhưng báo chí đưa tin rồi": a draft decree is published for comment; [`public_act_after`]),
/// through [`drop_drafts_where`].
fn drop_public_act_drafts(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    drop_drafts_where(ctx, out, |k| {
        t[k].fold == "du" && spelled_at(t, k, "dự thảo") && public_act_after(t, k + 2)
    });
}

/// Whether a public act's name follows "dự thảo" at token `i`: "Dự thảo Luật Đất đai", "dự
/// thảo nghị định …", also amended ("Dự thảo sửa đổi Luật Thuế", "dự thảo sửa đổi, bổ sung
/// Nghị định …", brk41).
fn public_act_after(t: &[Token], mut i: usize) -> bool {
    for _ in 0..2 {
        match spelled_any(t, i, &["sửa đổi", "bổ sung"]) {
            Some(n) if t.get(i).is_some_and(|x| x.gap != Gap::Hard) => i += n,
            _ => break,
        }
    }
    // Not a decision, a resolution or a directive: a party cell's or a body's draft of one is
    // internal ("ban du thao nghi quyet Dai hoi chi bo", "dự thảo chỉ thị").
    t.get(i).is_some_and(|x| x.gap != Gap::Hard)
        && PUBLIC_ACT_WORDS
            .iter()
            .filter(|w| !matches!(**w, "quyết định" | "nghị quyết" | "chỉ thị"))
            .any(|w| spelled_at(t, i, w))
}

/// Whether the draft at token `i` ("dự thảo") is the writer's own: the writer within the five
/// words after it, in its clause ("Dự thảo hợp đồng thuê nhà em soạn", "dự thảo hợp đồng của
/// mình", brk41).
fn own_draft(t: &[Token], i: usize) -> bool {
    (i + 2..(i + 8).min(t.len()))
        .take_while(|&k| t[k].gap == Gap::Space)
        // Not a name typed without its marks ("của Minh Khoa" is no "của mình").
        .any(|k| {
            !t[k].capitalized
                && crate::engine::key_matches_any(
                    &t[k],
                    &["em", "mình", "tôi", "tui", "tớ", "mk", "t"],
                )
        })
}

/// Words that open a draft to the public in the same sentence: a draft plan "niêm yết công
/// khai … để lấy ý kiến cộng đồng dân cư" is no internal paper.
const PUBLIC_CONSULTATION: &[&str] = &[
    "lấy ý kiến nhân dân",
    "lấy ý kiến cộng đồng",
    "lấy ý kiến người dân",
    "lấy ý kiến rộng rãi",
    "lấy ý kiến góp ý của nhân dân",
    "niêm yết công khai",
    "công khai lấy ý kiến",
    // A school's draft open to its students or parents (adv52: "Dự thảo quy chế đào tạo mới
    // đang được trường lấy ý kiến công khai trên website").
    "lấy ý kiến công khai",
    "lấy ý kiến sinh viên",
    "lấy ý kiến phụ huynh",
    "công khai trên website",
];

/// Words of a legal explanation: "Theo quy định, văn bản chưa ban hành không được áp dụng" is
/// about documents in general, not a paper in hand.
const LEGAL_EXPLANATION: &[&str] = &[
    "theo quy định",
    "giá trị pháp lý",
    "hiệu lực",
    "được áp dụng",
    "luật sư",
];

/// Drops draft and not-yet-issued findings (`internal_document.draft`,
/// `internal_document.unpublished`) in a sentence that opens the draft to public comment
/// ([`PUBLIC_CONSULTATION`]) or explains the law in general ([`LEGAL_EXPLANATION`]).
fn drop_public_drafts(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // Not negated ("chưa lấy ý kiến công khai", "chưa được niêm yết công khai", brk38).
    drop_drafts_where(ctx, out, |k| {
        PUBLIC_CONSULTATION
            .iter()
            .chain(LEGAL_EXPLANATION)
            .any(|p| spelled_at(t, k, p))
            && !(k.saturating_sub(2)..k)
                .any(|j| crate::engine::key_matches_any(&t[j], &["chưa", "không", "đừng", "chẳng"]))
    });
}

/// Drops the draft and not-yet findings (`internal_document.draft`,
/// `internal_document.unpublished`) of each sentence where `public_at(k)` holds at some token
/// `k`. Each sentence is read once, however many drafts it holds, and only when such a
/// finding stands.
fn drop_drafts_where(ctx: &Ctx<'_>, out: &mut Vec<Finding>, public_at: impl Fn(usize) -> bool) {
    let t = ctx.tokens;
    let is_draft = |f: &Finding| {
        matches!(
            f.rule_id.as_str(),
            "internal_document.draft" | "internal_document.unpublished"
        )
    };
    if !out.iter().any(is_draft) {
        return;
    }
    let (sentence_of, ranges) = ctx.sentences();
    let mut public: Vec<Option<bool>> = vec![None; ranges.len()];
    out.retain(|f| {
        if !is_draft(f) {
            return true;
        }
        let Some(si) = tokens_in(t, &f.span).next().map(|k| sentence_of[k]) else {
            return true;
        };
        !*public[si].get_or_insert_with(|| ranges[si].clone().any(&public_at))
    });
}

/// An urgency mark on its own (`KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`) heads public appeals and shop
/// posts as often as documents ("KHẨN" / "Cần người hiến máu nhóm O", "HỎA TỐC" / "Giảm giá 50%
/// hôm nay"), and the national motto or the party's name on a line of their own head National
/// Day greetings ("Chúc mừng Quốc khánh" / "Độc lập - Tự do - Hạnh phúc"). Such a mark stays a
/// finding only when something else in the text shows that the text is a document: `parts`
/// (structural parts found above), another internal-document finding (a mark of the other
/// kind counts: urgency above the motto), a subject line ("V/v …" / "Về việc …" opening a
/// sentence), a document code anywhere (`coded`), a document's next part right after the mark
/// ([`crate::engine::part_follows`]: "HỎA TỐC" / "Công văn gửi các phường …", "HỎA TỐC - gửi
/// các trường"), or the mark named as a stamp ("dấu KHẨN"). The urgency field of a form
/// (`Độ khẩn: …`) is a document part itself and always stays.
fn drop_lone_marks(ctx: &Ctx<'_>, parts: usize, coded: bool, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    let is_urgency = |f: &Finding| {
        f.rule_id == "internal_document.urgency"
            && !matches!(&t[super::tokens_in(t, &f.span)], [d, _] if d.key == "độ")
    };
    let is_header = |f: &Finding| f.rule_id == "internal_document.document_skeleton";
    let is_mark = |f: &Finding| is_urgency(f) || is_header(f);
    if parts > 0 || !out.iter().any(is_mark) {
        return;
    }
    let other = out
        .iter()
        .any(|f| f.category == Category::InternalDocument && !is_mark(f))
        || out.iter().any(is_urgency) && out.iter().any(is_header);
    // A subject line ("V/v …", "Về việc …" opening a sentence) is a document's too.
    let subject = || {
        (0..t.len()).any(|i| {
            (i == 0 || t[i].gap == crate::text::Gap::Hard || t[i - 1].key == "khẩn")
                && (t[i].key == "v/v"
                    || (t[i].key == "v" && t.get(i + 1).is_some_and(|n| n.key == "v"))
                    || (t[i].key == "về" && t.get(i + 1).is_some_and(|n| n.key == "việc")))
        })
    };
    // A document code anywhere (`coded`: "Số: 87/TB-UBND" run into one line with the header).
    if other || coded || subject() {
        return;
    }
    // A document's next part right after the mark (a title, a number line, the addressees or
    // another mark; on its line or the next), or the mark named as a document's stamp ("dấu
    // KHẨN", "Văn bản KHẨN của …").
    let titled = |f: &Finding| {
        let r = super::tokens_in(t, &f.span);
        r.end > 0 && crate::engine::part_follows(t, r.end - 1) || crate::engine::stamped(t, r.start)
    };
    out.retain(|f| !is_mark(f) || titled(f));
}

/// The last line of `s` if it is at most 48 bytes long, else its last 48 bytes' worth (enough
/// for any run of marks, and bounded: this is asked for every document code).
fn line_tail(s: &str) -> &str {
    let mut from = s.len().saturating_sub(48);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let tail = &s[from..];
    match tail.rfind('\n') {
        Some(n) => &tail[n + 1..],
        // A longer line: a word before the window makes it more than marks.
        None if from > 0 => "x",
        None => tail,
    }
}

/// Whether `line` (normalised, lower case) holds only classification and urgency marks and
/// the separators between them ("mật –", "khẩn - mật |"), and at least one mark.
fn marks_only(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, '-' | '–' | '—' | '|' | ':' | '/' | '[' | ']' | '(' | ')')
        })
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            matches!(
                *w,
                "mật"
                    | "tối"
                    | "tuyệt"
                    | "khẩn"
                    | "thượng"
                    | "hỏa"
                    | "hoả"
                    | "tốc"
                    | "confidential"
            )
        })
}

/// The value of a document form's field after "Độ khẩn:" / "Độ mật:" ("Khẩn", "Hỏa tốc",
/// "Tối mật") joins the field's finding: the mark is what is underlined.
fn field_values(ctx: &Ctx<'_>, out: &mut [Finding]) {
    let t = ctx.tokens;
    for f in out
        .iter_mut()
        .filter(|f| f.category == Category::InternalDocument)
    {
        let r = tokens_in(t, &f.span);
        if r.len() != 2
            || t[r.start].key != "độ"
            || !matches!(t[r.end - 1].key.as_str(), "khẩn" | "mật")
        {
            continue;
        }
        let colon = t.get(r.end).is_some_and(|v| {
            ctx.text
                .get(t[r.end - 1].orig.end..v.orig.start)
                .is_some_and(|sep| sep.trim() == ":")
        });
        if !colon {
            continue;
        }
        let value = spelled_any(
            t,
            r.end,
            &[
                "thượng khẩn",
                "hoả tốc",
                "tối mật",
                "tuyệt mật",
                "khẩn",
                "mật",
            ],
        );
        if let Some(n) = value {
            f.span.end = t[r.end + n - 1].orig.end;
        }
    }
}

/// Whether `code` names a document's kind and issuer (`87/tb-ubnd`, `12-bc/đu`), not a price
/// or a rate (`50/cái`, `300/ngày`).
fn has_issuer(code: &str) -> bool {
    let kind = code.split_once('/').map_or("", |(_, k)| k);
    kind.contains(['-', '/']) || code.split('/').next().is_some_and(|n| n.contains('-'))
}

/// Whether `s` ends with an opening quote or bracket: what follows is quoted from a document.
fn ends_with_quote(s: &str) -> bool {
    s.ends_with(['\'', '"', '“', '‘', '«', '(', '['])
}

/// Whether `s` ends with the word(s) `w` on a word boundary.
fn ends_with_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w).is_some_and(|rest| {
        rest.chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Document codes in the (lower-case) normalised text: `125/bc-ubnd`, `13/2023/nđ-cp`,
/// `88/ttr-snv` — a number of up to six digits not continuing a longer number or word, `/`
/// (spaces allowed around it), an optional four-digit year and `/`, one to eight letters, and
/// up to three more `-` or `/` parts of letters and digits — and the party form `12-bc/đu`
/// (number, `-`, kind, `/`, issuing body). Byte ranges of `norm`.
fn doc_codes(norm: &str) -> Vec<Range<usize>> {
    let b = norm.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match super::find_byte(b, i, (0x2F, 0x3A), u8::is_ascii_digit) {
            Some(p) => i = p,
            None => break,
        }
        let start = i;
        let prev = norm[..start].chars().next_back();
        let mut j = start;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let run_end = j;
        if run_end - start > 6 || prev.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '.')
        {
            i = run_end;
            continue;
        }
        if let Some(end) = code_tail(norm, run_end) {
            out.push(start..end);
            i = end;
        } else {
            i = run_end;
        }
    }
    out
}

/// The rest of a document code after its number, from byte `at`; its end, or `None`.
fn code_tail(norm: &str, at: usize) -> Option<usize> {
    let b = norm.as_bytes();
    let letters = |from: usize, max: usize, digits: bool| -> usize {
        let mut k = from;
        for (n, c) in norm[from..].chars().enumerate() {
            if n == max || !(c.is_ascii_lowercase() || c == 'đ' || (digits && c.is_ascii_digit()))
            {
                break;
            }
            k += c.len_utf8();
        }
        k
    };
    // Party documents: `12-BC/ĐU`, `45-CV/TU` (number, dash, kind, slash, issuing body).
    if b.get(at) == Some(&b'-') {
        let kind_end = letters(at + 1, 8, false);
        if kind_end > at + 1 && b.get(kind_end) == Some(&b'/') {
            let end = letters(kind_end + 1, 12, true);
            return (end > kind_end + 1).then_some(end);
        }
        return None;
    }
    let mut j = at;
    if b.get(j) == Some(&b' ') {
        j += 1;
    }
    if b.get(j) != Some(&b'/') {
        return None;
    }
    j += 1;
    if b.get(j) == Some(&b' ') {
        j += 1;
    }
    // Optional year: four digits and a slash.
    if b.len() >= j + 5 && b[j..j + 4].iter().all(u8::is_ascii_digit) && b[j + 4] == b'/' {
        j += 5;
    }
    let mut end = letters(j, 8, false);
    if end == j {
        return None;
    }
    for _ in 0..3 {
        match b.get(end) {
            Some(b'-') | Some(b'/') => {
                let e = letters(end + 1, 12, true);
                if e == end + 1 {
                    break;
                }
                end = e;
            }
            _ => break,
        }
    }
    Some(end)
}

/// `Kính gửi:` and `Nơi nhận:` at the start of a line (after spaces, dashes or bullets), and
/// `Nơi nhận:` quoted too (after an opening quote or bracket: the addressee list closes
/// official documents only; a quoted "Kính gửi:" is as often a wedding card or a school's
/// letter): the byte ranges from the word to the colon, in order. One substring search per
/// word over the whole text.
fn frame_lines(norm: &str) -> Vec<Range<usize>> {
    // Each word's hits come in order; the four lists are merged (no sort: one more sort
    // instance costs the `.wasm` kilobytes).
    let mut lists: [Vec<Range<usize>>; 4] = Default::default();
    for (out, word) in lists
        .iter_mut()
        .zip(["kính gửi", "nơi nhận", "kinh gui", "noi nhan"])
    {
        for i in memchr::memmem::find_iter(norm.as_bytes(), word) {
            let head = &norm[..i];
            let lead = head.trim_end_matches([' ', '\t', '-', '–', '•', '*', '>']);
            let opens_line = lead.is_empty() || lead.ends_with('\n');
            let quoted =
                word.starts_with('n') && ends_with_quote(head.trim_end_matches([' ', '\t']));
            if !(opens_line || quoted) {
                continue;
            }
            let after = &norm[i + word.len()..];
            let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
            if after[spaces..].starts_with(':')
                && !(word.starts_with('k') && to_the_public(&after[spaces + 1..]))
            {
                out.push(i..i + word.len() + spaces + 1);
            }
        }
    }
    let mut heads = [0usize; 4];
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    while let Some(k) = (0..4)
        .filter(|&k| heads[k] < lists[k].len())
        .min_by_key(|&k| lists[k][heads[k]].start)
    {
        out.push(lists[k][heads[k]].clone());
        heads[k] += 1;
    }
    out
}

/// Addressees (normalised, lower case) that make "Kính gửi:" a notice to the public or a
/// card, not an office's letter: "Quý khách hàng", "Quý phụ huynh", "Toàn thể cư dân".
const PUBLIC_ADDRESSEES: &[&str] = &[
    "quý ",
    "quy ",
    "toàn thể",
    "toan the",
    "các bạn",
    "cac ban",
    "bà con",
    "ba con",
    "mọi người",
    "moi nguoi",
    "khách hàng",
    "khach hang",
    "phụ huynh",
    "phu huynh",
    "cư dân",
    "cu dan",
    "đồng bào",
    "dong bao",
];

/// Whether the text after "Kính gửi:" (`rest`, normalised) names the public or a card's guests
/// first ([`PUBLIC_ADDRESSEES`], after spaces and a line break).
pub(crate) fn to_the_public(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t', '\n', '-', '–', '•', '*']);
    PUBLIC_ADDRESSEES.iter().any(|w| rest.starts_with(w))
}

/// The filing line `Lưu: VT` (`lưu vt`, `lưu: vt`, or `luu: vt` without diacritics), not
/// inside a longer word.
fn filing_lines(norm: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let b = norm.as_bytes();
    let found = |w: &'static str| memchr::memmem::find_iter(b, w).map(move |i| (i, w));
    for (i, word) in found("lưu").chain(found("luu")) {
        let before_ok = norm[..i]
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, ' ' | '\t' | ';' | '-' | '\n'));
        let after = &norm[i + word.len()..];
        let t = after.trim_start_matches([' ', '\t']);
        let t = t
            .strip_prefix(':')
            .unwrap_or(t)
            .trim_start_matches([' ', '\t']);
        if before_ok && t.starts_with("vt") && !t[2..].starts_with(|c: char| c.is_alphanumeric()) {
            let end = i + word.len() + (after.len() - t.len()) + 2;
            out.push(i..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`KIND_FIRSTS`] holds the folded first syllable of every kind of [`doc_kind`] (and no
    /// other word).
    #[test]
    fn kind_firsts_are_the_kinds() {
        for w in KIND_FIRSTS {
            assert!(*w == "ban" || doc_kind(w).is_some(), "{w}");
        }
        for d in UNPUBLISHED_DOCS {
            let first = crate::text::tone::fold(d.split(' ').next().unwrap_or(""));
            assert!(KIND_FIRSTS.contains(&first.as_str()), "{d}");
        }
    }

    /// [`qualifier_at`]'s gate lets through the first syllable of every qualifier.
    #[test]
    fn qualifiers_start_with_a_gate_word() {
        for (q, _) in UNPUBLISHED_QUALIFIERS {
            let first = crate::text::tone::fold(q.split(' ').next().unwrap_or(""));
            assert!(matches!(first.as_str(), "noi" | "khong" | "chua"), "{q}");
        }
    }

    /// The word lists are written as the text is keyed (tone on the main vowel), or a word
    /// typed either way would never match.
    /// [`doc_kind`] finds every kind of [`UNPUBLISHED_DOCS`] by its first syllable's fold.
    #[test]
    fn doc_kind_covers_the_kinds() {
        for d in UNPUBLISHED_DOCS {
            let first = d.split(' ').next().unwrap_or_default();
            assert_eq!(doc_kind(&crate::text::tone::fold(first)), Some(*d));
        }
    }

    #[test]
    fn lists_are_keyed() {
        let qualifiers: Vec<&str> = UNPUBLISHED_QUALIFIERS.iter().map(|(q, _)| *q).collect();
        super::super::assert_keyed(&[
            WITHHELD,
            WORK_WORDS,
            VOLUME_WORDS,
            BOOK_CUES,
            RETELLING,
            EXPLAINS,
            EXAM_PAPERS,
            NOT_YET_HELD,
            PRACTICE,
            EXAM_SHOWN,
            UNPUBLISHED_DOCS,
            COUNT_WORDS,
            PUBLIC_CONSULTATION,
            LEGAL_EXPLANATION,
            &qualifiers,
            URGENT_KINDS,
            URGENCY,
            COPY_CUES,
            PUBLISHED,
            INTERNAL_KINDS,
            ANY_KINDS,
            GOT_HOLD,
            PHOTOGRAPHED,
            AGENCY,
            PUBLIC_SIGNS,
            SECRECY,
            PAPERS,
        ]);
    }
}
