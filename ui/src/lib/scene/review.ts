// A comparison shown on the canvas: which cards were added, changed or moved, the removed
// ones as ghosts in their old cell, and the stages and lanes that changed.

import type { Card, Difference } from "../ipc/types";
import { cellKey } from "./cards";

export type CardMark = "added" | "changed" | "moved";

export interface Marks {
  cards: Map<string, { mark: CardMark; said: string[] }>;
  /** Removed cards, by the cell they were in. */
  ghosts: Map<string, Card[]>;
  stages: Map<string, string[]>;
  lanes: Map<string, string[]>;
}

export function marksOf(differences: Difference[]): Marks {
  const marks: Marks = { cards: new Map(), ghosts: new Map(), stages: new Map(), lanes: new Map() };
  const markCard = (id: string, mark: CardMark, said: string[]) => {
    const known = marks.cards.get(id);
    // An added card stays "added" whatever else is said of it; a changed one beats a move.
    const wins = !known || (known.mark === "moved" && mark !== "moved");
    marks.cards.set(id, {
      mark: wins ? mark : known.mark,
      said: [...(known?.said ?? []), ...said],
    });
  };
  const add = (map: Map<string, string[]>, id: string, said: string[]) =>
    map.set(id, [...(map.get(id) ?? []), ...said]);
  for (const difference of differences) {
    const change = difference.change;
    switch (change.type) {
      case "CardAdded":
        markCard(change.card.id, "added", difference.said);
        break;
      case "CardChanged":
        markCard(change.to.id, "changed", difference.said);
        break;
      case "CardMoved":
        markCard(change.to.id, "moved", difference.said);
        break;
      case "CardRemoved": {
        const key = cellKey(change.card.stage_id, change.card.lane_id);
        marks.ghosts.set(key, [...(marks.ghosts.get(key) ?? []), change.card]);
        break;
      }
      case "StageAdded":
      case "StageChanged":
      case "StageMoved":
        add(marks.stages, difference.stage_id ?? "", difference.said);
        break;
      case "LaneAdded":
      case "LaneChanged":
      case "LaneMoved":
        add(marks.lanes, difference.lane_id ?? "", difference.said);
        break;
      default:
        break;
    }
  }
  return marks;
}

/** The differences under headings: the map's own, then stage by stage and lane by lane. */
export function grouped(
  differences: Difference[],
  stageName: (id: string) => string | undefined,
  laneName: (id: string) => string | undefined,
): { heading: string; differences: Difference[] }[] {
  const groups = new Map<string, Difference[]>();
  for (const difference of differences) {
    const stage = difference.stage_id ? stageName(difference.stage_id) : undefined;
    const lane = difference.lane_id ? laneName(difference.lane_id) : undefined;
    const heading =
      stage && lane ? `${stage} · ${lane}` : (stage ?? lane ?? "The map and its personas");
    groups.set(heading, [...(groups.get(heading) ?? []), difference]);
  }
  return [...groups.entries()].map(([heading, list]) => ({ heading, differences: list }));
}
