import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MaterialForm } from "~/components/material-form";
import { PageHeader } from "~/components/shell";
import { GRADES_BY_LEVEL } from "~/domain/units/vocabulary";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { listVocabulary, sizeLimits, submitMaterial, uploadSchool } from "~/lib/materials.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Đăng học liệu");

async function school(request: Request, context: LoaderFunctionArgs["context"]) {
  const actor = await requireActor(request, context);
  const unit = await uploadSchool(actor);
  if (!unit) forbidden("Chỉ giáo viên, ban giám hiệu các trường mới đăng được học liệu.");
  return { actor, unit };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { unit } = await school(request, context);
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const l = sizeLimits();
  return {
    school: unit.name,
    grades: unit.school_level ? GRADES_BY_LEVEL[unit.school_level] : [],
    topics: (await listVocabulary(db)).topics.filter((t) => !t.parent_code),
    limits: `PDF, Word, PowerPoint, Excel (tối đa ${mb(l.document)} MB); ảnh (${mb(l.image)} MB); video MP4/WebM (${mb(l.video)} MB); âm thanh MP3/M4A (${mb(l.audio)} MB).`,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, unit } = await school(request, context);
  const result = await submitMaterial(request, actor, unit, context.clientIp);
  if (result.ok) return redirect(`/materials/${result.id}?created=1`);
  return data(result, { status: 400 });
}

export default function NewMaterial() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Đăng học liệu" subtitle={d.school} />
      <MaterialForm actionData={useActionData<typeof action>()} grades={d.grades} topics={d.topics} limits={d.limits} />
    </>
  );
}
