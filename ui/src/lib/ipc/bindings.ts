// Generated from the Rust types by tests/commands/bindings.rs: do not edit.
// `UPDATE_BINDINGS=1 cargo test --test commands bindings` writes it again.

/**
 * Identifies a journey map.
 */
export type MapId = string;

/**
 * Identifies a persona within a map.
 */
export type PersonaId = string;

/**
 * Identifies a stage (a column).
 */
export type StageId = string;

/**
 * Identifies a lane (a row).
 */
export type LaneId = string;

/**
 * Identifies a card.
 */
export type CardId = string;

/**
 * A whole journey map: stages across, lanes down, cards in the cells.
 */
export type JourneyMap = { id: MapId, title: string, description: string, created_at: number, updated_at: number, 
/**
 * Bumped by every applied batch; the UI sends the revision its edit was based on.
 */
revision: number, personas: Array<Persona>, 
/**
 * In column order.
 */
stages: Array<Stage>, 
/**
 * In row order.
 */
lanes: Array<Lane>, 
/**
 * Ordered by `position` (and so by order key) inside each (stage, lane) cell.
 */
cards: Array<Card>, emotions: Array<EmotionScore>, };

/**
 * A named character standing for a customer segment.
 */
export type Persona = { id: PersonaId, name: string, role: string, goals: string, needs: string, frustrations: string, quote: string, 
/**
 * `#rrggbb`; also the colour of the persona's emotion curve.
 */
colour: string, 
/**
 * Up to three letters on the persona's avatar; empty means the initials of the name.
 */
initials: string, };

/**
 * A phase of the journey: one column.
 */
export type Stage = { id: StageId, name: string, description: string, 
/**
 * `#rrggbb`, or null for the default colour.
 */
colour: string | null, 
/**
 * The column's width in points on the canvas; absent or null is the default width.
 */
width: number | null, };

/**
 * What a lane holds; decides which card fields matter and how the lane is drawn.
 */
export type LaneKind = "actions" | "thoughts" | "touchpoints" | "emotions" | "pain_points" | "opportunities" | "kpis" | "backstage" | "notes" | "custom";

/**
 * A row of typed content.
 */
export type Lane = { id: LaneId, kind: LaneKind, title: string, 
/**
 * Folded to a single line on the canvas; its cards are kept.
 */
collapsed: boolean, };

/**
 * One piece of content in a (stage, lane) cell.
 *
 * A card carries only the fields of its lane's kind (see `Card::for_kind`); the operations
 * clear the others when a card changes lanes, and undo brings them back.
 */
export type Card = { id: CardId, stage_id: StageId, lane_id: LaneId, 
/**
 * Order inside the cell, from 0: the card's rank by its order key.
 */
position: number, 
/**
 * The card's fractional order key in its cell (see `order`); empty in an operation means
 * "give it a key at `position`".
 */
order: string, text: string, 
/**
 * Touchpoints: the channel (email, in-store, chat, ...).
 */
channel: string | null, 
/**
 * Pain points: severity 1 (minor) to 5 (severe).
 */
severity: number | null, 
/**
 * Opportunities: impact 1 to 5.
 */
impact: number | null, 
/**
 * Opportunities: effort 1 to 5.
 */
effort: number | null, 
/**
 * KPIs: the measured value, as written ("3.2%", "41").
 */
metric_value: string | null, 
/**
 * KPIs: the target, as written.
 */
metric_target: string | null, 
/**
 * `#rrggbb`, or the lane's colour when absent.
 */
colour: string | null, tags: Array<string>, };

/**
 * Current state ("as is") or future state ("to be").
 */
export type EmotionState = "current" | "future";

/**
 * How one persona feels in one stage: a point of the emotion curve.
 */
export type EmotionScore = { persona_id: PersonaId, stage_id: StageId, state: EmotionState, 
/**
 * −2 (very negative) to +2 (very positive).
 */
score: number, note: string | null, };

