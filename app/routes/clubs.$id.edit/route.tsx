import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ClubForm } from "~/components/club-form";
import { PageHeader } from "~/components/shell";
import { clubSchema } from "~/domain/clubs/schemas";
import { GRADES_BY_LEVEL } from "~/domain/units/vocabulary";
import { forbidden } from "~/lib/auth.server";
import { requireClub, updateClub } from "~/lib/clubs.server";
import { targetGrades } from "~/domain/clubs/vocabulary";
import { db } from "~/lib/db.server";
import { saveForm } from "~/lib/forms.server";
import { canManageClubs } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Sửa câu lạc bộ");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, club, school } = await requireClub(request, context, params.id);
  if (!canManageClubs(actor, club.school_id)) forbidden();
  return { club, grades: school.school_level ? GRADES_BY_LEVEL[school.school_level] : [] };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, club } = await requireClub(request, context, params.id);
  if (!canManageClubs(actor, club.school_id)) forbidden();
  return saveForm(request, clubSchema, async (input) => {
    await updateClub(db, actor, club, input);
    return `/clubs/${club.id}?saved=1`;
  });
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
