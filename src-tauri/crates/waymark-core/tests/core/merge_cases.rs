//! The three-way merge in the cases a designer meets when a colleague's copy comes back.

use super::merge::content;
use super::*;
use waymark_core::merge::{merge, merge_with, two_way, Choice, Choices, ConflictKind};

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
