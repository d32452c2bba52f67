// A colleague's copy being merged into the map: the preview of the merged map, the choices
// made for its conflicts, and applying it.

import { mutate, query } from "../ipc/commands";
import type { Applied, Choice, Conflict, MergePreview } from "../ipc/types";

export class MergeSession {
  // Not deeply reactive: a preview is replaced whole, and its maps can hold thousands of cards.
  preview: MergePreview = $state.raw() as MergePreview;
  choices: Record<string, Choice> = $state({});
  /** A preview or the merge itself is under way. */
  working = $state(false);

  private constructor(
    readonly mapId: string,
    readonly path: string,
    preview: MergePreview,
  ) {
    this.preview = preview;
  }

  /** Reads the file and works out the merge; nothing is written. */
  static async start(mapId: string, path: string): Promise<MergeSession> {
    return new MergeSession(mapId, path, await query.previewMerge(mapId, path, {}));
  }

  /** Whether there is no common version: every difference is a choice. */
  get twoWay(): boolean {
    return this.preview.base === null;
  }

  /** "14 changes from ana.journey.json applied, 2 conflicts". */
  get summary(): string {
    const { applied, conflicts, file_name } = this.preview;
    const changes = `${applied} change${applied === 1 ? "" : "s"}`;
    const open =
      conflicts.length === 0
        ? "no conflicts"
        : `${conflicts.length} conflict${conflicts.length === 1 ? "" : "s"}`;
    return this.twoWay
      ? `${changes} taken from ${file_name}, ${conflicts.length} difference${conflicts.length === 1 ? "" : "s"} to decide`
      : `${changes} from ${file_name} applied, ${open}`;
  }

  /** Decides a conflict and shows the merge as it now is. */
  async choose(conflict: Conflict, choice: Choice): Promise<void> {
    this.choices = { ...this.choices, [conflict.key]: choice };
    await this.refresh();
  }

  /** Decides every conflict for one side. */
  async chooseAll(choice: "mine" | "theirs"): Promise<void> {
    const all = { ...this.choices };
    for (const conflict of this.preview.conflicts) all[conflict.key] = choice;
    this.choices = all;
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    this.working = true;
    try {
      this.preview = await query.previewMerge(this.mapId, this.path, this.choices);
    } finally {
      this.working = false;
    }
  }

  /** Applies the merge as previewed: one undoable step, after a version of the map. */
  async apply(): Promise<Applied> {
    this.working = true;
    try {
      return await mutate.applyMerge(this.mapId, this.path, this.choices, this.preview.revision);
    } finally {
      this.working = false;
    }
  }
}
