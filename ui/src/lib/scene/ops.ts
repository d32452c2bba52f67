// Applies operations to the in-memory map, exactly as waymark-core does, so the canvas can show
// an edit at once. The store stays the judge: a batch it refuses is rolled back.

import type { Card, JourneyMap, LaneKind, Op } from "../ipc/types";
import { keyAt } from "./order";

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

const byKey = (a: Card, b: Card) =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Puts a card into its cell: where its order key sorts, or without one at its position with
 * a key between its neighbours' (spreading the neighbours' keys when it would be long).
 */
function insertCard(map: JourneyMap, card: Card): void {
  const cell = map.cards
    .filter((c) => inCell(c, card.stage_id, card.lane_id))
    .sort((a, b) => a.position - b.position);
  const placed = { ...card };
  if (!placed.order) {
    placed.position = Math.min(card.position, cell.length);
    const { key, spread } = keyAt(
      cell.map((c) => c.order),
      placed.position,
    );
    spread?.keys.forEach((fresh, i) => (cell[spread.start + i]!.order = fresh));
    placed.order = key;
  } else {
    placed.position = cell.filter((c) => byKey(c, placed) < 0).length;
  }
  for (const other of cell) if (other.position >= placed.position) other.position += 1;
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
          order: current.order,
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
          order: op.order ?? "",
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
