//! Waymark's map library in SQLite: the only crate that speaks SQL.
//!
//! Every batch of operations is applied in one transaction together with its history entry, so
//! an edit is on disk when the call returns and undo works across restarts.

mod backup;
mod db;
mod document;
mod error;
mod guard;
mod history;
mod merging;
mod open;
mod preflight;
mod preview;
mod rows;
mod search;
mod sys;
mod trash;
mod versions;

pub use backup::{backups_folder, read_backup, restore_backup, write_backup, BackupContents};
pub use error::{ErrorCode, Lost, Result, StoreError};
pub use history::HISTORY_LIMIT;
pub use merging::{Found, Merging};
pub use open::{default_db_path, APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
pub use preview::{MapPreview, PREVIEW_LANES, PREVIEW_STAGES};
pub use search::{SearchHit, SearchKind, SearchResults, SEARCH_LIMIT};
pub use trash::{TrashedMap, TRASH_DAYS};
pub use versions::{Made, Received, Version, AUTOMATIC_KEPT, LINEAGE_LEN, SHARED_KEPT_DAYS};

use db::Db;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::path::Path;
use std::time::Duration;
use waymark_core::{apply_batch, sample, templates, CheckedMap, JourneyMap, MapId, MapSummary, Op};
use waymark_system::now;

/// The result of an applied batch, an undo or a redo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Applied {
    pub revision: i64,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// An undo or a redo: the operations it applied (for the editor to apply them too) and the
/// map's state after it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct HistoryStep {
    #[serde(flatten)]
    pub applied: Applied,
    pub ops: Vec<Op>,
}

/// A map as the editor opens it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct OpenedMap {
    pub map: JourneyMap,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The map library: one SQLite file.
pub struct Store {
    db: Db,
    /// The map last opened or edited, as on disk; checked against the stored revision before use.
    open_map: Option<JourneyMap>,
}

