//! Fractional order keys: the order of the cards in a cell.
//!
//! A key is base-62 digits (`0-9A-Za-z`, in ASCII order): an integer part whose first letter
//! says its length (`a0`..`az`, then `b00`.., and `Zz`, `Yzz`.. below), then a fraction that
//! never ends in `0`; the scheme of tldraw's and Figma's fractional indices. Between any two
//! keys there is another, so a card moved or added between two others gets a key of its own
//! and no other card changes. Keys compare as plain strings, in Rust, in SQLite and in
//! JavaScript alike.
//!
//! Inserting again and again at one spot makes keys longer; when a new key would pass
//! `SPREAD_LEN`, the cards around it are given evenly spread keys again (a few rows, rarely).

/// The digits, in the order they sort.
pub const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The longest key a card may have.
pub const MAX_KEY_LEN: usize = 64;

/// A new key longer than this makes its neighbours spread out again.
pub const SPREAD_LEN: usize = 20;

/// How long the keys of spread cards may be: short enough to leave room for many more cards
/// between them before the next spread.
const SPREAD_TO: usize = 10;

/// The smallest integer part, which no key may be: there would be no room before it.
const SMALLEST: &[u8] = b"A00000000000000000000000000";

fn value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'A'..=b'Z' => digit - b'A' + 10,
        b'a'..=b'z' => digit - b'a' + 36,
        _ => 0,
    }
}

fn digit(value: u8) -> u8 {
    DIGITS[usize::from(value)]
}

/// How long the integer part a head letter starts is: `a` 2, `b` 3... and `Z` 2, `Y` 3...
fn integer_len(head: u8) -> Option<usize> {
    match head {
        b'a'..=b'z' => Some(usize::from(head - b'a') + 2),
        b'A'..=b'Z' => Some(usize::from(b'Z' - head) + 2),
        _ => None,
    }
}

/// A key's integer part and its fraction.
fn parts(key: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = integer_len(*key.first()?)?;
    (key.len() >= len).then(|| key.split_at(len))
}

/// Whether `key` is a well-formed order key.
pub fn is_valid(key: &str) -> bool {
    let bytes = key.as_bytes();
    key.len() <= MAX_KEY_LEN
        && bytes.iter().all(u8::is_ascii_alphanumeric)
        && match parts(bytes) {
            Some((integer, fraction)) => integer != SMALLEST && !fraction.ends_with(b"0"),
            None => false,
        }
}

/// The next integer, or `None` past the largest.
fn increment(integer: &[u8]) -> Option<Vec<u8>> {
    let (head, digits) = integer.split_first()?;
    let mut digits = digits.to_vec();
    for d in digits.iter_mut().rev() {
        if *d == b'z' {
            *d = b'0';
        } else {
            *d = digit(value(*d) + 1);
            let mut next = vec![*head];
            next.extend(digits);
            return Some(next);
        }
    }
    // Every digit carried over: one more digit, or from the negative heads to the positive.
    match *head {
        b'Z' => Some(b"a0".to_vec()),
        b'z' => None,
        head => {
            let head = head + 1;
            if head > b'a' {
                digits.push(b'0');
            } else {
                digits.pop();
            }
            let mut next = vec![head];
            next.extend(digits);
            Some(next)
        }
    }
}

/// The integer before, or `None` below the smallest.
fn decrement(integer: &[u8]) -> Option<Vec<u8>> {
    let (head, digits) = integer.split_first()?;
    let mut digits = digits.to_vec();
    for d in digits.iter_mut().rev() {
        if *d == b'0' {
            *d = b'z';
        } else {
            *d = digit(value(*d) - 1);
            let mut next = vec![*head];
            next.extend(digits);
            return Some(next);
        }
    }
    match *head {
        b'a' => Some(b"Zz".to_vec()),
        b'A' => None,
        head => {
            let head = head - 1;
            if head < b'Z' {
                digits.push(b'z');
            } else {
                digits.pop();
            }
            let mut next = vec![head];
            next.extend(digits);
            Some(next)
        }
    }
}

/// A fraction between the fractions `a` (`""` is 0) and `b` (`None` is 1).
fn midpoint(a: &[u8], b: Option<&[u8]>) -> Vec<u8> {
    if let Some(b) = b {
        // The digits both share (with `a` padded by zeros) stay as they are.
        let shared = b
            .iter()
            .enumerate()
            .take_while(|&(i, &d)| a.get(i).copied().unwrap_or(b'0') == d)
            .count();
        if shared > 0 {
            let mut key = b[..shared].to_vec();
            key.extend(midpoint(a.get(shared..).unwrap_or(&[]), Some(&b[shared..])));
            return key;
        }
    }
    let low = a.first().map_or(0, |&d| value(d));
    let high = b.and_then(|b| b.first()).map_or(62, |&d| value(d));
    if high - low > 1 {
        return vec![digit((low + high) / 2)];
    }
    match b {
        // `b`'s first digit alone is below `b` and above `a`.
        Some(b) if b.len() > 1 => vec![b[0]],
        _ => {
            let mut key = vec![digit(low)];
            key.extend(midpoint(a.get(1..).unwrap_or(&[]), None));
            key
        }
    }
}

