// Moving the camera: zooming by steps around a point, with Ctrl+wheel or a pinch, to fit the
// map, or to the selected cards. Keyboard and button moves glide for a moment; the wheel
// follows the fingers at once. Nothing waits for a glide to end.

import { flushSync } from "svelte";
import { everyFrameUntil } from "./frames";
import { cellElement } from "./reveal";
import { announcer } from "../a11y/announcer.svelte";
import type { JourneyMap } from "../ipc/types";
import type { CanvasState } from "../scene/canvas.svelte";
import {
  type Camera,
  LABEL_WIDTH,
  SCENE_ORIGIN,
  cameraOn,
  clampZoom,
  fitZoom,
  sceneInView,
  type Box,
  zoomAround,
} from "../scene/layout";

/** How long a glide from the keyboard, a button or Fit lasts. */
const GLIDE_MS = 160;

/** Where the scene's top left corner is in the scrolled content: after the frozen headers,
 * below what is above the map (its description and personas). */
function sceneOrigin(scroller: HTMLElement): { x: number; y: number } {
  const board = scroller.querySelector<HTMLElement>("[data-board]");
  const strip = board?.querySelector<HTMLElement>("[data-stage-strip]");
  if (!board || !strip) return SCENE_ORIGIN;
  return { x: board.offsetLeft + LABEL_WIDTH, y: board.offsetTop + strip.offsetHeight };
}

/** The part of the scene in view now. */
export function visiblePart(scroller: HTMLElement, canvas: CanvasState): Box {
  return sceneInView(
    cameraOf(scroller, canvas),
    viewSize(scroller),
    sceneOrigin(scroller),
    canvas.headerHeight,
  );
}

/** The canvas's camera now: its zoom and scroll offsets. */
function cameraOf(scroller: HTMLElement, canvas: CanvasState): Camera {
  return { zoom: canvas.zoom, x: scroller.scrollLeft, y: scroller.scrollTop };
}

/** Sets the camera at once: the zoom is drawn before the scroll is set, so it is in range. */
function placeCamera(scroller: HTMLElement, canvas: CanvasState, camera: Camera): void {
  canvas.setZoom(camera.zoom);
  flushSync();
  scroller.scrollTo(camera.x, camera.y);
}

let glide = 0;
/** Where the glide under way is going. */
let gliding: Camera | null = null;

/** The zoom the canvas is at, or is gliding to: a key pressed again steps on from there. */
export function settledZoom(canvas: CanvasState): number {
  return gliding?.zoom ?? canvas.zoom;
}

/** Whether the user asked for less motion (then every move is at once). */
function reducedMotion(): boolean {
  return globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? true;
}

/**
 * Moves the camera to `to` over a few frames: the zoom changes by equal factors and the point
 * in the middle of the view travels in a straight line, so it neither lurches nor drifts.
 * A newer move, or a wheel zoom, takes over.
 */
