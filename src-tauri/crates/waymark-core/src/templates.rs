//! Starting points for a new map, from the stage frameworks practitioners use.

use crate::ids::{LaneId, StageId};
use crate::map::{JourneyMap, Lane, LaneKind, Stage, Timestamp};

/// A template: named stages and a set of lanes.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// The name used by the CLI and the UI (`five-stage`).
    pub name: &'static str,
    /// What the UI shows.
    pub label: &'static str,
    pub description: &'static str,
    pub stages: &'static [&'static str],
    pub lanes: &'static [LaneKind],
}

use LaneKind::*;

/// Every template, the default first.
pub const TEMPLATES: &[Template] = &[
    Template {
        name: "five-stage",
        label: "Five-stage journey (B2C)",
        description: "The most common framework: from first hearing of you to recommending you.",
        stages: &[
            "Awareness",
            "Consideration",
            "Decision",
            "Retention",
            "Advocacy",
        ],
        lanes: &[
            Actions,
            Thoughts,
            Touchpoints,
            Emotions,
            PainPoints,
            Opportunities,
        ],
    },
    Template {
        name: "four-stage",
        label: "Four-stage journey",
        description: "A compact purchase journey, with KPIs to track each stage.",
        stages: &["Awareness", "Consideration", "Purchase", "Post-purchase"],
        lanes: &[
            Actions,
            Touchpoints,
            Emotions,
            PainPoints,
            Opportunities,
            Kpis,
        ],
    },
    Template {
        name: "b2b-long",
        label: "Long B2B journey",
        description: "Seven stages for considered purchases, with the backstage teams behind them.",
        stages: &[
            "Awareness",
            "Consideration",
            "Decision",
            "Purchase",
            "Onboarding",
            "Retention",
            "Advocacy",
        ],
        lanes: &[
            Actions,
            Thoughts,
            Touchpoints,
            Emotions,
            PainPoints,
            Opportunities,
            Kpis,
            Backstage,
        ],
    },
    Template {
        name: "value-journey",
        label: "Customer value journey",
        description: "Awareness to post-purchase, with KPIs and research notes.",
        stages: &[
            "Awareness",
            "Consideration",
            "Decision",
            "Purchase",
            "Post-purchase",
        ],
        lanes: &[
            Actions,
            Touchpoints,
            Emotions,
            PainPoints,
            Opportunities,
            Kpis,
            Notes,
        ],
    },
    Template {
        name: "blank",
        label: "Blank map",
        description: "Three empty stages and the two lanes every map has.",
        stages: &["Stage 1", "Stage 2", "Stage 3"],
        lanes: &[Actions, Emotions],
    },
];

/// The template used when none is named.
pub const DEFAULT_TEMPLATE: &str = "five-stage";

/// Soft stage colours, in column order.
pub const STAGE_COLOURS: [&str; 7] = [
    "#4f7cac", "#5a9e8f", "#c9a227", "#d9822b", "#b5523b", "#8e6bb0", "#4a8f5b",
];

/// Finds a template by name.
pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name)
}

impl Template {
    /// A new, empty map laid out by this template.
    pub fn build(&self, title: &str, now: Timestamp) -> JourneyMap {
        let mut map = JourneyMap::empty(title, now);
        map.stages = stages_named(self.stages);
        map.lanes = lanes_of(self.lanes);
        map
    }
}

/// New stages with these names, coloured in column order.
pub fn stages_named(names: &[&str]) -> Vec<Stage> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| Stage {
            id: StageId::random(),
            name: (*name).to_owned(),
            description: String::new(),
            colour: Some(STAGE_COLOURS[i % STAGE_COLOURS.len()].to_owned()),
            width: None,
        })
        .collect()
}

/// New lanes of these kinds, with their default titles.
pub fn lanes_of(kinds: &[LaneKind]) -> Vec<Lane> {
    kinds
        .iter()
        .map(|kind| Lane {
            id: LaneId::random(),
            kind: *kind,
            title: kind.default_title().to_owned(),
            collapsed: false,
        })
        .collect()
}
