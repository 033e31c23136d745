//! Figures on sentences written for these tests (none is taken from an article).

use super::*;

/// (label, amount, text as written) of every figure in `sentence`.
fn found(sentence: &str) -> Vec<(String, String, String)> {
    extract(sentence)
        .into_iter()
        .map(|f| (f.label(), f.amount(), f.span.slice(sentence).to_string()))
        .collect()
}

/// (label, amount) of every figure in `sentence`.
fn said(sentence: &str) -> Vec<(String, String)> {
    found(sentence)
        .into_iter()
        .map(|(l, a, _)| (l, a))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(l, a)| (l.to_string(), a.to_string()))
        .collect()
}

#[test]
fn a_count_with_its_event_before_it() {
    assert_eq!(
        said("وأسفرت المواجهات في المدينة عن مقتل 47 شخصا."),
        pairs(&[("killed", "47")])
    );
    assert_eq!(
        said("وأوقفت الشرطة 120 شخصا في الليلة الأولى."),
        pairs(&[("arrested", "120")])
    );
}

#[test]
fn a_count_with_its_event_after_it() {
    assert_eq!(
        said("وقالت الوزارة إن 33 شخصا جرحوا في الاشتباكات."),
        pairs(&[("wounded", "33")])
    );
    assert_eq!(
        said("وأعلن المتحدث أن 160 لقوا حتفهم."),
        pairs(&[("killed", "160")])
    );
}

#[test]
fn qualifiers_before_the_number() {
    assert_eq!(
        found("أعلنت السلطات توقيف أكثر من 350 شخصا."),
        [(
            "arrested".into(),
            "more than 350".into(),
            "أكثر من 350".into()
        )]
    );
    assert_eq!(
        found("واعتُقل قرابة 3 آلاف شخص خلال الحملة."),
        [(
            "arrested".into(),
            "about 3,000".into(),
            "قرابة 3 آلاف".into()
        )]
    );
    assert_eq!(
        said("وأشارت إلى مقتل ما لا يقل عن 72 شخصا."),
        pairs(&[("killed", "at least 72")])
    );
    assert_eq!(
        said("وخلفت الأحداث ما يزيد على 500 جريح."),
        pairs(&[("wounded", "more than 500")])
    );
    for about in ["نحو", "حوالي", "زهاء", "ما يقارب", "بنحو"] {
        assert_eq!(
            said(&format!("وقدر الدفاع المدني إجلاء {about} 900 شخص.")),
            pairs(&[("evacuated", "about 900")]),
            "{about}"
        );
    }
}

#[test]
fn at_least_after_the_noun_phrase_is_part_of_the_figure() {
    assert_eq!(
        found("وأضاف أن 12 من عناصر الأمن على الأقل لقوا حتفهم."),
        [(
            "security forces killed".into(),
            "at least 12".into(),
            "12 من عناصر الأمن على الأقل".into()
        )]
    );
}

#[test]
fn whose_count_it_is() {
    assert_eq!(
        said("وأصيب نحو 40 شرطيا بجروح طفيفة."),
        pairs(&[("police injured", "about 40")])
    );
    assert_eq!(
        said("وقتل خمسة جنود في الكمين."),
        pairs(&[("soldiers killed", "5")])
    );
    assert_eq!(
        said("وسقط سبعة قتلى في صفوف رجال الأمن."),
        pairs(&[("security forces killed", "7")])
    );
    assert_eq!(
        said("وأصيب تسعة من رجال الشرطة."),
        pairs(&[("police injured", "9")])
    );
    assert_eq!(
        said("ونددت المنظمة بمقتل عشرات المدنيين."),
        pairs(&[("civilians killed", "dozens")])
    );
    assert_eq!(
        said("وقتل 4 فلسطينيين في المداهمة."),
        pairs(&[("killed", "4")])
    );
}

#[test]
fn coordinated_counts_share_their_trigger() {
    assert_eq!(
        said("وأكدت الوزارة أن 31 متظاهرا و9 من موظفي الأمن لقوا حتفهم."),
        pairs(&[("protesters killed", "31"), ("security forces killed", "9")])
    );
    assert_eq!(
        said("قتل 6 مدنيين و3 جنود في القصف."),
        pairs(&[("civilians killed", "6"), ("soldiers killed", "3")])
    );
}

