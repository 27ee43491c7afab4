//! Other people's personal data (Nghị định 13/2023/NĐ-CP on personal data protection; the 2021
//! Code of Conduct's "an toàn, bảo mật thông tin"): citizen ID numbers (CCCD: 12 digits whose
//! first three are a province code of Thông tư 59/2021/TT-BCA; CMND: 9 digits next to an ID
//! word), Vietnamese phone numbers (mobile 0[35789]x and landline 02x, with `+84`/`84`, in the
//! usual spacings; 1800/1900 service lines are not personal), bank account numbers next to a
//! bank or account word, e-mail addresses, and home addresses (house number with a street,
//! lane or alley). Severity `warning`, raised to `high` when the text also calls on people to
//! contact or confront someone. The writer's own contact data is an `info` nudge, and a
//! business's own phone or mailbox in its ad ([`AD_WORDS`]) gets no finding at all.

use super::{
    finding, phrase_list, spaced, spelled_any, spelled_at, spelled_before, tokens_in, Ctx,
};
use crate::text::{Gap, Token};
use crate::{Category, Finding, Severity};
use std::collections::BTreeMap;
use std::ops::Range;

/// Province codes that open a 12-digit CCCD number (Thông tư 59/2021/TT-BCA, appendix).
const PROVINCES: &[u16] = &[
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];
/// Words (folded) that make a nearby 9- or 12-digit number an identity number. The first six
/// name a Vietnamese ID document and count further back (see `apply`).
const ID_WORDS: &[&str] = &[
    "cmnd",
    "cmt",
    "cccd",
    "can cuoc",
    "chung minh",
    "dinh danh",
    "id",
    "passport",
    "ho chieu",
];
/// Words (folded) that name a passport before its number (`C1234567`).
const PASSPORT_WORDS: &[&str] = &["ho chieu", "passport", "so hc"];
/// Words (folded) that name a health-insurance card before its code (`HT2797912345678`).
const HEALTH_CARD_WORDS: &[&str] = &["bhyt", "bao hiem y te", "the bao hiem", "the bh"];
/// Words (folded) that make a document number an example of its format ("ví dụ C1234567",
/// "số dạng C1234567", "mẫu"): no one's data.
const EXAMPLE_WORDS: &[&str] = &["vi du", "vd", "mau", "dang", "example", "chang han"];
/// Words (folded) that name a social-insurance number (`mã số BHXH` 10 digits), a driving
/// licence (12 digits) or a personal tax code (`mã số thuế cá nhân`, 10 digits, or the 12 of
/// the citizen ID it has become) before the number. A company's tax code is public: only
/// "cá nhân" makes it a person's. Decree 13/2023/NĐ-CP, art. 2(4), lists all three as basic
/// personal data.
const DOCUMENT_WORDS: &[&str] = &[
    "bhxh",
    "bao hiem xa hoi",
    "gplx",
    "bang lai",
    "giay phep lai xe",
    "ma so thue ca nhan",
    "mst ca nhan",
];
/// Words (folded) right before a student's number (`MSSV 20194321`, 6 to 12 digits): it
/// names one student, and a call-out post gives it with their name.
const STUDENT_WORDS: &[&str] = &[
    "mssv",
    "msv",
    "ma so sinh vien",
    "ma sinh vien",
    "mshs",
    "ma hoc sinh",
    "ma so hoc sinh",
];
/// Words (folded) that make a nearby number a phone number.
const PHONE_WORDS: &[&str] = &[
    "sdt",
    "so dien thoai",
    "dien thoai",
    "dt",
    "goi",
    "zalo",
    "lien he",
    "phone",
    "tel",
    "whatsapp",
    "viber",
];
/// Words (folded) that make a nearby long number a bank account.
const BANK_WORDS: &[&str] = &[
    "stk",
    "tk",
    "tai khoan",
    "so tai khoan",
    "ngan hang",
    "chuyen khoan",
    "ck",
    "account",
    "bank",
    "vietcombank",
    "vcb",
    "techcombank",
    "tcb",
    "bidv",
    "agribank",
    "vietinbank",
    "acb",
    "tpbank",
    "vpbank",
    "mbbank",
    "mb",
    "sacombank",
    "momo",
    "zalopay",
    "hdbank",
    "shb",
    "vib",
    "ocb",
    "msb",
    "seabank",
    "eximbank",
    "scb",
    "lpbank",
    "namabank",
    "bacabank",
    "abbank",
];
/// Words after a number that make it a sum of money, keyed: typed with diacritics they must be
/// these ("0987 654 321 cứ gọi" is no "củ", "… đóng cửa" no "đồng"), without any they match
/// by their letters.
const MONEY_WORDS: &[&str] = &[
    "đồng", "d", "đ", "vnd", "vnđ", "k", "triệu", "tỷ", "tỉ", "nghìn", "ngàn", "usd", "tr", "củ",
];
/// Words (folded) before a number or address that make it a public office's or a business's.
const PUBLIC_WORDS: &[&str] = &[
    "tru so",
    "ubnd",
    "uy ban",
    "nha van hoa",
    "tuyen",
    "xe buyt",
    "truong hoc",
    "benh vien",
    "cua hang",
    "toa nha",
    "cong ty",
    "van phong",
    "truc ban",
    "tong dai",
    "hotline",
    "duong day nong",
    "cong an phuong",
    "cong an",
    "so y te",
    "chi nhanh",
    // A shop ("quán"), a manager ("quản lý"), or a district ("quận 3"): see `public_near`.
    "quan",
    "nha hang",
    "nha tho",
    "nha sach",
    "nha thuoc",
    "phong kham",
    "khach san",
    "sieu thi",
    "trung tam",
    "showroom",
    "shop",
    "spa",
    "salon",
    "tiem",
    "cua hieu",
    "dai ly",
    "thu vien",
    "buu dien",
    "ben xe",
    "nha ga",
    "san van dong",
    "hoi truong",
    // An office "đặt tại" an address ("Trung tâm phục vụ hành chính công phường đặt tại số 5
    // đường Lê Lợi"); a home is "ở".
    "dat tai",
    "hanh chinh cong",
    // A bus line's booking number and a job ad's ("Xe khách Hà Nội - Sapa, đặt vé 09…", "Cần
    // người giúp việc, lương 7tr, gọi chị 09…"): a breaker.
    "dat ve",
    "xe khach",
    "nha xe",
    "can nguoi",
];
/// Words (folded) before a number that make it a code of a business or a thing, not a phone,
/// ID or account number: tax codes (`MST: 0312345678` has a mobile number's shape), order and
/// tracking codes, serial numbers.
const CODE_WORDS: &[&str] = &[
    "mst",
    "ma so thue",
    "ma so doanh nghiep",
    "msdn",
    "ma don",
    "ma don hang",
    "ma van don",
    "van don",
    "ma giao dich",
    "ma gd",
    "ma tra cuu",
    "ma ho so",
    "ma san pham",
    "ma sp",
    "ma hang",
    "ma vach",
    "sku",
    "imei",
    "serial",
    "seri",
    "so seri",
    "tracking",
];

/// Whether token `k` is the "nhà" of a business opening its clause rather than a home: "nhà
/// trọ", "nhà nghỉ", "nhà xe", "nhà trẻ", "nhà máy"/"nhà may" ("Nhà trọ sinh viên ở 80/2 Trần
/// Quang Diệu còn phòng", "Nhà xe Phương Trang ở …"), not followed by someone ("Nhà trọ thằng
/// Nam ở 25/7 …") nor inside a clause ("thuê nhà trọ ở 45 hẻm 12", "giờ ở nhà trọ 27/4 …":
/// where someone lives). Its owner's number stays a person's ("Chủ nhà trọ này … sđt …"):
/// only the house number after it is read differently.
fn business_house(t: &[Token], k: usize) -> bool {
    if t[k].fold != "nha" || !(k == 0 || t[k].gap != Gap::Space) {
        return false;
    }
    let Some(x) = t.get(k + 1).filter(|x| x.gap == Gap::Space) else {
        return false;
    };
    // A public hall, a shop or a clinic, whoever runs it ("Nhà văn hóa phường tổ chức hội chợ
    // ở 45 …", "Nha khoa của anh Dũng đó ở 9 …", "nhà hàng", "nhà sách", "nhà thuốc", "nhà
    // thờ", "nhà hát", "nhà thi đấu"; not "nhà khách", also a customer's home).
    if matches!(
        x.fold.as_str(),
        "van" | "hang" | "sach" | "thuoc" | "tho" | "hat" | "thi" | "khoa"
    ) {
        return true;
    }
    matches!(x.fold.as_str(), "tro" | "nghi" | "xe" | "tre" | "may")
        && !t.get(k + 2).is_some_and(|x| {
            // By the key where the word has diacritics: "Nhà trọ có 5 phòng" is no "cô".
            const SOMEONE: &[&str] = &[
                "của", "thằng", "con", "ông", "bà", "lão", "mụ", "anh", "chị", "em", "cô",
            ];
            crate::engine::key_matches_any(x, SOMEONE)
        })
}

/// A word for someone's home ([`HOME_WORDS`]) up to `back` tokens before token `i`, in its
/// sentence, not the "nhà" of a business ([`business_house`]).
fn home_before(t: &[Token], i: usize, back: usize) -> bool {
    // Typed with diacritics, "chỗ ở" must be that: "hội chợ ở 45 …" is a fair.
    near_word_where(t, (i, i + 1), (back, 0), HOME_WORDS, |k| {
        let fair = t[k].fold == "cho" && t[k].marked && t[k].key != "chỗ";
        !(business_house(t, k) || fair)
    })
}

/// Someone's home named seven to ten words before token `i`, in its sentence: "nhà" before a
/// possessor ("nhà của …", "nhà thằng …", "nhà ông …"), "số nhà", "chỗ ở", "địa chỉ nhà".
/// Not "cả nhà" (everyone) or "ở nhà" (at home): brk43's café, fair and reunion addresses.
fn far_home(t: &[Token], i: usize, unaccented: bool) -> bool {
    use crate::engine::{key_matches, key_matches_any};
    (i.saturating_sub(10)..i.saturating_sub(6))
        .rev()
        .take_while(|&k| t[k + 1..=i].iter().all(|x| x.gap != Gap::Hard))
        .any(|k| {
            let owned = key_matches(&t[k], "nhà")
                && !(k > 0 && key_matches_any(&t[k - 1], &["cả", "ở", "về", "tại"]))
                && t.get(k + 1).is_some_and(|x| {
                    x.gap == Gap::Space
                        && key_matches_any(
                            x,
                            &[
                                "của", "thằng", "con", "mụ", "lão", "hắn", "nó", "ông", "bà",
                                "anh", "chị", "cô", "chú", "bác",
                            ],
                        )
                });
            // Not the writer's family's ("Nhà của ông bà ngoại mình ở 45 …", "Nhà của anh Hai
            // mình mới mua ở 12 …, mời cả nhà qua tân gia", brk45).
            let family = (k + 1..i)
                .any(|j| super::writer_word(&t[j], &["mình", "tôi", "em", "tui"], unaccented));
            !family
                && (owned
                    || spelled_at(t, k, "số nhà")
                    || spelled_at(t, k, "chỗ ở")
                    || spelled_at(t, k, "địa chỉ nhà"))
        })
}

/// Whether a person pointed at lives where token `i` starts: "ở" right before it, after a
/// demonstrative ("đó", "ấy", "kia", "đấy", "ta") that closes a contemptuous title within nine
/// words ("Thằng lừa đảo đó ở 56 Bạch Mai", "con mụ kia ở 12 Hàng Bông", "Con đó ở 33 hẻm 5
/// …", "lão giám đốc đấy ở …"): a dox. With `lane` (the address opens with its lane: "hẻm
/// 284/17 Lê Văn Sỹ") a courteous title too ("Ông tài xế tông người rồi bỏ chạy đó ở hẻm …"),
/// unless a trade is named ("Chị bán bún đó ở hẻm 12 …"); otherwise not ("Cô giáo đó ở 5 Hàng
/// Bông" is also a tutor's class, "Bà Kiệu" a temple), nor "Quán đó ở 27 Lê
/// Lợi". Keyed: typed with diacritics the words must be these.
fn person_lives(t: &[Token], i: usize, lane: bool) -> bool {
    use crate::engine::{key_matches, key_matches_any};
    i >= 3
        && t[i].gap == Gap::Space
        && key_matches(&t[i - 1], "ở")
        && t[i - 1].gap == Gap::Space
        && key_matches_any(&t[i - 2], &["đó", "ấy", "kia", "đấy", "ta"])
        && (i.saturating_sub(12)..i - 2).any(|j| {
            // A trade between the title and the demonstrative is a vendor's stall or class
            // ("Chị bán bún đó ở hẻm 12 …", "cô dạy kèm đó ở …").
            let trade = || {
                (j + 1..i - 2).any(|k| {
                    key_matches_any(
                        &t[k],
                        &[
                            "bán", "dạy", "sửa", "nấu", "may", "cắt", "chuyên", "nhận", "làm",
                        ],
                    )
                })
            };
            let courteous = lane
                && key_matches_any(&t[j], &["ông", "bà", "anh", "chị", "cô", "chú", "bác"])
                && (j == 0 || t[j].gap != Gap::Space || !t[j].capitalized)
                && !trade();
            let title = courteous
                || key_matches_any(&t[j], &["thằng", "mụ", "lão", "hắn", "gã"])
                || key_matches(&t[j], "con")
                    && (j + 1 == i - 2
                        || t.get(j + 1)
                            .is_some_and(|x| key_matches_any(x, &["nhỏ", "mụ", "bé", "ranh"])));
            title && spaced(t, j, i - 2)
        })
}

