// Bringing a part of the map into view: a found card, a listed difference.

import type { Difference, SearchKind } from "../ipc/types";
import type { CanvasState } from "../scene/canvas.svelte";
import { everyFrameUntil } from "./frames";

/** Scrolls the element to the middle of the canvas. */
export function bringIntoView(element: Element | null | undefined): void {
  element?.scrollIntoView?.({ block: "center", inline: "center", behavior: "smooth" });
}

/** Brings a difference into view on the canvas, and flashes it. */
export function revealDifference(
  scroller: HTMLElement,
  difference: Pick<Difference, "card_id" | "stage_id" | "lane_id">,
): void {
  const selector = difference.card_id
    ? `[data-card-id="${difference.card_id}"], [data-ghost-id="${difference.card_id}"]`
    : difference.stage_id
      ? `[data-stage-header="${difference.stage_id}"]`
      : difference.lane_id
        ? `[data-lane-header="${difference.lane_id}"]`
        : null;
  const element = selector ? scroller.querySelector<HTMLElement>(selector) : null;
  if (!element) return;
  bringIntoView(element);
  element.classList.remove("flash");
  void element.offsetWidth;
  element.classList.add("flash");
}

/**
 * Brings a library search result into view: a card is selected and shown (once a big map has
 * laid it out), a stage or lane shown; a curve note ("persona/stage/state") shows its stage.
 * Returns the persona whose panel should open, for a persona or a note.
 */
export function revealPart(
  scroller: HTMLElement,
  canvas: CanvasState,
  part: { kind: SearchKind; id: string },
): string | null {
  const none = { card_id: null, stage_id: null, lane_id: null };
  const [persona = "", stage = null] = part.id.split("/");
  if (part.kind === "card") {
    canvas.selection.clear();
    canvas.selection.add(part.id);
    everyFrameUntil(() => {
      if (!scroller.querySelector(`[data-card-id="${part.id}"]`)) return false;
      revealDifference(scroller, { ...none, card_id: part.id });
      return true;
    });
  } else if (part.kind === "stage" || part.kind === "note") {
    revealDifference(scroller, { ...none, stage_id: part.kind === "stage" ? part.id : stage });
  } else if (part.kind === "lane") {
    revealDifference(scroller, { ...none, lane_id: part.id });
  }
  return part.kind === "persona" || part.kind === "note" ? persona : null;
}
