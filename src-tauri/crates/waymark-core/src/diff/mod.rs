//! What changed between two maps: a pure function, shared by the app's compare view, the
//! command line and the PDF's page of changes.
//!
//! Parts are matched by id; parts of a map from elsewhere (a Mermaid diagram, a sheet, another
//! tool) that share no ids are matched by name, and cards by their cell and text (`align`).
//! `changes_to_ops` turns the changes back into the operations that make one map the other.

mod align;
mod apply;
mod cards;
mod sentences;
mod words;

pub use align::align;
pub use apply::changes_to_ops;
use cards::{card_changes, emotion_changes};
pub(crate) use cards::{content_differs, kind_fields_differ};
pub use words::{compare, described, Comparison, Difference};

use crate::ids::{PersonaId, StageId};
use crate::map::{Card, EmotionScore, EmotionState, JourneyMap, Lane, Persona, Stage};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

/// One difference between map `a` (before) and map `b` (after).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "type")]
pub enum Change {
    Title {
        from: String,
        to: String,
    },
    Description {
        from: String,
        to: String,
    },
    StageAdded {
        stage: Stage,
        index: u32,
    },
    StageRemoved {
        stage: Stage,
        index: u32,
    },
    /// Renamed, described, recoloured or resized.
    StageChanged {
        from: Stage,
        to: Stage,
    },
    StageMoved {
        stage: Stage,
        from: u32,
        to: u32,
    },
    LaneAdded {
        lane: Lane,
        index: u32,
    },
    LaneRemoved {
        lane: Lane,
        index: u32,
    },
    /// Renamed, folded or unfolded.
    LaneChanged {
        from: Lane,
        to: Lane,
    },
    LaneMoved {
        lane: Lane,
        from: u32,
        to: u32,
    },
    PersonaAdded {
        persona: Persona,
        index: u32,
    },
    PersonaRemoved {
        persona: Persona,
        index: u32,
    },
    PersonaChanged {
        from: Persona,
        to: Persona,
    },
    PersonaMoved {
        persona: Persona,
        from: u32,
        to: u32,
    },
    CardAdded {
        card: Card,
    },
    CardRemoved {
        card: Card,
    },
    /// Its content changed (text, fields, colour, tags).
    CardChanged {
        from: Card,
        to: Card,
    },
    /// It went to another cell, or to another place in its cell.
    CardMoved {
        from: Card,
        to: Card,
    },
    /// A point of an emotion curve was scored, rescored, noted or taken away.
    EmotionChanged {
        persona_id: PersonaId,
        stage_id: StageId,
        state: EmotionState,
        from: Option<EmotionScore>,
        to: Option<EmotionScore>,
    },
}

/// The changes that turn `a` into `b`, in reading order: the map, its stages, lanes and
/// personas, then stage by stage and lane by lane the cards, then the curves. `b` is first
/// aligned to `a`, so parts of a map from elsewhere match by name.
pub fn diff(a: &JourneyMap, b: &JourneyMap) -> Vec<Change> {
    diff_by_id(a, &align(a, b))
}

/// The changes that turn `a` into `b`, matching parts by id only (as `diff` does once it
/// has aligned `b`): for two maps that share their ids, such as a map and its merge.
pub fn diff_by_id(a: &JourneyMap, b: &JourneyMap) -> Vec<Change> {
    let mut changes = Vec::new();
    if a.title != b.title {
        changes.push(Change::Title {
            from: a.title.clone(),
            to: b.title.clone(),
        });
    }
    if a.description != b.description {
        changes.push(Change::Description {
            from: a.description.clone(),
            to: b.description.clone(),
        });
    }
    changes.extend(list_changes(&a.stages, &b.stages, |s| &s.id, stage_change));
    changes.extend(list_changes(&a.lanes, &b.lanes, |l| &l.id, lane_change));
    changes.extend(list_changes(
        &a.personas,
        &b.personas,
        |p| &p.id,
        persona_change,
    ));
    changes.extend(card_changes(a, b));
    changes.extend(emotion_changes(a, b));
    changes
}

