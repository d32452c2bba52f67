// Light and dark: the system's preference by default, or the user's choice, remembered on this
// computer. The palette is set on the root element as CSS variables.

import { readSetting, writeSetting } from "../settings";
import { paletteCss } from "./palette";

export type ThemeChoice = "system" | "light" | "dark";

const KEY = "waymark.theme";

function saved(): ThemeChoice {
  const value = readSetting(KEY);
  return value === "light" || value === "dark" ? value : "system";
}

const darkQuery = () => globalThis.matchMedia?.("(prefers-color-scheme: dark)");

class Theme {
  choice: ThemeChoice = $state(saved());
  systemDark = $state(darkQuery()?.matches ?? false);

  /** The theme shown. */
  get shown(): "light" | "dark" {
    if (this.choice === "system") return this.systemDark ? "dark" : "light";
    return this.choice;
  }

  choose(choice: ThemeChoice) {
    this.choice = choice;
    writeSetting(KEY, choice === "system" ? null : choice);
    this.apply();
  }

  apply() {
    document.documentElement.dataset.theme = this.shown;
  }

  /** Puts the palettes in the page and follows the system's preference. */
  start() {
    const style = document.createElement("style");
    style.id = "waymark-palette";
    style.textContent = paletteCss();
    document.head.append(style);
    darkQuery()?.addEventListener?.("change", (event) => {
      this.systemDark = event.matches;
      this.apply();
    });
    this.apply();
  }
}

export const theme = new Theme();
