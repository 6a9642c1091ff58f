import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { xlsxDownload } from "~/lib/downloads.server";
import { parsePeopleQuery, peopleWorkbook, requirePeopleUnit } from "~/lib/people.server";

/**
 * A unit's list of people as filtered on its page (the same query), as Excel: the same readers as the page;
 * students by name for their school's own staff only, counts by class for the commune (decision 006).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  const query = parsePeopleQuery(new URL(request.url), unit);
  return xlsxDownload(await peopleWorkbook(db, actor, unit, query), `danh-sach-${unit.code}-${query.category}`);
}
