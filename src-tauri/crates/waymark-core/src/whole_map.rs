//! Operations on a whole map: checking one read from elsewhere, and turning one map into another.

use crate::error::DomainError;
use crate::ids::{CardId, LaneId, StageId};
use crate::map::{Card, JourneyMap};
use crate::ops::{apply_op, Changes, Op};
use crate::rules;
use std::collections::{HashMap, HashSet};

/// Checks every rule on a whole map by building it again, operation by operation.
///
/// Returns the map with card positions made contiguous in each cell; the first broken rule
/// is the error.
pub fn rebuild(map: &JourneyMap) -> Result<JourneyMap, DomainError> {
    rules::check_id("map", map.id.as_str())?;
    rules::check_title(&map.title)?;
    rules::check_description(&map.description)?;
    let mut built = JourneyMap {
        personas: Vec::new(),
        stages: Vec::new(),
        lanes: Vec::new(),
        cards: Vec::new(),
        emotions: Vec::new(),
        ..map.clone()
    };
    let mut ignored = Changes::default();
    let end = u32::MAX;
    for persona in &map.personas {
        let op = Op::AddPersona {
            persona: persona.clone(),
            index: end,
        };
        apply_op(&mut built, &op, &mut ignored)?;
    }
    for stage in &map.stages {
        apply_op(
            &mut built,
            &Op::AddStage {
                stage: stage.clone(),
                index: end,
            },
            &mut ignored,
        )?;
    }
    for lane in &map.lanes {
        apply_op(
            &mut built,
            &Op::AddLane {
                lane: lane.clone(),
                index: end,
            },
            &mut ignored,
        )?;
    }
    // Cards are checked in one pass (a map may hold tens of thousands): ids, cells, positions.
    if map.cards.len() > rules::MAX_CARDS {
        return Err(DomainError::TooMany {
            what: "cards",
            max: rules::MAX_CARDS,
        });
    }
    let stages: HashSet<&StageId> = built.stages.iter().map(|s| &s.id).collect();
    let lanes: HashSet<&LaneId> = built.lanes.iter().map(|l| &l.id).collect();
    let mut seen: HashSet<&CardId> = HashSet::with_capacity(map.cards.len());
    let mut cell_sizes: HashMap<(&StageId, &LaneId), u32> = HashMap::new();
    let mut cards: Vec<&Card> = map.cards.iter().collect();
    cards.sort_by_key(|c| c.position);
    let mut placed = Vec::with_capacity(cards.len());
    for card in cards {
        rules::check_card(card)?;
        if !seen.insert(&card.id) {
            return Err(DomainError::DuplicateId {
                what: "card",
                id: card.id.0.clone(),
            });
        }
        if !stages.contains(&card.stage_id) {
            return Err(DomainError::NotFound {
                what: "stage",
                id: card.stage_id.0.clone(),
            });
        }
        if !lanes.contains(&card.lane_id) {
            return Err(DomainError::NotFound {
                what: "lane",
                id: card.lane_id.0.clone(),
            });
        }
        let size = cell_sizes
            .entry((&card.stage_id, &card.lane_id))
            .or_insert(0);
        placed.push(Card {
            position: *size,
            ..card.clone()
        });
        *size += 1;
    }
    built.cards = placed;
    for e in &map.emotions {
        let op = Op::SetEmotion {
            persona_id: e.persona_id.clone(),
            stage_id: e.stage_id.clone(),
            state: e.state,
            score: Some(e.score),
            note: e.note.clone(),
        };
        apply_op(&mut built, &op, &mut ignored)?;
    }
    Ok(built)
}

/// The batch that turns `current` into `replacement` on the same map: the new parts are added
/// first (a map always keeps a stage and a lane), then the old ones removed.
/// `replacement` must not share ids with `current`.
pub fn replacement_ops(current: &JourneyMap, replacement: &JourneyMap) -> Vec<Op> {
    let end = u32::MAX;
    let mut ops = vec![
        Op::SetTitle {
            title: replacement.title.clone(),
        },
        Op::SetDescription {
            description: replacement.description.clone(),
        },
    ];
    ops.extend(replacement.personas.iter().map(|p| Op::AddPersona {
        persona: p.clone(),
        index: end,
    }));
    ops.extend(replacement.stages.iter().map(|s| Op::AddStage {
        stage: s.clone(),
        index: end,
    }));
    ops.extend(replacement.lanes.iter().map(|l| Op::AddLane {
        lane: l.clone(),
        index: end,
    }));
    let mut cards: Vec<&Card> = replacement.cards.iter().collect();
    cards.sort_by_key(|c| c.position);
    ops.extend(cards.into_iter().map(|c| Op::AddCard {
        card: Card {
            position: end,
            ..c.clone()
        },
    }));
    ops.extend(replacement.emotions.iter().map(|e| Op::SetEmotion {
        persona_id: e.persona_id.clone(),
        stage_id: e.stage_id.clone(),
        state: e.state,
        score: Some(e.score),
        note: e.note.clone(),
    }));
    ops.extend(
        current
            .stages
            .iter()
            .map(|s| Op::RemoveStage { id: s.id.clone() }),
    );
    ops.extend(
        current
            .lanes
            .iter()
            .map(|l| Op::RemoveLane { id: l.id.clone() }),
    );
    ops.extend(
        current
            .personas
            .iter()
            .map(|p| Op::RemovePersona { id: p.id.clone() }),
    );
    ops
}