#[test]
fn each_trigger_goes_to_the_nearest_count() {
    assert_eq!(
        said("قتل 5 وأصيب 10 في الانفجار."),
        pairs(&[("killed", "5"), ("wounded", "10")])
    );
    // "ومقتل" belongs to the number right after it, not to the arrests before.
    assert_eq!(
        said("وقد اعتقل قرابة 4 آلاف شخص ومقتل 90 آخرين."),
        pairs(&[("arrested", "about 4,000"), ("killed", "90")])
    );
    assert_eq!(
        said("وذكرت أن 14 شرطيا أصيبوا بجروح وأحرقت 23 سيارة للشرطة."),
        pairs(&[("police injured", "14"), ("vehicles damaged", "23")])
    );
}

#[test]
fn sub_counts_need_their_own_trigger() {
    assert_eq!(
        said("وأصيب 300 شخص، نقل 120 منهم إلى المستشفيات و15 في العناية المركزة."),
        pairs(&[
            ("wounded", "300"),
            ("hospitalised", "120"),
            ("in intensive care", "15")
        ])
    );
    // Without one, a part counts what its total counts, marked as a part.
    let parts = |s: &str| -> Vec<(String, String, bool)> {
        extract(s)
            .into_iter()
            .map(|f| (f.label(), f.amount(), f.sub))
            .collect()
    };
    assert_eq!(
        parts("وقتل 90 شخصا، 40 منهم في الجنوب."),
        [
            ("killed".to_string(), "90".to_string(), false),
            ("of them killed".to_string(), "40".to_string(), true)
        ]
    );
    assert_eq!(
        parts("قتل 90 شخصا بينهم 12 طفلا."),
        [
            ("killed".to_string(), "90".to_string(), false),
            (
                "of them children killed".to_string(),
                "12".to_string(),
                true
            )
        ]
    );
}

#[test]
fn a_hospital_before_a_number_is_not_its_trigger() {
    assert!(said("وأخلي المستشفى بعد أن اقتحمه 30 مسلحا.").is_empty());
}

#[test]
fn property_and_money() {
    assert_eq!(
        said("وتضررت 58 سيارة في الحي."),
        pairs(&[("vehicles damaged", "58")])
    );
    assert_eq!(
        said("وتعرض نحو 200 متجر للنهب."),
        pairs(&[("buildings looted", "about 200")])
    );
    assert_eq!(
        said("ولحقت أضرار بأكثر من 70 مبنى."),
        pairs(&[("buildings damaged", "more than 70")])
    );
    assert_eq!(
        said("وقدرت الغرفة التجارية الخسائر بنحو 40 مليون دولار."),
        pairs(&[("losses (USD)", "about USD 40 million")])
    );
    assert_eq!(
        said("وقالت الشركة إنها خسرت 2.5 مليار يورو."),
        pairs(&[("losses (EUR)", "EUR 2.5 billion")])
    );
    // Money without a loss is not a figure we track.
    assert!(said("وتبرعت الحكومة بمبلغ 5 ملايين دولار.").is_empty());
}

#[test]
fn numbers_that_count_nothing_we_track() {
    for sentence in [
        "وتشهد البلاد احتجاجات لم تعرفها منذ عام 2011.",
        "وحكم البلاد من 1991 إلى 2019 دون انقطاع.",
        "وفرضت حالة الطوارئ من 3 إلى 17 فبراير.",
        "واعتقل الناشط في 9 آذار الماضي.",
        "وانتقد الرئيس السابق ، 76 ، قرار الاعتقال.",
        "وقال لقناة “الأفق 7” إن الوضع هادئ.",
        "وارتفعت الأسعار 45 بالمئة بعد الاعتقالات.",
        "وارتفعت الأسعار 45% بعد الاعتقالات.",
        "ونشر الفيديو على https://example.org/news/2022/5 بعد الاعتقال.",
        "وكتب @user_42 عن الاعتقالات.",
        "وبدأ حظر التجول الساعة 10 مساء.",
        "ووقعت الاعتقالات خلال 30 تحقيقا.",
        "واستمرت الاعتقالات 3 أيام.",
        "وشملت الاعتقالات مناطق عدة.",
        "وأصيب الجنود في أحد الأحياء يوم الاثنين.",
    ] {
        assert_eq!(said(sentence), [], "{sentence}");
    }
}

