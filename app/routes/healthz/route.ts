import { databaseAnswers } from "~/lib/db.server";

/** Liveness and readiness: 200 {"status":"ok"} when the database answers. */
export async function loader() {
  if (await databaseAnswers()) return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  return Response.json(
    { status: "error", message: "database unavailable" },
    { status: 503, headers: { "Cache-Control": "no-store" } },
  );
}
