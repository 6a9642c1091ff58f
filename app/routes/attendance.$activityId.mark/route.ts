import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordId } from "~/domain/shared/schema-helpers";
import { markSchema } from "~/domain/attendance/schemas";
import { DomainError } from "~/domain/shared/errors";
import { clearMarks, recordMarks, requireAttendanceActivity } from "~/lib/attendance.server";
import { db } from "~/lib/db.server";
import { getActor, thrownStatus } from "~/lib/auth.server";

const bodySchema = z.union([
  z.object({ marks: z.array(markSchema).min(1).max(2000) }),
  // "Hoàn tác": the people to unmark again.
  z.object({ clear: z.array(recordId()).min(1).max(2000) }),
]);

/**
 * POST /attendance/<id>/mark — the phone's roll call sends its queued marks here (JSON) and retries until
 * they are saved. Each mark is an upsert, so a retry after a dropped connection never duplicates. `{ clear: [ids] }`
 * takes marks back (the roll call's "Hoàn tác").
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  // A phone whose session expired gets 401 (not a redirect to the login page), so it can say so and keep its marks.
  if (!(await getActor(request, context))) return Response.json({ error: "Phiên đăng nhập đã hết." }, { status: 401 });
  let found;
  try {
    found = await requireAttendanceActivity(request, context, params.activityId);
  } catch (e) {
    const status = thrownStatus(e);
    if (status)
      return Response.json({ error: "Không tìm thấy hoạt động hoặc bạn không có quyền điểm danh." }, { status });
    throw e;
  }
  const { actor, activity } = found;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "Dữ liệu không hợp lệ." }, { status: 400 });
  }
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: "Dữ liệu không hợp lệ." }, { status: 400 });
  try {
    if ("clear" in parsed.data) {
      await clearMarks(db, actor, activity, parsed.data.clear, context.clientIp);
      return Response.json({ cleared: parsed.data.clear });
    }
    await recordMarks(db, actor, activity, parsed.data.marks, "roll_call", context.clientIp);
  } catch (e) {
    if (e instanceof DomainError) return Response.json({ error: e.message }, { status: 409 });
    throw e;
  }
  return Response.json({ saved: parsed.data.marks.map((m) => m.personId) });
}
