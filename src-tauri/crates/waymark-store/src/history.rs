//! Undo and redo history, stored next to the map so it survives restarts.

use crate::error::{Result, StoreError};
use rusqlite::{params, Connection, OptionalExtension};
use waymark_core::{MapId, Op};
use waymark_system::now;

/// How many undo steps are kept per map.
pub const HISTORY_LIMIT: i64 = 500;

/// A stored batch: the operations to apply to undo (or redo) it.
pub(crate) struct Entry {
    pub seq: i64,
    pub ops: Vec<Op>,
}

/// Records an applied batch; drops the redo steps it replaces and the oldest beyond the limit.
pub(crate) fn record(
    conn: &Connection,
    map_id: &MapId,
    forward: &[Op],
    inverse: &[Op],
) -> Result<()> {
    let encode = |ops: &[Op]| {
        serde_json::to_string(ops).map_err(|e| StoreError::BadRow {
            what: "history entry",
            detail: e.to_string(),
        })
    };
    conn.prepare_cached("DELETE FROM history WHERE map_id = ?1 AND undone = 1")?
        .execute([map_id.as_str()])?;
    conn.prepare_cached(
        "INSERT INTO history (map_id, forward, inverse, created_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        map_id.as_str(),
        encode(forward)?,
        encode(inverse)?,
        now()
    ])?;
    conn.prepare_cached(
        "DELETE FROM history WHERE map_id = ?1 AND seq <=
           (SELECT seq FROM history WHERE map_id = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2)",
    )?
    .execute(params![map_id.as_str(), HISTORY_LIMIT])?;
    Ok(())
}

fn decode(seq: i64, json: String) -> Result<Entry> {
    let ops = serde_json::from_str(&json).map_err(|e| StoreError::BadRow {
        what: "history entry",
        detail: e.to_string(),
    })?;
    Ok(Entry { seq, ops })
}

/// Which way through the history a step goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Undo,
    Redo,
}

/// The next step: for an undo, the newest batch still done, with its inverse; for a redo,
/// the batch undone last, with its forward operations.
pub(crate) fn next(conn: &Connection, map_id: &MapId, direction: Direction) -> Result<Entry> {
    let (sql, nothing) = match direction {
        Direction::Undo => (
            "SELECT seq, inverse FROM history WHERE map_id = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1",
            StoreError::NothingToUndo,
        ),
        Direction::Redo => (
            "SELECT seq, forward FROM history WHERE map_id = ?1 AND undone = 1 ORDER BY seq ASC LIMIT 1",
            StoreError::NothingToRedo,
        ),
    };
    let row: Option<(i64, String)> = conn
        .prepare_cached(sql)?
        .query_row([map_id.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        Some((seq, json)) => decode(seq, json),
        None => Err(nothing),
    }
}

pub(crate) fn mark_undone(conn: &Connection, seq: i64, undone: bool) -> Result<()> {
    conn.prepare_cached("UPDATE history SET undone = ?2 WHERE seq = ?1")?
        .execute(params![seq, undone])?;
    Ok(())
}

/// Whether there is something to undo and something to redo.
pub(crate) fn availability(conn: &Connection, map_id: &MapId) -> Result<(bool, bool)> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM history WHERE map_id = ?1 AND undone = 0),
                    EXISTS (SELECT 1 FROM history WHERE map_id = ?1 AND undone = 1)",
        )?
        .query_row([map_id.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?)
}