/// Words for someone's home (folded): a bare number after one is a house number.
const HOME_WORDS: &[&str] = &[
    "nha",
    "dia chi",
    "nha rieng",
    "cho o",
    "dang o",
    "no o",
    "han o",
];

/// Words (folded) around an account number that make it a relief fund's or a donation drive's
/// account, published to be used (`tài khoản … của Ban Vận động cứu trợ – UBTW MTTQ`).
const DONATION_WORDS: &[&str] = &[
    "mttq",
    "mat tran to quoc",
    "cuu tro",
    "ban van dong",
    "chu thap do",
    "ung ho",
    "quyen gop",
    "tu thien",
];

/// Whether an account number (tokens `first..end`) is said to be a person's rather than a
/// fund's, within twelve words either side: "của" and a word of contempt or
/// the accused's wife ("STK của đứa nhận tiền cứu trợ rồi ôm đi", "tài khoản của vợ ổng
/// đấy", adv58), matched by key where the words have diacritics ("của tháng", "của Lào", "của
/// Hàn Quốc" are no "của thằng / lão / hắn", brk43). Not a family's own appeal ("STK của vợ
/// anh", "STK của nó").
fn held_by_person(t: &[Token], first: usize, end: usize) -> bool {
    use crate::engine::{key_matches, key_matches_any};
    let lo = first.saturating_sub(12);
    let hi = (end + 12).min(t.len());
    // "của con mụ …", "của cái thằng …": a classifier first.
    let after_of = |k: usize| {
        let j = if t
            .get(k + 1)
            .is_some_and(|x| x.gap == Gap::Space && key_matches_any(x, &["con", "cái"]))
        {
            k + 2
        } else {
            k + 1
        };
        (j, t.get(j).filter(|x| x.gap == Gap::Space))
    };
    (lo..hi).any(|k| {
        key_matches(&t[k], "của")
            && match after_of(k) {
                // Not a friend named ("STK … của thằng Tuấn lớp trưởng", a class fund, brk45).
                (j, Some(x)) => {
                    key_matches_any(x, &["đứa", "thằng", "lão", "mụ", "hắn"])
                        && !t.get(j + 1).is_some_and(|n| n.gap == Gap::Space && n.capitalized)
                        || key_matches(x, "vợ")
                            && t.get(j + 1).is_some_and(|y| {
                                y.gap == Gap::Space && key_matches_any(y, &["ổng", "hắn", "lão"])
                            })
                }
                _ => false,
            }
            // Or the money said to be taken: "… rồi nó ôm tiền đi mất".
            || ["ôm tiền", "ôm đi", "ăn chặn", "bỏ túi", "chiếm đoạt"]
                .iter()
                .any(|w| spelled_at(t, k, w))
    })
}

/// Street words (folded) of an address.
const STREET_WORDS: &[&str] = &[
    "ngo", "ngach", "hem", "kiet", "pho", "duong", "to", "khu pho", "thon", "xom", "ap", "kp",
];

const PHONE_VI: &str = "Số điện thoại của một người: đăng công khai có thể khiến họ bị làm phiền, quấy rối (Nghị định 13/2023/NĐ-CP).";
const PHONE_EN: &str = "Someone's phone number: posting it publicly can get them pestered or harassed (Decree 13/2023 on personal data).";
const ID_VI: &str = "Số căn cước / CMND: dữ liệu cá nhân dễ bị lợi dụng để lừa đảo. Hãy che bớt chữ số trước khi đăng.";
const ID_EN: &str =
    "A citizen ID number: personal data that scammers misuse. Mask most digits before posting.";
const BANK_VI: &str = "Số tài khoản ngân hàng của một người: chỉ đăng khi chính chủ đồng ý.";
const BANK_EN: &str = "A bank account number: post it only with the owner's consent.";
const EMAIL_VI: &str = "Địa chỉ e-mail của một người: chỉ đăng khi chính chủ đồng ý.";
const EMAIL_EN: &str = "Someone's e-mail address: post it only with their consent.";
const DOC_VI: &str = "Số giấy tờ của một người (hộ chiếu, thẻ bảo hiểm y tế, sổ bảo hiểm xã hội, giấy phép lái xe, mã số thuế cá nhân, mã số sinh viên): dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP). Hãy che bớt chữ số trước khi đăng.";
const DOC_EN: &str = "The number of someone's document (passport, health-insurance card, social-insurance book, driving licence, personal tax code, student number): personal data (Decree 13/2023). Mask some digits before posting.";
const PLATE_VI: &str = "Biển số xe kèm tên chủ xe: dữ liệu cá nhân cơ bản (Nghị định 13/2023/NĐ-CP, Điều 2). Có thể phản ánh sự việc mà không nêu tên người.";
const PLATE_EN: &str = "A licence plate with its owner's name: basic personal data (Decree 13/2023, art. 2). The incident can be reported without naming the person.";
const ADDR_VI: &str =
    "Địa chỉ nhà riêng: đăng công khai có thể khiến người ở đó bị làm phiền, đe dọa.";
const ADDR_EN: &str =
    "A home address: posting it can expose the people living there to harassment.";

/// Adds this category's code-rule findings to `out`.
pub fn apply(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let norm = &ctx.norm.text;
    // The post accuses or insults someone (lexicon findings are already in `out`): contact
    // data in it is not the writer's own ad, nor a relief fund's account.
    let accusing = out.iter().any(|f| {
        matches!(
            f.category,
            Category::Inflammatory | Category::UnverifiedClaim
        ) && f.severity >= Severity::Warning
    });
    let start_len = out.len();
    // Numbers are read with look-alike letters as digits (`O9O5 447 218`).
    let letters_as_digits = letters_as_digits(norm);
    let norm: &str = &letters_as_digits;
    // A run glued to a word, a path or an identifier (`SALE_0987_654_321`, `0912345678abc`) is
    // no number of its own.
    let glued_before = |m: &Range<usize>| {
        norm[..m.start].chars().next_back().is_some_and(|c| {
            c.is_alphanumeric()
                || c == '/'
                || c == '_'
                || c == ',' && norm[..m.start].ends_with(char::is_numeric)
        })
    };
    let glued_after = |m: &Range<usize>| {
        norm[m.end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '%' || c == '_')
    };
    // The rule and messages for the number at `m` (one phone number, ID, account…), or `None`
    // when it is none of them or no one's data.
    let classify = |m: Range<usize>| -> Option<(&'static str, &'static str, &'static str)> {
        let raw = &norm[m.clone()];
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        let span = ctx.norm.orig_range(m.clone());
        let toks = tokens_in(ctx.tokens, &span);
        let near = |words: &[&str], back: usize, ahead: usize| {
            near_word(ctx.tokens, toks.start, toks.end, back, ahead, words)
        };
        // An ID word up to ten words back ("Chứng minh nhân dân của ông Tư số 281234567"), not
        // with a queue or file number's word closer ("làm CCCD …, lấy số thứ tự 001 234 …").
        let counter = near(
            &["thu tu", "stt", "ma", "bien nhan", "phieu hen", "ho so"],
            4,
            0,
        );
        let id_word_near = near(ID_WORDS, 10, 0) && !counter;
        let plain = !raw.contains([' ', '.', '-', '_', '(', ')']);
        // Service lines (1800/1900), sums of money (thousands grouped by dots or commas,
        // or a currency word after) and public offices' numbers are not personal data.
        let service = digits.starts_with("1800") || digits.starts_with("1900");
        // Not "ngan hang" typed without diacritics: "ngân hàng" (a bank), not "ngàn".
        // "1.500.000 2 lần": a sum before a word led by a number.
        let amount = is_grouped_thousands(raw)
            || before_short_tail(norm, &m, 4).is_some_and(|h| is_grouped_thousands(&norm[h]))
            || near(MONEY_WORDS, 0, 1) && !near(&["ngan hang"], 0, 1);
        // An office's number, unless the words right before say it is a person's ("ai quen con
        // bé lễ tân ở nhà hàng đó thì số nó là 09…").
        // A district places a person, not an ad, in a post that accuses someone, calls on
        // others to contact them, or names them with a rude word ("nha thang no o quan 7").
        let personal = accusing || !ctx.contact_cues.is_empty() || near(OTHER_WORDS, 12, 0);
        let public = public_near(ctx.tokens, toks.start, toks.end, (personal, accusing))
            && !near(OTHER_WORDS, 4, 0);
        let code = near(CODE_WORDS, 4, 0);
        if service || code || (amount && !id_word_near) {
            return None;
        }
        // `84912345678`: the country code run into the number, next to a phone word.
        let bare_84 = plain
            && digits.len() == 11
            && digits.starts_with("84")
            && digits[2..].starts_with(['3', '5', '7', '8', '9'])
            && near(PHONE_WORDS, 6, 0);
        // A document number given as a format's example ("ví dụ: 8012345678", "cú pháp
        // MSSV-HoTen, VD: 20231234"), the ends of a range ("MSSV từ 20230001 đến 20230150"), a
        // company's number ("công ty (ĐKKD 0312345678)") or a card found ("nhận lại thẻ") is
        // no one's data given away.
        let document_aside = || {
            near(EXAMPLE_WORDS, 3, 0)
                || near(&["cu phap"], 8, 0)
                || near(&["tu", "den"], 1, 0)
                || near(&["cong ty", "dkkd", "doanh nghiep"], 4, 0)
                || near(&["nhan lai", "danh roi", "nhat duoc", "bi mat"], 12, 12)
        };
        let (rule, vi, en) = if plain
            && (matches!(digits.len(), 10 | 12) && near(DOCUMENT_WORDS, 12, 0)
                || (6..=12).contains(&digits.len()) && near(STUDENT_WORDS, 4, 0))
            && !near(PHONE_WORDS, 4, 0)
            && !document_aside()
        {
            ("personal_data.document_number", DOC_VI, DOC_EN)
        } else if (bare_84 || phone_kind(raw, &digits).is_some()) && !public {
            ("personal_data.phone", PHONE_VI, PHONE_EN)
        } else if (plain && digits.len() == 12 && valid_cccd(&digits))
                || (id_word_near && (digits.len() == 12 || digits.len() == 9))
                // A grouped number that is a valid CCCD, with an ID word further back ("CCCD của
                // ông chồng cũ chị đây: 079 085 001 234").
                || (digits.len() == 12
                    && valid_cccd(&digits)
                    && near(&ID_WORDS[..6], 12, 0)
                    && !near(BANK_WORDS, 12, 4)
                    && !counter)
        {
            ("personal_data.citizen_id", ID_VI, ID_EN)
        } else if (6..=19).contains(&digits.len())
            && near(BANK_WORDS, 6, 4)
            // A relief fund's account is published to be used; not one said to be a
            // person's ("STK của đứa nhận tiền cứu trợ rồi ôm đi: 1018…", "chuyển vào tk 1903…
            // Techcombank, tài khoản của vợ ổng đấy", adv58).
            && (accusing
                || !near(DONATION_WORDS, 12, 12)
                || held_by_person(ctx.tokens, toks.start, toks.end))
        {
            ("personal_data.bank_account", BANK_VI, BANK_EN)
        } else {
            return None;
        };
        Some((rule, vi, en))
    };
    let mut push = |m: Range<usize>, (rule, vi, en): (&'static str, &'static str, &'static str)| {
        out.push(finding(
            rule,
            Category::PersonalData,
            Severity::Warning,
            ctx.norm.orig_range(m),
            vi,
            en,
        ));
    };
    for m in digit_runs(norm) {
        if glued_before(&m) {
            // Its first group is the end of a time or a date ("10h30 0912 345 678", "20/11 0912
            // 345 678"): a phone number may follow it after a space.
            if let Some(part) = after_short_lead(norm, &m) {
                if let Some(hit) = classify(part.clone()).filter(|h| h.0 == "personal_data.phone") {
                    push(part, hit);
                }
            }
            continue;
        }
        // A count the run took from the words after it ("stk 1903 6688 9999 2 lần", "0912 345
        // 678 2 3 lần"): not part of the number.
        let m = without_counts(norm, m);
        let glued = glued_after(&m);
        let mut found = false;
        if !glued {
            for part in phone_parts(norm, m.clone()) {
                if let Some(hit) = classify(part.clone()) {
                    push(part, hit);
                    found = true;
                }
            }
        }
        // A phone number followed by a word that starts with a number ("0912 345 678 2 năm
        // nay", "0912.345.678 10h tối", "… 24/7"): the run took the word's digits too. The
        // phone numbers before that short last group count; nothing else is read from them.
        if found || glued && norm[m.end..].starts_with('%') {
            continue;
        }
        // Or a phone number after a short number that ends the words before it ("Lúc 10:30
        // 0912 345 678 gọi", "Năm 2024 0912 …", "chuyển 500.000 0912 …"): the run took the
        // number's digits too. Both cuts are tried, the tail's first.
        let tail_cut = before_short_tail(norm, &m, 9);
        if tail_cut.is_none() && after_short_lead(norm, &m).is_none() {
            continue;
        }
        // Not a bank account's last group ("MB Bank 0888 123 456 789").
        let toks = tokens_in(ctx.tokens, &ctx.norm.orig_range(m.clone()));
        if near_word(ctx.tokens, toks.start, toks.end, 10, 4, BANK_WORDS) {
            continue;
        }
        // A phone number, or a citizen ID ("CCCD 079085001234 2 bản photo").
        let kept = |h: &(&str, &str, &str)| {
            matches!(h.0, "personal_data.phone" | "personal_data.citizen_id")
        };
        let mut hits = Vec::new();
        for part in tail_cut.iter().flat_map(|h| phone_parts(norm, h.clone())) {
            if let Some(hit) = classify(part.clone()).filter(kept) {
                hits.push((part, hit));
            }
        }
        if hits.is_empty() {
            if let Some(part) = after_short_lead(norm, &m) {
                hits.extend(classify(part.clone()).filter(kept).map(|hit| (part, hit)));
            }
        }
        for (part, hit) in hits {
            push(part, hit);
        }
    }
    let norm = &ctx.norm.text;
    // Whether the text is an ad ([`AD_WORDS`], or a price: "chai 1 lít 350k"), read once, on
    // the first question.
    let ad = std::cell::OnceCell::new();
    let ad = || {
        *ad.get_or_init(|| {
            let t = ctx.tokens;
            (0..t.len()).any(|k| ad_words().at(t, k).is_some() || price_at(t, k))
                || listing_opens(t)
        })
    };
    for m in emails(norm).into_iter().chain(masked_emails(norm)) {
        // A URL's userinfo is no mailbox: "https://nhandan.vn@bit-verify.info/…" is a link
        // trick (the link rule names it), not someone's e-mail (adv53).
        // With a password ("http://user:pass@…") or no scheme ("www.nhandan.vn@…", brk39).
        // The word before it, after the last white space, within 256 bytes (a run of
        // addresses glued by commas stays linear: unbounded, 1 MB of them took minutes).
        let in_url = {
            let lo = (m.start.saturating_sub(256)..m.start)
                .find(|&p| norm.is_char_boundary(p))
                .unwrap_or(m.start);
            let word = norm[lo..m.start]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            word.contains("://") || norm[m.clone()].starts_with("www.")
        };
        if is_role_address(&norm[m.clone()]) || in_url {
            continue;
        }
        let span = ctx.norm.orig_range(m);
        // A shop's mailbox in its ad, as its phone: "Đặt lịch qua Zalo tiệm 0905 … hoặc email
        // …" (not "em gái xinh ở quán trà sữa …, email em ấy …").
        let toks = tokens_in(ctx.tokens, &span);
        if !toks.is_empty()
            && public_near(ctx.tokens, toks.start, toks.end, (accusing, accusing))
            && !near_word(ctx.tokens, toks.start, toks.end, 4, 0, OTHER_WORDS)
            && ad()
        {
            continue;
        }
        out.push(finding(
            "personal_data.email",
            Category::PersonalData,
            Severity::Warning,
            span,
            EMAIL_VI,
            EMAIL_EN,
        ));
    }
    document_codes(ctx, out);
    licence_plates(ctx, out);
    addresses(ctx, out);
    apartments(ctx, out);
    let own = mark_own(ctx, &mut out[start_len..], accusing, &ad);
    // A business's own phone or e-mail in its ad ("Đặt hàng gọi hoặc Zalo chính chủ: 0978 …",
    // "Gọi em Tuấn 0905 … báo giá") is published to be called: no finding at all. Not an ID
    // number, whatever the ad says, nor a number not marked as the writer's ("Shop mình bị khách
    // bom hàng … Gọi 0912 …").
    let contact = |f: &Finding| {
        matches!(
            f.rule_id.as_str(),
            "personal_data.phone" | "personal_data.email" | "personal_data.bank_account"
        )
    };
    // The writer's own phone or mailbox given with an invitation to use it ([`Own::Invited`])
    // is published to be used, as an ad's is.
    if out[start_len..].iter().any(contact) {
        let ad = ad();
        let mut k = 0;
        out.retain(|f| {
            k += 1;
            k <= start_len
                || match own[k - 1 - start_len] {
                    Own::No => true,
                    Own::Yes => !(contact(f) && ad),
                    Own::Invited => !contact(f),
                }
        });
    }
    // A call to contact or confront ("mọi người cứ gọi hỏi nó") makes someone else's data
    // `high`; the writer's own number next to "cứ gọi mình" stays a nudge.
    if !ctx.contact_cues.is_empty() {
        for f in out[start_len..]
            .iter_mut()
            .filter(|f| f.severity >= Severity::Warning)
        {
            f.severity = Severity::High;
            f.message
                .vi
                .push_str(" Bài viết còn kêu gọi người khác liên hệ hoặc tìm đến người này.");
            f.message
                .en
                .push_str(" The post also calls on others to contact or confront this person.");
        }
    }
}

