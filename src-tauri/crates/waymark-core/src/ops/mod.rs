//! Operations: every change to a map, each with an exact inverse.
//!
//! `apply_op` checks the rules, changes the map and returns the operations that undo it. A batch
//! is all or nothing: if one operation fails, the ones before it are undone.

use crate::error::DomainError;
use crate::ids::{CardId, LaneId, PersonaId, StageId};
use crate::map::{Card, EmotionState, JourneyMap, Lane, Persona, Stage};
use crate::rules;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

mod parts;

use parts::*;

/// One change to a map. Serialized as `{"type": "MoveCard", ...}`.
///
/// A batch is a list of operations applied in order, all or nothing, and undone as one step.
/// `index` and `position` past the end of their list append.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
#[serde(tag = "type")]
pub enum Op {
    /// Renames the map.
    SetTitle {
        /// Not blank.
        title: String,
    },
    /// Replaces the map's description.
    SetDescription { description: String },
    /// Adds a persona at `index` in the persona list; its id must be new to the map.
    AddPersona { persona: Persona, index: u32 },
    /// Replaces a persona's fields; the persona with `persona.id` must exist.
    UpdatePersona { persona: Persona },
    /// Removes a persona and its emotion curve.
    RemovePersona { id: PersonaId },
    /// Adds a stage (a column) at `index`.
    AddStage { stage: Stage, index: u32 },
    /// Renames, recolours or resizes a stage.
    UpdateStage { stage: Stage },
    /// Removes a stage with its cards and emotion points; the last stage cannot be removed.
    RemoveStage { id: StageId },
    /// Moves a stage to `index` among the stages.
    MoveStage { id: StageId, index: u32 },
    /// Adds a lane (a row) at `index`.
    AddLane { lane: Lane, index: u32 },
    /// Renames, folds or unfolds a lane. Its kind stays.
    UpdateLane { lane: Lane },
    /// Removes a lane with its cards; the last lane cannot be removed.
    RemoveLane { id: LaneId },
    /// Moves a lane to `index` among the lanes.
    MoveLane { id: LaneId, index: u32 },
    /// Inserts the card in its cell: where its `order` key sorts, or without one at
    /// `card.position` (past the end appends). Fields its lane's kind does not have are cleared.
    AddCard { card: Card },
    /// Replaces the card's content; its stage, lane and position stay (use `MoveCard`).
    UpdateCard { card: Card },
    /// Moves a card to a cell, at `position` among the cell's other cards, or where `order`
    /// sorts when given. Fields the new lane's kind does not have are cleared (undo brings them
    /// back).
    MoveCard {
        id: CardId,
        stage_id: StageId,
        lane_id: LaneId,
        position: u32,
        /// The card's order key in the new cell; absent gives it one at `position`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        order: Option<String>,
    },
    /// Removes a card; the cards below it in its cell move up.
    RemoveCard { id: CardId },
    /// Sets a point of the emotion curve; `score: null` removes it.
    SetEmotion {
        persona_id: PersonaId,
        stage_id: StageId,
        state: EmotionState,
        /// From very negative to very positive (see the limits), or null to remove the point.
        score: Option<i8>,
        /// Why the persona feels so here.
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
            let mut inverse = vec![Op::RemoveCard {
                id: card.id.clone(),
            }];
            inverse.extend(insert_card(map, card.clone().for_kind(kind), changes));
            Ok(inverse)
        }
        Op::UpdateCard { card } => {
            rules::check_card(card)?;
            let kind = lane_kind_of_card(map, &card.id)?;
            let slot = find_mut(&mut map.cards, |c| c.id == card.id, "card", &card.id.0)?;
            let updated = Card {
                stage_id: slot.stage_id.clone(),
                lane_id: slot.lane_id.clone(),
                position: slot.position,
                order: slot.order.clone(),
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
            order,
        } => {
            let kind = ensure_cell(map, stage_id, lane_id)?;
            if let Some(key) = order.as_deref().filter(|k| !crate::order::is_valid(k)) {
                return Err(DomainError::InvalidOrderKey {
                    id: id.0.clone(),
                    key: key.chars().take(80).collect(),
                });
            }
            let card = take_card(map, id, changes)?;
            let mut inverse = vec![Op::MoveCard {
                id: id.clone(),
                stage_id: card.stage_id.clone(),
                lane_id: card.lane_id.clone(),
                position: card.position,
                order: Some(card.order.clone()),
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
            moved.order = order.clone().unwrap_or_default();
            inverse.extend(insert_card(map, moved, changes));
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