function glideCamera(scroller: HTMLElement, canvas: CanvasState, to: Camera): void {
  const id = ++glide;
  const from = cameraOf(scroller, canvas);
  if (reducedMotion() || typeof requestAnimationFrame !== "function") {
    gliding = null;
    placeCamera(scroller, canvas, to);
    return;
  }
  gliding = to;
  const view = viewSize(scroller);
  const origin = sceneOrigin(scroller);
  // The scene point in the middle of the view; the frozen headers do not scale.
  const centre = (c: Camera) => ({
    x: (c.x + view.width / 2 - origin.x) / c.zoom,
    y: (c.y + view.height / 2 - origin.y) / c.zoom,
  });
  const a = centre(from);
  const b = centre({ ...to, zoom: clampZoom(to.zoom) });
  const start = performance.now();
  let placed: Camera = from;
  const frame = (now: number) => {
    if (id !== glide) return;
    // Scrolled meanwhile (by the wheel, a drag, or focus moving): the user has taken over.
    if (
      Math.abs(scroller.scrollLeft - placed.x) > 2 ||
      Math.abs(scroller.scrollTop - placed.y) > 2
    ) {
      gliding = null;
      return;
    }
    const t = Math.min(1, (now - start) / GLIDE_MS);
    const ease = 1 - (1 - t) ** 3;
    if (t >= 1) {
      gliding = null;
      placeCamera(scroller, canvas, to);
      return;
    }
    const zoom = from.zoom * (to.zoom / from.zoom) ** ease;
    const x = (a.x + (b.x - a.x) * ease) * zoom + origin.x - view.width / 2;
    const y = (a.y + (b.y - a.y) * ease) * zoom + origin.y - view.height / 2;
    placeCamera(scroller, canvas, { zoom, x, y });
    placed = cameraOf(scroller, canvas);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The size of the view, frozen headers included. */
function viewSize(scroller: HTMLElement): { width: number; height: number } {
  return { width: scroller.clientWidth, height: scroller.clientHeight };
}

/** A point on screen as pixels from the view's top left corner; by default the scene's middle. */
function inView(
  scroller: HTMLElement,
  canvas: CanvasState,
  at?: { x: number; y: number },
): { x: number; y: number } {
  if (!at) {
    const top = canvas.headerHeight;
    return {
      x: LABEL_WIDTH + (scroller.clientWidth - LABEL_WIDTH) / 2,
      y: top + (scroller.clientHeight - top) / 2,
    };
  }
  const rect = scroller.getBoundingClientRect();
  return { x: at.x - rect.left - scroller.clientLeft, y: at.y - rect.top - scroller.clientTop };
}

/** The camera at `zoom` with the point `at` (by default the middle) where it is on screen. */
function zoomedAround(
  scroller: HTMLElement,
  canvas: CanvasState,
  zoom: number,
  at?: { x: number; y: number },
): Camera {
  const point = inView(scroller, canvas, at);
  return zoomAround(cameraOf(scroller, canvas), zoom, point, sceneOrigin(scroller));
}

/** Zooms by `factor`, keeping the point `at` (by default the middle) where it is on screen. */
function zoomBy(
  scroller: HTMLElement,
  canvas: CanvasState,
  factor: number,
  at?: { x: number; y: number },
): void {
  glideCamera(scroller, canvas, zoomedAround(scroller, canvas, canvas.zoom * factor, at));
}

/** Zooms to `zoom` around the middle of the view. */
export function zoomTo(scroller: HTMLElement, canvas: CanvasState, zoom: number): void {
  zoomBy(scroller, canvas, zoom / canvas.zoom);
}

/**
 * Ctrl+wheel (and a touchpad pinch, which the webview sends as one) zooms around the pointer
 * by an amount that follows the wheel's travel; the plain wheel scrolls (pans) natively.
 */
export function wheelZoom(scroller: HTMLElement, canvas: CanvasState, event: WheelEvent): void {
  if (!(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  glide++;
  gliding = null;
  const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 33 : 1;
  const travel = Math.max(-50, Math.min(50, event.deltaY * lines));
  const factor = Math.exp(-travel * 0.004);
  placeCamera(scroller, canvas, zoomedAround(scroller, canvas, canvas.zoom * factor, event));
}

/** The scene's size at 100%, as laid out. */
function sceneSize(scroller: HTMLElement): { width: number; height: number } | null {
  const scene = scroller.querySelector<HTMLElement>("[data-scene]");
  return scene ? { width: scene.offsetWidth, height: scene.offsetHeight } : null;
}

/**
 * Zooms so the whole map shows in the window (never above 100%), from its top left corner.
 * Cells not drawn yet were laid out at an estimated height; once the map is in view they are
 * drawn, so Fit measures again and corrects itself.
 */
export function fit(scroller: HTMLElement, canvas: CanvasState): void {
  let scene = sceneSize(scroller);
  if (!scene) return;
  const target = () => {
    const zoom = scene ? fitZoom(scene, viewSize(scroller), canvas.headerAt) : canvas.zoom;
    // The top of the grid at the top of the view, above it only what the grid scrolls under.
    const board = scroller.querySelector<HTMLElement>("[data-board]");
    return { zoom, x: 0, y: board?.offsetTop ?? 0 };
  };
  const id = glide + 1;
  glideCamera(scroller, canvas, target());
  const started = performance.now();
  let placed: Camera | null = null;
  let still = 0;
  everyFrameUntil(() => {
    // Another move took over.
    if (glide !== id || gliding) return glide !== id;
    if (performance.now() - started < GLIDE_MS) return false;
    // The user scrolled or zoomed since: leave the view to them.
    const here = cameraOf(scroller, canvas);
    placed ??= here;
    if (here.zoom !== placed.zoom || Math.abs(here.y - placed.y) > 2) return true;
    const now = sceneSize(scroller);
    if (now && scene && Math.abs(now.height - scene.height) > scene.height * 0.002) {
      scene = now;
      still = 0;
      placeCamera(scroller, canvas, target());
      placed = cameraOf(scroller, canvas);
      return false;
    }
    if (++still < 10) return false;
    announcer.say(`Zoomed to ${Math.round(canvas.zoom * 100)}% to fit the map.`);
    return true;
  }, 120);
}

/** The box in the scene (pixels at 100%) around these elements of it, as drawn now. */
function sceneBoxOf(
  scroller: HTMLElement,
  elements: Element[],
): { x: number; y: number; width: number; height: number } | null {
  const scene = scroller.querySelector<HTMLElement>("[data-scene]");
  if (!scene || elements.length === 0) return null;
  const origin = scene.getBoundingClientRect();
  const scale = origin.width / (scene.offsetWidth || 1);
  if (!(scale > 0)) return null;
  const rects = elements.map((el) => el.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return {
    x: (left - origin.left) / scale,
    y: (top - origin.top) / scale,
    width: (right - left) / scale,
    height: (bottom - top) / scale,
  };
}

/**
 * The elements of these cards on the canvas; a card not drawn (far out of view) is stood for
 * by its cell.
 */
function cardElements(scroller: HTMLElement, ids: Iterable<string>, map?: JourneyMap): Element[] {
  const wanted = new Set(ids);
  const drawn = [...scroller.querySelectorAll<HTMLElement>("[data-scene] [data-card-id]")].filter(
    (el) => wanted.has(el.dataset.cardId ?? ""),
  );
  for (const el of drawn) wanted.delete(el.dataset.cardId ?? "");
  const cells = new Set<Element>();
  for (const card of map?.cards ?? []) {
    if (!wanted.has(card.id)) continue;
    const cell = cellElement(scroller, card.stage_id, card.lane_id);
    if (cell) cells.add(cell);
  }
  return [...drawn, ...cells];
}

/** The zoom below which a card being edited is brought closer first. */
const READABLE_ZOOM = 0.75;

/** Brings a card's text field to a zoom where its text can be read, if it is further away. */
export function bringEditorClose(scroller: HTMLElement, canvas: CanvasState): void {
  if (canvas.zoom >= READABLE_ZOOM) return;
  const field = scroller.querySelector('[data-scene] [data-testid="card-editor"]');
  const box = field && sceneBoxOf(scroller, [field]);
  if (!box) return;
  const to = cameraOn(box, viewSize(scroller), 1, sceneOrigin(scroller), 0, canvas.headerHeight);
  glideCamera(scroller, canvas, to);
}

/** Zooms so the cards fill the window (up to the largest zoom), and centres them. */
export function zoomToCards(
  scroller: HTMLElement,
  canvas: CanvasState,
  ids: Iterable<string>,
  map?: JourneyMap,
): void {
  const box = sceneBoxOf(scroller, cardElements(scroller, ids, map));
  if (!box) return;
  const to = cameraOn(
    box,
    viewSize(scroller),
    undefined,
    sceneOrigin(scroller),
    undefined,
    canvas.headerHeight,
  );
  glideCamera(scroller, canvas, to);
  announcer.say(`Zoomed to ${Math.round(to.zoom * 100)}% on the selected cards.`);
}

/** What a webview that reports pinches as gestures (as Safari does) says of one. */
interface Pinch extends UIEvent {
  scale: number;
  clientX: number;
  clientY: number;
}

/**
 * A touchpad pinch, where the webview reports it as gesture events rather than as Ctrl+wheel,
 * zooms around the fingers. Returns what stops listening.
 */
export function pinchZoom(scroller: HTMLElement, canvas: () => CanvasState): () => void {
  let last = 1;
  const start = (event: Event) => {
    event.preventDefault();
    last = 1;
  };
  const change = (event: Event) => {
    event.preventDefault();
    const pinch = event as Pinch;
    if (!(pinch.scale > 0)) return;
    const shown = canvas();
    glide++;
    gliding = null;
    const at = { x: pinch.clientX, y: pinch.clientY };
    placeCamera(
      scroller,
      shown,
      zoomedAround(scroller, shown, (shown.zoom * pinch.scale) / last, at),
    );
    last = pinch.scale;
  };
  scroller.addEventListener("gesturestart", start);
  scroller.addEventListener("gesturechange", change);
  return () => {
    scroller.removeEventListener("gesturestart", start);
    scroller.removeEventListener("gesturechange", change);
  };
}
