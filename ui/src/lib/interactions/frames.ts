// Work that waits for the canvas to settle: a zoom or a big map lays out over a few frames.

/** Runs `step` now and then once a frame until it says it is done, at most `frames` times. */
export function everyFrameUntil(step: () => boolean, frames = 60): void {
  let left = frames;
  const run = () => {
    if (!step() && --left > 0) requestAnimationFrame(run);
  };
  run();
}
