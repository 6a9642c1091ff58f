/**
 * Restoring from the recycle bin: whoever could delete a record may restore it, under the same locks as any change
 * (an approved half-year takes nothing back); the rows return with their ids, and the figures follow at once.
 */
import type { DB } from "../../../db/connection";
import type { Activity, BinKind, Club, Contest, Material } from "../../../db/schema";
import { writeAudit } from "../audit/audit";
import { can, ownSchoolIds, reaches, type Actor } from "../auth/permissions";
import { quarterOf, refreshReach } from "../reach/reach-aggregate";
import { assertDateOpen, assertPeriodOpen, assertRangeOpen } from "../calendar/locks";
import { DomainError } from "../shared/errors";
import { getUnit } from "../units/units";
import { getBinEntry, listBin, purgeEntry, putBack, rowsWhere, type BinEntry, type Snapshot } from "./bin";
import {
  canManageActivity,
  canManageClubs,
  canManageContest,
  mayDeleteMaterial,
  refuse,
  seesUnit,
} from "../auth/policies";

const GONE = "Không tìm thấy mục này trong thùng rác (có thể đã được khôi phục, hoặc đã quá 30 ngày).";

function rowsOf<T>(snapshot: Snapshot, table: string): T[] {
  return snapshot.filter((p) => p.table === table).flatMap((p) => p.rows) as T[];
}

/** Whether the actor may restore an entry: the same rule as deleting the record it holds. */
async function mayRestore(db: DB, actor: Actor, entry: BinEntry, snapshot: Snapshot): Promise<boolean> {
  const unit = await getUnit(db, entry.unit_id);
  if (!unit) return false;
  switch (entry.kind) {
    case "activity":
    case "budget_line":
    case "contest":
      return entry.kind === "contest" ? canManageContest(actor, unit) : canManageActivity(actor, unit);
    case "club":
      return canManageClubs(actor, unit.id);
    case "material": {
      const material = rowsOf<Material>(snapshot, "materials")[0];
      return !!material && mayDeleteMaterial(actor, material);
    }
  }
}

/** Refuses one who may not restore (or purge) an entry: 403 when its unit is theirs to see, else 404 as if it were not there. */
async function assertMayRestore(db: DB, actor: Actor, entry: BinEntry & { snapshot: Snapshot }): Promise<void> {
  if (await mayRestore(db, actor, entry, entry.snapshot)) return;
  const unit = await getUnit(db, entry.unit_id);
  refuse(!!unit && seesUnit(actor, unit), "Chỉ người có quyền xóa mục này mới khôi phục hoặc xóa hẳn được.");
}

/**
 * The activities of a snapshot are not in the database while binned: the units a lock is checked for (the
 * organizer, co-organizers, the units of everyone marked) come from the snapshot itself.
 */
async function assertActivitiesOpen(db: DB, snapshot: Snapshot): Promise<void> {
  const marks = rowsOf<{ activity_id: number; person_id: number }>(snapshot, "attendance");
  const coOrganizers = rowsOf<{ activity_id: number; unit_id: number; relation: string }>(
    snapshot,
    "activity_units",
  ).filter((u) => u.relation === "co_organizer");
  for (const a of rowsOf<Activity>(snapshot, "activities")) {
    const people = [...new Set(marks.filter((m) => m.activity_id === a.id).map((m) => m.person_id))];
    const units = new Set([
      a.organizer_unit_id,
      ...coOrganizers.filter((u) => u.activity_id === a.id).map((u) => u.unit_id),
    ]);
    for (const r of await rowsWhere(db, "people", "id", people)) units.add(r.unit_id as number);
    for (const unitId of units) await assertPeriodOpen(db, unitId, a.starts_at);
  }
}

/** The locks a restore meets, as a delete of the same record would. */
async function assertRestoreOpen(db: DB, kind: BinKind, snapshot: Snapshot): Promise<void> {
  const activities = rowsOf<Activity>(snapshot, "activities");
  switch (kind) {
    case "activity":
      for (const a of activities) {
        if (a.club_id && !(await db.selectFrom("clubs").select("id").where("id", "=", a.club_id).executeTakeFirst()))
          throw new DomainError(
            "Câu lạc bộ của buổi sinh hoạt này không còn (có thể đang ở thùng rác): hãy khôi phục câu lạc bộ trước.",
          );
      }
      return assertActivitiesOpen(db, snapshot);
    case "club": {
      const club = rowsOf<Club>(snapshot, "clubs")[0];
      await assertRangeOpen(db, club.school_id, club.founded_on ?? "2000-01-01", club.closed_on ?? "9999-12-31");
      return assertActivitiesOpen(db, snapshot);
    }
    case "contest": {
      const contest = rowsOf<Contest>(snapshot, "contests")[0];
      for (const unitId of new Set([
        contest.organizer_unit_id,
        ...rowsOf<{ school_id: number }>(snapshot, "contest_entries").map((e) => e.school_id),
      ]))
        await assertDateOpen(db, unitId, contest.ends_on);
      return;
    }
    case "material": {
      const m = rowsOf<Material>(snapshot, "materials")[0];
      await assertPeriodOpen(db, m.school_id, m.created_at);
      return;
    }
    case "budget_line": {
      const line = rowsOf<{ activity_id: number }>(snapshot, "budget_lines")[0];
      // (Read here, not through activities/: that folder moves its records into this one.)
      const activity = await db
        .selectFrom("activities")
        .select(["organizer_unit_id", "starts_at"])
        .where("id", "=", line.activity_id)
        .executeTakeFirst();
      if (!activity)
        throw new DomainError(
          "Hoạt động của dòng kinh phí này không còn (có thể đang ở thùng rác): hãy khôi phục hoạt động trước.",
        );
      await assertPeriodOpen(db, activity.organizer_unit_id, activity.starts_at);
      return;
    }
  }
}

