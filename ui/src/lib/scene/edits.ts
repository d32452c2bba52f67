// Every edit the UI makes, by name: each builds the batch of operations the editor sends as one
// undoable step. Components call these and never build an operation themselves. An edit that
// would change nothing is an empty batch, which the editor ignores.

import type {
  Card,
  EmotionState,
  JourneyMap,
  Lane,
  LaneKind,
  Op,
  Persona,
  Stage,
} from "../ipc/types";
import { newId } from "../ids";
import { LANE_COLOURS, LANE_NAMES, LANE_TITLES, SWATCHES } from "../format";
import { blankCard, cellCards, plainCard } from "./cards";
import { applyOp } from "./ops";

/** A batch, and the ids of what it adds (to select, focus or rename them next). */
export interface Added {
  ops: Op[];
  ids: string[];
}

/** A cell, and the place among its cards. */
export interface Slot {
  stageId: string;
  laneId: string;
  index: number;
}

type Cell = Omit<Slot, "index">;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether `change` would change `item`. */
function changes<T extends object>(item: T, change: Partial<T>): boolean {
  return Object.entries(change).some(([key, value]) => !same(item[key as keyof T], value));
}

/** A copy of the map to try a batch on, without touching what the canvas shows. */
function sandbox(map: JourneyMap): JourneyMap {
  return { ...map, cards: map.cards.map((c) => ({ ...c })) };
}

// The map itself.

export function setTitle(map: JourneyMap, title: string): Op[] {
  return title && title !== map.title ? [{ type: "SetTitle", title }] : [];
}

// Stages.

export function addStage(index: number, id: string = newId()): Added {
  const stage: Stage = { id, name: "New stage", description: "", colour: null, width: null };
  return { ops: [{ type: "AddStage", stage, index }], ids: [id] };
}

/** Renames, recolours or resizes a stage (a null width is the default width). */
export function updateStage(stage: Stage, change: Partial<Omit<Stage, "id">>): Op[] {
  return changes(stage, change) ? [{ type: "UpdateStage", stage: { ...stage, ...change } }] : [];
}

export function moveStage(id: string, index: number): Op[] {
  return [{ type: "MoveStage", id, index }];
}

export function removeStage(id: string): Op[] {
  return [{ type: "RemoveStage", id }];
}

// Lanes.

/** A lane of `kind` at the bottom, under its kind's usual title. */
export function addLane(map: JourneyMap, kind: LaneKind, id: string = newId()): Added {
  const lane: Lane = { id, kind, title: LANE_TITLES[kind], collapsed: false };
  return { ops: [{ type: "AddLane", lane, index: map.lanes.length }], ids: [id] };
}

/** Renames, folds or unfolds a lane. */
export function updateLane(lane: Lane, change: Partial<Omit<Lane, "id">>): Op[] {
  return changes(lane, change) ? [{ type: "UpdateLane", lane: { ...lane, ...change } }] : [];
}

export function moveLane(id: string, index: number): Op[] {
  return [{ type: "MoveLane", id, index }];
}

export function removeLane(id: string): Op[] {
  return [{ type: "RemoveLane", id }];
}

// Cards.

/** A card of `text` at `slot`. */
export function addCard(slot: Slot, text: string, id: string = newId()): Added {
  const card = blankCard(id, slot.stageId, slot.laneId, slot.index, text);
  return { ops: [{ type: "AddCard", card }], ids: [id] };
}

/**
 * A card from a palette chip of `kind`, typed with the kind's name. In a lane of another kind
 * it keeps its kind's colour.
 */
export function addKindCard(map: JourneyMap, kind: LaneKind, slot: Slot): Added {
  const added = addCard(slot, LANE_NAMES[kind]);
  const lane = map.lanes.find((l) => l.id === slot.laneId);
  const op = added.ops[0];
  if (op?.type === "AddCard" && lane && lane.kind !== kind) op.card.colour = LANE_COLOURS[kind];
  return added;
}

/** New cards of these texts in one cell, one after another from `position`. */
export function addTexts(
  cell: Cell,
  position: number,
  texts: string[],
  makeId: () => string = newId,
): Added {
  const cards = texts.map((text, i) =>
    blankCard(makeId(), cell.stageId, cell.laneId, position + i, text),
  );
  return {
    ops: cards.map((card) => ({ type: "AddCard" as const, card })),
    ids: cards.map((c) => c.id),
  };
}

export function setCardText(card: Card, text: string): Op[] {
  return updateCards([card], { text });
}

