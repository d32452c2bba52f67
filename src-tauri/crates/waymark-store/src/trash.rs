//! The Trash: a deleted map stays, restorable, until it is deleted for good, by hand or
//! `TRASH_DAYS` later.

use crate::error::Result;
use crate::{not_found, rows, Store};
use serde::Serialize;
use waymark_core::{MapId, MapSummary, Timestamp};
use waymark_system::now;

/// How long a deleted map stays in the Trash.
pub const TRASH_DAYS: i64 = 30;

/// A map in the Trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TrashedMap {
    pub map: MapSummary,
    pub deleted_at: Timestamp,
}

impl Store {
    /// Moves a map to the Trash; `restore_map` brings it back.
    pub fn delete_map(&mut self, id: &MapId) -> Result<()> {
        let moved = self.db.write(|tx| {
            Ok(tx.execute(
                "UPDATE maps SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                rusqlite::params![id.as_str(), now()],
            )?)
        })?;
        if self.open_map.as_ref().is_some_and(|m| &m.id == id) {
            self.open_map = None;
        }
        if moved == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    /// The maps in the Trash, most recently deleted first.
    pub fn list_trash(&self) -> Result<Vec<TrashedMap>> {
        let trashed = self.db.read(rows::list_trash)?;
        Ok(trashed
            .into_iter()
            .map(|(map, deleted_at)| TrashedMap { map, deleted_at })
            .collect())
    }

    /// Takes a map out of the Trash.
    pub fn restore_map(&mut self, id: &MapId) -> Result<()> {
        let restored = self.db.write(|tx| {
            Ok(tx.execute(
                "UPDATE maps SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                [id.as_str()],
            )?)
        })?;
        if restored == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    /// Deletes a map in the Trash for good, its history with it.
    pub fn delete_map_forever(&mut self, id: &MapId) -> Result<()> {
        let deleted = self.db.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM maps WHERE id = ?1 AND deleted_at IS NOT NULL",
                [id.as_str()],
            )?)
        })?;
        if deleted == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    /// Deletes for good the maps that went to the Trash at or before `deleted_by` (all of
    /// them with `None`). Returns how many.
    pub fn empty_trash(&mut self, deleted_by: Option<Timestamp>) -> Result<usize> {
        let cutoff = deleted_by.unwrap_or(Timestamp::MAX);
        self.db.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM maps WHERE deleted_at IS NOT NULL AND deleted_at <= ?1",
                [cutoff],
            )?)
        })
    }

    /// Deletes for good what has been in the Trash for more than `TRASH_DAYS`.
    pub fn empty_old_trash(&mut self) -> Result<usize> {
        self.empty_trash(Some(now() - TRASH_DAYS * 24 * 60 * 60 * 1000))
    }
}
