// jsdom lays nothing out, so nothing it draws is ever resized: an observer of sizes that
// never reports stands in for the webview's.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// Nor does it draw: text is measured by its length where the webview would measure it.
HTMLCanvasElement.prototype.getContext = () => null;
