// Zooming the canvas: by steps around a point, with the wheel, or to fit the window.

import { tick } from "svelte";
import { announcer } from "../a11y/announcer.svelte";
import type { CanvasState } from "../scene/canvas.svelte";
import { everyFrameUntil } from "./frames";

/** The factor of one zoom step from the keyboard or the zoom buttons. */
export const ZOOM_STEP = 1.2;

/** The layer of the canvas that CSS `zoom` scales. */
export function zoomedLayer(scroller: HTMLElement): HTMLElement | null {
  return scroller.querySelector<HTMLElement>("[data-zoomed]");
}

/**
 * What to multiply a box measured inside the zoomed layer by to get screen pixels. WebKitGTK
 * measures there in unzoomed pixels (so this is the zoom); other engines in zoomed ones (1).
 * The layer's own box tells which.
 */
export function zoomedScale(scroller: HTMLElement, zoom: number): number {
  const layer = zoomedLayer(scroller);
  const width = layer?.getBoundingClientRect().width ?? 0;
  return layer && width > 0 ? (layer.offsetWidth * zoom) / width : 1;
}

/** Zooms by `factor`, keeping the point `at` (by default the middle) where it is on screen. */
export function zoomBy(
  scroller: HTMLElement,
  canvas: CanvasState,
  factor: number,
  at?: { x: number; y: number },
): void {
  const before = canvas.zoom;
  canvas.setZoom(before * factor);
  const rect = scroller.getBoundingClientRect();
  const px = (at?.x ?? rect.left + rect.width / 2) - rect.left;
  const py = (at?.y ?? rect.top + rect.height / 2) - rect.top;
  const ratio = canvas.zoom / before;
  const left = (scroller.scrollLeft + px) * ratio - px;
  const top = (scroller.scrollTop + py) * ratio - py;
  tick().then(() => scroller.scrollTo(left, top));
}

/** Ctrl+wheel zooms around the pointer; the plain wheel scrolls (pans) natively. */
export function wheelZoom(scroller: HTMLElement, canvas: CanvasState, event: WheelEvent): void {
  if (!(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  const factor = event.deltaY < 0 ? 1.1 : 1 / 1.1;
  zoomBy(scroller, canvas, factor, { x: event.clientX, y: event.clientY });
}

/**
 * Zooms so the whole map shows, down to the smallest zoom. The webview keeps text at 9 px or
 * more, so below about 65% cards grow taller than the zoom alone would make them: one more
 * pass corrects for that.
 */
export async function fit(scroller: HTMLElement, canvas: CanvasState): Promise<void> {
  const content = zoomedLayer(scroller);
  if (!content) return;
  for (let pass = 0; pass < 2; pass++) {
    const rect = content.getBoundingClientRect();
    const ratio = Math.min(
      (scroller.clientWidth - 32) / rect.width,
      (scroller.clientHeight - 16) / rect.height,
    );
    canvas.setZoom(Math.min(1, canvas.zoom * ratio));
    await tick();
  }
  scroller.scrollTo(0, 0);
  announcer.say(`Zoomed to ${Math.round(canvas.zoom * 100)}% to fit the map.`);
}

/** The box on screen around the cards with these ids, as drawn now. */
function around(scroller: HTMLElement, ids: Iterable<string>): DOMRect | null {
  const rects = [...ids]
    .map((id) => scroller.querySelector(`[data-card-id="${CSS.escape(id)}"]`))
    .filter((el): el is Element => el !== null)
    .map((el) => el.getBoundingClientRect());
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return new DOMRect(left, top, right - left, bottom - top);
}

/** Zooms so the cards fill the window (up to the largest zoom), and centres them. */
export async function zoomToCards(
  scroller: HTMLElement,
  canvas: CanvasState,
  ids: Iterable<string>,
): Promise<void> {
  const wanted = [...ids];
  const box = around(scroller, wanted);
  if (!box) return;
  const view = scroller.getBoundingClientRect();
  const ratio = Math.min((view.width - 96) / box.width, (view.height - 96) / box.height);
  canvas.setZoom(canvas.zoom * ratio);
  await tick();
  // The zoomed canvas settles over a few frames: measure and scroll until the cards are in
  // the middle.
  everyFrameUntil(() => {
    const now = around(scroller, wanted);
    if (!now) return true;
    const dx = now.left + now.width / 2 - (view.left + view.width / 2);
    const dy = now.top + now.height / 2 - (view.top + view.height / 2);
    if (Math.abs(dx) <= 4 && Math.abs(dy) <= 4) return true;
    scroller.scrollBy(dx, dy);
    return false;
  }, 30);
  announcer.say(`Zoomed to ${Math.round(canvas.zoom * 100)}% on the selected cards.`);
}
