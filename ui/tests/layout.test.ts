import { describe, expect, it } from "vitest";
import {
  ADD_LANE_HEIGHT,
  ADD_STAGE_WIDTH,
  HEADER_HEIGHT,
  LABEL_WIDTH,
  ZOOM_MAX,
  ZOOM_MIN,
  cameraOn,
  clampZoom,
  detailAt,
  extent,
  fitZoom,
  spans,
  sceneInView,
  overlaps,
  stepZoom,
  headerRow,
  ZOOM_STOPS,
  TURNED_SCALE,
  zoomAround,
} from "../src/lib/scene/layout";

describe("the canvas layout", () => {
  it("lays columns and rows end to end", () => {
    const laid = spans([280, 200, 320]);
    expect(laid).toEqual([
      { start: 0, size: 280 },
      { start: 280, size: 200 },
      { start: 480, size: 320 },
    ]);
    expect(extent(laid)).toBe(800);
    expect(extent([])).toBe(0);
  });

  it("keeps the zoom between 10% and 400%", () => {
    expect(clampZoom(0.01)).toBe(ZOOM_MIN);
    expect(clampZoom(99)).toBe(ZOOM_MAX);
    expect(clampZoom(Number.NaN)).toBe(1);
    expect(ZOOM_MIN).toBeLessThanOrEqual(0.1);
    expect(ZOOM_MAX).toBe(4);
  });

  it("keeps the point under the pointer where it is when zooming", () => {
    const origins = [
      { x: LABEL_WIDTH, y: HEADER_HEIGHT },
      { x: LABEL_WIDTH, y: 300 },
    ];
    for (const origin of origins) {
      for (const [zoom, to, x, y] of [
        [1, 2, 400, 300],
        [0.5, 0.1, 900, 700],
        [3, 4, 250, 120],
        [0.25, 1.7, 1200, 80],
      ]) {
        const at = { x: x!, y: y! };
        const before = { zoom: zoom!, x: 20000, y: 15000 };
        const after = zoomAround(before, to!, at, origin);
        const scenePoint = (c: typeof before) => ({
          x: (c.x + at.x - origin.x) / c.zoom,
          y: (c.y + at.y - origin.y) / c.zoom,
        });
        expect(after.zoom).toBe(to);
        expect(scenePoint(after).x).toBeCloseTo(scenePoint(before).x, 6);
        expect(scenePoint(after).y).toBeCloseTo(scenePoint(before).y, 6);
      }
    }
  });

  it("never scrolls to a negative offset when zooming out near the corner", () => {
    const after = zoomAround({ zoom: 1, x: 10, y: 10 }, 0.1, { x: 900, y: 600 });
    expect(after.x).toBe(0);
    expect(after.y).toBe(0);
  });

  it("fits the whole scene beside the frozen headers, never above 100%", () => {
    const view = { width: 1440, height: 760 };
    const scene = { width: 5600, height: 3000 };
    const zoom = fitZoom(scene, view);
    expect(scene.width * zoom + LABEL_WIDTH + ADD_STAGE_WIDTH).toBeLessThanOrEqual(view.width);
    expect(scene.height * zoom + HEADER_HEIGHT + ADD_LANE_HEIGHT).toBeLessThanOrEqual(view.height);
    expect(zoom).toBeGreaterThan(0.2);
    expect(fitZoom({ width: 300, height: 200 }, view)).toBe(1);
    expect(fitZoom({ width: 1e7, height: 1e7 }, view)).toBe(ZOOM_MIN);
  });

  it("centres a box in the part of the view beside the headers", () => {
    const view = { width: 1200, height: 800 };
    const box = { x: 3000, y: 900, width: 150, height: 80 };
    const camera = cameraOn(box, view);
    expect(camera.zoom).toBe(ZOOM_MAX);
    const centreX = LABEL_WIDTH + (box.x + box.width / 2) * camera.zoom - camera.x;
    const centreY = HEADER_HEIGHT + (box.y + box.height / 2) * camera.zoom - camera.y;
    expect(centreX).toBeCloseTo(LABEL_WIDTH + (view.width - LABEL_WIDTH) / 2, 6);
    expect(centreY).toBeCloseTo(HEADER_HEIGHT + (view.height - HEADER_HEIGHT) / 2, 6);
    expect(cameraOn(box, view, 1, undefined, 0).zoom).toBe(1);
  });

  it("steps the zoom through the stops, from anywhere", () => {
    const down: number[] = [];
    for (let z = 1; z > ZOOM_MIN;) down.push((z = stepZoom(z, -1)));
    expect(down).toEqual([...ZOOM_STOPS].reverse().filter((stop) => stop < 1));
    expect(down).toContain(0.1);
    expect(down).toContain(0.25);
    const up: number[] = [];
    for (let z = 1; z < ZOOM_MAX;) up.push((z = stepZoom(z, 1)));
    expect(up).toEqual([1.19, 1.41, 1.68, 2, 2.38, 2.83, 3.36, 4]);
    expect(stepZoom(0.37, 1)).toBe(0.42);
    expect(stepZoom(0.37, -1)).toBe(0.35);
    expect(stepZoom(0.999, 1)).toBe(1.19);
    expect(stepZoom(ZOOM_MAX, 1)).toBe(ZOOM_MAX);
    expect(stepZoom(ZOOM_MIN, -1)).toBe(ZOOM_MIN);
  });

  it("draws the stage names smaller, then turned up their headers, as the columns narrow", () => {
    const flat = headerRow([260, 260], [90, 100]);
    expect(flat).toEqual({
      height: HEADER_HEIGHT,
      small: false,
      turned: false,
      numbered: [true, true],
    });
    const tight = headerRow([150, 126], [90, 100]);
    expect(tight.turned).toBe(false);
    expect(tight.small).toBe(false);
    expect(tight.numbered).toEqual([true, false]);
    const small = headerRow([120, 120], [90, 100]);
    expect(small).toMatchObject({ small: true, turned: false, height: HEADER_HEIGHT });
    const turned = headerRow([42, 42], [60, 100]);
    expect(turned.turned).toBe(true);
    expect(turned.height).toBeGreaterThanOrEqual(100 * TURNED_SCALE + 30);
    expect(headerRow([20], [900]).height).toBeLessThanOrEqual(190);
  });

  it("fits with the taller header row when the names must turn", () => {
    const view = { width: 1440, height: 800 };
    const scene = { width: 1560, height: 8000 };
    const flat = fitZoom(scene, view);
    const turned = fitZoom(scene, view, () => 150);
    expect(turned).toBeLessThan(flat);
    expect(scene.height * turned + 150 + ADD_LANE_HEIGHT).toBeLessThanOrEqual(view.height);
  });

  it("says which part of the scene is in view beside the frozen headers", () => {
    const origin = { x: LABEL_WIDTH, y: 300 + HEADER_HEIGHT };
    // Scrolled past what is above the grid: the headers are stuck at the top and left.
    expect(
      sceneInView({ zoom: 0.5, x: 100, y: 500 }, { width: 1184, height: 846 }, origin, 46),
    ).toEqual({ x: 200, y: 400, width: 2000, height: 1600 });
    // Not scrolled: the part above the grid takes the top of the view.
    const top = sceneInView({ zoom: 1, x: 0, y: 0 }, { width: 1184, height: 846 }, origin, 46);
    expect(top.y).toBe(0);
    expect(top.height).toBe(846 - 346);
    expect(overlaps({ start: 0, size: 100 }, 150, 50, 60)).toBe(true);
    expect(overlaps({ start: 0, size: 100 }, 150, 50, 40)).toBe(false);
    expect(overlaps({ start: 300, size: 100 }, 150, 50, 60)).toBe(false);
  });

  it("draws less detail further away", () => {
    expect(detailAt(1)).toBe("full");
    expect(detailAt(0.4)).toBe("full");
    expect(detailAt(0.39)).toBe("first-line");
    expect(detailAt(0.2)).toBe("first-line");
    expect(detailAt(0.19)).toBe("block");
  });
});
