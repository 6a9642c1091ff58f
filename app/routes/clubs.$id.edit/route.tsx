import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ClubForm } from "~/components/club-form";
import { PageHeader } from "~/components/shell";
import { clubSchema } from "~/domain/clubs/schemas";
import { GRADES_BY_LEVEL } from "~/domain/units/vocabulary";
import { forbidden } from "~/lib/auth.server";
import { requireClub, updateClub } from "~/lib/clubs.server";
import { targetGrades } from "~/domain/clubs/vocabulary";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { domainFailure, readForm } from "~/lib/forms.server";
import { canManageClubs } from "~/domain/auth/policies";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Sửa câu lạc bộ · Tân An STEM" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, club, school } = await requireClub(request, context, params.id);
  if (!canManageClubs(actor, club.school_id)) forbidden();
  return { club, grades: school.school_level ? GRADES_BY_LEVEL[school.school_level] : [] };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, club } = await requireClub(request, context, params.id);
  if (!canManageClubs(actor, club.school_id)) forbidden();
  const formData = await readForm(request);
  const parsed = parseForm(clubSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    await updateClub(db, actor, club, parsed.data);
  } catch (e) {
    return domainFailure(e, formData);
  }
  return redirect(`/clubs/${club.id}?saved=1`);
}

export default function EditClub() {
  const { club, grades } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Sửa câu lạc bộ" subtitle={club.name} />
      <ClubForm
        grades={grades}
        defaults={{
          name: club.name,
          field: club.field,
          targetGrades: targetGrades(club).map(String),
          schedule: club.schedule ?? "",
          status: club.status,
          foundedOn: club.founded_on ?? "",
          description: club.description ?? "",
        }}
        actionData={useActionData<typeof action>()}
        submitLabel="Lưu thay đổi"
        cancelTo={`/clubs/${club.id}`}
      />
    </>
  );
}
