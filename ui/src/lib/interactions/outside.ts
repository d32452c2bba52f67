// Menus that open under a button: shown whole inside the window, closed by a press outside
// them or by Escape.

/** Where menus are drawn: a layer over the whole app, out of the canvas's scrolling and zoom. */
export const OVERLAY_ID = "overlays";
const MARGIN = 8;

/**
 * A Svelte action for a menu: draws it in the overlay layer next to its opener (the
 * `[aria-haspopup]` button beside it), below or above and within the window, and calls
 * `close` on a press outside it (and its opener) or on Escape.
 */
export function dismissable(node: HTMLElement, close: () => void) {
  let handler = close;
  const opener = node.parentElement?.querySelector<HTMLElement>("[aria-haspopup]") ?? null;
  const overlay = document.getElementById(OVERLAY_ID);
  if (overlay && opener) {
    overlay.appendChild(node);
    opener.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    place(node, opener);
  }
  const reposition = () => opener && overlay?.contains(node) && place(node, opener);
  const onDown = (event: PointerEvent) => {
    const target = event.target as Node;
    if (!node.contains(target) && !opener?.contains(target)) handler();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      handler();
      opener?.focus();
    }
  };
  window.addEventListener("pointerdown", onDown, true);
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("resize", reposition);
  window.addEventListener("scroll", reposition, true);
  return {
    update(next: () => void) {
      handler = next;
    },
    destroy() {
      window.removeEventListener("pointerdown", onDown, true);
      window.removeEventListener("keydown", onKey, true);
      window.removeEventListener("resize", reposition);
      window.removeEventListener("scroll", reposition, true);
      if (overlay?.contains(node)) node.remove();
    },
  };
}

/** Puts `menu` under `opener` (or above it, when there is no room below), inside the window. */
function place(menu: HTMLElement, opener: HTMLElement) {
  const anchor = opener.getBoundingClientRect();
  Object.assign(menu.style, {
    position: "fixed",
    top: "0px",
    left: "0px",
    right: "auto",
    bottom: "auto",
    maxHeight: `${window.innerHeight - 2 * MARGIN}px`,
    overflowY: "auto",
  });
  const size = menu.getBoundingClientRect();
  const below = anchor.bottom + 4;
  const above = anchor.top - 4 - size.height;
  const fitsBelow = below + size.height <= window.innerHeight - MARGIN;
  const top =
    fitsBelow || above < MARGIN
      ? Math.min(below, window.innerHeight - MARGIN - size.height)
      : above;
  const left = Math.min(
    Math.max(MARGIN, anchor.right - size.width),
    window.innerWidth - MARGIN - size.width,
  );
  menu.style.top = `${Math.max(MARGIN, Math.min(top, window.innerHeight - MARGIN - size.height))}px`;
  menu.style.left = `${Math.max(MARGIN, left)}px`;
}
