// Saves screenshots of a scripted session of the real app, to look at what a change did:
// STEPS=steps.mjs (a module whose default export gets { browser, driver, shot, openMap })
// OUT=folder (default /tmp/look). Run under Xvfb like the specs.
import path from "node:path";
import { startDriver, openMap } from "./harness.mjs";
const out = process.env.OUT ?? "/tmp/look";
const driver = await startDriver();
const browser = await driver.launch();
const shot = (name) => browser.saveScreenshot(path.join(out, `${name}.png`));
try {
  const steps = (await import(process.env.STEPS)).default;
  await steps({ browser, driver, shot, openMap });
} catch (e) {
  console.error(e);
} finally {
  await browser.deleteSession();
  driver.stop();
}
