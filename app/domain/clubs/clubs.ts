/** STEM clubs of a school: registration, members joining and leaving (history kept), and meetings. */
import type { ExpressionBuilder, SelectQueryBuilder } from "kysely";
import type { DB } from "../../../db/connection";
import type { Club, Database, Unit } from "../../../db/schema";
import { insertActivity } from "../activities/activities";
import { assertActivityUnlocked, assertDateOpen, assertRangeOpen } from "../calendar/locks";
import { writeAudit } from "../audit/audit";
import { quarterOf, refreshReach } from "../reach/reach-aggregate";
import { engineOf } from "../../../db/engine";
import { can, readableUnitIds, type Actor } from "../auth/permissions";
import { DomainError, requireDeleteConfirmation, type DeleteConfirmation } from "../shared/errors";
import {
  activitiesSnapshot,
  claimRecord,
  describeParts,
  moveToBin,
  rowsWhere,
  type Snapshot,
} from "../recycle-bin/bin";
import { searchedPage, type ListSlice } from "../shared/search";
import { nowIso, vietnamInstant, vietnamToday } from "../shared/time";
import type { ClubInput } from "./schemas";
import { canManageClubs, canRecordClubMeeting, refuse, seesUnit } from "../auth/policies";

function clubValues(input: ClubInput) {
  return {
    name: input.name.trim(),
    field: input.field,
    target_grades: JSON.stringify([...new Set(input.targetGrades)].sort((a, b) => a - b)),
    schedule: input.schedule?.trim() || null,
    status: input.status,
    description: input.description?.trim() || null,
    founded_on: input.foundedOn || null,
  };
}

import { targetGrades } from "./vocabulary";
export { targetGrades };

export async function createClub(db: DB, actor: Actor, school: Unit, input: ClubInput): Promise<number> {
  if (school.kind !== "school" || !canManageClubs(actor, school.id))
    refuse(seesUnit(actor, school), "Bạn không có quyền đăng ký câu lạc bộ cho trường này.");
  const today = vietnamToday();
  // A club founded in a locked half-year would change that half-year's club count.
  await assertDateOpen(db, school.id, input.foundedOn || today);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const values = {
      school_id: school.id,
      ...clubValues(input),
      closed_on: input.status === "closed" ? today : null,
      created_at: at,
      updated_at: at,
    };
    const row = await trx.insertInto("clubs").values(values).returning("id").executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: school.id,
      action: "create",
      entity: "club",
      entityId: row.id,
      after: values,
    });
    return row.id;
  });
}

export async function updateClub(db: DB, actor: Actor, club: Club, input: ClubInput): Promise<void> {
  if (!canManageClubs(actor, club.school_id))
    refuse(can(actor, "school.read", club.school_id), "Bạn không có quyền sửa câu lạc bộ này.");
  const today = vietnamToday();
  const closing = input.status === "closed" && club.status !== "closed";
  const reopening = input.status !== "closed" && club.status === "closed";
  // Moving the founding date, closing or reopening changes the club count of the days involved.
  if ((input.foundedOn || null) !== club.founded_on)
    for (const d of [club.founded_on, input.foundedOn]) if (d) await assertDateOpen(db, club.school_id, d);
  if (closing) await assertDateOpen(db, club.school_id, today);
  if (reopening && club.closed_on) await assertRangeOpen(db, club.school_id, club.closed_on, "9999-12-31");
  await db.transaction().execute(async (trx) => {
    const closedOn = closing ? today : reopening ? null : club.closed_on;
    const values = { ...clubValues(input), closed_on: closedOn, updated_at: nowIso() };
    await trx.updateTable("clubs").set(values).where("id", "=", club.id).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: club.school_id,
      action: "update",
      entity: "club",
      entityId: club.id,
      before: club,
      after: values,
    });
  });
}

