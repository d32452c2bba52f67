// Closes a menu or popover when the pointer goes down outside it, or Escape is pressed.

/** A Svelte action: calls `close` on a press outside `node` (and its opener) or on Escape. */
export function dismissable(node: HTMLElement, close: () => void) {
  let handler = close;
  const opener = node.parentElement?.querySelector("[aria-haspopup]");
  const onDown = (event: PointerEvent) => {
    const target = event.target as Node;
    if (!node.contains(target) && !opener?.contains(target)) handler();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      handler();
    }
  };
  window.addEventListener("pointerdown", onDown, true);
  window.addEventListener("keydown", onKey, true);
  return {
    update(next: () => void) {
      handler = next;
    },
    destroy() {
      window.removeEventListener("pointerdown", onDown, true);
      window.removeEventListener("keydown", onKey, true);
    },
  };
}