/// How many of [`OWN_WORDS`] come first and say "mine" outright (`của em` … `của con`).
const POSSESSIVES: usize = 7;
/// Words that make nearby data the writer's own: `sđt của em`, `zalo mình`, `kết bạn với
/// mình`. Keyed, so that typed with diacritics they must be these ("cứ gọi tới" is no "gọi
/// tôi"). The first [`POSSESSIVES`] are possessives.
const OWN_WORDS: &[&str] = &[
    "của em",
    "của e",
    "của mình",
    "của tôi",
    "của tui",
    "của tớ",
    "của con",
    "sdt em",
    "sdt e",
    "sdt mình",
    "sdt tôi",
    "số em",
    "số mình",
    "số tôi",
    "zalo mình",
    "zalo em",
    "zalo tôi",
    "nhà mình",
    "nhà em",
    "nhà tôi",
    "kết bạn",
    "kb",
    "mình nè",
    "em nè",
    "nhận hàng",
    "giao hàng",
    "giao đến",
    "giao về",
    "ship đến",
    "ship về",
    "chính chủ",
    "cần bán",
    "tư vấn",
    "alo",
    "giá mềm",
    "giá rẻ",
    "trọn gói",
    "đặt hàng",
    "gọi ngay",
    "liên hệ ngay",
    "đặt lịch",
    "cho thuê",
    "nhận dạy",
    "lh",
    "liên hệ",
    // A seller's or tutor's own ad: "ai cần thì inbox hoặc gọi 09…", "Zalo 09…", "pass lại …".
    "ai cần",
    "inbox",
    "ib",
    "hoặc gọi",
    "pass lại",
    "zalo",
    // A lost pet or wallet: "ai thấy gọi giúp mình số 09…", "ai nhặt được xin gọi số 09…, hậu tạ".
    "giúp mình",
    "hậu tạ",
    "nhặt được",
    // An account given to be paid into: "Shop nhận chuyển khoản qua STK …", "thanh toán vào
    // STK …" (someone else's stays theirs: "chuyển khoản cho thằng đó", "STK của nó").
    "chuyển khoản",
    "thanh toán",
    // A shop's own line: "Hotline 09…", "Đặt bàn gọi 09…", "đặt tiệc".
    "hotline",
    "đặt bàn",
    "đặt tiệc",
    "đặt mua",
    "hỏi giá",
    "báo giá",
    "nhận đặt",
    // Mail asked for ("gửi cho mình theo địa chỉ …"; calls, mail and messages: [`INVITE_WORDS`]).
    "gửi cho mình",
    "gửi về cho mình",
    // The hosts' own home in an invitation ("Tiệc tổ chức tại tư gia, số 45 thôn Đông").
    "tư gia",
    // An organisation's mailbox for feedback ("Mọi góp ý xin gửi về hộp thư của Đoàn trường").
    "hộp thư",
];
/// Words (folded) of writers introducing themselves or their child ("em là …", "tên em …",
/// "con em …"), before their own document number.
const SELF_INTRO: &[&str] = &[
    "em la", "toi la", "minh la", "to la", "e la", "em ten", "ten em", "e ten", "con em",
    "con toi", "con minh",
];
/// Words that make nearby data someone else's, whatever else is said. Written with their
/// diacritics where the folded form is also an everyday word (`thằng` / `tháng`, `nó` / `nợ`,
/// `bạo hành` / `bảo hành`; see [`spelled_at`]).
const OTHER_WORDS: &[&str] = &[
    "cua con nay",
    "cua con kia",
    // "Số của con bé đấy 09…", "sđt của con nhỏ đó": a girl pointed at, not "của con" (mine;
    // "số của con đây ạ").
    "cua con be",
    "cua con nho",
    "của bà",
    "của lão",
    "của mụ",
    "của hắn",
    "sđt nó",
    "số nó",
    "zalo nó",
    "thằng",
    "con mụ",
    "nó",
    "đòi tiền",
    "bạo hành",
    // The writer's boss's ("Sđt làm việc của sếp mình 09…", brk31).
    "của sếp",
];
/// Words (folded) that name a third party or accuse them, looked for in a wider window than
/// [`OTHER_WORDS`] (a dozen words either side, so they need not be listed there too): the data
/// near them is not the writer's own.
const THIRD_PARTY_WORDS: &[&str] = &[
    "hang xom",
    "lua dao",
    "no tien",
    "no luong",
    "xu no",
    "tron no",
    "quyt",
    "ngoai tinh",
    "bom hang",
    "lua tien",
    "giat chong",
    "doi no",
    "an chan",
    "cua no",
    "cua thang",
    "nha no",
    // Owing the writer and not paying, running off (a new user: "Liên hệ anh Tuấn 09…, anh ấy
    // nợ tôi 200 triệu không trả"; not "vay tiền", a lender's own ad).
    "no toi",
    "no minh",
    "no em",
    // Whose number it is, asked ("… gọi cho mình mà không nói gì, ai biết số này của ai
    // không", brk31).
    "cua ai",
    "khong tra",
    "bo tron",
];

/// The writer inviting the reader to call or write to them (keyed syllables): their own
/// number or mailbox right after it is given to be used. Own-data cues as [`OWN_WORDS`] are
/// (for phones and mailboxes, not documents).
const INVITE_WORDS: &[&str] = &[
    "gọi mình",
    "gọi em",
    "gọi tôi",
    "gọi cho mình",
    "gọi cho em",
    "gọi cho tôi",
    "liên hệ mình",
    "liên hệ em",
    "liên hệ tôi",
    "ib mình",
    "mail cho mình",
    "mail cho em",
    "mail cho tôi",
    "mail mình",
    "nhắn cho mình",
    "nhắn cho em",
];

phrase_list!(invite_words, INVITE_WORDS);

/// Words (keyed syllables) for a relative or another person, between an invitation and a
/// number: the number is theirs, not the writer's ("gọi cho em trai tôi 09…", "gọi em ấy
/// 09…", "liên hệ mình hoặc anh xã mình 09…").
const KIN_WORDS: &[&str] = &[
    "vợ", "chồng", "bố", "mẹ", "cha", "ba", "bà", "má", "trai", "gái", "con", "ông", "chú", "bác",
    "cô", "dì", "cậu", "mợ", "thím", "thầy", "bạn", "người", "anh", "chị", "cháu", "họ", "bé",
    "ấy", "xã", "nó", "hắn",
];

/// Whether an invitation ([`INVITE_WORDS`]) ends within the six tokens before token `start`
/// with no word of a relative or another person ([`KIN_WORDS`]) nor another number between it
/// and `start`. The
/// kin words match with their diacritics ("đi", "mà", "có" are no "dì", "má", "cô"), or folded
/// in a text typed without diacritics.
fn invited_before(ctx: &Ctx<'_>, start: usize) -> bool {
    let t = ctx.tokens;
    // Invitations are up to three words long: they start within the nine tokens before.
    (start.saturating_sub(9)..start).any(|k| {
        invite_words().at(t, k).is_some_and(|n| {
            k + n <= start
                && k + n + 6 >= start
                && !names_kin(ctx, &t[k + n..start])
                && !t[k + n..start].iter().any(|x| x.numeric)
        })
    })
}

/// Whether `words` hold one of [`KIN_WORDS`] ("vợ mình", "chị Lan"): keyed with diacritics, and
/// also by folded form in a text typed without them.
fn names_kin(ctx: &Ctx<'_>, words: &[Token]) -> bool {
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let folded = FOLDED.get_or_init(|| {
        KIN_WORDS
            .iter()
            .map(|w| crate::text::tone::fold(w))
            .collect()
    });
    words.iter().any(|x| {
        KIN_WORDS.iter().any(|w| crate::engine::key_matches(x, w))
            || ctx.unaccented && !x.marked && folded.iter().any(|w| x.fold == w.as_str())
    })
}

