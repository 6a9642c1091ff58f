import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/auth.server";
import { indicatorRecords, toCsv } from "~/lib/indicators.server";

/** One table of the records behind a figure, as CSV (same viewer rules as the page). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { figure, tables, view } = await indicatorRecords(request, context, params.code);
  const n = Number(new URL(request.url).searchParams.get("table") ?? 0);
  const table = tables[Number.isInteger(n) ? n : -1];
  if (!table) notFound();
  const name = `${figure.code}-${view.period.key}-${n + 1}.csv`;
  return new Response(toCsv(table.columns, table.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
