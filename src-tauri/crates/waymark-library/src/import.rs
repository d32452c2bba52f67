//! Importing files as maps: every file is read and checked before the library is touched, and
//! what is imported lands in one transaction, all or nothing.

use crate::error::{LibraryError, Result};
use crate::merge::{ancestry, Ancestry, MergeOffer};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use waymark_core::{CheckedMap, MapId, MapSummary};
use waymark_exchange::{FileFormat, Imported};
use waymark_store::{Made, Received, Store};
use waymark_system::now;

/// A file read for import: the map it holds, or one line a problem.
pub struct ReadFile {
    pub path: PathBuf,
    pub outcome: std::result::Result<Imported, Vec<String>>,
}

/// What importing one file would do, shown before anything is written.
#[derive(Debug, Serialize, ts_rs::TS)]
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
    /// The map the file can be merged into: it holds a version the file descends from.
    pub merge: Option<MergeOffer>,
    /// Why the file cannot be merged (it is a version the library already has, or its map
    /// is in the Trash).
    pub merge_refused: Option<String>,
}

/// One file to import: as a new map, or replacing a map of the library.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct ImportRequest {
    pub path: String,
    pub replace: Option<MapId>,
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads and checks a file (in `format`, or the one its content shows). New maps count as
/// changed now, so they show first in the library. Touches no library.
pub fn read_for_import(path: &Path, format: Option<FileFormat>) -> ReadFile {
    let outcome = waymark_exchange::import_file(path, format, now())
        .map(|imported| Imported {
            map: imported.map.changed_at(now()),
            ..imported
        })
        .map_err(|refused| refused.problems.iter().map(ToString::to_string).collect());
    ReadFile {
        path: path.to_owned(),
        outcome,
    }
}

/// What importing each file would do, against the library's maps.
pub fn check_import(store: &Store, files: Vec<ReadFile>) -> Result<Vec<ImportCheck>> {
    let maps = store.list_maps()?;
    files
        .into_iter()
        .map(|file| {
            let mut check = ImportCheck {
                file_name: file_name(&file.path),
                path: file.path.display().to_string(),
                map: None,
                warnings: Vec::new(),
                problems: Vec::new(),
                existing: None,
                merge: None,
                merge_refused: None,
            };
            match file.outcome {
                Ok(imported) => {
                    let source = imported.source_map_id.as_ref();
                    check.existing = maps.iter().find(|m| Some(&m.id) == source).cloned();
                    match ancestry(store, &imported, &check.file_name)? {
                        Ancestry::Common(found) => {
                            check.merge =
                                maps.iter()
                                    .find(|m| m.id == found.version.map_id)
                                    .map(|map| MergeOffer {
                                        map: map.clone(),
                                        base_name: found.version.name.clone(),
                                        base_created_at: found.version.created_at,
                                    });
                        }
                        Ancestry::Refused(why) => check.merge_refused = Some(why),
                        Ancestry::Unknown => {}
                    }
                    check.map = Some(imported.map.summary());
                    check.warnings = imported.warnings;
                }
                Err(problems) => check.problems = problems,
            }
            Ok(check)
        })
        .collect()
}

/// Imports files that were read, all or nothing, in one transaction: each as a new map, or
/// as one undoable step of the map it replaces (saved first as a version, "Before importing
/// …"). A Waymark file that says which version it is becomes a version of the map it lands
/// in, so both copies hold the moment they share. Returns the ids of the maps that received
/// them.
pub fn import(store: &mut Store, files: Vec<(ReadFile, Option<MapId>)>) -> Result<Vec<MapId>> {
    let mut new_maps: Vec<CheckedMap> = Vec::new();
    let mut replacements: Vec<(MapId, CheckedMap)> = Vec::new();
    let mut ids = Vec::new();
    let mut received = Vec::new();
    for (file, replace) in files {
        let name = file_name(&file.path);
        let imported = file.outcome.map_err(|problems| LibraryError::InvalidFile {
            file: name.clone(),
            problems: problems.join("; "),
        })?;
        let target = replace.clone().unwrap_or_else(|| imported.map.id.clone());
        if let Some(lineage) = &imported.lineage {
            received.push((
                target.clone(),
                name.clone(),
                lineage.clone(),
                imported.map.clone(),
            ));
        }
        match replace {
            Some(target) => {
                let before = format!("Before importing {name}");
                store.save_version(&target, &short(&before), "", Made::Import)?;
                ids.push(target.clone());
                replacements.push((target, imported.map));
            }
            None => {
                ids.push(imported.map.id.clone());
                new_maps.push(imported.map);
            }
        }
    }
    store.import_maps(&new_maps, &replacements)?;
    for (map_id, file, lineage, map) in received {
        let name = short(&format!("Received as {file}"));
        let version = Received {
            id: &lineage.version,
            name: &name,
            parents: &lineage.ancestors,
            map: &map,
        };
        store.record_version(&map_id, &version, Made::Received)?;
    }
    Ok(ids)
}

/// A version's name, within its length.
pub(crate) fn short(name: &str) -> String {
    name.chars().take(120).collect()
}
