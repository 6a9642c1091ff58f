import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { PageHeader } from "~/components/shell";
import { EmptyRow, TableWrap } from "~/components/table";
import { attendanceActivities } from "~/domain/attendance/attendance";
import { ACTIVITY_STATUS_LABELS } from "~/domain/activities/vocabulary";

import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime, formatNumber } from "~/domain/shared/format";
import { pageParam } from "~/lib/params";
import { canTakeAttendance, mayOpenAttendance } from "~/domain/auth/policies";

export const meta: MetaFunction = () => [{ title: "Điểm danh · Tân An STEM" }];

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
    <>
      <PageHeader
        title="Điểm danh"
        subtitle="Chọn hoạt động để điểm danh trên điện thoại, nhập từ tệp hoặc mở mã QR cho người tham dự tự điểm danh. Số người được tuyên truyền (chỉ tiêu II.1.a) tính từ đây."
      />
      {!d.marks ? (
        <p className="alert alert--info">
          Điểm danh do cán bộ, giáo viên của từng đơn vị thực hiện. Số người tham dự theo đơn vị xem ở trang của từng{" "}
          <Link to="/activities">hoạt động</Link>.
        </p>
      ) : (
        <>
          <TableWrap label="Hoạt động cần điểm danh">
            <table>
              <thead>
                <tr>
                  <th scope="col">Thời gian</th>
                  <th scope="col">Hoạt động</th>
                  <th scope="col" className="num">
                    Đã có mặt
                  </th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((a) => (
                  <tr key={a.id}>
                    <td style={{ whiteSpace: "nowrap" }}>{formatDateTime(a.starts_at)}</td>
                    <td>
                      <Link to={`/attendance/${a.id}`}>{a.title}</Link>
                      <div className="muted">{a.organizer_name}</div>
                    </td>
                    <td className="num">{formatNumber(a.attended)}</td>
                    <td>{ACTIVITY_STATUS_LABELS[a.status]}</td>
                  </tr>
                ))}
                <EmptyRow show={d.rows.length === 0} colSpan={4}>
                  Chưa có hoạt động nào.
                </EmptyRow>
              </tbody>
            </table>
          </TableWrap>
          <Pager page={d.page} pageSize={PAGE_SIZE} total={d.total} />
        </>
      )}
    </>
  );
}
