// The native menu bar's side in the UI: each item chosen arrives as its id, and runs the
// handler the screen in front (the library or a map) gave it, or the app's own. Which items
// can act is sent back to the menu whenever it changes.

import { onMenuChosen, setMenuState } from "../ipc/commands";
import { isTextField } from "./keys";
import type { MenuId } from "../ipc/types";

export interface MenuHandler {
  run(): void;
  /** Whether the item can act now; read in a reactive context, so it updates the menu. */
  enabled?(): boolean;
  /** Whether the item shows a tick (the theme choices). */
  checked?(): boolean;
}

export type MenuHandlers = Partial<Record<MenuId, MenuHandler>>;

/** Items that edit text: chosen while a text field has the focus, they edit the field. */
const TEXT_COMMANDS: Partial<Record<MenuId, string>> = {
  undo: "undo",
  redo: "redo",
  cut: "cut",
  copy: "copy",
  paste: "paste",
  "select-all": "selectAll",
  delete: "forwardDelete",
};

class MenuBridge {
  /** The app's handlers, under the screen's. */
  app: MenuHandlers = $state.raw({});
  screen: MenuHandlers = $state.raw({});

  handler(id: MenuId): MenuHandler | undefined {
    return this.screen[id] ?? this.app[id];
  }

  /** Runs a chosen item, if it can act. */
  choose(id: MenuId): void {
    const text = TEXT_COMMANDS[id];
    if (text && isTextField(document.activeElement)) {
      document.execCommand(text);
      return;
    }
    const handler = this.handler(id);
    if (handler && (handler.enabled?.() ?? true)) handler.run();
  }

  /** Gives the screen's handlers until the returned function is called. */
  useScreen(handlers: MenuHandlers): () => void {
    this.screen = handlers;
    return () => {
      if (this.screen === handlers) this.screen = {};
    };
  }

  /** What the menu should show now, for every item. */
  state(ids: readonly MenuId[]): {
    enabled: Record<string, boolean>;
    checked: Record<string, boolean>;
  } {
    const enabled: Record<string, boolean> = {};
    const checked: Record<string, boolean> = {};
    for (const id of ids) {
      const handler = this.handler(id);
      enabled[id] = !!handler && (handler.enabled?.() ?? true);
      if (handler?.checked) checked[id] = handler.checked();
    }
    return { enabled, checked };
  }
}

export const menuBridge = new MenuBridge();

/** Listens for menu choices; returns the function that stops listening. */
export async function listenToMenu(): Promise<() => void> {
  return onMenuChosen((id) => menuBridge.choose(id));
}

let sent = "";

/** Sends the menu's state when it differs from what was sent last. */
export function sendMenuState(ids: readonly MenuId[]): void {
  const state = menuBridge.state(ids);
  const text = JSON.stringify(state);
  if (text === sent) return;
  sent = text;
  setMenuState(state).catch(() => {
    sent = "";
  });
}
