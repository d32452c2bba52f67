//! Commands of the merge view: what merging a colleague's copy into a map would do, and
//! applying it as one undoable step.

use crate::error::AppError;
use crate::state::Library;
use std::path::PathBuf;
use tauri::State;
use waymark_core::merge::Choices;
use waymark_core::MapId;
use waymark_library::MergePreview;
use waymark_store::Applied;

/// What merging the file into the map would do, with the conflicts decided by `choices`
/// (mine where none is made). Writes nothing.
#[tauri::command]
pub async fn preview_merge(
    library: State<'_, Library>,
    map_id: MapId,
    path: String,
    choices: Choices,
) -> Result<MergePreview, AppError> {
    library
        .run(move |store| {
            waymark_library::preview_merge(store, &PathBuf::from(path), &map_id, &choices)
        })
        .await
}

/// Merges the file into the map as previewed at `revision`, as one undoable step, after
/// saving the map as a version.
#[tauri::command]
pub async fn apply_merge(
    library: State<'_, Library>,
    map_id: MapId,
    path: String,
    choices: Choices,
    revision: i64,
) -> Result<Applied, AppError> {
    library
        .run(move |store| {
            let path = PathBuf::from(path);
            waymark_library::apply_merge(store, &path, &map_id, &choices, revision)
                .map(|(applied, _)| applied)
        })
        .await
}
