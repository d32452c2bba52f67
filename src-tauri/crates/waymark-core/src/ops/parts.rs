//! The steps `apply_op` is made of: finding, inserting, moving and taking away the parts of a
//! map, each recording what it touched.

use super::{Changes, Op};
use crate::error::DomainError;
use crate::ids::{CardId, LaneId, PersonaId, StageId};
use crate::map::{Card, EmotionScore, EmotionState, JourneyMap, LaneKind};
use crate::order;
use crate::rules;

pub(super) fn set_emotion(
    map: &mut JourneyMap,
    persona_id: &PersonaId,
    stage_id: &StageId,
    state: EmotionState,
    score: Option<i8>,
    note: &Option<String>,
    changes: &mut Changes,
) -> Result<Vec<Op>, DomainError> {
    ensure_present(
        &map.personas,
        |p| &p.id == persona_id,
        "persona",
        &persona_id.0,
    )?;
    ensure_present(&map.stages, |s| &s.id == stage_id, "stage", &stage_id.0)?;
    let replacement = match score {
        Some(score) => {
            let emotion = EmotionScore {
                persona_id: persona_id.clone(),
                stage_id: stage_id.clone(),
                state,
                score,
                note: note.clone().filter(|n| !n.trim().is_empty()),
            };
            rules::check_emotion(&emotion)?;
            Some(emotion)
        }
        None => None,
    };
    let existing = map
        .emotions
        .iter()
        .position(|e| e.is_for(persona_id, stage_id, state));
    let old = existing.map(|index| map.emotions.remove(index));
    map.emotions.extend(replacement);
    changes
        .emotions
        .insert((persona_id.clone(), stage_id.clone(), state));
    Ok(vec![Op::SetEmotion {
        persona_id: persona_id.clone(),
        stage_id: stage_id.clone(),
        state,
        score: old.as_ref().map(|e| e.score),
        note: old.and_then(|e| e.note),
    }])
}

pub(super) fn remove_persona(
    map: &mut JourneyMap,
    id: &PersonaId,
    changes: &mut Changes,
) -> Result<Vec<Op>, DomainError> {
    let index = index_of(&map.personas, |p| &p.id == id, "persona", &id.0)?;
    let persona = map.personas.remove(index);
    let mut inverse = vec![Op::AddPersona {
        persona,
        index: to_u32(index),
    }];
    inverse.extend(take_emotions(map, |e| &e.persona_id == id, changes));
    changes.personas.insert(id.clone());
    changes
        .personas
        .extend(map.personas.iter().map(|p| p.id.clone()));
    Ok(inverse)
}

pub(super) fn remove_stage(
    map: &mut JourneyMap,
    id: &StageId,
    changes: &mut Changes,
) -> Result<Vec<Op>, DomainError> {
    let index = index_of(&map.stages, |s| &s.id == id, "stage", &id.0)?;
    if map.stages.len() == 1 {
        return Err(DomainError::LastOne { what: "stage" });
    }
    let stage = map.stages.remove(index);
    let mut inverse = vec![Op::AddStage {
        stage,
        index: to_u32(index),
    }];
    inverse.extend(take_cards(map, |c| &c.stage_id == id, changes));
    inverse.extend(take_emotions(map, |e| &e.stage_id == id, changes));
    changes.stages.insert(id.clone());
    changes
        .stages
        .extend(map.stages.iter().map(|s| s.id.clone()));
    Ok(inverse)
}

pub(super) fn remove_lane(
    map: &mut JourneyMap,
    id: &LaneId,
    changes: &mut Changes,
) -> Result<Vec<Op>, DomainError> {
    let index = index_of(&map.lanes, |l| &l.id == id, "lane", &id.0)?;
    if map.lanes.len() == 1 {
        return Err(DomainError::LastOne { what: "lane" });
    }
    let lane = map.lanes.remove(index);
    let mut inverse = vec![Op::AddLane {
        lane,
        index: to_u32(index),
    }];
    inverse.extend(take_cards(map, |c| &c.lane_id == id, changes));
    changes.lanes.insert(id.clone());
    changes.lanes.extend(map.lanes.iter().map(|l| l.id.clone()));
    Ok(inverse)
}

