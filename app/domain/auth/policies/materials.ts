/** Learning materials: who uploads for a school, who sees one (by its sharing), who deletes and restores it. */
import type { Material } from "../../../../db/schema";
import { can, reaches, type Actor } from "../permissions";

export function canUploadMaterials(actor: Actor, schoolId: number): boolean {
  return can(actor, "materials.write", schoolId);
}

/**
 * Who sees a material: public to all; "commune" to every signed-in user of the school's commune; "school" to
 * that school's staff and the commune's readers.
 */
export function canSeeMaterial(actor: Actor | null, m: Pick<Material, "visibility" | "school_id">): boolean {
  if (m.visibility === "public") return true;
  if (!actor) return false;
  if (m.visibility === "commune") return reaches(actor, m.school_id) || can(actor, "school.read", m.school_id);
  return can(actor, "school.read", m.school_id) || (can(actor, "commune.read") && reaches(actor, m.school_id));
}

/** The author of a material, or the school's administrators, may delete (and restore) it. */
export function mayDeleteMaterial(actor: Actor, material: Pick<Material, "school_id" | "author_user_id">): boolean {
  return (
    canUploadMaterials(actor, material.school_id) &&
    (material.author_user_id === actor.userId || can(actor, "school.manage", material.school_id))
  );
}
