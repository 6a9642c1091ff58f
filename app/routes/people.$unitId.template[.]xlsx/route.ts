import type { LoaderFunctionArgs } from "@remix-run/node";
import { peopleTemplate, requirePeopleUnit } from "~/lib/people.server";

/** The XLSX template for importing this unit's people. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { unit } = await requirePeopleUnit(request, context, params.unitId);
  const body = await peopleTemplate(unit);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="mau-danh-sach-${unit.code}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
