//! Reading a `cjm` document: its persona, phases and actions, each problem with its line.

use super::{Action, Journey, Phase};
use crate::problem::{Problems, Refused};
use crate::yaml::Node;

pub(super) fn read_journey(root: &Node, warnings: &mut Vec<String>) -> Result<Journey, Refused> {
    let mut problems = Problems::default();
    let mut unknown = Unknown::default();
    left_out(
        root,
        &["kind", "version", "id", "persona", "phases", "actions"],
        "journey",
        &mut unknown,
    );
    if let Some(version) = root.get("version").and_then(Node::text) {
        if version.split('.').next() != Some("1") {
            warnings.push(format!(
                "line {}: the file is version {version} of the format; Waymark reads version 1.0 and read it as that",
                root.line
            ));
        }
    }
    let persona = root.get("persona").and_then(|persona| {
        left_out(persona, &["name", "description"], "persona", &mut unknown);
        let name = text(persona, "name", "persona", &mut problems)?;
        let description = optional_text(persona, "description", &mut problems);
        Some((name, description))
    });
    let mut phases: Vec<Phase> = Vec::new();
    for phase in list(root, "phases", &mut problems).unwrap_or_default() {
        left_out(phase, &["id", "name"], "phase", &mut unknown);
        let (Some(id), Some(name)) = (
            text(phase, "id", "phase", &mut problems),
            text(phase, "name", "phase", &mut problems),
        ) else {
            continue;
        };
        if let Some(first) = phases.iter().find(|p| p.id == id) {
            problems.push(
                phase.at(),
                format!(
                    "the phase id \"{id}\" is used twice (first on line {})",
                    first.line
                ),
            );
            continue;
        }
        phases.push(Phase {
            id,
            name,
            line: phase.line,
        });
    }
    if phases.is_empty() && problems.is_empty() {
        problems.push(root.at(), "the journey has no phases");
    }
    let mut actions = Vec::new();
    let action_list = match root.get("actions") {
        None => &[][..],
        Some(_) => list(root, "actions", &mut problems).unwrap_or_default(),
    };
    for action in action_list {
        let fields = [
            "id",
            "name",
            "phase",
            "touchpoints",
            "thoughts_feelings",
            "emotion_score",
        ];
        left_out(action, &fields, "action", &mut unknown);
        let name = text(action, "name", "action", &mut problems);
        let phase = text(action, "phase", "action", &mut problems);
        let touchpoints = texts(action, "touchpoints", &mut problems);
        let thoughts = texts(action, "thoughts_feelings", &mut problems);
        let (Some(name), Some(phase)) = (name, phase) else {
            continue;
        };
        // By id, as the format says; a phase named instead of identified is understood too.
        let found = phases
            .iter()
            .position(|p| p.id == phase)
            .or_else(|| phases.iter().position(|p| p.name == phase));
        let Some(phase) = found else {
            problems.push(
                action.at(),
                format!(
                    "the action \"{name}\" is in the phase \"{phase}\", which the journey's phases do not list"
                ),
            );
            continue;
        };
        let score = score(action, &name, warnings);
        actions.push(Action {
            phase,
            name,
            touchpoints,
            thoughts,
            score,
        });
    }
    for ((what, key), (count, line)) in unknown {
        warnings.push(match count {
            1 => format!(
                "line {line}: \"{key}\" is not part of an Enablement Map {what}, so it was left out"
            ),
            _ => format!(
                "\"{key}\" is not part of an Enablement Map {what}, so it was left out of {count} {what}s (the first on line {line})"
            ),
        });
    }
    problems.into_result(Journey {
        persona,
        phases,
        actions,
    })
}

