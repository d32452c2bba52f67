//! Mermaid `journey` diagrams: sections are stages, tasks are customer actions, actors are
//! personas, and task scores (1 to 5) give each actor's emotion for the stage. Reading is
//! here; writing is in `write`.

mod source;
mod write;

pub(crate) use source::looks_like_mermaid;
use source::Source;

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

/// Reads a journey diagram, raw or from the first journey block of a Markdown file.
pub fn import_mermaid(text: &str, now: Timestamp) -> Result<Imported<JourneyMap>, Refused> {
    let Source {
        title: front_title,
        lines,
    } = source::source(text)?.ok_or_else(|| {
        Refused::one(crate::Problem::file(
            "no Mermaid journey found: expected a diagram starting with \"journey\", or a ```mermaid block that is one",
        ))
    })?;
    let mut problems = Problems::default();
    let mut warnings = Vec::new();
    let mut title = front_title;
    let mut described: Vec<String> = Vec::new();
    let mut in_description = false;
    let mut sections: Vec<Section> = Vec::new();
    for (line_no, raw) in &lines {
        let line_no = *line_no;
        let mut line = raw.trim();
        let column = raw.len() - raw.trim_start().len() + 1;
        let at = Location::Text {
            line: line_no,
            column,
        };
        if in_description {
            // The block form: `accDescr {` … `}`; a statement may follow the brace.
            match line.split_once('}') {
                Some((last, after)) => {
                    described.push(last.trim().to_owned());
                    in_description = false;
                    line = after.trim();
                    if line.is_empty() {
                        continue;
                    }
                }
                None => {
                    described.push(line.to_owned());
                    continue;
                }
            }
        }
        if let Some(rest) = accessible(line, "accDescr") {
            match rest.strip_prefix('{') {
                Some(block) => match block.split_once('}') {
                    Some((one, _)) => described.push(one.trim().to_owned()),
                    None => {
                        described.push(block.trim().to_owned());
                        in_description = true;
                    }
                },
                None => described.push(rest.trim_start_matches(':').trim().to_owned()),
            }
            continue;
        }
        if let Some(rest) = accessible(line, "accTitle") {
            described.insert(0, rest.trim_start_matches(':').trim().to_owned());
            continue;
        }
        let line = source::without_comment(line).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = keyword(line, "title") {
            title = Some(source::decode(rest));
        } else if let Some(rest) = keyword(line, "section") {
            sections.push(Section {
                name: section_name(rest),
                tasks: Vec::new(),
            });
        } else {
            match parse_task(line) {
                Ok((name, score, actors)) => {
                    let name = source::decode(&name.replace(JOINER, ""));
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
                            actors: actors.iter().map(|a| source::decode(a)).collect(),
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

/// A section's name as a stage's: Mermaid's line breaks (`<br>`, `<br/>`, `<br />`, in any
/// case) become spaces, and entities their characters.
fn section_name(name: &str) -> String {
    let name = name.replace(JOINER, "");
    let mut out = String::with_capacity(name.len());
    let mut rest = name.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        match line_break_len(tag) {
            Some(len) => {
                out.push(' ');
                rest = &tag[len..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    source::decode(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The length of a `<br>` tag at the start of the text (`<br>`, `<br/>`, `</br>`, `<BR />`).
fn line_break_len(tag: &str) -> Option<usize> {
    let close = tag.find('>')?;
    let inner: String = tag[1..close]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let inner = inner.to_ascii_lowercase();
    matches!(inner.as_str(), "br" | "br/" | "/br" | "/br/").then_some(close + 1)
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
