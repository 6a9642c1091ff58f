/**
 * Science and innovation contests: registered by a school (its own) or by commune staff (open to every
 * school); entries by schools with their students and mentor teachers; results and evidence.
 */
import { assertDateOpen } from "../calendar/locks";
import { sql, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../db/connection";
import type { Contest, ContestEntry, ContestResult, Database, Unit } from "../../../db/schema";
import { writeAudit, type Executor } from "../audit/audit";
import { can, ownSchoolIds, reachOf, readableUnitIds, type Actor } from "../auth/permissions";
import { DomainError, requireDeleteConfirmation, type DeleteConfirmation } from "../shared/errors";
import { claimRecord, describeParts, moveToBin, rowsWhere, type Snapshot } from "../recycle-bin/bin";
import { touchObjects } from "../files/lifecycle";
import { searchedPage, type ListSlice } from "../shared/search";
import { nowIso, vietnamToday } from "../shared/time";
import type { ContestInput, EntryInput } from "./schemas";
import { AWARDS, type ContestStatus } from "./vocabulary";
import { canManageContest, canRecordResult, contestVisibleTo, refuse, seesUnit } from "../auth/policies";

export type ContestWithOrganizer = Contest & { organizer: Unit };

/** Where a new contest is registered: the administrator's own school, or the commune for its staff. */
export async function contestOrganizerFor(db: DB, actor: Actor): Promise<Unit | null> {
  if (can(actor, "commune.manage")) {
    const reach = reachOf(actor);
    return db
      .selectFrom("units")
      .selectAll()
      .where("kind", "=", "commune")
      .$if(!!reach, (q) => q.where("id", "in", reach!.length ? reach! : [-1]))
      .orderBy("id")
      .executeTakeFirst()
      .then((u) => u ?? null);
  }
  const school = ownSchoolIds(actor).find((id) => can(actor, "school.manage", id));
  return school
    ? ((await db.selectFrom("units").selectAll().where("id", "=", school).executeTakeFirst()) ?? null)
    : null;
}

function contestValues(input: ContestInput) {
  return {
    name: input.name.trim(),
    level: input.level,
    field: input.field,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    rules: input.rules?.trim() || null,
    link: input.link?.trim() || null,
  };
}

export async function createContest(db: DB, actor: Actor, organizer: Unit, input: ContestInput): Promise<number> {
  if (!canManageContest(actor, organizer)) refuse(seesUnit(actor, organizer), "Bạn không có quyền đăng ký cuộc thi.");
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const values = {
      organizer_unit_id: organizer.id,
      ...contestValues(input),
      open_to_all: organizer.kind === "school" ? 0 : 1,
      created_at: at,
      updated_at: at,
    };
    const row = await trx.insertInto("contests").values(values).returning("id").executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: organizer.id,
      action: "create",
      entity: "contest",
      entityId: row.id,
      after: values,
    });
    return row.id;
  });
}

export async function getContest(db: DB, id: number): Promise<ContestWithOrganizer | undefined> {
  const c = await db.selectFrom("contests").selectAll().where("id", "=", id).executeTakeFirst();
  if (!c) return undefined;
  const organizer = await db
    .selectFrom("units")
    .selectAll()
    .where("id", "=", c.organizer_unit_id)
    .executeTakeFirstOrThrow();
  return { ...c, organizer };
}

export async function updateContest(
  db: DB,
  actor: Actor,
  contest: ContestWithOrganizer,
  input: ContestInput,
): Promise<void> {
  if (!canManageContest(actor, contest.organizer))
    refuse(seesUnit(actor, contest.organizer), "Bạn không có quyền sửa cuộc thi này.");
  await db.transaction().execute(async (trx) => {
    const values = { ...contestValues(input), updated_at: nowIso() };
    await trx.updateTable("contests").set(values).where("id", "=", contest.id).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: contest.organizer_unit_id,
      action: "update",
      entity: "contest",
      entityId: contest.id,
      before: { ...contest, organizer: undefined },
      after: values,
    });
  });
}

