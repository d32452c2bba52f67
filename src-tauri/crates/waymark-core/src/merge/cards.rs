//! Merging the cards: each card kept or not, field by field, in a cell both sides agree on,
//! and in an order that keeps both sides' moves.

use super::lists::{both_orders, lay, merge_order, placed};
use super::pick::{describe, quoted, About, Ctx, Kept};
use crate::diff::{content_differs, kind_fields_differ};
use crate::ids::{CardId, LaneId, StageId};
use crate::map::{Card, JourneyMap, Lane, LaneKind, Stage};
use crate::order;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

type Cell = (StageId, LaneId);

fn cell(card: &Card) -> Cell {
    (card.stage_id.clone(), card.lane_id.clone())
}

/// Whether a side added the card, or changed what it says or which cell it is in.
pub(super) fn touched(base: Option<&Card>, side: Option<&Card>) -> bool {
    match (base, side) {
        (Some(b), Some(s)) => content_differs(b, s) || cell(b) != cell(s),
        (None, Some(_)) => true,
        _ => false,
    }
}

/// A map's cards by id, and each cell's card ids in order.
struct Side<'a> {
    cards: HashMap<&'a CardId, &'a Card>,
    cells: HashMap<Cell, Vec<CardId>>,
    stages: HashSet<&'a StageId>,
    lanes: HashMap<&'a LaneId, LaneKind>,
}

impl<'a> Side<'a> {
    fn of(map: &'a JourneyMap) -> Side<'a> {
        let mut sorted: Vec<&Card> = map.cards.iter().collect();
        sorted.sort_by_key(|c| c.position);
        let mut cells: HashMap<Cell, Vec<CardId>> = HashMap::default();
        for card in sorted {
            cells.entry(cell(card)).or_default().push(card.id.clone());
        }
        Side {
            cards: map.cards.iter().map(|c| (&c.id, c)).collect(),
            cells,
            stages: map.stages.iter().map(|s| &s.id).collect(),
            lanes: map.lanes.iter().map(|l| (&l.id, l.kind)).collect(),
        }
    }

    fn get(&self, id: &CardId) -> Option<&'a Card> {
        self.cards.get(id).copied()
    }

    fn cell(&self, cell: &Cell) -> &[CardId] {
        self.cells.get(cell).map_or(&[], Vec::as_slice)
    }

    /// The side's version of a card it lost only because it deleted the card's stage or lane
    /// while the other side left the card there: the base's, so that the stage's or lane's
    /// fate decides the card's.
    fn or_with_container(
        &self,
        id: &CardId,
        base: Option<&'a Card>,
        other: Option<&Card>,
    ) -> Option<&'a Card> {
        self.get(id).or_else(|| {
            let (b, o) = (base?, other?);
            let stage_gone = !self.stages.contains(&b.stage_id) && o.stage_id == b.stage_id;
            let lane_gone = !self.lanes.contains_key(&b.lane_id) && o.lane_id == b.lane_id;
            (stage_gone || lane_gone).then_some(b)
        })
    }
}

/// The words for cells, from every version's stage and lane names.
struct Names(HashMap<String, String>);

impl Names {
    fn of(maps: [&JourneyMap; 3]) -> Names {
        let mut names = HashMap::default();
        for map in maps {
            for s in &map.stages {
                names.insert(format!("s:{}", s.id), s.name.clone());
            }
            for l in &map.lanes {
                names.insert(format!("l:{}", l.id), l.title.clone());
            }
        }
        Names(names)
    }

    fn cell(&self, (stage, lane): &Cell) -> String {
        let name = |key: String| self.0.get(&key).cloned().unwrap_or_default();
        format!(
            "{} › {}",
            quoted(&name(format!("s:{stage}"))),
            quoted(&name(format!("l:{lane}")))
        )
    }
}

