// Starts the real Waymark app under tauri-driver on its own ports and a temporary library.

import { spawn, spawnSync, execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, mkdirSync, openSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../..",
);
export const APP =
  process.env.WAYMARK_E2E_APP ?? path.join(root, "target/debug/waymark");
export const CLI =
  process.env.WAYMARK_E2E_CLI ?? path.join(root, "target/debug/waymark-cli");
export const ARTIFACTS = path.join(root, "tests/e2e/artifacts");

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`tauri-driver exited with ${child.exitCode}`);
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/**
 * A tauri-driver with its own ports, serving app sessions on one temporary library.
 * `prepare(db)` may write the library file before the app first opens it.
 */
export async function startDriver(prepare = () => {}, extraEnv = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "waymark-e2e-"));
  const db = path.join(dir, "library.db");
  // The list of libraries the app and the CLI opened before, kept apart from the user's.
  const state = mkdtempSync(path.join(tmpdir(), "waymark-e2e-state-"));
  // The web view's storage (camera, theme, minimap) and the window's size, kept apart from
  // the user's and from other drivers', so no test sees what another one left.
  const data = mkdtempSync(path.join(tmpdir(), "waymark-e2e-data-"));
  const config = mkdtempSync(path.join(tmpdir(), "waymark-e2e-config-"));
  const env = {
    ...process.env,
    WAYMARK_DB: db,
    XDG_STATE_HOME: state,
    XDG_DATA_HOME: data,
    XDG_CONFIG_HOME: config,
    ...extraEnv,
  };
  prepare(db, (...args) =>
    execFileSync(CLI, ["--db", db, ...args], { encoding: "utf8", env }),
  );
  const port = await freePort();
  const nativePort = await freePort();
  mkdirSync(ARTIFACTS, { recursive: true });
  // The driver, WebKitWebDriver and the app write to a log file, never to the test run's own
  // output, and live in their own process group, so `stop()` ends them all and nothing they
  // leave behind can hold the run's output open.
  const log = openSync(path.join(ARTIFACTS, `driver-${port}.log`), "w");
  const child = spawn(
    "tauri-driver",
    ["--port", String(port), "--native-port", String(nativePort)],
    {
      env,
      stdio: ["ignore", log, log],
      detached: true,
    },
  );
  closeSync(log);
  await waitForPort(port, child);
  return {
    db,
    /** Starts the app (with `args` on its command line) and waits for its first screen. */
    async launch(args = []) {
      const browser = await remote({
        hostname: "127.0.0.1",
        port,
        logLevel: "error",
        capabilities: { "tauri:options": { application: APP, args } },
      });
      await browser.setWindowSize(1440, 900).catch(() => {});
      await browser.$("main").waitForExist({ timeout: 20000 });
      return browser;
    },
    /** Runs waymark-cli on the same library. */
    cli(...args) {
      return execFileSync(CLI, ["--db", db, ...args], {
        encoding: "utf8",
        env,
      });
    },
    /** Runs waymark-cli on the same library; its exit status and both outputs, even on failure. */
    cliResult(...args) {
      return spawnSync(CLI, ["--db", db, ...args], { encoding: "utf8", env });
    },
    stop() {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    },
  };
}

/** Waits until the save indicator says everything is on disk. */
export async function waitSaved(browser) {
  let last = "";
  await browser
    .waitUntil(
      async () => {
        [last] = await texts(browser, '[data-testid="save-state"]');
        return last?.includes("Saved");
      },
      { timeout: 10000 },
    )
    .catch(async () => {
      await browser.saveScreenshot(path.join(ARTIFACTS, "not-saved.png"));
      throw new Error(`the edit was not saved; the indicator says: ${last}`);
    });
}

const xdotool = (...args) =>
  execFileSync("xdotool", args, { encoding: "utf8", timeout: 20000 });
const pause = (seconds) => execFileSync("sleep", [String(seconds)]);

