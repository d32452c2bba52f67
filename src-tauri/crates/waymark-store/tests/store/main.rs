//! The store on real temporary database files.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

mod backups;
mod child;
mod faults;
mod locks;
mod maps;
mod schema;
mod search;
mod versions;

use proptest::prelude::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use waymark_core::{
    apply_batch, sample, Card, EmotionState, JourneyMap, LaneId, MapId, Op, StageId,
};
use waymark_store::{Store, StoreError, MIGRATIONS, SCHEMA_VERSION};

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    (dir, path)
}

fn move_first_card(map: &JourneyMap, to_stage: usize) -> Op {
    let card = &map.cards[0];
    Op::MoveCard {
        id: card.id.clone(),
        stage_id: map.stages[to_stage].id.clone(),
        lane_id: card.lane_id.clone(),
        position: 0,
        order: None,
    }
}

#[test]
fn edits_are_on_disk_when_apply_returns() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .seed_first_run_sample()
        .unwrap()
        .expect("a new library is seeded");
    let map = store.open_map(&id).unwrap().map;
    let op = move_first_card(&map, 4);
    let applied = store.apply_ops(&id, map.revision, &[op]).unwrap();
    assert_eq!(applied.revision, map.revision + 1);
    assert!(applied.can_undo && !applied.can_redo);
    drop(store);

    let mut reopened = Store::open(&path).unwrap();
    let after = reopened.open_map(&id).unwrap();
    let moved = after
        .map
        .cards
        .iter()
        .find(|c| c.id == map.cards[0].id)
        .unwrap();
    assert_eq!(
        moved.stage_id, map.stages[4].id,
        "the move survived closing the library"
    );
    assert_eq!(after.map.revision, applied.revision);
    assert!(after.can_undo, "history survived closing the library");
}

#[test]
fn column_widths_folded_lanes_and_initials_are_kept() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let map = store.open_map(&id).unwrap().map;
    let mut stage = map.stages[1].clone();
    stage.width = Some(420);
    let mut lane = map.lanes[2].clone();
    lane.collapsed = true;
    let mut persona = map.personas[0].clone();
    persona.initials = "MK".into();
    let ops = [
        Op::UpdateStage { stage },
        Op::UpdateLane { lane },
        Op::UpdatePersona { persona },
    ];
    store.apply_ops(&id, map.revision, &ops).unwrap();
    drop(store);

    let mut reopened = Store::open(&path).unwrap();
    let after = reopened.open_map(&id).unwrap().map;
    assert_eq!(after.stages[1].width, Some(420));
    assert_eq!(after.stages[0].width, None);
    assert!(after.lanes[2].collapsed && !after.lanes[1].collapsed);
    assert_eq!(after.personas[0].initials, "MK");
    reopened.undo(&id).unwrap();
    let undone = reopened.open_map(&id).unwrap().map;
    assert_eq!(
        undone.stages[1].width, None,
        "one undo takes the whole batch back"
    );
    assert!(!undone.lanes[2].collapsed);
}

#[test]
fn undo_and_redo_work_after_a_restart() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let original = store.open_map(&id).unwrap().map;
    store
        .apply_ops(
            &id,
            original.revision,
            &[Op::SetTitle {
                title: "Renamed".into(),
            }],
        )
        .unwrap();
    let edited = store.open_map(&id).unwrap().map;
    store
        .apply_ops(
            &id,
            edited.revision,
            &[Op::RemoveStage {
                id: original.stages[2].id.clone(),
            }],
        )
        .unwrap();
    drop(store);

    let mut store = Store::open(&path).unwrap();
    store.undo(&id).unwrap();
    let after_undo = store.open_map(&id).unwrap();
    assert_eq!(after_undo.map.title, "Renamed");
    assert_eq!(
        after_undo.map.stages.len(),
        original.stages.len(),
        "the stage is back"
    );
    assert_eq!(
        after_undo.map.cards.len(),
        original.cards.len(),
        "its cards came back too"
    );
    let undone = store.undo(&id).unwrap();
    assert!(!undone.applied.can_undo && undone.applied.can_redo);
    assert_eq!(
        undone.ops,
        [Op::SetTitle {
            title: original.title.clone()
        }],
        "an undo says what it applied"
    );
    let back = store.open_map(&id).unwrap().map;
    assert_eq!(back.title, original.title);
    assert_eq!(
        normal(back.clone()),
        normal(original.clone()),
        "two undos restore the map"
    );
    assert!(matches!(store.undo(&id), Err(StoreError::NothingToUndo)));
    drop(store);

    let mut store = Store::open(&path).unwrap();
    store.redo(&id).unwrap();
    assert_eq!(store.open_map(&id).unwrap().map.title, "Renamed");
}

fn normal(mut map: JourneyMap) -> JourneyMap {
    map.revision = 0;
    map.updated_at = 0;
    map.normalized()
}

#[test]
fn a_new_edit_clears_the_redo_steps() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let rev = store.open_map(&id).unwrap().map.revision;
    store
        .apply_ops(&id, rev, &[Op::SetTitle { title: "A".into() }])
        .unwrap();
    let rev = store.undo(&id).unwrap().applied.revision;
    let applied = store
        .apply_ops(&id, rev, &[Op::SetTitle { title: "B".into() }])
        .unwrap();
    assert!(!applied.can_redo);
    assert!(matches!(store.redo(&id), Err(StoreError::NothingToRedo)));
}

#[test]
fn a_stale_revision_is_a_conflict_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let map = store.open_map(&id).unwrap().map;
    store
        .apply_ops(
            &id,
            map.revision,
            &[Op::SetTitle {
                title: "First".into(),
            }],
        )
        .unwrap();
    let error = store
        .apply_ops(
            &id,
            map.revision,
            &[Op::SetTitle {
                title: "Second".into(),
            }],
        )
        .unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert_eq!(store.open_map(&id).unwrap().map.title, "First");
}

#[test]
fn a_refused_batch_writes_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let map = store.open_map(&id).unwrap().map;
    let bad_score = Op::SetEmotion {
        persona_id: map.personas[0].id.clone(),
        stage_id: map.stages[0].id.clone(),
        state: EmotionState::Current,
        score: Some(7),
        note: None,
    };
    let ops = [
        Op::RemoveStage {
            id: map.stages[1].id.clone(),
        },
        bad_score,
    ];
    let error = store.apply_ops(&id, map.revision, &ops).unwrap_err();
    assert_eq!(error.code(), "invalid_operation");
    assert!(error.to_string().contains("emotion score"), "{error}");
    let after = store.open_map(&id).unwrap();
    assert_eq!(normal(after.map), normal(map));
    assert!(!after.can_undo, "no history entry for a refused batch");
}
