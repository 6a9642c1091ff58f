import type { LoaderFunctionArgs } from "@remix-run/node";
import { accountsWorkbook, parseAccountFilter } from "~/lib/admin.server";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { xlsxDownload } from "~/lib/downloads.server";

/** The accounts list as filtered on its page (the same query), as Excel; the same readers as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "accounts.manage");
  const { filter, sort } = parseAccountFilter(new URL(request.url));
  return xlsxDownload(await accountsWorkbook(db, actor, filter, sort), "tai-khoan");
}
