//! The store on real temporary database files.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

mod backups;
mod child;
mod faults;
mod locks;

use proptest::prelude::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use waymark_core::{apply_batch, sample, Card, EmotionState, JourneyMap, MapId, Op};
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

#[test]
fn maps_are_created_listed_duplicated_and_deleted() {
    let mut store = Store::open_in_memory().unwrap();
    let created = store
        .create_map(Some("b2b-long"), "  Enterprise onboarding ")
        .unwrap();
    assert_eq!(created.title, "Enterprise onboarding");
    assert_eq!((created.stages, created.lanes, created.cards), (7, 8, 0));
    let error = store.create_map(Some("nope"), "x").unwrap_err();
    assert!(
        error.to_string().contains("five-stage"),
        "lists the known templates: {error}"
    );

    let sample = store.seed_first_run_sample().unwrap().unwrap();
    assert!(
        store.seed_first_run_sample().unwrap().is_none(),
        "the sample is added once"
    );
    let copy = store.duplicate_map(&sample).unwrap();
    assert!(copy.title.ends_with("(copy)"));
    let original = store.open_map(&sample).unwrap().map;
    let duplicated = store.open_map(&copy.id).unwrap().map;
    assert_eq!(duplicated.cards.len(), original.cards.len());
    assert_eq!(duplicated.emotions.len(), original.emotions.len());
    assert!(duplicated
        .stages
        .iter()
        .all(|s| original.stages.iter().all(|o| o.id != s.id)));

    assert_eq!(store.list_maps().unwrap().len(), 3);
    store.delete_map(&sample).unwrap();
    assert_eq!(store.list_maps().unwrap().len(), 2);
    assert_eq!(store.delete_map(&sample).unwrap_err().code(), "not_found");
    assert_eq!(store.open_map(&sample).unwrap_err().code(), "not_found");
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn a_deleted_map_waits_in_the_trash_until_it_is_restored_or_deleted_for_good() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let sample = store.seed_first_run_sample().unwrap().unwrap();
    let other = store.create_map(Some("blank"), "Other").unwrap().id;
    store.delete_map(&sample).unwrap();
    store.delete_map(&other).unwrap();
    assert!(store.list_maps().unwrap().is_empty());
    let trash = store.list_trash().unwrap();
    assert_eq!(trash.len(), 2);
    assert_eq!(trash[1].map.cards, 34, "{trash:?}");
    assert!(
        store.apply_ops(&sample, 0, &[]).is_err(),
        "a map in the Trash is not edited"
    );

    drop(store);
    let mut store = Store::open(&path).unwrap();
    store.restore_map(&sample).unwrap();
    let restored = store.open_map(&sample).unwrap();
    assert_eq!(
        restored.map.cards.len(),
        34,
        "restored whole, after a restart"
    );
    assert_eq!(
        store.delete_map_forever(&sample).unwrap_err().code(),
        "not_found"
    );
    store.delete_map_forever(&other).unwrap();
    assert!(store.list_trash().unwrap().is_empty());
    store.delete_map(&sample).unwrap();
    assert_eq!(
        store.empty_old_trash().unwrap(),
        0,
        "deleted just now: kept"
    );
    assert_eq!(store.empty_trash(None).unwrap(), 1);
    assert!(store.list_maps().unwrap().is_empty() && store.list_trash().unwrap().is_empty());
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn replacing_a_map_is_one_undoable_step() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    let before = store.open_map(&id).unwrap().map;
    let mut other = sample::synthetic(12, 9, 0);
    other.title = "Replacement".into();
    store.replace_map(&id, &other).unwrap();
    let replaced = store.open_map(&id).unwrap().map;
    assert_eq!(replaced.title, "Replacement");
    assert_eq!((replaced.cards.len(), replaced.stages.len()), (12, 6));
    assert_eq!(replaced.personas.len(), 3);
    store.undo(&id).unwrap();
    assert_eq!(normal(store.open_map(&id).unwrap().map), normal(before));
}

#[test]
fn several_maps_are_inserted_all_or_none() {
    let mut store = Store::open_in_memory().unwrap();
    let good = sample::synthetic(5, 1, 0);
    let mut bad = sample::synthetic(5, 2, 0);
    bad.cards[0].severity = Some(9);
    assert!(store.insert_maps(&[good.clone(), bad]).is_err());
    assert!(store.list_maps().unwrap().is_empty(), "nothing was written");
    store
        .insert_maps(&[good.clone(), sample::synthetic(3, 3, 0)])
        .unwrap();
    assert_eq!(store.list_maps().unwrap().len(), 2);
    assert!(store.has_map(&good.id).unwrap());
}

