// Find in map: the cards whose words hold what was typed, in reading order.

import type { Card, JourneyMap } from "../ipc/types";
import { inMapOrder } from "./cards";

/** Text as compared: lower case, without accents ("Café" finds "cafe" and "CAFÉ"). */
export function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

/** What a card can be found by: its text, channel, tags and metric. */
function words(card: Card): string {
  return [card.text, card.channel, card.metric_value, card.metric_target, ...card.tags]
    .filter((part): part is string => !!part)
    .join("\n");
}

/** The ids of the cards that hold `query`, stage by stage, lane by lane, top to bottom. */
export function findCards(map: JourneyMap, query: string): string[] {
  const wanted = folded(query.trim());
  if (!wanted) return [];
  const found = map.cards.filter((card) => folded(words(card)).includes(wanted));
  return inMapOrder(
    map,
    found.map((c) => c.id),
  ).map((c) => c.id);
}

/** The next match after `index`, wrapping round; `step` is 1 or −1. */
export function stepMatch(index: number, count: number, step: 1 | -1): number {
  if (count === 0) return 0;
  return (index + step + count) % count;
}
