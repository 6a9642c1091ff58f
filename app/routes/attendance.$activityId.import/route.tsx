import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/shell";
import { StagedImport } from "~/components/staged-import";
import { checkAttendanceFile, commitAttendanceFile, requireAttendanceActivity } from "~/lib/attendance.server";
import { db } from "~/lib/db.server";
import { handleStagedImport } from "~/lib/staged-import.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Nhập điểm danh từ tệp");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { activity } = await requireAttendanceActivity(request, context, params.activityId);
  return { activity: { id: activity.id, title: activity.title } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, activity } = await requireAttendanceActivity(request, context, params.activityId);
  return handleStagedImport(
    request,
    // Staged per activity: the id stands in the "unit" slot of the owner check.
    { userId: actor.userId, unitId: activity.id, purpose: "attendance-import" },
    {
      preview: async (data) => (await checkAttendanceFile(db, actor, activity, data)).preview,
      commit: (data) => commitAttendanceFile(db, actor, activity, data, context.clientIp),
      done: (r) =>
        `/attendance/${activity.id}?imported=${encodeURIComponent(`${r.counts.new} mới, ${r.counts.update} cập nhật, ${r.counts.unchanged} không đổi.`)}`,
      restart: `/attendance/${activity.id}/import`,
    },
  );
}

export default function ImportAttendance() {
  const { activity } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Nhập điểm danh từ tệp"
        subtitle={activity.title}
        actions={<Link to={`/attendance/${activity.id}`}>‹ Về trang điểm danh</Link>}
      />
      <StagedImport
        result={useActionData<typeof action>()}
        commitLabel="Ghi điểm danh"
        okText="Tệp hợp lệ. Bấm “Ghi điểm danh” để ghi tất cả các dòng."
        help={
          <p>
            Tệp CSV (UTF-8) hoặc Excel (.xlsx), tối đa 5 MB, với cột <strong>Mã</strong> (mã cán bộ hoặc mã học sinh) và
            các cột không bắt buộc <strong>Trạng thái</strong> (Có mặt, Đến muộn, Vắng có phép, Vắng không phép; để
            trống là Có mặt), <strong>Ghi chú</strong>. Có thể dùng tệp{" "}
            <a href={`/attendance/${activity.id}/export.xlsx`}>Excel điểm danh</a> của hoạt động làm mẫu.
          </p>
        }
      />
    </>
  );
}
