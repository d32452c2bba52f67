//! The rows Waymark's own CSV export adds to the long layout: the map, its personas, and its
//! stages and lanes in order (see `mod.rs`), and the card columns beyond the basic ones.

use super::read::{Builder, RowView};
use super::{kind_named, Column};
use crate::problem::Problems;
use waymark_core::LaneKind;

/// Reads a row with a `record` column: `map`, `persona`, `stage` or `lane`.
pub(super) fn import_record_row(
    builder: &mut Builder,
    view: &RowView<'_>,
    problems: &mut Problems,
) {
    let record = view.get(Column::Record);
    match record.to_lowercase().as_str() {
        "map" => {
            if let Some(title) = view.optional(Column::Text) {
                builder.map.title = title;
            }
            builder.map.description = view.get(Column::Notes).to_owned();
        }
        "persona" => {
            let Some(name) = view.optional(Column::Persona) else {
                problems.push(view.at(Column::Persona), "expected the persona's name");
                return;
            };
            let colour = colour(view, problems);
            let id = builder.persona(&name);
            if let Some(persona) = builder.map.personas.iter_mut().find(|p| p.id == id) {
                persona.role = view.get(Column::Role).to_owned();
                persona.goals = view.get(Column::Goals).to_owned();
                persona.needs = view.get(Column::Needs).to_owned();
                persona.frustrations = view.get(Column::Frustrations).to_owned();
                persona.quote = view.get(Column::Quote).to_owned();
                if let Some(colour) = colour {
                    persona.colour = colour;
                }
            }
        }
        "stage" => {
            let Some(name) = view.optional(Column::Stage) else {
                problems.push(view.at(Column::Stage), "expected a stage name");
                return;
            };
            let colour = colour(view, problems);
            let id = builder.stage(&name);
            if let Some(stage) = builder.map.stages.iter_mut().find(|s| s.id == id) {
                stage.description = view.get(Column::Notes).to_owned();
                if colour.is_some() {
                    stage.colour = colour;
                }
            }
        }
        "lane" => {
            let Some(title) = view.optional(Column::Lane) else {
                problems.push(view.at(Column::Lane), "expected a lane name");
                return;
            };
            let kind = lane_kind(view, problems);
            builder.lane(&title, kind);
        }
        _ => problems.push(
            view.at(Column::Record),
            format!("expected map, persona, stage or lane, not \"{record}\""),
        ),
    }
}

/// The row's `colour`, which must be `#rrggbb`.
pub(super) fn colour(view: &RowView<'_>, problems: &mut Problems) -> Option<String> {
    let value = view.get(Column::Colour);
    if value.is_empty() {
        return None;
    }
    let bytes = value.as_bytes();
    if bytes.len() == 7 && bytes[0] == b'#' && bytes[1..].iter().all(u8::is_ascii_hexdigit) {
        Some(value.to_lowercase())
    } else {
        problems.push(
            view.at(Column::Colour),
            format!("expected a colour like #3b5bdb, not \"{value}\""),
        );
        None
    }
}

/// The row's `lane kind`, when it has one.
pub(super) fn lane_kind(view: &RowView<'_>, problems: &mut Problems) -> Option<LaneKind> {
    let value = view.get(Column::LaneKind);
    if value.is_empty() {
        return None;
    }
    let kind = kind_named(value);
    if kind.is_none() {
        problems.push(
            view.at(Column::LaneKind),
            format!(
                "expected a lane kind (actions, thoughts, touchpoints, emotions, pain points, opportunities, kpis, backstage, notes or custom), not \"{value}\""
            ),
        );
    }
    kind
}

/// Tags written comma-separated, without repeats.
pub(super) fn tags(value: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}
