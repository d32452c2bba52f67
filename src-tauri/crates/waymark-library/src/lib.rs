//! What a user does with the map library, as plain functions that the app's commands and
//! `waymark-cli` both call: open it (or learn that it vanished), import files all or nothing,
//! and keep, list and restore backups. No Tauri here.

mod backups;
mod error;
mod export;
mod import;
mod known;
mod merge;

pub use backups::{
    backup_if_due, backup_now, list_backups, restore, BackupListing, Restored, KEPT_BACKUPS,
};
pub use error::{LibraryError, Result};
pub use export::{
    changes_page, export_to, remember_export, render, shared_export, Exported, PdfChoices,
    Rendered, Target,
};
pub use import::{check_import, import, read_for_import, ImportCheck, ImportRequest, ReadFile};
pub use known::KnownLibraries;
pub use merge::{ancestry, apply_merge, prefer, preview_merge, Ancestry, MergeOffer, MergePreview};

use std::path::Path;
use waymark_core::Timestamp;
use waymark_store::Store;
use waymark_system::now;

/// Opens the library at `path`. A library Waymark opened before that is no longer there is
/// reported as vanished rather than replaced by a new, empty one.
pub fn open_library(path: &Path, known: &KnownLibraries) -> Result<Store> {
    if !path.exists() {
        if let Some(last_opened) = known.last_opened(path) {
            return Err(LibraryError::Vanished {
                path: path.to_owned(),
                last_opened: day_and_time(last_opened),
            });
        }
    }
    create_library(path, known)
}

/// Opens the library at `path`, making a new, empty one if nothing is there.
pub fn create_library(path: &Path, known: &KnownLibraries) -> Result<Store> {
    let store = Store::open(path)?;
    known.remember(store.path(), now());
    Ok(store)
}

/// "23 Nov 2026, 14:05 UTC".
pub(crate) fn day_and_time(millis: Timestamp) -> String {
    let format = time::macros::format_description!(
        "[day padding:none] [month repr:short] [year], [hour]:[minute] UTC"
    );
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| "an unknown day".to_owned())
}

/// Renames a map, as one undoable edit.
pub fn rename_map(store: &mut Store, id: &waymark_core::MapId, title: &str) -> Result<()> {
    let revision = store.read_map(id)?.revision;
    let rename = waymark_core::Op::SetTitle {
        title: title.to_owned(),
    };
    store.apply_ops(id, revision, &[rename])?;
    Ok(())
}