#[test]
fn a_population_is_labelled_as_such() {
    assert_eq!(
        said("ويبلغ عدد سكانها 8 ملايين نسمة."),
        pairs(&[("population", "8 million")])
    );
    // Residents are not a population.
    assert!(said("واضطر آلاف من سكان المدينة إلى الفرار.").is_empty());
    assert!(said("ويتحدث خمس سكان البلاد الروسية.").is_empty());
}

#[test]
fn a_status_noun_counts_within_coordination() {
    assert_eq!(
        said("وأودى الحادث بحياة 9 أشخاص وأكثر من أربعين مصابا."),
        pairs(&[("killed", "9"), ("wounded", "more than 40")])
    );
}

#[test]
fn a_number_run_into_another_is_dropped() {
    // A typo: "40" before "about 2,000"; keep what the words say.
    assert_eq!(
        said("اعتقال 40 قرابة ألفي شخص"),
        pairs(&[("arrested", "about 2,000")])
    );
}

#[test]
fn vague_counts() {
    assert_eq!(
        said("وقال الشهود إن عدة مئات من الناس تظاهروا أمام البرلمان."),
        pairs(&[("protesters", "hundreds")])
    );
    assert_eq!(
        said("وأعلنت الشرطة إصابة العشرات."),
        pairs(&[("wounded", "dozens")])
    );
    assert_eq!(
        said("وتم القضاء على عشرات المسلحين."),
        pairs(&[("attackers killed", "dozens")])
    );
    let figure = &extract("وأعلنت الشرطة إصابة العشرات.")[0];
    assert_eq!(figure.value, None);
    assert_eq!(figure.qualifier, Qualifier::Vague(Vague::Dozens));
}

#[test]
fn number_words_and_clitics() {
    assert_eq!(
        said("قتل ثمانية عشر شخصا في الهجوم."),
        pairs(&[("killed", "18")])
    );
    assert_eq!(
        said("وأصيب خمسة وعشرون من المارة."),
        pairs(&[("wounded", "25")])
    );
    assert_eq!(
        said("قتل اثنان وأصيب ثلاثة."),
        pairs(&[("killed", "2"), ("wounded", "3")])
    );
    assert_eq!(
        said("وتضررت بـ 37 سيارة."),
        pairs(&[("vehicles damaged", "37")])
    );
    assert_eq!(
        said("وأفادت بمقتل ٢١٥ شخصاً واعتقال ٣٬٤٠٠ آخرين."),
        pairs(&[("killed", "215"), ("arrested", "3,400")])
    );
}

#[test]
fn a_toll_reached_across_a_comma() {
    assert_eq!(
        said("وارتفع عدد القتلى إلى 63."),
        pairs(&[("killed", "63")])
    );
    assert_eq!(
        said("وقالت إن إجمالي الذين تم توقيفهم في 40 مداهمة، بلغ 950 شخصا."),
        pairs(&[("arrested", "950")])
    );
    assert_eq!(
        said("وقالت إن عدد المفقودين تجاوز 70."),
        pairs(&[("missing", "more than 70")])
    );
}

#[test]
fn killed_and_wounded_together_are_casualties() {
    assert_eq!(
        said("وأسفر القصف عن مقتل وإصابة نحو 25 قرويا."),
        pairs(&[("killed or wounded", "about 25")])
    );
    assert_eq!(
        said("وأوقع الانفجار 7 قتلى و19 جريحا."),
        pairs(&[("killed", "7"), ("wounded", "19")])
    );
    // Two verbs, each with its own number.
    assert_eq!(
        said("وقالت الوزارة إن 5 من رجال الشرطة قتلوا وجرح 40."),
        pairs(&[("police killed", "5"), ("wounded", "40")])
    );
}

#[test]
fn a_status_noun_does_not_outrank_the_event() {
    assert_eq!(said("وراح ضحيته 58 لاجئا."), pairs(&[("killed", "58")]));
    assert_eq!(
        said("وتضم المخيمات نحو 4000 نازح."),
        pairs(&[("displaced", "about 4,000")])
    );
}

#[test]
fn lives_lost() {
    assert_eq!(
        said("وفقد 11 شخصا حياتهم في الفيضانات."),
        pairs(&[("killed", "11")])
    );
}

