/**
 * Activities: training classes, conferences, thematic sessions, club meetings and dissemination
 * (banners, website, loudspeakers…). The records the plan's indicators are computed from.
 */
import type { SelectQueryBuilder } from "kysely";
import type { DB } from "../../../db/connection";
import type { Activity, Database, Unit } from "../../../db/schema";
import { assertActivityUnlocked, assertPeriodOpen } from "../calendar/locks";
import { tellInvitedSchools } from "../notifications/invitations";
import { writeAudit, type Executor } from "../audit/audit";
import { lockedActivity, quarterOf, refreshReach } from "../reach/reach-aggregate";
import { ownSchoolIds, reaches, type Actor } from "../auth/permissions";
import { DomainError, requireDeleteConfirmation, type DeleteConfirmation } from "../shared/errors";
import { holdsFolded, searchedPage, type ListSlice } from "../shared/search";
import { nowIso, vietnamInstant } from "../shared/time";
import { activitiesSnapshot, claimRecord, describeParts, moveToBin, rowsWhere } from "../recycle-bin/bin";
import type { ActivityInput, BudgetLineInput } from "./schemas";
import { BUDGET_CATEGORY_LABELS, isPostForm } from "./vocabulary";
import { activityVisibleTo, canManageActivity, refuse, seesUnit } from "../auth/policies";

/** Units an actor may organize activities for. */
export async function organizerChoices(db: DB, actor: Actor): Promise<Unit[]> {
  const units = await db
    .selectFrom("units")
    .selectAll()
    .where("archived_at", "is", null)
    .where("kind", "in", ["commune", "office", "school"])
    .orderBy("name")
    .execute();
  return units.filter((u) => canManageActivity(actor, u));
}

/**
 * Which activities an actor sees: the commune's readers see all of their commune; a school's staff see their
 * school's activities, those their school co-organizes or is invited to, and their commune's commune-level ones.
 */

export async function assertVocabulary(db: Executor, input: { form: string; topics: string[]; audiences: string[] }) {
  const terms = await db.selectFrom("vocab_terms").select(["kind", "code"]).where("archived", "=", 0).execute();
  const has = (kind: string, code: string) => terms.some((t) => t.kind === kind && t.code === code);
  if (!has("form", input.form)) throw new DomainError("Hình thức không hợp lệ.", "form");
  if (input.topics.some((t) => !has("topic", t))) throw new DomainError("Nội dung không hợp lệ.", "topics");
  if (input.audiences.some((a) => !has("audience", a))) throw new DomainError("Đối tượng không hợp lệ.", "audiences");
}

export interface ActivityRecord {
  organizerUnitId: number;
  title: string;
  form: string;
  delivery: Activity["delivery"];
  startsAt: string;
  endsAt: string;
  place?: string | null;
  link?: string | null;
  postKind?: Activity["post_kind"];
  /** Held outside the commune by this organizer; the unit sent people (clause III.1.2). */
  externalOrganizer?: string | null;
  commemoration?: Activity["commemoration"];
  plannedParticipants?: number | null;
  status: Activity["status"];
  description?: string | null;
  clubId?: number | null;
  topics: string[];
  audiences: string[];
  coOrganizerIds?: number[];
  invitedUnitIds?: number[];
}

