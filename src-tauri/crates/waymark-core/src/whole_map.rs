//! Operations on a whole map: checking one read from elsewhere, and turning one map into another.

use crate::error::DomainError;
use crate::ids::{CardId, LaneId, StageId};
use crate::map::{Card, JourneyMap};
use crate::ops::{apply_op, Changes, Op};
use crate::order;
use crate::rules;
use std::collections::{HashMap, HashSet};

/// A map that keeps every rule, as `check` found it: it can be stored without checking again.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedMap(JourneyMap);

impl CheckedMap {
    pub fn into_inner(self) -> JourneyMap {
        self.0
    }

    /// The same map, last changed at `at` (no rule concerns the time).
    pub fn changed_at(mut self, at: crate::Timestamp) -> CheckedMap {
        self.0.updated_at = at;
        self
    }
}

impl std::ops::Deref for CheckedMap {
    type Target = JourneyMap;
    fn deref(&self) -> &JourneyMap {
        &self.0
    }
}

/// Checks every rule on a whole map (see `rebuild`).
pub fn check(map: &JourneyMap) -> Result<CheckedMap, DomainError> {
    rebuild(map).map(CheckedMap)
}

/// Checks every rule on a whole map by building it again, operation by operation.
///
/// Returns the map with card positions made contiguous in each cell and every card given an
/// order key (see `assign_order_keys`); the first broken rule is the error.
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
    assign_order_keys(&mut built);
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

/// Gives the cards of each cell order keys that follow their positions: a cell whose keys are
/// all valid and already in that order keeps them; the others get evenly spread keys. Positions
/// must be contiguous in each cell.
pub fn assign_order_keys(map: &mut JourneyMap) {
    let mut cells: HashMap<(&StageId, &LaneId), Vec<usize>> = HashMap::new();
    for (i, card) in map.cards.iter().enumerate() {
        cells
            .entry((&card.stage_id, &card.lane_id))
            .or_default()
            .push(i);
    }
    let mut respread = Vec::new();
    for mut cell in cells.into_values() {
        cell.sort_by_key(|&i| map.cards[i].position);
        let keys: Vec<&str> = cell.iter().map(|&i| map.cards[i].order.as_str()).collect();
        let kept = keys.iter().all(|k| order::is_valid(k)) && keys.windows(2).all(|w| w[0] < w[1]);
        if !kept {
            respread.push(cell);
        }
    }
    for cell in respread {
        for (&i, key) in cell.iter().zip(order::spread(None, None, cell.len())) {
            map.cards[i].order = key;
        }
    }
}
