// The canvas's camera, end to end: Fit, the zoom range from the keys and the wheel, and cards
// dragged far away and close up, with real pointer, wheel and key input; where the cards
// landed is checked in the library file through waymark-cli.

import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Key } from "webdriverio";
import {
  ARTIFACTS,
  cardByText,
  ctrlWheel,
  openMap,
  startDriver,
  waitFullyDrawn,
  waitSaved,
} from "../harness.mjs";

const SAMPLE = "Meal-kit subscription: first month";
let driver;
let browser;
let big;

before(async () => {
  driver = await startDriver();
  const id = driver.cli("sample", "--cards", "1000", "--seed", "7").trim();
  big = JSON.parse(driver.cli("list", "--json")).find((m) => m.id === id).title;
  browser = await driver.launch();
  await openMap(browser, SAMPLE);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  driver?.stop();
});

const level = async () =>
  parseInt(await browser.$('[data-testid="zoom-level"]').getText(), 10);

/** Waits for the zoom shown to be `percent`, and for the canvas to be drawn at it. */
async function zoomIs(percent, message) {
  await browser.waitUntil(
    async () =>
      (await level()) === percent &&
      (await browser.execute(
        (p) =>
          Math.abs(
            document.querySelector("[data-scene]").getBoundingClientRect()
              .width /
              document.querySelector("[data-scene]").offsetWidth -
              p / 100,
          ) < 0.01,
        percent,
      )),
    { timeout: 5000, timeoutMsg: `${message}: the zoom is ${await level()}%` },
  );
}

/** Waits for the zoom to stop changing (Fit corrects itself once the map is drawn). */
async function settled() {
  let last = -1;
  await browser.waitUntil(
    async () => {
      const now = await level();
      await sleep(400);
      const same = now === last && now === (await level());
      last = now;
      return same;
    },
    { timeout: 10000, timeoutMsg: "the zoom did not settle" },
  );
}

/** Presses a zoom key until the zoom is `percent`, at most `most` times. */
async function pressUntil(key, percent, most = 20) {
  for (let i = 0; i < most && (await level()) !== percent; i++) {
    await browser.keys(key);
    // Each step glides for a moment: read the zoom once it has arrived.
    await sleep(300);
  }
  await zoomIs(percent, `${key} did not reach ${percent}%`);
}

/**
 * What is wrong with the frozen headers as drawn: any stage header or lane label outside the
 * window, cut short, or with a word broken across two lines.
 */
function headerProblems() {
  return browser.execute(() => {
    const problems = [];
    const inWindow = (r) =>
      r.left >= -0.5 &&
      r.top >= -0.5 &&
      r.right <= window.innerWidth + 0.5 &&
      r.bottom <= window.innerHeight + 0.5;
    for (const header of document.querySelectorAll(
      "[data-stage-header], [data-lane-header]",
    )) {
      const name = header.querySelector(".name");
      const label = name?.textContent ?? "";
      const box = header.getBoundingClientRect();
      if (!inWindow(box)) problems.push(`"${label}" is not in the window`);
      if (!name) continue;
      const own = name.getBoundingClientRect();
      const shown = header.parentElement.getBoundingClientRect();
      if (
        name.scrollWidth > name.clientWidth + 1 ||
        name.scrollHeight > name.clientHeight + 1 ||
        own.bottom > shown.bottom + 0.5 ||
        own.right > shown.right + 0.5
      )
        problems.push(`"${label}" is cut short`);
      const text = name.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      for (const word of label.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const lines = new Set(
          [...range.getClientRects()].map((r) => Math.round(r.top)),
        );
        if (lines.size > 1) problems.push(`"${word[0]}" breaks across lines`);
      }
    }
    return problems;
  });
}

/** The map called `title` as waymark-cli exports it from the library file. */
function saved(title) {
  const [map] = JSON.parse(driver.cli("list", "--json")).filter(
    (m) => m.title === title,
  );
  return JSON.parse(
    driver.cli("export", map.id, "--format", "json", "--out", "-"),
  ).map;
}

/** Waits for the library file to have the card with this text in this cell. */
async function landsIn(text, cell) {
  let seen;
  await browser
    .waitUntil(
      async () => {
        seen = whereIs(saved(SAMPLE), text);
        return seen.stage === cell.stage && seen.lane === cell.lane;
      },
      { timeout: 5000 },
    )
    .catch(() => {});
  assert.deepEqual(seen, cell);
}

