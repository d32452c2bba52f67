//! The changes between two maps in words a designer reads, each with the place it shows on the
//! canvas.

use super::sentences::say;
use super::{align, diff_by_id, Change};
use crate::ids::{CardId, LaneId, StageId};
use crate::map::{Card, JourneyMap};
use serde::Serialize;

/// One change, said in words, and where it is.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct Difference {
    pub change: Change,
    /// What changed, one sentence a line ("Severity 3 → 5").
    pub said: Vec<String>,
    /// The stage and lane it shows in: in the later map, or in the earlier one for what was
    /// removed.
    pub stage_id: Option<StageId>,
    pub lane_id: Option<LaneId>,
    pub card_id: Option<CardId>,
}

/// What changed from `a` to `b`, listed stage by stage and lane by lane.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct Comparison {
    pub differences: Vec<Difference>,
}

/// Compares `a` (before) with `b` (after): `b` is aligned to `a` first, so the places of the
/// differences are in `a`'s ids where the two share parts.
pub fn compare(a: &JourneyMap, b: &JourneyMap) -> Comparison {
    let b = align(a, b);
    let changes = diff_by_id(a, &b);
    described(a, &b, changes)
}

/// The `changes` from `a` to `b` (which shares `a`'s ids, as `align` makes it) in words, in
/// map order: for changes already known, such as those a merge makes.
pub fn described(a: &JourneyMap, b: &JourneyMap, changes: Vec<Change>) -> Comparison {
    let mut differences: Vec<Difference> = changes
        .into_iter()
        .map(|change| {
            let said = say(&change, a, b);
            let (stage_id, lane_id, card_id) = place(&change);
            Difference {
                change,
                said,
                stage_id,
                lane_id,
                card_id,
            }
        })
        .collect();
    // Listed stage by stage, lane by lane (the map's own changes first), in the later map's
    // order, or the earlier one's for what it no longer has.
    let order = |ids: Vec<&str>| {
        let mut places = std::collections::HashMap::new();
        for (i, id) in ids.into_iter().enumerate() {
            places.entry(id.to_owned()).or_insert(i + 1);
        }
        places
    };
    let stages = order(
        b.stages
            .iter()
            .chain(&a.stages)
            .map(|s| s.id.as_str())
            .collect(),
    );
    let lanes = order(
        b.lanes
            .iter()
            .chain(&a.lanes)
            .map(|l| l.id.as_str())
            .collect(),
    );
    let place = |places: &std::collections::HashMap<String, usize>, id: Option<&str>| {
        id.map_or(0, |id| places.get(id).copied().unwrap_or(usize::MAX))
    };
    differences.sort_by_key(|d| {
        (
            place(&stages, d.stage_id.as_ref().map(StageId::as_str)),
            place(&lanes, d.lane_id.as_ref().map(LaneId::as_str)),
        )
    });
    Comparison { differences }
}

fn place(change: &Change) -> (Option<StageId>, Option<LaneId>, Option<CardId>) {
    let card = |c: &Card| {
        (
            Some(c.stage_id.clone()),
            Some(c.lane_id.clone()),
            Some(c.id.clone()),
        )
    };
    match change {
        Change::CardAdded { card: c } | Change::CardRemoved { card: c } => card(c),
        Change::CardChanged { to, .. } | Change::CardMoved { to, .. } => card(to),
        Change::StageAdded { stage, .. }
        | Change::StageRemoved { stage, .. }
        | Change::StageMoved { stage, .. }
        | Change::StageChanged { to: stage, .. } => (Some(stage.id.clone()), None, None),
        Change::LaneAdded { lane, .. }
        | Change::LaneRemoved { lane, .. }
        | Change::LaneMoved { lane, .. }
        | Change::LaneChanged { to: lane, .. } => (None, Some(lane.id.clone()), None),
        Change::EmotionChanged { stage_id, .. } => (Some(stage_id.clone()), None, None),
        _ => (None, None, None),
    }
}
