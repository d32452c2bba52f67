//! Mermaid `journey` diagrams: sections are stages, tasks are customer actions, actors are
//! personas, and task scores (1 to 5) give each actor's emotion for the stage.

use crate::personas::persona_named;
use crate::problem::{Location, Problems, Refused};
use crate::Imported;
use waymark_core::{
    templates, Card, EmotionScore, EmotionState, JourneyMap, LaneKind, Persona, PersonaId,
    Timestamp,
};

struct Task {
    name: String,
    score: f64,
    actors: Vec<String>,
}

struct Section {
    name: String,
    tasks: Vec<Task>,
}

/// The diagram text of a Markdown file: the first ```mermaid block that is a journey.
fn diagram_text(text: &str) -> Option<(usize, String)> {
    let mut lines = text.lines().enumerate();
    while let Some((_, line)) = lines.next() {
        let fence = line.trim_start();
        if !(fence.starts_with("```mermaid") || fence.starts_with("~~~mermaid")) {
            continue;
        }
        let block: Vec<(usize, &str)> = lines
            .by_ref()
            .take_while(|(_, l)| {
                !(l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~"))
            })
            .collect();
        let first = block
            .iter()
            .find(|(_, l)| !l.trim().is_empty() && !l.trim().starts_with("%%"));
        if let Some((start, l)) = first {
            if l.trim() == "journey" {
                let body = block.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n");
                return Some((block.first().map_or(*start, |(n, _)| *n), body));
            }
        }
    }
    None
}

/// Whether the text looks like a Mermaid journey (raw, or inside Markdown).
pub fn looks_like_mermaid(text: &str) -> bool {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("%%"));
    first == Some("journey") || text.contains("```mermaid") || text.contains("~~~mermaid")
}

/// Reads a journey diagram, raw or from the first journey block of a Markdown file.
pub fn import_mermaid(text: &str, now: Timestamp) -> Result<Imported<JourneyMap>, Refused> {
    let raw_start = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("%%"));
    let (offset, body) = if raw_start == Some("journey") {
        (0, text.to_owned())
    } else {
        diagram_text(text).ok_or_else(|| {
            Refused::one(crate::Problem::file(
                "no Mermaid journey found: expected a diagram starting with \"journey\", or a ```mermaid block that is one",
            ))
        })?
    };
    let mut problems = Problems::default();
    let mut warnings = Vec::new();
    let mut title = None;
    let mut description = String::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut seen_header = false;
    for (index, raw) in body.lines().enumerate() {
        let line_no = offset + index + 1;
        let line = raw.trim();
        let column = raw.len() - raw.trim_start().len() + 1;
        let at = Location::Text {
            line: line_no,
            column,
        };
        if line.is_empty() || line.starts_with("%%") {
            continue;
        }
        if !seen_header {
            seen_header = true; // the first meaningful line is "journey"
            continue;
        }
        if let Some(rest) = keyword(line, "title") {
            title = Some(rest.to_owned());
        } else if let Some(rest) = keyword(line, "section") {
            sections.push(Section {
                name: rest.to_owned(),
                tasks: Vec::new(),
            });
        } else if let Some(rest) = line
            .strip_prefix("accDescr")
            .and_then(|r| r.trim_start().strip_prefix(':'))
        {
            description = rest.trim().to_owned();
        } else if line.starts_with("accTitle") {
            continue;
        } else {
            match parse_task(line) {
                Ok((name, score, actors)) => {
                    let clamped = score.clamp(1.0, 5.0);
                    if clamped != score {
                        warnings.push(format!(
                            "line {line_no}: the score {score} of \"{name}\" is outside 1 to 5; it was read as {clamped}"
                        ));
                    }
                    if sections.is_empty() {
                        sections.push(Section {
                            name: "Journey".to_owned(),
                            tasks: Vec::new(),
                        });
                    }
                    if let Some(section) = sections.last_mut() {
                        section.tasks.push(Task {
                            name,
                            score: clamped,
                            actors,
                        });
                    }
                }
                Err(message) => problems.push(at, message),
            }
        }
    }
    if sections.is_empty() && problems.is_empty() {
        problems.push(Location::File, "the journey has no sections or tasks");
    }
    let sections = problems.into_result(sections)?;
    let title = title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "Imported journey".to_owned());
    Ok(Imported {
        map: build_map(&title, &description, &sections, now),
        warnings,
        source_map_id: None,
        lineage: None,
    })
}

/// "title My day" → Some("My day") for keyword "title".
fn keyword<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(word)?;
    rest.starts_with(char::is_whitespace).then(|| rest.trim())
}

/// `Task name: score: Actor, Actor`, where the name may itself contain colons.
fn parse_task(line: &str) -> Result<(String, f64, Vec<String>), String> {
    let expected =
        "expected \"section NAME\", \"title TEXT\" or a task like \"Make tea: 5: Me, Cat\"";
    let parts: Vec<&str> = line.rsplitn(3, ':').collect();
    let (name, score, actors) = match parts.as_slice() {
        [actors, score, name] if score.trim().parse::<f64>().is_ok() => (*name, *score, *actors),
        [score, _, ..] if score.trim().parse::<f64>().is_ok() => {
            // No actors: everything before the last colon is the name.
            (&line[..line.len() - score.len() - 1], *score, "")
        }
        _ => {
            return Err(format!(
                "{expected}; the score after the task name must be a number from 1 to 5"
            ))
        }
    };
    let score: f64 = score.trim().parse().map_err(|_| expected.to_owned())?;
    if !score.is_finite() {
        return Err("the task score must be a number from 1 to 5".to_owned());
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("{expected}; the task has no name"));
    }
    let actors = actors
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    Ok((name.to_owned(), score, actors))
}

