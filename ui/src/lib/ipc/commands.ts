// The only module that talks to the Rust side. Reads are `query`, changes are `mutate`.

import { invoke } from "@tauri-apps/api/core";
import type {
  Applied,
  AppErrorShape,
  LibraryStatus,
  MapSummary,
  Op,
  OpenedMap,
  TemplateInfo,
} from "./types";

/** A failure reported by the app, with a message written for the user. */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
  }
}

function toAppError(raw: unknown): AppError {
  if (raw && typeof raw === "object" && "code" in raw && "message" in raw) {
    const shape = raw as AppErrorShape;
    return new AppError(String(shape.code), String(shape.message));
  }
  const text = raw instanceof Error ? raw.message : String(raw);
  return new AppError("internal", `Waymark could not reach its storage (${text}).`);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const query = {
  libraryStatus: () => call<LibraryStatus>("library_status"),
  listTemplates: () => call<TemplateInfo[]>("list_templates"),
  listMaps: () => call<MapSummary[]>("list_maps"),
  openMap: (mapId: string) => call<OpenedMap>("open_map", { mapId }),
};

export const mutate = {
  createMap: (template: string, title: string) =>
    call<MapSummary>("create_map", { template, title }),
  renameMap: (mapId: string, title: string) => call<void>("rename_map", { mapId, title }),
  duplicateMap: (mapId: string) => call<MapSummary>("duplicate_map", { mapId }),
  deleteMap: (mapId: string) => call<void>("delete_map", { mapId }),
  applyOps: (mapId: string, baseRevision: number, ops: Op[]) =>
    call<Applied>("apply_ops", { mapId, baseRevision, ops }),
  undo: (mapId: string) => call<Applied>("undo", { mapId }),
  redo: (mapId: string) => call<Applied>("redo", { mapId }),
};
