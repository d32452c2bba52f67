// The only module that talks to the Rust side. Reads are `query`, changes are `mutate`.

import { getVersion } from "@tauri-apps/api/app";
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { open, save } from "@tauri-apps/plugin-dialog";
import { libraryHealth } from "../library.svelte";
import type {
  Applied,
  AppErrorShape,
  BackupListing,
  ErrorCode,
  HistoryStep,
  JourneyMap,
  ExportFormat,
  ImportCheck,
  ImportRequest,
  LibraryStatus,
  MapPreview,
  MapSummary,
  MenuId,
  SearchResults,
  Op,
  OpenedMap,
  PdfChoices,
  PdfExported,
  PdfPreview,
  RestoreOutcome,
  TemplateInfo,
  TrashedMap,
  Compared,
  Side,
  Version,
  MergePreview,
  Choice,
} from "./types";

/** A failure reported by the app, with a message written for the user. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
  }
}

function toAppError(raw: unknown): AppError {
  if (raw && typeof raw === "object" && "code" in raw && "message" in raw) {
    const shape = raw as AppErrorShape;
    return new AppError(shape.code, String(shape.message));
  }
  const text = raw instanceof Error ? raw.message : String(raw);
  return new AppError("internal", `Waymark could not reach its storage (${text}).`);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    const error = toAppError(raw);
    libraryHealth.report(error.code, error.message);
    throw error;
  }
}

export const query = {
  libraryStatus: () => call<LibraryStatus>("library_status"),
  listTemplates: () => call<TemplateInfo[]>("list_templates"),
  listMaps: () => call<MapSummary[]>("list_maps"),
  searchLibrary: (query: string) => call<SearchResults>("search_library", { query }),
  mapPreviews: () => call<MapPreview[]>("map_previews"),
  openMap: (mapId: string) => call<OpenedMap>("open_map", { mapId }),
  checkImport: (paths: string[]) => call<ImportCheck[]>("check_import", { paths }),
  previewPdf: (mapId: string, choices: PdfChoices) =>
    call<PdfPreview>("preview_pdf", { mapId, choices }),
  listBackups: () => call<BackupListing[]>("list_backups"),
  listTrash: () => call<TrashedMap[]>("list_trash"),
  listVersions: (mapId: string) => call<Version[]>("list_versions", { mapId }),
  openVersion: (mapId: string, versionId: string) =>
    call<JourneyMap>("open_version", { mapId, versionId }),
  compareMaps: (mapId: string, before: Side, after: Side) =>
    call<Compared>("compare_maps", { mapId, before, after }),
  /** What merging a colleague's copy (a file) into the map would do; writes nothing. */
  previewMerge: (mapId: string, path: string, choices: Record<string, Choice>) =>
    call<MergePreview>("preview_merge", { mapId, path, choices }),
};

export const mutate = {
  createMap: (template: string, title: string) =>
    call<MapSummary>("create_map", { template, title }),
  renameMap: (mapId: string, title: string) => call<void>("rename_map", { mapId, title }),
  duplicateMap: (mapId: string) => call<MapSummary>("duplicate_map", { mapId }),
  /** Moves a map to the Trash. */
  deleteMap: (mapId: string) => call<void>("delete_map", { mapId }),
  restoreMap: (mapId: string) => call<void>("restore_map", { mapId }),
  /** Deletes a map of the Trash for good; without an id, empties the Trash. */
  deleteForever: (mapId: string | null) => call<void>("delete_forever", { mapId }),
  applyOps: (mapId: string, baseRevision: number, ops: Op[]) =>
    call<Applied>("apply_ops", { mapId, baseRevision, ops }),
  undo: (mapId: string) => call<HistoryStep>("undo", { mapId }),
  redo: (mapId: string) => call<HistoryStep>("redo", { mapId }),
  importFiles: (requests: ImportRequest[]) => call<string[]>("import_files", { requests }),
  /** Resolves to what the format left out, for the user to be told. */
  exportMap: (mapId: string, format: ExportFormat, path: string) =>
    call<string[]>("export_map", { mapId, format, path }),
  exportPdf: (mapId: string, choices: PdfChoices, path: string) =>
    call<PdfExported>("export_pdf", { mapId, choices, path }),
  openExportedPdf: (path: string) => call<void>("open_exported_pdf", { path }),
  /** Closes the library in use and opens the one at `path` (a new, empty one if `create`). */
  openLibrary: (path: string, create: boolean) =>
    call<LibraryStatus>("open_library", { path, create }),
  restoreBackup: (backup: string) => call<RestoreOutcome>("restore_backup", { backup }),
  /** Writes the map as the UI holds it to a JSON file, whatever became of the library. */
  saveMapCopy: (map: JourneyMap, path: string) => call<void>("save_map_copy", { map, path }),
  saveVersion: (mapId: string, name: string, note: string) =>
    call<Version>("save_version", { mapId, name, note }),
  renameVersion: (mapId: string, versionId: string, name: string, note: string) =>
    call<void>("rename_version", { mapId, versionId, name, note }),
  deleteVersion: (mapId: string, versionId: string) =>
    call<void>("delete_version", { mapId, versionId }),
  restoreVersion: (mapId: string, versionId: string) =>
    call<Applied>("restore_version", { mapId, versionId }),
  /** Merges the file as previewed at `revision`, as one undoable step. */
  applyMerge: (mapId: string, path: string, choices: Record<string, Choice>, revision: number) =>
    call<Applied>("apply_merge", { mapId, path, choices, revision }),
};

