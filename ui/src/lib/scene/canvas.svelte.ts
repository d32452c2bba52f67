// What the canvas shows besides the map itself: selection, drags in progress, zoom and the
// emotion curve's view. None of it is saved; the map is.

import { SvelteMap, SvelteSet } from "svelte/reactivity";
import { DOMAIN, type Card, type EmotionState, type JourneyMap } from "../ipc/types";
import { plainCard, type ClippedCard } from "./cards";
import { type Box, HEADER_HEIGHT, clampZoom } from "./layout";
import type { Marks } from "./review";

export interface CellRef {
  stageId: string;
  laneId: string;
}

/** Where dragged cards would land: before the `index`th of the cell's other cards. */
export interface CardSlot extends CellRef {
  index: number;
}

export type CurveView = EmotionState | "both";

export const DEFAULT_STAGE_WIDTH = DOMAIN.limits.stage_width_default;

/** Cards copied with Ctrl+C; kept while the app runs, so they paste into any map. */
let copied: ClippedCard[] = [];

export function copyToClipboard(map: JourneyMap, cards: Card[]): void {
  copied = cards.map((card) => ({
    card: plainCard(card),
    stage: map.stages.findIndex((s) => s.id === card.stage_id),
    lane: map.lanes.findIndex((l) => l.id === card.lane_id),
  }));
}

export function clipboard(): ClippedCard[] {
  return copied;
}

export class CanvasState {
  readonly selection = new SvelteSet<string>();
  /** The cards Find in map matched, and the one it is on. */
  readonly found = new SvelteSet<string>();
  foundCurrent: string | null = $state(null);
  /** The cell that paste and new cards go to when nothing is selected. */
  activeCell: CellRef | null = $state(null);
  /** The card whose text is being edited. */
  editing: string | null = $state(null);
  /** A stage or lane just added: its header scrolls into view and opens for renaming. */
  renameNext: string | null = $state(null);

  /** Cards being dragged with the pointer, and where they would land. */
  dragged: ReadonlySet<string> = $state.raw(new SvelteSet<string>());
  slot: CardSlot | null = $state(null);
  /** The card picked up with Space, and where it would go. */
  lifted: string | null = $state(null);

  /** A stage or lane header being dragged, and the slot it would take. */
  movingStage: { id: string; slot: number } | null = $state(null);
  movingLane: { id: string; slot: number } | null = $state(null);
  /** A column edge being dragged: the width shown until it is released. */
  resizing: { id: string; width: number } | null = $state(null);

  /**
   * How many cards each cell draws. A big map first draws a few per cell, so it shows at once,
   * then the rest a batch per frame.
   */
  cardsPerCell = $state(Infinity);

  /** A version or a comparison is shown: nothing on the canvas can be changed. */
  readonly readOnly: boolean;
  /** What a comparison marks on the canvas. */
  marks: Marks | null = $state.raw(null);

  constructor(readOnly = false) {
    this.readOnly = readOnly;
  }

  zoom = $state(1);
  /** The stage header row's height on screen: taller when the names run up the headers. */
  headerHeight = $state(HEADER_HEIGHT);
  /** The header row's height at another zoom, for Fit. */
  headerAt: (zoom: number) => number = () => HEADER_HEIGHT;
  /** The part of the scene in view, or null before it is known (then everything is drawn). */
  inView: Box | null = $state.raw(null);
  /**
   * The height of each cell's cards when it was last drawn, and how many there were: a cell
   * far out of view draws none, and keeps the room they take.
   */
  readonly cellHeights = new SvelteMap<string, { height: number; count: number }>();
  curveView: CurveView = $state("both");
  /** The persona whose curve is shown, or null for all of them. */
  persona: string | null = $state(null);

  select(id: string, extend: boolean): void {
    if (!extend) this.selection.clear();
    if (extend && this.selection.has(id)) this.selection.delete(id);
    else this.selection.add(id);
  }

  selectOnly(ids: Iterable<string>): void {
    this.selection.clear();
    for (const id of ids) this.selection.add(id);
  }

  /** Ends a pointer or keyboard move: nothing is carried and no slot is shown. */
  endMove(): void {
    this.lifted = null;
    this.dragged = new SvelteSet<string>();
    this.slot = null;
  }

  /** The slot shown in a cell, or null when nothing would land there. */
  slotIn(stageId: string, laneId: string): number | null {
    const slot = this.slot;
    return slot && slot.stageId === stageId && slot.laneId === laneId ? slot.index : null;
  }

  setZoom(zoom: number): void {
    this.zoom = clampZoom(zoom);
  }

  showsState(state: EmotionState): boolean {
    return this.curveView === "both" || this.curveView === state;
  }
}
