//! The one error shape the UI sees: `{ code, message }`, with a message written for people.

use serde::Serialize;
use waymark_library::LibraryError;
pub use waymark_store::ErrorCode;
use waymark_store::StoreError;

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AppError {
    /// What kind of failure: the UI acts on some (a moved library, a conflict).
    pub code: ErrorCode,
    pub message: String,
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        AppError {
            code: error.kind(),
            message: error.to_string(),
        }
    }
}

impl From<LibraryError> for AppError {
    fn from(error: LibraryError) -> Self {
        AppError {
            code: error.kind(),
            message: error.to_string(),
        }
    }
}

impl AppError {
    /// The library is being closed to open another one.
    pub fn closed(path: &std::path::Path) -> Self {
        AppError {
            code: ErrorCode::DatabaseUnavailable,
            message: format!(
                "The map library \"{}\" is being closed. Wait a moment and try again.",
                path.display()
            ),
        }
    }

    /// A failure of Waymark itself rather than of the user's data.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        AppError {
            code: ErrorCode::Internal,
            message: format!("Waymark hit an internal problem ({detail}). Your saved work is safe; try again, or restart Waymark."),
        }
    }
}
