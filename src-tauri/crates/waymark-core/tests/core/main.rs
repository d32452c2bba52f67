//! Rules, operations and inverses of the journey-map domain.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

mod diff;
mod docs;
mod fixtures;
mod merge;
mod merge_cases;
mod order_keys;
mod properties;

use proptest::prelude::*;
use std::collections::HashMap;
use waymark_core::{
    apply_batch, order, sample, templates, Card, CardId, DomainError, EmotionState, JourneyMap,
    Lane, LaneId, LaneKind, Op, Persona, PersonaId, Stage, StageId,
};

fn five_stage() -> JourneyMap {
    templates::find("five-stage").unwrap().build("Test map", 0)
}

fn add_card(map: &mut JourneyMap, stage: usize, lane: usize, text: &str) -> CardId {
    let card = Card::new(
        map.stages[stage].id.clone(),
        map.lanes[lane].id.clone(),
        99,
        text,
    );
    let id = card.id.clone();
    apply_batch(map, &[Op::AddCard { card }]).unwrap();
    id
}

fn cell_texts(map: &JourneyMap, stage: usize, lane: usize) -> Vec<String> {
    map.cell_cards(&map.stages[stage].id, &map.lanes[lane].id)
        .into_iter()
        .map(|c| c.text.clone())
        .collect()
}

#[test]
fn every_template_builds_a_valid_map_with_an_emotion_lane() {
    assert!(
        templates::TEMPLATES.len() >= 4,
        "the issue asks for four templates at least"
    );
    for template in templates::TEMPLATES {
        let map = template.build("t", 0);
        assert_eq!(map.stages.len(), template.stages.len(), "{}", template.name);
        assert!(
            map.lanes.iter().any(|l| l.kind == LaneKind::Emotions),
            "{} has no emotions lane",
            template.name
        );
    }
    assert!(templates::find(templates::DEFAULT_TEMPLATE).is_some());
}

#[test]
fn first_run_sample_has_cards_in_every_lane_and_a_full_curve() {
    let map = sample::first_run_sample(0);
    assert!(!map.personas.is_empty());
    for lane in &map.lanes {
        assert!(
            map.cards.iter().any(|c| c.lane_id == lane.id),
            "lane {} has no card",
            lane.title
        );
    }
    let current = map
        .emotions
        .iter()
        .filter(|e| e.state == EmotionState::Current);
    assert_eq!(
        current.count(),
        map.stages.len(),
        "one current score per stage"
    );
}

#[test]
fn the_first_run_sample_tells_a_true_story() {
    let map = sample::first_run_sample(0);
    let card = |text: &str| map.cards.iter().find(|c| c.text == text).unwrap();
    assert_eq!(card("Instagram ad").channel.as_deref(), Some("Instagram"));
    assert_eq!(card("Support chat").channel.as_deref(), Some("Chat"));
    assert!(card("Long wait times in support chat").severity >= Some(4));
    let nps = card("Net Promoter Score");
    assert_eq!(
        (nps.metric_value.as_deref(), nps.metric_target.as_deref()),
        (Some("+21"), Some("+35"))
    );
    let churn = card("Monthly churn rate");
    assert!(churn
        .metric_value
        .as_deref()
        .is_some_and(|v| v.ends_with('%')));
    let touchpoints = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap();
    assert!(map
        .cards
        .iter()
        .filter(|c| c.lane_id == touchpoints.id)
        .all(|c| c.channel.is_some()));
}

#[test]
fn synthetic_sample_has_the_requested_shape() {
    let map = sample::synthetic(1000, 7, 0);
    assert_eq!(map.cards.len(), 1000);
    assert_eq!(map.stages.len(), 6);
    assert_eq!(map.lanes.len(), LaneKind::ALL.len());
    assert_eq!(map.personas.len(), 3);
    let again = sample::synthetic(1000, 7, 0);
    let texts = |m: &JourneyMap| m.cards.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
    assert_eq!(
        texts(&map),
        texts(&again),
        "the same seed gives the same cards"
    );
    assert_ne!(texts(&map), texts(&sample::synthetic(1000, 8, 0)));
}

