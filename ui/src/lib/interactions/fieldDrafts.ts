// Text typed into a side-panel field belongs to the cards that were selected when it was typed,
// whatever happens next: the user may click another card (which changes the selection before
// the field loses focus) or the canvas (which removes the field before it can say "change").
// So each field notes its draft with the cards it is for, and the draft is saved to exactly
// those cards when the field is left by any route: blur, Enter, a new selection, or the panel
// closing.

/** Saves a draft to the cards it was typed for. */
export type Commit = (ids: string[], value: string) => void;

export class FieldDrafts {
  private pending = new Map<string, { ids: string[]; value: string; commit: Commit }>();

  /** Notes what was typed into the field `key` for the cards `ids`. */
  note(key: string, ids: string[], value: string, commit: Commit): void {
    this.pending.set(key, { ids: [...ids], value, commit });
  }

  /** Saves one field's draft (or every draft), once. */
  flush(key?: string): void {
    const keys = key === undefined ? [...this.pending.keys()] : [key];
    for (const k of keys) {
      const draft = this.pending.get(k);
      if (!draft) continue;
      this.pending.delete(k);
      draft.commit(draft.ids, draft.value);
    }
  }

  /** Whether the field `key` has a draft not saved yet. */
  has(key: string): boolean {
    return this.pending.has(key);
  }
}
