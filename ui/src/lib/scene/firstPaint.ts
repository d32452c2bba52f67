// A big map opens at once: the first paint draws a few cards per cell, then the rest follow a
// batch per frame. The performance marks measure what "opens in under a second" means.

import type { JourneyMap } from "../ipc/types";
import { cardsByCell } from "./cards";
import type { CanvasState } from "./canvas.svelte";

/** Maps with more cards than this draw a few per cell first. */
const FIRST_PAINT_CARDS = 600;
const FIRST_CELL_CARDS = 4;

export const OPEN_START = "map-open-start";

/** Called before the map is first shown: limits what the first paint draws. */
export function beforeFirstPaint(canvas: CanvasState, map: JourneyMap): void {
  performance.measure("map-loaded", OPEN_START);
  // Until the canvas is laid out, what is in view is about a window's worth from the top
  // left corner: the cells beyond it wait to be drawn.
  canvas.inView ??= {
    x: 0,
    y: 0,
    width: globalThis.innerWidth / canvas.zoom,
    height: globalThis.innerHeight / canvas.zoom,
  };
  if (map.cards.length > FIRST_PAINT_CARDS) canvas.cardsPerCell = FIRST_CELL_CARDS;
}

/** Called once the map is in the page: marks the first frame, then draws the rest. */
export function afterFirstPaint(canvas: CanvasState, map: () => JourneyMap): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.measure("map-first-paint", OPEN_START);
      drawTheRest(canvas, map);
    }),
  );
}

/** For a map shown read-only (a version, a comparison, a merge): a big one draws a few cards
 * per cell first, and the rest a batch per frame, as a map opened for editing does. */
export function paintProgressively(canvas: CanvasState, map: JourneyMap): void {
  if (map.cards.length <= FIRST_PAINT_CARDS) return;
  canvas.cardsPerCell = FIRST_CELL_CARDS;
  requestAnimationFrame(() => setTimeout(() => drawTheRest(canvas, () => map, null)));
}

/** Draws the cards left out of the first paint, a few per cell each frame. */
function drawTheRest(
  canvas: CanvasState,
  map: () => JourneyMap,
  measured: string | null = OPEN_START,
): void {
  const cells = [...cardsByCell(map().cards).values()];
  const largest = Math.max(0, ...cells.map((cell) => cell.length));
  const step = () => {
    if (canvas.cardsPerCell >= largest) {
      canvas.cardsPerCell = Infinity;
      if (measured) performance.measure("map-fully-drawn", measured);
      return;
    }
    canvas.cardsPerCell += FIRST_CELL_CARDS;
    requestAnimationFrame(() => setTimeout(step));
  };
  step();
}
