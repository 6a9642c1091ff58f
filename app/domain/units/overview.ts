/** What the home pages show: the commune's units with their headcounts, or one school's own summary. */
import type { DB } from "../../../db/connection";
import type { Unit } from "../../../db/schema";
import { vietnamInstant } from "../shared/time";
import { accountCounts, getHeadcounts, headcountSummaries, listUnits, type UnitHeadcountSummary } from "./units";

export interface RecordCounts {
  clubs: number;
  activities: number;
  entries: number;
}

/** Clubs now active, activities held or planned in the year (club meetings aside), contest entries in the year, per school. */
export async function recordCounts(db: DB, year: number, schoolIds: number[]): Promise<Map<number, RecordCounts>> {
  const ids = schoolIds.length ? schoolIds : [-1];
  const from = vietnamInstant(`${year}-01-01`);
  const to = vietnamInstant(`${year + 1}-01-01`);
  const [clubs, activities, entries] = await Promise.all([
    db
      .selectFrom("clubs")
      .select(["school_id as unit", (eb) => eb.fn.countAll<number>().as("n")])
      .where("school_id", "in", ids)
      .where("status", "=", "active")
      .groupBy("school_id")
      .execute(),
    db
      .selectFrom("activities")
      .select(["organizer_unit_id as unit", (eb) => eb.fn.countAll<number>().as("n")])
      .where("organizer_unit_id", "in", ids)
      .where("club_id", "is", null)
      .where("status", "!=", "cancelled")
      .where("starts_at", ">=", from)
      .where("starts_at", "<", to)
      .groupBy("organizer_unit_id")
      .execute(),
    db
      .selectFrom("contest_entries")
      .innerJoin("contests", "contests.id", "contest_entries.contest_id")
      .select(["contest_entries.school_id as unit", (eb) => eb.fn.countAll<number>().as("n")])
      .where("contest_entries.school_id", "in", ids)
      .where("contests.starts_on", ">=", `${year}-01-01`)
      .where("contests.starts_on", "<=", `${year}-12-31`)
      .groupBy("contest_entries.school_id")
      .execute(),
  ]);
  const out = new Map<number, RecordCounts>();
  for (const id of schoolIds) {
    const n = (rows: { unit: number; n: number | string | bigint }[]) =>
      Number(rows.find((r) => r.unit === id)?.n ?? 0);
    out.set(id, { clubs: n(clubs), activities: n(activities), entries: n(entries) });
  }
  return out;
}

export interface CommuneOverview {
  year: number;
  schools: (Unit & { headcount: UnitHeadcountSummary | null; accounts: number; records: RecordCounts })[];
  offices: (Unit & { headcount: UnitHeadcountSummary | null })[];
  hamlets: Unit[];
  totals: {
    schools: number;
    managers: number | null;
    teachers: number | null;
    students: number | null;
    officials: number | null;
  };
}

export async function communeOverview(db: DB, year: number, within: number[] | null = null): Promise<CommuneOverview> {
  const units = await listUnits(db, { kinds: ["commune", "office", "school", "hamlet"], within });
  const summaries = await headcountSummaries(
    db,
    year,
    units.map((u) => u.id),
  );
  const schools = units.filter((u) => u.kind === "school");
  const counts = await accountCounts(
    db,
    schools.map((s) => s.id),
  );
  const records = await recordCounts(
    db,
    year,
    schools.map((s) => s.id),
  );
  const accountsOf = (id: number) => counts.filter((c) => c.unit_id === id).reduce((n, c) => n + Number(c.n), 0);
  // No figure recorded anywhere is "no data" (shown as —), not 0.
  const sum = (pick: (s: UnitHeadcountSummary) => number | null) =>
    [...summaries.values()].reduce<number | null>(
      (n, s) => (pick(s) === null ? n : (n ?? 0) + (pick(s) as number)),
      null,
    );
  return {
    year,
    schools: schools.map((s) => ({
      ...s,
      headcount: summaries.get(s.id) ?? null,
      accounts: accountsOf(s.id),
      records: records.get(s.id)!,
    })),
    offices: units
      .filter((u) => u.kind === "office" || u.kind === "commune")
      .map((u) => ({ ...u, headcount: summaries.get(u.id) ?? null })),
    hamlets: units.filter((u) => u.kind === "hamlet"),
    totals: {
      schools: schools.length,
      managers: sum((s) => s.managers),
      teachers: sum((s) => s.teachers),
      students: sum((s) => s.students),
      officials: sum((s) => s.officials),
    },
  };
}

export async function schoolSummary(db: DB, school: Unit, year: number) {
  const slots = await getHeadcounts(db, school, year);
  const staff = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.full_name", "users.email", "memberships.role", "users.is_active"])
    .where("memberships.unit_id", "=", school.id)
    .orderBy("memberships.role")
    .orderBy("users.full_name")
    .execute();
  return { slots, staff, records: (await recordCounts(db, year, [school.id])).get(school.id)! };
}
