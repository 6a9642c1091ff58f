/**
 * Attendance: one record per person and activity (a unique key in the database), marked by roll call,
 * import or QR check-in. Marks are upserts, so a retried or repeated save never duplicates.
 * A school's staff mark their own people; commune staff mark the commune's offices' people.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/connection";
import type { Activity, AttendanceSource, AttendanceStatus } from "../../../db/schema";
import { writeAudit, type Executor } from "../audit/audit";
import { lockedActivity, quarterOf, refreshReach } from "../reach/reach-aggregate";
import { type Actor } from "../auth/permissions";
import { DomainError } from "../shared/errors";
import { addMs, DAY_MS, nowIso, vietnamParts } from "../shared/time";
import { assertPeriodOpen } from "../calendar/locks";
import { MAX_IMPORT_ROWS } from "../imports/table-file";
import { schoolClasses } from "../people/people";
import { communeLevelUnitIds, markableUnitIds } from "../auth/policies";

export interface RosterEntry {
  personId: number;
  code: string;
  fullName: string;
  category: string;
  className: string | null;
  unitId: number;
  status: AttendanceStatus | null;
  note: string | null;
  markedAt: string | null;
}

/** The most people a roster export (XLSX, sign-in sheet) carries: as many rows as an import may have. */
export const MAX_ROSTER_ROWS = MAX_IMPORT_ROWS;

/** The actor's people on this activity's roster or already marked (one query shape for the list and its count). */
function rosterPeople(db: DB, units: number[], activity: Activity) {
  return db
    .selectFrom("people")
    .leftJoin("attendance", (j) =>
      j.onRef("attendance.person_id", "=", "people.id").on("attendance.activity_id", "=", activity.id),
    )
    .where("people.unit_id", "in", units.length ? units : [-1])
    .where((eb) =>
      eb.or([
        eb(
          "people.id",
          "in",
          eb.selectFrom("activity_roster").select("person_id").where("activity_id", "=", activity.id),
        ),
        eb("attendance.id", "is not", null),
      ]),
    );
}

/** How many people rosterFor lists in all (its pages and exports say so when they show fewer). */
/** Where the actor may add people to a roll call from: their own school (the first they mark for), its classes
 * and its active clubs. Nothing for those who mark for no school (the commune's readers). */
export async function rosterSources(db: DB, markableUnits: number[]) {
  // (An empty list is no SQL on PostgreSQL.)
  const school = markableUnits.length
    ? await db
        .selectFrom("units")
        .select(["id", "name"])
        .where("id", "in", markableUnits)
        .where("kind", "=", "school")
        .orderBy("id")
        .executeTakeFirst()
    : undefined;
  if (!school) return { school: null, classes: [], clubs: [] };
  const [classes, clubs] = await Promise.all([
    schoolClasses(db, school.id),
    db
      .selectFrom("clubs")
      .select(["id", "name"])
      .where("school_id", "=", school.id)
      .where("status", "=", "active")
      .orderBy("name")
      .execute(),
  ]);
  return { school, classes, clubs };
}

