import { describe, expect, it } from "vitest";
import type { MapSummary, SearchHit } from "../src/lib/ipc/types";
import {
  highlight,
  hitLabel,
  savedSort,
  saveSort,
  searchWords,
  sortMaps,
} from "../src/lib/library/search";

const marked = (pieces: { text: string; marked: boolean }[]) =>
  pieces.filter((p) => p.marked).map((p) => p.text);

describe("highlight", () => {
  it("marks every word found, whatever its case or accents", () => {
    const pieces = highlight(
      "Les clients hésitent devant le formulaire",
      searchWords("HESIT formul"),
    );
    expect(marked(pieces)).toEqual(["hésit", "formul"]);
    expect(pieces.map((p) => p.text).join("")).toBe("Les clients hésitent devant le formulaire");
  });

  it("shows the line of a persona that matched", () => {
    const pieces = highlight("Noor\nNurse\nFewer night calls", ["night"]);
    expect(pieces.map((p) => p.text).join("")).toBe("Fewer night calls");
  });

  it("shortens a long text around the first match", () => {
    const text = `${"a".repeat(300)} needle ${"b".repeat(300)}`;
    const pieces = highlight(text, ["needle"], 60);
    const shown = pieces.map((p) => p.text).join("");
    expect(shown.startsWith("…") && shown.endsWith("…")).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(62);
    expect(marked(pieces)).toEqual(["needle"]);
  });

  it("marks words in scripts without spaces", () => {
    expect(marked(highlight("申込書を郵送する", ["郵送"]))).toEqual(["郵送"]);
  });
});

const summary = (title: string, updated_at: number, cards: number) =>
  ({ id: title, title, updated_at, cards, stages: 1, lanes: 1, personas: 0 }) as MapSummary;

describe("sortMaps", () => {
  const maps = [summary("b map", 3, 10), summary("A map", 1, 500), summary("map 10", 2, 0)];
  it("sorts by last edit, title and size", () => {
    expect(sortMaps(maps, "edited").map((m) => m.title)).toEqual(["b map", "map 10", "A map"]);
    expect(sortMaps(maps, "title").map((m) => m.title)).toEqual(["A map", "b map", "map 10"]);
    expect(sortMaps(maps, "size").map((m) => m.title)).toEqual(["A map", "b map", "map 10"]);
    expect(maps[0]!.title).toBe("b map");
  });

  it("remembers the order, ignoring what it does not know", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(savedSort(storage)).toBe("edited");
    saveSort("size", storage);
    expect(savedSort(storage)).toBe("size");
    store.set("waymark.library.sort", "colour");
    expect(savedSort(storage)).toBe("edited");
  });
});

it("labels a card result with its place", () => {
  const hit = { kind: "card", place: "Awareness · Customer actions" } as SearchHit;
  expect(hitLabel(hit)).toBe("Card · Awareness · Customer actions");
  expect(hitLabel({ ...hit, kind: "map", place: "" })).toBe("Title");
});
