import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { feedCacheControl, publicOrigin } from "~/lib/links.server";
import { publicFeed } from "~/lib/materials.server";

/** RSS of new public materials. */
export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(await publicFeed(db, publicOrigin(request)), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": feedCacheControl() },
  });
}
