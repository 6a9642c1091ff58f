import type { LoaderFunctionArgs } from "@remix-run/node";

import { forbidden, notFound, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { chosenCommune } from "~/lib/indicators.server";
import { fold } from "~/domain/people/vocabulary";
import {
  communeReportDocument,
  getReport,
  halfPeriod,
  reportDocx,
  reportPeriod,
  reportPeriodOfUnit,
  reportUnit,
  reportXlsx,
  unitReportDocument,
  signedFiguresFor,
  toCsv,
} from "~/lib/reports.server";
import { mayReadCommuneReport } from "~/domain/auth/policies";

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** The commune's report (commune readers) or one school's or office's (its own preparers and the commune) as DOCX, XLSX or CSV. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const period = halfPeriod(params.period);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") as keyof typeof TYPES;
  if (!Object.hasOwn(TYPES, format)) notFound();
  const unit = url.searchParams.get("unit") ?? "";
  let doc;
  let name;
  if (unit === "commune") {
    if (!mayReadCommuneReport(actor)) forbidden();
    const { commune } = await chosenCommune(actor, url);
    doc = await communeReportDocument(db, commune.id, await reportPeriod(db, commune.id, period.key));
    // "UBND xã Tân An" → "xa-tan-an"
    name = `bao-cao-nq57-${fold(commune.name)
      .replace(/^ubnd\s+/, "")
      .replace(/[^a-z0-9]+/g, "-")}-${period.key}`;
  } else {
    const reporting = await reportUnit(actor, unit);
    const report = await getReport(db, reporting.id, period.key);
    // An approved report re-exports what its approval signed; any other is computed over its report period now.
    const signed = report ? await signedFiguresFor(db, report) : undefined;
    doc = signed
      ? signed.document
      : await unitReportDocument(
          db,
          reporting,
          await reportPeriodOfUnit(db, reporting.id, period.key),
          report?.narrative ?? "",
        );
    name = `bao-cao-nq57-${reporting.code}-${period.key}`;
  }
  const body =
    format === "docx"
      ? await reportDocx(doc)
      : format === "xlsx"
        ? await reportXlsx(doc)
        : toCsv(
            ["Mã", "Chỉ tiêu", "Mục kế hoạch", "Chỉ tiêu kỳ", "Kết quả", "Tử số", "Mẫu số", "Đánh giá"],
            doc.indicators.map((i) => [
              i.code,
              i.name,
              i.planRef,
              i.target,
              i.value,
              i.numerator,
              i.denominator,
              i.statusLabel,
            ]),
          );
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${name}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
