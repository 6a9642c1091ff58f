import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, useLocation } from "@remix-run/react";
import { BudgetLineForm } from "~/components/budget-line-form";
import { InlineDelete } from "~/components/confirm-delete";
import { IntentError } from "~/components/forms";
import { RecordHeader } from "~/components/record-header";
import { DeletedNotice, Notice } from "~/components/shell";
import { budgetLineSchema, reachSchema } from "~/domain/activities/schemas";
import {
  ACTIVITY_STATUS_LABELS,
  BUDGET_CATEGORY_LABELS,
  COMMEMORATION_LABELS,
  DELIVERY_LABELS,
  FUNDING_SOURCE_LABELS,
  POST_KIND_LABELS,
} from "~/domain/activities/vocabulary";
import {
  activityDetail,
  addBudgetLine,
  deleteBudgetLine,
  listVocabulary,
  requireActivity,
  setReach,
} from "~/lib/activities.server";
import { forbidden } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime, formatNumber, formatDateTimeRange } from "~/domain/shared/format";
import { failure, parseForm, zodFieldErrors } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { domainFailure, readForm } from "~/lib/forms.server";
import { canManageActivity, canTakeAttendance } from "~/domain/auth/policies";
import { titledBy } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => d.activity.title, "Hoạt động");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, activity } = await requireActivity(request, context, params.id);
  const detail = (await activityDetail(db, activity.id))!;
  const vocabulary = await listVocabulary(db);
  return {
    ...detail,
    activity: { ...activity, organizerName: activity.organizer.name },
    audiencesAll: vocabulary.audiences,
    canManage: canManageActivity(actor, activity.organizer),
    takesAttendance: await canTakeAttendance(db, actor),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, activity } = await requireActivity(request, context, params.id);
  if (!canManageActivity(actor, activity.organizer)) forbidden();
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "add-budget") {
      const parsed = parseForm(budgetLineSchema, formData);
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      await addBudgetLine(db, actor, activity, parsed.data);
      return redirect(`/activities/${activity.id}?budget=${Date.now()}#budget`);
    }
    if (intent === "delete-budget") {
      await deleteBudgetLine(
        db,
        actor,
        activity,
        idParam(String(formData.get("lineId"))) ?? -1,
        formData.get("confirm") === "yes",
      );
      return redirect(`/activities/${activity.id}?deleted=1#budget`);
    }
    if (intent === "reach") {
      const raw = Object.fromEntries(
        [...formData.entries()].filter(([k]) => k.startsWith("reach.")).map(([k, v]) => [k.slice(6), v]),
      );
      const parsed = reachSchema.safeParse(raw);
      if (!parsed.success)
        return data(
          {
            ...failure(
              formData,
              Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, v]) => [`reach.${k}`, v])),
            ),
            intent,
          },
          { status: 400 },
        );
      await setReach(db, actor, activity, parsed.data);
      return redirect(`/activities/${activity.id}?reach=1#reach`);
    }
  } catch (e) {
    return domainFailure(e, formData, { intent });
  }
  return data({ ...failure(formData, {}, "Thao tác không hợp lệ."), intent }, { status: 400 });
}

