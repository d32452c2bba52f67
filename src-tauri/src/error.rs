//! The one error shape the UI sees: `{ code, message }`, with a message written for people.

use serde::Serialize;
use waymark_library::LibraryError;
use waymark_store::StoreError;

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppError {
    /// `database_unavailable`, `library_missing`, `library_moved`, `library_damaged`,
    /// `not_found`, `conflict`, `invalid_operation`, `invalid_file`, `storage_failed` or
    /// `internal`.
    pub code: &'static str,
    pub message: String,
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        AppError {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

impl From<LibraryError> for AppError {
    fn from(error: LibraryError) -> Self {
        AppError {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

impl AppError {
    /// The library is being closed to open another one.
    pub fn closed(path: &std::path::Path) -> Self {
        AppError {
            code: "database_unavailable",
            message: format!(
                "The map library \"{}\" is being closed. Wait a moment and try again.",
                path.display()
            ),
        }
    }

    /// A failure of Waymark itself rather than of the user's data.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        AppError {
            code: "internal",
            message: format!("Waymark hit an internal problem ({detail}). Your saved work is safe; try again, or restart Waymark."),
        }
    }
}
