//! Commands of the map editor: every edit is a batch of operations.

use crate::error::AppError;
use crate::state::Library;
use tauri::State;
use waymark_core::{MapId, Op};
use waymark_store::{Applied, HistoryStep};

/// Applies one gesture's operations; on return they are on disk.
#[tauri::command]
pub async fn apply_ops(
    library: State<'_, Library>,
    map_id: MapId,
    base_revision: i64,
    ops: Vec<Op>,
) -> Result<Applied, AppError> {
    library
        .run(move |store| store.apply_ops(&map_id, base_revision, &ops))
        .await
}

/// Undoes the last edit; returns the operations that did it, for the canvas to apply.
#[tauri::command]
pub async fn undo(library: State<'_, Library>, map_id: MapId) -> Result<HistoryStep, AppError> {
    library.run(move |store| store.undo(&map_id)).await
}

/// Redoes the last undone edit; returns the operations that did it.
#[tauri::command]
pub async fn redo(library: State<'_, Library>, map_id: MapId) -> Result<HistoryStep, AppError> {
    library.run(move |store| store.redo(&map_id)).await
}
