//! Maps to rows: a new map, and what a batch of operations touched.

use crate::error::{Result, StoreError};
use rusqlite::{params, Connection};
use std::collections::BTreeSet;
use waymark_core::{Changes, JourneyMap};

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
