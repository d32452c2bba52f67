//! Importing files as maps and exporting maps as files.

use crate::error::AppError;
use crate::state::Library;
use std::path::{Path, PathBuf};
use tauri::State;
use waymark_core::{JourneyMap, MapId};
use waymark_library::{ImportCheck, ImportRequest, ReadFile};
use waymark_store::StoreError;
use waymark_system::now;

/// Reads files for import on a blocking thread, without holding the library.
async fn read_files(paths: Vec<PathBuf>) -> Result<Vec<ReadFile>, AppError> {
    super::off_thread(move || {
        Ok(paths
            .iter()
            .map(|path| waymark_library::read_for_import(path, None))
            .collect())
    })
    .await
}

#[tauri::command]
pub async fn check_import(
    library: State<'_, Library>,
    paths: Vec<String>,
) -> Result<Vec<ImportCheck>, AppError> {
    let files = read_files(paths.into_iter().map(PathBuf::from).collect()).await?;
    library
        .run(move |store| waymark_library::check_import(store, files))
        .await
}

/// Imports files that `check_import` accepted. Every file is read again and checked before
/// anything is written (it may have changed since); then every new map and every replacement
/// lands in one transaction, all or nothing. Returns the ids of the maps that received them.
#[tauri::command]
pub async fn import_files(
    library: State<'_, Library>,
    requests: Vec<ImportRequest>,
) -> Result<Vec<MapId>, AppError> {
    let paths = requests.iter().map(|r| PathBuf::from(&r.path)).collect();
    let files = read_files(paths).await?;
    let targets = requests.into_iter().map(|r| r.replace);
    let files: Vec<_> = files.into_iter().zip(targets).collect();
    library
        .run(move |store| waymark_library::import(store, files))
        .await
}

/// Writes the map the UI holds to a JSON file: the way out when the library can no longer
/// be written (moved, deleted), so that nothing typed is lost.
#[tauri::command]
pub async fn save_map_copy(map: JourneyMap, path: String) -> Result<(), AppError> {
    super::off_thread(move || {
        let map = waymark_core::rebuild(&map).map_err(|e| AppError::from(StoreError::from(e)))?;
        let target = waymark_library::Target::Text(waymark_exchange::ExportFormat::Json);
        waymark_library::export_to(&map, &target, Path::new(&path), now())?;
        Ok(())
    })
    .await
}

/// Writes a map to a file in a text format; returns what the format left out.
#[tauri::command]
pub async fn export_map(
    library: State<'_, Library>,
    map_id: MapId,
    format: String,
    path: String,
) -> Result<Vec<String>, AppError> {
    let format = waymark_exchange::ExportFormat::parse(&format).ok_or_else(|| AppError {
        code: crate::error::ErrorCode::InvalidOperation,
        message: format!("Waymark cannot export to \"{format}\"; choose JSON, CSV or Mermaid."),
    })?;
    if format == waymark_exchange::ExportFormat::Json {
        // A Waymark file says which version of the map it is; that version is recorded once
        // the file is written.
        let (map, target) = library
            .run(move |store| waymark_library::shared_export(store, &map_id))
            .await?;
        let file = PathBuf::from(&path);
        let (map, target) = super::off_thread(move || {
            waymark_library::export_to(&map, &target, &file, now())?;
            Ok((map, target))
        })
        .await?;
        library
            .run(move |store| {
                waymark_library::remember_export(store, &map, &target, Path::new(&path))
            })
            .await?;
        return Ok(Vec::new());
    }
    let map = library.run(move |store| store.read_map(&map_id)).await?;
    super::off_thread(move || {
        let target = waymark_library::Target::Text(format);
        let exported = waymark_library::export_to(&map, &target, Path::new(&path), now())?;
        Ok(exported.warnings)
    })
    .await
}
