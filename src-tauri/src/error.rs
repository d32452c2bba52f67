//! The one error shape the UI sees: `{ code, message }`, with a message written for people.

use serde::Serialize;
use waymark_store::StoreError;

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppError {
    /// `database_unavailable`, `not_found`, `conflict`, `invalid_operation`, `storage_failed`
    /// or `internal`.
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

impl AppError {
    /// A failure of Waymark itself rather than of the user's data.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        AppError {
            code: "internal",
            message: format!("Waymark hit an internal problem ({detail}). Your saved work is safe; try again, or restart Waymark."),
        }
    }
}