/// Removes the matching cards; returns the `AddCard`s that put them back where they were.
pub(super) fn take_cards(
    map: &mut JourneyMap,
    matches: impl Fn(&Card) -> bool,
    changes: &mut Changes,
) -> Vec<Op> {
    let (mut taken, kept): (Vec<Card>, Vec<Card>) = std::mem::take(&mut map.cards)
        .into_iter()
        .partition(|c| matches(c));
    map.cards = kept;
    // Re-adding in ascending position inside each cell restores the exact order.
    taken.sort_by(|a, b| {
        (&a.stage_id, &a.lane_id, a.position).cmp(&(&b.stage_id, &b.lane_id, b.position))
    });
    changes.cards.extend(taken.iter().map(|c| c.id.clone()));
    taken.into_iter().map(|card| Op::AddCard { card }).collect()
}

/// Removes the matching emotion points; returns the `SetEmotion`s that put them back.
pub(super) fn take_emotions(
    map: &mut JourneyMap,
    matches: impl Fn(&EmotionScore) -> bool,
    changes: &mut Changes,
) -> Vec<Op> {
    let (taken, kept): (Vec<EmotionScore>, Vec<EmotionScore>) = std::mem::take(&mut map.emotions)
        .into_iter()
        .partition(|e| matches(e));
    map.emotions = kept;
    taken
        .into_iter()
        .map(|e| {
            changes
                .emotions
                .insert((e.persona_id.clone(), e.stage_id.clone(), e.state));
            Op::SetEmotion {
                persona_id: e.persona_id,
                stage_id: e.stage_id,
                state: e.state,
                score: Some(e.score),
                note: e.note,
            }
        })
        .collect()
}

/// Takes a card out of its cell; the cards after it move up one place. Only the card's own
/// row changes: places are ranks of order keys, which stay.
pub(super) fn take_card(
    map: &mut JourneyMap,
    id: &CardId,
    changes: &mut Changes,
) -> Result<Card, DomainError> {
    let index = index_of(&map.cards, |c| &c.id == id, "card", &id.0)?;
    let card = map.cards.remove(index);
    changes.cards.insert(card.id.clone());
    for other in map.cards.iter_mut() {
        if other.is_in(&card.stage_id, &card.lane_id) && other.position > card.position {
            other.position -= 1;
        }
    }
    Ok(card)
}

/// Puts a card into its cell: where its order key sorts, or without a key at its position
/// (clamped to the cell's end) with a key between its neighbours'. When that key would be
/// long, the cards around it get evenly spread keys: the operations that give them back their
/// old keys are returned, for the inverse.
pub(super) fn insert_card(map: &mut JourneyMap, mut card: Card, changes: &mut Changes) -> Vec<Op> {
    let mut cell: Vec<usize> = (0..map.cards.len())
        .filter(|&i| map.cards[i].is_in(&card.stage_id, &card.lane_id))
        .collect();
    cell.sort_by_key(|&i| map.cards[i].position);
    let mut restore = Vec::new();
    let place = if card.order.is_empty() {
        let place = cell.len().min(card.position as usize);
        let keys: Vec<&str> = cell.iter().map(|&i| map.cards[i].order.as_str()).collect();
        let (key, spread) = order::key_at(&keys, place);
        if let Some((start, fresh)) = spread {
            for (&i, key) in cell[start..].iter().zip(fresh) {
                let other = &mut map.cards[i];
                if other.order != key {
                    restore.push(Op::MoveCard {
                        id: other.id.clone(),
                        stage_id: other.stage_id.clone(),
                        lane_id: other.lane_id.clone(),
                        position: other.position,
                        order: Some(std::mem::replace(&mut other.order, key)),
                    });
                    changes.cards.insert(other.id.clone());
                }
            }
        }
        card.order = key;
        place
    } else {
        let rank = (&card.order, &card.id);
        cell.iter()
            .filter(|&&i| (&map.cards[i].order, &map.cards[i].id) < rank)
            .count()
    };
    card.position = to_u32(place);
    for &i in &cell {
        if map.cards[i].position >= card.position {
            map.cards[i].position += 1;
        }
    }
    changes.cards.insert(card.id.clone());
    map.cards.push(card);
    restore
}

