// The canvas, end to end: real pointer and keyboard input in the app, checked in the library
// file through waymark-cli.

import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Key } from "webdriverio";
import {
  ARTIFACTS,
  appIsRunning,
  cardByText,
  closeAppWindow,
  openMap,
  startDriver,
  texts,
  waitSaved,
} from "../harness.mjs";

const SAMPLE = "Meal-kit subscription: first month";
let driver;
let browser;

before(async () => {
  driver = await startDriver();
  browser = await driver.launch();
  await openMap(browser, SAMPLE);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  driver?.stop();
});

/** The sample map as waymark-cli exports it from the library file. */
function saved() {
  const [map] = JSON.parse(driver.cli("list", "--json")).filter(
    (m) => m.title === SAMPLE,
  );
  return JSON.parse(
    driver.cli("export", map.id, "--format", "json", "--out", "-"),
  ).map;
}

function stageNames(map) {
  return map.stages.map((s) => s.name);
}

/** The stage and lane names of the card with this text, and its place in its cell. */
function whereIs(map, text) {
  const card = map.cards.find((c) => c.text === text);
  assert.ok(card, `no card "${text}"`);
  const cell = map.cards.filter(
    (c) => c.stage === card.stage && c.lane === card.lane,
  );
  return {
    stage: map.stages.find((s) => s.id === card.stage).name,
    lane: map.lanes.find((l) => l.id === card.lane).title,
    index: cell.indexOf(card),
  };
}

function currentScore(map, stageName) {
  const stage = map.stages.find((s) => s.name === stageName);
  return map.emotions.find((e) => e.stage === stage.id && e.state === "current")
    ?.score;
}

/** The element for a card, found by its text in the page. */
const card = (text) => cardByText(browser, text);

/** Presses at `from`, moves in steps to `to` (each an element and an offset), releases. */
async function drag(
  from,
  to,
  { steps = 8, dx = 0, dy = 0, fromDx = 0, fromDy = 0 } = {},
) {
  let chain = browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ origin: from, x: fromDx, y: fromDy })
    .down({ button: 0 })
    .move({ origin: "pointer", x: 6, y: 6, duration: 50 });
  const start = await from.getLocation();
  const size = await from.getSize();
  const end = await to.getLocation();
  const endSize = await to.getSize();
  const x0 = start.x + size.width / 2 + fromDx + 6;
  const y0 = start.y + size.height / 2 + fromDy + 6;
  const x1 = end.x + endSize.width / 2 + dx;
  const y1 = end.y + endSize.height / 2 + dy;
  for (let i = 1; i <= steps; i++) {
    chain = chain.move({
      origin: "viewport",
      x: Math.round(x0 + ((x1 - x0) * i) / steps),
      y: Math.round(y0 + ((y1 - y0) * i) / steps),
      duration: 30,
    });
  }
  await chain.up({ button: 0 }).perform();
}

test("a card dragged with the pointer lands in the other cell", async () => {
  const text = "Picks the family plan and enters a discount code";
  assert.deepEqual(whereIs(saved(), text), {
    stage: "Decision",
    lane: "Customer actions",
    index: 0,
  });
  const target = await browser.$(
    '[data-cell][data-stage="Consideration"][data-lane="Customer actions"] [data-testid="add-card"]',
  );
  await drag(await card(text), target);
  await waitSaved(browser);
  assert.deepEqual(whereIs(saved(), text), {
    stage: "Consideration",
    lane: "Customer actions",
    index: 2,
  });
});

test("a stage dragged by its header takes its new place", async () => {
  assert.deepEqual(stageNames(saved()).slice(0, 3), [
    "Awareness",
    "Consideration",
    "Decision",
  ]);
  const headers = await browser.$$('[data-testid="stage-header"]');
  // Dropped past the middle of "Decision": Awareness becomes the third stage.
  await drag(headers[0], headers[2], { dx: 60, fromDx: -60 });
  await waitSaved(browser);
  assert.deepEqual(stageNames(saved()), [
    "Consideration",
    "Decision",
    "Awareness",
    "Retention",
    "Advocacy",
  ]);
  const shown = await texts(browser, '[data-testid="stage-header"] .name');
  assert.deepEqual(shown.slice(0, 3), [
    "Consideration",
    "Decision",
    "Awareness",
  ]);
});

