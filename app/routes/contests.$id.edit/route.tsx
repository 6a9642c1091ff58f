import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContestForm } from "~/components/contest-forms";
import { PageHeader } from "~/components/shell";
import { contestSchema } from "~/domain/contests/schemas";
import { DomainError } from "~/domain/shared/errors";
import { forbidden } from "~/lib/auth.server";
import { requireContest, updateContest } from "~/lib/contests.server";
import { db } from "~/lib/db.server";
import { failure, parseForm } from "~/lib/forms";
import { readForm } from "~/lib/forms.server";
import { canManageContest } from "~/domain/auth/policies";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Sửa cuộc thi · Tân An STEM" }];

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
  const formData = await readForm(request);
  const parsed = parseForm(contestSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    await updateContest(db, actor, contest, parsed.data);
  } catch (e) {
    if (e instanceof DomainError) return data(failure(formData, { [e.field ?? "_form"]: e.message }), { status: 403 });
    throw e;
  }
  return redirect(`/contests/${contest.id}?saved=1`);
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
