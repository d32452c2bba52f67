// Where everything on the canvas is: the stage columns and lane rows of the grid in scene
// pixels (the map at 100%), and the frozen headers around it in screen pixels. The camera
// (zoom and scroll) maps one to the other. Pure: the same inputs always give the same layout.

/** The frozen lane-label column and stage-header row, in screen pixels at every zoom. */
export const LABEL_WIDTH = 184;
export const HEADER_HEIGHT = 46;
/** Room after the last stage for its + button, and below the last lane for Add lane. */
export const ADD_STAGE_WIDTH = 48;
export const ADD_LANE_HEIGHT = 44;

/** The room a card of two lines takes in its cell, with the gap after it, before it is drawn;
 * and a cell's room besides its cards (its padding and + button). */
export const CARD_ROOM = 56;
export const CELL_ROOM = 44;

export const ZOOM_MIN = 0.04;
export const ZOOM_MAX = 4;
/** Below these zooms cards draw with less detail: a first line, then plain blocks. */
export const FAR_ZOOM = 0.4;
export const FARTHEST_ZOOM = 0.2;

/** A span along one axis. */
export interface Span {
  start: number;
  size: number;
}

/** Lays spans end to end from 0: the columns of these widths, the rows of these heights. */
export function spans(sizes: readonly number[]): Span[] {
  let start = 0;
  return sizes.map((size) => {
    const span = { start, size };
    start += size;
    return span;
  });
}

/** The end of the last span: the scene's width or height. */
export function extent(laid: readonly Span[]): number {
  const last = laid[laid.length - 1];
  return last ? last.start + last.size : 0;
}

/** A zoom kept within what the canvas can show. */
export function clampZoom(zoom: number): number {
  const z = Number.isFinite(zoom) ? zoom : 1;
  return Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, z)) * 1000) / 1000;
}

/** Where the keys and zoom buttons stop, from the whole of a big map to one card close up. */
export const ZOOM_STOPS = [
  0.04, 0.05, 0.075, 0.1, 0.125, 0.15, 0.18, 0.21, 0.25, 0.3, 0.35, 0.42, 0.5, 0.6, 0.71, 0.84, 1,
  1.19, 1.41, 1.68, 2, 2.38, 2.83, 3.36, 4,
];

/** The next zoom stop in (`by` > 0) or out from `zoom`, which need not be on a stop. */
export function stepZoom(zoom: number, by: 1 | -1): number {
  const next =
    by > 0
      ? ZOOM_STOPS.find((stop) => stop > zoom * 1.01)
      : [...ZOOM_STOPS].reverse().find((stop) => stop < zoom / 1.01);
  return next ?? (by > 0 ? ZOOM_MAX : ZOOM_MIN);
}

/** How the stage headers are drawn: the row's height, and what each header shows. */
export interface HeaderRow {
  height: number;
  /** Names in smaller type, when that is what makes them fit their columns. */
  small: boolean;
  /** Names run up the header, read from below, when a column is too narrow to hold its name. */
  turned: boolean;
  /** Whether each header has room for its number besides its name. */
  numbered: boolean[];
}

/** Room a header needs besides its name: its padding (its menu button shows over the name). */
const HEADER_PADDING = 24;
const NUMBER_WIDTH = 30;
const TURNED_MOST = 190;
/** Names are drawn this much smaller before they are turned, and smaller still turned. */
export const SMALL_SCALE = 0.85;
export const TURNED_SCALE = 0.8;

/**
 * The stage header row for columns this wide on screen, with names this wide: every name
 * whole on one line if each fits its column (in smaller type if that is what it takes), else
 * every name turned to run up its header, which grows as tall as the longest name needs (up
 * to a limit).
 */
export function headerRow(columns: readonly number[], names: readonly number[]): HeaderRow {
  const fitsAt = (scale: number, extra = 0) =>
    columns.map((width, i) => (names[i] ?? 0) * scale + HEADER_PADDING + extra <= width);
  for (const [scale, small] of [
    [1, false],
    [SMALL_SCALE, true],
  ] as const) {
    if (fitsAt(scale).every(Boolean)) {
      return { height: HEADER_HEIGHT, small, turned: false, numbered: fitsAt(scale, NUMBER_WIDTH) };
    }
  }
  const longest = Math.max(0, ...names) * TURNED_SCALE;
  return {
    height: Math.min(TURNED_MOST, Math.max(HEADER_HEIGHT, longest + HEADER_PADDING + NUMBER_WIDTH)),
    small: false,
    turned: true,
    numbered: columns.map((width) => width >= NUMBER_WIDTH),
  };
}

