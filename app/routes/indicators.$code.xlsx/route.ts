import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/auth.server";
import { indicatorRecords, tableXlsx } from "~/lib/indicators.server";

/** One table of the records behind a figure, as XLSX (same viewer rules as the page: names only where allowed). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { figure, tables, view } = await indicatorRecords(request, context, params.code);
  const n = Number(new URL(request.url).searchParams.get("table") ?? 0);
  const table = tables[Number.isInteger(n) ? n : -1];
  if (!table) notFound();
  const name = `${figure.code}-${view.period.key}-${n + 1}.xlsx`;
  const body = await tableXlsx(
    table.title,
    `${figure.code}: ${figure.name} · ${view.period.label}`,
    table.columns,
    table.rows,
  );
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
