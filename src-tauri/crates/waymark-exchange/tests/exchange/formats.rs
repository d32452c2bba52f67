//! What every format shares: detection, limits, and exports that read back.

use super::*;

#[test]
fn formats_are_detected_from_the_content() {
    let read = |name: &str| std::fs::read_to_string(fixture(name)).unwrap();
    assert_eq!(detect(&read("json/small.journey.json")), FileFormat::Json);
    assert_eq!(detect(&read("mermaid/simple.mmd")), FileFormat::Mermaid);
    assert_eq!(detect(&read("mermaid/in-readme.md")), FileFormat::Mermaid);
    assert_eq!(detect(&read("csv/long.csv")), FileFormat::Csv);
}

#[test]
fn oversized_deep_binary_and_empty_files_are_refused_clearly() {
    let big = vec![b' '; 50 * 1024 * 1024 + 1];
    let message = import_bytes(&big, "big.json", None, 0)
        .unwrap_err()
        .to_string();
    assert!(message.contains("up to 50 MB"), "{message}");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let message = import_bytes(deep.as_bytes(), "deep.json", Some(FileFormat::Json), 0)
        .unwrap_err()
        .to_string();
    assert!(message.contains("nested too deeply"), "{message}");
    let message = import_bytes(&[b'a', 0xc3, 0x28], "x.csv", None, 0)
        .unwrap_err()
        .to_string();
    assert!(message.contains("not UTF-8"), "{message}");
    let message = import_bytes(&[0xff, 0xfe, 0x00], "x.csv", None, 0)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("UTF-16 text but holds a broken character"),
        "{message}"
    );
    assert_eq!(
        import_bytes(b"  \n", "x.csv", None, 0)
            .unwrap_err()
            .to_string(),
        "the file is empty"
    );
    let mut many = serde_json::from_str::<Value>(
        &std::fs::read_to_string(fixture("json/small.journey.json")).unwrap(),
    )
    .unwrap();
    let card = many["map"]["cards"][0].clone();
    many["map"]["cards"] = Value::Array(vec![card; 50_001]);
    let message = import_bytes(many.to_string().as_bytes(), "many.json", None, 0)
        .unwrap_err()
        .to_string();
    assert!(message.contains("a map holds at most 50000"), "{message}");
}

#[test]
fn csv_and_mermaid_exports_read_back() {
    let map = sample::first_run_sample(0);
    let csv = import_bytes(export_csv(&map).as_bytes(), "meal-kits.csv", None, 0).unwrap();
    assert_eq!(csv.map.cards.len(), map.cards.len());
    assert_eq!(csv.map.stages.len(), map.stages.len());
    assert_eq!(
        csv.map.emotions.len(),
        map.emotions.len(),
        "CSV carries current- and future-state scores"
    );
    assert_eq!(csv.map.title, map.title, "the title, not the file name");
    assert_eq!(csv.map.personas[0].goals, map.personas[0].goals);
    assert!(export_warnings(&map, ExportFormat::Csv).is_empty());
    let warnings = export_warnings(&map, ExportFormat::Mermaid);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    for left_out in [
        "cards in other lanes",
        "Touchpoints",
        "future-state scores",
        "persona details",
    ] {
        assert!(warnings[0].contains(left_out), "{left_out}: {warnings:?}");
    }
    let mermaid = export_mermaid(&map);
    assert!(
        mermaid.starts_with("journey\n    title Meal-kit subscription: first month\n"),
        "{mermaid}"
    );
    let back = import_bytes(mermaid.as_bytes(), "m.mmd", None, 0).unwrap();
    assert_eq!(back.map.title, map.title);
    let actions = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Actions)
        .unwrap();
    let action_cards = map.cards.iter().filter(|c| c.lane_id == actions.id).count();
    assert_eq!(back.map.cards.len(), action_cards);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_import_export_keeps_the_map(cards in 0usize..80, seed in any::<u64>(), edits in prop::collection::vec((any::<u8>(), any::<u16>()), 0..10)) {
        let mut map = sample::synthetic(cards, seed, 1_700_000_000_123);
        // Vary the shape: notes, colours, tags and removed parts.
        for (kind, n) in edits {
            let n = usize::from(n);
            let op = match kind % 4 {
                0 if !map.cards.is_empty() => {
                    let mut card = map.cards[n % map.cards.len()].clone();
                    card.tags = vec![format!("tag{n}")];
                    card.colour = Some("#336699".into());
                    card.text = format!("Ünïcödé «{n}» \"quoted\"\nsecond line");
                    Op::UpdateCard { card }
                }
                1 => Op::SetDescription { description: format!("Description {n}") },
                2 if map.stages.len() > 1 => Op::RemoveStage { id: map.stages[n % map.stages.len()].id.clone() },
                _ => Op::SetEmotion {
                    persona_id: map.personas[n % map.personas.len()].id.clone(),
                    stage_id: map.stages[n % map.stages.len()].id.clone(),
                    state: EmotionState::Future,
                    score: Some((n % 5) as i8 - 2),
                    note: Some(format!("note {n}")),
                },
            };
            waymark_core::apply_batch(&mut map, &[op]).unwrap();
        }
        let first = export_json(&map, 0, "Waymark test");
        let imported = import_bytes(first.as_bytes(), "x.journey.json", None, 5).unwrap();
        let second = export_json(&imported.map, 0, "Waymark test");
        prop_assert_eq!(without_ids(&first), without_ids(&second));
        // A CSV sheet carries the same map, but for the times.
        let sheet = import_bytes(export_csv(&map).as_bytes(), "x.csv", None, map.created_at).unwrap();
        let mut from_csv = sheet.map.into_inner();
        from_csv.updated_at = map.updated_at;
        prop_assert_eq!(without_ids(&first), without_ids(&export_json(&from_csv, 0, "Waymark test")));
    }
}

