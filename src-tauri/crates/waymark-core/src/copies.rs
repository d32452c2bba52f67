//! Copies of a map: with fresh ids (to duplicate or import it), and in a canonical order (to
//! compare two maps).

use crate::ids::{CardId, LaneId, MapId, PersonaId, StageId};
use crate::map::{Card, EmotionScore, JourneyMap, Lane, Persona, Stage};
use crate::Timestamp;

impl JourneyMap {
    /// The same map with fresh ids everywhere (for duplicating and importing).
    pub fn with_fresh_ids(&self, title: &str, now: Timestamp) -> JourneyMap {
        use std::collections::HashMap;
        let personas: HashMap<&PersonaId, PersonaId> = self
            .personas
            .iter()
            .map(|p| (&p.id, PersonaId::random()))
            .collect();
        let stages: HashMap<&StageId, StageId> = self
            .stages
            .iter()
            .map(|s| (&s.id, StageId::random()))
            .collect();
        let lanes: HashMap<&LaneId, LaneId> = self
            .lanes
            .iter()
            .map(|l| (&l.id, LaneId::random()))
            .collect();
        let remap = |map: &HashMap<&StageId, StageId>, id: &StageId| {
            map.get(id).cloned().unwrap_or_else(|| id.clone())
        };
        JourneyMap {
            id: MapId::random(),
            title: title.to_owned(),
            description: self.description.clone(),
            created_at: now,
            updated_at: now,
            revision: 0,
            personas: self
                .personas
                .iter()
                .map(|p| Persona {
                    id: personas[&p.id].clone(),
                    ..p.clone()
                })
                .collect(),
            stages: self
                .stages
                .iter()
                .map(|s| Stage {
                    id: stages[&s.id].clone(),
                    ..s.clone()
                })
                .collect(),
            lanes: self
                .lanes
                .iter()
                .map(|l| Lane {
                    id: lanes[&l.id].clone(),
                    ..l.clone()
                })
                .collect(),
            cards: self
                .cards
                .iter()
                .map(|c| Card {
                    id: CardId::random(),
                    stage_id: remap(&stages, &c.stage_id),
                    lane_id: lanes
                        .get(&c.lane_id)
                        .cloned()
                        .unwrap_or_else(|| c.lane_id.clone()),
                    ..c.clone()
                })
                .collect(),
            emotions: self
                .emotions
                .iter()
                .map(|e| EmotionScore {
                    persona_id: personas
                        .get(&e.persona_id)
                        .cloned()
                        .unwrap_or_else(|| e.persona_id.clone()),
                    stage_id: remap(&stages, &e.stage_id),
                    ..e.clone()
                })
                .collect(),
        }
    }

    /// The map with cards and emotion points in a canonical order, for comparing two maps.
    pub fn normalized(mut self) -> JourneyMap {
        self.cards.sort_by(|a, b| a.id.cmp(&b.id));
        self.emotions.sort_by(|a, b| {
            (&a.persona_id, &a.stage_id, a.state).cmp(&(&b.persona_id, &b.stage_id, b.state))
        });
        self
    }
}