export async function getClub(db: DB, id: number): Promise<Club | undefined> {
  return db.selectFrom("clubs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function clubDeletionConsequences(db: DB, clubId: number) {
  const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
  return {
    meetings: await count(
      db
        .selectFrom("activities")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("club_id", "=", clubId)
        .executeTakeFirstOrThrow(),
    ),
    members: await count(
      db
        .selectFrom("club_members")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("club_id", "=", clubId)
        .executeTakeFirstOrThrow(),
    ),
    marks: await count(
      db
        .selectFrom("attendance")
        .innerJoin("activities", "activities.id", "attendance.activity_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("activities.club_id", "=", clubId)
        .executeTakeFirstOrThrow(),
    ),
  };
}

/** Deleting a club removes its membership history and its meetings; with either, the user must confirm. */
export async function deleteClub(db: DB, actor: Actor, club: Club, confirmed: DeleteConfirmation): Promise<void> {
  if (!canManageClubs(actor, club.school_id))
    refuse(can(actor, "school.read", club.school_id), "Bạn không có quyền xóa câu lạc bộ này.");
  const c = await clubDeletionConsequences(db, club.id);
  requireDeleteConfirmation(confirmed, Object.values(c).some(Boolean));
  // The club counted in every period from its founding to its closing (or today): none of them may be locked.
  await assertRangeOpen(db, club.school_id, club.founded_on ?? "2000-01-01", club.closed_on ?? "9999-12-31");
  // Meetings in a locked period carry approved attendance: they cannot go.
  const meetings = await db
    .selectFrom("activities")
    .select(["id", "organizer_unit_id", "starts_at"])
    .where("club_id", "=", club.id)
    .execute();
  for (const m of meetings) await assertActivityUnlocked(db, m, [m.starts_at]);
  await db.transaction().execute(async (trx) => {
    if (!(await claimRecord(trx, "clubs", club.id))) return; // deleted already (a second click)
    // Read again and locked inside the transaction (a meeting recorded meanwhile goes too), refreshed before the
    // delete (afterwards the meetings' attendees are no longer known).
    const current = await trx
      .selectFrom("activities")
      .select(["id", "starts_at"])
      .where("club_id", "=", club.id)
      .$if(engineOf(trx) === "postgres", (q) => q.forUpdate())
      .execute();
    const ids = current.map((m) => m.id);
    await refreshReach(
      trx,
      { attendeesOf: ids },
      current.map((m) => quarterOf(m.starts_at)),
      { without: ids },
    );
    const snapshot: Snapshot = [
      { table: "clubs", rows: await rowsWhere(trx, "clubs", "id", [club.id]) },
      { table: "club_members", rows: await rowsWhere(trx, "club_members", "club_id", [club.id]) },
      ...(await activitiesSnapshot(trx, ids)),
    ];
    await moveToBin(trx, {
      kind: "club",
      recordId: club.id,
      unitId: club.school_id,
      title: club.name,
      summary: describeParts(snapshot),
      snapshot,
      fileIds: [],
      actorUserId: actor.userId,
    });
    await trx.deleteFrom("activities").where("club_id", "=", club.id).execute();
    await trx.deleteFrom("clubs").where("id", "=", club.id).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: club.school_id,
      action: "delete",
      entity: "club",
      entityId: club.id,
      before: { ...club, ...c },
    });
  });
}

export type ClubSort = "name" | "members" | "school";

export interface ClubFilter {
  /** Words of the club's name, without diacritics or case. */
  q?: string;
  schoolId?: number;
  status?: Club["status"];
  field?: Club["field"];
}

