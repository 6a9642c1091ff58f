import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { Notice, PageHeader } from "~/components/shell";
import { formatDateTime } from "~/domain/shared/format";
import { requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { readForm } from "~/lib/forms.server";
import { titled } from "~/lib/meta";
import {
  emailPreference,
  INBOX_PAGE_SIZE,
  listNotifications,
  mailEnabled,
  markAllRead,
  setEmailPreference,
} from "~/lib/notifications.server";
import { pageParam } from "~/lib/params";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Thông báo");

/** Everyone signed in has their own list; nobody sees another's (every query names the owner). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const page = pageParam(new URL(request.url));
  const [list, email] = await Promise.all([
    listNotifications(db, actor.userId, page),
    emailPreference(db, actor.userId),
  ]);
  return { ...list, page, pageSize: INBOX_PAGE_SIZE, email, address: actor.email, mail: mailEnabled() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "read-all") {
    await markAllRead(db, actor.userId);
    return redirect("/notifications?done=read");
  }
  if (intent === "email-on" || intent === "email-off") {
    await setEmailPreference(db, actor.userId, intent === "email-on");
    return redirect(`/notifications?done=${intent}`);
  }
  return new Response("Yêu cầu không hợp lệ.", { status: 400 });
}

const DONE: Record<string, string> = {
  read: "Đã đánh dấu tất cả là đã đọc.",
  "email-on": "Đã bật nhận e-mail nhắc việc.",
  "email-off": "Đã tắt nhận e-mail. Thông báo vẫn hiện trong ứng dụng.",
};

export default function Notifications() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const unread = d.items.some((n) => !n.read_at);
  return (
    <>
      <PageHeader
        title="Thông báo"
        subtitle="Báo cáo được nộp, trả lại, duyệt, mở lại; hạn nộp sắp đến; đơn vị được mời tham gia hoạt động. Bấm vào một thông báo để mở trang của nó."
        actions={
          unread ? (
            <Form method="post">
              <button type="submit" name="intent" value="read-all" className="button button--ghost" disabled={busy}>
                Đánh dấu tất cả đã đọc
              </button>
            </Form>
          ) : null
        }
      />
      <Notice when={DONE[params.get("done") ?? ""]}>{DONE[params.get("done") ?? ""]}</Notice>
      {d.items.length ? (
        <ul className="inbox">
          {d.items.map((n) => (
            <li key={n.id} className={n.read_at ? "inbox__item" : "inbox__item inbox__item--unread"}>
              <Link to={`/notifications/${n.id}`}>
                {n.read_at ? null : <span className="visually-hidden">Chưa đọc: </span>}
                {n.title}
              </Link>
              {n.body ? <p className="inbox__body">{n.body}</p> : null}
              <small className="muted">{formatDateTime(n.created_at)}</small>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Chưa có thông báo nào.</p>
      )}
      <Pager page={d.page} pageSize={d.pageSize} total={d.total} />
      <section className="card section-gap" aria-labelledby="email-heading">
        <h2 id="email-heading">Nhận qua e-mail</h2>
        <p>
          {d.email
            ? `Nhắc hạn nộp báo cáo và tin về báo cáo được gửi cả tới ${d.address}.`
            : `Đã tắt: ${d.address} không nhận e-mail; thông báo chỉ hiện trong ứng dụng.`}
          {d.mail ? null : " (Máy chủ hiện chưa được cấu hình gửi e-mail.)"}
        </p>
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value={d.email ? "email-off" : "email-on"}
            className="button button--ghost"
            disabled={busy}
          >
            {d.email ? "Tắt nhận e-mail" : "Bật nhận e-mail"}
          </button>
        </Form>
      </section>
    </>
  );
}
