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

fn stage_names(imported: &Imported) -> Vec<&str> {
    imported
        .map
        .stages
        .iter()
        .map(|s| s.name.as_str())
        .collect()
}

fn persona_names(imported: &Imported) -> Vec<&str> {
    imported
        .map
        .personas
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

#[test]
fn the_grammar_tests_tasks_read_as_mermaid_reads_them() {
    let imported = import("mermaid/grammar-tasks.mmd").unwrap();
    assert_eq!(
        imported.map.title,
        "Adding journey diagram functionality to mermaid"
    );
    assert_eq!(stage_names(&imported), ["Documentation", "Another section"]);
    assert_eq!(
        card_texts(&imported),
        ["A task", "B task", "C task", "D task", "E task", "P task", "Q task", "R task"]
    );
    // A trailing colon names nobody: Mermaid's empty actor is no persona.
    assert_eq!(persona_names(&imported), ["Alice", "Bob", "Charlie"]);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn an_accessibility_block_may_end_on_the_line_of_the_next_statement() {
    let imported = import("mermaid/grammar-accessibility.mmd").unwrap();
    assert_eq!(
        imported.map.title,
        "Adding journey diagram functionality to mermaid"
    );
    assert_eq!(
        imported.map.description,
        "Adding acc journey diagram functionality to mermaid\nA user journey for\nfamily shopping"
    );
    assert_eq!(stage_names(&imported), ["Order from website"]);
    assert!(card_texts(&imported).is_empty());
}

#[test]
fn every_line_break_mermaid_draws_in_a_section_is_a_space() {
    let imported = import("mermaid/grammar-line-breaks.mmd").unwrap();
    assert_eq!(stage_names(&imported), ["Line1 Line2 Line3 Line4 Line5"]);
}

#[test]
fn mermaids_demo_with_front_matter_and_an_indented_journey_reads_whole() {
    let imported = import("mermaid/demo-front-matter.mmd").unwrap();
    assert_eq!(imported.map.title, "My working day");
    assert_eq!(
        imported.map.description,
        "Very simple journey demo\n2 main sections: work and home, each with just a few tasks"
    );
    assert_eq!(stage_names(&imported), ["Go to work", "Go home"]);
    assert_eq!(card_texts(&imported).len(), 5);
    assert_eq!(persona_names(&imported), ["Me", "Cat"]);
}

#[test]
fn a_cheatsheets_scores_of_0_and_x_import_with_warnings() {
    let imported = import("mermaid/cheatsheet-scores.md").unwrap();
    assert_eq!(imported.map.title, "Score");
    assert_eq!(card_texts(&imported)[0], "Score 0/5");
    assert_eq!(card_texts(&imported)[6], "Score N/A/5");
    assert_eq!(imported.warnings.len(), 2, "{:?}", imported.warnings);
    assert!(imported.warnings[0].contains("line 7: the score 0 of \"Score 0/5\""));
    assert!(imported.warnings[1].contains("line 13: the score of \"Score N/A/5\" is not a number"));
}

#[test]
fn a_published_onboarding_journey_keeps_its_emoji_actors_and_description() {
    let imported = import("mermaid/onboarding-exemplar.md").unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "👤 New Developer Onboarding");
    assert!(map
        .description
        .starts_with("New Developer Onboarding Experience\nJourney map tracking"));
    assert_eq!(
        stage_names(&imported),
        [
            "📋 Day 1 Setup",
            "🤝 Week 1 Integration",
            "🚀 Month 1 Productivity"
        ]
    );
    assert_eq!(card_texts(&imported).len(), 11);
    assert_eq!(card_texts(&imported)[9], "Participate in code review");
    assert_eq!(persona_names(&imported), ["New Dev", "Mentor"]);
    // New Dev in week 1: (5 + 4 + 2 + 5) / 4 = 4 → +1.
    let week = &map.stages[1].id;
    let score = map
        .emotions
        .iter()
        .find(|e| &e.stage_id == week && e.persona_id == map.personas[0].id)
        .map(|e| e.score);
    assert_eq!(score, Some(1));
}

#[test]
fn comments_directives_entities_and_front_matter_in_markdown_read_as_mermaid_reads_them() {
    let text = "# Notes\n\n```mermaid\n---\ntitle: \"Checkout: the #1 flow\"\n---\n%%{\n  init: {\n    'theme': 'dark'\n  }\n}%%\njourney\n  section Pay #58; card # the hard part\n    Enter #quot;promo#quot; code: 2: Shopper #35;1 # nobody likes this\n    Journey planner: 4\n```\n";
    let imported = import_bytes(text.as_bytes(), "notes.md", None, 0).unwrap();
    assert_eq!(imported.map.title, "Checkout: the #1 flow");
    assert_eq!(stage_names(&imported), ["Pay : card"]);
    assert_eq!(
        card_texts(&imported),
        ["Enter \"promo\" code", "Journey planner"]
    );
    assert_eq!(persona_names(&imported), ["Shopper #1"]);
    let broken = "---\ntitle: [unclosed\n---\njourney\n  a: 1\n";
    let message = import_bytes(broken.as_bytes(), "x.mmd", None, 0)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("line 1, column 1: the front matter is not valid YAML"),
        "{message}"
    );
}

#[test]
fn a_journey_in_an_html_page_a_restructuredtext_page_or_a_long_fence_is_found() {
    let html = "<html><body>\n<pre class=\"mermaid\">\n---\ntitle: Demo &amp; more\n---\n  journey\n    section Go &lt;br&gt; home\n      Sit down: 3: Me\n</pre>\n</body></html>\n";
    let imported = import_bytes(html.as_bytes(), "demo.html", None, 0).unwrap();
    assert_eq!(imported.map.title, "Demo & more");
    assert_eq!(stage_names(&imported), ["Go home"]);
    let rst = "User Journey\n============\n\n.. code:: mermaid\n   :caption: A day\n\n   journey\n       title My working day\n       section Go to work\n         Make tea: 5: Me\n\nMore text.\n";
    let imported = import_bytes(rst.as_bytes(), "journey.rst", None, 0).unwrap();
    assert_eq!(imported.map.title, "My working day");
    assert_eq!(card_texts(&imported), ["Make tea"]);
    let fence = "Notes\n\n````mermaid\njourney\n  section A\n    Task: 4: Me\n````\n";
    let imported = import_bytes(fence.as_bytes(), "notes.md", None, 0).unwrap();
    assert_eq!(card_texts(&imported), ["Task"]);
}

#[test]
fn a_restructuredtext_notebook_page_gives_its_journey() {
    let imported = import("mermaid/notebook-user-journey.rst").unwrap();
    assert_eq!(imported.map.title, "My working day");
    assert_eq!(stage_names(&imported), ["Go to work", "Go home"]);
    assert_eq!(card_texts(&imported).len(), 5);
    assert_eq!(persona_names(&imported), ["Me", "Cat"]);
}
