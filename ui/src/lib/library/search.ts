// The library's search results and sorting, apart from the screen that shows them.

import type { MapSummary, SearchHit, SearchKind } from "../ipc/types";
import { folded } from "../scene/find";
import { readSetting, writeSetting } from "../settings";

/** The words of a search, as the store matches them: each must appear, in any case. */
export function searchWords(query: string): string[] {
  return query.split(/\s+/).filter((word) => word.length > 0);
}

/** A piece of a result's text, marked when it is one of the words searched for. */
export interface Piece {
  text: string;
  marked: boolean;
}

/**
 * The line of a result's text where the words are found (a persona's or a stage's text has
 * several), shortened around the first match to about `room` characters, cut into pieces
 * with the matches marked.
 */
export function highlight(text: string, words: string[], room = 140): Piece[] {
  const lines = text.split("\n").filter((line) => line.trim().length > 0);
  const wanted = words.map(folded);
  const score = (line: string) => wanted.filter((w) => folded(line).includes(w)).length;
  let line = lines[0] ?? "";
  for (const candidate of lines) if (score(candidate) > score(line)) line = candidate;

  // Matches are found on the folded text, whose characters map one to one onto the line's
  // only when folding kept its length; otherwise they are found on the lower-cased line.
  const foldedLine = folded(line);
  const haystack = foldedLine.length === line.length ? foldedLine : line.toLowerCase();
  const marks = new Array<boolean>(line.length).fill(false);
  for (const word of haystack === foldedLine ? wanted : words.map((w) => w.toLowerCase())) {
    if (!word) continue;
    for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1))
      for (let i = at; i < at + word.length; i++) marks[i] = true;
  }
  let start = 0;
  let end = line.length;
  if (line.length > room) {
    const first = Math.max(0, marks.indexOf(true));
    start = Math.max(0, Math.min(first - Math.floor(room / 3), line.length - room));
    end = Math.min(line.length, start + room);
  }
  const pieces: Piece[] = [];
  for (let i = start; i < end; i++) {
    const [char, mark] = [line[i] ?? "", marks[i] ?? false];
    const last = pieces[pieces.length - 1];
    if (last && last.marked === mark) last.text += char;
    else pieces.push({ text: char, marked: mark });
  }
  if (start > 0) pieces.unshift({ text: "…", marked: false });
  if (end < line.length) pieces.push({ text: "…", marked: false });
  return pieces;
}

const KIND_LABELS: Record<SearchKind, string> = {
  map: "Title",
  card: "Card",
  persona: "Persona",
  stage: "Stage",
  lane: "Lane",
  note: "Curve note",
};

/** What a result is, as its row says it: "Card · Awareness · Customer actions". */
export function hitLabel(hit: SearchHit): string {
  return hit.place ? `${KIND_LABELS[hit.kind]} · ${hit.place}` : KIND_LABELS[hit.kind];
}

/** The orders the library can list maps in. */
export type SortOrder = "edited" | "title" | "size";

export const SORT_LABELS: Record<SortOrder, string> = {
  edited: "Last edited",
  title: "Title",
  size: "Size",
};

/** The maps in the chosen order: newest edit first, by title (A to Z), or most cards first. */
export function sortMaps(maps: MapSummary[], order: SortOrder): MapSummary[] {
  const byTitle = (a: MapSummary, b: MapSummary) =>
    a.title.localeCompare(b.title, undefined, { sensitivity: "base", numeric: true });
  const sorted = [...maps];
  if (order === "title") sorted.sort((a, b) => byTitle(a, b) || b.updated_at - a.updated_at);
  else if (order === "size") sorted.sort((a, b) => b.cards - a.cards || byTitle(a, b));
  else sorted.sort((a, b) => b.updated_at - a.updated_at || byTitle(a, b));
  return sorted;
}

const SORT_KEY = "waymark.library.sort";

/** The order last chosen on this computer, or newest first. */
export function savedSort(storage?: Pick<Storage, "getItem"> | null): SortOrder {
  const saved = readSetting(SORT_KEY, storage);
  return saved && saved in SORT_LABELS ? (saved as SortOrder) : "edited";
}

export function saveSort(order: SortOrder, storage?: Pick<Storage, "setItem"> | null): void {
  writeSetting(SORT_KEY, order, storage);
}
