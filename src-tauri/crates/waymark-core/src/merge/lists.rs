//! Merging the order of a list (stages, lanes, personas, the cards of a cell): each side's
//! moves and additions survive where they do not cross.
//!
//! A side "placed" a part when it added it to the list or moved it: the parts outside the
//! longest run that kept the base's order. The merged list starts as mine and puts each part
//! theirs placed after the part it follows in theirs. The moves cross when a placed part of
//! either side no longer sits between its neighbours on that side, or both sides placed the
//! same part after different parts; the list is then a conflict, decided as a whole.

use crate::diff::longest_increasing;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::Hash;

/// The parts of `side` that it added to the list or moved (relative to `base`).
pub(super) fn placed<Id: Clone + Eq + Hash>(base: &[Id], side: &[Id]) -> HashSet<Id> {
    let in_base: HashMap<&Id, usize> = base.iter().enumerate().map(|(i, id)| (id, i)).collect();
    let kept: Vec<usize> = side
        .iter()
        .filter_map(|id| in_base.get(id).copied())
        .collect();
    let stayed: HashSet<usize> = longest_increasing(&kept)
        .into_iter()
        .map(|k| kept[k])
        .collect();
    side.iter()
        .filter(|id| in_base.get(id).is_none_or(|i| !stayed.contains(i)))
        .cloned()
        .collect()
}

/// `first`'s order of the `members`, with each member `second` placed (and each member
/// `first` lacks) put after the member it follows in `second`.
pub(super) fn lay<Id: Clone + Eq + Hash>(
    first: &[Id],
    second: &[Id],
    placed_by_second: &HashSet<Id>,
    members: &HashSet<Id>,
) -> Vec<Id> {
    let mut laid: Vec<Id> = first
        .iter()
        .filter(|id| members.contains(id))
        .cloned()
        .collect();
    let mut present: HashSet<Id> = laid.iter().cloned().collect();
    for (j, id) in second.iter().enumerate() {
        if !members.contains(id) || (present.contains(id) && !placed_by_second.contains(id)) {
            continue;
        }
        if present.remove(id) {
            if let Some(at) = laid.iter().position(|x| x == id) {
                laid.remove(at);
            }
        }
        let after = second[..j]
            .iter()
            .rev()
            .find(|p| present.contains(*p))
            .and_then(|p| laid.iter().position(|x| x == p));
        laid.insert(after.map_or(0, |i| i + 1), id.clone());
        present.insert(id.clone());
    }
    // Members neither side lists (none in practice) go last, in a stable order.
    laid.extend(members.iter().filter(|id| !present.contains(*id)).cloned());
    laid
}

/// The member before and after `id` in `side`, among `members`.
fn neighbours<'a, Id: Eq + Hash>(
    side: &'a [Id],
    at: usize,
    members: &HashSet<Id>,
) -> (Option<&'a Id>, Option<&'a Id>) {
    let before = side[..at].iter().rev().find(|p| members.contains(*p));
    let after = side[at + 1..].iter().find(|p| members.contains(*p));
    (before, after)
}

/// Whether each part `side` placed still sits between its neighbours on that side.
fn respected<Id: Eq + Hash>(
    laid: &[Id],
    side: &[Id],
    placed: &HashSet<Id>,
    members: &HashSet<Id>,
) -> bool {
    let at: HashMap<&Id, usize> = laid.iter().enumerate().map(|(i, id)| (id, i)).collect();
    side.iter().enumerate().all(|(i, id)| {
        if !placed.contains(id) || !members.contains(id) {
            return true;
        }
        let (before, after) = neighbours(side, i, members);
        let here = at[id];
        before.is_none_or(|b| at[b] < here) && after.is_none_or(|a| at[a] > here)
    })
}

/// Lists up to this long merge pair by pair; longer ones by placing each moved part.
const PAIRWISE_MAX: usize = 400;

/// The merged order of a list: `Ok` when both sides' moves fit together, `Err` with the two
/// candidate orders (mine kept, theirs kept) when they cross.
///
/// Every two parts keep the order the side that changed it gave them (or the order both
/// sides give them); parts added on one side keep their order with that side's parts. The
/// moves cross when those orders make a cycle.
pub(super) fn merge_order<Id: Clone + Eq + Hash>(
    base: &[Id],
    mine: &[Id],
    theirs: &[Id],
    members: &HashSet<Id>,
) -> Result<Vec<Id>, (Vec<Id>, Vec<Id>)> {
    let placed_theirs = placed(base, theirs);
    let laid = lay(mine, theirs, &placed_theirs, members);
    let placed_mine = placed(base, mine);
    let merged = if !same_places(mine, theirs, &placed_mine, &placed_theirs, members) {
        None
    } else if laid.len() <= PAIRWISE_MAX {
        pairwise(base, mine, theirs, &laid)
    } else {
        placing(mine, theirs, laid, &placed_mine, &placed_theirs, members)
    };
    merged.ok_or_else(|| {
        let none = HashSet::default();
        (
            lay(mine, theirs, &none, members),
            lay(theirs, mine, &none, members),
        )
    })
}

