//! The journey map and its parts.

use crate::ids::{CardId, LaneId, MapId, PersonaId, StageId};
use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, UTC.
pub type Timestamp = i64;

/// A whole journey map: stages across, lanes down, cards in the cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct JourneyMap {
    pub id: MapId,
    pub title: String,
    pub description: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Bumped by every applied batch; the UI sends the revision its edit was based on.
    pub revision: i64,
    pub personas: Vec<Persona>,
    /// In column order.
    pub stages: Vec<Stage>,
    /// In row order.
    pub lanes: Vec<Lane>,
    /// Ordered by `position` (and so by order key) inside each (stage, lane) cell.
    pub cards: Vec<Card>,
    pub emotions: Vec<EmotionScore>,
}

/// A named character standing for a customer segment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct Persona {
    pub id: PersonaId,
    pub name: String,
    pub role: String,
    pub goals: String,
    pub needs: String,
    pub frustrations: String,
    pub quote: String,
    /// `#rrggbb`; also the colour of the persona's emotion curve.
    pub colour: String,
    /// Up to three letters on the persona's avatar; empty means the initials of the name.
    #[serde(default)]
    pub initials: String,
}

/// A phase of the journey: one column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    pub description: String,
    /// `#rrggbb`, or null for the default colour.
    pub colour: Option<String>,
    /// The column's width in points on the canvas; absent or null is the default width.
    #[serde(default)]
    pub width: Option<u32>,
}

/// What a lane holds; decides which card fields matter and how the lane is drawn.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    Actions,
    Thoughts,
    Touchpoints,
    Emotions,
    PainPoints,
    Opportunities,
    Kpis,
    Backstage,
    Notes,
    Custom,
}

impl LaneKind {
    /// Every kind, in the order a full map shows them.
    pub const ALL: [LaneKind; 10] = [
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Touchpoints,
        LaneKind::Emotions,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Kpis,
        LaneKind::Backstage,
        LaneKind::Notes,
        LaneKind::Custom,
    ];

    /// The name stored in the database and files.
    pub fn as_str(self) -> &'static str {
        match self {
            LaneKind::Actions => "actions",
            LaneKind::Thoughts => "thoughts",
            LaneKind::Touchpoints => "touchpoints",
            LaneKind::Emotions => "emotions",
            LaneKind::PainPoints => "pain_points",
            LaneKind::Opportunities => "opportunities",
            LaneKind::Kpis => "kpis",
            LaneKind::Backstage => "backstage",
            LaneKind::Notes => "notes",
            LaneKind::Custom => "custom",
        }
    }

    /// Parses the stored name.
    pub fn parse(name: &str) -> Option<LaneKind> {
        LaneKind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// The title a new lane of this kind gets.
    pub fn default_title(self) -> &'static str {
        match self {
            LaneKind::Actions => "Customer actions",
            LaneKind::Thoughts => "Thoughts & questions",
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::Emotions => "Emotions",
            LaneKind::PainPoints => "Pain points",
            LaneKind::Opportunities => "Opportunities",
            LaneKind::Kpis => "KPIs",
            LaneKind::Backstage => "Backstage",
            LaneKind::Notes => "Notes",
            LaneKind::Custom => "Custom lane",
        }
    }
}

/// A row of typed content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct Lane {
    pub id: LaneId,
    pub kind: LaneKind,
    pub title: String,
    /// Folded to a single line on the canvas; its cards are kept.
    #[serde(default)]
    pub collapsed: bool,
}

