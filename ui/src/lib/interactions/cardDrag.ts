// Dragging cards between cells, and palette chips onto cells, with the pointer.

import { LABEL_WIDTH } from "../scene/layout";
import { announcer } from "../a11y/announcer.svelte";
import type { LaneKind } from "../ipc/types";
import type { CanvasState, CardSlot } from "../scene/canvas.svelte";
import type { MapEditor } from "../scene/editor.svelte";
import { cellCards, inMapOrder } from "../scene/cards";
import { addKindCard as newKindCard, moveCards } from "../scene/edits";
import { slotAt, trackPointer } from "./pointer";
import { LANE_COLOURS, LANE_NAMES, count } from "../format";

/** A label that follows the pointer; it ignores the pointer so hit-testing sees what is below. */
class Ghost {
  private el = document.createElement("div");

  constructor(label: string, colour: string) {
    this.el.className = "drag-ghost";
    this.el.textContent = label;
    this.el.style.setProperty("--ghost-colour", colour);
    this.el.setAttribute("aria-hidden", "true");
    document.body.append(this.el);
  }

  moveTo(x: number, y: number): void {
    this.el.style.transform = `translate(${x + 12}px, ${y + 8}px)`;
  }

  remove(): void {
    this.el.remove();
  }
}

/**
 * The line showing where dragged cards would land. It floats above the canvas, so moving it
 * never changes the layout of the cards under the pointer.
 */
class DropLine {
  private el = document.createElement("div");

  constructor() {
    this.el.className = "drop-marker";
    this.el.dataset.testid = "drop-line";
    this.el.setAttribute("aria-hidden", "true");
    this.el.hidden = true;
    document.body.append(this.el);
  }

  show(at: { x: number; y: number; width: number } | null): void {
    this.el.hidden = !at;
    if (at) {
      this.el.style.transform = `translate(${at.x}px, ${at.y - 1.5}px)`;
      this.el.style.width = `${at.width}px`;
    }
  }

  remove(): void {
    this.el.remove();
  }
}

interface SlotAtPoint {
  slot: CardSlot;
  /** Where the drop line goes, in window coordinates. */
  line: { x: number; y: number; width: number };
}

/** The cell under a point and the slot among its cards (other than `dragged`) there. */
export function slotAtPoint(
  x: number,
  y: number,
  dragged: ReadonlySet<string>,
): SlotAtPoint | null {
  const cell = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-cell]");
  const stageId = cell?.dataset.stageId;
  const laneId = cell?.dataset.laneId;
  if (!cell || !stageId || !laneId) return null;
  const cards = Array.from(cell.querySelectorAll<HTMLElement>("[data-card-id]"))
    .filter((el) => !dragged.has(el.dataset.cardId ?? ""))
    .map((el) => el.getBoundingClientRect());
  const index = slotAt(
    y,
    cards.map((r) => ({ start: r.top, size: r.height })),
  );
  const box = cell.getBoundingClientRect();
  const inset = 8 * (box.width / cell.offsetWidth || 1);
  const before = cards[index - 1];
  const after = cards[index];
  const lineY =
    before && after
      ? (before.bottom + after.top) / 2
      : after
        ? after.top - inset / 2
        : before
          ? before.bottom + inset / 2
          : box.top + inset;
  return {
    slot: { stageId, laneId, index },
    line: { x: box.left + inset, y: lineY, width: box.width - 2 * inset },
  };
}

/** Scrolls the canvas when the pointer nears the edge of the scene (inside the frozen headers)
 * during a drag. */
function autoScroll(scroller: Element | null, headerHeight: number, x: number, y: number): void {
  if (!scroller) return;
  const box = scroller.getBoundingClientRect();
  const rect = { ...box.toJSON(), left: box.left + LABEL_WIDTH, top: box.top + headerHeight };
  const edge = 48;
  const step = (distance: number) => Math.ceil(((edge - distance) / edge) * 24);
  if (x < rect.left + edge) scroller.scrollLeft -= step(x - rect.left);
  else if (x > rect.right - edge) scroller.scrollLeft += step(rect.right - x);
  if (y < rect.top + edge) scroller.scrollTop -= step(y - rect.top);
  else if (y > rect.bottom - edge) scroller.scrollTop += step(rect.bottom - y);
}

/**
 * Describes a cell for announcements: "Pain points, Checkout, position 2 of 3". The cards
 * `moving` there count in the cell, whether or not they are in it yet.
 */
export function describeSlot(editor: MapEditor, slot: CardSlot, moving: string[] = []): string {
  const map = editor.map;
  const stage = map.stages.find((s) => s.id === slot.stageId)?.name ?? "";
  const lane = map.lanes.find((l) => l.id === slot.laneId)?.title ?? "";
  const staying = cellCards(map, slot.stageId, slot.laneId).filter((c) => !moving.includes(c.id));
  return `${lane}, ${stage}, position ${slot.index + 1} of ${staying.length + moving.length}`;
}

