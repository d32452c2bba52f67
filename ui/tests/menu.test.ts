import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor } from "@testing-library/svelte";
import MapView from "../src/components/MapView.svelte";
import { menuBridge } from "../src/lib/actions/menu.svelte";
import { MENU_IDS, type Op } from "../src/lib/ipc/types";
import { smallMap } from "./fixtures";

afterEach(() => {
  clearMocks();
  document.body.innerHTML = "";
});
Element.prototype.scrollTo ??= () => {};

describe("the menu bar's side in the UI", () => {
  it("runs the screen's handler before the app's, and only when it can act", () => {
    const ran: string[] = [];
    menuBridge.app = { about: { run: () => ran.push("app about") } };
    const stop = menuBridge.useScreen({
      about: { run: () => ran.push("screen about"), enabled: () => false },
      find: { run: () => ran.push("find") },
    });
    menuBridge.choose("about");
    menuBridge.choose("find");
    expect(ran).toEqual(["find"]);
    const { enabled } = menuBridge.state(MENU_IDS);
    expect(enabled).toMatchObject({ about: false, find: true, undo: false });
    stop();
    menuBridge.choose("about");
    expect(ran).toEqual(["find", "app about"]);
  });

  it("edits the focused text field instead of the map", () => {
    const ran: string[] = [];
    menuBridge.useScreen({ undo: { run: () => ran.push("map undo") } });
    const exec = vi.fn(() => true);
    document.execCommand = exec;
    const field = document.createElement("textarea");
    document.body.append(field);
    field.focus();
    menuBridge.choose("undo");
    expect(exec).toHaveBeenCalledWith("undo");
    field.blur();
    menuBridge.choose("undo");
    expect(ran).toEqual(["map undo"]);
  });

  it("Edit ▸ Undo and the toolbar's Undo run the same action on the open map", async () => {
    const calls: string[] = [];
    let revision = 4;
    mockIPC((cmd, args) => {
      calls.push(cmd);
      if (cmd === "open_map") return { map: smallMap(), can_undo: false, can_redo: false };
      if (cmd === "apply_ops") {
        void (args as { ops: Op[] }).ops;
        return { revision: ++revision, can_undo: true, can_redo: false };
      }
      if (cmd === "undo") return { revision: ++revision, can_undo: false, can_redo: true, ops: [] };
      if (cmd === "set_menu_state") return null;
      throw { code: "internal", message: `unexpected ${cmd}` };
    });
    render(MapView, { mapId: "map-1", onClose: () => {} });
    await screen.findByTestId("map-grid");
    expect(menuBridge.state(MENU_IDS).enabled.undo).toBe(false);
    menuBridge.choose("select-all");
    menuBridge.choose("delete");
    await waitFor(() => expect(calls).toContain("apply_ops"));
    await waitFor(() => expect(menuBridge.state(MENU_IDS).enabled.undo).toBe(true));
    menuBridge.choose("undo");
    await waitFor(() => expect(calls).toContain("undo"));
  });
});