function rowValues(r: ActivityRecord) {
  return {
    organizer_unit_id: r.organizerUnitId,
    title: r.title.trim(),
    form: r.form,
    delivery: r.delivery,
    starts_at: r.startsAt,
    ends_at: r.endsAt,
    place: r.place?.trim() || null,
    link: r.link?.trim() || null,
    post_kind: isPostForm(r.form) ? r.postKind || null : null,
    external_organizer: r.externalOrganizer?.trim() || null,
    commemoration: r.commemoration || null,
    planned_participants: r.plannedParticipants ?? null,
    status: r.status,
    description: r.description?.trim() || null,
    club_id: r.clubId ?? null,
  };
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

async function writeLinks(db: Executor, activityId: number, r: ActivityRecord) {
  await db.deleteFrom("activity_topics").where("activity_id", "=", activityId).execute();
  await db.deleteFrom("activity_audiences").where("activity_id", "=", activityId).execute();
  await db.deleteFrom("activity_units").where("activity_id", "=", activityId).execute();
  const topics = [...new Set(r.topics)];
  const audiences = [...new Set(r.audiences)];
  if (topics.length)
    await db
      .insertInto("activity_topics")
      .values(topics.map((t) => ({ activity_id: activityId, topic_code: t })))
      .execute();
  if (audiences.length)
    await db
      .insertInto("activity_audiences")
      .values(audiences.map((a) => ({ activity_id: activityId, audience_code: a })))
      .execute();
  const units = new Map<number, "co_organizer" | "invited">();
  for (const id of r.invitedUnitIds ?? []) if (id !== r.organizerUnitId) units.set(id, "invited");
  for (const id of r.coOrganizerIds ?? []) if (id !== r.organizerUnitId) units.set(id, "co_organizer");
  if (units.size)
    await db
      .insertInto("activity_units")
      .values([...units].map(([unit_id, relation]) => ({ activity_id: activityId, unit_id, relation })))
      .execute();
}

/** Inserts an activity with its topics, audiences and units. For use inside a caller's transaction. */
export async function insertActivity(db: Executor, actorUserId: number | null, r: ActivityRecord): Promise<number> {
  // Organizer and co-organizers: the activity counts for each of them (DAY-1.2 counts co-organized days).
  for (const unitId of new Set([r.organizerUnitId, ...(r.coOrganizerIds ?? [])]))
    await assertPeriodOpen(db, unitId, r.startsAt);
  const at = nowIso();
  const values = { ...rowValues(r), created_by: actorUserId || null, created_at: at, updated_at: at };
  const row = await db.insertInto("activities").values(values).returning("id").executeTakeFirstOrThrow();
  await writeLinks(db, row.id, r);
  await writeAudit(db, {
    actorUserId,
    unitId: r.organizerUnitId,
    action: "create",
    entity: "activity",
    entityId: row.id,
    after: { ...values, topics: r.topics, audiences: r.audiences },
  });
  return row.id;
}

export function recordFromInput(input: ActivityInput): ActivityRecord {
  return {
    organizerUnitId: input.organizerUnitId,
    title: input.title,
    form: input.form,
    delivery: input.delivery,
    startsAt: vietnamInstant(input.startDate, input.startTime),
    endsAt: vietnamInstant(input.endDate, input.endTime),
    place: input.place,
    link: input.link,
    postKind: input.postKind || null,
    externalOrganizer: input.externalOrganizer,
    commemoration: input.commemoration || null,
    plannedParticipants: input.plannedParticipants ?? null,
    status: input.status,
    description: input.description,
    topics: input.topics,
    audiences: input.audiences,
    coOrganizerIds: input.coOrganizerIds,
    invitedUnitIds: input.invitedUnitIds,
  };
}

async function organizerOf(db: Executor, unitId: number): Promise<Unit> {
  const unit = await db.selectFrom("units").selectAll().where("id", "=", unitId).executeTakeFirst();
  if (!unit || unit.kind === "province" || unit.kind === "hamlet")
    throw new DomainError("Đơn vị tổ chức không hợp lệ.", "organizerUnitId");
  return unit;
}

async function checkInput(db: Executor, actor: Actor, input: ActivityInput): Promise<Unit> {
  const organizer = await organizerOf(db, input.organizerUnitId);
  // The organizer named in the form is a record like one in the address: outside the reach 404, inside it 403.
  if (!canManageActivity(actor, organizer))
    refuse(seesUnit(actor, organizer), "Bạn không được tạo hoạt động cho đơn vị này.");
  await assertVocabulary(db, input);
  if (input.status === "held" && recordFromInput(input).startsAt > nowIso())
    throw new DomainError("Hoạt động chưa diễn ra: chưa thể chọn “Đã tổ chức”.", "status");
  if (input.invitedUnitIds.length && organizer.kind === "school")
    throw new DomainError("Chỉ hoạt động cấp xã mới mời các trường.", "invitedUnitIds");
  const others = [...input.coOrganizerIds, ...input.invitedUnitIds];
  if (others.length) {
    const found = await db.selectFrom("units").select(["id", "kind"]).where("id", "in", others).execute();
    if (found.length !== new Set(others).size || found.some((u) => u.kind === "province" || !reaches(actor, u.id)))
      throw new DomainError("Đơn vị phối hợp không hợp lệ.", "coOrganizerIds");
    // A school cannot put its activity into another school's lists, calendar and feed; the commune can.
    const coSchools = found.filter((u) => input.coOrganizerIds.includes(u.id) && u.kind === "school");
    if (organizer.kind === "school" && coSchools.length)
      throw new DomainError(
        "Trường chỉ ghi được đơn vị phối hợp là phòng, ban, ấp; hoạt động liên trường do xã tổ chức.",
        "coOrganizerIds",
      );
    const invited = found.filter((u) => input.invitedUnitIds.includes(u.id));
    if (invited.some((u) => u.kind !== "school")) throw new DomainError("Chỉ mời được các trường.", "invitedUnitIds");
  }
  return organizer;
}

export async function createActivity(db: DB, actor: Actor, input: ActivityInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const organizer = await checkInput(trx, actor, input);
    const record = recordFromInput(input);
    const id = await insertActivity(trx, actor.userId, record);
    await tellInvitedSchools(trx, invitation(id, record, organizer), input.invitedUnitIds);
    return id;
  });
}