#[test]
fn new_maps_and_replacements_of_one_import_land_all_or_none() {
    let mut store = Store::open_in_memory().unwrap();
    let existing = sample::synthetic(6, 1, 0);
    store.insert_map(&existing).unwrap();
    // Imported maps get fresh element ids, as the importers give them.
    let changed = existing.with_fresh_ids("Changed by a colleague", 2);
    let new = sample::synthetic(4, 2, 0);
    let gone = MapId("deleted-meanwhile".to_owned());

    // The second replacement fails after the new map and the first replacement were written.
    let error = store
        .import_maps(
            std::slice::from_ref(&new),
            &[
                (existing.id.clone(), changed.clone()),
                (gone, changed.clone()),
            ],
        )
        .unwrap_err();
    assert_eq!(error.code(), "not_found", "{error}");
    assert_eq!(
        store.list_maps().unwrap().len(),
        1,
        "the new map is not there"
    );
    let stored = store.open_map(&existing.id).unwrap();
    assert_eq!(
        stored.map.title, existing.title,
        "the replacement is not there"
    );
    assert!(!stored.can_undo, "no history entry was left");

    let applied = store
        .import_maps(
            std::slice::from_ref(&new),
            &[(existing.id.clone(), changed)],
        )
        .unwrap();
    assert_eq!(applied.len(), 1);
    assert!(applied[0].can_undo);
    assert_eq!(store.list_maps().unwrap().len(), 2);
    store.undo(&existing.id).unwrap();
    assert_eq!(
        store.open_map(&existing.id).unwrap().map.title,
        existing.title
    );
}

#[test]
fn a_fresh_file_and_every_older_schema_reach_the_current_one() {
    for version in 0..SCHEMA_VERSION {
        let (_dir, path) = temp_db();
        let mut conn = Connection::open(&path).unwrap();
        MIGRATIONS.to_version(&mut conn, version as usize).unwrap();
        if version >= 1 {
            conn.execute(
                "INSERT INTO maps (id, title, created_at, updated_at) VALUES ('m1', 'Old map', 1, 1)",
                [],
            )
            .unwrap();
        }
        drop(conn);
        let mut store = Store::open(&path).unwrap();
        let conn = Connection::open(&path).unwrap();
        let now: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(now, SCHEMA_VERSION, "from version {version}");
        if version >= 1 {
            let map = store.open_map(&MapId::from("m1")).unwrap();
            assert_eq!(
                map.map.title, "Old map",
                "data kept when upgrading from {version}"
            );
            assert!(!map.can_undo);
        }
    }
}

#[test]
fn upgrading_clears_fields_hidden_on_cards_moved_across_lane_kinds() {
    let (_dir, path) = temp_db();
    let mut conn = Connection::open(&path).unwrap();
    MIGRATIONS.to_version(&mut conn, 3).unwrap();
    conn.execute_batch(
        "INSERT INTO maps (id, title, created_at, updated_at) VALUES ('m1', 'Old map', 1, 1);
         INSERT INTO stages (map_id, id, position, name) VALUES ('m1', 's1', 0, 'Decision');
         INSERT INTO lanes (map_id, id, position, kind, title) VALUES
           ('m1', 'pains', 0, 'pain_points', 'Pain points'),
           ('m1', 'ideas', 1, 'opportunities', 'Opportunities');
         INSERT INTO cards (map_id, id, stage_id, lane_id, position, text, severity, impact, effort)
           VALUES ('m1', 'moved', 's1', 'ideas', 0, 'Show fees up front', 4, 5, 2),
                  ('m1', 'kept', 's1', 'pains', 0, 'Surprise fees', 5, NULL, NULL);",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    let map = store.open_map(&MapId::from("m1")).unwrap().map;
    let card = |id: &str| map.cards.iter().find(|c| c.id.as_str() == id).unwrap();
    assert_eq!(
        card("moved").severity,
        None,
        "a severity hidden on an opportunity"
    );
    assert_eq!(
        (card("moved").impact, card("moved").effort),
        (Some(5), Some(2))
    );
    assert_eq!(card("kept").severity, Some(5));
}

fn assert_refused_untouched(path: &Path, expected_code: &str, expected_text: &str) {
    let before = std::fs::read(path).unwrap();
    let error = match Store::open(path) {
        Err(error) => error,
        Ok(_) => panic!("{} was opened", path.display()),
    };
    assert_eq!(error.code(), expected_code, "{error}");
    assert!(error.to_string().contains(expected_text), "{error}");
    assert_eq!(std::fs::read(path).unwrap(), before, "the file was changed");
    let dir = path.parent().unwrap();
    let extra: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(extra.len(), 1, "no -wal or -shm file was left: {extra:?}");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, "These are my notes, not a database.\n".repeat(200)).unwrap();
    assert_refused_untouched(&path, "database_unavailable", "not an SQLite database");
}

