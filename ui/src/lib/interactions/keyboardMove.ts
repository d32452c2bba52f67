// Moving a card with the keyboard: Space picks it up, the arrows move it, Space drops it and
// Escape puts it back. The screen reader hears each step.

import { announcer } from "../a11y/announcer.svelte";
import type { CanvasState, CardSlot } from "../scene/canvas.svelte";
import type { MapEditor } from "../scene/editor.svelte";
import { cellCards } from "../scene/cards";
import { moveCards } from "../scene/edits";
import { describeSlot } from "./cardDrag";

/** Puts the focus back on a card after it was drawn again somewhere else. */
export function focusCard(id: string): void {
  requestAnimationFrame(() =>
    Array.from(document.querySelectorAll<HTMLElement>("[data-card-id]"))
      .find((el) => el.dataset.cardId === id)
      ?.focus(),
  );
}

export function pickUp(editor: MapEditor, canvas: CanvasState, id: string): void {
  const card = editor.map.cards.find((c) => c.id === id);
  if (!card) return;
  canvas.lifted = id;
  canvas.dragged = new Set([id]);
  canvas.slot = { stageId: card.stage_id, laneId: card.lane_id, index: card.position };
  announcer.say(
    `Picked up “${card.text.slice(0, 60)}”. ${describeSlot(editor, canvas.slot, [id])}. ` +
      "Use the arrow keys to move it, Space to drop it, Escape to cancel.",
  );
}

/** The slot one arrow key away from `slot`. */
export function stepSlot(editor: MapEditor, slot: CardSlot, key: string, moving: string): CardSlot {
  const map = editor.map;
  const others = (stageId: string, laneId: string) =>
    cellCards(map, stageId, laneId).filter((c) => c.id !== moving).length;
  const stage = map.stages.findIndex((s) => s.id === slot.stageId);
  const lane = map.lanes.findIndex((l) => l.id === slot.laneId);
  if (key === "ArrowLeft" || key === "ArrowRight") {
    const next = map.stages[stage + (key === "ArrowLeft" ? -1 : 1)];
    if (!next) return slot;
    return { ...slot, stageId: next.id, index: Math.min(slot.index, others(next.id, slot.laneId)) };
  }
  if (key === "ArrowUp") {
    if (slot.index > 0) return { ...slot, index: slot.index - 1 };
    const above = map.lanes[lane - 1];
    return above ? { ...slot, laneId: above.id, index: others(slot.stageId, above.id) } : slot;
  }
  if (key === "ArrowDown") {
    if (slot.index < others(slot.stageId, slot.laneId)) return { ...slot, index: slot.index + 1 };
    const below = map.lanes[lane + 1];
    return below ? { ...slot, laneId: below.id, index: 0 } : slot;
  }
  return slot;
}

/** Handles a key while a card is lifted; true when the key was used. */
export function liftedKey(editor: MapEditor, canvas: CanvasState, event: KeyboardEvent): boolean {
  const id = canvas.lifted;
  const slot = canvas.slot;
  if (!id || !slot) return false;
  if (event.key.startsWith("Arrow")) {
    const next = stepSlot(editor, slot, event.key, id);
    if (next !== slot) {
      canvas.slot = next;
      announcer.say(describeSlot(editor, next, [id]));
    }
    return true;
  }
  if (event.key === " " || event.key === "Enter") {
    const ops = moveCards(editor.map, [id], slot);
    canvas.endMove();
    editor.apply(ops);
    announcer.say(
      ops.length ? `Dropped. Now in ${describeSlot(editor, slot, [id])}.` : "Dropped where it was.",
    );
    focusCard(id);
    return true;
  }
  if (event.key === "Escape") {
    canvas.endMove();
    announcer.say("Move cancelled; the card is back where it was.");
    focusCard(id);
    return true;
  }
  return false;
}
