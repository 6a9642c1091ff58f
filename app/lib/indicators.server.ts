/** Who sees which figures on /indicators: the commune's readers any school or all; a school's administrators their own. */
import type { AppLoadContext } from "@remix-run/node";
import { reachOf, type Actor } from "~/domain/auth/permissions";
import { figureAccess, mayOpenPersonInFigures, mayReadIndicators, maySeeNamesInFigures } from "~/domain/auth/policies";
import { computeIndicator, indicatorsFor, loadIndicators, unitsFor } from "~/domain/indicators/engine";
import { measureRecords, type PeoplePrivacy } from "~/domain/indicators/records";
import { tableXlsx, toCsv } from "~/domain/reports/documents";
import type { FigureScope } from "~/domain/indicators/engine";
import { parsePeriod, periodChoices, type Period } from "~/domain/shared/periods";
import { vietnamToday } from "~/domain/shared/time";
import { forbidden, notFound, requireActor } from "./auth.server";
import { db } from "./db.server";
import { idParam } from "./params";
import { listUnits, schoolsOf } from "~/domain/units/units";

/** The half-year containing today, e.g. "2026-H2". */
export function currentHalf(now: Date = new Date()): string {
  const today = vietnamToday(now);
  return `${today.slice(0, 4)}-H${today.slice(5, 7) <= "06" ? 1 : 2}`;
}

/** The communes an actor reads: those in their reach (all of them for a province reader). */
export async function communesOf(actor: Actor): Promise<{ id: number; name: string }[]> {
  const communes = await listUnits(db, { kinds: ["commune"], within: reachOf(actor), includeArchived: true });
  return communes.map((c) => ({ id: c.id, name: c.name }));
}

/** The commune whose figures commune staff read or enter: the first one they reach (as /indicators offers it). */
export async function actorCommuneId(actor: Actor): Promise<number> {
  const [first] = await communesOf(actor);
  if (!first) notFound();
  return first.id;
}

/** The commune a commune reader looks at: `?commune=` among those they read (404 otherwise), else the first. */
export async function chosenCommune(
  actor: Actor,
  url: URL,
): Promise<{ communes: { id: number; name: string }[]; commune: { id: number; name: string } }> {
  const communes = await communesOf(actor);
  const asked = idParam(url.searchParams.get("commune") ?? undefined);
  if (asked && !communes.some((c) => c.id === asked)) notFound();
  const commune = communes.find((c) => c.id === asked) ?? communes[0];
  if (!commune) notFound();
  return { communes, commune };
}

/** A period from the URL: the plan's years and half-years (and quarters), else the current year. */
export function periodParam(url: URL, name = "period"): Period {
  const key = url.searchParams.get(name);
  const known = periodChoices().some((c) => c.key === key) || /^20(2[5-9]|30)-Q[1-4]$/.test(key ?? "");
  return parsePeriod(known ? key : currentHalf().slice(0, 4))!;
}

export interface FigureView {
  actor: Actor;
  period: Period;
  scope: FigureScope;
  /** The commune's readers choose a school or the whole commune. */
  communeReader: boolean;
  schoolId: number | null;
  schools: { id: number; name: string }[];
  /** The communes a reader may choose (several only for a province reader or a multi-commune account). */
  communes: { id: number; name: string }[];
  communeId: number | null;
  /** Whose names the records behind a figure show, and whose pages they link (the policy layer decides). */
  privacy: PeoplePrivacy;
}

export async function figureView(request: Request, context: AppLoadContext): Promise<FigureView> {
  const actor = await requireActor(request, context);
  if (!mayReadIndicators(actor)) forbidden("Trang chỉ tiêu dành cho ban giám hiệu các trường và cán bộ xã.");
  const url = new URL(request.url);
  const period = periodParam(url);
  const requested = idParam(url.searchParams.get("school") ?? undefined);
  const privacy: PeoplePrivacy = {
    seesName: (unit, category) => maySeeNamesInFigures(actor, unit, category),
    opensPerson: (unit) => mayOpenPersonInFigures(actor, unit),
  };
  const access = figureAccess(actor);
  if (access.kind === "communes") {
    const { communes, commune: chosen } = await chosenCommune(actor, url);
    const commune = chosen.id;
    const schools = (await schoolsOf(db, commune)).map((s) => ({ id: s.id, name: s.name }));
    if (requested && !schools.some((s) => s.id === requested)) notFound();
    const scope: FigureScope = requested
      ? { kind: "school", schoolId: requested }
      : { kind: "commune", communeId: commune };
    return {
      actor,
      period,
      scope,
      communeReader: true,
      schoolId: requested,
      schools,
      communes,
      communeId: commune,
      privacy,
    };
  }
  const own = access.schoolIds;
  if (!requested && url.searchParams.get("commune"))
    forbidden("Số liệu toàn xã dành cho cán bộ xã; trường xem số liệu của trường mình.");
  if (requested && !own.includes(requested)) notFound();
  const schoolId = requested ?? own[0];
  return {
    actor,
    period,
    scope: { kind: "school", schoolId },
    communeReader: false,
    schoolId,
    schools: [],
    communes: [],
    communeId: null,
    privacy,
  };
}

/** One indicator's figure and the tables of records behind it, for the viewer's scope and period. */
export async function indicatorRecords(request: Request, context: AppLoadContext, code: string | undefined) {
  const view = await figureView(request, context);
  const row = indicatorsFor(await loadIndicators(db), view.scope).find((r) => r.code === code);
  if (!row) notFound("Không có chỉ tiêu này.");
  const figure = await computeIndicator(db, row, view.scope, view.period);
  const ctx = { unitIds: await unitsFor(db, row, view.scope), period: view.period };
  const tables = [
    ...(await measureRecords(db, row.definition.numerator, ctx, view.privacy)),
    ...(row.definition.denominator ? await measureRecords(db, row.definition.denominator, ctx, view.privacy) : []),
  ];
  return { view, figure, tables };
}

const FILE_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** One table of the records behind a figure (`?table=n`) as a CSV or Excel download, with the page's viewer rules. */
export async function recordTableDownload(
  request: Request,
  context: AppLoadContext,
  code: string | undefined,
  kind: keyof typeof FILE_TYPES,
): Promise<Response> {
  const { figure, tables, view } = await indicatorRecords(request, context, code);
  const n = Number(new URL(request.url).searchParams.get("table") ?? 0);
  const table = tables[Number.isInteger(n) ? n : -1];
  if (!table) notFound();
  const body =
    kind === "csv"
      ? toCsv(table.columns, table.rows)
      : new Uint8Array(
          await tableXlsx(
            table.title,
            `${figure.code}: ${figure.name} · ${view.period.label}`,
            table.columns,
            table.rows,
          ),
        );
  return new Response(body, {
    headers: {
      "Content-Type": FILE_TYPES[kind],
      "Content-Disposition": `attachment; filename="${figure.code}-${view.period.key}-${n + 1}.${kind}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export { loadIndicators } from "~/domain/indicators/engine";
export { enteredFiguresOf, saveEnteredFigure } from "~/domain/indicators/entered";
export { saveTargets, TARGET_YEARS } from "~/domain/indicators/targets";
export { dashboard } from "~/domain/overview/dashboard";
export { toCsv } from "~/domain/reports/documents";
export { periodRangeText, reportPeriod, reportPeriodOfUnit } from "~/domain/reports/report-periods";
export { getUnit } from "~/domain/units/units";
