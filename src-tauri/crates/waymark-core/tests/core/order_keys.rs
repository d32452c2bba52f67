//! Fractional order keys: always strictly between their neighbours, and short however often
//! cards are put at one place.

use super::*;
use waymark_core::order::{between, is_valid, key_at, spread, MAX_KEY_LEN, SPREAD_LEN};

/// A valid key from random numbers: a head letter near the middle, its integer's digits, then
/// a fraction.
fn key_from(digits: &[u8]) -> String {
    let heads = b"XYZabc";
    let head = heads[usize::from(digits[0]) % heads.len()];
    let integer_len = if head >= b'a' {
        usize::from(head - b'a') + 1
    } else {
        usize::from(b'Z' - head) + 1
    };
    let digit = |d: u8| char::from(order::DIGITS[usize::from(d) % 62]);
    let mut key = String::from(char::from(head));
    for i in 0..integer_len {
        key.push(digit(digits.get(1 + i).copied().unwrap_or(7)));
    }
    let mut fraction: String = digits
        .iter()
        .skip(1 + integer_len)
        .map(|&d| digit(d))
        .collect();
    while fraction.ends_with('0') {
        fraction.pop();
    }
    key + &fraction
}

/// What putting cards at one place again and again cost.
struct Inserted {
    keys: Vec<String>,
    /// Existing cards given new keys, in all, and at most at once.
    rewritten: usize,
    widest: usize,
}

/// Puts `count` new cards at `place` (a function of the cell's size) of a cell of `start`
/// cards, as the core does.
fn insert_many(start: usize, count: usize, place: impl Fn(usize) -> usize) -> Inserted {
    let mut keys = spread(None, None, start);
    let (mut rewritten, mut widest) = (0, 0);
    for _ in 0..count {
        let at = place(keys.len()).min(keys.len());
        let borrowed: Vec<&str> = keys.iter().map(String::as_str).collect();
        let (key, fresh) = key_at(&borrowed, at);
        if let Some((from, fresh)) = fresh {
            rewritten += fresh.len();
            widest = widest.max(fresh.len());
            keys.splice(from..from + fresh.len(), fresh);
        }
        keys.insert(at, key);
    }
    Inserted {
        keys,
        rewritten,
        widest,
    }
}

fn assert_strictly_increasing(keys: &[String]) {
    for pair in keys.windows(2) {
        assert!(pair[0] < pair[1], "{} !< {}", pair[0], pair[1]);
    }
    assert!(keys.iter().all(|k| is_valid(k)));
}

proptest! {
    #[test]
    fn a_key_between_two_keys_sorts_between_them(
        a in prop::collection::vec(any::<u8>(), 1..10),
        b in prop::collection::vec(any::<u8>(), 1..10),
    ) {
        let (a, b) = (key_from(&a), key_from(&b));
        prop_assume!(a != b);
        let (low, high) = if a < b { (a, b) } else { (b, a) };
        let key = between(Some(&low), Some(&high));
        prop_assert!(low < key && key < high, "{low} < {key} < {high}");
        prop_assert!(is_valid(&key));
        let first = between(None, Some(&low));
        let last = between(Some(&high), None);
        prop_assert!(first < low && high < last && is_valid(&first) && is_valid(&last));
    }

    #[test]
    fn spread_keys_are_in_order_and_short(n in 0usize..3_000) {
        let keys = spread(None, None, n);
        prop_assert_eq!(keys.len(), n);
        assert_strictly_increasing(&keys);
        prop_assert!(keys.iter().all(|k| k.len() <= 4));
    }

    #[test]
    fn inserts_anywhere_keep_a_strict_order_of_short_keys(
        places in prop::collection::vec(any::<u16>(), 1..400),
        start in 0usize..20,
    ) {
        let mut keys = spread(None, None, start);
        for place in places {
            let at = usize::from(place) % (keys.len() + 1);
            let borrowed: Vec<&str> = keys.iter().map(String::as_str).collect();
            let (key, fresh) = key_at(&borrowed, at);
            if let Some((from, fresh)) = fresh {
                keys.splice(from..from + fresh.len(), fresh);
            }
            keys.insert(at, key);
            assert_strictly_increasing(&keys);
            prop_assert!(keys.iter().all(|k| k.len() <= SPREAD_LEN));
        }
    }
}

#[test]
fn ten_thousand_cards_at_one_place_keep_keys_short_and_rewrite_few_others() {
    type Place = Box<dyn Fn(usize) -> usize>;
    let places: [(&str, Place, usize); 4] = [
        ("first", Box::new(|_| 0), 0),
        ("second", Box::new(|_| 1), 4),
        ("fortieth", Box::new(|_| 40), 16),
        ("last", Box::new(|n| n), 0),
    ];
    for (name, place, widest) in places {
        let done = insert_many(80, 10_000, place);
        assert_strictly_increasing(&done.keys);
        let longest = done.keys.iter().map(String::len).max().unwrap();
        assert!(longest <= SPREAD_LEN, "{name}: {longest}");
        // At the ends keys never need spreading; inside, a few neighbours now and then.
        assert!(done.widest <= widest, "{name}: {} at once", done.widest);
        assert!(done.rewritten < 1_000, "{name}: {} in all", done.rewritten);
    }
    // Always in the middle of a growing cell, every card lands beside the last ones: whole
    // runs of them are spread now and then, still only a few cards per insert on average.
    let middle = insert_many(80, 10_000, |n| n / 2);
    assert_strictly_increasing(&middle.keys);
    assert!(middle.rewritten < 10 * 10_000, "{}", middle.rewritten);
}

#[test]
fn keys_that_are_not_in_order_are_spread_again() {
    // Two equal keys (a hand-edited file, say): the new key still lands between them.
    let keys = ["a1", "a1", "a5"];
    let (key, fresh) = key_at(&keys, 1);
    let (from, fresh) = fresh.expect("the window is spread again");
    let mut all: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
    all.splice(from..from + fresh.len(), fresh);
    all.insert(1, key);
    assert_strictly_increasing(&all);
    assert!(!is_valid("") && !is_valid("V0") && !is_valid(&"V".repeat(MAX_KEY_LEN + 1)));
}
