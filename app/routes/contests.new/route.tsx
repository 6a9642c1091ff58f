import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContestForm } from "~/components/contest-forms";
import { PageHeader } from "~/components/shell";
import { contestSchema } from "~/domain/contests/schemas";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { saveForm } from "~/lib/forms.server";
import { contestOrganizerFor, createContest } from "~/lib/contests.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Đăng ký cuộc thi");

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
  return saveForm(request, contestSchema, async (input) => {
    return `/contests/${await createContest(db, actor, unit, input)}?created=1`;
  });
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