/// One piece of content in a (stage, lane) cell.
///
/// A card carries only the fields of its lane's kind (see `Card::for_kind`); the operations
/// clear the others when a card changes lanes, and undo brings them back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct Card {
    pub id: CardId,
    pub stage_id: StageId,
    pub lane_id: LaneId,
    /// Order inside the cell, from 0: the card's rank by its order key.
    pub position: u32,
    /// The card's fractional order key in its cell (see `order`); empty in an operation means
    /// "give it a key at `position`".
    #[serde(default)]
    pub order: String,
    pub text: String,
    /// Touchpoints: the channel (email, in-store, chat, ...).
    #[serde(default)]
    pub channel: Option<String>,
    /// Pain points: severity 1 (minor) to 5 (severe).
    #[serde(default)]
    pub severity: Option<u8>,
    /// Opportunities: impact 1 to 5.
    #[serde(default)]
    pub impact: Option<u8>,
    /// Opportunities: effort 1 to 5.
    #[serde(default)]
    pub effort: Option<u8>,
    /// KPIs: the measured value, as written ("3.2%", "41").
    #[serde(default)]
    pub metric_value: Option<String>,
    /// KPIs: the target, as written.
    #[serde(default)]
    pub metric_target: Option<String>,
    /// `#rrggbb`, or the lane's colour when absent.
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Card {
    /// A plain card with only text.
    pub fn new(stage_id: StageId, lane_id: LaneId, position: u32, text: &str) -> Card {
        Card {
            id: CardId::random(),
            stage_id,
            lane_id,
            position,
            order: String::new(),
            text: text.to_owned(),
            channel: None,
            severity: None,
            impact: None,
            effort: None,
            metric_value: None,
            metric_target: None,
            colour: None,
            tags: Vec::new(),
        }
    }

    /// Whether the card sits in this cell.
    pub fn is_in(&self, stage_id: &StageId, lane_id: &LaneId) -> bool {
        &self.stage_id == stage_id && &self.lane_id == lane_id
    }

    /// The card as a lane of `kind` holds it: without the fields that kind does not have (a
    /// channel belongs to touchpoints, a severity to pain points, impact and effort to
    /// opportunities, a value and target to KPIs), so nothing hidden travels with a card that
    /// changes lanes. Text, colour and tags belong to every kind.
    pub fn for_kind(mut self, kind: LaneKind) -> Card {
        if kind != LaneKind::Touchpoints {
            self.channel = None;
        }
        if kind != LaneKind::PainPoints {
            self.severity = None;
        }
        if kind != LaneKind::Opportunities {
            self.impact = None;
            self.effort = None;
        }
        if kind != LaneKind::Kpis {
            self.metric_value = None;
            self.metric_target = None;
        }
        self
    }
}

/// Current state ("as is") or future state ("to be").
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum EmotionState {
    Current,
    Future,
}

impl EmotionState {
    /// The name stored in the database and files.
    pub fn as_str(self) -> &'static str {
        match self {
            EmotionState::Current => "current",
            EmotionState::Future => "future",
        }
    }

    /// Parses the stored name.
    pub fn parse(name: &str) -> Option<EmotionState> {
        match name {
            "current" => Some(EmotionState::Current),
            "future" => Some(EmotionState::Future),
            _ => None,
        }
    }
}

/// How one persona feels in one stage: a point of the emotion curve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct EmotionScore {
    pub persona_id: PersonaId,
    pub stage_id: StageId,
    pub state: EmotionState,
    /// −2 (very negative) to +2 (very positive).
    pub score: i8,
    #[serde(default)]
    pub note: Option<String>,
}

impl EmotionScore {
    /// Whether this is the point for that persona, stage and state.
    pub fn is_for(&self, persona_id: &PersonaId, stage_id: &StageId, state: EmotionState) -> bool {
        &self.persona_id == persona_id && &self.stage_id == stage_id && self.state == state
    }
}

/// A line of the map library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct MapSummary {
    pub id: MapId,
    pub title: String,
    pub updated_at: Timestamp,
    pub stages: u32,
    pub lanes: u32,
    pub cards: u32,
    pub personas: u32,
}

impl JourneyMap {
    /// An empty map with no stages, lanes or personas.
    pub fn empty(title: &str, now: Timestamp) -> JourneyMap {
        JourneyMap {
            id: MapId::random(),
            title: title.to_owned(),
            description: String::new(),
            created_at: now,
            updated_at: now,
            revision: 0,
            personas: Vec::new(),
            stages: Vec::new(),
            lanes: Vec::new(),
            cards: Vec::new(),
            emotions: Vec::new(),
        }
    }

    /// The library line for this map.
    pub fn summary(&self) -> MapSummary {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        MapSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            updated_at: self.updated_at,
            stages: count(self.stages.len()),
            lanes: count(self.lanes.len()),
            cards: count(self.cards.len()),
            personas: count(self.personas.len()),
        }
    }

    /// The cards of one cell, in order.
    pub fn cell_cards(&self, stage_id: &StageId, lane_id: &LaneId) -> Vec<&Card> {
        let mut cards: Vec<&Card> = self
            .cards
            .iter()
            .filter(|card| card.is_in(stage_id, lane_id))
            .collect();
        cards.sort_by_key(|card| card.position);
        cards
    }
}