fn build_map(title: &str, description: &str, sections: &[Section], now: Timestamp) -> JourneyMap {
    let mut map = JourneyMap::empty(&truncate(title, 200), now);
    map.description = truncate(description, 5_000);
    let names: Vec<String> = sections
        .iter()
        .map(|s| {
            Some(truncate(&s.name, 80))
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| "Stage".to_owned())
        })
        .collect();
    map.stages = templates::stages_named(&names.iter().map(String::as_str).collect::<Vec<_>>());
    map.lanes = templates::lanes_of(&[LaneKind::Actions, LaneKind::Emotions]);
    let actions = map.lanes[0].id.clone();
    for (stage, section) in map.stages.iter().zip(sections) {
        // Each actor's scores in this section, actors in order of first appearance.
        let mut scores: Vec<(PersonaId, Vec<f64>)> = Vec::new();
        for (position, task) in (0u32..).zip(&section.tasks) {
            map.cards.push(Card::new(
                stage.id.clone(),
                actions.clone(),
                position,
                &truncate(&task.name, 5_000),
            ));
            for actor in &task.actors {
                let persona_id = persona_named(&mut map.personas, actor);
                match scores.iter_mut().find(|(id, _)| *id == persona_id) {
                    Some((_, values)) => values.push(task.score),
                    None => scores.push((persona_id, vec![task.score])),
                }
            }
        }
        for (persona_id, values) in scores {
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            map.emotions.push(EmotionScore {
                persona_id,
                stage_id: stage.id.clone(),
                state: EmotionState::Current,
                score: (mean - 3.0).round().clamp(-2.0, 2.0) as i8,
                note: None,
            });
        }
    }
    map
}

fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The map as a Mermaid journey: stages → sections, customer actions → tasks, and each stage's
/// current emotion (the personas' mean, −2…+2 → 1…5) → the tasks' score and actors.
pub fn export_mermaid(map: &JourneyMap) -> String {
    let mut out = String::from("journey\n");
    out.push_str(&format!("    title {}\n", one_line(&map.title)));
    let actions: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Actions)
        .collect();
    for stage in &map.stages {
        out.push_str(&format!("    section {}\n", one_line(&stage.name)));
        let scored: Vec<(&Persona, i8)> = map
            .personas
            .iter()
            .filter_map(|p| {
                map.emotions
                    .iter()
                    .find(|e| e.is_for(&p.id, &stage.id, EmotionState::Current))
                    .map(|e| (p, e.score))
            })
            .collect();
        let score = if scored.is_empty() {
            3
        } else {
            let mean = scored.iter().map(|(_, s)| f64::from(*s)).sum::<f64>() / scored.len() as f64;
            (mean + 3.0).round() as i64
        };
        let actors = scored
            .iter()
            .map(|(p, _)| one_line(&p.name).replace(',', " "))
            .collect::<Vec<_>>()
            .join(", ");
        for lane in &actions {
            for card in map.cell_cards(&stage.id, &lane.id) {
                let task = one_line(&card.text).replace(':', "\u{A789}");
                let task = if task.trim().is_empty() {
                    "(empty card)".to_owned()
                } else {
                    task
                };
                if actors.is_empty() {
                    out.push_str(&format!("      {task}: {score}\n"));
                } else {
                    out.push_str(&format!("      {task}: {score}: {actors}\n"));
                }
            }
        }
    }
    out
}

/// What a Mermaid export of this map leaves out. A journey holds the title, the stages as
/// sections, the Customer actions cards as tasks and a score a task (the mean of the personas'
/// current-state scores, who are named as its actors).
pub fn export_mermaid_warnings(map: &JourneyMap) -> Vec<String> {
    let mut left_out = Vec::new();
    let other_lanes: Vec<&str> = map
        .lanes
        .iter()
        .filter(|l| l.kind != LaneKind::Actions)
        .filter(|l| map.cards.iter().any(|c| c.lane_id == l.id))
        .map(|l| l.title.as_str())
        .collect();
    let other_cards = map
        .cards
        .iter()
        .filter(|c| {
            map.lanes
                .iter()
                .any(|l| l.id == c.lane_id && l.kind != LaneKind::Actions)
        })
        .count();
    if other_cards > 0 {
        let plural = if other_cards == 1 { "" } else { "s" };
        left_out.push(format!(
            "{other_cards} card{plural} in other lanes ({})",
            other_lanes.join(", ")
        ));
    }
    if map.emotions.iter().any(|e| e.state == EmotionState::Future) {
        left_out.push("future-state scores".to_owned());
    }
    if map.emotions.iter().any(|e| e.note.is_some()) {
        left_out.push("notes on emotion scores".to_owned());
    }
    if map.personas.len() > 1 {
        left_out.push("each persona's own score (a task has their mean)".to_owned());
    }
    let details = map.personas.iter().any(|p| {
        [&p.role, &p.goals, &p.needs, &p.frustrations, &p.quote]
            .iter()
            .any(|t| !t.is_empty())
    });
    if details {
        left_out.push("persona details".to_owned());
    }
    if map
        .cards
        .iter()
        .any(|c| !c.tags.is_empty() || c.colour.is_some())
    {
        left_out.push("card tags and colours".to_owned());
    }
    if !map.description.is_empty() {
        left_out.push("the map's description".to_owned());
    }
    if left_out.is_empty() {
        return Vec::new();
    }
    vec![format!(
        "A Mermaid journey holds the Customer actions lane and scores; left out: {}. Export Waymark JSON or CSV to keep everything.",
        left_out.join("; ")
    )]
}

/// Mermaid is line-based: newlines, `#` and `;` would end a statement early.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['#', ';'], " ")
}