interface CellDrop {
  /** What the ghost under the pointer says, and its colour. */
  label: string;
  colour: string;
  /** Cards that travel with the pointer, left out of the slot count. */
  dragged: ReadonlySet<string>;
  drop(slot: CardSlot): void;
  cancel?(): void;
}

/**
 * Follows a drag that ends on a cell: a ghost under the pointer, a line where it would land,
 * the canvas scrolling at its edges. `drop` gets the slot; nothing happens off the cells.
 */
function dragOntoCell(down: PointerEvent, canvas: CanvasState, drag: () => CellDrop): void {
  let ghost: Ghost | null = null;
  let line: DropLine | null = null;
  let plan: CellDrop | null = null;
  const scroller = document.querySelector("[data-scroller]");
  const end = () => {
    ghost?.remove();
    line?.remove();
    canvas.endMove();
  };
  trackPointer(down, {
    start(event) {
      plan = drag();
      canvas.dragged = plan.dragged;
      ghost = new Ghost(plan.label.slice(0, 80), plan.colour);
      ghost.moveTo(event.clientX, event.clientY);
      line = new DropLine();
    },
    move(event) {
      ghost?.moveTo(event.clientX, event.clientY);
      autoScroll(scroller, canvas.headerHeight, event.clientX, event.clientY);
      const found = slotAtPoint(event.clientX, event.clientY, canvas.dragged);
      line?.show(found?.line ?? null);
      setSlot(canvas, found?.slot ?? null);
    },
    drop() {
      const slot = canvas.slot;
      end();
      if (slot) plan?.drop(slot);
    },
    cancel() {
      end();
      plan?.cancel?.();
    },
  });
}

/** Changes the slot only when it is a different one, so cells redraw only then. */
function setSlot(canvas: CanvasState, slot: CardSlot | null): void {
  const now = canvas.slot;
  const same =
    now === slot ||
    (now &&
      slot &&
      now.stageId === slot.stageId &&
      now.laneId === slot.laneId &&
      now.index === slot.index);
  if (!same) canvas.slot = slot;
}

/** Starts dragging the selected cards from a press on one of them. */
export function dragCards(down: PointerEvent, editor: MapEditor, canvas: CanvasState): void {
  dragOntoCell(down, canvas, () => {
    const cards = inMapOrder(editor.map, canvas.selection);
    const ids = cards.map((c) => c.id);
    const first = cards[0];
    return {
      label: cards.length > 1 ? count(cards.length, "card") : first?.text || "Card",
      colour: first?.colour ?? "#3b5bdb",
      dragged: new Set(ids),
      drop(slot) {
        const ops = moveCards(editor.map, ids, slot);
        editor.apply(ops);
        if (ops.length) {
          const where = describeSlot(editor, slot, ids);
          announcer.say(`Moved ${count(ids.length, "card")} to ${where}.`);
        }
      },
      cancel() {
        announcer.say("Move cancelled.");
      },
    };
  });
}

/** Drags a lane-type chip from the palette; dropped on a cell it adds a card there to type in. */
export function dragChip(
  down: PointerEvent,
  kind: LaneKind,
  editor: MapEditor,
  canvas: CanvasState,
): void {
  dragOntoCell(down, canvas, () => ({
    label: LANE_NAMES[kind],
    colour: LANE_COLOURS[kind],
    dragged: new Set(),
    drop: (slot) => addKindCard(editor, canvas, kind, slot),
  }));
}

/**
 * Adds a card of a palette chip's kind at `slot` (without one: at the end of the active cell,
 * else of the first lane of that kind in the first stage) and opens it for typing. A card
 * dropped in another kind's lane keeps its kind's colour.
 */
export function addKindCard(
  editor: MapEditor,
  canvas: CanvasState,
  kind: LaneKind,
  slot?: CardSlot,
): void {
  const map = editor.map;
  const lane =
    map.lanes.find((l) => l.id === (slot?.laneId ?? canvas.activeCell?.laneId)) ??
    map.lanes.find((l) => l.kind === kind) ??
    map.lanes.find((l) => l.kind !== "emotions") ??
    map.lanes[0];
  const stageId = slot?.stageId ?? canvas.activeCell?.stageId ?? map.stages[0]?.id;
  if (!lane || !stageId) return;
  const index = slot?.index ?? cellCards(map, stageId, lane.id).length;
  const where = { stageId, laneId: lane.id, index };
  const added = newKindCard(map, kind, where);
  editor.apply(added.ops);
  canvas.selectOnly(added.ids);
  canvas.editing = added.ids[0] ?? null;
  announcer.say(`Added a ${LANE_NAMES[kind]} card to ${describeSlot(editor, where)}.`);
}