const OWN_VI: &str = "Có vẻ là thông tin của chính bạn: đăng công khai dễ bị làm phiền, lừa đảo. Cân nhắc nhắn riêng thay vì đăng.";
const OWN_EN: &str = "This looks like your own contact data: posting it publicly invites spam and scams. Consider sending it privately.";

/// Words of a business's ad (keyed syllables): its own contact lines there are public by
/// intent.
const AD_WORDS: &[&str] = &[
    "shop",
    "đặt hàng",
    // A seller to a buyer: "chị cần lấy thêm hàng thì gọi em".
    "lấy thêm hàng",
    "lấy hàng",
    "lấy sỉ",
    "báo giá",
    "ship",
    "giao hàng",
    "miễn phí",
    "dịch vụ",
    "nhận làm",
    "nhận sửa",
    "nhận đập",
    "nhận thiết kế",
    "khuyến mãi",
    "ưu đãi",
    "order",
    "bán sỉ",
    "giá sỉ",
    "cửa hàng",
    "tiệm",
    "cần bán",
    "bán hàng",
    "chuyên bán",
    "mình bán",
    "em bán",
    "nhà bán",
    "ai lấy",
    "giao tận nơi",
    "giao tận nhà",
    "nhận may",
    "đặt lịch",
];

/// Whether the text opens as a listing for rent or a transfer: "cho thuê", "sang nhượng" or
/// "thanh lý" within its first eight words ("Cho thuê phòng trọ 25m2 …, Liên hệ chủ nhà (là
/// mình) qua Zalo 09…", adv54; "Bác mình cho thuê nhà nguyên căn …, liên hệ bác Tư 09…"): an
/// ad, its number published to be used. Not one the writer received ("Anh Vũ thanh lý laptop
/// cho mình, zalo 09…"), nor one that reviews, warns or complains ("Review chủ nhà cho thuê: cô
/// Lan 09…, khó tính", "mua của bạn Hiếu zalo 09…, giao tủ gãy chân mà ko chịu nhận lại",
/// brk42, brk43).
fn listing_opens(t: &[Token]) -> bool {
    use crate::engine::key_matches_any;
    const LISTING: &[&str] = &["cho thuê", "sang nhượng", "thanh lý"];
    let Some(k) = (0..t.len().min(8)).find(|&k| spelled_any(t, k, LISTING).is_some()) else {
        return false;
    };
    // Handed to the writer: "cho mình / em / tôi" within the six words after.
    let received = (k + 2..(k + 8).min(t.len())).any(|j| {
        key_matches_any(&t[j], &["cho"])
            && t.get(j + 1).is_some_and(|x| {
                x.gap == Gap::Space && key_matches_any(x, &["mình", "em", "tôi", "tui", "tớ"])
            })
    });
    !received
        && !(0..t.len()).any(|k| {
            spelled_any(
                t,
                k,
                &[
                    "cảnh báo",
                    "lừa đảo",
                    "review",
                    "khó tính",
                    "ai biết",
                    "không chịu",
                    "ko chịu",
                    "k chịu",
                    "cẩn thận",
                    "cân nhắc",
                    "đừng tin",
                    "bom hàng",
                    "bắt đền",
                    "bắt mình đền",
                    "mọi người né",
                ],
            )
            .is_some()
        })
}

phrase_list!(ad_words, AD_WORDS);

/// Whether token `k` is a price: digits with a unit run into them ("350k", "2tr") or right
/// after them ("350 nghìn", "1.200.000 đồng", "45 k").
fn price_at(t: &[Token], k: usize) -> bool {
    let x = &t[k];
    let digits = x.key.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(&x.fold[digits..], "k" | "tr" | "d" | "vnd") {
        return true;
    }
    x.numeric
        && t.get(k + 1).is_some_and(|n| {
            n.gap == Gap::Space
                && matches!(
                    n.fold.as_str(),
                    "k" | "nghin" | "ngan" | "dong" | "d" | "vnd" | "trieu" | "tr"
                )
        })
}

/// Lowers to `info`, with a message about the writer's own data, the findings whose
/// surroundings say the data is the writer's (`sđt của em là …`, `zalo mình 09…`), unless
/// they also name someone else (`của nó`, `thằng`) or the post `accusing`ly holds an
/// inflammatory or unverified-claim finding of `warning` or more (doxxing dressed as a
/// classified ad: "liên hệ chị H. 09… để hỏi chuyện ngoại tình").
/// `ad` answers whether the text is an ad ([`AD_WORDS`]), read once for the whole of `apply`.
/// Returns, for each of `found`, whether it was taken as the writer's own ([`Own`]).
fn mark_own(
    ctx: &Ctx<'_>,
    found: &mut [Finding],
    accusing: bool,
    ad: &dyn Fn() -> bool,
) -> Vec<Own> {
    let mut own = vec![Own::No; found.len()];
    if accusing {
        return own;
    }
    // The end of the last own item: data listed right after it, within three words ("0912 345
    // 678 - 0987 654 321", "0905 123 987 hoặc email …") is the writer's too.
    let mut own_end: Option<usize> = None;
    // The end of the last item given with an invitation ([`Own::Invited`]): more of the
    // writer's contacts in the same sentence share it ("nhắn cho mình qua số 0977 … hoặc email
    // của mình …").
    let mut invited_end: Option<usize> = None;
    // Whether the text offers anything (`ad`: [`AD_WORDS`]; or [`OFFER_WORDS`]), read once
    // (not per item: a long paste holds thousands).
    let offers = std::cell::OnceCell::new();
    let offers = || {
        *offers.get_or_init(|| {
            let t = ctx.tokens;
            ad() || (0..t.len()).any(|k| offer_words().at(t, k).is_some())
        })
    };
    let wronged = std::cell::OnceCell::new();
    let wronged = || {
        *wronged.get_or_init(|| {
            // One pass over the tokens.
            let t = ctx.tokens;
            (0..t.len()).any(|k| {
                not_suffered(t, k) && THIRD_PARTY_WORDS.iter().any(|w| spelled_at(t, k, w))
            })
        })
    };
    for (f, own) in found.iter_mut().zip(own.iter_mut()) {
        let toks = tokens_in(ctx.tokens, &f.span);
        if toks.is_empty() {
            continue;
        }
        let near = |words: &[&str]| near_word(ctx.tokens, toks.start, toks.end, 6, 3, words);
        // Someone else named or accused anywhere around (a dozen words either side) outweighs
        // "nhà mình": "liên hệ chị Lan hàng xóm nhà mình … 09…, chị ấy nợ tiền mà không trả".
        let other = near(OTHER_WORDS)
            || near_word_where(
                ctx.tokens,
                (toks.start, toks.end),
                (12, 12),
                THIRD_PARTY_WORDS,
                |k| not_suffered(ctx.tokens, k),
            )
            || names_owner(ctx.tokens, toks.start)
            // A named person the post says owes or wronged the writer, anywhere in it ("liên
            // hệ anh Tuấn, CMND …, địa chỉ … . Anh ấy đang nợ tôi 200 triệu không trả").
            || names_someone(ctx.tokens, toks.start) && (!offers() || wronged())
            || possessed_by_other(ctx.tokens, toks.start);
        // Right after the last own item, with only conjunctions and labels between ("0977 … hoặc
        // 0912 …"; not "hoặc gọi hắn 0912 …").
        let listed = own_end
            .is_some_and(|e| toks.start <= e + 3 && only_chain_words(ctx.tokens, e, toks.start));
        // A document's number is the writer's only when said so ("hộ chiếu của em"): an ad's
        // or a lost-and-found's words ("ai nhặt được", "liên hệ") say nothing of whose it is.
        let document = f.rule_id == "personal_data.document_number";
        let own_words = if document {
            &OWN_WORDS[..POSSESSIVES]
        } else {
            OWN_WORDS
        };
        // The writer introducing themself or their child before their own number ("Dạ em là Lê
        // Văn Nam, mã số thuế cá nhân 8012345678", "Con em học lớp 3A, mã học sinh …").
        let introduced = document && near_word(ctx.tokens, toks.start, toks.end, 14, 0, SELF_INTRO);
        // An invitation to call or write ([`INVITE_WORDS`]) says "mine" of a phone or mailbox:
        // before it ([`invited_before`]: not with a relative named between), or right after it
        // ("0912 345 678, cần gì cứ gọi mình").
        // Not an invitation to a confrontation: "Liên hệ +84 903 … hoặc 0903 … để chửi nó" (the
        // first call to contact or confront after the number, in its sentence, one that
        // curses, "deals with", spams or stones; not a plain "cứ gọi" nor "để tìm đến cửa
        // hàng").
        let confronted = || {
            let (sentence_of, _) = ctx.sentences();
            let next = ctx.contact_cues.partition_point(|c| c.start < f.span.end);
            ctx.contact_cues.get(next).is_some_and(|c| {
                let r = tokens_in(ctx.tokens, c);
                !r.is_empty()
                    && sentence_of[r.start] == sentence_of[toks.start]
                    && ctx.tokens[r.clone()].iter().any(|x| {
                        matches!(
                            x.fold.as_str(),
                            "chui" | "xu" | "khung" | "spam" | "nem" | "le"
                        )
                    })
            })
        };
        let before = !document && invited_before(ctx, toks.start);
        let invited =
            before || !document && near_word(ctx.tokens, toks.start, toks.end, 0, 3, INVITE_WORDS);
        if (listed || introduced || invited || near(own_words)) && !other && !confronted() {
            f.severity = Severity::Info;
            f.message.vi = OWN_VI.to_string();
            f.message.en = OWN_EN.to_string();
            own_end = Some(toks.end);
            // Given to be used: a phone or mailbox (not a bank account) after an invitation, or
            // within eight words of one so given, in the same sentence, with only conjunctions,
            // contact labels and the writer's pronouns between ([`CHAIN_WORDS`]: "gọi mình
            // 0901 … hoặc gọi vợ mình 0901 …", "… hoặc email sếp cũ của mình …" are not).
            let chained = invited_end.is_some_and(|e| {
                toks.start <= e + 8
                    && only_chain_words(ctx.tokens, e, toks.start)
                    && ctx.tokens[e..=toks.start]
                        .iter()
                        .all(|t| t.gap != Gap::Hard)
            });
            let given = (before || chained) && f.rule_id != "personal_data.bank_account";
            *own = if given {
                invited_end = Some(toks.end);
                Own::Invited
            } else {
                Own::Yes
            };
        }
    }
    own
}

/// The words (folded) that may stand between two of the writer's contacts given with one
/// invitation ("nhắn cho mình qua số 0977 … hoặc email của mình …"): conjunctions, contact
/// labels, the writer's pronouns, particles. Anything else (a person, a title, "hắn") may name
/// someone else.
const CHAIN_WORDS: &[&str] = &[
    "hoac", "va", "hay", "la", "email", "mail", "gmail", "zalo", "sdt", "so", "dien", "thoai",
    "dt", "fb", "facebook", "qua", "theo", "dia", "chi", "cua", "minh", "em", "toi", "tui", "nhe",
    "nha", "goi", "nhan", "ib", "inbox",
];

/// Whether tokens `from..to` are all [`CHAIN_WORDS`] ("chi" only in "địa chỉ": alone it folds
/// as "chị" does); `false` when the range is reversed or out of bounds.
fn only_chain_words(t: &[Token], from: usize, to: usize) -> bool {
    from <= to
        && to < t.len()
        && (from..to).all(|i| {
            let f = t[i].fold.as_str();
            CHAIN_WORDS.contains(&f) && (f != "chi" || dia_chi(t, i))
        })
}

/// Whether token `i` is the "chỉ" of "địa chỉ" (an address): "chi" alone folds as "chị" (a
/// woman) does.
fn dia_chi(t: &[Token], i: usize) -> bool {
    t[i].fold == "chi" && i > 0 && t[i - 1].fold == "dia"
}

/// Whether a possessive of the writer's ("của mình", "của em") in the six tokens before token
/// `start` follows a person rather than a contact label or the writer's business: "sếp cũ của
/// mình", "bạn trai cũ của mình", "trưởng phòng của em" name someone else's data; "số (cũ)
/// của mình", "email của mình", "địa chỉ của em", "shop của mình" the writer's.
fn possessed_by_other(t: &[Token], start: usize) -> bool {
    (start.saturating_sub(6)..start).any(|k| {
        if !OWN_WORDS[..POSSESSIVES].iter().any(|w| spelled_at(t, k, w)) {
            return false;
        }
        // The noun before the possessive, past adjectives ("số cũ", "điện thoại riêng"), in
        // the same sentence.
        let mut j = k;
        while j > 0 && OWNED_ADJECTIVES.contains(&t[j - 1].fold.as_str()) && t[j].gap != Gap::Hard {
            j -= 1;
        }
        if j == 0 || t[j..=k].iter().any(|x| x.gap == Gap::Hard) {
            return false;
        }
        // "chủ nhà", "chủ tiệm" (a landlord, a shop's owner) are people, not the house or shop.
        let owner = j >= 2 && t[j - 2].fold == "chu" && t[j - 2].gap == Gap::Space;
        !(OWNED_LABELS.contains(&t[j - 1].fold.as_str()) && !owner || dia_chi(t, j - 1))
    })
}

