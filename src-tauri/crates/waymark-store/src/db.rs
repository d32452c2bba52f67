//! The open library file: its connection, the lock Waymark processes share, and the check that
//! the file written is still the library at its path.

use crate::error::{Lost, Result, StoreError};
use crate::guard::{Hold, LibraryLock, LockError};
use crate::sys;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::cell::Cell;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// How long to wait for another process (the CLI, a second window) to finish its work.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A file's device and inode: what it is, whatever its name.
pub(crate) type FileKey = (u64, u64);

/// The files the connection writes, as they were when the library was opened.
#[derive(Debug)]
pub(crate) struct Identity {
    pub library: FileKey,
    pub wal: Option<FileKey>,
}

/// An open library: one SQLite connection plus what keeps its writes where the user expects.
pub(crate) struct Db {
    // Field order matters: the connection closes before the hold on the lock is released.
    conn: Connection,
    place: Place,
    busy_timeout: Duration,
    closing: Option<Hold>,
    lock: Option<Member>,
}

/// This user's membership of the library's lock; leaving happens when it is dropped, after
/// the connection has closed.
pub(crate) struct Member(pub Arc<LibraryLock>);

impl Drop for Member {
    fn drop(&mut self) {
        self.0.leave();
    }
}

pub(crate) fn file_key(path: &Path) -> std::io::Result<FileKey> {
    std::fs::metadata(path).map(|m| (m.dev(), m.ino()))
}

pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

impl Db {
    /// A connection on a file, already checked and migrated by `open.rs`.
    pub(crate) fn new(
        conn: Connection,
        path: PathBuf,
        identity: Option<Identity>,
        lock: Option<Member>,
    ) -> Db {
        Db {
            conn,
            place: Place {
                path,
                identity,
                lost: Cell::new(None),
            },
            busy_timeout: BUSY_TIMEOUT,
            closing: None,
            lock,
        }
    }

    /// The same, as a member of the library's lock (joined before it was opened).
    pub(crate) fn with_member(mut self, member: Member) -> Db {
        self.lock = Some(member);
        self
    }

    pub(crate) fn path(&self) -> &Path {
        &self.place.path
    }

    /// How long reads and writes wait for other processes before giving up.
    pub(crate) fn set_busy_timeout(&mut self, timeout: Duration) -> Result<()> {
        self.busy_timeout = timeout;
        self.conn.busy_timeout(timeout)?;
        Ok(())
    }

    /// Runs `work` in a read transaction.
    pub(crate) fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let _hold = self.hold(LibraryLock::read)?;
        self.place.check()?;
        work(&self.conn).map_err(|error| self.place.explain(error))
    }

    /// Runs `work` in one immediate transaction and commits it, but only while the file written
    /// is still the library at its path: otherwise nothing is acknowledged.
    pub(crate) fn write<T>(&mut self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let _hold = self.hold(LibraryLock::write)?;
        let place = &self.place;
        place.check()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|error| place.explain(error.into()))?;
        let value = work(&tx).map_err(|error| place.explain(error))?;
        // Not acknowledged unless the file written is still the library at its path.
        place.check()?;
        tx.commit().map_err(|error| place.explain(error.into()))?;
        Ok(value)
    }

    fn hold(
        &self,
        take: fn(&Arc<LibraryLock>, Duration) -> Result<Hold, LockError>,
    ) -> Result<Option<Hold>> {
        if let Some(lost) = self.place.lost.get() {
            return Err(StoreError::LibraryMoved {
                path: self.place.path.clone(),
                lost,
            });
        }
        match &self.lock {
            None => Ok(None),
            Some(Member(lock)) => match take(lock, self.busy_timeout) {
                Ok(hold) => Ok(Some(hold)),
                Err(LockError::Busy) => Err(StoreError::Busy),
                Err(LockError::Io(error)) => Err(StoreError::LockFile {
                    path: crate::guard::lock_path(&self.place.path),
                    reason: error.to_string(),
                }),
            },
        }
    }
}

/// Where the library is, what it was when opened, and whether it has been lost since.
struct Place {
    path: PathBuf,
    identity: Option<Identity>,
    lost: Cell<Option<Lost>>,
}

impl Place {
    /// Refuses to go on when the library's file is no longer the one at its path (moved,
    /// deleted, replaced, its drive gone) or its write-ahead log was removed by another program.
    /// Two `stat` calls: cheap enough before every transaction.
    fn check(&self) -> Result<()> {
        let Some(identity) = &self.identity else {
            return Ok(());
        };
        let lost = match file_key(&self.path) {
            Ok(key) if key == identity.library => {
                match (identity.wal, file_key(&sibling(&self.path, "-wal"))) {
                    (Some(wal), Ok(now)) if wal != now => Some(Lost::LogRemoved),
                    (Some(_), Err(_)) => Some(Lost::LogRemoved),
                    _ => None,
                }
            }
            Ok(_) => Some(Lost::Replaced),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Some(Lost::Missing),
            Err(_) => Some(Lost::Unreachable),
        };
        match lost {
            None => Ok(()),
            Some(lost) => {
                self.lost.set(Some(lost));
                Err(StoreError::LibraryMoved {
                    path: self.path.clone(),
                    lost,
                })
            }
        }
    }

    /// Turns an I/O failure into what the user can act on: the library is gone, or the disk
    /// is full.
    fn explain(&self, error: StoreError) -> StoreError {
        let StoreError::Sqlite(sqlite) = &error else {
            return error;
        };
        if !matches!(
            sqlite.sqlite_error_code(),
            Some(rusqlite::ErrorCode::SystemIoFailure | rusqlite::ErrorCode::CannotOpen)
        ) {
            return error;
        }
        if let Err(lost) = self.check() {
            return lost;
        }
        let folder = self.path.parent().unwrap_or(Path::new("/"));
        match sys::file_system(folder) {
            Ok(fs) if fs.available < crate::preflight::NEARLY_FULL => StoreError::DiskFull,
            _ => error,
        }
    }
}

impl Drop for Db {
    /// Closes the connection under the exclusive lock, keeping the write-ahead log unless this
    /// is the library's last Waymark user (and never when the file at the path is not ours).
    fn drop(&mut self) {
        let Some(Member(lock)) = &self.lock else {
            return;
        };
        self.closing = lock.write(self.busy_timeout).ok();
        let ours = self.place.lost.get().is_none() && self.place.check().is_ok();
        let last = self.closing.is_some() && ours && lock.alone();
        let _ = sys::set_persist_wal(&self.conn, !last);
        // Then the fields drop in order: the connection closes, `closing` is released, and
        // the membership leaves.
    }
}
