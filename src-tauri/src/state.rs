//! The open map library, shared by every command. It can be switched while the app runs (to
//! another library, or to a restored backup), so it lives behind a lock of its own.

use crate::error::AppError;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};
use waymark_library::KnownLibraries;
use waymark_store::Store;

/// Where the library is and whether it can be used.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct LibraryStatus {
    pub path: String,
    pub error: Option<AppError>,
}

/// The library the app works on, or why it could not be opened.
pub struct Library {
    current: RwLock<Opened>,
    known: KnownLibraries,
}

struct Opened {
    path: PathBuf,
    store: Result<Arc<Mutex<Store>>, AppError>,
}

impl Opened {
    fn open(path: &Path, known: &KnownLibraries, create: bool) -> Opened {
        let opened = if create {
            waymark_library::create_library(path, known)
        } else {
            waymark_library::open_library(path, known)
        };
        Opened {
            path: path.to_owned(),
            store: opened
                .map(|store| Arc::new(Mutex::new(store)))
                .map_err(AppError::from),
        }
    }
}

impl Library {
    /// Opens the library at `path`, remembering nothing about it (for tests).
    pub fn open(path: &Path) -> Library {
        Library::open_known(path, KnownLibraries::none())
    }

    /// Opens the library at `path`; a library opened before that vanished is reported, not
    /// replaced. A failure is kept and returned by every command.
    pub fn open_known(path: &Path, known: KnownLibraries) -> Library {
        Library {
            current: RwLock::new(Opened::open(path, &known, false)),
            known,
        }
    }

    /// A library that cannot be used, with the reason.
    pub fn unavailable(path: &Path, error: AppError) -> Library {
        Library {
            current: RwLock::new(Opened {
                path: path.to_owned(),
                store: Err(error),
            }),
            known: KnownLibraries::none(),
        }
    }

    /// Where the library file is and why it cannot be used, if it cannot.
    pub fn status(&self) -> LibraryStatus {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        LibraryStatus {
            path: current.path.display().to_string(),
            error: current.store.as_ref().err().cloned(),
        }
    }

    /// Where the library file is.
    pub fn path(&self) -> PathBuf {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.path.clone()
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
        let store = {
            let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
            current.store.clone()?
        };
        tokio::task::spawn_blocking(move || {
            // A panic mid-transaction rolled that transaction back, so the store is consistent.
            let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut store).map_err(Into::into)
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Closes the library in use and opens the one at `path` (a new, empty one when `create`).
    /// `between` runs while no library is open, for work that needs the file to itself.
    pub async fn switch<T: Send + 'static>(
        &self,
        path: PathBuf,
        create: bool,
        between: impl FnOnce() -> Result<T, AppError> + Send + 'static,
    ) -> Result<(T, LibraryStatus), AppError> {
        let closing = {
            let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
            let closed = AppError::closed(&current.path);
            std::mem::replace(&mut current.store, Err(closed))
        };
        let known = self.known.clone();
        let (done, opened) = tokio::task::spawn_blocking(move || {
            if let Ok(store) = closing {
                close_when_idle(store);
            }
            match between() {
                Ok(done) => Ok((done, Opened::open(&path, &known, create))),
                Err(error) => Err((error, Opened::open(&path, &known, false))),
            }
        })
        .await
        .map_err(AppError::internal)?
        .map_err(|(error, reopened)| {
            *self.current.write().unwrap_or_else(PoisonError::into_inner) = reopened;
            error
        })?;
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = opened;
        Ok((done, self.status()))
    }
}

/// Closes a store once the commands still using it are done (they hold clones of it).
fn close_when_idle(mut store: Arc<Mutex<Store>>) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match Arc::try_unwrap(store) {
            Ok(mutex) => return drop(mutex),
            Err(shared) if Instant::now() < deadline => {
                store = shared;
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(_) => return,
        }
    }
}