/// The merged cards, in the merged stages and lanes, with positions and order keys.
pub(super) fn merge_cards(
    ctx: &mut Ctx<'_>,
    maps: [&JourneyMap; 3],
    stages: &[Stage],
    lanes: &[Lane],
) -> Vec<Card> {
    let [base, mine, theirs] = maps.map(Side::of);
    let names = Names::of(maps);
    let stage_ids: HashSet<&StageId> = stages.iter().map(|s| &s.id).collect();
    let kinds: HashMap<&LaneId, LaneKind> = lanes.iter().map(|l| (&l.id, l.kind)).collect();
    let fits = |c: &Card| stage_ids.contains(&c.stage_id) && kinds.contains_key(&c.lane_id);
    let mut ids: Vec<&CardId> = maps[1].cards.iter().map(|c| &c.id).collect();
    ids.extend(
        maps[2]
            .cards
            .iter()
            .map(|c| &c.id)
            .filter(|id| mine.get(id).is_none()),
    );
    let mut merged: HashMap<CardId, Card> = HashMap::default();
    for id in ids {
        let b = base.get(id);
        let m = mine.or_with_container(id, b, theirs.get(id));
        let t = theirs.or_with_container(id, b, mine.get(id));
        let Some(any) = m.or(t) else { continue };
        let about = About {
            key: format!("card:{id}"),
            name: format!("the card {}", quoted(&any.text)),
            stage_id: Some(any.stage_id.clone()),
            lane_id: Some(any.lane_id.clone()),
            card_id: Some(id.clone()),
        };
        let show = |c: &Card| quoted(&c.text);
        let kept = ctx.keep(&about, b, m, t, touched(b, m), touched(b, t), show);
        let card = match (kept, m, t) {
            (Kept::Both, Some(m), Some(t)) => {
                merge_fields(ctx, &about, b, m, t, (&mine, &theirs), &names)
            }
            (Kept::Mine, Some(m), _) => m.clone(),
            (Kept::Theirs, _, Some(t)) => t.clone(),
            _ => continue,
        };
        // A card whose cell went with a stage or lane stays where the other side has it.
        let card = if fits(&card) {
            card
        } else {
            match [m, t].into_iter().flatten().find(|c| fits(c)) {
                Some(other) => Card {
                    stage_id: other.stage_id.clone(),
                    lane_id: other.lane_id.clone(),
                    order: other.order.clone(),
                    ..card
                },
                None => continue,
            }
        };
        let kind = kinds[&card.lane_id];
        merged.insert(id.clone(), card.for_kind(kind));
    }
    order_cells(ctx, merged, [&base, &mine, &theirs], stages, lanes, &names)
}

/// A card's fields from both sides (and its cell: a move to a lane of another kind clashes
/// with the other side's change to a field that kind drops).
fn merge_fields(
    ctx: &mut Ctx<'_>,
    at: &About,
    b: Option<&Card>,
    m: &Card,
    t: &Card,
    (mine, theirs): (&Side<'_>, &Side<'_>),
    names: &Names,
) -> Card {
    let kind_of = |side: &Side<'_>, c: &Card| side.lanes.get(&c.lane_id).copied();
    let clash = b.is_some_and(|b| {
        kind_of(mine, m) != kind_of(theirs, t)
            && ((m.lane_id != b.lane_id && kind_fields_differ(b, t))
                || (t.lane_id != b.lane_id && kind_fields_differ(b, m)))
    });
    let place = ctx.pick(
        at,
        "Place",
        b.map(cell).as_ref(),
        &cell(m),
        &cell(t),
        |c| names.cell(c),
        clash,
    );
    let tags = if ctx.two_way {
        ctx.value(at, "Tags", b.map(|b| &b.tags), &m.tags, &t.tags)
    } else {
        merge_tags(b.map(|b| b.tags.as_slice()), &m.tags, &t.tags)
    };
    macro_rules! field {
        ($name:literal, $field:ident) => {
            ctx.value(at, $name, b.map(|b| &b.$field), &m.$field, &t.$field)
        };
    }
    Card {
        id: m.id.clone(),
        stage_id: place.0,
        lane_id: place.1,
        position: 0,
        order: String::new(),
        text: ctx.text(at, "Text", b.map(|b| &b.text), &m.text, &t.text),
        channel: field!("Channel", channel),
        severity: field!("Severity", severity),
        impact: field!("Impact", impact),
        effort: field!("Effort", effort),
        metric_value: field!("Value", metric_value),
        metric_target: field!("Target", metric_target),
        colour: field!("Colour", colour),
        tags,
    }
}

