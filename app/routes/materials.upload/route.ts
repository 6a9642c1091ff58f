import type { ActionFunctionArgs } from "@remix-run/node";
import { getActor } from "~/lib/auth.server";
import { submitMaterial, uploadSchool } from "~/lib/materials.server";

/** POST /materials/upload — the same form as /materials/new, sent by the browser's script to show upload progress; answers JSON. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await getActor(request, context);
  if (!actor)
    return Response.json({ ok: false, formError: "Phiên đăng nhập đã hết: hãy đăng nhập lại." }, { status: 401 });
  const school = await uploadSchool(actor);
  if (!school) return Response.json({ ok: false, formError: "Bạn không có quyền đăng học liệu." }, { status: 403 });
  const result = await submitMaterial(request, actor, school, context.clientIp);
  return Response.json(result, { status: result.ok ? 200 : 400 });
}
