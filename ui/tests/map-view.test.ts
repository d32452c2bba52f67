import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import MapView from "../src/components/MapView.svelte";
import { DOMAIN, type Op } from "../src/lib/ipc/types";
import { richMap, smallMap } from "./fixtures";
import type { JourneyMap } from "../src/lib/ipc/types";

/** A store that accepts every batch and records it. */
function mockStore(
  refuse?: { code: string; message: string },
  map: () => JourneyMap = smallMap,
): Op[][] {
  const batches: Op[][] = [];
  let revision = 4;
  mockIPC((cmd, args) => {
    if (cmd === "open_map") return { map: map(), can_undo: false, can_redo: false };
    if (cmd === "apply_ops") {
      if (refuse) throw refuse;
      batches.push((args as { ops: Op[] }).ops);
      revision += 1;
      return { revision, can_undo: true, can_redo: false };
    }
    throw { code: "internal", message: `unexpected ${cmd}` };
  });
  return batches;
}

afterEach(() => clearMocks());
// jsdom does not scroll; zooming scrolls to keep its centre in place.
Element.prototype.scrollTo ??= () => {};

async function openView() {
  render(MapView, { mapId: "map-1", onClose: () => {} });
  await screen.findByTestId("map-grid");
}

function cardEl(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-card-id="${id}"]`);
  if (!el) throw new Error(`no card ${id}`);
  return el;
}

function click(el: HTMLElement, init: PointerEventInit = {}) {
  fireEvent.pointerDown(el, { button: 0, pointerId: 1, ...init });
  fireEvent.pointerUp(window, { button: 0, pointerId: 1 });
}

describe("the canvas", () => {
  it("selects a card with a click, shows the inspector and deletes it with Delete", async () => {
    const batches = mockStore();
    await openView();
    click(cardEl("a"));
    expect(await screen.findByTestId("inspector")).toBeTruthy();
    expect(cardEl("a").getAttribute("aria-pressed")).toBe("true");
    await fireEvent.keyDown(window, { key: "Delete" });
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toEqual([{ type: "RemoveCard", id: "a" }]);
    expect(document.querySelector('[data-card-id="a"]')).toBeNull();
  });

  it("adds shift-clicked cards to the selection and moves them in one batch", async () => {
    const batches = mockStore();
    await openView();
    click(cardEl("a"));
    click(cardEl("c"), { shiftKey: true });
    expect(screen.getByText("2 cards selected")).toBeTruthy();
    await fireEvent.keyDown(window, { key: "d", ctrlKey: true });
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]!.map((op) => op.type)).toEqual(["AddCard", "AddCard"]);
  });

  it("moves a card with Space and the arrow keys, and says where it went", async () => {
    const batches = mockStore();
    await openView();
    const b = cardEl("b");
    b.focus();
    await fireEvent.keyDown(b, { key: " " });
    await fireEvent.keyDown(b, { key: "ArrowRight" });
    await fireEvent.keyDown(b, { key: " " });
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toEqual([
      { type: "MoveCard", id: "b", stage_id: "s2", lane_id: "l1", position: 1 },
    ]);
    await waitFor(() =>
      expect(screen.getByTestId("announcer").textContent).toMatch(
        /Dropped\. Now in Customer actions, Decision, position 2 of 2/,
      ),
    );
  });

  it("puts a picked-up card back on Escape without saving anything", async () => {
    const batches = mockStore();
    await openView();
    const a = cardEl("a");
    await fireEvent.keyDown(a, { key: " " });
    await fireEvent.keyDown(a, { key: "ArrowDown" });
    await fireEvent.keyDown(a, { key: "Escape" });
    expect(batches).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toMatch(/cancelled/));
  });

  it("copies a card and pastes it into the cell last clicked", async () => {
    const batches = mockStore();
    await openView();
    click(cardEl("c"));
    await fireEvent.keyDown(window, { key: "c", ctrlKey: true });
    const cell = document.querySelector<HTMLElement>('[data-stage-id="s1"][data-lane-id="l2"]')!;
    click(cell);
    await fireEvent.keyDown(window, { key: "v", ctrlKey: true });
    await waitFor(() => expect(batches).toHaveLength(1));
    const [op] = batches[0]!;
    expect(op).toMatchObject({
      type: "AddCard",
      card: { text: "c", stage_id: "s1", lane_id: "l2" },
    });
    expect((op as { card: { id: string } }).card.id).not.toBe("c");
  });

  it("sets a pain point's severity from the inspector", async () => {
    const batches = mockStore();
    await openView();
    click(cardEl("a"));
    const tags = await screen.findByTestId("field-tags");
    await fireEvent.input(tags, { target: { value: "#checkout, fees , checkout" } });
    await fireEvent.change(tags);
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toEqual([
      {
        type: "UpdateCard",
        card: expect.objectContaining({ id: "a", tags: ["checkout", "fees"] }),
      },
    ]);
  });

  it("moves an emotion point with the arrow keys, as a slider", async () => {
    const batches = mockStore();
    await openView();
    const points = screen.getAllByTestId("emotion-point");
    const decision = points.find((p) => p.getAttribute("data-stage") === "s2")!;
    expect(decision.getAttribute("aria-valuenow")).toBe("-2");
    await fireEvent.keyDown(decision, { key: "ArrowUp" });
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toEqual([
      {
        type: "SetEmotion",
        persona_id: "p1",
        stage_id: "s2",
        state: "current",
        score: -1,
        note: "Hidden fees",
      },
    ]);
  });

  it("returns to the saved map and shows the message when the store refuses a drag", async () => {
    mockStore({ code: "invalid_operation", message: "There is no stage with id s2 on this map." });
    await openView();
    const b = cardEl("b");
    await fireEvent.keyDown(b, { key: " " });
    await fireEvent.keyDown(b, { key: "ArrowRight" });
    await fireEvent.keyDown(b, { key: " " });
    expect(cardEl("b").closest("[data-cell]")!.getAttribute("data-stage-id")).toBe("s2");
    await screen.findByText(/There is no stage with id s2/);
    await waitFor(() =>
      expect(cardEl("b").closest("[data-cell]")!.getAttribute("data-stage-id")).toBe("s1"),
    );
  });
});

describe("every edit lands where the user meant it", () => {
  it("saves tags typed for a card to that card when another card is clicked", async () => {
    const batches = mockStore();
    await openView();
    click(cardEl("a"));
    const tags = await screen.findByTestId("field-tags");
    await fireEvent.input(tags, { target: { value: "urgent, q4" } });
    // The press on the other card changes the selection before the field hears "change".
    click(cardEl("c"));
    await fireEvent.change(tags);
    await fireEvent.blur(tags);
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toEqual([
      {
        type: "UpdateCard",
        card: expect.objectContaining({ id: "a", tags: ["urgent", "q4"] }),
      },
    ]);
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toHaveLength(1);
  });

  it("saves a channel or a KPI value typed and left by clicking the canvas or another card", async () => {
    const batches = mockStore(undefined, richMap);
    await openView();
    click(cardEl("t"));
    await fireEvent.input(await screen.findByTestId("field-channel"), {
      target: { value: "Instagram" },
    });
    click(document.querySelector<HTMLElement>('[data-stage-id="s2"][data-lane-id="l1"]')!);
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toEqual([
      { type: "UpdateCard", card: expect.objectContaining({ id: "t", channel: "Instagram" }) },
    ]);

    click(cardEl("k"));
    await fireEvent.input(await screen.findByTestId("field-metric-value"), {
      target: { value: "4.2%" },
    });
    click(cardEl("a"));
    await waitFor(() => expect(batches).toHaveLength(2));
    expect(batches[1]).toEqual([
      { type: "UpdateCard", card: expect.objectContaining({ id: "k", metric_value: "4.2%" }) },
    ]);
  });

  it("saves a channel picked from the suggestions with Enter", async () => {
    const batches = mockStore(undefined, richMap);
    await openView();
    click(cardEl("t"));
    const channel = await screen.findByTestId("field-channel");
    await fireEvent.input(channel, { target: { value: "Chat" } });
    await fireEvent.keyDown(channel, { key: "Enter" });
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]![0]).toMatchObject({ card: { id: "t", channel: "Chat" } });
  });

  it("keeps the focus on an emotion point that gets its first score from the keyboard", async () => {
    const batches = mockStore(undefined, richMap);
    await openView();
    const empty = screen
      .getAllByTestId("emotion-point-empty")
      .find(
        (p) => p.getAttribute("data-persona") === "p2" && p.getAttribute("data-stage") === "s1",
      );
    expect(empty, "a new persona's curve can be started with every persona shown").toBeTruthy();
    empty!.focus();
    await fireEvent.keyDown(empty!, { key: "ArrowUp" });
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]![0]).toMatchObject({ type: "SetEmotion", persona_id: "p2", score: 0 });
    expect(document.activeElement).toBe(empty);
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    await waitFor(() => expect(batches).toHaveLength(2));
    expect(batches[1]![0]).toMatchObject({ persona_id: "p2", stage_id: "s1", score: 1 });
  });

  it("takes the focus out of the map title when the canvas is pressed", async () => {
    const batches = mockStore();
    await openView();
    const title = document.getElementById("map-title") as HTMLInputElement;
    title.focus();
    await fireEvent.input(title, { target: { value: "Checkout, again" } });
    click(document.querySelector<HTMLElement>('[data-stage-id="s2"][data-lane-id="l1"]')!);
    expect(document.activeElement).not.toBe(title);
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toEqual([{ type: "SetTitle", title: "Checkout, again" }]);
    const fit = screen.getByText("Fit");
    expect(await fireEvent.mouseDown(fit, { button: 0 }), "a toolbar button takes no focus").toBe(
      false,
    );
  });

  it("pastes several cards keeping their stages and lanes relative to each other", async () => {
    const batches = mockStore();
    await openView();
    click(cardEl("a"));
    click(cardEl("c"), { shiftKey: true });
    await fireEvent.keyDown(window, { key: "c", ctrlKey: true });
    click(document.querySelector<HTMLElement>('[data-stage-id="s1"][data-lane-id="l2"]')!);
    await fireEvent.keyDown(window, { key: "v", ctrlKey: true });
    await waitFor(() => expect(batches).toHaveLength(1));
    const placed = batches[0]!.map((op) => {
      const card = (op as { card: { text: string; stage_id: string; lane_id: string } }).card;
      return `${card.text} ${card.stage_id}/${card.lane_id}`;
    });
    expect(placed).toEqual(["a s1/l2", "c s2/l2"]);
  });

  it("counts the card being moved in the cell it is moved to", async () => {
    mockStore();
    await openView();
    const b = cardEl("b");
    await fireEvent.keyDown(b, { key: " " });
    await fireEvent.keyDown(b, { key: "ArrowRight" });
    await waitFor(() =>
      expect(screen.getByTestId("announcer").textContent).toMatch(
        /Customer actions, Decision, position 2 of 2/,
      ),
    );
  });

  it("runs the same named actions from the toolbar and the keyboard", async () => {
    const batches = mockStore();
    await openView();
    const undo = screen.getByLabelText("Undo") as HTMLButtonElement;
    expect(undo.title).toBe("Undo (Ctrl+Z)");
    expect(undo.disabled, "nothing to undo yet").toBe(true);
    await fireEvent.keyDown(window, { key: "a", ctrlKey: true });
    expect(document.querySelectorAll('[aria-pressed="true"][data-card-id]')).toHaveLength(3);
    await fireEvent.keyDown(window, { key: "Delete" });
    await waitFor(() => expect(batches).toHaveLength(1));
    await waitFor(() => expect(undo.disabled).toBe(false));

    const level = screen.getByTestId("zoom-level");
    await fireEvent.click(screen.getByLabelText("Zoom in"));
    expect(level.textContent).toBe("119%");
    await fireEvent.keyDown(window, { key: "-" });
    expect(level.textContent).toBe("100%");
    expect(screen.getByLabelText("Zoom in").title).toBe("Zoom in (+)");
  });

  it("lets a point's note be as long as the store accepts, and saves it with Enter", async () => {
    const batches = mockStore();
    await openView();
    click(document.querySelector<HTMLElement>('[data-testid="emotion-point"]')!);
    const note = (await screen.findByLabelText("Note")) as HTMLTextAreaElement;
    expect(note.maxLength).toBe(DOMAIN.limits.emotion_note);
    await fireEvent.input(note, { target: { value: "Long queue at the till" } });
    await fireEvent.keyDown(note, { key: "Enter" });
    await waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]![0]).toMatchObject({ type: "SetEmotion", note: "Long queue at the till" });
  });

  it("saves a version with Ctrl+S and shows a comparison's differences on the canvas", async () => {
    const saved: unknown[] = [];
    const version = {
      id: "v1",
      map_id: "map-1",
      name: "Shown to the board",
      note: "",
      made: "hand",
      created_at: Date.now(),
      stages: 2,
      lanes: 2,
      cards: 3,
      personas: 1,
      parents: [],
    };
    mockIPC((cmd, args) => {
      if (cmd === "open_map") return { map: smallMap(), can_undo: false, can_redo: false };
      if (cmd === "save_version") {
        saved.push(args);
        return version;
      }
      if (cmd === "list_versions") return saved.length ? [version] : [];
      if (cmd === "compare_maps") {
        const before = smallMap();
        const after = smallMap();
        after.cards = after.cards.filter((c) => c.id !== "b");
        after.cards[0]!.text = "Rewritten";
        const removed = before.cards.find((c) => c.id === "b")!;
        return {
          before,
          after,
          differences: [
            {
              change: { type: "CardRemoved", card: removed },
              said: ["Card “b” removed from Awareness · Customer actions"],
              stage_id: "s1",
              lane_id: "l1",
              card_id: "b",
            },
            {
              change: { type: "CardChanged", from: before.cards[0], to: after.cards[0] },
              said: ["Card “a” now reads “Rewritten”"],
              stage_id: "s1",
              lane_id: "l1",
              card_id: "a",
            },
          ],
        };
      }
      throw { code: "internal", message: `unexpected ${cmd}` };
    });
    await openView();
    await fireEvent.keyDown(window, { key: "s", ctrlKey: true });
    await fireEvent.input(await screen.findByTestId("version-name"), {
      target: { value: "Shown to the board" },
    });
    await fireEvent.click(screen.getByTestId("version-save"));
    await waitFor(() =>
      expect(saved).toEqual([{ mapId: "map-1", name: "Shown to the board", note: "" }]),
    );

    await fireEvent.click(screen.getByTestId("history-button"));
    await fireEvent.click(await screen.findByTestId("compare-version"));
    const listed = await screen.findAllByTestId("difference");
    expect(listed.map((el) => el.textContent)).toEqual([
      "Card “b” removed from Awareness · Customer actions",
      "Card “a” now reads “Rewritten”",
    ]);
    expect(screen.getByTestId("review-bar").textContent).toContain(
      "Changes since “Shown to the board”",
    );
    expect(document.querySelector('[data-mark="changed"]')?.textContent).toContain("Rewritten");
    expect(screen.getAllByTestId("ghost-card").map((el) => el.textContent?.trim())).toEqual(["b"]);
    // Read-only: Delete does nothing, and no card can be added.
    expect(screen.queryAllByTestId("add-card")).toEqual([]);
    await fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("review-bar")).toBeNull());
  });
});
