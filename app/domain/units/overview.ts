/** What the home pages show: the commune's units with their headcounts, or one school's own summary. */
import type { DB } from "../../../db/connection";
import type { Unit } from "../../../db/schema";
import { accountCounts, getHeadcounts, headcountSummaries, listUnits, type UnitHeadcountSummary } from "./units";

export interface CommuneOverview {
  year: number;
  schools: (Unit & { headcount: UnitHeadcountSummary | null; accounts: number })[];
  offices: (Unit & { headcount: UnitHeadcountSummary | null })[];
  hamlets: Unit[];
  totals: { schools: number; managers: number | null; teachers: number | null; students: number | null; officials: number | null };
}

export async function communeOverview(db: DB, year: number): Promise<CommuneOverview> {
  const units = await listUnits(db, { kinds: ["commune", "office", "school", "hamlet"] });
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
  const accountsOf = (id: number) => counts.filter((c) => c.unit_id === id).reduce((n, c) => n + Number(c.n), 0);
  // No figure recorded anywhere is "no data" (shown as —), not 0.
  const sum = (pick: (s: UnitHeadcountSummary) => number | null) =>
    [...summaries.values()].reduce<number | null>((n, s) => (pick(s) === null ? n : (n ?? 0) + (pick(s) as number)), null);
  return {
    year,
    schools: schools.map((s) => ({ ...s, headcount: summaries.get(s.id) ?? null, accounts: accountsOf(s.id) })),
    offices: units.filter((u) => u.kind === "office" || u.kind === "commune").map((u) => ({ ...u, headcount: summaries.get(u.id) ?? null })),
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
  return { slots, staff };
}