export async function entryCount(db: DB, contestId: number): Promise<number> {
  return Number(
    (
      await db
        .selectFrom("contest_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("contest_id", "=", contestId)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/**
 * A contest's entries count in the half-year of its last day, for each entering school and the organizer: deleting
 * or restoring it changes those figures, so none of those periods may be locked.
 */
export async function assertContestOpen(
  db: Executor,
  contest: Pick<Contest, "id" | "organizer_unit_id" | "ends_on">,
): Promise<void> {
  const schools = await db
    .selectFrom("contest_entries")
    .select("school_id")
    .distinct()
    .where("contest_id", "=", contest.id)
    .execute();
  for (const unitId of new Set([contest.organizer_unit_id, ...schools.map((s) => s.school_id)]))
    await assertDateOpen(db, unitId, contest.ends_on);
}

/** Deleting a contest with entries removes the entries and their results: the user must confirm. */
export async function deleteContest(
  db: DB,
  actor: Actor,
  contest: ContestWithOrganizer,
  confirmed: DeleteConfirmation,
): Promise<void> {
  if (!canManageContest(actor, contest.organizer))
    refuse(seesUnit(actor, contest.organizer), "Bạn không có quyền xóa cuộc thi này.");
  const entries = await entryCount(db, contest.id);
  requireDeleteConfirmation(confirmed, entries > 0);
  await assertContestOpen(db, contest);
  await db.transaction().execute(async (trx) => {
    if (!(await claimRecord(trx, "contests", contest.id))) return; // deleted already (a second click)
    const entryRows = await rowsWhere(trx, "contest_entries", "contest_id", [contest.id]);
    const snapshot: Snapshot = [
      { table: "contests", rows: await rowsWhere(trx, "contests", "id", [contest.id]) },
      { table: "contest_entries", rows: entryRows },
      {
        table: "contest_entry_members",
        rows: await rowsWhere(
          trx,
          "contest_entry_members",
          "entry_id",
          entryRows.map((e) => e.id as number),
        ),
      },
    ];
    const evidence = entryRows.map((e) => e.evidence_file as string | null).filter((k): k is string => !!k);
    const files = evidence.length
      ? await trx.selectFrom("stored_files").select("id").where("sha256", "in", evidence).execute()
      : [];
    await moveToBin(trx, {
      kind: "contest",
      recordId: contest.id,
      unitId: contest.organizer_unit_id,
      title: contest.name,
      summary: describeParts(snapshot),
      snapshot,
      fileIds: files.map((f) => f.id),
      actorUserId: actor.userId,
    });
    await trx.deleteFrom("contest_entries").where("contest_id", "=", contest.id).execute();
    await trx.deleteFrom("contests").where("id", "=", contest.id).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: contest.organizer_unit_id,
      action: "delete",
      entity: "contest",
      entityId: contest.id,
      before: { ...contest, organizer: undefined, entries },
    });
  });
}

export type ContestSort = "newest" | "name";

export interface ContestFilter {
  /** Words of the contest's name, without diacritics or case. */
  q?: string;
  /** Contests starting in that calendar year. */
  year?: number;
  level?: Contest["level"];
  /** Where it stands today (Vietnam's calendar day). */
  status?: ContestStatus;
}

export async function listContests(
  db: DB,
  actor: Actor,
  opts: ContestFilter & ListSlice & { sort: ContestSort; today?: string },
) {
  let q = db.selectFrom("contests").where(contestVisibleTo(actor));
  if (opts.year)
    q = q
      .where("contests.starts_on", ">=", `${opts.year}-01-01`)
      .where("contests.starts_on", "<=", `${opts.year}-12-31`);
  if (opts.level) q = q.where("contests.level", "=", opts.level);
  const today = opts.today ?? vietnamToday();
  if (opts.status === "upcoming") q = q.where("contests.starts_on", ">", today);
  if (opts.status === "ongoing") q = q.where("contests.starts_on", "<=", today).where("contests.ends_on", ">=", today);
  if (opts.status === "finished") q = q.where("contests.ends_on", "<", today);
  const own = ownSchoolIds(actor);
  const commune = can(actor, "commune.read");
  const sorted = <Q extends SelectQueryBuilder<Database, "contests", object>>(rows: Q): Q =>
    rows
      .orderBy(opts.sort === "name" ? "contests.name" : "contests.starts_on", opts.sort === "name" ? "asc" : "desc")
      .orderBy("contests.id") as Q;
  const rows = () =>
    q.innerJoin("units", "units.id", "contests.organizer_unit_id").select((eb) => [
      "contests.id",
      "contests.name",
      "contests.level",
      "contests.field",
      "contests.starts_on",
      "contests.ends_on",
      "units.name as organizer_name",
      eb
        .selectFrom("contest_entries")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("contest_entries.contest_id", "=", "contests.id")
        .where((e) => (commune ? sql<SqlBool>`1 = 1` : e("contest_entries.school_id", "in", own.length ? own : [-1])))
        .as("entries"),
      eb
        .selectFrom("contest_entries")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("contest_entries.contest_id", "=", "contests.id")
        .where("contest_entries.result", "in", AWARDS)
        .where((e) => (commune ? sql<SqlBool>`1 = 1` : e("contest_entries.school_id", "in", own.length ? own : [-1])))
        .as("awards"),
    ]);
  const list = await searchedPage({
    query: opts.q,
    slice: opts,
    count: async () => Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    page: (offset, limit) => sorted(rows()).limit(limit).offset(offset).execute(),
    candidates: async () =>
      (await sorted(q.select(["contests.id", "contests.name"])).execute()).map((c) => ({ id: c.id, texts: [c.name] })),
    byIds: (ids) => rows().where("contests.id", "in", ids).execute(),
  });
  return {
    total: list.total,
    rows: list.rows.map((r) => ({ ...r, entries: Number(r.entries), awards: Number(r.awards) })),
    /** The day the statuses were read on. */
    today,
  };
}

/** Entries with their team sizes; a school's staff get only their own school's entries. */
export async function listEntries(db: DB, actor: Actor, contestId: number) {
  let q = db
    .selectFrom("contest_entries")
    .innerJoin("units", "units.id", "contest_entries.school_id")
    .where("contest_entries.contest_id", "=", contestId);
  const within = readableUnitIds(actor);
  if (within) q = q.where("contest_entries.school_id", "in", within.length ? within : [-1]);
  const entries = await q
    .select([
      "contest_entries.id",
      "contest_entries.title",
      "contest_entries.field",
      "contest_entries.result",
      "contest_entries.school_id",
      "contest_entries.evidence_name",
      "units.name as school_name",
    ])
    .orderBy("units.name")
    .orderBy("contest_entries.title")
    .execute();
  const ids = entries.map((e) => e.id);
  const members = ids.length
    ? await db
        .selectFrom("contest_entry_members")
        .innerJoin("people", "people.id", "contest_entry_members.person_id")
        .select([
          "contest_entry_members.entry_id",
          "contest_entry_members.role",
          "people.full_name",
          "people.class_name",
          "people.unit_id",
        ])
        .where("contest_entry_members.entry_id", "in", ids)
        .orderBy("people.name_key")
        .execute()
    : [];
  return entries.map((e) => {
    const team = members.filter((m) => m.entry_id === e.id);
    // Students' names never leave their school: others get the counts.
    const names = can(actor, "students.names", e.school_id);
    return {
      ...e,
      // An evidence file (a certificate, a photo) and its name may identify pupils: the school only.
      evidence_name: names ? e.evidence_name : null,
      has_evidence: e.evidence_name !== null,
      students: team.filter((m) => m.role === "student").length,
      mentors: team.filter((m) => m.role === "mentor").length,
      team: names ? team.map((m) => ({ name: m.full_name, role: m.role, className: m.class_name })) : [],
    };
  });
}

/** Entries and awards per school, for the commune's overview. */
export async function awardsBySchool(db: DB, year?: number, within: number[] | null = null) {
  let q = db
    .selectFrom("contest_entries")
    .innerJoin("contests", "contests.id", "contest_entries.contest_id")
    .innerJoin("units", "units.id", "contest_entries.school_id");
  if (within) q = q.where("contest_entries.school_id", "in", within.length ? within : [-1]);
  if (year) q = q.where("contests.starts_on", ">=", `${year}-01-01`).where("contests.starts_on", "<=", `${year}-12-31`);
  const rows = await q
    .select(["units.id", "units.name", "contest_entries.result", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["units.id", "units.name", "contest_entries.result"])
    .execute();
  const out = new Map<
    number,
    {
      schoolId: number;
      school: string;
      entries: number;
      first: number;
      second: number;
      third: number;
      consolation: number;
    }
  >();
  for (const r of rows) {
    const s = out.get(r.id) ?? {
      schoolId: r.id,
      school: r.name,
      entries: 0,
      first: 0,
      second: 0,
      third: 0,
      consolation: 0,
    };
    s.entries += Number(r.n);
    if (r.result && r.result !== "participation") s[r.result] += Number(r.n);
    out.set(r.id, s);
  }
  return [...out.values()].sort((a, b) => a.school.localeCompare(b.school, "vi"));
}

/** A school registers an entry: its own students (and teachers as mentors) only. */
export async function createEntry(
  db: DB,
  actor: Actor,
  contest: ContestWithOrganizer,
  school: Unit,
  input: EntryInput,
): Promise<number> {
  if (school.kind !== "school" || !can(actor, "school.manage", school.id))
    refuse(seesUnit(actor, school), "Chỉ ban giám hiệu của trường mới đăng ký bài dự thi.");
  if (contest.organizer.kind === "school" && contest.organizer_unit_id !== school.id)
    throw new DomainError("Cuộc thi cấp trường của trường khác.");
  const ids = [...new Set([...input.studentIds, ...input.mentorIds])];
  const people = await db
    .selectFrom("people")
    .select(["id", "unit_id", "category", "left_on"])
    .where("id", "in", ids)
    .execute();
  if (people.length !== ids.length || people.some((p) => p.unit_id !== school.id || p.left_on))
    throw new DomainError("Thành viên phải là học sinh, giáo viên hiện tại của trường.", "studentIds");
  if (input.studentIds.some((id) => people.find((p) => p.id === id)?.category !== "students"))
    throw new DomainError("Chỉ chọn học sinh trong nhóm tác giả.", "studentIds");
  if (input.mentorIds.some((id) => people.find((p) => p.id === id)?.category === "students"))
    throw new DomainError("Giáo viên hướng dẫn phải là cán bộ, giáo viên.", "mentorIds");
  await assertDateOpen(db, school.id, contest.ends_on);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const values = {
      contest_id: contest.id,
      school_id: school.id,
      title: input.title.trim(),
      field: input.field,
      result: null,
      evidence_file: null,
      evidence_name: null,
      created_at: at,
      updated_at: at,
    };
    const row = await trx.insertInto("contest_entries").values(values).returning("id").executeTakeFirstOrThrow();
    const members = [
      ...input.studentIds.map((person_id) => ({ entry_id: row.id, person_id, role: "student" as const })),
      ...input.mentorIds.map((person_id) => ({ entry_id: row.id, person_id, role: "mentor" as const })),
    ];
    await trx.insertInto("contest_entry_members").values(members).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: school.id,
      action: "create",
      entity: "contest_entry",
      entityId: row.id,
      after: { ...values, students: input.studentIds.length, mentors: input.mentorIds.length },
    });
    return row.id;
  });
}

