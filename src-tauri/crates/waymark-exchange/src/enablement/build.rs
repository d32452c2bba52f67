//! The map a journey becomes: stages from phases, cards in three lanes, the persona's curve.

use super::Journey;
use crate::personas::persona_named;
use waymark_core::domain::{
    CARD_TEXT_MAX, MAP_DESCRIPTION_MAX, PERSONA_NAME_MAX, PERSONA_ROLE_MAX, STAGE_NAME_MAX,
};
use waymark_core::{templates, Card, EmotionScore, EmotionState, JourneyMap, LaneKind, Timestamp};

pub(super) fn build_map(
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