const EXPORT_FILTERS: Record<ExportFormat | "pdf", { name: string; extensions: string[] }> = {
  pdf: { name: "PDF document", extensions: ["pdf"] },
  json: { name: "Waymark journey map", extensions: ["journey.json"] },
  csv: { name: "CSV sheet", extensions: ["csv"] },
  mermaid: { name: "Mermaid journey", extensions: ["mmd"] },
};

/** A map title as a file name: "Meal kits: first month" → "Meal kits - first month". */
export function fileNameFor(title: string): string {
  const name = title
    .replace(/\s*:\s*/g, " - ")
    .replace(/[\\/*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return name || "Journey map";
}

/** The files Waymark reads: its own JSON, Mermaid journeys, Enablement Map YAML, sheets. */
const IMPORT_FILTER = {
  name: "Journey maps (Waymark JSON, Mermaid, Enablement Map YAML, CSV)",
  extensions: [
    "json",
    "mmd",
    "md",
    "markdown",
    "html",
    "htm",
    "rst",
    "yaml",
    "yml",
    "csv",
    "tsv",
    "txt",
  ],
};

/** The operating system's file dialogs. */
export const dialogs = {
  /** Asks for files to import; resolves to their paths (empty when cancelled). */
  async chooseImportFiles(): Promise<string[]> {
    const chosen = await open({
      title: "Import journey maps",
      multiple: true,
      directory: false,
      filters: [IMPORT_FILTER],
    });
    if (chosen === null) return [];
    return Array.isArray(chosen) ? chosen : [chosen];
  },
  /** Asks for a map file to compare with, or to merge; null when cancelled. */
  async chooseCompareFile(title = "Compare with a file"): Promise<string | null> {
    const chosen = await open({
      title,
      multiple: false,
      directory: false,
      filters: [IMPORT_FILTER],
    });
    return typeof chosen === "string" ? chosen : null;
  },
  /** Asks for another library file to open; null when cancelled. */
  async chooseLibrary(): Promise<string | null> {
    const chosen = await open({
      title: "Open a map library",
      multiple: false,
      directory: false,
      filters: [{ name: "Waymark library", extensions: ["db"] }],
    });
    return typeof chosen === "string" ? chosen : null;
  },
  /** Asks where to save a copy of the open map; null when cancelled. */
  async chooseCopyPath(title: string): Promise<string | null> {
    const safe = fileNameFor(title);
    return save({
      title: "Save a copy of this map",
      defaultPath: `${safe}.journey.json`,
      filters: [EXPORT_FILTERS.json],
    });
  },
  /** Asks where to save an export; null when cancelled. */
  async chooseExportPath(title: string, format: ExportFormat | "pdf"): Promise<string | null> {
    const filter = EXPORT_FILTERS[format];
    const safe = fileNameFor(title);
    return save({
      title: `Export as ${filter.name}`,
      defaultPath: `${safe}.${filter.extensions[0]}`,
      filters: [filter],
    });
  },
};

/** Calls `onDrop` with the paths of files dropped on the window; returns the unsubscribe. */
export async function onFilesDropped(
  onDrop: (paths: string[]) => void,
  onHover: (hovering: boolean) => void,
): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === "enter" || payload.type === "over") onHover(true);
    else if (payload.type === "leave") onHover(false);
    else if (payload.type === "drop") {
      onHover(false);
      if (payload.paths.length > 0) onDrop(payload.paths);
    }
  });
}

/**
 * Runs `finish` before the window closes, and closes it once `finish` is done: edits still on
 * their way to disk are written first. Returns the unsubscribe.
 */
export async function beforeWindowCloses(finish: () => Promise<void>): Promise<() => void> {
  return getCurrentWindow().onCloseRequested(async () => {
    await finish();
  });
}

/** Asks the window to close, as its close button does (edits on their way are written first). */
export function closeWindow(): Promise<void> {
  return getCurrentWindow().close();
}

/** This build's version. */
export function appVersion(): Promise<string> {
  return getVersion();
}

/** Calls `chosen` with the id of each item chosen in the native menu. */
export function onMenuChosen(chosen: (id: MenuId) => void): Promise<() => void> {
  return listen<MenuId>("menu", (event) => chosen(event.payload));
}

/** Enables and ticks the native menu's items. */
export function setMenuState(state: {
  enabled: Record<string, boolean>;
  checked: Record<string, boolean>;
}): Promise<void> {
  return invoke("set_menu_state", state);
}

/**
 * Calls `opened` with the files the app was asked to open (on its command line, or by a second
 * start while it runs): now, and whenever more come. Returns the unsubscribe.
 */
export async function onFilesOpened(opened: (paths: string[]) => void): Promise<() => void> {
  const take = async () => {
    const paths = await invoke<string[]>("take_opened_files");
    if (paths.length > 0) opened(paths);
  };
  const stop = await listen("files-opened", () => void take());
  await take();
  return stop;
}
