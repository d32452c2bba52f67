//! The open map library, shared by every command.

use crate::error::AppError;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use waymark_store::Store;

/// The library the app works on, or why it could not be opened.
pub struct Library {
    path: PathBuf,
    store: Result<Arc<Mutex<Store>>, AppError>,
}

impl Library {
    /// Opens the library at `path`; a failure is kept and returned by every command.
    pub fn open(path: &Path) -> Library {
        Library {
            path: path.to_owned(),
            store: Store::open(path)
                .map(|store| Arc::new(Mutex::new(store)))
                .map_err(AppError::from),
        }
    }

    /// A library that cannot be used, with the reason.
    pub fn unavailable(path: &Path, error: AppError) -> Library {
        Library {
            path: path.to_owned(),
            store: Err(error),
        }
    }

    /// Where the library file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the library cannot be used, if it cannot.
    pub fn open_error(&self) -> Option<&AppError> {
        self.store.as_ref().err()
    }

    /// Runs `work` on the store on a blocking thread, off the UI's and the runtime's threads.
    pub async fn run<T, E>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, E> + Send + 'static,
    ) -> Result<T, AppError>
    where
        T: Send + 'static,
        E: Into<AppError> + Send + 'static,
    {
        let store = self.store.clone()?;
        tokio::task::spawn_blocking(move || {
            // A panic mid-transaction rolled that transaction back, so the store is consistent.
            let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut store).map_err(Into::into)
        })
        .await
        .map_err(AppError::internal)?
    }
}