export async function getEntry(db: DB, id: number): Promise<ContestEntry | undefined> {
  return db.selectFrom("contest_entries").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function recordResult(
  db: DB,
  actor: Actor,
  contest: ContestWithOrganizer,
  entry: ContestEntry,
  result: ContestResult | null,
  evidence?: { key: string; name: string },
): Promise<void> {
  if (!canRecordResult(actor, entry, contest))
    refuse(
      can(actor, "school.read", entry.school_id) || seesUnit(actor, contest.organizer),
      "Bạn không có quyền ghi kết quả cho bài dự thi này.",
    );
  await assertDateOpen(db, entry.school_id, contest.ends_on);
  await db.transaction().execute(async (trx) => {
    const values = {
      result,
      ...(evidence ? { evidence_file: evidence.key, evidence_name: evidence.name } : {}),
      updated_at: nowIso(),
    };
    await trx.updateTable("contest_entries").set(values).where("id", "=", entry.id).execute();
    // A replaced file loses this reference (it goes after the grace period if nothing else holds it).
    if (evidence && entry.evidence_file && entry.evidence_file !== evidence.key)
      await touchObjects(trx, { sha256: [entry.evidence_file] });
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: entry.school_id,
      action: "update",
      entity: "contest_entry",
      entityId: entry.id,
      // Not the file's name: it may carry a pupil's name, and the commune reads the audit log.
      before: { result: entry.result, evidence: !!entry.evidence_file },
      after: { result, evidence: !!(evidence ?? entry.evidence_file) },
    });
  });
}

