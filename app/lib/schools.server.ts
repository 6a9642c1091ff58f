import type { Unit } from "../../db/schema";
import { can, ownSchoolIds, type Actor } from "~/domain/auth/permissions";
import { getUnit } from "~/domain/units/units";
import { forbidden } from "./auth.server";
import { db } from "./db.server";

/** The school an administrator registers records for (their own); 403 for anyone else. */
export async function requireManagedSchool(actor: Actor): Promise<Unit> {
  const id = ownSchoolIds(actor).find((s) => can(actor, "school.manage", s));
  const school = id ? await getUnit(db, id) : undefined;
  if (!school) forbidden("Chỉ ban giám hiệu của trường mới đăng ký được mục này.");
  return school;
}
