import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ClubForm } from "~/components/club-form";
import { PageHeader } from "~/components/shell";
import { clubSchema } from "~/domain/clubs/schemas";
import { GRADES_BY_LEVEL } from "~/domain/units/vocabulary";
import { requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { requireManagedSchool } from "~/lib/schools.server";
import { saveForm } from "~/lib/forms.server";
import { createClub } from "~/lib/clubs.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Đăng ký câu lạc bộ");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const school = await requireManagedSchool(await requireActor(request, context));
  return { school: { name: school.name }, grades: school.school_level ? GRADES_BY_LEVEL[school.school_level] : [] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const school = await requireManagedSchool(actor);
  return saveForm(
    request,
    clubSchema,
    async (input) => `/clubs/${await createClub(db, actor, school, input)}?created=1`,
  );
}

export default function NewClub() {
  const { school, grades } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Đăng ký câu lạc bộ STEM" subtitle={school.name} />
      <ClubForm
        grades={grades}
        defaults={{}}
        actionData={useActionData<typeof action>()}
        submitLabel="Đăng ký"
        cancelTo="/clubs"
      />
    </>
  );
}