/// A key's parts; an invalid key counts as `a0`.
fn split(key: &[u8]) -> (&[u8], &[u8]) {
    parts(key).unwrap_or((b"a0", b""))
}

fn key_between(a: Option<&[u8]>, b: Option<&[u8]>) -> Vec<u8> {
    match (a, b) {
        (None, None) => b"a0".to_vec(),
        (None, Some(b)) => {
            let (integer, fraction) = split(b);
            if integer == SMALLEST {
                return [integer, &midpoint(b"", Some(fraction))].concat();
            }
            if !fraction.is_empty() {
                return integer.to_vec();
            }
            decrement(integer).unwrap_or_else(|| [integer, &midpoint(b"", Some(b"V"))].concat())
        }
        (Some(a), None) => {
            let (integer, fraction) = split(a);
            increment(integer).unwrap_or_else(|| [integer, &midpoint(fraction, None)].concat())
        }
        (Some(a), Some(b)) => {
            let ((ia, fa), (ib, fb)) = (split(a), split(b));
            if ia == ib {
                return [ia, &midpoint(fa, Some(fb))].concat();
            }
            match increment(ia) {
                Some(next) if next.as_slice() < b => next,
                _ => [ia, &midpoint(fa, None)].concat(),
            }
        }
    }
}

/// A key after `a` and before `b`; `None` is the start (for `a`) or the end (for `b`) of the
/// cell. Needs valid keys with `a < b`. Keys put one after another at the start or the end of a
/// cell grow by a digit only every few thousand cards; between two cards, by a digit every five
/// or six.
pub fn between(a: Option<&str>, b: Option<&str>) -> String {
    let bytes = key_between(a.map(str::as_bytes), b.map(str::as_bytes));
    // Only digits are ever written, so this is ASCII.
    String::from_utf8(bytes).unwrap_or_default()
}

/// `n` keys in order between `a` and `b`, as short as they can be: consecutive integers
/// towards an open end, evenly spread between two keys.
pub fn spread(a: Option<&str>, b: Option<&str>, n: usize) -> Vec<String> {
    match (a, b, n) {
        (_, _, 0) => Vec::new(),
        (_, _, 1) => vec![between(a, b)],
        (_, None, _) => {
            let mut keys = vec![between(a, None)];
            for _ in 1..n {
                let next = between(keys.last().map(String::as_str), None);
                keys.push(next);
            }
            keys
        }
        (None, Some(_), _) => {
            let mut keys = vec![between(None, b)];
            for _ in 1..n {
                let next = between(None, keys.last().map(String::as_str));
                keys.push(next);
            }
            keys.reverse();
            keys
        }
        (Some(_), Some(_), _) => {
            let middle = between(a, b);
            let below = n / 2;
            let mut keys = spread(a, Some(&middle), below);
            keys.push(middle.clone());
            keys.extend(spread(Some(&middle), b, n - below - 1));
            keys
        }
    }
}

/// Where a key goes among the ordered `keys` of a cell: the new keys for the cards of a window
/// around `index` (the slot the new key takes), when the key there would be longer than
/// `SPREAD_LEN`. Returns the key for the slot, and the new keys of the cards from `start` on
/// (the slot itself not counted) when some had to change.
pub fn key_at(keys: &[&str], index: usize) -> (String, Option<(usize, Vec<String>)>) {
    let index = index.min(keys.len());
    let fits = |low: Option<&str>, high: Option<&str>| {
        low.is_none_or(is_valid)
            && high.is_none_or(is_valid)
            && match (low, high) {
                (Some(low), Some(high)) => low < high,
                _ => true,
            }
    };
    let before = index.checked_sub(1).map(|i| keys[i]);
    let after = keys.get(index).copied();
    if fits(before, after) {
        let key = between(before, after);
        if key.len() <= SPREAD_LEN {
            return (key, None);
        }
    }
    // Widen a window around the slot until its cards and the new one fit evenly in short keys
    // between the keys just outside it (or the whole cell is the window).
    let mut radius = 1;
    loop {
        let start = index.saturating_sub(radius);
        let end = (index + radius).min(keys.len());
        let low = start.checked_sub(1).map(|i| keys[i]);
        let high = keys.get(end).copied();
        let whole = start == 0 && end == keys.len();
        if whole || fits(low, high) {
            let mut fresh = spread(low, high, end - start + 1);
            if whole || fresh.iter().all(|k| k.len() <= SPREAD_TO) {
                let key = fresh.remove(index - start);
                return (key, Some((start, fresh)));
            }
        }
        radius *= 2;
    }
}

// Keys stay short (under 32 bytes), so the cell index stays small.
const _: () = assert!(SPREAD_LEN < 32 && SPREAD_TO < SPREAD_LEN);
