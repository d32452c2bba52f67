//! Each change as the sentences a designer reads ("Severity 3 → 5").

use super::Change;
use crate::ids::StageId;
use crate::map::{Card, EmotionState, JourneyMap};

/// A short quotation of a text.
fn quote(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let short: String = line.chars().take(60).collect();
    if short.len() < line.len() || text.lines().count() > 1 {
        format!("“{short}…”")
    } else {
        format!("“{short}”")
    }
}

fn score(value: i8) -> String {
    match value {
        v if v > 0 => format!("+{v}"),
        v if v < 0 => format!("−{}", -v),
        _ => "0".to_owned(),
    }
}

fn rating(value: Option<u8>) -> String {
    value.map_or("none".to_owned(), |v| v.to_string())
}

fn text_or_none(value: &Option<String>) -> String {
    value.as_deref().map_or("none".to_owned(), quote)
}

/// "Retention · Pain points": a cell by its stage and lane names.
fn cell_name(map: &JourneyMap, card: &Card) -> String {
    let stage = map.stages.iter().find(|s| s.id == card.stage_id);
    let lane = map.lanes.iter().find(|l| l.id == card.lane_id);
    format!(
        "{} · {}",
        stage.map_or("?", |s| s.name.as_str()),
        lane.map_or("?", |l| l.title.as_str())
    )
}

/// What `change` (from `a` to `b`) is, one sentence a line.
pub(super) fn say(change: &Change, a: &JourneyMap, b: &JourneyMap) -> Vec<String> {
    match change {
        Change::Title { from, to } => vec![format!("Title {} → {}", quote(from), quote(to))],
        Change::Description { .. } => vec!["Description changed".to_owned()],
        Change::StageAdded { stage, .. } => vec![format!("Stage {} added", quote(&stage.name))],
        Change::StageRemoved { stage, .. } => {
            let cards = a.cards.iter().filter(|c| c.stage_id == stage.id).count();
            vec![format!(
                "Stage {} removed{}",
                quote(&stage.name),
                with_cards(cards)
            )]
        }
        Change::StageChanged { from, to } => {
            let mut said = Vec::new();
            if from.name != to.name {
                said.push(format!(
                    "Stage {} renamed {}",
                    quote(&from.name),
                    quote(&to.name)
                ));
            }
            let name = quote(&to.name);
            if from.description != to.description {
                said.push(format!("Stage {name}: description changed"));
            }
            if from.colour != to.colour {
                said.push(format!("Stage {name}: colour changed"));
            }
            if from.width != to.width {
                said.push(format!("Stage {name}: column width changed"));
            }
            said
        }
        Change::StageMoved { stage, from, to } => vec![format!(
            "Stage {} moved from position {} to {}",
            quote(&stage.name),
            from + 1,
            to + 1
        )],
        Change::LaneAdded { lane, .. } => vec![format!("Lane {} added", quote(&lane.title))],
        Change::LaneRemoved { lane, .. } => {
            let cards = a.cards.iter().filter(|c| c.lane_id == lane.id).count();
            vec![format!(
                "Lane {} removed{}",
                quote(&lane.title),
                with_cards(cards)
            )]
        }
        Change::LaneChanged { from, to } => {
            let mut said = Vec::new();
            if from.title != to.title {
                said.push(format!(
                    "Lane {} renamed {}",
                    quote(&from.title),
                    quote(&to.title)
                ));
            }
            if from.collapsed != to.collapsed {
                let how = if to.collapsed { "folded" } else { "unfolded" };
                said.push(format!("Lane {} {how}", quote(&to.title)));
            }
            said
        }
        Change::LaneMoved { lane, from, to } => vec![format!(
            "Lane {} moved from row {} to {}",
            quote(&lane.title),
            from + 1,
            to + 1
        )],
        Change::PersonaAdded { persona, .. } => {
            vec![format!("Persona {} added", quote(&persona.name))]
        }
        Change::PersonaRemoved { persona, .. } => {
            vec![format!("Persona {} removed", quote(&persona.name))]
        }
        Change::PersonaChanged { from, to } => persona_lines(from, to),
        Change::PersonaMoved { persona, from, to } => vec![format!(
            "Persona {} moved from place {} to {}",
            quote(&persona.name),
            from + 1,
            to + 1
        )],
        Change::CardAdded { card } => vec![format!(
            "Card {} added in {}",
            quote(&card.text),
            cell_name(b, card)
        )],
        Change::CardRemoved { card } => vec![format!(
            "Card {} removed from {}",
            quote(&card.text),
            cell_name(a, card)
        )],
        Change::CardMoved { from, to } => vec![moved_line(a, b, from, to)],
        Change::CardChanged { from, to } => card_lines(from, to),
        Change::EmotionChanged {
            persona_id,
            stage_id,
            state,
            from,
            to,
        } => {
            let persona = b
                .personas
                .iter()
                .find(|p| &p.id == persona_id)
                .map_or("A persona", |p| p.name.as_str());
            let stage = b
                .stages
                .iter()
                .find(|s| &s.id == stage_id)
                .map_or("a stage", |s| s.name.as_str());
            let state = match state {
                EmotionState::Current => "current",
                EmotionState::Future => "future",
            };
            let point = format!("{persona}'s {state}-state score in {stage}");
            let mut said = Vec::new();
            match (from.as_ref().map(|e| e.score), to.as_ref().map(|e| e.score)) {
                (Some(x), Some(y)) if x != y => {
                    said.push(format!("{point} {} → {}", score(x), score(y)))
                }
                (None, Some(y)) => said.push(format!("{point} set to {}", score(y))),
                (Some(x), None) => said.push(format!("{point} ({}) removed", score(x))),
                _ => {}
            }
            let (old, new) = (
                from.as_ref().and_then(|e| e.note.as_deref()),
                to.as_ref().and_then(|e| e.note.as_deref()),
            );
            if to.is_some() && old != new {
                let note = format!("{persona}'s {state}-state note in {stage}");
                said.push(match new {
                    Some(text) => format!("{note}: {}", quote(text)),
                    None => format!("{note} removed"),
                });
            }
            said
        }
    }
}

