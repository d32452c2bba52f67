//! Maps to rows: a new map, and what a batch of operations touched.

use crate::error::{Result, StoreError};
use rusqlite::{params, CachedStatement, Connection};
use std::collections::{BTreeSet, HashMap};
use waymark_core::{Card, CardId, Changes, EmotionScore, JourneyMap, Lane, Persona, Stage};

const PERSONA_COLUMNS: &str =
    "personas (map_id, id, position, name, role, goals, needs, frustrations, quote, colour, initials)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
const STAGE_COLUMNS: &str = "stages (map_id, id, position, name, description, colour, width)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
const LANE_COLUMNS: &str = "lanes (map_id, id, position, kind, title, collapsed)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
const CARD_COLUMNS: &str =
    "cards (map_id, id, stage_id, lane_id, order_key, text, channel, severity, impact, effort,
            metric_value, metric_target, colour, tags)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
const EMOTION_COLUMNS: &str = "emotions (map_id, persona_id, stage_id, state, score, note)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

fn insert<'c>(conn: &'c Connection, columns: &str) -> Result<CachedStatement<'c>> {
    Ok(conn.prepare_cached(&format!("INSERT INTO {columns}"))?)
}

/// An INSERT that updates the row when it is already there.
fn upsert<'c>(conn: &'c Connection, columns: &str, update: &str) -> Result<CachedStatement<'c>> {
    Ok(conn.prepare_cached(&format!(
        "INSERT INTO {columns} ON CONFLICT DO UPDATE SET {update}"
    ))?)
}

fn write_persona(
    statement: &mut CachedStatement<'_>,
    map: &str,
    at: i64,
    p: &Persona,
) -> Result<()> {
    statement.execute(params![
        map,
        p.id.as_str(),
        at,
        p.name,
        p.role,
        p.goals,
        p.needs,
        p.frustrations,
        p.quote,
        p.colour,
        p.initials
    ])?;
    Ok(())
}

fn write_stage(statement: &mut CachedStatement<'_>, map: &str, at: i64, s: &Stage) -> Result<()> {
    statement.execute(params![
        map,
        s.id.as_str(),
        at,
        s.name,
        s.description,
        s.colour,
        s.width
    ])?;
    Ok(())
}

fn write_lane(statement: &mut CachedStatement<'_>, map: &str, at: i64, l: &Lane) -> Result<()> {
    statement.execute(params![
        map,
        l.id.as_str(),
        at,
        l.kind.as_str(),
        l.title,
        l.collapsed
    ])?;
    Ok(())
}

/// Writes a card's row with `statement`; returns how many rows it changed.
fn write_card(statement: &mut CachedStatement<'_>, map: &str, c: &Card) -> Result<usize> {
    let tags = serde_json::to_string(&c.tags).map_err(|e| StoreError::BadRow {
        what: "card tags",
        detail: e.to_string(),
    })?;
    statement
        .execute(params![
            map,
            c.id.as_str(),
            c.stage_id.as_str(),
            c.lane_id.as_str(),
            c.order,
            c.text,
            c.channel,
            c.severity,
            c.impact,
            c.effort,
            c.metric_value,
            c.metric_target,
            c.colour,
            tags
        ])
        .map_err(Into::into)
}

fn write_emotion(statement: &mut CachedStatement<'_>, map: &str, e: &EmotionScore) -> Result<()> {
    let (persona, stage) = (e.persona_id.as_str(), e.stage_id.as_str());
    statement.execute(params![
        map,
        persona,
        stage,
        e.state.as_str(),
        e.score,
        e.note
    ])?;
    Ok(())
}

/// Inserts a whole new map with plain INSERTs, cards cell by cell. The caller holds the
/// transaction.
pub(crate) fn insert_map(conn: &Connection, map: &JourneyMap) -> Result<()> {
    let id = map.id.as_str();
    conn.prepare_cached(
        "INSERT INTO maps (id, title, description, created_at, updated_at, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        map.title,
        map.description,
        map.created_at,
        map.updated_at,
        map.revision
    ])?;
    let mut statement = insert(conn, PERSONA_COLUMNS)?;
    for (at, p) in (0_i64..).zip(&map.personas) {
        write_persona(&mut statement, id, at, p)?;
    }
    let mut statement = insert(conn, STAGE_COLUMNS)?;
    for (at, s) in (0_i64..).zip(&map.stages) {
        write_stage(&mut statement, id, at, s)?;
    }
    let mut statement = insert(conn, LANE_COLUMNS)?;
    for (at, l) in (0_i64..).zip(&map.lanes) {
        write_lane(&mut statement, id, at, l)?;
    }
    // In the order of the cells' index, so that each page of it is written once.
    let mut cards: Vec<&Card> = map.cards.iter().collect();
    cards.sort_unstable_by(|a, b| {
        (a.stage_id.as_str(), a.lane_id.as_str(), a.order.as_str()).cmp(&(
            b.stage_id.as_str(),
            b.lane_id.as_str(),
            b.order.as_str(),
        ))
    });
    let mut statement = insert(conn, CARD_COLUMNS)?;
    for card in cards {
        write_card(&mut statement, id, card)?;
    }
    let mut statement = insert(conn, EMOTION_COLUMNS)?;
    for e in &map.emotions {
        write_emotion(&mut statement, id, e)?;
    }
    Ok(())
}

