// What the whole app must know about the library file itself: that it was moved or deleted
// while in use, or found damaged. Set from any command's error; shown by App.svelte.

import type { JourneyMap } from "./ipc/types";

class LibraryHealth {
  /** Why the library can no longer be written (moved, deleted, replaced), once it happened. */
  lost: string | null = $state(null);
  /** Why the library cannot be read any more (a damaged page), once it happened. */
  damaged: string | null = $state(null);
  /** The open map as the canvas shows it, for "Save a copy" when the library is gone. */
  openMap: (() => JourneyMap | null) | null = $state(null);

  /** Notes an error a command returned, if it is about the library file. */
  report(code: string, message: string): void {
    if (code === "library_moved") this.lost ??= message;
    if (code === "library_damaged") this.damaged ??= message;
  }

  /** Forgets both, once another library (or a restored one) is open. */
  reset(): void {
    this.lost = null;
    this.damaged = null;
  }
}

export const libraryHealth = new LibraryHealth();
