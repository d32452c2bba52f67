import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { MapEditor } from "../src/lib/scene/editor.svelte";
import { card, smallMap } from "./fixtures";

interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

function mockStore(refuse?: { code: string; message: string }) {
  const calls: Call[] = [];
  let revision = 4;
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "open_map")
      return { map: { ...smallMap(), revision }, can_undo: false, can_redo: false };
    if (cmd === "apply_ops") {
      if (refuse) throw refuse;
      revision += 1;
      return { revision, can_undo: true, can_redo: false };
    }
    if (cmd === "undo") {
      revision += 1;
      const ops = [{ type: "SetTitle", title: "Checkout journey" }];
      return { revision, can_undo: false, can_redo: true, ops };
    }
    throw { code: "internal", message: `unexpected ${cmd}` };
  });
  return calls;
}

afterEach(() => clearMocks());

describe("MapEditor", () => {
  it("shows an edit at once and saves it as one batch on the base revision", async () => {
    const calls = mockStore();
    const editor = await MapEditor.open("map-1");
    editor.apply([{ type: "AddCard", card: card("new", "s2", "l1", 1, "Calls support") }]);
    expect(editor.map.cards.some((c) => c.text === "Calls support")).toBe(true);
    expect(editor.saveState).toBe("saving");
    await editor.idle();
    const sent = calls.filter((c) => c.cmd === "apply_ops");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.args.baseRevision).toBe(4);
    expect(sent[0]!.args.mapId).toBe("map-1");
    expect(editor.saveState).toBe("saved");
    expect(editor.map.revision).toBe(5);
    expect(editor.canUndo).toBe(true);
  });

  it("sends queued batches one after another, each on the revision before it", async () => {
    const calls = mockStore();
    const editor = await MapEditor.open("map-1");
    editor.apply([{ type: "SetTitle", title: "One" }]);
    editor.apply([{ type: "SetTitle", title: "Two" }]);
    await editor.idle();
    const revisions = calls.filter((c) => c.cmd === "apply_ops").map((c) => c.args.baseRevision);
    expect(revisions).toEqual([4, 5]);
    expect(editor.map.title).toBe("Two");
  });

  it("rolls the canvas back and shows the message when the store refuses", async () => {
    mockStore({ code: "invalid_operation", message: "The card text is too long." });
    const editor = await MapEditor.open("map-1");
    editor.apply([{ type: "RemoveCard", id: "a" }]);
    expect(editor.map.cards).toHaveLength(2);
    await editor.idle();
    expect(editor.map.cards.map((c) => c.id).sort()).toEqual(["a", "b", "c"]);
    expect(editor.saveState).toBe("error");
    expect(editor.error).toBe("The card text is too long.");
  });

  it("keeps every edit on screen, in memory only, once the library file is gone", async () => {
    const calls = mockStore({
      code: "library_moved",
      message: "The library file was moved or deleted while Waymark was using it.",
    });
    const editor = await MapEditor.open("map-1");
    editor.apply([{ type: "SetTitle", title: "Typed after the move" }]);
    await editor.idle();
    expect(editor.map.title).toBe("Typed after the move");
    expect(editor.detached).toBe(true);
    expect(editor.saveState).toBe("error");
    expect(editor.error).toContain("moved or deleted");

    editor.apply([{ type: "RemoveCard", id: "a" }]);
    await editor.idle();
    expect(editor.map.cards.map((c) => c.id)).toEqual(["b", "c"]);
    expect(calls.filter((c) => c.cmd === "apply_ops")).toHaveLength(1);
  });

  it("applies what an undo applied, without loading the map again", async () => {
    const calls = mockStore();
    const editor = await MapEditor.open("map-1");
    editor.apply([{ type: "SetTitle", title: "Renamed" }]);
    await editor.undo();
    expect(editor.map.title).toBe("Checkout journey");
    expect(editor.map.revision).toBe(6);
    expect(editor.canRedo).toBe(true);
    expect(calls.filter((c) => c.cmd === "open_map")).toHaveLength(1);
  });
});

describe("a map shown read-only", () => {
  it("takes another map in place, replacing only the cards that differ", () => {
    const shown = MapEditor.view(smallMap());
    const untouched = shown.map.cards[1];
    const next = smallMap();
    next.cards[0]!.text = "Chosen";
    next.title = "Merged";
    shown.showInstead(next);
    expect(shown.map.cards[0]!.text).toBe("Chosen");
    expect(shown.map.cards[1]).toBe(untouched);
    expect(shown.map.title).toBe("Merged");
    const fewer = smallMap();
    fewer.cards = fewer.cards.slice(1);
    shown.showInstead(fewer);
    expect(shown.map.cards.map((c) => c.id)).toEqual(["b", "c"]);
  });
});
