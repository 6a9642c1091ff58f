import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { ListPage } from "~/components/list-page";
import { ACTIVITY_STATUS_LABELS } from "~/domain/activities/vocabulary";

import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/domain/shared/format";
import { pageParam } from "~/lib/params";
import { canTakeAttendance, mayOpenAttendance } from "~/domain/auth/policies";
import { attendanceActivities } from "~/lib/attendance.server";
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
  return { ...list, page, marks };
}

export default function AttendanceIndex() {
  const d = useLoaderData<typeof loader>();
  return (
    <ListPage pager={d.marks && { page: d.page, pageSize: PAGE_SIZE, total: d.total }}>
      {!d.marks ? (
        <p className="alert alert--info">
          Điểm danh do cán bộ, giáo viên của từng đơn vị thực hiện. Số người tham dự theo đơn vị xem ở trang của từng{" "}
          <Link to="/activities">hoạt động</Link>.
        </p>
      ) : (
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
      )}
    </ListPage>
  );
}
