// Versions end to end: save one, change a card, move another and delete a third, compare
// (three differences listed and marked on the canvas, and waymark-cli diff agrees), restore,
// and undo the restore.

import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { Key } from "webdriverio";
import {
  ARTIFACTS,
  cardByText,
  texts,
  waitSaved,
  withMapOpen,
} from "../harness.mjs";

const SAMPLE = "Meal-kit subscription: first month";
const session = withMapOpen(SAMPLE);

function sampleId() {
  const { driver } = session;
  return JSON.parse(driver.cli("list", "--json")).find(
    (m) => m.title === SAMPLE,
  ).id;
}

function savedTexts() {
  const { driver } = session;
  const map = JSON.parse(
    driver.cli("export", sampleId(), "--format", "json", "--out", "-"),
  ).map;
  return map.cards.map((c) => c.text);
}

test("a version compared with the map shows three edits, and a restore undoes", async () => {
  const { browser, driver } = session;
  await (await browser.$('[data-testid="history-button"]')).click();
  await (await browser.$('[data-testid="save-version"]')).click();
  const name = await browser.$('[data-testid="version-name"]');
  await name.setValue("Shown to the board");
  await (await browser.$('[data-testid="version-save"]')).click();
  await browser.$('[data-testid="version"]').waitForExist({ timeout: 10000 });

  // Change one card's text.
  const edited = await cardByText(
    browser,
    "Compares three meal-kit services side by side",
  );
  await edited.doubleClick();
  const field = await browser.$("textarea");
  await field.waitForExist();
  await browser.keys([Key.Ctrl, "a"]);
  await browser.keys("Compares four services");
  await browser.keys(Key.Enter);
  await waitSaved(browser);
  // Move another with the keyboard, one stage to the right.
  const moved = await cardByText(browser, "Skips a week while on holiday");
  await moved.click();
  await browser.keys(" ");
  await browser.keys(Key.ArrowLeft);
  await browser.keys(" ");
  await waitSaved(browser);
  // Delete a third.
  const removed = await cardByText(
    browser,
    "Reads reviews about delivery reliability",
  );
  await removed.click();
  await browser.keys(Key.Delete);
  await waitSaved(browser);

  await (await browser.$('[data-testid="compare-version"]')).click();
  await browser
    .$('[data-testid="compare-panel"]')
    .waitForExist({ timeout: 10000 });
  const listed = await texts(browser, '[data-testid="difference"]');
  assert.equal(listed.length, 3, listed.join("\n"));
  assert.ok(
    listed.some((t) => t.includes("now reads “Compares four services”")),
    listed.join("\n"),
  );
  assert.ok(
    listed.some(
      (t) => t.includes("Skips a week while on holiday") && t.includes("moved"),
    ),
  );
  assert.ok(
    listed.some(
      (t) =>
        t.includes("Reads reviews about delivery reliability") &&
        t.includes("removed"),
    ),
  );
  const marks = await browser.execute(() => ({
    changed: document.querySelectorAll('[data-mark="changed"]').length,
    moved: document.querySelectorAll('[data-mark="moved"]').length,
    ghosts: document.querySelectorAll('[data-testid="ghost-card"]').length,
  }));
  assert.deepEqual(marks, { changed: 1, moved: 1, ghosts: 1 });
  await browser.saveScreenshot(path.join(ARTIFACTS, "compare.png"));

  // The command line agrees.
  const id = sampleId();
  const version = JSON.parse(driver.cli("versions", id, "--json")).find(
    (v) => v.name === "Shown to the board",
  ).id;
  let said = "";
  try {
    driver.cli("diff", `${id}@${version}`, id);
  } catch (error) {
    said = String(error.stdout ?? "");
  }
  assert.equal(said.trim().split("\n").length, 3, said);

  // Restore from the review bar; the map is as it was; Ctrl+Z brings the edits back.
  await (await browser.$("button=Restore this version")).click();
  await browser
    .$('[data-testid="review-bar"]')
    .waitForExist({ reverse: true, timeout: 10000 });
  await waitSaved(browser);
  let cards = savedTexts();
  assert.ok(cards.includes("Compares three meal-kit services side by side"));
  assert.ok(cards.includes("Reads reviews about delivery reliability"));
  await browser.keys([Key.Ctrl, "z"]);
  await waitSaved(browser);
  cards = savedTexts();
  assert.ok(
    cards.includes("Compares four services"),
    "undo brings the edits back",
  );
  assert.ok(!cards.includes("Reads reviews about delivery reliability"));
  await browser.waitUntil(
    async () => {
      const onCanvas = await texts(browser, "[data-card-id] .text");
      return (
        onCanvas.includes("Compares four services") &&
        !onCanvas.includes("Reads reviews about delivery reliability")
      );
    },
    { timeout: 10000, timeoutMsg: "the canvas does not show the undo" },
  );
  await browser.saveScreenshot(path.join(ARTIFACTS, "history.png"));
});