function invitation(id: number, r: ActivityRecord, organizer: Unit) {
  return { id, title: r.title, startsAt: r.startsAt, organizerName: organizer.name };
}

export async function getActivity(db: Executor, id: number): Promise<(Activity & { organizer: Unit }) | undefined> {
  const a = await db.selectFrom("activities").selectAll().where("id", "=", id).executeTakeFirst();
  if (!a) return undefined;
  return { ...a, organizer: await organizerOf(db, a.organizer_unit_id) };
}

export async function activityDetail(db: DB, id: number) {
  const activity = await getActivity(db, id);
  if (!activity) return undefined;
  const [topics, audiences, units, reach, budget] = await Promise.all([
    db
      .selectFrom("activity_topics")
      .innerJoin("vocab_terms", (j) =>
        j.onRef("vocab_terms.code", "=", "activity_topics.topic_code").on("vocab_terms.kind", "=", "topic"),
      )
      .select(["topic_code as code", "label"])
      .where("activity_id", "=", id)
      .orderBy("sort_order")
      .execute(),
    db
      .selectFrom("activity_audiences")
      .innerJoin("vocab_terms", (j) =>
        j.onRef("vocab_terms.code", "=", "activity_audiences.audience_code").on("vocab_terms.kind", "=", "audience"),
      )
      .select(["audience_code as code", "label"])
      .where("activity_id", "=", id)
      .orderBy("sort_order")
      .execute(),
    db
      .selectFrom("activity_units")
      .innerJoin("units", "units.id", "activity_units.unit_id")
      .select(["units.id", "units.name", "units.kind", "activity_units.relation"])
      .where("activity_id", "=", id)
      .orderBy("units.name")
      .execute(),
    db.selectFrom("activity_reach").select(["audience_code", "count"]).where("activity_id", "=", id).execute(),
    db.selectFrom("budget_lines").selectAll().where("activity_id", "=", id).orderBy("id").execute(),
  ]);
  const form = await db
    .selectFrom("vocab_terms")
    .select("label")
    .where("kind", "=", "form")
    .where("code", "=", activity.form)
    .executeTakeFirst();
  return { activity, formLabel: form?.label ?? activity.form, topics, audiences, units, reach, budget };
}

