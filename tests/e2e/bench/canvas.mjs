// Canvas speed in the real app: frame times while a card is dragged on a 1,000-card map, and
// the time from opening a 5,000-card map to its first painted frame. Prints the figures.
//
//   scripts/bench-canvas.sh   (builds the app, then runs this under Xvfb)

import { startDriver, openMap } from "../harness.mjs";

const RUNS = Number(process.env.RUNS ?? 6);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

const ms = (n) => `${n.toFixed(1)} ms`;

const driver = await startDriver();
const small = driver.cli("sample", "--cards", "1000", "--seed", "7").trim();
const big = driver.cli("sample", "--cards", "5000", "--seed", "7").trim();
const titles = Object.fromEntries(
  JSON.parse(driver.cli("list", "--json")).map((m) => [m.id, m.title]),
);

let browser = await driver.launch();
try {
  await openMap(browser, titles[small]);
  await browser.waitUntil(
    () =>
      browser.execute(
        () => performance.getEntriesByName("map-fully-drawn").length > 0,
      ),
    { timeout: 30000, timeoutMsg: "the map was never fully drawn" },
  );
  // Odd runs only move the pointer over the map without pressing: the cost of the scripted
  // input and of painting the window, without any drag.
  const frames = [];
  const hovering = [];
  for (let run = 0; run < RUNS; run++) {
    // A card in the first stage, dragged across four columns and back down the rows.
    const cardEl = await browser.$("[data-card-id]");
    const rect = await browser.execute((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, cardEl);
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
    const hover = run % 2 === 1;
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
    const recorded = await browser.execute(() => {
      window.__recording = false;
      return window.__frames.slice(1);
    });
    (hover ? hovering : frames).push(...recorded);
  }
  console.log(
    `drag on a 1,000-card map: ${frames.length} frames over ${Math.ceil(RUNS / 2)} drags; ` +
      `p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))}, ` +
      `max ${ms(Math.max(...frames))} (60 fps is 16.7 ms)`,
  );
  console.log(
    `the same pointer path without a drag: p50 ${ms(percentile(hovering, 50))}, ` +
      `p95 ${ms(percentile(hovering, 95))}`,
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
    `worst ${ms(Math.max(...paints))} over ${RUNS} opens (target < 1000 ms); ` +
    `of which loading the map over IPC: median ${ms(percentile(loads, 50))}`,
);
driver.stop();
