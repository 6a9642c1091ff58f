import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { xlsxDownload } from "~/lib/downloads.server";
import { materialsWorkbook, parseMaterialFilter } from "~/lib/materials.server";

/** The materials list as filtered on its page (the same query), as Excel: what the reader may see, as on the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return xlsxDownload(await materialsWorkbook(db, actor, parseMaterialFilter(new URL(request.url))), "hoc-lieu");
}
