import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { ListPage } from "~/components/list-page";
import { ACTIVITY_STATUS_LABELS } from "~/domain/activities/vocabulary";

import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/domain/shared/format";
import { addMs, DAY_MS, vietnamInstant, vietnamToday } from "~/domain/shared/time";
import { pageParam } from "~/lib/params";
import { canTakeAttendance, mayOpenAttendance } from "~/domain/auth/policies";
import { attendanceActivities, classSessionPlace } from "~/lib/attendance.server";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("attendance");

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const marks = await canTakeAttendance(db, actor);
  if (!mayOpenAttendance(actor, marks)) forbidden();
  const page = pageParam(new URL(request.url));
  const list = marks ? await attendanceActivities(db, actor, { page, pageSize: PAGE_SIZE }) : { total: 0, rows: [] };
  // Issue 20: the page opens on today's sessions, then the coming week's (Vietnam days), before everything else.
  const today = vietnamToday();
  const day = (offset: number) => addMs(vietnamInstant(today), offset * DAY_MS);
  const soon =
    marks && page === 1
      ? {
          today: (await attendanceActivities(db, actor, { page: 1, pageSize: 50, from: day(0), to: day(1) })).rows,
          week: (await attendanceActivities(db, actor, { page: 1, pageSize: 50, from: day(1), to: day(8) })).rows,
        }
      : null;
  // A homeroom teacher (or the principal) opens a roll call for a class in one step (issue 20).
  const opensClassSessions = marks && !!(await classSessionPlace(actor));
  return { ...list, page, marks, soon, opensClassSessions };
}

type Row = Awaited<ReturnType<typeof loader>>["rows"][number];

/** Today's or the week's sessions: one tap to each roll call. */
function Soon({ title, rows, none }: { title: string; rows: Row[]; none: string }) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {rows.length ? (
        <ul className="soon-list">
          {[...rows].reverse().map((a) => (
            <li key={a.id}>
              <Link to={`/attendance/${a.id}`} className="soon-list__link">
                <strong>{a.title}</strong>
                <span className="muted">
                  {formatDateTime(a.starts_at)} · {a.organizer_name} · đã có mặt {a.attended}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{none}</p>
      )}
    </section>
  );
}

export default function AttendanceIndex() {
  const d = useLoaderData<typeof loader>();
  return (
    <ListPage
      pager={d.marks && { page: d.page, pageSize: PAGE_SIZE, total: d.total }}
      create={d.opensClassSessions && { to: "/attendance/new", label: "+ Mở buổi điểm danh cho lớp" }}
    >
      {!d.marks ? (
        <p className="alert alert--info">
          Điểm danh do cán bộ, giáo viên của từng đơn vị thực hiện. Số người tham dự theo đơn vị xem ở trang của từng{" "}
          <Link to="/activities">hoạt động</Link>.
        </p>
      ) : (
        <>
          {d.soon ? (
            <div className="home-columns">
              <Soon title="Hôm nay" rows={d.soon.today} none="Hôm nay không có buổi nào." />
              <Soon title="7 ngày tới" rows={d.soon.week} none="Không có buổi nào trong 7 ngày tới." />
            </div>
          ) : null}
          <h2>Tất cả hoạt động</h2>
          <DataTable
            label="Hoạt động cần điểm danh"
            rows={d.rows}
            columns={[
              { header: "Thời gian", nowrap: true, cell: (a) => formatDateTime(a.starts_at) },
              {
                header: "Hoạt động",
                name: (a) => ({ text: a.title, to: `/attendance/${a.id}`, note: a.organizer_name }),
              },
              { header: "Đã có mặt", count: (a) => a.attended },
              { header: "Trạng thái", lead: true, cell: (a) => ACTIVITY_STATUS_LABELS[a.status] },
            ]}
            empty="Chưa có hoạt động nào."
          />
        </>
      )}
    </ListPage>
  );
}