#[test]
fn a_file_no_reader_fits_is_told_what_each_format_needed() {
    for (name, text) in [
        (
            "notes.md",
            "# Meeting notes\n\nWe talked about the checkout.\n",
        ),
        ("config.yaml", "---\nkind: deployment\nreplicas: 3\n"),
    ] {
        let refused = import_bytes(text.as_bytes(), name, None, 0).err().map(|r| {
            r.problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        });
        let said = refused.expect("refused").join("\n");
        assert!(
            said.contains("not a Waymark map (it is not JSON)"),
            "{said}"
        );
        assert!(said.contains("not a Mermaid journey"), "{said}");
        assert!(
            said.contains("not a journey sheet (no stage column"),
            "{said}"
        );
        assert!(!said.starts_with("row 1"), "{said}");
    }
    // A sheet with the wrong header is a sheet: its own message, as before.
    let sheet = import_bytes(b"step,words\nA,B\n", "s.csv", None, 0)
        .err()
        .unwrap();
    assert!(sheet.problems[0]
        .to_string()
        .starts_with("row 1: no stage column"));
}

#[test]
fn names_that_start_with_a_mermaid_keyword_export_as_names_and_read_back() {
    let mut map = templates::find("blank").unwrap().build("Buying a house", 0);
    let stage = Stage {
        name: "Section 2".into(),
        ..map.stages[0].clone()
    };
    let actions = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Actions)
        .unwrap()
        .id
        .clone();
    let mut ops = vec![Op::UpdateStage { stage }];
    for text in [
        "Title insurance",
        "journey planner: costs",
        "Accdescr notes",
    ] {
        let card = waymark_core::Card::new(map.stages[0].id.clone(), actions.clone(), 99, text);
        ops.push(Op::AddCard { card });
    }
    waymark_core::apply_batch(&mut map, &ops).unwrap();
    let mermaid = export_mermaid(&map);
    for line in mermaid.lines().skip(2) {
        let first = line.split_whitespace().next().unwrap_or("").to_lowercase();
        assert!(
            !["title", "section", "journey", "acctitle", "accdescr"].contains(&first.as_str())
                || line.trim_start().starts_with("section ") && !line.contains("section Section"),
            "{line:?} reads as a keyword"
        );
    }
    let back = import_bytes(mermaid.as_bytes(), "house.mmd", None, 0).unwrap();
    assert_eq!(back.map.stages[0].name, "Section 2");
    assert_eq!(
        card_texts(&back),
        [
            "Title insurance",
            "journey planner: costs",
            "Accdescr notes"
        ]
    );
}

