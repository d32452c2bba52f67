//! Rows to maps: a whole map, and the summaries the library lists.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, Row};
use waymark_core::{
    Card, CardId, EmotionScore, EmotionState, JourneyMap, Lane, LaneId, LaneKind, MapId,
    MapSummary, Persona, PersonaId, Stage, StageId, Timestamp,
};

/// A stored value this version does not understand (the file was edited by hand, or is damaged).
fn bad_row(what: &'static str, detail: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unreadable {what}: {detail}").into(),
    )
}

/// Reads a whole map, or `None` when there is no such map.
pub(crate) fn load_map(conn: &Connection, id: &MapId) -> Result<Option<JourneyMap>> {
    let head = conn
        .prepare_cached(
            "SELECT title, description, created_at, updated_at, revision FROM maps
             WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([id.as_str()], |row| {
            Ok(JourneyMap {
                id: id.clone(),
                title: row.get(0)?,
                description: row.get(1)?,
                created_at: row.get(2)?,
                updated_at: row.get(3)?,
                revision: row.get(4)?,
                personas: Vec::new(),
                stages: Vec::new(),
                lanes: Vec::new(),
                cards: Vec::new(),
                emotions: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut map) = head else {
        return Ok(None);
    };
    let key = [id.as_str()];
    map.personas = conn
        .prepare_cached(
            "SELECT id, name, role, goals, needs, frustrations, quote, colour, initials
             FROM personas WHERE map_id = ?1 ORDER BY position",
        )?
        .query_map(key, |row| {
            Ok(Persona {
                id: PersonaId(row.get(0)?),
                name: row.get(1)?,
                role: row.get(2)?,
                goals: row.get(3)?,
                needs: row.get(4)?,
                frustrations: row.get(5)?,
                quote: row.get(6)?,
                colour: row.get(7)?,
                initials: row.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    map.stages = conn
        .prepare_cached(
            "SELECT id, name, description, colour, width FROM stages WHERE map_id = ?1 ORDER BY position",
        )?
        .query_map(key, |row| {
            Ok(Stage {
                id: StageId(row.get(0)?),
                name: row.get(1)?,
                description: row.get(2)?,
                colour: row.get(3)?,
 width: row.get(4)?,
})
        })?
        .collect::<rusqlite::Result<_>>()?;
    map.lanes = conn
        .prepare_cached(
            "SELECT id, kind, title, collapsed FROM lanes WHERE map_id = ?1 ORDER BY position",
        )?
        .query_map(key, |row| {
            let kind: String = row.get(1)?;
            Ok(Lane {
                id: LaneId(row.get(0)?),
                kind: LaneKind::parse(&kind).ok_or_else(|| bad_row("lane kind", kind))?,
                title: row.get(2)?,
                collapsed: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    map.cards = conn
        .prepare_cached(
            "SELECT id, stage_id, lane_id, order_key, text, channel, severity, impact, effort,
                    metric_value, metric_target, colour, tags
             FROM cards WHERE map_id = ?1 ORDER BY stage_id, lane_id, order_key",
        )?
        .query_map(key, card_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    number_cells(&mut map.cards);
    map.emotions = conn
        .prepare_cached(
            "SELECT persona_id, stage_id, state, score, note FROM emotions WHERE map_id = ?1",
        )?
        .query_map(key, |row| {
            let state: String = row.get(2)?;
            Ok(EmotionScore {
                persona_id: PersonaId(row.get(0)?),
                stage_id: StageId(row.get(1)?),
                state: EmotionState::parse(&state)
                    .ok_or_else(|| bad_row("emotion state", state))?,
                score: row.get(3)?,
                note: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(map))
}

fn card_from_row(row: &Row<'_>) -> rusqlite::Result<Card> {
    let tags: String = row.get(12)?;
    Ok(Card {
        id: CardId(row.get(0)?),
        stage_id: StageId(row.get(1)?),
        lane_id: LaneId(row.get(2)?),
        // Numbered by `number_cells`.
        position: 0,
        order: row.get(3)?,
        text: row.get(4)?,
        channel: row.get(5)?,
        severity: row.get(6)?,
        impact: row.get(7)?,
        effort: row.get(8)?,
        metric_value: row.get(9)?,
        metric_target: row.get(10)?,
        colour: row.get(11)?,
        tags: serde_json::from_str(&tags).map_err(|e| bad_row("card tags", e))?,
    })
}

/// Numbers the cards of each cell 0, 1, 2... by key, and by id between equal keys. The rows
/// come in the cell index's order, so the sort only checks it (or orders equal keys).
fn number_cells(cards: &mut [Card]) {
    cards.sort_by(|a, b| {
        (&a.stage_id, &a.lane_id, &a.order, &a.id).cmp(&(&b.stage_id, &b.lane_id, &b.order, &b.id))
    });
    let mut previous: Option<(StageId, LaneId)> = None;
    let mut next = 0;
    for card in cards {
        let same = previous
            .as_ref()
            .is_some_and(|(stage, lane)| stage == &card.stage_id && lane == &card.lane_id);
        if !same {
            next = 0;
            previous = Some((card.stage_id.clone(), card.lane_id.clone()));
        }
        card.position = next;
        next += 1;
    }
}

/// The library, most recently changed first.
pub(crate) fn list_maps(conn: &Connection) -> Result<Vec<MapSummary>> {
    Ok(summaries(conn, false)?
        .into_iter()
        .map(|(summary, _)| summary)
        .collect())
}

/// The maps in the Trash, with when each was deleted, most recently deleted first.
pub(crate) fn list_trash(conn: &Connection) -> Result<Vec<(MapSummary, Timestamp)>> {
    let mut trashed = summaries(conn, true)?;
    trashed.sort_by_key(|(_, deleted_at)| std::cmp::Reverse(*deleted_at));
    Ok(trashed)
}

/// Summaries of the maps out of the Trash, or in it (with their deletion time).
fn summaries(conn: &Connection, trashed: bool) -> Result<Vec<(MapSummary, Timestamp)>> {
    let mut statement = conn.prepare_cached(
        "SELECT m.id, m.title, m.updated_at,
                (SELECT count(*) FROM stages s WHERE s.map_id = m.id),
                (SELECT count(*) FROM lanes l WHERE l.map_id = m.id),
                (SELECT count(*) FROM cards c WHERE c.map_id = m.id),
                (SELECT count(*) FROM personas p WHERE p.map_id = m.id),
                coalesce(m.deleted_at, 0)
         FROM maps m WHERE (m.deleted_at IS NOT NULL) = ?1
         ORDER BY m.updated_at DESC, m.title",
    )?;
    let rows = statement.query_map([trashed], |row| {
        let summary = MapSummary {
            id: MapId(row.get(0)?),
            title: row.get(1)?,
            updated_at: row.get(2)?,
            stages: row.get(3)?,
            lanes: row.get(4)?,
            cards: row.get(5)?,
            personas: row.get(6)?,
        };
        Ok((summary, row.get(7)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