/** The card takes the first text; the others become new cards just after it. */
export function splitCard(card: Card, texts: string[]): Added {
  const [first = "", ...rest] = texts;
  const cell = { stageId: card.stage_id, laneId: card.lane_id };
  const added = addTexts(cell, card.position + 1, rest);
  return { ops: [...setCardText(card, first), ...added.ops], ids: added.ids };
}

/** Changes these cards, leaving out those it would not change. */
export function updateCards(cards: Card[], change: Partial<Omit<Card, "id">>): Op[] {
  return cards
    .filter((card) => changes(card, change))
    .map((card) => ({ type: "UpdateCard" as const, card: { ...plainCard(card), ...change } }));
}

export function removeCards(cards: Card[]): Op[] {
  return cards.map((card) => ({ type: "RemoveCard" as const, id: card.id }));
}

/**
 * The moves that put `ids` (in this order) together into a cell, before the card that is
 * `index`th among the cell's other cards. Moves that change nothing are left out.
 */
export function moveCards(map: JourneyMap, ids: string[], slot: Slot): Op[] {
  const { stageId, laneId, index } = slot;
  const moving = new Set(ids);
  const sim = sandbox(map);
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

/**
 * Copies of `cards` with fresh ids: each at the end of the cell `cells` gives it, or (without
 * cells) just after its original.
 */
export function copyCards(
  map: JourneyMap,
  cards: Card[],
  cells: Cell[] | null,
  makeId: () => string = newId,
): Added {
  const sim = sandbox(map);
  const ops: Op[] = [];
  const ids: string[] = [];
  for (const [i, original] of cards.entries()) {
    const cell = cells?.[i] ?? null;
    const stageId = cell?.stageId ?? original.stage_id;
    const laneId = cell?.laneId ?? original.lane_id;
    const position = cell
      ? cellCards(sim, stageId, laneId).length
      : (sim.cards.find((c) => c.id === original.id)?.position ?? original.position) + 1;
    // Without the original's order key: the copy gets one of its own at `position`.
    const copy: Card = {
      ...plainCard(original),
      id: makeId(),
      stage_id: stageId,
      lane_id: laneId,
      position,
      order: "",
    };
    const op: Op = { type: "AddCard", card: copy };
    applyOp(sim, op);
    ops.push(op);
    ids.push(copy.id);
  }
  return { ops, ids };
}

// The emotion curve.

/** Where on the curve: a persona's score at a stage, in one state. */
export interface CurvePoint {
  personaId: string;
  stageId: string;
  state: EmotionState;
}

function emotionAt(map: JourneyMap, at: CurvePoint) {
  return map.emotions.find(
    (e) => e.persona_id === at.personaId && e.stage_id === at.stageId && e.state === at.state,
  );
}

function setEmotion(at: CurvePoint, score: number | null, note: string | null): Op[] {
  const { personaId, stageId, state } = at;
  return [{ type: "SetEmotion", persona_id: personaId, stage_id: stageId, state, score, note }];
}

/** Scores a point of the curve, keeping its note; null takes the point (and note) away. */
export function scoreEmotion(map: JourneyMap, at: CurvePoint, score: number | null): Op[] {
  const existing = emotionAt(map, at);
  if ((existing?.score ?? null) === score) return [];
  return setEmotion(at, score, score === null ? null : (existing?.note ?? null));
}

/** Notes a point of the curve, scoring it neutral when it had no score. */
export function noteEmotion(map: JourneyMap, at: CurvePoint, note: string | null): Op[] {
  const existing = emotionAt(map, at);
  if ((existing?.note ?? null) === note) return [];
  return setEmotion(at, existing?.score ?? 0, note);
}

// Personas.

/** A persona at the end, named by its number, in the first colour no other persona has. */
export function addPersona(map: JourneyMap, id: string = newId()): Added {
  const used = new Set(map.personas.map((p) => p.colour));
  const persona: Persona = {
    id,
    name: `Persona ${map.personas.length + 1}`,
    role: "",
    goals: "",
    needs: "",
    frustrations: "",
    quote: "",
    colour: SWATCHES.find((c) => !used.has(c)) ?? SWATCHES[0]!,
    initials: "",
  };
  return { ops: [{ type: "AddPersona", persona, index: map.personas.length }], ids: [id] };
}

/** Changes a persona; a persona keeps a name, so a blank one changes nothing. */
export function updatePersona(persona: Persona, change: Partial<Omit<Persona, "id">>): Op[] {
  const next = { ...persona, ...change };
  if (!next.name.trim() || !changes(persona, change)) return [];
  return [{ type: "UpdatePersona", persona: next }];
}

export function removePersona(id: string): Op[] {
  return [{ type: "RemovePersona", id }];
}
