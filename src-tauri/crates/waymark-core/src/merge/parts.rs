//! Merging the map's lists of parts (stages, lanes, personas) and its emotion curves.

use super::lists::{both_orders, merge_order};
use super::pick::{quoted, About, Choice, ConflictKind, Ctx, Kept};
use crate::ids::{PersonaId, StageId};
use crate::map::{EmotionScore, EmotionState, Lane, Persona, Stage};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::Hash;

/// A kind of part of the map's lists, with how its fields merge.
pub(super) trait Part: Clone + PartialEq {
    type Id: Clone + Eq + Hash + std::fmt::Display;
    /// "stage", "lane", "persona".
    const KIND: &'static str;
    /// Whether a map keeps at least one.
    const NEEDED: bool;
    fn id(&self) -> &Self::Id;
    fn name(&self) -> &str;
    fn about(&self) -> About {
        About {
            key: format!("{}:{}", Self::KIND, self.id()),
            name: format!("the {} {}", Self::KIND, quoted(self.name())),
            ..About::default()
        }
    }
    fn fields(
        ctx: &mut Ctx<'_>,
        about: &About,
        base: Option<&Self>,
        mine: &Self,
        theirs: &Self,
    ) -> Self;
}

impl Part for Stage {
    type Id = StageId;
    const KIND: &'static str = "stage";
    const NEEDED: bool = true;
    fn id(&self) -> &StageId {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn about(&self) -> About {
        About {
            key: format!("stage:{}", self.id),
            name: format!("the stage {}", quoted(&self.name)),
            stage_id: Some(self.id.clone()),
            ..About::default()
        }
    }
    fn fields(ctx: &mut Ctx<'_>, at: &About, b: Option<&Stage>, m: &Stage, t: &Stage) -> Stage {
        Stage {
            id: m.id.clone(),
            name: ctx.value(at, "Name", b.map(|b| &b.name), &m.name, &t.name),
            description: ctx.text(
                at,
                "Description",
                b.map(|b| &b.description),
                &m.description,
                &t.description,
            ),
            colour: ctx.value(at, "Colour", b.map(|b| &b.colour), &m.colour, &t.colour),
            width: ctx.value(at, "Width", b.map(|b| &b.width), &m.width, &t.width),
        }
    }
}

impl Part for Lane {
    type Id = crate::LaneId;
    const KIND: &'static str = "lane";
    const NEEDED: bool = true;
    fn id(&self) -> &crate::LaneId {
        &self.id
    }
    fn name(&self) -> &str {
        &self.title
    }
    fn about(&self) -> About {
        About {
            key: format!("lane:{}", self.id),
            name: format!("the lane {}", quoted(&self.title)),
            lane_id: Some(self.id.clone()),
            ..About::default()
        }
    }
    fn fields(ctx: &mut Ctx<'_>, at: &About, b: Option<&Lane>, m: &Lane, t: &Lane) -> Lane {
        Lane {
            id: m.id.clone(),
            kind: ctx.value(at, "Kind", b.map(|b| &b.kind), &m.kind, &t.kind),
            title: ctx.value(at, "Title", b.map(|b| &b.title), &m.title, &t.title),
            collapsed: ctx.value(
                at,
                "Folded",
                b.map(|b| &b.collapsed),
                &m.collapsed,
                &t.collapsed,
            ),
        }
    }
}

impl Part for Persona {
    type Id = PersonaId;
    const KIND: &'static str = "persona";
    const NEEDED: bool = false;
    fn id(&self) -> &PersonaId {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn fields(
        ctx: &mut Ctx<'_>,
        at: &About,
        b: Option<&Persona>,
        m: &Persona,
        t: &Persona,
    ) -> Persona {
        let mut text = |field: &str, get: fn(&Persona) -> &String| {
            ctx.text(at, field, b.map(get), get(m), get(t))
        };
        let (goals, needs) = (text("Goals", |p| &p.goals), text("Needs", |p| &p.needs));
        let frustrations = text("Frustrations", |p| &p.frustrations);
        let quote = text("Quote", |p| &p.quote);
        Persona {
            id: m.id.clone(),
            name: ctx.value(at, "Name", b.map(|b| &b.name), &m.name, &t.name),
            role: ctx.value(at, "Role", b.map(|b| &b.role), &m.role, &t.role),
            goals,
            needs,
            frustrations,
            quote,
            colour: ctx.value(at, "Colour", b.map(|b| &b.colour), &m.colour, &t.colour),
            initials: ctx.value(
                at,
                "Initials",
                b.map(|b| &b.initials),
                &m.initials,
                &t.initials,
            ),
        }
    }
}

/// The three versions of a list of parts, with the parts each side changed in any way
/// (their own fields, or the cards and points they hold).
pub(super) struct Lists<'a, T: Part> {
    pub base: &'a [T],
    pub mine: &'a [T],
    pub theirs: &'a [T],
    pub mine_touched: &'a HashSet<T::Id>,
    pub theirs_touched: &'a HashSet<T::Id>,
}

fn by_id<T: Part>(list: &[T]) -> HashMap<&T::Id, &T> {
    list.iter().map(|p| (p.id(), p)).collect()
}

fn names<T: Part>(list: &[T]) -> String {
    let names: Vec<&str> = list.iter().map(Part::name).collect();
    super::pick::shown(&names.join(", "))
}

/// The merged list: each part kept or not and its fields merged, in the merged order.
pub(super) fn merge_list<T: Part>(ctx: &mut Ctx<'_>, lists: &Lists<'_, T>) -> Vec<T> {
    let (base, mine, theirs) = (by_id(lists.base), by_id(lists.mine), by_id(lists.theirs));
    let mut ids: Vec<&T::Id> = lists.mine.iter().map(Part::id).collect();
    ids.extend(
        lists
            .theirs
            .iter()
            .map(Part::id)
            .filter(|id| !mine.contains_key(id)),
    );
    let mut merged: HashMap<T::Id, T> = HashMap::default();
    for id in ids {
        let (b, m, t) = (
            base.get(id).copied(),
            mine.get(id).copied(),
            theirs.get(id).copied(),
        );
        let about = m.or(t).map(Part::about).unwrap_or_default();
        let show = |p: &T| quoted(p.name());
        let kept = ctx.keep(
            &about,
            b,
            m,
            t,
            lists.mine_touched.contains(id),
            lists.theirs_touched.contains(id),
            show,
        );
        let part = match (kept, m, t) {
            (Kept::Both, Some(m), Some(t)) => T::fields(ctx, &about, b, m, t),
            (Kept::Mine, Some(m), _) => m.clone(),
            (Kept::Theirs, _, Some(t)) => t.clone(),
            _ => continue,
        };
        merged.insert(id.clone(), part);
    }
    if T::NEEDED && merged.is_empty() {
        // Between them the two sides deleted every one: one side's parts are kept.
        let about = About {
            key: format!("{}:last", T::KIND),
            ..About::default()
        };
        let what = format!("Every {} was deleted on one side or the other", T::KIND);
        let values = (names(lists.mine), names(lists.theirs));
        let side = match ctx.conflict(
            &about,
            about.key.clone(),
            ConflictKind::Presence,
            what,
            values,
            false,
        ) {
            Choice::Theirs => lists.theirs,
            _ => lists.mine,
        };
        merged = side.iter().map(|p| (p.id().clone(), p.clone())).collect();
    }
    let members: HashSet<T::Id> = merged.keys().cloned().collect();
    let order = |list: &[T]| list.iter().map(|p| p.id().clone()).collect::<Vec<_>>();
    let (base_order, mine_order, theirs_order) =
        (order(lists.base), order(lists.mine), order(lists.theirs));
    let ordered = if ctx.two_way {
        match both_orders(&mine_order, &theirs_order, &members) {
            None => super::lists::lay(&mine_order, &theirs_order, &HashSet::default(), &members),
            Some(orders) => decide_order(ctx, T::KIND, orders, &merged),
        }
    } else {
        match merge_order(&base_order, &mine_order, &theirs_order, &members) {
            Ok(order) => order,
            Err(orders) => decide_order(ctx, T::KIND, orders, &merged),
        }
    };
    ordered
        .into_iter()
        .filter_map(|id| merged.remove(&id))
        .collect()
}

fn decide_order<T: Part>(
    ctx: &mut Ctx<'_>,
    kind: &str,
    orders: (Vec<T::Id>, Vec<T::Id>),
    parts: &HashMap<T::Id, T>,
) -> Vec<T::Id> {
    let words = |order: &[T::Id]| {
        let names: Vec<&str> = order
            .iter()
            .filter_map(|id| parts.get(id))
            .map(Part::name)
            .collect();
        super::pick::shown(&names.join(", "))
    };
    let about = About {
        key: format!("{kind}s:order"),
        ..About::default()
    };
    ctx.on_order(&about, format!("Order of the {kind}s"), orders, words)
}

type Point = (PersonaId, StageId, EmotionState);

fn point(e: &EmotionScore) -> Point {
    (e.persona_id.clone(), e.stage_id.clone(), e.state)
}

/// The merged points of the curves, for the personas and stages the merged map has.
pub(super) fn merge_emotions(
    ctx: &mut Ctx<'_>,
    base: &[EmotionScore],
    mine: &[EmotionScore],
    theirs: &[EmotionScore],
    personas: &[Persona],
    stages: &[Stage],
) -> Vec<EmotionScore> {
    let index = |list: &[EmotionScore]| -> HashMap<Point, EmotionScore> {
        list.iter().map(|e| (point(e), e.clone())).collect()
    };
    let (b, m, t) = (index(base), index(mine), index(theirs));
    let persona_name: HashMap<&PersonaId, &str> =
        personas.iter().map(|p| (&p.id, p.name.as_str())).collect();
    let stage_name: HashMap<&StageId, &str> =
        stages.iter().map(|s| (&s.id, s.name.as_str())).collect();
    let mut merged = Vec::new();
    for persona in personas {
        for stage in stages {
            for state in [EmotionState::Current, EmotionState::Future] {
                let key: Point = (persona.id.clone(), stage.id.clone(), state);
                let (b, m, t) = (b.get(&key), m.get(&key), t.get(&key));
                let state_word = match state {
                    EmotionState::Current => "today",
                    EmotionState::Future => "in the future",
                };
                let about = About {
                    key: format!("emotion:{}:{}:{}", persona.id, stage.id, state.as_str()),
                    name: format!(
                        "how {} feels in {} {state_word}",
                        persona_name[&persona.id],
                        quoted(stage_name[&stage.id])
                    ),
                    stage_id: Some(stage.id.clone()),
                    ..About::default()
                };
                let show = |e: &EmotionScore| format!("{:+}", e.score);
                let kept = ctx.keep(&about, b, m, t, m != b, t != b, show);
                let score = match (kept, m, t) {
                    (Kept::Both, Some(m), Some(t)) => EmotionScore {
                        score: ctx.value(&about, "Score", b.map(|b| &b.score), &m.score, &t.score),
                        note: merge_note(ctx, &about, b, m, t),
                        ..m.clone()
                    },
                    (Kept::Mine, Some(m), _) => m.clone(),
                    (Kept::Theirs, _, Some(t)) => t.clone(),
                    _ => continue,
                };
                merged.push(score);
            }
        }
    }
    merged
}

fn merge_note(
    ctx: &mut Ctx<'_>,
    about: &About,
    b: Option<&EmotionScore>,
    m: &EmotionScore,
    t: &EmotionScore,
) -> Option<String> {
    let text = |e: &EmotionScore| e.note.clone().unwrap_or_default();
    let base = b.map(text);
    let note = ctx.text(about, "Note", base.as_ref(), &text(m), &text(t));
    (!note.is_empty()).then_some(note)
}
