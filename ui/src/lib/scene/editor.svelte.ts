// The open map: shown optimistically, saved batch by batch, rolled back when the store refuses.

import { AppError, mutate, query } from "../ipc/commands";
import type { Applied, HistoryStep, JourneyMap, Op } from "../ipc/types";
import { applyOp } from "./ops";

export type SaveState = "saved" | "saving" | "error";

const NO_MAP: JourneyMap = {
  id: "",
  title: "",
  description: "",
  created_at: 0,
  updated_at: 0,
  revision: 0,
  personas: [],
  stages: [],
  lanes: [],
  cards: [],
  emotions: [],
};

export class MapEditor {
  /** What the canvas shows: the last saved map plus edits on their way to disk. */
  map: JourneyMap = $state(NO_MAP);
  saveState: SaveState = $state("saved");
  error: string | null = $state(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /**
   * Set once the library file was moved or deleted: edits stay on screen, in memory only,
   * so that "Save a copy" keeps them; nothing more is sent.
   */
  detached = $state(false);
  /** A version shown read-only: nothing is applied or sent. */
  readonly viewOnly: boolean;

  /** The map as the store last acknowledged it. */
  private saved: JourneyMap;
  private queue: Op[][] = [];
  private flushing: Promise<void> | null = null;

  private constructor(map: JourneyMap, canUndo: boolean, canRedo: boolean, viewOnly = false) {
    this.viewOnly = viewOnly;
    // A map only looked at is never rolled back to.
    this.saved = viewOnly ? map : structuredClone(map);
    this.map = map;
    this.canUndo = canUndo;
    this.canRedo = canRedo;
  }

  /** Opens a map from the library. */
  static async open(mapId: string): Promise<MapEditor> {
    const opened = await query.openMap(mapId);
    return new MapEditor(opened.map, opened.can_undo, opened.can_redo);
  }

  /** A map to look at, not to change: a version, or one side of a comparison. */
  static view(map: JourneyMap): MapEditor {
    return new MapEditor(map, false, false, true);
  }

  /** A map looked at becomes `next`: only the parts that differ are replaced, so a big map
   * redraws only what changed (a merge after one choice). */
  showInstead(next: JourneyMap): void {
    if (!this.viewOnly) return;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const map = this.map;
    const cards = map.cards;
    const sameCards =
      cards.length === next.cards.length && cards.every((c, i) => c.id === next.cards[i]!.id);
    if (sameCards) {
      next.cards.forEach((card, i) => {
        if (!same(cards[i], card)) cards[i] = card;
      });
    } else {
      map.cards = next.cards;
    }
    for (const key of [
      "title",
      "description",
      "personas",
      "stages",
      "lanes",
      "emotions",
    ] as const) {
      if (!same(map[key], next[key])) (map as Record<string, unknown>)[key] = next[key];
    }
    map.revision = next.revision;
  }

  /** Shows a gesture's operations at once and queues them as one undoable batch. */
  apply(edit: Op[]): void {
    if (edit.length === 0 || this.viewOnly) return;
    // Plain copies: operations are often built from the reactive map's own objects.
    const ops = $state.snapshot(edit) as Op[];
    for (const op of ops) applyOp(this.map, structuredClone(op));
    if (this.detached) return;
    this.queue.push(ops);
    this.saveState = "saving";
    this.error = null;
    this.flushing ??= this.flush();
  }

  /** Resolves when every queued edit is on disk (or was refused). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async undo(): Promise<void> {
    await this.historyStep(() => mutate.undo(this.saved.id));
  }

  async redo(): Promise<void> {
    await this.historyStep(() => mutate.redo(this.saved.id));
  }

  private async flush(): Promise<void> {
    try {
      for (let ops = this.queue.shift(); ops; ops = this.queue.shift()) {
        try {
          const applied = await mutate.applyOps(this.saved.id, this.saved.revision, ops);
          for (const op of ops) applyOp(this.saved, structuredClone(op));
          this.acknowledge(applied);
        } catch (error) {
          await this.rollBack(error);
          return;
        }
      }
      this.saveState = "saved";
    } finally {
      this.flushing = null;
    }
  }

  private acknowledge(applied: Applied): void {
    this.saved.revision = applied.revision;
    this.map.revision = applied.revision;
    this.canUndo = applied.can_undo;
    this.canRedo = applied.can_redo;
  }

  /** Drops the refused batch and everything queued after it, and shows the saved map. */
  private async rollBack(error: unknown): Promise<void> {
    this.queue = [];
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof AppError && error.code === "library_moved") {
      // Nothing can be saved any more: what the user sees is the only copy; keep it.
      this.detached = true;
      this.canUndo = false;
      this.canRedo = false;
    } else if (error instanceof AppError && error.code === "conflict") {
      await this.reload();
    } else {
      this.map = structuredClone(this.saved);
    }
    this.saveState = "error";
    this.error = this.detached ? "the library file was moved or deleted" : message;
  }

  private async historyStep(step: () => Promise<HistoryStep>): Promise<void> {
    await this.idle();
    if (this.detached) return;
    this.saveState = "saving";
    try {
      // The store says what it applied; the canvas applies the same, without reloading.
      const done = await step();
      for (const op of done.ops) {
        applyOp(this.saved, structuredClone(op));
        applyOp(this.map, structuredClone(op));
      }
      this.acknowledge(done);
      this.saveState = "saved";
      this.error = null;
    } catch (error) {
      this.saveState = "error";
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Shows the map as stored, after a change made elsewhere (a restore). */
  async refresh(): Promise<void> {
    await this.idle();
    await this.reload();
    this.saveState = "saved";
    this.error = null;
  }

  private async reload(): Promise<void> {
    const opened = await query.openMap(this.saved.id);
    this.saved = structuredClone(opened.map);
    this.map = opened.map;
    this.canUndo = opened.can_undo;
    this.canRedo = opened.can_redo;
  }
}
