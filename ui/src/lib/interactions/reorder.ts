// Dragging a stage or lane header to a new place among its siblings.

import { slotAt, trackPointer } from "./pointer";

export interface Reorder {
  /** Selects every header of this kind; each carries its id in `data-<attribute>`. */
  attribute: "stageHeader" | "laneHeader";
  id: string;
  index: number;
  axis: "x" | "y";
  /** Shows the slot the header would take, or null when the drag ends. */
  show(slot: number | null): void;
  /** Moves the header to `slot`; only called when that is another place. */
  move(slot: number): void;
}

export function dragToReorder(down: PointerEvent, reorder: Reorder): void {
  const { attribute, id, index, axis } = reorder;
  const selector = `[data-${attribute.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
  let slot = index;
  trackPointer(down, {
    start() {
      reorder.show(slot);
    },
    move(event) {
      const rects = Array.from(document.querySelectorAll<HTMLElement>(selector))
        .filter((el) => el.dataset[attribute] !== id)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return axis === "x" ? { start: r.left, size: r.width } : { start: r.top, size: r.height };
        });
      const next = slotAt(axis === "x" ? event.clientX : event.clientY, rects);
      if (next !== slot) reorder.show((slot = next));
    },
    drop() {
      reorder.show(null);
      if (slot !== index) reorder.move(slot);
    },
    cancel() {
      reorder.show(null);
    },
  });
}
