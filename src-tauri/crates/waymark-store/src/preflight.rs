//! Checks made before SQLite touches a library, so that refusing it leaves no trace, and the
//! words for what went wrong when opening it failed anyway.

use crate::db::sibling;
use crate::error::{Result, StoreError};
use crate::sys;
use std::path::{Path, PathBuf};

/// Below this much free space, an I/O failure is the disk being full.
pub(crate) const NEARLY_FULL: u64 = 256 * 1024;

/// The folder a library file is in.
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// The name of a network file system from its `statfs` magic number. SQLite's write-ahead log
/// needs memory-mapped files shared between processes, which these do not keep coherent.
pub(crate) fn network_file_system(magic: i64) -> Option<&'static str> {
    Some(match magic {
        0x6969 => "NFS",
        0x517B => "SMB",
        0xFF53_4D42 => "CIFS",
        0xFE53_4D42 => "SMB2",
        0x5346_414F => "AFS",
        0x7375_7245 => "Coda",
        0x0102_1997 => "9P",
        0x564C => "NCP",
        _ => return None,
    })
}

/// Refuses, before anything is created or opened, a library Waymark could not save to: on a
/// network drive, read-only, in a read-only folder, or with journals left read-only.
pub(crate) fn check(path: &Path) -> Result<()> {
    let folder = folder_of(path);
    if let Ok(fs) = sys::file_system(&folder) {
        if let Some(kind) = network_file_system(fs.kind) {
            return Err(StoreError::NetworkDrive {
                path: path.to_owned(),
                kind: kind.to_owned(),
            });
        }
    }
    let unwritable = |error: std::io::Error| StoreError::Unwritable {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    if path.exists() && !sys::can_write(path).map_err(unwritable)? {
        return Err(StoreError::ReadOnlyFile {
            path: path.to_owned(),
        });
    }
    if !sys::can_write(&folder).map_err(unwritable)? {
        return Err(StoreError::ReadOnlyFolder {
            path: path.to_owned(),
            folder,
        });
    }
    for suffix in ["-wal", "-shm"] {
        repair_stale_journal(path, &sibling(path, suffix))?;
    }
    Ok(())
}

/// A library that was once opened read-only has journals created with its read-only mode; they
/// outlive a `chmod` of the library and make every later write fail. Giving them the library's
/// mode again is safe even while another program has them open: permissions are only checked
/// when a file is opened.
fn repair_stale_journal(path: &Path, journal: &Path) -> Result<()> {
    let writable = |journal: &Path| sys::can_write(journal).unwrap_or(false);
    if !journal.exists() || writable(journal) || !path.exists() {
        return Ok(());
    }
    let repaired = std::fs::metadata(path)
        .and_then(|library| std::fs::set_permissions(journal, library.permissions()))
        .is_ok();
    if repaired && writable(journal) {
        return Ok(());
    }
    Err(StoreError::StaleJournal {
        path: path.to_owned(),
        journal: journal.to_owned(),
    })
}

/// What an SQLite failure while opening a library means for the user.
pub(crate) fn explain_open_failure(path: &Path, error: rusqlite::Error) -> StoreError {
    use rusqlite::ffi;
    let extended = match &error {
        rusqlite::Error::SqliteFailure(failure, _) => failure.extended_code,
        _ => return StoreError::from(error),
    };
    let shared_memory = [
        ffi::SQLITE_IOERR_SHMOPEN,
        ffi::SQLITE_IOERR_SHMSIZE,
        ffi::SQLITE_IOERR_SHMLOCK,
        ffi::SQLITE_IOERR_SHMMAP,
        ffi::SQLITE_PROTOCOL,
    ];
    let primary = extended & 0xff;
    let io_failure = matches!(
        primary,
        ffi::SQLITE_IOERR | ffi::SQLITE_CANTOPEN | ffi::SQLITE_FULL
    );
    let full = sys::file_system(&folder_of(path)).is_ok_and(|fs| fs.available < NEARLY_FULL);
    if io_failure && full {
        return StoreError::DiskFullAtOpen {
            path: path.to_owned(),
        };
    }
    if shared_memory.contains(&extended) {
        return StoreError::NoSharedMemory {
            path: path.to_owned(),
            detail: error.to_string(),
        };
    }
    match primary {
        ffi::SQLITE_READONLY | ffi::SQLITE_CANTOPEN | ffi::SQLITE_PERM => StoreError::Unwritable {
            path: path.to_owned(),
            reason: error.to_string(),
        },
        ffi::SQLITE_NOTADB => StoreError::NotADatabase {
            path: path.to_owned(),
        },
        _ => StoreError::from(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_file_systems_are_recognised_and_local_ones_are_not() {
        assert_eq!(network_file_system(0x6969), Some("NFS"));
        assert_eq!(network_file_system(0xFF53_4D42), Some("CIFS"));
        assert_eq!(network_file_system(0xFE53_4D42), Some("SMB2"));
        assert_eq!(network_file_system(0x0102_1997), Some("9P"));
        // ext4, btrfs, tmpfs, xfs
        for local in [0xEF53, 0x9123_683E, 0x0102_1994, 0x5846_5342] {
            assert_eq!(network_file_system(local), None, "{local:#x}");
        }
    }

    #[test]
    fn a_shared_memory_failure_is_named_and_a_full_disk_is_not_blamed_on_it() {
        let failure = |extended: i32| {
            rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(extended), None)
        };
        let path = std::env::temp_dir().join("library.db");
        let error = explain_open_failure(&path, failure(rusqlite::ffi::SQLITE_IOERR_SHMMAP));
        assert!(
            matches!(error, StoreError::NoSharedMemory { .. }),
            "{error}"
        );
        assert!(
            error.to_string().contains("this computer's disk"),
            "{error}"
        );
        let error = explain_open_failure(&path, failure(rusqlite::ffi::SQLITE_NOTADB));
        assert!(matches!(error, StoreError::NotADatabase { .. }), "{error}");
    }
}
