//! Deciding one value or one part from three: taken from the side that changed it, or a
//! conflict decided by the user's choice (mine until they choose).

use crate::ids::{CardId, LaneId, StageId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a conflict is decided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Keep the value of the map in the library.
    #[default]
    Mine,
    /// Take the value of the other copy.
    Theirs,
    /// Keep both texts, mine first (texts only).
    Both,
}

/// The choices made so far, by conflict key.
pub type Choices = BTreeMap<String, Choice>;

/// What kind of disagreement a conflict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both sides changed the same field differently.
    Field,
    /// One side deleted (or did not add) what the other changed (or added).
    Presence,
    /// Both sides reordered the same list in ways that cross.
    Order,
}

/// Two changes that cannot both be kept, with the choice that decides it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Conflict {
    /// Stable across merges of the same maps: the key of the choice.
    pub key: String,
    pub kind: ConflictKind,
    /// What it is about, in words ("Text of the card “Book a table”").
    pub what: String,
    /// The map's value in the library, in words.
    pub mine: String,
    /// The other copy's value, in words.
    pub theirs: String,
    /// Whether "Keep both" is offered (texts).
    pub can_keep_both: bool,
    pub choice: Choice,
    pub stage_id: Option<StageId>,
    pub lane_id: Option<LaneId>,
    pub card_id: Option<CardId>,
}

/// A part being merged: its key, its name in words and where it is.
#[derive(Clone, Debug, Default)]
pub(super) struct About {
    pub key: String,
    pub name: String,
    pub stage_id: Option<StageId>,
    pub lane_id: Option<LaneId>,
    pub card_id: Option<CardId>,
}

/// Which versions of a part the merged map keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kept {
    Neither,
    Mine,
    Theirs,
    /// Both have it: merge their fields.
    Both,
}

/// The state of a merge: the choices made, and the conflicts met so far.
pub(super) struct Ctx<'a> {
    choices: &'a Choices,
    /// Two-way: there is no common ancestor (the base is mine), so every change of theirs is
    /// a choice, not taken by itself.
    pub two_way: bool,
    pub conflicts: Vec<Conflict>,
}

/// The most of a value shown in a conflict.
const SHOWN_MAX: usize = 160;

pub(super) fn shown(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= SHOWN_MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(SHOWN_MAX - 1).collect();
    format!("{cut}…")
}

pub(super) fn quoted(text: &str) -> String {
    format!("“{}”", shown(text.lines().next().unwrap_or("")))
}