export async function updateActivity(
  db: DB,
  actor: Actor,
  activity: Activity & { organizer: Unit },
  input: ActivityInput,
): Promise<void> {
  if (!canManageActivity(actor, activity.organizer))
    refuse(seesUnit(actor, activity.organizer), "Bạn không có quyền sửa hoạt động này.");
  const newStart = recordFromInput(input).startsAt;
  await assertActivityUnlocked(db, activity, [activity.starts_at, newStart]);
  for (const unitId of input.coOrganizerIds)
    for (const at of [activity.starts_at, newStart]) await assertPeriodOpen(db, unitId, at);
  await db.transaction().execute(async (trx) => {
    const organizer = await checkInput(trx, actor, input);
    const before = await lockedActivity(trx, activity.id, "update");
    if (!before) throw new DomainError("Hoạt động này không còn tồn tại.");
    const oldTopics = await trx
      .selectFrom("activity_topics")
      .select("topic_code")
      .where("activity_id", "=", activity.id)
      .execute();
    const r = { ...recordFromInput(input), clubId: activity.club_id };
    const values = { ...rowValues(r), updated_at: nowIso() };
    await trx.updateTable("activities").set(values).where("id", "=", activity.id).execute();
    await writeLinks(trx, activity.id, r);
    await tellInvitedSchools(trx, invitation(activity.id, r, organizer), input.invitedUnitIds);
    // Status, start, form and topics decide who was reached when: the aggregate follows in this transaction
    // (not for a new title or description: a big training's attendees are not recomputed for nothing).
    const sameTopics = sameSet(
      oldTopics.map((t) => t.topic_code),
      r.topics,
    );
    if (!(sameTopics && before.starts_at === r.startsAt && before.status === r.status && before.form === r.form))
      await refreshReach(trx, { attendeesOf: [activity.id] }, [quarterOf(before.starts_at), quarterOf(r.startsAt)]);
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: activity.organizer_unit_id,
      action: "update",
      entity: "activity",
      entityId: activity.id,
      before: activity,
      after: values,
    });
  });
}

/** What deleting an activity takes with it, for the confirmation page. */
export async function deletionConsequences(db: DB, activityId: number) {
  const rowsOf = async (table: "attendance" | "budget_lines" | "activity_reach") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("activity_id", "=", activityId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    marks: await rowsOf("attendance"),
    budgetLines: await rowsOf("budget_lines"),
    reachFigures: await rowsOf("activity_reach"),
  };
}

export async function deleteActivity(
  db: DB,
  actor: Actor,
  activity: Activity & { organizer: Unit },
  confirmed: DeleteConfirmation,
): Promise<void> {
  if (!canManageActivity(actor, activity.organizer))
    refuse(seesUnit(actor, activity.organizer), "Bạn không có quyền xóa hoạt động này.");
  const c = await deletionConsequences(db, activity.id);
  requireDeleteConfirmation(confirmed, Object.values(c).some(Boolean));
  await assertActivityUnlocked(db, activity, [activity.starts_at]);
  await db.transaction().execute(async (trx) => {
    // Locked first (no mark can be added meanwhile), refreshed before the delete (afterwards its attendees are
    // no longer known).
    const current = await lockedActivity(trx, activity.id, "update");
    if (!current) return;
    await refreshReach(trx, { attendeesOf: [activity.id] }, [quarterOf(current.starts_at)], { without: [activity.id] });
    const snapshot = await activitiesSnapshot(trx, [activity.id]);
    await moveToBin(trx, {
      kind: "activity",
      recordId: activity.id,
      unitId: activity.organizer_unit_id,
      title: activity.title,
      summary: describeParts(snapshot),
      snapshot,
      fileIds: [],
      actorUserId: actor.userId,
    });
    await trx.deleteFrom("activities").where("id", "=", activity.id).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: activity.organizer_unit_id,
      action: "delete",
      entity: "activity",
      entityId: activity.id,
      before: { ...activity, organizer: undefined, ...c },
    });
  });
}

export async function addBudgetLine(
  db: DB,
  actor: Actor,
  activity: Activity & { organizer: Unit },
  line: BudgetLineInput,
): Promise<void> {
  if (!canManageActivity(actor, activity.organizer))
    refuse(seesUnit(actor, activity.organizer), "Bạn không có quyền sửa kinh phí của hoạt động này.");
  await assertPeriodOpen(db, activity.organizer_unit_id, activity.starts_at);
  await db.transaction().execute(async (trx) => {
    const values = {
      activity_id: activity.id,
      category: line.category,
      source: line.source,
      estimate: line.estimate,
      actual: line.actual ?? null,
      note: line.note || null,
    };
    const row = await trx.insertInto("budget_lines").values(values).returning("id").executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: activity.organizer_unit_id,
      action: "create",
      entity: "budget_line",
      entityId: row.id,
      after: values,
    });
  });
}

