import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import ErrorScreen from "../src/components/ErrorScreen.svelte";
import LibraryLostBanner from "../src/components/LibraryLostBanner.svelte";
import { fileNameFor, query } from "../src/lib/ipc/commands";
import type { BackupListing, LibraryStatus } from "../src/lib/ipc/types";
import { libraryHealth } from "../src/lib/library.svelte";
import { smallMap } from "./fixtures";

afterEach(() => {
  clearMocks();
  libraryHealth.reset();
  libraryHealth.openMap = null;
});

const backups: BackupListing[] = [
  {
    path: "/maps/backups/library-2026-11-23.db",
    day: "2026-11-23",
    written_at: Date.UTC(2026, 10, 23, 9, 30),
    contents: { maps: 3, cards: 120 },
    problem: null,
  },
  {
    path: "/maps/backups/library-2026-11-22.db",
    day: "2026-11-22",
    written_at: Date.UTC(2026, 10, 22, 9, 30),
    contents: null,
    problem: "it is damaged",
  },
];

describe("a damaged library", () => {
  it("lists the backups and restores the one chosen", async () => {
    const restored: string[] = [];
    const healthy: LibraryStatus = { path: "/maps/library.db", error: null };
    mockIPC((cmd, args) => {
      if (cmd === "list_backups") return backups;
      if (cmd === "restore_backup") {
        restored.push((args as { backup: string }).backup);
        return {
          restored: {
            contents: { maps: 3, cards: 120 },
            kept_aside: "/maps/library-before-restore.db",
          },
          status: healthy,
        };
      }
      throw { code: "internal", message: cmd };
    });
    const opened: [LibraryStatus, string | null][] = [];
    render(ErrorScreen, {
      title: "Your map library is damaged",
      message: "The map library file is damaged.",
      code: "library_damaged",
      path: "/maps/library.db",
      onLibraryOpened: (status: LibraryStatus, notice: string | null) =>
        opened.push([status, notice]),
    });
    const rows = await screen.findAllByTestId("backup-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain("3 maps · 120 cards");
    expect(rows[1]!.textContent).toContain("Cannot be used: it is damaged");
    const buttons = screen.getAllByTestId("restore-backup") as HTMLButtonElement[];
    expect(buttons[1]!.disabled).toBe(true);

    await fireEvent.click(buttons[0]!);
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(restored).toEqual(["/maps/backups/library-2026-11-23.db"]);
    expect(opened[0]![0]).toEqual(healthy);
    expect(opened[0]![1]).toContain("3 maps, 120 cards");
    expect(opened[0]![1]).toContain("/maps/library-before-restore.db");
  });
});

describe("a library moved away while in use", () => {
  it("is reported by any command and saves the map shown as a copy", async () => {
    const saved: { map: { title: string }; path: string }[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_maps")
        throw { code: "library_moved", message: "The library file was moved or deleted." };
      if (cmd === "plugin:dialog|save") return "/home/ana/Checkout journey.journey.json";
      if (cmd === "save_map_copy") {
        saved.push(args as { map: { title: string }; path: string });
        return null;
      }
      throw { code: "internal", message: cmd };
    });
    await expect(query.listMaps()).rejects.toThrow("moved or deleted");
    expect(libraryHealth.lost).toBe("The library file was moved or deleted.");

    const map = smallMap();
    libraryHealth.openMap = () => map;
    render(LibraryLostBanner, { message: libraryHealth.lost!, onLibraryOpened: () => {} });
    await fireEvent.click(screen.getByTestId("save-copy"));
    await screen.findByTestId("library-lost-outcome");
    expect(saved).toHaveLength(1);
    expect(saved[0]!.path).toBe("/home/ana/Checkout journey.journey.json");
    expect(saved[0]!.map.title).toBe("Checkout journey");
    expect(screen.getByTestId("library-lost-outcome").textContent).toContain("Saved a copy");
  });

  it("names files after the map without doubled spaces", () => {
    expect(fileNameFor("Meal-kit subscription: first month")).toBe(
      "Meal-kit subscription - first month",
    );
    expect(fileNameFor('a/b\\\\c*"d"')).toBe("a b c d");
    expect(fileNameFor("  ")).toBe("Journey map");
  });
});