impl Store {
    /// Opens the library at `path`, creating it if needed. Refuses, without writing anything,
    /// a file that is not a Waymark library or comes from a newer Waymark.
    ///
    /// Every Waymark process that opens the library joins a lock that no `close()` elsewhere
    /// in the process can release (see `guard.rs`), and each write checks that the file is
    /// still the library at `path` before it is acknowledged.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store {
            db: open::open_db(path)?,
            open_map: None,
        })
    }

    /// A library that lives in memory only.
    pub fn open_in_memory() -> Result<Store> {
        Ok(Store {
            db: open::open_in_memory()?,
            open_map: None,
        })
    }

    /// Where the library lives (an absolute path).
    pub fn path(&self) -> &Path {
        self.db.path()
    }

    /// How long to wait for another program holding the library before giving up (5 s).
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<()> {
        self.db.set_busy_timeout(timeout)
    }

    /// Every map, most recently changed first.
    pub fn list_maps(&self) -> Result<Vec<MapSummary>> {
        self.db.read(rows::list_maps)
    }

    /// Creates a map from a template; `None` uses the default template.
    pub fn create_map(&mut self, template: Option<&str>, title: &str) -> Result<MapSummary> {
        let name = template.unwrap_or(templates::DEFAULT_TEMPLATE);
        let template = templates::find(name).ok_or_else(|| StoreError::UnknownTemplate {
            name: name.to_owned(),
            known: templates::TEMPLATES
                .iter()
                .map(|t| t.name)
                .collect::<Vec<_>>()
                .join(", "),
        })?;
        let map = template.build(title.trim(), now());
        self.insert_map(&map)?;
        Ok(map.summary())
    }

    /// Stores a whole new map, checking every rule first, in one transaction.
    pub fn insert_map(&mut self, map: &JourneyMap) -> Result<()> {
        self.insert_maps(std::slice::from_ref(map))
    }

    /// Stores new maps, all or none, checking every rule first, in one transaction.
    pub fn insert_maps(&mut self, maps: &[JourneyMap]) -> Result<()> {
        let checked = maps
            .iter()
            .map(waymark_core::check)
            .collect::<Result<Vec<_>, _>>()?;
        self.import_maps(&checked, &[]).map(|_| ())
    }

    /// Whether the library holds a map with this id.
    pub fn has_map(&self, id: &MapId) -> Result<bool> {
        self.db.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM maps WHERE id = ?1)")?
                .query_row([id.as_str()], |r| r.get(0))?)
        })
    }

    /// Replaces everything on a map with the content of `replacement`, as one undoable step:
    /// undo brings the old content back.
    pub fn replace_map(&mut self, id: &MapId, replacement: &JourneyMap) -> Result<Applied> {
        let replacement = (id.clone(), waymark_core::check(replacement)?);
        self.import_maps(&[], std::slice::from_ref(&replacement))
            .map(|mut applied| applied.remove(0))
    }

    /// Stores imported maps all or nothing, in one transaction: `new_maps` as new maps, and
    /// each replacement as one undoable step of the library's map it replaces. The maps were
    /// checked against every rule when they were read. Returns what each replacement did to
    /// its map.
    pub fn import_maps(
        &mut self,
        new_maps: &[CheckedMap],
        replacements: &[(MapId, CheckedMap)],
    ) -> Result<Vec<Applied>> {
        let cached = self.open_map.take();
        self.db.write(|tx| {
            for map in new_maps {
                rows::insert_map(tx, map)?;
            }
            let mut cached = cached;
            let mut applied = Vec::new();
            for (id, replacement) in replacements {
                let (done, _) = change_map(tx, id, cached.take(), |tx, map| {
                    // The file's content, kept under the map's own id, reached by the fewest
                    // changes (parts the two share, by id or by name, stay).
                    let target = JourneyMap {
                        id: map.id.clone(),
                        ..(**replacement).clone()
                    };
                    let ops = waymark_core::diff::changes_to_ops(map, &target);
                    if ops.is_empty() {
                        return Ok(());
                    }
                    apply_in(tx, map, &ops)
                })?;
                applied.push(done);
            }
            Ok(applied)
        })
    }

    /// Adds the sample map the first time a library is used by the app.
    pub fn seed_first_run_sample(&mut self) -> Result<Option<MapId>> {
        self.db.write(|tx| {
            let seeded: Option<String> = tx
                .query_row(
                    "SELECT value FROM meta WHERE key = 'sample_seeded'",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            if seeded.is_some() {
                return Ok(None);
            }
            let map = sample::first_run_sample(now());
            rows::insert_map(tx, &*waymark_core::check(&map)?)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('sample_seeded', '1')",
                [],
            )?;
            Ok(Some(map.id))
        })
    }

    /// Opens a map for editing.
    pub fn open_map(&mut self, id: &MapId) -> Result<OpenedMap> {
        let (map, (can_undo, can_redo)) = self.db.read(|conn| {
            let map = rows::load_map(conn, id)?.ok_or_else(|| not_found(id))?;
            Ok((map, history::availability(conn, id)?))
        })?;
        self.open_map = Some(map.clone());
        Ok(OpenedMap {
            map,
            can_undo,
            can_redo,
        })
    }

    /// Reads a map as stored, for exports and previews, without changing what the editor has
    /// open.
    pub fn read_map(&self, id: &MapId) -> Result<JourneyMap> {
        self.load(id)
    }

    /// Copies a map under a new title, with fresh ids. History is not copied.
    pub fn duplicate_map(&mut self, id: &MapId) -> Result<MapSummary> {
        let original = self.load(id)?;
        let copy = original.with_fresh_ids(&copy_title(&original.title), now());
        self.insert_map(&copy)?;
        Ok(copy.summary())
    }

    /// Applies a batch made against `base_revision`, with its history entry, in one transaction.
    pub fn apply_ops(&mut self, id: &MapId, base_revision: i64, ops: &[Op]) -> Result<Applied> {
        self.in_map_transaction(id, |tx, map| {
            if map.revision != base_revision {
                return Err(StoreError::Conflict {
                    expected: base_revision,
                    found: map.revision,
                });
            }
            apply_in(tx, map, ops)
        })
    }

    /// Undoes the last batch that is not undone yet; returns the operations that did it.
    pub fn undo(&mut self, id: &MapId) -> Result<HistoryStep> {
        self.step_history(id, history::Direction::Undo)
    }

    /// Redoes the batch undone last; returns the operations that did it.
    pub fn redo(&mut self, id: &MapId) -> Result<HistoryStep> {
        self.step_history(id, history::Direction::Redo)
    }

    fn step_history(&mut self, id: &MapId, direction: history::Direction) -> Result<HistoryStep> {
        let mut ops = Vec::new();
        let applied = self.in_map_transaction(id, |tx, map| {
            let entry = history::next(tx, id, direction)?;
            let (_, changes) = apply_batch(map, &entry.ops)?;
            rows::write_changes(tx, map, &changes)?;
            history::mark_undone(tx, entry.seq, direction == history::Direction::Undo)?;
            ops = entry.ops;
            Ok(())
        })?;
        Ok(HistoryStep { applied, ops })
    }

    /// Runs `change` on the map inside an immediate transaction, then bumps the revision.
    /// On any error nothing is written and the in-memory copy is dropped.
    fn in_map_transaction(
        &mut self,
        id: &MapId,
        change: impl FnOnce(&Connection, &mut JourneyMap) -> Result<()>,
    ) -> Result<Applied> {
        let cached = self.open_map.take();
        let (applied, map) = self.db.write(|tx| change_map(tx, id, cached, change))?;
        self.open_map = Some(map);
        Ok(applied)
    }

    /// A map as stored.
    fn load(&self, id: &MapId) -> Result<JourneyMap> {
        self.db
            .read(|conn| rows::load_map(conn, id)?.ok_or_else(|| not_found(id)))
    }

    /// Runs SQLite's own consistency check; `["ok"]` when the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        self.db.read(|conn| {
            let mut statement = conn.prepare("PRAGMA integrity_check")?;
            let rows = statement.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }
}

