//! Backups: written while edits go on, checked before they are kept, restored in place of a
//! damaged library that is kept aside.

use crate::locks::rename;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use waymark_core::sample;
use waymark_store::{read_backup, restore_backup, write_backup, Store};

/// Overwrites one page of the cards table, in the middle of it, with noise, as a failing disk
/// might. (A page on the free list, or inside a long value, could be damaged unnoticed.)
fn damage_a_page(path: &Path) {
    const PAGE: u64 = 4096;
    let page: i64 = {
        let conn = rusqlite::Connection::open(path).unwrap();
        let leaves: Vec<i64> = conn
            .prepare("SELECT pageno FROM dbstat WHERE name = 'cards' AND pagetype = 'leaf'")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        leaves[leaves.len() / 2]
    };
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start((page as u64 - 1) * PAGE))
        .unwrap();
    let mut state = 0x2545_f491_u32;
    let noise: Vec<u8> = (0..PAGE)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[0]
        })
        .collect();
    file.write_all(&noise).unwrap();
}

#[test]
fn a_backup_written_while_edits_go_on_is_whole_and_sound() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut store = Store::open(&path).unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    store.insert_map(&sample::synthetic(3_000, 1, 1)).unwrap();
    let dest = dir.path().join("backup.db");
    let backup = {
        let (path, dest) = (path.clone(), dest.clone());
        std::thread::spawn(move || write_backup(&path, &dest))
    };
    for n in 0..20 {
        rename(&mut store, &id, &format!("edit {n}"));
    }
    let contents = backup.join().unwrap().unwrap();
    assert_eq!(contents.maps, 2);
    assert_eq!(contents.cards, 3_000 + 34);
    assert_eq!(read_backup(&dest).unwrap(), contents);
    assert!(
        !dest.with_extension("db.partial").exists(),
        "no partial file is left"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with("backup.db-")),
        "nothing is left beside the backup: {names:?}"
    );
}

#[test]
fn a_damaged_library_is_refused_and_restored_from_a_backup_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut store = Store::open(&path).unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    store.insert_map(&sample::synthetic(2_000, 1, 1)).unwrap();
    rename(&mut store, &id, "In the backup");
    let backup = dir.path().join("backup.db");
    write_backup(&path, &backup).unwrap();
    drop(store);

    damage_a_page(&path);
    let damaged = std::fs::read(&path).unwrap();
    let error = match Store::open(&path) {
        Err(error) => error,
        Ok(_) => panic!("a damaged library was opened"),
    };
    assert_eq!(error.code(), "library_damaged", "{error}");

    let aside = dir.path().join("library-damaged.db");
    let restored = restore_backup(&path, &backup, &aside).unwrap();
    assert_eq!((restored.maps, restored.cards), (2, 2_034));
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        damaged,
        "the damaged file is kept"
    );
    let mut reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.open_map(&id).unwrap().map.title, "In the backup");
    assert_eq!(reopened.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn a_library_in_use_is_not_restored_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut store = Store::open(&path).unwrap();
    store.seed_first_run_sample().unwrap();
    let backup = dir.path().join("backup.db");
    write_backup(&path, &backup).unwrap();
    let error = restore_backup(&path, &backup, &dir.path().join("aside.db")).unwrap_err();
    assert!(
        error.to_string().contains("is open in another Waymark"),
        "{error}"
    );
    assert_eq!(store.list_maps().unwrap().len(), 1);
    assert!(!dir.path().join("aside.db").exists());
}

#[test]
fn files_that_are_not_sound_backups_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.db");
    std::fs::write(&notes, "not a database at all ".repeat(300)).unwrap();
    let error = read_backup(&notes).unwrap_err();
    assert!(error.to_string().contains("cannot be used"), "{error}");

    let path = dir.path().join("library.db");
    let mut store = Store::open(&path).unwrap();
    store.insert_map(&sample::synthetic(2_000, 1, 1)).unwrap();
    let backup = dir.path().join("backup.db");
    write_backup(&path, &backup).unwrap();
    damage_a_page(&backup);
    let error = read_backup(&backup).unwrap_err();
    assert!(error.to_string().contains("damaged"), "{error}");
    let error = restore_backup(&path, &backup, &dir.path().join("aside.db")).unwrap_err();
    assert!(error.to_string().contains("damaged"), "{error}");
}
