// The merge view in the real app: two copies of a 5,000-card map, each with 500 changes since
// they parted, and the time from choosing Merge in the import dialog to the merge view shown
// with its preview painted (the map opened and drawn, the merge worked out). Prints the figures.
//
//   scripts/bench-merge.sh   (builds the app, then runs this under Xvfb)

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  CLI,
  chooseInFileDialog,
  chooseToImport,
  rewriteCard,
  startDriver,
} from "../harness.mjs";

const RUNS = Number(process.env.RUNS ?? 3);
const dir = mkdtempSync(path.join(tmpdir(), "waymark-bench-merge-"));
const driver = await startDriver();
const big = driver.cli("sample", "--cards", "5000", "--seed", "7").trim();
const sent = path.join(dir, "sent.journey.json");
driver.cli("export", big, "--format", "json", "--out", sent);
const file = JSON.parse(readFileSync(sent, "utf8"));

/** 500 changes from card `from` on: texts edited and cards moved to another stage. */
function changes(from, words) {
  const cards = file.map.cards;
  const stages = file.map.stages;
  return Array.from({ length: 500 }, (_, i) => {
    const card = cards[(from + i * 9) % cards.length];
    if (i % 2 === 0) return rewriteCard(card, `${words} ${i}`);
    return {
      type: "MoveCard",
      id: card.id,
      stage_id: stages[i % stages.length].id,
      lane_id: card.lane,
      position: 0,
    };
  });
}

function apply(cli, map, ops) {
  const batch = path.join(dir, "ops.json");
  writeFileSync(batch, JSON.stringify(ops));
  cli("apply", map, batch);
}

// The colleague's copy, from their own library.
const ana = (...args) =>
  execFileSync(CLI, ["--db", path.join(dir, "ana.db"), ...args], {
    encoding: "utf8",
    env: { ...process.env, XDG_STATE_HOME: path.join(dir, "ana-state") },
  });
const anaMap = ana("import", sent).trim();
apply(ana, anaMap, changes(2000, "Theirs"));
const back = path.join(dir, "back.journey.json");
ana("export", anaMap, "--format", "json", "--out", back);
apply(driver.cli, big, changes(0, "Mine"));

const browser = await driver.launch();
const shown = [];
const inMap = [];

/** Waits for the merge view with its canvas, then for two frames to be painted. */
async function mergeViewShown() {
  await browser.waitUntil(
    () =>
      browser.execute(() => {
        const panel = document.querySelector('[data-testid="merge-summary"]');
        return Boolean(panel && document.querySelector("[data-card-id]"));
      }),
    { timeout: 30000, interval: 20, timeoutMsg: "the merge view never showed" },
  );
  await browser.executeAsync((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => done())),
  );
}

try {
  for (let run = 0; run < RUNS; run++) {
    const confirm = await chooseToImport(browser, back);
    let started = Date.now();
    await confirm.click();
    await mergeViewShown();
    shown.push(Date.now() - started);
    const [summary] = await browser.execute(() => [
      document.querySelector('[data-testid="merge-summary"]').textContent,
    ]);
    if (run === 0) console.log(summary);
    await (await browser.$('[data-testid="merge-cancel"]')).click();
    // From inside the open map: History, Merge a colleague's copy.
    await (await browser.$('[data-testid="history-button"]')).click();
    await (await browser.$('[data-testid="merge-file"]')).click();
    chooseInFileDialog("Merge a colleague's copy", back);
    started = Date.now();
    await mergeViewShown();
    inMap.push(Date.now() - started);
    await (await browser.$('[data-testid="merge-cancel"]')).click();
    await (
      await browser.$('button[aria-label="Back to the map library"]')
    ).click();
    await browser.$('[data-testid="import"]').waitForExist({ timeout: 10000 });
  }
} finally {
  await browser.deleteSession().catch(() => {});
  driver.stop();
}
for (const [what, runs] of [
  ["from the import dialog (open the 5,000-card map, merge, paint)", shown],
  ["from the open map's History (merge, paint)", inMap],
]) {
  runs.sort((a, b) => a - b);
  console.log(
    `merge view shown ${what}: median ${runs[Math.floor(runs.length / 2)]} ms, runs ${runs.join(", ")} ms (target 1,000 ms)`,
  );
}
