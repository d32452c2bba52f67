//! The Waymark map file, format version 1: the types the JSON Schema is generated from.
//!
//! Ids in a file only link its parts together; an import gives every part a fresh id.
//! Cards are listed in their cells' order.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use waymark_core::{EmotionState, LaneKind};

/// The `format` of every Waymark map file.
pub const FORMAT: &str = "waymark.journey-map";
/// The format version this build writes; it reads this one and every older one.
pub const VERSION: u64 = 1;
/// The file name ending of a Waymark map file.
pub const EXTENSION: &str = ".journey.json";

/// A Waymark map file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Waymark journey map", extend("$id" = "https://waymark.app/schema/journey-map.v1.json"))]
pub struct Envelope {
    /// Always "waymark.journey-map".
    pub format: String,
    /// The format version; readers refuse versions newer than they know.
    pub version: u64,
    /// When the file was written (RFC 3339).
    pub exported_at: String,
    /// The program that wrote the file, such as "Waymark 0.1.0".
    pub generator: String,
    /// Which version of the map this file is, and the versions it descends from: what lets
    /// a copy that comes back be merged with the map it left. Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<Lineage>,
    pub map: MapDocument,
}

/// A file's place in its map's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Lineage {
    /// The id of the version the file is.
    pub version: String,
    /// The ids of the versions it descends from, newest first (at most 50).
    #[serde(default)]
    pub ancestors: Vec<String>,
}

/// Everything on one journey map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MapDocument {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
    #[serde(default)]
    pub personas: Vec<PersonaDocument>,
    /// In column order.
    pub stages: Vec<StageDocument>,
    /// In row order.
    pub lanes: Vec<LaneDocument>,
    /// In cell order: within one (stage, lane) cell, the first listed comes first.
    #[serde(default)]
    pub cards: Vec<CardDocument>,
    #[serde(default)]
    pub emotions: Vec<EmotionDocument>,
}

/// A persona: a named character standing for a customer segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonaDocument {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub goals: String,
    #[serde(default)]
    pub needs: String,
    #[serde(default)]
    pub frustrations: String,
    #[serde(default)]
    pub quote: String,
    /// "#rrggbb".
    pub colour: String,
    /// Up to three letters on the avatar; absent means the initials of the name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub initials: String,
}

/// A stage (a column of the map).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StageDocument {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// "#rrggbb".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// The column's width in points, 160 to 800; absent means the default width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
}

/// A lane (a row of the map).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LaneDocument {
    pub id: String,
    pub kind: LaneKind,
    pub title: String,
    /// Folded to one line on the canvas.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub collapsed: bool,
}

/// A card in a (stage, lane) cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CardDocument {
    pub id: String,
    /// The id of the card's stage.
    pub stage: String,
    /// The id of the card's lane.
    pub lane: String,
    /// The card's fractional order key in its cell, for tools that merge copies of a map.
    /// Optional: cards are in order in the file, and keys that do not follow it are given again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
    pub text: String,
    /// Touchpoints: the channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Pain points: 1 (minor) to 5 (severe).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    /// Opportunities: 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<u8>,
    /// Opportunities: 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
    /// KPIs: the measured value as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// KPIs: the target as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// "#rrggbb".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A point of a persona's emotion curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EmotionDocument {
    /// The id of the persona.
    pub persona: String,
    /// The id of the stage.
    pub stage: String,
    /// "current" (as is) or "future" (to be).
    pub state: EmotionState,
    /// −2 (very negative) to +2 (very positive).
    pub score: i8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The JSON Schema (draft 2020-12) of the current format, pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Envelope);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
