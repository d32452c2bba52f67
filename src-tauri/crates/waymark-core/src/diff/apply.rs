//! The operations that make map `a` into map `b`: what restoring a version applies, as one
//! undoable batch.

use super::{align, diff, Change};
use crate::map::JourneyMap;
use crate::ops::Op;

/// The batch that makes `a` into `b` (aligned to `a` as `diff` aligns it): the changes of
/// `diff(a, b)` as operations. Parts are added before the cards that need them and removed
/// after the cards they held have gone; stages, lanes and personas end in `b`'s order.
pub fn changes_to_ops(a: &JourneyMap, b: &JourneyMap) -> Vec<Op> {
    let b = align(a, b);
    let end = u32::MAX;
    let (mut parts, mut cards, mut emotions, mut removals) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let changes = diff(a, &b);
    // Personas added or out of place go in at their place at the end, each with its curve.
    let placed: Vec<crate::PersonaId> = changes
        .iter()
        .filter_map(|change| match change {
            Change::PersonaAdded { persona, .. } | Change::PersonaMoved { persona, .. } => {
                Some(persona.id.clone())
            }
            _ => None,
        })
        .collect();
    for change in changes {
        match change {
            Change::Title { to, .. } => parts.push(Op::SetTitle { title: to }),
            Change::Description { to, .. } => parts.push(Op::SetDescription { description: to }),
            Change::StageAdded { stage, .. } => parts.push(Op::AddStage { stage, index: end }),
            Change::LaneAdded { lane, .. } => parts.push(Op::AddLane { lane, index: end }),
            Change::PersonaAdded { .. } | Change::PersonaMoved { .. } => {}
            Change::StageChanged { to, .. } => parts.push(Op::UpdateStage { stage: to }),
            Change::LaneChanged { to, .. } => parts.push(Op::UpdateLane { lane: to }),
            Change::PersonaChanged { to, .. } => parts.push(Op::UpdatePersona { persona: to }),
            Change::StageMoved { .. } | Change::LaneMoved { .. } => {}
            Change::CardRemoved { card } => cards.push(Op::RemoveCard { id: card.id }),
            Change::CardChanged { to, .. } => cards.push(Op::UpdateCard { card: to }),
            // Every card whose place or key differs is moved below, also those whose key
            // changed when neighbours were spread: `b`'s keys exactly.
            Change::CardMoved { .. } => {}
            Change::CardAdded { card } => cards.push(Op::AddCard { card }),
            Change::EmotionChanged { persona_id, .. } if placed.contains(&persona_id) => {}
            Change::EmotionChanged {
                persona_id,
                stage_id,
                state,
                to,
                ..
            } => emotions.push(Op::SetEmotion {
                persona_id,
                stage_id,
                state,
                score: to.as_ref().map(|e| e.score),
                note: to.and_then(|e| e.note),
            }),
            Change::StageRemoved { stage, .. } => removals.push(Op::RemoveStage { id: stage.id }),
            Change::LaneRemoved { lane, .. } => removals.push(Op::RemoveLane { id: lane.id }),
            Change::PersonaRemoved { persona, .. } => {
                removals.push(Op::RemovePersona { id: persona.id });
            }
        }
    }
    let before: std::collections::HashMap<_, _> = a.cards.iter().map(|c| (&c.id, c)).collect();
    let moves = b.cards.iter().filter_map(|card| {
        let old = before.get(&card.id)?;
        let same = old.is_in(&card.stage_id, &card.lane_id) && old.order == card.order;
        (!same).then(|| Op::MoveCard {
            id: card.id.clone(),
            stage_id: card.stage_id.clone(),
            lane_id: card.lane_id.clone(),
            position: card.position,
            order: Some(card.order.clone()),
        })
    });
    // Cards go to their place before their content changes: a card moved to another kind of
    // lane keeps only that lane's fields, which the update then sets.
    let (removed, rest): (Vec<Op>, Vec<Op>) = cards
        .into_iter()
        .partition(|op| matches!(op, Op::RemoveCard { .. }));
    let (additions, updates): (Vec<Op>, Vec<Op>) = rest
        .into_iter()
        .partition(|op| matches!(op, Op::AddCard { .. }));
    let mut ops = parts;
    ops.extend(removed);
    ops.extend(moves.collect::<Vec<_>>());
    ops.extend(updates);
    ops.extend(additions);
    ops.extend(emotions);
    ops.extend(removals);
    ops.extend(reorder(
        a,
        &b,
        |m| m.stages.iter().map(|s| s.id.clone()).collect(),
        |id, index| Op::MoveStage { id, index },
    ));
    ops.extend(reorder(
        a,
        &b,
        |m| m.lanes.iter().map(|l| l.id.clone()).collect(),
        |id, index| Op::MoveLane { id, index },
    ));
    ops.extend(place_personas(a, &b, &placed));
    ops
}

/// The moves that put a list (as it is once parts were added at its end and removed) into
/// `b`'s order.
fn reorder<Id: Clone + PartialEq>(
    a: &JourneyMap,
    b: &JourneyMap,
    ids: impl Fn(&JourneyMap) -> Vec<Id>,
    move_to: impl Fn(Id, u32) -> Op,
) -> Vec<Op> {
    let target = ids(b);
    let mut now: Vec<Id> = ids(a)
        .into_iter()
        .filter(|id| target.contains(id))
        .collect();
    now.extend(
        target
            .iter()
            .filter(|id| !now.contains(id))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let mut moves = Vec::new();
    for (i, id) in target.iter().enumerate() {
        if now[i] != *id {
            let from = now.iter().position(|x| x == id).unwrap_or(i);
            let moved = now.remove(from);
            now.insert(i, moved);
            moves.push(move_to(id.clone(), u32::try_from(i).unwrap_or(u32::MAX)));
        }
    }
    moves
}

/// Personas have no move: those out of place are taken away, then each added or moved one
/// goes in at its place in `b` (in `b`'s order, so the places before it are already right),
/// with its curve.
fn place_personas(a: &JourneyMap, b: &JourneyMap, placed: &[crate::PersonaId]) -> Vec<Op> {
    let mut ops: Vec<Op> = a
        .personas
        .iter()
        .filter(|p| placed.contains(&p.id))
        .map(|p| Op::RemovePersona { id: p.id.clone() })
        .collect();
    let mut added = Vec::new();
    for (index, persona) in b.personas.iter().enumerate() {
        if !placed.contains(&persona.id) {
            continue;
        }
        added.push(Op::AddPersona {
            persona: persona.clone(),
            index: u32::try_from(index).unwrap_or(u32::MAX),
        });
        added.extend(
            b.emotions
                .iter()
                .filter(|e| e.persona_id == persona.id)
                .map(|e| Op::SetEmotion {
                    persona_id: e.persona_id.clone(),
                    stage_id: e.stage_id.clone(),
                    state: e.state,
                    score: Some(e.score),
                    note: e.note.clone(),
                }),
        );
    }
    ops.extend(added);
    ops
}
