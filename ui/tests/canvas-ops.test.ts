import { describe, expect, it } from "vitest";
import { applyOp } from "../src/lib/scene/ops";
import { cellCards, inMapOrder } from "../src/lib/scene/cards";
import { copyCards, moveCards } from "../src/lib/scene/edits";
import { columnCentres, scoreAt, scoreY } from "../src/lib/scene/curve";
import { slotAt } from "../src/lib/interactions/pointer";
import { shortcutFor } from "../src/lib/actions/keys";
import { card, smallMap } from "./fixtures";
import type { JourneyMap, Op } from "../src/lib/ipc/types";

function texts(map: JourneyMap, stage: string, lane: string): string[] {
  return cellCards(map, stage, lane).map((c) => c.id);
}

function run(map: JourneyMap, ops: Op[]): JourneyMap {
  for (const op of ops) applyOp(map, op);
  return map;
}

function wideMap(): JourneyMap {
  const map = smallMap();
  // s1/l1: a b; s2/l1: c d e
  map.cards.push(card("d", "s2", "l1", 1), card("e", "s2", "l1", 2));
  return map;
}

describe("moving cards", () => {
  it("puts one card before the chosen card of another cell", () => {
    const map = wideMap();
    const ops = moveCards(map, ["a"], { stageId: "s2", laneId: "l1", index: 1 });
    run(map, ops);
    expect(texts(map, "s2", "l1")).toEqual(["c", "a", "d", "e"]);
    expect(texts(map, "s1", "l1")).toEqual(["b"]);
  });

  it("reorders inside a cell, counting slots among the other cards", () => {
    const map = wideMap();
    run(map, moveCards(map, ["c"], { stageId: "s2", laneId: "l1", index: 2 })); // after d and e
    expect(texts(map, "s2", "l1")).toEqual(["d", "e", "c"]);
    run(map, moveCards(map, ["c"], { stageId: "s2", laneId: "l1", index: 0 }));
    expect(texts(map, "s2", "l1")).toEqual(["c", "d", "e"]);
  });

  it("keeps a multi-selection together and in order, wherever it came from", () => {
    const map = wideMap();
    const ids = inMapOrder(map, ["e", "a", "c"]).map((c) => c.id);
    expect(ids).toEqual(["a", "c", "e"]);
    run(map, moveCards(map, ids, { stageId: "s2", laneId: "l1", index: 1 })); // after d, the one other card there
    expect(texts(map, "s2", "l1")).toEqual(["d", "a", "c", "e"]);
    expect(texts(map, "s1", "l1")).toEqual(["b"]);
  });

  it("leaves out moves that change nothing", () => {
    const map = wideMap();
    expect(moveCards(map, ["d"], { stageId: "s2", laneId: "l1", index: 1 })).toEqual([]);
  });

  it("copies cards with new ids after the originals, or at the end of another cell", () => {
    const map = wideMap();
    let n = 0;
    const id = () => `copy-${++n}`;
    const dup = copyCards(map, inMapOrder(map, ["a"]), null, id);
    run(map, dup.ops);
    expect(texts(map, "s1", "l1")).toEqual(["a", "copy-1", "b"]);
    const into = { stageId: "s2", laneId: "l2" };
    const pasted = copyCards(map, inMapOrder(map, ["a", "b"]), [into, into], id);
    run(map, pasted.ops);
    expect(pasted.ids).toEqual(["copy-2", "copy-3"]);
    expect(cellCards(map, "s2", "l2").map((c) => c.text)).toEqual(["a", "b"]);
  });
});

describe("pointer geometry", () => {
  it("snaps a dragged emotion point to the nearest whole score, within −2…+2", () => {
    for (const score of [-2, -1, 0, 1, 2])
      expect(scoreAt(scoreY(score, 170, 22), 170, 22)).toBe(score);
    expect(scoreAt(scoreY(0.4, 170, 22), 170, 22)).toBe(0);
    expect(scoreAt(scoreY(0.6, 170, 22), 170, 22)).toBe(1);
    expect(scoreAt(-500, 170, 22)).toBe(2);
    expect(scoreAt(900, 170, 22)).toBe(-2);
  });

  it("centres curve points in columns of their own widths", () => {
    expect(columnCentres([260, 400, 160])).toEqual([130, 460, 740]);
  });

  it("finds the slot before which a point falls", () => {
    const rows = [
      { start: 0, size: 40 },
      { start: 50, size: 40 },
    ];
    expect(slotAt(10, rows)).toBe(0);
    expect(slotAt(30, rows)).toBe(1);
    expect(slotAt(85, rows)).toBe(2);
  });
});

describe("shortcuts", () => {
  const key = (init: KeyboardEventInit) => shortcutFor(new KeyboardEvent("keydown", init));

  it("maps the editor's keys", () => {
    expect(key({ key: "z", ctrlKey: true })).toBe("undo");
    expect(key({ key: "Z", ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(key({ key: "y", ctrlKey: true })).toBe("redo");
    expect(key({ key: "c", metaKey: true })).toBe("copy");
    expect(key({ key: "v", ctrlKey: true })).toBe("paste");
    expect(key({ key: "d", ctrlKey: true })).toBe("duplicate");
    expect(key({ key: "Delete" })).toBe("delete");
    expect(key({ key: "+" })).toBe("zoom-in");
    expect(key({ key: "-", ctrlKey: true })).toBe("zoom-out");
    expect(key({ key: "!", shiftKey: true, code: "Digit1" })).toBe("zoom-fit");
    expect(key({ key: "@", shiftKey: true, code: "Digit2" })).toBe("zoom-selection");
    expect(key({ key: '"', shiftKey: true, code: "Digit2" })).toBe("zoom-selection");
    expect(key({ key: "f", ctrlKey: true })).toBe("find");
    expect(key({ key: "z" })).toBeNull();
    expect(key({ key: "z", ctrlKey: true, altKey: true })).toBeNull();
  });
});
