//! What can go wrong with the map library, in words a designer understands.

use serde::Serialize;
use std::path::PathBuf;
use thiserror::Error;
use waymark_core::DomainError;

/// An error from the store. Nothing was written when one is returned.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("\"{path}\" is not a Waymark map library: it is not an SQLite database. Choose another file, or move this one away and Waymark will start a new library there.")]
    NotADatabase { path: PathBuf },
    #[error("\"{path}\" is an SQLite database of another program, not a Waymark map library. Waymark left it untouched; choose another file.")]
    ForeignDatabase { path: PathBuf },
    #[error("The map library \"{path}\" was written by a newer version of Waymark (schema version {found}; this version reads up to {supported}). Update Waymark to open it. The file was left untouched.")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("Waymark cannot write its map library at \"{path}\": {reason}. Check that the folder exists and that you may write there, or set WAYMARK_DB to a file in a folder you can write to.")]
    Unwritable { path: PathBuf, reason: String },
    #[error("Waymark cannot save to the map library \"{path}\": the file is read-only. Make it writable (in a terminal: chmod u+w \"{path}\"; in the file manager: Properties, then Permissions), or copy it to a folder you own and open the copy. Nothing was changed.")]
    ReadOnlyFile { path: PathBuf },
    #[error("Waymark cannot write in the folder \"{folder}\", which holds the map library: SQLite keeps its journal files beside the library while it is open. Make the folder writable (chmod u+w \"{folder}\"), or move the library to a folder you can write to. Nothing was changed.")]
    ReadOnlyFolder { path: PathBuf, folder: PathBuf },
    #[error("The map library \"{path}\" cannot be opened for saving: \"{journal}\" was left behind read-only (from a time the library was read-only) and Waymark may not change it. As the owner of that file, run: chmod u+w \"{journal}\" — then start Waymark again. Do not delete it: it may hold saved changes.")]
    StaleJournal { path: PathBuf, journal: PathBuf },
    #[error("The disk that holds the map library \"{path}\" is full, so Waymark cannot open it. Free some space on that disk (empty the trash, remove large files), then start Waymark again. Nothing was changed.")]
    DiskFullAtOpen { path: PathBuf },
    #[error("The map library \"{path}\" is on a network drive ({kind}). Saving there safely needs memory shared between programs, which network drives do not provide, so edits could be lost. Keep the library on this computer's disk (move it, or set WAYMARK_DB to a local file) and copy it to the network drive to share it. Nothing was changed.")]
    NetworkDrive { path: PathBuf, kind: String },
    #[error("The folder of the map library \"{path}\" does not support the shared memory SQLite needs to save safely ({detail}); it may be a network or special drive. Keep the library on this computer's disk (move it, or set WAYMARK_DB to a local file). Nothing was changed.")]
    NoSharedMemory { path: PathBuf, detail: String },
    #[error("Another program is keeping the map library locked (another Waymark window, waymark-cli or a database tool), so nothing was saved. Wait a moment and try again; if it keeps happening, close the other program.")]
    Busy,
    #[error("Waymark cannot use the lock file \"{path}\" beside the map library ({reason}). Check that you may write in that folder, then try again.")]
    LockFile { path: PathBuf, reason: String },
    #[error("{}", lost.message(path))]
    LibraryMoved { path: PathBuf, lost: Lost },
    #[error("The backup \"{path}\" cannot be used: {reason}. Choose another backup.")]
    Backup { path: PathBuf, reason: String },
    #[error("Waymark could not write a backup to \"{path}\": {reason}. Check that the disk has room and that you may write there.")]
    BackupFailed { path: PathBuf, reason: String },
    #[error("The map library \"{path}\" is open in another Waymark window or in waymark-cli. Close them, then try again.")]
    InUse { path: PathBuf },
    #[error("Part of the map library file is damaged and cannot be read. Restore it from a backup (the damaged file is kept aside, never deleted). Detail for support: {detail}.")]
    Corrupt { detail: String },
    #[error("The disk is full, so the last change was not saved. Free some space and try again.")]
    DiskFull,
    #[error("There is no map with id {id} in this library; it may have been deleted.")]
    MapNotFound { id: String },
    #[error("There is no version with id {id} of this map; it may have been deleted.")]
    VersionNotFound { id: String },
    #[error("{0}")]
    BadVersion(String),
    #[error("There is no template called \"{name}\". Choose one of: {known}.")]
    UnknownTemplate { name: String, known: String },
    #[error("This map was changed elsewhere (it is at revision {found}; the change was based on revision {expected}). It has been reloaded: please make the change again.")]
    Conflict { expected: i64, found: i64 },
    #[error("There is nothing to undo.")]
    NothingToUndo,
    #[error("There is nothing to redo.")]
    NothingToRedo,
    #[error("{0}")]
    Rule(#[from] DomainError),
    #[error("The map library could not be read or written: {0}.")]
    Sqlite(rusqlite::Error),
    #[error("The map library could not be upgraded: {0}.")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("A stored {what} could not be read: {detail}.")]
    BadRow { what: &'static str, detail: String },
}

/// What kind of failure an error is: the codes the app's UI receives and acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The library cannot be opened or used (not a library, read-only, too new, ...).
    DatabaseUnavailable,
    /// The library Waymark opened before is not where it was.
    LibraryMissing,
    /// The library file was moved, deleted or replaced while in use.
    LibraryMoved,
    /// A page of the library cannot be read.
    LibraryDamaged,
    NotFound,
    /// The map changed since the edit was made.
    Conflict,
    /// The edit or choice breaks a rule.
    InvalidOperation,
    /// A file to import cannot be read as a map.
    InvalidFile,
    /// Something could not be read or written (disk full, busy, ...).
    StorageFailed,
    /// A failure of Waymark itself.
    Internal,
}

