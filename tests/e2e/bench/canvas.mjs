// Canvas speed in the real app. Frame times (p50, p95, max) while a card is dragged across four
// columns on 1,000- and 5,000-card maps, while Ctrl+wheel zooms a 5,000-card map from 10% to
// 400% and back, and while the camera pans across it; each set beside the same run's baseline,
// the pointer path with no button pressed. Also the time from opening the 5,000-card map to its
// first painted frame, and how many elements the page holds at 100% and at Fit.
//
//   scripts/bench-canvas.sh   (builds the app, then runs this under Xvfb)

import { Key } from "webdriverio";
import {
  ctrlWheel,
  openMap,
  startDriver,
  waitFullyDrawn,
} from "../harness.mjs";

const RUNS = Number(process.env.RUNS ?? 6);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

const ms = (n) => `${n.toFixed(1)} ms`;

function figures(name, frames, baseline) {
  const p95 = percentile(frames, 95);
  const ratio = baseline
    ? ` (${(p95 / percentile(baseline, 95)).toFixed(2)} × hover p95)`
    : "";
  console.log(
    `${name}: ${frames.length} frames; p50 ${ms(percentile(frames, 50))}, ` +
      `p95 ${ms(p95)}${ratio}, max ${ms(Math.max(...frames))}`,
  );
}

/** Frame times while `work` runs: the gaps between animation frames. */
async function recordFrames(browser, work) {
  await browser.execute(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  await work();
  return browser.execute(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  });
}

/**
 * A card of the first stage dragged across four columns and back; odd runs only move the
 * pointer over the same path without pressing (the cost of the scripted input and of painting
 * the window, without any drag).
 */
async function dragRuns(browser) {
  const frames = [];
  const hovering = [];
  await browser.keys([Key.Ctrl, "0"]);
  await browser.pause(400);
  for (let run = 0; run < RUNS; run++) {
    const cardEl = await browser.$("[data-scene] [data-card-id]");
    const rect = await browser.execute((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, cardEl);
    const hover = run % 2 === 1;
    const recorded = await recordFrames(browser, async () => {
      let chain = browser
        .action("pointer", { parameters: { pointerType: "mouse" } })
        .move({
          origin: "viewport",
          x: Math.round(rect.x),
          y: Math.round(rect.y),
        });
      if (!hover) chain = chain.down({ button: 0 });
      const steps = 120;
      for (let i = 1; i <= steps; i++) {
        chain = chain.move({
          origin: "viewport",
          x: Math.round(rect.x + (i / steps) * 900),
          y: Math.round(rect.y + Math.sin((i / steps) * Math.PI) * 350),
          duration: 16,
        });
      }
      // Released back where it started, so every run drags the same card over the same cells.
      chain = chain.move({
        origin: "viewport",
        x: Math.round(rect.x),
        y: Math.round(rect.y),
        duration: 16,
      });
      await (hover ? chain : chain.up({ button: 0 })).perform();
    });
    (hover ? hovering : frames).push(...recorded);
  }
  return { frames, hovering };
}

const driver = await startDriver();
const small = driver.cli("sample", "--cards", "1000", "--seed", "7").trim();
const big = driver.cli("sample", "--cards", "5000", "--seed", "7").trim();
const titles = Object.fromEntries(
  JSON.parse(driver.cli("list", "--json")).map((m) => [m.id, m.title]),
);

let browser = await driver.launch();
try {
  await openMap(browser, titles[small]);
  await waitFullyDrawn(browser);
  const { frames, hovering } = await dragRuns(browser);
  figures("drag across four columns, 1,000 cards", frames, hovering);
  figures("  the same pointer path without a drag", hovering);
} finally {
  await browser.deleteSession();
}

browser = await driver.launch();
try {
  await openMap(browser, titles[big]);
  await waitFullyDrawn(browser);
  const { frames, hovering } = await dragRuns(browser);
  figures("drag across four columns, 5,000 cards", frames, hovering);
  figures("  the same pointer path without a drag", hovering);

  const elements = () =>
    browser.execute(() => document.getElementsByTagName("*").length);
  console.log(`elements in the page, 5,000 cards at 100%: ${await elements()}`);

  // Ctrl+wheel from 100% down to 10%, up to 400% and back to 10%: real X wheel clicks.
  const middle = await browser.execute(() => {
    const r = document.querySelector("[data-scroller]").getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await ctrlWheel(browser, middle, -12);
  const zooming = await recordFrames(browser, async () => {
    await ctrlWheel(browser, middle, 20);
    await ctrlWheel(browser, middle, -20);
  });
  figures(
    "Ctrl+wheel 10% → 400% → 10% in 40 steps, 5,000 cards",
    zooming,
    hovering,
  );

  // Pan from the top left corner to the bottom right one at 100%, a step each frame.
  await browser.keys([Key.Ctrl, "0"]);
  await browser.pause(400);
  const panning = await recordFrames(browser, () =>
    browser.executeAsync((done) => {
      const s = document.querySelector("[data-scroller]");
      s.scrollTo(0, 0);
      const steps = 180;
      let i = 0;
      const step = () => {
        i += 1;
        s.scrollTo(
          ((s.scrollWidth - s.clientWidth) * i) / steps,
          ((s.scrollHeight - s.clientHeight) * i) / steps,
        );
        if (i < steps) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    }),
  );
  figures("pan across the whole map at 100%, 5,000 cards", panning, hovering);

  await browser.keys([Key.Shift, "!"]);
  await browser.pause(800);
  const zoom = await browser.$('[data-testid="zoom-level"]').getText();
  console.log(
    `elements in the page, 5,000 cards at Fit (${zoom}): ${await elements()}`,
  );
} finally {
  await browser.deleteSession();
}

const paints = [];
const loads = [];
for (let run = 0; run < RUNS; run++) {
  browser = await driver.launch();
  try {
    await openMap(browser, titles[big]);
    const paint = await browser.waitUntil(
      () =>
        browser.execute(() => {
          const paint =
            performance.getEntriesByName("map-first-paint")[0]?.duration;
          const loaded =
            performance.getEntriesByName("map-loaded")[0]?.duration;
          return paint ? [paint, loaded] : false;
        }),
      { timeout: 30000 },
    );
    paints.push(paint[0]);
    loads.push(paint[1]);
  } finally {
    await browser.deleteSession();
  }
}
console.log(
  `open a 5,000-card map to first paint: median ${ms(percentile(paints, 50))}, ` +
    `worst ${ms(Math.max(...paints))} over ${RUNS} opens; ` +
    `of which loading the map over IPC: median ${ms(percentile(loads, 50))}`,
);
driver.stop();
