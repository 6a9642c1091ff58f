import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { Notice, PageHeader } from "~/components/shell";
import { canAssignHomerooms } from "~/domain/auth/policies";
import { forbidden } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { failure } from "~/lib/forms";
import { domainFailure, readForm } from "~/lib/forms.server";
import { titledBy } from "~/lib/meta";
import { idParam } from "~/lib/params";
import {
  HOMEROOMS_BY_PRINCIPALS,
  assignHomerooms,
  homeroomBoard,
  requirePeopleUnit,
  staffAccounts,
} from "~/lib/people.server";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => `Giáo viên chủ nhiệm · ${d.unit.name}`, "Giáo viên chủ nhiệm");

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  if (!canAssignHomerooms(actor, unit)) forbidden(HOMEROOMS_BY_PRINCIPALS);
  return { actor, unit };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { unit } = await load(request, context, params);
  const [board, teachers] = await Promise.all([homeroomBoard(db, unit.id), staffAccounts(db, unit.id)]);
  return { unit: { id: unit.id, name: unit.name }, board, teachers };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, unit } = await load(request, context, params);
  const formData = await readForm(request);
  const classes = formData.getAll("class").map(String).slice(0, 500);
  const teachers = formData.getAll("teacher").map(String);
  if (teachers.length !== classes.length)
    return data(failure(formData, {}, "Biểu mẫu không đầy đủ, vui lòng tải lại trang."), { status: 400 });
  try {
    const n = await assignHomerooms(
      db,
      actor,
      unit,
      classes.map((className, i) => ({ className, userId: teachers[i] ? (idParam(teachers[i]) ?? -1) : null })),
    );
    return redirect(`/people/${unit.id}/homerooms?saved=${n}`);
  } catch (e) {
    return domainFailure(e, formData);
  }
}

export default function Homerooms() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  return (
    <>
      <PageHeader
        title="Giáo viên chủ nhiệm"
        subtitle={`${d.unit.name}: giáo viên chủ nhiệm mở buổi điểm danh cho lớp mình và điểm danh học sinh của lớp.`}
      />
      <Notice when={params.get("saved")}>Đã lưu phân công ({params.get("saved")} lớp thay đổi).</Notice>
      {d.board.length === 0 ? (
        <p className="alert alert--info">
          Trường chưa có lớp nào: lớp lấy từ danh sách học sinh.{" "}
          <Link to={`/people/${d.unit.id}?category=students`}>Thêm học sinh</Link>
        </p>
      ) : (
        <Form method="post" className="card form">
          <FormError message={failed?.formError ?? failed?.errors?._form} />
          {d.teachers.length === 0 ? (
            <p className="muted">
              Trường chưa có tài khoản giáo viên nào. Phòng Văn hóa - Xã hội cấp tài khoản cho giáo viên ở trang Quản
              trị.
            </p>
          ) : null}
          <ul className="assign-list">
            {d.board.map((b) => (
              <li key={b.className}>
                <input type="hidden" name="class" value={b.className} />
                <label htmlFor={`gvcn-${b.className}`}>Lớp {b.className}</label>
                <select id={`gvcn-${b.className}`} name="teacher" defaultValue={b.userId ?? ""}>
                  <option value="">— Chưa phân công —</option>
                  {d.teachers.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.fullName}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Lưu phân công
            </button>
            <Link to={`/people/${d.unit.id}?category=students`} className="button button--ghost">
              Quay lại danh sách
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
