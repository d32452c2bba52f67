// Waymark as a desktop app: the native menu bar, the theme, search across the library and
// files handed to the app on its command line.

import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { Key } from "webdriverio";
import {
  ARTIFACTS,
  cardByText,
  chooseFromMenu,
  openMap,
  startDriver,
  waitSaved,
} from "../harness.mjs";

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../fixtures",
);
const SAMPLE = "Meal-kit subscription: first month";
/** From View's first item to Theme: five zoom items and Minimap (separators are skipped). */
const DOWN_TO_THEME = Array(6).fill("Down");
const CAFE = "Kraków café: first visit";
let driver;

before(async () => {
  driver = await startDriver((db, cli) => {
    cli("import", path.join(fixtures, "json/small.journey.json"));
  });
});

after(() => driver?.stop());

function cardCount(title) {
  const map = JSON.parse(driver.cli("list", "--json")).find(
    (m) => m.title === title,
  );
  return map.cards;
}

test("Edit ▸ Undo in the native menu and Ctrl+Z both undo", async () => {
  const browser = await driver.launch();
  try {
    await openMap(browser, SAMPLE);
    const before = cardCount(SAMPLE);
    const deleteOne = async () => {
      const card = await (await browser.$$("[data-card-id]"))[0];
      await card.click();
      await browser.keys(Key.Delete);
      await waitSaved(browser);
      await browser.waitUntil(() => cardCount(SAMPLE) === before - 1, {
        timeoutMsg: "the card was not deleted",
      });
    };

    await deleteOne();
    chooseFromMenu("e");
    await browser.waitUntil(() => cardCount(SAMPLE) === before, {
      timeout: 10000,
      timeoutMsg: "Edit ▸ Undo did not bring the card back",
    });

    await deleteOne();
    await browser.keys([Key.Ctrl, "z"]);
    await browser.waitUntil(() => cardCount(SAMPLE) === before, {
      timeout: 10000,
      timeoutMsg: "Ctrl+Z did not bring the card back",
    });
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});

test("search across the library opens another map with the found card in view", async () => {
  const browser = await driver.launch();
  try {
    const search = await browser.$('[data-testid="library-search"]');
    await search.waitForExist({ timeout: 10000 });
    await search.setValue("flat WHITE");
    const hit = await browser.$('[data-testid="search-hit"]');
    await hit.waitForExist({ timeout: 10000 });
    assert.match(await hit.getText(), new RegExp(CAFE));
    assert.match(await hit.getText(), /Orders a flat white/);
    await browser.saveScreenshot(path.join(ARTIFACTS, "library-search.png"));
    await hit.click();
    await browser
      .$('[data-testid="map-grid"]')
      .waitForExist({ timeout: 10000 });
    const card = await cardByText(browser, "Orders a flat white");
    await browser.waitUntil(
      async () => (await card.getAttribute("aria-pressed")) === "true",
      { timeoutMsg: "the found card is not selected" },
    );
    await browser.waitUntil(
      () =>
        browser.execute((el) => {
          const box = el.getBoundingClientRect();
          return (
            box.top >= 0 &&
            box.left >= 0 &&
            box.bottom <= innerHeight &&
            box.right <= innerWidth
          );
        }, card),
      { timeout: 5000, timeoutMsg: "the found card is not in view" },
    );
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});

test("a .journey.json named on the command line opens the import dialog", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "waymark-open-"));
  const file = path.join(dir, "shared by Ana.journey.json");
  copyFileSync(path.join(fixtures, "json/small.journey.json"), file);
  const browser = await driver.launch([file]);
  try {
    const summary = await browser.$('[data-testid="import-file"]');
    await summary.waitForExist({ timeout: 15000 });
    assert.match(await summary.getText(), new RegExp(CAFE));
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});

test("the theme follows the system's dark preference, and View ▸ Theme overrides it", async () => {
  // GTK's own setting, as a desktop that prefers dark sets it.
  const config = mkdtempSync(path.join(tmpdir(), "waymark-dark-"));
  mkdirSync(path.join(config, "gtk-3.0"));
  writeFileSync(
    path.join(config, "gtk-3.0/settings.ini"),
    "[Settings]\ngtk-application-prefer-dark-theme=1\n",
  );
  const dark = await startDriver(() => {}, { XDG_CONFIG_HOME: config });
  let browser = await dark.launch();
  const shown = () =>
    browser.execute(() => ({
      theme: document.documentElement.dataset.theme,
      background: getComputedStyle(document.documentElement).backgroundColor,
    }));
  const waitForTheme = (theme, timeoutMsg) =>
    browser.waitUntil(async () => (await shown()).theme === theme, {
      timeout: 10000,
      timeoutMsg,
    });
  try {
    // A choice left by an earlier run would hide the system's preference.
    await browser.execute(() => {
      localStorage.removeItem("waymark.theme");
      location.reload();
    });
    await browser.$("main").waitForExist({ timeout: 10000 });
    await waitForTheme("dark", "the app did not follow the dark preference");
    assert.equal((await shown()).background, "rgb(20, 23, 30)");
    await browser.saveScreenshot(path.join(ARTIFACTS, "library-dark.png"));

    // View ▸ Theme ▸ Light: down past the five zoom items to Theme, into it, down to Light.
    chooseFromMenu("v", [
      "Down",
      "Down",
      "Down",
      "Down",
      "Down",
      "Right",
      "Down",
    ]);
    await waitForTheme("light", "View ▸ Theme ▸ Light did not apply");

    // The choice is remembered.
    await browser.deleteSession();
    browser = await dark.launch();
    await waitForTheme("light", "the chosen theme was not remembered");
    assert.equal((await shown()).background, "rgb(244, 245, 248)");

    // View ▸ Theme ▸ Follow the system goes back to dark.
    chooseFromMenu("v", [...DOWN_TO_THEME, "Right"]);
    await waitForTheme(
      "dark",
      "View ▸ Theme ▸ Follow the system did not apply",
    );
  } finally {
    await browser
      .execute(() => localStorage.removeItem("waymark.theme"))
      .catch(() => {});
    await browser.deleteSession().catch(() => {});
    dark.stop();
  }
});
