//! Maps to rows and back. The only place that knows the table layout of a map.

use crate::error::{Result, StoreError};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::BTreeSet;
use waymark_core::{
    Card, CardId, Changes, EmotionScore, EmotionState, JourneyMap, Lane, LaneId, LaneKind, MapId,
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
            "SELECT id, stage_id, lane_id, position, text, channel, severity, impact, effort,
                    metric_value, metric_target, colour, tags
             FROM cards WHERE map_id = ?1 ORDER BY stage_id, lane_id, position",
        )?
        .query_map(key, card_from_row)?
        .collect::<rusqlite::Result<_>>()?;
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
        position: row.get(3)?,
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

/// Inserts a whole new map. The caller holds the transaction.
pub(crate) fn insert_map(conn: &Connection, map: &JourneyMap) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO maps (id, title, description, created_at, updated_at, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        map.id.as_str(),
        map.title,
        map.description,
        map.created_at,
        map.updated_at,
        map.revision
    ])?;
    let everything = Changes {
        map_fields: false,
        personas: map.personas.iter().map(|p| p.id.clone()).collect(),
        stages: map.stages.iter().map(|s| s.id.clone()).collect(),
        lanes: map.lanes.iter().map(|l| l.id.clone()).collect(),
        cards: map.cards.iter().map(|c| c.id.clone()).collect(),
        emotions: map
            .emotions
            .iter()
            .map(|e| (e.persona_id.clone(), e.stage_id.clone(), e.state))
            .collect(),
    };
    write_changes(conn, map, &everything)
}

