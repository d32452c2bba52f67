// Fractional order keys, exactly as waymark-core's `order` module makes them (the shared
// operation fixtures check that both sides give the same keys): base-62 digits, an integer part
// whose first letter says its length, then a fraction that never ends in 0. Keys compare as
// plain strings.

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const MAX_KEY_LEN = 64;
/** A new key longer than this makes its neighbours spread out again. */
export const SPREAD_LEN = 20;
/** How long the keys of spread cards may be. */
const SPREAD_TO = 10;
const SMALLEST = "A" + "0".repeat(26);

const value = (digit: string): number => DIGITS.indexOf(digit);
const digit = (n: number): string => DIGITS[n]!;

function integerLength(head: string): number | null {
  if (head >= "a" && head <= "z") return head.charCodeAt(0) - 97 + 2;
  if (head >= "A" && head <= "Z") return 90 - head.charCodeAt(0) + 2;
  return null;
}

function parts(key: string): [string, string] | null {
  const length = key ? integerLength(key[0]!) : null;
  return length !== null && key.length >= length ? [key.slice(0, length), key.slice(length)] : null;
}

export function isValid(key: string): boolean {
  if (key.length > MAX_KEY_LEN || !/^[0-9A-Za-z]+$/.test(key)) return false;
  const split = parts(key);
  return split !== null && split[0] !== SMALLEST && !split[1].endsWith("0");
}

function increment(integer: string): string | null {
  const head = integer[0]!;
  const digits = integer.slice(1).split("");
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] === "z") digits[i] = "0";
    else {
      digits[i] = digit(value(digits[i]!) + 1);
      return head + digits.join("");
    }
  }
  if (head === "Z") return "a0";
  if (head === "z") return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > "a") digits.push("0");
  else digits.pop();
  return next + digits.join("");
}

function decrement(integer: string): string | null {
  const head = integer[0]!;
  const digits = integer.slice(1).split("");
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] === "0") digits[i] = "z";
    else {
      digits[i] = digit(value(digits[i]!) - 1);
      return head + digits.join("");
    }
  }
  if (head === "a") return "Zz";
  if (head === "A") return null;
  const next = String.fromCharCode(head.charCodeAt(0) - 1);
  if (next < "Z") digits.push("z");
  else digits.pop();
  return next + digits.join("");
}

/** A fraction between `a` ("" is 0) and `b` (null is 1). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let shared = 0;
    while (shared < b.length && (a[shared] ?? "0") === b[shared]) shared++;
    if (shared > 0) return b.slice(0, shared) + midpoint(a.slice(shared), b.slice(shared));
  }
  const low = a ? value(a[0]!) : 0;
  const high = b ? value(b[0]!) : 62;
  if (high - low > 1) return digit(Math.floor((low + high) / 2));
  if (b !== null && b.length > 1) return b[0]!;
  return digit(low) + midpoint(a.slice(1), null);
}

function split(key: string): [string, string] {
  return parts(key) ?? ["a0", ""];
}

/** A key after `a` and before `b`; null is the start (for `a`) or the end (for `b`). */
export function between(a: string | null, b: string | null): string {
  if (a === null && b === null) return "a0";
  if (a === null) {
    const [integer, fraction] = split(b!);
    if (integer === SMALLEST) return integer + midpoint("", fraction);
    if (fraction) return integer;
    return decrement(integer) ?? integer + midpoint("", "V");
  }
  if (b === null) {
    const [integer, fraction] = split(a);
    return increment(integer) ?? integer + midpoint(fraction, null);
  }
  const [ia, fa] = split(a);
  const [ib, fb] = split(b);
  if (ia === ib) return ia + midpoint(fa, fb);
  const next = increment(ia);
  return next !== null && next < b ? next : ia + midpoint(fa, null);
}

/** `n` keys in order between `a` and `b`, as short as they can be. */
export function spread(a: string | null, b: string | null, n: number): string[] {
  if (n === 0) return [];
  if (n === 1) return [between(a, b)];
  if (b === null) {
    const keys = [between(a, null)];
    for (let i = 1; i < n; i++) keys.push(between(keys[keys.length - 1]!, null));
    return keys;
  }
  if (a === null) {
    const keys = [between(null, b)];
    for (let i = 1; i < n; i++) keys.push(between(null, keys[keys.length - 1]!));
    return keys.reverse();
  }
  const middle = between(a, b);
  const below = Math.floor(n / 2);
  return [...spread(a, middle, below), middle, ...spread(middle, b, n - below - 1)];
}

/**
 * The key for a new card at `index` among a cell's ordered `keys`; when it would be long, the
 * new keys of the cards from `start` on that spread out around it.
 */
export function keyAt(
  keys: string[],
  index: number,
): { key: string; spread: { start: number; keys: string[] } | null } {
  const at = Math.min(index, keys.length);
  const fits = (low: string | null, high: string | null) =>
    (low === null || isValid(low)) &&
    (high === null || isValid(high)) &&
    (low === null || high === null || low < high);
  const before = at > 0 ? keys[at - 1]! : null;
  const after = keys[at] ?? null;
  if (fits(before, after)) {
    const key = between(before, after);
    if (key.length <= SPREAD_LEN) return { key, spread: null };
  }
  for (let radius = 1; ; radius *= 2) {
    const start = Math.max(0, at - radius);
    const end = Math.min(keys.length, at + radius);
    const low = start > 0 ? keys[start - 1]! : null;
    const high = keys[end] ?? null;
    const whole = start === 0 && end === keys.length;
    if (whole || fits(low, high)) {
      const fresh = spread(low, high, end - start + 1);
      if (whole || fresh.every((k) => k.length <= SPREAD_TO)) {
        const [key] = fresh.splice(at - start, 1);
        return { key: key!, spread: { start, keys: fresh } };
      }
    }
  }
}
