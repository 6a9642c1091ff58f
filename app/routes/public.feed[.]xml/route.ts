import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { publicOrigin } from "~/lib/links.server";
import { publicFeed } from "~/lib/materials.server";

/** RSS of new public materials. */
export async function loader({ request }: LoaderFunctionArgs) {
  const base = publicOrigin(request);
  // Links are built from PUBLIC_URL; without it, from the request's host — then no shared cache may keep the answer.
  const cache = process.env.PUBLIC_URL ? "public, max-age=300" : "private, max-age=300";
  return new Response(await publicFeed(db, base), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": cache },
  });
}
