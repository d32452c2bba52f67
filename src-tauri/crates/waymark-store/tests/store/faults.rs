//! Faults of the disk and the file system: each one refuses clearly and loses nothing.

use crate::child::{is_administrator, shown, unprivileged_child, NOBODY};
use crate::locks::rename;
use rusqlite::Connection;
use std::io::Write;
use std::os::unix::fs::{chown, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use waymark_core::{sample, MapId};
use waymark_store::{Store, StoreError};

fn library_with_a_map(folder: &Path) -> (PathBuf, Store, MapId) {
    let path = folder.join("library.db");
    let mut store = Store::open(&path).unwrap();
    let id = store.seed_first_run_sample().unwrap().unwrap();
    (path, store, id)
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn try_rename(store: &mut Store, id: &MapId, title: &str) -> Result<(), StoreError> {
    let revision = store.open_map(id)?.map.revision;
    let op = waymark_core::Op::SetTitle {
        title: title.to_owned(),
    };
    store.apply_ops(id, revision, &[op]).map(|_| ())
}

#[test]
fn moving_the_folder_away_refuses_the_next_edit_and_keeps_the_library_whole() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("maps");
    std::fs::create_dir(&folder).unwrap();
    let (path, mut store, id) = library_with_a_map(&folder);
    rename(&mut store, &id, "Saved before the move");
    let moved = root.path().join("maps-moved");
    std::fs::rename(&folder, &moved).unwrap();

    let error = try_rename(&mut store, &id, "Never acknowledged").unwrap_err();
    assert_eq!(error.code(), "library_moved", "{error}");
    assert!(error.to_string().contains("moved or deleted"), "{error}");
    let again = store.list_maps().unwrap_err();
    assert_eq!(again.code(), "library_moved", "every later call is refused");
    drop(store);
    assert!(!folder.exists(), "nothing was created at the old path");

    let mut reopened = Store::open(&moved.join("library.db")).unwrap();
    assert_eq!(
        reopened.open_map(&id).unwrap().map.title,
        "Saved before the move"
    );
    assert_eq!(reopened.integrity_check().unwrap(), ["ok"]);
    let _ = path;
}

#[test]
fn deleting_the_folder_refuses_the_next_edit() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("usb-stick");
    std::fs::create_dir(&folder).unwrap();
    let (_path, mut store, id) = library_with_a_map(&folder);
    std::fs::remove_dir_all(&folder).unwrap();
    let error = try_rename(&mut store, &id, "Lost").unwrap_err();
    assert_eq!(error.code(), "library_moved", "{error}");
    drop(store);
    assert!(!folder.exists());
}

#[test]
fn a_library_replaced_at_its_path_is_never_written_or_cleaned_up_by_the_old_one() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("synced");
    std::fs::create_dir(&folder).unwrap();
    let (path, mut old, id) = library_with_a_map(&folder);
    // A sync client moves the folder away and puts another library in its place.
    std::fs::rename(&folder, root.path().join("synced-old")).unwrap();
    std::fs::create_dir(&folder).unwrap();
    let mut new = Store::open(&path).unwrap();
    let other = new.create_map(Some("blank"), "The other library").unwrap();
    let wal = std::fs::metadata(folder.join("library.db-wal")).unwrap();

    let error = try_rename(&mut old, &id, "Written to the wrong file").unwrap_err();
    assert_eq!(error.code(), "library_moved", "{error}");
    assert!(error.to_string().contains("replaced"), "{error}");
    drop(old);
    let still = std::fs::metadata(folder.join("library.db-wal")).unwrap();
    assert_eq!(
        std::os::unix::fs::MetadataExt::ino(&still),
        std::os::unix::fs::MetadataExt::ino(&wal),
        "closing the old library left the new one's journal alone"
    );
    assert_eq!(new.list_maps().unwrap()[0].id, other.id);
    assert_eq!(new.integrity_check().unwrap(), ["ok"]);
}

/// A folder and library owned by the unprivileged test user, with these modes.
fn owned_by_nobody(folder_mode: u32, library_mode: u32) -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("maps");
    std::fs::create_dir(&folder).unwrap();
    let (path, store, _) = library_with_a_map(&folder);
    drop(store);
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    if is_administrator() {
        chown(&folder, Some(NOBODY), Some(NOBODY)).unwrap();
        chown(&path, Some(NOBODY), Some(NOBODY)).unwrap();
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(library_mode)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(folder_mode)).unwrap();
    (root, path)
}

fn value<'a>(lines: &'a [(String, String)], key: &str) -> &'a str {
    lines
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {key} in {lines:?}"))
}