export async function deleteEntry(db: DB, actor: Actor, entry: ContestEntry, confirmed: boolean): Promise<void> {
  if (!can(actor, "school.manage", entry.school_id))
    refuse(can(actor, "school.read", entry.school_id), "Bạn không có quyền xóa bài dự thi này.");
  requireDeleteConfirmation(confirmed);
  const contest = await db
    .selectFrom("contests")
    .select("ends_on")
    .where("id", "=", entry.contest_id)
    .executeTakeFirstOrThrow();
  await assertDateOpen(db, entry.school_id, contest.ends_on);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("contest_entries").where("id", "=", entry.id).execute();
    await touchObjects(trx, { sha256: [entry.evidence_file] });
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: entry.school_id,
      action: "delete",
      entity: "contest_entry",
      entityId: entry.id,
      before: entry,
    });
  });
}

/** The most people the entry form lists at once (about 60 classes of pupils and the staff). */
export const MAX_ENTRY_CANDIDATES = 3000;

/**
 * Students of the chosen classes and the teachers of a school who can be named on an entry; `more` when the list
 * stops at MAX_ENTRY_CANDIDATES (the form says so rather than leaving people out silently).
 */
export async function entryCandidates(db: DB, schoolId: number, classNames: string[] = []) {
  const rows = await db
    .selectFrom("people")
    .select(["id", "full_name", "category", "class_name", "code"])
    .where("unit_id", "=", schoolId)
    .where("left_on", "is", null)
    .where("category", "in", ["students", "teachers", "school_managers"])
    .where((eb) =>
      eb.or([
        eb("category", "!=", "students"),
        eb("class_name", "in", classNames.length ? classNames.slice(0, 60) : [""]),
      ]),
    )
    .orderBy("category")
    .orderBy("grade")
    .orderBy("class_name")
    .orderBy("name_key")
    .limit(MAX_ENTRY_CANDIDATES + 1)
    .execute();
  return { people: rows.slice(0, MAX_ENTRY_CANDIDATES), more: rows.length > MAX_ENTRY_CANDIDATES };
}
