// The keyboard shortcuts sheet's contents: every key Waymark answers to, by where it works.

import { SHORTCUTS, mod } from "./keys";

export interface ShortcutGroup {
  title: string;
  keys: [keys: string, what: string][];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: "Maps and files",
    keys: [
      [mod("N"), "New map"],
      [mod("O"), "Import maps"],
      [mod("P"), "Export a PDF"],
      [SHORTCUTS["save-version"], "Save a version"],
      [mod("W"), "Close the map"],
      [mod("Q"), "Quit"],
      [mod("F"), "Find in map, or search all maps in the library"],
      [mod("/"), "These shortcuts"],
    ],
  },
  {
    title: "Editing",
    keys: [
      [SHORTCUTS.undo, "Undo"],
      [`${SHORTCUTS.redo} or ${mod("Y")}`, "Redo"],
      [SHORTCUTS.cut, "Cut cards"],
      [SHORTCUTS.copy, "Copy cards"],
      [SHORTCUTS.paste, "Paste cards"],
      [SHORTCUTS.duplicate, "Duplicate cards"],
      ["Delete", "Delete cards"],
      [SHORTCUTS["select-all"], "Select all cards"],
      ["Enter", "Edit the focused card"],
      ["Escape", "Stop editing, close a panel"],
      ["Space, Arrow keys, Space", "Pick up the focused card, move it, drop it"],
      ["Tab, Shift+Tab", "Go from card to card"],
    ],
  },
  {
    title: "View",
    keys: [
      [`+ or ${mod("=")}`, "Zoom in"],
      [`− or ${mod("-")}`, "Zoom out"],
      [SHORTCUTS["zoom-reset"], "Actual size"],
      [SHORTCUTS["zoom-fit"], "Fit the map to the window"],
      [SHORTCUTS["zoom-selection"], "Zoom to the selected cards"],
      [`${mod("")}wheel`, "Zoom around the pointer"],
      ["Space+drag, middle drag", "Pan"],
      ["Enter, Shift+Enter", "Next and previous match in Find"],
    ],
  },
];
