//! Cases found by adversarial testing: everyday sentences that must stay clean (or below
//! `warning`), and risky posts that must be caught.

use cannhac_core::{Category, Config, Engine, Severity};

fn engine() -> Engine {
    Engine::new(Config::default()).expect("default config")
}

/// Asserts that a finding for which `is` holds underlines exactly `cue` in `t`, listing the
/// findings when none does.
fn assert_underlined(e: &Engine, t: &str, cue: &str, is: impl Fn(&cannhac_core::Finding) -> bool) {
    let r = e.analyze(t);
    assert!(
        r.findings
            .iter()
            .any(|f| is(f) && &t[f.span.clone()] == cue),
        "{t:?}: {:?}",
        r.findings
            .iter()
            .map(|f| (&f.rule_id, f.severity, &t[f.span.clone()]))
            .collect::<Vec<_>>()
    );
}

/// Asserts that `t` gets at least one finding of `category`, listing its findings when not.
fn assert_has_category(e: &Engine, t: &str, category: Category) {
    let r = e.analyze(t);
    assert!(
        r.findings.iter().any(|f| f.category == category),
        "{t:?}: {:?}",
        r.findings
    );
}

/// Asserts that `t` gets no finding at all, listing them when it does.
fn assert_no_findings(e: &Engine, t: &str) {
    let r = e.analyze(t);
    assert!(r.findings.is_empty(), "{t:?}: {:?}", r.findings);
}

/// Everyday sentences: no finding of severity `warning` or more.
#[test]
fn everyday_sentences_raise_no_warning() {
    let e = engine();
    let texts = [
        "Yêu em chết đi được.",
        // Second breaker of the session: named sources, a shop's own contact, an everyday
        // teller.
        "Giám đốc sở bị khởi tố vì tham ô 20 tỷ, theo cảnh sát điều tra tỉnh.",
        "Báo công an nhân dân đưa tin: cán bộ xã ăn chặn tiền đền bù bị khởi tố.",
        "Tiệm bánh nhà mình nhận đặt bánh sinh nhật, liên hệ số chị Hoa 0903 123 456",
        "Người nhà mình bên UBND xã nói thứ 2 tuần sau mới bắt đầu nhận hồ sơ đăng ký đất đai.",
        "Bạn mình làm ở ngân hàng bảo lãi suất tiết kiệm kỳ hạn 12 tháng đang là 4,8%/năm.",
        "Giặt ủi Hoa Mai. Địa chỉ 45 Nguyễn Trãi, hotline 0912 333 444",
        "Tôi đúng là đồ ngốc, để quên chìa khoá xe ở nhà",
        "Em là đứa ngu nhất lớp môn lý",
        "ủa sao mình ngu dữ vậy trời",
        "Cho thuê xe 7 chỗ đi tỉnh, gọi anh Tuấn 0913 579 246, giá mềm.",
        "Chuyển nhà trọn gói giá rẻ, alo 0868 111 333, có mặt sau 30 phút.",
        "Nghe noi quan pho dau ngo moi mo lai, ai an thu chua, ngon khong a?",
        "Mệt chết đi được, mở điều hòa đi.",
        "Mẹ tôi đánh chết con gián trong bếp.",
        "Tôi đập chết con muỗi trên tay.",
        "Đánh chết tôi cũng không bỏ thuốc lá được.",
        "bo may hanh chinh cong kenh qua",
        "me oi con do roi",
        "mua do ngu cho be",
        "Ai cần thì DM mình nhé",
        "Thanh gỗ dài 5 dm",
        "Xe 110 cc tiết kiệm xăng",
        "Cho em xin info, em ib rồi ạ",
        "Ngu Công dời núi là một ngụ ngôn hay",
        "Tôi thấy bảo tàng mới mở cửa rất đẹp",
        "Tôi nghe nói tiếng Anh chưa tốt",
        "Tôi đã chuyển khoản 1.500.000 đồng tiền học cho con",
        "Ê. Sao tụi mày ko đi kiện kìa. Ngồi đó gõ bàn phím mạnh tay thế??",
        "KHOAI LANG MẬT ĐÀ LẠT",
        "TOI MAT HET TIEN ROI",
        "Em de mat nhu vay nhin rat dep nhin de thuong lam em gai oi",
        "Quang Hải ghi bàn phút 89 giết chết trận đấu, cả quán hò hét",
        "Nước thải nhà máy giết chết cả triệu con cá",
        "Món óc lợn hấp thuốc bắc bà nội hay nấu",
        "Bé nhà mình học tiếng Anh, kỹ năng nghe nói tiến bộ rõ",
        "DIEU HOA NAY TUYET MAT",
        "(MẬT) Anh yêu em",
        "Khách sạn Mường Thanh P.1205 tầng 12",
        "5*3=15 nhé, còn **chú ý** là đề bài",
        // Breaker findings: honey and ciphers, call centres, IT, sport, news, recoveries, maths.
        "Cô giáo cho đề mật ong chanh gừng trong bài thuyết trình môn nấu ăn.",
        "Bộ sưu tập tem của ông có con dấu mật mã rất đẹp.",
        "Tổng đài hôm nay nhận vài trăm cuộc gọi, team chăm sóc khách hàng vất vả quá.",
        "Hộp thư công ty bị spam mail liên tục, IT đang cấu hình lại bộ lọc.",
        "Đội mình phải cho nó một trận ra trò vào chủ nhật này, anh em tập trung 7h nhé.",
        "Báo Tuổi Trẻ đưa tin: văn bản KHẨN của Bộ Y tế yêu cầu các bệnh viện sẵn sàng ứng phó bão số 3.",
        "Theo VnExpress, TP.HCM sắp phong tỏa tạm thời hầm Thủ Thiêm để bảo trì vào cuối tuần.",
        "Mẹ mình đã hết ung thư sau 2 năm hóa trị tại Bệnh viện K, cảm ơn các bác sĩ.",
        "Quán này ăn bẩn quá, mình thấy tóc trong tô phở, mong chủ quán chú ý vệ sinh.",
        "Vòng lặp for i in range(l*n) sẽ chạy n lần.",
        // Final breaker round: masked names, file names, honey, a lift button, lost papers,
        // a wedding card.
        "Cảm ơn anh Đ*t ở phòng kế toán đã hỗ trợ em nhiệt tình",
        "Chị L*n bán rau ở chợ Bến Thành rất dễ thương, mọi người ủng hộ chị nha",
        "Tên file là b**i_2.txt, ai gửi lại giúp mình",
        "Hộp thuốc có dấu MẬT ONG nguyên chất",
        "Nút bấm có chữ KHẨN trên thang máy để gọi cứu hộ",
        "Tai lieu mat.Ai nhat duoc o Q.1 xin lien he minh",
        "Ho so tai lieu mat het roi, buon qua",
        "Thiệp cưới ghi \"Kính gửi: Gia đình anh Nam\", đẹp quá",
        "Hẻm 51 Cao Thắng có quán số 1 Sài Gòn",
        "Kiệt 20 Hùng Vương",
        "TIN KHẨN: bão số 3 sắp đổ bộ, theo Trung tâm Dự báo",
        "KHẨN: Cần tìm người thân của cụ bà đi lạc ở chợ Bến Thành",
        "Sang nay me dua con di hoc",
        "Quan doi va bo doi ho tro nhan dan",
        "Bao do bo vao dat lien",
        "Bac si khuyen nen uong du nuoc va ngu du giac",
        "Dau buoi sang ca lop chao co",
        "Mua 3 que kem cho bọn trẻ",
        "Con chó này khôn lắm, biết giữ nhà",
        "Mình nuôi con chó này được 5 năm rồi",
        "con chó kia sủa to quá",
        "Shop bán đồ chó mèo giá rẻ",
        "Bán đồ bò khô",
        "Hôm qua mình hỏi ngu quá, xin lỗi cả nhóm nhé",
        "Tòa án tuyên án ông A 10 năm tù về tội tham ô tài sản",
        "Về nhà 2 Bà Cháu ăn cơm",
        "Mã khuyến mãi: SALE_0987_654_321",
        "var_0912_345_678 = 1",
        "Nhà tôi có 3 phòng ngủ",
        "Nhà văn hóa 12 ngõ 5 tổ chức trung thu",
        "Cảm ơn mọi người đã giúp đỡ. OK nha, mai gap lai",
        "Tụi mày k bt đấy chứ, mấy tấm hình đó ghép lại là 1 đoạn rap",
        "Hotline tổng đài hỗ trợ của ngân hàng là 1900 545 413",
        "Trụ sở UBND phường ở số 5 phố Lý Thường Kiệt",
        "Công an phường có số điện thoại trực ban 0243 826 1234",
        "CHÚC MỪNG NĂM MỚI AN KHANG THỊNH VƯỢNG!!!",
        "Nghe nói phim mới của Trấn Thành hay lắm, tối nay đi xem thử.",
        "Cần bán đất 100m2 ở Đông Anh, liên hệ chính chủ 0912345678.",
        "Cho thuê phòng trọ khép kín, LH 0903.123.456.",
        "Ông mình là dân Nam Kỳ lục tỉnh, nói chuyện rất chân chất.",
        "KHẨN: Cần tìm người thân của cụ bà đi lạc ở chợ Bến Thành",
    ];
    for t in texts {
        let r = e.analyze(t);
        let loud: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| (&f.rule_id, &t[f.span.clone()]))
            .collect();
        assert!(loud.is_empty(), "{t:?} got {loud:?}");
    }
}

/// Risky posts: a finding of the expected category at `warning` or more.
#[test]
fn risky_posts_are_caught() {
    let e = engine();
    let cases = [
        ("Tao sẽ đốt nhà mày", Category::Inflammatory),
        ("Mày ra đường cẩn thận đấy", Category::Inflammatory),
        (
            "DỰ THẢO\nKế hoạch điều động cán bộ",
            Category::InternalDocument,
        ),
        ("cccd 001 085 012 345 của nó đây", Category::PersonalData),
        ("CCCD: 001085012345", Category::PersonalData),
        ("Số của nó: (+84) 912 345 678", Category::PersonalData),
        ("SĐT: +84 (0) 912 345 678", Category::PersonalData),
        ("Gọi 0912_345_678 ngay", Category::PersonalData),
        ("d!t me may", Category::Inflammatory),
        ("th@ng ngu kia", Category::Inflammatory),
        ("MẬT\nSố: 125/BC-UBND", Category::InternalDocument),
        (
            "HỎA TỐC\nKính gửi các phòng ban",
            Category::InternalDocument,
        ),
        (
            "HỎA TỐC\nTờ trình về việc bổ nhiệm cán bộ",
            Category::InternalDocument,
        ),
        (
            "THƯỢNG KHẨN\nKính gửi: Ban Giám đốc các sở",
            Category::InternalDocument,
        ),
        (
            "Tài liệu này là tối mật, xem xong xóa",
            Category::InternalDocument,
        ),
        ("Độ mật: Tuyệt mật", Category::InternalDocument),
        (
            "Tuyệt mật: danh sách cán bộ diện quy hoạch nhiệm kỳ tới",
            Category::InternalDocument,
        ),
        (
            "Tối mật - Báo cáo tình hình an ninh quý 3",
            Category::InternalDocument,
        ),
        (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQUYẾT ĐỊNH\nVề việc kỷ luật cán bộ",
            Category::InternalDocument,
        ),
        ("Con chó này, mày im đi", Category::Inflammatory),
        ("Tôi thấy nó là đồ ngốc", Category::Inflammatory),
        ("Tôi bị thằng ngu đó lừa mất tiền", Category::Inflammatory),
        (
            "Vợ ông chánh văn phòng huyện, số đt 0868 246 135",
            Category::PersonalData,
        ),
        (
            "Nhà nó ở phòng 1205 toà CT2 Linh Đàm, anh em qua hỏi thăm",
            Category::PersonalData,
        ),
        (
            "Giấm táo trị khỏi 100% sỏi thận",
            Category::UnverifiedClaim,
        ),
        (
            "Chữa tiểu đường dứt điểm chỉ sau 2 tuần",
            Category::UnverifiedClaim,
        ),
        ("Sự thật mà truyền thông dấu kín", Category::UnverifiedClaim),
        ("Hãy chuyển tiếp cho 10 người bạn", Category::UnverifiedClaim),
        (
            "tôi nghe người quen kể là sắp đổi tiền",
            Category::UnverifiedClaim,
        ),
        ("Mấy con bò đội lốt người", Category::Inflammatory),
        ("Mặt như cái mẹt, ăn nói như hạch", Category::Inflammatory),
        (
            "Tuyệt  mật !!! Danh sách nhân sự dự kiến Đại hội Đảng bộ tỉnh",
            Category::InternalDocument,
        ),
        ("KHẨN. Chỉ thị về phòng chống bão", Category::InternalDocument),
        (
            "Dự thảo nghị quyết (MẬT) của Ban Thường vụ Tỉnh ủy",
            Category::InternalDocument,
        ),
        // A mark in brackets opening its line, as the label of a title.
        (
            "[MẬT] Báo cáo tình hình nhân sự quý 3 của Sở Nội vụ",
            Category::InternalDocument,
        ),
        (
            "(TỐI MẬT) Kế hoạch kiểm tra đột xuất các đơn vị",
            Category::InternalDocument,
        ),
        // Unaccented marks in capitals, alone on their line or as a label.
        (
            "TUYET MAT\nBAO CAO tinh hinh an ninh quy 3 cua UBND huyen",
            Category::InternalDocument,
        ),
        ("TOI MAT: KE HOACH nhan su nam 2027", Category::InternalDocument),
        // A mark in sentence case alone on its line above the number line; a stamp; a tag.
        (
            "Mật\nSố: 88/KH-UBND\nKẾ HOẠCH cưỡng chế giải phóng mặt bằng",
            Category::InternalDocument,
        ),
        (
            "Ảnh chụp công văn này, góc trên đóng dấu MẬT đỏ chót",
            Category::InternalDocument,
        ),
        (
            "[INTERNAL] Kế hoạch cắt giảm 15% nhân sự khối văn phòng",
            Category::InternalDocument,
        ),
        // An apartment written `P.1205` / `P1205`, or with a comma before the building.
        (
            "Nhà nó ở P.1205 tòa B chung cư Hòa Bình, ai rảnh qua hỏi thăm nó đi",
            Category::PersonalData,
        ),
        (
            "Nhà thằng đó ở căn hộ 1205, tòa B3, chung cư Hòa Bình",
            Category::PersonalData,
        ),
        ("Nhà nó ở P1205 tòa B3 Linh Đàm", Category::PersonalData),
        // A draft in brackets after a document's number or title.
        (
            "Kế hoạch số 15/KH-UBND (dự thảo lần 2) về giải phóng mặt bằng, đừng phát tán",
            Category::InternalDocument,
        ),
        // adv9: a phone grouped like a sum after +84, a cure with the hospital as the
        // conspiracy's subject, embezzlement, a shrimp's brain.
        (
            "Zalo của bà chủ trọ: +84.912.777.031, mọi người cứ gọi hỏi sao bả giữ cọc",
            Category::PersonalData,
        ),
        (
            "Lá xạ đen sắc uống một tuần là teo hết khối u, bệnh viện không muốn bạn biết điều này",
            Category::UnverifiedClaim,
        ),
        (
            "Chính bà hiệu trưởng trường tiểu học xã mình đã biển thủ 3 tỷ tiền xây trường",
            Category::UnverifiedClaim,
        ),
        ("Não tôm à mà hỏi câu đó", Category::Inflammatory),
        // New-user findings: hearsay with "có người nói", a call to berate someone.
        (
            "Có người nói ông chủ tịch xã nhận tiền của doanh nghiệp, chắc các bạn cũng đoán ra là ai",
            Category::UnverifiedClaim,
        ),
        ("Ai gặp thì chửi cho bà ta một trận", Category::Inflammatory),
        // Deleted posts.
        (
            "Tin này đăng được 5 phút là bị gỡ, ai đọc được thì lưu lại ngay",
            Category::UnverifiedClaim,
        ),
        // Marks as labels without a separator or between emoji, before a number line, as a
        // form field's value, written on the paper in sentence case.
        (
            "🔒 MẬT 🔒 Danh sách đề cử phó giám đốc sở, anh chị em coi thôi",
            Category::InternalDocument,
        ),
        (
            "MẬT – Số: 09/KH-BCĐ\nKế hoạch kiểm tra đột xuất các cơ sở karaoke",
            Category::InternalDocument,
        ),
        (
            "Bản này mình xin từ văn phòng, ghi rõ là không phổ biến, danh sách cán bộ dự kiến luân chuyển",
            Category::InternalDocument,
        ),
        (
            "Biên bản làm việc của đoàn thanh tra, bên trên ghi \"Hạn chế phổ biến\"",
            Category::InternalDocument,
        ),
        // A mark named as a stamp after "chữ" with a stamp word near.
        (
            "Xem ảnh chụp công văn này nhé, góc trên còn dấu đỏ chữ MẬT",
            Category::InternalDocument,
        ),
        // Harassment: pestering a phone, the debt collector's tricks; a death wish; vermin to
        // wipe out.
        (
            "ae vào khủng bố sdt thằng chủ quán này, gọi liên tục cả đêm cho nó khỏi ngủ",
            Category::Inflammatory,
        ),
        (
            "Ai mua rồi thì qua nhà ổng mà đòi tiền, nhớ đem gậy theo",
            Category::Inflammatory,
        ),
        (
            "ae toi do nem trung thui vo cua nha no",
            Category::Inflammatory,
        ),
        (
            "Loại chó má như mày chết quách cho xong",
            Category::Inflammatory,
        ),
        (
            "Mấy thứ ký sinh trùng ăn bám ngân sách, phải tiêu diệt sạch cho xã hội sạch sẽ",
            Category::Inflammatory,
        ),
        // A phrase of several syllables spelled out letter by letter.
        ("T U Y Ệ T   M Ậ T\nKế hoạch nhân sự năm 2025", Category::InternalDocument),
        ("Đúng là đồ m ấ t d ạ y", Category::Inflammatory),
        // Letters for digits inside a phone number.
        (
            "SĐT thằng tài xế: O9O5 447 218, mn gọi cho nó vài cuộc",
            Category::PersonalData,
        ),
        // Digits for letters inside a swear word.
        ("mặt l0z mà cũng đòi làm KOL", Category::Inflammatory),
        ("đ1t m3 thằng lái xe", Category::Inflammatory),
        // Miracle cures as forms: a cure verb before a disease, doing without a treatment.
        (
            "uong nuoc la oi moi sang 1 thang la het tieu duong, khoi can tiem insulin nua",
            Category::UnverifiedClaim,
        ),
        (
            "Bài thuốc gia truyền: lá xạ đen + mật ong uống 7 ngày, khỏi cần hoá trị",
            Category::UnverifiedClaim,
        ),
        // Emoji between a phrase's words.
        (
            "Nghe 👂 đồn trường cấp 3 gần nhà có học sinh bị bắt cóc, phụ huynh cẩn thận",
            Category::UnverifiedClaim,
        ),
        // A document named with a qualifier that says it is not public.
        (
            "Anh em xem ảnh chụp công văn này nhé, văn bản chưa ban hành đâu nên xem xong thì xoá giúp mình.",
            Category::InternalDocument,
        ),
        (
            "Thông báo số 45/TB-SGDĐT (bản chưa ký) về điểm chuẩn dự kiến lớp 10, phụ huynh tham khảo trước nha",
            Category::InternalDocument,
        ),
        (
            "ae oi ban du thao noi bo ve viec sap nhap phuong moi gui len group Zalo",
            Category::InternalDocument,
        ),
        (
            "Hôm nay thấy trên bàn văn thư có tờ trình dự thảo lần 2 về việc luân chuyển cán bộ",
            Category::InternalDocument,
        ),
        (
            "Tài liệu họp có ghi rõ 'Chỉ lưu hành trong Ban Thường vụ, không sao gửi'",
            Category::InternalDocument,
        ),
        // Threats: going to someone's home to "deal with" them, beating on sight.
        ("Ae tìm đến nhà nó mà xử", Category::Inflammatory),
        ("Xử đẹp thằng này đi ae", Category::Inflammatory),
        ("Ra đường gặp là đập", Category::Inflammatory),
        // House and lane numbers written with a slash; a shop owner named as a person.
        (
            "Nhà thằng đó ở hẻm 45/12 Nguyễn Thị Minh Khai, phường Bến Thành",
            Category::PersonalData,
        ),
        (
            "Nhà thằng cho vay nặng lãi ở 27/4 hẻm 112 Lê Văn Sỹ, phường 13",
            Category::PersonalData,
        ),
        (
            "Số của bà chủ quán là +84 96 214 5823, ai ăn phải đồ ôi thiu thì gọi mà đòi",
            Category::PersonalData,
        ),
        // The lane and its street first, the house number after.
        (
            "Kiệt 20 Hùng Vương, nhà số 8, Huế — nhà của đứa gây tai nạn rồi bỏ chạy",
            Category::PersonalData,
        ),
        (
            "Kết luận thanh tra chưa công bố: Giám đốc Sở chịu trách nhiệm",
            Category::InternalDocument,
        ),
        (
            "100% người uống nước chanh nóng khỏi bệnh, Bộ Y tế không muốn bạn biết.",
            Category::UnverifiedClaim,
        ),
        ("Mong ông ta ra đường bị xe tông chết.", Category::Inflammatory),
        ("tao cho nó ăn dao", Category::Inflammatory),
        // Swear words with letters masked by a star.
        ("thằng l*n này học hành kiểu gì", Category::Inflammatory),
        ("Đ*t mẹ cái lũ này", Category::Inflammatory),
        // A full stop typed without its space hid the words on both sides.
        (
            "Đây là tài liệu mật.Không được để lộ ra ngoài",
            Category::InternalDocument,
        ),
        ("Đập nát mặt nó cho tao", Category::Inflammatory),
        // A label's colon typed without its space.
        (
            "Tuyệt mật:Danh sách cán bộ diện quy hoạch nhiệm kỳ tới",
            Category::InternalDocument,
        ),
        (
            "Tối nay tao sẽ đến đốt nhà thằng trưởng ấp",
            Category::Inflammatory,
        ),
        ("Mong cả nhà ông chủ tịch chết sạch", Category::Inflammatory),
        ("Cho nó một viên kẹo đồng", Category::Inflammatory),
        ("Còn lảm nhảm nữa là tao chém", Category::Inflammatory),
        ("bọn ba que phản động", Category::Inflammatory),
        ("anh em xử nó đi", Category::Inflammatory),
        ("thằng пgu", Category::Inflammatory),
        ("Nhà nó ở 12 ngõ 34 phố Huế", Category::PersonalData),
        (
            "địa chỉ nhà nó: 45 Nguyễn Trãi, Thanh Xuân",
            Category::PersonalData,
        ),
        (
            "Nhà con mụ đó ở hẻm 123 Lê Văn Sỹ, Q3",
            Category::PersonalData,
        ),
        (
            "nghe nόi sắp phong tỏa toàn thành phố",
            Category::UnverifiedClaim,
        ),
        ("vào fb nó mà chửi", Category::Inflammatory),
        (
            "Chủ tịch huyện biển thủ công quỹ",
            Category::UnverifiedClaim,
        ),
        (
            "Hôm nay trời đẹp, cả nhà đi chơi công viên. thang oc cho nay",
            Category::Inflammatory,
        ),
        ("thang ngu nay", Category::Inflammatory),
        ("thằng mất dạyy kia", Category::Inflammatory),
        ("thang kia danh cho no mot tran", Category::Inflammatory),
        (
            "KHẨN\nSố: 125/BC-UBND\nKính gửi: các phòng ban",
            Category::InternalDocument,
        ),
        (
            "Email nó: abc [at] gmail [dot] com, vào chửi đi",
            Category::PersonalData,
        ),
        ("Gọi cho chị ấy: 84912345678", Category::PersonalData),
        (
            "So: 125/BC-UBND\nKinh gui: cac phong ban",
            Category::InternalDocument,
        ),
        (
            "ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ AN BÌNH\nSố 12-BC/ĐU",
            Category::InternalDocument,
        ),
        (
            "Biên bản họp chi bộ tháng 10, ai cần thì inbox mình gửi bản chụp",
            Category::InternalDocument,
        ),
        ("Tối nay tao sẽ đến nhà mày.", Category::Inflammatory),
        ("MẬT: kế hoạch di dời dân cư", Category::InternalDocument),
        (
            "HOẢ TỐC - Kính gửi các đồng chí Chủ tịch UBND các xã.",
            Category::InternalDocument,
        ),
        ("Độ khẩn: Khẩn", Category::InternalDocument),
        (
            "KHẨN. Về việc chuẩn bị nhân sự Đại hội.",
            Category::InternalDocument,
        ),
        ("Noi nhan: nhu tren;\nLuu: VT", Category::InternalDocument),
        ("Bọn thanh hóa toàn trộm cắp.", Category::Inflammatory),
        ("Cho mày chết, đồ phản bội.", Category::Inflammatory),
        ("tao đập vỡ mồm mày", Category::Inflammatory),
        (
            "cong van so 45/CV-SYT gui cac phong",
            Category::InternalDocument,
        ),
        (
            "Nghe nói đợt này sẽ cắt giảm khoảng 20% biên chế",
            Category::UnverifiedClaim,
        ),
        (
            "Con lợn này ăn hại, giết chết nó đi",
            Category::Inflammatory,
        ),
        (
            "KHẨN: V/v tăng cường phòng chống dịch",
            Category::InternalDocument,
        ),
        (
            "Nghe nói ông X bị bắt, chẳng phải sai sự thật",
            Category::UnverifiedClaim,
        ),
        ("MẬT: Báo cáo tình hình nhân sự", Category::InternalDocument),
        (
            "Đây không phải tin giả: nghe nói tuần sau phong tỏa toàn thành phố",
            Category::UnverifiedClaim,
        ),
        (
            "Báo chí bác bỏ nhưng nghe nói thực tế đã có 30 người chết ở bệnh viện",
            Category::UnverifiedClaim,
        ),
        (
            "Nghe đồn trường Lê Lợi có học sinh nhảy lầu tự tử",
            Category::UnverifiedClaim,
        ),
        (
            "Từ thiện gì mà ăn chặn, STK 0451000123456 vietcombank của Lê Văn Tám",
            Category::PersonalData,
        ),
        (
            "Anh em tập trung trước cổng ủy ban 8h sáng mai, mang theo gậy gộc.",
            Category::Inflammatory,
        ),
        (
            "Bà trưởng phòng giáo dục nhận tiền chạy trường, cả huyện ai cũng biết.",
            Category::UnverifiedClaim,
        ),
        (
            "Nghe đồn người ta đang phát tán virus qua khẩu trang.",
            Category::UnverifiedClaim,
        ),
        (
            "nghe don sap dong cua bien gioi, mua gao tich tru di",
            Category::UnverifiedClaim,
        ),
        // Seventh session, blind round adv10: classes of forms.
        // A source that names nobody, after the claim's sentence; a vague person vouching.
        // "thông báo" is no newspaper: "chưa có thông báo chính thức" is no source.
        (
            "ông trưởng công an phường vừa bị đình chỉ vì nhận tiền bảo kê, chưa có thông báo chính thức gì đâu.",
            Category::UnverifiedClaim,
        ),
        // A hospital said to hide the cure is no medical source.
        (
            "Lá xạ đen sắc uống 1 tháng là teo hết khối u, bệnh viện không muốn cho mọi người biết đâu",
            Category::UnverifiedClaim,
        ),
        (
            "Vụ này báo chính thống im re, chỉ có trên mạng mới dám nói",
            Category::UnverifiedClaim,
        ),
        // An urgent letter the writer photographed or passes on before it is public.
        (
            "Công văn hoả tốc của Sở gửi xuống chiều nay về việc rà soát cán bộ, em chụp lại cho cả nhóm xem trước nhé",
            Category::InternalDocument,
        ),
        (
            "Hé lộ trước danh sách dự kiến bổ nhiệm phó giám đốc sở (bản dự thảo, chưa thông qua Ban Thường vụ)",
            Category::InternalDocument,
        ),
        (
            "Thông tin này thuộc diện không phổ biến, mình chỉ nói cho nhóm mình",
            Category::InternalDocument,
        ),
        // A mark in lower case in a post that asks readers to keep a paper secret.
        (
            "ae oi tai lieu mat cua phong to chuc day, k dc share nha 🤫",
            Category::InternalDocument,
        ),
        (
            "File đính kèm có chữ Confidential ở header, là bảng lương dự kiến năm sau, mọi người xem rồi giữ kín giúp mình",
            Category::InternalDocument,
        ),
        // The breaker's misses: "theo dõi" and "báo công an" name no source; a teller before
        // where they work; someone else's number with "ai cần thì lấy".
        (
            "Giám đốc sở nhận hối lộ, cả xóm đang theo dõi.",
            Category::UnverifiedClaim,
        ),
        (
            "Giám đốc sở nhận hối lộ, mình đã báo công an.",
            Category::UnverifiedClaim,
        ),
        (
            "Điện thoại của anh Nam là 0912345678, ai cần thì lấy.",
            Category::PersonalData,
        ),
        (
            "gui anh em tai lieu mat ve ke hoach nhan su, doc xong nho xoa nhe",
            Category::InternalDocument,
        ),
        (
            "Lá ổi non đun nước uống mỗi ngày thì tiểu đường khỏi hẳn, không cần thuốc tây nữa.",
            Category::UnverifiedClaim,
        ),
        // Blind round adv11: papers photographed or got hold of, forwarded work-group
        // messages, spread pressure and certainty in other words.
        (
            "Mình chụp được biên bản cuộc họp giao ban sáng nay của Ban Giám đốc, mọi người xem ảnh bên dưới.",
            Category::InternalDocument,
        ),
        (
            "Phương án nhân sự đại hội chi bộ nhiệm kỳ tới đã có rồi, mình xin được bản từ văn phòng.",
            Category::InternalDocument,
        ),
        (
            "Forward từ group công việc của Sở: yêu cầu các phòng không trả lời báo chí về vụ sạt lở.",
            Category::InternalDocument,
        ),
        (
            "Đọc xong nhớ share cho 10 người, tin này sẽ bị xoá sớm thôi: Chính phủ sắp thu hồi sổ đỏ.",
            Category::UnverifiedClaim,
        ),
        (
            "Xin khẳng định chắc như đinh đóng cột: công an xã nhận tiền bảo kê cho mấy sòng bài.",
            Category::UnverifiedClaim,
        ),
        // Blind round adv12: an abbreviated urgent letter not yet out, a mark quoted after a
        // colon, a draft resolution with "xem xong xoá", an insider revealing, a cure "khỏi
        // hoàn toàn", people called maggots then a call to wipe them out.
        (
            "vừa nhận cv hoả tốc từ huyện về việc kiểm tra đất đai, chưa công bố đâu, ae tham khảo",
            Category::InternalDocument,
        ),
        (
            "Mà thôi khoe ae cái này: KHẨN - Kế hoạch kiểm tra đột xuất các quán karaoke tuần sau",
            Category::InternalDocument,
        ),
        (
            "Gửi các anh dự thảo nghị quyết về công tác cán bộ, xem xong xóa giúp em",
            Category::InternalDocument,
        ),
        (
            "Mấy bà trong xóm bảo lá đinh lăng sắc uống khỏi hoàn toàn thoái hoá khớp, ai bị thì thử nhé",
            Category::UnverifiedClaim,
        ),
        (
            "Lũ người đó như giòi bọ, phải diệt sạch",
            Category::Inflammatory,
        ),
        // Walnuts named first do not excuse an insult aimed at someone; a personal address
        // that starts like a shared mailbox.
        (
            "Thích ăn hạt óc chó lắm. óc chó như mày thì biết gì.",
            Category::Inflammatory,
        ),
        (
            "Email cá nhân của thằng Hải: hello.hai.nguyen@gmail.com, ai rảnh thì gửi thư hỏi thăm",
            Category::PersonalData,
        ),
        // The final new user: papers of a state body passed on before they are out, and a
        // source that names nobody for news of consequence.
        (
            "ảnh chụp quyết định kỷ luật của sở gửi anh em xem trước, chưa công bố đâu, đừng share nhé",
            Category::InternalDocument,
        ),
        (
            "bản kết luận thanh tra của huyện đây, mình xin được từ văn phòng, mọi người xem thôi đừng share",
            Category::InternalDocument,
        ),
        (
            "Tháng sau giá xăng sẽ tăng lên 40 nghìn một lít. Nguồn: một anh trong ngành",
            Category::UnverifiedClaim,
        ),
        // A state body's minutes in a long post, or in a sentence of their own, with "đừng
        // share" further on.
        (
            "Gửi mọi người biên bản họp của sở Nội vụ sáng nay về việc sắp xếp lại các phòng, mình chụp lại đây, đừng share ra ngoài nhé.",
            Category::InternalDocument,
        ),
        (
            "Biên bản họp của sở Nội vụ. Đừng share nhé.",
            Category::InternalDocument,
        ),
        // A grouped CCCD with the ID word further back.
        (
            "Chị ơi CCCD của ông chồng cũ chị đây: 079 085 001 234, chị cần thì em gửi",
            Category::PersonalData,
        ),
    ];
    for (t, cat) in cases {
        let r = e.analyze(t);
        assert!(
            r.findings
                .iter()
                .any(|f| f.category == cat && f.severity >= Severity::Warning),
            "{t:?}: {:?}",
            r.findings
                .iter()
                .map(|f| (&f.rule_id, &t[f.span.clone()]))
                .collect::<Vec<_>>()
        );
    }
}