/// The cards a batch touched, each with its card when it is still on the map; found without
/// going through every card of a big map for a small batch.
fn touched_cards<'m>(
    map: &'m JourneyMap,
    touched: &'m BTreeSet<CardId>,
) -> Vec<(&'m CardId, Option<&'m Card>)> {
    if touched.len() <= 8 {
        let find = |id: &CardId| map.cards.iter().find(|c| &c.id == id);
        return touched.iter().map(|id| (id, find(id))).collect();
    }
    let by_id: HashMap<&CardId, &Card> = map.cards.iter().map(|c| (&c.id, c)).collect();
    touched
        .iter()
        .map(|id| (id, by_id.get(id).copied()))
        .collect()
}

/// Writes what a batch touched: rows still on the map are upserted, the others deleted.
pub(crate) fn write_changes(conn: &Connection, map: &JourneyMap, changes: &Changes) -> Result<()> {
    let map_id = map.id.as_str();
    if changes.map_fields {
        conn.prepare_cached("UPDATE maps SET title = ?2, description = ?3 WHERE id = ?1")?
            .execute(params![map_id, map.title, map.description])?;
    }
    let cards = touched_cards(map, &changes.cards);
    // Children first: deleting them before their parents keeps every foreign key satisfied.
    if cards.iter().any(|(_, card)| card.is_none()) {
        let mut delete = conn.prepare_cached("DELETE FROM cards WHERE map_id = ?1 AND id = ?2")?;
        for (id, _) in cards.iter().filter(|(_, card)| card.is_none()) {
            delete.execute(params![map_id, id.as_str()])?;
        }
    }
    let kept_emotions: BTreeSet<_> = map
        .emotions
        .iter()
        .map(|e| (e.persona_id.clone(), e.stage_id.clone(), e.state))
        .filter(|key| changes.emotions.contains(key))
        .collect();
    if changes.emotions.len() > kept_emotions.len() {
        let mut delete_emotion = conn.prepare_cached(
            "DELETE FROM emotions
             WHERE map_id = ?1 AND persona_id = ?2 AND stage_id = ?3 AND state = ?4",
        )?;
        for key in changes.emotions.difference(&kept_emotions) {
            let (persona, stage) = (key.0.as_str(), key.1.as_str());
            delete_emotion.execute(params![map_id, persona, stage, key.2.as_str()])?;
        }
    }
    let personas = map.personas.iter().map(|p| &p.id);
    delete_missing(conn, "personas", map_id, &changes.personas, personas)?;
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

    if !changes.personas.is_empty() {
        let mut statement = upsert(
            conn,
            PERSONA_COLUMNS,
            "position = excluded.position, name = excluded.name, role = excluded.role,
             goals = excluded.goals, needs = excluded.needs, frustrations = excluded.frustrations,
             quote = excluded.quote, colour = excluded.colour, initials = excluded.initials",
        )?;
        for (at, p) in (0_i64..).zip(&map.personas) {
            if changes.personas.contains(&p.id) {
                write_persona(&mut statement, map_id, at, p)?;
            }
        }
    }
    if !changes.stages.is_empty() {
        let mut statement = upsert(
            conn,
            STAGE_COLUMNS,
            "position = excluded.position, name = excluded.name,
             description = excluded.description, colour = excluded.colour, width = excluded.width",
        )?;
        for (at, s) in (0_i64..).zip(&map.stages) {
            if changes.stages.contains(&s.id) {
                write_stage(&mut statement, map_id, at, s)?;
            }
        }
    }
    if !changes.lanes.is_empty() {
        let mut statement = upsert(
            conn,
            LANE_COLUMNS,
            "position = excluded.position, kind = excluded.kind, title = excluded.title,
             collapsed = excluded.collapsed",
        )?;
        for (at, l) in (0_i64..).zip(&map.lanes) {
            if changes.lanes.contains(&l.id) {
                write_lane(&mut statement, map_id, at, l)?;
            }
        }
    }
    if cards.iter().any(|(_, card)| card.is_some()) {
        // A card already stored is updated in place; a new one inserted (an upsert would keep
        // a statement journal for every row).
        let mut update = conn.prepare_cached(
            "UPDATE cards SET stage_id = ?3, lane_id = ?4, order_key = ?5, text = ?6, channel = ?7,
               severity = ?8, impact = ?9, effort = ?10, metric_value = ?11, metric_target = ?12,
               colour = ?13, tags = ?14
             WHERE map_id = ?1 AND id = ?2",
        )?;
        let mut add = insert(conn, CARD_COLUMNS)?;
        for card in cards.iter().filter_map(|(_, card)| *card) {
            if write_card(&mut update, map_id, card)? == 0 {
                write_card(&mut add, map_id, card)?;
            }
        }
    }
    if !kept_emotions.is_empty() {
        let mut statement = upsert(
            conn,
            EMOTION_COLUMNS,
            "score = excluded.score, note = excluded.note",
        )?;
        for e in &map.emotions {
            if kept_emotions.contains(&(e.persona_id.clone(), e.stage_id.clone(), e.state)) {
                write_emotion(&mut statement, map_id, e)?;
            }
        }
    }
    Ok(())
}

/// Deletes the touched rows of `table` that are no longer on the map.
fn delete_missing<'a, Id>(
    conn: &Connection,
    table: &'static str,
    map_id: &str,
    touched: &BTreeSet<Id>,
    present: impl Iterator<Item = &'a Id>,
) -> Result<()>
where
    Id: Ord + Clone + AsRef<str> + 'a,
{
    if touched.is_empty() {
        return Ok(());
    }
    let kept: BTreeSet<&Id> = present.filter(|id| touched.contains(*id)).collect();
    let mut delete = conn.prepare_cached(&format!(
        "DELETE FROM {table} WHERE map_id = ?1 AND id = ?2"
    ))?;
    for id in touched.iter().filter(|id| !kept.contains(id)) {
        delete.execute(params![map_id, id.as_ref()])?;
    }
    Ok(())
}
