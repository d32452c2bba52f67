import { describe, expect, it } from "vitest";
import type { Op } from "../src/lib/ipc/types";
import { applyOp } from "../src/lib/scene/ops";
import {
  addKindCard,
  addPersona,
  noteEmotion,
  scoreEmotion,
  setTitle,
  splitCard,
  updateCards,
  updatePersona,
  updateStage,
} from "../src/lib/scene/edits";
import { smallMap } from "./fixtures";

const at = { personaId: "p9", stageId: "s1", state: "current" as const };

function withPersona() {
  const map = smallMap();
  for (const op of addPersona(map, "p9").ops) applyOp(map, op);
  return map;
}

describe("named edits", () => {
  it("are empty when they would change nothing", () => {
    const map = smallMap();
    const stage = map.stages[0]!;
    expect(setTitle(map, map.title)).toEqual([]);
    expect(setTitle(map, "")).toEqual([]);
    expect(updateStage(stage, { name: stage.name })).toEqual([]);
    expect(updateStage(stage, { width: 320 })).toEqual([
      { type: "UpdateStage", stage: { ...stage, width: 320 } },
    ]);
    const cards = map.cards.slice(0, 2);
    cards[0]!.colour = "#c92a2a";
    expect(updateCards(cards, { colour: "#c92a2a" }).map((op) => op.type)).toEqual(["UpdateCard"]);
  });

  it("keep a persona's name and give each new persona its own colour", () => {
    const map = withPersona();
    const persona = map.personas[1]!;
    expect(updatePersona(persona, { name: "  " })).toEqual([]);
    const second = addPersona(map).ops[0] as Extract<Op, { type: "AddPersona" }>;
    expect(second.persona.name).toBe("Persona 3");
    expect(second.persona.colour).not.toBe(persona.colour);
  });

  it("score the curve without losing a point's note, and note a point neutral", () => {
    const map = withPersona();
    for (const op of noteEmotion(map, at, "Long queue")) applyOp(map, op);
    const mine = () => map.emotions.filter((e) => e.persona_id === "p9");
    expect(mine()).toEqual([
      { persona_id: "p9", stage_id: "s1", state: "current", score: 0, note: "Long queue" },
    ]);
    for (const op of scoreEmotion(map, at, -2)) applyOp(map, op);
    expect(mine()[0]).toMatchObject({ score: -2, note: "Long queue" });
    expect(scoreEmotion(map, at, -2)).toEqual([]);
    for (const op of scoreEmotion(map, at, null)) applyOp(map, op);
    expect(mine()).toEqual([]);
  });

  it("give a chip's card its kind's colour only in a lane of another kind", () => {
    const map = smallMap();
    const lane = map.lanes[0]!;
    const inOwn = addKindCard(map, lane.kind, { stageId: "s1", laneId: lane.id, index: 0 });
    const other = lane.kind === "pain_points" ? "actions" : "pain_points";
    const inOther = addKindCard(map, other, { stageId: "s1", laneId: lane.id, index: 0 });
    const card = (op: Op | undefined) => (op?.type === "AddCard" ? op.card : null);
    expect(card(inOwn.ops[0])?.colour).toBeNull();
    expect(card(inOther.ops[0])?.colour).not.toBeNull();
  });

  it("split a card's text into it and new cards just after it", () => {
    const map = smallMap();
    const first = map.cards.find((c) => c.position === 0)!;
    const { ops, ids } = splitCard(first, ["one", "two", "three"]);
    for (const op of ops) applyOp(map, op);
    const cell = map.cards
      .filter((c) => c.stage_id === first.stage_id && c.lane_id === first.lane_id)
      .sort((a, b) => a.position - b.position)
      .map((c) => c.text);
    expect(cell.slice(0, 3)).toEqual(["one", "two", "three"]);
    expect(ids).toHaveLength(2);
  });
});

// Every batch the UI sends is built in lib/scene/edits.ts: no other module names an operation.
const sources = import.meta.glob<string>("../src/**/*.{ts,svelte}", {
  eager: true,
  query: "?raw",
  import: "default",
});
const OPS = [
  "SetTitle",
  "SetDescription",
  "AddPersona",
  "UpdatePersona",
  "RemovePersona",
  "AddStage",
  "UpdateStage",
  "RemoveStage",
  "MoveStage",
  "AddLane",
  "UpdateLane",
  "RemoveLane",
  "MoveLane",
  "AddCard",
  "UpdateCard",
  "MoveCard",
  "RemoveCard",
  "SetEmotion",
];
const BUILDERS = ["/lib/scene/edits.ts", "/lib/scene/ops.ts", "/lib/ipc/bindings.ts"];

describe("operations", () => {
  it("are built only by the named edits", () => {
    const literal = new RegExp(`["'](${OPS.join("|")})["']`);
    const named = Object.entries(sources)
      .filter(([path]) => !BUILDERS.some((builder) => path.endsWith(builder)))
      .filter(([, text]) => literal.test(text))
      .map(([path]) => path);
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    expect(named).toEqual([]);
  });

  it("are the ones the generated types name", () => {
    const bindings = Object.entries(sources).find(([path]) => path.endsWith("bindings.ts"))![1];
    const union = bindings.slice(bindings.indexOf("export type Op ")).split("\n\n")[0]!;
    const named = [...union.matchAll(/"type": "(\w+)"/g)].map((m) => m[1]);
    expect(named.sort()).toEqual([...OPS].sort());
  });
});
