//! Every format, layout and kind of error, from fixture files in tests/fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use waymark_core::{sample, templates, EmotionState, Lane, LaneId, LaneKind, Op, Stage};
use waymark_exchange::{
    detect, export_csv, export_json, export_mermaid, export_warnings, import_bytes, import_file,
    json_schema, ExportFormat, FileFormat, Imported, Location, Refused,
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures")
        .join(name)
}

fn import(name: &str) -> Result<Imported, Refused> {
    import_file(&fixture(name), None, 0)
}

fn refused(name: &str) -> Vec<String> {
    match import(name) {
        Ok(_) => panic!("{name} was accepted"),
        Err(refused) => refused.problems.iter().map(ToString::to_string).collect(),
    }
}

fn card_texts(imported: &Imported) -> Vec<String> {
    let map = &imported.map;
    let mut texts = Vec::new();
    for stage in &map.stages {
        for lane in &map.lanes {
            texts.extend(
                map.cell_cards(&stage.id, &lane.id)
                    .iter()
                    .map(|c| c.text.clone()),
            );
        }
    }
    texts
}

#[test]
fn a_waymark_file_imports_with_fresh_ids_and_warns_of_unknown_fields() {
    let imported = import("json/small.journey.json").unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "Kraków café: first visit");
    assert_eq!(
        (map.stages.len(), map.lanes.len(), map.cards.len()),
        (2, 3, 4)
    );
    assert_eq!(
        imported.source_map_id.as_ref().unwrap().as_str(),
        "map-from-a-colleague"
    );
    assert_ne!(
        map.id.as_str(),
        "map-from-a-colleague",
        "an import always gets a fresh id"
    );
    assert!(map
        .stages
        .iter()
        .all(|s| s.id.as_str() != "s1" && s.id.as_str() != "s2"));
    let pain = map
        .cards
        .iter()
        .find(|c| c.text == "Ουρά στο ταμείο")
        .unwrap();
    assert_eq!(
        (pain.severity, pain.tags.clone()),
        (Some(4), vec!["queue".to_owned()])
    );
    let future: Vec<_> = map
        .emotions
        .iter()
        .filter(|e| e.state == EmotionState::Future)
        .collect();
    assert_eq!(future.len(), 1);
    assert_eq!(
        imported.warnings,
        ["ignored the unknown field map.personas[0].mood"]
    );
    assert_eq!(
        map.updated_at, 1_795_109_400_250,
        "times are kept to the millisecond"
    );
}

#[test]
fn a_bom_and_crlf_are_accepted() {
    let imported = import("json/bom-crlf.journey.json").unwrap();
    assert_eq!(imported.map.title, "Kraków café: first visit");
}

#[test]
fn a_newer_format_is_refused_with_its_version() {
    assert_eq!(
        refused("json/newer-version.journey.json"),
        ["this file was made by a newer Waymark (format v2); this version reads up to v1. Update Waymark to import it."]
    );
}

#[test]
fn every_broken_rule_is_listed_at_its_json_path() {
    let problems = refused("json/broken-rules.journey.json");
    let expected = [
        "map.stages[1]: The stage colour must be a colour written like #3366cc, not \"blue\".",
        "map.cards[1].stage: expected the id of a stage in map.stages, not \"s9\"",
        "map.cards[2]: The severity must be from 1 to 5, not 9.",
        "map.emotions[0]: The emotion score must be from -2 to 2, not 5.",
    ];
    assert_eq!(problems, expected);
}

#[test]
fn a_wrong_type_is_reported_at_its_path() {
    let problems = refused("json/wrong-type.journey.json");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("map.cards[3].text: invalid type: integer `42`, expected a string"),
        "{problems:?}"
    );
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let refused = import("json/syntax-error.journey.json").unwrap_err();
    assert_eq!(
        refused.problems[0].location,
        Location::Text { line: 6, column: 3 }
    );
    assert!(
        refused
            .to_string()
            .starts_with("line 6, column 3: this is not valid JSON"),
        "{refused}"
    );
}

#[test]
fn other_json_is_not_taken_for_a_map() {
    let problems = refused("json/not-waymark.json");
    assert_eq!(problems, ["format: this JSON file is not a Waymark map: expected \"format\": \"waymark.journey-map\""]);
}

