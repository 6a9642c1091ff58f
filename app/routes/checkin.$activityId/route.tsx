import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { DomainError } from "~/domain/shared/errors";
import { getActor, notFound } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTimeRange } from "~/domain/shared/format";
import { idParam } from "~/lib/params";
import { readForm } from "~/lib/forms.server";
import { checkIn, CheckinError, getActivity, isCheckinOpen, ticketForScan } from "~/lib/attendance.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Điểm danh");

/** Only an activity whose QR check-in is open answers; anything else is 404 (titles are not public). */
async function load(params: LoaderFunctionArgs["params"]) {
  const id = idParam(params.activityId);
  const activity = id ? await getActivity(db, id) : undefined;
  if (!activity || !(await isCheckinOpen(db, activity.id))) notFound();
  return activity;
}

/** The page a participant's phone opens from the QR code: a fresh code becomes a five-minute ticket. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const activity = await load(params);
  const actor = await getActor(request, context);
  const url = new URL(request.url);
  let ticket = url.searchParams.get("t") ?? "";
  let problem: string | null = null;
  if (!ticket) {
    try {
      ticket = await ticketForScan(db, activity, url.searchParams.get("c") ?? "");
    } catch (e) {
      if (!(e instanceof CheckinError)) throw e;
      problem = e.message;
    }
  }
  return {
    title: activity.title,
    when: formatDateTimeRange(activity.starts_at, activity.ends_at),
    signedIn: actor?.fullName ?? null,
    ticket,
    problem,
  };
}

/** Checks the signed-in participant in with the ticket of their scan (decision 009): nothing to guess, no name but one's own. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const activity = await load(params);
  const actor = await getActor(request, context);
  const form = await readForm(request);
  try {
    const { personName } = await checkIn(db, activity, { ticket: String(form.get("ticket") ?? ""), actor });
    return { ok: true as const, message: `Đã điểm danh: ${personName}. Cảm ơn bạn!` };
  } catch (e) {
    if (e instanceof DomainError)
      return data(
        { ok: false as const, message: e.message },
        {
          status:
            e instanceof CheckinError && e.reason === "sign_in"
              ? 401
              : e instanceof CheckinError && e.reason === "already"
                ? 409
                : 400,
        },
      );
    throw e;
  }
}

export default function ParticipantCheckin() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const back = `${location.pathname}?t=${encodeURIComponent(d.ticket)}`;
  return (
    <div className="login card">
      <h1>Điểm danh</h1>
      <p>
        <strong>{d.title}</strong>
        <br />
        {d.when}
      </p>
      {result?.ok ? (
        <div className="alert alert--success" role="status" data-testid="checkin-result">
          {result.message}
        </div>
      ) : d.problem ? (
        <FormError message={d.problem} />
      ) : (
        <>
          <FormError message={result && !result.ok ? result.message : undefined} />
          <Form method="post">
            <input type="hidden" name="ticket" value={d.ticket} />
            {d.signedIn ? (
              <>
                <p>Bạn đang đăng nhập: {d.signedIn}.</p>
                <button type="submit" className="button">
                  Điểm danh có mặt
                </button>
              </>
            ) : (
              <>
                <p>Đăng nhập bằng tài khoản của bạn để điểm danh (trong vòng 5 phút sau khi quét mã).</p>
                <Link className="button" to={`/login?redirectTo=${encodeURIComponent(back)}`}>
                  Đăng nhập để điểm danh
                </Link>
                <p className="muted small">
                  Không có tài khoản hoặc điện thoại? Báo người tổ chức để được điểm danh theo danh sách.
                </p>
              </>
            )}
          </Form>
        </>
      )}
    </div>
  );
}
