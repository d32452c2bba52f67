//! Enablement Map Studio files: multi-document YAML, where the `kind: cjm` document is a
//! customer journey. Its persona becomes a persona and its phases stages, in order. Each
//! action becomes a card in Customer actions, each of its touchpoints a card in Touchpoints
//! and each of its thoughts and feelings a card in Thoughts & feelings, all in the action's
//! phase. Emotion scores (−2 to +2) become the persona's current-state score for the stage:
//! the mean of its actions' scores. The file's other documents (service blueprints, outcomes,
//! enablement maps) are not journeys and are left out, with a warning.

use crate::personas::persona_named;
use crate::problem::{Problem, Problems, Refused};
use crate::yaml::{self, Node};
use crate::Imported;
use waymark_core::domain::{
    CARD_TEXT_MAX, MAP_DESCRIPTION_MAX, PERSONA_NAME_MAX, PERSONA_ROLE_MAX, STAGE_NAME_MAX,
};
use waymark_core::{templates, Card, EmotionScore, EmotionState, JourneyMap, LaneKind, Timestamp};

/// The kinds of document Enablement Map Studio writes, and what each is called.
const KINDS: [(&str, &str); 4] = [
    ("cjm", "customer journey"),
    ("sbp", "service blueprint"),
    ("outcome", "outcome"),
    ("em", "enablement map"),
];

/// Whether the text has a top-level `kind:` line of a kind Enablement Map Studio writes.
pub(crate) fn looks_like_enablement(text: &str) -> bool {
    text.lines().any(|line| {
        line.strip_prefix("kind:").is_some_and(|value| {
            let value = value.split(" #").next().unwrap_or("").trim();
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            KINDS.iter().any(|(kind, _)| *kind == value)
        })
    })
}

struct Phase {
    id: String,
    name: String,
    line: usize,
}

struct Action {
    phase: usize,
    name: String,
    touchpoints: Vec<String>,
    thoughts: Vec<String>,
    score: Option<i8>,
}

struct Journey {
    /// Its name and description.
    persona: Option<(String, String)>,
    phases: Vec<Phase>,
    actions: Vec<Action>,
}

/// Reads the first customer journey of an Enablement Map Studio file. `title` names the map
/// (the format gives journeys no title).
pub(crate) fn import_enablement(
    text: &str,
    title: &str,
    now: Timestamp,
) -> Result<Imported<JourneyMap>, Refused> {
    let documents = yaml::documents_of_kind(text, "cjm")?;
    let mut warnings = Vec::new();
    let mut journey = None;
    let mut others: Vec<&str> = Vec::new();
    let mut kindless: Vec<usize> = Vec::new();
    // A JSON list of documents reads as one YAML document that is a list.
    let roots = documents
        .iter()
        .flat_map(|document| match document.root.items() {
            Some(items) => items
                .iter()
                .map(|item| (item.line, item))
                .collect::<Vec<_>>(),
            None => vec![(document.line, &document.root)],
        });
    for (line, root) in roots {
        match root.get("kind").and_then(Node::text) {
            Some("cjm") if journey.is_none() => journey = Some(root),
            Some("cjm") => warnings.push(format!(
                "line {}: a second customer journey (kind: cjm) was left out; Waymark imports the first journey of a file",
                root.line
            )),
            Some(kind) => {
                let name = KINDS
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map_or(kind, |(_, name)| *name);
                if !others.contains(&name) {
                    others.push(name);
                }
            }
            None => kindless.push(line.max(root.line)),
        }
    }
    match kindless.as_slice() {
        [] => {}
        [line] => warnings.push(format!(
            "line {line}: a document with no \"kind\" was left out"
        )),
        [line, ..] => warnings.push(format!(
            "{} documents with no \"kind\" were left out (the first on line {line})",
            kindless.len()
        )),
    }
    let Some(root) = journey else {
        let message = if others.is_empty() {
            "not an Enablement Map journey: no document has \"kind: cjm\"".to_owned()
        } else {
            format!(
                "this Enablement Map file holds no customer journey: it has {} documents, and Waymark imports the customer journey (\"kind: cjm\")",
                listed(&others)
            )
        };
        return Err(Refused::one(Problem::file(message)));
    };
    if !others.is_empty() {
        warnings.insert(
            0,
            format!(
                "the file's {} {} left out: Waymark imports the customer journey (kind: cjm)",
                listed(&others),
                if others.len() == 1 { "was" } else { "were" }
            ),
        );
    }
    let journey = read_journey(root, &mut warnings)?;
    Ok(Imported {
        map: build_map(title, &journey, now, &mut warnings),
        warnings,
        source_map_id: None,
        lineage: None,
    })
}

