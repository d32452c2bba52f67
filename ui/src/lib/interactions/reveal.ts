// Bringing a part of the map into view: a found card, a listed difference.

import type { Difference, JourneyMap, SearchKind } from "../ipc/types";
import type { CanvasState } from "../scene/canvas.svelte";
import { everyFrameUntil } from "./frames";

/** Scrolls the element to the middle of the canvas. */
export function bringIntoView(element: Element | null | undefined): void {
  element?.scrollIntoView?.({ block: "center", inline: "center", behavior: "smooth" });
}

/** The element of the cell of this stage and lane on the canvas. */
export function cellElement(root: ParentNode, stageId: string, laneId: string): Element | null {
  return root.querySelector(
    `[data-cell][data-stage-id="${CSS.escape(stageId)}"][data-lane-id="${CSS.escape(laneId)}"]`,
  );
}

/** Flashes an element of the canvas, to show which it is. */
function flash(element: Element): void {
  element.classList.remove("flash");
  void (element as HTMLElement).offsetWidth;
  element.classList.add("flash");
}

/**
 * Brings a card into view. A cell far out of view draws no cards, so its cell comes into
 * view first, and the card once it is drawn. `found` is told of the card's element then.
 */
export function revealCard(
  root: ParentNode,
  id: string,
  cell: { stage_id: string | null; lane_id: string | null } | null,
  found?: (element: Element) => void,
): void {
  const escaped = CSS.escape(id);
  const find = () =>
    root.querySelector(`[data-card-id="${escaped}"], [data-ghost-id="${escaped}"]`);
  if (!find() && cell?.stage_id && cell.lane_id) {
    cellElement(root, cell.stage_id, cell.lane_id)?.scrollIntoView({
      block: "center",
      inline: "center",
    });
  }
  everyFrameUntil(() => {
    const element = find();
    if (!element) return false;
    bringIntoView(element);
    found?.(element);
    return true;
  });
}

/** Brings a difference into view on the canvas, and flashes it. */
export function revealDifference(
  scroller: HTMLElement,
  difference: Pick<Difference, "card_id" | "stage_id" | "lane_id">,
): void {
  if (difference.card_id) {
    revealCard(scroller, difference.card_id, difference, flash);
    return;
  }
  const selector = difference.stage_id
    ? `[data-stage-header="${difference.stage_id}"]`
    : difference.lane_id
      ? `[data-lane-header="${difference.lane_id}"]`
      : null;
  const element = selector ? scroller.querySelector<HTMLElement>(selector) : null;
  if (!element) return;
  bringIntoView(element);
  flash(element);
}

/**
 * Brings a library search result into view: a card is selected and shown (once a big map has
 * laid it out), a stage or lane shown; a curve note ("persona/stage/state") shows its stage.
 * Returns the persona whose panel should open, for a persona or a note.
 */
export function revealPart(
  scroller: HTMLElement,
  canvas: CanvasState,
  map: JourneyMap,
  part: { kind: SearchKind; id: string },
): string | null {
  const none = { card_id: null, stage_id: null, lane_id: null };
  const [persona = "", stage = null] = part.id.split("/");
  if (part.kind === "card") {
    canvas.selection.clear();
    canvas.selection.add(part.id);
    const card = map.cards.find((c) => c.id === part.id);
    revealCard(
      scroller,
      part.id,
      card ? { stage_id: card.stage_id, lane_id: card.lane_id } : null,
      flash,
    );
  } else if (part.kind === "stage" || part.kind === "note") {
    revealDifference(scroller, { ...none, stage_id: part.kind === "stage" ? part.id : stage });
  } else if (part.kind === "lane") {
    revealDifference(scroller, { ...none, lane_id: part.id });
  }
  return part.kind === "persona" || part.kind === "note" ? persona : null;
}
