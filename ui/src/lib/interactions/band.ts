// The selection band: a drag on empty canvas selects the cards it touches; Shift adds them to
// the selection. A press without a drag clears the selection and picks the cell pressed.

import { announcer } from "../a11y/announcer.svelte";
import { count } from "../format";
import type { CanvasState } from "../scene/canvas.svelte";
import { trackPointer } from "./pointer";

export interface Band {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a band never starts on: controls, headers, notes and menus. */
const NOT_EMPTY =
  "button, input, textarea, select, [role=slider], [data-stage-header], [data-lane-header], .note, .menu";

/** Whether a press on `target` is on empty canvas, where a band can start. */
export function onEmptyCanvas(target: Element): boolean {
  return !target.closest(NOT_EMPTY);
}

function overlaps(rect: DOMRect, band: Band): boolean {
  return (
    rect.right > band.x &&
    rect.left < band.x + band.w &&
    rect.bottom > band.y &&
    rect.top < band.y + band.h
  );
}

/** Follows a band from `down`; `show` draws it (null when it is gone). */
export function selectWithBand(
  down: PointerEvent,
  scroller: HTMLElement,
  canvas: CanvasState,
  show: (band: Band | null) => void,
): void {
  // No text selection under the band: a selection could later start a native text drag.
  down.preventDefault();
  window.getSelection()?.removeAllRanges();
  const extend = down.shiftKey;
  const cell = (down.target as Element).closest<HTMLElement>("[data-cell]");
  const cards = Array.from(scroller.querySelectorAll<HTMLElement>("[data-card-id]")).map((el) => ({
    id: el.dataset.cardId!,
    rect: el.getBoundingClientRect(),
  }));
  const before = new Set(canvas.selection);
  trackPointer(down, {
    start() {
      show({ x: down.clientX, y: down.clientY, w: 0, h: 0 });
    },
    move(e) {
      const band = {
        x: Math.min(e.clientX, down.clientX),
        y: Math.min(e.clientY, down.clientY),
        w: Math.abs(e.clientX - down.clientX),
        h: Math.abs(e.clientY - down.clientY),
      };
      show(band);
      const hit = cards.filter(({ rect }) => overlaps(rect, band)).map(({ id }) => id);
      canvas.selectOnly(extend ? [...before, ...hit] : hit);
    },
    drop() {
      show(null);
      if (canvas.selection.size) announcer.say(`${count(canvas.selection.size, "card")} selected.`);
    },
    click() {
      if (!extend) canvas.selection.clear();
      if (cell?.dataset.stageId && cell.dataset.laneId) {
        canvas.activeCell = { stageId: cell.dataset.stageId, laneId: cell.dataset.laneId };
      }
    },
    cancel() {
      show(null);
      canvas.selectOnly(before);
    },
  });
}
