// Questions about a map's cards that the canvas asks often: which cards a cell holds, in what
// order, and where copied cards would go.

import type { Card, JourneyMap } from "../ipc/types";

/** The cards of one cell, in order. */
export function cellCards(map: JourneyMap, stageId: string, laneId: string): Card[] {
  return map.cards
    .filter((card) => card.stage_id === stageId && card.lane_id === laneId)
    .sort((a, b) => a.position - b.position);
}

/** A new card with only text, at `position` in its cell. */
export function blankCard(
  id: string,
  stageId: string,
  laneId: string,
  position: number,
  text: string,
): Card {
  return {
    id,
    stage_id: stageId,
    lane_id: laneId,
    position,
    order: "",
    text,
    channel: null,
    severity: null,
    impact: null,
    effort: null,
    metric_value: null,
    metric_target: null,
    colour: null,
    tags: [],
  };
}

/** The cards with these ids in map order: stage by stage, lane by lane, top to bottom. */
export function inMapOrder(map: JourneyMap, ids: Iterable<string>): Card[] {
  const wanted = new Set(ids);
  const stage = new Map(map.stages.map((s, i) => [s.id, i]));
  const lane = new Map(map.lanes.map((l, i) => [l.id, i]));
  return map.cards
    .filter((c) => wanted.has(c.id))
    .sort(
      (a, b) =>
        (stage.get(a.stage_id) ?? 0) - (stage.get(b.stage_id) ?? 0) ||
        (lane.get(a.lane_id) ?? 0) - (lane.get(b.lane_id) ?? 0) ||
        a.position - b.position,
    );
}

/** The key of a (stage, lane) cell in `cardsByCell`. */
export function cellKey(stageId: string, laneId: string): string {
  return `${stageId}/${laneId}`;
}

/** Every non-empty cell's cards in order, keyed by `cellKey`: one pass over the map. */
export function cardsByCell(cards: Card[]): Map<string, Card[]> {
  const cells = new Map<string, Card[]>();
  for (const card of cards) {
    const key = cellKey(card.stage_id, card.lane_id);
    const cell = cells.get(key);
    if (cell) cell.push(card);
    else cells.set(key, [card]);
  }
  for (const cell of cells.values()) cell.sort((a, b) => a.position - b.position);
  return cells;
}

/** A plain copy of a card, also of one the UI state wraps (which structuredClone refuses). */
export function plainCard(card: Card): Card {
  return { ...card, tags: [...card.tags] };
}

/** A copied card, with the places of its stage and lane in the map it was copied from. */
export interface ClippedCard {
  card: Card;
  stage: number;
  lane: number;
}

/**
 * Where pasted cards go when pasted at `at` (a stage and lane index): they keep their places
 * relative to each other, the top-left one at `at`, within the map's stages and lanes.
 */
export function pasteCells(
  map: JourneyMap,
  clipped: ClippedCard[],
  at: { stage: number; lane: number },
): { stageId: string; laneId: string }[] {
  const top = Math.min(...clipped.map((c) => c.stage));
  const left = Math.min(...clipped.map((c) => c.lane));
  const within = (i: number, length: number) => Math.max(0, Math.min(length - 1, i));
  return clipped.map((c) => ({
    stageId: map.stages[within(at.stage + c.stage - top, map.stages.length)]!.id,
    laneId: map.lanes[within(at.lane + c.lane - left, map.lanes.length)]!.id,
  }));
}
