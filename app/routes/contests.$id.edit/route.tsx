import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContestForm } from "~/components/contest-forms";
import { PageHeader } from "~/components/shell";
import { contestSchema } from "~/domain/contests/schemas";
import { forbidden } from "~/lib/auth.server";
import { requireContest, updateContest } from "~/lib/contests.server";
import { db } from "~/lib/db.server";
import { saveForm } from "~/lib/forms.server";
import { canManageContest } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Sửa cuộc thi");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, contest } = await requireContest(request, context, params.id);
  if (!canManageContest(actor, contest.organizer)) forbidden();
  return {
    contest: {
      id: contest.id,
      name: contest.name,
      level: contest.level,
      field: contest.field,
      startsOn: contest.starts_on,
      endsOn: contest.ends_on,
      rules: contest.rules ?? "",
      link: contest.link ?? "",
      openToAll: !!contest.open_to_all,
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, contest } = await requireContest(request, context, params.id);
  return saveForm(
    request,
    contestSchema,
    async (input) => {
      await updateContest(db, actor, contest, input);
      return `/contests/${contest.id}?saved=1`;
    },
    403,
  );
}

export default function EditContest() {
  const { contest } = useLoaderData<typeof loader>();
  const { id, openToAll, ...defaults } = contest;
  return (
    <>
      <PageHeader title="Sửa cuộc thi" subtitle={contest.name} />
      <ContestForm
        defaults={defaults}
        actionData={useActionData<typeof action>()}
        submitLabel="Lưu thay đổi"
        cancelTo={`/contests/${id}`}
        openToAll={openToAll}
      />
    </>
  );
}
