// Words and numbers as the UI shows them.

import { DOMAIN, type LaneKind } from "./ipc/types";

function byKind(pick: (lane: (typeof DOMAIN.lanes)[number]) => string): Record<LaneKind, string> {
  return Object.fromEntries(DOMAIN.lanes.map((lane) => [lane.kind, pick(lane)])) as Record<
    LaneKind,
    string
  >;
}

/** Each lane kind's colour, used for its label and its cards (as in PDFs). */
export const LANE_COLOURS = byKind((lane) => lane.colour);

/** What one card of each lane kind is called, as on the palette. */
export const LANE_NAMES = byKind((lane) => lane.card_name);

/** The title a new lane of each kind gets. */
export const LANE_TITLES = byKind((lane) => lane.title);

/** Every limit the store's rules check. */
export const LIMITS = DOMAIN.limits;

/** "just now", "5 minutes ago", "yesterday", or a date. */
export function relativeTime(millis: number, now: number = Date.now()): string {
  const seconds = Math.round((now - millis) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? "1 minute ago" : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? "1 hour ago" : `${hours} hours ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return new Date(millis).toLocaleDateString(undefined, { dateStyle: "medium" });
}

/** "1 card", "3 cards". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Initials for a persona's avatar: "Maya Okafor" → "MO". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => p[0]!.toUpperCase()).join("");
}

/** Swatches offered for stages, cards and personas, with the names people hear and see. */
export const SWATCH_NAMES: Record<string, string> = {
  "#3b5bdb": "Blue",
  "#2f8f83": "Teal",
  "#4a8f4b": "Green",
  "#b0862b": "Ochre",
  "#c8553d": "Red",
  "#c0587e": "Pink",
  "#7a6bb0": "Purple",
  "#5b6b8c": "Slate",
};

export const SWATCHES = Object.keys(SWATCH_NAMES);

/** What the canvas says after a stage or lane was deleted with its cards. */
export function deletedNotice(what: "stage" | "lane", name: string, cards: number): string {
  const taken = cards ? ` and its ${count(cards, "card")}` : "";
  return `Deleted the ${what} “${name}”${taken}.`;
}

/** How strongly a miniature draws a cell: faint when empty, fuller with more cards. */
export function cellShade(cards: number, most: number): number {
  return cards === 0 ? 0.1 : 0.35 + 0.65 * Math.min(1, cards / Math.max(1, most));
}