#[test]
fn mermaid_sections_tasks_actors_and_scores_become_a_map() {
    let imported = import("mermaid/simple.mmd").unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "My working day");
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Go to work", "Go home"]);
    assert_eq!(
        card_texts(&imported),
        [
            "Make tea",
            "Go upstairs",
            "Do work",
            "Go downstairs",
            "Sit down"
        ]
    );
    assert_eq!(map.lanes[0].kind, LaneKind::Actions);
    let names: Vec<&str> = map.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Me", "Cat"]);
    let score = |persona: usize, stage: usize| {
        map.emotions
            .iter()
            .find(|e| {
                e.persona_id == map.personas[persona].id && e.stage_id == map.stages[stage].id
            })
            .map(|e| e.score)
    };
    // Me: (5 + 3 + 1) / 3 = 3 → 0; Cat: 1 → −2; Me at home: 5 → +2.
    assert_eq!(
        (score(0, 0), score(1, 0), score(0, 1), score(1, 1)),
        (Some(0), Some(-2), Some(2), None)
    );
}

#[test]
fn mermaid_names_may_hold_colons_parentheses_slashes_and_any_script() {
    let imported = import("mermaid/names-with-punctuation.mmd").unwrap();
    assert_eq!(imported.map.title, "Onboarding: week 1 (B2B)");
    assert_eq!(imported.map.stages[0].name, "Sign-up / SSO: day 1");
    assert_eq!(imported.map.stages[1].name, "Первая неделя");
    assert_eq!(
        card_texts(&imported),
        [
            "Reads \"Getting started: part 1\" (PDF)",
            "Invites team/colleagues",
            "Configures Ελληνικά locale"
        ]
    );
    assert_eq!(imported.map.personas[1].name, "Пользователь");
}

#[test]
fn mermaid_scores_outside_1_to_5_are_clamped_with_a_warning() {
    let imported = import("mermaid/scores-out-of-range.mmd").unwrap();
    assert_eq!(imported.warnings.len(), 2, "{:?}", imported.warnings);
    assert!(
        imported.warnings[0].starts_with("line 4: the score 0 of \"Waits in line\""),
        "{:?}",
        imported.warnings
    );
    assert_eq!(
        imported.map.emotions[0].score, 0,
        "mean of 1 and 5 is 3 → 0"
    );
}

#[test]
fn mermaid_errors_give_line_and_column_and_are_all_listed() {
    let problems = refused("mermaid/bad-task.mmd");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("line 4, column 5: expected \"section NAME\""),
        "{problems:?}"
    );
    assert!(problems[1].starts_with("line 5, column 5:"), "{problems:?}");
}

#[test]
fn a_task_line_that_is_only_a_number_is_an_error_not_a_crash() {
    // Found by the fuzzer: "5" alone once passed for a score with an empty name.
    let refused = import_bytes(b"journey\n  section A\n    5\n", "x.mmd", None, 0).unwrap_err();
    assert!(
        refused
            .to_string()
            .starts_with("line 3, column 5: expected"),
        "{refused}"
    );
}

#[test]
fn the_first_mermaid_journey_block_of_a_markdown_file_is_used() {
    let imported = import("mermaid/in-readme.md").unwrap();
    assert_eq!(imported.map.title, "Renewing a library card");
    assert_eq!(imported.map.personas.len(), 2);
}

#[test]
fn a_long_csv_gives_cards_lanes_fields_and_scores() {
    let imported = import("csv/long.csv").unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "long", "titled after the file");
    let lanes: Vec<(&str, LaneKind)> = map
        .lanes
        .iter()
        .map(|l| (l.title.as_str(), l.kind))
        .collect();
    assert_eq!(
        lanes,
        [
            ("Customer actions", LaneKind::Actions),
            ("Touchpoints", LaneKind::Touchpoints),
            ("Pain points", LaneKind::PainPoints),
            ("Opportunities", LaneKind::Opportunities),
            ("KPIs", LaneKind::Kpis),
            ("Our own lane", LaneKind::Custom),
            ("Notes", LaneKind::Notes),
        ]
    );
    let card = |text: &str| map.cards.iter().find(|c| c.text == text).unwrap();
    assert_eq!(card("TikTok ad").channel.as_deref(), Some("TikTok"));
    assert_eq!(card("Surprise \"delivery\" fee").severity, Some(4));
    assert_eq!(
        (
            card("Show the full price early").impact,
            card("Show the full price early").effort
        ),
        (Some(5), Some(2))
    );
    assert_eq!(
        card("Checkout conversion").metric_target.as_deref(),
        Some("4.5%")
    );
    assert!(
        map.cards.iter().any(|c| c.text == "Interview 4"),
        "notes of a card row become a note card"
    );
    let scores: Vec<(i8, Option<&str>)> = map
        .emotions
        .iter()
        .map(|e| (e.score, e.note.as_deref()))
        .collect();
    assert_eq!(
        scores,
        [(1, Some("Curious")), (-2, Some("Angry about the fee"))]
    );
}

