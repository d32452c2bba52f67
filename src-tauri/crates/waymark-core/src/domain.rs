//! The facts of the domain the editor needs too: lane kinds with their titles, card names and
//! colours, and every limit a rule checks. The UI receives them generated from here (see the
//! app's bindings), so no fact is written in both languages.

use crate::map::LaneKind;
use crate::rules;
use serde::Serialize;

/// Longest map title, stage name, lane title and so on, in characters.
pub const MAP_TITLE_MAX: usize = 200;
pub const MAP_DESCRIPTION_MAX: usize = 5_000;
pub const STAGE_NAME_MAX: usize = 80;
pub const STAGE_DESCRIPTION_MAX: usize = 1_000;
pub const LANE_TITLE_MAX: usize = 80;
pub const PERSONA_NAME_MAX: usize = 80;
pub const PERSONA_ROLE_MAX: usize = 200;
/// Goals, needs, frustrations and quote.
pub const PERSONA_TEXT_MAX: usize = 2_000;
pub const PERSONA_INITIALS_MAX: usize = 3;
pub const CARD_TEXT_MAX: usize = 5_000;
pub const CHANNEL_MAX: usize = 80;
/// A KPI's value or target.
pub const METRIC_MAX: usize = 40;
pub const TAG_MAX: usize = 40;
pub const TAGS_PER_CARD: usize = 20;
pub const EMOTION_NOTE_MAX: usize = 500;
/// The width a stage column has until it is resized, in points.
pub const STAGE_WIDTH_DEFAULT: u32 = 260;

/// The channels journey maps name most: suggestions for a touchpoint's channel.
pub const CHANNELS: [&str; 14] = [
    "Website",
    "Mobile app",
    "Email",
    "Phone",
    "Chat",
    "In-store",
    "Instagram",
    "TikTok",
    "Search",
    "Ads",
    "Reviews",
    "Customer support",
    "Loyalty programme",
    "Referral programme",
];

impl LaneKind {
    /// What one card of this kind is called ("Pain point"), as on the palette.
    pub fn card_name(self) -> &'static str {
        match self {
            LaneKind::Actions => "Action",
            LaneKind::Thoughts => "Thought",
            LaneKind::Touchpoints => "Touchpoint",
            LaneKind::Emotions => "Feeling",
            LaneKind::PainPoints => "Pain point",
            LaneKind::Opportunities => "Opportunity",
            LaneKind::Kpis => "KPI",
            LaneKind::Backstage => "Backstage",
            LaneKind::Notes => "Note",
            LaneKind::Custom => "Card",
        }
    }

    /// The colour of the lane's label and cards, on the canvas and in PDFs.
    pub fn colour(self) -> &'static str {
        match self {
            LaneKind::Actions => "#4f7cac",
            LaneKind::Thoughts => "#7a6bb0",
            LaneKind::Touchpoints => "#2f8f83",
            LaneKind::Emotions => "#c0587e",
            LaneKind::PainPoints => "#c8553d",
            LaneKind::Opportunities => "#4a8f4b",
            LaneKind::Kpis => "#b0862b",
            LaneKind::Backstage => "#6b7280",
            LaneKind::Notes => "#8a7a5c",
            LaneKind::Custom => "#5b6b8c",
        }
    }
}

/// A lane kind as the editor shows it.
#[derive(Debug, Clone, Serialize)]
pub struct LaneFacts {
    pub kind: LaneKind,
    /// The title a new lane of this kind gets.
    pub title: &'static str,
    /// What one card of this kind is called.
    pub card_name: &'static str,
    pub colour: &'static str,
}

/// Every limit the rules check, by name.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    pub map_title: usize,
    pub map_description: usize,
    pub stage_name: usize,
    pub stage_description: usize,
    pub stage_width_min: u32,
    pub stage_width_max: u32,
    pub stage_width_default: u32,
    pub lane_title: usize,
    pub persona_name: usize,
    pub persona_role: usize,
    pub persona_text: usize,
    pub persona_initials: usize,
    pub card_text: usize,
    pub channel: usize,
    pub metric: usize,
    pub tag: usize,
    pub tags_per_card: usize,
    pub rating_min: u8,
    pub rating_max: u8,
    pub emotion_min: i8,
    pub emotion_max: i8,
    pub emotion_note: usize,
    pub personas: usize,
    pub stages: usize,
    pub lanes: usize,
    pub cards: usize,
}

/// The domain's facts, for the editor.
#[derive(Debug, Clone, Serialize)]
pub struct Domain {
    pub lanes: Vec<LaneFacts>,
    pub limits: Limits,
    pub channels: Vec<&'static str>,
    /// The colours new stages get, in turn.
    pub stage_colours: Vec<&'static str>,
}

/// The domain's facts, for the editor.
pub fn domain() -> Domain {
    Domain {
        lanes: LaneKind::ALL
            .into_iter()
            .map(|kind| LaneFacts {
                kind,
                title: kind.default_title(),
                card_name: kind.card_name(),
                colour: kind.colour(),
            })
            .collect(),
        limits: Limits {
            map_title: MAP_TITLE_MAX,
            map_description: MAP_DESCRIPTION_MAX,
            stage_name: STAGE_NAME_MAX,
            stage_description: STAGE_DESCRIPTION_MAX,
            stage_width_min: rules::STAGE_WIDTH_MIN,
            stage_width_max: rules::STAGE_WIDTH_MAX,
            stage_width_default: STAGE_WIDTH_DEFAULT,
            lane_title: LANE_TITLE_MAX,
            persona_name: PERSONA_NAME_MAX,
            persona_role: PERSONA_ROLE_MAX,
            persona_text: PERSONA_TEXT_MAX,
            persona_initials: PERSONA_INITIALS_MAX,
            card_text: CARD_TEXT_MAX,
            channel: CHANNEL_MAX,
            metric: METRIC_MAX,
            tag: TAG_MAX,
            tags_per_card: TAGS_PER_CARD,
            rating_min: rules::RATING_MIN,
            rating_max: rules::RATING_MAX,
            emotion_min: rules::EMOTION_MIN,
            emotion_max: rules::EMOTION_MAX,
            emotion_note: EMOTION_NOTE_MAX,
            personas: rules::MAX_PERSONAS,
            stages: rules::MAX_STAGES,
            lanes: rules::MAX_LANES,
            cards: rules::MAX_CARDS,
        },
        channels: CHANNELS.to_vec(),
        stage_colours: crate::templates::STAGE_COLOURS.to_vec(),
    }
}
