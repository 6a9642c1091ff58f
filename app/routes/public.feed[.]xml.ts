import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicFeed } from "~/domain/materials/public";
import { db } from "~/lib/db.server";

/** RSS of new public materials. */
export async function loader({ request }: LoaderFunctionArgs) {
  const base = process.env.PUBLIC_URL?.replace(/\/$/, "") || new URL(request.url).origin;
  return new Response(await publicFeed(db, base), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
