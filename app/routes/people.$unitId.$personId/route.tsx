import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PersonForm } from "~/components/person-form";
import { PageHeader } from "~/components/shell";
import { personSchema } from "~/domain/people/schemas";
import { personCategoriesFor } from "~/domain/people/vocabulary";
import { vietnamToday } from "~/domain/shared/time";
import { forbidden, notFound } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate } from "~/domain/shared/format";
import { parseForm } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { getPerson, requirePeopleUnit, setPersonLeft, updatePerson } from "~/lib/people.server";
import { domainFailure, readForm } from "~/lib/forms.server";
import { canManagePeople } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Sửa thông tin");

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  if (!canManagePeople(actor, unit)) forbidden();
  const id = idParam(params.personId);
  const person = id ? await getPerson(db, id) : undefined;
  if (!person || person.unit_id !== unit.id) notFound();
  return { actor, unit, person };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { unit, person } = await load(request, context, params);
  return { unit: { id: unit.id, name: unit.name }, person, categories: personCategoriesFor(unit.kind) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, unit, person } = await load(request, context, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "left" || intent === "back") {
      await setPersonLeft(db, actor, unit, person, intent === "left" ? vietnamToday() : null, context.clientIp);
      return redirect(`/people/${unit.id}?category=${person.category}&saved=1`);
    }
    const parsed = parseForm(personSchema, formData);
    if (!parsed.ok) return data(parsed, { status: 400 });
    await updatePerson(db, actor, unit, person, parsed.data, context.clientIp);
    return redirect(`/people/${unit.id}?category=${parsed.data.category}&saved=1`);
  } catch (e) {
    return domainFailure(e, formData);
  }
}

export default function EditPerson() {
  const { unit, person, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={person.full_name} subtitle={`${unit.name} · mã ${person.code}`} />
      <PersonForm
        categories={categories}
        defaults={{
          category: person.category,
          code: person.code,
          fullName: person.full_name,
          grade: person.grade?.toString() ?? "",
          className: person.class_name ?? "",
          position: person.position ?? "",
        }}
        actionData={actionData}
        submitLabel="Lưu thay đổi"
        cancelTo={`/people/${unit.id}?category=${person.category}`}
      />
      <Form method="post" className="card">
        {person.left_on ? (
          <>
            <p>Đã rời đơn vị từ {formatDate(person.left_on)}.</p>
            <button type="submit" name="intent" value="back" className="button button--ghost">
              Đưa trở lại danh sách hiện tại
            </button>
          </>
        ) : (
          <>
            <p className="muted">
              Khi người này chuyển trường, tốt nghiệp hoặc nghỉ việc: đánh dấu đã rời. Dữ liệu cũ (điểm danh, câu lạc
              bộ) vẫn được giữ đúng.
            </p>
            <button type="submit" name="intent" value="left" className="button button--ghost">
              Đánh dấu đã rời đơn vị
            </button>
          </>
        )}
      </Form>
    </>
  );
}
