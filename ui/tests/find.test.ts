import { describe, expect, it } from "vitest";
import { findCards, folded, stepMatch } from "../src/lib/scene/find";
import { card, smallMap } from "./fixtures";

describe("find in map", () => {
  it("finds text, channels and tags in reading order, ignoring case and accents", () => {
    const map = smallMap();
    map.cards = [
      card("late", "s2", "l1", 0, "Pays at the CAFÉ"),
      card("early", "s1", "l1", 1, "Reads the café menu"),
      { ...card("tag", "s1", "l1", 0, "Queues"), tags: ["cafe-visit"] },
      { ...card("channel", "s1", "l2", 0, "Emails"), channel: "Café newsletter" },
      card("none", "s1", "l1", 2, "Leaves"),
    ];
    expect(findCards(map, " cafe ")).toEqual(["tag", "early", "channel", "late"]);
    expect(findCards(map, "")).toEqual([]);
    expect(findCards(map, "tea")).toEqual([]);
    expect(folded("Ελληνικά CAFÉ")).toBe("ελληνικα cafe");
  });

  it("steps round the matches both ways", () => {
    expect(stepMatch(0, 3, 1)).toBe(1);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(0);
  });
});