export async function deleteBudgetLine(
  db: DB,
  actor: Actor,
  activity: Activity & { organizer: Unit },
  lineId: number,
  confirmed: boolean,
): Promise<void> {
  if (!canManageActivity(actor, activity.organizer))
    refuse(seesUnit(actor, activity.organizer), "Bạn không có quyền sửa kinh phí của hoạt động này.");
  requireDeleteConfirmation(confirmed);
  const line = await db
    .selectFrom("budget_lines")
    .selectAll()
    .where("id", "=", lineId)
    .where("activity_id", "=", activity.id)
    .executeTakeFirst();
  if (!line) throw new DomainError("Không tìm thấy dòng kinh phí.");
  await assertPeriodOpen(db, activity.organizer_unit_id, activity.starts_at);
  await db.transaction().execute(async (trx) => {
    if (!(await claimRecord(trx, "budget_lines", lineId))) return; // deleted already (a second click)
    await moveToBin(trx, {
      kind: "budget_line",
      recordId: lineId,
      unitId: activity.organizer_unit_id,
      title: `${BUDGET_CATEGORY_LABELS[line.category]}${line.note ? ` (${line.note})` : ""} — ${activity.title}`,
      summary: "",
      snapshot: [{ table: "budget_lines", rows: await rowsWhere(trx, "budget_lines", "id", [lineId]) }],
      fileIds: [],
      actorUserId: actor.userId,
    });
    await trx.deleteFrom("budget_lines").where("id", "=", lineId).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: activity.organizer_unit_id,
      action: "delete",
      entity: "budget_line",
      entityId: lineId,
      before: line,
    });
  });
}

export async function setReach(
  db: DB,
  actor: Actor,
  activity: Activity & { organizer: Unit },
  values: Record<string, number | undefined>,
): Promise<void> {
  if (!canManageActivity(actor, activity.organizer))
    refuse(seesUnit(actor, activity.organizer), "Bạn không có quyền sửa hoạt động này.");
  await assertPeriodOpen(db, activity.organizer_unit_id, activity.starts_at);
  const audiences = (await db.selectFrom("vocab_terms").select("code").where("kind", "=", "audience").execute()).map(
    (a) => a.code,
  );
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("activity_reach")
      .select(["audience_code", "count"])
      .where("activity_id", "=", activity.id)
      .execute();
    await trx.deleteFrom("activity_reach").where("activity_id", "=", activity.id).execute();
    const rows = Object.entries(values)
      .filter(([code, n]) => audiences.includes(code) && n !== undefined && n > 0)
      .map(([audience_code, count]) => ({ activity_id: activity.id, audience_code, count: count! }));
    if (rows.length) await trx.insertInto("activity_reach").values(rows).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: activity.organizer_unit_id,
      action: "update",
      entity: "activity_reach",
      entityId: activity.id,
      before,
      after: rows,
    });
  });
}

export interface ActivityFilter {
  /** Words of the title or the place, without diacritics or case. */
  q?: string;
  unitId?: number;
  topic?: string;
  form?: string;
  audience?: string;
  status?: Activity["status"];
  from?: string; // UTC instant, inclusive
  to?: string; // UTC instant, exclusive
}

function applyFilter(db: DB, actor: Actor, f: ActivityFilter) {
  let q = db.selectFrom("activities").where(activityVisibleTo(actor));
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where((eb) =>
      eb.or([
        eb("activities.organizer_unit_id", "=", unitId),
        eb("activities.id", "in", eb.selectFrom("activity_units").select("activity_id").where("unit_id", "=", unitId)),
      ]),
    );
  }
  if (f.topic)
    q = q.where(
      "activities.id",
      "in",
      db.selectFrom("activity_topics").select("activity_id").where("topic_code", "=", f.topic),
    );
  if (f.audience)
    q = q.where(
      "activities.id",
      "in",
      db.selectFrom("activity_audiences").select("activity_id").where("audience_code", "=", f.audience),
    );
  if (f.form) q = q.where("activities.form", "=", f.form);
  if (f.status) q = q.where("activities.status", "=", f.status);
  if (f.from) q = q.where("activities.starts_at", ">=", f.from);
  if (f.to) q = q.where("activities.starts_at", "<", f.to);
  return q;
}