test("an emotion point dragged up snaps to a whole score", async () => {
  assert.equal(currentScore(saved(), "Retention"), -2);
  const stageId = saved().stages.find((s) => s.name === "Retention").id;
  const point = await browser.$(
    `[data-testid="emotion-point"][data-stage="${stageId}"][data-state="current"]`,
  );
  // One step is a quarter of the chart's inner height (126 px): three steps up is +1.
  await drag(point, point, { dy: -95 });
  await waitSaved(browser);
  assert.equal(currentScore(saved(), "Retention"), 1);
  assert.equal(await point.getAttribute("aria-valuenow"), "1");
});

test("a card moved with the keyboard, then undone and redone with the keyboard", async () => {
  const text = "Could this really save me time on weeknights?";
  const before = whereIs(saved(), text);
  assert.equal(before.stage, "Awareness");
  const element = await card(text);
  await browser.execute((el) => el.focus(), element);
  await browser.keys([" "]);
  await browser.keys(["ArrowRight"]);
  await browser.keys([" "]);
  await waitSaved(browser);
  const moved = whereIs(saved(), text);
  assert.equal(
    moved.stage,
    "Retention",
    "Awareness is third, so right is Retention",
  );
  assert.equal(moved.lane, before.lane);
  const [heard] = await texts(browser, '[data-testid="announcer"]');
  assert.match(heard, /Dropped\. Now in Thoughts & questions, Retention/);

  await browser.keys([Key.Ctrl, "z"]);
  await browser.waitUntil(() => whereIs(saved(), text).stage === "Awareness", {
    timeout: 10000,
    timeoutMsg: "Ctrl+Z did not undo the move",
  });
  await browser.keys([Key.Ctrl, Key.Shift, "z"]);
  await browser.waitUntil(() => whereIs(saved(), text).stage === "Retention", {
    timeout: 10000,
    timeoutMsg: "Ctrl+Shift+Z did not redo the move",
  });
  await browser.keys([Key.Ctrl, "y"]);
  await waitSaved(browser);
  assert.equal(
    whereIs(saved(), text).stage,
    "Retention",
    "nothing left to redo",
  );
});

test("undo still works after the app restarts", async () => {
  const text = "Could this really save me time on weeknights?";
  await waitSaved(browser);
  await browser.deleteSession();
  browser = await driver.launch();
  await openMap(browser, SAMPLE);
  assert.equal(whereIs(saved(), text).stage, "Retention");
  await browser.keys([Key.Ctrl, "z"]);
  await browser.waitUntil(() => whereIs(saved(), text).stage === "Awareness", {
    timeout: 10000,
    timeoutMsg: "Ctrl+Z after a restart did not undo the keyboard move",
  });
  await browser.keys([Key.Ctrl, "z"]);
  await browser.waitUntil(() => currentScore(saved(), "Retention") === -2, {
    timeout: 10000,
    timeoutMsg: "the next Ctrl+Z did not undo the emotion drag",
  });
  const shown = await texts(browser, '[data-testid="card"] .text');
  assert.ok(shown.includes(text));
});

test("a palette chip dropped on a cell adds a card there to type in", async () => {
  const chip = await browser.$('[data-testid="chip-pain_points"]');
  const target = await browser.$(
    '[data-cell][data-stage="Decision"][data-lane="Thoughts & questions"] [data-testid="add-card"]',
  );
  await drag(chip, target);
  const editor = await browser.$('[data-testid="card-editor"]');
  await editor.waitForExist({ timeout: 5000 });
  // Typed over the selected placeholder; setValue would clear the field, which blurs it.
  await editor.addValue("Is the discount code applied twice?");
  await browser.keys(["Enter"]);
  await waitSaved(browser);
  const placed = whereIs(saved(), "Is the discount code applied twice?");
  assert.deepEqual(
    { stage: placed.stage, lane: placed.lane },
    { stage: "Decision", lane: "Thoughts & questions" },
  );
  const added = saved().cards.find(
    (c) => c.text === "Is the discount code applied twice?",
  );
  assert.equal(
    added.colour,
    "#c8553d",
    "a pain-point chip in another lane keeps its colour",
  );
});

