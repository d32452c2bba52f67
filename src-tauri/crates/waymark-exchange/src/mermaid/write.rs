//! Writing a map as a Mermaid journey, and what that leaves out.

use waymark_core::{EmotionState, JourneyMap, LaneKind, Persona};

/// The map as a Mermaid journey: stages → sections, customer actions → tasks, and each stage's
/// current emotion (the personas' mean, −2…+2 → 1…5) → the tasks' score and actors.
pub fn export_mermaid(map: &JourneyMap) -> String {
    let mut out = String::from("journey\n");
    let title = escaped(&map.title, &['#', ';', '<']);
    if !title.is_empty() {
        out.push_str(&format!("    title {title}\n"));
    }
    let actions: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Actions)
        .collect();
    for stage in &map.stages {
        let section = escaped(&stage.name, &['#', ';', ':', '<']);
        let section = if section.is_empty() {
            "Stage".to_owned()
        } else {
            section
        };
        out.push_str(&format!("    section {section}\n"));
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
            .map(|(p, _)| escaped(&p.name, &['#', ';', ':', ',', '<']))
            .collect::<Vec<_>>()
            .join(", ");
        for lane in &actions {
            for card in map.cell_cards(&stage.id, &lane.id) {
                let task = escaped(&card.text, &['#', ';', ':', '<']);
                let task = if task.is_empty() {
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

/// How a line may start that Mermaid reads as a statement, not a name: `journey` (even as
/// the start of a longer word), `title` or `section` and a space, `accTitle` or `accDescr`.
fn starts_a_statement(name: &str) -> bool {
    let lower = name.to_lowercase();
    let word = |w: &str| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    };
    lower.starts_with("journey")
        || lower.starts_with("acctitle")
        || lower.starts_with("accdescr")
        || word("title")
        || word("section")
}

/// Text on one line as Mermaid can hold it: whitespace runs become one space, and `special`
/// characters (those the grammar would end the name at), `%%` (a comment) and the first letter
/// of a name that starts like a statement are written as entities (`#35;`), which Mermaid
/// draws as the characters themselves.
fn escaped(text: &str, special: &[char]) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let keyword = starts_a_statement(&text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let percent = c == '%' && chars.peek() == Some(&'%');
        if special.contains(&c) || percent || (first && keyword) {
            out.push_str(&format!("#{};", u32::from(c)));
        } else {
            out.push(c);
        }
        first = false;
    }
    out
}
