/** Minimal rows for domain tests that compute figures by hand: a person and an activity, all optional fields empty. */
import type { DB } from "../../db/connection";
import type { Commemoration, HeadcountCategory } from "../../db/schema";

const at = "2026-01-01T00:00:00.000Z";

export async function insertPerson(db: DB, unitId: number, category: HeadcountCategory, code: string): Promise<number> {
  const r = await db
    .insertInto("people")
    .values({
      unit_id: unitId,
      category,
      code,
      full_name: code,
      name_key: code,
      grade: null,
      class_name: null,
      position: null,
      user_id: null,
      left_on: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** An activity starting at a Vietnam-time "YYYY-MM-DDTHH:mm". */
export async function insertActivity(
  db: DB,
  a: {
    unitId: number;
    startsVietnam: string;
    form?: string;
    status?: "held" | "planned" | "cancelled";
    clubId?: number | null;
    topics?: string[];
    commemoration?: Commemoration;
  },
): Promise<number> {
  const starts = new Date(`${a.startsVietnam}:00+07:00`).toISOString();
  const row = await db
    .insertInto("activities")
    .values({
      organizer_unit_id: a.unitId,
      title: "Hoạt động",
      form: a.form ?? "training",
      delivery: "in_person",
      starts_at: starts,
      ends_at: starts,
      place: null,
      link: null,
      commemoration: a.commemoration ?? null,
      planned_participants: null,
      status: a.status ?? "held",
      description: null,
      club_id: a.clubId ?? null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const topic_code of a.topics ?? []) await db.insertInto("activity_topics").values({ activity_id: row.id, topic_code }).execute();
  return row.id;
}
