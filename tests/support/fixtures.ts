/** Minimal rows for domain tests that compute figures by hand: a person and an activity, all optional fields empty. */
import { afterEach, beforeEach } from "vitest";
import type { DB } from "../../db/connection";
import type { AttendanceStatus, Commemoration, HeadcountCategory } from "../../db/schema";
import { quarterOf, refreshReach } from "../../app/domain/reach/reach-aggregate";
import { addUnit, ensureBaseOrg } from "../../scripts/seed/org";
import { createTestDb, type TestDb } from "./db";

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
    postKind?: "news" | "photo" | "video";
    externalOrganizer?: string;
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
      post_kind: a.postKind ?? null,
      external_organizer: a.externalOrganizer ?? null,
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
  for (const topic_code of a.topics ?? [])
    await db.insertInto("activity_topics").values({ activity_id: row.id, topic_code }).execute();
  return row.id;
}

const LEVELS = ["lower_secondary", "primary", "preschool", "upper_secondary"] as const;

/**
 * An attendance record written directly (as the demo seed does), with the "reached" aggregate brought up to date
 * the way the app's write path (recordMarks) does.
 */
export async function insertMark(
  db: DB,
  activityId: number,
  personId: number,
  status: AttendanceStatus = "present",
): Promise<void> {
  await db
    .insertInto("attendance")
    .values({
      activity_id: activityId,
      person_id: personId,
      status,
      note: null,
      source: "roll_call",
      marked_by: null,
      marked_at: "2026-01-01T00:00:00.000Z",
    })
    .execute();
  const { starts_at } = await db
    .selectFrom("activities")
    .select("starts_at")
    .where("id", "=", activityId)
    .executeTakeFirstOrThrow();
  await refreshReach(db, { personIds: [personId] }, [quarterOf(starts_at)]);
}

/** The commune and `count` schools ("Trường 1", "Trường 2"…), for figure tests. */
export async function communeWithSchools(db: DB, count: number): Promise<{ commune: number; schools: number[] }> {
  const commune = await ensureBaseOrg(db, { province: "Tỉnh", commune: "Xã" });
  const schools: number[] = [];
  for (let i = 0; i < count; i++)
    schools.push(
      await addUnit(db, commune, {
        kind: "school",
        code: `s${i + 1}`,
        name: `Trường ${i + 1}`,
        schoolLevel: LEVELS[i % LEVELS.length],
      }),
    );
  return { commune, schools };
}

/** Registers hooks giving each test a fresh database with the commune and `count` schools; read the fields inside tests. */
export function freshSchoolsPerTest(count: number) {
  const ctx = { t: undefined as unknown as TestDb, commune: 0, schools: [] as number[] };
  beforeEach(async () => {
    ctx.t = await createTestDb();
    Object.assign(ctx, await communeWithSchools(ctx.t.db, count));
  });
  afterEach(() => ctx.t.close());
  return ctx;
}
