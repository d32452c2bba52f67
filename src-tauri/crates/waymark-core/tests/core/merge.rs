//! The three-way merge: its laws on random edits of both sides, and the cases a designer
//! meets when a colleague's copy comes back.

use super::*;
use waymark_core::diff::{diff, Change};
use waymark_core::merge::{merge, merge_with, two_way, Choice, Choices, ConflictKind, Merged};

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
fn content(map: &JourneyMap) -> JourneyMap {
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
            Change::CardAdded { card: added } => card(&added.id)
                .is_some_and(|c| c.text == added.text && c.is_in(&added.stage_id, &added.lane_id)),
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

fn card_in(map: &JourneyMap, text: &str) -> Card {
    map.cards.iter().find(|c| c.text == text).unwrap().clone()
}

#[test]
fn a_round_with_one_conflict_keeps_everything_else_from_both_sides() {
    let base = sample::first_run_sample(0);
    let (first, second, third) = (
        base.cards[0].clone(),
        base.cards[1].clone(),
        base.cards[2].clone(),
    );
    let mut mine = base.clone();
    let mut theirs = base.clone();
    let text = |card: &Card, text: &str| Op::UpdateCard {
        card: Card {
            text: text.into(),
            ..card.clone()
        },
    };
    apply_batch(
        &mut mine,
        &[text(&first, "Mine says"), text(&second, "Only mine")],
    )
    .unwrap();
    let added = Card::new(
        base.stages[1].id.clone(),
        base.lanes[0].id.clone(),
        0,
        "Theirs added",
    );
    apply_batch(
        &mut theirs,
        &[
            text(&first, "Theirs says"),
            Op::AddCard { card: added },
            Op::RemoveCard {
                id: third.id.clone(),
            },
        ],
    )
    .unwrap();
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1, "{:#?}", merged.conflicts);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::Field);
    assert_eq!(
        (conflict.mine.as_str(), conflict.theirs.as_str()),
        ("Mine says", "Theirs says")
    );
    assert!(conflict.can_keep_both);
    assert_eq!(conflict.card_id.as_ref(), Some(&first.id));
    assert_eq!(
        card_in(&merged.map, "Mine says").id,
        first.id,
        "mine until chosen"
    );
    card_in(&merged.map, "Only mine");
    card_in(&merged.map, "Theirs added");
    assert!(merged.map.cards.iter().all(|c| c.id != third.id));
    assert_eq!(merged.applied.len(), 2, "{:#?}", merged.applied);

    let choose = |choice| Choices::from([(conflict.key.clone(), choice)]);
    let theirs_taken = merge_with(&base, &mine, &theirs, &choose(Choice::Theirs));
    assert_eq!(card_in(&theirs_taken.map, "Theirs says").id, first.id);
    assert_eq!(theirs_taken.conflicts[0].choice, Choice::Theirs);
    let both = merge_with(&base, &mine, &theirs, &choose(Choice::Both));
    assert_eq!(card_in(&both.map, "Mine says\nTheirs says").id, first.id);
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let base = sample::first_run_sample(0);
    let card = base.cards[4].clone();
    let mut mine = base.clone();
    apply_batch(
        &mut mine,
        &[Op::RemoveCard {
            id: card.id.clone(),
        }],
    )
    .unwrap();
    let mut theirs = base.clone();
    let changed = Card {
        text: "Reworded".into(),
        ..card.clone()
    };
    apply_batch(&mut theirs, &[Op::UpdateCard { card: changed }]).unwrap();
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::Presence);
    assert_eq!(merged.conflicts[0].mine, "Deleted");
    assert!(merged.map.cards.iter().all(|c| c.id != card.id));
}

