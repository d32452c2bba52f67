//! Commands of the map library screen.

use crate::error::AppError;
use crate::state::{Library, LibraryStatus};
use serde::Serialize;
use std::path::PathBuf;
use tauri::State;
use waymark_core::{templates, MapId, MapSummary};
use waymark_library::{BackupListing, Restored};
use waymark_store::{MapPreview, OpenedMap, SearchResults, TrashedMap};
use waymark_system::now;

/// A template as the "new map" dialog shows it.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct TemplateInfo {
    pub name: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    pub stages: &'static [&'static str],
}

#[tauri::command]
pub fn library_status(library: State<'_, Library>) -> LibraryStatus {
    library.status()
}

/// Closes the library in use and opens the one at `path`; `create` starts a new, empty one
/// there even where a library used before has vanished.
#[tauri::command]
pub async fn open_library(
    library: State<'_, Library>,
    path: String,
    create: bool,
) -> Result<LibraryStatus, AppError> {
    let (_, status) = library
        .switch(PathBuf::from(path), create, || Ok(()))
        .await?;
    Ok(status)
}

/// The backups of the library in use, newest first.
#[tauri::command]
pub async fn list_backups(library: State<'_, Library>) -> Result<Vec<BackupListing>, AppError> {
    let path = library.path();
    super::off_thread(move || Ok(waymark_library::list_backups(&path))).await
}

/// What a restore did, and the library as it is now.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct RestoreOutcome {
    pub restored: Restored,
    pub status: LibraryStatus,
}

/// Puts a backup in place of the library in use (keeping that one aside) and reopens it.
#[tauri::command]
pub async fn restore_backup(
    library: State<'_, Library>,
    backup: String,
) -> Result<RestoreOutcome, AppError> {
    let path = library.path();
    let target = path.clone();
    let (restored, status) = library
        .switch(path, false, move || {
            waymark_library::restore(&target, &PathBuf::from(backup), now()).map_err(AppError::from)
        })
        .await?;
    Ok(RestoreOutcome { restored, status })
}

#[tauri::command]
pub fn list_templates() -> Vec<TemplateInfo> {
    templates::TEMPLATES
        .iter()
        .map(|t| TemplateInfo {
            name: t.name,
            label: t.label,
            description: t.description,
            stages: t.stages,
        })
        .collect()
}

#[tauri::command]
pub async fn list_maps(library: State<'_, Library>) -> Result<Vec<MapSummary>, AppError> {
    library.run(|store| store.list_maps()).await
}

/// Searches every map out of the Trash (see `Store::search`).
#[tauri::command]
pub async fn search_library(
    library: State<'_, Library>,
    query: String,
) -> Result<SearchResults, AppError> {
    library.run(move |store| store.search(&query)).await
}

/// A miniature of each map's grid, for the library's tiles.
#[tauri::command]
pub async fn map_previews(library: State<'_, Library>) -> Result<Vec<MapPreview>, AppError> {
    library.run(|store| store.map_previews()).await
}

#[tauri::command]
pub async fn create_map(
    library: State<'_, Library>,
    template: Option<String>,
    title: String,
) -> Result<MapSummary, AppError> {
    library
        .run(move |store| store.create_map(template.as_deref(), &title))
        .await
}

#[tauri::command]
pub async fn open_map(library: State<'_, Library>, map_id: MapId) -> Result<OpenedMap, AppError> {
    library.run(move |store| store.open_map(&map_id)).await
}

/// Renames through an operation, so a rename can be undone like any edit.
#[tauri::command]
pub async fn rename_map(
    library: State<'_, Library>,
    map_id: MapId,
    title: String,
) -> Result<(), AppError> {
    library
        .run(move |store| waymark_library::rename_map(store, &map_id, &title))
        .await
}

#[tauri::command]
pub async fn duplicate_map(
    library: State<'_, Library>,
    map_id: MapId,
) -> Result<MapSummary, AppError> {
    library.run(move |store| store.duplicate_map(&map_id)).await
}

/// Moves a map to the Trash.
#[tauri::command]
pub async fn delete_map(library: State<'_, Library>, map_id: MapId) -> Result<(), AppError> {
    library.run(move |store| store.delete_map(&map_id)).await
}

#[tauri::command]
pub async fn list_trash(library: State<'_, Library>) -> Result<Vec<TrashedMap>, AppError> {
    library.run(|store| store.list_trash()).await
}

/// Takes a map out of the Trash.
#[tauri::command]
pub async fn restore_map(library: State<'_, Library>, map_id: MapId) -> Result<(), AppError> {
    library.run(move |store| store.restore_map(&map_id)).await
}

/// Deletes one map of the Trash for good, or (without an id) every one.
#[tauri::command]
pub async fn delete_forever(
    library: State<'_, Library>,
    map_id: Option<MapId>,
) -> Result<(), AppError> {
    library
        .run(move |store| match map_id {
            Some(id) => store.delete_map_forever(&id),
            None => store.empty_trash(None).map(|_| ()),
        })
        .await
}
