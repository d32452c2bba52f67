//! What can go wrong with the map library, in words a designer understands.

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
    #[error("The map library file is damaged ({detail}). Restore it from a backup, or move it away to start a new library.")]
    Corrupt { detail: String },
    #[error("The disk is full, so the last change was not saved. Free some space and try again.")]
    DiskFull,
    #[error("There is no map with id {id} in this library; it may have been deleted.")]
    MapNotFound { id: String },
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

impl StoreError {
    /// A stable code the UI can act on.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotADatabase { .. }
            | StoreError::ForeignDatabase { .. }
            | StoreError::TooNew { .. }
            | StoreError::Unwritable { .. }
            | StoreError::Corrupt { .. } => "database_unavailable",
            StoreError::MapNotFound { .. } => "not_found",
            StoreError::Conflict { .. } => "conflict",
            StoreError::Rule(_)
            | StoreError::UnknownTemplate { .. }
            | StoreError::NothingToUndo
            | StoreError::NothingToRedo => "invalid_operation",
            StoreError::DiskFull
            | StoreError::Sqlite(_)
            | StoreError::Migration(_)
            | StoreError::BadRow { .. } => "storage_failed",
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                detail: error.to_string(),
            },
            _ => StoreError::Sqlite(error),
        }
    }
}

/// Shorthand for the store's results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
