import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { RollCall } from "~/components/roll-call";
import { Notice, PageHeader } from "~/components/shell";
import { DataTable } from "~/components/data-table";
import { marksFromForm } from "~/domain/attendance/schemas";
import { can } from "~/domain/auth/permissions";
import {
  addToRoster,
  attendanceCounts,
  lockFor,
  recordMarks,
  requireAttendanceActivity,
  requireAttendanceView,
  rosterFor,
  type RosterGroup,
  rosterSize,
  rosterSources,
  writeAudit,
} from "~/lib/attendance.server";
import { db } from "~/lib/db.server";
import { formatDateTimeRange, formatNumber } from "~/domain/shared/format";
import { domainFailure, readForm } from "~/lib/forms.server";
import { idParam, pageParam } from "~/lib/params";
import { Pager } from "~/components/pager";
import { markableUnitIds } from "~/domain/auth/policies";
import { titledBy } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

/** People per page of the roll call: a long roster (a school assembly of 1,200) pages instead of stopping. */
const ROLL_CALL_PAGE = 200;

export const meta = titledBy<typeof loader>((d) => `Điểm danh: ${d.activity.title}`, "Điểm danh");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, activity, marks } = await requireAttendanceView(request, context, params.activityId);
  const units = await markableUnitIds(db, actor);
  const page = pageParam(new URL(request.url));
  const rosterTotal = await rosterSize(db, actor, activity);
  const roster = await rosterFor(db, actor, activity, { offset: (page - 1) * ROLL_CALL_PAGE, limit: ROLL_CALL_PAGE });
  const { school, classes, clubs } = await rosterSources(db, units);
  const locks = await Promise.all(units.map((u) => lockFor(db, u, activity.starts_at)));
  return {
    activity: {
      id: activity.id,
      title: activity.title,
      starts_at: activity.starts_at,
      ends_at: activity.ends_at,
      organizer: activity.organizer.name,
      clubId: activity.club_id,
    },
    roster,
    rosterPage: { page, pageSize: ROLL_CALL_PAGE, total: rosterTotal },
    // The commune's view: counts per unit, never names.
    counts: can(actor, "commune.read") ? await attendanceCounts(db, activity.id) : null,
    school,
    classes,
    clubs,
    locked: locks.some(Boolean),
    marks,
    userId: actor.userId,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, activity } = await requireAttendanceActivity(request, context, params.activityId);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "save") {
      // Without JavaScript: the whole roll call in one post.
      const marks = marksFromForm(formData);
      await recordMarks(db, actor, activity, marks, "roll_call", context.clientIp);
      // Back to the page of the roster that was saved (the form posts to this page's own address).
      const page = pageParam(new URL(request.url));
      return redirect(`/attendance/${activity.id}?saved=${marks.length}${page > 1 ? `&page=${page}` : ""}`);
    }
    if (intent === "add-group") {
      const kind = String(formData.get("kind"));
      const unitId = idParam(String(formData.get("unitId"))) ?? -1;
      const group: RosterGroup | null =
        kind === "class"
          ? { kind: "class", unitId, className: String(formData.get("className") ?? "") }
          : kind === "teachers"
            ? { kind: "teachers", unitId }
            : kind === "staff"
              ? { kind: "staff", unitId }
              : kind === "club"
                ? { kind: "club", clubId: idParam(String(formData.get("clubId"))) ?? -1 }
                : kind === "offices"
                  ? { kind: "offices" }
                  : null;
      if (!group) return data({ ok: false as const, formError: "Chọn nhóm người cần thêm." }, { status: 400 });
      const added = await addToRoster(db, actor, activity, group);
      await writeAudit(db, {
        actorUserId: actor.userId,
        unitId: activity.organizer_unit_id,
        action: "update",
        entity: "attendance_roster",
        entityId: activity.id,
        after: { group: group.kind, added },
        ip: context.clientIp,
      });
      return redirect(`/attendance/${activity.id}?added=${added}`);
    }
  } catch (e) {
    return domainFailure(e, formData);
  }
  return data({ ok: false as const, formError: "Thao tác không hợp lệ." }, { status: 400 });
}

