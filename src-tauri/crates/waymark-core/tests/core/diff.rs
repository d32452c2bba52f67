//! What changed between two maps: nothing between a map and itself, exactly the other map
//! once the changes are applied, and sentences a designer reads.

use super::*;
use waymark_core::diff::{changes_to_ops, compare, diff, Change};

/// A map after random operations, as a colleague's copy would be.
fn edited(map: &JourneyMap, steps: &[(u8, u32, u32, i8)]) -> JourneyMap {
    let mut map = map.clone();
    for &(kind, a, b, score) in steps {
        let op = properties::op_from(&map, kind, a, b, score);
        let _ = apply_batch(&mut map, &[op]);
    }
    map
}

fn same_content(mut a: JourneyMap, b: &JourneyMap) -> JourneyMap {
    a.revision = b.revision;
    a.updated_at = b.updated_at;
    a.normalized()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_map_has_no_differences_with_itself(
        steps in prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>(), -2i8..3), 0..30)
    ) {
        let map = edited(&sample::first_run_sample(0), &steps);
        prop_assert_eq!(diff(&map, &map), vec![]);
    }

    #[test]
    fn applying_the_changes_gives_the_other_map(
        before in prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>(), -2i8..3), 0..10),
        after in prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>(), -2i8..3), 1..30),
    ) {
        let mut a = edited(&sample::first_run_sample(0), &before);
        apply_batch(&mut a, &[Op::AddPersona { persona: persona("p2"), index: 0 }]).unwrap();
        let b = edited(&a, &after);
        let ops = changes_to_ops(&a, &b);
        let mut applied = a.clone();
        let result = apply_batch(&mut applied, &ops);
        prop_assert!(result.is_ok(), "{:?}\n{:?}", result, ops);
        prop_assert_eq!(same_content(applied, &b), b.clone().normalized());
    }
}

#[test]
fn three_edits_are_three_differences_in_words() {
    let a = sample::first_run_sample(0);
    let mut b = a.clone();
    let pain = b
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::PainPoints)
        .unwrap()
        .id
        .clone();
    let painful = b.cards.iter().position(|c| c.lane_id == pain).unwrap();
    let severity = b.cards[painful].severity;
    let mut changed = b.cards[painful].clone();
    changed.severity = Some(if severity == Some(5) { 1 } else { 5 });
    let actions = b.lanes[0].id.clone();
    let moving = b
        .cards
        .iter()
        .find(|c| c.lane_id == actions && c.stage_id == b.stages[0].id)
        .unwrap()
        .clone();
    let removed = b
        .cards
        .iter()
        .find(|c| c.stage_id == b.stages[2].id)
        .unwrap()
        .clone();
    let ops = [
        Op::UpdateCard {
            card: changed.clone(),
        },
        Op::MoveCard {
            id: moving.id.clone(),
            stage_id: b.stages[1].id.clone(),
            lane_id: actions.clone(),
            position: 0,
            order: None,
        },
        Op::RemoveCard {
            id: removed.id.clone(),
        },
    ];
    apply_batch(&mut b, &ops).unwrap();
    let said: Vec<String> = compare(&a, &b)
        .differences
        .into_iter()
        .flat_map(|d| d.said)
        .collect();
    let quote = |t: &str| format!("“{t}”");
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said.contains(&format!(
            "Card {} removed from {} · {}",
            quote(&removed.text),
            a.stages[2].name,
            a.lanes
                .iter()
                .find(|l| l.id == removed.lane_id)
                .unwrap()
                .title
        )),
        "{said:?}"
    );
    assert!(
        said.contains(&format!(
            "Card {} moved from {} to {}",
            quote(&moving.text),
            a.stages[0].name,
            a.stages[1].name
        )),
        "{said:?}"
    );
    assert!(
        said.contains(&format!(
            "Card {}: severity {} → {}",
            quote(&changed.text),
            severity.map_or("none".to_owned(), |s| s.to_string()),
            changed.severity.unwrap()
        )),
        "{said:?}"
    );
}

#[test]
fn a_copy_without_shared_ids_matches_by_name_and_text() {
    let a = sample::first_run_sample(0);
    // As a Mermaid or CSV export comes back: the same content under new ids.
    let mut b = a.with_fresh_ids(&a.title, 0);
    assert_eq!(diff(&a, &b), vec![], "nothing changed but the ids");
    let renamed = b.stages[1].clone();
    let mut stage = renamed.clone();
    stage.name = "Choice".to_owned();
    b.stages[1] = stage;
    let changes = diff(&a, &b);
    // A renamed stage from elsewhere no longer matches by name: it is a new stage, and the
    // cards in it are new cards.
    assert!(changes
        .iter()
        .any(|c| matches!(c, Change::StageAdded { stage, .. } if stage.name == "Choice")));
    assert!(changes
        .iter()
        .any(|c| matches!(c, Change::StageRemoved { stage, .. } if stage.name == renamed.name)));
}