/** A database refusal while putting rows back (a row that depends on one removed since, an id taken meanwhile). */
function isConstraintError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  return code.startsWith("SQLITE_CONSTRAINT") || code === "23505" || code === "23503";
}

export async function restoreFromBin(
  db: DB,
  actor: Actor,
  binId: number,
  ip: string | null = null,
): Promise<BinEntry & { snapshot: Snapshot }> {
  const entry = await getBinEntry(db, binId);
  // An entry without its record (kept by a double delete before that was prevented) has nothing to restore.
  if (!entry || entry.snapshot[0]?.rows.length !== 1) throw new DomainError(GONE);
  await assertMayRestore(db, actor, entry);
  await assertRestoreOpen(db, entry.kind, entry.snapshot);
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await putBack(trx, entry))) throw new DomainError(GONE);
      const activities = rowsOf<Activity>(entry.snapshot, "activities");
      if (activities.length)
        await refreshReach(
          trx,
          { attendeesOf: activities.map((a) => a.id) },
          activities.map((a) => quarterOf(a.starts_at)),
        );
      await writeAudit(trx, {
        actorUserId: actor.userId,
        unitId: entry.unit_id,
        action: "restore",
        entity: entry.kind,
        entityId: entry.record_id,
        after: { title: entry.title, summary: entry.summary },
        ip,
      });
    });
  } catch (e) {
    if (isConstraintError(e))
      throw new DomainError(
        "Không khôi phục được: dữ liệu liên quan đã thay đổi từ khi xóa (ví dụ một người, một câu lạc bộ hay một hoạt động mà mục này gắn với đã bị xóa). Hãy khôi phục các mục đó trước rồi thử lại.",
      );
    throw e;
  }
  return entry;
}

/**
 * "Xóa hẳn": whoever may restore an entry may remove it for good before its 30 days are up (a school freeing its
 * storage quota); its files then go after the grace period. Audited.
 */
export async function purgeFromBin(
  db: DB,
  actor: Actor,
  binId: number,
  confirmed: boolean,
  ip: string | null = null,
): Promise<BinEntry> {
  const entry = await getBinEntry(db, binId);
  if (!entry) throw new DomainError(GONE);
  await assertMayRestore(db, actor, entry);
  if (!confirmed) throw new DomainError("Hãy đánh dấu ô xác nhận trước khi xóa hẳn.");
  await db.transaction().execute(async (trx) => {
    if (!(await purgeEntry(trx, binId))) throw new DomainError(GONE);
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: entry.unit_id,
      action: "purge",
      entity: entry.kind,
      entityId: entry.record_id,
      before: { title: entry.title, summary: entry.summary },
      ip,
    });
  });
  return entry;
}

/**
 * The entries an actor may see: those of the units whose records they manage (a school's administrators their
 * school's; commune staff the commune's own units), and those they deleted themselves (a teacher's materials).
 */
export async function binFor(db: DB, actor: Actor, opts: { page: number; pageSize: number }) {
  const schools = ownSchoolIds(actor).filter((id) => can(actor, "school.manage", id));
  const communeUnits = can(actor, "commune.manage")
    ? (await db.selectFrom("units").select("id").where("kind", "!=", "school").execute())
        .map((u) => u.id)
        .filter((id) => reaches(actor, id))
    : [];
  const list = await listBin(db, { unitIds: [...schools, ...communeUnits], deletedBy: actor.userId }, opts);
  const rows = [];
  for (const r of list.rows) {
    // Only a material's rule reads the record itself (its author); the others go by the unit.
    const snapshot = r.kind === "material" ? ((await getBinEntry(db, r.id))?.snapshot ?? []) : [];
    rows.push({ ...r, mayRestore: await mayRestore(db, actor, r, snapshot) });
  }
  return { total: list.total, rows };
}
