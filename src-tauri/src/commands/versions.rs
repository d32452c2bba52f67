//! Commands of the History panel: versions of a map, and comparing any two of the map as it
//! is, a version and a file.

use crate::error::{AppError, ErrorCode};
use crate::state::Library;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::State;
use waymark_core::diff::{align, compare, Difference};
use waymark_core::{JourneyMap, MapId};
use waymark_store::{Applied, Made, Version};

#[tauri::command]
pub async fn list_versions(
    library: State<'_, Library>,
    map_id: MapId,
) -> Result<Vec<Version>, AppError> {
    library.run(move |store| store.list_versions(&map_id)).await
}

/// Saves the map as it is now as a version named by the user.
#[tauri::command]
pub async fn save_version(
    library: State<'_, Library>,
    map_id: MapId,
    name: String,
    note: String,
) -> Result<Version, AppError> {
    library
        .run(move |store| store.save_version(&map_id, &name, &note, Made::Hand))
        .await
}

/// The map a version holds, to show it read-only.
#[tauri::command]
pub async fn open_version(
    library: State<'_, Library>,
    map_id: MapId,
    version_id: String,
) -> Result<JourneyMap, AppError> {
    library
        .run(move |store| store.read_version(&map_id, &version_id).map(|(_, map)| map))
        .await
}

#[tauri::command]
pub async fn rename_version(
    library: State<'_, Library>,
    map_id: MapId,
    version_id: String,
    name: String,
    note: String,
) -> Result<(), AppError> {
    library
        .run(move |store| store.rename_version(&map_id, &version_id, &name, &note))
        .await
}

#[tauri::command]
pub async fn delete_version(
    library: State<'_, Library>,
    map_id: MapId,
    version_id: String,
) -> Result<(), AppError> {
    library
        .run(move |store| store.delete_version(&map_id, &version_id))
        .await
}

/// Makes the map what the version holds, as one undoable step.
#[tauri::command]
pub async fn restore_version(
    library: State<'_, Library>,
    map_id: MapId,
    version_id: String,
) -> Result<Applied, AppError> {
    library
        .run(move |store| store.restore_version(&map_id, &version_id))
        .await
}

/// One side of a comparison.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Side {
    /// The map as it is now.
    Current,
    Version {
        id: String,
    },
    /// A Waymark, Mermaid or CSV file.
    File {
        path: String,
    },
}

/// Two maps and what changed from the first to the second. The second is aligned to the
/// first: its parts that match the first's by name carry the first's ids.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct Compared {
    pub before: JourneyMap,
    pub after: JourneyMap,
    pub differences: Vec<Difference>,
}

async fn side(library: &Library, map_id: &MapId, side: Side) -> Result<JourneyMap, AppError> {
    let map_id = map_id.clone();
    match side {
        Side::Current => library.run(move |store| store.read_map(&map_id)).await,
        Side::Version { id } => {
            library
                .run(move |store| store.read_version(&map_id, &id).map(|(_, map)| map))
                .await
        }
        Side::File { path } => {
            super::off_thread(move || {
                let read = waymark_library::read_for_import(&PathBuf::from(&path), None);
                read.outcome
                    .map(|imported| imported.map.into_inner())
                    .map_err(|problems| AppError {
                        code: ErrorCode::InvalidFile,
                        message: format!(
                            "{} cannot be compared: {}",
                            read.path.display(),
                            problems.join("; ")
                        ),
                    })
            })
            .await
        }
    }
}

/// What changed from `before` to `after`, each the map as it is, a version or a file.
#[tauri::command]
pub async fn compare_maps(
    library: State<'_, Library>,
    map_id: MapId,
    before: Side,
    after: Side,
) -> Result<Compared, AppError> {
    let before = side(&library, &map_id, before).await?;
    let after = side(&library, &map_id, after).await?;
    super::off_thread(move || {
        let after = align(&before, &after);
        let differences = compare(&before, &after).differences;
        Ok(Compared {
            before,
            after,
            differences,
        })
    })
    .await
}
