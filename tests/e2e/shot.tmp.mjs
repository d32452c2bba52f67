import path from "node:path";
import { ARTIFACTS, openMap, startDriver } from "./harness.mjs";
const driver = await startDriver();
const browser = await driver.launch();
try {
  await openMap(browser, "Meal-kit subscription: first month");
  const card = await browser.$('[data-cell][data-stage="Decision"][data-lane="Pain points"] [data-card-id]');
  await browser.execute((el) => el.scrollIntoView({ block: "center" }), card);
  await browser.action("pointer").move({ origin: card }).down().up().perform();
  await browser.pause(300);
  await browser.saveScreenshot(path.join(ARTIFACTS, "inspector.png"));
  await (await browser.$('[data-testid="personas-button"]')).click();
  await browser.execute(() => document.querySelector('[data-stage-header] button[aria-haspopup]').click());
  await browser.pause(300);
  await browser.saveScreenshot(path.join(ARTIFACTS, "personas.png"));
} finally {
  await browser.deleteSession();
  driver.stop();
}