#[test]
fn cards_are_inserted_moved_and_removed_in_cell_order() {
    let mut map = five_stage();
    let a = add_card(&mut map, 0, 0, "a");
    add_card(&mut map, 0, 0, "b");
    let c = add_card(&mut map, 0, 0, "c");
    assert_eq!(cell_texts(&map, 0, 0), ["a", "b", "c"]);

    let move_c_first = Op::MoveCard {
        id: c.clone(),
        stage_id: map.stages[0].id.clone(),
        lane_id: map.lanes[0].id.clone(),
        position: 0,
        order: None,
    };
    let (undo, _) = apply_batch(&mut map, &[move_c_first]).unwrap();
    assert_eq!(cell_texts(&map, 0, 0), ["c", "a", "b"]);
    apply_batch(&mut map, &undo).unwrap();
    assert_eq!(cell_texts(&map, 0, 0), ["a", "b", "c"]);

    let to_other_cell = Op::MoveCard {
        id: a,
        stage_id: map.stages[2].id.clone(),
        lane_id: map.lanes[1].id.clone(),
        position: 0,
        order: None,
    };
    apply_batch(&mut map, &[to_other_cell]).unwrap();
    assert_eq!(cell_texts(&map, 0, 0), ["b", "c"]);
    assert_eq!(cell_texts(&map, 2, 1), ["a"]);

    apply_batch(&mut map, &[Op::RemoveCard { id: c }]).unwrap();
    assert_eq!(cell_texts(&map, 0, 0), ["b"]);
    assert_eq!(
        map.cell_cards(&map.stages[0].id, &map.lanes[0].id)[0].position,
        0
    );
}