test("cards caught in a selection band move together", async () => {
  const first = "Comparison website";
  const second = "Checkout page";
  const from = await card(first);
  const to = await card(second);
  // From just left of the first card to just past the second: both touchpoints are inside.
  await browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ origin: from, x: -128, y: -30 })
    .down({ button: 0 })
    .move({ origin: to, x: 40, y: 0, duration: 200 })
    .move({ origin: to, x: 60, y: 10, duration: 100 })
    .up({ button: 0 })
    .perform();
  const selected = await browser.execute(
    () =>
      document.querySelectorAll('[data-card-id][aria-pressed="true"]').length,
  );
  assert.equal(selected, 2, "the band selected both cards");
  const target = await browser.$(
    '[data-cell][data-stage="Retention"][data-lane="Touchpoints"] [data-testid="add-card"]',
  );
  await drag(await card(first), target);
  await waitSaved(browser);
  const map = saved();
  assert.deepEqual(
    [whereIs(map, first), whereIs(map, second)],
    [
      { stage: "Retention", lane: "Touchpoints", index: 1 },
      { stage: "Retention", lane: "Touchpoints", index: 2 },
    ],
  );
  await browser.keys([Key.Ctrl, "z"]);
  await browser.waitUntil(() => whereIs(saved(), second).stage === "Decision", {
    timeout: 10000,
    timeoutMsg: "one Ctrl+Z did not take the whole group move back",
  });
  assert.equal(whereIs(saved(), first).stage, "Consideration");
});

test("double-clicking an empty part of a cell starts a new card", async () => {
  const cell = await browser.$(
    '[data-cell][data-stage="Awareness"][data-lane="Touchpoints"]',
  );
  // Nothing selected, so no inspector closes (and widens the canvas) on the first click; and
  // the map reopened where it was last looked at, which may not show this cell.
  await browser.keys("Escape");
  await browser
    .$('[data-testid="inspector"]')
    .waitForExist({ reverse: true, timeout: 5000 });
  await cell.scrollIntoView({ block: "center", inline: "center" });
  await sleep(300);
  const size = await cell.getSize();
  // Low in the cell, below its cards and its + button.
  await browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ origin: cell, x: 0, y: Math.floor(size.height / 2) - 4 })
    .down({ button: 0 })
    .up({ button: 0 })
    .down({ button: 0 })
    .up({ button: 0 })
    .perform();
  const editor = await cell.$('[data-testid="card-editor"]');
  await editor.waitForExist({ timeout: 5000 });
  await editor.addValue("Podcast sponsorship");
  await browser.keys(["Enter"]);
  await waitSaved(browser);
  assert.equal(whereIs(saved(), "Podcast sponsorship").stage, "Awareness");
});

test("the whole map fits the window for a screenshot", async () => {
  await (await browser.$("button=Fit")).click();
  await browser.pause(400);
  const zoom = await texts(browser, '[data-testid="zoom-level"]');
  assert.notEqual(zoom[0], "100%");
  await browser.saveScreenshot(path.join(ARTIFACTS, "canvas-fit.png"));
  await (await browser.$('[data-testid="zoom-level"]')).click();
  await browser.waitUntil(
    async () =>
      (await texts(browser, '[data-testid="zoom-level"]'))[0] === "100%",
  );
  await sleep(300);
  await browser.saveScreenshot(path.join(ARTIFACTS, "canvas.png"));
});

