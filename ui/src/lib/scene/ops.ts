// Applies operations to the in-memory map, exactly as waymark-core does, so the canvas can show
// an edit at once. The store stays the judge: a batch it refuses is rolled back.

import type { Card, JourneyMap, LaneKind, Op } from "../ipc/types";

/** The card as a lane of `kind` holds it, without the fields that kind does not have. */
export function forKind(card: Card, kind: LaneKind | undefined): Card {
  return {
    ...card,
    channel: kind === "touchpoints" ? card.channel : null,
    severity: kind === "pain_points" ? card.severity : null,
    impact: kind === "opportunities" ? card.impact : null,
    effort: kind === "opportunities" ? card.effort : null,
    metric_value: kind === "kpis" ? card.metric_value : null,
    metric_target: kind === "kpis" ? card.metric_target : null,
  };
}

function kindOf(map: JourneyMap, laneId: string): LaneKind | undefined {
  return map.lanes.find((l) => l.id === laneId)?.kind;
}

function insertAt<T>(items: T[], index: number, item: T): void {
  items.splice(Math.min(index, items.length), 0, item);
}

function moveTo<T extends { id: string }>(items: T[], id: string, index: number): void {
  const from = items.findIndex((item) => item.id === id);
  if (from < 0) return;
  const [item] = items.splice(from, 1);
  insertAt(items, index, item!);
}

function replace<T extends { id: string }>(items: T[], item: T): void {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index >= 0) items[index] = item;
}

function inCell(card: Card, stageId: string, laneId: string): boolean {
  return card.stage_id === stageId && card.lane_id === laneId;
}

function takeCard(map: JourneyMap, id: string): Card | undefined {
  const index = map.cards.findIndex((c) => c.id === id);
  if (index < 0) return undefined;
  const [card] = map.cards.splice(index, 1);
  for (const other of map.cards) {
    if (inCell(other, card!.stage_id, card!.lane_id) && other.position > card!.position) {
      other.position -= 1;
    }
  }
  return card;
}

function insertCard(map: JourneyMap, card: Card): void {
  const size = map.cards.filter((c) => inCell(c, card.stage_id, card.lane_id)).length;
  const placed = { ...card, position: Math.min(card.position, size) };
  for (const other of map.cards) {
    if (inCell(other, placed.stage_id, placed.lane_id) && other.position >= placed.position) {
      other.position += 1;
    }
  }
  map.cards.push(placed);
}

/** Applies one operation in place. */
export function applyOp(map: JourneyMap, op: Op): void {
  switch (op.type) {
    case "SetTitle":
      map.title = op.title;
      break;
    case "SetDescription":
      map.description = op.description;
      break;
    case "AddPersona":
      insertAt(map.personas, op.index, op.persona);
      break;
    case "UpdatePersona":
      replace(map.personas, op.persona);
      break;
    case "RemovePersona":
      map.personas = map.personas.filter((p) => p.id !== op.id);
      map.emotions = map.emotions.filter((e) => e.persona_id !== op.id);
      break;
    case "AddStage":
      insertAt(map.stages, op.index, op.stage);
      break;
    case "UpdateStage":
      replace(map.stages, op.stage);
      break;
    case "RemoveStage":
      map.stages = map.stages.filter((s) => s.id !== op.id);
      map.cards = map.cards.filter((c) => c.stage_id !== op.id);
      map.emotions = map.emotions.filter((e) => e.stage_id !== op.id);
      break;
    case "MoveStage":
      moveTo(map.stages, op.id, op.index);
      break;
    case "AddLane":
      insertAt(map.lanes, op.index, op.lane);
      break;
    case "UpdateLane":
      replace(map.lanes, op.lane);
      break;
    case "RemoveLane":
      map.lanes = map.lanes.filter((l) => l.id !== op.id);
      map.cards = map.cards.filter((c) => c.lane_id !== op.id);
      break;
    case "MoveLane":
      moveTo(map.lanes, op.id, op.index);
      break;
    case "AddCard":
      insertCard(map, forKind(op.card, kindOf(map, op.card.lane_id)));
      break;
    case "UpdateCard": {
      const current = map.cards.find((c) => c.id === op.card.id);
      if (current) {
        const card = {
          ...op.card,
          stage_id: current.stage_id,
          lane_id: current.lane_id,
          position: current.position,
        };
        replace(map.cards, forKind(card, kindOf(map, current.lane_id)));
      }
      break;
    }
    case "MoveCard": {
      const card = takeCard(map, op.id);
      if (card) {
        const moved = {
          ...card,
          stage_id: op.stage_id,
          lane_id: op.lane_id,
          position: op.position,
        };
        insertCard(map, forKind(moved, kindOf(map, op.lane_id)));
      }
      break;
    }
    case "RemoveCard":
      takeCard(map, op.id);
      break;
    case "SetEmotion": {
      map.emotions = map.emotions.filter(
        (e) =>
          !(e.persona_id === op.persona_id && e.stage_id === op.stage_id && e.state === op.state),
      );
      if (op.score !== null) {
        map.emotions.push({
          persona_id: op.persona_id,
          stage_id: op.stage_id,
          state: op.state,
          score: op.score,
          note: op.note && op.note.trim() ? op.note : null,
        });
      }
      break;
    }
  }
}

