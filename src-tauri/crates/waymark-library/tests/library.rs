//! The use cases on real temporary libraries.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that fails should panic

use std::path::Path;
use waymark_core::sample;
use waymark_library::{
    backup_if_due, create_library, import, list_backups, open_library, read_for_import,
    KnownLibraries, KEPT_BACKUPS,
};
use waymark_store::Store;

const DAY: i64 = 24 * 60 * 60 * 1000;
/// 23 Nov 2026, noon UTC.
const NOON: i64 = 1_795_435_200_000;

#[test]
fn a_library_opened_before_that_vanished_is_not_replaced_by_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    let known = KnownLibraries::at(&dir.path().join("state/libraries.json"));
    let folder = dir.path().join("stick");
    let path = folder.join("maps.db");
    let mut store = open_library(&path, &known).unwrap();
    store.seed_first_run_sample().unwrap();
    drop(store);
    std::fs::remove_dir_all(&folder).unwrap();

    let error = open_library(&path, &known).err().unwrap();
    assert_eq!(error.code(), "library_missing");
    assert!(error.to_string().contains("not there any more"), "{error}");
    assert!(!folder.exists(), "nothing was created in its place");

    let fresh = create_library(&path, &known).unwrap();
    assert!(fresh.list_maps().unwrap().is_empty());
    let never = dir.path().join("never-opened.db");
    assert!(
        open_library(&never, &known).is_ok(),
        "a new path is a new library"
    );
}

#[test]
fn one_backup_a_day_and_only_the_last_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("maps.db");
    let mut store = Store::open(&path).unwrap();
    store.insert_map(&sample::synthetic(200, 1, 1)).unwrap();
    let first = backup_if_due(&path, NOON)
        .unwrap()
        .expect("the first backup");
    assert!(
        first.path.ends_with("backups/maps-2026-11-23.db"),
        "{:?}",
        first.path
    );
    assert!(
        backup_if_due(&path, NOON + 1000).unwrap().is_none(),
        "one a day"
    );
    // Someone keeps their own file in the folder: never pruned.
    std::fs::write(dir.path().join("backups/notes.txt"), "mine").unwrap();
    for day in 1..10 {
        assert!(backup_if_due(&path, NOON + day * DAY).unwrap().is_some());
    }
    let listed = list_backups(&path);
    assert_eq!(listed.len(), KEPT_BACKUPS);
    assert_eq!(listed[0].day, "2026-12-02", "newest first");
    assert_eq!(listed[KEPT_BACKUPS - 1].day, "2026-11-26");
    assert!(listed
        .iter()
        .all(|b| b.contents.as_ref().unwrap().cards == 200));
    assert!(dir.path().join("backups/notes.txt").exists());
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn files_of_one_import_land_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("maps.db");
    let mut store = Store::open(&path).unwrap();
    let target = sample::synthetic(10, 2, 1);
    store.insert_map(&target).unwrap();
    let sheet = dir.path().join("a.csv");
    write(
        &sheet,
        "stage,lane,text\nAwareness,Customer actions,Sees an ad\n",
    );
    let other = dir.path().join("b.csv");
    write(
        &other,
        "stage,lane,text\nDecision,Pain points,Surprise fees\n",
    );
    let gone = waymark_core::MapId("deleted-meanwhile".to_owned());
    // The second file replaces a map deleted since the import dialog was shown.
    let files = vec![
        (read_for_import(&sheet, None), None),
        (read_for_import(&other, None), Some(gone)),
    ];
    let error = import(&mut store, files).unwrap_err();
    assert_eq!(error.code(), "not_found", "{error}");
    assert_eq!(
        store.list_maps().unwrap().len(),
        1,
        "the first file did not land"
    );

    let files = vec![
        (read_for_import(&sheet, None), None),
        (read_for_import(&other, None), Some(target.id.clone())),
    ];
    let ids = import(&mut store, files).unwrap();
    assert_eq!(ids[1], target.id);
    assert_eq!(store.list_maps().unwrap().len(), 2);
    assert_eq!(store.open_map(&target.id).unwrap().map.cards.len(), 1);
}

#[test]
fn a_page_of_changes_lists_them_under_their_stage_and_lane_in_map_order() {
    let before = sample::first_run_sample(0);
    let mut after = before.clone();
    let last = after.stages.len() - 1;
    let (first_card, last_card) = {
        let in_stage = |i: usize| {
            after
                .cards
                .iter()
                .find(|c| c.stage_id == after.stages[i].id)
                .unwrap()
                .clone()
        };
        (in_stage(0), in_stage(last))
    };
    let ops = [
        waymark_core::Op::RemoveCard {
            id: last_card.id.clone(),
        },
        waymark_core::Op::UpdateCard {
            card: waymark_core::Card {
                text: "Rewritten".to_owned(),
                ..first_card.clone()
            },
        },
    ];
    waymark_core::apply_batch(&mut after, &ops).unwrap();
    let page = waymark_library::changes_page("Shown to the board", &before, &after);
    assert_eq!(page.title, "Changes since “Shown to the board”");
    let headings: Vec<&str> = page.groups.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(headings.len(), 2, "{headings:?}");
    assert!(
        headings[0].starts_with(&before.stages[0].name),
        "in map order: {headings:?}"
    );
    assert!(
        headings[1].starts_with(&before.stages[last].name),
        "{headings:?}"
    );
    assert!(page.groups[0].1[0].contains("now reads “Rewritten”"));
}
