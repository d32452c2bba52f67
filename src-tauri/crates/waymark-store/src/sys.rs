//! The few system and SQLite calls that have no safe wrapper. Each function here is safe to
//! call; the `unsafe` blocks only pass valid pointers that live for the duration of the call.
#![allow(unsafe_code)]

use rusqlite::{ffi, Connection};
use std::ffi::CString;
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Keeps (or stops keeping) the write-ahead log when this connection closes. With it kept, a
/// connection that believes it is the library's last never unlinks a log another process is
/// still writing into (see `guard.rs`).
pub(crate) fn set_persist_wal(conn: &Connection, keep: bool) -> rusqlite::Result<()> {
    let mut flag: std::os::raw::c_int = keep.into();
    let main = c"main";
    // SAFETY: the handle is this open connection's; `main` and `flag` outlive the call, and
    // SQLITE_FCNTL_PERSIST_WAL reads and writes exactly one int through the pointer.
    let code = unsafe {
        ffi::sqlite3_file_control(
            conn.handle(),
            main.as_ptr(),
            ffi::SQLITE_FCNTL_PERSIST_WAL,
            std::ptr::from_mut(&mut flag).cast(),
        )
    };
    if code == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(
            ffi::Error::new(code),
            Some("the write-ahead log could not be kept".to_owned()),
        ))
    }
}

/// The kind of open-file-description lock to place on a byte of a lock file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LockKind {
    Shared,
    Exclusive,
    Unlocked,
}

/// Places (or removes) an open-file-description lock on one byte of `file`, without waiting.
/// Returns `Ok(false)` when another open file description holds a conflicting lock.
///
/// Unlike the POSIX locks SQLite uses, these belong to the open file description: no `close()`
/// of another descriptor of the same file, in this process or any other, releases them.
pub(crate) fn try_lock_byte(file: &File, byte: i64, kind: LockKind) -> io::Result<bool> {
    let l_type = match kind {
        LockKind::Shared => libc::F_RDLCK,
        LockKind::Exclusive => libc::F_WRLCK,
        LockKind::Unlocked => libc::F_UNLCK,
    };
    // SAFETY: `flock` is plain data; zeroed is a valid value that the fields below complete.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = l_type as libc::c_short;
    lock.l_whence = libc::SEEK_SET as libc::c_short;
    lock.l_start = byte;
    lock.l_len = 1;
    // SAFETY: the descriptor is open for the life of `file`, and `lock` outlives the call.
    let result = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_OFD_SETLK, &lock) };
    if result == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::EAGAIN | libc::EACCES) => Ok(false),
        _ => Err(error),
    }
}

fn c_path(path: &Path) -> io::Result<CString> {
    CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "the path holds a NUL byte"))
}

/// Whether this process may read and write `path` (a file, or a folder to create files in),
/// asked of the kernel by path so that no descriptor is opened and closed.
pub(crate) fn can_write(path: &Path) -> io::Result<bool> {
    // A folder must also be searchable to create files in it.
    let mode = if path.is_dir() {
        libc::R_OK | libc::W_OK | libc::X_OK
    } else {
        libc::R_OK | libc::W_OK
    };
    let path = c_path(path)?;
    // SAFETY: `path` is a valid NUL-terminated string for the duration of the call.
    let result = unsafe { libc::access(path.as_ptr(), mode) };
    if result == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::EACCES | libc::EROFS | libc::EPERM) => Ok(false),
        _ => Err(error),
    }
}

/// Grows the file at `path` to `len` bytes, by path, so that no descriptor of it is opened and
/// closed in this process (which would drop the locks SQLite holds on it).
pub(crate) fn grow_by_path(path: &Path, len: u64) -> io::Result<()> {
    let path = c_path(path)?;
    let len = libc::off_t::try_from(len)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "the size is too large"))?;
    // SAFETY: `path` is a valid NUL-terminated string for the duration of the call.
    let result = unsafe { libc::truncate(path.as_ptr(), len) };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// What the file system holding `path` is and how much room it has left.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileSystem {
    /// The `f_type` magic number of `statfs`.
    pub kind: i64,
    /// Bytes an unprivileged writer may still use.
    pub available: u64,
}

/// Looks up the file system of `path` (which must exist).
pub(crate) fn file_system(path: &Path) -> io::Result<FileSystem> {
    let c_path = c_path(path)?;
    // SAFETY: `statfs` is plain data, filled by the call; `c_path` outlives it.
    let mut stats: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let result = unsafe { libc::statfs(c_path.as_ptr(), &mut stats) };
    if result != 0 {
        return Err(io::Error::last_os_error());
    }
    #[allow(clippy::useless_conversion, clippy::unnecessary_cast)] // the types vary by target
    Ok(FileSystem {
        kind: i64::from(stats.f_type as i64),
        available: u64::from(stats.f_bavail as u64).saturating_mul(stats.f_bsize as u64),
    })
}
