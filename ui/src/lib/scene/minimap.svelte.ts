// The minimap's model: the map's grid measured on the canvas, in the scrolling area's own
// coordinates, and whether it is shown (remembered on this computer).

import type { LaneKind } from "../ipc/types";
import { readSetting, writeSetting } from "../settings";

const KEY = "waymark.minimap";

class MinimapSetting {
  shown = $state(readSetting(KEY) === "shown");

  toggle() {
    this.shown = !this.shown;
    writeSetting(KEY, this.shown ? "shown" : null);
  }
}

export const minimap = new MinimapSetting();

/** A span along one axis of the scrolling area. */
export interface Span {
  start: number;
  size: number;
}

/** The grid as the minimap draws it, in the scrolling area's pixels. */
export interface Scene {
  width: number;
  height: number;
  stages: (Span & { id: string })[];
  lanes: (Span & { id: string; kind: LaneKind })[];
}

/** Where the scrolling area's visible part is. */
export interface View {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Measures the grid on the canvas: each stage's columns from its header, each lane's rows from
 * its label (the frozen headers are stuck along the other axis only), relative to the scroller.
 */
export function measureScene(scroller: HTMLElement, kinds: ReadonlyMap<string, LaneKind>): Scene {
  const origin = scroller.getBoundingClientRect();
  const x = (left: number) => left - origin.left - scroller.clientLeft + scroller.scrollLeft;
  const y = (top: number) => top - origin.top - scroller.clientTop + scroller.scrollTop;
  const stages = [...scroller.querySelectorAll<HTMLElement>("[data-stage-header]")].map((el) => {
    const box = el.getBoundingClientRect();
    return { id: el.dataset.stageHeader ?? "", start: x(box.left), size: box.width };
  });
  const lanes = [...scroller.querySelectorAll<HTMLElement>("[data-lane-header]")].map((el) => {
    const box = el.getBoundingClientRect();
    const id = el.dataset.laneHeader ?? "";
    return { id, kind: kinds.get(id) ?? "custom", start: y(box.top), size: box.height };
  });
  return { width: scroller.scrollWidth, height: scroller.scrollHeight, stages, lanes };
}

/** The scroll position that centres the view on a point of the scene, kept in bounds. */
export function centredOn(point: { x: number; y: number }, scene: Scene, view: View) {
  const clamp = (value: number, max: number) => Math.max(0, Math.min(value, Math.max(0, max)));
  return {
    left: clamp(point.x - view.width / 2, scene.width - view.width),
    top: clamp(point.y - view.height / 2, scene.height - view.height),
  };
}

/** The scale that fits the scene in a box at most `width` × `height`. */
export function fitScale(scene: Scene, width: number, height: number): number {
  if (scene.width <= 0 || scene.height <= 0) return 1;
  return Math.min(width / scene.width, height / scene.height);
}