/**
 * A line of the map library.
 */
export type MapSummary = { id: MapId, title: string, updated_at: number, stages: number, lanes: number, cards: number, personas: number, };

/**
 * One change to a map. Serialized as `{"type": "MoveCard", ...}`.
 *
 * A batch is a list of operations applied in order, all or nothing, and undone as one step.
 * `index` and `position` past the end of their list append.
 */
export type Op = { "type": "SetTitle", 
/**
 * Not blank.
 */
title: string, } | { "type": "SetDescription", description: string, } | { "type": "AddPersona", persona: Persona, index: number, } | { "type": "UpdatePersona", persona: Persona, } | { "type": "RemovePersona", id: PersonaId, } | { "type": "AddStage", stage: Stage, index: number, } | { "type": "UpdateStage", stage: Stage, } | { "type": "RemoveStage", id: StageId, } | { "type": "MoveStage", id: StageId, index: number, } | { "type": "AddLane", lane: Lane, index: number, } | { "type": "UpdateLane", lane: Lane, } | { "type": "RemoveLane", id: LaneId, } | { "type": "MoveLane", id: LaneId, index: number, } | { "type": "AddCard", card: Card, } | { "type": "UpdateCard", card: Card, } | { "type": "MoveCard", id: CardId, stage_id: StageId, lane_id: LaneId, position: number, 
/**
 * The card's order key in the new cell; absent gives it one at `position`.
 */
order?: string, } | { "type": "RemoveCard", id: CardId, } | { "type": "SetEmotion", persona_id: PersonaId, stage_id: StageId, state: EmotionState, 
/**
 * From very negative to very positive (see the limits), or null to remove the point.
 */
score: number | null, 
/**
 * Why the persona feels so here.
 */
note: string | null, };

/**
 * The result of an applied batch, an undo or a redo.
 */
export type Applied = { revision: number, can_undo: boolean, can_redo: boolean, };

/**
 * An undo or a redo: the operations it applied (for the editor to apply them too) and the
 * map's state after it.
 */
export type HistoryStep = { ops: Array<Op>, revision: number, can_undo: boolean, can_redo: boolean, };

/**
 * A map as the editor opens it.
 */
export type OpenedMap = { map: JourneyMap, can_undo: boolean, can_redo: boolean, };

/**
 * A map in the Trash.
 */
export type TrashedMap = { map: MapSummary, deleted_at: number, };

/**
 * What a search result is part of.
 */
export type SearchKind = "map" | "card" | "persona" | "stage" | "lane" | "note";

/**
 * One place in the library where every word of a search was found.
 */
export type SearchHit = { map_id: MapId, map_title: string, kind: SearchKind, 
/**
 * The card, persona, stage or lane id; a note's is "persona/stage/state"; a map's is its id.
 */
item_id: string, 
/**
 * The text that matched (a persona's or a stage's lines together).
 */
text: string, 
/**
 * Where a card is: "Stage · Lane". Empty for the rest.
 */
place: string, };

/**
 * The first results of a search, best first.
 */
export type SearchResults = { hits: Array<SearchHit>, 
/**
 * There were more results than `hits` holds.
 */
more: boolean, };

/**
 * A map's grid in miniature.
 */
export type MapPreview = { map_id: MapId, 
/**
 * How many stages the preview shows (at most `PREVIEW_STAGES`).
 */
stages: number, 
/**
 * The kinds of the lanes it shows, top to bottom (at most `PREVIEW_LANES`).
 */
lanes: Array<LaneKind>, 
/**
 * Cards per cell, lane after lane, each lane's stages left to right.
 */
cards: Array<number>, };

/**
 * What a backup file holds.
 */
export type BackupContents = { maps: number, cards: number, };

/**
 * What kind of failure an error is: the codes the app's UI receives and acts on.
 */
export type ErrorCode = "database_unavailable" | "library_missing" | "library_moved" | "library_damaged" | "not_found" | "conflict" | "invalid_operation" | "invalid_file" | "storage_failed" | "internal";

