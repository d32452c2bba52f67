//! Versions: named moments of a map. Each holds the whole map and the ids of the versions it
//! descends from (its lineage, newest first), so that two copies of a map can find the moment
//! they share.

use crate::document::{decode, encode};
use crate::error::{Result, StoreError};
use crate::{apply_in, change_map, not_found, rows, Applied, Store};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use waymark_core::{JourneyMap, MapId, Timestamp};
use waymark_system::now;

/// How many ancestors a version (and an exported file) remembers.
pub const LINEAGE_LEN: usize = 50;
/// Automatic versions kept per map beyond those that are protected.
pub const AUTOMATIC_KEPT: usize = 30;
/// How long the version a file was exported as (or arrived as) is kept: the base a colleague's
/// copy of that file is merged against.
pub const SHARED_KEPT_DAYS: i64 = 365;

pub(crate) const NAME_MAX: usize = 120;

const NOTE_MAX: usize = 2_000;

/// How a version came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Made {
    /// Saved by hand, with a name.
    Hand,
    /// The map as it was exported to a Waymark file.
    Export,
    /// The map as it was before an import replaced it.
    Import,
    /// The map as it was before a version was restored.
    Restore,
    /// The map as it was before a colleague's copy was merged into it.
    Merge,
    /// The map as a file brought it.
    Received,
}

impl Made {
    fn as_str(self) -> &'static str {
        match self {
            Made::Hand => "hand",
            Made::Export => "export",
            Made::Import => "import",
            Made::Restore => "restore",
            Made::Merge => "merge",
            Made::Received => "received",
        }
    }

    fn parse(text: &str) -> Made {
        match text {
            "export" => Made::Export,
            "import" => Made::Import,
            "restore" => Made::Restore,
            "merge" => Made::Merge,
            "received" => Made::Received,
            _ => Made::Hand,
        }
    }
}

/// A version of a map, without the map it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Version {
    pub id: String,
    pub map_id: MapId,
    pub name: String,
    pub note: String,
    pub made: Made,
    pub created_at: Timestamp,
    pub stages: u32,
    pub lanes: u32,
    pub cards: u32,
    pub personas: u32,
    /// The versions it descends from, newest first.
    pub parents: Vec<String>,
}

/// A version to record as it is given: the version a file is (one written or one that
/// arrived), with the file's own id and lineage.
pub struct Received<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub parents: &'a [String],
    pub map: &'a JourneyMap,
}

pub(crate) const COLUMNS: &str =
    "id, map_id, name, note, made, created_at, stages, lanes, cards, personas, parents";

pub(crate) fn version_from_row(row: &Row<'_>) -> rusqlite::Result<Version> {
    let made: String = row.get(4)?;
    let parents: String = row.get(10)?;
    Ok(Version {
        id: row.get(0)?,
        map_id: MapId(row.get(1)?),
        name: row.get(2)?,
        note: row.get(3)?,
        made: Made::parse(&made),
        created_at: row.get(5)?,
        stages: row.get(6)?,
        lanes: row.get(7)?,
        cards: row.get(8)?,
        personas: row.get(9)?,
        parents: serde_json::from_str(&parents).unwrap_or_default(),
    })
}

pub(crate) fn check_words(name: &str, note: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(StoreError::BadVersion(
            "A version needs a name, such as \"Shown to the steering group\".".to_owned(),
        ));
    }
    if name.chars().count() > NAME_MAX || note.chars().count() > NOTE_MAX {
        return Err(StoreError::BadVersion(format!(
            "A version's name holds at most {NAME_MAX} characters and its note {NOTE_MAX}."
        )));
    }
    Ok(())
}

