//! A map from a file's document, part by part, through the domain's own operations.

use crate::document::{
    CardDocument, EmotionDocument, LaneDocument, MapDocument, PersonaDocument, StageDocument,
};
use crate::problem::{Location, Problems, Refused};
use crate::timestamps::parse_rfc3339;
use std::collections::HashMap;
use waymark_core::{
    apply_op, check_card, Card, CardId, Changes, JourneyMap, Lane, LaneId, Op, Persona, PersonaId,
    Stage, StageId, Timestamp, MAX_CARDS,
};

fn json(path: impl Into<String>) -> Location {
    Location::Json { path: path.into() }
}

/// Builds the map part by part with the domain's own operations, so every rule is checked and
/// every problem is reported at its JSON path. The parts keep the file's ids (they need only
/// be unique within the map), so copies of a map can be compared and merged; the map itself
/// gets a fresh id. Cards keep their file
/// order as positions; `import_bytes` numbers them per cell, as it does for every format.
pub fn build_map(doc: MapDocument) -> Result<JourneyMap, Refused> {
    let mut problems = Problems::default();
    let created_at = timestamp(&doc.created_at, "map.created_at", &mut problems);
    let updated_at = timestamp(&doc.updated_at, "map.updated_at", &mut problems);
    if doc.cards.len() > MAX_CARDS {
        let count = doc.cards.len();
        problems.push(
            json("map.cards"),
            format!("the map has {count} cards; a map holds at most {MAX_CARDS}"),
        );
        return problems.into_result(JourneyMap::empty("", 0));
    }
    let mut map = JourneyMap::empty("Imported map", created_at);
    map.updated_at = updated_at;
    let mut builder = Builder {
        map,
        problems,
        ignored: Changes::default(),
    };
    builder.apply("map.title", Op::SetTitle { title: doc.title });
    let description = doc.description;
    builder.apply("map.description", Op::SetDescription { description });
    let personas = builder.add_parts(doc.personas);
    let stages = builder.add_parts(doc.stages);
    let lanes = builder.add_parts(doc.lanes);
    if builder.map.stages.is_empty() {
        builder
            .problems
            .push(json("map.stages"), "a map needs at least one stage");
    }
    if builder.map.lanes.is_empty() {
        builder
            .problems
            .push(json("map.lanes"), "a map needs at least one lane");
    }
    for (i, card) in doc.cards.into_iter().enumerate() {
        builder.add_card(i, card, &stages, &lanes);
    }
    for (i, emotion) in doc.emotions.into_iter().enumerate() {
        builder.set_emotion(i, emotion, &personas, &stages);
    }
    builder.problems.into_result(builder.map)
}

fn timestamp(text: &str, path: &str, problems: &mut Problems) -> Timestamp {
    parse_rfc3339(text).unwrap_or_else(|| {
        problems.push(
            json(path),
            "expected a date and time like 2026-11-22T09:30:00Z",
        );
        0
    })
}

/// A persona, stage or lane of the file: it refers to others by the file's ids, and gets a
/// place in the map.
trait Part {
    type Id: Clone;
    /// The part's list in the file ("personas") and what one is called ("persona").
    const LIST: &'static str;
    const ONE: &'static str;
    fn file_id(&self) -> &str;
    /// The part's id in the map: the file's own.
    fn id(&self) -> Self::Id;
    /// The operation that adds the part, with its id, at the end of its list.
    fn add(self, id: Self::Id) -> Op;
}

/// A `Part` of the file: its list's name, what one is called, and the operation that adds it
/// (at the end of its list) as the part it makes of the file's.
macro_rules! part {
    ($doc:ty, $id:ty, $list:literal, $one:literal, $add:ident { $field:ident }, |$part:ident, $fresh:ident| $made:expr) => {
        impl Part for $doc {
            type Id = $id;
            const LIST: &'static str = $list;
            const ONE: &'static str = $one;
            fn file_id(&self) -> &str {
                &self.id
            }
            fn id(&self) -> $id {
                <$id>::from(self.id.as_str())
            }
            fn add(self, $fresh: $id) -> Op {
                let $part = self;
                Op::$add {
                    $field: $made,
                    index: u32::MAX,
                }
            }
        }
    };
}

part!(
    PersonaDocument,
    PersonaId,
    "personas",
    "persona",
    AddPersona { persona },
    |p, id| Persona {
        id,
        name: p.name,
        role: p.role,
        goals: p.goals,
        needs: p.needs,
        frustrations: p.frustrations,
        quote: p.quote,
        colour: p.colour,
        initials: p.initials,
    }
);

part!(
    StageDocument,
    StageId,
    "stages",
    "stage",
    AddStage { stage },
    |s, id| Stage {
        id,
        name: s.name,
        description: s.description,
        colour: s.colour,
        width: s.width,
    }
);

part!(
    LaneDocument,
    LaneId,
    "lanes",
    "lane",
    AddLane { lane },
    |l, id| Lane {
        id,
        kind: l.kind,
        title: l.title,
        collapsed: l.collapsed,
    }
);