#[test]
fn semicolons_a_bom_crlf_aliases_and_quoted_newlines_are_read() {
    let imported = import("csv/long-semicolon-bom-crlf.csv").unwrap();
    let stages: Vec<&str> = imported
        .map
        .stages
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(stages, ["Discover", "Use; daily"]);
    assert_eq!(
        card_texts(&imported),
        ["Finds the app", "Is this\r\nworth it?"]
    );
    assert_eq!(imported.map.personas[0].name, "Tom");
}

#[test]
fn a_wide_sheet_gives_a_lane_a_column_and_a_card_a_line() {
    let imported = import("csv/wide.tsv").unwrap();
    let lanes: Vec<&str> = imported
        .map
        .lanes
        .iter()
        .map(|l| l.title.as_str())
        .collect();
    assert_eq!(lanes, ["Customer actions", "Pain points"]);
    assert_eq!(
        card_texts(&imported),
        [
            "Sees a poster",
            "Compares plans",
            "Asks a friend",
            "Too many plans"
        ]
    );
    let scores: Vec<i8> = imported.map.emotions.iter().map(|e| e.score).collect();
    assert_eq!(scores, [1, -1]);
}

#[test]
fn csv_errors_name_the_row_and_column_and_are_all_listed() {
    assert_eq!(
        refused("csv/bad-values.csv"),
        [
            "row 2, column \"severity\": expected a whole number from 1 to 5, not \"9\"",
            "row 3, column \"emotion\": expected a whole number from -2 to 2, not \"5\"",
            "row 4, column \"stage\": expected a stage name",
        ]
    );
    let problems = refused("csv/no-stage.csv");
    assert!(
        problems[0].starts_with("row 1: no stage column"),
        "{problems:?}"
    );
}

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
    let message = import_bytes(&[0xff, 0xfe, 0x00], "x.csv", None, 0)
        .unwrap_err()
        .to_string();
    assert!(message.contains("not UTF-8"), "{message}");
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
fn export_is_deterministic_apart_from_the_export_time() {
    let map = sample::first_run_sample(1_700_000_000_000);
    let first = export_json(&map, 1, "Waymark 0.1.0");
    let second = export_json(&map, 2, "Waymark 0.1.0");
    let differing: Vec<(&str, &str)> = first
        .lines()
        .zip(second.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(differing.len(), 1, "{differing:?}");
    assert!(differing[0].0.contains("\"exported_at\""));
    assert!(first.starts_with("{\n  \"format\": \"waymark.journey-map\",\n  \"version\": 1,"));
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../docs/format/journey-map.v1.schema.json");
    let generated = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/format/journey-map.v1.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p waymark-exchange"
    );
    let schema: Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
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
        mermaid.starts_with("journey\n    title Meal-kit subscription\u{A789} first month\n")
            || mermaid.starts_with("journey\n    title Meal-kit subscription: first month\n"),
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

/// The map object of an export with every id replaced by its order of first appearance.
fn without_ids(json: &str) -> Value {
    let mut envelope: Value = serde_json::from_str(json).unwrap();
    let map = envelope["map"].take();
    let mut names: HashMap<String, String> = HashMap::new();
    fn walk(value: &mut Value, names: &mut HashMap<String, String>) {
        match value {
            Value::Object(fields) => {
                for (key, field) in fields.iter_mut() {
                    if matches!(key.as_str(), "id" | "stage" | "lane" | "persona") {
                        if let Value::String(id) = field {
                            let next = format!("#{}", names.len());
                            *id = names.entry(id.clone()).or_insert(next).clone();
                        }
                    } else {
                        walk(field, names);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| walk(item, names)),
            _ => {}
        }
    }
    let mut map = map;
    walk(&mut map, &mut names);
    map
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
        let mut from_csv = sheet.map;
        from_csv.updated_at = map.updated_at;
        prop_assert_eq!(without_ids(&first), without_ids(&export_json(&from_csv, 0, "Waymark test")));
    }
}

#[test]
fn a_csv_export_keeps_empty_lanes_and_stages_tags_colours_and_every_score() {
    let mut map = sample::first_run_sample(0);
    let empty_lane = Lane {
        id: LaneId::random(),
        kind: LaneKind::Custom,
        title: "Our own lane".to_owned(),
        collapsed: false,
    };
    let empty_stage = Stage {
        description: "Nothing here yet".to_owned(),
        ..templates::stages_named(&["Referral"]).remove(0)
    };
    let mut card = map.cards[0].clone();
    card.tags = vec!["urgent".to_owned(), "q4".to_owned()];
    card.colour = Some("#d1495b".to_owned());
    let ops = [
        Op::AddLane {
            lane: empty_lane,
            index: 99,
        },
        Op::AddStage {
            stage: empty_stage,
            index: 99,
        },
        Op::UpdateCard { card },
    ];
    waymark_core::apply_batch(&mut map, &ops).unwrap();
    let text = export_csv(&map);
    let back = import_bytes(text.as_bytes(), "anything.csv", None, map.created_at).unwrap();
    let mut back = back.map;
    back.updated_at = map.updated_at;
    let first = export_json(&map, 0, "Waymark test");
    let second = export_json(&back, 0, "Waymark test");
    assert_eq!(without_ids(&first), without_ids(&second), "{text}");
}

#[test]
fn csv_record_rows_with_bad_values_are_named_by_row_and_column() {
    let text = "stage,lane,lane kind,text,persona,state,emotion,colour,record\n\
                ,,,,,,,,planet\n\
                Awareness,,,,,,,blue,stage\n\
                ,Mood,sideways,,,,,,lane\n\
                Awareness,,,,Maya,tomorrow,1,,\n";
    let problems = import_bytes(text.as_bytes(), "x.csv", Some(FileFormat::Csv), 0)
        .unwrap_err()
        .problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems[0].contains("row 2") && problems[0].contains("map, persona, stage or lane"));
    assert!(problems[1].contains("row 3") && problems[1].contains("#3b5bdb"));
    assert!(problems[2].contains("row 4") && problems[2].contains("lane kind"));
    assert!(problems[3].contains("row 5") && problems[3].contains("\"future\""));
}

/// Fuzzing: no input makes an importer panic or hang. FUZZ_CASES raises the count.
fn fuzz_cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000)
}

