import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/forms";
import { PersonForm } from "~/components/person-form";
import { Notice, PageHeader } from "~/components/shell";
import { personSchema } from "~/domain/people/schemas";
import { personCategoriesFor } from "~/domain/people/vocabulary";
import { vietnamToday } from "~/domain/shared/time";
import { forbidden, notFound } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate } from "~/domain/shared/format";
import { failure, parseForm } from "~/lib/forms";
import { idParam } from "~/lib/params";
import {
  getPerson,
  linkPersonAccount,
  requirePeopleUnit,
  setPersonLeft,
  staffAccounts,
  updatePerson,
} from "~/lib/people.server";
import { domainFailure, readForm } from "~/lib/forms.server";
import { canManagePeople, mayLinkAccount } from "~/domain/auth/policies";
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
  // A staff member's record may stand for their login account (a club's advisor records its meetings, issue 20).
  const linksAccount = mayLinkAccount(unit, person);
  return {
    unit: { id: unit.id, name: unit.name },
    person,
    categories: personCategoriesFor(unit.kind),
    accounts: linksAccount ? await staffAccounts(db, unit.id) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, unit, person } = await load(request, context, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "account") {
      // The select always posts one value ("" = no account): a missing or repeated field is no choice at all.
      const chosen = formData.getAll("userId");
      if (chosen.length !== 1)
        return data(failure(formData, { userId: "Hãy chọn một tài khoản, hoặc “— Không gắn tài khoản —”." }), {
          status: 400,
        });
      const text = String(chosen[0]);
      await linkPersonAccount(db, actor, unit, person, text ? (idParam(text) ?? -1) : null);
      return redirect(`/people/${unit.id}/${person.id}?linked=1`);
    }
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
  const { unit, person, categories, accounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const accountError = actionData && !actionData.ok && actionData.values?.intent === "account" ? actionData : undefined;
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
        actionData={accountError ? undefined : actionData}
        submitLabel="Lưu thay đổi"
        cancelTo={`/people/${unit.id}?category=${person.category}`}
      />
      {accounts ? (
        <Form method="post" className="card form" aria-labelledby="account-link">
          <h2 id="account-link">Tài khoản đăng nhập</h2>
          <Notice when={params.get("linked")}>Đã lưu tài khoản của người này.</Notice>
          <p className="muted">
            Gắn hồ sơ với tài khoản của chính người này: khi là cố vấn một câu lạc bộ, họ ghi buổi sinh hoạt và điểm
            danh câu lạc bộ.
          </p>
          <Field label="Tài khoản" error={accountError?.errors?.userId ?? accountError?.formError}>
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                name="userId"
                defaultValue={person.user_id ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              >
                <option value="">— Không gắn tài khoản —</option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.fullName} ({a.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" name="intent" value="account" className="button button--ghost">
              Lưu tài khoản
            </button>
          </div>
        </Form>
      ) : null}
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