#[test]
fn troops_deployed_and_crowds() {
    assert_eq!(
        said("وانتشر مئات الجنود في الساحة."),
        pairs(&[("soldiers deployed", "hundreds")])
    );
    assert_eq!(
        said("وحاول آلاف المتظاهرين دخول المقر."),
        pairs(&[("protesters", "thousands")])
    );
}

#[test]
fn amounts_in_english() {
    assert_eq!(format_number(1000.0), "1,000");
    assert_eq!(format_number(5800.0), "5,800");
    assert_eq!(format_number(1_234_567.0), "1,234,567");
    assert_eq!(format_number(7.5), "7.5");
    assert_eq!(format_number(175e6), "175 million");
    assert_eq!(format_number(1.5e9), "1.5 billion");
    assert_eq!(format_number(12.0), "12");
}

#[test]
fn figures_serialize_in_snake_case() {
    let figure = &extract("وأصيب تسعة من رجال الأمن.")[0];
    let json = serde_json::to_value(figure).unwrap();
    assert_eq!(json["measure"], "wounded");
    assert_eq!(json["who"], "security_forces");
    assert_eq!(json["qualifier"], "exact");
    assert_eq!(json["value"], 9.0);
    let vague = &extract("ونددت المنظمة بمقتل عشرات المدنيين.")[0];
    let json = serde_json::to_value(vague).unwrap();
    assert_eq!(json["qualifier"]["vague"], "dozens");
    assert!(json["value"].is_null());
    let money = &extract("وقالت الشركة إنها خسرت 2.5 مليار يورو.")[0];
    assert_eq!(
        serde_json::to_value(money).unwrap()["measure"]["losses"],
        "eur"
    );
}

#[test]
fn disagreements_group_amounts_by_topic() {
    let sentences = [
        "وأعلنت الوزارة مقتل 160 شخصا.",                // 0: killed 160
        "وقالت مصادر طبية إن 164 شخصا على الأقل قتلوا.", // 1: killed at least 164
        "وأكدت الرئاسة مقتل 160 شخصا.",                 // 2: killed 160 (agrees with 0)
        "وأصيب أكثر من ألف شخص.",                       // 3: wounded, alone
        "وقتل 8 من أفراد الأمن.",                        // 4: security forces killed 8
        "وقتل ثمانية من عناصر الأمن.",                   // 5: security forces killed 8 (agrees)
        "واعتقل نحو 6 آلاف شخص.",                        // 6: arrested about 6,000
        "وبلغ عدد المعتقلين 5800 شخص.",                 // 7: arrested 5,800
    ];
    let figures: Vec<Figure> = sentences.iter().flat_map(|s| extract(s)).collect();
    assert_eq!(figures.len(), 8, "{figures:?}");
    let found = disagreements(&figures);
    assert_eq!(
        found
            .iter()
            .map(|d| (d.label.as_str(), d.amounts.clone()))
            .collect::<Vec<_>>(),
        [
            (
                "killed",
                vec![
                    ("160".to_string(), vec![0, 2]),
                    ("at least 164".to_string(), vec![1])
                ]
            ),
            (
                "arrested",
                vec![
                    ("about 6,000".to_string(), vec![6]),
                    ("5,800".to_string(), vec![7])
                ]
            ),
        ]
    );
    assert_eq!(found[0].topic, figures[0].topic());
}

#[test]
fn the_same_value_with_another_qualifier_disagrees() {
    let figures: Vec<Figure> = ["قتل 8 من رجال الأمن.", "قتل 8 من رجال الأمن على الأقل."]
        .iter()
        .flat_map(|s| extract(s))
        .collect();
    let found = disagreements(&figures);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].label, "security forces killed");
    assert_eq!(found[0].amounts.len(), 2);
    assert!(disagreements(&[]).is_empty());
}

#[test]
fn empty_and_odd_input() {
    assert!(extract("").is_empty());
    assert!(extract("   ").is_empty());
    assert!(extract("،،، 5").is_empty());
    assert!(extract("قتل").is_empty());
    assert!(extract("5").is_empty());
    assert!(extract("\u{200F}قتل\u{200F} 5\u{200F}").len() <= 1);
}