/// Everyday texts that must get no finding at all, not even `info` (a clean case of the shared
/// corpus fails on any finding): typed without diacritics, public places, business codes.
#[test]
fn everyday_texts_get_no_finding() {
    let e = engine();
    let texts = [
        // Seventh session, blind round adv10: a public law's name, an invitation to comment,
        // a proverb, news of an urgent letter, a notice.
        "Luật Bảo vệ bí mật nhà nước năm 2018 quy định rõ trách nhiệm của cán bộ khi sử dụng mạng xã hội",
        "Cả nhà vào comment chia sẻ món ăn ngày Tết yêu thích của mình nhé",
        "Đúng là đánh chết cái nết không chừa, mình lại mua thêm một đôi giày 😂",
        "Bộ Y tế có công văn hỏa tốc gửi các tỉnh về phòng dịch",
        "Công thức nấu phở tuyệt mật của nhà mình, đừng share nhé 😂",
        // Second breaker of the session: papers, plans, surprises and tellers of everyday life.
        "Mình xin được file kế hoạch ôn thi học kỳ của cô chủ nhiệm",
        "Hồ sơ chưa được duyệt, em phải nộp bổ sung giấy khám sức khoẻ",
        "Kế hoạch chưa thông qua đâu mọi người, buổi họp lớp chốt tuần sau",
        "Kế hoạch sinh nhật bất ngờ cho mẹ, tuyệt mật, giữ kín giùm",
        "Biên bản họp phụ huynh lớp 3A, mình chụp lại cho các mẹ xem",
        "Phương án nhân sự cho đội văn nghệ lớp: em chụp lại cho cả lớp duyệt nhé.",
        "Bạn mình xác nhận rồi, tiệc tối nay 7h nhé cả lớp.",
        "Cô bạn làm ở sân bay nói hôm nay delay nhiều lắm, ai bay thì đi sớm nhé.",
        "Nhà mình có người già, ai có con nhỏ chắc hiểu nhé",
        "Có người hỏi công thức bánh flan. Ai ăn thử một lần là biết ngay!",
        "Có một vị khách tặng quán bức tranh. Ai ghé quán cũng nhận ra ngay bức tranh treo giữa.",
        "Có người say xe nên xe dừng giữa đường. Ai đi cùng đoàn nhé.",
        "Bộ GD-ĐT có công văn hỏa tốc cho học sinh nghỉ học tránh bão, mình chụp màn hình",
        "Đăng ký qua email: tuyensinh@anhngu.edu.vn",
        "Kế hoạch họp lớp chưa công bố đâu, đừng share nhé",
        "Kế hoạch họp lớp của lớp 12A. Đừng share nhé.",
        // The final breaker: "sở" in "cơ sở", a company's HR, a building's urgent notice.
        "Em gửi trước danh sách lớp, cơ sở 2 học buổi chiều.",
        "Hồ sơ chưa được duyệt, phòng nhân sự bảo chờ thêm tuần nữa.",
        "Văn bản khẩn từ ban quản lý chung cư: mai cắt nước, em gửi trước cho cả nhà.",
        // Third breaker of the session (old false alarms): a proverb, hyperbole about one's
        // child or pet, a published notice's number, a shop's own booking line.
        "Cái nết đánh chết cái đẹp, bà mình hay nói vậy.",
        "Thằng cu nhà tôi ăn như heo con, mới 3 tuổi mà nặng 18 ký",
        "Con mèo nhà mình ngủ như heo cả ngày",
        "UBND huyện ban hành văn bản số 123/UBND-VP về lịch tiếp dân, đã đăng công khai trên trang của huyện.",
        "Thông báo số 05/TB-THCS về lịch nghỉ Tết đã đăng trên website trường.",
        "Quán bún bò Huế, đặt bàn gọi 0903 111 222",
        // Seventh session's breaker: "theo" that is no source label, a vague person who
        // confirms an order or promises, photo credits, news of urgent letters, public bills'
        // drafts, everyday drafts, a queue number, greetings in capitals, cryptography.
        "Tôi đi theo một anh công an vào phường làm lại giấy tờ, thủ tục nhanh lắm.",
        "Mức phạt tính theo một người vi phạm là 2 triệu đồng.",
        "Theo bạn anh nên mua xe gì, anh đang làm cho công ty nhà nước.",
        "Bà con cam đoan không xả rác ra kênh nữa, phường khen ngợi.",
        "Người nhà xác nhận bà đã qua đời lúc 5 giờ sáng, lễ viếng tổ chức tại nhà.",
        "Ai đó xác nhận giúp mình lịch nghỉ Tết của học sinh với ạ?",
        "Đừng tin tin đồn giám đốc sở bị bắt, bạn mình xác nhận là không có.",
        "Bạn mình xác nhận đơn hàng rồi nhé, mai giao.",
        "Bệnh viện Chợ Rẫy hôm nay đông quá. Nguồn: một chị bạn gửi.",
        "Bộ Y tế ban hành công văn hỏa tốc yêu cầu các địa phương tăng cường phòng chống dịch (ảnh chụp màn hình).",
        "Đi chụp X-quang mà gặp đúng hôm có công điện khẩn về bão, bệnh viện đông kinh khủng.",
        "Mình chưa đăng ký được, ai có văn bản hỏa tốc về lịch thi thì cho xin với.",
        "Công văn hỏa tốc của Bộ GD đã đăng trên website, mọi người xem trước lịch thi nhé.",
        "Đề nghị các đơn vị triển khai văn bản khẩn trương, chụp ảnh báo cáo.",
        "Sở GD gửi công văn khẩn cho học sinh nghỉ học ngày mai do bão, các bạn chụp màn hình lưu lại nhé.",
        "Dự thảo Luật Đất đai (bản dự thảo, chưa thông qua).",
        "Nghị định về xử phạt vi phạm giao thông đường bộ (bản dự thảo, chưa thông qua) đang lấy ý kiến.",
        "Danh sách đi du lịch hè của công ty mình (bản dự thảo), ai đi thì đăng ký.",
        "Thông báo họp lớp cuối năm của lớp 12A khóa 2010 (bản dự thảo, chưa thông qua), mọi người góp ý.",
        "Mình làm CCCD cho con ở phường, lấy số thứ tự 001 234 567 890 rồi đợi.",
        "CẢM ƠN CÁC NGƯỜI HÙNG ÁO TRẮNG ĐÃ CHIẾN ĐẤU VỚI DỊCH BỆNH",
        "CHÚC CÁC NGƯỜI MẸ MỘT NGÀY THẬT VUI VẺ",
        "Ai cần tài liệu mật mã học (cryptography) thì inbox mình.",
        // Seventh session's blind round adv11: debunks, a role mailbox, walnuts, a game, a
        // proverb, a dog breed.
        "Công an huyện khẳng định thông tin bắt cóc trẻ em ở trường mầm non Hoa Sen là tin giả; phụ huynh không nên chia sẻ những bài đăng chưa kiểm chứng.",
        "Lớp tiếng Anh giao tiếp cho người đi làm, học buổi tối. Đăng ký qua email của trung tâm: tuyensinh@anhngusaoviet.edu.vn",
        "Hồi bé chơi Plants vs Zombies mê lắm, trồng cây bắn chết zombie mà cũng thấy vui.",
        "\"Ngu si hưởng thái bình\" — câu này ông nội hay nói đùa mỗi khi cả nhà bàn chuyện thời sự 😄",
        "Ai có kinh nghiệm huấn luyện chó Phú Quốc không, bé nhà mình cứ thấy người lạ là sủa inh ỏi.",
        // Papers in everyday posts; knowing without anyone pointed at; a pet's adoption.
        "Mình chụp lại biên bản bàn giao xe cho khách xem",
        "Ảnh chụp biên bản xử phạt vi phạm giao thông của mình, mọi người xem mức phạt",
        "Kết luận: ảnh chụp đẹp",
        "Mình xin được kế hoạch học tập của trường cho con",
        "Ai đi Đà Lạt rồi cũng biết lạnh thế nào, nhớ mang áo ấm.",
        "Ai ăn ở quán này chắc biết rồi, phở ngon lắm.",
        "Chó nhà hàng xóm đẻ 6 con, ai muốn nhận nuôi thì nhắn riêng cho bác ấy",
        "Sữa hạt óc chó hạnh nhân: ngâm 100g óc chó qua đêm, xay với 1 lít nước, lọc bã.",
        // Clothing sizes, a cattle breed, news of an urgent mark after a colon.
        "Shop có đồ ngủ cotton cho mẹ bầu, size M, L, XL",
        "size S M L XL",
        "Trại nhà mình vừa nhập mấy con bò đỏ lai Sind về nuôi, con nào cũng khỏe",
        "Tin nóng: KHẨN - bão số 3 sắp đổ bộ",
        // A paper's kind as the text's last words (a read past the end once panicked).
        "chụp được biên bản",
        "Theo thông báo của phường, tuần sau cắt điện khu phố 3 từ 8h đến 12h.",
        "qua tang danh cho be yeu nhe ca nha",
        "chi ay khong dam cho con di choi dau",
        "tat cho toi cai den nhe",
        "Bo me toi lo lang qua, mai con thi roi",
        "o dau ma dong nguoi the",
        "Chúc cả nhà ngu ngon nhé, mai gặp lại.",
        "Liên hệ d@m@gmail.com để đặt hàng nhé.",
        "KHẨN\nCần người hiến máu nhóm O cho bé ở bệnh viện Nhi.",
        "Mã số thuế: 0312345678",
        "Mã đơn hàng 0912345678 đã giao thành công.",
        "Nhà thờ Tân Định ở số 289 đường Hai Bà Trưng, quận 3.",
        "Khai trương tiệm bánh số 45 đường Nguyễn Trãi nha mọi người.",
        "Hẹn gặp ở 30/4 đường Lê Duẩn lúc 8 giờ nhé.",
        "Tối nay xử đẹp đống bài tập này rồi đi ngủ.",
        // The pet, a child's likeness, a family joke, a child waking up (no diacritics).
        "Chó nhà mình mới đẻ 5 bé, ai muốn nhận nuôi thì nhắn tin, chỉ gửi cho nhà nào thương chó thôi nha",
        "Nghe mẹ kể hồi nhỏ mình hay khóc nhè lắm, giờ nhìn con gái y chang mẹ nó hồi đó 😂",
        "Cả nhà tự hiểu là tối nay không ai nấu cơm nha, mẹ đi du lịch rồi, gọi đồ ăn ngoài đi 😂",
        "me oi con ngu day roi, con di hoc day, trua con ve an com nha",
        "Phun thuốc tiêu diệt sạch muỗi và lăng quăng quanh nhà.",
        "Em thi khối D1, nhà có 2 ca F0, ở phòng K20 ký túc xá.",
        "Nghe ông này nói huề cả làng, chẳng câu nào rõ ràng.",
        "Thang máy có nút chữ MẬT hả, lạ ghê.",
        "MẬT ONG Rừng nguyên chất, ship toàn quốc.",
        "Tết này dẫn người yêu về quê cho cả nhà biết mặt 😊",
        "Tiểu thuyết mới của tôi (dự thảo) sắp xong rồi.",
        // The breaker's false alarms of the sixth session's rules.
        "Hai đứa gặp là đập tay rồi cười.",
        "Nhà nó mà xử lý nước thải tốt thì đã không bị phạt.",
        "Sâu bọ phá vườn rau, phải tiêu diệt sạch.",
        "Đi chợ về gặp 😂 Là đập muỗi cả buổi.",
        "Mệt quá 😂 Chết quách cho xong.",
        "MẬT Danh sách nhạc hay cho quán cà phê",
        "Bảng tin ghi rõ là không phổ biến trong giờ làm việc",
        "Con cảm ơn b o m e nhiều",
        "Mã sản phẩm: C4C-200, máy ảnh Canon D1T, mã giảm giá D4I-XMAS",
        "Thông tư 22 (dự thảo) của Bộ Giáo dục được các thầy cô quan tâm góp ý.",
        "Bộ Y tế đang lấy ý kiến góp ý cho Thông tư số 15/2024/TT-BYT (dự thảo).",
        "Hợp đồng thuê nhà (bản chưa ký) mình gửi anh xem trước.",
        "Theo quy định, văn bản chưa ban hành không được áp dụng.",
        "Đừng tin mấy bài kiểu uống lá ổi là hết tiểu đường nhé mọi người.",
        "Chị làm ở bệnh viện Chợ Rẫy kể lại ca mổ thành công đầu tiên của mình.",
        "Món óc tôm rang me ngon lắm.",
        "Nhà mình sáng 30/4 đường Lê Duẩn kẹt cứng.",
        "Phun thuốc diệt sạch lũ kiến trong bếp.",
        "Chuột phá vườn rau quá, phải tiêu diệt sạch lũ chuột này thôi.",
        "Công an tỉnh đã bác bỏ tin đồn bắt cóc trẻ em ở chợ, đề nghị người dân không lan truyền thông tin sai",
        "ừ mình óc tôm, hỏi lại lần nữa nhé.",
        "KHẨN Cần người hiến máu nhóm O cho bé ở bệnh viện Nhi.",
        "Bị gọi lên đồn công an phường làm việc về vụ va quẹt xe.",
        "Nhiều lúc mệt quá, tôi chỉ muốn chết quách cho xong.",
        // Recovery stories with their doctor, a mild illness over at home, a negation.
        "Mẹ mình uống thuốc theo phác đồ của bệnh viện K, giờ đã hết ung thư rồi",
        "Con uống nước ấm, nghỉ ngơi 3 hôm là hết covid",
        "Theo bác sĩ, bé uống thuốc đều thì không cần phẫu thuật",
        "Uống thuốc đều mà vẫn không khỏi tiểu đường",
        // Counted documents, software versions, a novel's draft, a draft open for comment.
        "Theo Bộ Tư pháp, hiện còn 5 văn bản chưa ban hành.",
        "Không biết còn bao nhiêu văn bản chưa ban hành nữa.",
        "Phiên bản chưa phát hành của iOS 19 bị lộ.",
        "Tôi vừa viết xong bản dự thảo lần 2 của cuốn tiểu thuyết.",
        "Bà con lưu ý: dự thảo quy hoạch chung thành phố đang được niêm yết công khai tại UBND phường để lấy ý kiến cộng đồng dân cư.",
        "Dự thảo kế hoạch sắp xếp trường học đang được niêm yết công khai tại UBND xã.",
        "Tuyển Việt Nam xử đẹp Thái Lan 3-0.",
        // "Kính gửi:" to the public: a power-cut notice, a school's letter to parents.
        "Kính gửi: Quý khách hàng\nĐiện lực Cầu Giấy thông báo tạm ngừng cấp điện từ 7h đến 17h ngày 5/12.",
        "THÔNG BÁO\nKính gửi: Quý phụ huynh học sinh lớp 5A\nNhà trường tổ chức họp phụ huynh vào 8h Chủ nhật.",
        "Kinh gui: toan the cu dan toa nha, ban quan ly thong bao lich cat nuoc ngay mai.",
        "Sáng 30/4 đường Lê Duẩn cấm xe để tổ chức diễu hành.",
        "Ông bà tôi là người Bắc Kỳ cũ, di cư vào Nam năm 1954.",
        "Nghe kể chuyện tí rồi làm tiếp",
        "Theo Nghị quyết số 57-NQ/TW của Bộ Chính trị về khoa học công nghệ",
        "Đảng Cộng sản Việt Nam được thành lập năm 1930",
        "toi mat dien thoai o quan cafe roi",
        "Giao hàng miễn phí đến tận nhà",
        "Con chó nhà mình sủa to quá",
        "Con chó nhà hàng xóm sủa cả đêm",
        "Con chó nhà bác Tư sủa cả đêm",
        "giết chết con gián trong bếp",
        "dang chet cuoi voi clip nay",
        "cuoi tuan ca nha ra bien di choi",
        "may tinh bi dien ap cao",
        "con lợn này béo quá",
        "Nghe nói ông X bị bắt rồi, tin này là sai sự thật.",
        "HỎA TỐC: Shopee sale 12.12 chỉ còn 2 tiếng!",
        "MẬT: anh yêu em",
        "cai nay danh cho may day",
        "Ngân hàng Nhà nước khẳng định không có chuyện đổi tiền, đề nghị người dân không chia sẻ tin đồn.",
        "Nhà bên có con chó hay sủa lắm",
        "Bé Lu nhà mình sủa to lắm",
        "Thuốc thú y cho súc vật",
        "Lũ gà con nhà mình nở hết rồi",
        "Chien thang Dien Bien Phu nam 1954",
        "thay bao mai nop bai",
        "Em gửi báo cáo, cc cho chị Lan",
        "Mình ngu thật, để quên ví",
        "Mình là dân nhà quê chính hiệu",
        "May gio con di",
        "Tin đồn sắp đổi tiền là sai sự thật, Bộ Công an vừa xác nhận.",
        "Báo Tuổi Trẻ đưa tin: nhiều người bị lừa mua thuốc \"chữa khỏi ung thư\" trên mạng.",
        "MẸ EM MỚI MUA HAI LÍT MẬT ONG RỪNG Ở CHỢ PHIÊN HÀ GIANG.",
        "CHÚNG TÔI XIN GỬI LỜI CẢM ƠN TỚI CÁC NHÀ HẢO TÂM ĐÃ ỦNG HỘ ĐỒNG BÀO LŨ LỤT.",
        "THẰNG EM TÔI NĂM NAY LÊN LỚP 3 RỒI.",
        "DỰ THẢO LUẬT ĐẤT ĐAI (SỬA ĐỔI) ĐANG ĐƯỢC LẤY Ý KIẾN NHÂN DÂN",
        "Góp ý gửi về hộp thư điện tử của Ủy ban nhân dân phường: ubndphuong@hanoi.gov.vn.",
        "Ủng hộ đồng bào qua tài khoản Vietcombank 0011001932418 của Ban Vận động cứu trợ Trung ương - UBTW MTTQ Việt Nam.",
        "ai biết người nghe đâu mà mấy bài đấy vẫn hit",
        "HỎA TỐC\nGiảm giá 50% toàn bộ váy áo hôm nay, inbox shop nhé",
        "THƯỢNG KHẨN\nSăn sale 12.12 cùng Shopee",
        "Việc này thượng khẩn lắm anh ơi",
        "Tuyệt mật: công thức nấu phở của mẹ",
        "Khoai lang (MẬT) Đà Lạt giá rẻ",
        "HỎA TỐC\nThanh lý áo thun chỉ 50/cái",
        "Bác sĩ nói ca mổ thành công, bé không cần mổ lại",
        "Gửi CV về tuyendung@abcgroup.vn nhé các bạn",
        "Ngu gì mà không mua vàng lúc giá còn rẻ, tiếc quá!",
        "Toi dung la do ngoc, de quen chia khoa xe trong cop",
        "Bố mình đang nằm phòng 12 tầng 3 bệnh viện Bạch Mai",
        "Khách sạn Mường Thanh phòng 1205 tầng 12 view biển đẹp lắm",
        "Độc lập – Tự do – Hạnh phúc là mục tiêu mà bao thế hệ đã hy sinh",
        "Chúc mừng Quốc khánh 2/9!\nĐộc lập - Tự do - Hạnh phúc",
        "ĐẢNG CỘNG SẢN VIỆT NAM\nQUANG VINH MUÔN NĂM",
        "Công thức nấu ăn tuyệt mật của bà ngoại",
        "Bí kíp tuyệt mật để giảm cân",
    ];
    for t in texts {
        let r = e.analyze(t);
        let all: Vec<_> = r
            .findings
            .iter()
            .map(|f| (&f.rule_id, &t[f.span.clone()]))
            .collect();
        assert!(all.is_empty(), "{t:?} got {all:?}");
    }
}

/// The writer's own phone or address is an `info` nudge with its own message; the same data
/// said to be someone else's, or with a call to contact them, stays `warning` or `high`.
#[test]
fn own_contact_data_is_a_nudge() {
    let e = engine();
    for t in [
        "Số điện thoại của em là 0934424727",
        "Kết bạn zalo với mình nha 0834142839",
        "Nhà mình ở số 12 ngõ 34 phố Huế, ghé chơi nhé",
        // Two numbers in a row: two findings, both the writer's.
        "Liên hệ anh Nam 0912 345 678 0987 654 321 để mua hàng",
        // A call to contact the writer is not a call to harass someone.
        "Số điện thoại của mình là 0912 345 678, cần gì cứ gọi mình nhé cả nhà.",
        // A lost pet or wallet.
        "Con mèo nhà mình đi lạc, ai thấy gọi giúp mình số 0912 111 222 nhé.",
        "Mất ví ở chợ Bến Thành, ai nhặt được xin gọi số 0912111222, hậu tạ.",
        // A seller's or tutor's own ad.
        "Mật ong rừng quê mình, ai cần thì inbox hoặc gọi 0978 654 321 nhé.",
        "Nhận dạy kèm toán lớp 9, Zalo 0978654321.",
        "Pass lại nồi chiên không dầu, ib hoặc gọi 0978654321",
        // Words that fold like `thằng`, `nó`, `bạo hành` say nothing of someone else.
        "Bảo hành 12 tháng, gọi ngay 0912345678",
    ] {
        let r = e.analyze(t);
        let pd: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.category == Category::PersonalData)
            .collect();
        assert!(
            !pd.is_empty() && pd.iter().all(|f| f.severity == Severity::Info),
            "{t:?}: {pd:?}"
        );
        assert!(pd[0].message.en.contains("your own"), "{t:?}");
        if t.contains("0987") {
            assert_eq!(pd.len(), 2, "{t:?}: {pd:?}");
        }
    }
    // A business's own line in its ad is published to be called: no finding at all (blind
    // rounds label these clean). An ID number in an ad is still one. So is the writer's own
    // number or mailbox given with an invitation to use it.
    for t in [
        "Gọi cho tôi 0912345678 nhé",
        "Tháng này em bận, có gì liên hệ em 0912345678",
        "Nợ cũ chưa thanh toán thì liên hệ em 0912345678",
        "Phụ huynh cần trao đổi gì cứ gọi mình số 0904 27 15 83 trong giờ hành chính nhé.",
        "Gọi ngay 0936 222 111 để được tư vấn lắp điều hòa miễn phí!",
        "Shop mình chuyên đồ sơ sinh, ship toàn quốc. Đặt hàng gọi hoặc Zalo chính chủ: 0978 112 233 (Hằng).",
        "Nhà em nhận đập phá dỡ nhà cũ, đục tường. Gọi em Tuấn 0905 678 901 báo giá miễn phí nha.",
    ] {
        assert_no_findings(&e, t);
    }
    // Not dropped, though "liên hệ" near it still reads it as the writer's (a nudge).
    assert_has_category(
        &e,
        "Ai có việc thì liên hệ mình hoặc bố mình 0913 456 000 nhé",
        Category::PersonalData,
    );
    // Words that fold like kin words ("đi", "mà", "có" are no "dì", "má", "cô") between the
    // invitation and the number.
    for t in [
        "Cứ gọi em đi, 0912 345 678, em ở nhà cả ngày.",
        "Có gì cứ gọi mình mà, 0912 345 678",
        "ai thấy thì gọi em nhé, có hậu tạ: 0912 345 678",
    ] {
        assert_no_findings(&e, t);
    }
    // A relative or another person named between the invitation and the number: theirs, not
    // the writer's, a warning (not the own-data nudge).
    for t in [
        "gọi cho em trai tôi 0909 123 123 để hỏi đường nhé",
        "goi cho em hoac me em 0365 222 888 nha",
        "Có gì gọi mình hoặc anh xã mình 0987 654 321",
        "Mọi người gọi em ấy 0912 345 678 mà hỏi cho ra lẽ",
    ] {
        assert_has_category(&e, t, Category::PersonalData);
        assert!(
            e.analyze(t)
                .findings
                .iter()
                .all(|f| f.category != Category::PersonalData || f.severity >= Severity::Warning),
            "{t:?}"
        );
    }
    assert_underlined(
        &e,
        "căn cước của anh shipper nè 040095012345, hôm qua giao hàng xong quên lấy lại",
        "040095012345",
        |f| f.category == Category::PersonalData,
    );
    for (t, want) in [
        ("sđt của nó 0912345678", Severity::Warning),
        ("so dt cua thang do 0912345678 lien he", Severity::Warning),
        ("Liên hệ em 0912345678, nó bạo hành vợ con", Severity::Warning),
        (
            "Ai cần liên hệ chị Lan hàng xóm nhà mình thì gọi số 0912 345 678 nhé, chị ấy nợ tiền mà không trả.",
            Severity::Warning,
        ),
        ("Số nó đây 0912345678 anh em gọi chửi nó đi", Severity::High),
        ("Số nó 0912345678 0987654321 gọi chửi nó đi", Severity::High),
        // "của con bé đấy" points at a girl ("của con" alone is "mine"); "hỏi thăm nó" is a
        // call to harass her.
        (
            "Số của con bé đấy 0987654321, ae nhắn tin hỏi thăm nó đi",
            Severity::High,
        ),
        ("So cua con nho do 0987654321, ae nhan tin hoi tham no di", Severity::High),
        (
            "sđt thằng này 0912345678 mọi người cứ gọi hỏi nó",
            Severity::High,
        ),
        // Pasted with no-break spaces.
        (
            "Số thằng đó là 0912\u{a0}345\u{a0}678, mọi người cứ gọi hỏi nó",
            Severity::High,
        ),
        (
            "SĐT mấy đứa lừa đảo: 0912 345 678 0987 654 321 0911 222 333 0933 444 555 0944 555 666",
            Severity::Warning,
        ),
    ] {
        let r = e.analyze(t);
        assert!(
            r.findings
                .iter()
                .any(|f| f.category == Category::PersonalData && f.severity == want),
            "{t:?}: {:?}",
            r.findings
        );
    }
}

