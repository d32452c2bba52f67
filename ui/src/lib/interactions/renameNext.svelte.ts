// A stage or lane just added scrolls into view and opens for renaming.

import type { CanvasState } from "../scene/canvas.svelte";

interface Header {
  canvas: CanvasState;
  id: string;
  element: HTMLElement | null;
}

/** Call while a header component starts: opens it for renaming once it is the one added. */
export function renameWhenAdded(header: () => Header, rename: () => void): void {
  $effect(() => {
    const { canvas, id, element } = header();
    if (canvas.renameNext !== id || !element) return;
    canvas.renameNext = null;
    element.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    rename();
  });
}
