//! The ten duties and the five questions before sharing, as data.
//!
//! Source: the project's seed article, "Nâng cao ý thức, năng lực, trách nhiệm xã hội của cán
//! bộ, đảng viên khi tham gia không gian mạng" (Tạp chí Tuyên giáo). Its **section III** lists
//! ten duties for anyone posting online ("Một là … Mười là"); its **section I** lists the
//! questions to ask oneself before taking in, commenting on or sharing a piece of information.
//! The wording here is the project's own short paraphrase, in Vietnamese and English, not the
//! article's sentences.
//!
//! Each duty names the finding [`Category`]s that speak to it. Duties with no category
//! ([`Duty::is_manual`]) cannot be judged by any rule: the extension's popup shows them as a
//! list the writer ticks by hand.
//!
//! [`Duty`] and [`Question`] implement `Serialize`, so a facade can hand both lists out as
//! they are, e.g. `json!({"duties": duties(), "questions": questions()})` (the shape of
//! `cannhac duties --json`).
//!
//! ```
//! use cannhac_core::duties::{duties, duty, questions, duties_for};
//! use cannhac_core::Category;
//! assert_eq!(duties().len(), 10);
//! assert_eq!(questions().len(), 5);
//! assert!(duty(8).unwrap().categories.contains(&Category::InternalDocument));
//! assert_eq!(duties_for(Category::Inflammatory).collect::<Vec<_>>(), vec![3]);
//! ```

use crate::Category;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// A short piece of wording in the two interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Wording {
    /// Vietnamese (the default interface language).
    pub vi: &'static str,
    /// English.
    pub en: &'static str,
}

/// One of the ten duties of the source article's section III ("Một là … Mười là").
///
/// Serialises as `{"id", "title": {"vi","en"}, "text": {"vi","en"}, "categories": [..],
/// "manual": bool}`; `manual` is [`Duty::is_manual`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duty {
    /// 1–10, the article's order.
    pub id: u8,
    /// A title of a few words.
    pub title: Wording,
    /// One line saying what the duty asks, in Vietnamese (also [`Duty::text`]`.vi`).
    pub vi: &'static str,
    /// One line saying what the duty asks, in English (also [`Duty::text`]`.en`).
    pub en: &'static str,
    /// Categories whose findings speak to this duty (empty: no rule can judge it).
    pub categories: &'static [Category],
}

impl Duty {
    /// `true` when no rule can judge this duty, so the writer checks it by hand.
    pub fn is_manual(&self) -> bool {
        self.categories.is_empty()
    }

    /// The one-line wording in both languages.
    pub fn text(&self) -> Wording {
        Wording {
            vi: self.vi,
            en: self.en,
        }
    }
}

impl Serialize for Duty {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Duty", 5)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("text", &self.text())?;
        st.serialize_field("categories", &self.categories)?;
        st.serialize_field("manual", &self.is_manual())?;
        st.end()
    }
}

/// One of the questions to ask before sharing, from the source article's section I.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Question {
    /// 1–5, the article's order.
    pub id: u8,
    /// The question.
    pub text: Wording,
}

const fn w(vi: &'static str, en: &'static str) -> Wording {
    Wording { vi, en }
}

use Category::{
    Inflammatory, Insinuation, InternalDocument, PersonalData, SuspiciousLink, UnverifiedClaim,
};

