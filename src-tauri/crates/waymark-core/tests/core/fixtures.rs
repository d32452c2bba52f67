//! Operations shared with the UI: `tests/fixtures/ops/*.json`, each a map, a batch, and what the
//! core makes of it (the map after it, or the refusal). This test checks every fixture against
//! the core; the UI's tests apply the same batches with its optimistic `applyOp` and must reach
//! the same maps. `UPDATE_FIXTURES=1` writes the fixtures again from the cases below.

use serde_json::{json, Value};
use std::path::PathBuf;
use waymark_core::{apply_batch, Card, EmotionScore, EmotionState, JourneyMap, Lane, LaneKind, Op};
use waymark_core::{CardId, LaneId, MapId, Persona, PersonaId, Stage, StageId};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/ops")
}

fn persona(id: &str, name: &str) -> Persona {
    Persona {
        id: PersonaId::from(id),
        name: name.to_owned(),
        role: String::new(),
        goals: String::new(),
        needs: String::new(),
        frustrations: String::new(),
        quote: String::new(),
        colour: "#d1495b".to_owned(),
        initials: String::new(),
    }
}

fn stage(id: &str, name: &str) -> Stage {
    Stage {
        id: StageId::from(id),
        name: name.to_owned(),
        description: String::new(),
        colour: None,
        width: None,
    }
}

fn lane(id: &str, kind: LaneKind) -> Lane {
    Lane {
        id: LaneId::from(id),
        kind,
        title: kind.default_title().to_owned(),
        collapsed: false,
    }
}

fn card(id: &str, stage: &str, lane: &str, position: u32) -> Card {
    Card {
        id: CardId::from(id),
        ..Card::new(StageId::from(stage), LaneId::from(lane), position, id)
    }
}

fn score(persona: &str, stage: &str, state: EmotionState, score: i8) -> EmotionScore {
    EmotionScore {
        persona_id: PersonaId::from(persona),
        stage_id: StageId::from(stage),
        state,
        score,
        note: None,
    }
}

/// The map every fixture starts from: three stages, four lanes of different kinds, two
/// personas with scores, and cards whose positions matter.
fn base() -> JourneyMap {
    let mut pain = card("p1", "s2", "pains", 0);
    pain.severity = Some(4);
    let mut ad = card("t1", "s1", "touch", 0);
    ad.channel = Some("Instagram".to_owned());
    let mut map = JourneyMap {
        id: MapId::from("map"),
        title: "Checkout".to_owned(),
        description: String::new(),
        created_at: 0,
        updated_at: 0,
        revision: 3,
        personas: vec![persona("maya", "Maya"), persona("sam", "Sam")],
        stages: vec![
            stage("s1", "Awareness"),
            stage("s2", "Decision"),
            stage("s3", "Loyalty"),
        ],
        lanes: vec![
            lane("acts", LaneKind::Actions),
            lane("touch", LaneKind::Touchpoints),
            lane("pains", LaneKind::PainPoints),
            lane("ideas", LaneKind::Opportunities),
        ],
        cards: vec![
            card("a1", "s1", "acts", 0),
            card("a2", "s1", "acts", 1),
            card("a3", "s1", "acts", 2),
            card("b1", "s2", "acts", 0),
            ad,
            pain,
        ],
        emotions: vec![
            score("maya", "s1", EmotionState::Current, 1),
            score("maya", "s2", EmotionState::Current, -2),
            score("maya", "s2", EmotionState::Future, 1),
            score("sam", "s3", EmotionState::Current, 0),
        ],
    };
    waymark_core::assign_order_keys(&mut map);
    map
}

fn op(value: Value) -> Op {
    serde_json::from_value(value).unwrap()
}

