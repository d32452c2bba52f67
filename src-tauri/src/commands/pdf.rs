//! PDF export: a preview of the page split, the export itself, and opening the result.

use super::off_thread;
use crate::error::AppError;
use crate::state::Library;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use waymark_core::{JourneyMap, LaneId, MapId, PersonaId};
use waymark_pdf::{LayoutMode, Orientation, PdfOptions};
use waymark_system::now;

/// The export dialog's choices.
#[derive(Debug, Deserialize)]
pub struct PdfChoices {
    /// `a4`, `a3`, `letter`, `tabloid` or `WIDTHxHEIGHTmm`.
    pub page: String,
    pub portrait: bool,
    pub tiles: bool,
    pub lanes: Option<Vec<LaneId>>,
    pub personas: Option<Vec<PersonaId>>,
}

impl PdfChoices {
    fn options(self) -> Result<PdfOptions, AppError> {
        let orientation = if self.portrait {
            Orientation::Portrait
        } else {
            Orientation::Landscape
        };
        let page_mm =
            waymark_pdf::page_size(&self.page, orientation).map_err(|message| AppError {
                code: "invalid_operation",
                message: format!("{}.", capitalise(&message)),
            })?;
        Ok(PdfOptions {
            page_mm,
            layout: if self.tiles {
                LayoutMode::Tiles
            } else {
                LayoutMode::Fit
            },
            lanes: self.lanes,
            personas: self.personas,
        })
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A finished export.
#[derive(Debug, Serialize)]
pub struct PdfExported {
    pub path: String,
    pub pages: usize,
    pub bytes: usize,
    pub warnings: Vec<String>,
}

/// Files exported in this session: the only ones "Open PDF" may open.
#[derive(Default)]
pub struct ExportedFiles(Mutex<HashSet<PathBuf>>);

async fn load(library: &Library, map_id: MapId) -> Result<JourneyMap, AppError> {
    library
        .run(move |store| store.open_map(&map_id))
        .await
        .map(|opened| opened.map)
}

#[tauri::command]
pub async fn preview_pdf(
    library: State<'_, Library>,
    map_id: MapId,
    choices: PdfChoices,
) -> Result<waymark_pdf::Preview, AppError> {
    let map = load(&library, map_id).await?;
    let options = choices.options()?;
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
    let map = load(&library, map_id).await?;
    let options = choices.options()?;
    let target = PathBuf::from(&path);
    let written = target.clone();
    let result = off_thread(move || {
        let export = waymark_pdf::export_pdf(&map, &options, now()).map_err(AppError::internal)?;
        waymark_system::write_file_atomically(&written, &export.bytes).map_err(|e| AppError {
            code: "storage_failed",
            message: format!(
                "The PDF could not be written to {}: {e}. Choose another folder and try again.",
                written.display()
            ),
        })?;
        Ok(PdfExported {
            path,
            pages: export.pages,
            bytes: export.bytes.len(),
            warnings: export.warnings,
        })
    })
    .await?;
    exported
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(target);
    Ok(result)
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
            code: "invalid_operation",
            message: "Waymark only opens PDFs it has just exported.".to_owned(),
        });
    }
    app.opener()
        .open_path(&path, None::<&str>)
        .map_err(|e| AppError {
            code: "internal",
            message: format!("No program could open {path} ({e}). Open it from your file manager."),
        })
}