/** Clubs with current member counts (students and teachers): every school's for the commune, one's own otherwise. */
export async function listClubs(db: DB, actor: Actor, opts: ClubFilter & ListSlice & { sort: ClubSort }) {
  const f = opts;
  let q = db.selectFrom("clubs").innerJoin("units", "units.id", "clubs.school_id");
  const within = readableUnitIds(actor);
  if (within) q = q.where("clubs.school_id", "in", within.length ? within : [-1]);
  if (f.schoolId) q = q.where("clubs.school_id", "=", f.schoolId);
  if (f.status) q = q.where("clubs.status", "=", f.status);
  if (f.field) q = q.where("clubs.field", "=", f.field);
  const current = (eb: ExpressionBuilder<Database, "clubs" | "units">, students: boolean) =>
    eb
      .selectFrom("club_members")
      .innerJoin("people", "people.id", "club_members.person_id")
      .select((e) => e.fn.countAll<number>().as("n"))
      .whereRef("club_members.club_id", "=", "clubs.id")
      .where("club_members.left_on", "is", null)
      .where("people.category", students ? "=" : "!=", "students");
  // The order by members counts in a subquery of its own: the search's candidates are read in the same order.
  const sorted = <Q extends SelectQueryBuilder<Database, "clubs" | "units", object>>(rows: Q): Q =>
    (opts.sort === "school"
      ? rows.orderBy("units.name").orderBy("clubs.name")
      : opts.sort === "members"
        ? rows.orderBy((eb) => current(eb, true), "desc")
        : rows.orderBy("clubs.name")
    ).orderBy("clubs.id") as Q;
  const rows = () =>
    q.select((eb) => [
      "clubs.id",
      "clubs.name",
      "clubs.field",
      "clubs.status",
      "clubs.target_grades",
      "clubs.schedule",
      "clubs.founded_on",
      "clubs.school_id",
      "units.name as school_name",
      current(eb, true).as("student_members"),
      current(eb, false).as("teacher_members"),
      eb
        .selectFrom("activities")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("activities.club_id", "=", "clubs.id")
        .as("meetings"),
    ]);
  const list = await searchedPage({
    query: f.q,
    slice: opts,
    count: async () => Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    page: (offset, limit) => sorted(rows()).limit(limit).offset(offset).execute(),
    candidates: async () =>
      (await sorted(q.select(["clubs.id", "clubs.name"])).execute()).map((c) => ({ id: c.id, texts: [c.name] })),
    byIds: (ids) => rows().where("clubs.id", "in", ids).execute(),
  });
  return {
    total: list.total,
    rows: list.rows.map((r) => ({
      ...r,
      student_members: Number(r.student_members),
      teacher_members: Number(r.teacher_members),
      meetings: Number(r.meetings),
    })),
  };
}

/** A club's members, current and past. Names only for callers allowed to see them. */
export async function clubMembers(db: DB, clubId: number) {
  return db
    .selectFrom("club_members")
    .innerJoin("people", "people.id", "club_members.person_id")
    .select([
      "club_members.id",
      "club_members.role",
      "club_members.joined_on",
      "club_members.left_on",
      "people.id as person_id",
      "people.full_name",
      "people.code",
      "people.category",
      "people.class_name",
    ])
    .where("club_members.club_id", "=", clubId)
    .orderBy("club_members.left_on", "desc")
    .orderBy("club_members.role")
    .orderBy("people.full_name")
    .execute();
}

/** People of the school who could join (not current members): students as members, staff as advisors. */
/**
 * Who may join the club, in one list (issue 20): the school's current staff, and its current pupils of the club's
 * grades — not those already members. The page searches it by name or code and narrows it by class.
 */
export async function joinCandidates(db: DB, club: Club) {
  const grades = targetGrades(club);
  return db
    .selectFrom("people")
    .select(["id", "full_name", "code", "category", "grade", "class_name"])
    .where("unit_id", "=", club.school_id)
    .where("left_on", "is", null)
    .where((eb) => eb.or([eb("category", "!=", "students"), eb("grade", "in", grades.length ? grades : [-1])]))
    .where(
      "id",
      "not in",
      db.selectFrom("club_members").select("person_id").where("club_id", "=", club.id).where("left_on", "is", null),
    )
    .orderBy("category")
    .orderBy("grade")
    .orderBy("class_name")
    .orderBy("name_key")
    .limit(3000)
    .execute();
}

