// The UI's optimistic apply against the core, on the operations shared in tests/fixtures/ops
// (written and checked by waymark-core's tests): every accepted batch must leave the same map.
import { describe, expect, it } from "vitest";
import type { JourneyMap, Op } from "../src/lib/ipc/types";
import { applyOp } from "../src/lib/scene/ops";

interface Fixture {
  shows: string;
  map: JourneyMap;
  ops: Op[];
  expected: { map: JourneyMap } | { error: string };
}

// The fixtures are in the repository's tests folder, read when the test is built.
const files = import.meta.glob<Fixture>("../../tests/fixtures/ops/*.json", {
  eager: true,
  import: "default",
});
const fixtures = Object.entries(files).map(([path, fixture]) => ({
  name: path.slice(path.lastIndexOf("/") + 1),
  fixture,
}));

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the core compares maps in: cards by id, emotion points by persona, stage, state. */
function normalized(map: JourneyMap): JourneyMap {
  return {
    ...map,
    cards: [...map.cards].sort((a, b) => byText(a.id, b.id)),
    emotions: [...map.emotions].sort(
      (a, b) =>
        byText(a.persona_id, b.persona_id) ||
        byText(a.stage_id, b.stage_id) ||
        byText(a.state, b.state),
    ),
  };
}

describe("the optimistic apply agrees with the core", () => {
  it("has the shared fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(18);
  });

  for (const { name, fixture } of fixtures) {
    if (!("map" in fixture.expected)) continue;
    const expected = fixture.expected.map;
    it(`${name}: ${fixture.shows}`, () => {
      const map = structuredClone(fixture.map);
      for (const op of fixture.ops) applyOp(map, structuredClone(op));
      expect(normalized(map)).toEqual(expected);
    });
  }
});
