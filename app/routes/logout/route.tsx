import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookieHeader, getActor, invalidateSession, writeAudit } from "~/lib/auth.server";
import { db } from "~/lib/db.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await getActor(request, context);
  if (actor) {
    await invalidateSession(db, actor.sessionId);
    await writeAudit(db, {
      actorUserId: actor.userId,
      action: "logout",
      entity: "session",
      entityId: actor.sessionId.slice(0, 6),
      ip: context.clientIp,
    });
  }
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookieHeader(request) } });
}

export async function loader() {
  return redirect("/");
}
