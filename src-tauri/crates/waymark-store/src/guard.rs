//! The lock Waymark processes agree on, held where no `close()` can release it.
//!
//! SQLite's own locks on the library are POSIX locks: any `close()` of any descriptor of the
//! library file in a process drops all of them (a GTK file chooser sniffing the folder does
//! this). Another process may then believe it is alone, rebuild the shared memory under a
//! writer, or unlink the write-ahead log in use. So every Waymark process also locks a sidecar
//! file, `<library>-lock`, with open-file-description locks, which belong to the descriptor we
//! opened and survive any other `close()`:
//!
//! - byte 0, **presence**: shared while a process has the library open. Whoever can make it
//!   exclusive is the last Waymark process, and only that one lets SQLite delete the log.
//! - byte 1, **transactions**: exclusive while a process opens, writes or closes the library,
//!   shared while it reads. Waymark processes never interleave, whatever happened to SQLite's
//!   POSIX locks.
//!
//! Within one process SQLite coordinates its connections itself, so all the process's users of
//! a library share one descriptor and one lock state, kept in `OPEN_LOCKS`.

use crate::sys::{try_lock_byte, LockKind};
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::{Duration, Instant};

const PRESENCE: i64 = 0;
const TRANSACTIONS: i64 = 1;

/// The sidecar lock file of a library.
pub(crate) fn lock_path(library: &Path) -> PathBuf {
    let mut name = library.as_os_str().to_owned();
    name.push("-lock");
    PathBuf::from(name)
}

/// Why a lock could not be had.
#[derive(Debug)]
pub(crate) enum LockError {
    /// Another process held it for longer than the timeout.
    Busy,
    Io(io::Error),
}

impl From<io::Error> for LockError {
    fn from(error: io::Error) -> Self {
        LockError::Io(error)
    }
}

/// One process's hold on a library's lock file, shared by all its users of that library.
pub(crate) struct LibraryLock {
    path: PathBuf,
    key: (u64, u64),
    file: File,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    users: usize,
    readers: usize,
    writers: usize,
    held: LockKind,
}

static OPEN_LOCKS: Mutex<Vec<Weak<LibraryLock>>> = Mutex::new(Vec::new());

fn file_key(metadata: &std::fs::Metadata) -> (u64, u64) {
    (metadata.dev(), metadata.ino())
}

/// Retries `attempt` until it succeeds or `timeout` has passed.
fn wait_for(
    timeout: Duration,
    mut attempt: impl FnMut() -> io::Result<bool>,
) -> Result<(), LockError> {
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        if attempt()? {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(LockError::Busy);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

impl LibraryLock {
    /// Joins this process's hold on the library's lock file, creating the file if needed.
    pub(crate) fn join(library: &Path, timeout: Duration) -> Result<Arc<LibraryLock>, LockError> {
        let path = lock_path(library);
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)?;
            let key = file_key(&file.metadata()?);
            let mut open_locks = OPEN_LOCKS.lock().unwrap_or_else(PoisonError::into_inner);
            open_locks.retain(|lock| lock.strong_count() > 0);
            if let Some(lock) = open_locks
                .iter()
                .filter_map(Weak::upgrade)
                .find(|lock| lock.key == key)
            {
                lock.lock_state().users += 1;
                return Ok(lock);
            }
            wait_for(timeout, || try_lock_byte(&file, PRESENCE, LockKind::Shared))?;
            // The last user of the library removes the lock file when it closes; a file that
            // was removed while this process waited is not the one others lock now.
            match std::fs::metadata(&path) {
                Ok(now) if file_key(&now) == key => {}
                Ok(_) => continue,
                Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
                Err(error) => return Err(error.into()),
            }
            let lock = Arc::new(LibraryLock {
                path: path.clone(),
                key,
                file,
                state: Mutex::new(State {
                    users: 1,
                    readers: 0,
                    writers: 0,
                    held: LockKind::Unlocked,
                }),
            });
            open_locks.push(Arc::downgrade(&lock));
            return Ok(lock);
        }
    }

    fn lock_state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Holds the transaction lock shared (to read) until the returned hold is dropped.
    pub(crate) fn read(self: &Arc<Self>, timeout: Duration) -> Result<Hold, LockError> {
        self.hold(Access::Read, timeout)
    }

    /// Holds the transaction lock exclusively (to open, write or close) until the hold drops.
    pub(crate) fn write(self: &Arc<Self>, timeout: Duration) -> Result<Hold, LockError> {
        self.hold(Access::Write, timeout)
    }

    fn hold(self: &Arc<Self>, access: Access, timeout: Duration) -> Result<Hold, LockError> {
        let mut state = self.lock_state();
        let wanted = match access {
            Access::Write => LockKind::Exclusive,
            Access::Read if state.held == LockKind::Exclusive => LockKind::Exclusive,
            Access::Read => LockKind::Shared,
        };
        if state.held != wanted {
            wait_for(timeout, || try_lock_byte(&self.file, TRANSACTIONS, wanted))?;
            state.held = wanted;
        }
        match access {
            Access::Read => state.readers += 1,
            Access::Write => state.writers += 1,
        }
        Ok(Hold {
            lock: Arc::clone(self),
            access,
        })
    }

    fn release(&self, access: Access) {
        let mut state = self.lock_state();
        match access {
            Access::Read => state.readers = state.readers.saturating_sub(1),
            Access::Write => state.writers = state.writers.saturating_sub(1),
        }
        let wanted = if state.writers > 0 {
            LockKind::Exclusive
        } else if state.readers > 0 {
            LockKind::Shared
        } else {
            LockKind::Unlocked
        };
        // Lowering a lock never waits; if it failed the descriptor is unusable and closing
        // it releases everything anyway.
        if wanted != state.held && try_lock_byte(&self.file, TRANSACTIONS, wanted).unwrap_or(false)
        {
            state.held = wanted;
        }
    }

    /// Leaves the library. When this was its last user in every Waymark process, removes the
    /// lock file; presence stays exclusive until the process's descriptor of it is closed.
    pub(crate) fn leave(&self) {
        // Under the list's lock, so no other thread of this process can join meanwhile.
        let mut open_locks = OPEN_LOCKS.lock().unwrap_or_else(PoisonError::into_inner);
        let mut state = self.lock_state();
        state.users = state.users.saturating_sub(1);
        if state.users > 0 {
            return;
        }
        open_locks.retain(|lock| lock.upgrade().is_some_and(|lock| lock.key != self.key));
        if try_lock_byte(&self.file, PRESENCE, LockKind::Exclusive).unwrap_or(false) {
            let _ = std::fs::remove_file(&self.path);
        }
    }

    /// Whether this process's users are the only Waymark users of the library right now.
    pub(crate) fn alone(&self) -> bool {
        let state = self.lock_state();
        state.users == 1
            && try_lock_byte(&self.file, PRESENCE, LockKind::Exclusive).unwrap_or(false)
            && try_lock_byte(&self.file, PRESENCE, LockKind::Shared).unwrap_or(false)
    }
}

#[derive(Debug, Clone, Copy)]
enum Access {
    Read,
    Write,
}

/// A held transaction lock; released when dropped.
pub(crate) struct Hold {
    lock: Arc<LibraryLock>,
    access: Access,
}

impl Drop for Hold {
    fn drop(&mut self) {
        self.lock.release(self.access);
    }
}
