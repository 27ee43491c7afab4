//! `check_link` speed (target: median ≤ 20 µs native) on the corpus URLs, a Unicode look-alike
//! and a 3,000-character URL; `link_findings` on a post with links.
//!
//! Run: `cargo bench -p cannhac-core --bench links`.

use cannhac_core::links::{check_link, link_findings};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    // Parse the lists once, outside the measurements.
    black_box(check_link("https://vnexpress.net/"));
    let mut g = c.benchmark_group("check_link");
    for (name, url) in [
        ("press", "https://vnexpress.net/thoi-su/tin-moi-1234.html"),
        ("official", "https://www.chinhphu.gov.vn/van-ban?id=1"),
        ("unknown", "https://example.org/blog/post-1"),
        ("lookalike", "http://vnexpresss.net/tin-nong"),
        (
            "deceptive_subdomain",
            "https://chinhphu.gov.vn.thongtin-moi.xyz/tro-cap",
        ),
        ("punycode", "https://xn--vnxpress-d8g.net/dang-ky"),
        ("unicode_host", "https://vietcombạnk.com/dang-nhap"),
        ("raw_ip", "http://0x67.0x15.0x2c.0x5/ds.pdf"),
    ] {
        g.bench_function(name, |b| b.iter(|| check_link(black_box(url))));
    }
    let long_ok = format!("https://vnexpress.net/{}", "tin-nong-".repeat(240));
    let long_ok = &long_ok[..2_040];
    g.bench_function("url_2040_chars", |b| {
        b.iter(|| check_link(black_box(long_ok)))
    });
    let long = format!("https://vnexpress.net/{}", "a/".repeat(1_489));
    assert_eq!(long.len(), 3_000);
    g.bench_function("url_3000_chars", |b| {
        b.iter(|| check_link(black_box(&long)))
    });
    g.finish();

    let post = "Theo Báo Nhân Dân (https://nhandan.vn/thoi-su), xem thêm bit.ly/3xYzAbc và \
                tuoitre-vn.com/vu-an, v.v. Liên hệ a.b@gmail.com. "
        .repeat(10);
    c.bench_function("link_findings_post_1kb", |b| {
        b.iter(|| link_findings(black_box(&post)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