#[test]
fn a_library_from_a_newer_waymark_is_refused_untouched() {
    let (_dir, path) = temp_db();
    let mut conn = Connection::open(&path).unwrap();
    MIGRATIONS.to_latest(&mut conn).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
        .unwrap();
    drop(conn);
    assert_refused_untouched(&path, "database_unavailable", "newer version of Waymark");
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let (_dir, path) = temp_db();
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
        .unwrap();
    drop(conn);
    assert_refused_untouched(&path, "database_unavailable", "another program");
}

#[test]
fn a_folder_that_cannot_be_written_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be: cannot be created, even by an administrator.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let error = match Store::open(&blocker.join("library.db")) {
        Err(error) => error,
        Ok(_) => panic!("opened a library inside a file"),
    };
    assert_eq!(error.code(), "database_unavailable");
    assert!(error.to_string().contains("cannot write"), "{error}");
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}

#[test]
fn big_maps_round_trip_through_the_database() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let map = sample::synthetic(2000, 3, 1);
    store.insert_map(&map).unwrap();
    let loaded = store.open_map(&map.id).unwrap().map;
    assert_eq!(normal(loaded), normal(waymark_core::rebuild(&map).unwrap()));
    let listed = store.list_maps().unwrap();
    assert_eq!(
        (listed[0].cards, listed[0].personas, listed[0].stages),
        (2000, 3, 6)
    );
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

/// Random edits through the store give the same map as applying them in memory.
fn op_for(map: &JourneyMap, kind: u8, a: usize, b: usize) -> Op {
    let card = &map.cards[a % map.cards.len()];
    let stage = &map.stages[b % map.stages.len()];
    let lane = &map.lanes[a % map.lanes.len()];
    match kind % 6 {
        0 => Op::MoveCard {
            id: card.id.clone(),
            stage_id: stage.id.clone(),
            lane_id: lane.id.clone(),
            position: (b % 3) as u32,
        },
        1 => Op::AddCard {
            card: Card::new(stage.id.clone(), lane.id.clone(), (a % 4) as u32, "new"),
        },
        2 => Op::RemoveCard {
            id: card.id.clone(),
        },
        3 => Op::MoveStage {
            id: stage.id.clone(),
            index: (a % 6) as u32,
        },
        4 => Op::SetEmotion {
            persona_id: map.personas[0].id.clone(),
            stage_id: stage.id.clone(),
            state: EmotionState::Future,
            score: if a.is_multiple_of(4) {
                None
            } else {
                Some((a % 5) as i8 - 2)
            },
            note: None,
        },
        _ => Op::RemoveLane {
            id: lane.id.clone(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_database_always_matches_the_domain(
        steps in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..25)
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.seed_first_run_sample().unwrap().unwrap();
        let mut expected = store.open_map(&id).unwrap().map;
        for (kind, a, b) in steps {
            let op = op_for(&expected, kind, a, b);
            let mut next = expected.clone();
            let in_memory = apply_batch(&mut next, std::slice::from_ref(&op));
            let stored = store.apply_ops(&id, expected.revision, std::slice::from_ref(&op));
            prop_assert_eq!(in_memory.is_ok(), stored.is_ok(), "{:?}", op);
            if let Ok(applied) = stored {
                next.revision = applied.revision;
                expected = next;
            }
            let loaded = store.open_map(&id).unwrap().map;
            prop_assert_eq!(normal(loaded), normal(expected.clone()));
            if expected.cards.is_empty() { break; }
        }
        while store.undo(&id).is_ok() {}
        prop_assert!(store.integrity_check().unwrap() == ["ok"]);
    }
}
