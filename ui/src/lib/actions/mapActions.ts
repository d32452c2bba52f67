// The map editor's actions: the cards' clipboard, deletion and selection, history and zoom.

import { announcer } from "../a11y/announcer.svelte";
import { count } from "../format";
import { fit, settledZoom, zoomTo, zoomToCards } from "../interactions/zoom";
import { stepZoom } from "../scene/layout";
import { inMapOrder, pasteCells } from "../scene/cards";
import { CanvasState, clipboard, copyToClipboard } from "../scene/canvas.svelte";
import { copyCards, removeCards } from "../scene/edits";
import type { MapEditor } from "../scene/editor.svelte";
import { defineActions, type Actions } from "./registry";

export interface MapContext {
  editor(): MapEditor | null;
  canvas: CanvasState;
  /** The scrolling canvas, once shown. */
  scroller(): HTMLElement | null;
  /** Runs before an undo: a message about the edit being undone goes with it. */
  beforeUndo?(): void;
  /** Asks for a version's name and saves it. */
  saveVersion(): void;
  /** Opens Find in map. */
  find(): void;
}

export function mapActions(context: MapContext): Actions {
  const { canvas } = context;
  const selected = () => {
    const editor = context.editor();
    return editor ? inMapOrder(editor.map, canvas.selection) : [];
  };
  const hasSelection = () => canvas.selection.size > 0 && context.editor() !== null;
  /** Puts the selected cards on the clipboard (their texts on the system's); returns them. */
  const copySelected = () => {
    const editor = context.editor();
    const cards = selected();
    if (!editor || !cards.length) return [];
    copyToClipboard(editor.map, cards);
    navigator.clipboard?.writeText(cards.map((c) => c.text).join("\n\n")).catch(() => {});
    return cards;
  };
  const zoom = (by: 1 | -1) => {
    const scroller = context.scroller();
    if (scroller) zoomTo(scroller, canvas, stepZoom(settledZoom(canvas), by));
  };

  return defineActions({
    undo: {
      enabled: () => !!context.editor()?.canUndo,
      run() {
        context.beforeUndo?.();
        context.editor()?.undo();
      },
    },
    redo: {
      enabled: () => !!context.editor()?.canRedo,
      run: () => context.editor()?.redo(),
    },
    copy: {
      enabled: hasSelection,
      run() {
        const cards = copySelected();
        if (cards.length) announcer.say(`Copied ${count(cards.length, "card")}.`);
      },
    },
    cut: {
      enabled: hasSelection,
      run() {
        const editor = context.editor();
        const cards = copySelected();
        if (!editor || !cards.length) return;
        editor.apply(removeCards(cards));
        canvas.selection.clear();
        announcer.say(`Cut ${count(cards.length, "card")}.`);
      },
    },
    paste: {
      enabled: () => clipboard().length > 0 && context.editor() !== null,
      run: () => paste(context),
    },
    duplicate: {
      enabled: hasSelection,
      run() {
        const editor = context.editor();
        const cards = selected();
        if (!editor || !cards.length) return;
        const { ops, ids } = copyCards(editor.map, cards, null);
        editor.apply(ops);
        canvas.selectOnly(ids);
        announcer.say(`Duplicated ${count(cards.length, "card")}.`);
      },
    },
    delete: {
      enabled: hasSelection,
      run() {
        const editor = context.editor();
        const cards = selected();
        if (!editor || !cards.length) return;
        editor.apply(removeCards(cards));
        canvas.selection.clear();
        announcer.say(`Deleted ${count(cards.length, "card")}. Ctrl+Z brings them back.`);
      },
    },
    "select-all": {
      enabled: () => !!context.editor()?.map.cards.length,
      run() {
        const editor = context.editor();
        if (editor) canvas.selectOnly(editor.map.cards.map((c) => c.id));
      },
    },
    "zoom-in": { run: () => zoom(1) },
    "zoom-out": { run: () => zoom(-1) },
    "zoom-reset": {
      run() {
        const scroller = context.scroller();
        if (scroller) zoomTo(scroller, canvas, 1);
        else canvas.setZoom(1);
      },
    },
    "save-version": {
      enabled: () => !!context.editor() && !context.editor()?.detached,
      run: () => context.saveVersion(),
    },
    "zoom-selection": {
      enabled: hasSelection,
      run() {
        const scroller = context.scroller();
        if (scroller) zoomToCards(scroller, canvas, canvas.selection, context.editor()?.map);
      },
    },
    find: {
      enabled: () => !!context.editor(),
      run: () => context.find(),
    },
    "zoom-fit": {
      run() {
        const scroller = context.scroller();
        if (scroller) fit(scroller, canvas);
      },
    },
  });
}

/**
 * Pastes at the active cell, keeping the cards' places relative to each other; without one,
 * into each card's own cell when this map has it, else from the first stage and lane.
 */
function paste(context: MapContext): void {
  const editor = context.editor();
  const { canvas } = context;
  const clipped = clipboard();
  if (!editor || !clipped.length) return;
  const map = editor.map;
  const stageAt = (id: string) => map.stages.findIndex((s) => s.id === id);
  const laneAt = (id: string) => map.lanes.findIndex((l) => l.id === id);
  const active = canvas.activeCell;
  const cards = clipped.map((c) => c.card);
  let cells = null;
  if (active && stageAt(active.stageId) >= 0 && laneAt(active.laneId) >= 0) {
    const at = { stage: stageAt(active.stageId), lane: laneAt(active.laneId) };
    cells = pasteCells(map, clipped, at);
  } else if (!cards.every((c) => stageAt(c.stage_id) >= 0 && laneAt(c.lane_id) >= 0)) {
    const first = map.lanes.findIndex((l) => l.kind !== "emotions");
    cells = pasteCells(map, clipped, { stage: 0, lane: Math.max(0, first) });
  }
  const { ops, ids } = copyCards(map, cards, cells);
  editor.apply(ops);
  canvas.selectOnly(ids);
  announcer.say(`Pasted ${count(ids.length, "card")}.`);
}