test("closing the window right after typing keeps the text", async () => {
  const cell = await browser.$(
    '[data-cell][data-stage="Retention"][data-lane="Customer actions"]',
  );
  // Out from under the frozen stage headers.
  await cell.scrollIntoView({ block: "center", inline: "center" });
  await sleep(300);
  await (await cell.$('[data-testid="add-card"]')).click();
  const editor = await cell.$('[data-testid="card-editor"]');
  // Typed but not confirmed with Enter: closing the window must still keep it.
  await editor.setValue("Cancels before the holiday");
  // As a click on the window's close button: the app gets WM_DELETE_WINDOW and exits.
  closeAppWindow();
  const deadline = Date.now() + 15000;
  while (appIsRunning() && Date.now() < deadline) await sleep(200);
  assert.ok(!appIsRunning(), "the app did not close");
  await browser.deleteSession().catch(() => {});
  browser = null;
  assert.equal(
    whereIs(saved(), "Cancels before the holiday").stage,
    "Retention",
  );
});

test("the map's zoom and scroll are restored after a restart", async () => {
  browser = await driver.launch();
  await openMap(browser, SAMPLE);
  const level = await browser.$('[data-testid="zoom-level"]');
  const zoomIn = await browser.$('[aria-label="Zoom in"]');
  // From 100% (the earlier Fit was kept too): the zoom level button resets it.
  await level.click();
  await browser.waitUntil(async () => (await level.getText()) === "100%");
  await zoomIn.click();
  await zoomIn.click();
  await browser.waitUntil(async () => (await level.getText()) === "141%");
  await browser.execute(() =>
    document.querySelector("[data-scroller]").scrollTo(420, 260),
  );
  const before = await browser.execute(() => {
    const s = document.querySelector("[data-scroller]");
    return [s.scrollLeft, s.scrollTop];
  });
  // The view is kept a moment after it stops changing; the webview writes it to disk after.
  await sleep(2500);
  await browser.deleteSession();
  browser = await driver.launch();
  await openMap(browser, SAMPLE);
  await browser.waitUntil(
    async () =>
      (await browser.$('[data-testid="zoom-level"]').getText()) === "141%",
    { timeout: 10000, timeoutMsg: "the zoom was not restored" },
  );
  await browser.waitUntil(
    async () => {
      const after = await browser.execute(() => {
        const s = document.querySelector("[data-scroller]");
        return [s.scrollLeft, s.scrollTop];
      });
      return (
        Math.abs(after[0] - before[0]) < 3 && Math.abs(after[1] - before[1]) < 3
      );
    },
    { timeout: 10000, timeoutMsg: `the scroll was not restored to ${before}` },
  );
  await browser.saveScreenshot(path.join(ARTIFACTS, "camera-restored.png"));
});

test("Find in map marks the matches and steps through them with Enter and Shift+Enter", async () => {
  await browser.keys([Key.Ctrl, "f"]);
  const input = await browser.$('[data-testid="find-input"]');
  await input.waitForDisplayed({ timeout: 5000 });
  assert.ok(
    await input.isFocused(),
    "Ctrl+F puts the cursor in the find field",
  );
  await input.setValue("support");
  const count = await browser.$('[data-testid="find-count"]');
  await browser.waitUntil(
    async () => /^1 of \d+$/.test(await count.getText()),
    {
      timeout: 5000,
      timeoutMsg: "no matches were counted",
    },
  );
  const total = Number((await count.getText()).split(" of ")[1]);
  assert.ok(total >= 3, `matches: ${total}`);
  const marked = await browser.$$(".card.found");
  assert.equal(marked.length, total);
  const currentText = () =>
    browser.execute(
      () => document.querySelector(".card.found-current")?.textContent ?? "",
    );
  const seen = [await currentText()];
  for (const expected of ["2", "3"]) {
    await browser.keys("Enter");
    await browser.waitUntil(
      async () => (await count.getText()) === `${expected} of ${total}`,
    );
    seen.push(await currentText());
  }
  assert.equal(new Set(seen).size, 3, `three different cards: ${seen}`);
  // The view glides to the match.
  const inView = () =>
    browser.execute(() => {
      const rect = document
        .querySelector(".card.found-current")
        .getBoundingClientRect();
      return (
        rect.top >= 0 &&
        rect.bottom <= window.innerHeight &&
        rect.left >= 0 &&
        rect.right <= window.innerWidth
      );
    });
  await browser.waitUntil(inView, {
    timeout: 5000,
    timeoutMsg: "the view does not follow the match",
  });
  await browser.keys([Key.Shift, "Enter"]);
  await browser.waitUntil(
    async () => (await count.getText()) === `2 of ${total}`,
  );
  assert.equal(await currentText(), seen[1]);
  await sleep(800);
  await browser.saveScreenshot(path.join(ARTIFACTS, "find-in-map.png"));
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await input.isExisting()));
  assert.equal((await browser.$$(".card.found")).length, 0);
});