/// The map being built and the problems found so far.
struct Builder {
    map: JourneyMap,
    problems: Problems,
    ignored: Changes,
}

impl Builder {
    /// Applies one operation; a refusal is a problem at `path`.
    fn apply(&mut self, path: impl Into<String>, op: Op) {
        if let Err(error) = apply_op(&mut self.map, &op, &mut self.ignored) {
            self.problems.push(json(path), error.to_string());
            // A part that broke a rule still stands in as a plain one, so that what refers to
            // it does not add problems of its own.
            if let Some(stand_in) = stand_in(op) {
                let _ = apply_op(&mut self.map, &stand_in, &mut self.ignored);
            }
        }
    }

    /// Adds the parts in file order; returns the map id of each file id.
    fn add_parts<P: Part>(&mut self, parts: Vec<P>) -> HashMap<String, P::Id> {
        let mut ids = HashMap::new();
        for (i, part) in parts.into_iter().enumerate() {
            let id = part.id();
            let file_id = part.file_id().to_owned();
            if ids.insert(file_id.clone(), id.clone()).is_some() {
                self.problems.push(
                    json(format!("map.{}[{i}].id", P::LIST)),
                    format!("the {} id \"{file_id}\" is used twice", P::ONE),
                );
                continue;
            }
            self.apply(format!("map.{}[{i}]", P::LIST), part.add(id));
        }
        ids
    }

    /// The id of the part a reference at `path` names, or a problem there.
    fn resolve<'a, Id>(
        &mut self,
        ids: &'a HashMap<String, Id>,
        reference: &str,
        path: String,
        list: &str,
    ) -> Option<&'a Id> {
        let id = ids.get(reference);
        if id.is_none() {
            let one = list.trim_end_matches('s');
            self.problems.push(
                json(path),
                format!("expected the id of a {one} in map.{list}, not \"{reference}\""),
            );
        }
        id
    }

    fn add_card(
        &mut self,
        i: usize,
        c: CardDocument,
        stages: &HashMap<String, StageId>,
        lanes: &HashMap<String, LaneId>,
    ) {
        let stage = self.resolve(stages, &c.stage, format!("map.cards[{i}].stage"), "stages");
        let lane = self.resolve(lanes, &c.lane, format!("map.cards[{i}].lane"), "lanes");
        let (Some(stage), Some(lane)) = (stage, lane) else {
            return;
        };
        let card = Card {
            id: CardId::from(c.id.as_str()),
            stage_id: stage.clone(),
            lane_id: lane.clone(),
            // File order; the cell positions are numbered when the map is rebuilt.
            position: u32::try_from(i).unwrap_or(u32::MAX),
            // Kept when the cell's keys follow the file's order; otherwise given again.
            order: c.order.unwrap_or_default(),
            text: c.text,
            channel: c.channel,
            severity: c.severity,
            impact: c.impact,
            effort: c.effort,
            metric_value: c.value,
            metric_target: c.target,
            colour: c.colour,
            tags: c.tags,
        };
        match check_card(&card) {
            Ok(()) => self.map.cards.push(card),
            Err(error) => self
                .problems
                .push(json(format!("map.cards[{i}]")), error.to_string()),
        }
    }

    fn set_emotion(
        &mut self,
        i: usize,
        e: EmotionDocument,
        personas: &HashMap<String, PersonaId>,
        stages: &HashMap<String, StageId>,
    ) {
        let path = |field: &str| format!("map.emotions[{i}].{field}");
        let persona = self.resolve(personas, &e.persona, path("persona"), "personas");
        let stage = self.resolve(stages, &e.stage, path("stage"), "stages");
        let (Some(persona), Some(stage)) = (persona, stage) else {
            return;
        };
        let op = Op::SetEmotion {
            persona_id: persona.clone(),
            stage_id: stage.clone(),
            state: e.state,
            score: Some(e.score),
            note: e.note,
        };
        self.apply(format!("map.emotions[{i}]"), op);
    }
}
/// A rule-abiding stand-in for a persona, stage or lane that broke a rule.
fn stand_in(op: Op) -> Option<Op> {
    match op {
        Op::AddPersona { persona, index } => Some(Op::AddPersona {
            persona: Persona {
                id: persona.id,
                name: "Persona".into(),
                role: String::new(),
                goals: String::new(),
                needs: String::new(),
                frustrations: String::new(),
                quote: String::new(),
                colour: "#888888".into(),
                initials: String::new(),
            },
            index,
        }),
        Op::AddStage { stage, index } => Some(Op::AddStage {
            stage: Stage {
                id: stage.id,
                name: "Stage".into(),
                description: String::new(),
                colour: None,
                width: None,
            },
            index,
        }),
        Op::AddLane { lane, index } => Some(Op::AddLane {
            lane: Lane {
                title: "Lane".into(),
                ..lane
            },
            index,
        }),
        _ => None,
    }
}
