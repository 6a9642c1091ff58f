import type { AppLoadContext } from "@remix-run/node";
import type { Activity, Unit } from "../../db/schema";
import { ownSchoolIds, type Actor } from "~/domain/auth/permissions";
import { classesForSessions } from "~/domain/attendance/class-sessions";
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

/**
 * Where the actor opens a roll call for a class (issue 20): the first of their schools with a class they may open
 * one for (every class for a principal, their own for a homeroom teacher), or null.
 */
export async function classSessionPlace(actor: Actor): Promise<{ schoolId: number; classes: string[] } | null> {
  for (const schoolId of ownSchoolIds(actor)) {
    const classes = await classesForSessions(db, actor, schoolId);
    if (classes.length) return { schoolId, classes };
  }
  return null;
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export { getActivity, listVocabulary } from "~/domain/activities/activities";
export { classSessionTimes, openClassSession } from "~/domain/attendance/class-sessions";
export {
  addToRoster,
  attendanceActivities,
  attendanceCounts,
  clearMarks,
  recordMarks,
  rosterFor,
  type RosterGroup,
  rosterSize,
  rosterSources,
} from "~/domain/attendance/attendance";
export {
  checkIn,
  CheckinError,
  checkinState,
  closeCheckin,
  currentCode,
  isCheckinOpen,
  openCheckin,
  ticketForScan,
} from "~/domain/attendance/checkin";
export { attendanceWorkbook } from "~/domain/attendance/export";
export { checkAttendanceFile, commitAttendanceFile } from "~/domain/attendance/import";
export { writeAudit } from "~/domain/audit/audit";
export { lockFor } from "~/domain/calendar/locks";