test("Shift+2 zooms to the selected card and centres it", async () => {
  await browser.$('[data-testid="zoom-level"]').click();
  const card = await cardByText(browser, "Support chat");
  await card.scrollIntoView({ block: "center", inline: "center" });
  await card.click();
  await browser.keys([Key.Shift, "@"]);
  const level = await browser.$('[data-testid="zoom-level"]');
  // One card fills the window less a margin: far closer than 100%.
  await browser.waitUntil(
    async () => parseInt(await level.getText(), 10) >= 250,
    {
      timeout: 5000,
      timeoutMsg: "Shift+2 did not zoom in on one card",
    },
  );
  const offCentre = () =>
    browser.execute(() => {
      // The part of the canvas beside the frozen stage headers and lane names.
      const scroller = document
        .querySelector("[data-scroller]")
        .getBoundingClientRect();
      const left = document
        .querySelector("[data-lane-column]")
        .getBoundingClientRect().right;
      const top = document
        .querySelector("[data-stage-strip]")
        .getBoundingClientRect().bottom;
      const card = document
        .querySelector(".card.selected")
        .getBoundingClientRect();
      return [
        Math.abs(card.left + card.width / 2 - (left + scroller.right) / 2),
        Math.abs(card.top + card.height / 2 - (top + scroller.bottom) / 2),
      ];
    });
  await browser.waitUntil(
    async () => {
      const [x, y] = await offCentre();
      return x < 40 && y < 40;
    },
    {
      timeout: 5000,
      timeoutMsg: "the selected card did not come to the middle",
    },
  );
  await browser.saveScreenshot(path.join(ARTIFACTS, "zoom-to-selection.png"));
});

test("a click in the minimap moves the view there", async () => {
  const toggle = await browser.$('[data-testid="minimap-toggle"]');
  assert.equal(
    await toggle.getAttribute("aria-pressed"),
    "false",
    "hidden at first",
  );
  await toggle.click();
  const minimap = await browser.$('[data-testid="minimap"] svg');
  await minimap.waitForExist({ timeout: 5000 });
  // Zoomed in, the map is wider and taller than the window.
  for (let i = 0; i < 4; i++) await browser.$('[aria-label="Zoom in"]').click();
  const scroll = () =>
    browser.execute(() => {
      const s = document.querySelector("[data-scroller]");
      return { left: s.scrollLeft, top: s.scrollTop };
    });
  await browser.execute(() =>
    document.querySelector("[data-scroller]").scrollTo(0, 0),
  );
  await browser.waitUntil(async () => (await scroll()).left === 0);
  const size = await minimap.getSize();
  // Near the lower right corner of the minimap.
  await browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({
      origin: minimap,
      x: Math.round(size.width * 0.4),
      y: Math.round(size.height * 0.4),
    })
    .down()
    .up()
    .perform();
  await browser.waitUntil(
    async () => {
      const { left, top } = await scroll();
      return left > 200 && top > 100;
    },
    { timeout: 5000, timeoutMsg: "the view did not move to the place clicked" },
  );
  const view = await browser.$('[data-testid="minimap-view"]');
  assert.ok(
    Number(await view.getAttribute("x")) > 0,
    "the view's outline moved",
  );
  await browser.saveScreenshot(path.join(ARTIFACTS, "minimap.png"));
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  await browser.$('[data-testid="zoom-level"]').click();
});