/// Names as people write them: punctuation Mermaid's grammar stops at, keywords, comments,
/// entities, any script.
fn a_name() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Title",
        "title",
        "section",
        "Section",
        "journey",
        "JOURNEY",
        "accTitle",
        "accDescr",
        "%%",
        "%",
        ":",
        "#",
        ";",
        ",",
        "#35;",
        "#quot;",
        "{",
        "}",
        "<br>",
        "-",
        "5",
        "0",
        "Kraków",
        "Ελληνικά",
        "日本語",
        "café",
        "a",
        "Make",
        "tea",
        " ",
        "  ",
        "\t",
    ]);
    prop::collection::vec(piece, 1..8).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A Mermaid export reads back to the same title, stages, Customer actions cards and
    /// persona scores, whatever the names hold.
    #[test]
    fn a_mermaid_export_reads_back_to_the_same_shape(
        title in a_name(),
        stages in prop::collection::vec((a_name(), prop::collection::vec(a_name(), 0..4)), 1..5),
        persona in a_name(),
        scores in prop::collection::vec(prop::option::of(-2i8..=2), 5),
    ) {
        let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut map = waymark_core::JourneyMap::empty(&title, 0);
        let names: Vec<&str> = stages.iter().map(|(n, _)| n.as_str()).collect();
        map.stages = templates::stages_named(&names);
        map.lanes = templates::lanes_of(&[LaneKind::Actions]);
        let persona_name = one_line(&persona);
        let mut persona = sample::synthetic(0, 1, 0).personas[0].clone();
        persona.name = persona_name.clone();
        map.personas = vec![persona.clone()];
        for (stage, (_, texts)) in map.stages.clone().iter().zip(&stages) {
            for (position, text) in (0u32..).zip(texts) {
                map.cards.push(waymark_core::Card::new(stage.id.clone(), map.lanes[0].id.clone(), position, text));
            }
        }
        for (stage, score) in map.stages.clone().iter().zip(&scores) {
            if let Some(score) = score {
                map.emotions.push(waymark_core::EmotionScore {
                    persona_id: persona.id.clone(),
                    stage_id: stage.id.clone(),
                    state: EmotionState::Current,
                    score: *score,
                    note: None,
                });
            }
        }
        let text = export_mermaid(&map);
        let back = import_bytes(text.as_bytes(), "x.mmd", None, 0)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let expected_title = Some(one_line(&title)).filter(|t| !t.is_empty()).unwrap_or_else(|| "Imported journey".into());
        prop_assert_eq!(&back.map.title, &expected_title, "{}", text);
        let stage_names: Vec<String> = back.map.stages.iter().map(|s| s.name.clone()).collect();
        let expected: Vec<String> = stages.iter().map(|(n, _)| Some(one_line(n)).filter(|n| !n.is_empty()).unwrap_or_else(|| "Stage".into())).collect();
        prop_assert_eq!(stage_names, expected, "{}", text);
        let mut cards = Vec::new();
        for (_, texts) in &stages {
            cards.extend(texts.iter().map(|t| Some(one_line(t)).filter(|t| !t.is_empty()).unwrap_or_else(|| "(empty card)".into())));
        }
        prop_assert_eq!(card_texts(&back), cards, "{}", text);
        // Scores travel on tasks, so only a stage with cards carries them.
        let scored = stages.iter().zip(&scores).filter(|((_, t), s)| s.is_some() && !t.is_empty()).count();
        if scored > 0 && !persona_name.is_empty() {
            prop_assert_eq!(back.map.personas.len(), 1);
            prop_assert_eq!(&back.map.personas[0].name, &persona_name);
        }
        for ((stage, (_, texts)), score) in back.map.stages.iter().zip(&stages).zip(&scores) {
            let read = back.map.emotions.iter().find(|e| e.stage_id == stage.id).map(|e| e.score);
            if persona_name.is_empty() || texts.is_empty() {
                continue;
            }
            prop_assert_eq!(read, *score, "{}", text);
        }
    }
}

#[test]
fn sheets_saved_by_excel_as_unicode_text_or_with_a_separator_line_import() {
    let sheet = "stage\tlane\ttext\nDiscover\tCustomer actions\tFinds the café\n";
    for little in [true, false] {
        let mut bytes = if little {
            vec![0xff, 0xfe]
        } else {
            vec![0xfe, 0xff]
        };
        for unit in sheet.encode_utf16() {
            bytes.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        let imported = import_bytes(&bytes, "unicode.txt", None, 0).unwrap();
        assert_eq!(card_texts(&imported), ["Finds the café"]);
    }
    let excel = "sep=;\r\nstage;lane;text\r\nDiscover;Customer actions;Finds it, then pays\r\n";
    let imported = import_bytes(excel.as_bytes(), "excel.csv", None, 0).unwrap();
    assert_eq!(imported.map.stages[0].name, "Discover");
    assert_eq!(card_texts(&imported), ["Finds it, then pays"]);
}
