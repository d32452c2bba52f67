// How wide a text is drawn in a font, measured the way the webview draws it, without laying
// out the page.

let context: CanvasRenderingContext2D | null | undefined;

/** The width in pixels of `text` in the CSS `font` ("650 14.4px sans-serif"). */
export function textWidth(text: string, font: string): number {
  if (context === undefined) {
    try {
      context = document.createElement("canvas").getContext("2d");
    } catch {
      context = null;
    }
  }
  if (!context) return text.length * 8.5;
  context.font = font;
  return context.measureText(text).width;
}
