//! Versions from the command line: list, save and restore them, and compare any two of a
//! map, a version and a file.

use crate::args::InFormat;
use crate::output::say;
use crate::{files, open_store};
use std::path::{Path, PathBuf};
use waymark_core::{JourneyMap, MapId};
use waymark_store::{Made, Store};

pub fn list(db: Option<PathBuf>, map_id: &str, json: bool) -> Result<(), String> {
    let versions = open_store(db)?
        .list_versions(&MapId::from(map_id))
        .map_err(|e| e.to_string())?;
    if json {
        say(serde_json::to_string_pretty(&versions).map_err(|e| e.to_string())?);
        return Ok(());
    }
    for v in versions {
        say(format_args!(
            "{}  {}  {}  {}  ({} stages, {} lanes, {} cards)",
            v.id,
            waymark_exchange::format_rfc3339(v.created_at),
            made(v.made),
            v.name,
            v.stages,
            v.lanes,
            v.cards
        ));
    }
    Ok(())
}

fn made(made: Made) -> &'static str {
    match made {
        Made::Hand => "saved",
        Made::Export => "exported",
        Made::Import => "before-import",
        Made::Restore => "before-restore",
        Made::Merge => "before-merge",
        Made::Received => "received",
    }
}

pub fn save(db: Option<PathBuf>, map_id: &str, name: &str, note: &str) -> Result<(), String> {
    let version = open_store(db)?
        .save_version(&MapId::from(map_id), name, note, Made::Hand)
        .map_err(|e| e.to_string())?;
    say(version.id);
    Ok(())
}

pub fn restore(db: Option<PathBuf>, map_id: &str, version_id: &str) -> Result<(), String> {
    let applied = open_store(db)?
        .restore_version(&MapId::from(map_id), version_id)
        .map_err(|e| e.to_string())?;
    say(applied.revision);
    Ok(())
}

/// A map id, `MAP_ID@VERSION_ID` or a file, read as a map.
fn resolve(
    store: &mut Option<Store>,
    db: &Option<PathBuf>,
    what: &str,
) -> Result<JourneyMap, String> {
    let path = Path::new(what);
    if path.is_file() {
        return Ok(files::read_file(path, InFormat::Auto)?.map.into_inner());
    }
    if store.is_none() {
        *store = Some(open_store(db.clone())?);
    }
    let store = store.as_mut().ok_or("no library")?;
    match what.split_once('@') {
        Some((map_id, version_id)) => store
            .read_version(&MapId::from(map_id), version_id)
            .map(|(_, map)| map)
            .map_err(|e| e.to_string()),
        None => store
            .read_map(&MapId::from(what))
            .map_err(|e| format!("{e} (\"{what}\" is not a file either)")),
    }
}

/// Prints what changed from `a` to `b`; exits 1 when they differ, as diff(1) does.
pub fn diff(db: Option<PathBuf>, a: &str, b: &str, json: bool) -> Result<(), String> {
    let mut store = None;
    let before = resolve(&mut store, &db, a)?;
    let after = resolve(&mut store, &db, b)?;
    let comparison = waymark_core::diff::compare(&before, &after);
    if json {
        say(serde_json::to_string_pretty(&comparison.differences).map_err(|e| e.to_string())?);
    } else {
        for line in comparison.differences.iter().flat_map(|d| &d.said) {
            say(line);
        }
    }
    if !comparison.differences.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}