export async function addMembers(
  db: DB,
  actor: Actor,
  club: Club,
  input: { personIds: number[]; role?: "member" | "advisor"; advisorIds?: number[]; joinedOn: string },
): Promise<number> {
  if (!canManageClubs(actor, club.school_id))
    refuse(can(actor, "school.read", club.school_id), "Bạn không có quyền sửa thành viên câu lạc bộ này.");
  const ids = [...new Set(input.personIds)];
  const people = await db
    .selectFrom("people")
    .select(["id", "unit_id", "category", "left_on"])
    .where("id", "in", ids)
    .execute();
  if (people.length !== ids.length || people.some((p) => p.unit_id !== club.school_id || p.left_on))
    throw new DomainError("Chỉ thêm được học sinh, giáo viên hiện tại của trường.", "personIds");
  // Each person's role: advisors named one by one (staff in the same pass as pupils), or one role for all.
  const advisors = new Set(input.advisorIds ?? []);
  const roleOf = (id: number): "member" | "advisor" => (advisors.has(id) ? "advisor" : (input.role ?? "member"));
  if (people.some((p) => roleOf(p.id) === "advisor" && p.category === "students"))
    throw new DomainError("Giáo viên phụ trách phải là cán bộ, giáo viên.", input.advisorIds ? "personIds" : "role");
  if (people.some((p) => roleOf(p.id) === "member" && p.category !== "students" && p.category !== "teachers"))
    throw new DomainError(
      "Thành viên là học sinh hoặc giáo viên của trường; cán bộ quản lý tham gia với vai trò phụ trách.",
      input.advisorIds ? "personIds" : "role",
    );
  if (input.joinedOn > vietnamToday()) throw new DomainError("Ngày tham gia không được ở tương lai.", "joinedOn");
  await assertDateOpen(db, club.school_id, input.joinedOn);
  return db.transaction().execute(async (trx) => {
    const active = await trx
      .selectFrom("club_members")
      .select("person_id")
      .where("club_id", "=", club.id)
      .where("left_on", "is", null)
      .where("person_id", "in", ids)
      .execute();
    const fresh = ids.filter((id) => !active.some((a) => a.person_id === id));
    if (fresh.length) {
      await trx
        .insertInto("club_members")
        .values(
          fresh.map((person_id) => ({
            club_id: club.id,
            person_id,
            role: roleOf(person_id),
            joined_on: input.joinedOn,
            left_on: null,
          })),
        )
        .execute();
      await writeAudit(trx, {
        actorUserId: actor.userId,
        unitId: club.school_id,
        action: "create",
        entity: "club_member",
        entityId: club.id,
        after: {
          person_ids: fresh.filter((id) => roleOf(id) === "member"),
          advisor_ids: fresh.filter((id) => roleOf(id) === "advisor"),
          joined_on: input.joinedOn,
        },
      });
    }
    return fresh.length;
  });
}

/** A member leaves on a date: the row stays, so past years' memberships stay true. */
export async function endMembership(db: DB, actor: Actor, club: Club, memberId: number, leftOn: string): Promise<void> {
  if (!canManageClubs(actor, club.school_id))
    refuse(can(actor, "school.read", club.school_id), "Bạn không có quyền sửa thành viên câu lạc bộ này.");
  const m = await db
    .selectFrom("club_members")
    .selectAll()
    .where("id", "=", memberId)
    .where("club_id", "=", club.id)
    .executeTakeFirst();
  if (!m || m.left_on) throw new DomainError("Thành viên không còn trong câu lạc bộ.");
  if (leftOn < m.joined_on) throw new DomainError("Ngày rời phải sau ngày tham gia.", "leftOn");
  await assertDateOpen(db, club.school_id, leftOn);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("club_members").set({ left_on: leftOn }).where("id", "=", memberId).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: club.school_id,
      action: "update",
      entity: "club_member",
      entityId: memberId,
      before: { left_on: null },
      after: { left_on: leftOn },
    });
  });
}

/** Said to whoever may see the club but neither runs the school nor advises the club. */
export const MEETING_RECORDERS_ONLY =
  "Chỉ ban giám hiệu và giáo viên cố vấn của câu lạc bộ mới ghi được buổi sinh hoạt.";

/** A meeting is an activity of the school (form "club meeting", topic STEM, audience students) that attendance is taken for. */
export async function recordMeeting(
  db: DB,
  actor: Actor,
  club: Club,
  input: { date: string; startTime: string; endTime: string; topic: string; description?: string },
): Promise<number> {
  if (!(await canRecordClubMeeting(db, actor, club)))
    refuse(can(actor, "school.read", club.school_id), MEETING_RECORDERS_ONLY);
  const startsAt = vietnamInstant(input.date, input.startTime);
  return db.transaction().execute((trx) =>
    insertActivity(trx, actor.userId, {
      organizerUnitId: club.school_id,
      clubId: club.id,
      title: `${club.name}: ${input.topic.trim()}`,
      form: "club_meeting",
      delivery: "in_person",
      startsAt,
      endsAt: vietnamInstant(input.date, input.endTime),
      place: null,
      status: Date.parse(startsAt) <= Date.now() ? "held" : "planned",
      description: input.description,
      topics: ["STEM"],
      audiences: ["students", "teachers"],
    }),
  );
}

export async function clubMeetings(db: DB, clubId: number) {
  return db
    .selectFrom("activities")
    .select(["id", "title", "starts_at", "ends_at", "status", "description"])
    .where("club_id", "=", clubId)
    .orderBy("starts_at", "desc")
    .limit(200)
    .execute();
}
