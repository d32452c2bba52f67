// The shapes that cross IPC are generated from the Rust types (bindings.ts, checked by the
// Rust tests); this module names them for the UI and adds the one that exists only here.

export * from "./bindings";
export type {
  AppError as AppErrorShape,
  Preview as PdfPreview,
  Shape as SketchShape,
} from "./bindings";

/** The text formats the Export menu offers. */
export type ExportFormat = "json" | "csv" | "mermaid";
