import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { render } from "@testing-library/svelte";
import Cell from "../src/components/Cell.svelte";
import { CanvasState } from "../src/lib/scene/canvas.svelte";
import { cellKey } from "../src/lib/scene/cards";
import { MapEditor } from "../src/lib/scene/editor.svelte";
import { smallMap } from "./fixtures";

afterEach(() => clearMocks());

async function cellOf(drawn: boolean, canvas = new CanvasState()) {
  mockIPC((cmd) => {
    if (cmd === "open_map") return { map: smallMap(), can_undo: false, can_redo: false };
    throw { code: "internal", message: `unexpected ${cmd}` };
  });
  const editor = await MapEditor.open("map-1");
  const map = editor.map;
  const card = map.cards[0]!;
  const stage = map.stages.find((s) => s.id === card.stage_id)!;
  const lane = map.lanes.find((l) => l.id === card.lane_id)!;
  const cards = map.cards.filter((c) => c.stage_id === stage.id && c.lane_id === lane.id);
  const { container } = render(Cell, { editor, canvas, stage, lane, cards, drawn });
  return { cell: container.querySelector<HTMLElement>("[data-cell]")!, cards, canvas, stage, lane };
}

describe("a cell far out of view", () => {
  it("draws its cards when it is in view", async () => {
    const { cell, cards } = await cellOf(true);
    expect(cell.querySelectorAll("[data-card-id]")).toHaveLength(cards.length);
    expect(cell.tabIndex).toBe(-1);
  });

  it("draws no cards but keeps their room, and takes the focus from Tab", async () => {
    const { cell, cards } = await cellOf(false);
    expect(cards.length).toBeGreaterThan(0);
    expect(cell.querySelectorAll("[data-card-id]")).toHaveLength(0);
    const stack = cell.querySelector<HTMLElement>(".stack")!;
    expect(stack.style.height).toBe(`${26 + cards.length * 56}px`);
    expect(cell.tabIndex).toBe(0);
  });

  it("keeps the room its cards took when last drawn", async () => {
    const canvas = new CanvasState();
    const map = smallMap();
    const card = map.cards[0]!;
    const count = map.cards.filter(
      (c) => c.stage_id === card.stage_id && c.lane_id === card.lane_id,
    ).length;
    canvas.cellHeights.set(cellKey(card.stage_id, card.lane_id), { height: 333, count });
    const { cell } = await cellOf(false, canvas);
    expect(cell.querySelector<HTMLElement>(".stack")!.style.height).toBe("333px");
  });
});
