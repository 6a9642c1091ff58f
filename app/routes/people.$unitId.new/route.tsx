import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PersonForm } from "~/components/person-form";
import { PageHeader } from "~/components/shell";
import { personSchema } from "~/domain/people/schemas";
import { personCategoriesFor } from "~/domain/people/vocabulary";
import { forbidden } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { addPerson, requirePeopleUnit } from "~/lib/people.server";
import { saveForm } from "~/lib/forms.server";
import { canManagePeople } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Thêm người");

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
  return saveForm(request, personSchema, async (input) => {
    await addPerson(db, actor, unit, input, context.clientIp);
    return `/people/${unit.id}?category=${input.category}&q=${encodeURIComponent(input.code)}&saved=1`;
  });
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
