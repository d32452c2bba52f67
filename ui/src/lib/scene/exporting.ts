// Exporting the open map to a text format, from the Export button or the File menu.

import { dialogs, mutate } from "../ipc/commands";
import type { ExportFormat } from "../ipc/types";
import type { Toasts } from "../toast.svelte";
import type { MapEditor } from "./editor.svelte";

/** The text formats a map exports to, besides the PDF. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ["json", "csv", "mermaid"];

/** Exports what the canvas shows, after asking where: every edit is on disk first. */
export async function exportMapAs(
  editor: MapEditor,
  toasts: Toasts,
  format: ExportFormat,
): Promise<void> {
  try {
    await editor.idle();
    const path = await dialogs.chooseExportPath(editor.map.title, format);
    if (!path) return;
    toasts.show("Exporting…", { sticky: true });
    const leftOut = await mutate.exportMap(editor.map.id, format, path);
    toasts.show([`Exported to ${path}.`, ...leftOut].join(" "), { sticky: leftOut.length > 0 });
  } catch (e) {
    toasts.show(e instanceof Error ? e.message : String(e), { failed: true });
  }
}