impl<'a> Ctx<'a> {
    pub fn new(choices: &'a Choices, two_way: bool) -> Ctx<'a> {
        Ctx {
            choices,
            two_way,
            conflicts: Vec::new(),
        }
    }

    /// Records a conflict and returns the choice that decides it.
    pub fn conflict(
        &mut self,
        about: &About,
        key: String,
        kind: ConflictKind,
        what: String,
        values: (String, String),
        can_keep_both: bool,
    ) -> Choice {
        let choice = match self.choices.get(&key).copied().unwrap_or_default() {
            Choice::Both if !can_keep_both => Choice::Mine,
            choice => choice,
        };
        self.conflicts.push(Conflict {
            key,
            kind,
            what,
            mine: values.0,
            theirs: values.1,
            can_keep_both,
            choice,
            stage_id: about.stage_id.clone(),
            lane_id: about.lane_id.clone(),
            card_id: about.card_id.clone(),
        });
        choice
    }

    /// A conflict on one field of a part.
    fn on_field(
        &mut self,
        about: &About,
        field: &str,
        values: (String, String),
        can_keep_both: bool,
    ) -> Choice {
        let key = format!("{}:{}", about.key, field.to_lowercase());
        let what = format!("{field} of {}", about.name);
        self.conflict(about, key, ConflictKind::Field, what, values, can_keep_both)
    }

    /// A conflict on the order of a list: mine's order or theirs', each in words.
    pub fn on_order<Id>(
        &mut self,
        about: &About,
        what: String,
        (mine, theirs): (Vec<Id>, Vec<Id>),
        words: impl Fn(&[Id]) -> String,
    ) -> Vec<Id> {
        let values = (words(&mine), words(&theirs));
        let key = about.key.clone();
        match self.conflict(about, key, ConflictKind::Order, what, values, false) {
            Choice::Theirs => theirs,
            _ => mine,
        }
    }

    /// Whether `mine` and `theirs` disagree in a way the user decides: both changed it
    /// differently, or (two-way) theirs differs at all.
    fn disagree<T: PartialEq>(&self, base: Option<&T>, mine: &T, theirs: &T) -> Option<bool> {
        if mine == theirs {
            return None;
        }
        if !self.two_way {
            if base == Some(mine) {
                return Some(false);
            }
            if base == Some(theirs) {
                return None;
            }
        }
        Some(true)
    }

    /// One field: the side that changed it, or a conflict (`clash` makes a one-sided
    /// change a conflict too).
    #[allow(clippy::too_many_arguments)]
    pub fn pick<T: Clone + PartialEq>(
        &mut self,
        about: &About,
        field: &str,
        base: Option<&T>,
        mine: &T,
        theirs: &T,
        show: impl Fn(&T) -> String,
        clash: bool,
    ) -> T {
        let decided = match self.disagree(base, mine, theirs) {
            _ if clash && mine != theirs => Some(true),
            decided => decided,
        };
        match decided {
            None => mine.clone(),
            Some(false) => theirs.clone(),
            Some(true) => match self.on_field(about, field, (show(mine), show(theirs)), false) {
                Choice::Theirs => theirs.clone(),
                _ => mine.clone(),
            },
        }
    }

    /// A field of plain values shown as they are.
    pub fn value<T: Clone + PartialEq + std::fmt::Debug>(
        &mut self,
        about: &About,
        field: &str,
        base: Option<&T>,
        mine: &T,
        theirs: &T,
    ) -> T {
        self.pick(about, field, base, mine, theirs, describe, false)
    }

    /// A text field: as `pick`, and "Keep both" joins the two texts, mine first.
    pub fn text(
        &mut self,
        about: &About,
        field: &str,
        base: Option<&String>,
        mine: &String,
        theirs: &String,
    ) -> String {
        match self.disagree(base, mine, theirs) {
            None => mine.clone(),
            Some(false) => theirs.clone(),
            Some(true) => {
                let values = (shown_text(mine), shown_text(theirs));
                match self.on_field(about, field, values, true) {
                    Choice::Theirs => theirs.clone(),
                    Choice::Both => join(mine, theirs),
                    Choice::Mine => mine.clone(),
                }
            }
        }
    }

    /// Whether a part stays, and in whose version: a part one side deleted goes unless the
    /// other changed it (`touched`), which is a conflict; a part added on one side stays
    /// (two-way: each addition and deletion of theirs is a choice).
    #[allow(clippy::too_many_arguments)]
    pub fn keep<T>(
        &mut self,
        about: &About,
        base: Option<&T>,
        mine: Option<&T>,
        theirs: Option<&T>,
        mine_touched: bool,
        theirs_touched: bool,
        show: impl Fn(&T) -> String,
    ) -> Kept {
        let what = || capitalised(&about.name);
        let key = about.key.clone();
        let presence = ConflictKind::Presence;
        match (base, mine, theirs) {
            (_, Some(_), Some(_)) => Kept::Both,
            (None, Some(_), None) => Kept::Mine,
            (None, None, Some(t)) if self.two_way => {
                let values = ("Not on this map".to_owned(), format!("Added: {}", show(t)));
                match self.conflict(about, key, presence, what(), values, false) {
                    Choice::Theirs => Kept::Theirs,
                    _ => Kept::Neither,
                }
            }
            (None, None, Some(_)) => Kept::Theirs,
            (Some(_), Some(m), None) if self.two_way || mine_touched => {
                let kept = if self.two_way { "Kept" } else { "Changed" };
                let values = (format!("{kept}: {}", show(m)), "Deleted".to_owned());
                match self.conflict(about, key, presence, what(), values, false) {
                    Choice::Theirs => Kept::Neither,
                    _ => Kept::Mine,
                }
            }
            (Some(_), None, Some(t)) if theirs_touched => {
                let values = ("Deleted".to_owned(), format!("Changed: {}", show(t)));
                match self.conflict(about, key, presence, what(), values, false) {
                    Choice::Theirs => Kept::Theirs,
                    _ => Kept::Neither,
                }
            }
            _ => Kept::Neither,
        }
    }
}

/// Both texts of a "Keep both", mine first.
fn join(mine: &str, theirs: &str) -> String {
    match (mine.trim().is_empty(), theirs.trim().is_empty()) {
        (true, _) => theirs.to_owned(),
        (_, true) => mine.to_owned(),
        _ => format!("{mine}\n{theirs}"),
    }
}

fn shown_text(text: &str) -> String {
    if text.trim().is_empty() {
        "(empty)".to_owned()
    } else {
        shown(text)
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A plain value in words: `None` is "(none)", strings without quotes.
pub(super) fn describe<T: std::fmt::Debug>(value: &T) -> String {
    let text = format!("{value:?}");
    let text = text
        .strip_prefix("Some(")
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(&text);
    match text {
        "None" => "(none)".to_owned(),
        "true" => "yes".to_owned(),
        "false" => "no".to_owned(),
        _ => shown(text.trim_matches('"')),
    }
}
