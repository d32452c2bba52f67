// What a user can do in the map editor, as named actions: each has a label, a shortcut and an
// enabled state, and runs the same from the keyboard, the toolbar, the inspector and the menu.

import { SHORTCUTS, isTyping, shortcutFor, type ActionId } from "./keys";

export type { ActionId } from "./keys";

export interface Action {
  id: ActionId;
  label: string;
  /** The shortcut as a tooltip or menu shows it. */
  shortcut: string;
  /** Whether running it would do anything now. */
  enabled(): boolean;
  run(): void;
}

export type Actions = Record<ActionId, Action>;

const LABELS: Record<ActionId, string> = {
  undo: "Undo",
  redo: "Redo",
  cut: "Cut",
  copy: "Copy",
  paste: "Paste",
  duplicate: "Duplicate",
  delete: "Delete",
  "select-all": "Select all cards",
  "zoom-in": "Zoom in",
  "zoom-out": "Zoom out",
  "zoom-reset": "Actual size",
  "zoom-fit": "Fit to window",
  "zoom-selection": "Zoom to selection",
  "save-version": "Save version…",
  find: "Find in map…",
};

type Handler = { run(): void; enabled?(): boolean };

/** The actions, from what each does and when it can. */
export function defineActions(handlers: Record<ActionId, Handler>): Actions {
  const entries = (Object.keys(LABELS) as ActionId[]).map((id) => {
    const { run, enabled = () => true } = handlers[id];
    const action: Action = { id, label: LABELS[id], shortcut: SHORTCUTS[id], enabled, run };
    return [id, action] as const;
  });
  return Object.fromEntries(entries) as Actions;
}

/** "Undo (Ctrl+Z)": what a button's tooltip says. */
export function tooltip(action: Action): string {
  return `${action.label} (${action.shortcut})`;
}

/**
 * Runs the action of a key pressed on the canvas; true when a shortcut was used. Keys typed in
 * a field are the field's; Delete on a slider is the slider's.
 */
export function runShortcut(actions: Actions, event: KeyboardEvent): boolean {
  if (isTyping(event)) return false;
  const id = shortcutFor(event);
  if (!id) return false;
  const inSlider = (event.target as Element | null)?.closest?.("[role=slider]");
  if (id === "delete" && inSlider) return false;
  event.preventDefault();
  const action = actions[id];
  if (action.enabled()) action.run();
  return true;
}