/// Tags merge as sets: mine, without those theirs removed, then those theirs added.
fn merge_tags(base: Option<&[String]>, mine: &[String], theirs: &[String]) -> Vec<String> {
    let base = base.unwrap_or(&[]);
    let mut tags: Vec<String> = mine
        .iter()
        .filter(|tag| !base.contains(tag) || theirs.contains(tag))
        .cloned()
        .collect();
    for tag in theirs {
        if !base.contains(tag) && !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    tags
}

/// Puts the cards of each cell in the merged order, with positions and order keys (kept
/// from the side that placed the card where they still follow the order).
fn order_cells(
    ctx: &mut Ctx<'_>,
    mut merged: HashMap<CardId, Card>,
    [base, mine, theirs]: [&Side<'_>; 3],
    stages: &[Stage],
    lanes: &[Lane],
    names: &Names,
) -> Vec<Card> {
    let mut members: HashMap<Cell, HashSet<CardId>> = HashMap::default();
    for card in merged.values() {
        members
            .entry(cell(card))
            .or_default()
            .insert(card.id.clone());
    }
    let mut cards = Vec::with_capacity(merged.len());
    for stage in stages {
        for lane in lanes {
            let here: Cell = (stage.id.clone(), lane.id.clone());
            let Some(members) = members.get(&here) else {
                continue;
            };
            let (b, m, t) = (base.cell(&here), mine.cell(&here), theirs.cell(&here));
            let ordered = if ctx.two_way {
                match both_orders(m, t, members) {
                    None => lay(m, t, &HashSet::default(), members),
                    Some(orders) => decide(ctx, &here, orders, &merged, names),
                }
            } else {
                match merge_order(b, m, t, members) {
                    Ok(order) => order,
                    Err(orders) => decide(ctx, &here, orders, &merged, names),
                }
            };
            let (placed_mine, placed_theirs) = (placed(b, m), placed(b, t));
            let key_in = |side: &Side<'_>, id: &CardId| {
                side.get(id)
                    .filter(|c| c.is_in(&here.0, &here.1) && order::is_valid(&c.order))
                    .map(|c| c.order.clone())
            };
            let candidates: Vec<Option<String>> = ordered
                .iter()
                .map(|id| {
                    let (bk, mk, tk) = (key_in(base, id), key_in(mine, id), key_in(theirs, id));
                    let theirs_placed = placed_theirs.contains(id) && !placed_mine.contains(id);
                    if theirs_placed || (mk.is_some() && mk == bk) {
                        tk.or(mk)
                    } else {
                        mk.or(tk)
                    }
                })
                .collect();
            let keys = keys_for(&candidates);
            for (position, (id, key)) in ordered.iter().zip(keys).enumerate() {
                if let Some(mut card) = merged.remove(id) {
                    card.position = u32::try_from(position).unwrap_or(u32::MAX);
                    card.order = key;
                    cards.push(card);
                }
            }
        }
    }
    cards
}

fn decide(
    ctx: &mut Ctx<'_>,
    here: &Cell,
    orders: (Vec<CardId>, Vec<CardId>),
    cards: &HashMap<CardId, Card>,
    names: &Names,
) -> Vec<CardId> {
    let words = |order: &[CardId]| {
        let texts: Vec<String> = order
            .iter()
            .filter_map(|id| cards.get(id))
            .map(|c| quoted(&c.text))
            .collect();
        describe(&texts.join(", "))
    };
    let about = About {
        key: format!("cell:{}:{}:order", here.0, here.1),
        stage_id: Some(here.0.clone()),
        lane_id: Some(here.1.clone()),
        ..About::default()
    };
    let what = format!("Order of the cards in {}", names.cell(here));
    ctx.on_order(&about, what, orders, words)
}

/// Order keys for a cell: the candidates on a longest increasing run are kept, the others
/// get keys spread between them.
fn keys_for(candidates: &[Option<String>]) -> Vec<String> {
    let present: Vec<(usize, &str)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, k)| k.as_deref().map(|k| (i, k)))
        .collect();
    let run = crate::diff::longest_increasing(&present.iter().map(|&(_, k)| k).collect::<Vec<_>>());
    let mut keys: Vec<Option<String>> = vec![None; candidates.len()];
    for k in run {
        let (i, key) = present[k];
        keys[i] = Some(key.to_owned());
    }
    let mut filled = Vec::with_capacity(keys.len());
    let mut i = 0;
    while i < keys.len() {
        if let Some(key) = &keys[i] {
            filled.push(key.clone());
            i += 1;
            continue;
        }
        let end = (i..keys.len())
            .find(|&j| keys[j].is_some())
            .unwrap_or(keys.len());
        let low = filled.last().map(String::as_str);
        let high = keys.get(end).and_then(|k| k.as_deref());
        filled.extend(order::spread(low, high, end - i));
        i = end;
    }
    filled
}