/// "a, b and c".
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn read_journey(root: &Node, warnings: &mut Vec<String>) -> Result<Journey, Refused> {
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

fn build_map(
    title: &str,
    journey: &Journey,
    now: Timestamp,
    warnings: &mut Vec<String>,
) -> JourneyMap {
    let mut map = JourneyMap::empty(title, now);
    let names: Vec<String> = journey
        .phases
        .iter()
        .map(|phase| {
            fit(
                &phase.name,
                STAGE_NAME_MAX,
                "phase name",
                phase.line,
                warnings,
            )
        })
        .collect();
    map.stages = templates::stages_named(&names.iter().map(String::as_str).collect::<Vec<_>>());
    map.lanes = templates::lanes_of(&[
        LaneKind::Actions,
        LaneKind::Touchpoints,
        LaneKind::Thoughts,
        LaneKind::Emotions,
    ]);
    map.lanes[2].title = "Thoughts & feelings".to_owned();
    let scored = journey.actions.iter().any(|a| a.score.is_some());
    let persona = match &journey.persona {
        Some((name, description)) => {
            let id = persona_named(
                &mut map.personas,
                &fit(name, PERSONA_NAME_MAX, "persona name", 0, warnings),
            );
            let description = description.split_whitespace().collect::<Vec<_>>().join(" ");
            if description.chars().count() <= PERSONA_ROLE_MAX {
                if let Some(persona) = map.personas.first_mut() {
                    persona.role = description;
                }
            } else {
                map.description = fit(
                    &format!("{name}: {description}"),
                    MAP_DESCRIPTION_MAX,
                    "persona description",
                    0,
                    warnings,
                );
            }
            Some(id)
        }
        None if scored => {
            warnings.push(
                "the journey names no persona; its emotion scores are kept for a persona called \"Customer\"".to_owned(),
            );
            Some(persona_named(&mut map.personas, "Customer"))
        }
        None => None,
    };
    let mut next = vec![[0u32; 3]; map.stages.len()];
    let mut scores: Vec<Vec<i8>> = vec![Vec::new(); map.stages.len()];
    for action in &journey.actions {
        let stage = map.stages[action.phase].id.clone();
        let cells = [
            (0, std::slice::from_ref(&action.name)),
            (1, action.touchpoints.as_slice()),
            (2, action.thoughts.as_slice()),
        ];
        for (lane, texts) in cells {
            for text in texts {
                let position = &mut next[action.phase][lane];
                let lane = &map.lanes[lane];
                map.cards.push(
                    Card::new(
                        stage.clone(),
                        lane.id.clone(),
                        *position,
                        &fit(text, CARD_TEXT_MAX, "text", 0, warnings),
                    )
                    .for_kind(lane.kind),
                );
                *position += 1;
            }
        }
        scores[action.phase].extend(action.score);
    }
    if let Some(persona) = persona {
        for (stage, values) in map.stages.iter().zip(&scores) {
            if values.is_empty() {
                continue;
            }
            let mean = values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64;
            map.emotions.push(EmotionScore {
                persona_id: persona.clone(),
                stage_id: stage.id.clone(),
                state: EmotionState::Current,
                score: mean.round() as i8,
                note: None,
            });
        }
    }
    map
}

/// The text within `max` characters, with a warning when it had to be cut.
fn fit(text: &str, max: usize, what: &str, line: usize, warnings: &mut Vec<String>) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let at = if line > 0 {
        format!("line {line}: ")
    } else {
        String::new()
    };
    warnings.push(format!(
        "{at}a {what} longer than {max} characters was cut to fit (\"{}…\")",
        text.chars().take(40).collect::<String>()
    ));
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::looks_like_enablement;

    #[test]
    fn a_top_level_kind_line_of_a_known_kind_is_enablement() {
        assert!(looks_like_enablement("kind: cjm\nversion: '1.0'\n"));
        assert!(looks_like_enablement("---\nkind: \"sbp\" # blueprint\n"));
        assert!(!looks_like_enablement("kind: Deployment\n"));
        assert!(!looks_like_enablement("  kind: cjm\n"));
    }
}