/// The ids a version made now of `map_id` descends from: the newest version and its own
/// ancestors.
pub(crate) fn lineage_in(conn: &Connection, map_id: &MapId) -> Result<Vec<String>> {
    let newest: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT id, parents FROM versions WHERE map_id = ?1
             ORDER BY created_at DESC, rowid DESC LIMIT 1",
        )?
        .query_row([map_id.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(newest.map_or_else(Vec::new, |(id, parents)| {
        let mut lineage = vec![id];
        lineage.extend(serde_json::from_str::<Vec<String>>(&parents).unwrap_or_default());
        lineage.truncate(LINEAGE_LEN);
        lineage
    }))
}

/// Writes a version of `map` and prunes the automatic versions no longer needed.
#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_version(
    conn: &Connection,
    id: &str,
    map: &JourneyMap,
    name: &str,
    note: &str,
    made: Made,
    parents: &[String],
) -> Result<Version> {
    let document = encode(map)?;
    let summary = map.summary();
    let version = Version {
        id: id.to_owned(),
        map_id: map.id.clone(),
        name: name.trim().to_owned(),
        note: note.trim().to_owned(),
        made,
        created_at: now(),
        stages: summary.stages,
        lanes: summary.lanes,
        cards: summary.cards,
        personas: summary.personas,
        parents: parents.iter().take(LINEAGE_LEN).cloned().collect(),
    };
    let parents = serde_json::to_string(&version.parents).unwrap_or_else(|_| "[]".to_owned());
    conn.prepare_cached(&format!(
        "INSERT INTO versions ({COLUMNS}, document)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    ))?
    .execute(params![
        version.id,
        version.map_id.as_str(),
        version.name,
        version.note,
        made.as_str(),
        version.created_at,
        version.stages,
        version.lanes,
        version.cards,
        version.personas,
        parents,
        document
    ])?;
    prune(conn, &map.id)?;
    Ok(version)
}

/// Keeps every version saved by hand, and of the automatic ones the newest `AUTOMATIC_KEPT`
/// and every one a file was exported as or arrived as in the last `SHARED_KEPT_DAYS`.
fn prune(conn: &Connection, map_id: &MapId) -> Result<()> {
    let shared_since = now() - SHARED_KEPT_DAYS * 24 * 60 * 60 * 1000;
    conn.prepare_cached(
        "DELETE FROM versions WHERE map_id = ?1 AND made <> 'hand'
           AND NOT (made IN ('export', 'received') AND created_at >= ?2)
           AND id NOT IN (SELECT id FROM versions WHERE map_id = ?1 AND made <> 'hand'
                          ORDER BY created_at DESC, rowid DESC LIMIT ?3)",
    )?
    .execute(params![
        map_id.as_str(),
        shared_since,
        AUTOMATIC_KEPT as i64
    ])?;
    Ok(())
}

fn read_document(conn: &Connection, map_id: &MapId, id: &str) -> Result<(Version, JourneyMap)> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}, document FROM versions WHERE map_id = ?1 AND id = ?2"
        ))?
        .query_row([map_id.as_str(), id], |row| {
            Ok((version_from_row(row)?, row.get::<_, Vec<u8>>(11)?))
        })
        .optional()?;
    let (version, document) =
        found.ok_or_else(|| StoreError::VersionNotFound { id: id.to_owned() })?;
    Ok((version, decode(&document)?))
}

impl Store {
    /// Saves the map as it is now as a version; its lineage is the map's newest version and
    /// that version's ancestors.
    pub fn save_version(
        &mut self,
        map_id: &MapId,
        name: &str,
        note: &str,
        made: Made,
    ) -> Result<Version> {
        check_words(name, note)?;
        let cached = self.open_map.clone().filter(|m| &m.id == map_id);
        self.db.write(|tx| {
            let map = current_map(tx, map_id, cached)?;
            let parents = lineage_in(tx, map_id)?;
            insert_version(
                tx,
                &waymark_core::new_id(),
                &map,
                name,
                note,
                made,
                &parents,
            )
        })
    }

