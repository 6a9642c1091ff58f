import type { AppLoadContext } from "@remix-run/node";
import type { Material, Unit } from "../../db/schema";
import { can, ownSchoolIds, type Actor } from "~/domain/auth/permissions";
import { releaseUnclaimed } from "~/domain/files/lifecycle";
import { createMaterial, getMaterial, type MaterialFilter } from "~/domain/materials/materials";
import { MATERIAL_KINDS } from "~/domain/materials/vocabulary";
import { materialSchema } from "~/domain/materials/schemas";
import { DomainError } from "~/domain/shared/errors";
import { getUnit } from "~/domain/units/units";
import { getActor, notFound, requireActor } from "./auth.server";
import { db } from "./db.server";
import { failure, parseForm } from "./forms";
import { readMaterialUpload } from "./material-upload.server";
import { idParam, searchParam } from "./params";
import { canSeeMaterial } from "~/domain/auth/policies";

/** The school a teacher or administrator shares materials for (their own), or null. */
export async function uploadSchool(actor: Actor): Promise<Unit | null> {
  const id = ownSchoolIds(actor).find((s) => can(actor, "materials.write", s));
  return id ? ((await getUnit(db, id)) ?? null) : null;
}

/** A material the viewer may see; anything else — a private file's guessed address included — is 404. */
export async function requireVisibleMaterial(
  request: Request,
  context: AppLoadContext,
  idText: string | undefined,
): Promise<{ actor: Actor | null; material: Material }> {
  const actor = await getActor(request, context);
  const id = idParam(idText);
  const material = id ? await getMaterial(db, id) : undefined;
  if (!material || !canSeeMaterial(actor, material)) {
    // Signed out: sign in first (whether or not it exists — nothing is said about it); signed in: 404.
    if (!actor) await requireActor(request, context);
    notFound();
  }
  return { actor, material };
}

/** One submission of the material form (a page post, or the JavaScript upload with its progress bar). */
export async function submitMaterial(request: Request, actor: Actor, school: Unit, ip: string | null) {
  // An object stored by this request but not handed to a material is released at once (docs/decisions/018).
  const upload = await readMaterialUpload(request);
  const release = () => releaseUnclaimed(db, upload.file?.stored);
  if (upload.error) return failure(upload.fields, { [upload.error.field ?? "_form"]: upload.error.message });
  const parsed = parseForm(materialSchema, upload.fields);
  if (!parsed.ok) {
    await release();
    return parsed;
  }
  try {
    const id = await createMaterial(db, actor, school, parsed.data, upload.file, ip);
    return { ok: true as const, id };
  } catch (e) {
    await release();
    if (e instanceof DomainError) return failure(upload.fields, { [e.field ?? "_form"]: e.message });
    throw e;
  }
}

/** The list's filters, as its page and its download read them. */
export function parseMaterialFilter(url: URL): MaterialFilter {
  const p = url.searchParams;
  const grade = Number(p.get("grade") || Number.NaN);
  return {
    q: searchParam(url),
    topic: p.get("topic") || undefined,
    kind: MATERIAL_KINDS.find((k) => k === p.get("kind")),
    grade: Number.isInteger(grade) && grade >= 0 && grade <= 12 ? grade : undefined,
    schoolId: idParam(p.get("school") ?? undefined) ?? undefined,
  };
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export { listVocabulary } from "~/domain/activities/activities";
export { storageUse } from "~/domain/files/lifecycle";
export { storedPath } from "~/domain/files/storage";
export { sizeLimits } from "~/domain/files/upload-stream";
export {
  countUse,
  deleteMaterial,
  getMaterial,
  gradeChoices,
  listMaterials,
  materialFile,
  materialKeywords,
  materialTopicLabels,
} from "~/domain/materials/materials";
export { materialsWorkbook } from "~/domain/materials/list-sheet";
export { publicFeed, upcomingCommuneActivities } from "~/domain/materials/public";
export { getUnit, listUnits } from "~/domain/units/units";
