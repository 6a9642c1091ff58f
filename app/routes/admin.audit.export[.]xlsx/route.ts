import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditScope } from "~/domain/auth/policies";
import { auditWorkbook, parseAuditFilter } from "~/lib/admin.server";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { xlsxDownload } from "~/lib/downloads.server";

/** The audit log as filtered on its page (the same query), as Excel; the same readers as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "audit.read");
  const filter = parseAuditFilter(new URL(request.url));
  return xlsxDownload(await auditWorkbook(db, filter, await auditScope(db, actor)), "nhat-ky-thay-doi");
}
