import type { AppLoadContext } from "@remix-run/node";
import type { Activity, Unit } from "../../db/schema";
import { type Actor } from "~/domain/auth/permissions";
import { requireActivity } from "./activities.server";
import { forbidden } from "./auth.server";
import { db } from "./db.server";
import { canTakeAttendance, mayOpenAttendance } from "~/domain/auth/policies";

/** The activity whose attendance a page is about, for someone who takes attendance. */
export async function requireAttendanceActivity(
  request: Request,
  context: AppLoadContext,
  idText: string | undefined,
): Promise<{ actor: Actor; activity: Activity & { organizer: Unit } }> {
  const { actor, activity } = await requireActivity(request, context, idText);
  if (!(await canTakeAttendance(db, actor))) forbidden("Chỉ cán bộ, giáo viên của đơn vị mới điểm danh được.");
  return { actor, activity };
}

/** The attendance page itself: those who take attendance, and the commune's readers (who see counts only). */
export async function requireAttendanceView(request: Request, context: AppLoadContext, idText: string | undefined) {
  const { actor, activity } = await requireActivity(request, context, idText);
  const marks = await canTakeAttendance(db, actor);
  if (!mayOpenAttendance(actor, marks)) forbidden("Chỉ cán bộ, giáo viên của đơn vị mới điểm danh được.");
  return { actor, activity, marks };
}