export default function ActivityDetail() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const location = useLocation();
  const a = d.activity;
  const totals = d.budget.reduce(
    (t, l) => ({ estimate: t.estimate + l.estimate, actual: t.actual + (l.actual ?? 0) }),
    { estimate: 0, actual: 0 },
  );
  const reachErrors = actionData && !actionData.ok && actionData.intent === "reach" ? actionData.errors : {};
  return (
    <>
      <RecordHeader
        title={a.title}
        subtitle={`${a.organizerName} · ${formatDateTime(a.starts_at)}`}
        base={`/activities/${a.id}`}
        canManage={d.canManage}
        actions={
          d.takesAttendance ? (
            <Link to={`/attendance/${a.id}`} className="button">
              Điểm danh
            </Link>
          ) : null
        }
      />
      <DeletedNotice />
      <Notice when={params.get("created")}>
        Đã lưu hoạt động. Có thể thêm kinh phí và số người được tiếp cận bên dưới.
      </Notice>
      <div className="card">
        <dl className="facts">
          {a.external_organizer ? (
            <>
              <dt>Đơn vị tổ chức</dt>
              <dd>{a.external_organizer} (đơn vị cử người tham dự)</dd>
            </>
          ) : null}
          <dt>Hình thức</dt>
          <dd>
            {d.formLabel} · {DELIVERY_LABELS[a.delivery]}
          </dd>
          <dt>Thời gian</dt>
          <dd>{formatDateTimeRange(a.starts_at, a.ends_at)}</dd>
          {a.place ? (
            <>
              <dt>Địa điểm</dt>
              <dd>{a.place}</dd>
            </>
          ) : null}
          {a.post_kind ? (
            <>
              <dt>Loại tin bài</dt>
              <dd>{POST_KIND_LABELS[a.post_kind]}</dd>
            </>
          ) : null}
          {a.link ? (
            <>
              <dt>{a.post_kind ? "Đường dẫn" : "Trực tuyến"}</dt>
              <dd>
                <a href={a.link} rel="noopener noreferrer" target="_blank">
                  {a.link}
                </a>
              </dd>
            </>
          ) : null}
          <dt>Nội dung</dt>
          <dd>{d.topics.map((t) => t.label).join(", ")}</dd>
          <dt>Đối tượng</dt>
          <dd>{d.audiences.map((t) => t.label).join(", ")}</dd>
          {a.commemoration ? (
            <>
              <dt>Hưởng ứng</dt>
              <dd>{COMMEMORATION_LABELS[a.commemoration]}</dd>
            </>
          ) : null}
          <dt>Số người dự kiến</dt>
          <dd>{formatNumber(a.planned_participants)}</dd>
          <dt>Trạng thái</dt>
          <dd>{ACTIVITY_STATUS_LABELS[a.status]}</dd>
          {d.units.length ? (
            <>
              <dt>Phối hợp, mời</dt>
              <dd>{d.units.map((u) => `${u.name}${u.relation === "invited" ? " (được mời)" : ""}`).join("; ")}</dd>
            </>
          ) : null}
          {a.club_id ? (
            <>
              <dt>Câu lạc bộ</dt>
              <dd>
                <Link to={`/clubs/${a.club_id}`}>Xem câu lạc bộ</Link>
              </dd>
            </>
          ) : null}
        </dl>
        {a.description ? <p style={{ whiteSpace: "pre-line" }}>{a.description}</p> : null}
      </div>

      <h2 id="reach">Số người được tiếp cận (không có danh sách điểm danh)</h2>
      <p className="muted">
        Với băng rôn, phát thanh, bài viết, bảng điện tử…: ước tính số người được tiếp cận theo từng đối tượng.
      </p>
      <Notice when={params.get("reach")}>Đã lưu số người được tiếp cận.</Notice>
      {d.canManage ? (
        <Form method="post" className="card form">
          <IntentError result={actionData} intent="reach" />
          <input type="hidden" name="intent" value="reach" />
          <div className="form-row">
            {d.audiencesAll.map((aud) => {
              const key = `reach.${aud.code}`;
              const current = d.reach.find((r) => r.audience_code === aud.code)?.count;
              return (
                <div key={aud.code} className={`field${reachErrors?.[key] ? " field--error" : ""}`}>
                  <label htmlFor={key}>{aud.label}</label>
                  <input
                    id={key}
                    name={key}
                    inputMode="numeric"
                    defaultValue={current ?? ""}
                    aria-invalid={reachErrors?.[key] ? true : undefined}
                  />
                  {reachErrors?.[key] ? <p className="field__error">{reachErrors[key]}</p> : null}
                </div>
              );
            })}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--ghost">
              Lưu số người được tiếp cận
            </button>
          </div>
        </Form>
      ) : d.reach.length ? (
        <ul>
          {d.reach.map((r) => (
            <li key={r.audience_code}>
              {d.audiencesAll.find((x) => x.code === r.audience_code)?.label}: {formatNumber(r.count)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Chưa có số liệu.</p>
      )}

      <h2 id="budget">Kinh phí</h2>
      <DataTable
        label="Kinh phí"
        rows={d.budget}
        columns={[
          { header: "Nội dung chi", name: (l) => ({ text: BUDGET_CATEGORY_LABELS[l.category], note: l.note }) },
          { header: "Nguồn", cell: (l) => FUNDING_SOURCE_LABELS[l.source] },
          { header: "Dự toán (đ)", count: (l) => l.estimate },
          { header: "Thực chi (đ)", count: (l) => l.actual },
          {
            header: "Xóa",
            show: d.canManage,
            cell: (l) => (
              <InlineDelete
                label="Xóa…"
                question={`Xóa dòng “${BUDGET_CATEGORY_LABELS[l.category]}”?`}
                fields={{ intent: "delete-budget", lineId: l.id }}
              />
            ),
          },
        ]}
        empty="Chưa có dòng kinh phí."
        footer={
          d.budget.length ? (
            <tr>
              <th scope="row" colSpan={2}>
                Tổng cộng
              </th>
              <td className="num">
                <strong>{formatNumber(totals.estimate)}</strong>
              </td>
              <td className="num">
                <strong>{formatNumber(totals.actual)}</strong>
              </td>
              {d.canManage ? <td /> : null}
            </tr>
          ) : null
        }
      />
      {d.canManage ? (
        <>
          <IntentError result={actionData} intent="delete-budget" />
          <BudgetLineForm resetKey={params.get("budget") ? location.key : undefined} actionData={actionData} />
        </>
      ) : null}
    </>
  );
}