fn with_cards(cards: usize) -> String {
    match cards {
        0 => String::new(),
        1 => ", with its card".to_owned(),
        n => format!(", with its {n} cards"),
    }
}

fn moved_line(a: &JourneyMap, b: &JourneyMap, from: &Card, to: &Card) -> String {
    let card = quote(&to.text);
    if from.is_in(&to.stage_id, &to.lane_id) {
        return format!("Card {card} moved within {}", cell_name(b, to));
    }
    let stage_name = |map: &JourneyMap, id: &StageId| {
        map.stages
            .iter()
            .find(|s| &s.id == id)
            .map_or("?".to_owned(), |s| s.name.clone())
    };
    if from.lane_id == to.lane_id {
        format!(
            "Card {card} moved from {} to {}",
            stage_name(a, &from.stage_id),
            stage_name(b, &to.stage_id)
        )
    } else {
        format!(
            "Card {card} moved from {} to {}",
            cell_name(a, from),
            cell_name(b, to)
        )
    }
}

fn card_lines(from: &Card, to: &Card) -> Vec<String> {
    let card = quote(&to.text);
    let mut said = Vec::new();
    if from.text != to.text {
        said.push(format!("Card {} now reads {card}", quote(&from.text)));
    }
    let field = |said: &mut Vec<String>, name: &str, old: String, new: String| {
        if old != new {
            said.push(format!("Card {card}: {name} {old} → {new}"));
        }
    };
    field(
        &mut said,
        "channel",
        text_or_none(&from.channel),
        text_or_none(&to.channel),
    );
    field(
        &mut said,
        "severity",
        rating(from.severity),
        rating(to.severity),
    );
    field(&mut said, "impact", rating(from.impact), rating(to.impact));
    field(&mut said, "effort", rating(from.effort), rating(to.effort));
    field(
        &mut said,
        "value",
        text_or_none(&from.metric_value),
        text_or_none(&to.metric_value),
    );
    field(
        &mut said,
        "target",
        text_or_none(&from.metric_target),
        text_or_none(&to.metric_target),
    );
    if from.colour != to.colour {
        said.push(format!("Card {card}: colour changed"));
    }
    let added: Vec<&String> = to.tags.iter().filter(|t| !from.tags.contains(t)).collect();
    let removed: Vec<&String> = from.tags.iter().filter(|t| !to.tags.contains(t)).collect();
    let tags = |tags: &[&String]| {
        tags.iter()
            .map(|t| format!("#{t}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if !added.is_empty() {
        said.push(format!("Card {card}: tagged {}", tags(&added)));
    }
    if !removed.is_empty() {
        said.push(format!("Card {card}: untagged {}", tags(&removed)));
    }
    said
}

fn persona_lines(from: &crate::Persona, to: &crate::Persona) -> Vec<String> {
    let mut said = Vec::new();
    if from.name != to.name {
        said.push(format!(
            "Persona {} renamed {}",
            quote(&from.name),
            quote(&to.name)
        ));
    }
    let name = quote(&to.name);
    for (field, old, new) in [
        ("role", &from.role, &to.role),
        ("goals", &from.goals, &to.goals),
        ("needs", &from.needs, &to.needs),
        ("frustrations", &from.frustrations, &to.frustrations),
        ("quote", &from.quote, &to.quote),
    ] {
        if old != new {
            said.push(format!("Persona {name}: {field} changed"));
        }
    }
    if from.colour != to.colour || from.initials != to.initials {
        said.push(format!("Persona {name}: look changed"));
    }
    said
}
