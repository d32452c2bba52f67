//! Merging a colleague's copy of a map into the library's map: the common version is found
//! through the file's lineage, the merge is previewed with its conflicts, and applied as one
//! undoable step after the map is saved as a version.

use crate::error::{LibraryError, Result};
use crate::import::{file_name, read_for_import, short};
use serde::Serialize;
use std::path::Path;
use waymark_core::diff::{described, Difference};
use waymark_core::merge::{merge_with, two_way, Choice, Choices, Conflict};
use waymark_core::{JourneyMap, MapId, MapSummary, Timestamp};
use waymark_exchange::{Imported, Lineage};
use waymark_store::{Applied, Found, Made, Merging, Received, Store, Version};

/// The library's map a file can be merged into: the one holding the version the file
/// descends from.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct MergeOffer {
    pub map: MapSummary,
    /// The name of the version both copies share, and when it was made.
    pub base_name: String,
    pub base_created_at: Timestamp,
}

/// What a file's lineage says about merging it.
pub enum Ancestry {
    /// A version of the library's map that the file descends from.
    Common(Found),
    /// The file cannot be merged, and why.
    Refused(String),
    /// No version the file descends from is in the library (no lineage, another format, or
    /// the versions were removed): it can be compared two-way with a map.
    Unknown,
}

/// The title of a version's map, even when the map is in the Trash.
fn title_of(store: &Store, version: &Version) -> String {
    store
        .read_version(&version.map_id, &version.id)
        .map(|(_, map)| map.title)
        .unwrap_or_else(|_| version.name.clone())
}

/// Finds the version a file descends from in the library.
pub fn ancestry(store: &Store, imported: &Imported, file: &str) -> Result<Ancestry> {
    let Some(lineage) = &imported.lineage else {
        return Ok(Ancestry::Unknown);
    };
    if let Some(found) = store.find_version(std::slice::from_ref(&lineage.version))? {
        let title = title_of(store, &found.version);
        let when = crate::day_and_time(found.version.created_at);
        let message = match found.version.made {
            Made::Received => format!(
                "{file} was already merged into or imported as “{title}” on {when}: there is nothing new in it to merge."
            ),
            _ => format!(
                "{file} is the version of “{title}” exported on {when}: the map already holds all of it, so there is nothing to merge."
            ),
        };
        return Ok(Ancestry::Refused(message));
    }
    Ok(match store.find_version(&lineage.ancestors)? {
        Some(found) if found.in_trash => Ancestry::Refused(format!(
            "The map {file} comes from, “{}”, is in the Trash. Restore it from the Trash to merge this file into it, or import the file as a copy.",
            title_of(store, &found.version)
        )),
        Some(found) => Ancestry::Common(found),
        None => Ancestry::Unknown,
    })
}

/// What merging a file into a map would do, before anything is written.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct MergePreview {
    pub map_id: MapId,
    pub file_name: String,
    /// The version both copies share; none when the file is compared two-way.
    pub base: Option<Version>,
    /// The map's revision the merge was made from.
    pub revision: i64,
    /// The map once merged, with the conflicts decided as chosen.
    pub after: JourneyMap,
    /// What merging changes, in words and with the parts to mark.
    pub differences: Vec<Difference>,
    /// How many changes the merge makes to the map.
    pub applied: u32,
    pub conflicts: Vec<Conflict>,
    /// The rule the merged map would break, if any: it cannot be applied as chosen.
    pub problem: Option<String>,
}

/// A merge worked out, with what applying it records.
struct Prepared {
    preview: MergePreview,
    lineage: Option<Lineage>,
    theirs: JourneyMap,
}

fn prepare(store: &Store, path: &Path, into: &MapId, choices: &Choices) -> Result<Prepared> {
    let name = file_name(path);
    let imported =
        read_for_import(path, None)
            .outcome
            .map_err(|problems| LibraryError::InvalidFile {
                file: name.clone(),
                problems: problems.join("; "),
            })?;
    let mine = store.read_map(into)?;
    let base = match ancestry(store, &imported, &name)? {
        Ancestry::Refused(message) => return Err(LibraryError::InvalidChoice { message }),
        Ancestry::Common(found) if &found.version.map_id == into => {
            Some(store.read_version(into, &found.version.id)?)
        }
        _ => None,
    };
    let theirs = JourneyMap {
        id: mine.id.clone(),
        ..imported.map.into_inner()
    };
    let merged = match &base {
        Some((_, base)) => merge_with(base, &mine, &theirs, choices),
        None => two_way(&mine, &theirs, choices),
    };
    let applied = u32::try_from(merged.applied.len()).unwrap_or(u32::MAX);
    // The merge's own changes, in words: the merged map shares the map's ids.
    let differences = described(&mine, &merged.map, merged.applied).differences;
    Ok(Prepared {
        preview: MergePreview {
            map_id: into.clone(),
            file_name: name,
            base: base.map(|(version, _)| version),
            revision: mine.revision,
            differences,
            applied,
            after: merged.map,
            conflicts: merged.conflicts,
            problem: merged.problem,
        },
        lineage: imported.lineage,
        theirs,
    })
}

/// What merging the file at `path` into the map `into` would do, conflicts decided by
/// `choices` (mine where none is made). Writes nothing.
pub fn preview_merge(
    store: &Store,
    path: &Path,
    into: &MapId,
    choices: &Choices,
) -> Result<MergePreview> {
    prepare(store, path, into, choices).map(|prepared| prepared.preview)
}

/// The choices that decide every conflict for one side (deciding some conflicts can bring
/// others, such as the order of a stage that is kept).
pub fn prefer(store: &Store, path: &Path, into: &MapId, side: Choice) -> Result<Choices> {
    let mut choices = Choices::new();
    for _ in 0..4 {
        let preview = preview_merge(store, path, into, &choices)?;
        let open: Vec<String> = preview
            .conflicts
            .into_iter()
            .filter(|c| choices.get(&c.key) != Some(&side))
            .map(|c| c.key)
            .collect();
        if open.is_empty() {
            break;
        }
        choices.extend(open.into_iter().map(|key| (key, side)));
    }
    Ok(choices)
}

/// Merges the file at `path` into the map `into` as previewed at `revision`: the map is
/// saved as a version ("Before merging …"), the merge applied as one undoable step, and the
/// version the file is recorded, so the next merge with that copy starts from it. Nothing
/// is written when the merged map would break a rule or the map changed since.
pub fn apply_merge(
    store: &mut Store,
    path: &Path,
    into: &MapId,
    choices: &Choices,
    revision: i64,
) -> Result<(Applied, MergePreview)> {
    let prepared = prepare(store, path, into, choices)?;
    let preview = &prepared.preview;
    if let Some(problem) = &preview.problem {
        return Err(LibraryError::InvalidChoice {
            message: format!(
                "The merged map would break a rule, so nothing was merged: {problem} Choose otherwise for the conflict that causes it."
            ),
        });
    }
    let before = short(&format!("Before merging {}", preview.file_name));
    let received_name = short(&format!("Merged from {}", preview.file_name));
    let received = prepared.lineage.as_ref().map(|lineage| Received {
        id: &lineage.version,
        name: &received_name,
        parents: &lineage.ancestors,
        map: &prepared.theirs,
    });
    let merging = Merging {
        revision,
        merged: &preview.after,
        before: &before,
        received,
    };
    let applied = store.apply_merge(into, &merging)?;
    Ok((applied, prepared.preview))
}
