//! The Waymark JSON file: import, its errors and its export.

use super::*;

#[test]
fn a_waymark_file_imports_keeping_its_parts_ids_and_warns_of_unknown_fields() {
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
    // The parts keep the file's ids, so copies of one map can be compared and merged.
    let stage_ids: Vec<&str> = map.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(stage_ids, ["s1", "s2"]);
    assert!(
        imported.lineage.is_none(),
        "a file without lineage still imports"
    );
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
fn ids_used_twice_and_references_to_no_part_are_named_at_their_paths() {
    let text = std::fs::read_to_string(fixture("json/small.journey.json")).unwrap();
    let mut file: Value = serde_json::from_str(&text).unwrap();
    let map = &mut file["map"];
    let stage = map["stages"][0].clone();
    map["stages"].as_array_mut().unwrap().push(stage);
    map["emotions"][0]["persona"] = "nobody".into();
    map["emotions"][1]["stage"] = "s9".into();
    let bytes = serde_json::to_vec(&file).unwrap();
    let problems: Vec<String> = match import_bytes(&bytes, "twice.journey.json", None, 0) {
        Ok(_) => panic!("accepted"),
        Err(refused) => refused.problems.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(
        problems,
        [
            "map.stages[2].id: the stage id \"s1\" is used twice",
            "map.emotions[0].persona: expected the id of a persona in map.personas, not \"nobody\"",
            "map.emotions[1].stage: expected the id of a stage in map.stages, not \"s9\"",
        ]
    );
}

#[test]
fn order_keys_travel_in_the_file_and_keys_out_of_order_are_given_again() {
    let map = waymark_core::check(&sample::first_run_sample(0)).unwrap();
    let text = export_json(&map, 0, "Waymark test");
    let back = import_bytes(text.as_bytes(), "map.journey.json", None, 0).unwrap();
    let keys = |m: &waymark_core::JourneyMap| {
        let mut keys: Vec<(String, String)> = m
            .cards
            .iter()
            .map(|c| (c.text.clone(), c.order.clone()))
            .collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&back.map), keys(&map), "the keys came back");

    // A hand-edited file whose keys contradict its card order: the order of the file wins.
    let mut file: Value = serde_json::from_str(&text).unwrap();
    let cards = file["map"]["cards"].as_array_mut().unwrap();
    let (first, second) = (cards[0]["order"].clone(), cards[1]["order"].clone());
    assert_eq!(cards[0]["stage"], cards[1]["stage"]);
    assert_eq!(cards[0]["lane"], cards[1]["lane"]);
    cards[0]["order"] = second;
    cards[1]["order"] = first;
    let texts = (cards[0]["text"].clone(), cards[1]["text"].clone());
    let bytes = serde_json::to_vec(&file).unwrap();
    let edited = import_bytes(&bytes, "edited.journey.json", None, 0).unwrap();
    let cell = edited
        .map
        .cell_cards(&edited.map.stages[0].id, &edited.map.lanes[0].id);
    assert_eq!(
        (cell[0].text.as_str(), cell[1].text.as_str()),
        (texts.0.as_str().unwrap(), texts.1.as_str().unwrap())
    );
    assert!(cell[0].order < cell[1].order);
}

#[test]
fn lineage_travels_in_the_file() {
    let map = waymark_core::check(&sample::first_run_sample(0)).unwrap();
    let lineage = waymark_exchange::Lineage {
        version: "v2".to_owned(),
        ancestors: vec!["v1".to_owned(), "v0".to_owned()],
    };
    let text = waymark_exchange::export_json_with(&map, 0, "Waymark test", Some(&lineage));
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["lineage"]["version"], "v2");
    let back = import_bytes(text.as_bytes(), "map.journey.json", None, 0).unwrap();
    assert_eq!(back.lineage, Some(lineage));
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let ids = |m: &waymark_core::JourneyMap| {
        let mut ids: Vec<String> = m.cards.iter().map(|c| c.id.to_string()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&back.map), ids(&map), "card ids are kept");
}