/**
 * What importing one file would do, shown before anything is written.
 */
export type ImportCheck = { path: string, file_name: string, 
/**
 * The map the file holds, when it can be imported.
 */
map: MapSummary | null, warnings: Array<string>, 
/**
 * Why the file cannot be imported, one line a problem; empty when it can.
 */
problems: Array<string>, 
/**
 * The library's map this file was exported from, if it is still there.
 */
existing: MapSummary | null, 
/**
 * The map the file can be merged into: it holds a version the file descends from.
 */
merge: MergeOffer | null, 
/**
 * Why the file cannot be merged (it is a version the library already has, or its map
 * is in the Trash).
 */
merge_refused: string | null, };

/**
 * One file to import: as a new map, or replacing a map of the library.
 */
export type ImportRequest = { path: string, replace: MapId | null, };

/**
 * A backup file as the restore screen and `waymark-cli` list it.
 */
export type BackupListing = { path: string, 
/**
 * The day it was made, `YYYY-MM-DD` (UTC).
 */
day: string, 
/**
 * When it was written, in milliseconds since the epoch.
 */
written_at: number, 
/**
 * What it holds, when it is a sound library.
 */
contents: BackupContents | null, 
/**
 * Why it cannot be restored, when it cannot.
 */
problem: string | null, };

/**
 * A restored library.
 */
export type Restored = { contents: BackupContents, 
/**
 * Where the library that was replaced is now, when there was one.
 */
kept_aside: string | null, };

/**
 * The PDF choices of the export dialog and of `waymark-cli export --format pdf`.
 */
export type PdfChoices = { 
/**
 * `a4`, `a3`, `letter`, `tabloid` or `WIDTHxHEIGHTmm`.
 */
page: string, 
/**
 * `landscape` or `portrait`.
 */
orientation: string, 
/**
 * `fit` (one page, scaled) or `tiles` (stages across pages, full size).
 */
layout: string, 
/**
 * The lanes to show (all when absent).
 */
lanes: Array<LaneId> | null, 
/**
 * The personas whose curves to show (all when absent).
 */
personas: Array<PersonaId> | null, 
/**
 * A version of the map: a page at the end lists what changed since.
 */
changes_since?: string, };

/**
 * A preview of an export.
 */
export type Preview = { 
/**
 * The page size in millimetres.
 */
page_mm: [number, number], pages: number, 
/**
 * The first `SKETCHED_PAGES` pages, drawn small.
 */
sketches: Array<PageSketch>, 
/**
 * Size of card text in points after fitting.
 */
card_text_size: number, warnings: Array<string>, };

/**
 * How a version came to be.
 */
export type Made = "hand" | "export" | "import" | "restore" | "merge" | "received";

/**
 * A version of a map, without the map it holds.
 */
export type Version = { id: string, map_id: MapId, name: string, note: string, made: Made, created_at: number, stages: number, lanes: number, cards: number, personas: number, 
/**
 * The versions it descends from, newest first.
 */
parents: Array<string>, };

/**
 * One difference between map `a` (before) and map `b` (after).
 */
export type Change = { "type": "Title", from: string, to: string, } | { "type": "Description", from: string, to: string, } | { "type": "StageAdded", stage: Stage, index: number, } | { "type": "StageRemoved", stage: Stage, index: number, } | { "type": "StageChanged", from: Stage, to: Stage, } | { "type": "StageMoved", stage: Stage, from: number, to: number, } | { "type": "LaneAdded", lane: Lane, index: number, } | { "type": "LaneRemoved", lane: Lane, index: number, } | { "type": "LaneChanged", from: Lane, to: Lane, } | { "type": "LaneMoved", lane: Lane, from: number, to: number, } | { "type": "PersonaAdded", persona: Persona, index: number, } | { "type": "PersonaRemoved", persona: Persona, index: number, } | { "type": "PersonaChanged", from: Persona, to: Persona, } | { "type": "PersonaMoved", persona: Persona, from: number, to: number, } | { "type": "CardAdded", card: Card, } | { "type": "CardRemoved", card: Card, } | { "type": "CardChanged", from: Card, to: Card, } | { "type": "CardMoved", from: Card, to: Card, } | { "type": "EmotionChanged", persona_id: PersonaId, stage_id: StageId, state: EmotionState, from: EmotionScore | null, to: EmotionScore | null, };

