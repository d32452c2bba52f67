//! Writing a map as a long-layout CSV sheet that carries everything our import reads back.

use super::{kind_name, Column, HEADERS};
use waymark_core::{EmotionState, JourneyMap};

/// One row, filled column by column; the rest stays empty.
struct Row([String; HEADERS.len()]);

impl Row {
    fn new() -> Row {
        Row(Default::default())
    }

    fn set(mut self, column: Column, value: impl Into<String>) -> Row {
        if let Some(i) = HEADERS.iter().position(|(c, _)| *c == column) {
            self.0[i] = value.into();
        }
        self
    }

    fn some(self, column: Column, value: Option<impl ToString>) -> Row {
        match value {
            Some(value) => self.set(column, value.to_string()),
            None => self,
        }
    }
}

fn state_name(state: EmotionState) -> &'static str {
    match state {
        EmotionState::Current => "current",
        EmotionState::Future => "future",
    }
}

/// The map as a long-layout CSV: the map, persona, stage and lane rows, then each stage's
/// cards and emotion scores (current and future state).
pub fn export_csv(map: &JourneyMap) -> String {
    let mut rows = vec![Row::new()
        .set(Column::Record, "map")
        .set(Column::Text, map.title.as_str())
        .set(Column::Notes, map.description.as_str())];
    for persona in &map.personas {
        rows.push(
            Row::new()
                .set(Column::Record, "persona")
                .set(Column::Persona, persona.name.as_str())
                .set(Column::Colour, persona.colour.as_str())
                .set(Column::Role, persona.role.as_str())
                .set(Column::Goals, persona.goals.as_str())
                .set(Column::Needs, persona.needs.as_str())
                .set(Column::Frustrations, persona.frustrations.as_str())
                .set(Column::Quote, persona.quote.as_str()),
        );
    }
    for stage in &map.stages {
        rows.push(
            Row::new()
                .set(Column::Record, "stage")
                .set(Column::Stage, stage.name.as_str())
                .some(Column::Colour, stage.colour.as_ref())
                .set(Column::Notes, stage.description.as_str()),
        );
    }
    for lane in &map.lanes {
        rows.push(
            Row::new()
                .set(Column::Record, "lane")
                .set(Column::Lane, lane.title.as_str())
                .set(Column::LaneKind, kind_name(lane.kind)),
        );
    }
    for stage in &map.stages {
        for lane in &map.lanes {
            for card in map.cell_cards(&stage.id, &lane.id) {
                rows.push(
                    Row::new()
                        .set(Column::Stage, stage.name.as_str())
                        .set(Column::Lane, lane.title.as_str())
                        .set(Column::LaneKind, kind_name(lane.kind))
                        .set(Column::Text, card.text.as_str())
                        .some(Column::Channel, card.channel.as_ref())
                        .some(Column::Severity, card.severity)
                        .some(Column::Impact, card.impact)
                        .some(Column::Effort, card.effort)
                        .some(Column::Value, card.metric_value.as_ref())
                        .some(Column::Target, card.metric_target.as_ref())
                        .some(Column::Colour, card.colour.as_ref())
                        .set(Column::Tags, card.tags.join(", ")),
                );
            }
        }
        for persona in &map.personas {
            for state in [EmotionState::Current, EmotionState::Future] {
                let score = map
                    .emotions
                    .iter()
                    .find(|e| e.is_for(&persona.id, &stage.id, state));
                if let Some(e) = score {
                    rows.push(
                        Row::new()
                            .set(Column::Stage, stage.name.as_str())
                            .set(Column::Persona, persona.name.as_str())
                            .set(Column::State, state_name(state))
                            .set(Column::Emotion, e.score.to_string())
                            .some(Column::Notes, e.note.as_ref()),
                    );
                }
            }
        }
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(HEADERS.iter().map(|(_, header)| *header));
    for row in rows {
        let _ = writer.write_record(&row.0);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// What a CSV export of this map leaves out: only how it is laid out on screen.
pub fn export_csv_warnings(map: &JourneyMap) -> Vec<String> {
    let mut left_out = Vec::new();
    if map.stages.iter().any(|s| s.width.is_some()) {
        left_out.push("stage column widths");
    }
    if map.lanes.iter().any(|l| l.collapsed) {
        left_out.push("which lanes are folded");
    }
    if map.personas.iter().any(|p| !p.initials.is_empty()) {
        left_out.push("persona initials");
    }
    if left_out.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "The CSV sheet leaves out {}; everything else is in it.",
            left_out.join(", ")
        )]
    }
}
