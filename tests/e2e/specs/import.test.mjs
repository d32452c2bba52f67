// Importing through the UI: the real GTK file chooser, answered as a person would, by keyboard.

import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import {
  ARTIFACTS,
  chooseToImport,
  openMap,
  startDriver,
  texts,
} from "../harness.mjs";

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../fixtures",
);
let driver;

before(async () => {
  driver = await startDriver();
});

after(() => driver?.stop());

test("a map file chosen in the import dialog lands in the library", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "waymark-import-"));
  const file = path.join(dir, "cafe.journey.json");
  copyFileSync(path.join(fixtures, "json/small.journey.json"), file);
  const browser = await driver.launch();
  try {
    const confirm = await chooseToImport(browser, file);
    const [summary] = await texts(browser, '[data-testid="import-file"]');
    assert.match(summary, /Kraków café: first visit/);
    assert.match(summary, /1 warning/);
    await browser.saveScreenshot(path.join(ARTIFACTS, "import-dialog.png"));
    await confirm.click();
    await browser.$('[data-testid="notice"]').waitForExist({ timeout: 10000 });
    await openMap(browser, "Kraków café: first visit");
    const cards = await texts(browser, '[data-testid="card"]');
    assert.ok(
      cards.some((t) => t.includes("Ουρά στο ταμείο")),
      `cards: ${cards}`,
    );
  } finally {
    await browser.deleteSession();
  }
  const listed = JSON.parse(driver.cli("list", "--json")).find(
    (m) => m.title === "Kraków café: first visit",
  );
  assert.equal(listed.cards, 4);
  assert.equal(listed.personas, 1);
});

test("an Enablement Map file imports its journey, with the warnings validate prints", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "waymark-import-"));
  const file = path.join(dir, "sysdev-lifecycle.yaml");
  copyFileSync(path.join(fixtures, "enablement/sysdev-lifecycle.yaml"), file);
  const validated = driver
    .cliResult("validate", file)
    .stderr.split("\n")
    .filter((l) => l.startsWith("warning: "))
    .map((l) => l.slice(`warning: ${file}: `.length));
  assert.equal(validated.length, 1, `validate: ${validated}`);
  const browser = await driver.launch();
  try {
    const confirm = await chooseToImport(browser, file);
    const [summary] = await texts(browser, '[data-testid="import-file"]');
    assert.match(summary, /sysdev-lifecycle/);
    assert.match(summary, /1 warning/);
    const shown = await browser.execute(() =>
      [
        ...document.querySelectorAll(
          '[data-testid="import-file"] .warnings li',
        ),
      ].map((li) => li.textContent),
    );
    assert.deepEqual(shown, validated);
    await browser.saveScreenshot(path.join(ARTIFACTS, "import-enablement.png"));
    await confirm.click();
    await browser.$('[data-testid="notice"]').waitForExist({ timeout: 10000 });
    await openMap(browser, "sysdev-lifecycle");
    const cards = await texts(browser, '[data-testid="card"]');
    for (const text of [
      "要求を伝える",
      "定例会議",
      "正しく意図が伝わるか不安だ",
    ]) {
      assert.ok(cards.includes(text), `${text} in ${cards}`);
    }
    await browser.saveScreenshot(path.join(ARTIFACTS, "enablement-map.png"));
  } finally {
    await browser.deleteSession();
  }
  const listed = JSON.parse(driver.cli("list", "--json")).find(
    (m) => m.title === "sysdev-lifecycle",
  );
  assert.equal(listed.cards, 34);
  assert.equal(listed.stages, 5);
  assert.equal(listed.personas, 1);
});

test("HTML and script in card text show as text and never run", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "waymark-import-"));
  const file = path.join(dir, "html.journey.json");
  copyFileSync(path.join(fixtures, "json/html-in-text.journey.json"), file);
  const browser = await driver.launch();
  try {
    const confirm = await chooseToImport(browser, file);
    await confirm.click();
    await browser.$('[data-testid="notice"]').waitForExist({ timeout: 10000 });
    await openMap(browser, "Text is data <b>not markup</b>");
    const cards = await texts(browser, '[data-testid="card"]');
    assert.ok(
      cards.some((t) =>
        t.startsWith("<img src=x onerror=\"document.title='pwned'\"><script>"),
      ),
      `the markup is shown as written: ${cards}`,
    );
    const injected = await browser.execute(
      () =>
        document.querySelectorAll(
          '[data-testid="card"] img, [data-testid="card"] script, #map-title b',
        ).length,
    );
    assert.equal(injected, 0, "no element was made from card text");
    assert.notEqual(await browser.getTitle(), "pwned", "no script ran");
    assert.equal(
      await browser.$("#map-title").getValue(),
      "Text is data <b>not markup</b>",
    );
  } finally {
    await browser.deleteSession();
  }
});