/// Checks that the cell exists; returns its lane's kind.
pub(super) fn ensure_cell(
    map: &JourneyMap,
    stage_id: &StageId,
    lane_id: &LaneId,
) -> Result<LaneKind, DomainError> {
    ensure_present(&map.stages, |s| &s.id == stage_id, "stage", &stage_id.0)?;
    let index = index_of(&map.lanes, |l| &l.id == lane_id, "lane", &lane_id.0)?;
    Ok(map.lanes[index].kind)
}

/// The kind of the lane a card is in.
pub(super) fn lane_kind_of_card(map: &JourneyMap, id: &CardId) -> Result<LaneKind, DomainError> {
    let index = index_of(&map.cards, |c| &c.id == id, "card", &id.0)?;
    let lane_id = &map.cards[index].lane_id;
    let lane = index_of(&map.lanes, |l| &l.id == lane_id, "lane", &lane_id.0)?;
    Ok(map.lanes[lane].kind)
}

/// Whether two versions of a card differ in their lane fields.
pub(super) fn fields_differ(a: &Card, b: &Card) -> bool {
    (
        &a.channel,
        a.severity,
        a.impact,
        a.effort,
        &a.metric_value,
        &a.metric_target,
    ) != (
        &b.channel,
        b.severity,
        b.impact,
        b.effort,
        &b.metric_value,
        &b.metric_target,
    )
}

pub(super) fn index_of<T>(
    items: &[T],
    matches: impl Fn(&T) -> bool,
    what: &'static str,
    id: &str,
) -> Result<usize, DomainError> {
    items
        .iter()
        .position(matches)
        .ok_or_else(|| DomainError::NotFound {
            what,
            id: id.to_owned(),
        })
}

pub(super) fn ensure_present<T>(
    items: &[T],
    matches: impl Fn(&T) -> bool,
    what: &'static str,
    id: &str,
) -> Result<(), DomainError> {
    index_of(items, matches, what, id).map(|_| ())
}

pub(super) fn ensure_absent<T>(
    items: &[T],
    matches: impl Fn(&T) -> bool,
    what: &'static str,
    id: &str,
) -> Result<(), DomainError> {
    if items.iter().any(matches) {
        return Err(DomainError::DuplicateId {
            what,
            id: id.to_owned(),
        });
    }
    Ok(())
}

pub(super) fn ensure_room(len: usize, max: usize, what: &'static str) -> Result<(), DomainError> {
    if len >= max {
        return Err(DomainError::TooMany { what, max });
    }
    Ok(())
}

pub(super) fn find_mut<'a, T>(
    items: &'a mut [T],
    matches: impl Fn(&T) -> bool,
    what: &'static str,
    id: &str,
) -> Result<&'a mut T, DomainError> {
    items
        .iter_mut()
        .find(|item| matches(item))
        .ok_or_else(|| DomainError::NotFound {
            what,
            id: id.to_owned(),
        })
}

/// Inserts at `index`, or at the end when `index` is past it.
pub(super) fn insert_at<T>(items: &mut Vec<T>, index: u32, item: T) {
    let index = usize::try_from(index)
        .unwrap_or(usize::MAX)
        .min(items.len());
    items.insert(index, item);
}

/// Moves the matching item to `index` (clamped); returns where it was.
pub(super) fn move_to<T>(
    items: &mut Vec<T>,
    matches: impl Fn(&T) -> bool,
    index: u32,
    what: &'static str,
    id: &str,
) -> Result<u32, DomainError> {
    let from = index_of(items, matches, what, id)?;
    let item = items.remove(from);
    insert_at(items, index, item);
    Ok(to_u32(from))
}

pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
