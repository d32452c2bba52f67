//! PDF export: a preview of the pages, the export itself, and opening the result.

use super::off_thread;
use crate::error::AppError;
use crate::state::Library;
use serde::Serialize;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use waymark_core::MapId;
use waymark_library::{PdfChoices, Target};
use waymark_system::now;

/// A finished export.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct PdfExported {
    pub path: String,
    pub pages: usize,
    pub bytes: usize,
    pub warnings: Vec<String>,
}

/// Files exported in this session: the only ones "Open PDF" may open.
#[derive(Default)]
pub struct ExportedFiles(Mutex<HashSet<PathBuf>>);

/// The pages the choices make, drawn small, before anything is written.
#[tauri::command]
pub async fn preview_pdf(
    library: State<'_, Library>,
    map_id: MapId,
    choices: PdfChoices,
) -> Result<waymark_pdf::Preview, AppError> {
    let (map, options) = library
        .run(move |store| choices.for_map(store, &map_id))
        .await?;
    off_thread(move || Ok(waymark_pdf::preview(&map, &options))).await
}

#[tauri::command]
pub async fn export_pdf(
    library: State<'_, Library>,
    exported: State<'_, ExportedFiles>,
    map_id: MapId,
    choices: PdfChoices,
    path: String,
) -> Result<PdfExported, AppError> {
    let (map, options) = library
        .run(move |store| choices.for_map(store, &map_id))
        .await?;
    let target = Target::Pdf(options);
    let written = PathBuf::from(&path);
    let file = written.clone();
    let done =
        off_thread(move || Ok(waymark_library::export_to(&map, &target, &file, now())?)).await?;
    exported
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(written);
    Ok(PdfExported {
        path,
        pages: done.pages.unwrap_or(0),
        bytes: done.bytes,
        warnings: done.warnings,
    })
}
/// Opens a PDF this session exported in the system's PDF viewer.
#[tauri::command]
pub fn open_exported_pdf<R: Runtime>(
    app: AppHandle<R>,
    exported: State<'_, ExportedFiles>,
    path: String,
) -> Result<(), AppError> {
    let known = exported
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .contains(&PathBuf::from(&path));
    if !known {
        return Err(AppError {
            code: crate::error::ErrorCode::InvalidOperation,
            message: "Waymark only opens PDFs it has just exported.".to_owned(),
        });
    }
    app.opener()
        .open_path(&path, None::<&str>)
        .map_err(|e| AppError {
            code: crate::error::ErrorCode::Internal,
            message: format!("No program could open {path} ({e}). Open it from your file manager."),
        })
}