export async function rosterSize(db: DB, actor: Actor, activity: Activity): Promise<number> {
  const units = await markableUnitIds(db, actor);
  if (!units.length) return 0;
  if (activity.club_id) await seedClubRoster(db, activity);
  const row = await rosterPeople(db, units, activity)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The people the actor marks for this activity: the roster plus anyone already marked, in the actor's units,
 * by category, class and name; a page of them (`offset`, `limit`), or all up to MAX_ROSTER_ROWS.
 * A club meeting's roster starts as the club's members on the meeting's date.
 */
export async function rosterFor(
  db: DB,
  actor: Actor,
  activity: Activity,
  page: { offset?: number; limit?: number } = {},
): Promise<RosterEntry[]> {
  const units = await markableUnitIds(db, actor);
  if (!units.length) return [];
  if (activity.club_id) await seedClubRoster(db, activity);
  const rows = await rosterPeople(db, units, activity)
    .select([
      "people.id as personId",
      "people.code",
      "people.full_name as fullName",
      "people.category",
      "people.class_name as className",
      "people.unit_id as unitId",
      "attendance.status",
      "attendance.note",
      "attendance.marked_at as markedAt",
    ])
    .orderBy("people.category")
    .orderBy("people.class_name")
    .orderBy("people.name_key")
    .orderBy("people.id")
    .limit(Math.min(page.limit ?? MAX_ROSTER_ROWS, MAX_ROSTER_ROWS))
    .offset(page.offset ?? 0)
    .execute();
  return rows.map((r) => ({ ...r, status: r.status ?? null, note: r.note ?? null, markedAt: r.markedAt ?? null }));
}

async function seedClubRoster(db: DB, activity: Activity) {
  const has = await db
    .selectFrom("activity_roster")
    .select("person_id")
    .where("activity_id", "=", activity.id)
    .limit(1)
    .executeTakeFirst();
  if (has) return;
  const date = vietnamParts(activity.starts_at).date;
  const members = await db
    .selectFrom("club_members")
    .select("person_id")
    .where("club_id", "=", activity.club_id!)
    .where("joined_on", "<=", date)
    .where((eb) => eb.or([eb("left_on", "is", null), eb("left_on", ">=", date)]))
    .execute();
  await addPeopleToRoster(
    db,
    activity.id,
    members.map((m) => m.person_id),
  );
}

export async function addPeopleToRoster(db: Executor, activityId: number, personIds: number[]): Promise<number> {
  const ids = [...new Set(personIds)];
  const at = nowIso();
  let added = 0;
  for (let i = 0; i < ids.length; i += 2000) {
    const chunk = ids.slice(i, i + 2000);
    const result = await db
      .insertInto("activity_roster")
      .values(chunk.map((person_id) => ({ activity_id: activityId, person_id, added_at: at })))
      .onConflict((oc) => oc.columns(["activity_id", "person_id"]).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

export type RosterGroup =
  | { kind: "class"; unitId: number; className: string }
  | { kind: "staff"; unitId: number }
  | { kind: "teachers"; unitId: number }
  | { kind: "club"; clubId: number }
  | { kind: "people"; personIds: number[] }
  | { kind: "offices" };

/** Adds a group of the actor's own people to the activity's roster. Returns how many were added. */
export async function addToRoster(
  db: DB,
  actor: Actor,
  activity: Pick<Activity, "id">,
  group: RosterGroup,
): Promise<number> {
  const units = await markableUnitIds(db, actor);
  let q = db
    .selectFrom("people")
    .select("id")
    .where("left_on", "is", null)
    .where("unit_id", "in", units.length ? units : [-1]);
  if (group.kind === "class")
    q = q
      .where("unit_id", "=", group.unitId)
      .where("category", "=", "students")
      .where("class_name", "=", group.className);
  else if (group.kind === "teachers") q = q.where("unit_id", "=", group.unitId).where("category", "=", "teachers");
  else if (group.kind === "staff") q = q.where("unit_id", "=", group.unitId).where("category", "!=", "students");
  else if (group.kind === "club")
    q = q.where(
      "id",
      "in",
      db
        .selectFrom("club_members")
        .select("person_id")
        .where("club_id", "=", group.clubId)
        .where("left_on", "is", null),
    );
  else if (group.kind === "offices")
    q = q.where("unit_id", "in", db.selectFrom("units").select("id").where("kind", "!=", "school"));
  else q = q.where("id", "in", group.personIds.length ? group.personIds.slice(0, 2000) : [-1]);
  const people = await q.execute();
  return addPeopleToRoster(
    db,
    activity.id,
    people.map((p) => p.id),
  );
}

export interface Mark {
  personId: number;
  status: AttendanceStatus;
  note?: string | null;
}

/**
 * The people a change of marks names, once checked: each exists, each is the actor's to mark (unless an import's
 * check already matched them among the actor's own people: `checkedUnits`), and no period of theirs is locked.
 */
async function markablePeople(
  db: DB,
  actor: Actor | null,
  activity: Activity,
  ids: number[],
  checkedUnits?: Map<number, number>,
): Promise<{ id: number; unit_id: number }[]> {
  const checked = checkedUnits && ids.every((id) => checkedUnits.has(id)) ? checkedUnits : null;
  const people: { id: number; unit_id: number }[] = [];
  if (checked) for (const id of ids) people.push({ id, unit_id: checked.get(id)! });
  else {
    // Chunks keep every query under the database's limit on bound values (an import can carry 100,000 marks).
    for (let i = 0; i < ids.length; i += 5000)
      people.push(
        ...(await db
          .selectFrom("people")
          .select(["id", "unit_id"])
          .where("id", "in", ids.slice(i, i + 5000))
          .execute()),
      );
  }
  if (people.length !== ids.length) throw new DomainError("Có người không tồn tại trong danh sách.");
  if (actor && !checked) {
    const units = new Set(await markableUnitIds(db, actor));
    if (people.some((p) => !units.has(p.unit_id)))
      throw new DomainError("Bạn chỉ điểm danh được người của đơn vị mình.");
  }
  for (const unitId of new Set(people.map((p) => p.unit_id))) await assertPeriodOpen(db, unitId, activity.starts_at);
  return people;
}

/** A change of marks in the audit log: counts per unit, never names (the commune reads the log). */
async function auditMarks(
  trx: Executor,
  actor: Actor | null,
  activity: Activity,
  people: { unit_id: number }[],
  after: (n: number) => Record<string, unknown>,
  ip: string | null,
) {
  const byUnit = new Map<number, number>();
  for (const p of people) byUnit.set(p.unit_id, (byUnit.get(p.unit_id) ?? 0) + 1);
  for (const [unitId, n] of byUnit)
    await writeAudit(trx, {
      actorUserId: actor?.userId ?? null,
      unitId,
      action: "update",
      entity: "attendance",
      entityId: activity.id,
      after: after(n),
      ip,
    });
}

/**
 * Records marks (an upsert per person: saving the same mark twice, or two teachers at once, never
 * duplicates). Only the actor's own people; refused when the activity's period is locked for their unit.
 */
export async function recordMarks(
  db: DB,
  actor: Actor | null,
  activity: Activity,
  marks: Mark[],
  source: AttendanceSource,
  ip: string | null = null,
  markedBy: number | null = actor?.userId ?? null,
  /** The people's units when an import's check already matched each code among the actor's own people. */
  opts: { checkedUnits?: Map<number, number> } = {},
): Promise<number> {
  if (!marks.length) return 0;
  const ids = [...new Set(marks.map((m) => m.personId))];
  const people = await markablePeople(db, actor, activity, ids, opts.checkedUnits);
  const at = nowIso();
  // One mark per person (the last one sent wins), written in batches of multi-row upserts.
  const last = new Map(marks.map((m) => [m.personId, m]));
  const rows = [...last.values()].map((m) => {
    // A note is changed only when one is sent: re-saving a status keeps the note ("ốm") already there.
    const note = m.note === undefined ? undefined : m.note?.trim().slice(0, 200) || null;
    return {
      keepNote: note === undefined,
      values: {
        activity_id: activity.id,
        person_id: m.personId,
        status: m.status,
        note: note ?? null,
        source,
        marked_by: markedBy || null,
        marked_at: at,
      },
    };
  });
  await db.transaction().execute(async (trx) => {
    // Locked against a concurrent move or deletion of the activity until this commits (PostgreSQL).
    const current = await lockedActivity(trx, activity.id, "share");
    if (!current) throw new DomainError("Hoạt động này không còn tồn tại.");
    for (const keepNote of [true, false]) {
      const batch = rows.filter((r) => r.keepNote === keepNote).map((r) => r.values);
      // 4,000 rows × 7 values stay under SQLite's 32,766 bound values (PostgreSQL allows 65,535).
      for (let i = 0; i < batch.length; i += 4000)
        await trx
          .insertInto("attendance")
          .values(batch.slice(i, i + 4000))
          .onConflict((oc) =>
            oc.columns(["activity_id", "person_id"]).doUpdateSet((eb) => ({
              status: eb.ref("excluded.status"),
              source: eb.ref("excluded.source"),
              marked_by: eb.ref("excluded.marked_by"),
              marked_at: eb.ref("excluded.marked_at"),
              ...(keepNote ? {} : { note: eb.ref("excluded.note") }),
            })),
          )
          .execute();
    }
    // The "reached" aggregate follows the marks in the same transaction (a big import: everyone at the activity).
    await refreshReach(trx, rows.length > 1000 ? { attendeesOf: [activity.id] } : { personIds: ids }, [
      quarterOf(current.starts_at),
    ]);
    // Everyone marked is on the roster: one set-based insert from the marks just written.
    await trx
      .insertInto("activity_roster")
      .columns(["activity_id", "person_id", "added_at"])
      .expression((eb) =>
        eb
          .selectFrom("attendance")
          .select(["attendance.activity_id", "attendance.person_id", eb.val(at).as("added_at")])
          .where("attendance.activity_id", "=", activity.id),
      )
      .onConflict((oc) => oc.columns(["activity_id", "person_id"]).doNothing())
      .execute();
    await auditMarks(trx, actor, activity, people, (n) => ({ marked: n, source }), ip);
  });
  return marks.length;
}

/**
 * Takes marks back (issue 20: "Hoàn tác" after "Tất cả còn lại: Có mặt"): the people are unmarked again, as before
 * the tap. Same rules as marking: only one's own people, never inside an approved (locked) period; the "reached"
 * aggregate follows in the same transaction; audited as counts.
 */
export async function clearMarks(
  db: DB,
  actor: Actor,
  activity: Activity,
  personIds: number[],
  ip: string | null = null,
): Promise<number> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return 0;
  const people = await markablePeople(db, actor, activity, ids);
  return db.transaction().execute(async (trx) => {
    const current = await lockedActivity(trx, activity.id, "share");
    if (!current) throw new DomainError("Hoạt động này không còn tồn tại.");
    let cleared = 0;
    for (let i = 0; i < ids.length; i += 5000) {
      const r = await trx
        .deleteFrom("attendance")
        .where("activity_id", "=", activity.id)
        .where("person_id", "in", ids.slice(i, i + 5000))
        .executeTakeFirst();
      cleared += Number(r.numDeletedRows);
    }
    await refreshReach(trx, { personIds: ids }, [quarterOf(current.starts_at)]);
    await auditMarks(trx, actor, activity, people, (n) => ({ unmarked: n, source: "roll_call" }), ip);
    return cleared;
  });
}

/** Attendance per unit and status: what the commune sees of an activity (counts, never names). */
export async function attendanceCounts(db: DB, activityId: number) {
  const rows = await db
    .selectFrom("attendance")
    .innerJoin("people", "people.id", "attendance.person_id")
    .innerJoin("units", "units.id", "people.unit_id")
    .select([
      "units.id as unitId",
      "units.name as unitName",
      "attendance.status",
      (eb) => eb.fn.countAll<number>().as("n"),
    ])
    .where("attendance.activity_id", "=", activityId)
    .groupBy(["units.id", "units.name", "attendance.status"])
    .orderBy("units.name")
    .execute();
  const out = new Map<
    number,
    { unitId: number; unitName: string; present: number; late: number; excused: number; absent: number }
  >();
  for (const r of rows) {
    const u = out.get(r.unitId) ?? {
      unitId: r.unitId,
      unitName: r.unitName,
      present: 0,
      late: 0,
      excused: 0,
      absent: 0,
    };
    u[r.status] += Number(r.n);
    out.set(r.unitId, u);
  }
  return [...out.values()];
}

/** Activities the actor takes attendance for, most recent first: their units' own and those they are invited to or co-organize. */
export async function attendanceActivities(
  db: DB,
  actor: Actor,
  opts: { page: number; pageSize: number; from?: string; to?: string },
) {
  const units = await markableUnitIds(db, actor);
  const ids = units.length ? units : [-1];
  let q = db
    .selectFrom("activities")
    .where("activities.status", "!=", "cancelled")
    .where((eb) =>
      eb.or([
        eb("activities.organizer_unit_id", "in", ids),
        eb("activities.id", "in", eb.selectFrom("activity_units").select("activity_id").where("unit_id", "in", ids)),
        eb("activities.organizer_unit_id", "in", communeLevelUnitIds(eb, actor)),
      ]),
    );
  if (opts.from) q = q.where("activities.starts_at", ">=", opts.from);
  // By default: what has happened, and what is coming in the next two weeks.
  q = q.where("activities.starts_at", "<", opts.to ?? addMs(nowIso(), 14 * DAY_MS));
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q
    .innerJoin("units", "units.id", "activities.organizer_unit_id")
    .select((eb) => [
      "activities.id",
      "activities.title",
      "activities.starts_at",
      "activities.status",
      "units.name as organizer_name",
      eb
        .selectFrom("attendance")
        .innerJoin("people", "people.id", "attendance.person_id")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("attendance.activity_id", "=", "activities.id")
        .where("people.unit_id", "in", ids)
        .where("attendance.status", "in", ["present", "late"])
        .as("attended"),
    ])
    .orderBy("activities.starts_at", "desc")
    .orderBy("activities.id", "desc")
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { total, rows: rows.map((r) => ({ ...r, attended: Number(r.attended) })) };
}
