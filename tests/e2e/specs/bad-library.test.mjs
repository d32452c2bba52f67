// A library file that is not a Waymark library: the app explains, and changes nothing.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { ARTIFACTS, startDriver, texts } from "../harness.mjs";

const NOTES = "Workshop notes, not a database.\n".repeat(100);
let driver;

before(async () => {
  driver = await startDriver((db) => writeFileSync(db, NOTES));
});

after(() => driver?.stop());

test("a library file that is not SQLite gets a clear message and stays untouched", async () => {
  const browser = await driver.launch();
  try {
    const [alert] = await texts(browser, '[role="alert"]');
    assert.match(alert, /cannot be opened/);
    assert.match(alert, /not an SQLite database/);
    assert.match(alert, /Nothing was changed/);
    await browser.saveScreenshot(path.join(ARTIFACTS, "bad-library.png"));
  } finally {
    await browser.deleteSession();
  }
  assert.equal(readFileSync(driver.db, "utf8"), NOTES);
});
