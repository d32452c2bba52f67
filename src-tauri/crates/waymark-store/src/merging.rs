//! Merges and the versions they start from: finding the version a file descends from, and
//! applying a merge with the versions it records.

use crate::error::{Result, StoreError};
use crate::versions::{
    check_words, current_map, insert_version, replace_after_version, version_from_row, COLUMNS,
};
use crate::{Applied, Made, Received, Store, Version};
use rusqlite::OptionalExtension;
use waymark_core::{JourneyMap, MapId};

/// A merge to apply: the merged map, made from the map at `revision`, and the version the
/// other copy is (recorded so the next merge with that copy starts from it).
pub struct Merging<'a> {
    pub revision: i64,
    pub merged: &'a JourneyMap,
    /// What the map's version from before the merge is called ("Before merging …").
    pub before: &'a str,
    pub received: Option<Received<'a>>,
}

/// A version found by id, and whether its map is in the Trash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub version: Version,
    pub in_trash: bool,
}

impl Store {
    /// The first of `ids` (a file's version, then its ancestors, newest first) that is a
    /// version in this library.
    pub fn find_version(&self, ids: &[String]) -> Result<Option<Found>> {
        self.db.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS}, (SELECT deleted_at IS NOT NULL FROM maps WHERE id = map_id)
                 FROM versions WHERE id = ?1"
            ))?;
            for id in ids {
                let found = statement
                    .query_row([id], |row| {
                        Ok(Found {
                            version: version_from_row(row)?,
                            in_trash: row.get(11)?,
                        })
                    })
                    .optional()?;
                if found.is_some() {
                    return Ok(found);
                }
            }
            Ok(None)
        })
    }

    /// Applies a merge as one undoable step, in one transaction: the map as it was is saved
    /// as a version first, and the version the other copy is recorded. Refused, with nothing
    /// written, when the map changed since the merge was made.
    pub fn apply_merge(&mut self, map_id: &MapId, merging: &Merging<'_>) -> Result<Applied> {
        check_words(merging.before, "")?;
        let cached = self.open_map.take();
        let (applied, map) = self.db.write(|tx| {
            let before = current_map(tx, map_id, cached.clone())?;
            if before.revision != merging.revision {
                return Err(StoreError::Conflict {
                    expected: merging.revision,
                    found: before.revision,
                });
            }
            let done =
                replace_after_version(tx, before, merging.before, Made::Merge, merging.merged)?;
            if let Some(received) = &merging.received {
                let theirs = JourneyMap {
                    id: map_id.clone(),
                    ..received.map.clone()
                };
                let id = received.id;
                insert_version(
                    tx,
                    id,
                    &theirs,
                    received.name,
                    "",
                    Made::Received,
                    received.parents,
                )?;
            }
            Ok(done)
        })?;
        self.open_map = Some(map);
        Ok(applied)
    }
}
