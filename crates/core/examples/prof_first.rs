fn main() {
    let e = cannhac_core::Engine::new(cannhac_core::Config::default()).unwrap();
    let s = "Nghe nói TÀI LIỆU MẬT của sở sắp bị lộ, thằng ngu nào làm rò rỉ thì biết tay. Hôm nay cả nhà đi chơi công viên, trời đẹp và mát. Xem thêm bit.ly/tin-mat nhé. ";
    println!("{}", e.analyze(s).findings.len());
}
