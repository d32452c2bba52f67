//! Mermaid `journey` diagrams.

use super::*;

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
    // "Waits in line: high: Guest" is a task without a score, as Mermaid draws it; "Pays"
    // and "Leaves" have no colon, which Mermaid cannot read either.
    let problems = refused("mermaid/bad-task.mmd");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("line 5, column 5: expected \"section NAME\""),
        "{problems:?}"
    );
    assert!(problems[1].starts_with("line 6, column 5:"), "{problems:?}");
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
fn mermaid_is_read_as_mermaid_reads_it() {
    // Front matter with a title and a config block, an init directive, comments, keywords in
    // any case, accessibility lines, <br> in a section, the same section twice, a task with no
    // actors, a trailing colon, actors with spaces, and scores Mermaid draws without a face.
    let text = "---\ntitle: My working day\nconfig:\n  journey:\n    taskFontSize: 14\n---\n%%{init: {'theme': 'forest'}}%%\nJourney\n  accTitle: A day at work\n  accDescr {\n    How the day goes,\n    hour by hour\n  }\n  %% the morning\n  Section Go<br>to work\n    Make tea: 5: Me\n    Go upstairs: 3: Me, Cat of the house\n  section Work\n    Do work: 1: Me, Cat of the house\n    Stare at the wall: 0:\n    Daydream: never\n  section Work\n    Go home: 5\n";
    let imported = import_bytes(text.as_bytes(), "day.mmd", None, 0).unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "My working day");
    assert_eq!(
        map.description,
        "A day at work\nHow the day goes,\nhour by hour"
    );
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Go to work", "Work", "Work"]);
    assert_eq!(
        card_texts(&imported),
        [
            "Make tea",
            "Go upstairs",
            "Do work",
            "Stare at the wall",
            "Daydream",
            "Go home"
        ]
    );
    let personas: Vec<&str> = map.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(personas, ["Me", "Cat of the house"]);
    assert_eq!(imported.warnings.len(), 2, "{:?}", imported.warnings);
    assert!(imported.warnings[0].contains("the score 0 of \"Stare at the wall\" is outside 1 to 5"));
    assert!(imported.warnings[1].contains("the score of \"Daydream\" is not a number"));
}
