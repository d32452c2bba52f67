// Bringing a part of the map into view: a found card, a listed difference.

import type { Difference } from "../ipc/types";

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
