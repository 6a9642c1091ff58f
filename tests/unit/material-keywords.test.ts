import { describe, expect, it } from "vitest";
import { materialSchema, readKeywords } from "../../app/domain/materials/schemas";

const form = (keywords: unknown) =>
  materialSchema.safeParse({ title: "Học liệu", kind: "document", visibility: "school", keywords });

describe("a material's keywords", () => {
  it("are split at commas, semicolons and line breaks, cleaned, and kept once", () => {
    expect(readKeywords(" Robot ;robot,ROBÔT\n#STEM , ,  in\t 3D\u0000 ")).toEqual(["Robot", "STEM", "in 3D"]);
    expect(readKeywords("Tie\u0302\u0301t kie\u0323\u0302m")).toEqual(["Tiết kiệm"]);
    expect(readKeywords("")).toEqual([]);
  });

  it("none, ten, or repeated ones pass; eleven or a long one are refused with a message for the field", () => {
    expect(form(undefined).data?.keywords).toEqual([]);
    expect(form("").data?.keywords).toEqual([]);
    expect(form(["a", "b"]).data?.keywords).toEqual(["a", "b"]);
    const ten = Array.from({ length: 10 }, (_, i) => `từ ${i}`);
    expect(form([...ten, ...ten].join(",")).data?.keywords).toEqual(ten);
    const many = form([...ten, "thêm"].join(","));
    expect(many.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["keywords", "Tối đa 10 từ khoá (đang có 11)."],
    ]);
    const long = form(`ok, ${"ạ".repeat(41)}`);
    expect(long.error?.issues.map((i) => i.path.join("."))).toEqual(["keywords"]);
    expect(long.error?.issues[0].message).toBe(`Mỗi từ khoá tối đa 40 ký tự: “${"ạ".repeat(20)}…” dài 41 ký tự.`);
    expect(form("ạ".repeat(40)).success).toBe(true); // characters, not bytes nor code units
  });
});
