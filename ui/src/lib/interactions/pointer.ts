// One pointer gesture from press to release, on window listeners so it survives leaving the
// element it started on. Movements are coalesced to one per animation frame.

export interface PointerGesture {
  /** Called once the pointer has moved past the threshold; the drag starts here. */
  start?(event: PointerEvent): void;
  move?(event: PointerEvent): void;
  /** Released after a drag. */
  drop?(event: PointerEvent): void;
  /** Released without having moved past the threshold. */
  click?(event: PointerEvent): void;
  /** Escape, a lost pointer or a second button: nothing should change. */
  cancel?(): void;
}

/** Follows the pointer that pressed in `down` until it is released or the gesture cancelled. */
export function trackPointer(down: PointerEvent, gesture: PointerGesture, threshold = 4): void {
  const id = down.pointerId;
  let dragging = false;
  let frame = 0;
  let latest: PointerEvent | null = null;

  const flush = () => {
    frame = 0;
    if (latest && dragging) gesture.move?.(latest);
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerId !== id) return;
    if (!dragging) {
      const distance = Math.hypot(event.clientX - down.clientX, event.clientY - down.clientY);
      if (distance < threshold) return;
      dragging = true;
      gesture.start?.(event);
    }
    latest = event;
    frame ||= requestAnimationFrame(flush);
  };
  const onUp = (event: PointerEvent) => {
    if (event.pointerId !== id) return;
    finish();
    if (dragging) {
      gesture.move?.(event);
      gesture.drop?.(event);
    } else {
      gesture.click?.(event);
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    finish();
    if (dragging) gesture.cancel?.();
  };
  const onLost = () => {
    finish();
    if (dragging) gesture.cancel?.();
  };
  function finish() {
    if (frame) cancelAnimationFrame(frame);
    window.removeEventListener("pointermove", onMove);
    window.removeEventListener("pointerup", onUp);
    window.removeEventListener("pointercancel", onLost);
    window.removeEventListener("blur", onLost);
    window.removeEventListener("keydown", onKey, true);
  }
  window.addEventListener("pointermove", onMove);
  window.addEventListener("pointerup", onUp);
  window.addEventListener("pointercancel", onLost);
  window.addEventListener("blur", onLost);
  window.addEventListener("keydown", onKey, true);
}

/** The index among `rects` (in order along one axis) before which `at` falls. */
export function slotAt(at: number, rects: { start: number; size: number }[]): number {
  let slot = 0;
  for (const rect of rects) {
    if (at > rect.start + rect.size / 2) slot += 1;
  }
  return slot;
}
