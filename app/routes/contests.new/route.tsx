import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContestForm } from "~/components/contest-forms";
import { PageHeader } from "~/components/shell";
import { contestSchema } from "~/domain/contests/schemas";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { domainFailure, readForm } from "~/lib/forms.server";
import { contestOrganizerFor, createContest } from "~/lib/contests.server";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Đăng ký cuộc thi · Tân An STEM" }];

async function organizer(request: Request, context: LoaderFunctionArgs["context"]) {
  const actor = await requireActor(request, context);
  const unit = await contestOrganizerFor(db, actor);
  if (!unit) forbidden("Chỉ ban giám hiệu các trường và cán bộ Phòng Văn hóa - Xã hội mới đăng ký được cuộc thi.");
  return { actor, unit };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { unit } = await organizer(request, context);
  return { organizer: unit.name, openToAll: unit.kind !== "school" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, unit } = await organizer(request, context);
  const formData = await readForm(request);
  const parsed = parseForm(contestSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    return redirect(`/contests/${await createContest(db, actor, unit, parsed.data)}?created=1`);
  } catch (e) {
    return domainFailure(e, formData);
  }
}

export default function NewContest() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Đăng ký cuộc thi" subtitle={d.organizer} />
      <ContestForm
        defaults={{}}
        actionData={useActionData<typeof action>()}
        submitLabel="Đăng ký"
        cancelTo="/contests"
        openToAll={d.openToAll}
      />
    </>
  );
}