/**
 * One change, said in words, and where it is.
 */
export type Difference = { change: Change, 
/**
 * What changed, one sentence a line ("Severity 3 → 5").
 */
said: Array<string>, 
/**
 * The stage and lane it shows in: in the later map, or in the earlier one for what was
 * removed.
 */
stage_id: StageId | null, lane_id: LaneId | null, card_id: CardId | null, };

/**
 * One side of a comparison.
 */
export type Side = { "kind": "current" } | { "kind": "version", id: string, } | { "kind": "file", path: string, };

/**
 * Two maps and what changed from the first to the second. The second is aligned to the
 * first: its parts that match the first's by name carry the first's ids.
 */
export type Compared = { before: JourneyMap, after: JourneyMap, differences: Array<Difference>, };

/**
 * How a conflict is decided.
 */
export type Choice = "mine" | "theirs" | "both";

/**
 * What kind of disagreement a conflict is.
 */
export type ConflictKind = "field" | "presence" | "order";

/**
 * Two changes that cannot both be kept, with the choice that decides it.
 */
export type Conflict = { 
/**
 * Stable across merges of the same maps: the key of the choice.
 */
key: string, kind: ConflictKind, 
/**
 * What it is about, in words ("Text of the card “Book a table”").
 */
what: string, 
/**
 * The map's value in the library, in words.
 */
mine: string, 
/**
 * The other copy's value, in words.
 */
theirs: string, 
/**
 * Whether "Keep both" is offered (texts).
 */
can_keep_both: boolean, choice: Choice, stage_id: StageId | null, lane_id: LaneId | null, card_id: CardId | null, };

/**
 * The library's map a file can be merged into: the one holding the version the file
 * descends from.
 */
export type MergeOffer = { map: MapSummary, 
/**
 * The name of the version both copies share, and when it was made.
 */
base_name: string, base_created_at: number, };

/**
 * What merging a file into a map would do, before anything is written.
 */
export type MergePreview = { map_id: MapId, file_name: string, 
/**
 * The version both copies share; none when the file is compared two-way.
 */
base: Version | null, 
/**
 * The map's revision the merge was made from.
 */
revision: number, 
/**
 * The map once merged, with the conflicts decided as chosen.
 */
after: JourneyMap, 
/**
 * What merging changes, in words and with the parts to mark.
 */
differences: Array<Difference>, 
/**
 * How many changes the merge makes to the map.
 */
applied: number, conflicts: Array<Conflict>, 
/**
 * The rule the merged map would break, if any: it cannot be applied as chosen.
 */
problem: string | null, };

/**
 * One page as shapes in points, from the top-left corner.
 */
export type PageSketch = { width: number, height: number, 
/**
 * The stages the page shows.
 */
stages: Array<string>, shapes: Array<Shape>, };

/**
 * A shape of a page sketch; colours are `#rrggbb`.
 */
export type Shape = { "kind": "rect", x: number, y: number, w: number, h: number, radius: number, fill: string | null, stroke: string | null, } | { "kind": "line", points: Array<[number, number]>, colour: string, width: number, dashed: boolean, } | { "kind": "dot", x: number, y: number, r: number, fill: string, stroke: string, } | { "kind": "text", x: number, y: number, w: number, h: number, colour: string, };

/**
 * An error as the UI receives it.
 */
export type AppError = { 
/**
 * What kind of failure: the UI acts on some (a moved library, a conflict).
 */
code: ErrorCode, message: string, };

