import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { openNotification } from "~/lib/notifications.server";
import { idParam } from "~/lib/params";

/** Opening a notification: marked read, then its page. Another person's (or a missing) one is 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const id = idParam(params.id);
  const link = id ? await openNotification(db, actor.userId, id) : undefined;
  // Only a path of this site: never "//host" or "/\\host", which browsers read as another site.
  if (!link || !/^\/(?![/\\])/.test(link)) notFound();
  return redirect(link);
}
