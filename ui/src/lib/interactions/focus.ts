// Where the keyboard goes after a click. A text field keeps the focus through a press that
// prevents the browser's default (the canvas does, to draw a selection band), which left the
// map title focused after a click on the canvas: Ctrl+Z then undid typing in the title, not
// the last edit. And a toolbar button that keeps the focus after a click turns a later Space
// (to pan) into another press of that button.

const TEXT_FIELD = "input, textarea, select, [contenteditable='true']";

/** Leaves the text field that has the focus, which saves what was typed in it, unless the
 * press at `target` is inside that field. */
export function leaveTextField(target?: EventTarget | null): void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.matches(TEXT_FIELD)) return;
  if (target instanceof Node && active.contains(target)) return;
  active.blur();
}

/** Svelte action: buttons inside `node` take no focus from a mouse press (keyboard users
 * still reach them with Tab); a text field being edited is left first. */
export function noMouseFocus(node: HTMLElement) {
  const onMouseDown = (event: MouseEvent) => {
    const target = event.target as Element | null;
    if (event.button !== 0 || !target?.closest("button") || target.closest(TEXT_FIELD)) return;
    leaveTextField(target);
    event.preventDefault();
  };
  node.addEventListener("mousedown", onMouseDown);
  return { destroy: () => node.removeEventListener("mousedown", onMouseDown) };
}