/// Adjectives between a thing and "của mình" (folded): "số cũ của mình".
const OWNED_ADJECTIVES: &[&str] = &["cu", "moi", "rieng", "chinh", "nay", "do", "kia", "that"];

/// The last syllable (folded) of things the writer owns whose data "của mình" marks as the
/// writer's: contact labels, documents and a business ("số của mình", "hộ chiếu của em", "shop
/// của mình").
const OWNED_LABELS: &[&str] = &[
    "so", "sdt", "dt", "thoai", "email", "mail", "gmail", "zalo", "fb", "facebook", "nha", "khoan",
    "stk", "tk", "lac", "he", "tin", "cccd", "cmnd", "cmt", "shop", "hang", "tiem", "quan", "ty",
    "cty", "page", "web", "website", "kenh", "xuong", "vuon", "lop", "hieu", "nick", "ib", "inbox",
    "khau", "chieu", "the", "bhyt", "bhxh", "lai", "thue", "mssv", "msv",
    // The writer's desk or work line ("số bàn làm việc của em").
    "viec",
];

/// Whose a finding of [`mark_own`] is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Own {
    /// Someone else's, or nothing says whose.
    No,
    /// The writer's own (an `info` nudge; nothing in an ad).
    Yes,
    /// The writer's own phone or mailbox right after an invitation to use it ([`INVITE_WORDS`],
    /// within six words, no relative named between): nothing, as in an ad ("Phụ huynh cần trao
    /// đổi gì cứ gọi mình số 09…", "gửi mail cho mình theo địa chỉ …").
    Invited,
}

/// Whether a third-party word ([`THIRD_PARTY_WORDS`]) at token `k` is not one the writer
/// suffers: not right after "bị" ("Mình bị nợ lương 3 tháng … sđt mình 0912 …" is the writer
/// owed).
fn not_suffered(t: &[Token], k: usize) -> bool {
    !(k > 0 && t[k - 1].fold == "bi")
}

/// Whether the eight words before token `at` name the data's owner as someone else: "của"
/// then a person's title and a capitalised name ("Điện thoại của anh Nam là …"; a shop's
/// "liên hệ số chị Hoa" is its own contact). "của mình", "của em" name the writer and are not this.
fn names_owner(t: &[Token], at: usize) -> bool {
    (at.saturating_sub(8)..at).any(|k| t[k].fold == "cua" && titled_name(t, k + 1, at))
}

/// Person titles (folded) before a name: `chị Lan`, `anh Nam`, `cô Hoa`.
const NAME_TITLES: &[&str] = &["anh", "chi", "ong", "ba", "co", "chu", "bac", "em", "thay"];

/// Whether a person's title ([`NAME_TITLES`]) at token `k` is followed by a capitalised name
/// (not a word in capitals) before token `end`: "chị Lan", "anh Nam".
fn titled_name(t: &[Token], k: usize, end: usize) -> bool {
    k + 1 < end
        && t.get(k)
            .is_some_and(|x| NAME_TITLES.contains(&x.fold.as_str()))
        && t.get(k + 1)
            .is_some_and(|x| x.capitalized && !x.upper && x.gap == Gap::Space)
}

/// Words of an offer besides [`AD_WORDS`]: "Cho thuê xe 7 chỗ, gọi anh Tuấn 09…, giá mềm",
/// "Liên hệ đặt tiệc: số cô Lan 09… (chủ quán)".
const OFFER_WORDS: &[&str] = &[
    "cho thuê",
    "đặt tiệc",
    "đặt bàn",
    "chủ quán",
    "giá mềm",
    "giá rẻ",
    "mua hàng",
    "trọn gói",
    "nhận dạy",
    "tư vấn",
    "bán",
];
phrase_list!(offer_words, OFFER_WORDS);

/// Whether the eight words before token `at` name someone ("Số chị Lan đây 09…", "Ai cần
/// liên hệ chị Lan thì gọi 09…"). The caller rules out texts that offer something
/// ([`AD_WORDS`], [`OFFER_WORDS`]: a shop's "Đặt hàng liên hệ chị Hoa 09…" gives its own
/// line).
fn names_someone(t: &[Token], at: usize) -> bool {
    (at.saturating_sub(8)..at).any(|k| titled_name(t, k, at))
}

/// `Some("mobile" | "landline")` when `raw` (with `digits` its digits) is a Vietnamese phone
/// number: national significant number of 9 digits starting 3, 5, 7, 8 or 9 (mobile) or 10
/// digits starting 2 (landline), after a trunk `0` or a country code `84`/`+84`.
fn phone_kind(raw: &str, digits: &str) -> Option<&'static str> {
    let raw = raw.trim_start_matches('(');
    let national = if raw.starts_with('+') {
        // `+84 (0) 912 …`: the trunk 0 written after the country code.
        let n = digits.strip_prefix("84")?;
        match n.strip_prefix('0') {
            Some(rest) if rest.len() == 9 || rest.len() == 10 => rest,
            _ => n,
        }
    } else if let Some(n) = digits.strip_prefix('0') {
        n
    } else {
        digits
            .strip_prefix("84")
            // Byte 2 may sit inside a multi-byte space ("8\u{a0}4 912 …"): read as a byte.
            .filter(|n| n.len() == 9 && matches!(raw.as_bytes().get(2), Some(b' ' | b'.' | b'-')))?
    };
    let first = national.chars().next()?;
    match (first, national.len()) {
        ('3' | '5' | '7' | '8' | '9', 9) => Some("mobile"),
        ('2', 10) => Some("landline"),
        _ => None,
    }
}

/// `1.500.000` or `20,000,000`: digits grouped by threes with dots or commas (a sum, not an
/// account or phone number).
fn is_grouped_thousands(raw: &str) -> bool {
    let sep = if raw.contains('.') {
        '.'
    } else if raw.contains(',') {
        ','
    } else {
        return false;
    };
    let groups: Vec<&str> = raw.split(sep).collect();
    // `+84.912.777.031`, `0912.345.678`: a number grouped like a sum, but a phone's.
    !raw.starts_with(['+', '0'])
        && groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..]
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// The phone numbers of a run that holds two or more one after another ("0912 345 678 0987 654
/// 321", split at separators), or the run itself when it does not split into phone numbers
/// only. Byte ranges of `norm`.
fn phone_parts(norm: &str, m: Range<usize>) -> Vec<Range<usize>> {
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let raw = &norm[m.clone()];
    // Two numbers hold at least 20 digits (a trunk `0` and 9 digits each).
    if raw.bytes().filter(u8::is_ascii_digit).count() < 20 {
        return vec![m];
    }
    let is_phone = |s: &str| phone_kind(s, &digits(s)).is_some();
    let mut parts = Vec::new();
    let mut start = 0;
    while start < raw.len() {
        // The shortest phone number from `start` that ends before a separator (or at the end),
        // looked for among the first 13 digits only: no number is longer (`+84 (0) 912 345 678`
        // holds 12), so a long run costs a bounded scan per number.
        let mut end = None;
        let mut seen = 0;
        for (i, c) in raw[start..].char_indices() {
            if c.is_ascii_digit() {
                seen += 1;
                if seen > 13 {
                    break;
                }
            } else if i > 0 && c != '+' && c != '(' && is_phone(&raw[start..start + i]) {
                end = Some(start + i);
                break;
            }
        }
        if end.is_none() && seen <= 13 && is_phone(&raw[start..]) {
            end = Some(raw.len());
        }
        let Some(end) = end else {
            return plain_groups(norm, &m).unwrap_or_else(|| vec![m]);
        };
        parts.push(m.start + start..m.start + end);
        start = raw[end..]
            .find(|c: char| c.is_ascii_digit() || c == '+' || c == '(')
            .map_or(raw.len(), |k| end + k);
    }
    parts
}

/// The groups of run `m` when it is two or more numbers of six digits or more each, written
/// without separators inside and set apart by spaces ("079085001234 079090001235", "0912345678
/// 15000000 0987654321"): each is read on its own. `None` when a group is shorter or holds a
/// separator other than the spaces between (a phone number grouped "0912 345 678" is not split
/// here). Byte ranges of `norm`.
fn plain_groups(norm: &str, m: &Range<usize>) -> Option<Vec<Range<usize>>> {
    let raw = norm.get(m.clone())?;
    let mut groups = Vec::new();
    let mut at = 0;
    for g in raw.split(' ') {
        if !g.is_empty() {
            if g.len() < 6 || !g.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            groups.push(m.start + at..m.start + at + g.len());
        }
        at += g.len() + 1;
    }
    (groups.len() >= 2).then_some(groups)
}

/// The run `m` without its last group when that group is one to four digits after a separator
/// ("0912 345 678 2", the "2" of "2 năm nay"; "0912.345.678 10" of "10h tối") and at least
/// `min_digits` digits come before it; `None` otherwise. A byte range of `norm`, ending on a
/// digit.
fn before_short_tail(norm: &str, m: &Range<usize>, min_digits: usize) -> Option<Range<usize>> {
    let raw = norm.get(m.clone())?.as_bytes();
    let tail = raw.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=4).contains(&tail) {
        return None;
    }
    let head = raw[..raw.len() - tail]
        .iter()
        .rposition(u8::is_ascii_digit)?
        + 1;
    (raw[..head].iter().filter(|b| b.is_ascii_digit()).count() >= min_digits)
        .then(|| m.start..m.start + head)
}

/// The run `m` without its first one or two groups when they hold at most eight digits, end
/// at a space, and what follows is a phone number written from its trunk `0` or `+84`
/// ("10:30 0912 345 678" → "0912 345 678"; "2024 0912345678"; "500.000 0912 345 678"); `None`
/// otherwise. A byte range of `norm`.
fn after_short_lead(norm: &str, m: &Range<usize>) -> Option<Range<usize>> {
    let raw = norm.get(m.clone())?;
    raw.match_indices(' ').take(2).find_map(|(i, _)| {
        let rest = raw[i..].trim_start_matches(' ');
        let start = raw.len() - rest.len();
        let lead = raw[..i].bytes().filter(u8::is_ascii_digit).count();
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        (lead <= 8 && rest.starts_with(['0', '+']) && phone_kind(rest, &digits).is_some())
            .then(|| m.start + start..m.end)
    })
}

/// Units a count before them measures (folded): "2 lần", "3 năm", "10 người".
const COUNT_UNITS: &[&str] = &[
    "lan", "nam", "thang", "ngay", "tuan", "gio", "phut", "nguoi", "dua", "cai", "ban", "trieu",
    "tr", "nghin", "ngan", "lit", "kg", "cuoc", "tin", "hop", "chai", "goi", "con",
];

/// The run `m` without the last one or two groups of one or two digits set apart by a space,
/// when a unit word ([`COUNT_UNITS`]) follows the run: "1903 6688 9999 2 lần" → "1903 6688
/// 9999"; "0912 345 678 2 3 lần" → "0912 345 678". At least nine digits are kept; otherwise `m`
/// as it was. A byte range of `norm`.
fn without_counts(norm: &str, m: Range<usize>) -> Range<usize> {
    let Some(after) = norm.get(m.end..) else {
        return m;
    };
    let Some(word) = after.strip_prefix(' ') else {
        return m;
    };
    let unit: String = word
        .chars()
        .take_while(|&c| crate::text::is_letter(c))
        .take(8)
        .map(|c| {
            crate::text::tone::letter(c)
                .map_or(c, |l| l.fold)
                .to_ascii_lowercase()
        })
        .collect();
    if !COUNT_UNITS.contains(&unit.as_str()) {
        return m;
    }
    let mut end = m.end;
    for _ in 0..2 {
        let Some(raw) = norm.get(m.start..end) else {
            break;
        };
        let tail = raw.bytes().rev().take_while(u8::is_ascii_digit).count();
        let head = raw.len() - tail;
        if !(1..=2).contains(&tail) || !raw[..head].ends_with(' ') {
            break;
        }
        let kept = raw[..head].trim_end_matches(' ');
        if kept.bytes().filter(u8::is_ascii_digit).count() < 9 {
            break;
        }
        end = m.start + kept.len();
    }
    m.start..end
}

/// A 12-digit CCCD number: a known province code, then a century-and-sex digit 0–3.
fn valid_cccd(d: &str) -> bool {
    let Ok(province) = d[..3].parse::<u16>() else {
        return false;
    };
    PROVINCES.contains(&province)
        && d.as_bytes()
            .get(3)
            .is_some_and(|b| (b'0'..=b'3').contains(b))
}

