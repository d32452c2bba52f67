// Exporting a PDF from the map view: options, the page-split preview, the real save dialog.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  ARTIFACTS,
  chooseInFileDialog,
  openMap,
  startDriver,
  texts,
} from "../harness.mjs";

let driver;

before(async () => {
  driver = await startDriver();
});

after(() => driver?.stop());

test("a tiled PDF chosen in the export dialog is written and readable", async () => {
  const file = path.join(
    mkdtempSync(path.join(tmpdir(), "waymark-pdf-")),
    "meal-kits.pdf",
  );
  const browser = await driver.launch();
  try {
    await openMap(browser, "Meal-kit subscription: first month");
    await (await browser.$('[data-testid="export"]')).click();
    await (await browser.$('[data-testid="export-pdf"]')).click();
    await (await browser.$('[data-testid="pdf-tiles"]')).click();
    // Five stages do not fit one A4 page at full size: the preview shows the split.
    await browser.waitUntil(
      async () =>
        (await browser.execute(
          () => document.querySelectorAll("li.page").length,
        )) >= 2,
      { timeout: 10000, timeoutMsg: "no page-split preview" },
    );
    const [preview] = await texts(browser, '[data-testid="pdf-preview"]');
    assert.match(preview, /Awareness/);
    assert.match(preview, /Advocacy/);
    await browser.saveScreenshot(path.join(ARTIFACTS, "pdf-dialog.png"));
    await (await browser.$('[data-testid="pdf-export"]')).click();
    let done = false;
    for (let attempt = 1; attempt <= 3 && !done; attempt++) {
      chooseInFileDialog("Export as PDF document", file);
      done = await browser
        .$('[data-testid="pdf-done"]')
        .waitForExist({ timeout: 15000 })
        .then(
          () => true,
          () => false,
        );
    }
    assert.ok(done, "the export never finished");
  } finally {
    await browser.deleteSession();
  }
  assert.ok(existsSync(file), "no PDF at the chosen path");
  execFileSync("qpdf", ["--check", file]);
  const text = execFileSync("pdftotext", ["-raw", file, "-"], {
    encoding: "utf8",
  }).replace(/\s+/g, " "); // card text wraps inside its box
  assert.match(text, /Surprise delivery costs at checkout/);
  assert.match(text, /Maya Okafor/);
});
