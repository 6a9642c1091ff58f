import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/confirm-delete";
import { forbidden } from "~/lib/auth.server";
import { deleteContest, entryCount, requireContest } from "~/lib/contests.server";
import { db } from "~/lib/db.server";
import { confirmDelete } from "~/lib/forms.server";
import { canManageContest } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Xóa cuộc thi");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, contest } = await requireContest(request, context, params.id);
  if (!canManageContest(actor, contest.organizer)) forbidden();
  return { contest: { id: contest.id, name: contest.name }, entries: await entryCount(db, contest.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, contest } = await requireContest(request, context, params.id);
  return confirmDelete(request, (confirmed) => deleteContest(db, actor, contest, confirmed), "/contests?deleted=1");
}

export default function DeleteContest() {
  const { contest, entries } = useLoaderData<typeof loader>();
  return (
    <DeletePage
      title="Xóa cuộc thi"
      what={contest.name}
      consequences={entries ? [`${entries} bài dự thi của các trường, cùng kết quả và minh chứng`] : []}
      error={useActionData<typeof action>()?.error}
      cancelTo={`/contests/${contest.id}`}
    />
  );
}