#[test]
fn a_card_added_in_a_stage_the_other_side_deleted_is_a_conflict_not_a_dangling_card() {
    let base = sample::first_run_sample(0);
    let stage = base.stages[2].clone();
    let mut mine = base.clone();
    apply_batch(
        &mut mine,
        &[Op::RemoveStage {
            id: stage.id.clone(),
        }],
    )
    .unwrap();
    let mut theirs = base.clone();
    let card = Card::new(stage.id.clone(), base.lanes[0].id.clone(), 0, "New idea");
    apply_batch(&mut theirs, &[Op::AddCard { card: card.clone() }]).unwrap();
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1, "{:#?}", merged.conflicts);
    assert_eq!(merged.conflicts[0].key, format!("stage:{}", stage.id));
    assert!(merged.problem.is_none());
    assert!(merged.map.cards.iter().all(|c| c.stage_id != stage.id));
    let kept = merge_with(
        &base,
        &mine,
        &theirs,
        &Choices::from([(merged.conflicts[0].key.clone(), Choice::Theirs)]),
    );
    assert!(kept.map.stages.iter().any(|s| s.id == stage.id));
    card_in(&kept.map, "New idea");
}

#[test]
fn tags_merge_as_sets_and_additions_on_both_sides_are_both_kept() {
    let base = sample::first_run_sample(0);
    let card = Card {
        tags: vec!["a".into(), "b".into()],
        ..base.cards[0].clone()
    };
    let mut base = base;
    apply_batch(&mut base, &[Op::UpdateCard { card: card.clone() }]).unwrap();
    let with_tags = |tags: &[&str]| {
        let mut map = base.clone();
        let card = Card {
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            ..card.clone()
        };
        let extra = Card::new(
            base.stages[0].id.clone(),
            base.lanes[0].id.clone(),
            0,
            tags[0],
        );
        apply_batch(
            &mut map,
            &[Op::UpdateCard { card }, Op::AddCard { card: extra }],
        )
        .unwrap();
        map
    };
    let merged = merge(
        &base,
        &with_tags(&["a", "b", "mine"]),
        &with_tags(&["b", "theirs"]),
    );
    assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
    assert_eq!(
        card_in(&merged.map, &card.text).tags,
        ["b", "mine", "theirs"]
    );
    let firsts: Vec<&Card> = merged.map.cell_cards(&base.stages[0].id, &base.lanes[0].id);
    assert_eq!(
        firsts.len(),
        base.cell_cards(&base.stages[0].id, &base.lanes[0].id).len() + 2
    );
}

#[test]
fn a_keep_both_that_breaks_a_rule_is_reported_not_applied() {
    let base = sample::first_run_sample(0);
    let long = "x".repeat(3_000);
    let side = |text: String| {
        let mut map = base.clone();
        let card = Card {
            text,
            ..base.cards[0].clone()
        };
        apply_batch(&mut map, &[Op::UpdateCard { card }]).unwrap();
        map
    };
    let (mine, theirs) = (side(long.clone()), side(format!("{long}y")));
    let key = format!("card:{}:text", base.cards[0].id);
    let merged = merge_with(&base, &mine, &theirs, &Choices::from([(key, Choice::Both)]));
    let problem = merged.problem.expect("a text of 6,001 characters");
    assert!(problem.contains("too long"), "{problem}");
}

#[test]
fn two_way_makes_every_difference_a_choice() {
    let mine = sample::first_run_sample(0);
    let mut theirs = mine.with_fresh_ids(&mine.title, 0);
    let renamed = Card {
        text: "Their words".into(),
        ..theirs.cards[3].clone()
    };
    apply_batch(&mut theirs, &[Op::UpdateCard { card: renamed }]).unwrap();
    let merged = two_way(&mine, &theirs, &Choices::new());
    assert_eq!(merged.conflicts.len(), 2, "{:#?}", merged.conflicts);
    assert_eq!(content(&merged.map), content(&mine), "mine until chosen");
    let all: Choices = merged
        .conflicts
        .iter()
        .map(|c| (c.key.clone(), Choice::Theirs))
        .collect();
    let taken = two_way(&mine, &theirs, &all);
    assert!(taken.map.cards.iter().any(|c| c.text == "Their words"));
    assert_eq!(taken.map.id, mine.id);
}
