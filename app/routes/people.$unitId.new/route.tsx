import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PersonForm } from "~/components/person-form";
import { PageHeader } from "~/components/shell";
import { personSchema } from "~/domain/people/schemas";
import { personCategoriesFor } from "~/domain/people/vocabulary";
import { forbidden } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { addPerson, requirePeopleUnit } from "~/lib/people.server";
import { domainFailure, readForm } from "~/lib/forms.server";
import { canManagePeople } from "~/domain/auth/policies";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Thêm người · Tân An STEM" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  if (!canManagePeople(actor, unit)) forbidden();
  return {
    unit: { id: unit.id, name: unit.name },
    categories: personCategoriesFor(unit.kind),
    category: new URL(request.url).searchParams.get("category") ?? "",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  if (!canManagePeople(actor, unit)) forbidden();
  const formData = await readForm(request);
  const parsed = parseForm(personSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    await addPerson(db, actor, unit, parsed.data, context.clientIp);
  } catch (e) {
    return domainFailure(e, formData);
  }
  return redirect(
    `/people/${unit.id}?category=${parsed.data.category}&q=${encodeURIComponent(parsed.data.code)}&saved=1`,
  );
}

export default function NewPerson() {
  const { unit, categories, category } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Thêm người" subtitle={unit.name} />
      <PersonForm
        categories={categories}
        defaults={{ category }}
        actionData={actionData}
        submitLabel="Thêm"
        cancelTo={`/people/${unit.id}`}
      />
    </>
  );
}
