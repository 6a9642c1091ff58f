/** Activities: who may change one, and which ones an actor sees (the lists and a single page use the same rule). */
import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../../db/connection";
import type { Database, Unit } from "../../../../db/schema";
import { can, managesCommuneUnit, ownSchoolIds, reachOf, type Actor } from "../permissions";

/** Who may change an activity: the organizing school's administrator, or commune staff for commune-level ones. */
export function canManageActivity(actor: Actor, organizer: Pick<Unit, "id" | "kind">): boolean {
  return organizer.kind === "school"
    ? can(actor, "school.manage", organizer.id)
    : managesCommuneUnit(actor, organizer.id);
}

/** The commune-level units (the commune, its offices and hamlets) of the actor's reach: every commune's without a limit. */
export function communeLevelUnitIds(eb: ExpressionBuilder<Database, "activities">, actor: Actor) {
  const reach = reachOf(actor);
  return eb
    .selectFrom("units")
    .select("id")
    .where("kind", "!=", "school")
    .$if(!!reach, (w) => w.where("id", "in", reach!.length ? reach! : [-1]));
}

export function activityVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, "activities">) => {
    const reach = reachOf(actor);
    if (can(actor, "commune.read"))
      return reach ? eb("activities.organizer_unit_id", "in", reach.length ? reach : [-1]) : sql<SqlBool>`1 = 1`;
    const own = ownSchoolIds(actor);
    const ids = own.length ? own : [-1];
    return eb.or([
      eb("activities.organizer_unit_id", "in", ids),
      eb("activities.organizer_unit_id", "in", communeLevelUnitIds(eb, actor)),
      eb("activities.id", "in", eb.selectFrom("activity_units").select("activity_id").where("unit_id", "in", ids)),
    ]);
  };
}

/** Whether the actor may see this one activity (same rule as the lists). */
export async function canSeeActivity(db: DB, actor: Actor, activityId: number): Promise<boolean> {
  const row = await db
    .selectFrom("activities")
    .select("id")
    .where("id", "=", activityId)
    .where(activityVisibleTo(actor))
    .executeTakeFirst();
  return !!row;
}
