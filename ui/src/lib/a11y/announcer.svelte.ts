// What a screen reader hears about changes made without moving focus (drags, keyboard moves).

class Announcer {
  message = $state("");

  /** Speaks `text` through the map view's live region. */
  say(text: string): void {
    // A repeated message must still be read, so the region is emptied first.
    this.message = "";
    queueMicrotask(() => (this.message = text));
  }
}

export const announcer = new Announcer();
