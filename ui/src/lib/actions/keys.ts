// The keys of the map editor's actions, and how a key press finds its action.

export type ActionId =
  | "undo"
  | "redo"
  | "cut"
  | "copy"
  | "paste"
  | "duplicate"
  | "delete"
  | "select-all"
  | "zoom-in"
  | "zoom-out"
  | "zoom-reset"
  | "zoom-fit"
  | "zoom-selection"
  | "save-version"
  | "find";

/** Whether the element is, or is inside, a field that edits text. */
export function isTextField(element: Element | null): boolean {
  return !!element?.closest?.("input, textarea, [contenteditable='true']");
}

/** Whether the key goes to a text field, where the browser's own editing applies. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return isTextField(target) || !!target?.closest?.("select");
}

/**
 * Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo (Cmd on macOS). Ctrl+X, Ctrl+C, Ctrl+V and Ctrl+D
 * cut, copy, paste and duplicate cards; Ctrl+F finds; Delete removes them; + and − zoom, 0 resets,
 * Shift+1 fits the map and Shift+2 the selection.
 */
export function shortcutFor(event: KeyboardEvent): ActionId | null {
  const key = event.key.toLowerCase();
  if (event.altKey) return null;
  if (event.ctrlKey || event.metaKey) {
    if (key === "z") return event.shiftKey ? "redo" : "undo";
    if (event.shiftKey) return null;
    if (key === "y") return "redo";
    if (key === "x") return "cut";
    if (key === "c") return "copy";
    if (key === "v") return "paste";
    if (key === "d") return "duplicate";
    if (key === "a") return "select-all";
    if (key === "=" || key === "+") return "zoom-in";
    if (key === "-") return "zoom-out";
    if (key === "0") return "zoom-reset";
    if (key === "s") return "save-version";
    if (key === "f") return "find";
    return null;
  }
  if (key === "delete" || key === "backspace") return "delete";
  if (key === "+" || key === "=") return "zoom-in";
  if (key === "-") return "zoom-out";
  if (event.shiftKey && (key === "!" || event.code === "Digit1")) return "zoom-fit";
  if (event.shiftKey && (key === "@" || key === '"' || event.code === "Digit2"))
    return "zoom-selection";
  return null;
}

export const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** A key with the platform's command modifier, as menus show it: Ctrl+S, or ⌘S on macOS. */
export const mod = (key: string) => (MAC ? `⌘${key}` : `Ctrl+${key}`);

/** The shortcut of each action as menus and tooltips show it. */
export const SHORTCUTS: Record<ActionId, string> = {
  undo: MAC ? "⌘Z" : "Ctrl+Z",
  redo: MAC ? "⇧⌘Z" : "Ctrl+Shift+Z",
  cut: MAC ? "⌘X" : "Ctrl+X",
  copy: MAC ? "⌘C" : "Ctrl+C",
  paste: MAC ? "⌘V" : "Ctrl+V",
  duplicate: MAC ? "⌘D" : "Ctrl+D",
  delete: "Delete",
  "select-all": MAC ? "⌘A" : "Ctrl+A",
  "zoom-in": "+",
  "zoom-out": "−",
  "zoom-reset": MAC ? "⌘0" : "Ctrl+0",
  "zoom-fit": "Shift+1",
  "zoom-selection": "Shift+2",
  "save-version": MAC ? "⌘S" : "Ctrl+S",
  find: MAC ? "⌘F" : "Ctrl+F",
};
