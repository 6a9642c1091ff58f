import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { xlsxDownload } from "~/lib/downloads.server";
import { chosenCommune, currentHalf } from "~/lib/indicators.server";
import {
  filterReportRows,
  halvesSoFar,
  parseReportListFilter,
  reportListWorkbook,
  reportStatus,
} from "~/lib/reports.server";
import { parsePeriod } from "~/domain/shared/periods";

/** The /reports list of a commune's half-year, searched and filtered as on the page, as Excel; its readers only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "commune.read");
  const url = new URL(request.url);
  const requested = url.searchParams.get("period");
  const half = requested && halvesSoFar().includes(requested) ? requested : currentHalf();
  const { commune } = await chosenCommune(actor, url);
  const [status] = await reportStatus(db, commune.id, parsePeriod(half)!);
  const filter = parseReportListFilter(url);
  const body = await reportListWorkbook(filterReportRows(status.rows, filter), {
    communeName: commune.name,
    halfLabel: parsePeriod(half)!.label,
    filter,
  });
  return xlsxDownload(body, `bao-cao-${half.toLowerCase()}`);
}
