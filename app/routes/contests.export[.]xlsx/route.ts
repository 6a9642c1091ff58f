import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth.server";
import { contestsWorkbook, parseContestFilter } from "~/lib/contests.server";
import { db } from "~/lib/db.server";
import { xlsxDownload } from "~/lib/downloads.server";

/** The contest list as filtered on its page (the same query), as Excel; the same readers as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const { filter, sort } = parseContestFilter(new URL(request.url));
  return xlsxDownload(await contestsWorkbook(db, actor, filter, sort), "cuoc-thi");
}