proptest::proptest! {
    #[test]
    fn extract_never_panics_and_spans_are_boundaries(text in "\\PC{0,80}") {
        for f in extract(&text) {
            proptest::prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(f.span.start));
            proptest::prop_assert!(text.is_char_boundary(f.span.end));
        }
    }

    #[test]
    fn extract_on_arabic_like_text(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "قتل", "أصيب", "اعتقال", "5", "٣٬٤٠٠", "أكثر", "من", "نحو", "ألف", "آلاف", "عشرات",
            "شخصا", "منهم", "في", "المستشفى", "و", "و16", "بـ", "،", ".", "على", "الأقل", "سيارة",
            "مليون", "يورو", "خسائر", "عام", "2019", "يناير", "إلى", "%", "“", "”", "ثمانية",
            "عشر", "قرابة", "بلغ", "عدد", "القتلى", "الأمن", "قوات", "كما", "ما", "لا", "يقل", "عن",
        ]),
        0..30,
    )) {
        let text = words.join(" ");
        for f in extract(&text) {
            proptest::prop_assert!(text.is_char_boundary(f.span.start));
            proptest::prop_assert!(text.is_char_boundary(f.span.end));
            proptest::prop_assert!(!f.span.slice(&text).is_empty());
            proptest::prop_assert!(!f.label().is_empty() && !f.amount().is_empty());
        }
    }
}

#[test]
fn martyrdom_is_a_death() {
    assert_eq!(
        said("وأسفر الهجوم عن استشهاد 11 من رجال الأمن وإصابة 7 آخرين."),
        pairs(&[
            ("security forces killed", "11"),
            ("security forces injured", "7")
        ])
    );
    assert_eq!(
        said("وخلف القصف 4 شهداء من المدنيين."),
        pairs(&[("civilians killed", "4")])
    );
    // The other sense, "cited", has no number to count.
    assert!(said("واستشهد الكاتب بقول مأثور عن الصبر.").is_empty());
}

#[test]
fn a_part_counts_what_its_total_counts_and_is_never_its_rival() {
    let figures = extract(
        "ونتج عن التفجير استشهاد 14 مصليا، ثمانية منهم من رجال الأمن، وستة من العاملين في المسجد.",
    );
    let shown: Vec<(String, String, bool)> = figures
        .iter()
        .map(|f| (f.label(), f.amount(), f.sub))
        .collect();
    assert_eq!(
        shown,
        [
            ("killed".to_string(), "14".to_string(), false),
            ("of them killed".to_string(), "8".to_string(), true),
            ("of them killed".to_string(), "6".to_string(), true),
        ]
    );
    assert!(disagreements(&figures).is_empty(), "{figures:?}");
}

#[test]
fn two_groups_joined_by_and_share_their_event() {
    assert_eq!(
        said("وأسفر الانفجار عن استشهاد تسعة من منسوبي قوات الطوارئ وأربعة من العاملين في الموقع."),
        pairs(&[("security forces killed", "9"), ("killed", "4")])
    );
}

#[test]
fn a_bare_number_joined_by_and_keeps_its_own_predicate() {
    // تضرروا (affected) is no event of the lexicon: the 200,000 are not dead.
    assert_eq!(
        said("وقتل 30 شخصا في الفيضانات التي ضربت الولاية أمس وأكثر من مائتي ألف تضرروا منها."),
        pairs(&[("killed", "30")])
    );
}

#[test]
fn a_number_in_brackets_beside_its_words_is_one_count() {
    assert_eq!(
        found("نتج عن الحادث استشهاد (12) اثني عشر مصلياً.")
            .into_iter()
            .map(|(l, a, _)| (l, a))
            .collect::<Vec<_>>()
            .first()
            .cloned(),
        Some(("killed".to_string(), "12".to_string()))
    );
}

#[test]
fn infection_is_a_case_not_a_wound() {
    assert_eq!(
        said("وسجلت الوزارة إصابة 4 مقيمين بفيروس كورونا في جدة."),
        pairs(&[("cases", "4")])
    );
    assert_eq!(
        said("وأصيب 4 أشخاص في حادث مروري على طريق الطائف."),
        pairs(&[("wounded", "4")])
    );
}

