//! Engine speed (criterion). Targets (issue 2): `Engine::new` ≤ 20 ms; `analyze` on a
//! 2,000-character Vietnamese post ≤ 50 µs median; on 100 KB ≤ 5 ms; cost linear in length
//! (the `analyze_size` group reports throughput for 1 KB, 10 KB, 100 KB and 1 MB, and
//! `analyze_pathological` the same for inputs that once made rules quadratic).
//!
//! Run: `cargo bench -p cannhac-core --bench analyze` (release profile; figures in
//! `BENCHMARKS.md`).

use cannhac_core::{Config, Engine};
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

/// A realistic residents'-group post of about 2,000 characters: mostly clean, with a hearsay
/// cue, an "unverified" cue and an internal-document mark.
const POST: &str = include_str!("post.txt");

/// Other real-looking paragraphs (comments and short posts) mixed into the long texts, some
/// clean, some with findings of various categories.
const PARAGRAPHS: &[&str] = &[
    "Sáng nay đường Nguyễn Trãi đoạn gần ngã tư Khuất Duy Tiến tắc gần một tiếng vì xe tải chết máy, \
     ai đi làm hướng đó nhớ đi sớm hoặc vòng qua Lê Văn Lương nhé.",
    "Quán bún chả đầu ngõ nhà mình mới mở lại sau Tết, nước chấm vẫn ngon như xưa, giá 45 nghìn một suất, \
     cả nhà ghé ủng hộ cô chủ nha 😋",
    "Thằng ngu nào đỗ xe chắn cổng trường từ sáng đến giờ vậy, không ai ra được!!!",
    "Nghe đồn tháng sau giá điện tăng thêm 20%, share gấp cho mọi người cùng biết trước khi bị xóa.",
    "Em cần tìm người trông trẻ buổi chiều khu vực Cầu Giấy, ai biết ai giới thiệu giúp em với, \
     liên hệ 0912 345 678 (chị Hương).",
    "Dự thảo Luật Đất đai sửa đổi đang được lấy ý kiến nhân dân trên cổng thông tin của Quốc hội, \
     mọi người có thể đọc toàn văn và gửi góp ý đến hết ngày 15/3.",
    "Ai hiểu thì hiểu, mình không nói tên đâu, nhưng có một vị nào đó trong tổ dân phố nên xem lại cách cư xử.",
    "Theo Nghị định 100/2019/NĐ-CP, người điều khiển xe máy không đội mũ bảo hiểm bị phạt từ 400 đến 600 nghìn đồng.",
    "Cảm ơn bác sĩ và các điều dưỡng khoa Nhi bệnh viện tỉnh đã chăm sóc cháu nhà em chu đáo suốt một tuần qua, \
     cả nhà rất biết ơn.",
    "Trận tối qua đội tuyển đá hay quá, hiệp hai pha phối hợp bàn thắng thứ hai đẹp như phim, \
     mong thầy trò giữ phong độ ở vòng sau.",
];

/// Real-looking Vietnamese text of exactly `bytes` bytes (or a few less, to end on a
/// character boundary): the post's paragraphs and the ones above, one after another.
fn text_of(bytes: usize) -> String {
    let pieces: Vec<&str> = POST
        .split("\n\n")
        .chain(PARAGRAPHS.iter().copied())
        .collect();
    let mut s = String::with_capacity(bytes + 1_000);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(pieces[i % pieces.len()].trim());
        s.push_str("\n\n");
        i += 1;
    }
    let mut end = bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("engine_new");
    g.sample_size(20);
    g.bench_function("default_config", |b| {
        b.iter(|| Engine::new(black_box(Config::default())).expect("built-in lexicons compile"))
    });
    g.finish();

    let engine = Engine::new(Config::default()).expect("built-in lexicons compile");
    assert!(
        !engine.analyze(POST).findings.is_empty(),
        "the bench post is meant to have findings"
    );

    let mut g = c.benchmark_group("analyze_post");
    g.throughput(Throughput::Bytes(POST.len() as u64));
    g.bench_function(format!("post_{}_chars", POST.chars().count()), |b| {
        b.iter(|| engine.analyze(black_box(POST)))
    });
    g.finish();

    let mut g = c.benchmark_group("analyze_size");
    for (name, bytes) in [
        ("1KB", 1_024),
        ("10KB", 10 * 1_024),
        ("100KB", 100 * 1_024),
        ("1MB", 1_024 * 1_024),
    ] {
        let text = text_of(bytes);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if bytes >= 100 * 1_024 {
            g.sample_size(10);
            g.measurement_time(Duration::from_secs(8));
        }
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| engine.analyze(black_box(t)))
        });
    }
    g.finish();

    // Units that once made rules quadratic (one sentence holding thousands of findings of one
    // kind), at 100 KB and 1 MB: the two medians must stay about 10 apart.
    let mut g = c.benchmark_group("analyze_pathological");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    for (name, unit) in PATHOLOGICAL {
        for (size, bytes) in [("100KB", 100 * 1_024), ("1MB", 1_024 * 1_024)] {
            let text = unit.repeat(bytes / unit.len() + 1);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(*name, size), &text, |b, t| {
                b.iter(|| engine.analyze(black_box(t)))
            });
        }
    }
    g.finish();
}

/// Repeated units that breakers found quadratic in the sixth session's first versions of the
/// rules (see `BENCHMARKS.md`).
const PATHOLOGICAL: &[(&str, &str)] = &[
    ("draft_in_brackets", "Số 09/KH-BCĐ (dự thảo) "),
    ("unsigned_copy", "(bản chưa ký"),
    ("cure_claim", "uống lá ổi hết tiểu đường "),
    ("slash_number", "1/ hẻm "),
    ("vermin", "lũ chuột tiêu diệt sạch "),
    ("hint_and_person", "Một vị lãnh đạo. Chắc nhột.\n"),
    ("digits_for_letters", "l0z "),
    ("mark_in_brackets_no_space", "(mật)"),
    // Seventh session: a teller in one endless sentence (a question mark was looked for to
    // the sentence's end at every verb), the same words as an allowed phrase (compared with
    // every allowed finding), a captured paper, an audience hint.
    ("teller_no_sentence_end", "bạn mình làm trong sở kể "),
    (
        "allowed_words_repeated",
        "Sữa hạt óc chó ngon. Ngâm óc chó qua đêm. ",
    ),
    ("captured_paper", "Mình chụp được biên bản họp giao ban. "),
    (
        "audience_hint",
        "Có một anh. Ai làm cùng chắc đoán ra rồi. ",
    ),
    // A final breaker: a paper or a voucher in one endless sentence without a state body or
    // a consequence word (each match read its whole sentence again).
    ("paper_without_body", "xin được bản danh sách lớp "),
    ("voucher_without_consequence", "bạn mình xác nhận rồi "),
];

criterion_group!(benches, bench);
criterion_main!(benches);
