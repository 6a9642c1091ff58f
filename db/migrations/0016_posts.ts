import type { Kysely } from "kysely";
import { deleteIndicators, insertIndicatorsAfter } from "./helpers";

/**
 * Issue #17, clause III.1.1 ("tăng số lượng và chất lượng nội dung … trên Trang thông tin điện tử xã"; "viết tin
 * bài, ảnh, video … web và facebook"): a post on the commune's website or social pages is an activity of form
 * "website" or "social_media" (decision 007; its link is the post's address), now with its kind — news, photo or
 * video. Two rows count them for the commune's own units (the commune and its offices), rising year on year: all
 * posts, and those on "Bình dân học vụ số" (a topic of its own). Grassroots-information postings stay NQ57-30b's.
 */
const posts = (topics?: string[]) => ({
  numerator: {
    kind: "activities",
    forms: ["website", "social_media"],
    unitKinds: ["commune", "office"],
    ...(topics ? { topics } : {}),
  },
});
const common = {
  plan_ref: "III.1.1",
  unit: "count",
  scope: "commune",
  group_name: "Tuyên truyền",
  direction: "rising",
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("activities").addColumn("post_kind", "text").execute();
  await insertIndicatorsAfter(db, "NQ57-30b", [
    {
      ...common,
      code: "COM-1.1",
      name: "Tin, bài, ảnh, video trên Trang thông tin điện tử và mạng xã hội của xã",
      definition: posts(),
    },
    {
      ...common,
      code: "COM-1.1-BDHVS",
      name: "Tin, bài về Bình dân học vụ số trên trang của xã",
      definition: posts(["BDHVS"]),
    },
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await deleteIndicators(db, ["COM-1.1", "COM-1.1-BDHVS"]);
  await db.schema.alterTable("activities").dropColumn("post_kind").execute();
}
