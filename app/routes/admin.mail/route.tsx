import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { PageHeader } from "~/components/shell";
import { mayWatchMail } from "~/domain/auth/policies";
import { formatDateTime, formatNumber } from "~/domain/shared/format";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { titled } from "~/lib/meta";
import { mailCounts, mailEnabled, undeliveredMail } from "~/lib/notifications.server";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Thư điện tử · Quản trị");

/** The system administrator's view of the e-mail ledger (issue 19): what went out, what waits, what failed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  if (!mayWatchMail(actor)) forbidden("Chỉ quản trị hệ thống xem được nhật ký thư điện tử.");
  const [counts, undelivered] = await Promise.all([mailCounts(db), undeliveredMail(db)]);
  return { counts, undelivered, enabled: mailEnabled() };
}

const STATUS: Record<string, string> = {
  pending: "Chờ gửi lại",
  sending: "Đang gửi",
  sent: "Đã gửi",
  failed: "Không gửi được",
  expired: "Quá hạn, bỏ qua",
};

export default function MailLog() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Thư điện tử"
        subtitle="Nhắc hạn nộp báo cáo và tin về báo cáo gửi qua e-mail. Mỗi thư chỉ gửi một lần; thư gửi lỗi được thử lại sau 1, 5, 30, 120 và 360 phút, rồi dừng."
      />
      {d.enabled ? null : (
        <div className="alert alert--warning" role="status">
          Máy chủ chưa cấu hình gửi e-mail (SMTP_URL, MAIL_FROM, PUBLIC_URL: xem README). Mọi người vẫn nhận thông báo
          trong ứng dụng; thư chờ quá 3 ngày được bỏ qua.
        </div>
      )}
      <p>
        {Object.keys(STATUS)
          .map((s) => `${STATUS[s]}: ${formatNumber(d.counts[s] ?? 0)}`)
          .join(" · ")}
      </p>
      <h2>Thư chưa gửi được</h2>
      <DataTable
        label="Thư chưa gửi được, có thể cuộn ngang"
        rows={d.undelivered}
        columns={[
          { header: "Người nhận", cell: (m) => m.to_address },
          { header: "Tiêu đề", cell: (m) => m.subject },
          {
            header: "Trạng thái",
            lead: true,
            cell: (m) => (
              <span className={`badge ${m.status === "pending" ? "badge--amber" : "badge--red"}`}>
                {STATUS[m.status]}
              </span>
            ),
          },
          { header: "Số lần thử", cell: (m) => m.attempts },
          {
            header: "Lần thử tới",
            cell: (m) => (m.status === "pending" ? formatDateTime(m.next_attempt_at) : "—"),
          },
          { header: "Lỗi gần nhất", cell: (m) => m.last_error ?? "" },
        ]}
        empty="Không có thư nào gửi lỗi."
      />
    </>
  );
}