#[test]
fn a_companys_loss_is_a_result_not_damage() {
    assert!(said("وسجلت الشركة خسائر قدرها 120 مليون ريال خلال الربع الثاني.").is_empty());
    assert_eq!(
        said("وقدرت الخسائر بنحو 3 ملايين ريال بعد الحريق."),
        pairs(&[("losses (riyals)", "about riyals 3 million")])
    );
}

#[test]
fn killed_and_wounded_with_one_number_is_one_toll() {
    assert_eq!(
        said("وتمكنت القوات من قتل وجرح العشرات من المسلحين."),
        pairs(&[("attackers killed or wounded", "dozens")])
    );
    // Each verb with its own number stays two figures.
    assert_eq!(
        said("وقالت الشرطة إن 12 شخصا قتلوا وجرح 40 آخرون."),
        pairs(&[("killed", "12"), ("wounded", "40")])
    );
}

#[test]
fn more_nouns_of_people() {
    assert_eq!(
        said("وأصيبت أربع مواطنات بفيروس كورونا أمس."),
        pairs(&[("cases", "4")])
    );
    assert_eq!(
        said("وهي الجريمة التي راح ضحيتها عشرات الأبرياء."),
        pairs(&[("killed", "dozens")])
    );
    assert_eq!(
        said("وأصيب ثلاثة مجندين بطلقات نارية."),
        pairs(&[("security forces injured", "3")])
    );
    assert_eq!(
        said("في المذبحة التي قتل فيها آلاف المسلمين."),
        pairs(&[("killed", "thousands")])
    );
}

#[test]
fn an_ordinal_or_a_capacity_is_not_a_count() {
    assert!(said("واستقبلت العيادة المرضى في أسبوعها 57 بمخيم اللاجئين.").is_empty());
    assert!(said("وكان القارب يقل لاجئين رغم أن سعته 30 شخصا فقط.").is_empty());
}

#[test]
fn an_event_word_in_brackets_is_still_the_event() {
    assert_eq!(
        said("وقالت الوزارة إن الهجوم أسفر عن (استشهاد) 12 مدنيا."),
        pairs(&[("civilians killed", "12")])
    );
}

#[test]
fn a_count_added_with_in_addition_to_counts_the_same() {
    assert_eq!(
        said("ونتج عنه استشهاد سبعة من رجال الأمن، إضافة إلى اثنين من العاملين في الموقع."),
        pairs(&[("security forces killed", "7"), ("killed", "2")])
    );
    assert_eq!(
        said("وأسفرت المعارك عن استشهاد 11 مقاتلا بالإضافة إلى أربعة مدنيين."),
        pairs(&[("attackers killed", "11"), ("civilians killed", "4")])
    );
}

#[test]
fn fighters_who_fell_are_killed_and_others_are_of_the_same_side() {
    assert_eq!(
        said("ما أدى إلى سقوط 9 مسلحين وإصابة خمسة آخرين."),
        pairs(&[("attackers killed", "9"), ("attackers injured", "5")])
    );
    assert_eq!(
        said("ولقي 4 من رجال الأمن مصرعهم وأصيب 70 آخرون بجروح."),
        pairs(&[
            ("security forces killed", "4"),
            ("security forces injured", "70")
        ])
    );
    // A fall that is not of people counts nothing.
    assert!(said("وأدى ذلك إلى سقوط 5 قذائف على الحي.").is_empty());
}

#[test]
fn a_crowd_at_a_commemoration_is_not_a_protest() {
    assert!(said("واحتشد عشرات الآلاف في مراسم لإحياء ذكرى الضحايا.").is_empty());
    assert_eq!(
        said("واحتشد آلاف المحتجين أمام البرلمان."),
        pairs(&[("protesters", "thousands")])
    );
}

#[test]
fn refugees_in_millions_and_fractions() {
    assert_eq!(
        said("ويستضيف البلد أكثر من مليون و200 ألف لاجئ ونصف مليون لاجئ من بلد آخر."),
        pairs(&[
            ("displaced", "more than 1.2 million"),
            ("displaced", "500,000")
        ])
    );
}

#[test]
fn a_joined_count_of_trainees_is_killed_too() {
    assert_eq!(
        said("وقالت إن التفجير خلف 4 شهداء من رجال الأمن و3 متدربين."),
        pairs(&[("security forces killed", "4"), ("killed", "3")])
    );
}