/** Types a path into the open file chooser called `title` and presses Enter. */
export function chooseInFileDialog(title, file) {
  const window = fileDialog(title);
  // A window just mapped may refuse the focus for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      xdotool("windowfocus", "--sync", window);
      break;
    } catch (error) {
      if (attempt >= 10) throw error;
      pause(0.3);
    }
  }
  // The chooser takes a moment to accept keys; Ctrl+L then opens its location field.
  pause(1);
  xdotool("key", "--window", window, "ctrl+l");
  pause(0.3);
  xdotool("key", "--window", window, "ctrl+a");
  xdotool("type", "--window", window, "--delay", "25", file);
  pause(0.5);
  xdotool("key", "--window", window, "Return");
}

/** The window of the file chooser called `title`, once it is shown. */
function fileDialog(title) {
  const [window] = xdotool("search", "--sync", "--onlyvisible", "--name", title)
    .trim()
    .split("\n");
  return window;
}

/**
 * Shows `folder` in the open file chooser called `title`, as a person browsing to it would,
 * then cancels the chooser. Listing a folder makes GTK open and read every file in it.
 */
export function browseInFileDialog(title, folder) {
  chooseInFileDialog(title, folder.endsWith("/") ? folder : `${folder}/`);
  pause(2);
  for (let attempt = 0; attempt < 5 && dialogIsOpen(title); attempt++) {
    try {
      xdotool("key", "--window", fileDialog(title), "Escape");
    } catch {
      // It closed between the look and the key.
    }
    pause(0.5);
  }
  // Xvfb has no window manager to give the app its keyboard focus back.
  for (const window of appWindows()) {
    try {
      xdotool("windowfocus", window);
    } catch {
      // An unmapped window of the app (GTK makes several) cannot take the focus.
    }
  }
}

function appWindows() {
  try {
    return xdotool("search", "--onlyvisible", "--name", "^Waymark$")
      .trim()
      .split("\n")
      .filter(Boolean);
  } catch {
    return [];
  }
}

function dialogIsOpen(title) {
  try {
    return xdotool("search", "--name", title).trim() !== "";
  } catch {
    return false;
  }
}

/**
 * Presses Import on the library screen and chooses `file` in the file chooser; returns the
 * import dialog's confirm button once the file reached it.
 */
export async function chooseToImport(browser, file) {
  await (await browser.$('[data-testid="import"]')).click();
  const confirm = await browser.$('[data-testid="confirm-import"]');
  for (let attempt = 1; attempt <= 3; attempt++) {
    chooseInFileDialog("Import journey maps", file);
    const shown = await confirm.waitForClickable({ timeout: 8000 }).then(
      () => true,
      () => false,
    );
    if (shown) return confirm;
  }
  execFileSync("import", [
    "-window",
    "root",
    path.join(ARTIFACTS, "file-dialog-stuck.png"),
  ]);
  throw new Error(
    "the file chosen in the dialog never reached the import dialog",
  );
}

/** The batch operation that gives a card of an exported Waymark file new text. */
export function rewriteCard(card, text) {
  return {
    type: "UpdateCard",
    card: {
      id: card.id,
      stage_id: card.stage,
      lane_id: card.lane,
      position: 0,
      text,
      channel: card.channel,
      severity: card.severity,
      impact: card.impact,
      effort: card.effort,
      metric_value: card.value,
      metric_target: card.target,
      colour: card.colour,
      tags: card.tags ?? [],
    },
  };
}

/** The text of every element matching `selector`, in one round trip. */
export async function texts(browser, selector) {
  return browser.execute(
    (sel) =>
      Array.from(document.querySelectorAll(sel), (el) => el.textContent.trim()),
    selector,
  );
}

/**
 * Starts the app for the tests of one file, with the map `title` open; `session.browser` and
 * `session.driver` are set before the first test.
 */
export function withMapOpen(title) {
  const session = { browser: null, driver: null };
  before(async () => {
    session.driver = await startDriver();
    session.browser = await session.driver.launch();
    await openMap(session.browser, title);
  });
  after(async () => {
    await session.browser?.deleteSession().catch(() => {});
    session.driver?.stop();
  });
  return session;
}

