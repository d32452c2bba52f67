import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import MapView from "../src/components/MapView.svelte";
import type { Op } from "../src/lib/ipc/types";
import { smallMap } from "./fixtures";

function mockStore(): { batches: Op[][]; undos: number } {
  const state = { batches: [] as Op[][], undos: 0 };
  let revision = 4;
  mockIPC((cmd, args) => {
    if (cmd === "open_map") return { map: smallMap(), can_undo: true, can_redo: false };
    if (cmd === "apply_ops") {
      state.batches.push((args as { ops: Op[] }).ops);
      revision += 1;
      return { revision, can_undo: true, can_redo: false };
    }
    if (cmd === "undo") {
      state.undos += 1;
      revision += 1;
      return { revision, can_undo: false, can_redo: true, ops: [] };
    }
    throw { code: "internal", message: `unexpected ${cmd}` };
  });
  return state;
}

afterEach(() => clearMocks());

async function openView() {
  render(MapView, { mapId: "map-1", onClose: () => {} });
  await screen.findByTestId("map-grid");
}

function cell(stage: string, lane: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-stage-id="${stage}"][data-lane-id="${lane}"]`)!;
}

describe("polish users notice", () => {
  it("offers to paste many lines as one card a line, in one batch", async () => {
    const store = mockStore();
    await openView();
    await fireEvent.click(cell("s2", "l1").querySelector('[data-testid="add-card"]')!);
    const editor = await screen.findByTestId("card-editor");
    const lines = Array.from({ length: 50 }, (_, i) => `Interview quote ${i + 1}`).join("\n");
    await fireEvent.paste(editor, { clipboardData: { getData: () => lines } });
    expect(screen.getByTestId("paste-choice").textContent).toContain("Paste 50 lines as 50 cards");
    await fireEvent.click(screen.getByTestId("paste-as-cards"));
    await waitFor(() => expect(store.batches).toHaveLength(1));
    const added = store.batches[0]!.filter((op) => op.type === "AddCard");
    expect(added).toHaveLength(50);
    expect(added.map((op) => (op as { card: { position: number } }).card.position)).toEqual(
      Array.from({ length: 50 }, (_, i) => 1 + i),
    );
  });

  it("adds a card of a palette chip's kind to the selected cell with Enter", async () => {
    const store = mockStore();
    await openView();
    fireEvent.pointerDown(cell("s2", "l2"), { button: 0, pointerId: 1 });
    fireEvent.pointerUp(window, { button: 0, pointerId: 1 });
    await fireEvent.click(screen.getByTestId("chip-pain_points"), { detail: 0 });
    await waitFor(() => expect(store.batches).toHaveLength(1));
    expect(store.batches[0]![0]).toMatchObject({
      type: "AddCard",
      card: { stage_id: "s2", lane_id: "l2", text: "Pain point" },
    });
    expect(await screen.findByTestId("card-editor")).toBeTruthy();
  });

  it("floats the message of a deleted lane, and Undo takes it away", async () => {
    const store = mockStore();
    await openView();
    const menu = document.querySelectorAll<HTMLElement>(
      '[data-lane-header] button[aria-haspopup="menu"]',
    )[0]!;
    await fireEvent.click(menu);
    await fireEvent.click(screen.getByText("Delete lane"));
    const toast = await screen.findByTestId("toast");
    expect(toast.textContent).toContain("Deleted the lane “Customer actions” and its 3 cards");
    await fireEvent.click(screen.getByText("Undo", { selector: "[data-testid=toast] button" }));
    await waitFor(() => expect(store.undos).toBe(1));
    expect(screen.queryByTestId("toast")).toBeNull();
  });

  it("opens a new stage for naming", async () => {
    mockStore();
    await openView();
    await fireEvent.click(screen.getByLabelText("Add a stage at the end"));
    const field = await screen.findByLabelText("Stage name");
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect((field as HTMLInputElement).value).toBe("New stage");
  });
});

describe("the PDF dialog", () => {
  it("makes its preview from the map with the last edit saved", async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    mockIPC(async (cmd) => {
      order.push(cmd);
      if (cmd === "open_map") return { map: smallMap(), can_undo: false, can_redo: false };
      if (cmd === "apply_ops") {
        await new Promise<void>((resolve) => (release = resolve));
        order.push("apply_ops done");
        return { revision: 5, can_undo: true, can_redo: false };
      }
      if (cmd === "preview_pdf")
        return { page_mm: [297, 210], pages: 1, sketches: [], card_text_size: 8, warnings: [] };
      throw { code: "internal", message: `unexpected ${cmd}` };
    });
    render(MapView, { mapId: "map-1", onClose: () => {} });
    await screen.findByTestId("map-grid");
    const title = document.getElementById("map-title") as HTMLInputElement;
    title.focus();
    await fireEvent.input(title, { target: { value: "Renamed just before the PDF" } });
    title.blur();
    await fireEvent.click(screen.getByTestId("export"));
    await fireEvent.click(screen.getByTestId("export-pdf"));
    await new Promise((r) => setTimeout(r, 400));
    expect(order).not.toContain("preview_pdf");
    release();
    await waitFor(() => expect(order).toContain("preview_pdf"));
    expect(order.indexOf("apply_ops done")).toBeLessThan(order.indexOf("preview_pdf"));
  });
});
