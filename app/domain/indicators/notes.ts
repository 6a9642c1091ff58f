/**
 * What a reader must know to trust a figure, in words shown beside it on /indicators, its drill-down and the
 * report's narrative (issue #17):
 * - a share of people reached whose records disagree with the headcount names the unit and category (only the
 *   headcount is counted, reached.ts), so the school corrects its roster or its headcount;
 * - a figure over the plan's named forms (NQ57-25b) says which were used and which are missing, and lists the
 *   other dissemination forms used beside (club meetings are not a dissemination form);
 * - a share of an entered figure (SCH-2.7) names the units that have not entered it (they are left out of it);
 * - a count of posts (COM-1.1) says how many were on the website and on social pages, and of which kind.
 */
import type { DB } from "../../../db/connection";
import type { Period } from "../shared/periods";
import { HEADCOUNT_CATEGORY_LABELS } from "../units/vocabulary";
import type { IndicatorDefinition } from "./definitions";
import { unitsEntering } from "./entered";
import { isPostForm, POST_KIND_LABELS } from "../activities/vocabulary";
import { activityContext, filteredActivityIds, type MeasureContext } from "./measure";
import type { PopulationGap } from "./reached";

const count = (n: number) => n.toLocaleString("vi-VN");

async function namesOf(db: DB, kind: "unit" | "form", ids: (number | string)[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows =
    kind === "unit"
      ? await db
          .selectFrom("units")
          .select(["id as key", "name"])
          .where("id", "in", ids as number[])
          .execute()
      : await db
          .selectFrom("vocab_terms")
          .select(["code as key", "label as name"])
          .where("kind", "=", "form")
          .where("code", "in", ids as string[])
          .execute();
  return new Map(rows.map((r) => [String(r.key), r.name]));
}

export async function populationNotes(db: DB, gaps: PopulationGap[], period: Period): Promise<string[]> {
  const units = await namesOf(
    db,
    "unit",
    gaps.map((g) => g.unitId),
  );
  return gaps.map((g) => {
    const who = `${units.get(String(g.unitId)) ?? ""}, ${HEADCOUNT_CATEGORY_LABELS[g.category].toLowerCase()}`;
    return g.headcount === null
      ? `${who}: ${count(g.reached)} người được tuyên truyền nhưng chưa nhập sĩ số năm ${period.year}, nên chưa được tính. Hãy nhập sĩ số.`
      : `${who}: danh sách có ${count(g.reached)} người được tuyên truyền, nhiều hơn sĩ số năm ${period.year} (${count(g.headcount)}); chỉ tính ${count(g.headcount)}. Hãy kiểm tra danh sách hoặc sĩ số.`;
  });
}

/** The plan's forms used and missing in the period, and the other dissemination forms used. */
export async function formNotes(db: DB, forms: string[], ctx: MeasureContext): Promise<string[]> {
  const rows = await filteredActivityIds(db, {}, ctx).clearSelect().select("form").distinct().execute();
  const used = new Set(rows.map((r) => r.form));
  const others = [...used].filter((f) => !forms.includes(f) && f !== "club_meeting");
  const labels = await namesOf(db, "form", [...forms, ...others]);
  const list = (codes: string[]) => codes.map((c) => labels.get(c) ?? c).join(", ");
  const missing = forms.filter((f) => !used.has(f));
  const present = forms.filter((f) => used.has(f));
  return [
    `Đã dùng: ${present.length ? list(present) : "chưa có hình thức nào"}.`,
    ...(missing.length ? [`Chưa dùng: ${list(missing)}.`] : []),
    ...(others.length ? [`Hình thức khác đã dùng (không tính vào chỉ tiêu): ${list(others)}.`] : []),
  ];
}

/** Posts (clause III.1.1) by channel and by kind. */
export async function postNotes(
  db: DB,
  m: Extract<IndicatorDefinition["numerator"], { kind: "activities" }>,
  ctx: MeasureContext,
): Promise<string[]> {
  const rows = await db
    .selectFrom("activities")
    .select(["form", "post_kind", (eb) => eb.fn.countAll<number>().as("n")])
    .where("id", "in", filteredActivityIds(db, m, await activityContext(db, m, ctx)))
    .groupBy(["form", "post_kind"])
    .execute();
  if (!rows.length) return [];
  const labels = await namesOf(
    db,
    "form",
    rows.map((r) => r.form),
  );
  const sum = (key: (r: (typeof rows)[number]) => string) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + Number(r.n));
    return [...totals].map(([k, n]) => `${k}: ${count(n)}`).join("; ");
  };
  return [
    `Theo kênh: ${sum((r) => labels.get(r.form) ?? r.form)}.`,
    `Theo loại: ${sum((r) => (r.post_kind ? POST_KIND_LABELS[r.post_kind] : "chưa ghi loại"))}.`,
  ];
}

export async function notEnteredNotes(db: DB, measure: string, ctx: MeasureContext): Promise<string[]> {
  if (ctx.unitIds.length < 2) return [];
  const entered = new Set(await unitsEntering(db, measure, ctx.unitIds, ctx.period));
  const missing = ctx.unitIds.filter((u) => !entered.has(u));
  if (!missing.length) return [];
  const names = await namesOf(db, "unit", missing);
  const listed = missing.map((u) => names.get(String(u)) ?? "").sort((a, b) => a.localeCompare(b, "vi"));
  return [`Chưa nhập số liệu (không tính vào tỷ lệ): ${listed.join(", ")}.`];
}

export async function figureNotes(
  db: DB,
  d: IndicatorDefinition,
  ctx: MeasureContext,
  gaps: PopulationGap[],
): Promise<string[]> {
  const notes = await populationNotes(db, gaps, ctx.period);
  if (d.numerator.kind === "distinct_terms" && d.numerator.of === "form" && d.numerator.forms)
    notes.push(...(await formNotes(db, d.numerator.forms, ctx)));
  if (d.numerator.kind === "activities" && d.numerator.forms?.length && d.numerator.forms.every(isPostForm))
    notes.push(...(await postNotes(db, d.numerator, ctx)));
  if (d.denominator?.kind === "headcount" && d.denominator.ofUnitsEntering)
    notes.push(...(await notEnteredNotes(db, d.denominator.ofUnitsEntering, ctx)));
  return notes;
}
