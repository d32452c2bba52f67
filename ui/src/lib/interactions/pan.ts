// Panning the canvas: the middle button, or the left button while Space is held, drags it.

import { trackPointer } from "./pointer";

/** Whether a press starts a pan: the middle button, or the left one with Space held. */
export function pansOnPress(event: PointerEvent, spaceHeld: boolean): boolean {
  return event.button === 1 || (event.button === 0 && spaceHeld);
}

/** Whether Space pressed here is for panning, not for a card, button or slider. */
export function spacePans(event: KeyboardEvent): boolean {
  const target = event.target as Element | null;
  return !target?.closest?.("[data-card-id], button, [role=slider]");
}

/** Scrolls `scroller` with the pointer until it is released; `panning` says when it ends. */
export function pan(
  down: PointerEvent,
  scroller: HTMLElement,
  panning: (active: boolean) => void,
): void {
  down.preventDefault();
  const left = scroller.scrollLeft;
  const top = scroller.scrollTop;
  const end = () => panning(false);
  panning(true);
  trackPointer(
    down,
    {
      move(e) {
        scroller.scrollTo(left - (e.clientX - down.clientX), top - (e.clientY - down.clientY));
      },
      drop: end,
      click: end,
      cancel: end,
    },
    0,
  );
}
