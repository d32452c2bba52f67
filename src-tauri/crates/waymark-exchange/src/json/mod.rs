//! The Waymark JSON map file: export, and import with error paths, warnings and migration.

mod build;

pub use build::build_map;

use crate::document::{
    CardDocument, EmotionDocument, Envelope, LaneDocument, Lineage, MapDocument, PersonaDocument,
    StageDocument, FORMAT, VERSION,
};
use crate::problem::{Location, Problem, Refused};
use crate::timestamps::format_rfc3339;
use crate::Imported;
use serde_json::Value;
use std::collections::HashMap;
use waymark_core::{Card, EmotionScore, JourneyMap, LaneId, MapId, PersonaId, StageId, Timestamp};

/// The map as a pretty-printed, deterministic version-1 file.
pub fn export_json(map: &JourneyMap, exported_at: Timestamp, generator: &str) -> String {
    export_json_with(map, exported_at, generator, None)
}

/// The map as a file that also says which version of the map it is.
pub fn export_json_with(
    map: &JourneyMap,
    exported_at: Timestamp,
    generator: &str,
    lineage: Option<&Lineage>,
) -> String {
    let envelope = Envelope {
        format: FORMAT.to_owned(),
        version: VERSION,
        exported_at: format_rfc3339(exported_at),
        generator: generator.to_owned(),
        lineage: lineage.cloned(),
        map: document(map),
    };
    let mut text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    text.push('\n');
    text
}

fn document(map: &JourneyMap) -> MapDocument {
    let stage_order: HashMap<&StageId, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let lane_order: HashMap<&LaneId, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (&l.id, i))
        .collect();
    let persona_order: HashMap<&PersonaId, usize> = map
        .personas
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect();
    let mut cards: Vec<&Card> = map.cards.iter().collect();
    cards.sort_by_key(|c| {
        (
            stage_order.get(&c.stage_id),
            lane_order.get(&c.lane_id),
            c.position,
        )
    });
    let mut emotions: Vec<&EmotionScore> = map.emotions.iter().collect();
    emotions.sort_by_key(|e| {
        (
            persona_order.get(&e.persona_id),
            stage_order.get(&e.stage_id),
            e.state,
        )
    });
    MapDocument {
        id: map.id.to_string(),
        title: map.title.clone(),
        description: map.description.clone(),
        created_at: format_rfc3339(map.created_at),
        updated_at: format_rfc3339(map.updated_at),
        personas: map
            .personas
            .iter()
            .map(|p| PersonaDocument {
                id: p.id.to_string(),
                name: p.name.clone(),
                role: p.role.clone(),
                goals: p.goals.clone(),
                needs: p.needs.clone(),
                frustrations: p.frustrations.clone(),
                quote: p.quote.clone(),
                colour: p.colour.clone(),
                initials: p.initials.clone(),
            })
            .collect(),
        stages: map
            .stages
            .iter()
            .map(|s| StageDocument {
                id: s.id.to_string(),
                name: s.name.clone(),
                description: s.description.clone(),
                colour: s.colour.clone(),
                width: s.width,
            })
            .collect(),
        lanes: map
            .lanes
            .iter()
            .map(|l| LaneDocument {
                id: l.id.to_string(),
                kind: l.kind,
                title: l.title.clone(),
                collapsed: l.collapsed,
            })
            .collect(),
        cards: cards
            .into_iter()
            .map(|c| CardDocument {
                id: c.id.to_string(),
                stage: c.stage_id.to_string(),
                lane: c.lane_id.to_string(),
                order: (!c.order.is_empty()).then(|| c.order.clone()),
                text: c.text.clone(),
                channel: c.channel.clone(),
                severity: c.severity,
                impact: c.impact,
                effort: c.effort,
                value: c.metric_value.clone(),
                target: c.metric_target.clone(),
                colour: c.colour.clone(),
                tags: c.tags.clone(),
            })
            .collect(),
        emotions: emotions
            .into_iter()
            .map(|e| EmotionDocument {
                persona: e.persona_id.to_string(),
                stage: e.stage_id.to_string(),
                state: e.state,
                score: e.score,
                note: e.note.clone(),
            })
            .collect(),
    }
}

/// Reads a Waymark JSON file: checks the envelope, upgrades old versions, checks every rule.
pub fn import_json(text: &str) -> Result<Imported<JourneyMap>, Refused> {
    let (envelope, warnings) = read_envelope(text)?;
    let source_map_id = MapId(envelope.map.id.clone());
    let lineage = envelope.lineage.filter(|l| !l.version.trim().is_empty());
    let map = build_map(envelope.map)?;
    Ok(Imported {
        map,
        warnings,
        source_map_id: Some(source_map_id),
        lineage,
    })
}

/// The first step of an import: the file parsed and upgraded to the current version, with a
/// warning for each unknown field. No domain rule is checked yet.
pub fn read_envelope(text: &str) -> Result<(Envelope, Vec<String>), Refused> {
    let value: Value = serde_json::from_str(text).map_err(|error| {
        let message = if error.to_string().contains("recursion limit") {
            "the file is nested too deeply to be a journey map".to_owned()
        } else {
            format!(
                "this is not valid JSON: {}",
                strip_position(&error.to_string())
            )
        };
        Refused::one(Problem::new(
            Location::Text {
                line: error.line(),
                column: error.column(),
            },
            message,
        ))
    })?;
    let value = upgrade(value)?;
    let mut warnings = Vec::new();
    let mut note_unknown = |path: serde_ignored::Path<'_>| {
        warnings.push(format!(
            "ignored the unknown field {}",
            json_path(&path.to_string())
        ));
    };
    let ignored = serde_ignored::Deserializer::new(value, &mut note_unknown);
    let envelope: Envelope = serde_path_to_error::deserialize(ignored).map_err(|error| {
        Refused::one(Problem::new(
            Location::Json {
                path: error.path().to_string(),
            },
            strip_position(&error.inner().to_string()),
        ))
    })?;
    Ok((envelope, warnings))
}

/// serde_ignored writes `map.cards.3.x`; users read `map.cards[3].x`.
fn json_path(dotted: &str) -> String {
    let mut path = String::new();
    for part in dotted.split('.') {
        if part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty() {
            path.push_str(&format!("[{part}]"));
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(part);
        }
    }
    path
}

/// serde_json adds "at line 1 column 5" to messages; the location is shown separately.
fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

/// Checks the envelope and brings an older version up to the current one.
fn upgrade(value: Value) -> Result<Value, Refused> {
    let at = |path: &str, message: String| {
        Refused::one(Problem::new(
            Location::Json {
                path: path.to_owned(),
            },
            message,
        ))
    };
    let Value::Object(fields) = &value else {
        return Err(at(
            "(top level)",
            "expected an object with \"format\", \"version\" and \"map\"".to_owned(),
        ));
    };
    if fields.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(at(
            "format",
            format!("this JSON file is not a Waymark map: expected \"format\": \"{FORMAT}\""),
        ));
    }
    let version = fields
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| {
            at(
                "version",
                "expected the format version, a whole number such as 1".to_owned(),
            )
        })?;
    if version > VERSION {
        return Err(Refused::one(Problem::file(format!(
            "this file was made by a newer Waymark (format v{version}); this version reads up to v{VERSION}. Update Waymark to import it."
        ))));
    }
    // Version 1 is the first format; each later version adds a step here from the one before.
    match version {
        VERSION => Ok(value),
        _ => Err(at(
            "version",
            format!("format v{version} never existed: expected 1 to {VERSION}"),
        )),
    }
}
