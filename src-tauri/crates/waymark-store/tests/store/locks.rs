//! Saved means saved: nothing that touches the library file from inside the app's process (a
//! file chooser sniffing the folder) may let another Waymark process lose the app's edits.
//!
//! The other process is this test binary run again as a child (see `child.rs`).

use crate::child::{child_output, shown, spawn_child};
use std::path::{Path, PathBuf};
use waymark_core::{MapId, Op};
use waymark_store::Store;

pub(crate) fn rename(store: &mut Store, id: &MapId, title: &str) {
    let revision = store.open_map(id).unwrap().map.revision;
    store
        .apply_ops(
            id,
            revision,
            &[Op::SetTitle {
                title: title.to_owned(),
            }],
        )
        .unwrap();
}

/// What a GTK file chooser does to every file of a folder it lists: opens it, reads the first
/// bytes to guess its type, and closes it. Each `close()` drops every POSIX lock this process
/// holds on that file.
fn sniff_folder_like_a_file_chooser(folder: &Path) {
    use std::io::Read;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let mut head = [0u8; 512];
            let mut file = std::fs::File::open(&path).unwrap();
            let _ = file.read(&mut head).unwrap();
        }
    }
}

fn library_with_a_map() -> (tempfile::TempDir, PathBuf, Store, MapId) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut store = Store::open(&path).unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    (dir, path, store, id)
}

#[test]
fn an_edit_after_a_file_chooser_and_another_process_is_kept() {
    let (dir, path, mut store, id) = library_with_a_map();
    rename(&mut store, &id, "Before the chooser");
    sniff_folder_like_a_file_chooser(dir.path());
    assert_eq!(child_output(&["list", shown(&path)], "maps"), "1");

    rename(&mut store, &id, "After the chooser");
    assert_eq!(
        child_output(&["title", shown(&path), id.as_str()], "title"),
        "After the chooser",
        "another process sees the acknowledged rename"
    );
    drop(store);
    let mut reopened = Store::open(&path).unwrap();
    assert_eq!(
        reopened.open_map(&id).unwrap().map.title,
        "After the chooser"
    );
    assert_eq!(reopened.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn concurrent_writers_after_a_file_chooser_lose_nothing() {
    const EDITS: usize = 60;
    let (dir, path, mut store, id) = library_with_a_map();
    let other = store
        .create_map(Some("blank"), "Written by the other process")
        .unwrap()
        .id;
    let start = store.open_map(&id).unwrap().map.revision;
    sniff_folder_like_a_file_chooser(dir.path());
    // A first child opens and closes while this process has lost its locks.
    assert_eq!(child_output(&["list", shown(&path)], "maps"), "2");

    let count = EDITS.to_string();
    let child = spawn_child(&["rename", shown(&path), other.as_str(), &count]);
    for n in 0..EDITS {
        rename(&mut store, &id, &format!("parent {n}"));
        if n % 10 == 0 {
            sniff_folder_like_a_file_chooser(dir.path());
        }
    }
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let last = format!("parent {}", EDITS - 1);
    assert_eq!(
        child_output(&["title", shown(&path), id.as_str()], "title"),
        last
    );
    assert_eq!(
        child_output(&["title", shown(&path), other.as_str()], "title"),
        format!("child {}", EDITS - 1)
    );
    drop(store);
    let mut reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.open_map(&id).unwrap().map.title, last);
    assert_eq!(
        reopened.open_map(&id).unwrap().map.revision,
        start + i64::try_from(EDITS).unwrap(),
        "every acknowledged rename of this process is in the library"
    );
    assert_eq!(reopened.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn a_long_log_survives_another_process_rebuilding_the_shared_memory() {
    // 50,000 cards make a transaction of more than 4,096 pages, so the write-ahead log's index
    // (the `-shm` file) spans two regions in this process.
    let (dir, path, mut store, first) = library_with_a_map();
    store
        .insert_map(&waymark_core::sample::synthetic(50_000, 1, 1))
        .unwrap();
    let shm = std::fs::metadata(path.with_extension("db-shm"))
        .unwrap()
        .len();
    assert!(shm > 32 * 1024, "the index spans two regions: {shm} bytes");
    rename(&mut store, &first, "restart the log");
    sniff_folder_like_a_file_chooser(dir.path());
    // The child believes it is the first to open the library and rebuilds the index.
    assert_eq!(child_output(&["list", shown(&path)], "maps"), "2");
    // Writing as many pages again reaches the second region of the index this process mapped.
    let big = waymark_core::sample::synthetic(50_000, 2, 1);
    store.insert_map(&big).unwrap();
    assert_eq!(
        child_output(&["title", shown(&path), big.id.as_str()], "title"),
        big.title
    );
}
