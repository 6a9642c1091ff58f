import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { getActivity } from "~/domain/activities/activities";
import { CheckinError, checkIn, ticketForScan } from "~/domain/attendance/checkin";
import { reserveAttempt } from "~/domain/auth/throttle";
import { DomainError } from "~/domain/shared/errors";
import { getActor, notFound } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTimeRange } from "~/lib/format";
import { idParam } from "~/lib/params";
import { readForm } from "~/lib/forms.server";

export const meta: MetaFunction = () => [{ title: "Điểm danh · Tân An STEM" }];

/** Only an activity whose QR check-in is open answers; anything else is 404 (titles are not public). */
async function load(params: LoaderFunctionArgs["params"]) {
  const id = idParam(params.activityId);
  const activity = id ? await getActivity(db, id) : undefined;
  const open = activity ? await db.selectFrom("activity_checkin").select("closed_at").where("activity_id", "=", activity.id).executeTakeFirst() : undefined;
  if (!activity || !open || open.closed_at) notFound();
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
  return { title: activity.title, when: formatDateTimeRange(activity.starts_at, activity.ends_at), signedIn: actor?.fullName ?? null, ticket, problem };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const activity = await load(params);
  const actor = await getActor(request, context);
  const form = await readForm(request);
  const staffCode = String(form.get("staffCode") ?? "").trim();
  // A wrong PIN is a guess: throttled per staff code and per address, on keys of its own (typos at a
  // training must not lock the school's network out of logging in).
  const reservation = await reserveAttempt(db, [
    { kind: "checkin", value: `${activity.id}:${staffCode || actor?.userId || "-"}` },
    { kind: "checkin_address", value: context.clientIp },
  ]);
  if (!reservation.allowed) return data({ ok: false as const, message: "Thử quá nhiều lần. Vui lòng chờ ít phút rồi thử lại." }, { status: 429 });
  try {
    const { personName } = await checkIn(db, activity, {
      ticket: String(form.get("ticket") ?? ""),
      code: String(form.get("code") ?? ""),
      actor,
      staffCode: staffCode || undefined,
      pin: String(form.get("pin") ?? ""),
    });
    await reservation.release();
    return { ok: true as const, message: `Đã điểm danh: ${personName}. Cảm ơn bạn!` };
  } catch (e) {
    if (e instanceof CheckinError && (e.reason === "bad_pin" || e.reason === "not_found")) {
      return data({ ok: false as const, message: e.message }, { status: 400 });
    }
    await reservation.release();
    if (e instanceof DomainError)
      return data({ ok: false as const, message: e.message }, { status: e instanceof CheckinError && e.reason === "already" ? 409 : 400 });
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
                <div className="field">
                  <label htmlFor="staffCode">Mã cán bộ, giáo viên</label>
                  <input id="staffCode" name="staffCode" autoComplete="off" autoCapitalize="characters" required />
                </div>
                <div className="field">
                  <label htmlFor="pin">Mã PIN (trên màn hình)</label>
                  <input id="pin" name="pin" inputMode="numeric" autoComplete="off" required />
                </div>
                <div className="form-actions">
                  <button type="submit" className="button">
                    Điểm danh có mặt
                  </button>
                  <Link to={`/login?redirectTo=${encodeURIComponent(back)}`}>Hoặc đăng nhập</Link>
                </div>
              </>
            )}
          </Form>
        </>
      )}
    </div>
  );
}
