//! The commands the UI calls: thin wrappers over the store, run off the main thread.

pub mod edits;
pub mod exchange;
pub mod library;
pub mod merge;
pub mod pdf;
pub mod versions;

use crate::error::AppError;

/// Runs blocking work (files, layout) off the async runtime, without holding the library.
pub(crate) async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(AppError::internal)?
}
