import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceWorkbook, requireAttendanceActivity, rosterFor, rosterSize } from "~/lib/attendance.server";
import { db } from "~/lib/db.server";

/** The activity's attendance (the user's own people) as XLSX. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, activity } = await requireAttendanceActivity(request, context, params.activityId);
  const body = await attendanceWorkbook(
    activity,
    await rosterFor(db, actor, activity),
    await rosterSize(db, actor, activity),
  );
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="diem-danh-${activity.id}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
