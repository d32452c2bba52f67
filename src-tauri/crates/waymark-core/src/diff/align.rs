//! Matching the parts of a map that do not share ids with another: stages, lanes and personas
//! by name, cards by their cell and text.

use crate::ids::{CardId, LaneId, PersonaId, StageId};
use crate::map::{Card, JourneyMap};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::Hash;

fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// For each part of `b` whose id `a` does not have, the id of the part of `a` with the same
/// name that no other part of `b` claims.
fn match_by_name<'a, Id: Clone + Eq + Hash + 'a>(
    a: impl Iterator<Item = (&'a Id, &'a str)>,
    b: impl Iterator<Item = (&'a Id, &'a str)>,
) -> HashMap<Id, Id> {
    let a: Vec<(&Id, &str)> = a.collect();
    let b: Vec<(&Id, &str)> = b.collect();
    let a_ids: HashSet<&Id> = a.iter().map(|(id, _)| *id).collect();
    let b_ids: HashSet<&Id> = b.iter().map(|(id, _)| *id).collect();
    // Parts of `a` that `b` has not matched by id, by name.
    let mut free: HashMap<String, Vec<&Id>> = HashMap::default();
    for (id, name) in a.iter().rev() {
        if !b_ids.contains(id) {
            free.entry(name_key(name)).or_default().push(id);
        }
    }
    let mut renamed = HashMap::default();
    for (id, name) in b {
        if a_ids.contains(id) {
            continue;
        }
        if let Some(match_) = free.get_mut(&name_key(name)).and_then(Vec::pop) {
            renamed.insert(id.clone(), match_.clone());
        }
    }
    renamed
}

/// `b` with the ids of its parts replaced by those of `a`'s matching parts, where they do not
/// already share them.
pub fn align(a: &JourneyMap, b: &JourneyMap) -> JourneyMap {
    let stages: HashMap<StageId, StageId> = match_by_name(
        a.stages.iter().map(|s| (&s.id, s.name.as_str())),
        b.stages.iter().map(|s| (&s.id, s.name.as_str())),
    );
    let lanes: HashMap<LaneId, LaneId> = match_by_name(
        a.lanes.iter().map(|l| (&l.id, l.title.as_str())),
        b.lanes.iter().map(|l| (&l.id, l.title.as_str())),
    );
    let personas: HashMap<PersonaId, PersonaId> = match_by_name(
        a.personas.iter().map(|p| (&p.id, p.name.as_str())),
        b.personas.iter().map(|p| (&p.id, p.name.as_str())),
    );
    let mut aligned = b.clone();
    let stage = |id: &StageId| stages.get(id).cloned().unwrap_or_else(|| id.clone());
    let lane = |id: &LaneId| lanes.get(id).cloned().unwrap_or_else(|| id.clone());
    let persona = |id: &PersonaId| personas.get(id).cloned().unwrap_or_else(|| id.clone());
    for s in &mut aligned.stages {
        s.id = stage(&s.id);
    }
    for l in &mut aligned.lanes {
        l.id = lane(&l.id);
    }
    for p in &mut aligned.personas {
        p.id = persona(&p.id);
    }
    for c in &mut aligned.cards {
        c.stage_id = stage(&c.stage_id);
        c.lane_id = lane(&c.lane_id);
    }
    for e in &mut aligned.emotions {
        e.persona_id = persona(&e.persona_id);
        e.stage_id = stage(&e.stage_id);
    }
    align_cards(a, &mut aligned);
    aligned
}

/// Cards of `b` that `a` has no card with the same id for take the id of an unmatched card of
/// `a` in the same cell with the same text, in order.
fn align_cards(a: &JourneyMap, b: &mut JourneyMap) {
    let b_ids: HashSet<CardId> = b.cards.iter().map(|c| c.id.clone()).collect();
    let a_ids: HashSet<&CardId> = a.cards.iter().map(|c| &c.id).collect();
    let mut free: HashMap<(StageId, LaneId, String), Vec<&Card>> = HashMap::default();
    let mut a_cards: Vec<&Card> = a.cards.iter().filter(|c| !b_ids.contains(&c.id)).collect();
    a_cards.sort_by_key(|c| std::cmp::Reverse(c.position));
    for card in a_cards {
        free.entry(cell_text(card)).or_default().push(card);
    }
    let mut order: Vec<usize> = (0..b.cards.len()).collect();
    order.sort_by_key(|&i| b.cards[i].position);
    for i in order {
        if a_ids.contains(&b.cards[i].id) {
            continue;
        }
        if let Some(old) = free.get_mut(&cell_text(&b.cards[i])).and_then(Vec::pop) {
            b.cards[i].id = old.id.clone();
        }
    }
}

/// A card's cell and text, the way cards without shared ids match.
fn cell_text(card: &Card) -> (StageId, LaneId, String) {
    (
        card.stage_id.clone(),
        card.lane_id.clone(),
        card.text.trim().to_owned(),
    )
}