function whereIs(map, text) {
  const card = map.cards.find((c) => c.text === text);
  assert.ok(card, `no card "${text}"`);
  return {
    stage: map.stages.find((s) => s.id === card.stage).name,
    lane: map.lanes.find((l) => l.id === card.lane).title,
  };
}

/** Drags the card with this text with the mouse and drops it low in the cell. */
async function dragCardTo(text, cell) {
  const card = await cardByText(browser, text);
  // Selected first: the inspector it opens narrows the canvas.
  await card.click();
  await browser.$('[data-testid="inspector"]').waitForExist({ timeout: 5000 });
  await sleep(300);
  const from = await centreOf(card);
  const to = await browser.execute((el) => {
    const r = el.getBoundingClientRect();
    const view = document
      .querySelector("[data-scroller]")
      .getBoundingClientRect();
    if (r.left + r.width / 2 > view.right) return null;
    return {
      x: r.left + r.width / 2,
      y: r.bottom - Math.min(12, r.height / 4),
    };
  }, cell);
  assert.ok(to, "the cell to drop on is in view");
  let chain = browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ origin: "viewport", x: Math.round(from.x), y: Math.round(from.y) })
    .down({ button: 0 });
  for (let i = 1; i <= 10; i++) {
    chain = chain.move({
      origin: "viewport",
      x: Math.round(from.x + ((to.x - from.x) * i) / 10),
      y: Math.round(from.y + ((to.y - from.y) * i) / 10),
      duration: 30,
    });
  }
  await chain.up({ button: 0 }).perform();
  await waitSaved(browser);
}

