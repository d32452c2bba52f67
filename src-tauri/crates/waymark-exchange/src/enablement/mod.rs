//! Enablement Map Studio files: multi-document YAML, where the `kind: cjm` document is a
//! customer journey. Its persona becomes a persona and its phases stages, in order. Each
//! action becomes a card in Customer actions, each of its touchpoints a card in Touchpoints
//! and each of its thoughts and feelings a card in Thoughts & feelings, all in the action's
//! phase. Emotion scores (−2 to +2) become the persona's current-state score for the stage:
//! the mean of its actions' scores. The file's other documents (service blueprints, outcomes,
//! enablement maps) are not journeys and are left out, with a warning.

mod build;
mod read;

use crate::problem::{Problem, Refused};
use crate::yaml::{self, Node};
use crate::Imported;
use build::build_map;
use read::read_journey;
use waymark_core::{JourneyMap, Timestamp};

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
