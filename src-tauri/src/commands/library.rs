//! Commands of the map library screen.

use crate::error::AppError;
use crate::state::Library;
use serde::Serialize;
use tauri::State;
use waymark_core::{templates, MapId, MapSummary, Op};
use waymark_store::{OpenedMap, StoreError};

/// Where the library is and whether it can be used.
#[derive(Debug, Serialize)]
pub struct LibraryStatus {
    pub path: String,
    pub error: Option<AppError>,
}

/// A template as the "new map" dialog shows it.
#[derive(Debug, Serialize)]
pub struct TemplateInfo {
    pub name: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    pub stages: &'static [&'static str],
}

#[tauri::command]
pub fn library_status(library: State<'_, Library>) -> LibraryStatus {
    LibraryStatus {
        path: library.path().display().to_string(),
        error: library.open_error().cloned(),
    }
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
        .run(move |store| {
            let revision = store.open_map(&map_id)?.map.revision;
            store.apply_ops(&map_id, revision, &[Op::SetTitle { title }])?;
            Ok::<_, StoreError>(())
        })
        .await
}

#[tauri::command]
pub async fn duplicate_map(
    library: State<'_, Library>,
    map_id: MapId,
) -> Result<MapSummary, AppError> {
    library.run(move |store| store.duplicate_map(&map_id)).await
}

#[tauri::command]
pub async fn delete_map(library: State<'_, Library>, map_id: MapId) -> Result<(), AppError> {
    library.run(move |store| store.delete_map(&map_id)).await
}