/// Runs `change` on a map inside the caller's transaction, then bumps its revision. `cached`
/// is used when it is the stored revision, which saves loading the map.
fn change_map(
    tx: &Connection,
    id: &MapId,
    cached: Option<JourneyMap>,
    change: impl FnOnce(&Connection, &mut JourneyMap) -> Result<()>,
) -> Result<(Applied, JourneyMap)> {
    let stored_revision: i64 = tx
        .prepare_cached("SELECT revision FROM maps WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id.as_str()], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found(id))?;
    let mut map = match cached {
        Some(map) if &map.id == id && map.revision == stored_revision => map,
        _ => rows::load_map(tx, id)?.ok_or_else(|| not_found(id))?,
    };
    change(tx, &mut map)?;
    map.revision += 1;
    map.updated_at = now().max(map.updated_at);
    tx.prepare_cached("UPDATE maps SET revision = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(rusqlite::params![id.as_str(), map.revision, map.updated_at])?;
    let (can_undo, can_redo) = history::availability(tx, id)?;
    let applied = Applied {
        revision: map.revision,
        can_undo,
        can_redo,
    };
    Ok((applied, map))
}

/// Applies a batch to a map and writes the rows it touched with its history entry.
fn apply_in(tx: &Connection, map: &mut JourneyMap, ops: &[Op]) -> Result<()> {
    let (inverse, changes) = apply_batch(map, ops)?;
    rows::write_changes(tx, map, &changes)?;
    history::record(tx, &map.id, ops, &inverse)
}

pub(crate) fn not_found(id: &MapId) -> StoreError {
    StoreError::MapNotFound { id: id.to_string() }
}

/// "Title (copy)", within the title length limit.
fn copy_title(title: &str) -> String {
    let base: String = title.chars().take(190).collect();
    format!("{base} (copy)")
}
