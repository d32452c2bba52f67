// The walking skeleton, end to end: the real app, a temporary library, waymark-cli to check it.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  ARTIFACTS,
  openMap,
  startDriver,
  texts,
  waitSaved,
} from "../harness.mjs";

const SAMPLE = "Meal-kit subscription: first month";
let driver;

before(async () => {
  driver = await startDriver();
});

after(() => driver?.stop());

test("the sample map renders with its stages, lanes, cards, persona and curve", async () => {
  const browser = await driver.launch();
  try {
    await openMap(browser, SAMPLE);
    const stages = await texts(browser, '[data-testid="stage-header"]');
    assert.equal(stages.length, 5);
    assert.match(stages[0], /Awareness/);
    assert.match(stages[4], /Advocacy/);
    const lanes = await texts(browser, '[data-testid="lane-label"] .name');
    assert.ok(lanes.includes("Pain points"), `lanes: ${lanes}`);
    assert.equal(lanes.length, 9);
    const cards = await texts(browser, '[data-testid="card"]');
    assert.equal(cards.length, 34);
    assert.ok(
      cards.some((t) => t.includes("Surprise delivery costs at checkout")),
    );
    assert.equal(await browser.$$('[data-testid="persona"]').length, 1);
    const curve = await browser.$('[data-testid="curve-current"]');
    assert.match(await curve.getAttribute("d"), /^M [\d.]+ [\d.]+ C /);
    await browser.saveScreenshot(path.join(ARTIFACTS, "sample-map.png"));
  } finally {
    await browser.deleteSession();
  }
});

test("a map created from a template in the UI is in the library file", async () => {
  const browser = await driver.launch();
  try {
    await (await browser.$('[data-testid="new-map"]')).click();
    const title = await browser.$('[data-testid="new-map-title"]');
    await title.setValue("Airport check-in");
    await (await browser.$('[data-testid="template-b2b-long"]')).click();
    await (await browser.$('[data-testid="create-map"]')).click();
    await browser
      .$('[data-testid="map-grid"]')
      .waitForExist({ timeout: 10000 });
    assert.equal(await browser.$$('[data-testid="stage-header"]').length, 7);
  } finally {
    await browser.deleteSession();
  }
  const maps = JSON.parse(driver.cli("list", "--json"));
  const created = maps.find((m) => m.title === "Airport check-in");
  assert.ok(created, `not listed: ${JSON.stringify(maps)}`);
  assert.equal(created.stages, 7);
  assert.equal(created.lanes, 8);
});

test("a card and a title typed in the UI are still there after a restart", async () => {
  let browser = await driver.launch();
  try {
    await openMap(browser, SAMPLE);
    const cell = await browser.$(
      '[data-testid="cell"][data-stage="Advocacy"][data-lane="Pain points"]',
    );
    await cell.scrollIntoView({ block: "center", inline: "center" });
    await (await cell.$('[data-testid="add-card"]')).click();
    const editor = await cell.$('[data-testid="card-editor"]');
    await editor.setValue("Referral credit arrives weeks late");
    await browser.keys("Enter");
    await waitSaved(browser);
    const title = await browser.$("#map-title");
    await title.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Meal kits, first month");
    await browser.keys("Enter");
    await waitSaved(browser);
  } finally {
    await browser.deleteSession();
  }

  browser = await driver.launch();
  try {
    await openMap(browser, "Meal kits, first month");
    const inCell = await texts(
      browser,
      '[data-testid="cell"][data-stage="Advocacy"][data-lane="Pain points"] [data-testid="card"]',
    );
    assert.ok(
      inCell.some((t) => t.includes("Referral credit arrives weeks late")),
      `cell: ${inCell}`,
    );
    await browser.saveScreenshot(path.join(ARTIFACTS, "after-restart.png"));
  } finally {
    await browser.deleteSession();
  }
  const listed = JSON.parse(driver.cli("list", "--json")).find(
    (m) => m.title === "Meal kits, first month",
  );
  assert.equal(listed.cards, 35);
  const integrity = execFileSync(
    "sqlite3",
    [driver.db, "PRAGMA integrity_check;"],
    { encoding: "utf8" },
  );
  assert.equal(integrity.trim(), "ok");
});
