//! The miniature of each map's grid that its library tile shows: the lanes, the stages and
//! how many cards each cell holds.

use crate::error::Result;
use crate::Store;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use waymark_core::{LaneKind, MapId};

/// The most stages and lanes a preview shows; the rest of a map is left out.
pub const PREVIEW_STAGES: usize = 12;
pub const PREVIEW_LANES: usize = 10;

/// A map's grid in miniature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MapPreview {
    pub map_id: MapId,
    /// How many stages the preview shows (at most `PREVIEW_STAGES`).
    pub stages: u32,
    /// The kinds of the lanes it shows, top to bottom (at most `PREVIEW_LANES`).
    pub lanes: Vec<LaneKind>,
    /// Cards per cell, lane after lane, each lane's stages left to right.
    pub cards: Vec<u32>,
}

/// Previews of the maps out of the Trash, in no particular order.
pub(crate) fn map_previews(conn: &Connection) -> Result<Vec<MapPreview>> {
    let mut previews: HashMap<String, MapPreview> = HashMap::new();
    let mut stage_index: HashMap<(String, String), usize> = HashMap::new();
    let mut lane_index: HashMap<(String, String), usize> = HashMap::new();
    let mut maps = conn.prepare("SELECT id FROM maps WHERE deleted_at IS NULL")?;
    for id in maps.query_map([], |row| row.get::<_, String>(0))? {
        let id = id?;
        previews.insert(
            id.clone(),
            MapPreview {
                map_id: MapId(id),
                stages: 0,
                lanes: Vec::new(),
                cards: Vec::new(),
            },
        );
    }
    let mut stages = conn.prepare("SELECT map_id, id FROM stages ORDER BY map_id, position")?;
    let mut rows = stages.query([])?;
    while let Some(row) = rows.next()? {
        let map: String = row.get(0)?;
        if let Some(preview) = previews.get_mut(&map) {
            let index = preview.stages as usize;
            if index < PREVIEW_STAGES {
                stage_index.insert((map, row.get(1)?), index);
                preview.stages += 1;
            }
        }
    }
    let mut lanes = conn.prepare("SELECT map_id, id, kind FROM lanes ORDER BY map_id, position")?;
    let mut rows = lanes.query([])?;
    while let Some(row) = rows.next()? {
        let map: String = row.get(0)?;
        if let Some(preview) = previews.get_mut(&map) {
            let kind = LaneKind::parse(&row.get::<_, String>(2)?);
            if let (Some(kind), true) = (kind, preview.lanes.len() < PREVIEW_LANES) {
                lane_index.insert((map, row.get(1)?), preview.lanes.len());
                preview.lanes.push(kind);
            }
        }
    }
    for preview in previews.values_mut() {
        preview.cards = vec![0; preview.stages as usize * preview.lanes.len()];
    }
    let mut counts = conn.prepare(
        "SELECT map_id, stage_id, lane_id, count(*) FROM cards GROUP BY map_id, stage_id, lane_id",
    )?;
    let mut rows = counts.query([])?;
    while let Some(row) = rows.next()? {
        let map: String = row.get(0)?;
        let stage = stage_index.get(&(map.clone(), row.get(1)?));
        let lane = lane_index.get(&(map.clone(), row.get(2)?));
        if let (Some(stage), Some(lane), Some(preview)) = (stage, lane, previews.get_mut(&map)) {
            let at = lane * preview.stages as usize + stage;
            preview.cards[at] = row.get(3)?;
        }
    }
    Ok(previews.into_values().collect())
}

impl Store {
    /// A miniature of every map's grid, for the library's tiles.
    pub fn map_previews(&self) -> Result<Vec<MapPreview>> {
        self.db.read(map_previews)
    }
}