static DUTIES: [Duty; 10] = [
    Duty {
        id: 1,
        title: w("Kiểm chứng trước khi tin", "Check before you believe"),
        vi: "Đối chiếu nhiều nguồn trước khi tin hay chia sẻ; nhiều người chia sẻ không có nghĩa là đúng.",
        en: "Compare sources before believing or passing it on; being widely shared does not make it true.",
        categories: &[UnverifiedClaim, SuspiciousLink],
    },
    Duty {
        id: 2,
        title: w("Chia sẻ điều có ích", "Share what helps"),
        vi: "Dùng trang của mình để đưa tin hữu ích cho mọi người, cộng đồng và đất nước.",
        en: "Use your own page to pass on information that is useful to people, the community and the country.",
        categories: &[],
    },
    Duty {
        id: 3,
        title: w("Bình luận văn minh, xây dựng", "Comment with civility"),
        vi: "Giữ lời lẽ đúng mực; với chuyện đang “nóng”, đừng kích động hay dắt dư luận đi sai.",
        en: "Keep a measured tone; on heated issues, do not stir people up or steer opinion the wrong way.",
        categories: &[Inflammatory, UnverifiedClaim],
    },
    Duty {
        id: 4,
        title: w("Lan tỏa quy tắc ứng xử", "Pass on the code of conduct"),
        vi: "Giúp người thân và người quanh mình hiểu và làm theo quy tắc ứng xử trên mạng.",
        en: "Help family and the people around you understand and follow the rules for behaving online.",
        categories: &[],
    },
    Duty {
        id: 5,
        title: w("Khuyến khích làm đúng pháp luật", "Encourage respect for the law"),
        vi: "Trên trang của mình, động viên mọi người chấp hành pháp luật, chính sách và các cuộc vận động.",
        en: "On your page, encourage people to follow the law and public policy and to take part in civic campaigns.",
        categories: &[],
    },
    Duty {
        id: 6,
        title: w("Giới thiệu điều tốt đẹp", "Show what is good"),
        vi: "Quảng bá hình ảnh đẹp của địa phương, đơn vị, đất nước và những tấm gương người tốt việc tốt.",
        en: "Feature the good sides of your locality, workplace and country, and people who set a good example.",
        categories: &[],
    },
    Duty {
        id: 7,
        title: w("Báo tin sai, góp phần phản bác", "Report and rebut falsehoods"),
        vi: "Gặp trang hay tin sai trái, xuyên tạc thì báo cơ quan chức năng hoặc cấp ủy và góp phần phản bác.",
        en: "When you meet false or distorting pages or posts, tell the competent body or party committee and help rebut them.",
        categories: &[],
    },
    Duty {
        id: 8,
        title: w("Gương mẫu, giữ kín việc nội bộ", "Set an example; keep internal matters internal"),
        vi: "Phát ngôn chuẩn mực; không đưa tài liệu nội bộ lên mạng; không nói lấp lửng để dắt người khác công kích ai.",
        en: "Speak properly; never post internal documents; no veiled hints that lead others to attack someone.",
        categories: &[InternalDocument, Insinuation, PersonalData],
    },
    Duty {
        id: 9,
        title: w("Lãnh đạo: nhắc nhở và lắng nghe", "Leaders: guide and listen"),
        vi: "Nếu là lãnh đạo, để ý cách cấp dưới dùng mạng xã hội để kịp góp ý, và lắng nghe phản hồi.",
        en: "If you lead a team, mind how your staff use social media, correct early, and listen to feedback.",
        categories: &[],
    },
    Duty {
        id: 10,
        title: w("Phổ biến luật và bộ quy tắc", "Spread the law and the code"),
        vi: "Giúp mọi người hiểu Luật An ninh mạng 2018 và Bộ Quy tắc ứng xử trên mạng xã hội 2021.",
        en: "Help others understand the 2018 Cybersecurity Law and the 2021 Code of Conduct for social networks.",
        categories: &[],
    },
];

static QUESTIONS: [Question; 5] = [
    Question {
        id: 1,
        text: w("Tin này từ đâu ra?", "Where does this come from?"),
    },
    Question {
        id: 2,
        text: w("Ai đã tung tin này ra?", "Who has been spreading it?"),
    },
    Question {
        id: 3,
        text: w("Nó nhằm mục đích gì?", "What is it meant to achieve?"),
    },
    Question {
        id: 4,
        text: w("Nó có thể làm hại ai?", "Whom could it harm?"),
    },
    Question {
        id: 5,
        text: w("Ai được lợi từ nó?", "Who gains from it?"),
    },
];

/// The ten duties of the source article's section III, in order (ids 1–10).
pub fn duties() -> &'static [Duty] {
    &DUTIES
}

/// The duty with this id (1–10), `None` for any other id.
pub fn duty(id: u8) -> Option<&'static Duty> {
    DUTIES.iter().find(|d| d.id == id)
}

/// The questions to ask before sharing, from the source article's section I, in order (ids 1–5).
pub fn questions() -> &'static [Question] {
    &QUESTIONS
}

