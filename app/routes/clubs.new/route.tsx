import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ClubForm } from "~/components/club-form";
import { PageHeader } from "~/components/shell";
import { clubSchema } from "~/domain/clubs/schemas";
import { GRADES_BY_LEVEL } from "~/domain/units/vocabulary";
import { requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { requireManagedSchool } from "~/lib/schools.server";
import { domainFailure, readForm } from "~/lib/forms.server";
import { createClub } from "~/lib/clubs.server";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Đăng ký câu lạc bộ · Tân An STEM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const school = await requireManagedSchool(await requireActor(request, context));
  return { school: { name: school.name }, grades: school.school_level ? GRADES_BY_LEVEL[school.school_level] : [] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const school = await requireManagedSchool(actor);
  const formData = await readForm(request);
  const parsed = parseForm(clubSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const id = await createClub(db, actor, school, parsed.data);
    return redirect(`/clubs/${id}?created=1`);
  } catch (e) {
    return domainFailure(e, formData);
  }
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
