import type { Card, JourneyMap } from "../src/lib/ipc/types";
import { blankCard } from "../src/lib/scene/cards";

export function card(id: string, stage: string, lane: string, position: number, text = id): Card {
  return blankCard(id, stage, lane, position, text);
}

/** Two stages, two lanes, three cards, one persona with a curve. */
export function smallMap(): JourneyMap {
  return {
    id: "map-1",
    title: "Checkout journey",
    description: "",
    created_at: 0,
    updated_at: 0,
    revision: 4,
    personas: [
      {
        id: "p1",
        name: "Maya Okafor",
        role: "Parent",
        goals: "",
        needs: "",
        frustrations: "",
        quote: "",
        colour: "#d1495b",
        initials: "",
      },
    ],
    stages: [
      { id: "s1", name: "Awareness", description: "", colour: null, width: null },
      { id: "s2", name: "Decision", description: "", colour: null, width: null },
    ],
    lanes: [
      { id: "l1", kind: "actions", title: "Customer actions", collapsed: false },
      { id: "l2", kind: "emotions", title: "Emotions", collapsed: false },
    ],
    cards: [card("a", "s1", "l1", 0), card("b", "s1", "l1", 1), card("c", "s2", "l1", 0)],
    emotions: [
      { persona_id: "p1", stage_id: "s1", state: "current", score: 1, note: null },
      { persona_id: "p1", stage_id: "s2", state: "current", score: -2, note: "Hidden fees" },
    ],
  };
}

/** The small map with touchpoint, pain-point, opportunity and KPI lanes, and a second persona
 * who has no scores yet. */
export function richMap(): JourneyMap {
  const map = smallMap();
  map.lanes.push(
    { id: "l3", kind: "touchpoints", title: "Touchpoints", collapsed: false },
    { id: "l4", kind: "pain_points", title: "Pain points", collapsed: false },
    { id: "l5", kind: "opportunities", title: "Opportunities", collapsed: false },
    { id: "l6", kind: "kpis", title: "KPIs", collapsed: false },
  );
  map.cards.push(
    { ...card("t", "s1", "l3", 0, "Instagram ad"), channel: "Email" },
    { ...card("p", "s2", "l4", 0, "Surprise fees"), severity: 4 },
    { ...card("k", "s2", "l6", 0, "Conversion"), metric_value: "3%" },
  );
  map.personas.push({
    id: "p2",
    name: "Sam Lee",
    role: "Student",
    goals: "",
    needs: "",
    frustrations: "",
    quote: "",
    colour: "#2f9e44",
    initials: "",
  });
  return map;
}
