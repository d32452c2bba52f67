//! Operations: every change to a map, each with an exact inverse.
//!
//! `apply_op` checks the rules, changes the map and returns the operations that undo it. A batch
//! is all or nothing: if one operation fails, the ones before it are undone.

use crate::error::DomainError;
use crate::ids::{CardId, LaneId, PersonaId, StageId};
use crate::map::{Card, EmotionScore, EmotionState, JourneyMap, Lane, LaneKind, Persona, Stage};
use crate::rules;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One change to a map. Serialized as `{"type": "MoveCard", ...}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "type")]
pub enum Op {
    SetTitle {
        title: String,
    },
    SetDescription {
        description: String,
    },
    AddPersona {
        persona: Persona,
        index: u32,
    },
    UpdatePersona {
        persona: Persona,
    },
    RemovePersona {
        id: PersonaId,
    },
    AddStage {
        stage: Stage,
        index: u32,
    },
    UpdateStage {
        stage: Stage,
    },
    RemoveStage {
        id: StageId,
    },
    MoveStage {
        id: StageId,
        index: u32,
    },
    AddLane {
        lane: Lane,
        index: u32,
    },
    UpdateLane {
        lane: Lane,
    },
    RemoveLane {
        id: LaneId,
    },
    MoveLane {
        id: LaneId,
        index: u32,
    },
    /// Inserts the card at `card.position` in its cell (past the end appends).
    AddCard {
        card: Card,
    },
    /// Replaces the card's content; its stage, lane and position stay (use `MoveCard`).
    UpdateCard {
        card: Card,
    },
    /// Moves a card to a cell, at `position` among the cell's other cards.
    MoveCard {
        id: CardId,
        stage_id: StageId,
        lane_id: LaneId,
        position: u32,
    },
    RemoveCard {
        id: CardId,
    },
    /// Sets a point of the emotion curve; `score: None` removes it.
    SetEmotion {
        persona_id: PersonaId,
        stage_id: StageId,
        state: EmotionState,
        score: Option<i8>,
        #[serde(default)]
        note: Option<String>,
    },
}

/// What a batch touched, so the store writes only those rows.
///
/// An id in a set means "write this row if it still exists, delete it otherwise".
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    pub map_fields: bool,
    pub personas: BTreeSet<PersonaId>,
    pub stages: BTreeSet<StageId>,
    pub lanes: BTreeSet<LaneId>,
    pub cards: BTreeSet<CardId>,
    pub emotions: BTreeSet<(PersonaId, StageId, EmotionState)>,
}

impl Changes {
    /// Whether nothing was touched.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// Applies a batch, all or nothing. Returns the inverse batch and what was touched.
pub fn apply_batch(map: &mut JourneyMap, ops: &[Op]) -> Result<(Vec<Op>, Changes), DomainError> {
    let mut changes = Changes::default();
    let mut inverses: Vec<Vec<Op>> = Vec::with_capacity(ops.len());
    for op in ops {
        match apply_op(map, op, &mut changes) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                let mut ignored = Changes::default();
                for inverse in inverses.iter().rev().flatten() {
                    // Inverses of operations that just succeeded always apply.
                    let _ = apply_op(map, inverse, &mut ignored);
                }
                return Err(error);
            }
        }
    }
    Ok((inverses.into_iter().rev().flatten().collect(), changes))
}

/// Applies one operation. Returns the operations that undo it, in the order to apply them.
pub fn apply_op(
    map: &mut JourneyMap,
    op: &Op,
    changes: &mut Changes,
) -> Result<Vec<Op>, DomainError> {
    match op {
        Op::SetTitle { title } => {
            rules::check_title(title)?;
            changes.map_fields = true;
            let old = std::mem::replace(&mut map.title, title.clone());
            Ok(vec![Op::SetTitle { title: old }])
        }
        Op::SetDescription { description } => {
            rules::check_description(description)?;
            changes.map_fields = true;
            let old = std::mem::replace(&mut map.description, description.clone());
            Ok(vec![Op::SetDescription { description: old }])
        }
        Op::AddPersona { persona, index } => {
            rules::check_persona(persona)?;
            ensure_absent(
                &map.personas,
                |p| p.id == persona.id,
                "persona",
                &persona.id.0,
            )?;
            ensure_room(map.personas.len(), rules::MAX_PERSONAS, "personas")?;
            insert_at(&mut map.personas, *index, persona.clone());
            changes
                .personas
                .extend(map.personas.iter().map(|p| p.id.clone()));
            Ok(vec![Op::RemovePersona {
                id: persona.id.clone(),
            }])
        }
        Op::UpdatePersona { persona } => {
            rules::check_persona(persona)?;
            let slot = find_mut(
                &mut map.personas,
                |p| p.id == persona.id,
                "persona",
                &persona.id.0,
            )?;
            let old = std::mem::replace(slot, persona.clone());
            changes.personas.insert(persona.id.clone());
            Ok(vec![Op::UpdatePersona { persona: old }])
        }
        Op::RemovePersona { id } => remove_persona(map, id, changes),
        Op::AddStage { stage, index } => {
            rules::check_stage(stage)?;
            ensure_absent(&map.stages, |s| s.id == stage.id, "stage", &stage.id.0)?;
            ensure_room(map.stages.len(), rules::MAX_STAGES, "stages")?;
            insert_at(&mut map.stages, *index, stage.clone());
            changes
                .stages
                .extend(map.stages.iter().map(|s| s.id.clone()));
            Ok(vec![Op::RemoveStage {
                id: stage.id.clone(),
            }])
        }
        Op::UpdateStage { stage } => {
            rules::check_stage(stage)?;
            let slot = find_mut(&mut map.stages, |s| s.id == stage.id, "stage", &stage.id.0)?;
            let old = std::mem::replace(slot, stage.clone());
            changes.stages.insert(stage.id.clone());
            Ok(vec![Op::UpdateStage { stage: old }])
        }
        Op::RemoveStage { id } => remove_stage(map, id, changes),
        Op::MoveStage { id, index } => {
            let old = move_to(&mut map.stages, |s| &s.id == id, *index, "stage", &id.0)?;
            changes
                .stages
                .extend(map.stages.iter().map(|s| s.id.clone()));
            Ok(vec![Op::MoveStage {
                id: id.clone(),
                index: old,
            }])
        }
        Op::AddLane { lane, index } => {
            rules::check_lane(lane)?;
            ensure_absent(&map.lanes, |l| l.id == lane.id, "lane", &lane.id.0)?;
            ensure_room(map.lanes.len(), rules::MAX_LANES, "lanes")?;
            insert_at(&mut map.lanes, *index, lane.clone());
            changes.lanes.extend(map.lanes.iter().map(|l| l.id.clone()));
            Ok(vec![Op::RemoveLane {
                id: lane.id.clone(),
            }])
        }
        Op::UpdateLane { lane } => {
            rules::check_lane(lane)?;
            let slot = find_mut(&mut map.lanes, |l| l.id == lane.id, "lane", &lane.id.0)?;
            let old = std::mem::replace(slot, lane.clone());
            changes.lanes.insert(lane.id.clone());
            Ok(vec![Op::UpdateLane { lane: old }])
        }
        Op::RemoveLane { id } => remove_lane(map, id, changes),
        Op::MoveLane { id, index } => {
            let old = move_to(&mut map.lanes, |l| &l.id == id, *index, "lane", &id.0)?;
            changes.lanes.extend(map.lanes.iter().map(|l| l.id.clone()));
            Ok(vec![Op::MoveLane {
                id: id.clone(),
                index: old,
            }])
        }
        Op::AddCard { card } => {
            rules::check_card(card)?;
            ensure_absent(&map.cards, |c| c.id == card.id, "card", &card.id.0)?;
            ensure_room(map.cards.len(), rules::MAX_CARDS, "cards")?;
            let kind = ensure_cell(map, &card.stage_id, &card.lane_id)?;
            insert_card(map, card.clone().for_kind(kind), changes);
            Ok(vec![Op::RemoveCard {
                id: card.id.clone(),
            }])
        }
        Op::UpdateCard { card } => {
            rules::check_card(card)?;
            let kind = lane_kind_of_card(map, &card.id)?;
            let slot = find_mut(&mut map.cards, |c| c.id == card.id, "card", &card.id.0)?;
            let updated = Card {
                stage_id: slot.stage_id.clone(),
                lane_id: slot.lane_id.clone(),
                position: slot.position,
                ..card.clone()
            }
            .for_kind(kind);
            let old = std::mem::replace(slot, updated);
            changes.cards.insert(card.id.clone());
            Ok(vec![Op::UpdateCard { card: old }])
        }
        Op::MoveCard {
            id,
            stage_id,
            lane_id,
            position,
        } => {
            let kind = ensure_cell(map, stage_id, lane_id)?;
            let card = take_card(map, id, changes)?;
            let mut inverse = vec![Op::MoveCard {
                id: id.clone(),
                stage_id: card.stage_id.clone(),
                lane_id: card.lane_id.clone(),
                position: card.position,
            }];
            let mut moved = card.clone().for_kind(kind);
            // Fields the new lane does not have are cleared; undo moves the card back first,
            // then brings them back.
            if fields_differ(&moved, &card) {
                inverse.push(Op::UpdateCard { card: card.clone() });
            }
            moved.stage_id = stage_id.clone();
            moved.lane_id = lane_id.clone();
            moved.position = *position;
            insert_card(map, moved, changes);
            Ok(inverse)
        }
        Op::RemoveCard { id } => {
            let card = take_card(map, id, changes)?;
            Ok(vec![Op::AddCard { card }])
        }
        Op::SetEmotion {
            persona_id,
            stage_id,
            state,
            score,
            note,
        } => set_emotion(map, persona_id, stage_id, *state, *score, note, changes),
    }
}

fn set_emotion(
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

fn remove_persona(
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

fn remove_stage(
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

fn remove_lane(
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
fn take_cards(
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
fn take_emotions(
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

/// Takes a card out of its cell and closes the gap it leaves.
fn take_card(
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
            changes.cards.insert(other.id.clone());
        }
    }
    Ok(card)
}

/// Puts a card into its cell at its position (clamped to the cell's end), shifting the rest down.
fn insert_card(map: &mut JourneyMap, mut card: Card, changes: &mut Changes) {
    let in_cell = map
        .cards
        .iter()
        .filter(|c| c.is_in(&card.stage_id, &card.lane_id))
        .count();
    card.position = card.position.min(to_u32(in_cell));
    for other in map.cards.iter_mut() {
        if other.is_in(&card.stage_id, &card.lane_id) && other.position >= card.position {
            other.position += 1;
            changes.cards.insert(other.id.clone());
        }
    }
    changes.cards.insert(card.id.clone());
    map.cards.push(card);
}

/// Checks that the cell exists; returns its lane's kind.
fn ensure_cell(
    map: &JourneyMap,
    stage_id: &StageId,
    lane_id: &LaneId,
) -> Result<LaneKind, DomainError> {
    ensure_present(&map.stages, |s| &s.id == stage_id, "stage", &stage_id.0)?;
    let index = index_of(&map.lanes, |l| &l.id == lane_id, "lane", &lane_id.0)?;
    Ok(map.lanes[index].kind)
}

/// The kind of the lane a card is in.
fn lane_kind_of_card(map: &JourneyMap, id: &CardId) -> Result<LaneKind, DomainError> {
    let index = index_of(&map.cards, |c| &c.id == id, "card", &id.0)?;
    let lane_id = &map.cards[index].lane_id;
    let lane = index_of(&map.lanes, |l| &l.id == lane_id, "lane", &lane_id.0)?;
    Ok(map.lanes[lane].kind)
}

/// Whether two versions of a card differ in their lane fields.
fn fields_differ(a: &Card, b: &Card) -> bool {
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

fn index_of<T>(
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

fn ensure_present<T>(
    items: &[T],
    matches: impl Fn(&T) -> bool,
    what: &'static str,
    id: &str,
) -> Result<(), DomainError> {
    index_of(items, matches, what, id).map(|_| ())
}

fn ensure_absent<T>(
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

fn ensure_room(len: usize, max: usize, what: &'static str) -> Result<(), DomainError> {
    if len >= max {
        return Err(DomainError::TooMany { what, max });
    }
    Ok(())
}

fn find_mut<'a, T>(
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
fn insert_at<T>(items: &mut Vec<T>, index: u32, item: T) {
    let index = usize::try_from(index)
        .unwrap_or(usize::MAX)
        .min(items.len());
    items.insert(index, item);
}

/// Moves the matching item to `index` (clamped); returns where it was.
fn move_to<T>(
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

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