    /// Records the version of a map that a file is (`Made::Export`) or brought
    /// (`Made::Received`), under the file's version id and lineage, so both copies hold the
    /// moment they share.
    pub fn record_version(
        &mut self,
        map_id: &MapId,
        received: &Received<'_>,
        made: Made,
    ) -> Result<Version> {
        check_words(received.name, "")?;
        let map = JourneyMap {
            id: map_id.clone(),
            ..received.map.clone()
        };
        self.db.write(|tx| {
            let exists: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM maps WHERE id = ?1)")?
                .query_row([map_id.as_str()], |r| r.get(0))?;
            if !exists {
                return Err(not_found(map_id));
            }
            // The same file imported twice gives two maps; the version id stays the file's
            // in the first, and a fresh one (with the file's id first in its lineage) after.
            let taken: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM versions WHERE id = ?1)")?
                .query_row([received.id], |r| r.get(0))?;
            let (id, parents) = if taken {
                let mut parents = vec![received.id.to_owned()];
                parents.extend(received.parents.iter().cloned());
                (waymark_core::new_id(), parents)
            } else {
                (received.id.to_owned(), received.parents.to_vec())
            };
            insert_version(tx, &id, &map, received.name, "", made, &parents)
        })
    }

    /// The versions of a map, newest first.
    pub fn list_versions(&self, map_id: &MapId) -> Result<Vec<Version>> {
        self.db.read(|conn| {
            let versions = conn
                .prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM versions WHERE map_id = ?1
                     ORDER BY created_at DESC, rowid DESC"
                ))?
                .query_map([map_id.as_str()], version_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(versions)
        })
    }

    /// A version and the map it holds.
    pub fn read_version(&self, map_id: &MapId, id: &str) -> Result<(Version, JourneyMap)> {
        self.db.read(|conn| read_document(conn, map_id, id))
    }

    /// The ids a version saved now would descend from: what an exported file carries.
    pub fn lineage(&self, map_id: &MapId) -> Result<Vec<String>> {
        self.db.read(|conn| lineage_in(conn, map_id))
    }

    /// Renames a version and rewrites its note.
    pub fn rename_version(
        &mut self,
        map_id: &MapId,
        id: &str,
        name: &str,
        note: &str,
    ) -> Result<()> {
        check_words(name, note)?;
        let changed = self.db.write(|tx| {
            Ok(tx
                .prepare_cached(
                    "UPDATE versions SET name = ?3, note = ?4 WHERE map_id = ?1 AND id = ?2",
                )?
                .execute(params![map_id.as_str(), id, name.trim(), note.trim()])?)
        })?;
        if changed == 0 {
            return Err(StoreError::VersionNotFound { id: id.to_owned() });
        }
        Ok(())
    }

    /// Deletes a version.
    pub fn delete_version(&mut self, map_id: &MapId, id: &str) -> Result<()> {
        let deleted = self.db.write(|tx| {
            Ok(tx
                .prepare_cached("DELETE FROM versions WHERE map_id = ?1 AND id = ?2")?
                .execute(params![map_id.as_str(), id])?)
        })?;
        if deleted == 0 {
            return Err(StoreError::VersionNotFound { id: id.to_owned() });
        }
        Ok(())
    }

    /// Makes the map what the version holds, as one undoable step, after saving the map as
    /// it is now as a version ("Before restoring …").
    pub fn restore_version(&mut self, map_id: &MapId, id: &str) -> Result<Applied> {
        let cached = self.open_map.take();
        let (applied, map) = self.db.write(|tx| {
            let (version, target) = read_document(tx, map_id, id)?;
            let before = current_map(tx, map_id, cached.clone())?;
            let name = format!("Before restoring “{}”", version.name);
            replace_after_version(tx, before, &name, Made::Restore, &target)
        })?;
        self.open_map = Some(map);
        Ok(applied)
    }
}

/// Saves `before` (the map as stored) as a version named `name`, then makes the map what
/// `target` holds as one undoable step.
pub(crate) fn replace_after_version(
    tx: &Connection,
    before: JourneyMap,
    name: &str,
    made: Made,
    target: &JourneyMap,
) -> Result<(Applied, JourneyMap)> {
    let map_id = before.id.clone();
    let parents = lineage_in(tx, &map_id)?;
    let name: String = name.chars().take(NAME_MAX).collect();
    insert_version(
        tx,
        &waymark_core::new_id(),
        &before,
        &name,
        "",
        made,
        &parents,
    )?;
    change_map(tx, &map_id, Some(before), |tx, map| {
        let target = JourneyMap {
            id: map.id.clone(),
            ..target.clone()
        };
        let ops = waymark_core::diff::changes_to_ops(map, &target);
        if ops.is_empty() {
            return Ok(());
        }
        apply_in(tx, map, &ops)
    })
}

/// The map as stored now (the cached copy when it is current).
pub(crate) fn current_map(
    conn: &Connection,
    map_id: &MapId,
    cached: Option<JourneyMap>,
) -> Result<JourneyMap> {
    let revision: Option<i64> = conn
        .prepare_cached("SELECT revision FROM maps WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([map_id.as_str()], |r| r.get(0))
        .optional()?;
    let revision = revision.ok_or_else(|| not_found(map_id))?;
    match cached {
        Some(map) if &map.id == map_id && map.revision == revision => Ok(map),
        _ => rows::load_map(conn, map_id)?.ok_or_else(|| not_found(map_id)),
    }
}

#[cfg(test)]
#[path = "versions_tests.rs"]
mod tests;