thread_local! {
    /// Valid files of each format, which the mutation fuzzer damages.
    static SEEDS: Vec<Vec<u8>> = [
        "json/small.journey.json",
        "mermaid/names-with-punctuation.mmd",
        "csv/long.csv",
        "csv/wide.tsv",
        "mermaid/in-readme.md",
    ]
    .iter()
    .map(|name| std::fs::read(fixture(name)).unwrap())
    .collect();
}

fn mutated(seed: &[u8], edits: &[(u16, u8, u8)]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for &(at, byte, how) in edits {
        let at = usize::from(at) % (bytes.len() + 1);
        match how % 3 {
            0 => bytes.insert(at, byte),
            1 if at < bytes.len() => {
                bytes.remove(at);
            }
            _ if at < bytes.len() => bytes[at] = byte,
            _ => bytes.push(byte),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for format in [FileFormat::Json, FileFormat::Mermaid, FileFormat::Csv] {
            let _ = import_bytes(&bytes, "fuzz", Some(format), 0);
        }
    }

    #[test]
    fn fuzz_mutated_fixtures(seed in 0usize..5, edits in prop::collection::vec((any::<u16>(), any::<u8>(), any::<u8>()), 1..12)) {
        let bytes = mutated(&SEEDS.with(|s| s[seed].clone()), &edits);
        for format in [Some(FileFormat::Json), Some(FileFormat::Mermaid), Some(FileFormat::Csv)] {
            if let Ok(imported) = import_bytes(&bytes, "fuzz", format, 0) {
                prop_assert!(waymark_core::rebuild(&imported.map).is_ok(), "an accepted file always inserts");
            }
        }
    }
}
