//! What can go wrong in a use case, in words a designer understands.

use std::path::PathBuf;
use thiserror::Error;
use waymark_store::{ErrorCode, StoreError};

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
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorCode {
        match self {
            LibraryError::Store(error) => error.kind(),
            LibraryError::Vanished { .. } => ErrorCode::LibraryMissing,
            LibraryError::InvalidFile { .. } => ErrorCode::InvalidFile,
            LibraryError::NoBackups { .. } => ErrorCode::NotFound,
            LibraryError::Io { .. } | LibraryError::CannotWrite { .. } => ErrorCode::StorageFailed,
            LibraryError::InvalidChoice { .. } => ErrorCode::InvalidOperation,
        }
    }

    /// A stable code the UI can act on.
    pub fn code(&self) -> &'static str {
        self.kind().as_str()
    }
}

/// Shorthand for the use cases' results.
pub type Result<T, E = LibraryError> = std::result::Result<T, E>;
