// The colours of both themes: one source for the CSS variables and for the contrast test.

export type Colour = `#${string}`;

export interface Palette {
  /** Body text, and card text. */
  text: Colour;
  /** Secondary text. */
  muted: Colour;
  /** Panels, dialogs, headers, fields. */
  surface: Colour;
  /** Behind everything: the library and the grid. */
  canvas: Colour;
  border: Colour;
  /** Links, selection, focus rings, primary buttons (with white text). */
  accent: Colour;
  "accent-soft": Colour;
  /** Text on the accent and on danger's solid buttons. */
  "on-accent": Colour;
  "accent-strong": Colour;
  danger: Colour;
  "input-border": Colour;
  "input-bg": Colour;
  "error-bg": Colour;
  "error-border": Colour;
  ok: Colour;
  "ok-bg": Colour;
  "ok-text": Colour;
  "ok-border": Colour;
  warn: Colour;
  "warn-bg": Colour;
  "warn-text": Colour;
  "warn-border": Colour;
  /** Find in map's and search's highlights, with their own (dark) text. */
  found: Colour;
  "found-current": Colour;
  "found-ring": Colour;
  "found-text": Colour;
  "curve-grid": Colour;
  "curve-axis": Colour;
  "toast-bg": Colour;
  "toast-danger": Colour;
  "toast-link": Colour;
  /** What a card's lane colour is mixed into for its background ("paper"). */
  "card-base": Colour;
  /** What a lane colour is mixed with to make its text ("ink"). */
  ink: Colour;
}

export const LIGHT: Palette = {
  text: "#1d2230",
  muted: "#5d6477",
  surface: "#ffffff",
  canvas: "#f4f5f8",
  border: "#e1e4eb",
  accent: "#3b5bdb",
  "accent-soft": "#eef2ff",
  "on-accent": "#ffffff",
  "accent-strong": "#3250c4",
  danger: "#c92a2a",
  "input-border": "#c5cad6",
  "input-bg": "#fafbfc",
  "error-bg": "#fff0f0",
  "error-border": "#f3c4c4",
  ok: "#2f9e44",
  "ok-bg": "#ebfbee",
  "ok-text": "#22753a",
  "ok-border": "#b2f2bb",
  warn: "#b07d00",
  "warn-bg": "#fff8e6",
  "warn-text": "#7a4f00",
  "warn-border": "#f0d08a",
  found: "#fff6c4",
  "found-current": "#ffe27a",
  "found-ring": "#a87400",
  "found-text": "#1d2230",
  "curve-grid": "#e6e8ee",
  "curve-axis": "#c4c9d4",
  "toast-bg": "#1f2430",
  "toast-danger": "#8a1c1c",
  "toast-link": "#9db4ff",
  "card-base": "#ffffff",
  ink: "#000000",
};

export const DARK: Palette = {
  text: "#e6e9f0",
  muted: "#a3aabb",
  surface: "#1e222c",
  canvas: "#14171e",
  border: "#343a48",
  accent: "#8ca6ff",
  "accent-soft": "#262e4a",
  "on-accent": "#10131a",
  "accent-strong": "#a5b8ff",
  danger: "#ff8787",
  "input-border": "#4a5163",
  "input-bg": "#191c24",
  "error-bg": "#3a1d20",
  "error-border": "#6b2e33",
  ok: "#51cf66",
  "ok-bg": "#16301d",
  "ok-text": "#8ce99a",
  "ok-border": "#2b5a36",
  warn: "#f0b43c",
  "warn-bg": "#33280f",
  "warn-text": "#ffd8a8",
  "warn-border": "#6b5418",
  found: "#fff3bf",
  "found-current": "#ffd43b",
  "found-ring": "#fab005",
  "found-text": "#1d2230",
  "curve-grid": "#2c3240",
  "curve-axis": "#4a5163",
  "toast-bg": "#2c3242",
  "toast-danger": "#8a1c1c",
  "toast-link": "#b4c6ff",
  "card-base": "#1c202a",
  ink: "#ffffff",
};

export const PALETTES = { light: LIGHT, dark: DARK } as const;

/**
 * The rest of each theme: shadows (soft on light, deeper on dark), and how much of a lane's
 * colour its cards' edge and detail text keep, the rest being ink (lighter on dark).
 */
export const EXTRAS = {
  light: {
    shadow: "0 8px 30px rgb(20 24 33 / 0.08)",
    "shadow-soft": "0 1px 3px rgb(20 24 33 / 0.06)",
    "edge-strength": 100,
    "detail-strength": 75,
  },
  dark: {
    shadow: "0 8px 30px rgb(0 0 0 / 0.45)",
    "shadow-soft": "0 1px 3px rgb(0 0 0 / 0.4)",
    "edge-strength": 80,
    "detail-strength": 65,
  },
};

/** Both palettes as CSS: `:root[data-theme="light"] { --text: …; … }` and the dark one. */
export function paletteCss(): string {
  return Object.entries(PALETTES)
    .map(([name, palette]) => {
      const extras = EXTRAS[name as keyof typeof PALETTES];
      const vars = Object.entries({ ...palette, ...extras })
        .map(([key, value]) => `--${key}: ${typeof value === "number" ? `${value}%` : value};`)
        .join(" ");
      return `:root[data-theme="${name}"] { color-scheme: ${name}; ${vars} }`;
    })
    .join("\n");
}

/** The three channels of a `#rrggbb` colour, 0 to 255. */
export function channels(colour: string): [number, number, number] {
  const hex = colour.replace("#", "");
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}

/** CSS `color-mix(in srgb, a p%, b)`. */
export function mix(a: string, percent: number, b: string): Colour {
  const [x, y] = [channels(a), channels(b)];
  const out = x.map((v, i) => Math.round(v * (percent / 100) + y[i]! * (1 - percent / 100)));
  return `#${out.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}