/// Every case: a name, what it shows, and the batch.
fn cases() -> Vec<(&'static str, &'static str, Vec<Op>)> {
    let new_card = json!({"id": "n1", "stage_id": "s2", "lane_id": "acts", "position": 9, "text": "New", "channel": "Email", "severity": null, "impact": null, "effort": null, "metric_value": null, "metric_target": null, "colour": null, "tags": []});
    vec![
        (
            "set-title",
            "renames the map",
            vec![op(json!({"type": "SetTitle", "title": "Checkout, again"}))],
        ),
        (
            "set-description",
            "describes the map",
            vec![op(
                json!({"type": "SetDescription", "description": "Why people leave"}),
            )],
        ),
        (
            "add-persona",
            "adds a persona between two",
            vec![op(
                json!({"type": "AddPersona", "index": 1, "persona": {"id": "ana", "name": "Ana", "role": "", "goals": "", "needs": "", "frustrations": "", "quote": "", "colour": "#00798c", "initials": "AN"}}),
            )],
        ),
        (
            "update-persona",
            "changes a persona",
            vec![op(
                json!({"type": "UpdatePersona", "persona": {"id": "sam", "name": "Sam Lee", "role": "Student", "goals": "", "needs": "", "frustrations": "", "quote": "", "colour": "#00798c", "initials": ""}}),
            )],
        ),
        (
            "remove-persona",
            "removes a persona with its curve",
            vec![op(json!({"type": "RemovePersona", "id": "maya"}))],
        ),
        (
            "add-stage",
            "adds a stage first",
            vec![op(
                json!({"type": "AddStage", "index": 0, "stage": {"id": "s0", "name": "Discovery", "description": "", "colour": "#4f7cac", "width": 320}}),
            )],
        ),
        (
            "update-stage",
            "renames and widens a stage",
            vec![op(
                json!({"type": "UpdateStage", "stage": {"id": "s2", "name": "Choice", "description": "", "colour": null, "width": 400}}),
            )],
        ),
        (
            "remove-stage",
            "removes a stage with its cards and scores",
            vec![op(json!({"type": "RemoveStage", "id": "s2"}))],
        ),
        (
            "move-stage",
            "moves a stage to the end",
            vec![op(json!({"type": "MoveStage", "id": "s1", "index": 2}))],
        ),
        (
            "add-lane",
            "adds a lane at the end",
            vec![op(
                json!({"type": "AddLane", "index": 9, "lane": {"id": "kpis", "kind": "kpis", "title": "KPIs", "collapsed": false}}),
            )],
        ),
        (
            "update-lane",
            "renames and folds a lane",
            vec![op(
                json!({"type": "UpdateLane", "lane": {"id": "acts", "kind": "actions", "title": "Doing", "collapsed": true}}),
            )],
        ),
        (
            "remove-lane",
            "removes a lane with its cards",
            vec![op(json!({"type": "RemoveLane", "id": "acts"}))],
        ),
        (
            "move-lane",
            "moves a lane first",
            vec![op(json!({"type": "MoveLane", "id": "ideas", "index": 0}))],
        ),
        (
            "add-card",
            "adds a card past the end of its cell, dropping a field its lane lacks",
            vec![op(json!({"type": "AddCard", "card": new_card}))],
        ),
        (
            "update-card",
            "updates a card but not its place, keeping only its lane's fields",
            vec![op(
                json!({"type": "UpdateCard", "card": {"id": "p1", "stage_id": "s1", "lane_id": "acts", "position": 5, "text": "Fees shown late", "channel": "Web", "severity": 5, "impact": 2, "effort": null, "metric_value": null, "metric_target": null, "colour": "#c8553d", "tags": ["fees"]}}),
            )],
        ),
        (
            "add-card-with-order",
            "adds a card where its order key sorts, whatever its position says",
            vec![op(
                json!({"type": "AddCard", "card": {"id": "n9", "stage_id": "s1", "lane_id": "acts", "position": 0, "order": "a1V", "text": "After a2", "tags": []}}),
            )],
        ),
        (
            "move-card-with-order",
            "moves a card to where its new order key sorts",
            vec![op(
                json!({"type": "MoveCard", "id": "b1", "stage_id": "s1", "lane_id": "acts", "position": 0, "order": "b00"}),
            )],
        ),
        (
            "adds-at-one-place-spread-keys",
            "adding card after card at the same place spreads its neighbours' keys when they grow long",
            (0..130)
                .map(|n| {
                    op(json!({"type": "AddCard", "card": {"id": format!("k{n}"), "stage_id": "s1", "lane_id": "acts", "position": 1, "text": format!("Card {n}"), "tags": []}}))
                })
                .collect(),
        ),
        (
            "move-card-in-cell",
            "moves a card up inside its cell",
            vec![op(
                json!({"type": "MoveCard", "id": "a3", "stage_id": "s1", "lane_id": "acts", "position": 0}),
            )],
        ),
        (
            "move-card-across",
            "moves a card to another cell; both cells stay in order",
            vec![op(
                json!({"type": "MoveCard", "id": "a1", "stage_id": "s2", "lane_id": "acts", "position": 0}),
            )],
        ),
        (
            "move-card-across-kinds",
            "moves a pain point to opportunities: its severity goes",
            vec![op(
                json!({"type": "MoveCard", "id": "p1", "stage_id": "s2", "lane_id": "ideas", "position": 0}),
            )],
        ),
        (
            "remove-card",
            "removes a card and closes the gap",
            vec![op(json!({"type": "RemoveCard", "id": "a1"}))],
        ),
        (
            "set-emotion",
            "sets, replaces and clears scores; a blank note is none",
            vec![
                op(
                    json!({"type": "SetEmotion", "persona_id": "sam", "stage_id": "s1", "state": "future", "score": 2, "note": "  "}),
                ),
                op(
                    json!({"type": "SetEmotion", "persona_id": "maya", "stage_id": "s1", "state": "current", "score": -1, "note": "Confused"}),
                ),
                op(
                    json!({"type": "SetEmotion", "persona_id": "maya", "stage_id": "s2", "state": "future", "score": null, "note": null}),
                ),
            ],
        ),
        (
            "batch",
            "a gesture of several operations",
            vec![
                op(
                    json!({"type": "MoveCard", "id": "a2", "stage_id": "s3", "lane_id": "acts", "position": 0}),
                ),
                op(
                    json!({"type": "MoveCard", "id": "a3", "stage_id": "s3", "lane_id": "acts", "position": 1}),
                ),
                op(json!({"type": "SetTitle", "title": "Moved two"})),
            ],
        ),
        (
            "refused-unknown-card",
            "a batch naming a card that is not there is refused whole",
            vec![
                op(json!({"type": "SetTitle", "title": "Half done"})),
                op(json!({"type": "RemoveCard", "id": "nope"})),
            ],
        ),
        (
            "refused-score",
            "a score out of range is refused",
            vec![op(
                json!({"type": "SetEmotion", "persona_id": "sam", "stage_id": "s1", "state": "current", "score": 3, "note": null}),
            )],
        ),
    ]
}

fn outcome(ops: &[Op]) -> Value {
    let mut map = base();
    match apply_batch(&mut map, ops) {
        Ok(_) => json!({"map": map.normalized()}),
        Err(error) => json!({"error": error.to_string()}),
    }
}

#[test]
fn shared_operation_fixtures_match_the_core() {
    let folder = folder();
    let cases = cases();
    for (name, shows, ops) in &cases {
        let fixture = json!({
            "shows": shows,
            "map": base().normalized(),
            "ops": ops,
            "expected": outcome(ops),
        });
        let path = folder.join(format!("{name}.json"));
        let text = serde_json::to_string_pretty(&fixture).unwrap() + "\n";
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "{} is stale or disagrees with the core: run UPDATE_FIXTURES=1 cargo test -p waymark-core",
            path.display()
        );
    }
    // Every operation has a fixture.
    let all = cases.iter().flat_map(|(_, _, ops)| ops).map(|op| {
        serde_json::to_value(op).unwrap()["type"]
            .as_str()
            .unwrap()
            .to_owned()
    });
    let covered: std::collections::BTreeSet<String> = all.collect();
    assert_eq!(covered.len(), 18, "{covered:?}");
    let files = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(files, cases.len(), "no fixture is left over");
}
