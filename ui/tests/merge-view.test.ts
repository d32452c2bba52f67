import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import MapView from "../src/components/MapView.svelte";
import type { Choice, Conflict, JourneyMap, MergePreview } from "../src/lib/ipc/types";
import { smallMap } from "./fixtures";

afterEach(() => clearMocks());
Element.prototype.scrollTo ??= () => {};

/** What the store previews for each set of choices: one text conflict on card "a". */
function preview(choices: Record<string, Choice>): MergePreview {
  const before = smallMap();
  const after: JourneyMap = smallMap();
  const choice = choices["card:a:text"] ?? "mine";
  const text = { mine: "Mine says", theirs: "Theirs says", both: "Mine says\nTheirs says" }[choice];
  after.cards[0]!.text = text;
  after.cards = after.cards.filter((c) => c.id !== "c");
  const conflict: Conflict = {
    key: "card:a:text",
    kind: "field",
    what: "Text of the card “Mine says”",
    mine: "Mine says",
    theirs: "Theirs says",
    can_keep_both: true,
    choice,
    stage_id: "s1",
    lane_id: "l1",
    card_id: "a",
  };
  const removed = before.cards.find((c) => c.id === "c")!;
  return {
    map_id: "map-1",
    file_name: "from-ana.journey.json",
    base: {
      id: "v-sent",
      map_id: "map-1",
      name: "Exported as cafe.journey.json",
      note: "",
      made: "export",
      created_at: Date.now(),
      stages: 2,
      lanes: 2,
      cards: 3,
      personas: 1,
      parents: [],
    },
    revision: 4,
    after,
    differences: [
      {
        change: { type: "CardRemoved", card: removed },
        said: ["Card “c” removed from Decision · Customer actions"],
        stage_id: "s2",
        lane_id: "l1",
        card_id: "c",
      },
    ],
    applied: 1,
    conflicts: [conflict],
    problem: null,
  };
}

describe("the merge view", () => {
  it("previews the merge, decides a conflict and applies it as one step", async () => {
    const previews: Record<string, Choice>[] = [];
    const applied: unknown[] = [];
    mockIPC((cmd, args) => {
      const a = args as { choices: Record<string, Choice> };
      if (cmd === "open_map") return { map: smallMap(), can_undo: false, can_redo: false };
      if (cmd === "preview_merge") {
        previews.push(a.choices);
        return preview(a.choices);
      }
      if (cmd === "apply_merge") {
        applied.push(args);
        return { revision: 5, can_undo: true, can_redo: false };
      }
      if (cmd === "list_versions") return [];
      throw { code: "internal", message: `unexpected ${cmd}` };
    });
    render(MapView, {
      mapId: "map-1",
      mergeFile: "/maps/from-ana.journey.json",
      onClose: () => {},
    });
    const summary = await screen.findByTestId("merge-summary");
    expect(summary.textContent).toBe("1 change from from-ana.journey.json applied, 1 conflict");
    expect(screen.getByTestId("review-bar").textContent).toContain("Merging from-ana.journey.json");
    expect(screen.getAllByTestId("ghost-card").map((el) => el.textContent?.trim())).toEqual(["c"]);

    const conflict = screen.getByTestId("conflict");
    expect(conflict.textContent).toContain("Mine says");
    expect(conflict.textContent).toContain("Theirs says");
    await fireEvent.click(screen.getByTestId("choose-theirs"));
    await waitFor(() => expect(previews.at(-1)).toEqual({ "card:a:text": "theirs" }));
    await waitFor(() =>
      expect(document.querySelector('[data-card-id="a"]')?.textContent).toContain("Theirs says"),
    );
    expect(screen.getByTestId("choose-theirs").getAttribute("aria-pressed")).toBe("true");

    await fireEvent.click(screen.getByTestId("apply-merge"));
    await waitFor(() =>
      expect(applied).toEqual([
        {
          mapId: "map-1",
          path: "/maps/from-ana.journey.json",
          choices: { "card:a:text": "theirs" },
          revision: 4,
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId("merge-panel")).toBeNull());
    expect(document.body.textContent).toContain("Ctrl+Z undoes the whole merge");
  });

  it("will not apply a merge that breaks a rule, and says why", async () => {
    mockIPC((cmd, args) => {
      if (cmd === "open_map") return { map: smallMap(), can_undo: false, can_redo: false };
      if (cmd === "preview_merge") {
        const shown = preview((args as { choices: Record<string, Choice> }).choices);
        shown.problem = "The card text is too long: 6001 characters, at most 5000.";
        return shown;
      }
      throw { code: "internal", message: `unexpected ${cmd}` };
    });
    render(MapView, { mapId: "map-1", mergeFile: "/maps/x.journey.json", onClose: () => {} });
    expect((await screen.findByRole("alert")).textContent).toContain("too long");
    expect(screen.getByTestId<HTMLButtonElement>("apply-merge").disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("merge-cancel"));
    await waitFor(() => expect(screen.queryByTestId("merge-panel")).toBeNull());
  });
});
