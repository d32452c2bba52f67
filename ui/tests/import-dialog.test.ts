import { describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import ImportDialog from "../src/components/ImportDialog.svelte";
import type { ImportCheck, ImportRequest } from "../src/lib/ipc/types";

const summary = {
  id: "new",
  title: "Café",
  updated_at: 0,
  stages: 2,
  lanes: 3,
  cards: 4,
  personas: 1,
};
const checks: ImportCheck[] = [
  {
    path: "/maps/cafe.journey.json",
    file_name: "cafe.journey.json",
    map: summary,
    warnings: ["ignored the unknown field map.mood"],
    problems: [],
    existing: { ...summary, id: "old-map", title: "Café (mine)" },
    merge: null,
    merge_refused: null,
  },
  {
    path: "/maps/broken.csv",
    file_name: "broken.csv",
    map: null,
    warnings: [],
    problems: ['row 3, column "emotion": expected a whole number from -2 to 2, not "5"'],
    existing: null,
    merge: null,
    merge_refused: null,
  },
];

/** A colleague's copy of a map in the library, which can be merged into it. */
const copy: ImportCheck = {
  ...checks[0]!,
  path: "/maps/from-ana.journey.json",
  file_name: "from-ana.journey.json",
  warnings: [],
  merge: {
    map: { ...summary, id: "old-map", title: "Café (mine)" },
    base_name: "Exported as cafe.journey.json",
    base_created_at: 0,
  },
};

describe("ImportDialog", () => {
  it("lists refused files with their problems and imports only the others", async () => {
    let sent: ImportRequest[] | null = null;
    render(ImportDialog, {
      checks,
      onImport: (r: ImportRequest[]) => (sent = r),
      onMerge: () => {},
      onClose: () => {},
    });
    expect(screen.getByRole("alert").textContent).toContain('row 3, column "emotion"');
    const button = screen.getByTestId("confirm-import");
    expect(button.textContent).toContain("Import 1 of 2 files");
    await fireEvent.click(button);
    expect(sent).toEqual([{ path: "/maps/cafe.journey.json", replace: null }]);
  });

  it("replaces the library's map when the user chooses to", async () => {
    let sent: ImportRequest[] | null = null;
    render(ImportDialog, {
      checks,
      onImport: (r: ImportRequest[]) => (sent = r),
      onMerge: () => {},
      onClose: () => {},
    });
    await fireEvent.click(screen.getByTestId("replace-existing"));
    await fireEvent.click(screen.getByTestId("confirm-import"));
    expect(sent).toEqual([{ path: "/maps/cafe.journey.json", replace: "old-map" }]);
  });

  it("offers to merge a colleague's copy, by default, and opens the merge", async () => {
    let merged: [string, string] | null = null;
    let imported = false;
    render(ImportDialog, {
      checks: [copy],
      onImport: () => (imported = true),
      onMerge: (mapId: string, path: string) => (merged = [mapId, path]),
      onClose: () => {},
    });
    const merge = screen.getByTestId<HTMLInputElement>("merge-into");
    expect(merge.checked).toBe(true);
    expect(merge.parentElement?.textContent).toContain("Merge into “Café (mine)”");
    const button = screen.getByTestId("confirm-import");
    expect(button.textContent).toContain("Merge…");
    await fireEvent.click(button);
    expect(merged).toEqual(["old-map", "/maps/from-ana.journey.json"]);
    expect(imported).toBe(false);
  });

  it("compares a file without a common version with a chosen map, and says why a file cannot merge", async () => {
    let merged: [string, string] | null = null;
    const maps = [
      { ...summary, id: "a", title: "Alpha" },
      { ...summary, id: "b", title: "Beta" },
    ];
    const plain: ImportCheck = {
      ...copy,
      existing: null,
      merge: null,
      merge_refused: "from-ana.journey.json was already merged into “Café (mine)”.",
    };
    render(ImportDialog, {
      checks: [plain],
      maps,
      onImport: () => {},
      onMerge: (mapId: string, path: string) => (merged = [mapId, path]),
      onClose: () => {},
    });
    expect(screen.getByTestId("merge-refused").textContent).toContain("already merged");
    await fireEvent.click(screen.getByTestId("compare-into"));
    await fireEvent.change(screen.getByLabelText("The map to compare with"), {
      target: { value: "b" },
    });
    await fireEvent.click(screen.getByTestId("confirm-import"));
    expect(merged).toEqual(["b", "/maps/from-ana.journey.json"]);
  });
});
