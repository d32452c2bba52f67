//! The three-way merge of two copies of a map that went separate ways from a common
//! version: part by part and field by field, a change made on one side is taken, the same
//! change on both sides is taken once, and different changes to the same thing are a
//! conflict the user decides. The result always keeps every rule of the map.
//!
//! With no common version (a file with no lineage, a Mermaid diagram, a sheet), `two_way`
//! treats every difference of the other copy as a choice.

mod cards;
mod lists;
mod parts;
mod pick;

pub use pick::{Choice, Choices, Conflict, ConflictKind};

use crate::diff::{align, diff_by_id, Change};
use crate::ids::{LaneId, PersonaId, StageId};
use crate::map::{Card, JourneyMap};
use parts::{merge_emotions, merge_list, Lists};
use pick::{About, Ctx};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;

/// What a merge gives: the merged map, the changes it makes to mine, and the conflicts with
/// the choice that decided each.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Merged {
    /// Mine with the other side's changes; conflicts decided by the choices (mine until
    /// chosen otherwise).
    pub map: JourneyMap,
    /// What the merge changes in mine, in reading order.
    pub applied: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    /// The rule the merged map breaks (a "Keep both" text too long, too many tags), if any:
    /// such a merge cannot be applied until another choice is made.
    pub problem: Option<String>,
}

/// Merges `theirs` into `mine`, both descended from `base`; conflicts keep mine.
pub fn merge(base: &JourneyMap, mine: &JourneyMap, theirs: &JourneyMap) -> Merged {
    merge_with(base, mine, theirs, &Choices::new())
}

/// Merges `theirs` into `mine`, both descended from `base`, deciding conflicts by `choices`.
pub fn merge_with(
    base: &JourneyMap,
    mine: &JourneyMap,
    theirs: &JourneyMap,
    choices: &Choices,
) -> Merged {
    run(base, mine, theirs, Ctx::new(choices, false))
}

/// Compares `theirs` with `mine` when no common version is known: parts are matched by id
/// or by name, and each difference is a choice (mine until chosen otherwise).
pub fn two_way(mine: &JourneyMap, theirs: &JourneyMap, choices: &Choices) -> Merged {
    let theirs = align(mine, theirs);
    run(mine, mine, &theirs, Ctx::new(choices, true))
}

/// The stages, lanes and personas a side changed in any way: their own fields, or the cards
/// and curve points in them.
#[derive(Default)]
struct Touched {
    stages: HashSet<StageId>,
    lanes: HashSet<LaneId>,
    personas: HashSet<PersonaId>,
}

fn touched(base: &JourneyMap, side: &JourneyMap) -> Touched {
    let mut touched = Touched::default();
    let stages: HashMap<_, _> = base.stages.iter().map(|s| (&s.id, s)).collect();
    let lanes: HashMap<_, _> = base.lanes.iter().map(|l| (&l.id, l)).collect();
    let personas: HashMap<_, _> = base.personas.iter().map(|p| (&p.id, p)).collect();
    for s in &side.stages {
        if stages.get(&s.id) != Some(&s) {
            touched.stages.insert(s.id.clone());
        }
    }
    for l in &side.lanes {
        if lanes.get(&l.id) != Some(&l) {
            touched.lanes.insert(l.id.clone());
        }
    }
    for p in &side.personas {
        if personas.get(&p.id) != Some(&p) {
            touched.personas.insert(p.id.clone());
        }
    }
    let cards: HashMap<_, &Card> = base.cards.iter().map(|c| (&c.id, c)).collect();
    for card in &side.cards {
        let same = cards
            .get(&card.id)
            .is_some_and(|b| !cards::touched(Some(b), Some(card)));
        if !same {
            touched.stages.insert(card.stage_id.clone());
            touched.lanes.insert(card.lane_id.clone());
        }
    }
    // A cell whose cards were put in another order.
    let side_cards: HashMap<_, &Card> = side.cards.iter().map(|c| (&c.id, c)).collect();
    let kept = |card: &Card| {
        let same = |c: &&Card| c.is_in(&card.stage_id, &card.lane_id);
        cards.get(&card.id).is_some_and(same) && side_cards.get(&card.id).is_some_and(same)
    };
    let (before, after) = (cell_orders(base, kept), cell_orders(side, kept));
    for (cell, ids) in &after {
        if before.get(cell) != Some(ids) {
            touched.stages.insert(cell.0.clone());
            touched.lanes.insert(cell.1.clone());
        }
    }
    let points: HashMap<_, _> = base
        .emotions
        .iter()
        .map(|e| ((&e.persona_id, &e.stage_id, e.state), e))
        .collect();
    for e in &side.emotions {
        if points.get(&(&e.persona_id, &e.stage_id, e.state)) != Some(&e) {
            touched.stages.insert(e.stage_id.clone());
            touched.personas.insert(e.persona_id.clone());
        }
    }
    touched
}