/// Whether one of `words` (folded phrases) stands within `back` tokens before `first` or
/// `ahead` tokens after `end`, without a line break between.
fn near_word(
    tokens: &[Token],
    first: usize,
    end: usize,
    back: usize,
    ahead: usize,
    words: &[&str],
) -> bool {
    near_word_where(tokens, (first, end), (back, ahead), words, |_| true)
}

/// Person titles (folded) before an office's name: `chánh văn phòng`, `trưởng công an xã`,
/// `giám đốc công ty` name a person, whose number is personal data.
const PERSON_TITLES: &[&str] = &[
    "chanh",
    "pho",
    "truong",
    "can bo",
    "nhan vien",
    "bac si",
    "giam doc",
    "thu truong",
    "chu tich",
    "bi thu",
    "ke toan",
    // A driver of a coach or taxi ("số điện thoại tài xế xe khách bỏ chạy sau tai nạn").
    "tai xe",
    "lai xe",
    "phu xe",
    // The owner of a shop or restaurant named as a person ("số của bà chủ quán là 09…"); a
    // bare "chủ shop" stays the shop's, as in its own adverts.
    "ba chu",
    "ong chu",
    "thang chu",
    "con chu",
    "lao chu",
    "mu chu",
    // A hotel's receptionist or a clinic's nurse named as a person ("zalo của bé lễ tân khách
    // sạn: 0388 …", adv59), not the desk ("Liên hệ lễ tân khách sạn …: 0236 …", brk43).
    "be le tan",
    "em le tan",
    "chi le tan",
    "co le tan",
    "be tiep tan",
    "em tiep tan",
    "chi tiep tan",
    "chi y ta",
    "co y ta",
    "em y ta",
    "chi dieu duong",
    "em dieu duong",
];

/// [`near_word`] for [`PUBLIC_WORDS`]: an office's name counts unless a person's title is
/// right before it ("vợ ông chánh văn phòng huyện, số đt 09…"). A district ("quận 3", "quan
/// 8", "Quận Phú Nhuận") places an ad's number ("Cho thuê phòng trọ quận 10 … 0912 …"), but
/// not where the number is `personal` (the post accuses someone or calls on others to contact
/// them): there it places a person ("ở … quận 3, SĐT 0909 …. Chị em ib chửi cho nó biết
/// điều"). `accusing`: the post insults or accuses someone.
fn public_near(
    tokens: &[Token],
    first: usize,
    end: usize,
    (personal, accusing): (bool, bool),
) -> bool {
    // "chánh văn phòng huyện", or a named person's workplace: "chị Lan bên công ty cũ", "anh
    // Nam ở UBND xã".
    // In a post that accuses (`accusing`: an insult or an unverified claim), a seller named
    // with contempt too ("sđt con shop lừa đảo nè 09…, ae gọi khủng bố nó đi", adv49; "Mua ở
    // con shop này rẻ lắm, mọi người gọi đặt đi" is Southern everyday speech, brk35).
    let titled = |i: usize| {
        PERSON_TITLES.iter().any(|t| spelled_before(tokens, i, t))
            || (i.saturating_sub(4)..i).any(|k| titled_name(tokens, k, i))
            || accusing
                && ["con", "thang", "mu"]
                    .iter()
                    .any(|t| spelled_before(tokens, i, t))
    };
    let district = |i: usize| {
        tokens[i].fold == "quan"
            && (tokens[i].key == "quận"
                || tokens
                    .get(i + 1)
                    .is_some_and(|x| x.numeric && x.key.len() <= 2 && !x.key.starts_with('0')))
    };
    // "Nhà hàng xóm tôi" is the neighbour's house, not a restaurant ("nhà hàng").
    let neighbour = |i: usize| {
        tokens[i].fold == "nha"
            && tokens.get(i + 1).is_some_and(|x| x.fold == "hang")
            && tokens.get(i + 2).is_some_and(|x| x.fold == "xom")
    };
    near_word_where(tokens, (first, end), (8, 0), PUBLIC_WORDS, |i| {
        !(titled(i) || personal && district(i) || neighbour(i))
    })
}

/// [`near_word`] counting only the matches whose first token `i` passes `keep(i)`.
fn near_word_where(
    tokens: &[Token],
    (first, end): (usize, usize),
    (back, ahead): (usize, usize),
    words: &[&str],
    keep: impl Fn(usize) -> bool,
) -> bool {
    let lo = first.saturating_sub(back);
    let hi = (end + ahead).min(tokens.len());
    let starts_at = |i: usize| {
        keep(i) && {
            // The token's first byte rules out most words before any comparison.
            let Some(first) = tokens
                .get(i)
                .and_then(|t| t.fold.as_bytes().first().copied())
            else {
                return false;
            };
            words.iter().any(|w| {
                // An accented first letter (`đổi`, `ở`) folds to another first byte.
                w.as_bytes()
                    .first()
                    .is_some_and(|&b| b == first || b >= 0x80)
                    && spelled_at(tokens, i, w)
            })
        }
    };
    (lo..first).any(|i| {
        starts_at(i)
            && tokens[i + 1..=first.min(tokens.len() - 1)]
                .iter()
                .all(|t| t.gap != Gap::Hard)
    }) || (end..hi).any(starts_at)
}

/// Building words (folded) after an apartment number: `tòa`, `tầng`, `block`, `nhà` (`nhà A2`).
const BUILDING_WORDS: &[&str] = &["toa", "tang", "block", "nha", "lo", "chung cu"];

/// An apartment after a word for someone's home: `căn hộ 1203 tòa A2`, `nhà nó ở phòng 1205
/// toà CT2 Linh Đàm`, `nhà nó ở P.1205, tòa B` — `phòng`/`P.`/`căn`/`căn hộ`, a number, a
/// building word (after a space, comma or dash), then the building's
/// name (numbers and capitalised words). Not next to an office's name before or after it (a
/// hotel room, a hospital ward).
fn apartments(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // `P1205`: the abbreviation of `phòng` written as one word with its number.
    let p_room = |x: &Token| {
        let f = x.fold.as_str();
        x.capitalized
            && f.len() > 1
            && f.starts_with('p')
            && f[1..].bytes().all(|b| b.is_ascii_digit())
    };
    // Someone named and accused who lives there: "Con bé Vy ở căn 1208 tòa B2 bom hàng hoài"
    // ("ở" right before, a name in the five words before it, a word of [`THIRD_PARTY_WORDS`]
    // around; not "anh Minh ở phòng 1205 tòa B, khách sạn Mường Thanh").
    let lives_at = |i: usize| {
        i > 1
            && t[i - 1].fold == "o"
            && t[i - 1].key == "ở"
            && (i.saturating_sub(6)..i - 1)
                .any(|k| k > 0 && t[k].capitalized && !t[k].upper && t[k].gap == Gap::Space)
            && near_word(t, i, i + 1, 12, 12, THIRD_PARTY_WORDS)
    };
    let mut i = 0;
    // Three tokens at least: `P1205 tòa B3` may end the text.
    while i + 2 < t.len() {
        // The number is the first (`P1205`), second or third token: most positions are ruled
        // out without reading a word.
        if !(t[i + 1].numeric || t[i + 2].numeric || p_room(&t[i])) {
            i += 1;
            continue;
        }
        let num = match (t[i].fold.as_str(), t[i + 1].fold.as_str()) {
            ("can", "ho") => i + 2,
            ("phong" | "can", _) => i + 1,
            // `P.1205`: the abbreviation of `phòng`, capitalised, joined to its number.
            ("p", _)
                if t[i].capitalized
                    && ctx.text.get(t[i].orig.end..t[i + 1].orig.start) == Some(".") =>
            {
                i + 1
            }
            // `P1205`: the same written as one word (the number is the word itself).
            _ if p_room(&t[i]) => i,
            _ => {
                i += 1;
                continue;
            }
        };
        let building = num + 1;
        let found = (num == i || t.get(num).is_some_and(|n| n.numeric))
            && t.get(building)
                .is_some_and(|b| BUILDING_WORDS.contains(&b.fold.as_str()) && b.gap != Gap::Hard)
            && t.get(building + 1)
                .is_some_and(|n| (n.numeric || n.capitalized) && n.gap == Gap::Space)
            && (t[i + 1].fold == "ho" || near_word(t, i, i + 1, 6, 0, HOME_WORDS) || lives_at(i));
        if !found {
            i += 1;
            continue;
        }
        let mut end = building + 1;
        while end + 1 < t.len()
            && t[end + 1].gap == Gap::Space
            && (t[end + 1].numeric || t[end + 1].capitalized)
        {
            end += 1;
        }
        // An office named after it (a hotel, a hospital ward): not a home; where someone named
        // and accused lives, only one named before it counts (not the writer's "shop né nha").
        let ahead = if lives_at(i) { 0 } else { 4 };
        let public = near_word(t, i, end + 1, 8, ahead, PUBLIC_WORDS);
        if public {
            i = end + 1;
            continue;
        }
        out.push(address(t[i].orig.start..t[end].orig.end));
        i = end + 1;
    }
}

/// Document numbers written as one word of letters and digits, after the document's name
/// within ten words, in capitals: a passport's (`hộ chiếu C1234567`: a letter and seven
/// digits) and a health-insurance card's (`thẻ BHYT HT2797912345678`: two letters and thirteen
/// digits); not an example of the format ([`EXAMPLE_WORDS`] within three words before). Basic
/// personal data under Decree 13/2023/NĐ-CP, art. 2.3.
fn document_codes(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    for (i, x) in t.iter().enumerate() {
        // Written in capitals, as the documents print them: most words stop here, before
        // their letters are read.
        if x.numeric || !x.upper {
            continue;
        }
        let f = x.fold.as_bytes();
        let letters = f.iter().take_while(|b| b.is_ascii_lowercase()).count();
        let digits = f.len() - letters;
        if !(1..=2).contains(&letters) || !f[letters..].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let words = match (letters, digits) {
            (1, 7) => PASSPORT_WORDS,
            (2, 13) => HEALTH_CARD_WORDS,
            _ => continue,
        };
        if near_word(t, i, i + 1, 10, 0, words) && !near_word(t, i, i + 1, 3, 0, EXAMPLE_WORDS) {
            out.push(finding(
                "personal_data.document_number",
                Category::PersonalData,
                Severity::Warning,
                x.orig.clone(),
                DOC_VI,
                DOC_EN,
            ));
        }
    }
}

/// Makes and models written after "chủ xe" that are no one's name ("chủ xe Honda Lead").
const VEHICLE_NAMES: &[&str] = &[
    "honda", "toyota", "vinfast", "mazda", "kia", "hyundai", "ford", "mercedes", "yamaha",
    "suzuki", "piaggio", "vespa", "lead", "wave", "vision", "exciter", "sh", "air", "winner",
    "sirius", "camry", "vios", "innova", "fortuner", "ranger", "xpander", "bmw", "audi", "lexus",
];

/// Words after a name that make it a business's ("anh Hoàng Auto", "chị Lan Shop").
const BUSINESS_AFTER_NAME: &[&str] = &["auto", "shop", "store", "garage", "car", "motor", "xe"];

/// Whether tokens from `k` name a person by a title in lower case and a capitalised name ("ông
/// Phạm Văn Hùng", "anh Toàn"): not a place written with a capitalised title ("Bà Rịa", "Cô
/// Tô", "Ông Lãnh"), not a business ("anh Hoàng Auto"), not a name the press cuts to an
/// initial ("ông Nguyễn Văn T.").
fn person_named(t: &[Token], k: usize) -> bool {
    let Some(title) = t.get(k) else {
        return false;
    };
    if title.capitalized || !NAME_TITLES.contains(&title.fold.as_str()) {
        return false;
    }
    let mut j = k + 1;
    while t
        .get(j)
        .is_some_and(|x| x.capitalized && !x.upper && x.gap == Gap::Space)
    {
        j += 1;
    }
    // "ông Nguyễn Văn T.": the press's initial keeps the name back.
    let initial = |x: &Token| x.upper && x.key.chars().nth(1).is_none();
    j > k + 1
        && !t.get(j).is_some_and(|x| {
            x.gap == Gap::Space && (BUSINESS_AFTER_NAME.contains(&x.fold.as_str()) || initial(x))
        })
}

/// Whether tokens from `k` are a full name: two or more capitalised syllables in a row, none a
/// make or model ([`VEHICLE_NAMES`]): "Lưu Quang Vinh", not "Honda Lead" nor "Hầm B1".
fn full_name(t: &[Token], k: usize) -> bool {
    let name = |x: &Token| {
        x.capitalized && !x.upper && x.letters && !VEHICLE_NAMES.contains(&x.fold.as_str())
    };
    t.get(k).is_some_and(name) && t.get(k + 1).is_some_and(|x| x.gap == Gap::Space && name(x))
}

