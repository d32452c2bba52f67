//! The changes of the cards (added, removed, changed, moved) and of the emotion curves.

use super::{increasing_values, Change};
use crate::ids::{LaneId, PersonaId, StageId};
use crate::map::{Card, EmotionScore, EmotionState, JourneyMap};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Whether two versions of a card differ in what it says (not where it is).
pub(crate) fn content_differs(a: &Card, b: &Card) -> bool {
    a.text != b.text || a.colour != b.colour || a.tags != b.tags || kind_fields_differ(a, b)
}

/// Whether the fields only some lane kinds have differ (channel, severity, impact, effort,
/// value, target).
pub(crate) fn kind_fields_differ(a: &Card, b: &Card) -> bool {
    a.channel != b.channel
        || a.severity != b.severity
        || a.impact != b.impact
        || a.effort != b.effort
        || a.metric_value != b.metric_value
        || a.metric_target != b.metric_target
}

pub(super) fn card_changes(a: &JourneyMap, b: &JourneyMap) -> Vec<Change> {
    let in_b: HashMap<_, &Card> = b.cards.iter().map(|c| (&c.id, c)).collect();
    let in_a: HashMap<_, &Card> = a.cards.iter().map(|c| (&c.id, c)).collect();
    // Which kept cards moved inside their cell: those outside the longest run that kept its
    // order there.
    let mut reordered: HashSet<&crate::CardId> = HashSet::default();
    let mut cells: HashMap<(&StageId, &LaneId), Vec<&Card>> = HashMap::default();
    for card in &b.cards {
        cells
            .entry((&card.stage_id, &card.lane_id))
            .or_default()
            .push(card);
    }
    for mut cell in cells.into_values() {
        cell.sort_by_key(|c| c.position);
        let stayed: Vec<&Card> = cell
            .iter()
            .filter(|c| {
                in_a.get(&c.id)
                    .is_some_and(|old| old.is_in(&c.stage_id, &c.lane_id))
            })
            .copied()
            .collect();
        let places: Vec<usize> = stayed
            .iter()
            .map(|c| in_a[&c.id].position as usize)
            .collect();
        let kept = increasing_values(&places);
        for card in stayed {
            if !kept.contains(&(in_a[&card.id].position as usize)) {
                reordered.insert(&card.id);
            }
        }
    }
    let mut changes = Vec::new();
    for card in in_reading_order(a) {
        if !in_b.contains_key(&card.id) {
            changes.push(Change::CardRemoved { card: card.clone() });
        }
    }
    for card in in_reading_order(b) {
        let Some(old) = in_a.get(&card.id) else {
            changes.push(Change::CardAdded { card: card.clone() });
            continue;
        };
        if !old.is_in(&card.stage_id, &card.lane_id) || reordered.contains(&card.id) {
            changes.push(Change::CardMoved {
                from: (*old).clone(),
                to: card.clone(),
            });
        }
        if content_differs(old, card) {
            changes.push(Change::CardChanged {
                from: (*old).clone(),
                to: card.clone(),
            });
        }
    }
    changes
}

/// The cards stage by stage, lane by lane, top to bottom.
fn in_reading_order(map: &JourneyMap) -> Vec<&Card> {
    let stage: HashMap<&StageId, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let lane: HashMap<&LaneId, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (&l.id, i))
        .collect();
    let mut cards: Vec<&Card> = map.cards.iter().collect();
    cards.sort_by_cached_key(|c| {
        (
            stage.get(&c.stage_id).copied().unwrap_or(usize::MAX),
            lane.get(&c.lane_id).copied().unwrap_or(usize::MAX),
            c.position,
        )
    });
    cards
}

pub(super) fn emotion_changes(a: &JourneyMap, b: &JourneyMap) -> Vec<Change> {
    type Point<'a> = (&'a PersonaId, &'a StageId, EmotionState);
    let key = |e: &EmotionScore| (e.persona_id.clone(), e.stage_id.clone(), e.state);
    let in_a: HashMap<_, &EmotionScore> = a.emotions.iter().map(|e| (key(e), e)).collect();
    let in_b: HashMap<_, &EmotionScore> = b.emotions.iter().map(|e| (key(e), e)).collect();
    let mut points: Vec<Point> = Vec::new();
    for persona in &b.personas {
        for stage in &b.stages {
            for state in [EmotionState::Current, EmotionState::Future] {
                points.push((&persona.id, &stage.id, state));
            }
        }
    }
    // Points whose persona or stage is gone: their removal is part of that change.
    let mut changes = Vec::new();
    for (persona_id, stage_id, state) in points {
        let k = (persona_id.clone(), stage_id.clone(), state);
        let (from, to) = (in_a.get(&k).copied(), in_b.get(&k).copied());
        if from != to {
            changes.push(Change::EmotionChanged {
                persona_id: persona_id.clone(),
                stage_id: stage_id.clone(),
                state,
                from: from.cloned(),
                to: to.cloned(),
            });
        }
    }
    changes
}
