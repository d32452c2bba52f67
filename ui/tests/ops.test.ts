import { describe, expect, it } from "vitest";
import { applyOp } from "../src/lib/scene/ops";
import { cellCards } from "../src/lib/scene/cards";
import { smoothPath, scoreY } from "../src/lib/scene/curve";
import { richMap, smallMap, card } from "./fixtures";

const texts = (map: ReturnType<typeof smallMap>, stage: string, lane: string) =>
  cellCards(map, stage, lane).map((c) => c.text);

describe("local operations mirror the store", () => {
  it("moves a card between cells and closes the gap", () => {
    const map = smallMap();
    applyOp(map, { type: "MoveCard", id: "a", stage_id: "s2", lane_id: "l1", position: 0 });
    expect(texts(map, "s1", "l1")).toEqual(["b"]);
    expect(texts(map, "s2", "l1")).toEqual(["a", "c"]);
    expect(cellCards(map, "s1", "l1")[0]!.position).toBe(0);
  });

  it("inserts a card at its position and past the end appends", () => {
    const map = smallMap();
    applyOp(map, { type: "AddCard", card: card("x", "s1", "l1", 1) });
    applyOp(map, { type: "AddCard", card: card("y", "s1", "l1", 99) });
    expect(texts(map, "s1", "l1")).toEqual(["a", "x", "b", "y"]);
  });

  it("a card keeps only the fields of the lane it moves to, as the core does", () => {
    const map = richMap();
    applyOp(map, { type: "MoveCard", id: "p", stage_id: "s2", lane_id: "l5", position: 0 });
    const moved = map.cards.find((c) => c.id === "p")!;
    expect(moved.lane_id).toBe("l5");
    expect(moved.severity).toBeNull();
    applyOp(map, { type: "UpdateCard", card: { ...moved, impact: 4, channel: "Email" } });
    const updated = map.cards.find((c) => c.id === "p")!;
    expect([updated.impact, updated.channel]).toEqual([4, null]);
  });

  it("removing a stage takes its cards and emotion points", () => {
    const map = smallMap();
    applyOp(map, { type: "RemoveStage", id: "s2" });
    expect(map.cards.map((c) => c.id)).toEqual(["a", "b"]);
    expect(map.emotions).toHaveLength(1);
  });

  it("replaces an emotion point and removes it with a null score", () => {
    const map = smallMap();
    const set = (score: number | null) =>
      applyOp(map, {
        type: "SetEmotion",
        persona_id: "p1",
        stage_id: "s1",
        state: "current",
        score,
        note: null,
      });
    set(-1);
    expect(map.emotions.find((e) => e.stage_id === "s1")!.score).toBe(-1);
    set(null);
    expect(map.emotions.find((e) => e.stage_id === "s1")).toBeUndefined();
  });
});

describe("emotion curve geometry", () => {
  it("puts +2 at the top and -2 at the bottom", () => {
    expect(scoreY(2, 100, 10)).toBe(10);
    expect(scoreY(-2, 100, 10)).toBe(90);
    expect(scoreY(0, 100, 10)).toBe(50);
  });

  it("draws a smooth path through every point", () => {
    const path = smoothPath([
      { x: 0, y: 10 },
      { x: 100, y: 50 },
      { x: 200, y: 20 },
    ]);
    expect(path.startsWith("M 0 10")).toBe(true);
    expect(path.match(/C /g)).toHaveLength(2);
    expect(path.endsWith("200 20")).toBe(true);
  });

  it("never draws the curve beyond the lowest or highest point", () => {
    const points = [0, -1, -2, 1, 2, -2].map((score, i) => ({
      x: i * 100,
      y: scoreY(score, 100, 10),
    }));
    const numbers = smoothPath(points).replace(/[MC,]/g, " ").trim().split(/\s+/).map(Number);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    // A cubic Bézier stays inside the hull of its control points.
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ys)).toBeLessThanOrEqual(90);
  });
});
