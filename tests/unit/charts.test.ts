import { describe, expect, it } from "vitest";
import { percentAxisFrom } from "../../app/components/charts";

describe("where a percentage axis starts (issue 20)", () => {
  it("at 0 for low values or no difference; just below close high values so they differ", () => {
    expect(percentAxisFrom([40, 90, 100])).toBe(0);
    expect(percentAxisFrom([100, 100, 100])).toBe(0);
    expect(percentAxisFrom([null, null])).toBe(0);
    expect(percentAxisFrom([99.2, 99.8, 99.3, 100])).toBe(98);
    expect(percentAxisFrom([76.3, 88.1, 100])).toBe(70);
  });
});