#[test]
fn a_read_only_library_is_refused_without_leaving_journals() {
    let (_root, path) = owned_by_nobody(0o755, 0o444);
    let before = std::fs::read(&path).unwrap();
    let Some(lines) = unprivileged_child(&["open-edit", shown(&path)]) else {
        return;
    };
    assert_eq!(value(&lines, "outcome"), "database_unavailable");
    assert!(value(&lines, "message").contains("read-only"), "{lines:?}");
    assert!(value(&lines, "message").contains("chmod u+w"), "{lines:?}");
    assert_eq!(files_in(path.parent().unwrap()), ["library.db"]);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_library_made_writable_again_saves_despite_read_only_journals_left_behind() {
    let (_root, path) = owned_by_nobody(0o755, 0o644);
    let folder = path.parent().unwrap();
    // What opening the library while it was read-only left behind: journals with its mode.
    for name in ["library.db-wal", "library.db-shm"] {
        let journal = folder.join(name);
        std::fs::write(&journal, b"").unwrap();
        if is_administrator() {
            chown(&journal, Some(NOBODY), Some(NOBODY)).unwrap();
        }
        std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    let Some(lines) = unprivileged_child(&["open-edit", shown(&path)]) else {
        return;
    };
    assert_eq!(value(&lines, "outcome"), "opened", "{lines:?}");
    assert_eq!(value(&lines, "saved"), "yes", "{lines:?}");
}

#[test]
fn read_only_journals_of_another_user_are_refused_with_the_next_step() {
    if !is_administrator() {
        eprintln!("skipped: needs files of another user, which only an administrator can make");
        return;
    }
    let (_root, path) = owned_by_nobody(0o755, 0o644);
    let journal = path.parent().unwrap().join("library.db-shm");
    std::fs::write(&journal, b"").unwrap();
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o444)).unwrap();
    let Some(lines) = unprivileged_child(&["open-edit", shown(&path)]) else {
        return;
    };
    assert_eq!(value(&lines, "outcome"), "database_unavailable");
    let message = value(&lines, "message");
    assert!(message.contains("library.db-shm"), "{message}");
    assert!(message.contains("chmod u+w"), "{message}");
}

#[test]
fn a_read_only_folder_is_refused_with_what_to_do() {
    let (_root, path) = owned_by_nobody(0o555, 0o644);
    let Some(lines) = unprivileged_child(&["open-edit", shown(&path)]) else {
        return;
    };
    assert_eq!(value(&lines, "outcome"), "database_unavailable");
    let message = value(&lines, "message");
    assert!(message.contains("cannot write in the folder"), "{message}");
    assert!(!message.contains("attempt to write"), "{message}");
    assert_eq!(files_in(path.parent().unwrap()), ["library.db"]);
}

#[test]
fn another_program_holding_the_library_is_named_and_nothing_is_lost() {
    let root = tempfile::tempdir().unwrap();
    let (path, mut store, id) = library_with_a_map(root.path());
    store.set_busy_timeout(Duration::from_millis(200)).unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let error = try_rename(&mut store, &id, "Waits for the other program").unwrap_err();
    assert!(matches!(error, StoreError::Busy), "{error}");
    assert!(error.to_string().contains("Another program"), "{error}");
    other.execute_batch("COMMIT").unwrap();
    drop(other);
    try_rename(&mut store, &id, "Saved once it let go").unwrap();
}

/// A small file system of its own, so the disk can be filled; unmounted when dropped.
struct SmallDisk {
    folder: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let folder = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(folder.path())
            .output()
            .is_ok_and(|output| output.status.success());
        if mounted {
            Some(SmallDisk { folder })
        } else {
            eprintln!("skipped: this machine does not allow mounting a small file system");
            None
        }
    }

    fn path(&self) -> &Path {
        self.folder.path()
    }

    /// Writes a filler file until the disk is full.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 4096];
        while file
            .write_all(&chunk)
            .and_then(|()| file.sync_all())
            .is_ok()
        {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.folder.path())
            .status();
    }
}

#[test]
fn a_disk_full_when_waymark_starts_says_so_and_changes_nothing() {
    let Some(disk) = SmallDisk::mount("2m") else {
        return;
    };
    let (path, store, _) = library_with_a_map(disk.path());
    drop(store);
    assert_eq!(files_in(disk.path()), ["library.db"]);
    let before = std::fs::read(&path).unwrap();
    disk.fill();
    let error = match Store::open(&path) {
        Err(error) => error,
        Ok(_) => panic!("opened a library on a full disk"),
    };
    assert_eq!(error.code(), "database_unavailable", "{error}");
    assert!(error.to_string().contains("is full"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_disk_full_while_writing_refuses_the_edit_and_keeps_the_rest() {
    let Some(disk) = SmallDisk::mount("3m") else {
        return;
    };
    let (path, mut store, id) = library_with_a_map(disk.path());
    rename(&mut store, &id, "Saved before the disk filled");
    let filler = disk.fill();
    let big = sample::synthetic(2_000, 4, 1);
    let error = store.insert_map(&big).unwrap_err();
    assert!(matches!(error, StoreError::DiskFull), "{error}");
    assert!(error.to_string().contains("disk is full"), "{error}");
    std::fs::remove_file(filler).unwrap();
    rename(&mut store, &id, "Saved once there was room");
    drop(store);
    let mut reopened = Store::open(&path).unwrap();
    assert_eq!(
        reopened.list_maps().unwrap().len(),
        1,
        "the refused map is not there"
    );
    assert_eq!(
        reopened.open_map(&id).unwrap().map.title,
        "Saved once there was room"
    );
    assert_eq!(reopened.integrity_check().unwrap(), ["ok"]);
}
