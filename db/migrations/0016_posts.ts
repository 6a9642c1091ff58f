import type { Kysely } from "kysely";

/**
 * Issue #17, clause III.1.1 ("tăng số lượng và chất lượng nội dung … trên Trang thông tin điện tử xã"; "viết tin
 * bài, ảnh, video … web và facebook"): a post on the commune's website or social pages is an activity of form
 * "website" or "social_media" (decision 007; its link is the post's address), now with its kind — news, photo or
 * video. Two rows count them for the commune's own units (the commune and its offices), rising year on year: all
 * posts, and those on "Bình dân học vụ số" (a topic of its own). Grassroots-information postings stay NQ57-30b's.
 */
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];
const POST_FORMS = ["website", "social_media"];
const ROWS = [
  {
    code: "COM-1.1",
    name: "Tin, bài, ảnh, video trên Trang thông tin điện tử và mạng xã hội của xã",
    topics: undefined as string[] | undefined,
  },
  { code: "COM-1.1-BDHVS", name: "Tin, bài về Bình dân học vụ số trên trang của xã", topics: ["BDHVS"] },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("activities").addColumn("post_kind", "text").execute();
  const after = await db
    .selectFrom("indicators")
    .select("sort_order")
    .where("code", "=", "NQ57-30b")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("indicators")
    .set((eb: any) => ({ sort_order: eb("sort_order", "+", ROWS.length) }))
    .where("sort_order", ">", after.sort_order)
    .execute();
  for (const [i, r] of ROWS.entries()) {
    await db
      .insertInto("indicators")
      .values({
        code: r.code,
        name: r.name,
        plan_ref: "III.1.1",
        unit: "count",
        scope: "commune",
        source: "computed",
        sort_order: after.sort_order + 1 + i,
        group_name: "Tuyên truyền",
        direction: "rising",
        definition: JSON.stringify({
          numerator: {
            kind: "activities",
            forms: POST_FORMS,
            unitKinds: ["commune", "office"],
            ...(r.topics ? { topics: r.topics } : {}),
          },
        }),
      })
      .execute();
    await db
      .insertInto("indicator_targets")
      .values(YEARS.map((year) => ({ indicator_code: r.code, year, target: null })))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const codes = ROWS.map((r) => r.code);
  await db.deleteFrom("indicator_targets").where("indicator_code", "in", codes).execute();
  await db.deleteFrom("indicators").where("code", "in", codes).execute();
  await db.schema.alterTable("activities").dropColumn("post_kind").execute();
}
