//! Copies of the whole library: written from a consistent snapshot while edits go on, checked
//! before they are kept, and put back in place of a damaged library without deleting it.

use crate::db::{sibling, BUSY_TIMEOUT};
use crate::error::{Result, StoreError};
use crate::guard::{LibraryLock, LockError};
use crate::open::{open_db, APPLICATION_ID, SCHEMA_VERSION};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a backup file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BackupContents {
    pub maps: u32,
    pub cards: u32,
}

/// Writes a backup of the library at `library` to `dest` and returns what it holds.
///
/// It reads through a connection of its own, so the store's edits (in this process too) go
/// on meanwhile; the copy is written beside `dest`, checked, synced and only then renamed, so
/// `dest` is always a whole, sound library.
pub fn write_backup(library: &Path, dest: &Path) -> Result<BackupContents> {
    let partial = sibling(dest, ".partial");
    let _ = std::fs::remove_file(&partial);
    let db = open_db(library)?;
    let target = partial.to_string_lossy().into_owned();
    db.read(|conn| {
        conn.execute("VACUUM INTO ?1", [&target])?;
        Ok(())
    })
    .map_err(|error| match error {
        StoreError::Sqlite(e) => StoreError::BackupFailed {
            path: dest.to_owned(),
            reason: e.to_string(),
        },
        other => other,
    })?;
    drop(db);
    let written = read_backup(&partial).and_then(|contents| {
        std::fs::File::open(&partial)
            .and_then(|file| file.sync_all())
            .and_then(|()| std::fs::rename(&partial, dest))
            .map_err(|e| StoreError::BackupFailed {
                path: dest.to_owned(),
                reason: e.to_string(),
            })?;
        sync_folder(dest);
        Ok(contents)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// Reads what a backup holds, checking that it is a sound Waymark library this version can
/// open. Nothing is written beside it.
pub fn read_backup(path: &Path) -> Result<BackupContents> {
    let unusable = |reason: String| StoreError::Backup {
        path: path.to_owned(),
        reason,
    };
    let uri = format!(
        "file:{}?mode=ro&immutable=1",
        percent_encode_path(&path.to_string_lossy())
    );
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags).map_err(|e| unusable(e.to_string()))?;
    let check = |conn: &Connection| -> rusqlite::Result<(String, i64, i64, u32, u32)> {
        let verdict = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
        let application_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let maps = conn.query_row("SELECT count(*) FROM maps", [], |r| r.get(0))?;
        let cards = conn.query_row("SELECT count(*) FROM cards", [], |r| r.get(0))?;
        Ok((verdict, application_id, version, maps, cards))
    };
    let (verdict, application_id, version, maps, cards) =
        check(&conn).map_err(|error| match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
                unusable(format!("it is damaged ({error})"))
            }
            Some(rusqlite::ErrorCode::NotADatabase) => {
                unusable("it is not a Waymark library".to_owned())
            }
            _ => unusable(error.to_string()),
        })?;
    if verdict != "ok" {
        return Err(unusable(format!("it is damaged ({verdict})")));
    }
    if application_id != APPLICATION_ID {
        return Err(unusable("it is not a Waymark library".to_owned()));
    }
    if version > SCHEMA_VERSION {
        return Err(unusable(format!(
            "it was made by a newer Waymark (schema version {version})"
        )));
    }
    Ok(BackupContents { maps, cards })
}

/// Puts the backup at `backup` in place of the library at `library`, moving the library (and
/// its journals) to `aside` first, never deleting it. Refused while any Waymark, this process
/// included, has the library open.
pub fn restore_backup(library: &Path, backup: &Path, aside: &Path) -> Result<BackupContents> {
    let contents = read_backup(backup)?;
    let lock = LibraryLock::join(library, BUSY_TIMEOUT).map_err(|error| match error {
        LockError::Busy => StoreError::Busy,
        LockError::Io(error) => StoreError::LockFile {
            path: crate::guard::lock_path(library),
            reason: error.to_string(),
        },
    })?;
    let member = crate::db::Member(lock);
    let _hold = member.0.write(BUSY_TIMEOUT).map_err(|_| StoreError::Busy)?;
    if !member.0.alone() {
        return Err(StoreError::InUse {
            path: library.to_owned(),
        });
    }
    let failed = |reason: std::io::Error| StoreError::Backup {
        path: backup.to_owned(),
        reason: reason.to_string(),
    };
    let restoring = sibling(library, ".restoring");
    std::fs::copy(backup, &restoring).map_err(failed)?;
    std::fs::File::open(&restoring)
        .and_then(|file| file.sync_all())
        .map_err(failed)?;
    if library.exists() {
        std::fs::rename(library, aside).map_err(failed)?;
        for suffix in ["-wal", "-shm"] {
            let journal = sibling(library, suffix);
            if journal.exists() {
                std::fs::rename(&journal, sibling(aside, suffix)).map_err(failed)?;
            }
        }
    }
    std::fs::rename(&restoring, library).map_err(failed)?;
    sync_folder(library);
    Ok(contents)
}

/// Makes a rename in the folder of `path` durable.
fn sync_folder(path: &Path) {
    if let Some(folder) = path.parent() {
        let _ = std::fs::File::open(folder).and_then(|folder| folder.sync_all());
    }
}

/// A path as an SQLite URI's path: `%`, `?` and `#` escaped.
fn percent_encode_path(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => encoded.push_str("%25"),
            '?' => encoded.push_str("%3f"),
            '#' => encoded.push_str("%23"),
            _ => encoded.push(c),
        }
    }
    encoded
}

/// Where backups of the library at `library` are kept: a `backups` folder beside it.
pub fn backups_folder(library: &Path) -> PathBuf {
    crate::preflight::folder_of(library).join("backups")
}