/// Writes what a batch touched: rows still on the map are upserted, the others deleted.
pub(crate) fn write_changes(conn: &Connection, map: &JourneyMap, changes: &Changes) -> Result<()> {
    let map_id = map.id.as_str();
    if changes.map_fields {
        conn.prepare_cached("UPDATE maps SET title = ?2, description = ?3 WHERE id = ?1")?
            .execute(params![map_id, map.title, map.description])?;
    }
    // Children first: deleting them before their parents keeps every foreign key satisfied.
    let kept_cards = delete_missing(
        conn,
        "cards",
        map_id,
        &changes.cards,
        map.cards.iter().map(|c| &c.id),
    )?;
    let kept_emotions: BTreeSet<_> = map
        .emotions
        .iter()
        .map(|e| (e.persona_id.clone(), e.stage_id.clone(), e.state))
        .filter(|key| changes.emotions.contains(key))
        .collect();
    let mut delete_emotion = conn.prepare_cached(
        "DELETE FROM emotions WHERE map_id = ?1 AND persona_id = ?2 AND stage_id = ?3 AND state = ?4",
    )?;
    for key in changes.emotions.difference(&kept_emotions) {
        delete_emotion.execute(params![
            map_id,
            key.0.as_str(),
            key.1.as_str(),
            key.2.as_str()
        ])?;
    }
    delete_missing(
        conn,
        "personas",
        map_id,
        &changes.personas,
        map.personas.iter().map(|p| &p.id),
    )?;
    delete_missing(
        conn,
        "stages",
        map_id,
        &changes.stages,
        map.stages.iter().map(|s| &s.id),
    )?;
    delete_missing(
        conn,
        "lanes",
        map_id,
        &changes.lanes,
        map.lanes.iter().map(|l| &l.id),
    )?;

    let mut upsert_persona = conn.prepare_cached(
        "INSERT INTO personas (map_id, id, position, name, role, goals, needs, frustrations, quote, colour,
                               initials)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (map_id, id) DO UPDATE SET position = excluded.position, name = excluded.name,
           role = excluded.role, goals = excluded.goals, needs = excluded.needs,
           frustrations = excluded.frustrations, quote = excluded.quote, colour = excluded.colour,
           initials = excluded.initials",
    )?;
    for (position, p) in (0_i64..).zip(&map.personas) {
        if changes.personas.contains(&p.id) {
            upsert_persona.execute(params![
                map_id,
                p.id.as_str(),
                position,
                p.name,
                p.role,
                p.goals,
                p.needs,
                p.frustrations,
                p.quote,
                p.colour,
                p.initials
            ])?;
        }
    }
    let mut upsert_stage = conn.prepare_cached(
        "INSERT INTO stages (map_id, id, position, name, description, colour, width)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (map_id, id) DO UPDATE SET position = excluded.position, name = excluded.name,
           description = excluded.description, colour = excluded.colour, width = excluded.width",
    )?;
    for (position, s) in (0_i64..).zip(&map.stages) {
        if changes.stages.contains(&s.id) {
            upsert_stage.execute(params![
                map_id,
                s.id.as_str(),
                position,
                s.name,
                s.description,
                s.colour,
                s.width
            ])?;
        }
    }
    let mut upsert_lane = conn.prepare_cached(
        "INSERT INTO lanes (map_id, id, position, kind, title, collapsed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (map_id, id) DO UPDATE SET position = excluded.position, kind = excluded.kind,
           title = excluded.title, collapsed = excluded.collapsed",
    )?;
    for (position, l) in (0_i64..).zip(&map.lanes) {
        if changes.lanes.contains(&l.id) {
            upsert_lane.execute(params![
                map_id,
                l.id.as_str(),
                position,
                l.kind.as_str(),
                l.title,
                l.collapsed
            ])?;
        }
    }
    if !kept_cards.is_empty() {
        let mut upsert_card = conn.prepare_cached(
            "INSERT INTO cards (map_id, id, stage_id, lane_id, position, text, channel, severity,
                                impact, effort, metric_value, metric_target, colour, tags)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT (map_id, id) DO UPDATE SET stage_id = excluded.stage_id,
               lane_id = excluded.lane_id, position = excluded.position, text = excluded.text,
               channel = excluded.channel, severity = excluded.severity, impact = excluded.impact,
               effort = excluded.effort, metric_value = excluded.metric_value,
               metric_target = excluded.metric_target, colour = excluded.colour, tags = excluded.tags",
        )?;
        for c in map.cards.iter().filter(|c| kept_cards.contains(&c.id)) {
            let tags = serde_json::to_string(&c.tags).map_err(|e| StoreError::BadRow {
                what: "card tags",
                detail: e.to_string(),
            })?;
            upsert_card.execute(params![
                map_id,
                c.id.as_str(),
                c.stage_id.as_str(),
                c.lane_id.as_str(),
                c.position,
                c.text,
                c.channel,
                c.severity,
                c.impact,
                c.effort,
                c.metric_value,
                c.metric_target,
                c.colour,
                tags
            ])?;
        }
    }
    let mut upsert_emotion = conn.prepare_cached(
        "INSERT INTO emotions (map_id, persona_id, stage_id, state, score, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (map_id, persona_id, stage_id, state) DO UPDATE SET score = excluded.score,
           note = excluded.note",
    )?;
    for e in map
        .emotions
        .iter()
        .filter(|e| kept_emotions.contains(&(e.persona_id.clone(), e.stage_id.clone(), e.state)))
    {
        upsert_emotion.execute(params![
            map_id,
            e.persona_id.as_str(),
            e.stage_id.as_str(),
            e.state.as_str(),
            e.score,
            e.note
        ])?;
    }
    Ok(())
}

/// Deletes the touched rows of `table` that are no longer on the map; returns the touched ids
/// that still are.
fn delete_missing<'a, Id>(
    conn: &Connection,
    table: &'static str,
    map_id: &str,
    touched: &BTreeSet<Id>,
    present: impl Iterator<Item = &'a Id>,
) -> Result<BTreeSet<Id>>
where
    Id: Ord + Clone + AsRef<str> + 'a,
{
    if touched.is_empty() {
        return Ok(BTreeSet::new());
    }
    let kept: BTreeSet<Id> = present
        .filter(|id| touched.contains(*id))
        .cloned()
        .collect();
    let mut delete = conn.prepare_cached(&format!(
        "DELETE FROM {table} WHERE map_id = ?1 AND id = ?2"
    ))?;
    for id in touched.difference(&kept) {
        delete.execute(params![map_id, id.as_ref()])?;
    }
    Ok(kept)
}
