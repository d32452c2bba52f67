//! The three-way merge: its laws on random edits of both sides, and the cases a designer
//! meets when a colleague's copy comes back.

use super::*;
use waymark_core::diff::{diff, Change};
use waymark_core::merge::{merge, merge_with, Choice, Choices, Merged};

type Step = (u8, u32, u32, i8);

/// An operation for one step of an edit: the domain's random operations, and edits of
/// texts, tags, names and personas that two colleagues make.
fn step_op(map: &JourneyMap, (kind, a, b, score): Step) -> Op {
    let pick = |len: usize, n: u32| (n as usize) % len.max(1);
    match kind % 18 {
        13 | 14 if !map.cards.is_empty() => {
            let mut card = map.cards[pick(map.cards.len(), a)].clone();
            if kind % 18 == 13 {
                card.text = format!("text {}", b % 4);
            } else {
                let tag = format!("t{}", b % 3);
                if card.tags.contains(&tag) {
                    card.tags.retain(|t| *t != tag);
                } else {
                    card.tags.push(tag);
                }
            }
            Op::UpdateCard { card }
        }
        15 if !map.stages.is_empty() => {
            let mut stage = map.stages[pick(map.stages.len(), a)].clone();
            stage.name = format!("Renamed {}", b % 3);
            Op::UpdateStage { stage }
        }
        16 if !map.personas.is_empty() => {
            let mut persona = map.personas[pick(map.personas.len(), a)].clone();
            persona.quote = format!("Quote {}", b % 3);
            Op::UpdatePersona { persona }
        }
        17 => Op::SetTitle {
            title: format!("Title {}", b % 3),
        },
        _ => properties::op_from(map, kind, a, b, score),
    }
}

/// The map after the steps that keep it as a store keeps it: an explicit order key equal to
/// a neighbour's (which only a hand-written batch can send) is left out.
fn edited(map: &JourneyMap, steps: &[Step]) -> JourneyMap {
    let mut map = map.clone();
    for &step in steps {
        let op = step_op(&map, step);
        let mut next = map.clone();
        if apply_batch(&mut next, &[op]).is_ok()
            && waymark_core::rebuild(&next).is_ok_and(|r| same_keys(&r, &next))
        {
            map = next;
        }
    }
    map
}

fn same_keys(a: &JourneyMap, b: &JourneyMap) -> bool {
    let keys = |m: &JourneyMap| {
        m.clone()
            .normalized()
            .cards
            .into_iter()
            .map(|c| c.order)
            .collect::<Vec<_>>()
    };
    keys(a) == keys(b)
}

fn start(steps: &[Step]) -> JourneyMap {
    let mut map = sample::first_run_sample(0);
    let p1 = Persona {
        id: PersonaId::from("p1"),
        ..map.personas[0].clone()
    };
    apply_batch(
        &mut map,
        &[Op::AddPersona {
            persona: p1,
            index: 1,
        }],
    )
    .unwrap();
    edited(&map, steps)
}

/// The content, without what only the store changes.
pub(crate) fn content(map: &JourneyMap) -> JourneyMap {
    let mut map = map.clone();
    map.revision = 0;
    map.updated_at = 0;
    map.normalized()
}

/// The merge with every conflict decided for one side.
fn merged_for(base: &JourneyMap, mine: &JourneyMap, theirs: &JourneyMap, side: Choice) -> Merged {
    let mut choices = Choices::new();
    let mut merged = merge_with(base, mine, theirs, &choices);
    for _ in 0..4 {
        let keys: Vec<String> = merged.conflicts.iter().map(|c| c.key.clone()).collect();
        if keys.iter().all(|k| choices.get(k) == Some(&side)) {
            break;
        }
        choices.extend(keys.into_iter().map(|k| (k, side)));
        merged = merge_with(base, mine, theirs, &choices);
    }
    merged
}

fn ids<T, Id: Clone>(list: &[T], id: impl Fn(&T) -> &Id) -> Vec<Id> {
    list.iter().map(|p| id(p).clone()).collect()
}

/// Every two parts whose order the side set (it added one of them, or changed their order)
/// keep that order in the merged list.
fn order_kept<Id: Clone + Eq + std::hash::Hash + std::fmt::Debug>(
    what: &str,
    base: &[Id],
    side: &[Id],
    merged: &[Id],
) -> Result<(), String> {
    let at = |list: &[Id], id: &Id| list.iter().position(|x| x == id);
    for (i, x) in side.iter().enumerate() {
        for y in &side[i + 1..] {
            let (Some(mx), Some(my)) = (at(merged, x), at(merged, y)) else {
                continue;
            };
            let set = match (at(base, x), at(base, y)) {
                (Some(bx), Some(by)) => bx > by,
                _ => true,
            };
            if set && mx > my {
                return Err(format!(
                    "{what}: {x:?} should come before {y:?}: {merged:?}"
                ));
            }
        }
    }
    Ok(())
}