/// Dense findings stay linear: 25,000 vulgar words in one sentence (used to be quadratic).
#[test]
fn dense_vulgar_text_is_analysed() {
    let e = engine();
    let text = "lol ".repeat(25_000);
    let r = e.analyze(&text);
    assert_eq!(r.findings.len(), 25_000);
}

/// A list of phone numbers in a row is found number by number, however many there are.
#[test]
fn phone_lists_are_split() {
    let e = engine();
    let t = "SĐT mấy đứa lừa đảo: 0912 345 678 0987 654 321 0911 222 333 0933 444 555 0944 555 666 0955 666 777";
    let phones = e
        .analyze(t)
        .findings
        .iter()
        .filter(|f| f.rule_id == "personal_data.phone")
        .count();
    assert_eq!(phones, 6, "{t:?}");
}

/// The unnamed person a veiled hint points at is underlined with the hint; without a hint the
/// same words are news writing and get nothing.
#[test]
fn vague_person_with_a_hint() {
    let e = engine();
    let cases = [
        (
            "Một vị lãnh đạo hoà nhã trước mặt dân nhưng sau lưng thì… thôi, ai hiểu thì hiểu",
            "Một vị lãnh đạo",
        ),
        (
            "co mot vi lanh dao huyen minh dao nay di xe sang lam, ae tu hieu",
            "mot vi lanh dao",
        ),
        (
            "No names, but một vị sếp lớn của chúng ta vừa được 'tặng' căn hộ. You know who.",
            "một vị sếp lớn",
        ),
    ];
    for (t, span) in cases {
        let r = e.analyze(t);
        assert!(
            r.findings
                .iter()
                .any(|f| f.rule_id == "insinuation.vague_person"
                    && &t[f.span.clone()] == span
                    && f.severity == Severity::Info),
            "{t:?}: {:?}",
            r.findings
                .iter()
                .map(|f| (&f.rule_id, &t[f.span.clone()]))
                .collect::<Vec<_>>()
        );
    }
    // Hints in other words: feeling guilty ("nhột"), stopping short, a proverb.
    for t in [
        "Nói tới đây thôi, có người đọc xong chắc nhột lắm 😏",
        "co nguoi nhot roi kia, chua noi ten ma da nhay dung dung 🤣",
        "Ai có tấm bằng tại chức 'mua' thì tự xem lại mình nhé, không cần tôi điểm danh",
        "Tôi chỉ nói một câu: ai ăn mặn người đó khát nước",
        "Mọi người vào trang của bà trưởng khoa mà comment cho bả biết thế nào là lễ độ",
    ] {
        assert_has_category(&e, t, Category::Insinuation);
    }
    for t in [
        "Một vị lãnh đạo Sở Y tế cho biết sẽ tăng cường kiểm tra.",
        "Mình comment cho mn biết để tránh thôi, hàng này kém lắm.",
        "Có một người rất quen vừa gọi điện cho mình, vui ghê.",
    ] {
        assert!(e.analyze(t).findings.is_empty(), "{t:?}");
    }
}

/// Phrases of three or more syllables written as one hashtag (`#aihieuthihieu`) are read as
/// the phrase; a hashtag of everyday words or a long run of one letter is nothing.
#[test]
fn hashtag_phrases() {
    let e = engine();
    let t = "Có người làm to mà bằng cấp mua bằng tiền 😏 #aihieuthihieu #noiaithinguoidotubiet";
    let r = e.analyze(t);
    let tags: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.category == Category::Insinuation)
        .map(|f| &t[f.span.clone()])
        .collect();
    assert_eq!(tags, ["aihieuthihieu", "noiaithinguoidotubiet"]);
    // Two syllables are too few: ăn dặm (baby food), treo cờ (hanging the flag).
    for t in [
        "Thực đơn cho bé 7 tháng tuổi #andam",
        "Cả xóm treo cờ mừng Quốc khánh #treoco",
    ] {
        assert!(e.analyze(t).findings.is_empty(), "{t:?}");
    }
    let long = format!("#{} #dulich #matong #cacban #chiase", "a".repeat(5000));
    assert!(e.analyze(&long).findings.is_empty());
    let cut = format!("#{}", "nghieng".repeat(6));
    assert!(e.analyze(&cut).findings.is_empty());
}

/// Hearsay in other forms: rumour as a verb after who spreads it, a teller between "làm ở" and
/// "kể" (a nudge at least; a warning when the claim is of consequence).
#[test]
fn hearsay_forms() {
    let e = engine();
    for (t, cue) in [
        (
            "Thiên hạ đồn ầm lên là nước máy khu này nhiễm thạch tín",
            "Thiên hạ đồn ầm lên",
        ),
        (
            "Cháu tôi làm ở huyện kể lại: đợt này thu hồi đất cả thôn, đền bù chỉ 50 nghìn một mét",
            "Cháu tôi làm ở huyện kể",
        ),
        (
            "Mấy hôm nay ai cũng đồn ông Bảy bán thịt heo bệnh",
            "ai cũng đồn",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.rule_id == "unverified_claim.hearsay");
    }
}

/// A form field's value joins the field's finding: "Độ khẩn: Hỏa tốc" is underlined whole.
#[test]
fn form_field_values() {
    let e = engine();
    let t = "Độ mật: Mật | Độ khẩn: Hỏa tốc — Phương án bảo vệ đoàn công tác";
    let spans: Vec<&str> = e
        .analyze(t)
        .findings
        .iter()
        .filter(|f| f.category == Category::InternalDocument)
        .map(|f| &t[f.span.clone()])
        .collect();
    assert_eq!(spans, ["Độ mật: Mật", "Độ khẩn: Hỏa tốc"]);
}

/// A sentence in capitals addressed to "các người" is shouting (an `info` nudge: no insult in
/// it), like one aimed with "mày" or "bọn".
#[test]
fn capitals_aimed_at_cac_nguoi() {
    let t = "CÁC NGƯỜI CÓ CÒN LƯƠNG TÂM KHÔNG HẢ, ĐỪNG CÓ MÀ LỪA DÂN NỮA";
    let r = engine().analyze(t);
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule_id == "inflammatory.shouting" && f.span == (0..t.len())),
        "{:?}",
        r.findings
    );
}

/// Hints written as forms: the echo "ai V thì V" with a word between or in teencode, and an
/// audience that surely knows who, in a post that points at someone.
#[test]
fn hint_forms() {
    let e = engine();
    for (t, cue) in [
        (
            "Ai hiểu chuyện thì hiểu, mình chỉ nói vậy thôi.",
            "Ai hiểu chuyện thì hiểu",
        ),
        (
            "cty mk có 1 ng chuyên đi nói xấu sau lưng, ai bik thì bik",
            "ai bik thì bik",
        ),
        (
            "Có một anh ngồi phòng to nhất tầng 3, mới lên chức hai năm mà đã xây biệt thự ba tầng ở quê. Ai làm cùng tòa nhà chắc đoán ra rồi ha.",
            "Ai làm cùng tòa nhà chắc đoán ra",
        ),
        (
            "Đang định kể chuyện ông Phó phòng H. nhưng thôi, ai trong ngành chắc nhận ra.",
            "ai trong ngành chắc nhận ra",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::Insinuation);
    }
}

/// A source that names nobody, a teller before where they work and a friend vouching are
/// hearsay: a warning beside another finding, an `info` nudge about something of consequence,
/// nothing about everyday chat (see `everyday_texts_get_no_finding`).
#[test]
fn vague_sources_and_tellers() {
    let e = engine();
    for (t, cue) in [
        (
            "Bộ Công an sắp phạt 10 triệu nếu đăng status than thở giá cả. Nguồn: một anh làm trong ngành.",
            "Nguồn: một anh làm trong ngành",
        ),
        (
            "Tiêm vắc xin xong bị vô sinh đó, bác sĩ bạn mình xác nhận rồi, đừng cho con đi tiêm",
            "bạn mình xác nhận",
        ),
        (
            "Bạn em làm trong sở kể là sắp tới sẽ cắt hết phụ cấp công vụ, mọi người chuẩn bị tinh thần.",
            "Bạn em làm trong sở kể",
        ),
        (
            "Người trong ngành tiết lộ tháng sau giá điện tăng 20%, nhà nào có điều hòa chuẩn bị tinh thần",
            "Người trong ngành tiết lộ",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.rule_id == "unverified_claim.hearsay");
    }
    // Beside an accusation it is a warning.
    let t = "Giám đốc sở nhận hối lộ, bạn mình làm trong sở kể.";
    assert!(e
        .analyze(t)
        .findings
        .iter()
        .any(|f| f.rule_id == "unverified_claim.hearsay" && f.severity == Severity::Warning));
}

/// An urgency mark before "Kính gửi" is a document's, unless the addressee is the public: a
/// school's or a building's notice is not an office's letter.
#[test]
fn urgent_notices_to_the_public() {
    let e = engine();
    for t in [
        "Thông báo: KHẨN - Kính gửi quý phụ huynh học sinh lớp 5A, nhà trường tổ chức họp phụ huynh vào sáng thứ Bảy.",
        "KHẨN\nKính gửi: Quý phụ huynh\nNhà trường thông báo học sinh nghỉ học do bão.",
        "HỎA TỐC - Kính gửi toàn thể cư dân tòa A: tối nay cắt nước từ 22h để sửa đường ống.",
    ] {
        let r = e.analyze(t);
        assert!(
            !r.findings.iter().any(|f| f.category == Category::InternalDocument),
            "{t:?}: {:?}",
            r.findings
        );
    }
    assert_underlined(
        &e,
        "HỎA TỐC\nKính gửi: Ủy ban nhân dân các phường\nĐề nghị báo cáo gấp số liệu.",
        "HỎA TỐC",
        |f| f.rule_id == "internal_document.urgency" && f.severity == Severity::High,
    );
}

/// Everyday posts of the eighth session's probes and blind rounds that must stay clean: rules
/// about classified papers in general, a recovery on a doctor's prescription, passing a message
/// on to one person, hearsay about a dish or a place, children called "tụi nó", stones skipped
/// on a river, a novel's title.
#[test]
fn everyday_posts_of_the_eighth_session() {
    let e = engine();
    for t in [
        "Lớp tập huấn an toàn thông tin: văn bản mật phải giữ kín, không chụp ảnh, không gửi qua Zalo.",
        "Bài giảng môn Luật: tài liệu tuyệt mật, tối mật không được sao chụp khi chưa được phép.",
        "Quy định công ty: file có dấu confidential thì không được chia sẻ ra ngoài.",
        "Mẹ mình viêm họng khỏi hẳn sau 3 ngày uống thuốc bác sĩ kê, thêm nước ép cam.",
        "Mình đã chuyển tiếp cho người phụ trách rồi nhé",
        "Nghe đồn quán bún chả đầu ngõ ngon nhất phố, mai phải rủ cả phòng đi ăn thử mới được",
        "Mua ba que kem cho ba đứa nhỏ mà tụi nó giành nhau khóc um sùm",
        "Cuối tuần về quê dắt hai đứa nhỏ ra sông ném đá thia lia, tụi nó mê tít",
        "Vừa đọc xong Trại súc vật của George Orwell, ngắn mà thấm",
        "Nghe mẹ nói mai trời mưa, cả nhà nhớ mang áo mưa",
    ] {
        assert_no_findings(&e, t);
    }
}

/// The same forms with what makes them risky stay findings: a marked paper in hand, a cure
/// after the doctor's medicine failed, a chain letter's count, a named neighbour's rumour, a
/// not-yet qualifier beside a leaked paper.
#[test]
fn risky_forms_of_the_eighth_session() {
    let e = engine();
    assert_underlined(
        &e,
        "Văn bản mật này phải giữ kín nhưng mình vẫn đăng cho ae xem",
        "Văn bản mật",
        |f| f.category == Category::InternalDocument,
    );
    assert_underlined(
        &e,
        "Uống thuốc bác sĩ kê không đỡ, chuyển sang lá ổi khỏi hẳn sau 3 ngày",
        "khỏi hẳn sau",
        |f| f.rule_id == "unverified_claim.miracle_cure",
    );
    assert_underlined(
        &e,
        "Chia sẻ cho 15 người trong 1 giờ sẽ gặp may",
        "Chia sẻ cho 15 người",
        |f| f.rule_id == "unverified_claim.spread_pressure",
    );
    assert_underlined(
        &e,
        "Nghe bà hàng xóm kể ông trưởng công an xã bảo kê cho sới bạc đầu làng",
        "Nghe bà hàng xóm kể",
        |f| f.rule_id == "unverified_claim.hearsay",
    );
    assert_underlined(
        &e,
        "Anh em xem trước danh sách dự kiến nhân sự BCH Đảng bộ xã nhiệm kỳ tới nhé, chưa ban hành đâu nên đừng chuyển tiếp ra ngoài",
        "chưa ban hành",
        |f| f.rule_id == "internal_document.unpublished",
    );
}