/** The cards of one cell, in order. */
export function cellCards(map: JourneyMap, stageId: string, laneId: string): Card[] {
  return map.cards
    .filter((card) => inCell(card, stageId, laneId))
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

/**
 * The moves that put `ids` (in this order) together into a cell, before the card that is
 * `index`th among the cell's other cards. Moves that change nothing are left out.
 */
export function moveCardsOps(
  map: JourneyMap,
  ids: string[],
  stageId: string,
  laneId: string,
  index: number,
): Op[] {
  const moving = new Set(ids);
  const sim: JourneyMap = { ...map, cards: map.cards.map((c) => ({ ...c })) };
  const anchor = cellCards(sim, stageId, laneId).filter((c) => !moving.has(c.id))[index]?.id;
  const ops: Op[] = [];
  let previous: string | undefined;
  for (const id of ids) {
    const card = sim.cards.find((c) => c.id === id);
    if (!card) continue;
    const rest = cellCards(sim, stageId, laneId).filter((c) => c.id !== id);
    const after = previous ? rest.findIndex((c) => c.id === previous) + 1 : -1;
    const before = anchor ? rest.findIndex((c) => c.id === anchor) : rest.length;
    const position = previous ? after : before;
    const op: Op = { type: "MoveCard", id, stage_id: stageId, lane_id: laneId, position };
    const unchanged =
      card.stage_id === stageId && card.lane_id === laneId && card.position === position;
    if (!unchanged) ops.push(op);
    applyOp(sim, op);
    previous = id;
  }
  return ops;
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

/**
 * Copies of `cards` with fresh ids: each at the end of the cell `cells` gives it, or (without
 * cells) just after its original.
 */
export function copyCardsOps(
  map: JourneyMap,
  cards: Card[],
  newId: () => string,
  cells: { stageId: string; laneId: string }[] | null,
): { ops: Op[]; ids: string[] } {
  const sim: JourneyMap = { ...map, cards: map.cards.map((c) => ({ ...c })) };
  const ops: Op[] = [];
  const ids: string[] = [];
  for (const [i, original] of cards.entries()) {
    const cell = cells?.[i] ?? null;
    const stageId = cell?.stageId ?? original.stage_id;
    const laneId = cell?.laneId ?? original.lane_id;
    const position = cell
      ? cellCards(sim, stageId, laneId).length
      : (sim.cards.find((c) => c.id === original.id)?.position ?? original.position) + 1;
    const copy: Card = {
      ...plainCard(original),
      id: newId(),
      stage_id: stageId,
      lane_id: laneId,
      position,
    };
    const op: Op = { type: "AddCard", card: copy };
    applyOp(sim, op);
    ops.push(op);
    ids.push(copy.id);
  }
  return { ops, ids };
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

/**
 * New cards of these texts in one cell, one after another from `position`, as one batch.
 */
export function textsAsCardsOps(
  cell: { stageId: string; laneId: string },
  position: number,
  texts: string[],
  newId: () => string,
): { ops: Op[]; ids: string[] } {
  const cards = texts.map((text, i) =>
    blankCard(newId(), cell.stageId, cell.laneId, position + i, text),
  );
  return {
    ops: cards.map((card) => ({ type: "AddCard" as const, card })),
    ids: cards.map((c) => c.id),
  };
}