/// Every change `side` made to `base` is in `merged`.
fn kept(base: &JourneyMap, side: &JourneyMap, merged: &JourneyMap) -> Result<(), String> {
    let card = |id: &CardId| merged.cards.iter().find(|c| &c.id == id);
    // `diff` matches parts by name and cards by text where ids differ; those matches are
    // not the side's changes by id, which the merge works with.
    let stage_ids: Vec<&StageId> = side
        .stages
        .iter()
        .chain(&base.stages)
        .map(|s| &s.id)
        .collect();
    let card_ids: Vec<&CardId> = side
        .cards
        .iter()
        .chain(&base.cards)
        .map(|c| &c.id)
        .collect();
    let by_id = |change: &Change| match change {
        Change::StageChanged { to, .. } => side.stages.iter().any(|s| s.id == to.id),
        Change::StageAdded { stage, .. } | Change::StageRemoved { stage, .. } => {
            stage_ids.contains(&&stage.id)
        }
        Change::CardAdded { card } | Change::CardRemoved { card } => card_ids.contains(&&card.id),
        Change::EmotionChanged { stage_id, .. } => side.stages.iter().any(|s| &s.id == stage_id),
        Change::CardChanged { to, .. } | Change::CardMoved { to, .. } => {
            side.cards.iter().any(|c| c.id == to.id) && base.cards.iter().any(|c| c.id == to.id)
        }
        _ => true,
    };
    for change in diff(base, side).into_iter().filter(by_id) {
        let ok = match &change {
            Change::Title { to, .. } => merged.title == *to,
            Change::Description { to, .. } => merged.description == *to,
            Change::StageAdded { stage, .. } => merged.stages.contains(stage),
            Change::StageRemoved { stage, .. } => merged.stages.iter().all(|s| s.id != stage.id),
            Change::StageChanged { from, to } => merged.stages.iter().any(|s| {
                s.id == to.id
                    && (from.name == to.name || s.name == to.name)
                    && (from.colour == to.colour || s.colour == to.colour)
                    && (from.width == to.width || s.width == to.width)
            }),
            Change::LaneAdded { lane, .. } => merged.lanes.contains(lane),
            Change::LaneRemoved { lane, .. } => merged.lanes.iter().all(|l| l.id != lane.id),
            Change::PersonaChanged { from, to } => merged
                .personas
                .iter()
                .any(|p| p.id == to.id && (from.quote == to.quote || p.quote == to.quote)),
            // The side's own card (here and for moves): where `diff` matched a stage or lane by
            // name, the change names the base's instead.
            Change::CardAdded { card: added } => {
                let added = side
                    .cards
                    .iter()
                    .find(|c| c.id == added.id)
                    .unwrap_or(added);
                card(&added.id).is_some_and(|c| {
                    c.text == added.text && c.is_in(&added.stage_id, &added.lane_id)
                })
            }
            Change::CardRemoved { card: removed } => card(&removed.id).is_none(),
            Change::CardChanged { from, to } => card(&to.id).is_some_and(|c| {
                (from.text == to.text || c.text == to.text)
                    && (from.severity == to.severity || c.severity == to.severity)
                    && to
                        .tags
                        .iter()
                        .all(|t| from.tags.contains(t) || c.tags.contains(t))
                    && from
                        .tags
                        .iter()
                        .all(|t| to.tags.contains(t) || !c.tags.contains(t))
            }),
            // Inside its cell, the card's order is checked with its cell's below.
            Change::CardMoved { from, to } => {
                let to = side.cards.iter().find(|c| c.id == to.id).unwrap_or(to);
                from.is_in(&to.stage_id, &to.lane_id)
                    || card(&to.id).is_some_and(|c| c.is_in(&to.stage_id, &to.lane_id))
            }
            Change::EmotionChanged {
                persona_id,
                stage_id,
                state,
                to,
                ..
            } => {
                let point = merged
                    .emotions
                    .iter()
                    .find(|e| e.is_for(persona_id, stage_id, *state));
                point.map(|e| e.score) == to.as_ref().map(|e| e.score)
            }
            _ => true,
        };
        if !ok {
            return Err(format!("lost: {change:?}"));
        }
    }
    order_kept(
        "stages",
        &ids(&base.stages, |s| &s.id),
        &ids(&side.stages, |s| &s.id),
        &ids(&merged.stages, |s| &s.id),
    )?;
    order_kept(
        "lanes",
        &ids(&base.lanes, |l| &l.id),
        &ids(&side.lanes, |l| &l.id),
        &ids(&merged.lanes, |l| &l.id),
    )?;
    for stage in &merged.stages {
        for lane in &merged.lanes {
            let cell = |m: &JourneyMap| -> Vec<CardId> {
                m.cell_cards(&stage.id, &lane.id)
                    .into_iter()
                    .map(|c| c.id.clone())
                    .collect()
            };
            order_kept("cell", &cell(base), &cell(side), &cell(merged))?;
        }
    }
    Ok(())
}

fn steps(max: usize) -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>(), -2i8..3), 0..max)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn one_side_changed_gives_that_side(before in steps(8), edits in steps(25)) {
        let base = start(&before);
        let changed = edited(&base, &edits);
        let mine_only = merge(&base, &changed, &base);
        prop_assert_eq!(&mine_only.conflicts, &vec![]);
        prop_assert_eq!(content(&mine_only.map), content(&changed));
        let theirs_only = merge(&base, &base, &changed);
        prop_assert_eq!(&theirs_only.conflicts, &vec![]);
        prop_assert_eq!(content(&theirs_only.map), content(&changed));
        let same = merge(&base, &changed, &changed);
        prop_assert_eq!(&same.conflicts, &vec![]);
        prop_assert_eq!(content(&same.map), content(&changed));
    }

    #[test]
    fn the_merge_is_valid_and_each_side_can_keep_all_its_changes(
        before in steps(8),
        mine_edits in steps(20),
        theirs_edits in steps(20),
    ) {
        let base = start(&before);
        let mine = edited(&base, &mine_edits);
        let theirs = edited(&base, &theirs_edits);
        for side in [Choice::Mine, Choice::Theirs] {
            let merged = merged_for(&base, &mine, &theirs, side);
            prop_assert_eq!(&merged.problem, &None);
            prop_assert!(waymark_core::check(&merged.map).is_ok());
            let source = if side == Choice::Mine { &mine } else { &theirs };
            let result = kept(&base, source, &merged.map);
            prop_assert!(result.is_ok(), "{:?} {:?}\nconflicts {:#?}", side, result, merged.conflicts);
        }
    }
}