/** The middle of an element, in the window's pixels. */
const centreOf = (element) =>
  browser.execute((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, element);

/** Fit with Shift+1: the zoom falls below `below`%, settles, and the headers are whole. */
async function fitsWhole(below, screenshot) {
  await browser.keys([Key.Shift, "!"]);
  await browser.waitUntil(async () => (await level()) < below, {
    timeout: 5000,
    timeoutMsg: "Shift+1 did not zoom out to fit",
  });
  await settled();
  await browser.saveScreenshot(path.join(ARTIFACTS, screenshot));
  assert.deepEqual(await headerProblems(), []);
}

const cellAt = (stage, lane) =>
  browser.$(`[data-cell][data-stage="${stage}"][data-lane="${lane}"]`);

test("Fit shows every stage header and lane label of the sample map, whole", async () => {
  await fitsWhole(100, "camera-fit-sample.png");
  const cards = await browser.execute(() =>
    [...document.querySelectorAll("[data-scene] [data-card-id]")].every(
      (card) => {
        const r = card.getBoundingClientRect();
        return r.bottom <= window.innerHeight && r.right <= window.innerWidth;
      },
    ),
  );
  assert.ok(cards, "every card is in the window");
});

test("the keys zoom from 4% to 400% in steps, and Ctrl+0 goes back to 100%", async () => {
  await browser.keys([Key.Ctrl, "0"]);
  await zoomIs(100, "Ctrl+0 did not go to 100%");
  await pressUntil("-", 25, 10);
  await pressUntil("-", 10, 10);
  await pressUntil("-", 4, 4);
  await browser.saveScreenshot(path.join(ARTIFACTS, "camera-10.png"));
  await pressUntil("+", 400, 25);
  await browser.saveScreenshot(path.join(ARTIFACTS, "camera-400.png"));
  assert.deepEqual(
    (await headerProblems()).filter((p) => !p.includes("not in the window")),
    [],
    "at 400% the headers in view are still drawn whole",
  );
  await browser.keys([Key.Ctrl, "0"]);
  await zoomIs(100, "Ctrl+0 did not go back to 100%");
});

test("Ctrl+wheel zooms from 4% to 400% around the pointer", async () => {
  const cell = await cellAt("Retention", "Touchpoints");
  await cell.scrollIntoView({ block: "center", inline: "center" });
  await sleep(300);
  const under = () => centreOf(cell);
  const point = await under();
  await ctrlWheel(browser, point, 4);
  await browser.waitUntil(async () => (await level()) > 150, {
    timeout: 5000,
    timeoutMsg: "turning the wheel away from you with Ctrl did not zoom in",
  });
  const after = await under();
  assert.ok(
    Math.abs(after.x - point.x) < 30 && Math.abs(after.y - point.y) < 30,
    `the cell under the pointer stayed there: ${JSON.stringify([point, after])}`,
  );
  // Out past 10% as far as it goes, and in again as far as it goes.
  await ctrlWheel(browser, point, -40);
  await zoomIs(4, "the wheel did not zoom out as far as it goes");
  await browser.saveScreenshot(path.join(ARTIFACTS, "camera-wheel-4.png"));
  await ctrlWheel(browser, point, 50);
  await zoomIs(400, "the wheel did not zoom in as far as it goes");
  await browser.keys([Key.Ctrl, "0"]);
  await zoomIs(100, "Ctrl+0 did not go back to 100%");
});

test("a card dragged at 25% lands in the cell under the pointer", async () => {
  await browser.keys([Key.Ctrl, "0"]);
  await zoomIs(100, "Ctrl+0 did not go to 100%");
  await pressUntil("-", 25, 10);
  await browser.execute(() =>
    document.querySelector("[data-scroller]").scrollTo(0, 0),
  );
  await sleep(300);
  await dragCardTo(
    "Instagram ad",
    await cellAt("Decision", "Thoughts & questions"),
  );
  await landsIn("Instagram ad", {
    stage: "Decision",
    lane: "Thoughts & questions",
  });
  await browser.saveScreenshot(path.join(ARTIFACTS, "camera-drag-25.png"));
});

test("a card dragged at 200% lands in the cell under the pointer", async () => {
  await browser.keys([Key.Ctrl, "0"]);
  await zoomIs(100, "Ctrl+0 did not go to 100%");
  await pressUntil("+", 200, 6);
  const card = await cardByText(browser, "Comparison website");
  // At the left of the canvas, so the next stage is in view beside the inspector.
  await card.scrollIntoView({ block: "center", inline: "start" });
  await sleep(400);
  const target = await cellAt("Decision", "Touchpoints");
  await dragCardTo("Comparison website", target);
  await landsIn("Comparison website", {
    stage: "Decision",
    lane: "Touchpoints",
  });
  await browser.saveScreenshot(path.join(ARTIFACTS, "camera-drag-200.png"));
  await browser.keys([Key.Ctrl, "0"]);
});

test("Fit shows every stage header and lane label of a 1,000-card map, whole", async () => {
  await browser.$('[aria-label="Back to the map library"]').click();
  await openMap(browser, big);
  await waitFullyDrawn(browser);
  await fitsWhole(50, "camera-fit-1000.png");
});

test("a big map draws only the cards in view and near it, and the rest as the view moves", async () => {
  await browser.keys([Key.Ctrl, "0"]);
  await zoomIs(100, "Ctrl+0 did not go to 100%");
  await browser.execute(() =>
    document.querySelector("[data-scroller]").scrollTo(0, 0),
  );
  await sleep(500);
  const drawn = () =>
    browser.execute(() => ({
      cards: document.querySelectorAll("[data-scene] [data-card-id]").length,
      elements: document.getElementsByTagName("*").length,
    }));
  const atTop = await drawn();
  assert.ok(
    atTop.cards > 0 && atTop.cards < 400,
    `cards drawn: ${atTop.cards}`,
  );
  assert.ok(atTop.elements < 3000, `elements in the page: ${atTop.elements}`);
  // The last lane's last stage, far below and to the right.
  const far = await browser.execute(() => {
    const cells = [...document.querySelectorAll("[data-cell]")];
    const cell = cells[cells.length - 1];
    return [cell.dataset.stage, cell.dataset.lane];
  });
  const farCell = await cellAt(far[0], far[1]);
  assert.equal(await farCell.$$("[data-card-id]").length, 0, "not drawn yet");
  await browser.execute(() => {
    const s = document.querySelector("[data-scroller]");
    s.scrollTo(s.scrollWidth, s.scrollHeight);
  });
  await browser.waitUntil(
    async () => (await farCell.$$("[data-card-id]").length) > 0,
    { timeout: 5000, timeoutMsg: "the cards in view were not drawn" },
  );
  const atEnd = await drawn();
  assert.ok(atEnd.cards < 400, `cards drawn: ${atEnd.cards}`);
  await browser.saveScreenshot(path.join(ARTIFACTS, "camera-far-corner.png"));
});