/// The final breaker's cases against this session's exemptions: a post that passes a marked
/// paper on stays a leak whatever rule it recites, a folk cure stays a miracle whatever doctor
/// it names, an urged forward stays pressure; and the phrases a hospital stay, a council or a
/// biology lesson share with threats stay out of the lexicon.
#[test]
fn breaker_cases_of_the_eighth_session() {
    let e = engine();
    for (t, cue) in [
        (
            "Hồ sơ mật cấm tiết lộ nhưng mình cứ đăng, Sở Tài chính sắp cắt giảm 30% biên chế.",
            "Hồ sơ mật",
        ),
        (
            "Tài liệu tối mật không được sao chụp nhưng em chụp được đây mọi người ơi, kế hoạch thanh tra UBND tỉnh.",
            "Tài liệu tối mật",
        ),
        (
            "Báo cáo mật phải xem: UBND huyện giấu số liệu dịch bệnh.",
            "Báo cáo mật",
        ),
        (
            "Tài liệu mật phải không các bác? Quyết định thu hồi đất 200 hộ dân xã Bình An.",
            "Tài liệu mật",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::InternalDocument);
    }
    for t in [
        "Theo hướng dẫn của thầy lang, bố tôi uống lá đu đủ đực khỏi hẳn sau 2 tuần.",
        "Bác sĩ bảo phải mổ, nhưng mẹ tôi uống nước lá ổi mỗi sáng khỏi hẳn sau 1 tháng.",
    ] {
        assert_underlined(&e, t, "khỏi hẳn sau", |f| {
            f.rule_id == "unverified_claim.miracle_cure"
        });
    }
    for (t, cue) in [
        (
            "Chuyển tiếp cho người thân và bạn bè ngay, nhóm bắt cóc đang đi xe tải trắng",
            "Chuyển tiếp cho người",
        ),
        (
            "Chia sẻ cho mười người bạn sẽ nhận được tin vui trong 3 ngày.",
            "Chia sẻ cho mười người",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| {
            f.rule_id == "unverified_claim.spread_pressure"
        });
    }
    assert_underlined(
        &e,
        "KHẨN - Kính gửi Quý lãnh đạo các phòng ban: danh sách cán bộ diện điều chuyển",
        "KHẨN",
        |f| f.rule_id == "internal_document.urgency",
    );
    for t in [
        "Mẹ mình mổ ruột thừa, xác định nằm viện 1 tuần.",
        "Hội đồng nó họp xong chưa anh?",
        "Tầm gửi là loài ký sinh trên thân cây khác, bài học sinh học lớp 6.",
        "Báo cáo chưa trình bày rõ số liệu, các bạn sửa lại nhé.",
        "Theo quy định, tài liệu mật phải được cất trong tủ có khoá.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// The second breaker's cases: a mark in a rule is dropped only in a text that states rules
/// and keeps the paper in; chain letters counted in words, product cures after failed care,
/// pile-ons "for fun", rumours with a reason after the praise, staff addressees stay findings;
/// surprises kept quiet, chores and family memories stay clean.
#[test]
fn second_breaker_cases_of_the_eighth_session() {
    let e = engine();
    for (t, cue, rule) in [
        (
            "Hồ sơ tuyệt mật không được phát tán, ai cần thì pm mình",
            "Hồ sơ tuyệt mật",
            "internal_document.classification",
        ),
        (
            "Công văn mật phải triển khai ngay trong tuần, nội dung là cắt giảm biên chế",
            "Công văn mật",
            "internal_document.classification",
        ),
        (
            "Đây là lá bùa may mắn, hãy chuyển tiếp cho những người bạn thân yêu",
            "chuyển tiếp cho những người",
            "unverified_claim.spread_pressure",
        ),
        (
            "Đi khám bác sĩ mãi chả đỡ, uống 2 hộp viên sủi khỏi hẳn sau 5 ngày",
            "khỏi hẳn sau",
            "unverified_claim.miracle_cure",
        ),
        (
            "Ae vào page con này chơi ném đá cho nó bay acc luôn",
            "ném đá",
            "inflammatory.harassment",
        ),
        (
            "Nghe đồn quán phở đầu ngõ ngon vì bỏ hàn the với thuốc tẩy",
            "Nghe đồn",
            "unverified_claim.hearsay",
        ),
        (
            "KHẨN - Kính gửi toàn thể cán bộ: danh sách tinh giản biên chế đợt 2",
            "KHẨN",
            "internal_document.urgency",
        ),
        (
            "KHẨN - Kính gửi quý đồng chí trong Ban Thường vụ",
            "KHẨN",
            "internal_document.urgency",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.rule_id == rule);
    }
    for t in [
        "Cơ quan mình đang lên kế hoạch tổ chức sinh nhật bất ngờ cho sếp, mọi người đừng nói ra nhé",
        "Sở Y tế khuyến cáo người dân không để lộ thông tin hồ sơ bệnh án khi khám online",
        "Cái bếp bẩn quá rồi, cuối tuần phải xử nó một trận cho sạch",
        "Nghe mẹ kể hồi bà ngoại bị ung thư, cả nhà lo lắm",
        "KHẨN - Kính gửi toàn thể cư dân tòa A: tối nay cắt nước từ 22h.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// The third breaker's cases: a rule word does not clear a post that goes on to pass the paper
/// on; a doctor's visit the post turns away from does not clear a folk cure; staff stay staff
/// under "toàn thể"; a family memory is no source.
#[test]
fn third_breaker_cases_of_the_eighth_session() {
    let e = engine();
    for (t, cue, rule) in [
        ("Theo quy định tài liệu mật không được sao chụp, mà e chụp đc rồi, ai cần nhắn e", "tài liệu mật", "internal_document.classification"),
        ("Quy định là tài liệu mật không được chia sẻ, e để ở nhóm tele rồi nhé", "tài liệu mật", "internal_document.classification"),
        ("Đi khám bác sĩ bảo phải mổ, về nhà mình cho uống nước gừng mật ong khỏi hẳn sau 2 tuần", "khỏi hẳn sau", "unverified_claim.miracle_cure"),
        ("Đi viện về uống nước chè xanh khỏi hẳn sau 1 tuần luôn", "khỏi hẳn sau", "unverified_claim.miracle_cure"),
        ("HỎA TỐC - Kính gửi toàn thể nhân viên công ty về việc cắt giảm nhân sự", "HỎA TỐC", "internal_document.urgency"),
        ("Hãy chia sẻ cho hàng ngàn người cùng biết", "chia sẻ cho hàng ngàn người", "unverified_claim.spread_pressure"),
    ] {
        assert_underlined(&e, t, cue, |f| f.rule_id == rule);
    }
    for t in [
        "Nghe ông nội tôi kể năm 1945 làng mình đói lắm",
        "Nghe ba mẹ kể hồi đánh Mỹ ông đi bộ đội 10 năm",
        "Covid khỏi hẳn sau 7 ngày, uống nước ép cam và nghỉ ngơi theo hướng dẫn của trạm y tế.",
        "Tập huấn cho cán bộ xã: văn bản tối mật phải giữ kín, không được chia sẻ lên Zalo.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// The final breaker's everyday sentences with "đánh cho" and "giết chết thế trận": work, play
/// and a match, not a beating; the beating itself stays a threat.
#[test]
fn beat_and_kill_in_everyday_senses() {
    let e = engine();
    for t in [
        "Tối nay đánh cho xong bộ hồ sơ rồi mới ngủ",
        "Chiều nay ra sân đánh cho vui thôi mà",
        "Đội tuyển Việt Nam thắng đậm, đánh cho tan tác đối thủ!",
        "Trận này phải giết chết thế trận từ phút đầu",
    ] {
        assert_no_findings(&e, t);
    }
    assert_underlined(
        &e,
        "Thằng đó láo quá, đánh cho nó một trận",
        "đánh cho",
        |f| f.rule_id == "inflammatory.threat",
    );
}

/// Ninth session: a writer who declines to share an unissued or marked paper, stones thrown at
/// someone in the news, a doctor thanked for a cure; and the chain letter written as "this
/// message to N people".
#[test]
fn declined_papers_news_and_chain_letters() {
    let e = engine();
    for t in [
        "Văn bản này chưa ban hành nên mình chưa thể trả lời.",
        "Tài liệu mật nên em không thể chia sẻ được, mong mọi người thông cảm.",
        "Bị ném đá vì phát ngôn gây tranh cãi, ca sĩ lên tiếng xin lỗi.",
        "Clip bị cư dân mạng ném đá dữ dội suốt cả tuần.",
        "Bác sĩ chữa khỏi hẳn bệnh cho bố mình, cảm ơn bệnh viện.",
        "Mình gửi tin này cho mấy người trong nhóm rồi nhé.",
        "Hôm nay shop gửi hàng cho 20 người, cảm ơn cả nhà.",
    ] {
        assert_no_findings(&e, t);
    }
    // Declining, then passing it on anyway, is a leak.
    assert_underlined(
        &e,
        "Văn bản này chưa ban hành nên mình chưa thể trả lời, nhưng ai cần inbox mình gửi.",
        "Văn bản này chưa ban hành",
        |f| f.rule_id == "internal_document.unpublished",
    );
    assert_underlined(
        &e,
        "Anh em vào trang nó mà ném đá cho sáng mắt ra",
        "ném đá",
        |f| f.rule_id == "inflammatory.harassment",
    );
    assert_underlined(
        &e,
        "Bác sĩ đông y chữa khỏi hẳn tiểu đường bằng lá cây, cảm ơn thầy",
        "chữa khỏi hẳn tiểu đường",
        |f| f.rule_id == "unverified_claim.miracle_cure",
    );
    for (t, cue) in [
        (
            "Gửi tin này cho 20 người trong 1 giờ nếu không sẽ gặp xui.",
            "Gửi tin này cho 20 người",
        ),
        (
            "Gui tin nay cho 20 nguoi neu khong se gap xui",
            "Gui tin nay cho 20 nguoi",
        ),
        ("Ai không share sẽ gặp xui cả năm.", "Ai không share sẽ gặp"),
    ] {
        assert_underlined(&e, t, cue, |f| {
            f.rule_id == "unverified_claim.spread_pressure"
        });
    }
}

/// Clean posts of the ninth session's blind rounds (`adv15`, `adv16`): trainings that forbid
/// passing a marked paper on, a clerk who declines to send a draft, a lesson on urgency levels,
/// a quoted scam in a police warning, a demolition trade and a dog.
#[test]
fn officials_rules_refusals_and_warnings() {
    let e = engine();
    for t in [
        "Tóm tắt buổi tập huấn an toàn thông tin sáng nay: không dùng Zalo cá nhân để gửi văn bản mật, không cắm USB lạ vào máy cơ quan, đổi mật khẩu hộp thư công vụ 3 tháng một lần. Ai vắng thì hỏi lại đồng chí Tâm phụ trách CNTT nhé.",
        "Nhắc lại nội dung tập huấn về Luật Bảo vệ bí mật nhà nước 2018: tài liệu có độ mật phải được vào sổ, chỉ soạn thảo trên máy tính không kết nối Internet, tuyệt đối không chụp ảnh gửi qua Zalo hay Facebook. Mọi người chú ý giúp nhé.",
        "Chi oi em ko gui file du thao quy che duoc dau a, sep dan chi de trong phong gop y thoi. Khi nao ban hanh chinh thuc em gui chi ngay.",
        "Độ khẩn “hỏa tốc” là gì? Nhiều bạn mới làm văn thư hỏi mình. Theo Nghị định 30/2020/NĐ-CP, văn bản có ba mức độ khẩn là khẩn, thượng khẩn và hỏa tốc, quyết định thời hạn chuyển văn bản. Chia sẻ để anh em tham khảo.",
        "Cảnh báo từ Công an TP: tin nhắn kiểu 'Chúc mừng bạn trúng thưởng xe máy, bấm link nhận quà và chia sẻ gấp cho 10 người' là lừa đảo. Tuyệt đối không bấm, không chuyển tiền phí nhận thưởng.",
        "Mình mới học làm bánh mì, ra lò cái nào cũng cứng như đá, chồng bảo để dành ném chó hàng xóm được đấy 🤣",
    ] {
        assert_no_findings(&e, t);
    }
    // The same words passing a paper on stay leaks.
    for (t, cue) in [
        (
            "Tóm tắt văn bản mật của sở: tăng thuế phí từ tháng sau, em gửi các chị",
            "văn bản mật",
        ),
        (
            "Lớp tập huấn dặn không gửi văn bản mật qua Zalo nhưng em vẫn gửi đây",
            "văn bản mật",
        ),
        (
            "Em ko gửi file dự thảo quy chế được, ai cần inbox em",
            "dự thảo quy chế",
        ),
        (
            "HỎA TỐC. Theo Nghị định 30/2020, công văn này gửi các phường",
            "HỎA TỐC",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::InternalDocument);
    }
}

/// Risky forms of the ninth session's blind rounds: a hint denied ("chẳng ám chỉ ai"), guilt
/// as the tell ("chột dạ", "nóng mặt"), reading enough to know who, "I only post it, think
/// what you like", a paper kept within a team, and a relative who works somewhere telling it.
#[test]
fn hints_teams_and_relatives() {
    let e = engine();
    for (t, cue) in [
        (
            "Đợt xét nâng ngạch tới rồi sẽ rõ. Nói vậy chứ mình chẳng ám chỉ ai cả.",
            "chẳng ám chỉ ai",
        ),
        (
            "Ai đọc được mà thấy chột dạ thì chắc là trúng rồi đấy.",
            "thấy chột dạ thì chắc là",
        ),
        (
            "Co ong sep kia cuoi tuan cho vo con ve que bang xe cong. Thoi khoi noi, doc la biet ong nao.",
            "doc la biet ong nao",
        ),
        (
            "Sếp mới về chưa được ba tháng mà xe đổi, nhà xây. Tôi chỉ đăng vậy thôi, còn suy nghĩ thế nào là quyền của các bạn.",
            "Tôi chỉ đăng vậy thôi",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::Insinuation);
    }
    assert_underlined(
        &e,
        "Forward cho mọi người bản kế hoạch kiểm tra, trên đầu ghi rõ “chỉ dùng trong đoàn” đấy",
        "chỉ dùng trong đoàn",
        |f| f.category == Category::InternalDocument,
    );
    for (t, cue) in [
        (
            "Đứa em làm trong bệnh viện kể là vụ ngộ độc ở trường có 3 bé không qua khỏi.",
            "Đứa em làm trong bệnh viện kể",
        ),
        (
            // Teencode reads as the phrase "người nhà mình làm trong" (sixteenth session).
            "Quỹ tín dụng xã sắp vỡ, giám đốc ôm tiền đi rồi. Ng nhà mk làm trong đó bảo vậy.",
            "Ng nhà mk làm trong",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.rule_id == "unverified_claim.hearsay");
    }
    // Everyday: what a relative says of nothing of consequence, a promise kept for a friend.
    for t in [
        "Đứa em làm trong tiệm bánh bảo mai có bánh mới.",
        "Yên tâm, mình không nói ra đâu.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// An exam paper passed on before the exam is held (ninth session, `adv16`), and the same
/// words in a teacher's notice or about a practice paper.
#[test]
fn exam_papers_before_the_exam() {
    let e = engine();
    for (t, cue) in [
        (
            "Đề kiểm tra cuối kỳ II môn Toán 9 của trường mình đây, tổ đã duyệt rồi, thứ Năm mới thi. Mấy chị cho các cháu ôn đúng câu 3 với câu 5 nhé",
            "Đề kiểm tra",
        ),
        (
            "Hội đồng ra đề vừa họp xong, em hé lộ cho mấy chị một tí. Đề còn niêm phong, mai mới thi nên giữ kín giúp em.",
            "Đề còn niêm phong",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| {
            f.rule_id == "internal_document.exam_paper" && f.severity == Severity::High
        });
    }
    for t in [
        "Đề kiểm tra tuần sau mới thi, các con ôn kỹ chương 3 nhé.",
        "Đề thi năm ngoái đây, mai mới thi nên ôn đi.",
        "Mai mới thi mà chưa ôn gì, gửi mình đề cương với",
    ] {
        assert_no_findings(&e, t);
    }
}

/// Papers of a state body said to be not out yet without a mark (ninth session, `adv15`,
/// `adv16`): the not-yet words and the papers the sentence names are underlined.
#[test]
fn papers_not_out_yet() {
    let e = engine();
    for (t, cue) in [
        (
            "Danh sách hộ cận nghèo đợt 2 phường vừa gửi xuống tổ, chưa công khai đâu nhé.",
            "chưa công khai",
        ),
        (
            "Danh sách hộ cận nghèo đợt 2 phường vừa gửi xuống tổ, chưa công khai đâu nhé.",
            "Danh sách",
        ),
        (
            "Anh em xem trước: danh sách dự kiến điều động cán bộ các xã, bản này chưa trình Thường trực đâu.",
            "chưa trình",
        ),
        (
            "Kết luận thanh tra trường mình có rồi, Phòng mới gửi bản nháp cho hiệu trưởng, tháng sau mới công bố.",
            "tháng sau mới công bố",
        ),
        (
            "Kết luận thanh tra trường mình có rồi, Phòng mới gửi bản nháp cho hiệu trưởng, tháng sau mới công bố.",
            "bản nháp",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.rule_id == "internal_document.unpublished");
    }
    for t in [
        "Danh sách khách mời đám cưới, chưa công khai đâu nha.",
        "Tháng sau mới công bố điểm thi, các bạn chờ nhé.",
        "Mai mới ký hợp đồng thuê nhà, hồi hộp quá.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// The audience form with "thì" and a group of readers (ninth session): "ai ở gần thì rõ",
/// "các mẹ trong lớp chắc đoán được", in a post that points at someone; not a travel tip.
#[test]
fn audiences_that_know_who() {
    let e = engine();
    for (t, cue) in [
        (
            "Có người trong tổ dân phố mình lương cán bộ mà xây nhà 4 tầng. Mình chẳng nói ra đâu, ai ở gần thì rõ 😏",
            "ai ở gần thì rõ",
        ),
        (
            "Một cô giáo nào đó ở khối 2 thích phong bì lắm, mình không nêu tên đâu, các mẹ trong lớp chắc đoán được 🙂",
            "các mẹ trong lớp chắc đoán được",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::Insinuation);
    }
    for t in [
        "Ai đi Đà Lạt rồi thì biết, đẹp lắm.",
        "Mọi người chắc biết rồi, mai mất điện.",
        "Các mẹ chắc đoán được con mình thích gì rồi.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// A copied number line in a post that says the notice is not posted yet ("chưa dán ra bảng
/// tin") stays a finding: the public sign is negated three words before.
#[test]
fn not_yet_on_the_notice_board() {
    let e = engine();
    assert_underlined(
        &e,
        "Gui ca nha ban thong bao phuong moi ky chieu nay, chua dan ra bang tin dau:\nUBND PHUONG 7\nSo: 47/TB-UBND\nV/v tam dung cap phep xay dung khu vuc ven kenh",
        "So: 47/TB-UBND",
        |f| f.rule_id == "internal_document.number",
    );
}

/// An urgent letter got hold of before the school announces it (ninth session, `adv15`).
#[test]
fn urgent_letter_got_hold_of() {
    let e = engine();
    assert_underlined(
        &e,
        "Công văn hoả tốc sở giáo dục gửi hiệu trưởng chiều nay, bọn mình xin được ảnh chụp: tạm dừng dạy thêm từ tuần sau. Phụ huynh đọc trước nhé, mai trường mới thông báo chính thức.",
        "Công văn hoả tốc",
        |f| f.category == Category::InternalDocument,
    );
    assert_no_findings(
        &e,
        "Bộ Y tế có công văn hỏa tốc gửi các tỉnh, mọi người xem trước lịch tiêm nhé.",
    );
}

/// Forms of the ninth session's blind rounds: profanity censored with asterisks, "đập cho nhừ
/// tử" typed without diacritics, "dạy cho một bài học nhớ đời"; a cancer survivor and a
/// walnut.
#[test]
fn censored_beatings_and_cures() {
    let e = engine();
    assert_underlined(
        &e,
        "Thằng shipper láo toét, đ** mẹ loại mất nết",
        "đ** mẹ",
        |f| f.category == Category::Inflammatory,
    );
    assert_underlined(
        &e,
        "de tao gap ngoai duong thi tao dap cho nhu tu",
        "dap cho nhu tu",
        |f| f.category == Category::Inflammatory,
    );
    assert_underlined(
        &e,
        "Tìm ra nhà thì anh em đến tận nơi dạy cho một bài học nhớ đời.",
        "dạy cho một bài học nhớ đời",
        |f| f.category == Category::Inflammatory,
    );
    // A survivor's news is no miracle cure (the phrase is left out: see the known failures).
    assert_no_findings(
        &e,
        "Sau 6 đợt hoá trị, bác sĩ nói mẹ mình đã sạch tế bào ung thư. Cảm ơn các y bác sĩ.",
    );
    assert_no_findings(&e, "Quả óc chó rất bổ, mỗi ngày ăn vài hạt.");
}

/// Clean posts of the ninth session's third blind round (`adv17`): a training that forbids
/// passing marked papers on in a conditional, one typed without diacritics, a clerk who
/// declines "vì đó là tài liệu nội bộ", shops' own phones and mailboxes, a kitchen knocked
/// down, a health rumour called false, a lesson on bullying quoting what not to say, a police
/// advice on being scammed.
#[test]
fn third_round_clean_posts() {
    let e = engine();
    for t in [
        "Chiều nay trường tổ chức tập huấn Bộ Quy tắc ứng xử trên mạng xã hội. Thầy hiệu trưởng nhắc: văn bản có đóng dấu Mật hay ghi “Lưu hành nội bộ” thì tuyệt đối không chụp ảnh, không gửi qua Zalo. Ai chưa rõ thì hỏi văn thư trước khi đăng bất cứ thứ gì.",
        "Sang nay co quan sinh hoat chuyen de bao ve bi mat nha nuoc: tai lieu do Mat, Toi mat khong duoc chup anh, khong soan thao tren may tinh co ket noi internet. Hoc xong moi thay nhieu thoi quen cua minh chua dung, phai sua ngay.",
        "Mấy bạn hỏi xin file kết luận kiểm tra ở cơ quan mình, mình xin phép không gửi nhé vì đó là tài liệu nội bộ, chưa được phép công bố. Khi nào có văn bản chính thức đăng trên cổng thông tin của huyện mình sẽ gửi link.",
        "Ca ro dong, tom dat bat sang nay con tuoi rong, ai lay ib hoac qua sap so 12 cho Vieng nhe. Sdt cua minh: 0345 678 901, minh la Nam ban ca o sap so 12 cho Vieng.",
        "Nhận may đo áo dài, sửa đồ lấy ngay tại tiệm May Hồng, 15 Lê Lợi, TP Huế. Đặt lịch qua Zalo tiệm 0905 123 987 hoặc email mayhong.hue@gmail.com nhé các chị.",
        "Bò tơ Củ Chi mới mổ sáng nay, thịt bò đỏ au 😋 Gọi/Zalo Bếp Nhà Tý 0868 222 333, giao tận nơi trong quận 12.",
        "Nhà em số 9 tuần sau đập phá bếp cũ để sửa lại, có thể ồn từ 8h đến 17h, mong các cô chú hàng xóm thông cảm ạ 🙏",
        "Gần đây nhiều người chia sẻ clip 'nước lá tía tô chữa khỏi ung thư giai đoạn cuối'. Đây là thông tin sai, Bộ Y tế đã cảnh báo.",
        "Hôm nay cô cho lớp 7A thảo luận về bắt nạt trên mạng: những câu như 'mày ngu thế', 'đồ béo' tưởng đùa nhưng làm bạn tổn thương thật.",
        "Công an xã khuyến cáo: không cung cấp số CCCD, mã OTP cho bất kỳ ai. Nếu nghi ngờ bị lừa đảo, gọi ngay 113.",
    ] {
        assert_no_findings(&e, t);
    }
    // The same forms that pass a paper on, quote a threat in a report, or hold someone else's
    // number stay findings.
    assert_underlined(
        &e,
        "Tập huấn dặn văn bản có dấu Mật thì không được chụp, nhưng em chụp được đây",
        "có dấu Mật",
        |f| f.category == Category::InternalDocument,
    );
    assert_underlined(
        &e,
        "Nó nhắn cho tôi 'tao giết mày' ngay trước cổng",
        "tao giết mày",
        |f| f.category == Category::Inflammatory,
    );
    assert_underlined(
        &e,
        "Shop mình bị con này bom hàng, sđt nó 0912 345 678 ai gặp thì báo",
        "0912 345 678",
        |f| f.category == Category::PersonalData && f.severity >= Severity::Warning,
    );
}

/// Risky forms of the third blind round (`adv17`): readers who know whom the writer means,
/// not wanting to name, leading readers to name or judge, a teller six words from "nghe" or
/// who "kể hết", a paper qualified "ra ngoài" or after "bản này phòng", "đóng dấu mật" typed
/// flat (not "mất dạy").
#[test]
fn third_round_risky_forms() {
    let e = engine();
    for (t, cue) in [
        (
            "Có người ở sở mình ngồi ghế mà không biết ngại. Anh em trong sở nghe là biết đang nhắc ai.",
            "biết đang nhắc ai",
        ),
        (
            "Thôi, mình chẳng muốn nhắc tên. Mọi người thấy ai hay ngồi phòng hiệu trưởng nhất thì biết ngay thôi mà 🙂",
            "chẳng muốn nhắc tên",
        ),
        (
            "Co ng o phong TC-KH dao nay di xe moi, hieu thi tu hieu nha ae. Ai biet thi cmt ten vao day cho vui 😂",
            "Ai biet thi cmt ten vao day",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::Insinuation);
    }
    for (t, cue) in [
        (
            "Bà con oi, nghe may ba ban ca ngoai cho bao nuoc song nhiem doc roi, ca chet trang song.",
            "nghe may ba ban ca ngoai cho bao",
        ),
        (
            "CÔNG TY MÔI TRƯỜNG ĐỔ TRỘM RÁC THẢI Y TẾ XUỐNG SÔNG. Bạn em làm trong đó kể hết rồi.",
            "Bạn em làm trong đó kể",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.rule_id == "unverified_claim.hearsay");
    }
    for (t, cue) in [
        (
            "Gửi cả nhóm ảnh công văn Sở gửi các bệnh viện, bên trên đóng dấu KHẨN, chưa công bố ra ngoài đâu.",
            "chưa công bố",
        ),
        (
            "Lộ danh sách dự kiến giáo viên bị điều chuyển năm học tới rồi các cô ơi, bản này phòng chưa công bố đâu.",
            "chưa công bố",
        ),
        (
            "Cac thay co oi, de kiem tra cuoi ky phong gui xuong co dong dau mat day, em chup lai roi.",
            "dong dau mat",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::InternalDocument);
    }
    let r = e.analyze(
        "Cac thay co oi, de kiem tra phong gui xuong co dong dau mat day, em chup lai roi.",
    );
    assert!(
        r.findings
            .iter()
            .all(|f| f.category != Category::Inflammatory),
        "{:?}",
        r.findings
    );
}

/// A classification mark quoted as written on a named paper or as its stamp (ninth session):
/// "có ghi 'Mật'", "đóng dấu “Mật”"; not a dish's name or a file's.
#[test]
fn marks_quoted_on_papers() {
    let e = engine();
    for (t, cue) in [
        (
            "Anh em thôn đội ơi, bản kế hoạch tuyển quân năm nay em gửi trước đây, trên góc có ghi 'Mật' nên anh em đọc trong nhóm thôi nhé.",
            "Mật",
        ),
        ("Ảnh chụp trang đầu quyết định kỷ luật, góc trên còn đóng dấu “Mật” đỏ chót", "Mật"),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::InternalDocument);
    }
    for t in [
        "Quán mình có món 'Mật' ong rừng",
        "Cô ấy ghi 'Mật' vào tên file cho vui",
    ] {
        assert_no_findings(&e, t);
    }
}

/// The ninth session's breaker, against its own exemptions and new phrases: risky posts the
/// exemptions had let through (declining and then retelling, insults quoted at someone, "X là
/// lừa đảo" of a person, denials asked about or reported, …) and everyday posts the new
/// phrases had flagged (exam schedules, "tháng sau mới công bố", "thay nhau gọi", "đ mẹ" for
/// "được mẹ", lost dogs, cancer survivors, software "chỉ dùng trong nội bộ", …). Each was right
/// with the eighth session's rules, wrong with the first version of this session's, and is
/// right again.
#[test]
fn ninth_breaker_cases() {
    let e = engine();
    let warns = |t: &str| {
        e.analyze(t)
            .findings
            .iter()
            .any(|f| f.severity >= Severity::Warning)
    };
    for t in [
        "Mình xin phép không gửi file vì đó là tài liệu nội bộ. Đại ý là tháng 7 huyện cắt 30% biên chế phòng kế toán, anh Hùng bị điều chuyển xuống xã.",
        "Em ko gửi file dự thảo quy chế được đâu vì đang là dự thảo của sở. Chép tay lại mấy điểm chính: giảm phụ cấp 20%, bỏ thưởng Tết.",
        "công văn khẩn của sở gửi trước cho các trường, đừng share nhé. khẩn là gì thì ai cũng biết",
        "Thằng Hùng xóm 3 nó bắt nạt con tôi, tôi nói thẳng: 'mày là thằng chó mất dạy, tao đập cho nhừ tử'",
        "Ví dụ thôi nhé, nhưng con Lan kế toán phòng mình đúng là “đồ óc chó, con đĩ” chứ còn gì nữa",
        "Gửi con Trang lớp 9A: “mày là con đĩ, đồ khốn nạn, ra cổng trường tao xử”. Nói kiểu như vậy đấy, nhớ mặt.",
        "Tôi chỉ muốn nói với bà Tư bán thịt đầu ngõ mấy từ ngữ thôi: \"đồ khốn nạn, lừa đảo, mất dạy\"",
        "\"Thằng trưởng công an xã Phú Lương là đồ chó, ai gặp thì đánh cho nhừ tử\" - ví dụ một comment mình thấy, các bạn nghĩ sao",
        "ví dụ nhé: 'thằng Tuấn phòng kế toán óc chó' hehe",
        "Mấy từ ngữ này dành tặng lão Bình tổ trưởng: 'đồ mặt dày', 'đồ khốn nạn'. Ai quen thì chuyển lời giùm.",
        "Những câu như \"đừng nói thế\" hay \"thằng Hải đúng là thằng khốn nạn\" là của tôi nói với nó đấy, nó bắt nạt em tôi",
        "co dau mat day that, dam cuoi ma doi vang 10 cay",
        "Thằng Hùng đóng dấu mất dạy vào đời nó rồi",
        "Độ mặt dày của lão trưởng thôn thì khỏi bàn",
        "Thằng Tuấn ở xóm 4 là lừa đảo, mọi người tránh xa nó ra",
        "Bà Hoa bán vàng ở chợ Đầm là lừa đảo, ai quen thì né",
        "Con Hằng hàng xóm đúng là lừa đảo, vay tiền không trả",
        "Tụi mày chờ đấy, tối nay anh em tao qua đập phá tường nhà mày",
        "Chủ nhà trọ đuổi tôi, tôi sẽ đập phá phòng nó cho bõ tức",
        "Mụ chó hàng xóm lại chửi đổng cả buổi sáng",
        "Nghe nói bà Hoa bán hàng ở chợ Đầm ôm tiền hụi của cả xóm bỏ trốn rồi, đúng là lừa đảo",
        "Chia sẻ bài này cho 10 người, ai không share sẽ gặp xui cả năm. Đừng nghe ai bảo đây là lừa đảo nhé",
        "Uống nước chanh nóng chữa khỏi hẳn ung thư, share mạnh cho mọi người. Bộ Y tế đã lên tiếng cảnh báo rồi đấy",
        "Nghe nói chồng chị Mai tổ 5 ngoại tình, tin này là thông tin sai à mọi người?",
        "Có người nói ông trưởng công an huyện nhận tiền chạy án, bảo là thông tin sai thì ai tin",
        "Gửi tin này cho 15 người, không gửi sẽ gặp xui xẻo. Nhiều người bảo là lừa đảo nhưng mình thấy linh lắm",
        "Cần tìm người quen tên Hoa ở quận Cầu Giấy, email hoa.dang88@gmail.com, ai biết báo giúp",
        "Vợ ông Tùng ở trung tâm y tế, email tung.le1980@yahoo.com",
        "Em gái xinh ở quán trà sữa đầu ngõ, email em ấy mai.pham2003@gmail.com, anh em làm quen đi",
        "Mình xin phép không gửi file vì đó là tài liệu nội bộ. Đại ý là tháng 7 huyện cắt 30% biên chế phòng kế toán.",
        "Xin phép không chia sẻ vì là tài liệu mật của Sở, đại khái là 5 hiệu trưởng sắp bị kỷ luật vì thu sai, có cả trường Hoà Bình",
        "Dự thảo quy chế lương của sở chưa ban hành nên em chưa thể chia sẻ. Khi ban hành chính thức thì ai cũng biết, nhưng em chụp được bản dự thảo đây, mọi người xem trước",
    ] {
        assert!(warns(t), "{t:?}: {:?}", e.analyze(t).findings);
    }
    for t in [
        "Đề kiểm tra giữa kỳ thứ Năm mới thi, đề gồm 40 câu trắc nghiệm, câu 1 đến câu 10 là phần ngữ pháp, các con ôn kỹ nhé",
        "Nhà trường thông báo: đề thi còn niêm phong, thông tin lộ đề trên mạng là sai sự thật, phụ huynh yên tâm.",
        "Lịch thi học kỳ: thứ Hai mới thi môn Toán, đề thi do Phòng giáo dục ra, phụ huynh có thắc mắc thì inbox cô nhé.",
        "Con chưa thi xong nên chưa có đáp án, cô sẽ gửi đáp án sau khi thi nhé.",
        "Cô ơi đề thi học kỳ khi nào mới thi ạ? Con chưa thi môn Sử, cô gửi con lịch với ạ",
        "Hôm nay đề thi môn Văn lớp con chưa thi nên chưa biết đề thế nào, mai con kể mẹ nghe câu 2 có khó không",
        "Danh sách học sinh trúng tuyển lớp 10 của quận tháng sau mới công bố, các mẹ đừng sốt ruột.",
        "Kế hoạch nghỉ Tết Nguyên đán của tỉnh tuần sau mới ban hành, mọi người chờ nhé.",
        "Quyết định tăng lương cơ sở của Chính phủ tháng sau mới ban hành, anh em công chức chờ thêm chút.",
        "Hồ sơ xin cấp sổ đỏ của nhà em nộp lên huyện rồi, mai mới ký, vui quá",
        "File danh sách lớp học bơi hè của xã, tuần tới mới công khai nha các mẹ",
        "Bản nháp báo cáo tổng kết năm của tổ dân phố, bản này phường chưa duyệt, mời bà con góp ý trước khi họp.",
        "Bạn nào biết con dấu “Mật” trên văn bản nhà nước có ý nghĩa gì không ạ? Mình đang học môn văn thư.",
        "Con trai mình chơi trò điệp viên, làm cái kế hoạch bắt trộm bánh, trên góc có ghi 'Mật' to đùng, cưng xỉu",
        "Đây là bài tập môn soạn thảo văn bản: đề yêu cầu trình bày một công văn có dấu “Khẩn” và dấu “Mật” đúng quy định.",
        "Dạo này mình não ngắn quá, quên cả chìa khóa xe",
        "Cá vàng não ngắn thật, ba giây là quên",
        "Hôm nay con đ mẹ cho đi chơi công viên, vui lắm",
        "e đ má cho tiền mua sách r, ko cần mượn nữa",
        "Tháng này đ mẹ thưởng điện thoại mới vì thi tốt",
        "Con đ má dẫn đi ăn kem nè",
        "Hai vợ chồng thay nhau gọi con dậy đi học mà nó vẫn ngủ",
        "Mấy anh em trong nhà thay nhau gọi điện hỏi thăm bà nội ốm",
        "Cả lớp thay nhau nhắn tin động viên bạn Minh đang nằm viện",
        "Các con thay nhau gọi video về cho ông bà dịp Tết",
        "Tối qua hai mẹ con thay nhau gọi cửa mãi chẳng ai mở, hóa ra ông ngủ quên",
        "Đội nhà thua trận, bị đối thủ dạy cho một bài học nhớ đời",
        "Thua kèo đậm, bị dạy cho một bài học nhớ đời về chứng khoán",
        "Sau 6 đợt hoá trị, bác sĩ nói mẹ mình đã sạch tế bào ung thư. Cảm ơn các y bác sĩ Bệnh viện K rất nhiều!",
        "Bố mình mổ xong ở Bệnh viện Việt Đức, kết quả sinh thiết đã sạch khối u, cả nhà mừng quá",
        "Đề kiểm tra giữa kỳ thứ Năm mới thi, đề gồm 40 câu trắc nghiệm, câu 1 đến câu 10 là phần ngữ pháp, các con ôn kỹ nhé",
        "Cô gửi lịch thi học kỳ 1: thứ Hai mới thi Toán, thứ Ba thi Văn. Đề thi gồm tự luận và trắc nghiệm.",
        "Con chưa thi học kỳ mà đã phải nộp tiền photo đề thi rồi, trường gì kỳ vậy",
        "Mẹ ơi con chưa thi môn Anh, cô bảo đề thi dễ lắm, mẹ đừng lo, con gửi mẹ ảnh lịch thi đây",
        "Kế hoạch nghỉ Tết Nguyên đán của tỉnh tuần sau mới ban hành, mọi người chờ nhé.",
        "Kế hoạch hoà giải của xã, tuần sau mới công khai nha bà con",
        "hai vo chong thay nhau goi con day di hoc",
        "Mấy anh em thay nhau gọi điện hỏi thăm bà nội ốm",
        "Thằng bé nhà mình não ngắn y như mẹ nó, vừa dặn xong đã quên",
        "nao ngan qua, quen ca mang chia khoa",
        "Lớp tập huấn văn thư hôm nay học cách đóng dấu “Mật”, “Tối mật” đúng quy định",
        "Theo quy định, tài liệu đóng dấu “Mật” không được đăng lên mạng xã hội.",
        "Mình bị lạc mất bé cún màu vàng ở khu Linh Đàm, mọi người chia sẻ rộng ra giúp mình với, cảm ơn nhiều",
        "Tìm người thân: bà cụ 80 tuổi đi lạc từ sáng ở chợ Hôm, ai thấy báo giúp, share rộng ra giúp gia đình ạ",
        "Quỹ học bổng cho học sinh nghèo vùng cao đang nhận hồ sơ, mọi người chia sẻ mạnh vào giúp các em nhé",
        "Vụ cháy chung cư mini: còn 3 người mắc kẹt chưa được đưa ra ngoài, lực lượng cứu hộ đang nỗ lực.",
        "Phần mềm chấm công này chỉ dùng trong nội bộ công ty mình thôi, ai cần bản miễn phí thì tải bản khác nhé",
        "Xe đưa đón chỉ dùng trong cơ quan, không chở người ngoài nhé các bác",
        "Hàng hoá trong kho chưa được phép đưa ra ngoài vì còn đang kiểm kê",
        "Thuốc này chỉ sử dụng trong nội bộ bệnh viện, người bệnh không tự mua được",
    ] {
        assert!(!warns(t), "{t:?}: {:?}", e.analyze(t).findings);
    }
}

/// Clean posts of the ninth session's fourth blind round (`adv18`): a party cell's training
/// forbidding to post marked papers (typed flat), lessons and group rules that quote what not to
/// say or share, a repair shop's own number ("Gọi em …"; after a bare "Gọi" it is a known
/// failure: see the last breaker).
#[test]
fn fourth_round_clean_posts() {
    let e = engine();
    for t in [
        "Chieu nay chi bo sinh hoat chuyen de ve ung xu tren mang xa hoi: dang vien khong duoc dang van ban co dong dau Mat, tai lieu luu hanh noi bo cua co quan len Facebook, Zalo. Dong chi nao vang thi xin tai lieu huong dan o van phong.",
        "Hôm nay cô dạy các con: gọi bạn là 'đồ ngu' hay 'con heo' là làm bạn buồn lắm. Mình nói 'bạn giúp tớ nhé' thay vì chê bai nhau.",
        "Góp ý nhỏ cho nhóm: mấy câu kiểu 'ai hiểu thì hiểu', 'nói ai người đó tự biết' dễ gây hiểu lầm và mất đoàn kết. Có việc gì chưa đúng thì nêu rõ sự việc và gửi qua hộp thư góp ý của khu phố nhé.",
        "Cửa hàng sửa xe Tuấn Phát, số 14 đường số 7 KDC Trung Sơn, nhận vá vỏ, thay nhớt, cứu hộ xe tận nơi. Gọi em 0903 888 414 nha anh em.",
        "admin nhac: nhom minh cam dung tu miet thi vung mien nhu 'parky', 'rau muong', 'nam ky'; ai co tinh dung se bi xoa bai va moi ra khoi nhom. mong ca nha thong cam.",
        "Thật ra mấy tin mở đầu bằng 'nghe nói', 'nghe đồn' mà đi kèm chuyện bắt bớ ai đó thì mình nên dừng lại, tìm trên báo chính thống trước đã rồi hãy chia sẻ.",
    ] {
        assert_no_findings(&e, t);
    }
    // Someone else's number after "gọi", and a quoted slur aimed at someone, stay findings.
    assert_underlined(
        &e,
        "0969779003 gọi hằng đêm kiếm ẻm này nha",
        "0969779003",
        |f| f.category == Category::PersonalData && f.severity >= Severity::Warning,
    );
    assert_underlined(
        &e,
        "Nói thẳng với mấy đứa bắt nạt con tôi: 'lũ mất dạy', cút về quê đi",
        "lũ mất dạy",
        |f| f.category == Category::Inflammatory,
    );
}

/// "tai lieu mat day" typed flat is "tài liệu mật đây" (a new user's case), not the insult
/// "mặt dày"; "đồ mất dạy" typed flat stays one.
#[test]
fn flat_secret_paper_is_no_insult() {
    let e = engine();
    let r = e.analyze("tai lieu mat day, share gap");
    assert!(
        r.findings
            .iter()
            .all(|f| f.category != Category::Inflammatory),
        "{:?}",
        r.findings
    );
    // The insult takes the word that aims it ("do"): removing it must not leave "do".
    assert_underlined(&e, "may la cai thu gi, do mat day", "do mat day", |f| {
        f.category == Category::Inflammatory
    });
}

/// The ninth session's last breaker: insults and hearsay quoted at named people in posts that
/// also hold a lesson word, quotations "labelled" by "là giải pháp", someone else's number after
/// "gọi" in a post with an ad word, a negation of another verb before "gửi tài liệu mật", and
/// giveaways that say "lan toả ngay kẻo hết suất".
#[test]
fn last_breaker_cases() {
    let e = engine();
    let warns = |t: &str| {
        e.analyze(t)
            .findings
            .iter()
            .any(|f| f.severity >= Severity::Warning)
    };
    for t in [
        "Con Lan lớp 7A đúng là \"đồ ngu\", nó hay bắt nạt em tôi.",
        "Thằng Tùng nhà số 5 bắt nạt con tôi suốt. Nó đúng là “thằng mất dạy”, “đồ súc sinh”.",
        "Mấy câu tôi muốn nói với cả xóm về mụ Hoa bán rau: “con mụ khốn nạn”, “đồ mặt dày”.",
        "Mấy câu tôi dành cho mụ Hoa bán rau đầu ngõ: “đồ khốn nạn”, “đồ mặt dày”, “vô học”.",
        "Ông Bình trưởng thôn miệt thị dân, nên tôi gọi ông ta là “đồ súc sinh” cho đáng.",
        "Cấm dùng từ “ngu” trong nhóm à? Vậy thì anh Khoa admin đúng là “đồ óc chó”.",
        "Con bé Ngân lớp 9 chê bai bạn bè suốt, đúng là 'con đĩ' 'đồ rác rưởi'.",
        "Tôi không bắt nạt ai, chỉ nói sự thật: chị Thảo kế toán là “đồ ăn cướp”, “quân ăn trộm”.",
        "Bà con nghe mấy câu này: “Nghe nói ông Hùng chủ tịch xã nhận hối lộ 2 tỷ”, “nguồn tin thân cận cho biết” đã có quyết định bắt.",
        "Thằng Phúc đừng tổn thương nhé, nhưng mày đúng là “thằng ngu”, “não tàn”.",
        "Bọn nó bắt nạt con tôi, thằng Quân cầm đầu. Tôi gọi nó là \"thằng khốn nạn\" thì sao?",
        "Mấy câu gửi cho thằng Vĩnh: “tao sẽ giết mày”, “liệu mà giữ con”.",
        "Chị Hoa ở \"tiệm vàng Kim Ngân\" là lừa đảo, mọi người tránh xa.",
        "Số của thằng Tuấn nợ tiền: \"0912 345 678\" là giả hay thật ai biết không?",
        "Thằng Nam, \"tao sẽ đâm chết mày\" là giải pháp cuối cùng của tao đấy.",
        "Lão Bình \"đồ súc sinh\" là lừa gạt cả xóm bao năm nay.",
        "Địa chỉ nhà mụ Thu: \"số 12 ngõ 45 Trần Duy Hưng\" là giả vờ ở đó thôi, ai rảnh qua hỏi.",
        "Ông Thành \"chủ nhà trọ\" là lừa đảo, ai từng thuê thì biết.",
        "Shop mình bị khách bom hàng 3 đơn liền, ai biết chị này không? Gọi 0912 345 678 toàn không nghe máy.",
        "Ai biết anh Sơn thợ điện không, nhận sửa xong bỏ dở, gọi 0903 123 456 mãi không được. Mọi người gọi hỏi giúp em.",
        "Cả nhà ơi chồng cũ em gọi 0934 567 890 đòi con suốt, em đang order đồ cho bé mà cứ bị làm phiền.",
        "Em gái xinh ở tiệm trà sữa đầu ngõ dễ thương quá, ai xin được số thì gọi 0977 888 999 là em ấy đó.",
        "Hàng xóm em là chị Hằng, ai cần đặt hàng hộ gọi 0905 447 218 cho chị ấy nhé, chị ấy không biết đâu.",
        "Khuyến mãi cuối tuần! Ai quen bà Tâm bán cá chợ Bến Thành thì gọi 0918 222 333 nói bà trả tiền hàng cho tôi.",
        "Không ai biết tôi gửi tài liệu mật này cho phóng viên.",
        "Không ngờ sếp lại gửi văn bản mật cho cả phòng, mình chụp lại cho anh em xem.",
        "Không cần xin phép ai, tôi đăng luôn tài liệu mật của Sở Tài chính.",
        "Ko ai cấm mình share văn bản mật của huyện cả, cứ đọc đi.",
        "Không biết ai đã gửi tài liệu tuyệt mật của Bộ cho tôi, nội dung rất sốc.",
        "Chẳng ai dám gửi văn bản mật lên mạng, trừ tôi. Văn bản mật của UBND tỉnh về nhân sự.",
        "Không sợ bị kỷ luật, em đưa tài liệu mật của phòng lên group cho mọi người.",
        "Không thể để dân bị lừa mãi, tôi quyết định đăng văn bản có đóng dấu Mật của UBND xã.",
        "Cấm đoán làm gì, mình gửi tài liệu mật của công an huyện lên nhóm rồi.",
        "Thằng Nam, \"tao sẽ đâm chết mày\" là giải pháp cuối cùng.",
        "(see /tmp/brk13/m_1000000.txt: 'tài liệu mật ' x ~77k, one line, no ':')",
    ] {
        assert!(warns(t), "{t:?}: {:?}", e.analyze(t).findings);
    }
    for t in [
        "Shop quần áo Lan Chi, đặt hàng gọi 0912 345 678, giao tận nơi.",
        "Không dùng Zalo cá nhân để gửi văn bản mật.",
        "Tiếng Anh của mình dở lắm, mọi người hiểu sao thì hiểu nhé haha.",
        "Con mèo nhà mình cứ nghe réo tên nó là chạy ra liền, cưng ghê.",
        "Cô giáo réo tên nó lên bảng mà nó vẫn ngủ gật, mẹ nghe kể mà buồn cười.",
        "Chương trình tặng sách miễn phí cho các bé vùng cao, lan toả ngay kẻo hết suất nhé cả nhà!",
        "Bé nhà em 2 tuổi rồi mà hông nói tên mình được, có sao không các mẹ?",
        "Món này nấu bằng lá gì bà con tự đoán xem nhé, ai đúng mình tặng 1 hũ mắm.",
        "Quán này nấu ngon mà rẻ, ai ở gần thì ghé, mình hông nói tên quán vì không phải quảng cáo.",
        "Đố vui: con gì càng lớn càng nhỏ? Bà con tự đoán đi, tối mình đăng đáp án.",
        "Hướng dẫn sử dụng máy giặt mới mua, chữ Hàn hết nên hiểu sao thì hiểu, mò mãi cũng chạy.",
        "Nhà có 2 đứa tên giống nhau, cứ réo tên nó thì đứa kia cũng chạy ra.",
        "Giảm giá 50% hôm nay thôi, lan toả ngay kẻo lỡ nha mọi người!",
        "Thằng cu nhà mình tập nói, hỏi tên thì hông nói tên, chỉ cười.",
    ] {
        assert!(!warns(t), "{t:?}: {:?}", e.analyze(t).findings);
    }
}

/// Tenth session: a classification mark that is a work's title, and a threat a court report
/// quotes, are not findings; a paper in lower case, a mark asked to be kept secret, a threat the
/// writer makes or quotes from a story are.
#[test]
fn titles_and_reported_threats() {
    let e = engine();
    for t in [
        "Vừa đọc xong cuốn \"Tài liệu mật\" của Nguyễn Văn X, hay lắm mọi người ạ.",
        "Vừa đọc xong tiểu thuyết TÀI LIỆU MẬT, cái kết bất ngờ quá.",
        "Phim \"Hồ sơ tuyệt mật\" chiếu tối nay trên VTV3, cả nhà nhớ xem.",
        "Theo cáo trạng, bị cáo đã nhắn tin cho nạn nhân \"tao giết mày\" trước khi gây án (báo Tuổi Trẻ).",
        "Đối tượng còn quát “chúng mày cút hết” rồi bỏ chạy, công an đang truy tìm.",
        "Theo cáo trạng, bị cáo khai đã chửi nạn nhân là “đồ chó” rồi đánh.",
    ] {
        let f = e.analyze(t).findings;
        assert!(f.is_empty(), "{t}: {f:?}");
    }
    for (t, cat) in [
        ("Gửi anh em cuốn tài liệu mật của sở, đọc xong xóa nhé.", Category::InternalDocument),
        ("Chụp cho mọi người cuốn Tài liệu mật của phòng, đừng share nhé", Category::InternalDocument),
        ("Ai có cuốn \"Tài liệu mật\" của UBND tỉnh không cho mình xin", Category::InternalDocument),
        ("Tao nói với nó \"tao giết mày\" rồi đấy", Category::Inflammatory),
        ("Thằng hàng xóm dọa \"tao giết mày\", mọi người ơi", Category::Inflammatory),
        (
            "Có một người đàn ông nọ đứng ở giữa quảng trường và hét to: \"Lãnh đạo đất nước là những thằng ngu\".",
            Category::Inflammatory,
        ),
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter().any(|x| x.category == cat && x.severity >= Severity::Warning),
            "{t}: {f:?}"
        );
    }
}

/// Tenth session: document numbers of Decree 13/2023 (passport, health-insurance card,
/// social-insurance number, driving licence) after the document's name; not the bare words.
#[test]
fn document_numbers() {
    let e = engine();
    for (t, span) in [
        (
            "Nhặt được hộ chiếu tên Nguyễn Văn An, số C1234567, ai quen báo giúp",
            "C1234567",
        ),
        (
            "Bà Lựu ở xóm 3, thẻ BHYT HT2797912345678, dương tính lao phổi.",
            "HT2797912345678",
        ),
        ("Mã số BHXH của chị Hoa là 7915123456 nhé", "7915123456"),
        (
            "Bằng lái của thằng đó: GPLX số 790123456789",
            "790123456789",
        ),
        (
            "Mã số BHXH của chị Hằng kế toán là 0123456789",
            "0123456789",
        ),
        (
            "GPLX của ông tài xế xe khách Phương Trang hôm qua: 790123456789",
            "790123456789",
        ),
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter()
                .any(|x| x.category == Category::PersonalData && &t[x.span.clone()] == span),
            "{t}: {f:?}"
        );
    }
    for t in [
        "Mình vừa làm hộ chiếu mới, mất 8 ngày, nhanh ghê.",
        "Đơn hàng AB1234567 giao chưa shop?",
        "Nhớ mang theo thẻ BHYT khi đi khám nhé các cụ.",
        "Tổng đài BHXH Việt Nam 1900 9068 hỗ trợ tra cứu.",
    ] {
        let f = e.analyze(t).findings;
        assert!(f.is_empty(), "{t}: {f:?}");
    }
}

/// Tenth session, a new user's findings: a named person's number is theirs, not the writer's,
/// even with "ai cần" or their workplace named ("chị Lan bên công ty cũ"); a shop's offer
/// naming its seller stays the shop's line; a book's title after "quyển" in a post about
/// reading it is no mark.
#[test]
fn named_peoples_numbers_and_book_titles() {
    let e = engine();
    for t in [
        "Số chị Lan đây 0987654321, ai cần thì gọi",
        "Ai cần liên hệ chị Lan thì gọi 0987654321",
        "Ai cần liên hệ chị Lan bên công ty cũ thì gọi số này nhé 0987654321",
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter()
                .any(|x| x.category == Category::PersonalData && x.severity >= Severity::Warning),
            "{t}: {f:?}"
        );
    }
    for t in [
        "Đặt hàng liên hệ chị Hoa 0905123456 nhé",
        "Cho thuê xe 7 chỗ đi tỉnh, gọi anh Tuấn 0913 579 246, giá mềm.",
        "Đọc xong quyển Hồ sơ tuyệt mật hay quá",
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter().all(|x| x.severity < Severity::Warning),
            "{t}: {f:?}"
        );
    }
}

/// Tenth session: a markdown link whose text shows another domain than its target is `high`
/// (`suspicious_link.deceptive_link_text`); text and target of the same domain, or words as
/// the text, are not.
#[test]
fn deceptive_markdown_link_text() {
    let e = engine();
    let t = "Xem [https://chinhphu.vn](https://evil.xyz/login) nhé";
    let f = e.analyze(t).findings;
    assert!(
        f.iter()
            .any(|x| x.rule_id == "suspicious_link.deceptive_link_text"
                && x.severity == Severity::High
                && &t[x.span.clone()] == "https://evil.xyz/login"),
        "{f:?}"
    );
    for t in [
        "Xem [chinhphu.vn](https://chinhphu.vn/tin) nhé",
        "Xem [đây](https://vnexpress.net/a) nhé",
        "[youtube.com](https://youtu.be/dQw4w9WgXcQ)",
        "[facebook.com/quanbunbo](https://fb.com/quanbunbo)",
        "Hai trang: https://chinhphu.vn và https://vnexpress.net",
    ] {
        let f = e.analyze(t).findings;
        assert!(f.is_empty(), "{t}: {f:?}");
    }
}

/// Tenth session: a breaker's cases against this session's rules (315 written; the ones the
/// rules get right, kept right): clean posts that hold the new phrases in innocent senses get
/// no finding, and the risky ones get a finding of each expected category.
#[test]
fn tenth_breaker_cases() {
    let e = engine();
    for t in [
        "Ai có Đề cương ôn tập VL 11 học kỳ 2 cho mình xin với, mai kiểm tra rồi",
        "Đề cương VL 12 chương dao động cơ, mn tham khảo nha",
        "Cô vừa gửi đề cương VL lớp 10, ai cần thì inbox mình",
        "Thi xong VL đại cương rồi, giờ chỉ còn môn Hóa thôi",
        "Bài tập VL 11 chương điện tích - điện trường, câu 5 làm sao vậy mọi người?",
        "Bộ đề thi thử THPT môn VL năm 2025 có đáp án chi tiết, tải miễn phí",
        "Trại heo nhà bác Tư có 3 con mắc dịch tả lợn châu Phi, đã báo thú y xã tiêu hủy",
        "Nhà mình nuôi 20 con gà, có 2 con mắc dịch cúm nên phải tiêu hủy cả chuồng",
        "Năm nay xóm mình có mấy con mắc dịch lở mồm long móng, bà con nhớ tiêm phòng cho trâu bò",
        "Hôm qua trốn học đi net bị bố cho một trận nên thân, giờ vẫn còn ê mông 😂",
        "Arsenal bị Man City cho một trận bầm dập 4-0, fan Pháo thủ buồn thiu",
        "Trận bão tối qua cho một trận tơi bời, cây cối ngoài đường đổ hết",
        "Đội tuyển bóng chuyền nữ vừa bị Thái Lan cho một trận tơi bời 0-3, buồn ghê",
        "Đánh chết tui cũng không ăn sầu riêng đâu, mùi ghê lắm",
        "Đánh chết tớ cũng không dám nhảy bungee",
        "Mấy hôm nay bị tổng đài bảo hiểm gọi khủng bố cả ngày, chặn số này lại số khác",
        "Dạo này app vay tiền gọi khủng bố cả danh bạ của mình dù mình không vay, báo công an ở đâu vậy mọi người?",
        "Cuối năm lớp mình nộp báo cáo tập thể lớp tiên tiến lên trường rồi",
        "Bản báo cáo tập thể của phòng kế toán cần nộp trước thứ Sáu nhé mọi người",
        "Hội đồng thi đua đã nhận báo cáo tập thể của các chi đoàn, kết quả công bố tuần sau",
        "Dùng hack trong Liên Quân là bị Garena cho bay acc vĩnh viễn đấy, đừng dại",
        "Cuối tuần cả lớp kéo đến tận nhà cô chủ nhiệm chúc mừng 20/11, cô cảm động lắm",
        "Sinh nhật con bé, mấy đứa bạn kéo tới tận nhà làm bất ngờ, vui ghê",
        "Mùng 2 Tết họ hàng dưới quê kéo qua tận nhà chúc Tết từ sáng sớm",
        "Tối nay qua nhà tao nhậu nha, tao mới bắt được mấy con cá lóc",
        "Theo cáo trạng, bị cáo đã nhắn cho nạn nhân “tao giết mày” rồi cầm dao đến nhà",
        "Theo lời khai, nghi phạm đã quát “đồ con lợn” trước khi đánh nạn nhân",
        "Con ong to đốt sưng cả tay, đau quá mọi người ơi",
        "Hom nay bi con ong to dot sung ca tay, dau qua",
        "Đố vui cuối tuần: con gì càng to càng nhỏ? Anh em tự đoán đi, chiều mình công bố đáp án",
        "Bé nhà mình sắp chào đời rồi, cả nhà tự đoán xem là trai hay gái nha 👶",
        "Chiếc xe này giá bao nhiêu các bác tự đoán thử, ai gần đúng nhất mình tặng móc khóa",
        "Môn Ngữ văn lớp 9 có bài rèn kỹ năng đọc giữa các dòng để hiểu hàm ý của tác giả",
        "Truyện ngắn của Nam Cao phải đọc kỹ giữa các dòng mới thấy hết cái hay",
        "Trước khi đi phỏng vấn nhớ tự soi gương lại xem cà vạt thẳng chưa nhé",
        "Game này cho bạn chọn một nhân vật nào đó trong 20 tướng để bắt đầu hành trình",
        "Lễ hội hóa trang: mỗi bạn hóa thân thành một nhân vật nào đó trong truyện cổ tích nhé",
        "Nhiều chuyên gia dự đoán startup này sẽ được một ông lớn nào đó trong ngành thương mại điện tử mua lại",
        "Theo Luật Cán bộ, công chức, nếu một lãnh đạo nào đó vi phạm thì vẫn bị xử lý như mọi công chức khác",
        "Làm theo hướng dẫn từng bước là chắc tự hiểu cách cài thôi, không khó đâu",
        "Con 6 tuổi rồi, giải thích một lần là chắc tự hiểu, không cần la mắng",
        "Đọc thấy nhột ghê, y chang mình hồi sinh viên tháng nào cũng hết tiền giữa tháng 😂",
        "Bài báo không nêu đích danh doanh nghiệp nào vi phạm, chỉ nói có 5 đơn vị bị xử phạt",
        "Cảm giác đứng trên đỉnh Fansipan lúc bình minh thế nào thì ai ở đó khắc biết, không tả nổi",
        "Có câu hỏi gì về khóa học cứ để lại bên dưới, mình sẽ trả lời hết nhé",
        "Ai cần file mẫu đơn xin nghỉ phép cứ để lại bên dưới, mình gửi qua tin nhắn",
        "Giveaway 3 cuốn sách! Ai muốn nhận vô comment đi, tối nay mình bốc thăm",
        "Ai chưa hiểu bài tập về nhà thì vào cmt đi, cô giải đáp cho",
        "Xem tới tập cuối mới thấy bộ mặt thật của tên phản diện, diễn viên đóng quá đỉnh",
        "Thám tử lừng danh Conan tập mới cuối cùng cũng cho fan thấy bộ mặt thật của Vermouth",
        "Lâu rồi chưa gặp, tuần sau họp lớp cho biết mặt nhau luôn",
        "Nhóm chat lập được 2 năm mà chưa gặp ngoài đời, cuối tuần cà phê cho biết mặt nhau đi mọi người",
        "Dẫn người yêu về ra mắt cho bố mẹ biết mặt, hồi hộp quá",
        "Tết này đưa cháu về quê cho ông bà biết mặt",
        "Hôm qua ông bà nội lên thăm, con bé chắc tự hiểu là phải chào nên khoanh tay chào rất ngoan",
        "Mẹ bảo con gái lớn rồi, nói vậy chắc tự hiểu, không cần nhắc nhiều",
        "Phòng mình tuần này ai cũng chăm, sếp khen cả nhóm chứ không nêu đích danh riêng ai",
        "Mình không muốn nêu đích danh cửa hàng vì họ đã xin lỗi và hoàn tiền rồi, chỉ nhắc mọi người kiểm tra hàng khi nhận",
        "Đề thi đọc hiểu năm nay yêu cầu học sinh đọc giữa các dòng bài thơ của Xuân Quỳnh",
        "Ai trong ngành y cũng đoán được ca này là sốt xuất huyết, triệu chứng điển hình quá",
        "Không cần nói rõ tên sản phẩm, chỉ cần mô tả triệu chứng là dược sĩ tư vấn được",
        "Khi gọi tổng đài khiếu nại, bạn không cần nói rõ tên mình nếu muốn ẩn danh",
        "Bạn thân vợ tôi mới sinh em bé, nên mua quà gì cho mẹ và bé ạ?",
        "Cuối tuần này đám cưới bạn thân chồng mình, mặc gì cho hợp nhỉ",
        "Bạn thân vợ mình mở quán cà phê ở Hồ Tây, mọi người ghé ủng hộ nha",
        "Mách nhỏ là quán bún chả đầu ngõ mới có thêm món nem cua bể, ngon lắm nha",
        "Mách nhỏ là trước khi đi Đà Lạt nên đặt phòng sớm, cuối tuần hết sạch",
        "Nghe hàng xóm kể là con bé nhà bên vừa đỗ thủ khoa, mừng cho nó ghê",
        "Hàng xóm bảo là cây xoài nhà mình sai quả nhất xóm năm nay 😄",
        "Ông Nguyễn Văn Hùng, người làm ở Ban quản lý chợ cho hay chợ sẽ mở cửa lại từ thứ Hai",
        "Mình share cho mọi người biết lịch nghỉ Tết Nguyên đán 2025 của học sinh Hà Nội theo thông báo của Sở GD&ĐT",
        "Tài liệu ôn thi IELTS miễn phí, ai thấy hay cứ share cho bạn bè nha",
        "Mình share cho mn file tổng hợp công thức Toán 12 nè, chúc cả nhà thi tốt",
        "Áo đỏ nhớ giặt riêng kẻo bay màu nha mấy bà",
        "Phơi quần áo trong bóng râm kẻo bay màu, kinh nghiệm của mẹ mình đó",
        "Tóc nhuộm xong nhớ dùng dầu gội cho tóc nhuộm kẻo bay màu nhanh",
        "Deal giảm 50% chỉ đến 12h đêm nay, ai cần thì chốt trước khi bay màu nha",
        "Mình forward cho cả nhà lịch họp lớp và danh sách đóng quỹ nhé",
        "Shop cam kết áo da thật 100%, ảnh shop tự chụp, nhận hàng kiểm tra rồi mới thanh toán",
        "Ảnh thật 100% không chỉnh sửa, mình chụp ở Đà Lạt sáng nay",
        "Công thức làm bánh flan này chuẩn 1000%, mình làm 5 lần rồi lần nào cũng ngon",
        "Bạn nói đúng 1000%, con nít phải cho chơi ngoài trời nhiều hơn",
        "Tôi khẳng định luôn là phở Thìn Lò Đúc ngon nhất Hà Nội, ai cãi thì đi ăn thử",
        "Hai đứa yêu nhau 3 năm rồi mà không dám công khai vì sợ bố mẹ phản đối",
        "Em thích anh ấy lâu rồi nhưng không dám nói công khai, sợ mất tình bạn",
        "Quà sinh nhật cho vợ mình ém đi rồi, bả không biết đâu 🤫",
        "Tụi mình đang chuẩn bị tiệc bất ngờ cho cô chủ nhiệm, lớp trưởng không muốn các bạn biết điều này trước nên ai lỡ biết thì giữ bí mật nha",
        "Sau 2 tuần điều trị ở Bệnh viện Nhi Trung ương, bé nhà mình đã khỏi bệnh hoàn toàn, cảm ơn các y bác sĩ",
        "Bác sĩ bảo bố mình đã khỏi bệnh hoàn toàn sau đợt điều trị viêm phổi, cả nhà mừng quá",
        "Hàng tháng mẹ con mình nhận tiền cấp dưỡng từ bố cháu qua ngân hàng",
        "Bà ngoại mình mỗi tháng nhận tiền cấp từ xã cho người cao tuổi trên 80",
        "Ban quản lý tổ dân phố nhận tiền của dân đóng góp làm đường, có phiếu thu và niêm yết công khai",
        "Bánh kẹo Tết lũ nhỏ chia nhau hết rồi, còn mỗi hộp mứt gừng",
        "Mấy đứa cháu chia nhau hết tiền lì xì mua đồ chơi rồi 😄",
        "Pizza vừa mang lên là cả phòng chia nhau hết rồi, mình chưa kịp ăn miếng nào",
        "Hai gia đình đang dàn xếp để tổ chức đám cưới vào tháng Chạp",
        "Công ty đang dàn xếp để đổi ca cho nhân viên có con nhỏ",
        "Đã nhận của nhà thầu bản vẽ hoàn công, mai anh em phòng kỹ thuật kiểm tra lại",
        "Người dân đã nhận tiền của chủ đầu tư bồi thường đầy đủ theo phương án được duyệt",
        "Tòa án nhân dân TP Hà Nội không chấp nhận kháng cáo, giữ nguyên mức án 8 năm tù với ông A về tội tham ô tài sản",
        "Cơ quan điều tra không tiết lộ danh tính, nhưng cho biết 3 cán bộ địa chính đã nhận tiền của dân khi làm sổ đỏ",
        "Theo thông báo của Viện kiểm sát, bị can không thừa nhận việc nhận tiền của nhà thầu nhưng chứng cứ đã rõ",
        "Báo chí không đưa tin này vì đây là tin giả đã được Bộ TT&TT bác bỏ, mọi người đừng chia sẻ",
        "Vết bầm ở chân mình chườm đá 3 ngày là tan hẳn, không cần thuốc gì",
        "Dì mình làm ở ngân hàng cho hay lãi suất tiết kiệm tháng này giảm 0,2%, ai gửi thì cân nhắc",
        "Nghe hàng xóm nói mai phường phát gạo hỗ trợ ở nhà văn hóa, có ai biết mấy giờ không?",
        "Máy chiếu và loa chỉ dùng trong phòng họp, mượn ra ngoài nhớ báo lễ tân nha",
        "Wifi Meeting chỉ dùng trong phòng họp, mật khẩu dán ở cửa",
        "Công ty mình quy định tài liệu chỉ dùng trong nội bộ phải dán nhãn Internal ở chân trang, mọi người nhớ nhé",
        "Cho em hỏi file PDF thầy gửi có ghi 'tài liệu chỉ dùng trong nội bộ lớp học' thì có được in ra học nhóm không ạ?",
        "Trong Java, annotation @InternalApi đánh dấu API và tài liệu chỉ dùng trong nội bộ thư viện, người dùng không nên gọi trực tiếp",
        "Ngân hàng nhắc nhân viên mới: tài liệu chỉ sử dụng trong nội bộ không được gửi qua email cá nhân",
        "Các quy định về bảo vệ tài liệu mật sẽ được phổ biến trong buổi tập huấn sáng thứ Hai",
        "Chi bộ vừa học Luật Bảo vệ bí mật nhà nước và quy chế quản lý văn bản mật, ai vắng thì xem lại slide",
        "Tối nay VTV3 chiếu phim Hồ sơ tuyệt mật tập 5, ai xem chưa",
        "Đọc xong quyển “Hồ sơ tuyệt mật” rồi, cốt truyện về bộ máy tình báo thời chiến cuốn lắm",
        "Review phim Tài Liệu Mật: nhân viên biên chế phát hiện âm mưu trong bộ máy chính quyền giả tưởng",
        "Vừa đọc xong cuốn Tài liệu mật của Lầu Năm Góc bản dịch tiếng Việt, hay lắm",
        "CV của mình nộp từ tuần trước mà vẫn chưa được duyệt, có ai ứng tuyển vị trí này chưa?",
        "Mẫu CV chưa ký tên đây, các bạn tải về sửa lại thông tin nhé",
        "Quyết định nâng lương của công ty chưa ban hành nên tháng này vẫn nhận lương cũ mọi người ạ",
        "Nghị định về lương tối thiểu vùng năm 2025 đến giờ vẫn chưa ban hành, ai có tin chính thức không?",
        "Đơn xin nghỉ phép của mình chưa được duyệt mà sếp đã giao việc rồi",
        "Hồ sơ vay mua nhà của mình chưa được phê duyệt, sốt ruột quá",
        "Kế hoạch du lịch hè của công ty chưa đưa ra tập thể bàn nên chưa chốt ngày đi",
        "Thông báo lịch tập chỉ gửi nội bộ CLB cầu lông, thành viên mới inbox admin để vào nhóm",
        "Chụp đc tấm này ở triển lãm phim Hồ sơ tuyệt mật, đạo cụ làm y như thật",
        "Mình làm kế toán, bảng lương là tài liệu chỉ dùng trong nội bộ nên không gửi được đâu, bạn hỏi phòng nhân sự nhé",
        "Đề án sắp xếp bộ máy của tỉnh đã ban hành chính thức, bản đầy đủ đăng trên cổng thông tin điện tử tỉnh",
        "Hướng dẫn điền tờ khai: mục 5 ghi số hộ chiếu, ví dụ C1234567 (gồm 1 chữ cái và 7 chữ số)",
        "Hộ chiếu mẫu mới từ năm 2022 có số dạng C1234567, còn mẫu cũ thường bắt đầu bằng chữ B",
        "Mã thẻ BHYT có 15 ký tự, ví dụ HT2797912345678: 2 ký tự đầu là mã đối tượng tham gia",
        "Đơn hàng DH2024567 bao da hộ chiếu của mình giao 5 ngày chưa tới, shop kiểm tra giúp",
        "Mã thẻ quà tặng GC1234567890123 còn hạn không vậy shop?",
        "Mã thẻ thành viên KH2024000012345 tích được 500 điểm rồi, đổi quà gì được ạ",
        "Mã hồ sơ cấp hộ chiếu online của mình là HS2024123, sao 3 tuần chưa có kết quả vậy mọi người",
        "Mình hỏi anh Tuấn ở Bệnh viện Bạch Mai thì được biết số tổng đài của bệnh viện là 024 3869 3731, ai cần đặt lịch khám thì gọi",
        "Chị Hoa bên UBND phường hướng dẫn gọi đường dây nóng của phường 024 3825 1234 để phản ánh rác thải",
        "Đoàn mình check-in xong rồi, anh Minh ở phòng 1205 tòa B, khách sạn Mường Thanh, ai cần gì cứ qua",
        "Bà ngoại Hoa đang nằm ở phòng 405 tòa C, Bệnh viện K Tân Triều, con cháu ai rảnh vào thăm bà",
        "Cuộc họp chuyển sang chỗ anh Dũng ở phòng 702 tòa A, văn phòng Sở Xây dựng nhé",
        "Lớp học thêm của cô Mai ở phòng 305 tòa B, Trường THPT Chu Văn An, các em nhớ đến đúng giờ",
        "Sinh nhật Vy ở căn 1208 tòa B2 Vinhomes, 7h tối thứ Bảy nha cả lớp",
        "Tổng đài BHXH Việt Nam 02439346532 hỗ trợ tra cứu quá trình đóng bảo hiểm",
        "Học phí thi bằng lái hạng A1 năm nay là 1500000 đồng, lệ phí cấp bằng 135000 đồng",
        "Mã số thuế công ty mình là 0101234567, ai cần xuất hóa đơn BHXH cứ lấy",
        "Xem thông tin tại [vnexpress.net](https://vnexpress.net/gia-xang-tang-4567.html)",
        "Clip hướng dẫn ở đây nha: [https://youtu.be/abc123](https://www.youtube.com/watch?v=abc123)",
        "Nhóm mình: [fb.com/groups/hoinguoihanoi](https://www.facebook.com/groups/hoinguoihanoi)",
        "Code mẫu: [github.com/rust-lang/rust](https://raw.githubusercontent.com/rust-lang/rust/master/README.md)",
        "Tải app tại [https://zalo.me](https://zalo.me/pc) nhé",
        "Lịch nghỉ Tết xem tại [chinhphu.vn](https://baochinhphu.vn/lich-nghi-tet-2025.htm)",
        "Đọc thêm ở [Tuổi Trẻ](https://tuoitre.vn/gia-vang-hom-nay.htm) nha",
        "Tài liệu: [docs.google.com](https://drive.google.com/file/d/1abc/view)",
        "Cuối tuần họp lớp cho biết mặt nhau, ai có câu hỏi về địa điểm cứ để lại bên dưới nha",
        "Mách nhỏ là áo này giặt nước lạnh kẻo bay màu, shop cam kết ảnh thật 100%",
        "Tối qua cả hội kéo đến tận nhà Lan ăn mừng, bánh kem chia nhau hết rồi mới nhớ ra chưa chụp ảnh",
        "Phim hay nhất năm: tập cuối thấy bộ mặt thật của trùm phản diện, đọc thấy nhột vì y chang sếp cũ trong phim 😂",
        "Anh em tự đoán xem con mèo này nặng bao nhiêu ký, ai đúng mình mời cà phê",
        "Đánh chết tui cũng không tin nổi đội nhà bị cho một trận bầm dập 0-5",
        "Giải đáp thắc mắc về hộ chiếu: số hộ chiếu in ở góc trên bên phải, dạng một chữ cái và 7 chữ số như C0000000",
        "Cô dạy VL 11 lớp mình hay nói 'các em chắc tự hiểu', mà tụi mình có hiểu gì đâu 😂",
        "Tháng trước đi khám, bác sĩ nói phổi khỏi bệnh hoàn toàn, giờ mình chạy bộ lại được rồi",
        "Con mèo nhà mình ém đi rồi, tìm cả buổi mới thấy nó trốn trong tủ",
        "Ai làm ở công ty giao hàng cho hay là đơn hàng dịp Tết thường trễ 2-3 ngày, mọi người đặt sớm nhé",
        "Quán này chuẩn 1000%, mình ăn từ hồi sinh viên tới giờ vẫn giữ vị",
        "Hôm nay báo cáo tập thể ở hội nghị tổng kết, mình run quá",
        "Mấy đứa nhỏ được ông bà cho một trận cười no bụng với màn ảo thuật",
        "Tao nói thật, món bún bò tao nấu hôm nay ngon nhất xóm",
        "Người nhà làm bếp mách mẹo chiên cá không bắn dầu: thấm khô cá và cho chút muối vào dầu",
        "Dì mình làm trong bệnh viện cho hay khoa nhi đang quá tải vì cúm, ai có con nhỏ nhớ tiêm phòng",
        "Tòa án không chấp nhận kháng cáo của bị cáo Nguyễn Văn A, giữ nguyên án 8 năm tù về tội tham ô tài sản",
        "Viện kiểm sát chưa phê chuẩn quyết định khởi tố ông B về tội nhận hối lộ vì cần bổ sung chứng cứ",
        "Thanh tra tỉnh không công bố tên, nhưng kết luận 2 cán bộ xã đã ăn tiền cấp sổ đỏ của dân",
        "Bộ Công an chưa công bố chi tiết nhưng đã xác nhận cựu giám đốc sở bị khởi tố vì nhận tiền của nhà thầu",
        "Sinh nhật Hùng, 7h tối cả nhóm kéo qua nhà nó ăn lẩu nha, nó mới mua nồi lẩu điện",
        "Học tiếng Anh khó nhất là kỹ năng nghe, nghe đâu có dễ như đọc",
        "Nói thì dễ chứ nghe đâu có hiểu gì, giọng Scotland khó quá",
        "Bác sĩ Bệnh viện K cho biết sau 6 đợt hóa trị, khối u của mẹ mình đã teo hẳn, cả nhà mừng lắm",
        "Mình đặt ví đựng bằng lái trên Tiki, mã đơn 7201234567 mà 5 ngày chưa thấy giao",
        "Inbox shop qua [m.me/shopabc](https://www.messenger.com/t/shopabc) nha",
        "Hướng dẫn phòng dịch ở [moh.gov.vn](https://vncdc.gov.vn/huong-dan-phong-dich.htm)",
        "Xem bản đồ ở [www.google.com/maps](https://maps.google.com.vn/?q=ho+guom)",
    ] {
        let f = e.analyze(t).findings;
        assert!(f.is_empty(), "{t}: {f:?}");
    }
    for (t, cats) in [
        ("Thằng mắc dịch nào lấy trộm xe đạp của con tôi, để tôi tìm ra thì biết tay", &[Category::Inflammatory][..]),
        ("Đồ rắn độc, ăn cháo đá bát, tao coi mày như em ruột mà mày phản tao", &[Category::Inflammatory][..]),
        ("Mấy đứa óc bã đậu ngồi ghế hội đồng mới nghĩ ra cái quy định này", &[Category::Inflammatory][..]),
        ("thang truong phong oc ba dau, noi hoai khong hieu", &[Category::Inflammatory][..]),
        ("Gặp lại ở trường là tao cho nó một trận nên thân", &[Category::Inflammatory][..]),
        ("Đứa nào đăng bài bêu xấu lớp mình thì anh em cho nó một trận bầm dập", &[Category::Inflammatory][..]),
        ("Thằng đó mà còn bén mảng tới thì cho nó một trận tơi bời, anh em nhớ nhé", &[Category::Inflammatory][..]),
        ("Thấy thằng đó ở quán nhậu thì hỏi thăm nó bằng gạch đá giùm tao", &[Category::Inflammatory][..]),
        ("Tối nay anh em kéo đến tận nhà hắn đòi nợ, nhớ đem gậy theo", &[Category::Inflammatory][..]),
        ("Mai cả hội kéo qua nhà hắn đập cửa bắt nó trả tiền", &[Category::Inflammatory][..]),
        ("Nó chửi mẹ tao trên mạng, anh em report tập thể cho bay acc nó luôn", &[Category::Inflammatory][..]),
        ("Ae cứ gọi khủng bố cho nó sợ, xem còn dám bùng tiền không", &[Category::Inflammatory][..]),
        ("Gặp đối tượng này ngoài đường thì cứ nói thẳng vào mặt nó “cút về quê đi đồ ăn bám”", &[Category::Inflammatory][..]),
        ("Đối tượng này mà còn bén mảng tới xóm thì cứ nói với nó: “tao giết mày”", &[Category::Inflammatory][..]),
        ("Ai gặp thủ phạm vụ đánh chó thì viết lên tường nhà nó “đồ súc vật”, cho cả xóm biết", &[Category::Inflammatory][..]),
        ("Mày nghe cho rõ đây, tao biết mày ở đâu rồi, liệu hồn", &[Category::Inflammatory][..]),
        ("Đồ mắc dịch, mày đi chết đi cho rảnh nợ", &[Category::Inflammatory][..]),
        ("Tôi không nêu đích danh, nhưng ai đọc thấy nhột thì tự soi gương lại đi", &[Category::Insinuation][..]),
        ("Con ông to nên vào biên chế dễ như ăn kẹo, người trong cuộc khắc biết", &[Category::Insinuation][..]),
        ("Có một sếp lớn nào đó ở sở đang nhận tiền lót tay, ai trong ngành cũng biết là ai", &[Category::Insinuation][..]),
        ("Xem xong clip này mới thấy bộ mặt thật của bà chủ tịch phường, ai hiểu thì hiểu", &[Category::Insinuation][..]),
        ("Mình không cần nêu tên đâu, người đó đọc là biết ngay thôi", &[Category::Insinuation][..]),
        ("Bạn thân vợ tôi làm bên ngân hàng kể là sắp đổi tiền, ai có tiền mặt rút hết đi", &[Category::UnverifiedClaim][..]),
        ("Người nhà làm ngân hàng mách là tuần sau phong tỏa tài khoản, rút tiền gấp", &[Category::UnverifiedClaim][..]),
        ("Mách nhỏ là bệnh viện tỉnh cố tình để bệnh nhân chết để lấy nội tạng", &[Category::UnverifiedClaim][..]),
        ("Share mạnh để mọi người biết: nước mắm truyền thống có chất gây ung thư, bài sớm bị gỡ", &[Category::UnverifiedClaim][..]),
        ("Đọc nhanh kẻo bài bay màu, tin này bị gỡ trong vài giờ nữa", &[Category::UnverifiedClaim][..]),
        ("Chắc chắn có khuất tất trong vụ đấu thầu này, đội trưởng đã lo lót xong xuôi", &[Category::UnverifiedClaim][..]),
        ("Trọng tài trận tối qua nhận tiền từ nhà cái, 100% legit", &[Category::UnverifiedClaim][..]),
        ("Chính quyền không muốn bạn biết điều này: vắc xin có chip theo dõi", &[Category::UnverifiedClaim][..]),
        ("Đảm bảo thật 1000%: xăng sắp tăng lên 40 nghìn một lít, đổ đầy bình ngay", &[Category::UnverifiedClaim][..]),
        ("Đội bóng tỉnh đang dàn xếp để đổ trận chung kết, anh em đừng đặt cửa", &[Category::UnverifiedClaim][..]),
        ("Bệnh viện ém đi rồi, ca tử vong do tiêm nhầm thuốc là có thật", &[Category::UnverifiedClaim][..]),
        ("Nghe hàng xóm nói chủ tịch xã nhận của chủ đầu tư 2 tỷ để duyệt dự án", &[Category::UnverifiedClaim][..]),
        ("Tôi khẳng định luôn là ông hiệu trưởng đã ăn tiền chạy biên chế", &[Category::UnverifiedClaim][..]),
        ("Theo nguồn tin đáng tin cậy, giám đốc Sở Y tế nhận tiền của nhà thầu thiết bị", &[Category::UnverifiedClaim][..]),
        ("Báo chí sẽ không bao giờ đưa tin: bí thư huyện nhận tiền của nhà thầu 5 tỷ", &[Category::UnverifiedClaim][..]),
        ("Chắc chắn có chống lưng, chứ không thì công ty đó sao trúng thầu liên tục được", &[Category::UnverifiedClaim][..]),
        ("Nghe bà hàng xóm bảo tuần sau cả phường cắt nước 5 ngày, tích nước gấp kẻo không kịp", &[Category::UnverifiedClaim][..]),
        ("Người quen làm trên sở cho hay đề thi vào 10 năm nay ra bài thơ Sang thu, chắc chắn 100%", &[Category::UnverifiedClaim][..]),
        ("Thật 100% nha mọi người, ông chủ tịch phường ăn tiền cấp phép xây dựng của cả khu", &[Category::UnverifiedClaim][..]),
        ("Giám đốc bệnh viện huyện đã lo lót cho đoàn thanh tra nên vụ chết người mới êm", &[Category::UnverifiedClaim][..]),
        ("Bỏ mặc bệnh nhân chết trên cáng 3 tiếng, bệnh viện này phải bị đóng cửa", &[Category::UnverifiedClaim][..]),
        ("Đắp lá trầu không 7 ngày thì khối u teo hẳn, không cần mổ", &[Category::UnverifiedClaim][..]),
        ("Nghe nguồn tin đáng tin cậy: công an huyện nhận tiền bảo kê bãi cát lậu", &[Category::UnverifiedClaim][..]),
        ("Tài liệu chỉ dùng trong ngành, ae giáo viên tải về đừng phát tán: đề kiểm tra cuối kỳ Toán 9 của Sở", &[Category::InternalDocument][..]),
        ("File chỉ gửi nội bộ nhưng mình up lên đây cho ae xem: phương án sáp nhập các phường năm 2025", &[Category::InternalDocument][..]),
        ("Đề án sắp xếp bộ máy bản chưa ký đây, ae xem trước", &[Category::InternalDocument][..]),
        ("CV của Sở gửi các trường, chưa ban hành đâu, ae giữ kín nhé", &[Category::InternalDocument][..]),
        ("Dự thảo quyết định điều động cán bộ chưa đưa ra tập thể bàn, mình chụp đc gửi ae", &[Category::InternalDocument][..]),
        ("Quyết định điều động cán bộ chưa đưa ra tập thể bàn đâu, mình chụp dc gửi ae tham khảo", &[Category::InternalDocument][..]),
        ("Van ban nay dong dau toi mat, ae xem xong xoa nhe", &[Category::InternalDocument][..]),
        ("Gửi ae bản chụp đc: Kế hoạch quản lý văn bản mật của huyện, có cả danh sách người được tiếp cận văn bản mật, đừng share ra ngoài", &[Category::InternalDocument][..]),
        ("Leak nè ae: Quy định về bảo vệ tài liệu mật của Công an tỉnh bản nội bộ, mình chụp đc từ máy sếp, xem xong xóa", &[Category::InternalDocument][..]),
        ("Tài liệu chỉ dùng nội bộ, ae đọc xong xóa giúp: danh sách trường bị thanh tra đột xuất tuần sau", &[Category::InternalDocument][..]),
        ("Tài liệu chỉ dùng trong phòng họp, mình chụp lén được: phương án nhân sự sau sáp nhập xã", &[Category::InternalDocument][..]),
        ("Ảnh chụp trang đầu cuốn tài liệu TUYỆT MẬT của Bộ Quốc phòng, ae xem nhanh rồi xóa", &[Category::InternalDocument][..]),
        ("Đọc xong cuốn Tài liệu mật của phòng tổ chức rồi, danh sách quy hoạch có tên ai ae biết hết rồi đó", &[Category::InternalDocument][..]),
        ("Con này lừa tiền cả xóm rồi trốn, hộ chiếu số C7654321 của nó đây, ai thấy báo công an", &[Category::PersonalData][..]),
        ("Thẻ BHYT của ông hàng xóm: HT2797912345678, ai cần mượn đi khám thì hỏi", &[Category::PersonalData][..]),
        ("Bằng lái của thằng tài xế gây tai nạn: GPLX số 012345678901, mọi người chia sẻ", &[Category::PersonalData][..]),
        ("Hộ chiếu của bà chủ tiệm vàng là N1234567, bả sắp trốn ra nước ngoài", &[Category::PersonalData][..]),
        ("Con bé Vy ở căn 1208 tòa B2 bom hàng hoài, shop né nha", &[Category::PersonalData][..]),
        ("Thằng Hưng ở phòng 1705 tòa A chung cư Linh Đàm nợ tiền không trả, ae qua đòi", &[Category::PersonalData][..]),
        ("Hộ chiếu của mình số C1234567 bị mất ở sân bay Nội Bài, ai nhặt được liên hệ giúp", &[Category::PersonalData][..]),
        ("Mình điền mã số BHXH 0123456789 vào tờ khai mà hệ thống báo sai, mọi người ơi làm sao", &[Category::PersonalData][..]),
        ("Thẻ BHYT của mình HT2797912345678 bị hết hạn, gia hạn online ở đâu ạ", &[Category::PersonalData][..]),
        ("Chị Lan ở số 12 ngõ 34 phố Huế quỵt tiền hụi của cả xóm", &[Category::PersonalData][..]),
        ("Nhận hỗ trợ tại [https://dichvucong.gov.vn](https://dichvucong-hotro.com/login)", &[Category::SuspiciousLink][..]),
        ("Xác thực tài khoản: [vietcombank.com.vn](https://vietcombank-xacthuc.net/otp)", &[Category::SuspiciousLink][..]),
        ("Tra cứu phạt nguội tại [https://www.csgt.vn](https://tracuu-phatnguoi.com/tra-cuu)", &[Category::SuspiciousLink][..]),
        ("Nhận quà tri ân: [https://www.facebook.com/help](https://thanhtoan-online.com/pay)", &[Category::SuspiciousLink][..]),
        ("Đứa nào đụng vô con tui là tui đánh chết, tui cũng chẳng sợ ở tù", &[Category::Inflammatory][..]),
        ("Con nhỏ đó xấu vl 10 thằng nhìn 10 thằng chạy", &[Category::Inflammatory][..]),
        ("Phim hay vl 10 điểm không có nhưng", &[Category::Inflammatory][..]),
        ("Nghe đâu có lệnh đóng cửa chợ từ mai, đi mua đồ tích trữ gấp", &[Category::UnverifiedClaim][..]),
        ("Tối nay trên nhóm sẽ chiếu phim Tài Liệu Mật của Sở Nội vụ, ảnh chụp từng trang, ai cần thì inbox", &[Category::InternalDocument][..]),
        ("Lịch thanh tra đột xuất các trường tuần sau, tài liệu chỉ dùng trong ngành, ae hiệu trưởng xem rồi xóa", &[Category::InternalDocument][..]),
        ("Ai gặp kẻ gian trộm xe ở khu này thì cứ nói vào mặt nó “đồ chó má, cút khỏi xóm”, không cần nể", &[Category::Inflammatory][..]),
    ] {
        let f = e.analyze(t).findings;
        for c in cats {
            assert!(f.iter().any(|x| x.category == *c), "{t}: {c:?} in {f:?}");
        }
    }
}

/// A named person's document number in a lost-and-found post is theirs, a `warning`: "ai nhặt
/// được" says nothing of whose it is (a new user's finding); "hộ chiếu của em" is the writer's.
#[test]
fn lost_documents_are_someone_elses() {
    let e = engine();
    let t = "Anh Nguyễn Văn Hùng ở phòng kế toán làm mất hộ chiếu số C1234567, ai nhặt được thì báo giúp.";
    let f = e.analyze(t).findings;
    assert!(
        f.iter().any(
            |x| x.rule_id == "personal_data.document_number" && x.severity >= Severity::Warning
        ),
        "{f:?}"
    );
    let t = "Số hộ chiếu của em là C1234567 ạ, em gửi để làm thủ tục.";
    let f = e.analyze(t).findings;
    assert!(f.iter().all(|x| x.severity < Severity::Warning), "{f:?}");
}

/// Everyday phrases typed without diacritics that fold like an insult or a threat
/// (`everyday_folds` in `data/context.toml`, found by folding the lexicon's phrases and
/// looking for the same letters under other diacritics in the ViHSD and ViHOS comments): no
/// finding. With a target word the insult or threat is still read.
#[test]
fn everyday_phrases_typed_without_diacritics() {
    let e = engine();
    for t in [
        "bot ngu coc dinh duong cho be an dam, vi nhat, be nha minh rat thich",
        "tao dam chac la mai troi mua to",
        "tui dam cuoc voi may la doi nha thang",
        "nha nha treo co chao mung quoc khanh 2/9",
        "ba dau roi ha con, ba di cho chua ve",
        "Bi oi ve an com nhe con",
        "anh trai minh di bo doi 2 nam ve roi",
        "cong no thang nay chot ngay 25 nha cac chi",
        "cuoi tuan dan cho ra chat kin ca duong",
        "chieu nay ca xom dan don ve sinh duong lang",
        "bao so 3 sap do bo vao dat lien, ba con chu y",
        "cua hang do dien gia dung giam gia 30%",
        "mua he nay shop co do he cho be gai",
        "do lon thi gui xe tai, do nho thi gui buu dien",
        "sang nay con do rac truoc cong roi moi di lam",
        "ke me nghe chuyen o lop hom nay di con",
        "nam nay lu lon qua, ca xa bi ngap",
        "may hom nay ngu du 8 tieng nen khoe han",
        "cay trong nha thieu nang nen la bi vang",
        "tinh no hien lam, khong gay su voi ai bao gio",
        "em xa no 2 nam roi ma van nho",
        "nho cam di ao mua, chieu nay mua to day",
        "moi nguoi don tet vui ve nhe",
        "lanh dao no bao the nao thi lam the",
    ] {
        let f = e.analyze(t).findings;
        assert!(f.is_empty(), "{t}: {f:?}");
    }
    // A target word next to them still reads the insult.
    let f = e.analyze("thang kia do dien").findings;
    assert!(
        f.iter()
            .any(|x| x.category == Category::Inflammatory && x.severity >= Severity::Warning),
        "{f:?}"
    );
}

/// "không phải (là) người" followed by the kind of person is no dehumanising ("Mình không phải
/// người thích đăng chuyện thị phi"); ending its clause, or with a particle, it is.
#[test]
fn kind_of_person_is_not_dehumanising() {
    let e = engine();
    for t in [
        "Mình không phải người thích đăng chuyện thị phi đâu, nhưng cái này phải nói.",
        "Anh ấy không phải là người Việt nên nói chưa sõi.",
        "the minh khong phai nguoi Viet Nam roi",
        "Nhân vật trong truyện không phải người thật, tác giả hư cấu hoàn toàn",
        "Chó mèo không phải là người nên đừng cho ăn đồ mặn, hại thận lắm",
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter().all(|x| x.category != Category::Inflammatory),
            "{t}: {f:?}"
        );
    }
    for t in [
        "Loại đó không phải người nữa rồi",
        "thứ đó không phải là người mà là súc vật",
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter().any(|x| x.rule_id == "inflammatory.dehumanising"),
            "{t}: {f:?}"
        );
    }
}

/// A district before a phone number ("quận 3, SĐT 0909 888 123") is no office's name: the
/// number is still someone's. A shop ("quán") is, also typed without diacritics ("goi quan 028
/// 3512 7788").
#[test]
fn district_is_no_office() {
    let e = engine();
    let t = "Nó tên Hồng, ở hẻm 112 Lê Văn Sỹ, quận 3, SĐT 0909 888 123.";
    let f = e.analyze(t).findings;
    assert!(
        f.iter().any(|x| x.rule_id == "personal_data.phone"),
        "{f:?}"
    );
    for t in [
        "Quán cà phê Mộc, đặt bàn 0909 888 123",
        "tuyen 2 ban phu quan cafe, ib page hoac goi quan 028 3512 7788",
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter().all(|x| x.rule_id != "personal_data.phone"),
            "{t}: {f:?}"
        );
    }
}

/// A word that needs a target word without diacritics ("ngu" is also ngủ) is read without one
/// when spelled out with separators between its letters; stretched, it still needs one
/// ("buon nguuuu qua" is sleepy).
#[test]
fn spelled_out_insult_without_diacritics() {
    let e = engine();
    let f = e
        .analyze("chu tich phuong dung la do n.g.u, ky cai gi cung sai")
        .findings;
    assert!(
        f.iter()
            .any(|x| x.category == Category::Inflammatory && x.severity >= Severity::Warning),
        "{f:?}"
    );
    let f = e.analyze("buon nguuuu qua di ngu thoi").findings;
    assert!(f.is_empty(), "{f:?}");
}

/// Readers who know which person is meant: a whole body ("cả cơ quan biết là ai"), "là ông
/// nào", "là ông mô", "'…' ấy là ai", in a post that points at someone (the form's own
/// particular person counts). Not whichever person ("biết là nhà nào có giỗ thì …"), nor
/// nobody knowing, nor a question.
#[test]
fn readers_who_know_which_person() {
    let e = engine();
    for t in [
        "Không nêu tên, nhưng ai ở tổ dân phố 5 thì biết thừa là ông nào.",
        "Nói rứa thôi chơ ai ở trong xã ni cũng biết là ông mô rồi, khỏi nói tên chi cho mệt.",
        "Mình không nói ra đâu, nhưng chắc cả trường đều biết 'cô giáo nhận phong bì' ấy là ai rồi.",
        "Người nói đeo kính gọng vàng, năm ngoái vừa lên phó, nói đến đây chắc cả cơ quan biết là ai. Thôi không nói nữa.",
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter().any(|x| x.rule_id == "insinuation.veiled_target"
                && x.span.end - x.span.start > "là ai".len()),
            "{t}: {f:?}"
        );
    }
    for t in [
        "Ai ở quê cũng biết là nhà nào có giỗ thì cả xóm sang giúp.",
        "Cả trường biết là ai đạt giải nhất rồi, chúc mừng em Lan nhé!",
        "Cả xóm đều biết là ông nào tốt bụng nhất, bác Tư chứ ai.",
        "Cô hỏi cả lớp có biết là ai làm vỡ kính không?",
        "Không ai biết là ai đã để quên chiếc ô ở phòng họp.",
        "Cả công ty đều biết là ai sắp nghỉ hưu, tiệc chia tay vào thứ Sáu nhé.",
        "Mẹ đọc là biết ngay con nói ai, bạn thân của con mà.",
    ] {
        let f = e.analyze(t).findings;
        assert!(f.is_empty(), "{t}: {f:?}");
    }
}

/// The press that dares not publish, as a form ("Không một tờ báo nào dám viết ra điều này",
/// "chưa đài nào dám đưa"), and shaming whoever does not share ("không share là vô tâm"); an
/// anonymous official as the source. Not the press daring, nor a journalist's honesty, nor
/// sharing left to the reader.
#[test]
fn press_silenced_shamed_sharing_anonymous_sources() {
    let e = engine();
    for (t, cue) in [
        (
            "Không một tờ báo nào dám viết ra điều này: ban quản lý dự án đã rút ruột 40 tỷ.",
            "Không một tờ báo nào dám viết",
        ),
        ("chưa đài nào dám đưa tin này đâu", "chưa đài nào dám đưa"),
        ("bao chi ko dam dua dau", "bao chi ko dam dua"),
        (
            "Đọc xong mà không share là vô tâm với đồng bào vùng lũ đấy.",
            "không share là vô tâm",
        ),
        (
            "ai không chia sẻ thì là người vô cảm",
            "không chia sẻ thì là người vô cảm",
        ),
        (
            "Theo một cán bộ giấu tên trong huyện cho biết thì tiền hỗ trợ đã bị chia chác.",
            "Theo một cán bộ giấu tên",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| {
            f.category == Category::UnverifiedClaim && f.severity >= Severity::Warning
        });
    }
    for t in [
        "Báo chí đã dám viết về tiêu cực, đáng khen.",
        "Tờ báo đó không dám nhận quảng cáo của hãng thuốc lá.",
        "Nhà báo không dám nói dối độc giả.",
        "Không chia sẻ là quyền của bạn, đừng ép ai cả.",
        "Một người giấu tên vừa ủng hộ quỹ khuyến học 10 triệu đồng.",
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter().all(|x| x.category != Category::UnverifiedClaim),
            "{t}: {f:?}"
        );
    }
}

/// A mark in brackets after a title with its subject ("Báo cáo kết quả thanh tra (MẬT)",
/// "BIÊN BẢN HỌP BAN THƯỜNG VỤ (MẬT)"), not only right after the title's two words.
#[test]
fn bracketed_mark_after_a_long_title() {
    let e = engine();
    for (t, cue) in [
        (
            "Báo cáo kết quả thanh tra năm 2024 của huyện (MẬT) gửi anh em",
            "MẬT",
        ),
        ("BIÊN BẢN HỌP BAN THƯỜNG VỤ (MẬT)\nSố: 17/BB-ĐU", "MẬT"),
    ] {
        assert_underlined(&e, t, cue, |f| {
            f.category == Category::InternalDocument && f.severity == Severity::High
        });
    }
    assert_no_findings(&e, "Mua mật ong (MẬT ONG RỪNG) giá tốt, ship toàn quốc");
}

/// An insult whose suggestion is to remove it takes the word that aims it, so that removing
/// it leaves no stray "đồ"; a name typed without diacritics in accented text is no "lũ".
#[test]
fn removed_insults_take_their_aiming_word() {
    let e = engine();
    let t = "Thằng Tuấn đúng là đồ mất dạy, nói mãi không nghe";
    let f = e.analyze(t).findings;
    let insult = f
        .iter()
        .find(|x| x.rule_id == "inflammatory.insult")
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(&t[insult.span.clone()], "đồ mất dạy");
    assert_eq!(insult.suggestion.as_deref(), Some(""));
    let t = "Thầy Giáo Lu vcl thấy giáo lu =)))";
    let f = e.analyze(t).findings;
    assert!(
        f.iter().all(|x| !t[x.span.clone()].contains("Lu ")),
        "{f:?}"
    );
}

/// Twelfth session, from the blind rounds adv23/adv24 and a breaker's 150 cases: forms, each
/// with the innocent senses the breaker found beside it.
#[test]
fn twelfth_session_forms() {
    let e = engine();
    let cat = |c: Category| move |f: &cannhac_core::Finding| f.category == c;
    // Once a text reads as a paper, "không phổ biến (rộng rãi)" opening a clause is its mark.
    assert_underlined(
        &e,
        "Kính gửi: Đồng chí Bí thư Đảng ủy xã\nBáo cáo nhanh tình hình an ninh trật tự dịp lễ 2/9, không phổ biến rộng rãi.",
        "không phổ biến rộng rãi",
        |f| f.category == Category::InternalDocument && f.severity == Severity::High,
    );
    // A draft not yet put before the council's meeting, passed on.
    assert_underlined(
        &e,
        "Dự thảo nghị quyết sáp nhập tổ dân phố, bản chưa trình kỳ họp đâu, ai trong khu phố muốn xem trước thì nhắn mình gửi.",
        "chưa trình",
        cat(Category::InternalDocument),
    );
    // The race against removal, with who removes between, in a sentence asking to share.
    assert_underlined(
        &e,
        "moi nguoi copy va chia se truoc khi facebook go bai nhe",
        "truoc khi facebook go",
        cat(Category::UnverifiedClaim),
    );
    // Readers asked to name someone held at a distance; audiences that know or reason it out.
    for (t, cue) in [
        (
            "moi nguoi vao tag ten ong ay vao day cho ong ay doc",
            "tag ten ong ay",
        ),
        (
            "Đi ngang nhà một vị lãnh đạo thấy xe ra vào liên tục, các bác tự suy luận nhé.",
            "các bác tự suy luận nhé",
        ),
        (
            "Cơ quan mình có 1 đồng chí chuyên đi báo cáo riêng với sếp, mình không nêu tên, ae tự biết là ai",
            "ae tự biết là ai",
        ),
    ] {
        assert_underlined(&e, t, cue, cat(Category::Insinuation));
    }
    // A number followed by "cứ" (not "củ", a million) is no sum.
    assert_underlined(
        &e,
        "Số của ông chủ nhà trọ đây: 0 98 765 43 21, cứ gọi tới khi nào ổng trả cọc thì thôi.",
        "0 98 765 43 21",
        |f| f.category == Category::PersonalData && f.severity == Severity::High,
    );
    // "cai loai" typed flat is "cái loại"; a cure that "tan sạch" a disease.
    assert_underlined(
        &e,
        "cai loai oc bo nhu may thi biet cai gi ma noi",
        "loai oc bo",
        cat(Category::Inflammatory),
    );
    assert_underlined(
        &e,
        "Bài thuốc gia truyền: đắp lá này lên bụng 5 ngày tan sạch sỏi thận, không cần mổ.",
        "tan sạch sỏi thận",
        cat(Category::UnverifiedClaim),
    );
    for t in [
        "Mẹ mua óc lợn về hấp gừng cho ông, món ông thích nhất.",
        "Lẩu óc bò quán này ngon lắm mọi người ơi.",
        "Trước khi xóa ảnh trong máy, hãy sao lưu lên Google Photos.",
        "Thông báo: trước khi admin xóa bài vi phạm, nhóm sẽ nhắc một lần.",
        "Tag tên 3 người bạn vào bài để nhận quà nhé!",
        "Valentine rồi, tag tên người ấy vào đây nào 💕",
        "Đoán xem ca sĩ nào sẽ hát chung kết tối nay?",
        "Bài toán: Có một người đi xe đạp từ A đến B với vận tốc 12 km/h. Các bạn tự suy luận nhé.",
        "Thủ quỹ lớp đây ạ, mình không ôm tiền quỹ đâu nha, bảng thu chi ở phần bình luận.",
        "Nghe nói bạn mới mua máy ảnh à, cuối tuần cho mình mượn nhé",
        "Họp lớp cấp 3: chốt danh sách trước thứ Sáu, ai đi thì comment tên vào đây nha",
        "Món này ở Hà Nội không phổ biến lắm đâu.",
        "Kế hoạch đi dã ngoại của lớp: bản nháp, chưa trình tập thể lớp biểu quyết.",
        "Chuyển khoản 1500000 đồng cho chủ nhà rồi nhé.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// Twelfth session, from the blind round adv25 (after adv23/adv24's rules) and a breaker's 150
/// cases against them: what stayed, with the innocent senses the breaker found beside it.
#[test]
fn twelfth_session_adv25_forms() {
    let e = engine();
    let cat = |c: Category| move |f: &cannhac_core::Finding| f.category == c;
    for (t, cue, c) in [
        (
            "Nhà thằng tài xế tông người bỏ chạy ở 27/5 đường Lê Văn Sỹ, phường 13, quận 3.",
            "27/5 đường Lê Văn Sỹ",
            Category::PersonalData,
        ),
        (
            "Không nêu tên, nhưng cô giáo dạy văn, tên có chữ Thuý, hay thu tiền ngoài giờ.",
            "tên có chữ Thuý",
            Category::Insinuation,
        ),
        (
            "Nghe nói siêu thị mới khai trương đầu phố bán thịt heo bệnh, mọi người cẩn thận.",
            "Nghe nói",
            Category::UnverifiedClaim,
        ),
    ] {
        assert_underlined(&e, t, cue, cat(c));
    }
    for t in [
        "Nghe nói cuối tuần này miền Bắc đón không khí lạnh, mọi người nhớ mang áo ấm cho các bé.",
        "Nghe nói đầu ngõ mới mở quán cà phê muối, chiều nay rủ nhau ra thử không?",
        "Khẩn: Cục vàng nhà mình sốt 39 độ, các mẹ chỉ giúp với.",
        "HỎA TỐC: Sở Giáo dục Hà Nội cho học sinh nghỉ học ngày mai do bão Yagi.",
        "Khẩn: Sở thú Thủ Lệ đông nghẹt người chiều nay.",
        "Bé nhà mình tên có chữ An, mọi người góp ý tên đệm giúp nhé",
        "Mẹ không nói thì con cũng biết mẹ mệt",
        "Khi gọi tổng đài, bạn không cần nói rõ tên mình nếu muốn ẩn danh.",
        "Shop cam kết hàng chính hãng, khẳng định 100% hoàn tiền nếu giả.",
        "Mấy bạn vào comment khen món bánh của má mình cho bả biết nha.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// Twelfth session, from the blind round adv26 (its first look: 107 / 120).
#[test]
fn twelfth_session_adv26_phrases() {
    let e = engine();
    let cat = |c: Category| move |f: &cannhac_core::Finding| f.category == c;
    for (t, cue, c) in [
        (
            "Chắc chắn 1000% là nước máy khu mình nhiễm asen, đừng ai uống nữa.",
            "Chắc chắn 1000",
            Category::UnverifiedClaim,
        ),
        (
            "Bài thuốc gia truyền từ cây xạ đen đánh tan khối u chỉ sau 2 tuần.",
            "đánh tan khối u",
            Category::UnverifiedClaim,
        ),
        (
            "ban be trong nganh tiet lo: truong phong thue nhan hoi lo tien ty",
            "ban be trong nganh tiet lo",
            Category::UnverifiedClaim,
        ),
        (
            "khong can chi dich danh, noi vay thi ai cung biet la ba chu nha tro nao roi",
            "khong can chi dich danh",
            Category::Insinuation,
        ),
        (
            "Mọi người vào page của nó report và spam inbox cho sập luôn.",
            "spam inbox cho sập",
            Category::Inflammatory,
        ),
        (
            "con nao dam dung vao em tao thi tao dot nha, noi la lam",
            "tao dot nha",
            Category::Inflammatory,
        ),
    ] {
        assert_underlined(&e, t, cue, cat(c));
    }
    for t in [
        "Công thức óc heo chưng cách thủy cho bé: óc heo lọc sạch gân máu, thêm vài lát gừng, hấp 15 phút.",
        "Nghe nói năm nay hoa sữa nở muộn, vậy mà sáng nay đi làm đã thấy thơm cả đường Nguyễn Du rồi.",
        "Chia sẻ càng nhiều càng tốt những mẹo sơ cứu này, biết đâu cứu được một mạng người",
    ] {
        assert_no_findings(&e, t);
    }
}

/// Thirteenth session: a wrongdoing named as a kind of act (civics, campaigns, the law), in a
/// film's plot, a platform removing a feature, and a lodging business's address are not
/// findings; the same words said of someone still are.
#[test]
fn thirteenth_session_generic_wrongdoing() {
    let e = engine();
    let accusation =
        |f: &cannhac_core::Finding| f.rule_id == "unverified_claim.unsourced_accusation";
    for (t, cue) in [
        ("Ông chủ tịch xã tham ô 2 tỷ tiền đền bù.", "tham ô"),
        ("Ông A có hành vi nhận hối lộ.", "nhận hối lộ"),
        ("Ông A bị bắt vì tội tham ô.", "tham ô"),
        ("Ông nào đó nhận hối lộ ở xã mình.", "nhận hối lộ"),
        ("Nhận hối lộ là nghề của ông ta.", "Nhận hối lộ"),
        (
            "Chuyện như phim: kế toán xã ôm tiền quỹ bỏ trốn.",
            "ôm tiền quỹ",
        ),
        (
            "Có người quay phim ông phó chủ tịch nhận hối lộ ở quán cà phê.",
            "nhận hối lộ",
        ),
        (
            "Xem phim xong mới biết. Kế toán xã mình ôm tiền quỹ bỏ trốn rồi.",
            "ôm tiền quỹ",
        ),
        // A breaker's cases against the first version of the exemptions: the kind of act, the
        // film or the lead word in a sentence about someone.
        (
            "Hành vi nhận hối lộ của ông phó chủ tịch xã Lê Văn Bình ai cũng biết, chỉ có cấp trên là không biết",
            "nhận hối lộ",
        ),
        (
            "Tôi xin tố giác hành vi nhận hối lộ của cán bộ địa chính xã Hòa Phú tên Trần Văn Lộc",
            "nhận hối lộ",
        ),
        (
            "Ông phó chủ tịch xã bị tố giác nhận hối lộ 200 triệu từ nhà thầu mà vẫn ngồi ghế",
            "nhận hối lộ",
        ),
        ("Ke toan xa va chong om tien quy bo tron roi ba con oi", "om tien quy"),
        (
            "Ai ăn chặn tiền hỗ trợ lũ của thôn 3? Lão trưởng thôn Nguyễn Văn Tư chứ ai!",
            "ăn chặn tiền",
        ),
        (
            "Ông Tư chủ tịch xã mình đấy. Nhận hối lộ là một chuyện, ông ta còn đánh cả dân",
            "Nhận hối lộ",
        ),
        (
            "Y như trong phim, ông trưởng thôn ôm tiền quỹ bỏ trốn sang Lào luôn",
            "ôm tiền quỹ",
        ),
        (
            "Nhân vật trong ảnh là phó chủ tịch xã Lê Văn Bình, người đã nhận hối lộ của nhà thầu",
            "nhận hối lộ",
        ),
    ] {
        assert_underlined(&e, t, cue, accusation);
    }
    for (t, cue) in [
        (
            "Share gấp trước khi facebook gỡ bài này!",
            "trước khi facebook gỡ",
        ),
        (
            "Trước khi fb ẩn nút share, mọi người copy bài này về tường nhà mình nhé",
            "Trước khi fb ẩn",
        ),
        (
            "Trước khi Zalo chặn tính năng chuyển tiếp, mọi người chia sẻ tin này cho cả xóm biết",
            "Trước khi Zalo chặn",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| {
            f.rule_id == "unverified_claim.spread_pressure"
        });
    }
    for (t, cue) in [
        (
            "Nhà trọ thằng Nam ở 25/7 Lê Văn Sỹ, nó lừa tiền cả xóm rồi",
            "25/7 Lê Văn Sỹ",
        ),
        (
            "Thằng Hùng nợ 50 triệu bỏ trốn, giờ ở nhà trọ 27/4 hẻm 112 Lê Văn Sỹ",
            "27/4 hẻm 112 Lê Văn Sỹ",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.rule_id == "personal_data.address");
    }
    assert_underlined(
        &e,
        "Chủ nhà trọ này lừa cọc, sđt chị ta 0909 888 777, mọi người tránh xa",
        "0909 888 777",
        |f| f.category == Category::PersonalData,
    );
    assert_underlined(
        &e,
        "Nhà nó ở 80/2 Trần Quang Diệu.",
        "80/2 Trần Quang Diệu",
        |f| f.category == Category::PersonalData,
    );
    for t in [
        "Tham ô, nhận hối lộ là hành vi vi phạm pháp luật, bị xử lý hình sự.",
        "Nhận hối lộ là tội nghiêm trọng.",
        "Hành vi tham ô sẽ bị xử lý nghiêm.",
        "Tuyên truyền phòng chống tham ô, nhận hối lộ cho cán bộ xã.",
        "Tội nhận hối lộ được quy định tại Điều 354 Bộ luật Hình sự.",
        "Tham ô là gì? Tham ô bị xử lý thế nào?",
        "Bất kỳ ai nhận hối lộ đều phải bị trừng trị.",
        "Cán bộ không được nhận hối lộ dưới mọi hình thức.",
        "Xử lý nghiêm các hành vi ăn chặn tiền hỗ trợ người dân.",
        "Phim kể về gã kế toán ôm tiền quỹ bỏ trốn sang Campuchia.",
        "Diễn viên Quốc Tuấn đóng vai chủ tịch xã nhận hối lộ rất đạt",
        "Tuyen truyen phong chong tham o, nhan hoi lo tai xa",
        "Mọi hành vi nhận hối lộ đều phải bị phát hiện và xử lý kịp thời",
        "Điều 353 Bộ luật Hình sự quy định về tội tham ô tài sản, khung hình phạt cao nhất là tử hình",
        "Nghiêm cấm cán bộ, công chức nhận hối lộ dưới mọi hình thức",
        "Trước khi Facebook gỡ bỏ tính năng này, mọi người chia sẻ cho nhau cách sao lưu ảnh nhé",
        "Nhà trẻ Hoa Mai ở 12 ngõ 5 Xuân Thủy tuyển sinh năm học mới",
        // Blind rounds adv28 and adv29, and the second breaker.
        "CHÚC MỪNG NĂM MỚI BÍNH NGỌ 2026! AN KHANG THỊNH VƯỢNG, VẠN SỰ NHƯ Ý!",
        "Trung tâm phục vụ hành chính công phường đặt tại số 5 đường Lê Lợi, sáng thứ Bảy vẫn làm việc",
        "Tiết GDCD hôm nay cả lớp thảo luận Luật Phòng, chống tham nhũng 2018: thế nào là nhận hối lộ, lạm dụng chức vụ.",
        "nho luu file bai giang ve may truoc khi bi xoa khoi o chung cuoi nam hoc nhe thay co",
        "mon canh nay thieu mot vi nao do ma minh ko nhan ra, ai nau gioi chi minh voi",
        "Mai là bị chặn đường Lê Lợi để sửa cống, bà con chia sẻ cho nhau biết nhé",
        "Bác Hồ thường gọi các chiến sĩ là \"đồng chí\"",
        "Trước khi Facebook gỡ tính năng này, mọi người chia sẻ cách dùng nhé.",
        "Nhà trọ sinh viên ở 80/2 Trần Quang Diệu còn phòng.",
        "Nhà xe Phương Trang ở 80/2 Trần Quang Diệu nhận gửi hàng.",
    ] {
        assert_no_findings(&e, t);
    }
}

/// Fourteenth session: the forms written for the blind round adv30 and narrowed by a breaker
/// (187 cases): declining to point someone out, a family name's initial in a hinting post, the
/// guilty reader, "hiểu ý mình chứ" in a hinting post, an insinuation widened back to its "ai …",
/// the press that will never air a claim, a withheld source, a cure by itself, masked e-mails, a
/// contemptuous title's address, a lane address, an ethnic slur; the innocent posts the breaker
/// wrote against each stay clean (below `warning`, and no insinuation or personal data).
#[test]
fn fourteenth_session_forms() {
    let e = engine();
    for (t, cue, category) in [
        (
            "mấy bà trong tổ dân phố cứ thích nói xấu sau lưng ng khác, bà nào thì tự nhận nha, t k chỉ đích danh đâu",
            "k chỉ đích danh đâu",
            Category::Insinuation,
        ),
        (
            "Phòng mình có một người, không cần nêu tên, cứ 9h mới đến mà bảng chấm công vẫn đủ ngày.",
            "không cần nêu tên",
            Category::Insinuation,
        ),
        (
            "co mot nguoi ho Tr. o phong ke toan dao nay doi xe moi lien tuc, ai lam cung chac doan ra",
            "ho Tr",
            Category::Insinuation,
        ),
        (
            "noi thang ra thi mat long, nen thoi, ai dang doc ma nhot ruot thi chinh la nguoi do",
            "ai dang doc ma nhot",
            Category::Insinuation,
        ),
        (
            "Có 'đồng chí' nào đó vừa được cất nhắc thần tốc chắc nhờ 'năng lực' đặc biệt 🤭 mọi người hiểu ý mình chứ",
            "mọi người hiểu ý mình chứ",
            Category::Insinuation,
        ),
        (
            "Chỉ nói vậy thôi, ai đang ngồi ghế to nhất xã này thì tự soi gương đi.",
            "ai đang ngồi ghế to nhất xã này thì tự soi gương đi",
            Category::Insinuation,
        ),
        (
            "Đây là điều mà truyền hình sẽ không bao giờ phát: vắc xin sởi gây tự kỷ ở trẻ!",
            "truyền hình sẽ không bao giờ phát",
            Category::UnverifiedClaim,
        ),
        (
            "xin loi vi khong the neu nguon, nhung dam bao chinh xac: dot tang luong thang 7 bi hoan",
            "xin loi vi khong the neu nguon",
            Category::UnverifiedClaim,
        ),
        (
            "Uống nước lá ổi luộc 7 ngày liên tục là tiểu đường tự khỏi, bác tôi thử rồi đấy.",
            "tiểu đường tự khỏi",
            Category::UnverifiedClaim,
        ),
        (
            "Email riêng của thầy hiệu trưởng: hieutruong.nguyen (a) gmail.com — phụ huynh nào bức xúc thì gửi thẳng vào đó.",
            "hieutruong.nguyen (a) gmail.com",
            Category::PersonalData,
        ),
        (
            "Thằng lừa đảo đó ở 56 Bạch Mai, ai bị lừa thì qua mà đòi.",
            "56 Bạch Mai",
            Category::PersonalData,
        ),
        (
            "nhà nó ở hẻm 451 Tô Hiến Thành, quận 10 đó, tụi bây ra đó mà hỏi",
            "hẻm 451 Tô Hiến Thành",
            Category::PersonalData,
        ),
        (
            "Bọn Mán trên núi thì biết gì luật với lệ",
            "Bọn Mán",
            Category::Inflammatory,
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == category);
    }
    for t in [
        "Một nhà hảo tâm xin không nêu tên đã ủng hộ 10 triệu cho quỹ khuyến học của xã.",
        "Mình xin phép không nêu tên, mình là sinh viên năm 2 ở Hà Nội, muốn hỏi mọi người về chuyện chọn chuyên ngành.",
        "Hòm thư góp ý của lớp: các bạn cứ viết thoải mái, không cần nêu tên đâu nhé.",
        "Quán này ngon lắm, mình không nêu tên đâu kẻo bị bảo PR, ai muốn biết thì inbox.",
        "Anh họ Th. của mình vừa đỗ thạc sĩ, cả nhà mừng lắm.",
        "Bài báo về vụ bạo hành bé gái ở Bình Dương, ai đọc cũng nóng mặt.",
        "Ai đó bật điều hòa giùm với, trời 40 độ nóng mặt luôn.",
        "có người đọc tin nhắn mà không rep, nhìn \"đã xem\" mà nóng mặt ghê á",
        "Những khoảnh khắc hậu trường mà truyền hình sẽ không bao giờ phát: xem ở kênh YouTube của chương trình nhé.",
        "VTV không bao giờ phát những cảnh bạo lực vào khung giờ thiếu nhi, nên cứ yên tâm cho con xem.",
        "Xin lỗi vì không thể nêu nguồn gốc công thức, bà ngoại mình truyền lại.",
        "Câu hỏi: Case (a) server.local hay case (b) server.prod?",
        "Cô giáo đó ở 5 Hàng Bông dạy thêm tiếng Anh rất tốt.",
        "Mai mình mua 3 ô tô? Gợi ý cho mình mẫu nào bền.",
        "Ghế mượn của nhà văn hoá sẽ thu hồi sau buổi họp.",
        "Mổ ruột thừa à, mày xác định ăn cháo 3 ngày nhé, tao nấu cho.",
        "Ông bà trong nhà hay chuyển tiếp mấy bài 'bài thuốc chữa bách bệnh' trên Zalo lắm, con cháu nhớ giải thích nhẹ nhàng.",
    ] {
        let r = e.analyze(t);
        assert!(
            r.findings.iter().all(|f| f.severity < Severity::Warning
                && f.category != Category::Insinuation
                && f.category != Category::PersonalData),
            "{t:?}: {:?}",
            r.findings
                .iter()
                .map(|f| (&f.rule_id, f.severity, &t[f.span.clone()]))
                .collect::<Vec<_>>()
        );
    }
}

/// Fifteenth session (2026-12-01), from testers' false alarms: the writer's own group mocking
/// itself, fond epithets for one's own children, a writer asking the admin to hide their name.
/// The same insults aimed at others stay flagged.
#[test]
fn fifteenth_session_forms() {
    let e = engine();
    for t in [
        "Bọn mình chơi ngu quá, thua 3-0",
        "Hôm nay bọn mình chơi ngu quá",
        "chúng tôi đúng là ngu, quên cả vé",
        "lũ quỷ nhà mình nghịch quá, thương lắm",
        "Xin giấu tên nhé admin, em muốn hỏi chuyện học phí",
        "Ad ơi xin giấu tên giúp em",
    ] {
        let r = e.analyze(t);
        assert!(
            r.findings
                .iter()
                .all(|f| f.severity < Severity::Warning && f.category != Category::UnverifiedClaim),
            "{t:?}: {:?}",
            r.findings
                .iter()
                .map(|f| (&f.rule_id, f.severity, &t[f.span.clone()]))
                .collect::<Vec<_>>()
        );
    }
    for (t, cue, category) in [
        ("Bọn nó chơi ngu quá", "ngu quá", Category::Inflammatory),
        (
            "tôi làm thằng ngu kia tức điên",
            "thằng ngu",
            Category::Inflammatory,
        ),
        (
            "lũ quỷ kia phá nát vườn nhà tôi",
            "lũ quỷ",
            Category::Inflammatory,
        ),
        ("Sếp tụi mình đúng là ngu", "ngu", Category::Inflammatory),
        (
            "Thế mà mình nói mấy thằng bắc kì",
            // "kì" is "kỳ" in the other spelling: the slur, not only the contempt.
            "mấy thằng bắc kì",
            Category::Inflammatory,
        ),
        ("đời tao, đồ mất dạy", "đồ mất dạy", Category::Inflammatory),
        (
            "Team mình thằng ngu nào xóa file báo cáo quý vậy",
            "thằng ngu",
            Category::Inflammatory,
        ),
        (
            "Em làm ngu thế này thì anh sửa sao kịp",
            "ngu thế",
            Category::Inflammatory,
        ),
        (
            "Nhìn cái mặt nó là muốn tát, ae thấy nó ngoài đường cứ tát hộ tôi",
            "tát hộ",
            Category::Inflammatory,
        ),
        (
            "Thằng này lừa mình, chuyển khoản vào STK 0123456789 Vietcombank của nó rồi mất hút",
            "0123456789",
            Category::PersonalData,
        ),
        (
            "Có nguồn tin (xin giấu tên) cho biết giám đốc bị bắt",
            "xin giấu tên",
            Category::UnverifiedClaim,
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == category);
    }
    // A crowd sent to someone's phone, page or door to abuse them; the address it is sent to
    // becomes high.
    for (t, cue) in [
        (
            "Số nó đây 0912345678, anh em gọi vào số này chửi con này",
            "gọi vào số này chửi",
        ),
        (
            "Nhà nó ở ngõ 5 Láng Hạ, anh em đến tận nhà hỏi thăm nó đi",
            "đến tận nhà hỏi thăm",
        ),
        ("ae nhắn tin chửi thằng này cho nó sợ", "nhắn tin chửi"),
        (
            "Bà con ơi, gọi vào số 0912345678 chửi con mụ bán hàng lừa đảo này đi.",
            "gọi vào số 0912345678 chửi",
        ),
        (
            "Con này đã lừa 50 triệu của mình, mn gọi điện mắng nó giùm mình.",
            "gọi điện mắng",
        ),
        (
            "Mọi người ơi vào fb thằng này mắng nó đi",
            "vào fb thằng này mắng",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| {
            f.rule_id == "inflammatory.harassment" && f.severity == Severity::High
        });
    }
    // The physics lesson's "vl", the decimetre, slurs named to argue against them (adv34).
    for t in [
        "mai thi vl voi hoa roi ma chua on xong chuong dong dien",
        "Bài 5: Một tấm bìa dài 12 dm, rộng 8 dm. Tính chu vi theo đơn vị dm.",
        "Gọi người khác là \"bò đỏ\" hay \"ba que\" chỉ làm cuộc tranh luận tệ đi.",
    ] {
        assert_no_findings(&e, t);
    }
    // Decree 13/2023 (art. 2) personal data: a licence plate with its owner's name, a personal
    // tax code, a student's number (adv34); a plate alone, a company's tax code are no one's.
    for (t, cue) in [
        (
            "Xe Vios biển 30K-123.45 của ông Phạm Văn Hùng tổ 7 tối nào cũng đỗ chắn cổng nhà mình",
            "30K-123.45",
        ),
        (
            "Thằng chạy Exciter biển 29-B1 567.89 (chủ xe Lưu Quang Vinh) vừa quệt xe mình",
            "29-B1 567.89",
        ),
        (
            "Tra được mã số thuế cá nhân của ông giám đốc cũ rồi: 8012345678",
            "8012345678",
        ),
        (
            "Đây là bạn Trần Thu Hà, MSSV 20194321 lớp K64 KT, hôm qua chen hàng",
            "20194321",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| {
            f.category == Category::PersonalData && f.severity == Severity::Warning
        });
    }
    for t in [
        "Xe biển 30A-123.45 đỗ chắn cổng nhà mình cả sáng",
        "Công an xã thông báo tìm chủ sở hữu xe máy Wave biển số 61H1-234.56. Chủ xe mang giấy tờ đến nhận.",
        "Mã số thuế công ty: 0101234567",
        "con xe biển 72A-123.45 của Bà Rịa chạy lên tận Đà Lạt",
        "Ảnh kỷ yếu lớp 12A1 2015-2018 của cô Lan chủ nhiệm",
        "Cho thuê xe hoa Mercedes S450 biển 30K-999.99 của anh Hoàng Auto, giá tốt",
        "Theo Công an tỉnh, chiếc xe 37A-123.45 của ông Nguyễn Văn T. đã va chạm với xe máy.",
        "các bạn có MSSV từ 20230001 đến 20230150 thi phòng D3-101",
        "mã số thuế cá nhân có 10 chữ số (ví dụ: 8012345678)",
    ] {
        assert_no_findings(&e, t);
    }
    // The writer's own numbers: at most an info nudge.
    for t in [
        "Dạ em là Lê Văn Nam, mã số thuế cá nhân 8012345678, nhờ chị quyết toán giúp em",
        "Em chào thầy, em là sinh viên lớp KTPM2, MSSV 21520123, em muốn hỏi lịch thi",
    ] {
        let r = e.analyze(t);
        assert!(
            r.findings.iter().all(|f| f.severity < Severity::Warning),
            "{t:?}: {:?}",
            r.findings
        );
    }
    // A class visiting its sick teacher: her address is a warning, as any address, but no call.
    let t = "Cô Lan bị ốm, nhà cô ở số 8 ngõ 102 Trường Chinh. Các bạn đến nhà hỏi thăm cô nhé.";
    let r = e.analyze(t);
    assert!(
        r.findings
            .iter()
            .all(|f| f.category != Category::Inflammatory && f.severity < Severity::High),
        "{t:?}: {:?}",
        r.findings
    );
    let t = "Nhà nó ở ngõ 5 Láng Hạ, anh em đến tận nhà hỏi thăm nó đi";
    assert_underlined(&e, t, "ngõ 5 Láng Hạ", |f| {
        f.category == Category::PersonalData && f.severity == Severity::High
    });
    for t in [
        "Mọi người gọi nó là Tí, hay chửi thề lắm",
        "anh em đừng gọi điện chửi nó nhé",
        "Bà ốm, mọi người gọi điện hỏi thăm bà nhé",
        "Hôm qua mọi người đã gọi điện chửi nó cả đêm",
        "Các bạn inbox page để được tư vấn, page sẽ xử lý đơn hàng trong ngày ạ.",
        "Mn qua nhà mình liên hoan nha, nhớ mang đồ nhậu theo",
        "Mọi người nhắn tin cho mình nhé, mình hứa không chửi ai đâu",
        "Hai chị em gọi điện cho mẹ thì bị mẹ mắng",
        "Mọi người vào page xem clip bà cụ chửi kẻ trộm chó, hài xỉu",
        "Các bạn gọi vào số 111 khi thấy người lớn chửi mắng, đánh đập trẻ em nhé.",
        "Anh em nhắn tin réo nhau đi đá bóng chiều nay nhé",
        "Mọi người làm ơn thôi inbox chửi bạn ấy nữa, bạn ấy sắp trầm cảm rồi.",
        "Anh em vào fb nó chửi thì giải quyết được gì? Báo công an đi.",
        "Cả nhà chồng nhắn tin chửi em suốt vì em sinh con gái, em phải làm sao hả các chị?",
        "Team mình chơi ngu quá, thua 0-5",
        "Chia sẻ ngay cho mọi người công thức làm bánh bông lan này nhé",
        "Lũ khỉ con của mình hôm nay ngoan ghê.",
        "Hôm nay bọn mình chơi ngu quá",
        "Shop nhận chuyển khoản qua STK 0123456789 Vietcombank, chủ TK Nguyễn Văn An. Ship toàn quốc.",
    ] {
        let r = e.analyze(t);
        assert!(
            r.findings.iter().all(|f| f.severity < Severity::Warning),
            "{t:?}: {:?}",
            r.findings
                .iter()
                .map(|f| (&f.rule_id, f.severity, &t[f.span.clone()]))
                .collect::<Vec<_>>()
        );
    }
}

/// The sixteenth session's forms (from the blind round adv35): teencode spellings in the
/// lexicon's phrases, a masked "đéo" standing alone, the self-mockery "đúng là mình ngốc", an
/// account number before "ngan hang", an exam paper still sealed, a letter taken from someone's
/// computer, an office's own notice board, a post foretelling its own removal.
#[test]
fn sixteenth_session_forms() {
    let e = engine();
    for t in [
        "Cuối cùng cũng hóng được tin con gái đậu đại học, cả nhà mừng rơi nước mắt",
        "Cho em hỏi, em không tiện nói tên đâu, em đang bị nợ lương 3 tháng thì làm đơn ở đâu ạ",
        "Hôm nay quên chìa khóa, đúng là mình ngốc hết phần thiên hạ",
        "Cảm ơn anh Đ** ở phòng kế toán đã giúp em",
        "Bộ đề ôn thi còn niêm phong, bạn nào cần mua inbox",
        "Cô gửi trước đề cương ôn tập, đề thi chưa bóc niêm phong nên các con yên tâm",
        "Bài này sẽ bị xoá vì vi phạm nội quy, đừng chia sẻ lại",
        "Công thức gà kho gừng. Chị em lưu về và chia sẻ ngay cho hội mẹ bỉm nhé!",
        "chắc tụi mình k phải là ng việt nam r",
        "50k không",
        "Tín hiệu được truyền đi ngay khi bấm nút",
        "Clip này sắp bị gỡ vì vi phạm bản quyền, mọi người xem trên kênh chính thức nha",
        "Người ngu là tôi, đã tin vào lời hứa suông của chính mình",
        "Hoá ra tôi là đứa dốt nhất lớp tiếng Anh",
        "Ngu như mình thì chịu thôi",
        "Thông báo Số: 03/TB-PK về giờ khám Tết dán ở bảng tin phòng khám, mọi người sắp xếp nhé",
        "Sale cuối năm giảm 50%, bài này mai là xoá nha, ai cần share cho bạn bè",
        "Quyết định khen thưởng của Sở GD&ĐT cho con mình, ảnh này mình lấy từ máy điện thoại của mình ra thôi",
        "Ng ta bảo tuổi trẻ phải đi cho bít đó bít đây, nên mik đi Đà Lạt 3 ngày",
        "Don't forward this to Mom, it's her birthday surprise. Party at 7pm Saturday!",
        "Kh cần uống thuốc gì cứ ib nhà thuốc, shop tư vấn miễn phí",
        "Video này sẽ bị xoá sau 24h, ai chưa xem thì xem và chia sẻ cho bạn bè nha",
        "Tin vui cho phụ huynh: Số: 123/QĐ-UBND về việc công nhận trường đạt chuẩn quốc gia đã được ký rồi nhé",
        "Nghe đồn Messi sắp về đá cho đội bóng phủi xóm Chùa 😂 Đùa tí cho vui thôi nha ae",
        "Chó nhà mình bị lạc ở phường 5, share cho mọi người biết giúp mình với",
        "Mẫu điện thoại mới chưa được phép công bố cấu hình theo thỏa thuận với hãng",
        "Đầu bếp dạy: thái hành phải mạnh tay, đừng trách tôi chém hành nhanh quá nhé",
        "Bạn nào có câu hỏi về thủ tục làm hộ chiếu thì cứ mạnh dạn comment, mình sẽ trả lời hết",
        "Tin độc quyền của báo Tuổi Trẻ: chưa báo nào đăng bộ ảnh này",
        "Bản thân tôi cũng ngu",
    ] {
        assert_no_findings(&e, t);
    }
    for (t, cue, category) in [
        (
            "hóng đc tin là cty sắp cắt 30% nhân sự, k bít thật k nhưng mn chuẩn bị tinh thần đi",
            "k bít thật k",
            Category::UnverifiedClaim,
        ),
        ("mấy đứa k có não", "k có não", Category::Inflammatory),
        (
            "Đ** ai chịu nổi con mẹ già lắm mồm này",
            "Đ**",
            Category::Inflammatory,
        ),
        (
            "so tai khoan cua co chu nhiem la 1012345678 ngan hang BIDV, phu huynh chuyen vao day",
            "1012345678",
            Category::PersonalData,
        ),
        (
            "Chị bạn gửi cho mình đề thi học kỳ môn Toán lớp 9, bản chính thức chưa bóc niêm phong đâu, phụ huynh nào cần inbox",
            "chưa bóc niêm phong",
            Category::InternalDocument,
        ),
        (
            "Công văn hoả tốc của sở về việc kiểm tra đột xuất các trường, mình chụp được từ máy chị văn thư",
            // The urgency form reads "chụp được" as getting hold of the letter since the
            // twenty-second session: the mark is underlined with the kind.
            "Công văn hoả tốc",
            Category::InternalDocument,
        ),
        (
            "Số: 342/UBND-VP\nV/v tạm dừng tuyển dụng viên chức năm 2027\n(ảnh mình chụp ở bảng tin phòng)",
            "Số: 342/UBND-VP",
            Category::InternalDocument,
        ),
        (
            "Lan tỏa ngay kẻo muộn, bài này sẽ sớm bay màu: sắp có lệnh cấm xe máy",
            "bài này sẽ sớm bay màu",
            Category::UnverifiedClaim,
        ),
        (
            "Ảnh chụp bảng tin nội bộ công ty: Số: 77/QĐ-CT về việc cắt giảm nhân sự, anh em xem đi",
            "Số: 77/QĐ-CT",
            Category::InternalDocument,
        ),
        (
            "Người ta bảo là trường này sắp bị giải thể, k tin thì thôi",
            "Người ta bảo là",
            Category::UnverifiedClaim,
        ),
        (
            "Người ta đồn cá ở sông Hàn bị nhiễm độc. Chia cho bà con xung quanh biết lẹ lẹ!",
            "Chia cho bà con xung quanh biết lẹ lẹ",
            Category::UnverifiedClaim,
        ),
        (
            "Nghe nói ông phó chủ tịch tỉnh sắp bị bắt, đùa tí thôi mà ai biết đâu được đấy",
            "Nghe nói",
            Category::UnverifiedClaim,
        ),
        (
            "Nghe nói sếp nhận hối lộ, đùa thôi",
            "nhận hối lộ",
            Category::UnverifiedClaim,
        ),
        (
            "Đàn bà biết gì mà đòi làm chủ tịch hội, về nhà rửa bát đi con đ*",
            "đ*",
            Category::Inflammatory,
        ),
        (
            "Tài liệu này chỉ dùng trong chi bộ thôi.",
            "chỉ dùng trong chi bộ",
            Category::InternalDocument,
        ),
        (
            "Anh em share lẹ, bài này kiểu gì cũng bị gỡ sớm",
            "bài này kiểu gì cũng bị gỡ",
            Category::UnverifiedClaim,
        ),
        ("người ngu là mày", "ngu", Category::Inflammatory),
        ("Thằng đó ngu như mình thôi", "ngu", Category::Inflammatory),
        (
            "Shop này lừa đảo, chuyển tiền xong chặn luôn. STK của shop: 0071000123456 Vietcombank chủ TK Nguyễn Văn Hùng",
            "0071000123456",
            Category::PersonalData,
        ),
        (
            "Đề Toán tốt nghiệp THPT sáng mai chưa bóc niêm phong đây, phụ huynh nào cần inbox",
            "chưa bóc niêm phong",
            Category::InternalDocument,
        ),
        (
            "Thuỷ điện sắp vỡ đập, truyền đi ngay cho mọi người biết",
            "truyền đi ngay",
            Category::UnverifiedClaim,
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == category);
    }
    // A plea to tell others needs a claim of `warning` or more: trivial hearsay (`info`) is
    // not pushed.
    let t = "Nghe nói chiều nay chợ đóng cửa sớm, nhắn cho anh em biết nhé";
    assert!(
        e.analyze(t)
            .findings
            .iter()
            .all(|f| f.rule_id != "unverified_claim.spread_pressure"),
        "{t:?}"
    );
}

/// Seventeenth session: a lexicon entry marked `unaccented = false` with a `*` matches only
/// with its diacritics, like every other entry ("van ban nay toi mat ngu" is "văn bản này tôi
/// mất ngủ", not "văn bản * tối mật"); i/y spellings; quoted irony after "vị".
#[test]
fn seventeenth_session_forms() {
    let e = Engine::new(Config::default()).expect("default config");
    for t in [
        "hom nay van ban nay toi mat ngu",
        "Đố cả nhà biết sếp nào vừa lên chức trưởng phòng? Chúc mừng anh Nam nhé",
        "Đoán xem trưởng phòng nào vừa giành giải 'Sếp được yêu thích nhất năm'?",
        "Nước mắm là gia vị \"quan trọng\" nhất của món này",
        "Ngài \"sếp lớn\" ở phòng marketing vừa đặt pizza cho cả tầng, yêu sếp quá",
        "Thông tin sản phẩm chuẩn 100%, hình thật shop tự chụp",
    ] {
        assert_no_findings(&e, t);
    }
    for (t, cue, category) in [
        (
            "tài liệu này tối mật",
            "tài liệu này tối mật",
            Category::InternalDocument,
        ),
        (
            "Mấy thằng nam kì lúa biết gì",
            "Mấy thằng nam kì lúa",
            Category::Inflammatory,
        ),
        (
            "Có vị 'cán bộ gương mẫu' nọ ở huyện mình vừa cho con đi du học Mỹ",
            "vị 'cán bộ gương mẫu'",
            Category::Insinuation,
        ),
        (
            "Từ 1/7 ai chưa cập nhật sinh trắc học sẽ bị khóa tài khoản, tin chuẩn 99,9% nhé",
            "tin chuẩn 99,9%",
            Category::UnverifiedClaim,
        ),
        (
            "Lá xoài non giã lấy nước uống 7 ngày là tiểu đường type 2 hết hẳn",
            "tiểu đường type 2 hết hẳn",
            Category::UnverifiedClaim,
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == category);
    }
}

/// The nineteenth session's forms (a blind round, adv41, and the phone numbers followed by a
/// word led by a number).
#[test]
fn nineteenth_session_forms() {
    let e = Engine::new(Config::default()).expect("default config");
    for t in [
        // The three regions listed together; a recipe; slaughter for a feast.
        "Dưới thời Pháp thuộc, Việt Nam bị chia thành ba kỳ là Bắc Kỳ, Trung Kỳ và Nam Kỳ.",
        "Cách làm thịt kho tàu: thịt ba chỉ 500g, trứng vịt 5 quả.",
        "Tết này nhà mình làm thịt con lợn",
        // Own phone and e-mail after one invitation.
        "Bạn nào muốn dự họp lớp thì nhắn cho mình qua số 0977 888 123 hoặc email của mình hangnt.12a3@gmail.com nhé.",
        // A sum, then a word led by a number; "tui" (I) without diacritics.
        "mình ck 1.500.000 2 lần rồi mà shop chưa giao",
        "tui bac ky nhung song o Sai Gon 20 nam roi",
        // A cough cured at home, in a post that names another disease.
        "Bố bị tiểu đường. Hôm trước bị ho, uống nước gừng mật ong 3 hôm là khỏi hẳn",
        "cac bac tu suy nghi ky roi hang quyet dinh",
        "Xã đang giàu lên từ ngày có nhà máy",
        "Công ty đang giấu quà tất niên, bất ngờ lắm",
        // `ends_clause`: the phrase does not end its clause here.
        "chắc ai cũng biết làm bánh chưng rồi",
        "Bài này chắc ai cũng hiểu bài rồi nhỉ",
        "bệnh viện đang giấu tên bệnh nhân theo quy định",
        // adv42's clean near-misses.
        "Đọc xong bài này mọi người tự hiểu vì sao nên uống đủ nước rồi nhé (nguồn: báo Thanh Niên)",
        "Mình nghe đâu đó bài hát này hồi nhỏ mà giờ không nhớ tên, ai biết tên bài không ạ?",
        "Bài tập về nhà: các bạn tự trả lời câu hỏi sau vào vở",
        // A breaker's innocent uses of withdrawn or narrowed phrases.
        "Món này chắc ai cũng biết chứ?",
        "Mình không biết chắc 100% nhưng nghĩ là trời sẽ mưa",
        "Quê mình có truyen thong giau long hieu khach lắm",
        "Phở Thìn thì khỏi cần nói nhiều.",
        "Con mèo sắp bị bắt vì cứ trèo lên bàn",
    ] {
        assert_no_findings(&e, t);
    }
    for (t, cue, category) in [
        (
            "số nó 0912 345 678 2 năm nay chưa đổi",
            "0912 345 678",
            Category::PersonalData,
        ),
        (
            "số con kia là 0912.345.678 10h tối nó mới nghe máy",
            "0912.345.678",
            Category::PersonalData,
        ),
        (
            "sđt thằng đó 0912 345 678 24/7 lúc nào cũng nghe",
            "0912 345 678",
            Category::PersonalData,
        ),
        (
            "lu bac ky di cu vao day toan an cap",
            "lu bac ky",
            Category::Inflammatory,
        ),
        (
            "một lãnh đạo nào đó ở huyện vừa cho con gái đi Mỹ bằng tiền gì thì các bác tự suy",
            "các bác tự suy",
            Category::Insinuation,
        ),
        (
            "Em gái mình bị ung thư giai đoạn cuối. Thế mà uống nước lá đu đủ đực 3 tháng giờ khỏi hẳn",
            "khỏi hẳn",
            Category::UnverifiedClaim,
        ),
        (
            "Nói đến đây chắc ai cũng hiểu.",
            "chắc ai cũng hiểu",
            Category::Insinuation,
        ),
        (
            "có học sinh nhiễm cúm A tử vong, nhà trường đang giấu",
            "nhà trường đang giấu",
            Category::UnverifiedClaim,
        ),
        (
            "Đọc gấp rồi xóa: danh sách 10 lãnh đạo tỉnh sắp bị bắt, nguồn tin cực kỳ đáng tin cậy.",
            "nguồn tin cực kỳ đáng tin cậy",
            Category::UnverifiedClaim,
        ),
        (
            "Sự thật mà truyền thông giấu: mì tôm gây ung thư gan sau 6 tháng ăn liên tục.",
            "truyền thông giấu",
            Category::UnverifiedClaim,
        ),
        (
            "Đọc nhanh kẻo bị gỡ: danh sách 15 cán bộ tỉnh sắp bị khởi tố",
            "sắp bị khởi tố",
            Category::UnverifiedClaim,
        ),
        (
            "CCCD 079085001234 2 bản photo",
            "079085001234",
            Category::PersonalData,
        ),
        (
            "tao làm thịt nó",
            "làm thịt",
            Category::Inflammatory,
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == category);
    }
    // Numbers written without separators and set apart by spaces are read one by one.
    for (t, n) in [
        (
            "CCCD của 3 đứa nó: 079085001234 079090001235 001088012345",
            3,
        ),
        (
            "Danh sách con nợ: 0912345678 15000000 0987654321 12000000",
            2,
        ),
        (
            "Số thằng đó là 0912 345 678 100 lần gọi quấy rối nhà mình",
            1,
        ),
    ] {
        let f = e.analyze(t).findings;
        let found = f
            .iter()
            .filter(|x| x.category == Category::PersonalData)
            .count();
        assert_eq!(found, n, "{t}: {f:?}");
    }
    // Twenty-five numbers in a row (more than 200 digits) are each a phone number.
    let list: Vec<String> = (0..25).map(|i| format!("0912 345 {:03}", i)).collect();
    let t = format!("Danh sách số của bọn lừa đảo: {}", list.join(" "));
    let phones = e
        .analyze(&t)
        .findings
        .iter()
        .filter(|f| f.rule_id == "personal_data.phone")
        .count();
    assert_eq!(phones, 25, "{t}");
    // Someone else's contact after "X của mình" is a warning, not the writer's nudge.
    for t in [
        "Gọi mình 0977 888 123 hoặc email người yêu cũ của mình nguyenvana@gmail.com",
        "Liên hệ mình 0977 888 123 hoặc bạn trai cũ của mình 0912 345 678",
        "Số điện thoại cô dạy thêm của con tui: 0912345678, cô này dạy thì ít mà thu tiền thì nhiều.",
        "Có gì liên hệ. Sếp của mình 0912 345 678",
        "gọi mình 0901 111 222 hoặc chị 0912 345 678 nhé",
    ] {
        let f = e.analyze(t).findings;
        assert!(
            f.iter()
                .any(|x| x.category == Category::PersonalData && x.severity >= Severity::Warning),
            "{t}: {f:?}"
        );
    }
    // The wife's number after "gọi vợ mình" keeps its own finding.
    assert_has_category(
        &e,
        "gọi mình 0901 111 222 hoặc gọi vợ mình 0901 333 444 đều được",
        Category::PersonalData,
    );
}

#[test]
fn twentieth_session_forms() {
    let e = Engine::new(Config::default()).expect("default config");
    for t in [
        // Not the press: an announcement, "bảo" typed flat; a denial; a stereotype spoken against
        // or a case reported; victims.
        "Thông báo im lặng trong giờ thi",
        "me bao im lang di con",
        "Báo chí không im lặng trước vụ này",
        "3 người Nghệ An chuyên trộm chó bị bắt",
        "Không phải dân Thanh Hóa nào cũng trộm cắp",
        "Người dân Hà Tĩnh toàn bị lừa đảo qua mạng",
        // "nghe đau" typed flat; hearing nothing.
        "nghe dau long qua",
        "có nghe đâu thấy đâu",
        // A landline's area code is no short lead.
        "Tổng đài 028 3823 4567",
        // Petrol or a knife taken to someone's home for work or advised against, not a threat.
        "chú mang xăng qua nhà nó đổ cho xe",
        "Đừng vác dao qua nhà nó",
        // "84" with a multi-byte space between its digits: no panic (byte 2 was sliced).
        "8\u{a0}4 912 345 678",
        "8\u{2003}4 912 345 678",
        "8\u{3000}4 912 345 678",
        // A colon after a Vietnamese word is no mail prefix (and reading it back never cuts a
        // letter in two).
        "Bạn ơi: [KHẨN] V/v rà soát",
        "ơ: [KHẨN] V/v",
        // A pause, not a gagged press; a reporter undercover.
        "Nhà báo im lặng một lúc rồi hỏi tiếp.",
        "Nhà báo che giấu thân phận để điều tra đường dây buôn lậu.",
    ] {
        assert_no_findings(&e, t);
    }
    for (t, cue, category) in [
        (
            "Truyen thong bi bit mieng het roi, chi co page nay dam noi su that",
            "Truyen thong bi bit mieng",
            Category::UnverifiedClaim,
        ),
        (
            "Báo chí nhà nước im re hết",
            "Báo chí nhà nước im re",
            Category::UnverifiedClaim,
        ),
        (
            "Dân Thanh Hoá mà, trộm cắp là nghề truyền thống rồi",
            "Dân Thanh Hoá mà, trộm cắp là nghề truyền thống",
            Category::Inflammatory,
        ),
        (
            "người Hà Nam toàn ăn trộm",
            "người Hà Nam toàn ăn trộm",
            Category::Inflammatory,
        ),
        (
            "Lúc 10:30 0912 345 678 gọi cho tao",
            "0912 345 678",
            Category::PersonalData,
        ),
        (
            "chuyển 500.000 0912 345 678 là số nó",
            "0912 345 678",
            Category::PersonalData,
        ),
        (
            "số thằng đó 0912\u{3000}345\u{3000}678",
            "0912\u{3000}345\u{3000}678",
            Category::PersonalData,
        ),
        (
            "Tỏi đen tiêu diệt virus Covid-19 chỉ sau 3 ngày.",
            "tiêu diệt virus Covid",
            Category::UnverifiedClaim,
        ),
        // A phone number after a time or a date glued to its first group.
        (
            "Lúc 10h30 0912 345 678 gọi cho thằng đó",
            "0912 345 678",
            Category::PersonalData,
        ),
        // A count after a number is not part of it.
        (
            "stk 1903 6688 9999 2 lần chuyển rồi",
            "1903 6688 9999",
            Category::PersonalData,
        ),
        (
            "ck của e 0912345678 2 năm nay",
            "0912345678",
            Category::PersonalData,
        ),
        (
            "số nó 0912 345 678 2 3 lần",
            "0912 345 678",
            Category::PersonalData,
        ),
        (
            "Zalo bà chủ tiệm nail: +84 38 912 4567, nợ lương nhân viên 3 tháng rồi",
            "+84 38 912 4567",
            Category::PersonalData,
        ),
        (
            "Fwd: [KHẨN] V/v rà soát danh sách cán bộ diện quy hoạch",
            "KHẨN",
            Category::InternalDocument,
        ),
        (
            ">> Fw: RE: [INTERNAL] Kế hoạch tái cơ cấu",
            "INTERNAL",
            Category::InternalDocument,
        ),
        (
            "thang ngoo nay ma cung lam truong phong",
            "thang ngoo",
            Category::Inflammatory,
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == category);
    }
}

/// The twenty-first session's reads that slice text near white space or URLs: no panic on a
/// multi-byte space before an e-mail address (the userinfo check once cut inside U+3000), and
/// the address is still someone's data; a URL's userinfo is none.
#[test]
fn twenty_first_session_spaces_and_userinfo() {
    let e = Engine::new(Config::default()).expect("default config");
    for sep in ['\u{3000}', '\u{a0}', '\u{2003}', '\u{202f}', ' '] {
        let t = format!("Email của nó{sep}abc.nguyen@gmail.com{sep}đây");
        let r = e.analyze(&t);
        assert!(
            r.findings
                .iter()
                .any(|f| f.rule_id == "personal_data.email"),
            "{t:?}: {:?}",
            r.findings
        );
    }
    for t in [
        "Báo đăng rồi https://nhandan.vn@bit-verify.info/bai-viet",
        "Đăng nhập tại http://user:pass@vietcombank.com.vn/login",
        "Xem tại www.nhandan.vn@bit-verify.info nhé",
    ] {
        let r = e.analyze(t);
        assert!(
            !r.findings
                .iter()
                .any(|f| f.rule_id == "personal_data.email"),
            "{t:?}: {:?}",
            r.findings
        );
    }
}

/// Twenty-second session: forms three blind rounds (adv54–adv56) missed, and the false
/// alarms a breaker (brk41) found in their first versions.
#[test]
fn twenty_second_session_forms() {
    let e = engine();
    for (t, cue) in [
        (
            "Viên uống giảm cân Slim Fit: giảm 8kg trong 7 ngày, không cần ăn kiêng",
            "giảm 8kg trong 7 ngày",
        ),
        (
            "Giảm 8-10kg trong 1 tuần với thực đơn keto này",
            "Giảm 8-10kg trong 1 tuần",
        ),
        (
            "Cho con uống nước ép cần tây mỗi sáng là cao thêm 5cm trong 1 tháng",
            "cao thêm 5cm trong 1 tháng",
        ),
        (
            "Chưa có ai xác nhận nhưng chắc 90% là thật: trưởng phòng sắp bị bắt",
            "90% là thật",
        ),
        // A vow heading a claim with a colon, or beside something of consequence.
        (
            "Mình cam đoan là thật: quán đó pha nước màu",
            "cam đoan là thật",
        ),
        (
            "Tôi xin thề là thật, ông giám đốc sở nhận hối lộ 2 tỷ",
            "xin thề là thật",
        ),
        (
            "Thấy mấy chị trong group bảo ông giám đốc sở nhận hối lộ",
            "Thấy mấy chị trong group bảo",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::UnverifiedClaim);
    }
    for (t, cue) in [
        (
            "Du thao QD ky luat 3 cau thu sau vu au da, chua ky ban hanh, t chup duoc tren ban van phong CLB",
            "Du thao QD",
        ),
        (
            "Hoả tốc: UBND tỉnh yêu cầu các xã rà soát danh sách hộ cận nghèo, bản scan mình để dưới cmt",
            "Hoả tốc",
        ),
        (
            "🔥HỎA TỐC🔥 Sở GD yêu cầu các trường cho học sinh nghỉ từ mai, văn bản mình chụp được ở dưới",
            "HỎA TỐC",
        ),
    ] {
        assert_underlined(&e, t, cue, |f| f.category == Category::InternalDocument);
    }
    for t in [
        "Mình giảm 8kg trong 3 tháng nhờ chạy bộ và bỏ trà sữa",
        "Chạy xong full marathon cân thử giảm 3kg sau 1 ngày, toàn là nước thôi, uống bù lại là lên ngay",
        "Mực nước sông Hồng tăng 50cm trong 1 ngày, bà con ven sông chú ý",
        "Bé nhà mình mới sinh, tăng 4cm trong tháng đầu, uống sữa mẹ hoàn toàn",
        "Tuần lễ vàng giảm 90% là thật nha khách ơi, số lượng có hạn",
        "Nhiệm vụ của người làm báo: bảo đảm sự thật và khách quan",
        "Hàng bên em đảm bảo là thật, không phải fake nha khách",
        "Mình thấy mấy bạn nói đúng đó, nên đọc kỹ trước khi share",
        // A vow about nothing of consequence, weight lost to illness (brk44).
        "Em cam đoan là thật, hôm qua em thấy cầu vồng đôi trên cầu Rồng đẹp lắm",
        "Chắc 90% là thật rồi, mai mình đi khám lại cho chắc",
        "Mổ ruột thừa xong mẹ sụt 5kg trong 10 ngày, giờ mẹ nấu cháo mỗi ngày",
        "Dự thảo hợp đồng thuê nhà em soạn rồi, chưa ký, em chụp được bản của chủ nhà",
        "Dự thảo sửa đổi Luật Thuế thu nhập cá nhân chưa thông qua, bản đầy đủ mình chụp được trên cổng của Bộ",
        "Hỏa tốc: shop nhận giao hỏa tốc nội thành trong 2h, ib mình nhé",
        "Cho thuê phòng trọ 25m2, 3tr5/tháng. Liên hệ chủ nhà (là mình) qua Zalo 0966 731 208.",
        "minh vua xem lai highlight, pha bong do khong viet vi dau, VAR ket luan dung roi",
        "quen mat khau tai khoan game thi vao muc ho tro tren web chinh chu nhe",
    ] {
        assert_no_findings(&e, t);
    }
}