/// What can happen to a part of a list (a stage, lane or persona).
enum ListEvent<'a, T> {
    Added(&'a T, u32),
    Removed(&'a T, u32),
    Changed(&'a T, &'a T),
    Moved(&'a T, u32, u32),
}

fn stage_change(event: ListEvent<'_, Stage>) -> Change {
    match event {
        ListEvent::Added(s, i) => Change::StageAdded {
            stage: s.clone(),
            index: i,
        },
        ListEvent::Removed(s, i) => Change::StageRemoved {
            stage: s.clone(),
            index: i,
        },
        ListEvent::Changed(a, b) => Change::StageChanged {
            from: a.clone(),
            to: b.clone(),
        },
        ListEvent::Moved(s, from, to) => Change::StageMoved {
            stage: s.clone(),
            from,
            to,
        },
    }
}

fn lane_change(event: ListEvent<'_, Lane>) -> Change {
    match event {
        ListEvent::Added(l, i) => Change::LaneAdded {
            lane: l.clone(),
            index: i,
        },
        ListEvent::Removed(l, i) => Change::LaneRemoved {
            lane: l.clone(),
            index: i,
        },
        ListEvent::Changed(a, b) => Change::LaneChanged {
            from: a.clone(),
            to: b.clone(),
        },
        ListEvent::Moved(l, from, to) => Change::LaneMoved {
            lane: l.clone(),
            from,
            to,
        },
    }
}

fn persona_change(event: ListEvent<'_, Persona>) -> Change {
    match event {
        ListEvent::Added(p, i) => Change::PersonaAdded {
            persona: p.clone(),
            index: i,
        },
        ListEvent::Removed(p, i) => Change::PersonaRemoved {
            persona: p.clone(),
            index: i,
        },
        ListEvent::Changed(a, b) => Change::PersonaChanged {
            from: a.clone(),
            to: b.clone(),
        },
        ListEvent::Moved(p, from, to) => Change::PersonaMoved {
            persona: p.clone(),
            from,
            to,
        },
    }
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The changes of an ordered list of parts: removed, added, changed, and moved (the parts
/// outside the longest run that kept its order).
fn list_changes<'a, T: PartialEq, Id: Eq + std::hash::Hash>(
    a: &'a [T],
    b: &'a [T],
    id: impl Fn(&T) -> &Id,
    change: impl Fn(ListEvent<'a, T>) -> Change,
) -> Vec<Change> {
    let in_a: HashMap<&Id, usize> = a.iter().enumerate().map(|(i, t)| (id(t), i)).collect();
    let in_b: HashMap<&Id, usize> = b.iter().enumerate().map(|(i, t)| (id(t), i)).collect();
    let mut changes = Vec::new();
    for (i, part) in a.iter().enumerate() {
        if !in_b.contains_key(id(part)) {
            changes.push(change(ListEvent::Removed(part, index(i))));
        }
    }
    // The parts both have, in b's order, with their place in a.
    let kept: Vec<(usize, usize)> = b
        .iter()
        .enumerate()
        .filter_map(|(j, part)| in_a.get(id(part)).map(|&i| (i, j)))
        .collect();
    let stayed = increasing_values(&kept.iter().map(|&(i, _)| i).collect::<Vec<_>>());
    for (j, part) in b.iter().enumerate() {
        match in_a.get(id(part)) {
            None => changes.push(change(ListEvent::Added(part, index(j)))),
            Some(&i) => {
                if a[i] != *part {
                    changes.push(change(ListEvent::Changed(&a[i], part)));
                }
                if !stayed.contains(&i) {
                    changes.push(change(ListEvent::Moved(part, index(i), index(j))));
                }
            }
        }
    }
    changes
}

/// The indices into `values` of a longest strictly increasing subsequence (patience sorting).
pub(crate) fn longest_increasing<T: Ord>(values: &[T]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into `values` of each pile's top
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (k, value) in values.iter().enumerate() {
        let pile = tails.partition_point(|&t| values[t] < *value);
        previous[k] = pile.checked_sub(1).map(|p| tails[p]);
        if pile == tails.len() {
            tails.push(k);
        } else {
            tails[pile] = k;
        }
    }
    let mut kept = Vec::new();
    let mut at = tails.last().copied();
    while let Some(k) = at {
        kept.push(k);
        at = previous[k];
    }
    kept.reverse();
    kept
}

/// The values of `values` on a longest strictly increasing run.
pub(super) fn increasing_values(values: &[usize]) -> HashSet<usize> {
    longest_increasing(values)
        .into_iter()
        .map(|k| values[k])
        .collect()
}