/// The length of a Vietnamese licence plate at byte `i` of `b` (the caller's text), or 0:
/// two digits (the province), an optional `-`, one or two capitals and an optional digit (the
/// series: `30K`, `51LD`, `29-B1`), an optional space or `-`, then `123.45` or four or five
/// digits. Not inside a word or a longer number.
fn plate_len(b: &[u8], i: usize) -> usize {
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let upper = |k: usize| b.get(k).is_some_and(u8::is_ascii_uppercase);
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.')
        || !(digit(i) && digit(i + 1))
    {
        return 0;
    }
    let mut k = i + 2;
    k += usize::from(b.get(k) == Some(&b'-'));
    let series = k;
    while k < series + 2 && upper(k) {
        k += 1;
    }
    if k == series {
        return 0;
    }
    k += usize::from(digit(k));
    k += usize::from(matches!(b.get(k), Some(b' ' | b'-')));
    let run = (k..).take_while(|&j| digit(j)).count();
    // "lớp 12A1 2015-2018": a class and its years, not a plate.
    let year = run == 4 && (b[k..].starts_with(b"19") || b[k..].starts_with(b"20"));
    let end = if run == 3 && b.get(k + 3) == Some(&b'.') && digit(k + 4) && digit(k + 5) {
        k + 6
    } else if matches!(run, 4 | 5) && !year {
        k + run
    } else {
        return 0;
    };
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric())
        || matches!(b.get(end), Some(b'.' | b'-')) && digit(end + 1)
    {
        return 0;
    }
    end - i
}

/// Licence plates given with their owner's name ("Xe Vios biển 30K-123.45 của ông Phạm Văn
/// Hùng", "biển 29-B1 567.89 (chủ xe Lưu Quang Vinh …)"): `warning`, as Decree 13/2023/NĐ-CP
/// (art. 2) counts a plate as basic personal data. A plate alone (a car parked across a gate,
/// the police looking for an owner) names no one and gets nothing.
fn licence_plates(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // The caller's text: the normalised view is case-folded, and a plate's series is in
    // capitals (its characters are ASCII, so NFD or tone placement never touch them).
    let b = ctx.text.as_bytes();
    // A seller's or a renter's own vehicle in an ad ("Cho thuê xe hoa … biển 30K-999.99 của
    // anh Hoàng Auto", "Em bán giúp xe của chú Tư"); read once, at the first named plate. Not
    // `apply`'s `ad`, which also counts prices: a plate's own series ("30K") reads as one.
    let offered = std::cell::OnceCell::new();
    let offered = || {
        *offered.get_or_init(|| {
            (0..t.len()).any(|k| ad_words().at(t, k).is_some() || offer_words().at(t, k).is_some())
        })
    };
    // A plate starts a token with digits: only those are read (not every byte of the text).
    let mut past = 0;
    for x in t {
        let at = x.orig.start;
        // A word of letters only has no digit (most words stop here).
        if x.letters || at < past || !x.key.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let n = plate_len(b, at);
        if n == 0 {
            continue;
        }
        past = at + n;
        let span = at..at + n;
        let toks = tokens_in(t, &span);
        if toks.is_empty() {
            continue;
        }
        // A class, an order or a room code ("lớp 12A1", "Đơn hàng 24A-12345", "mã 30K…").
        let coded = (toks.start.saturating_sub(3)..toks.start).any(|k| {
            matches!(
                t[k].fold.as_str(),
                "lop" | "don" | "ma" | "order" | "code" | "ve" | "phong"
            )
        });
        // The owner named after it ("của ông Phạm Văn Hùng", "chủ xe Lưu Quang Vinh", "chủ xe
        // là anh Toàn") or before it ("Xe của anh Nam biển …").
        let named_after = (toks.end..(toks.end + 6).min(t.len())).any(|k| {
            t[k].fold == "cua" && person_named(t, k + 1)
                || t[k].fold == "chu"
                    && t.get(k + 1).is_some_and(|x| x.fold == "xe")
                    && (k + 2..(k + 5).min(t.len())).any(|j| person_named(t, j) || full_name(t, j))
        });
        let named_before = (toks.start.saturating_sub(8)..toks.start)
            .any(|k| t[k].fold == "cua" && person_named(t, k + 1));
        if !coded && (named_after || named_before) && !offered() {
            out.push(finding(
                "personal_data.licence_plate",
                Category::PersonalData,
                Severity::Warning,
                span,
                PLATE_VI,
                PLATE_EN,
            ));
        }
    }
}

/// A home address finding (`warning`) over `span`, the caller's byte range.
fn address(span: Range<usize>) -> Finding {
    finding(
        "personal_data.address",
        Category::PersonalData,
        Severity::Warning,
        span,
        ADDR_VI,
        ADDR_EN,
    )
}

/// Whether `t` is a house number: digits, or digits and one letter (`18B`, `5a`).
#[inline]
fn house_number(t: &Token) -> bool {
    // Most words are ruled out as all letters ([`Token::letters`]: no digit), before their
    // first byte is read.
    if t.numeric {
        return true;
    }
    let f = t.fold.as_bytes();
    !t.letters
        && f.first().is_some_and(u8::is_ascii_digit)
        && matches!(f.split_last(), Some((last, digits)) if last.is_ascii_alphabetic()
                && (1..=4).contains(&digits.len())
                && digits.iter().all(u8::is_ascii_digit))
}

/// The last token of a number written with slashes from token `j` (`45/12`, `27/4/3`: up to
/// three parts, each a run of digits, a single `/` between, no space), or `j` itself. `text` is
/// the caller's text, whose bytes the tokens' `orig` ranges index.
fn slash_end(text: &str, t: &[Token], j: usize) -> usize {
    let mut k = j;
    while k < j + 2
        && t.get(k).is_some_and(|x| x.numeric)
        && t.get(k + 1)
            .is_some_and(|x| x.numeric && x.gap == Gap::Soft)
        && text.get(t[k].orig.end..t[k + 1].orig.start) == Some("/")
    {
        k += 1;
    }
    k
}

/// A lane and its street first, the house number after: `Kiệt 20 Hùng Vương, nhà số 8`,
/// `ngõ 5 Láng Hạ số 12`. `i` must be the lane word (`is_street`), then its number, a
/// capitalised street name of two or more words, and right after it (a comma allowed) `số N`,
/// `số nhà N` or `nhà số N`, in one sentence. Returns the index of the house number's token.
fn lane_then_house(t: &[Token], i: usize, is_street: impl Fn(usize) -> bool) -> Option<usize> {
    if !is_street(i) || !t.get(i + 1)?.numeric {
        return None;
    }
    let mut j = i + 2;
    while t
        .get(j)
        .is_some_and(|x| x.capitalized && x.gap == Gap::Space)
    {
        j += 1;
    }
    if j < i + 4 {
        return None;
    }
    let head = t.get(j)?;
    if head.gap == Gap::Hard {
        return None;
    }
    let num = match (head.fold.as_str(), t.get(j + 1)?.fold.as_str()) {
        ("so", "nha") | ("nha", "so") => j + 2,
        ("so", _) => j + 1,
        _ => return None,
    };
    t.get(num)
        .is_some_and(|x| x.numeric && x.gap == Gap::Space)
        .then_some(num)
}

/// House number + street, lane or alley: `số 12 ngõ 34 phố Hoàng Hoa Thám`, `nhà số 5 hẻm 12`,
/// `số nhà 8 đường Lê Lợi`. The span runs from the house number to the street name.
fn addresses(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let t = ctx.tokens;
    // Typed with diacritics, "tổ", "phố" and "ấp" must be those ("3 ô tô" is no "tổ", "phở"
    // no "phố"); the others keep their common misspellings ("đuờng", "ngỏ", "hẽm", "kiêt").
    let is_street = |i: usize| {
        t.get(i).is_some_and(|x| {
            STREET_WORDS.contains(&x.fold.as_str())
                && match x.fold.as_str() {
                    "to" => crate::engine::key_matches(x, "tổ"),
                    "pho" => crate::engine::key_matches(x, "phố"),
                    "ap" => crate::engine::key_matches(x, "ấp"),
                    _ => true,
                }
        })
    };
    // A number with a slash after a word of time is a date ("sáng 30/4 đường Lê Duẩn kẹt
    // cứng"): no house number.
    let home_window = |i: usize| {
        let dated = i > 0
            && matches!(
                t[i - 1].fold.as_str(),
                "sang"
                    | "trua"
                    | "chieu"
                    | "toi"
                    | "dem"
                    | "ngay"
                    | "hom"
                    | "le"
                    | "dip"
                    | "tu"
                    | "den"
            );
        // "Nhà thằng tài xế tông người bỏ chạy ở 27/5 đường …": the home word may open a
        // clause that describes whose home it is.
        // Right after "ở" / "tại" or a colon, someone's home may open a longer clause too:
        // "Nhà của tiền đạo Khánh Duy ở 27 hẻm 118 …", "Xin số nhà của bình luận viên kia
        // đây: 45 Nguyễn Trãi, phường 2" (adv55; [`far_home`]).
        let located = i > 0
            && (t[i].gap == Gap::Space && crate::engine::key_matches_any(&t[i - 1], &["ở", "tại"])
                || ctx
                    .text
                    .get(t[i - 1].orig.end..t[i].orig.start)
                    .is_some_and(|g| g.contains(':')));
        match (slash_end(ctx.text, t, i) > i, dated) {
            (true, true) => 0,
            (true, false) => 10,
            _ => 6,
        }
        .max(if located && far_home(t, i, ctx.unaccented) {
            10
        } else {
            0
        })
    };
    let mut i = 0;
    // The first house number at or after some earlier position, with none between: still the
    // first at or after `i` while it is not before `i`.
    let mut next_house: Option<usize> = None;
    while i + 2 < t.len() {
        // Every kind of house number below is one of the next three tokens: positions before
        // the next house number's window are skipped at once (each token is tested once).
        let next = match next_house {
            Some(k) if k >= i => k,
            _ => {
                let k = (i..t.len())
                    .find(|&k| house_number(&t[k]))
                    .unwrap_or(t.len());
                next_house = Some(k);
                k
            }
        };
        if next > i + 2 {
            i = next - 2;
            continue;
        }
        if let Some(end) = lane_then_house(t, i, is_street) {
            if !near_word(t, i, i + 1, 8, 0, PUBLIC_WORDS) {
                out.push(address(t[i].orig.start..t[end].orig.end));
            }
            i = end + 1;
            continue;
        }
        // "số" [nhà] N
        let house = if t[i].fold == "so" && t[i + 1].numeric {
            Some(i + 1)
        } else if t[i].fold == "so"
            && t[i + 1].fold == "nha"
            && t.get(i + 2).is_some_and(|x| x.numeric)
        {
            Some(i + 2)
        } else if house_number(&t[i])
            && !(i > 0 && slash_end(ctx.text, t, i - 1) >= i)
            && (home_before(t, i, home_window(i)) || person_lives(t, i, false))
        {
            // "nhà nó ở 12 ngõ 34 …", "địa chỉ: 45 Nguyễn Trãi …", "ở 18B Lý Thường Kiệt": a
            // bare house number after a word for someone's home (a little further back for a
            // number with a slash: "nhà thằng cho vay nặng lãi ở 27/4 hẻm 112 …"; the part
            // after its slash is no house number of its own).
            Some(i)
        } else if t[i + 1].numeric
            && is_street(i)
            && t[i].fold != "to"
            && (home_before(t, i, 6) || person_lives(t, i, true))
        {
            // "nhà con mụ đó ở hẻm 123 Lê Văn Sỹ": the lane itself after a word for a home (its
            // number is the house number; the span still opens at the lane).
            Some(i + 1)
        } else {
            None
        };
        let Some(h) = house else {
            i += 1;
            continue;
        };
        if near_word(t, i, i + 1, 8, 0, PUBLIC_WORDS) {
            i += 1;
            continue;
        }
        // `45/12`, `27/4`: the house number's last part.
        let h0 = h;
        let h = if t[h].numeric {
            slash_end(ctx.text, t, h)
        } else {
            h
        };
        // A street word within the next three tokens, followed by a number or a name (after a
        // space, or a colon that hugs it, "đường:Lê Lợi"; "1 đường, 2 nước" is a recipe);
        // after a word for a home, a capitalised street name right after the number will do.
        let street = (h + 1..=h + 3).find(|&j| {
            is_street(j)
                && t.get(j + 1).is_some_and(|n| {
                    (n.numeric || n.capitalized)
                        && (n.gap == Gap::Space
                            || ctx.text.get(t[j].orig.end..n.orig.start) == Some(":"))
                })
                && t[h + 1..=j].iter().all(|x| x.gap != Gap::Hard)
        });
        let named = || {
            house_number(&t[h0])
                && t.get(h + 1).is_some_and(|n| n.capitalized && n.gap == Gap::Space)
                && t.get(h + 2).is_some_and(|n| n.capitalized && n.gap == Gap::Space)
                && h0 > 0
                && (home_before(t, h0, home_window(h0))
                    || person_lives(t, h0, false)
                    || is_street(h0 - 1) && person_lives(t, h0 - 1, true))
                // "ở 45 Nguyễn Trãi", "địa chỉ: 45 Nguyễn Trãi", "nhà số 41 Phan Đình Phùng",
                // "hẻm 45/12 Nguyễn Thị Minh Khai", "Địa chỉ nhà tay giám đốc đó: 25/7 Nguyễn
                // Trãi" (not "về nhà 2 Bà Cháu").
                && (matches!(t[h0 - 1].fold.as_str(), "o" | "tai" | "so")
                    || is_street(h0 - 1)
                    || near_word(t, h0, h0 + 1, 8, 0, &["dia chi", "so nha"]))
        };
        let street = street.or_else(|| named().then_some(h));
        let Some(mut end) = street.map(|j| j + 1) else {
            i += 1;
            continue;
        };
        // Run on through more lanes, numbers and the capitalised street name.
        loop {
            if t[end].numeric && slash_end(ctx.text, t, end) > end {
                end = slash_end(ctx.text, t, end);
            } else if end + 1 < t.len()
                && t[end + 1].gap == Gap::Space
                && (t[end + 1].numeric || t[end + 1].capitalized || is_street(end + 1))
            {
                end += 1;
            } else {
                break;
            }
        }
        let span = t[i].orig.start..t[end].orig.end;
        out.push(address(span));
        i = end + 1;
    }
}

