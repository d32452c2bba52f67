//! Enablement Map Studio YAML: the `kind: cjm` document of a multi-document file.

use super::*;

/// The texts of one cell, by stage and lane index.
fn cell(imported: &Imported, stage: usize, lane: usize) -> Vec<String> {
    let map = &imported.map;
    map.cell_cards(&map.stages[stage].id, &map.lanes[lane].id)
        .iter()
        .map(|c| c.text.clone())
        .collect()
}

/// The persona's current-state score at each stage.
fn curve(imported: &Imported) -> Vec<Option<i8>> {
    let map = &imported.map;
    map.stages
        .iter()
        .map(|stage| {
            map.emotions
                .iter()
                .find(|e| e.stage_id == stage.id && e.state == EmotionState::Current)
                .map(|e| e.score)
        })
        .collect()
}

fn yaml(text: &str) -> Result<Imported, Refused> {
    import_bytes(text.as_bytes(), "journey.yaml", None, 0)
}

fn yaml_refused(text: &str) -> String {
    match yaml(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(refused) => refused.to_string(),
    }
}

#[test]
fn the_studio_sample_becomes_phases_actions_touchpoints_thoughts_and_a_curve() {
    let text = std::fs::read_to_string(fixture("enablement/sysdev-lifecycle.yaml")).unwrap();
    assert_eq!(detect(&text), FileFormat::Enablement);
    let imported = import("enablement/sysdev-lifecycle.yaml").unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "sysdev-lifecycle");
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        stages,
        ["要件定義", "設計確認", "UAT", "本番稼働", "運用保守"]
    );
    let kinds: Vec<LaneKind> = map.lanes.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            LaneKind::Actions,
            LaneKind::Touchpoints,
            LaneKind::Thoughts,
            LaneKind::Emotions
        ]
    );
    assert_eq!(map.lanes[2].title, "Thoughts & feelings");
    // Two actions in the first phase, in file order, each with its touchpoints and thoughts.
    assert_eq!(cell(&imported, 0, 0), ["要求を伝える", "要件定義レビュー"]);
    assert_eq!(
        cell(&imported, 0, 1),
        [
            "定例会議",
            "ドキュメント共有システム",
            "定例会議",
            "ドキュメント共有システム"
        ]
    );
    assert_eq!(cell(&imported, 0, 2).len(), 4);
    assert_eq!(
        cell(&imported, 2, 1),
        ["テスト環境", "操作マニュアル", "QAチーム"]
    );
    assert_eq!(map.cards.len(), 6 + 16 + 12);
    assert_eq!(map.personas.len(), 1);
    assert_eq!(map.personas[0].name, "事業部門のシステム利用ユーザー");
    assert!(map.personas[0]
        .role
        .starts_with("業務部門でシステムを日常的に利用し"));
    assert!(map.personas[0].role.ends_with("役割を担う。"));
    assert_eq!(
        curve(&imported),
        [Some(-1), Some(0), Some(0), Some(-1), Some(1)]
    );
    assert_eq!(
        imported.warnings,
        ["the file's service blueprint, outcome and enablement map were left out: Waymark imports the customer journey (kind: cjm)"]
    );
}

#[test]
fn a_phase_with_several_actions_scores_their_mean() {
    let imported = import("enablement/ai-dev-org-standardization.yaml").unwrap();
    assert_eq!(imported.map.stages.len(), 5);
    // −1 and −2 in the second phase: a mean of −1.5, drawn as −2; +1 and +1 in the third.
    assert_eq!(
        curve(&imported),
        [Some(-2), Some(-2), Some(1), Some(2), Some(1)]
    );
    assert_eq!(
        cell(&imported, 2, 0),
        [
            "golden path に沿って業務に組み込む",
            "ペアリングとレトロで型を体得する"
        ]
    );
    assert!(imported.warnings[0].starts_with("the file's outcome was left out"));
}

const JOURNEY: &str = "kind: cjm
version: '1.0'
id: cjm:coffee
persona:
  name: Commuter
phases:
  - id: p1
    name: Order
  - id: p2
    name: Wait
actions:
";

