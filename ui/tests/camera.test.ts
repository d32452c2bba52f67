import { describe, expect, it } from "vitest";
import { saveCamera, savedCamera } from "../src/lib/scene/camera";

/** An in-memory Storage. */
function memory(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe("a map's camera", () => {
  it("comes back as it was saved, per map", () => {
    const store = memory();
    saveCamera("m1", { zoom: 1.44, x: 320, y: 80 }, store);
    saveCamera("m2", { zoom: 0.5, x: 0, y: 0 }, store);
    expect(savedCamera("m1", store)).toEqual({ zoom: 1.44, x: 320, y: 80 });
    expect(savedCamera("m2", store)).toEqual({ zoom: 0.5, x: 0, y: 0 });
    expect(savedCamera("m3", store)).toBeNull();
  });

  it("is none when the entry is damaged, and saving into a full store does not throw", () => {
    const store = memory();
    store.setItem("waymark.camera.m1", "{not json");
    expect(savedCamera("m1", store)).toBeNull();
    store.setItem("waymark.camera.m1", JSON.stringify({ zoom: "big", x: 1, y: 2 }));
    expect(savedCamera("m1", store)).toBeNull();
    store.setItem("waymark.camera.m1", JSON.stringify({ zoom: 0, x: 1, y: 2 }));
    expect(savedCamera("m1", store)).toBeNull();
    const full = {
      ...memory(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => saveCamera("m1", { zoom: 1, x: 0, y: 0 }, full)).not.toThrow();
  });
});