export default function TakeAttendance() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title={`Điểm danh: ${d.activity.title}`}
        subtitle={`${d.activity.organizer} · ${formatDateTimeRange(d.activity.starts_at, d.activity.ends_at)}`}
        actions={
          d.marks ? (
            <>
              <Link to={`/attendance/${d.activity.id}/checkin`} className="button button--ghost">
                Điểm danh bằng mã QR
              </Link>
              <Link to={`/attendance/${d.activity.id}/import`} className="button button--ghost">
                Nhập từ tệp
              </Link>
              <a href={`/attendance/${d.activity.id}/sheet`} className="button button--ghost">
                Danh sách ký tên
              </a>
              <a href={`/attendance/${d.activity.id}/export.xlsx`} className="button button--ghost">
                Tải Excel
              </a>
            </>
          ) : null
        }
      />
      <Notice when={params.get("opened")}>Đã mở buổi học: cả lớp đã vào danh sách, bắt đầu điểm danh.</Notice>
      <Notice when={params.get("saved")}>Đã lưu điểm danh của {params.get("saved")} người.</Notice>
      <Notice when={params.get("added")}>Đã thêm {params.get("added")} người vào danh sách điểm danh.</Notice>
      <Notice when={params.get("imported")}>Đã nhập điểm danh: {params.get("imported")}</Notice>
      {d.locked ? (
        <div className="alert alert--warning" role="status">
          Báo cáo kỳ này của đơn vị đã được duyệt: điểm danh đã khóa, chỉ xem được.
        </div>
      ) : null}
      <FormError
        message={
          actionData && !actionData.ok
            ? (actionData.formError ?? ("errors" in actionData ? actionData.errors?._form : undefined))
            : undefined
        }
      />

      {d.counts ? (
        <section aria-labelledby="counts-title" className="card">
          <h2 id="counts-title">Số người theo đơn vị</h2>
          <DataTable
            label="Điểm danh theo đơn vị"
            rows={d.counts}
            columns={[
              { header: "Đơn vị", cell: (c) => c.unitName },
              { header: "Có mặt", count: (c) => c.present },
              { header: "Đến muộn", count: (c) => c.late },
              { header: "Vắng có phép", count: (c) => c.excused },
              { header: "Vắng không phép", count: (c) => c.absent },
            ]}
            empty="Chưa có ai được điểm danh."
          />
        </section>
      ) : null}

      <p className="muted">
        Người ngoài danh sách (người dân, doanh nghiệp): ghi số người được tiếp cận ở{" "}
        <Link to={`/activities/${d.activity.id}#reach`}>trang hoạt động</Link>.
      </p>
      {d.marks && !d.roster.length && d.rosterPage.total > 0 ? <Pager {...d.rosterPage} /> : null}
      {!d.marks ? null : d.roster.length ? (
        <>
          {d.rosterPage.total > d.rosterPage.pageSize ? (
            <p className="muted">
              Danh sách có {formatNumber(d.rosterPage.total)} người; trang này từ người thứ{" "}
              {formatNumber((d.rosterPage.page - 1) * d.rosterPage.pageSize + 1)} đến{" "}
              {formatNumber((d.rosterPage.page - 1) * d.rosterPage.pageSize + d.roster.length)}. Nút “Tất cả còn lại” áp
              dụng cho trang này.
            </p>
          ) : null}
          <RollCall
            activityId={d.activity.id}
            userId={d.userId}
            people={d.roster}
            locked={d.locked}
            startsAt={d.activity.starts_at}
          />
          {d.rosterPage.total > d.rosterPage.pageSize ? <Pager {...d.rosterPage} /> : null}
        </>
      ) : (
        <p className="alert alert--info">
          Danh sách điểm danh đang trống: thêm một lớp, một câu lạc bộ hoặc giáo viên của trường ở dưới.
        </p>
      )}

      {d.marks && !d.school && !d.locked ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="add-group" />
          <input type="hidden" name="kind" value="offices" />
          <button type="submit" className="button button--ghost">
            Thêm cán bộ, công chức các phòng ban vào danh sách điểm danh
          </button>
        </Form>
      ) : null}
      {d.school && !d.locked ? (
        <details className="card" open={d.roster.length === 0}>
          <summary>
            <strong>Thêm người vào danh sách điểm danh</strong>
          </summary>
          <div className="form-row" style={{ marginTop: ".75rem" }}>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="add-group" />
              <input type="hidden" name="kind" value="class" />
              <input type="hidden" name="unitId" value={d.school.id} />
              <label htmlFor="add-class">Một lớp</label>
              <select id="add-class" name="className">
                {d.classes.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
              <button type="submit" className="button button--ghost button--small">
                Thêm lớp
              </button>
            </Form>
            {d.clubs.length ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="add-group" />
                <input type="hidden" name="kind" value="club" />
                <label htmlFor="add-club">Một câu lạc bộ</label>
                <select id="add-club" name="clubId">
                  {d.clubs.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--ghost button--small">
                  Thêm thành viên CLB
                </button>
              </Form>
            ) : null}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="add-group" />
              <input type="hidden" name="kind" value="staff" />
              <input type="hidden" name="unitId" value={d.school.id} />
              <button type="submit" className="button button--ghost button--small">
                Thêm tất cả cán bộ, giáo viên, nhân viên
              </button>
            </Form>
          </div>
        </details>
      ) : null}
    </>
  );
}