/// Orders the parts by every pair's agreed order (a topological sort that follows `laid`
/// where nothing decides); `None` when the pairs' orders make a cycle.
fn pairwise<Id: Clone + Eq + Hash>(
    base: &[Id],
    mine: &[Id],
    theirs: &[Id],
    laid: &[Id],
) -> Option<Vec<Id>> {
    let places = |list: &[Id]| -> Vec<Option<usize>> {
        let at: HashMap<&Id, usize> = list.iter().enumerate().map(|(i, id)| (id, i)).collect();
        laid.iter().map(|id| at.get(id).copied()).collect()
    };
    let (b, m, t) = (places(base), places(mine), places(theirs));
    let n = laid.len();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut before_count = vec![0usize; n];
    for x in 0..n {
        for y in x + 1..n {
            let order = |p: &[Option<usize>]| Some(p[x]? < p[y]?);
            let (ob, om, ot) = (order(&b), order(&m), order(&t));
            let x_first = match (ob, om, ot) {
                (None, Some(om), Some(ot)) if om != ot => return None,
                (Some(ob), Some(om), _) if om != ob => om,
                (Some(ob), _, Some(ot)) if ot != ob => ot,
                (_, Some(om), _) => om,
                (_, None, Some(ot)) => ot,
                _ => continue,
            };
            let (first, second) = if x_first { (x, y) } else { (y, x) };
            after[first].push(second);
            before_count[second] += 1;
        }
    }
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = (0..n)
        .filter(|&i| before_count[i] == 0)
        .map(std::cmp::Reverse)
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(std::cmp::Reverse(i)) = ready.pop() {
        order.push(laid[i].clone());
        for &j in &after[i] {
            before_count[j] -= 1;
            if before_count[j] == 0 {
                ready.push(std::cmp::Reverse(j));
            }
        }
    }
    (order.len() == n).then_some(order)
}

/// Whether the parts both sides moved went to the same place (after the same part).
fn same_places<Id: Clone + Eq + Hash>(
    mine: &[Id],
    theirs: &[Id],
    placed_mine: &HashSet<Id>,
    placed_theirs: &HashSet<Id>,
    members: &HashSet<Id>,
) -> bool {
    let index = |side: &[Id]| -> HashMap<Id, usize> {
        side.iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect()
    };
    let (in_mine, in_theirs) = (index(mine), index(theirs));
    placed_mine
        .intersection(placed_theirs)
        .filter(|id| members.contains(*id))
        .all(|id| {
            neighbours(mine, in_mine[id], members).0 == neighbours(theirs, in_theirs[id], members).0
        })
}

/// For long lists: `laid`, when each part either side placed still sits between its
/// neighbours on that side.
fn placing<Id: Clone + Eq + Hash>(
    mine: &[Id],
    theirs: &[Id],
    laid: Vec<Id>,
    placed_mine: &HashSet<Id>,
    placed_theirs: &HashSet<Id>,
    members: &HashSet<Id>,
) -> Option<Vec<Id>> {
    (respected(&laid, mine, placed_mine, members)
        && respected(&laid, theirs, placed_theirs, members))
    .then_some(laid)
}

/// The order two-way: theirs placed everything it orders differently from mine.
pub(super) fn both_orders<Id: Clone + Eq + Hash>(
    mine: &[Id],
    theirs: &[Id],
    members: &HashSet<Id>,
) -> Option<(Vec<Id>, Vec<Id>)> {
    let none = HashSet::default();
    let kept = lay(mine, theirs, &none, members);
    let taken = lay(theirs, mine, &none, members);
    let common: HashSet<&Id> = mine.iter().filter(|id| theirs.contains(id)).collect();
    let order = |list: &[Id]| -> Vec<Id> {
        list.iter()
            .filter(|id| common.contains(id) && members.contains(id))
            .cloned()
            .collect()
    };
    (order(mine) != order(theirs)).then_some((kept, taken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    fn merged(base: &str, mine: &str, theirs: &str) -> Result<String, (String, String)> {
        let members: HashSet<char> = ids(mine).into_iter().chain(ids(theirs)).collect();
        let members: HashSet<char> = members
            .into_iter()
            .filter(|c| {
                let removed = |side: &str| base.contains(*c) && !side.contains(*c);
                !removed(mine) && !removed(theirs)
            })
            .collect();
        merge_order(&ids(base), &ids(mine), &ids(theirs), &members)
            .map(|m| m.into_iter().collect())
            .map_err(|(a, b)| (a.into_iter().collect(), b.into_iter().collect()))
    }

    #[test]
    fn moves_on_both_sides_that_do_not_cross_both_survive() {
        assert_eq!(merged("abcde", "bacde", "abced"), Ok("baced".into()));
        assert_eq!(merged("abcde", "abcde", "eabcd"), Ok("eabcd".into()));
        assert_eq!(merged("abcde", "eabcd", "abcde"), Ok("eabcd".into()));
        assert_eq!(merged("abc", "cab", "cab"), Ok("cab".into()));
        // Mine moves f up next to b while theirs swaps c and d: both hold.
        assert_eq!(merged("abcdef", "abfcde", "abdcef"), Ok("abfdce".into()));
    }

    #[test]
    fn additions_and_deletions_of_both_sides_are_kept() {
        assert_eq!(merged("abc", "axbc", "abyc"), Ok("axbyc".into()));
        assert_eq!(merged("abc", "ac", "abcz"), Ok("acz".into()));
        assert_eq!(merged("abc", "xabc", "yabc"), Ok("yxabc".into()));
    }

    #[test]
    fn crossing_moves_are_a_conflict_with_both_orders_to_choose_from() {
        // Mine puts a after b; theirs puts c before b: a, b and c cannot all be satisfied.
        let (mine, theirs) = merged("abc", "bac", "acb").unwrap_err();
        assert_eq!((mine.as_str(), theirs.as_str()), ("bac", "acb"));
        // The same part moved to two different places.
        assert!(merged("abcde", "bcdea", "bcade").is_err());
    }
}