/** The element of the card with this text on the canvas. */
export async function cardByText(browser, text) {
  const id = await browser.execute(
    (t) =>
      Array.from(document.querySelectorAll("[data-card-id]")).find(
        (el) => el.querySelector(".text")?.textContent === t,
      )?.dataset.cardId,
    text,
  );
  if (!id) throw new Error(`card "${text}" is not on the canvas`);
  return browser.$(`[data-card-id="${id}"]`);
}

/** Opens the map with this title from the library. */
export async function openMap(browser, title) {
  // Looked up in the page: titles may hold characters WebdriverIO reads as selector syntax.
  await browser.waitUntil(
    () =>
      browser.execute((label) => {
        const tile = Array.from(
          document.querySelectorAll("button[aria-label]"),
        ).find((button) => button.getAttribute("aria-label") === label);
        tile?.click();
        return Boolean(tile);
      }, `Open ${title}`),
    { timeout: 10000, timeoutMsg: `no map called "${title}" in the library` },
  );
  await browser.$('[data-testid="map-grid"]').waitForExist({ timeout: 10000 });
}

/** Waits until a big map has drawn all its cards (it draws a few per cell first). */
export async function waitFullyDrawn(browser) {
  await browser.waitUntil(
    () =>
      browser.execute(
        () => performance.getEntriesByName("map-fully-drawn").length > 0,
      ),
    { timeout: 60000, timeoutMsg: "the map was never fully drawn" },
  );
}

/** Closes the app's window the way its close button does. */
export function closeAppWindow() {
  for (const window of appWindows()) {
    execFileSync("python3", [
      path.join(root, "tests/e2e/close-window.py"),
      window,
    ]);
  }
}

/** Whether an app started from APP is running. */
export function appIsRunning() {
  try {
    execFileSync("pgrep", ["-f", `^${APP}$`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Chooses an item of the app's native menu bar as a person would by keyboard: Alt and the
 * menu's underlined letter open it, then `keys` (arrow keys) move to the item and Enter
 * chooses it.
 */
export function chooseFromMenu(letter, keys = []) {
  const [window] = appWindows();
  if (!window) throw new Error("no Waymark window to open a menu in");
  xdotool("windowfocus", "--sync", window);
  pause(0.3);
  xdotool("key", "--window", window, `alt+${letter}`);
  pause(0.6);
  for (const key of [...keys, "Return"]) {
    xdotool("key", key);
    pause(0.2);
  }
  pause(0.3);
}

/**
 * Where the page's top left corner is on the X screen: the pointer is moved there by the X
 * server and the page says where it saw it.
 */
async function pageOrigin(browser) {
  const [window] = appWindows();
  if (!window) throw new Error("no Waymark window");
  const geometry = Object.fromEntries(
    xdotool("getwindowgeometry", "--shell", window)
      .trim()
      .split("\n")
      .map((line) => line.split("=")),
  );
  const probe = { x: Number(geometry.X) + 300, y: Number(geometry.Y) + 300 };
  await browser.execute(() => {
    window.__pointerSeen = null;
    document.addEventListener(
      "mousemove",
      (e) => (window.__pointerSeen = { x: e.clientX, y: e.clientY }),
      { once: true },
    );
  });
  xdotool("mousemove", "--sync", String(probe.x - 5), String(probe.y - 5));
  xdotool("mousemove", "--sync", String(probe.x), String(probe.y));
  const seen = await browser.waitUntil(
    () => browser.execute(() => window.__pointerSeen),
    { timeout: 5000, timeoutMsg: "the page did not see the X pointer" },
  );
  return { x: probe.x - seen.x, y: probe.y - seen.y };
}

/**
 * Turns the mouse wheel with Ctrl held, as a person zooms: real X wheel clicks at a point of
 * the page (`notches` > 0 turns it away from the user, which zooms in).
 */
export async function ctrlWheel(browser, point, notches) {
  const origin = await pageOrigin(browser);
  const x = String(Math.round(origin.x + point.x));
  const y = String(Math.round(origin.y + point.y));
  xdotool("mousemove", "--sync", x, y);
  xdotool("keydown", "ctrl");
  try {
    for (let i = 0; i < Math.abs(notches); i++) {
      xdotool("click", notches > 0 ? "4" : "5");
      pause(0.04);
    }
  } finally {
    xdotool("keyup", "ctrl");
  }
}
