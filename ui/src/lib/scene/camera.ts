// Where each map was last looked at, kept on this computer across restarts: its zoom and how
// far it was scrolled. A view, not an edit: it is not in the map, its file or its history.

import { tick } from "svelte";
import { everyFrameUntil } from "../interactions/frames";
import { readSetting, writeSetting } from "../settings";
import type { CanvasState } from "./canvas.svelte";

/** A map's view: the zoom and the scroll offsets of its canvas, in screen pixels. */
export interface Camera {
  zoom: number;
  x: number;
  y: number;
}

const key = (mapId: string) => `waymark.camera.${mapId}`;

/** The view of the map saved last, if any (a damaged entry counts as none). */
export function savedCamera(mapId: string, store?: Storage | null): Camera | null {
  try {
    const value: unknown = JSON.parse(readSetting(key(mapId), store) ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const { zoom, x, y } = value as Record<string, unknown>;
    const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);
    if (!finite(zoom) || !finite(x) || !finite(y) || zoom <= 0) return null;
    return { zoom, x: Math.max(0, x), y: Math.max(0, y) };
  } catch {
    return null;
  }
}

/** Keeps the view of the map; a store that is full or missing keeps nothing, silently. */
export function saveCamera(mapId: string, camera: Camera, store?: Storage | null): void {
  writeSetting(key(mapId), JSON.stringify(camera), store);
}

/**
 * Scrolls to the saved offsets once the canvas is big enough to hold them: a big map draws
 * its cards over a few frames. Gives up after about a second.
 */
export function scrollWhenLaidOut(scroller: HTMLElement, camera: Camera, frames = 60): void {
  everyFrameUntil(() => {
    scroller.scrollTo(camera.x, camera.y);
    return (
      Math.abs(scroller.scrollLeft - camera.x) < 2 && Math.abs(scroller.scrollTop - camera.y) < 2
    );
  }, frames);
}

/**
 * Keeps one map's view: brings back the saved one when the map opens, and saves the view a
 * moment after it stops changing (never before the saved one is back, so it is not lost).
 */
export class CameraKeeper {
  #restored = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly mapId: () => string,
    private readonly canvas: CanvasState,
    private readonly scroller: () => HTMLElement | null,
    /** Whether another view (a version, a comparison) is shown instead. */
    private readonly elsewhere: () => boolean,
  ) {}

  async restore(): Promise<void> {
    const camera = savedCamera(this.mapId());
    const scroller = this.scroller();
    if (camera && scroller) {
      this.canvas.setZoom(camera.zoom);
      await tick();
      scrollWhenLaidOut(scroller, camera);
    }
    this.#restored = true;
  }

  remember(): void {
    const scroller = this.scroller();
    if (!this.#restored || this.elsewhere() || !scroller) return;
    const camera = { zoom: this.canvas.zoom, x: scroller.scrollLeft, y: scroller.scrollTop };
    const mapId = this.mapId();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => saveCamera(mapId, camera), 250);
  }
}
