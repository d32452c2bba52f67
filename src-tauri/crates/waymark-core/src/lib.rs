//! The journey-map domain: what a map is, the operations that change it and the rules they obey.
//!
//! Nothing here does I/O. The store persists what this crate decides; the UI mirrors it.

mod copies;
pub mod diff;
pub mod domain;
mod error;
mod ids;
mod map;
pub mod merge;
mod ops;
pub mod order;
mod rules;
pub mod sample;
pub mod templates;
mod whole_map;

pub use domain::{domain, Domain};
pub use error::DomainError;
pub use ids::{new_id, CardId, LaneId, MapId, PersonaId, StageId};
pub use map::{
    Card, EmotionScore, EmotionState, JourneyMap, Lane, LaneKind, MapSummary, Persona, Stage,
    Timestamp,
};
pub use ops::{apply_batch, apply_op, Changes, Op};
pub use rules::{
    check_card, EMOTION_MAX, EMOTION_MIN, MAX_CARDS, MAX_LANES, MAX_PERSONAS, MAX_STAGES,
    RATING_MAX, RATING_MIN,
};
pub use whole_map::{assign_order_keys, check, rebuild, replacement_ops, CheckedMap};
