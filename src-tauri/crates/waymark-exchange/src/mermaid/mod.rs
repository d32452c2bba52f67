//! Mermaid `journey` diagrams: sections are stages, tasks are customer actions, actors are
//! personas, and task scores (1 to 5) give each actor's emotion for the stage. Reading is
//! here; writing is in `write`.

mod write;

pub use write::{export_mermaid, export_mermaid_warnings};

use crate::personas::persona_named;
use crate::problem::{Location, Problems, Refused};
use crate::Imported;
use waymark_core::{
    templates, Card, EmotionScore, EmotionState, JourneyMap, LaneKind, PersonaId, Timestamp,
};

/// The joiner that keeps a name from starting with a keyword; invisible where it is drawn,
/// and taken out again on import.
const JOINER: char = '\u{2060}';

struct Task {
    name: String,
    /// None when the score is not a number: Mermaid draws such a task without a face.
    score: Option<f64>,
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

/// A diagram's YAML front matter (`---` … `---` before the diagram, as Mermaid's own demos
/// write it): its `title`, and how many lines it takes.
fn front_matter(text: &str) -> (Option<String>, usize) {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return (None, 0);
    }
    let mut title = None;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            return (title, index + 2);
        }
        // Only top-level keys: `config:` blocks below are indented.
        if let Some(value) = line.strip_prefix("title:") {
            let value = value.trim();
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            title = Some(unquoted.to_owned());
        }
    }
    (None, 0)
}

/// The first line that says something: not blank, not a `%%` comment or directive.
fn first_statement(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("%%"))
}

/// Whether a line is the diagram's `journey` keyword (Mermaid reads keywords in any case).
fn is_journey(line: Option<&str>) -> bool {
    line.is_some_and(|l| l.eq_ignore_ascii_case("journey"))
}

/// The text after a diagram's front matter.
fn after_front_matter(text: &str) -> &str {
    let (_, lines) = front_matter(text);
    if lines == 0 {
        return text;
    }
    let mut rest = text;
    for _ in 0..lines {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest
}

/// Whether the text looks like a Mermaid journey (raw, or inside Markdown).
pub fn looks_like_mermaid(text: &str) -> bool {
    is_journey(first_statement(after_front_matter(text)))
        || text.contains("```mermaid")
        || text.contains("~~~mermaid")
}

/// Reads a journey diagram, raw or from the first journey block of a Markdown file.
pub fn import_mermaid(text: &str, now: Timestamp) -> Result<Imported<JourneyMap>, Refused> {
    let (front_title, front_lines) = front_matter(text);
    let after = after_front_matter(text);
    let (offset, body) = if is_journey(first_statement(after)) {
        (front_lines, after.to_owned())
    } else {
        diagram_text(text).ok_or_else(|| {
            Refused::one(crate::Problem::file(
                "no Mermaid journey found: expected a diagram starting with \"journey\", or a ```mermaid block that is one",
            ))
        })?
    };
    let mut problems = Problems::default();
    let mut warnings = Vec::new();
    let mut title = front_title;
    let mut described: Vec<String> = Vec::new();
    let mut in_description = false;
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
        if in_description {
            // The block form: `accDescr {` … `}`.
            match line.strip_suffix('}') {
                Some(last) => {
                    described.push(last.trim().to_owned());
                    in_description = false;
                }
                None => described.push(line.to_owned()),
            }
            continue;
        }
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
                name: section_name(rest),
                tasks: Vec::new(),
            });
        } else if let Some(rest) = accessible(line, "accDescr") {
            match rest.strip_prefix('{') {
                Some(block) => {
                    let block = block.trim();
                    match block.strip_suffix('}') {
                        Some(one) => described.push(one.trim().to_owned()),
                        None => {
                            described.push(block.to_owned());
                            in_description = true;
                        }
                    }
                }
                None => described.push(rest.trim_start_matches(':').trim().to_owned()),
            }
        } else if let Some(rest) = accessible(line, "accTitle") {
            described.insert(0, rest.trim_start_matches(':').trim().to_owned());
        } else {
            match parse_task(line) {
                Ok((name, score, actors)) => {
                    let name = name.replace(JOINER, "");
                    let clamped = score.map(|s| s.clamp(1.0, 5.0));
                    match (score, clamped) {
                        (Some(score), Some(clamped)) if clamped != score => warnings.push(format!(
                            "line {line_no}: the score {score} of \"{name}\" is outside 1 to 5; it was read as {clamped}"
                        )),
                        (None, _) => warnings.push(format!(
                            "line {line_no}: the score of \"{name}\" is not a number, so the task has no score"
                        )),
                        _ => {}
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
    let description = described
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Imported {
        map: build_map(&title, &description, &sections, now),
        warnings,
        source_map_id: None,
        lineage: None,
    })
}

/// "title My day" → Some("My day") for keyword "title", in any case.
fn keyword<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let head = line.get(..word.len())?;
    let rest = &line[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// `accTitle: …`, `accDescr: …` or `accDescr { …`: what follows the keyword.
fn accessible<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let head = line.get(..word.len())?;
    let rest = line[word.len()..].trim_start();
    (head.eq_ignore_ascii_case(word) && (rest.starts_with(':') || rest.starts_with('{')))
        .then_some(rest)
}

/// A section's name as a stage's: Mermaid's `<br>` line breaks become spaces.
fn section_name(name: &str) -> String {
    let mut name = name.replace(JOINER, "");
    for br in ["<br/>", "<br />", "<br>", "<BR>", "<BR/>"] {
        name = name.replace(br, " ");
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Task name: score: Actor, Actor`, as Mermaid reads it: the name runs to the first colon,
/// the score is the number before the next one (None when it is not a number), and the actors
/// follow, separated by commas.
fn parse_task(line: &str) -> Result<(String, Option<f64>, Vec<String>), String> {
    let expected =
        "expected \"section NAME\", \"title TEXT\" or a task like \"Make tea: 5: Me, Cat\"";
    let Some((name, data)) = line.split_once(':') else {
        return Err(format!(
            "{expected}; a task needs a colon and a score after its name"
        ));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("{expected}; the task has no name"));
    }
    let number = |s: &str| s.trim().parse::<f64>().ok().filter(|s| s.is_finite());
    let mut pieces = data.split(':');
    let score = pieces.next().and_then(number);
    if score.is_none() {
        // Mermaid ends a task's name at its first colon. A name that holds colons itself
        // (written for people, or by another tool) keeps them when a score follows later.
        let parts: Vec<&str> = line.rsplitn(3, ':').collect();
        if let [actors, score, name] = parts.as_slice() {
            if let Some(score) = number(score) {
                return Ok((name.trim().to_owned(), Some(score), actor_list(actors)));
            }
        }
        if let [score, name] = line.rsplitn(2, ':').collect::<Vec<_>>().as_slice() {
            if let Some(score) = number(score) {
                return Ok((name.trim().to_owned(), Some(score), Vec::new()));
            }
        }
    }
    Ok((
        name.to_owned(),
        score,
        actor_list(pieces.next().unwrap_or("")),
    ))
}

/// The actors of a task, separated by commas; a trailing comma or colon names nobody.
fn actor_list(actors: &str) -> Vec<String> {
    actors
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
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
                let Some(score) = task.score else { continue };
                match scores.iter_mut().find(|(id, _)| *id == persona_id) {
                    Some((_, values)) => values.push(score),
                    None => scores.push((persona_id, vec![score])),
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
