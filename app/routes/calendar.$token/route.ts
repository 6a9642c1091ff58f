import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { publicOrigin } from "~/lib/links.server";
import { feedIcs, unitForFeed } from "~/lib/activities.server";

/** GET /calendar/<token>.ics — the iCalendar feed a phone subscribes to (no login: the token is the key). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const unit = await unitForFeed(db, token);
  if (!unit) notFound();
  const base = publicOrigin(request);
  return new Response(await feedIcs(db, unit, base), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": `inline; filename="tan-an-${unit.code}.ics"`,
    },
  });
}
