import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import Library from "../src/components/Library.svelte";
import type { MapSummary } from "../src/lib/ipc/types";

const maps: MapSummary[] = [
  {
    id: "m1",
    title: "Meal kits",
    updated_at: Date.now(),
    stages: 5,
    lanes: 9,
    cards: 34,
    personas: 1,
  },
  { id: "m2", title: "B2B onboarding", updated_at: 0, stages: 7, lanes: 8, cards: 1, personas: 2 },
];

afterEach(() => clearMocks());

describe("Library", () => {
  it("lists each map with its counts, and deletes only after confirmation", async () => {
    const deleted: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_maps") return maps.filter((m) => !deleted.includes(m.id));
      if (cmd === "list_templates") return [];
      if (cmd === "delete_map") {
        deleted.push((args as { mapId: string }).mapId);
        return null;
      }
      throw { code: "internal", message: cmd };
    });
    render(Library, { libraryPath: "/tmp/w.db", onOpen: () => {} });
    expect(await screen.findByText("Meal kits")).toBeTruthy();
    expect(screen.getByText(/5 stages · 9 lanes · 34 cards\s+· 1 persona$/)).toBeTruthy();
    expect(screen.getByText(/1 card\s+· 2 personas/)).toBeTruthy();

    await fireEvent.click(screen.getAllByText("Delete")[0]!);
    expect(deleted).toEqual([]);
    expect(screen.getByRole("dialog", { name: "Delete map?" })).toBeTruthy();
    await fireEvent.click(screen.getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByText("Meal kits")).toBeNull());
    expect(deleted).toEqual(["m1"]);
  });

  it("shows the store's message when a command fails", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_maps") throw { code: "storage_failed", message: "The disk is full." };
      return [];
    });
    render(Library, { libraryPath: "/tmp/w.db", onOpen: () => {} });
    expect((await screen.findByRole("alert")).textContent).toContain("The disk is full.");
  });

  it("moves a deleted map to the Trash, where Undo and Restore bring it back", async () => {
    const trashed = new Set<string>();
    const calls: string[] = [];
    mockIPC((cmd, args) => {
      const id = (args as { mapId?: string }).mapId;
      calls.push(id ? `${cmd} ${id}` : cmd);
      if (cmd === "list_maps") return maps.filter((m) => !trashed.has(m.id));
      if (cmd === "list_templates") return [];
      if (cmd === "delete_map") return void trashed.add(id!);
      if (cmd === "restore_map") return void trashed.delete(id!);
      if (cmd === "list_trash")
        return maps
          .filter((m) => trashed.has(m.id))
          .map((map) => ({ map, deleted_at: Date.now() }));
      throw { code: "internal", message: cmd };
    });
    render(Library, { libraryPath: "/tmp/w.db", onOpen: () => {} });
    await screen.findByText("Meal kits");
    await fireEvent.click(screen.getAllByText("Delete")[0]!);
    expect(screen.getByRole("dialog").textContent).toContain("move to the Trash");
    await fireEvent.click(screen.getByTestId("confirm-delete"));
    expect((await screen.findByTestId("notice")).textContent).toContain(
      "Moved “Meal kits” to the Trash",
    );
    await fireEvent.click(screen.getByTestId("undo-delete"));
    await waitFor(() => expect(calls).toContain("restore_map m1"));
    expect(await screen.findByText("Meal kits")).toBeTruthy();

    await fireEvent.click(screen.getAllByText("Delete")[1]!);
    await fireEvent.click(screen.getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByText("B2B onboarding")).toBeNull());
    await fireEvent.click(screen.getByTestId("open-trash"));
    const row = await screen.findByTestId("trashed-map");
    expect(row.textContent).toContain("B2B onboarding");
    await fireEvent.click(screen.getByTestId("restore-map"));
    await waitFor(() => expect(calls).toContain("restore_map m2"));
    expect(await screen.findByText("The Trash is empty.")).toBeTruthy();
  });
});

describe("Library search, sorting and previews", () => {
  it("finds text across maps and opens the map at the result", async () => {
    const asked: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_maps") return maps;
      if (cmd === "list_templates") return [];
      if (cmd === "map_previews")
        return [
          { map_id: "m1", stages: 2, lanes: ["actions", "pain_points"], cards: [1, 0, 3, 2] },
        ];
      if (cmd === "search_library") {
        asked.push((args as { query: string }).query);
        return {
          hits: [
            {
              map_id: "m2",
              map_title: "B2B onboarding",
              kind: "card",
              item_id: "c9",
              text: "Waits for the security review",
              place: "Setup · Pain points",
            },
          ],
          more: false,
        };
      }
      throw { code: "internal", message: cmd };
    });
    const opened: unknown[] = [];
    render(Library, { libraryPath: "/tmp/w.db", onOpen: (...a: unknown[]) => opened.push(a) });
    await screen.findByText("Meal kits");
    await waitFor(() => expect(screen.getAllByTestId("map-thumb")).toHaveLength(1));

    const field = screen.getByTestId("library-search") as HTMLInputElement;
    await fireEvent.input(field, { target: { value: "SECURITY rev" } });
    await fireEvent.keyDown(field, { key: "Enter" });
    const hit = await screen.findByTestId("search-hit");
    expect(asked).toContain("SECURITY rev");
    expect(screen.getByTestId("search-summary").textContent).toContain("1 result");
    expect(hit.textContent).toContain("Card · Setup · Pain points");
    expect([...hit.querySelectorAll("mark")].map((m) => m.textContent)).toEqual([
      "security",
      "rev",
    ]);
    expect(screen.queryByText("Meal kits")).toBeNull();
    await fireEvent.keyDown(field, { key: "ArrowDown" });
    expect(document.activeElement).toBe(hit);
    await fireEvent.keyDown(hit, { key: "ArrowUp" });
    expect(document.activeElement).toBe(field);
    await fireEvent.click(hit);
    expect(opened).toEqual([["m2", { kind: "card", id: "c9" }]]);

    await fireEvent.keyDown(field, { key: "Escape" });
    expect(await screen.findByText("Meal kits")).toBeTruthy();
  });

  it("sorts the tiles by title and size", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_maps") return maps;
      if (cmd === "list_templates" || cmd === "map_previews") return [];
      throw { code: "internal", message: cmd };
    });
    render(Library, { libraryPath: "/tmp/w.db", onOpen: () => {} });
    await screen.findByText("Meal kits");
    const titles = () =>
      screen.getAllByTestId("map-tile").map((t) => t.querySelector(".title")?.textContent);
    expect(titles()).toEqual(["Meal kits", "B2B onboarding"]);
    await fireEvent.change(screen.getByTestId("library-sort"), { target: { value: "title" } });
    expect(titles()).toEqual(["B2B onboarding", "Meal kits"]);
    expect(localStorage.getItem("waymark.library.sort")).toBe("title");
    await fireEvent.change(screen.getByTestId("library-sort"), { target: { value: "size" } });
    expect(titles()).toEqual(["Meal kits", "B2B onboarding"]);
  });
});
