import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/print-button";
import { requireAttendanceActivity, rosterFor, rosterSize } from "~/lib/attendance.server";
import { db } from "~/lib/db.server";
import { formatDateTimeRange } from "~/domain/shared/format";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Danh sách ký tên");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, activity } = await requireAttendanceActivity(request, context, params.activityId);
  const roster = await rosterFor(db, actor, activity);
  return {
    activity: {
      id: activity.id,
      title: activity.title,
      organizer: activity.organizer.name,
      when: formatDateTimeRange(activity.starts_at, activity.ends_at),
      place: activity.place,
    },
    roster,
    total: await rosterSize(db, actor, activity),
  };
}

/** The paper sign-in sheet (danh sách ký tên) for sessions held without phones. */
export default function SignInSheet() {
  const { activity, roster, total } = useLoaderData<typeof loader>();
  return (
    <div className="sheet">
      <p className="no-print form-actions">
        <PrintButton />
        <Link to={`/attendance/${activity.id}`}>‹ Về trang điểm danh</Link>
      </p>
      <header className="sheet__header">
        <p>
          <strong>{activity.organizer.toUpperCase()}</strong>
        </p>
        <h1>DANH SÁCH KÝ TÊN</h1>
        <p>
          <strong>{activity.title}</strong>
        </p>
        <p>
          Thời gian: {activity.when}
          {activity.place ? ` · Địa điểm: ${activity.place}` : ""}
        </p>
      </header>
      <table className="sheet__table">
        <thead>
          <tr>
            <th scope="col">STT</th>
            <th scope="col">Họ và tên</th>
            <th scope="col">Mã</th>
            <th scope="col">Lớp / chức vụ</th>
            <th scope="col">Ký tên</th>
          </tr>
        </thead>
        <tbody>
          {roster.map((p, i) => (
            <tr key={p.personId}>
              <td className="num">{i + 1}</td>
              <td>{p.fullName}</td>
              <td>{p.code}</td>
              <td>{p.className ?? ""}</td>
              <td className="sheet__sign" />
            </tr>
          ))}
          {Array.from({ length: 5 }, (_, i) => (
            <tr key={`blank-${i}`}>
              <td className="num">{roster.length + i + 1}</td>
              <td />
              <td />
              <td />
              <td className="sheet__sign" />
            </tr>
          ))}
        </tbody>
      </table>
      {total > roster.length ? (
        <p>
          … và {(total - roster.length).toLocaleString("vi-VN")} người nữa không có trong danh sách này (tối đa{" "}
          {roster.length.toLocaleString("vi-VN")} dòng).
        </p>
      ) : null}
      <p className="sheet__footer">Tổng số: {roster.length} người trong danh sách.</p>
    </div>
  );
}
