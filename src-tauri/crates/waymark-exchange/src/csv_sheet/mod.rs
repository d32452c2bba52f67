//! CSV sheets. Long layout: one card a row (`stage`, `lane`, `text`, ...). Wide layout: a
//! `stage` column and one column a lane, each non-empty cell a card (one a line).
//!
//! Waymark's own export is the long layout with everything a map holds: besides card rows and
//! emotion rows (`persona`, `state`, `emotion`), rows with a `record` column declare the map
//! (`record` = `map`: its title in `text`, its description in `notes`), each persona (`persona`
//! with `role`, `goals`, `needs`, `frustrations`, `quote` and `colour`), each stage in order
//! (`stage`, `colour`, description in `notes`) and each lane in order (`lane`, `lane kind`),
//! so empty stages and lanes come back too. A spreadsheet shows them as plain rows.

mod read;
mod records;
mod scan;
mod write;

pub use read::import_csv;
pub use write::{export_csv, export_csv_warnings};

use waymark_core::LaneKind;

/// The columns Waymark knows, with the header names it accepts for each.
const COLUMNS: &[(Column, &[&str])] = &[
    (Column::Stage, &["stage", "phase", "stagename"]),
    (Column::Lane, &["lane", "row", "type", "category"]),
    (Column::LaneKind, &["lanekind"]),
    (Column::Text, &["text", "card", "content"]),
    (Column::Persona, &["persona", "actor", "steppersona"]),
    (Column::State, &["state"]),
    (Column::Emotion, &["emotion", "score"]),
    (Column::Channel, &["channel"]),
    (Column::Severity, &["severity"]),
    (Column::Impact, &["impact"]),
    (Column::Effort, &["effort"]),
    (Column::Value, &["value"]),
    (Column::Target, &["target"]),
    (Column::Colour, &["colour", "color"]),
    (Column::Tags, &["tags", "tag"]),
    (Column::Notes, &["notes"]),
    (Column::Record, &["record"]),
    (Column::Role, &["role"]),
    (Column::Goals, &["goals"]),
    (Column::Needs, &["needs"]),
    (Column::Frustrations, &["frustrations"]),
    (Column::Quote, &["quote"]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Stage,
    Lane,
    LaneKind,
    Text,
    Persona,
    State,
    Emotion,
    Channel,
    Severity,
    Impact,
    Effort,
    Value,
    Target,
    Colour,
    Tags,
    Notes,
    Record,
    Role,
    Goals,
    Needs,
    Frustrations,
    Quote,
}

/// The header Waymark writes for each column, in the order it writes them: the columns every
/// version wrote first, then the ones that carry the rest of the map.
const HEADERS: [(Column, &str); 22] = [
    (Column::Stage, "stage"),
    (Column::Lane, "lane"),
    (Column::Text, "text"),
    (Column::Persona, "persona"),
    (Column::Emotion, "emotion"),
    (Column::Channel, "channel"),
    (Column::Severity, "severity"),
    (Column::Impact, "impact"),
    (Column::Effort, "effort"),
    (Column::Value, "value"),
    (Column::Target, "target"),
    (Column::Notes, "notes"),
    (Column::State, "state"),
    (Column::LaneKind, "lane kind"),
    (Column::Colour, "colour"),
    (Column::Tags, "tags"),
    (Column::Record, "record"),
    (Column::Role, "role"),
    (Column::Goals, "goals"),
    (Column::Needs, "needs"),
    (Column::Frustrations, "frustrations"),
    (Column::Quote, "quote"),
];

/// "Step Persona" → "steppersona": headers match ignoring case, spaces, `_` and `-`.
fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn column_of(header: &str) -> Option<Column> {
    let name = normalise(header);
    COLUMNS
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(c, _)| *c)
}

/// The name a lane kind has in the `lane kind` column.
fn kind_name(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Actions => "actions",
        LaneKind::Thoughts => "thoughts",
        LaneKind::Touchpoints => "touchpoints",
        LaneKind::Emotions => "emotions",
        LaneKind::PainPoints => "pain points",
        LaneKind::Opportunities => "opportunities",
        LaneKind::Kpis => "kpis",
        LaneKind::Backstage => "backstage",
        LaneKind::Notes => "notes",
        LaneKind::Custom => "custom",
    }
}

/// A lane kind from the `lane kind` column, written as Waymark writes it or in the file
/// format's spelling (`pain_points`).
fn kind_named(name: &str) -> Option<LaneKind> {
    let name = normalise(name);
    LaneKind::ALL
        .into_iter()
        .find(|kind| normalise(kind_name(*kind)) == name)
}

/// The lane kind a lane name suggests; an unknown name gives a custom lane.
pub fn lane_kind_for(name: &str) -> LaneKind {
    let name = normalise(name);
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["pain", "frustration"]) {
        LaneKind::PainPoints
    } else if has(&["touchpoint", "channel"]) {
        LaneKind::Touchpoints
    } else if has(&["emotion", "feeling"]) {
        LaneKind::Emotions
    } else if has(&["opportunit", "idea"]) {
        LaneKind::Opportunities
    } else if has(&["kpi", "metric", "measure"]) {
        LaneKind::Kpis
    } else if has(&["backstage", "owner", "team", "system"]) {
        LaneKind::Backstage
    } else if has(&["thought", "question", "thinking"]) {
        LaneKind::Thoughts
    } else if has(&["action", "doing", "does", "step"]) {
        LaneKind::Actions
    } else if has(&["note", "quote", "evidence"]) {
        LaneKind::Notes
    } else {
        LaneKind::Custom
    }
}