#[test]
fn scores_are_rounded_and_kept_within_range_with_a_warning_naming_the_line() {
    let text = format!(
        "{JOURNEY}  - {{ id: a, name: Taps the app, phase: p1, emotion_score: 3 }}
  - {{ id: b, name: Pays, phase: p1, emotion_score: 0.5 }}
  - {{ id: c, name: Waits, phase: p2, emotion_score: high }}
  - {{ id: d, name: Looks around, phase: p2 }}
"
    );
    let imported = yaml(&text).unwrap();
    // 3 → 2 and 0.5 → 1: a mean of 1.5, drawn as 2. Nothing scores the second phase.
    assert_eq!(curve(&imported), [Some(2), None]);
    let warnings = imported.warnings.join("\n");
    assert!(warnings.contains("line 12: the emotion_score 3 of \"Taps the app\" is not a whole number from -2 to 2; it was read as 2"), "{warnings}");
    assert!(
        warnings.contains("line 13: the emotion_score 0.5"),
        "{warnings}"
    );
    assert!(
        warnings.contains("line 14: the emotion_score of \"Waits\" is not a number"),
        "{warnings}"
    );
    assert!(
        warnings.contains("the action \"Looks around\" has no emotion_score"),
        "{warnings}"
    );
}

#[test]
fn unknown_fields_are_left_out_with_a_warning_and_a_journey_without_persona_keeps_its_scores() {
    let text = "kind: cjm
phases: [{ id: p, name: Only, colour: red }]
actions:
  - { id: a, name: Acts, phase: p, emotion_score: -2, touchpoints: Web }
";
    let imported = yaml(text).unwrap();
    assert_eq!(imported.map.personas[0].name, "Customer");
    assert_eq!(curve(&imported), [Some(-2)]);
    assert_eq!(cell(&imported, 0, 1), ["Web"]);
    let warnings = imported.warnings.join("\n");
    assert!(
        warnings.contains("line 2: \"colour\" is not part of an Enablement Map phase"),
        "{warnings}"
    );
    assert!(warnings.contains("names no persona"), "{warnings}");
}

#[test]
fn a_journey_that_cannot_be_placed_is_refused_with_every_line_at_fault() {
    let text = format!(
        "{JOURNEY}  - {{ id: a, name: Taps, phase: p9, emotion_score: 1 }}
  - {{ id: b, phase: p1, emotion_score: 1 }}
  - id: c
    name: [not, text]
    phase: p1
"
    );
    let message = yaml_refused(&text);
    assert!(message.starts_with("3 problems"), "{message}");
    let Err(refused) = yaml(&text) else {
        unreachable!()
    };
    let problems: Vec<String> = refused.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "line 12, column 5: the action \"Taps\" is in the phase \"p9\", which the journey's phases do not list",
            "line 13, column 5: the action has no \"name\"",
            "line 15, column 11: the action's \"name\" should be text, not a list",
        ]
    );
    assert!(yaml_refused("kind: cjm\nphases: []\n").contains("the journey has no phases"));
    assert!(yaml_refused("kind: cjm\nactions: []\n").contains("the journey has no \"phases\" list"));
    let twice = "kind: cjm\nphases:\n  - { id: p, name: A }\n  - { id: p, name: B }\n";
    assert!(yaml_refused(twice)
        .contains("line 4, column 5: the phase id \"p\" is used twice (first on line 3)"));
}

#[test]
fn a_file_without_a_journey_says_what_it_holds() {
    let message = yaml_refused("kind: sbp\nlanes: []\n---\nkind: em\nactions: []\n");
    assert_eq!(
        message,
        "this Enablement Map file holds no customer journey: it has service blueprint and enablement map documents, and Waymark imports the customer journey (\"kind: cjm\")"
    );
    let other = yaml_refused("name: build\non: [push]\njobs:\n  test: {}\n");
    assert!(
        other.contains("not an Enablement Map (no \"kind: cjm\" line)"),
        "{other}"
    );
    let forced = import_bytes(b"name: x\n", "x.yaml", Some(FileFormat::Enablement), 0)
        .unwrap_err()
        .to_string();
    assert_eq!(
        forced,
        "not an Enablement Map journey: no document has \"kind: cjm\""
    );
}

#[test]
fn broken_yaml_is_refused_at_its_line() {
    let message = yaml_refused("kind: cjm\nphases:\n  - id: p\n   name: bad indent\n");
    assert!(message.starts_with("line 4, column "), "{message}");
    assert!(message.contains("the YAML cannot be read"), "{message}");
}