/** How much detail cards draw at a zoom. */
export type Detail = "full" | "first-line" | "block";

export function detailAt(zoom: number): Detail {
  return zoom < FARTHEST_ZOOM ? "block" : zoom < FAR_ZOOM ? "first-line" : "full";
}

/** The scroll offsets of the canvas, and its zoom. */
export interface Camera {
  zoom: number;
  x: number;
  y: number;
}

/**
 * The camera after zooming to `zoom` around a point of the view (in pixels from its top left
 * corner), so the part of the map under that point stays under it. `origin` is where the
 * scene's top left corner is in the scrolled content at every zoom (after the frozen headers).
 */
export function zoomAround(
  camera: Camera,
  zoom: number,
  at: { x: number; y: number },
  origin: { x: number; y: number } = SCENE_ORIGIN,
): Camera {
  const z = clampZoom(zoom);
  const sceneX = (camera.x + at.x - origin.x) / camera.zoom;
  const sceneY = (camera.y + at.y - origin.y) / camera.zoom;
  return {
    zoom: z,
    x: Math.max(0, origin.x + sceneX * z - at.x),
    y: Math.max(0, origin.y + sceneY * z - at.y),
  };
}

/**
 * The zoom at which a scene of this size fits a view of this size beside the headers, never
 * above `most`. `header` gives the header row's height at a zoom (names may turn when the
 * columns get narrow, which makes it taller).
 */
export function fitZoom(
  scene: { width: number; height: number },
  view: { width: number; height: number },
  header: (zoom: number) => number = () => HEADER_HEIGHT,
  most = 1,
): number {
  if (scene.width <= 0 || scene.height <= 0) return 1;
  const width = view.width - LABEL_WIDTH - ADD_STAGE_WIDTH - 8;
  const at = (headerHeight: number) =>
    clampZoom(
      Math.min(
        most,
        width / scene.width,
        (view.height - headerHeight - ADD_LANE_HEIGHT - 8) / scene.height,
      ),
    );
  let zoom = at(HEADER_HEIGHT);
  // A taller header row leaves less room, which can only make the columns narrower.
  for (let pass = 0; pass < 3; pass++) zoom = at(Math.max(HEADER_HEIGHT, header(zoom)));
  return zoom;
}

/** Where the scene's top left corner is in the scrolled content when nothing is above it. */
export const SCENE_ORIGIN = { x: LABEL_WIDTH, y: HEADER_HEIGHT };

/**
 * The camera that puts a box of the scene (scene pixels) in the middle of the view beside the
 * frozen headers, at the zoom that makes it fill that part less a margin, up to `most`.
 */
export function cameraOn(
  box: { x: number; y: number; width: number; height: number },
  view: { width: number; height: number },
  most = ZOOM_MAX,
  origin: { x: number; y: number } = SCENE_ORIGIN,
  margin = 96,
  headerHeight = HEADER_HEIGHT,
): Camera {
  const free = { width: view.width - LABEL_WIDTH, height: view.height - headerHeight };
  const zoom = clampZoom(
    Math.min(
      most,
      (free.width - margin) / Math.max(1, box.width),
      (free.height - margin) / Math.max(1, box.height),
    ),
  );
  return {
    zoom,
    x: Math.max(0, origin.x + (box.x + box.width / 2) * zoom - LABEL_WIDTH - free.width / 2),
    y: Math.max(0, origin.y + (box.y + box.height / 2) * zoom - headerHeight - free.height / 2),
  };
}

/** A rectangle of the scene, in scene pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the scene in view: the view less the frozen headers, through the camera.
 * `origin` is where the scene's top left corner is in the scrolled content.
 */
export function sceneInView(
  camera: Camera,
  view: { width: number; height: number },
  origin: { x: number; y: number },
  headerHeight: number,
): Box {
  const z = camera.zoom;
  const left = Math.max(camera.x + LABEL_WIDTH, origin.x);
  const top = Math.max(camera.y + headerHeight, origin.y);
  return {
    x: (left - origin.x) / z,
    y: (top - origin.y) / z,
    width: Math.max(0, (camera.x + view.width - left) / z),
    height: Math.max(0, (camera.y + view.height - top) / z),
  };
}

/** Whether two spans overlap, the second grown by `margin` at both ends. */
export function overlaps(span: Span, start: number, size: number, margin: number): boolean {
  return span.start < start + size + margin && span.start + span.size > start - margin;
}