/// The ids of the duties that `category`'s findings speak to, ascending. Rules may use it to
/// fill [`Finding::duties`](crate::Finding::duties).
pub fn duties_for(category: Category) -> impl Iterator<Item = u8> {
    DUTIES
        .iter()
        .filter(move |d| d.categories.contains(&category))
        .map(|d| d.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_duties_in_order_five_questions_in_order() {
        let ids: Vec<u8> = duties().iter().map(|d| d.id).collect();
        assert_eq!(ids, (1..=10).collect::<Vec<u8>>());
        let qids: Vec<u8> = questions().iter().map(|q| q.id).collect();
        assert_eq!(qids, vec![1, 2, 3, 4, 5]);
        assert!(duty(0).is_none() && duty(11).is_none());
        assert_eq!(duty(7).map(|d| d.id), Some(7));
    }

    #[test]
    fn category_mapping_is_the_documented_one() {
        let cats = |id: u8| duty(id).unwrap().categories.to_vec();
        assert_eq!(cats(1), vec![UnverifiedClaim, SuspiciousLink]);
        assert_eq!(cats(3), vec![Inflammatory, UnverifiedClaim]);
        assert_eq!(cats(8), vec![InternalDocument, Insinuation, PersonalData]);
        let manual: Vec<u8> = duties()
            .iter()
            .filter(|d| d.is_manual())
            .map(|d| d.id)
            .collect();
        assert_eq!(manual, vec![2, 4, 5, 6, 7, 9, 10]);
        // Every category speaks to at least one duty, so every finding has a place in the popup.
        for c in Category::ALL {
            assert!(duties_for(c).next().is_some(), "{c} speaks to no duty");
        }
        assert_eq!(duties_for(UnverifiedClaim).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(duties_for(PersonalData).collect::<Vec<_>>(), vec![8]);
    }

    #[test]
    fn wording_is_present_short_and_one_line() {
        let all = duties()
            .iter()
            .flat_map(|d| [d.title.vi, d.title.en, d.vi, d.en])
            .chain(questions().iter().flat_map(|q| [q.text.vi, q.text.en]));
        for s in all {
            assert!(!s.trim().is_empty());
            assert!(!s.contains('\n'), "{s:?} is not one line");
            assert!(s.chars().count() <= 120, "{s:?} is too long for one line");
            assert_eq!(s, s.trim());
        }
        for d in duties() {
            assert!(d.title.vi.chars().count() <= 50 && d.title.en.chars().count() <= 50);
            // Vietnamese wording carries diacritics (it is not the English copied over).
            assert_ne!(d.vi, d.en);
            assert!(!d.vi.is_ascii(), "duty {} vi has no diacritics", d.id);
        }
        for q in questions() {
            assert!(q.text.vi.ends_with('?') && q.text.en.ends_with('?'));
        }
    }

    #[test]
    fn serialises_for_the_wasm_facade() {
        let v = serde_json::to_value(duty(8).unwrap()).unwrap();
        assert_eq!(v["id"], 8);
        assert_eq!(v["title"]["vi"], duty(8).unwrap().title.vi);
        assert_eq!(v["text"]["en"], duty(8).unwrap().en);
        assert_eq!(
            v["categories"],
            serde_json::json!(["internal_document", "insinuation", "personal_data"])
        );
        assert_eq!(v["manual"], false);
        assert_eq!(
            serde_json::to_value(duty(2).unwrap()).unwrap()["manual"],
            true
        );
        let q = serde_json::to_value(questions()[0]).unwrap();
        assert_eq!(
            q,
            serde_json::json!({"id": 1, "text": {"vi": questions()[0].text.vi, "en": questions()[0].text.en}})
        );
    }

    /// The extension's `_locales` carry the same wording (the popup falls back to them when the
    /// service worker cannot answer), so the two must not drift apart.
    #[test]
    fn locales_carry_the_same_wording() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../_locales");
        for lang in ["vi", "en"] {
            let path = root.join(lang).join("messages.json");
            let raw = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let m: serde_json::Value = serde_json::from_str(&raw).unwrap();
            let get = |key: String| -> String {
                m[&key]["message"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{lang}: no {key}"))
                    .to_string()
            };
            let pick = |w: &Wording| if lang == "vi" { w.vi } else { w.en };
            for d in duties() {
                assert_eq!(
                    get(format!("duty_{}_title", d.id)),
                    pick(&d.title),
                    "{lang} duty {}",
                    d.id
                );
                assert_eq!(
                    get(format!("duty_{}_text", d.id)),
                    pick(&d.text()),
                    "{lang} duty {}",
                    d.id
                );
            }
            for q in questions() {
                assert_eq!(
                    get(format!("question_{}", q.id)),
                    pick(&q.text),
                    "{lang} question {}",
                    q.id
                );
            }
        }
    }
}
