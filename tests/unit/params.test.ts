import { describe, expect, it } from "vitest";
import { idParam } from "../../app/lib/params";

describe("ids in paths", () => {
  it("are whole decimal numbers only", () => {
    expect(idParam("7")).toBe(7);
    expect(idParam("123456")).toBe(123456);
    for (const bad of [
      "7e0",
      "0x7",
      "7.0",
      "07",
      "0",
      "-7",
      " 7",
      "7 ",
      "+7",
      "",
      "1e3",
      "Infinity",
      "9999999999999999",
      undefined,
    ]) {
      expect(idParam(bad), String(bad)).toBeNull();
    }
  });
});
