//! What can go wrong in a use case, in words a designer understands.

use std::path::PathBuf;
use thiserror::Error;
use waymark_store::StoreError;

/// An error of a use case. Nothing was written when one is returned.
#[derive(Debug, Error)]
pub enum LibraryError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("The map library \"{path}\" is not there any more: Waymark last opened it on {last_opened}. It may have been moved or deleted, or be on a drive that is not connected. Connect the drive or open the library where it is now; Waymark starts a new, empty library in its place only if you ask it to.")]
    Vanished { path: PathBuf, last_opened: String },
    #[error("{file} cannot be imported: {problems}")]
    InvalidFile { file: String, problems: String },
    #[error("There are no backups of \"{path}\" yet, in \"{folder}\".")]
    NoBackups { path: PathBuf, folder: PathBuf },
    #[error("Waymark could not {action}: {reason}.")]
    Io { action: String, reason: String },
    #[error("{message}")]
    InvalidChoice { message: String },
    #[error("Cannot write {path}: {reason}. Choose another folder and try again.")]
    CannotWrite { path: PathBuf, reason: String },
}

impl LibraryError {
    /// A stable code the UI can act on.
    pub fn code(&self) -> &'static str {
        match self {
            LibraryError::Store(error) => error.code(),
            LibraryError::Vanished { .. } => "library_missing",
            LibraryError::InvalidFile { .. } => "invalid_file",
            LibraryError::NoBackups { .. } => "not_found",
            LibraryError::Io { .. } | LibraryError::CannotWrite { .. } => "storage_failed",
            LibraryError::InvalidChoice { .. } => "invalid_operation",
        }
    }
}

/// Shorthand for the use cases' results.
pub type Result<T, E = LibraryError> = std::result::Result<T, E>;
