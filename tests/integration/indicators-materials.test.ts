import { describe, expect, it } from "vitest";
import { materialFigures } from "../../app/domain/indicators/materials";
import { parsePeriod } from "../../app/domain/shared/periods";
import type { MaterialKind } from "../../db/schema";
import { freshSchoolsPerTest } from "../support/fixtures";

const ctx = freshSchoolsPerTest(2);

const material = (
  school_id: number,
  kind: MaterialKind,
  grades: number[],
  integrates: boolean,
  createdVietnam: string,
) => {
  const created_at = new Date(`${createdVietnam}:00+07:00`).toISOString();
  return ctx.t.db
    .insertInto("materials")
    .values({
      school_id,
      author_user_id: null,
      title: "Tài liệu",
      description: null,
      kind,
      subject: null,
      grades: JSON.stringify(grades),
      integrates_topics: integrates ? 1 : 0,
      visibility: "school",
      file_id: null,
      file_name: null,
      link_url: "https://example.org/bai-giang",
      search_text: "tai lieu",
      created_at,
      updated_at: created_at,
    })
    .execute();
};

describe("learning-material figures (SCH-2.2–2.4), computed by hand on a small fixture", () => {
  it("count materials published in the period by type, and those integrating the topics once per grade", async () => {
    const [a, b] = ctx.schools;
    await material(a, "video", [8, 9], true, "2026-02-01T08:00");
    await material(a, "video", [9], false, "2026-06-30T23:30"); // still H1 in Vietnam
    await material(a, "slides", [6], true, "2026-03-01T08:00");
    await material(a, "podcast", [7], true, "2026-07-01T00:30"); // H2
    await material(b, "infographic", [1], true, "2026-02-01T08:00");

    expect(await materialFigures(ctx.t.db, { schoolIds: [a, b], period: parsePeriod("2026-H1")! })).toEqual([
      { schoolId: a, published: 3, byKind: { video: 2, slides: 1 }, integratingByGrade: { 6: 1, 8: 1, 9: 1 } },
      { schoolId: b, published: 1, byKind: { infographic: 1 }, integratingByGrade: { 1: 1 } },
    ]);
    expect((await materialFigures(ctx.t.db, { schoolIds: [a], period: parsePeriod("2026-H2")! }))[0]).toEqual({
      schoolId: a,
      published: 1,
      byKind: { podcast: 1 },
      integratingByGrade: { 7: 1 },
    });
  });
});
