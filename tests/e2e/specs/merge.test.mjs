// A whole round with a colleague: the map is exported, Ana's Waymark changes her copy, the
// map changes at home meanwhile, and her copy is merged back through the import dialog with
// its one conflict decided. Ctrl+Z undoes the whole merge; a second round starts from the
// first and brings no old conflict back.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Key } from "webdriverio";
import {
  ARTIFACTS,
  CLI,
  cardByText,
  chooseToImport,
  openMap,
  rewriteCard,
  startDriver,
  texts,
  waitSaved,
} from "../harness.mjs";

const SAMPLE = "Meal-kit subscription: first month";
const dir = mkdtempSync(path.join(tmpdir(), "waymark-merge-"));
let driver;
let browser;

before(async () => {
  driver = await startDriver();
  browser = await driver.launch();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  driver?.stop();
});

/** Ana's own Waymark: another library, used through the command line. */
const ana = {
  db: path.join(dir, "ana.db"),
  map: "",
  cli(...args) {
    return execFileSync(CLI, ["--db", this.db, ...args], {
      encoding: "utf8",
      env: { ...process.env, XDG_STATE_HOME: path.join(dir, "ana-state") },
    });
  },
  apply(ops) {
    const batch = path.join(dir, "ana-ops.json");
    execFileSync("sh", ["-c", `cat > "${batch}"`], {
      input: JSON.stringify(ops),
    });
    this.cli("apply", this.map, batch);
  },
};

function sampleId() {
  return JSON.parse(driver.cli("list", "--json")).find(
    (m) => m.title === SAMPLE,
  ).id;
}

function savedMap() {
  return JSON.parse(
    driver.cli("export", sampleId(), "--format", "json", "--out", "-"),
  ).map;
}

async function retype(from, to) {
  const card = await cardByText(browser, from);
  await card.doubleClick();
  await (await browser.$("textarea")).waitForExist();
  await browser.keys([Key.Ctrl, "a"]);
  await browser.keys(to);
  await browser.keys(Key.Enter);
  await waitSaved(browser);
}

async function backToLibrary() {
  await (
    await browser.$('button[aria-label="Back to the map library"]')
  ).click();
  await browser.$('[data-testid="import"]').waitForExist({ timeout: 10000 });
}

/** Imports the file through the import dialog and chooses to merge it. */
async function mergeThroughImport(file) {
  const confirm = await chooseToImport(browser, file);
  const merge = await browser.$('[data-testid="merge-into"]');
  assert.ok(
    await merge.isSelected(),
    "merging is what the dialog offers first",
  );
  await browser.saveScreenshot(path.join(ARTIFACTS, "merge-import.png"));
  await confirm.click();
  await browser
    .$('[data-testid="merge-panel"]')
    .waitForExist({ timeout: 15000 });
}

let file = null;
let sent = null;

