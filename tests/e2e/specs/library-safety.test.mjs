// Saved means saved, end to end: whatever touches the library file while the app runs, no
// acknowledged edit is lost, and there is always a way back.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import {
  ARTIFACTS,
  CLI,
  browseInFileDialog,
  chooseInFileDialog,
  openMap,
  startDriver,
  texts,
  waitSaved,
} from "../harness.mjs";

const SAMPLE = "Meal-kit subscription: first month";

/** Sets the open map's title the way a person does: select it, type, press Enter. */
async function retitle(browser, title) {
  const input = await browser.$("#map-title");
  await input.click();
  await browser.execute(() => document.getElementById("map-title").select());
  await input.addValue(title);
  await browser.keys("Enter");
}

function titles(driver) {
  return JSON.parse(driver.cli("list", "--json")).map((m) => m.title);
}

test("an edit made after a file dialog listed the library's folder and the CLI ran survives a restart", async () => {
  const driver = await startDriver();
  try {
    const folder = path.dirname(driver.db);
    let browser = await driver.launch();
    try {
      await (await browser.$('[data-testid="import"]')).click();
      // GTK opens and closes every file of the folder it lists, the library's among them.
      browseInFileDialog("Import journey maps", folder);
      assert.equal(titles(driver).length, 1, "the CLI reads the library");
      await openMap(browser, SAMPLE);
      // WebKitGTK takes no synthesized keys after a GTK dialog in Xvfb, which has no window
      // manager; the title is typed through the page instead. The store sees the same edit.
      await browser.execute((title) => {
        const input = document.getElementById("map-title");
        input.focus();
        input.value = title;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.blur();
      }, "Renamed after the dialog");
      await browser.waitUntil(
        async () =>
          (await texts(browser, '[data-testid="save-state"]'))[0] ===
            "✓ Saved" &&
          (await browser.$("#map-title").getValue()) ===
            "Renamed after the dialog",
        { timeout: 10000, timeoutMsg: "the rename was not saved" },
      );
    } finally {
      await browser.deleteSession();
    }
    assert.deepEqual(titles(driver), ["Renamed after the dialog"]);
    browser = await driver.launch();
    try {
      const tiles = await texts(browser, '[data-testid="map-tile"] .title');
      assert.deepEqual(tiles, ["Renamed after the dialog"]);
    } finally {
      await browser.deleteSession();
    }
  } finally {
    driver.stop();
  }
});

test("deleting the library's folder shows the banner at the next edit, and the copy saved imports back whole", async () => {
  const driver = await startDriver();
  const elsewhere = mkdtempSync(path.join(tmpdir(), "waymark-copy-"));
  const copy = path.join(elsewhere, "rescued.journey.json");
  try {
    const browser = await driver.launch();
    try {
      await openMap(browser, SAMPLE);
      rmSync(path.dirname(driver.db), { recursive: true, force: true });
      await retitle(browser, "Typed after the folder went");
      const banner = await browser.$('[data-testid="library-lost"]');
      await banner.waitForDisplayed({ timeout: 10000 });
      assert.match(await banner.getText(), /moved or deleted/);
      assert.match(await banner.getText(), /kept in memory/);
      await browser.saveScreenshot(path.join(ARTIFACTS, "library-lost.png"));
      assert.equal(
        await browser.$("#map-title").getValue(),
        "Typed after the folder went",
        "the refused edit stays on screen",
      );

      await (await browser.$('[data-testid="save-copy"]')).click();
      chooseInFileDialog("Save a copy of this map", copy);
      const outcome = await browser.$('[data-testid="library-lost-outcome"]');
      await outcome.waitForDisplayed({ timeout: 15000 });
      assert.match(await outcome.getText(), /Saved a copy/);
    } finally {
      await browser.deleteSession();
    }
    const db = path.join(elsewhere, "other.db");
    const cli = (...args) =>
      execFileSync(CLI, ["--db", db, ...args], {
        encoding: "utf8",
        env: { ...process.env, XDG_STATE_HOME: elsewhere },
      });
    cli("import", copy);
    const [map] = JSON.parse(cli("list", "--json"));
    assert.equal(map.title, "Typed after the folder went");
    assert.equal(map.cards, 34);
    assert.equal(map.stages, 5);
    assert.equal(map.personas, 1);
  } finally {
    driver.stop();
  }
});

/** Overwrites one page in the middle of the file with noise, as a failing disk might. */
function damageAPage(file) {
  const size = readFileSync(file).length;
  const page = Math.floor(size / 4096 / 2) * 4096;
  const fd = openSync(file, "r+");
  const noise = Buffer.alloc(4096, 0xa5);
  writeSync(fd, noise, 0, noise.length, page);
  closeSync(fd);
}

test("a damaged library opens to the error screen and a backup brings its maps back", async () => {
  const driver = await startDriver((db, cli) => {
    cli("sample", "--cards", "600");
    cli("new", "--title", "Airport check-in");
    cli("backup");
    damageAPage(db);
  });
  try {
    const browser = await driver.launch();
    try {
      await browser.waitUntil(
        async () => (await browser.$$('[data-testid="backup-row"]')).length > 0,
        { timeout: 10000, timeoutMsg: "no backup was listed" },
      );
      const [message] = await texts(browser, '[data-testid="error-message"]');
      assert.match(message, /damaged/);
      const [row] = await texts(browser, '[data-testid="backup-row"]');
      assert.match(row, /2 maps · 600 cards/);
      await browser.saveScreenshot(path.join(ARTIFACTS, "restore-backup.png"));
      await (await browser.$('[data-testid="restore-backup"]')).click();
      await browser
        .$('[data-testid="map-tile"]')
        .waitForExist({ timeout: 15000 });
      const [notice] = await texts(browser, '[data-testid="notice"]');
      assert.match(notice, /Restored the backup/);
      const tiles = await texts(browser, '[data-testid="map-tile"] .title');
      assert.equal(tiles.length, 2);
    } finally {
      await browser.deleteSession();
    }
    const listed = JSON.parse(driver.cli("list", "--json"));
    assert.deepEqual(
      listed.map((m) => m.cards).sort((a, b) => a - b),
      [0, 600],
    );
  } finally {
    driver.stop();
  }
});