#[test]
fn a_count_of_eleven_or_more_counts_a_singular_nisba() {
    assert_eq!(
        said("وأسفرت الحرب عن مقتل أكثر من 1500 فلسطيني."),
        pairs(&[("killed", "more than 1,500")])
    );
    // A year with the article after it stays a year.
    assert!(said("وفي عام 2015 الميلادي جرح الكثيرون.").is_empty());
}

#[test]
fn the_carried_wounded_are_evacuated_and_passengers_are_no_toll() {
    assert_eq!(
        said("وأقلت الطائرة نحو 60 جريحا إلى الخارج."),
        pairs(&[("evacuated", "about 60")])
    );
    assert!(said("وكانت الحافلة تقل قرابة 30 لاجئا قبل أن تنقلب.").is_empty());
}

#[test]
fn lives_and_wounded_together_and_the_wounded_still_treated() {
    assert_eq!(
        said("وقدمت المدينة مئات الأرواح والجرحى في الحرب."),
        pairs(&[("killed or wounded", "hundreds")])
    );
    assert_eq!(
        said("وتم نقل خمسة منهم إلى العاصمة لتلقي العلاج."),
        pairs(&[("hospitalised", "5")])
    );
    assert_eq!(
        said("وقال إن 12 شخصا ما زال يجري تمريضهم."),
        pairs(&[("hospitalised", "12")])
    );
}

#[test]
fn at_least_and_not_less_than_carry_nobody() {
    assert_eq!(
        said("ولقي 3 من رجال الأمن على الأقل مصرعهم وأصيب 20 آخرون بجروح."),
        pairs(&[
            ("security forces killed", "at least 3"),
            ("security forces injured", "20")
        ])
    );
    assert_eq!(
        said("وقالت إن عدد الجرحى لا يقل عن 40."),
        pairs(&[("wounded", "at least 40")])
    );
}

#[test]
fn those_it_called_attackers_are_attackers() {
    assert_eq!(
        said("وأعلنت الشرطة أنها قتلت عشرات ممن وصفتهم بالمسلحين."),
        pairs(&[("attackers killed", "dozens")])
    );
}

#[test]
fn a_number_in_brackets_and_in_words_is_one_count() {
    assert_eq!(
        said("ونتج عن الحادث استشهاد (12) اثني عشر وإصابة (20) عشرين."),
        pairs(&[("killed", "12"), ("wounded", "20")])
    );
}

#[test]
fn the_served_the_discharged_and_a_buildings_residents_are_no_toll() {
    assert!(said("واستفاد 140 لاجئا سوريا من خدمات العيادات.").is_empty());
    assert!(said("وأشار إلى أن 20 مصابا خرجوا من المستشفى.").is_empty());
    assert!(said("وتم إخلاء سكان المبنى المقدر عددهم بنحو 30 شخصا.").is_empty());
    assert!(said("وقدمت الوزارة دورات لتدريب 900 من التمريض.").is_empty());
}

#[test]
fn some_of_the_dead_are_a_part_and_a_verb_of_its_own_keeps_the_event_away() {
    assert_eq!(
        found("قتل 11 شخصا في القصف، وقال المرصد إن تسعة من القتلى أطفال.")
            .iter()
            .map(|(l, a, _)| (l.as_str(), a.as_str()))
            .collect::<Vec<_>>(),
        [("killed", "11"), ("of them killed", "9")]
    );
    assert_eq!(
        said("وقال إن 30 شخصا لقوا مصرعهم وأكثر من مئة ألف تضرروا بالسيول."),
        pairs(&[("killed", "30")])
    );
}

#[test]
fn the_resistance_is_not_the_attackers() {
    assert_eq!(
        said("وقتل 42 مسلحا حوثيا، بينما قتل 9 من مسلحي المقاومة."),
        pairs(&[
            ("attackers killed", "42"),
            ("resistance fighters killed", "9")
        ])
    );
    assert_eq!(
        said("ولقي ثلاثة من رجال المقاومة مصرعهم."),
        pairs(&[("resistance fighters killed", "3")])
    );
    assert_eq!(
        said("فيما قتل 7 مقاتلين من المقاومة."),
        pairs(&[("resistance fighters killed", "7")])
    );
}
