//! `cannhac duties`: the ten duties and the five questions, as text and as JSON.

use assert_cmd::Command;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("cannhac")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "exit status {:?}", out.status);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_lists_ten_duties_and_five_questions() {
    let v: serde_json::Value = serde_json::from_str(&run(&["duties", "--json"])).unwrap();
    let duties = v["duties"].as_array().unwrap();
    assert_eq!(duties.len(), 10);
    for (i, d) in duties.iter().enumerate() {
        assert_eq!(d["id"], i + 1);
        for field in ["title", "text"] {
            assert!(!d[field]["vi"].as_str().unwrap().is_empty());
            assert!(!d[field]["en"].as_str().unwrap().is_empty());
        }
        let manual = d["categories"].as_array().unwrap().is_empty();
        assert_eq!(d["manual"], manual);
    }
    assert_eq!(
        duties[7]["categories"],
        serde_json::json!(["internal_document", "insinuation", "personal_data"])
    );
    let questions = v["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 5);
    assert!(questions
        .iter()
        .all(|q| q["text"]["vi"].as_str().unwrap().ends_with('?')));
}

#[test]
fn text_names_every_duty_its_checks_and_the_questions() {
    let out = run(&["duties"]);
    for d in cannhac_core::duties::duties() {
        assert!(
            out.contains(d.title.vi) && out.contains(d.en),
            "duty {} missing",
            d.id
        );
    }
    assert!(out.contains("[internal_document, insinuation, personal_data]"));
    assert_eq!(out.matches("[tự kiểm / manual]").count(), 7);
    assert!(
        out.contains("[manual] no engine can check it"),
        "the legend"
    );
    for q in cannhac_core::duties::questions() {
        assert!(out.contains(q.text.vi) && out.contains(q.text.en));
    }
}
