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
  },
  {
    path: "/maps/broken.csv",
    file_name: "broken.csv",
    map: null,
    warnings: [],
    problems: ['row 3, column "emotion": expected a whole number from -2 to 2, not "5"'],
    existing: null,
  },
];

describe("ImportDialog", () => {
  it("lists refused files with their problems and imports only the others", async () => {
    let sent: ImportRequest[] | null = null;
    render(ImportDialog, {
      checks,
      onImport: (r: ImportRequest[]) => (sent = r),
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
      onClose: () => {},
    });
    await fireEvent.click(screen.getByTestId("replace-existing"));
    await fireEvent.click(screen.getByTestId("confirm-import"));
    expect(sent).toEqual([{ path: "/maps/cafe.journey.json", replace: "old-map" }]);
  });
});
