import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth.server";
import { clubsWorkbook, parseClubFilter } from "~/lib/clubs.server";
import { db } from "~/lib/db.server";
import { xlsxDownload } from "~/lib/downloads.server";

/** The club list as filtered on its page (the same query), as Excel; the same readers as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const { filter, sort } = parseClubFilter(new URL(request.url), actor);
  return xlsxDownload(await clubsWorkbook(db, actor, filter, sort), "cau-lac-bo");
}
