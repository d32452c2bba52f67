//! The rules every part of a map obeys. Operations call these before changing anything.

use crate::domain;
use crate::error::DomainError;
use crate::map::{Card, EmotionScore, Lane, Persona, Stage};

/// The lowest emotion score (very negative).
pub const EMOTION_MIN: i8 = -2;
/// The highest emotion score (very positive).
pub const EMOTION_MAX: i8 = 2;
/// The lowest severity, impact or effort.
pub const RATING_MIN: u8 = 1;
/// The highest severity, impact or effort.
pub const RATING_MAX: u8 = 5;

/// The narrowest a stage column may be set, in points.
pub const STAGE_WIDTH_MIN: u32 = 160;
/// The widest a stage column may be set, in points.
pub const STAGE_WIDTH_MAX: u32 = 800;
/// The most personas a map holds.
pub const MAX_PERSONAS: usize = 12;
/// The most stages a map holds.
pub const MAX_STAGES: usize = 60;
/// The most lanes a map holds.
pub const MAX_LANES: usize = 40;
/// The most cards a map holds.
pub const MAX_CARDS: usize = 50_000;

pub(crate) fn check_id(what: &'static str, id: &str) -> Result<(), DomainError> {
    let valid = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(())
    } else {
        Err(DomainError::InvalidId {
            what,
            id: id.chars().take(80).collect(),
        })
    }
}

fn check_len(field: &'static str, text: &str, max: usize) -> Result<(), DomainError> {
    let len = text.chars().count();
    if len > max {
        return Err(DomainError::TooLong { field, len, max });
    }
    Ok(())
}

fn check_name(field: &'static str, text: &str, max: usize) -> Result<(), DomainError> {
    if text.trim().is_empty() {
        return Err(DomainError::Empty { field });
    }
    check_len(field, text, max)
}

fn check_colour(field: &'static str, colour: &str) -> Result<(), DomainError> {
    let bytes = colour.as_bytes();
    let valid =
        bytes.len() == 7 && bytes[0] == b'#' && bytes[1..].iter().all(u8::is_ascii_hexdigit);
    if valid {
        Ok(())
    } else {
        Err(DomainError::InvalidColour {
            field,
            value: colour.chars().take(40).collect(),
        })
    }
}

fn check_rating(field: &'static str, rating: Option<u8>) -> Result<(), DomainError> {
    match rating {
        Some(value) if !(RATING_MIN..=RATING_MAX).contains(&value) => {
            Err(DomainError::OutOfRange {
                field,
                value: value.into(),
                min: RATING_MIN.into(),
                max: RATING_MAX.into(),
            })
        }
        _ => Ok(()),
    }
}

/// A map title.
pub(crate) fn check_title(title: &str) -> Result<(), DomainError> {
    check_name("map title", title, domain::MAP_TITLE_MAX)
}

/// A map description.
pub(crate) fn check_description(description: &str) -> Result<(), DomainError> {
    check_len("map description", description, domain::MAP_DESCRIPTION_MAX)
}

pub(crate) fn check_persona(persona: &Persona) -> Result<(), DomainError> {
    check_id("persona", persona.id.as_str())?;
    check_name("persona name", &persona.name, domain::PERSONA_NAME_MAX)?;
    check_len("persona role", &persona.role, domain::PERSONA_ROLE_MAX)?;
    for (field, text) in [
        ("persona goals", &persona.goals),
        ("persona needs", &persona.needs),
        ("persona frustrations", &persona.frustrations),
        ("persona quote", &persona.quote),
    ] {
        check_len(field, text, domain::PERSONA_TEXT_MAX)?;
    }
    check_len(
        "persona initials",
        &persona.initials,
        domain::PERSONA_INITIALS_MAX,
    )?;
    check_colour("persona colour", &persona.colour)
}

pub(crate) fn check_stage(stage: &Stage) -> Result<(), DomainError> {
    check_id("stage", stage.id.as_str())?;
    check_name("stage name", &stage.name, domain::STAGE_NAME_MAX)?;
    check_len(
        "stage description",
        &stage.description,
        domain::STAGE_DESCRIPTION_MAX,
    )?;
    if let Some(width) = stage.width {
        if !(STAGE_WIDTH_MIN..=STAGE_WIDTH_MAX).contains(&width) {
            return Err(DomainError::OutOfRange {
                field: "stage width",
                value: width.into(),
                min: STAGE_WIDTH_MIN.into(),
                max: STAGE_WIDTH_MAX.into(),
            });
        }
    }
    match &stage.colour {
        Some(colour) => check_colour("stage colour", colour),
        None => Ok(()),
    }
}

pub(crate) fn check_lane(lane: &Lane) -> Result<(), DomainError> {
    check_id("lane", lane.id.as_str())?;
    check_name("lane title", &lane.title, domain::LANE_TITLE_MAX)
}

/// A card's own fields; whether its stage and lane exist is checked by the operation.
pub fn check_card(card: &Card) -> Result<(), DomainError> {
    check_id("card", card.id.as_str())?;
    check_len("card text", &card.text, domain::CARD_TEXT_MAX)?;
    if !card.order.is_empty() && !crate::order::is_valid(&card.order) {
        return Err(DomainError::InvalidOrderKey {
            id: card.id.0.clone(),
            key: card.order.chars().take(80).collect(),
        });
    }
    if let Some(channel) = &card.channel {
        check_len("channel", channel, domain::CHANNEL_MAX)?;
    }
    check_rating("severity", card.severity)?;
    check_rating("impact", card.impact)?;
    check_rating("effort", card.effort)?;
    for (field, value) in [
        ("metric value", &card.metric_value),
        ("metric target", &card.metric_target),
    ] {
        if let Some(value) = value {
            check_len(field, value, domain::METRIC_MAX)?;
        }
    }
    if let Some(colour) = &card.colour {
        check_colour("card colour", colour)?;
    }
    if card.tags.len() > domain::TAGS_PER_CARD {
        return Err(DomainError::TooMany {
            what: "tags on a card",
            max: domain::TAGS_PER_CARD,
        });
    }
    for tag in &card.tags {
        check_name("tag", tag, domain::TAG_MAX)?;
    }
    Ok(())
}

pub(crate) fn check_emotion_score(score: i8) -> Result<(), DomainError> {
    if (EMOTION_MIN..=EMOTION_MAX).contains(&score) {
        Ok(())
    } else {
        Err(DomainError::OutOfRange {
            field: "emotion score",
            value: score.into(),
            min: EMOTION_MIN.into(),
            max: EMOTION_MAX.into(),
        })
    }
}

pub(crate) fn check_emotion(emotion: &EmotionScore) -> Result<(), DomainError> {
    check_emotion_score(emotion.score)?;
    match &emotion.note {
        Some(note) => check_len("emotion note", note, domain::EMOTION_NOTE_MAX),
        None => Ok(()),
    }
}