export type ActivitySort = "newest" | "oldest" | "title";

/** The activities of a list page (or of its download: `slice` its first rows), filtered and searched. */
export async function listActivities(
  db: DB,
  actor: Actor,
  f: ActivityFilter,
  opts: ListSlice & { sort: ActivitySort },
) {
  const q = applyFilter(db, actor, f);
  const sorted = <Q extends SelectQueryBuilder<Database, "activities", object>>(rows: Q): Q =>
    (opts.sort === "title"
      ? rows.orderBy("activities.title")
      : rows.orderBy("activities.starts_at", opts.sort === "oldest" ? "asc" : "desc")
    ).orderBy("activities.id") as Q;
  const rows = () =>
    q
      .innerJoin("units", "units.id", "activities.organizer_unit_id")
      .leftJoin("vocab_terms as form_term", (j) =>
        j.onRef("form_term.code", "=", "activities.form").on("form_term.kind", "=", "form"),
      )
      .select([
        "activities.id",
        "activities.title",
        "activities.form",
        "form_term.label as form_label",
        "activities.starts_at",
        "activities.ends_at",
        "activities.status",
        "activities.delivery",
        "activities.place",
        "activities.commemoration",
        "activities.planned_participants",
        "units.name as organizer_name",
        "units.kind as organizer_kind",
      ]);
  return searchedPage({
    query: f.q,
    slice: opts,
    count: async () => Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    page: (offset, limit) => sorted(rows()).limit(limit).offset(offset).execute(),
    candidates: async () =>
      (await sorted(q.select(["activities.id", "activities.title", "activities.place"])).execute()).map((a) => ({
        id: a.id,
        texts: [a.title, a.place],
      })),
    byIds: (ids) => rows().where("activities.id", "in", ids).execute(),
  });
}

/** Which of these activities the actor's own schools were invited to (a badge on the list: everyone sees the
 * commune's activities, but these are addressed to the school). */
export async function invitedAmong(db: DB, actor: Actor, activityIds: number[]): Promise<number[]> {
  const own = ownSchoolIds(actor);
  if (!own.length || !activityIds.length) return [];
  const rows = await db
    .selectFrom("activity_units")
    .select("activity_id")
    .where("unit_id", "in", own)
    .where("relation", "=", "invited")
    .where("activity_id", "in", activityIds)
    .execute();
  return rows.map((r) => r.activity_id);
}

/** Activities starting in [from, to), for the month calendar; at most `limit` of them. */
export async function calendarActivities(db: DB, actor: Actor, f: ActivityFilter, limit = 600) {
  const rows = applyFilter(db, actor, f)
    .innerJoin("units", "units.id", "activities.organizer_unit_id")
    .select([
      "activities.id",
      "activities.title",
      "activities.place",
      "activities.starts_at",
      "activities.ends_at",
      "activities.status",
      "activities.commemoration",
      "units.short_name",
      "units.name as organizer_name",
    ])
    .orderBy("activities.starts_at");
  // A search is matched here (see searchedPage), among the month's activities.
  const q = f.q;
  if (!q) return rows.limit(limit).execute();
  return (await rows.execute()).filter((a) => holdsFolded(q, [a.title, a.place])).slice(0, limit);
}

export async function listVocabulary(db: Executor) {
  const rows = await db
    .selectFrom("vocab_terms")
    .select(["kind", "code", "label", "parent_code"])
    .where("archived", "=", 0)
    .orderBy("sort_order")
    .execute();
  return {
    topics: rows.filter((r) => r.kind === "topic"),
    forms: rows.filter((r) => r.kind === "form"),
    audiences: rows.filter((r) => r.kind === "audience"),
  };
}
