// The map's History: saving versions, and showing one read-only, or a comparison, in place of
// the map being edited.

import { mutate, query } from "../ipc/commands";
import type { Difference, Side, Version } from "../ipc/types";
import type { Toasts } from "../toast.svelte";
import { CanvasState } from "./canvas.svelte";
import { MapEditor } from "./editor.svelte";
import { MergeSession } from "./merge.svelte";
import { paintProgressively } from "./firstPaint";
import { marksOf } from "./review";

/** A version, or a comparison, shown instead of the map being edited. */
export interface Review {
  editor: MapEditor;
  canvas: CanvasState;
  title: string;
  detail: string;
  /** A comparison's differences; null for a version shown alone. */
  differences: Difference[] | null;
  /** The version shown, which can be restored. */
  version: Version | null;
  /** The colleague's copy being merged, when the canvas previews a merge. */
  merge: MergeSession | null;
}

const said = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class History {
  /** The History panel is open. */
  open = $state(false);
  /** The Save version dialog is open. */
  saving = $state(false);
  /** Bumped whenever the list of versions may have changed. */
  changes = $state(0);
  review: Review | null = $state(null);

  constructor(
    private readonly editor: () => MapEditor | null,
    private readonly toasts: Toasts,
    /** The canvas of the map being edited. */
    private readonly canvas: CanvasState | null = null,
  ) {}

  private get mapId(): string {
    return this.editor()?.map.id ?? "";
  }

  async save(name: string, note: string): Promise<void> {
    await this.editor()?.idle();
    const version = await mutate.saveVersion(this.mapId, name, note);
    this.changes++;
    this.toasts.show(`Saved the version “${version.name}”.`);
  }

  async view(version: Version): Promise<void> {
    try {
      const map = await query.openVersion(this.mapId, version.id);
      this.show({
        editor: MapEditor.view(map),
        canvas: new CanvasState(true),
        title: `“${version.name}”`,
        detail: "as it was saved",
        differences: null,
        version,
        merge: null,
      });
    } catch (e) {
      this.toasts.show(said(e), { failed: true });
    }
  }

  /** What changed since a version: the current map, marked. */
  async compare(version: Version): Promise<void> {
    await this.showComparison({ kind: "version", id: version.id }, { kind: "current" }, version, {
      title: `Changes since “${version.name}”`,
      detail: "on the current map",
    });
  }

  /** What a file (a colleague's copy) changes: the file's map, marked. */
  async compareFile(path: string): Promise<void> {
    const file = path.split(/[\\/]/).pop() ?? path;
    await this.showComparison({ kind: "current" }, { kind: "file", path }, null, {
      title: `${file} compared with the current map`,
      detail: "as the file has it",
    });
  }

  private async showComparison(
    before: Side,
    after: Side,
    version: Version | null,
    words: { title: string; detail: string },
  ): Promise<void> {
    try {
      await this.editor()?.idle();
      const compared = await query.compareMaps(this.mapId, before, after);
      const canvas = new CanvasState(true);
      canvas.marks = marksOf(compared.differences);
      this.show({
        editor: MapEditor.view(compared.after),
        canvas,
        ...words,
        differences: compared.differences,
        version,
        merge: null,
      });
    } catch (e) {
      this.toasts.show(said(e), { failed: true });
    }
  }

  private show(review: Review): void {
    const before = this.review?.canvas ?? this.canvas;
    review.canvas.zoom = before?.zoom ?? 1;
    // A canvas already drawn whole is redrawn in place (the cards it shares are kept); one
    // still drawing its first cards goes on as a map opening does.
    if (before?.cardsPerCell !== Infinity) paintProgressively(review.canvas, review.editor.map);
    this.review = review;
  }

  /** Makes the map what the version holds; undo brings back what was there. */
  async restore(version: Version): Promise<void> {
    const editor = this.editor();
    if (!editor) return;
    try {
      await editor.idle();
      await mutate.restoreVersion(editor.map.id, version.id);
      await editor.refresh();
      this.review = null;
      this.changes++;
      this.toasts.show(`Restored “${version.name}”. Ctrl+Z brings back what was there.`, {
        action: { label: "Undo", run: () => editor.undo() },
      });
    } catch (e) {
      this.toasts.show(said(e), { failed: true });
    }
  }

  /** Previews merging a colleague's copy into the map: nothing changes until applied. */
  async startMerge(path: string): Promise<void> {
    try {
      await this.editor()?.idle();
      const session = await MergeSession.start(this.mapId, path);
      this.showMerge(session);
    } catch (e) {
      this.toasts.show(said(e), { failed: true });
    }
  }

  /** Shows the merged map as the session now has it, marked. After a choice, the canvas
   * shown is kept and only what the choice changed is redrawn. */
  showMerge(session: MergeSession): void {
    const preview = session.preview;
    const shown = this.review;
    if (shown?.merge === session) {
      shown.editor.showInstead(preview.after);
      shown.canvas.marks = marksOf(preview.differences);
      this.review = { ...shown, differences: preview.differences };
      return;
    }
    const canvas = new CanvasState(true);
    canvas.marks = marksOf(preview.differences);
    this.show({
      editor: MapEditor.view(preview.after),
      canvas,
      title: `Merging ${preview.file_name}`,
      detail: "a preview: the map changes only when you apply the merge",
      differences: preview.differences,
      version: null,
      merge: session,
    });
  }

  /** Applies the merge previewed, as one step Ctrl+Z undoes. */
  async applyMerge(session: MergeSession): Promise<void> {
    const editor = this.editor();
    if (!editor) return;
    try {
      await editor.idle();
      await session.apply();
      await editor.refresh();
      this.review = null;
      this.changes++;
      const { applied, file_name } = session.preview;
      this.toasts.show(
        `Merged ${file_name}: ${applied} change${applied === 1 ? "" : "s"}. Ctrl+Z undoes the whole merge.`,
        { action: { label: "Undo", run: () => editor.undo() } },
      );
    } catch (e) {
      this.toasts.show(said(e), { failed: true });
    }
  }

  close(): void {
    this.review = null;
  }
}