impl ErrorCode {
    /// The code as the UI and the tests spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::DatabaseUnavailable => "database_unavailable",
            ErrorCode::LibraryMissing => "library_missing",
            ErrorCode::LibraryMoved => "library_moved",
            ErrorCode::LibraryDamaged => "library_damaged",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::InvalidOperation => "invalid_operation",
            ErrorCode::InvalidFile => "invalid_file",
            ErrorCode::StorageFailed => "storage_failed",
            ErrorCode::Internal => "internal",
        }
    }
}

impl StoreError {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorCode {
        match self {
            StoreError::NotADatabase { .. }
            | StoreError::ForeignDatabase { .. }
            | StoreError::TooNew { .. }
            | StoreError::Unwritable { .. }
            | StoreError::ReadOnlyFile { .. }
            | StoreError::ReadOnlyFolder { .. }
            | StoreError::StaleJournal { .. }
            | StoreError::DiskFullAtOpen { .. }
            | StoreError::NetworkDrive { .. }
            | StoreError::NoSharedMemory { .. } => ErrorCode::DatabaseUnavailable,
            StoreError::Corrupt { .. } => ErrorCode::LibraryDamaged,
            StoreError::LibraryMoved { .. } => ErrorCode::LibraryMoved,
            StoreError::MapNotFound { .. } | StoreError::VersionNotFound { .. } => {
                ErrorCode::NotFound
            }
            StoreError::Conflict { .. } => ErrorCode::Conflict,
            StoreError::Rule(_)
            | StoreError::BadVersion(_)
            | StoreError::UnknownTemplate { .. }
            | StoreError::NothingToUndo
            | StoreError::NothingToRedo
            | StoreError::Backup { .. }
            | StoreError::InUse { .. } => ErrorCode::InvalidOperation,
            StoreError::DiskFull
            | StoreError::BackupFailed { .. }
            | StoreError::Busy
            | StoreError::LockFile { .. }
            | StoreError::Sqlite(_)
            | StoreError::Migration(_)
            | StoreError::BadRow { .. } => ErrorCode::StorageFailed,
        }
    }

    /// A stable code the UI can act on.
    pub fn code(&self) -> &'static str {
        self.kind().as_str()
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Corrupt {
                detail: error.to_string(),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(error),
        }
    }
}

/// How the library's file stopped being the one Waymark writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lost {
    /// Nothing is at the path any more: the file or its folder was moved or deleted.
    Missing,
    /// Another file is at the path now.
    Replaced,
    /// The path cannot be read: the drive was unplugged or the network share is gone.
    Unreachable,
    /// Another program removed the write-ahead log the library was being written through.
    LogRemoved,
}

impl Lost {
    fn message(self, path: &std::path::Path) -> String {
        let path = path.display();
        let what = match self {
            Lost::Missing => format!("The library file \"{path}\" was moved or deleted while Waymark was using it"),
            Lost::Replaced => format!("The library file \"{path}\" was replaced by another file while Waymark was using it"),
            Lost::Unreachable => format!("The drive or folder of the library file \"{path}\" cannot be reached any more (it may have been unplugged)"),
            Lost::LogRemoved => format!("Another program removed the journal of the library file \"{path}\" while Waymark was writing to it"),
        };
        format!("{what}, so your last change was not saved. Save a copy of the open map, then open the library where it is now.")
    }
}

/// Shorthand for the store's results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
