import { describe, expect, it } from "vitest";
import { between, isValid, keyAt, spread, SPREAD_LEN } from "../src/lib/scene/order";

function insertMany(start: number, count: number, place: (n: number) => number): string[] {
  const keys = spread(null, null, start);
  for (let i = 0; i < count; i++) {
    const at = Math.min(place(keys.length), keys.length);
    const { key, spread: fresh } = keyAt(keys, at);
    if (fresh) keys.splice(fresh.start, fresh.keys.length, ...fresh.keys);
    keys.splice(at, 0, key);
  }
  return keys;
}

describe("order keys", () => {
  it("are the core's keys", () => {
    // The same values waymark-core's order module gives (the op fixtures check many more).
    expect(between(null, null)).toBe("a0");
    expect(between("a0", null)).toBe("a1");
    expect(between(null, "a0")).toBe("Zz");
    expect(between("a0", "a1")).toBe("a0V");
    expect(between("az", null)).toBe("b00");
    expect(spread(null, null, 3)).toEqual(["a0", "a1", "a2"]);
    expect(isValid("a0")).toBe(true);
    expect(isValid("a0V0")).toBe(false);
    expect(isValid("")).toBe(false);
  });

  it("stay in strict order and short however often cards go to one place", () => {
    for (const place of [() => 0, () => 1, () => 40, (n: number) => n]) {
      const keys = insertMany(80, 3000, place);
      for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
      expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(SPREAD_LEN);
    }
  });
});
