import type { LoaderFunctionArgs } from "@remix-run/node";
import { activitiesWorkbook, activitySort, parseActivityFilter } from "~/lib/activities.server";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { xlsxDownload } from "~/lib/downloads.server";

/** The activity list as filtered on its page (the same query), as Excel; the same readers as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const url = new URL(request.url);
  const { filter, period } = parseActivityFilter(url);
  return xlsxDownload(await activitiesWorkbook(db, actor, filter, activitySort(url), period), "hoat-dong");
}