#[test]
fn an_alias_bomb_and_deep_nesting_are_refused() {
    let mut bomb = String::from("kind: cjm\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        let row = vec![format!("*{previous}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{row}]\n"));
    }
    let message = yaml_refused(&bomb);
    assert!(message.contains("is this an alias bomb?"), "{message}");
    let deep = format!(
        "kind: cjm\nphases: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let message = yaml_refused(&deep);
    assert!(
        message.contains("nested more than 64 levels deep"),
        "{message}"
    );
}

#[test]
fn a_second_journey_is_left_out_with_a_warning() {
    let text = format!("{JOURNEY}---\nkind: cjm\nphases: [{{ id: x, name: X }}]\n");
    let imported = yaml(&text).unwrap();
    assert_eq!(imported.map.stages.len(), 2);
    assert!(
        imported.warnings[0].starts_with("line 13: a second customer journey"),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn quoted_scores_and_phases_named_instead_of_identified_are_understood() {
    let text = "kind: cjm\npersona: { name: Ann }\nphases: [{ id: p1, name: Order }]\nactions:\n  - { id: a, name: Taps, phase: Order, emotion_score: \"-1\" }\n";
    let imported = yaml(text).unwrap();
    assert_eq!(cell(&imported, 0, 0), ["Taps"]);
    assert_eq!(curve(&imported), [Some(-1)]);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn a_journey_written_as_json_reads_as_the_same_journey() {
    let one = r#"{"kind": "cjm", "version": "1.0", "id": "cjm:x", "persona": {"name": "Ann"},
        "phases": [{"id": "p", "name": "Order"}],
        "actions": [{"id": "a", "name": "Taps", "phase": "p", "touchpoints": ["App"], "emotion_score": 2}]}"#;
    let imported = yaml(one).unwrap();
    assert_eq!(cell(&imported, 0, 0), ["Taps"]);
    assert_eq!(cell(&imported, 0, 1), ["App"]);
    assert_eq!(curve(&imported), [Some(2)]);
    let list = format!(r#"[{one}, {{"kind": "sbp", "lanes": []}}]"#);
    assert_eq!(detect(&list), FileFormat::Enablement);
    let imported = yaml(&list).unwrap();
    assert_eq!(imported.map.personas[0].name, "Ann");
    assert!(imported.warnings[0].contains("service blueprint was left out"));
    // A JSON file that is neither keeps the Waymark reader's own message.
    let message = yaml_refused(r#"{"kind": "other"}"#);
    assert!(!message.contains("Enablement"), "{message}");
}

#[test]
fn many_documents_without_a_kind_make_one_warning() {
    let mut text = String::from(JOURNEY);
    text.push_str("  - { id: a, name: Taps, phase: p1, emotion_score: 1 }\n");
    for n in 0..500 {
        text.push_str(&format!("---\nnote: {n}\n"));
    }
    let imported = yaml(&text).unwrap();
    assert_eq!(
        imported.warnings,
        ["500 documents with no \"kind\" were left out (the first on line 14)"]
    );
}

#[test]
fn a_field_many_actions_have_makes_one_warning() {
    let mut text = String::from(JOURNEY);
    for n in 0..300 {
        text.push_str(&format!(
            "  - {{ id: a{n}, name: Step {n}, phase: p1, emotion_score: 1, owner: me }}\n"
        ));
    }
    let imported = yaml(&text).unwrap();
    assert_eq!(
        imported.warnings,
        ["\"owner\" is not part of an Enablement Map action, so it was left out of 300 actions (the first on line 12)"]
    );
}

#[test]
fn a_file_with_thousands_of_warnings_lists_the_first_fifty() {
    let mut text = String::from(JOURNEY);
    for n in 0..2_000 {
        text.push_str(&format!(
            "  - {{ id: a{n}, name: Step {n}, phase: p1, emotion_score: 7 }}\n"
        ));
    }
    let imported = yaml(&text).unwrap();
    assert_eq!(imported.warnings.len(), MAX_PROBLEMS + 1);
    assert_eq!(imported.warnings[MAX_PROBLEMS], "and 1950 more warnings");
}
