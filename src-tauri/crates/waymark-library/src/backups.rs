//! Rolling backups of the library: one a day while Waymark is used, the last seven kept, in a
//! `backups` folder beside the library; restoring one keeps the library it replaces aside.

use crate::error::{LibraryError, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};
use time::{Date, OffsetDateTime};
use waymark_core::Timestamp;
use waymark_store::{backups_folder, read_backup, BackupContents};

/// How many daily backups are kept.
pub const KEPT_BACKUPS: usize = 7;

/// A backup file as the restore screen and `waymark-cli` list it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupListing {
    pub path: PathBuf,
    /// The day it was made, `YYYY-MM-DD` (UTC).
    pub day: String,
    /// When it was written, in milliseconds since the epoch.
    pub written_at: Timestamp,
    /// What it holds, when it is a sound library.
    pub contents: Option<BackupContents>,
    /// Why it cannot be restored, when it cannot.
    pub problem: Option<String>,
}

/// A restored library.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Restored {
    pub contents: BackupContents,
    /// Where the library that was replaced is now, when there was one.
    pub kept_aside: Option<PathBuf>,
}

fn date_of(now: Timestamp) -> Date {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(now) * 1_000_000)
        .map(OffsetDateTime::date)
        .unwrap_or(Date::MIN)
}

fn stem(library: &Path) -> String {
    library
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".to_owned())
}

/// `backups/<library name>-YYYY-MM-DD.db`.
fn daily_path(library: &Path, day: Date) -> PathBuf {
    backups_folder(library).join(format!("{}-{day}.db", stem(library)))
}

/// The day in a daily backup's file name, if it is one of this library's.
fn day_in_name(library: &Path, name: &str) -> Option<String> {
    let day = name
        .strip_prefix(&format!("{}-", stem(library)))?
        .strip_suffix(".db")?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(day, &format).ok().map(|_| day.to_owned())
}

fn create_folder(library: &Path) -> Result<()> {
    let folder = backups_folder(library);
    std::fs::create_dir_all(&folder).map_err(|e| LibraryError::Io {
        action: format!("make the backups folder \"{}\"", folder.display()),
        reason: e.to_string(),
    })
}

/// Makes today's backup unless there is one, then keeps only the newest `KEPT_BACKUPS`.
/// Returns the new backup, if one was made.
pub fn backup_if_due(library: &Path, now: Timestamp) -> Result<Option<BackupListing>> {
    let dest = daily_path(library, date_of(now));
    if dest.exists() {
        return Ok(None);
    }
    backup_now(library, None, now).map(Some)
}

/// Makes a backup now: to `out`, or as today's daily backup (replacing one made earlier
/// today) and prunes the oldest.
pub fn backup_now(library: &Path, out: Option<&Path>, now: Timestamp) -> Result<BackupListing> {
    let day = date_of(now);
    let dest = match out {
        Some(out) => out.to_owned(),
        None => {
            create_folder(library)?;
            daily_path(library, day)
        }
    };
    let contents = waymark_store::write_backup(library, &dest)?;
    if out.is_none() {
        prune(library);
    }
    Ok(BackupListing {
        path: dest,
        day: day.to_string(),
        written_at: now,
        contents: Some(contents),
        problem: None,
    })
}

/// Deletes the daily backups beyond the newest `KEPT_BACKUPS`; other files are left alone.
fn prune(library: &Path) {
    let mut daily: Vec<(String, PathBuf)> = daily_backups(library);
    daily.sort_by(|a, b| b.0.cmp(&a.0));
    for (_, path) in daily.into_iter().skip(KEPT_BACKUPS) {
        let _ = std::fs::remove_file(path);
    }
}

/// This library's daily backups, as (day, path).
fn daily_backups(library: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(backups_folder(library)) else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let day = day_in_name(library, &path.file_name()?.to_string_lossy())?;
            Some((day, path))
        })
        .collect()
}

/// The library's backups, newest first, each with what it holds or why it cannot be used.
pub fn list_backups(library: &Path) -> Vec<BackupListing> {
    let mut listed: Vec<BackupListing> = daily_backups(library)
        .into_iter()
        .map(|(day, path)| {
            let written_at = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .and_then(|d| Timestamp::try_from(d.as_millis()).ok())
                .unwrap_or(0);
            let (contents, problem) = match read_backup(&path) {
                Ok(contents) => (Some(contents), None),
                Err(error) => (None, Some(error.to_string())),
            };
            BackupListing {
                path,
                day,
                written_at,
                contents,
                problem,
            }
        })
        .collect();
    listed.sort_by(|a, b| b.day.cmp(&a.day));
    listed
}

/// Puts `backup` in place of the library. The library it replaces (damaged or not) is kept
/// beside it as `<name>-before-restore-<time>.db`, never deleted.
pub fn restore(library: &Path, backup: &Path, now: Timestamp) -> Result<Restored> {
    let format = time::macros::format_description!("[year][month][day]-[hour][minute][second]");
    let stamp = OffsetDateTime::from_unix_timestamp_nanos(i128::from(now) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| now.to_string());
    let folder = library.parent().unwrap_or(Path::new("."));
    let aside = folder.join(format!("{}-before-restore-{stamp}.db", stem(library)));
    let existed = library.exists();
    let contents = waymark_store::restore_backup(library, backup, &aside)?;
    Ok(Restored {
        contents,
        kept_aside: existed.then_some(aside),
    })
}
