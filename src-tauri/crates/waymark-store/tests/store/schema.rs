//! Schema upgrades, files the store refuses untouched, and random edits through the store.

use super::*;

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A library from before order keys keeps the order of every cell, and a move then
    /// writes the moved card's row alone.
    #[test]
    fn upgrading_to_order_keys_keeps_every_cell_in_order(
        cells in prop::collection::vec(0usize..400, 1..6),
        shuffle in any::<u64>(),
    ) {
        let (_dir, path) = temp_db();
        let mut conn = Connection::open(&path).unwrap();
        MIGRATIONS.to_version(&mut conn, 5).unwrap();
        conn.execute_batch(
            "BEGIN;
             INSERT INTO maps (id, title, created_at, updated_at) VALUES ('m1', 'Old map', 1, 1);
             INSERT INTO lanes (map_id, id, position, kind, title) VALUES ('m1', 'l1', 0, 'actions', 'Actions');",
        )
        .unwrap();
        let mut rng = fastrand::Rng::with_seed(shuffle);
        let mut expected = Vec::new();
        for (stage, &size) in cells.iter().enumerate() {
            conn.execute(
                "INSERT INTO stages (map_id, id, position, name) VALUES ('m1', ?1, ?2, 'Stage')",
                rusqlite::params![format!("s{stage}"), stage as i64],
            )
            .unwrap();
            // Rows go in out of order: only positions say the order.
            let mut positions: Vec<usize> = (0..size).collect();
            rng.shuffle(&mut positions);
            for position in positions {
                conn.execute(
                    "INSERT INTO cards (map_id, id, stage_id, lane_id, position, text)
                     VALUES ('m1', ?1, ?2, 'l1', ?3, 'Card')",
                    rusqlite::params![format!("c{stage}-{position}"), format!("s{stage}"), position as i64],
                )
                .unwrap();
            }
            expected.push((0..size).map(|p| format!("c{stage}-{p}")).collect::<Vec<_>>());
        }
        conn.execute_batch("COMMIT").unwrap();
        drop(conn);
        let mut store = Store::open(&path).unwrap();
        let map = store.open_map(&MapId::from("m1")).unwrap().map;
        for (stage, ids) in expected.iter().enumerate() {
            let cell = map.cell_cards(&StageId::from(format!("s{stage}").as_str()), &LaneId::from("l1"));
            let got: Vec<&str> = cell.iter().map(|c| c.id.as_str()).collect();
            prop_assert_eq!(&got, ids);
            prop_assert!(cell.iter().all(|c| waymark_core::order::is_valid(&c.order)));
        }
    }
}

#[test]
fn a_move_writes_the_moved_card_alone() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let map = sample::synthetic(600, 4, 0);
    store.insert_map(&map).unwrap();
    let opened = store.open_map(&map.id).unwrap().map;
    let stage = &opened.stages[1].id;
    let lane = &opened.lanes[0].id;
    let before = opened.cell_cards(stage, lane).len();
    let card = opened.cards.iter().find(|c| &c.stage_id != stage).unwrap();
    let op = Op::MoveCard {
        id: card.id.clone(),
        stage_id: stage.clone(),
        lane_id: lane.clone(),
        position: 1,
        order: None,
    };
    let rows = |store: &Store| -> Vec<(String, String)> {
        let conn = Connection::open(store.path()).unwrap();
        let mut statement = conn
            .prepare("SELECT id, order_key FROM cards ORDER BY id")
            .unwrap();
        let rows = statement
            .query_map([], |r| Ok((r.get(0).unwrap(), r.get(1).unwrap())))
            .unwrap();
        rows.map(Result::unwrap).collect()
    };
    let old = rows(&store);
    store.apply_ops(&map.id, opened.revision, &[op]).unwrap();
    let new = rows(&store);
    let changed: Vec<_> = old.iter().zip(&new).filter(|(a, b)| a != b).collect();
    assert_eq!(
        changed.len(),
        1,
        "only the moved card's key changed: {changed:?}"
    );
    let after = store.open_map(&map.id).unwrap().map;
    assert_eq!(after.cell_cards(stage, lane).len(), before + 1);
    assert_eq!(after.cell_cards(stage, lane)[1].id, card.id);
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
            order: None,
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