test("a colleague's copy is merged with its one conflict decided, and Ctrl+Z undoes it", async () => {
  const id = sampleId();
  const sentPath = path.join(dir, "meal-kit.journey.json");
  driver.cli("export", id, "--format", "json", "--out", sentPath);
  sent = JSON.parse(readFileSync(sentPath, "utf8"));
  const card = (text) => sent.map.cards.find((c) => c.text === text);
  const conflicted = card("Compares three meal-kit services side by side");
  const removed = card("Reads reviews about delivery reliability");
  const moved = card("Skips a week while on holiday");
  const stages = sent.map.stages;

  // Ana imports the file in her Waymark and changes her copy.
  ana.map = ana.cli("import", sentPath).trim();
  const emotion = sent.map.emotions[0];
  ana.apply([
    rewriteCard(conflicted, "Compares prices per portion"),
    {
      type: "AddCard",
      card: {
        id: "card-from-ana",
        stage_id: stages[0].id,
        lane_id: conflicted.lane,
        position: 0,
        text: "Asks friends on WhatsApp",
        tags: [],
      },
    },
    { type: "RemoveCard", id: removed.id },
    {
      type: "MoveCard",
      id: moved.id,
      stage_id: stages[stages.length - 1].id,
      lane_id: moved.lane,
      position: 0,
    },
    {
      type: "SetEmotion",
      persona_id: emotion.persona,
      stage_id: emotion.stage,
      state: emotion.state,
      score: emotion.score === -2 ? 2 : -2,
      note: emotion.note ?? null,
    },
  ]);
  file = path.join(dir, "from-ana.journey.json");
  ana.cli("export", ana.map, "--format", "json", "--out", file);
  const back = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(
    back.lineage.ancestors[0],
    sent.lineage.version,
    "Ana's copy descends from ours",
  );

  // Meanwhile at home: another card, and the same card reworded differently.
  await openMap(browser, SAMPLE);
  await retype("Instagram ad", "Instagram story");
  await retype(
    "Compares three meal-kit services side by side",
    "Compares delivery slots",
  );
  const beforeMerge = savedMap();
  await backToLibrary();

  await mergeThroughImport(file);
  const [summary] = await texts(browser, '[data-testid="merge-summary"]');
  assert.equal(
    summary,
    "4 changes from from-ana.journey.json applied, 1 conflict",
  );
  const conflicts = await texts(browser, '[data-testid="conflict"]');
  assert.equal(conflicts.length, 1);
  assert.match(conflicts[0], /Compares delivery slots/);
  assert.match(conflicts[0], /Compares prices per portion/);
  const marks = await browser.execute(() => ({
    added: document.querySelectorAll('[data-mark="added"]').length,
    moved: document.querySelectorAll('[data-mark="moved"]').length,
    ghosts: document.querySelectorAll('[data-testid="ghost-card"]').length,
  }));
  assert.deepEqual(marks, { added: 1, moved: 1, ghosts: 1 });
  await browser.saveScreenshot(path.join(ARTIFACTS, "merge.png"));

  // Take Ana's wording; the canvas previews it before anything is written.
  await (await browser.$('[data-testid="choose-theirs"]')).click();
  await browser.waitUntil(
    async () =>
      (await texts(browser, "[data-card-id] .text")).includes(
        "Compares prices per portion",
      ),
    { timeout: 10000, timeoutMsg: "the preview does not show the choice" },
  );
  assert.deepEqual(
    savedMap().cards.map((c) => c.text),
    beforeMerge.cards.map((c) => c.text),
  );
  await browser.saveScreenshot(path.join(ARTIFACTS, "merge-decided.png"));
  await (await browser.$('[data-testid="apply-merge"]')).click();
  await browser
    .$('[data-testid="merge-panel"]')
    .waitForExist({ reverse: true, timeout: 10000 });
  await waitSaved(browser);

  const merged = savedMap();
  const textsNow = merged.cards.map((c) => c.text);
  for (const kept of [
    "Instagram story",
    "Compares prices per portion",
    "Asks friends on WhatsApp",
  ]) {
    assert.ok(textsNow.includes(kept), `${kept} missing after the merge`);
  }
  assert.ok(!textsNow.includes("Reads reviews about delivery reliability"));
  assert.equal(
    merged.cards.find((c) => c.id === moved.id).stage,
    stages[stages.length - 1].id,
  );
  const point = merged.emotions.find(
    (e) =>
      e.persona === emotion.persona &&
      e.stage === emotion.stage &&
      e.state === emotion.state,
  );
  assert.equal(point.score, emotion.score === -2 ? 2 : -2);

  // Ctrl+Z: the map is as it was before the merge.
  await browser.keys([Key.Ctrl, "z"]);
  await waitSaved(browser);
  assert.deepEqual(
    savedMap()
      .cards.map((c) => c.text)
      .sort(),
    beforeMerge.cards.map((c) => c.text).sort(),
  );
  // And back again, for the next round.
  await browser.keys([Key.Ctrl, "y"]);
  await waitSaved(browser);
  assert.ok(
    savedMap().cards.some((c) => c.text === "Asks friends on WhatsApp"),
  );
});

test("a second round starts from the first merge and brings back no old conflict", async () => {
  assert.ok(file, "the first round ran");
  const again = JSON.parse(readFileSync(file, "utf8"));
  const card = again.map.cards.find((c) => c.text === "Support chat");
  ana.apply([rewriteCard(card, "Support chat, second round")]);
  const second = path.join(dir, "from-ana-2.journey.json");
  ana.cli("export", ana.map, "--format", "json", "--out", second);

  await backToLibrary();
  await mergeThroughImport(second);
  const [summary] = await texts(browser, '[data-testid="merge-summary"]');
  assert.equal(await browser.$$('[data-testid="conflict"]').length, 0, summary);
  assert.equal(
    summary,
    "1 change from from-ana-2.journey.json applied, no conflicts",
  );
  await browser.saveScreenshot(path.join(ARTIFACTS, "merge-second-round.png"));
  await (await browser.$('[data-testid="apply-merge"]')).click();
  await browser
    .$('[data-testid="merge-panel"]')
    .waitForExist({ reverse: true, timeout: 10000 });
  await waitSaved(browser);
  const textsNow = savedMap().cards.map((c) => c.text);
  assert.ok(
    textsNow.includes("Compares prices per portion"),
    "round one's choice stays",
  );
  assert.ok(textsNow.includes("Support chat, second round"));
  assert.ok(
    textsNow.includes("Instagram story"),
    "the change made at home stays",
  );
});
