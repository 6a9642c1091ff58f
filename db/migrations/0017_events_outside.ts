import type { Kysely } from "kysely";
import { deleteIndicators, insertIndicatorsAfter } from "./helpers";

/**
 * Issue #17, clause III.1.2 ("cử cán bộ tham gia lớp tập huấn và tham gia Hội thi"): a unit records a training
 * or contest held outside the commune (by the province, Sở KH&CN …) that it sent people to, as an activity of its
 * own with the outside organizer's name, and marks the people it sent as present. Such an activity is not one the
 * unit organized (it counts in no "activities held" figure), but its attendance reaches people like any other.
 * SEND-1.2 counts the staff sent (person × event) per unit and period; the plan sets no number.
 */
const STAFF = ["officials", "school_managers", "teachers", "school_staff", "communication_staff"];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("activities").addColumn("external_organizer", "text").execute();
  await insertIndicatorsAfter(db, "COM-1.1-BDHVS", [
    {
      code: "SEND-1.2",
      name: "Lượt cán bộ, giáo viên được cử tham gia tập huấn, hội thi do cấp trên tổ chức",
      plan_ref: "III.1.2",
      unit: "count",
      scope: "unit",
      group_name: "Tuyên truyền",
      direction: "at_least",
      definition: { numerator: { kind: "sent", categories: STAFF } },
    },
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await deleteIndicators(db, ["SEND-1.2"]);
  await db.schema.alterTable("activities").dropColumn("external_organizer").execute();
}
