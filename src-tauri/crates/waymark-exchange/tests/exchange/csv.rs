//! CSV and TSV sheets, long and wide.

use super::*;

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
    let mut back = back.map.into_inner();
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

#[test]
fn a_quote_that_is_never_closed_is_refused_with_its_row_and_column() {
    let sheet = "stage,lane,text\nVisit,Customer actions,\"Looks at the menu\nOrder,Customer actions,Asks for oat milk\nPay,Customer actions,Pays by card\n";
    let Err(refused) = import_bytes(sheet.as_bytes(), "cafe.csv", Some(FileFormat::Csv), 0) else {
        panic!("a sheet with a quote never closed was accepted");
    };
    let said: Vec<String> = refused.problems.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("row 2: the quote opened in column 3 is never closed"),
        "{said:?}"
    );
    // Quoted cells over several lines, and doubled quotes, are fine.
    let good = "stage,lane,text\nVisit,Customer actions,\"Looks at the menu,\nthen \"\"waits\"\"\"\nPay,Customer actions,Pays\n";
    let imported = import_bytes(good.as_bytes(), "cafe.csv", Some(FileFormat::Csv), 0).unwrap();
    assert_eq!(
        card_texts(&imported),
        ["Looks at the menu,\nthen \"waits\"", "Pays"]
    );
}

#[test]
fn a_wide_sheet_with_a_persona_column_creates_its_personas() {
    let sheet = "Stage,Step Persona,Customer actions,Touchpoints\nDiscover,Maya,Sees an ad,Instagram\nBuy,Maya,Picks a plan,Website\nUse,Leo,Cooks dinner,\n";
    let imported = import_bytes(sheet.as_bytes(), "wide.csv", Some(FileFormat::Csv), 0).unwrap();
    let personas: Vec<&str> = imported
        .map
        .personas
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(personas, ["Maya", "Leo"]);
    assert_eq!(
        card_texts(&imported),
        [
            "Sees an ad",
            "Instagram",
            "Picks a plan",
            "Website",
            "Cooks dinner"
        ]
    );
}