#[test]
fn a_card_in_a_stage_that_does_not_exist_is_refused() {
    let mut map = five_stage();
    let card = Card::new(
        StageId::from("no-such-stage"),
        map.lanes[0].id.clone(),
        0,
        "x",
    );
    let error = apply_batch(&mut map, &[Op::AddCard { card }]).unwrap_err();
    assert!(
        matches!(error, DomainError::NotFound { what: "stage", .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("no stage"), "{error}");
}

#[test]
fn an_emotion_score_out_of_range_is_refused() {
    let mut map = five_stage();
    let persona = persona("p1");
    apply_batch(&mut map, &[Op::AddPersona { persona, index: 0 }]).unwrap();
    for score in [-3, 3, 100] {
        let op = Op::SetEmotion {
            persona_id: PersonaId::from("p1"),
            stage_id: map.stages[0].id.clone(),
            state: EmotionState::Current,
            score: Some(score),
            note: None,
        };
        let error = apply_batch(&mut map, &[op]).unwrap_err();
        assert!(
            error.to_string().contains("from -2 to 2"),
            "score {score}: {error}"
        );
    }
    assert!(map.emotions.is_empty());
}

#[test]
fn other_rules_refuse_bad_values() {
    let mut map = five_stage();
    let stage = map.stages[0].id.clone();
    let lane = map.lanes[0].id.clone();
    let mut card = Card::new(stage, lane, 0, "x");
    card.severity = Some(9);
    assert!(apply_batch(&mut map, &[Op::AddCard { card: card.clone() }]).is_err());
    card.severity = None;
    card.colour = Some("red".into());
    assert!(apply_batch(&mut map, &[Op::AddCard { card: card.clone() }]).is_err());
    card.colour = None;
    card.id = CardId::from("has spaces");
    assert!(apply_batch(&mut map, &[Op::AddCard { card }]).is_err());
    let mut narrow = map.stages[0].clone();
    narrow.width = Some(40);
    let error = apply_batch(&mut map, &[Op::UpdateStage { stage: narrow }]).unwrap_err();
    assert!(error
        .to_string()
        .contains("stage width must be from 160 to 800"));
    let mut persona = sample::first_run_sample(0).personas[0].clone();
    persona.initials = "ABCD".into();
    let index = 0;
    assert!(apply_batch(&mut map, &[Op::AddPersona { persona, index }]).is_err());
    let error = apply_batch(&mut map, &[Op::SetTitle { title: "  ".into() }]).unwrap_err();
    assert_eq!(error, DomainError::Empty { field: "map title" });
    assert!(map.cards.is_empty());
}

#[test]
fn the_last_stage_and_lane_cannot_be_removed() {
    let mut map = templates::find("blank").unwrap().build("b", 0);
    let ids: Vec<StageId> = map.stages.iter().map(|s| s.id.clone()).collect();
    apply_batch(&mut map, &[Op::RemoveStage { id: ids[0].clone() }]).unwrap();
    apply_batch(&mut map, &[Op::RemoveStage { id: ids[1].clone() }]).unwrap();
    let error = apply_batch(&mut map, &[Op::RemoveStage { id: ids[2].clone() }]).unwrap_err();
    assert_eq!(error, DomainError::LastOne { what: "stage" });
}

#[test]
fn a_failing_batch_leaves_the_map_as_it_was() {
    let mut map = five_stage();
    add_card(&mut map, 1, 1, "keep me");
    let before = map.clone().normalized();
    let ops = vec![
        Op::SetTitle {
            title: "New".into(),
        },
        Op::RemoveStage {
            id: map.stages[1].id.clone(),
        },
        Op::RemoveCard {
            id: CardId::from("missing"),
        },
    ];
    assert!(apply_batch(&mut map, &ops).is_err());
    assert_eq!(map.normalized(), before);
}

#[test]
fn removing_a_stage_takes_its_cards_and_undo_brings_them_back() {
    let mut map = sample::first_run_sample(0);
    let before = map.clone().normalized();
    let stage = map.stages[3].id.clone();
    let (undo, changes) = apply_batch(&mut map, &[Op::RemoveStage { id: stage.clone() }]).unwrap();
    assert!(map.cards.iter().all(|c| c.stage_id != stage));
    assert!(map.emotions.iter().all(|e| e.stage_id != stage));
    assert!(changes.stages.contains(&stage));
    apply_batch(&mut map, &undo).unwrap();
    assert_eq!(map.normalized(), before);
}

fn lane_of(map: &JourneyMap, kind: LaneKind) -> LaneId {
    map.lanes
        .iter()
        .find(|l| l.kind == kind)
        .unwrap()
        .id
        .clone()
}

#[test]
fn a_card_leaves_behind_the_fields_its_new_lane_does_not_have_and_undo_restores_them() {
    let mut map = sample::first_run_sample(0);
    let pains = lane_of(&map, LaneKind::PainPoints);
    let ideas = lane_of(&map, LaneKind::Opportunities);
    let pain = map
        .cards
        .iter()
        .find(|c| c.lane_id == pains)
        .unwrap()
        .clone();
    assert!(pain.severity.is_some());
    let before = map.clone().normalized();
    let to_ideas = Op::MoveCard {
        id: pain.id.clone(),
        stage_id: pain.stage_id.clone(),
        lane_id: ideas.clone(),
        position: 0,
        order: None,
    };
    let (undo, _) = apply_batch(&mut map, &[to_ideas]).unwrap();
    let moved = map.cards.iter().find(|c| c.id == pain.id).unwrap();
    assert_eq!(moved.severity, None, "no hidden severity on an opportunity");
    assert_eq!(moved.lane_id, ideas);
    apply_batch(&mut map, &undo).unwrap();
    assert_eq!(
        map.clone().normalized(),
        before,
        "undo brings the severity back"
    );

    // A card added or updated with another kind's fields keeps only its own.
    let mut stray = Card::new(
        pain.stage_id.clone(),
        ideas.clone(),
        0,
        "Show fees up front",
    );
    stray.severity = Some(3);
    stray.impact = Some(4);
    stray.channel = Some("Email".to_owned());
    apply_batch(
        &mut map,
        &[Op::AddCard {
            card: stray.clone(),
        }],
    )
    .unwrap();
    let added = map.cards.iter().find(|c| c.id == stray.id).unwrap();
    assert_eq!(
        (added.severity, added.impact, added.channel.as_deref()),
        (None, Some(4), None)
    );
    let mut update = added.clone();
    update.metric_value = Some("41%".to_owned());
    apply_batch(&mut map, &[Op::UpdateCard { card: update }]).unwrap();
    let updated = map.cards.iter().find(|c| c.id == stray.id).unwrap();
    assert_eq!(updated.metric_value, None);
}

fn persona(id: &str) -> Persona {
    Persona {
        id: PersonaId::from(id),
        name: format!("Persona {id}"),
        role: String::new(),
        goals: String::new(),
        needs: String::new(),
        frustrations: String::new(),
        quote: String::new(),
        colour: "#336699".into(),
        initials: String::new(),
    }
}