/// `norm` with the letters that stand for digits in a written number read as those digits:
/// `o` as `0`, `i` and `l` as `1` (`sđt O9I2 345 678`, lower case in the normalised text),
/// when a digit stands right before or after the letter and no other letter does. Same length
/// (ASCII for ASCII), so offsets into it are offsets into `norm`. Borrowed when nothing
/// changes.
fn letters_as_digits(norm: &str) -> std::borrow::Cow<'_, str> {
    let b = norm.as_bytes();
    let look_alike = |c: u8| matches!(c, b'o' | b'i' | b'l');
    let other_letter =
        |c: Option<&u8>| c.is_some_and(|&c| c.is_ascii_alphabetic() && !look_alike(c));
    let digit = |c: Option<&u8>| c.is_some_and(u8::is_ascii_digit);
    // Only the bytes next to a digit can change: the digits are found eight bytes at a time.
    let mut swaps: Vec<usize> = Vec::new();
    let mut from = 0;
    while let Some(d) = super::find_byte(b, from, (0x2F, 0x3A), u8::is_ascii_digit) {
        for k in [d.wrapping_sub(1), d + 1] {
            if b.get(k).is_some_and(|&c| look_alike(c)) {
                let (left, right) = (k.checked_sub(1).and_then(|j| b.get(j)), b.get(k + 1));
                if (digit(left) || digit(right)) && !other_letter(left) && !other_letter(right) {
                    swaps.push(k);
                }
            }
        }
        from = d + 1;
    }
    if swaps.is_empty() {
        return std::borrow::Cow::Borrowed(norm);
    }
    let mut out = b.to_vec();
    for k in swaps {
        out[k] = if out[k] == b'o' { b'0' } else { b'1' };
    }
    // Only ASCII letters were replaced by ASCII digits: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| norm.to_string()))
}

/// The first byte at or after `from` that is an ASCII digit, `(` or `+` (all in 0x28–0x39).
fn run_opener(b: &[u8], from: usize) -> Option<usize> {
    super::find_byte(b, from, (0x27, 0x3A), |c| {
        c.is_ascii_digit() || matches!(c, b'(' | b'+')
    })
}

/// Runs of digits with the usual separators: an optional `(` and `+`, a digit, then digits
/// each optionally preceded by one or two separators (space, tab, dot, dash, underscore,
/// brackets, and the no-break, narrow no-break, U+2000–U+200A (thin, figure …) and
/// ideographic spaces of pasted text:
/// `0912 345 678`, `0912_345_678`, `(+84) 912 345 678`, `+84 (0) 912…`); six digits or
/// more in all. Byte ranges of `norm`.
fn digit_runs(norm: &str) -> Vec<Range<usize>> {
    let b = norm.as_bytes();
    // The byte length of the separator at `k`, 0 for none.
    let sep_at = |k: usize| -> usize {
        match b.get(k..).unwrap_or_default() {
            [b' ' | b'\t' | b'.' | b'-' | b'_' | b'(' | b')', ..] => 1,
            [0xC2, 0xA0, ..] => 2,                     // U+00A0
            [0xE2, 0x80, 0x80..=0x8A | 0xAF, ..] => 3, // U+2000–U+200A, U+202F
            [0xE3, 0x80, 0x80, ..] => 3,               // U+3000, the ideographic space
            _ => 0,
        }
    };
    let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Only a digit, `(` or `+` can open a run.
        match run_opener(b, i) {
            Some(p) => i = p,
            None => break,
        }
        let bracket = b[i] == b'(' && (digit_at(i + 1) || b.get(i + 1) == Some(&b'+'));
        let at = if bracket { i + 1 } else { i };
        let plus = b.get(at) == Some(&b'+') && digit_at(at + 1);
        if !(plus || digit_at(at)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = if plus { at + 1 } else { at };
        let mut digits = 0;
        loop {
            if digit_at(j) {
                j += 1;
                digits += 1;
            } else {
                let one = sep_at(j);
                let two = if one > 0 { sep_at(j + one) } else { 0 };
                if one > 0 && digit_at(j + one) {
                    j += one;
                } else if two > 0 && digit_at(j + one + two) {
                    j += one + two;
                } else {
                    break;
                }
            }
        }
        // Any length above six: a list of phone numbers in a row is split by `phone_parts`.
        if digits >= 6 {
            out.push(start..j);
        }
        i = j.max(i + 1);
    }
    out
}

/// Local parts of an office's or a business's shared mailbox (`ubndphuong@hanoi.gov.vn`,
/// `lienhe@…`): not one person's address.
const ROLE_MAILBOXES: &[&str] = &[
    "info",
    "contact",
    "lienhe",
    "hotro",
    "support",
    "admin",
    "webmaster",
    "vanphong",
    "tiepdan",
    "cskh",
    "sales",
    "banbientap",
    "toasoan",
    "ubnd",
    "hopthu",
    "gopy",
    "phananh",
    "noreply",
    "tuyendung",
    "hr",
    "careers",
    "jobs",
    "recruitment",
];

/// Shared mailboxes whose word is also the start of personal addresses ("tuvan.nguyen92@…" is
/// a woman named Tú Vân, "hello.hai@…" a person): the whole local part must be the word.
const ROLE_MAILBOXES_EXACT: &[&str] = &[
    "tuyensinh",
    "tuvan",
    "daotao",
    "hanhchinh",
    "ketoan",
    "khachhang",
    "dathang",
    "banhang",
    "marketing",
    "hello",
    "office",
];

/// Whether an e-mail address (lower case) is a shared mailbox: a role word at the start of its
/// local part, or any address at a `gov.vn` domain whose local part holds one.
fn is_role_address(addr: &str) -> bool {
    let (local, domain) = addr.split_once('@').unwrap_or((addr, ""));
    ROLE_MAILBOXES
        .iter()
        .any(|r| local.starts_with(r) || (domain.ends_with("gov.vn") && local.contains(r)))
        || ROLE_MAILBOXES_EXACT.contains(&local)
}

/// E-mail addresses in the (lower-case) normalised text: a local part of letters, digits and
/// `._%+-` starting with a letter or digit, `@`, dot-separated labels of letters, digits and
/// `-`, and a final label of 2 to 24 letters. Byte ranges of `norm`.
fn emails(norm: &str) -> Vec<Range<usize>> {
    let b = norm.as_bytes();
    let local_ok = |c: u8| {
        c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
    };
    let domain_ok =
        |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'-');
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, _) in norm.match_indices('@') {
        if out.last().is_some_and(|r| r.end > at) {
            continue;
        }
        let mut s = at;
        while s > 0 && at - s < 64 && local_ok(b[s - 1]) {
            s -= 1;
        }
        while s < at && !b[s].is_ascii_alphanumeric() {
            s += 1;
        }
        // `d@m@gmail.com`: a second `@` before the local part; not an address.
        if s > 0 && b[s - 1] == b'@' {
            continue;
        }
        let mut e = at + 1;
        while e < b.len() && domain_ok(b[e]) {
            e += 1;
        }
        while e > at + 1 && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        if s == at || e <= at + 1 {
            continue;
        }
        let domain = &norm[at + 1..e];
        let labels: Vec<&str> = domain.split('.').collect();
        let tld = labels.last().copied().unwrap_or("");
        let ok = labels.len() >= 2
            && labels
                .iter()
                .all(|l| !l.is_empty() && l.len() <= 63 && !l.starts_with('-'))
            && (2..=24).contains(&tld.len())
            && tld.bytes().all(|c| c.is_ascii_lowercase());
        if ok {
            out.push(s..e);
        }
    }
    out
}

/// E-mail addresses written to dodge address harvesters: `abc [at] gmail [dot] com`,
/// `abc(at)gmail.com`, `abc (a) gmail.com`, `abc {at} gmail {dot} com` (spaces optional around
/// the markers). Byte
/// ranges of the lower-case `norm`; the same domain checks as [`emails`].
fn masked_emails(norm: &str) -> Vec<Range<usize>> {
    const AT: &[&str] = &[
        "[at]",
        "(at)",
        "{at}",
        "(a)",
        "[a]",
        "{a}",
        "[a còng]",
        "(a còng)",
    ];
    const DOT: &[&str] = &["[dot]", "(dot)", "{dot}", "[chấm]", "(chấm)", "."];
    let b = norm.as_bytes();
    // Every marker opens with a bracket and `a`: most texts hold none, and are done after one
    // quick scan instead of a substring search per marker.
    if !memchr::memchr3_iter(b'[', b'(', b'{', b).any(|i| b.get(i + 1) == Some(&b'a')) {
        return Vec::new();
    }
    let local_ok = |c: u8| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'+' | b'-')
    };
    let label_len = |from: usize| {
        b[from..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || **c == b'-')
            .count()
    };
    let skip_spaces = |mut k: usize| {
        while b.get(k) == Some(&b' ') {
            k += 1;
        }
        k
    };
    // Accepted addresses by start (they never overlap, so the only one a new candidate can
    // overlap is the last one starting before its end): an ordered map keeps this
    // O(n log n) on a page of masked addresses.
    let mut out: BTreeMap<usize, usize> = BTreeMap::new();
    for marker in AT {
        for (at, _) in norm.match_indices(marker) {
            let mut s = at;
            while s > 0 && b[s - 1] == b' ' {
                s -= 1;
            }
            let local_end = s;
            while s > 0 && local_end - s < 64 && local_ok(b[s - 1]) {
                s -= 1;
            }
            while s < local_end && !b[s].is_ascii_alphanumeric() {
                s += 1;
            }
            if s == local_end {
                continue;
            }
            // The bare letter ("(a)") also marks items of a list ("phương án (a) …", "Case (a)
            // server.local"): a local part of four characters or more that starts a word and
            // holds a dot, an underscore or a digit, as people's addresses do.
            if marker.len() == 3
                && (local_end - s < 4
                    || norm[..s]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                    || !b[s..local_end]
                        .iter()
                        .any(|c| matches!(c, b'.' | b'_') || c.is_ascii_digit()))
            {
                continue;
            }
            let mut k = skip_spaces(at + marker.len());
            let first = label_len(k);
            if first == 0 {
                continue;
            }
            k += first;
            let mut e = k;
            let mut labels = 1;
            let mut tld = "";
            loop {
                let d = skip_spaces(e);
                let Some(dot) = DOT.iter().find(|m| norm[d..].starts_with(**m)) else {
                    break;
                };
                let after = skip_spaces(d + dot.len());
                let n = label_len(after);
                if n == 0 {
                    break;
                }
                tld = &norm[after..after + n];
                e = after + n;
                labels += 1;
            }
            if labels >= 2
                && (2..=24).contains(&tld.len())
                && tld.bytes().all(|c| c.is_ascii_lowercase())
                && out.range(..e).next_back().is_none_or(|(_, &end)| end <= s)
            {
                out.insert(s, e);
            }
        }
    }
    out.into_iter().map(|(s, e)| s..e).collect()
}

#[cfg(test)]
mod tests {
    /// The keyed word lists are written as the text is keyed (tone on the main vowel).
    #[test]
    fn possessives_come_first() {
        assert!(super::OWN_WORDS[..super::POSSESSIVES]
            .iter()
            .all(|w| w.starts_with("của ")));
        assert!(!super::OWN_WORDS[super::POSSESSIVES].starts_with("của "));
    }

    #[test]
    fn lists_are_keyed() {
        super::super::assert_keyed(&[
            super::AD_WORDS,
            super::OFFER_WORDS,
            super::MONEY_WORDS,
            super::OWN_WORDS,
            super::INVITE_WORDS,
            super::KIN_WORDS,
        ]);
    }

    /// The lists compared with tokens' folded forms are written folded.
    #[test]
    fn folded_lists_are_folded() {
        for list in [
            super::DOCUMENT_WORDS,
            super::STUDENT_WORDS,
            super::SELF_INTRO,
            super::VEHICLE_NAMES,
            super::BUSINESS_AFTER_NAME,
        ] {
            for w in list {
                assert_eq!(crate::text::tone::fold(w), *w);
            }
        }
    }
}
