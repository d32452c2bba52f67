//! Importing files as maps and exporting maps as files.

use crate::error::AppError;
use crate::state::Library;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tauri::State;
use waymark_core::{JourneyMap, MapId, MapSummary};
use waymark_exchange::Imported;
use waymark_store::{now, StoreError};

/// What importing one file would do, shown before anything is written.
#[derive(Debug, Serialize)]
pub struct ImportCheck {
    pub path: String,
    pub file_name: String,
    /// The map the file holds, when it can be imported.
    pub map: Option<MapSummary>,
    pub warnings: Vec<String>,
    /// Why the file cannot be imported, one line a problem; empty when it can.
    pub problems: Vec<String>,
    /// The library's map this file was exported from, if it is still there.
    pub existing: Option<MapSummary>,
}

/// One file to import: as a new map, or replacing a map of the library.
#[derive(Debug, Deserialize)]
pub struct ImportRequest {
    pub path: String,
    pub replace: Option<MapId>,
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads a file for import; new maps count as changed now, so they show first in the library.
fn read(path: &Path) -> Result<Imported, Vec<String>> {
    let mut imported = waymark_exchange::import_file(path, None, now()).map_err(|refused| {
        refused
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    })?;
    imported.map.updated_at = now();
    Ok(imported)
}

#[tauri::command]
pub async fn check_import(
    library: State<'_, Library>,
    paths: Vec<String>,
) -> Result<Vec<ImportCheck>, AppError> {
    library
        .run(move |store| {
            let maps = store.list_maps()?;
            let mut checks = Vec::new();
            for path in paths {
                let file = PathBuf::from(&path);
                let mut check = ImportCheck {
                    file_name: file_name(&file),
                    path,
                    map: None,
                    warnings: Vec::new(),
                    problems: Vec::new(),
                    existing: None,
                };
                match read(&file) {
                    Ok(imported) => {
                        let source = imported.source_map_id.as_ref();
                        check.existing = maps.iter().find(|m| Some(&m.id) == source).cloned();
                        check.map = Some(imported.map.summary());
                        check.warnings = imported.warnings;
                    }
                    Err(problems) => check.problems = problems,
                }
                checks.push(check);
            }
            Ok::<_, StoreError>(checks)
        })
        .await
}

/// Imports files that `check_import` accepted. Every file is read again and checked before
/// anything is written; new maps go in together, in one transaction, and each replacement is
/// one undoable step of its map. Returns the ids of the maps that received the files.
#[tauri::command]
pub async fn import_files(
    library: State<'_, Library>,
    requests: Vec<ImportRequest>,
) -> Result<Vec<MapId>, AppError> {
    library
        .run(move |store| {
            let mut read_maps: Vec<(Option<MapId>, JourneyMap)> = Vec::new();
            for request in &requests {
                let path = PathBuf::from(&request.path);
                let imported = read(&path).map_err(|problems| AppError {
                    code: "invalid_file",
                    message: format!(
                        "{} cannot be imported: {}",
                        file_name(&path),
                        problems.join("; ")
                    ),
                })?;
                read_maps.push((request.replace.clone(), imported.map));
            }
            let new_maps: Vec<JourneyMap> = read_maps
                .iter()
                .filter(|(r, _)| r.is_none())
                .map(|(_, m)| m.clone())
                .collect();
            store.insert_maps(&new_maps)?;
            let mut ids = Vec::new();
            for (replace, map) in read_maps {
                match replace {
                    Some(target) => {
                        store.replace_map(&target, &map)?;
                        ids.push(target);
                    }
                    None => ids.push(map.id),
                }
            }
            Ok::<_, AppError>(ids)
        })
        .await
}

#[tauri::command]
pub async fn export_map(
    library: State<'_, Library>,
    map_id: MapId,
    format: String,
    path: String,
) -> Result<(), AppError> {
    library
        .run(move |store| {
            let map = store.open_map(&map_id)?.map;
            let format =
                waymark_exchange::ExportFormat::parse(&format).ok_or_else(|| AppError {
                    code: "invalid_operation",
                    message: format!(
                        "Waymark cannot export to \"{format}\"; choose JSON, CSV or Mermaid."
                    ),
                })?;
            let text = waymark_exchange::export(&map, format, now());
            let path = PathBuf::from(path);
            waymark_exchange::write_file_atomically(&path, text.as_bytes()).map_err(|e| AppError {
                code: "storage_failed",
                message: format!(
                    "The map could not be written to {}: {e}. Choose another folder and try again.",
                    path.display()
                ),
            })
        })
        .await
}
