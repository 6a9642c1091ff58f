import { sql } from "kysely";
import { db } from "~/lib/db.server";

/** Liveness and readiness: 200 {"status":"ok"} when the database answers. */
export async function loader() {
  try {
    await sql`select 1`.execute(db);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", message: "database unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
