import { describe, expect, it } from "vitest";
import { DOMAIN } from "../src/lib/ipc/types";
import { EXTRAS, PALETTES, contrast, mix, paletteCss } from "../src/lib/theme/palette";

const LANES = DOMAIN.lanes.map((lane) => [lane.title, lane.colour] as const);

describe.each(Object.entries(PALETTES))("the %s palette", (name, p) => {
  const extras = EXTRAS[name as keyof typeof EXTRAS];
  /** Text of body size: at least 4.5:1 (WCAG AA). */
  const text: [string, string, string][] = [
    ["text on surface", p.text, p.surface],
    ["text on canvas", p.text, p.canvas],
    ["text on a field", p.text, p["input-bg"]],
    ["muted on surface", p.muted, p.surface],
    ["muted on canvas", p.muted, p.canvas],
    ["accent (links) on surface", p.accent, p.surface],
    ["accent on its soft tint", p.accent, p["accent-soft"]],
    ["text on the accent's soft tint", p.text, p["accent-soft"]],
    ["primary button text", p["on-accent"], p.accent],
    ["primary button text, hovered", p["on-accent"], p["accent-strong"]],
    ["solid danger button text", p["on-accent"], p.danger],
    ["danger text on surface", p.danger, p.surface],
    ["error banner", p.text, p["error-bg"]],
    ["ok banner", p["ok-text"], p["ok-bg"]],
    ["ok text on surface", p["ok-text"], p.surface],
    ["warning banner", p["warn-text"], p["warn-bg"]],
    ["found card", p["found-text"], p.found],
    ["current found card", p["found-text"], p["found-current"]],
    ["toast", "#ffffff", p["toast-bg"]],
    ["failure toast", "#ffffff", p["toast-danger"]],
    ["toast action", p["toast-link"], p["toast-bg"]],
  ];
  it.each(text)("%s reads at 4.5:1", (_what, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  /** Focus rings, the curve's axis and borders that carry meaning: 3:1 for graphics. */
  const graphics: [string, string, string][] = [
    ["focus ring on surface", p.accent, p.surface],
    ["focus ring on canvas", p.accent, p.canvas],
    ["found ring on canvas", p["found-ring"], p.canvas],
    ["ok mark on surface", p.ok, p.surface],
    ["warning mark on canvas", p.warn, p.canvas],
  ];
  it.each(graphics)("%s stands out at 3:1", (_what, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(3);
  });

  it.each(LANES)("cards and labels of the %s lane read", (_title, lane) => {
    const card = mix(lane, 10, p["card-base"]);
    expect(contrast(p.text, card), "card text").toBeGreaterThanOrEqual(4.5);
    const mark = mix(lane, extras["detail-strength"], p.ink);
    expect(contrast(mark, card), "card detail text").toBeGreaterThanOrEqual(4.5);
    const label = mix(lane, 70, p.ink);
    expect(contrast(label, p.surface), "lane label").toBeGreaterThanOrEqual(4.5);
    expect(contrast(label, p.canvas), "lane label on the canvas").toBeGreaterThanOrEqual(4.5);
    const edge = mix(lane, extras["edge-strength"], p.ink);
    expect(contrast(edge, card), "the lane's edge on its card").toBeGreaterThanOrEqual(3);
  });
});

it("writes both palettes as CSS variables", () => {
  const css = paletteCss();
  expect(css).toContain(':root[data-theme="dark"] { color-scheme: dark; --text: #e6e9f0;');
  expect(css).toContain("--shadow:");
});