/**
 * Where the library is and whether it can be used.
 */
export type LibraryStatus = { path: string, error: AppError | null, };

/**
 * A template as the "new map" dialog shows it.
 */
export type TemplateInfo = { name: string, label: string, description: string, stages: Array<string>, };

/**
 * What a restore did, and the library as it is now.
 */
export type RestoreOutcome = { restored: Restored, status: LibraryStatus, };

/**
 * A finished export.
 */
export type PdfExported = { path: string, pages: number, bytes: number, warnings: Array<string>, };

/** The ids of the native menu's items, which the `menu` event carries. */
export const MENU_IDS = ["new-map", "import", "export-json", "export-csv", "export-mermaid", "export-pdf", "save-version", "close-map", "quit", "undo", "redo", "cut", "copy", "paste", "duplicate", "delete", "select-all", "find", "zoom-in", "zoom-out", "zoom-reset", "zoom-fit", "zoom-selection", "minimap", "theme-system", "theme-light", "theme-dark", "shortcuts", "file-format", "about"] as const;
export type MenuId = (typeof MENU_IDS)[number];

/** The domain's facts: lane kinds, their titles and colours, every limit. */
export const DOMAIN = {
  "lanes": [
    {
      "kind": "actions",
      "title": "Customer actions",
      "card_name": "Action",
      "colour": "#4f7cac"
    },
    {
      "kind": "thoughts",
      "title": "Thoughts & questions",
      "card_name": "Thought",
      "colour": "#7a6bb0"
    },
    {
      "kind": "touchpoints",
      "title": "Touchpoints",
      "card_name": "Touchpoint",
      "colour": "#2f8f83"
    },
    {
      "kind": "emotions",
      "title": "Emotions",
      "card_name": "Feeling",
      "colour": "#c0587e"
    },
    {
      "kind": "pain_points",
      "title": "Pain points",
      "card_name": "Pain point",
      "colour": "#c8553d"
    },
    {
      "kind": "opportunities",
      "title": "Opportunities",
      "card_name": "Opportunity",
      "colour": "#4a8f4b"
    },
    {
      "kind": "kpis",
      "title": "KPIs",
      "card_name": "KPI",
      "colour": "#b0862b"
    },
    {
      "kind": "backstage",
      "title": "Backstage",
      "card_name": "Backstage",
      "colour": "#6b7280"
    },
    {
      "kind": "notes",
      "title": "Notes",
      "card_name": "Note",
      "colour": "#8a7a5c"
    },
    {
      "kind": "custom",
      "title": "Custom lane",
      "card_name": "Card",
      "colour": "#5b6b8c"
    }
  ],
  "limits": {
    "map_title": 200,
    "map_description": 5000,
    "stage_name": 80,
    "stage_description": 1000,
    "stage_width_min": 160,
    "stage_width_max": 800,
    "stage_width_default": 260,
    "lane_title": 80,
    "persona_name": 80,
    "persona_role": 200,
    "persona_text": 2000,
    "persona_initials": 3,
    "card_text": 5000,
    "channel": 80,
    "metric": 40,
    "tag": 40,
    "tags_per_card": 20,
    "rating_min": 1,
    "rating_max": 5,
    "emotion_min": -2,
    "emotion_max": 2,
    "emotion_note": 500,
    "personas": 12,
    "stages": 60,
    "lanes": 40,
    "cards": 50000
  },
  "channels": [
    "Website",
    "Mobile app",
    "Email",
    "Phone",
    "Chat",
    "In-store",
    "Instagram",
    "TikTok",
    "Search",
    "Ads",
    "Reviews",
    "Customer support",
    "Loyalty programme",
    "Referral programme"
  ],
  "stage_colours": [
    "#4f7cac",
    "#5a9e8f",
    "#c9a227",
    "#d9822b",
    "#b5523b",
    "#8e6bb0",
    "#4a8f5b"
  ]
} as const;
