/**
 * A school invited to a commune activity (issue 19): its administrators are told in the app, once per activity
 * (keyed by activity and school: saving the activity again tells nobody twice).
 */
import type { Executor } from "../../../db/connection";
import { formatDateTime } from "../shared/format";
import { notify } from "./notify";
import { schoolAdministrators } from "./recipients";

export async function tellInvitedSchools(
  db: Executor,
  activity: { id: number; title: string; startsAt: string; organizerName: string },
  unitIds: number[],
): Promise<void> {
  for (const unitId of new Set(unitIds))
    await notify(
      db,
      await schoolAdministrators(db, unitId),
      {
        kind: "invited",
        eventKey: `invited:${activity.id}:${unitId}`,
        title: `${activity.organizerName} mời trường tham gia: ${activity.title}`,
        body: `Thời gian: ${formatDateTime(activity.startsAt)}.`,
        link: `/activities/${activity.id}`,
      },
      { email: false },
    );
}
