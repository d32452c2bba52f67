import { describe, expect, it } from "vitest";
import { centredOn, fitScale, minimap, type Scene } from "../src/lib/scene/minimap.svelte";

const scene: Scene = { width: 4000, height: 2000, stages: [], lanes: [] };

describe("the minimap", () => {
  it("fits the whole scrolling area in its box", () => {
    expect(fitScale(scene, 220, 150)).toBeCloseTo(0.055);
    expect(fitScale({ ...scene, height: 8000 }, 220, 150)).toBeCloseTo(150 / 8000);
  });

  it("centres the view on the point clicked, within the map", () => {
    const view = { left: 0, top: 0, width: 1000, height: 600 };
    expect(centredOn({ x: 2000, y: 1000 }, scene, view)).toEqual({ left: 1500, top: 700 });
    expect(centredOn({ x: 50, y: 20 }, scene, view)).toEqual({ left: 0, top: 0 });
    expect(centredOn({ x: 3990, y: 1990 }, scene, view)).toEqual({ left: 3000, top: 1400 });
    const small = { ...scene, width: 800, height: 400 };
    expect(centredOn({ x: 700, y: 300 }, small, view)).toEqual({ left: 0, top: 0 });
  });

  it("remembers whether it is shown", () => {
    expect(minimap.shown).toBe(false);
    minimap.toggle();
    expect(localStorage.getItem("waymark.minimap")).toBe("shown");
    minimap.toggle();
    expect(localStorage.getItem("waymark.minimap")).toBeNull();
  });
});