/// An action's `emotion_score`, −2 to +2: rounded and kept within the range, with a warning
/// when that changed it; None (with a warning) when it is missing or not a number.
fn score(action: &Node, name: &str, warnings: &mut Vec<String>) -> Option<i8> {
    let Some(node) = action.get("emotion_score") else {
        warnings.push(format!(
            "line {}: the action \"{name}\" has no emotion_score, so it adds nothing to the emotion curve",
            action.line
        ));
        return None;
    };
    let Some(value) = node.number() else {
        warnings.push(format!(
            "line {}: the emotion_score of \"{name}\" is not a number, so it adds nothing to the emotion curve",
            node.line
        ));
        return None;
    };
    let kept = value.round().clamp(-2.0, 2.0);
    if kept != value {
        warnings.push(format!(
            "line {}: the emotion_score {value} of \"{name}\" is not a whole number from -2 to 2; it was read as {kept}",
            node.line
        ));
    }
    Some(kept as i8)
}

/// The fields a file has that the format does not: how often each appears, and its first line.
type Unknown = std::collections::BTreeMap<(&'static str, String), (usize, usize)>;

/// Counts each key of `node` that is not one of `known`.
fn left_out(node: &Node, known: &[&str], what: &'static str, unknown: &mut Unknown) {
    for (key, value) in node.entries().unwrap_or_default() {
        if !known.contains(&key.as_str()) {
            let seen = unknown
                .entry((what, key.clone()))
                .or_insert((0, value.line));
            seen.0 += 1;
        }
    }
}

/// The items of the list under `key`; a problem when it is missing or not a list.
fn list<'a>(node: &'a Node, key: &str, problems: &mut Problems) -> Option<&'a [Node]> {
    match node.get(key) {
        Some(value) => match value.items() {
            Some(items) => Some(items),
            None if value.text().is_none() && value.entries().is_none() => Some(&[]),
            None => {
                problems.push(
                    value.at(),
                    format!("\"{key}\" should be a list, not {}", value.shape()),
                );
                None
            }
        },
        None => {
            problems.push(node.at(), format!("the journey has no \"{key}\" list"));
            None
        }
    }
}

/// The text under `key`; a problem when it is missing, empty or not text.
fn text(node: &Node, key: &str, what: &str, problems: &mut Problems) -> Option<String> {
    if node.entries().is_none() {
        let shape = node.shape();
        let message = format!("each {what} should be a map with a \"{key}\", not {shape}");
        problems.push(node.at(), message);
        return None;
    }
    let Some(value) = node.get(key) else {
        problems.push(node.at(), format!("the {what} has no \"{key}\""));
        return None;
    };
    let text = scalar(value, &format!("the {what}'s \"{key}\""), problems)?;
    if text.is_empty() {
        problems.push(value.at(), format!("the {what}'s \"{key}\" is empty"));
        return None;
    }
    Some(text)
}

/// The text under `key`, or nothing when there is none.
fn optional_text(node: &Node, key: &str, problems: &mut Problems) -> String {
    node.get(key)
        .and_then(|value| scalar(value, &format!("\"{key}\""), problems))
        .unwrap_or_default()
}

/// A scalar's text, trimmed (empty for nothing); a problem when the value is a list or a map.
fn scalar(value: &Node, named: &str, problems: &mut Problems) -> Option<String> {
    if value.items().is_some() || value.entries().is_some() {
        let message = format!("{named} should be text, not {}", value.shape());
        problems.push(value.at(), message);
        return None;
    }
    Some(value.text().unwrap_or_default().trim().to_owned())
}

/// The texts listed under `key` (one text alone counts as a list of one); empty ones left out.
fn texts(node: &Node, key: &str, problems: &mut Problems) -> Vec<String> {
    let Some(value) = node.get(key) else {
        return Vec::new();
    };
    let items = match value.items() {
        Some(items) => items,
        None if value.entries().is_none() => std::slice::from_ref(value),
        None => {
            problems.push(value.at(), format!("\"{key}\" should be a list of texts"));
            return Vec::new();
        }
    };
    let mut texts = Vec::new();
    for item in items {
        match item.text() {
            Some(text) if !text.trim().is_empty() => texts.push(text.trim().to_owned()),
            Some(_) => {}
            None if item.items().is_some() || item.entries().is_some() => problems.push(
                item.at(),
                format!("each of \"{key}\" should be text, not {}", item.shape()),
            ),
            None => {}
        }
    }
    texts
}