/// The ids of the cards `kept` picks, cell by cell, in order.
fn cell_orders(
    map: &JourneyMap,
    kept: impl Fn(&Card) -> bool,
) -> HashMap<(&StageId, &LaneId), Vec<&crate::CardId>> {
    let mut cells: HashMap<_, Vec<(u32, &crate::CardId)>> = HashMap::default();
    for card in map.cards.iter().filter(|c| kept(c)) {
        cells
            .entry((&card.stage_id, &card.lane_id))
            .or_default()
            .push((card.position, &card.id));
    }
    cells
        .into_iter()
        .map(|(cell, mut ids)| {
            ids.sort();
            (cell, ids.into_iter().map(|(_, id)| id).collect())
        })
        .collect()
}

fn run(base: &JourneyMap, mine: &JourneyMap, theirs: &JourneyMap, mut ctx: Ctx<'_>) -> Merged {
    let about = About {
        key: "map".to_owned(),
        name: "the map".to_owned(),
        ..About::default()
    };
    let title = ctx.value(
        &about,
        "Title",
        Some(&base.title),
        &mine.title,
        &theirs.title,
    );
    let description = ctx.text(
        &about,
        "Description",
        Some(&base.description),
        &mine.description,
        &theirs.description,
    );
    let (touched_mine, touched_theirs) = if ctx.two_way {
        (Touched::default(), Touched::default())
    } else {
        (touched(base, mine), touched(base, theirs))
    };
    let stages = merge_list(
        &mut ctx,
        &Lists {
            base: &base.stages,
            mine: &mine.stages,
            theirs: &theirs.stages,
            mine_touched: &touched_mine.stages,
            theirs_touched: &touched_theirs.stages,
        },
    );
    let lanes = merge_list(
        &mut ctx,
        &Lists {
            base: &base.lanes,
            mine: &mine.lanes,
            theirs: &theirs.lanes,
            mine_touched: &touched_mine.lanes,
            theirs_touched: &touched_theirs.lanes,
        },
    );
    let personas = merge_list(
        &mut ctx,
        &Lists {
            base: &base.personas,
            mine: &mine.personas,
            theirs: &theirs.personas,
            mine_touched: &touched_mine.personas,
            theirs_touched: &touched_theirs.personas,
        },
    );
    let cards = cards::merge_cards(&mut ctx, [base, mine, theirs], &stages, &lanes);
    let emotions = merge_emotions(
        &mut ctx,
        &base.emotions,
        &mine.emotions,
        &theirs.emotions,
        &personas,
        &stages,
    );
    let map = JourneyMap {
        id: mine.id.clone(),
        title,
        description,
        created_at: mine.created_at,
        updated_at: mine.updated_at,
        revision: mine.revision,
        personas,
        stages,
        lanes,
        cards,
        emotions,
    };
    let (map, problem) = match crate::check(&map) {
        Ok(checked) => (checked.into_inner(), None),
        Err(broken) => (map, Some(broken.to_string())),
    };
    Merged {
        applied: diff_by_id(mine, &map),
        map,
        conflicts: ctx.conflicts,
        problem,
    }
}
