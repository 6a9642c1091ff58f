import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import QRCode from "qrcode";
import { useEffect } from "react";
import { PageHeader } from "~/components/shell";
import { forbidden } from "~/lib/auth.server";
import {
  checkinState,
  closeCheckin,
  currentCode,
  openCheckin,
  requireAttendanceActivity,
  writeAudit,
} from "~/lib/attendance.server";
import { db } from "~/lib/db.server";
import { formatDateTimeRange, formatNumber } from "~/domain/shared/format";
import { readForm } from "~/lib/forms.server";
import { publicOrigin } from "~/lib/links.server";
import { canRunCheckin } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Điểm danh bằng mã QR");

/** The QR screen belongs to the organizer: the code is never shown to other units. */
async function requireOrganizer(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const { actor, activity } = await requireAttendanceActivity(request, context, id);
  if (!canRunCheckin(actor, activity.organizer)) forbidden("Chỉ đơn vị tổ chức mới mở được điểm danh bằng mã QR.");
  return { actor, activity };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { activity } = await requireOrganizer(request, context, params.activityId);
  const { session, present } = await checkinState(db, activity.id);
  const base = {
    activity: {
      id: activity.id,
      title: activity.title,
      when: formatDateTimeRange(activity.starts_at, activity.ends_at),
    },
    present,
  };
  if (!session || session.closed_at) return { ...base, open: false as const, secondsLeft: 0 };
  const { code, secondsLeft } = currentCode(session.secret, activity.id);
  const origin = publicOrigin(request);
  const url = `${origin}/checkin/${activity.id}?c=${code}`;
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return {
    ...base,
    open: true as const,
    secondsLeft,
    url,
    qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, activity } = await requireOrganizer(request, context, params.activityId);
  const intent = (await readForm(request)).get("intent");
  if (intent === "open") await openCheckin(db, actor, activity);
  if (intent === "close") await closeCheckin(db, activity);
  if (intent === "open" || intent === "close") {
    await writeAudit(db, {
      actorUserId: actor.userId,
      unitId: activity.organizer_unit_id,
      action: "update",
      entity: "qr_checkin",
      entityId: activity.id,
      after: { open: intent === "open" },
      ip: context.clientIp,
    });
  }
  return redirect(`/attendance/${activity.id}/checkin`);
}

export default function CheckinScreen() {
  const d = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!d.open) return;
    const t = setTimeout(() => revalidator.revalidate(), d.secondsLeft * 1000 + 200);
    return () => clearTimeout(t);
  }, [d, revalidator]);
  return (
    <>
      <PageHeader
        title="Điểm danh bằng mã QR"
        subtitle={`${d.activity.title} · ${d.activity.when}`}
        actions={<Link to={`/attendance/${d.activity.id}`}>‹ Về trang điểm danh</Link>}
      />
      {d.open ? (
        <div className="checkin">
          <img
            src={d.qr}
            alt="Mã QR điểm danh (đổi sau mỗi 30 giây)"
            className="checkin__qr"
            width={360}
            height={360}
            data-testid="checkin-qr"
          />
          <div className="checkin__info">
            <p>
              Người tham dự quét mã bằng điện thoại rồi <strong>đăng nhập bằng tài khoản của mình</strong> để điểm danh.
              Người không có tài khoản hoặc điện thoại: điểm danh cho họ trong danh sách điểm danh.
            </p>
            <p className="muted">
              Mã đổi sau {d.secondsLeft} giây; màn hình tự cập nhật. <Link to=".">Lấy mã mới</Link>
            </p>
            <p>
              Đã tự điểm danh: <strong>{formatNumber(d.present)}</strong> người
            </p>
            <p className="muted" style={{ wordBreak: "break-all" }}>
              <a href={d.url} data-testid="checkin-url">
                {d.url}
              </a>
            </p>
            <Form method="post">
              <button type="submit" name="intent" value="close" className="button button--ghost">
                Đóng điểm danh QR
              </button>
            </Form>
          </div>
        </div>
      ) : (
        <Form method="post" className="card">
          <p>
            Mở mã QR để cán bộ, giáo viên tự điểm danh bằng điện thoại. Mã thay đổi sau mỗi 30 giây nên không thể gửi
            cho người vắng mặt.
          </p>
          <button type="submit" name="intent" value="open" className="button">
            Mở điểm danh bằng mã QR
          </button>
        </Form>
      )}
    </>
  );
}
