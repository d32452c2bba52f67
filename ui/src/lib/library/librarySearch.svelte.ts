// The library's search as it is typed: asked a moment after typing stops, or at once on Enter;
// an answer to an older search than the one shown is dropped.

import type { SearchResults } from "../ipc/types";

/** How long typing must pause before the search is asked. */
const PAUSE_MS = 120;

export class LibrarySearch {
  /** What is in the search field. */
  text = $state("");
  /** The results of `searched`, or null when the field is empty. */
  results: SearchResults | null = $state(null);
  /** The search whose results are shown (trimmed). */
  searched = $state("");
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly find: (text: string) => Promise<SearchResults>,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Searches for the field's text now. */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    const text = this.text.trim();
    this.searched = text;
    if (!text) {
      this.results = null;
      return;
    }
    try {
      const found = await this.find(text);
      if (this.searched === text) this.results = found;
    } catch (e) {
      this.failed(e);
    }
  }

  /** The field changed: searches once typing pauses. */
  typed(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.run(), PAUSE_MS);
  }

  /** Empties the field and the results. */
  clear(): Promise<void> {
    this.text = "";
    return this.run();
  }
}
