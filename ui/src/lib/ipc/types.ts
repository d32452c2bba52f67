// The shapes the Rust side sends and accepts (serde's JSON of waymark-core and waymark-store).

export type LaneKind =
  | "actions"
  | "thoughts"
  | "touchpoints"
  | "emotions"
  | "pain_points"
  | "opportunities"
  | "kpis"
  | "backstage"
  | "notes"
  | "custom";

export type EmotionState = "current" | "future";

export interface Persona {
  id: string;
  name: string;
  role: string;
  goals: string;
  needs: string;
  frustrations: string;
  quote: string;
  colour: string;
  /** Up to three letters for the avatar; empty means the initials of the name. */
  initials: string;
}

export interface Stage {
  id: string;
  name: string;
  description: string;
  colour: string | null;
  /** The column width in points; null is the default. */
  width: number | null;
}

export interface Lane {
  id: string;
  kind: LaneKind;
  title: string;
  collapsed: boolean;
}

export interface Card {
  id: string;
  stage_id: string;
  lane_id: string;
  position: number;
  text: string;
  channel: string | null;
  severity: number | null;
  impact: number | null;
  effort: number | null;
  metric_value: string | null;
  metric_target: string | null;
  colour: string | null;
  tags: string[];
}

export interface EmotionScore {
  persona_id: string;
  stage_id: string;
  state: EmotionState;
  score: number;
  note: string | null;
}

export interface JourneyMap {
  id: string;
  title: string;
  description: string;
  created_at: number;
  updated_at: number;
  revision: number;
  personas: Persona[];
  stages: Stage[];
  lanes: Lane[];
  cards: Card[];
  emotions: EmotionScore[];
}

export interface MapSummary {
  id: string;
  title: string;
  updated_at: number;
  stages: number;
  lanes: number;
  cards: number;
  personas: number;
}

export interface TemplateInfo {
  name: string;
  label: string;
  description: string;
  stages: string[];
}

export interface LibraryStatus {
  path: string;
  error: AppErrorShape | null;
}

export interface AppErrorShape {
  code: string;
  message: string;
}

export interface Applied {
  revision: number;
  can_undo: boolean;
  can_redo: boolean;
}

/** An undo or a redo: the operations it applied, and the map's state after it. */
export interface HistoryStep extends Applied {
  ops: Op[];
}

export interface OpenedMap {
  map: JourneyMap;
  can_undo: boolean;
  can_redo: boolean;
}

/** One change to a map; the same operations the store validates and records for undo. */
export type Op =
  | { type: "SetTitle"; title: string }
  | { type: "SetDescription"; description: string }
  | { type: "AddPersona"; persona: Persona; index: number }
  | { type: "UpdatePersona"; persona: Persona }
  | { type: "RemovePersona"; id: string }
  | { type: "AddStage"; stage: Stage; index: number }
  | { type: "UpdateStage"; stage: Stage }
  | { type: "RemoveStage"; id: string }
  | { type: "MoveStage"; id: string; index: number }
  | { type: "AddLane"; lane: Lane; index: number }
  | { type: "UpdateLane"; lane: Lane }
  | { type: "RemoveLane"; id: string }
  | { type: "MoveLane"; id: string; index: number }
  | { type: "AddCard"; card: Card }
  | { type: "UpdateCard"; card: Card }
  | { type: "MoveCard"; id: string; stage_id: string; lane_id: string; position: number }
  | { type: "RemoveCard"; id: string }
  | {
      type: "SetEmotion";
      persona_id: string;
      stage_id: string;
      state: EmotionState;
      score: number | null;
      note: string | null;
    };

/** What importing one file would do, before anything is written. */
export interface ImportCheck {
  path: string;
  file_name: string;
  map: MapSummary | null;
  warnings: string[];
  problems: string[];
  existing: MapSummary | null;
}

export interface ImportRequest {
  path: string;
  replace: string | null;
}

export type ExportFormat = "json" | "csv" | "mermaid";

/** The PDF export dialog's choices. */
export interface PdfChoices {
  page: string;
  orientation: "landscape" | "portrait";
  layout: "fit" | "tiles";
  lanes: string[] | null;
  personas: string[] | null;
}

/** A shape of a page thumbnail, in points from the page's top-left corner. */
export type SketchShape =
  | {
      kind: "rect";
      x: number;
      y: number;
      w: number;
      h: number;
      radius: number;
      fill: string | null;
      stroke: string | null;
    }
  | { kind: "line"; points: [number, number][]; colour: string; width: number; dashed: boolean }
  | { kind: "dot"; x: number; y: number; r: number; fill: string; stroke: string }
  | { kind: "text"; x: number; y: number; w: number; h: number; colour: string };

export interface PageSketch {
  width: number;
  height: number;
  stages: string[];
  shapes: SketchShape[];
}

export interface PdfPreview {
  page_mm: [number, number];
  pages: number;
  /** The first pages, drawn small. */
  sketches: PageSketch[];
  card_text_size: number;
  warnings: string[];
}

export interface PdfExported {
  path: string;
  pages: number;
  bytes: number;
  warnings: string[];
}

/** What a backup of the library holds. */
export interface BackupContents {
  maps: number;
  cards: number;
}

/** A backup file of the library, as the restore screen lists it. */
export interface BackupListing {
  path: string;
  /** The day it was made, YYYY-MM-DD (UTC). */
  day: string;
  written_at: number;
  contents: BackupContents | null;
  /** Why it cannot be restored, when it cannot. */
  problem: string | null;
}

export interface RestoreOutcome {
  restored: { contents: BackupContents; kept_aside: string | null };
  status: LibraryStatus;
}

/** A map in the Trash. */
export interface TrashedMap {
  map: MapSummary;
  deleted_at: number;
}
