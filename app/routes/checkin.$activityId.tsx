import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { getActivity } from "~/domain/activities/activities";
import { CheckinError, checkIn } from "~/domain/attendance/checkin";
import { reserveAttempt } from "~/domain/auth/throttle";
import { getActor, notFound } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTimeRange } from "~/lib/format";
import { idParam } from "~/lib/params";

export const meta: MetaFunction = () => [{ title: "Điểm danh · Tân An STEM" }];

async function load(params: LoaderFunctionArgs["params"]) {
  const id = idParam(params.activityId);
  const activity = id ? await getActivity(db, id) : undefined;
  if (!activity) notFound();
  return activity;
}

/** The page a participant's phone opens from the QR code. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const activity = await load(params);
  const actor = await getActor(request, context);
  return {
    title: activity.title,
    when: formatDateTimeRange(activity.starts_at, activity.ends_at),
    signedIn: actor?.fullName ?? null,
    code: new URL(request.url).searchParams.get("c") ?? "",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const activity = await load(params);
  const actor = await getActor(request, context);
  const form = await request.formData();
  const code = String(form.get("code") ?? "");
  const staffCode = String(form.get("staffCode") ?? "").trim();
  // A wrong PIN is a guess: throttled like a password, per staff code and per address.
  const reservation = await reserveAttempt(db, [
    { kind: "account", value: `checkin:${activity.id}:${staffCode || actor?.userId || "-"}` },
    { kind: "address", value: context.clientIp },
  ]);
  if (!reservation.allowed) return data({ ok: false as const, message: "Thử quá nhiều lần. Vui lòng chờ ít phút rồi thử lại." }, { status: 429 });
  try {
    const { personName } = await checkIn(db, activity, { code, actor, staffCode: staffCode || undefined, pin: String(form.get("pin") ?? "") });
    await reservation.release();
    return { ok: true as const, message: `Đã điểm danh: ${personName}. Cảm ơn bạn!` };
  } catch (e) {
    if (e instanceof CheckinError) {
      if (e.reason !== "bad_pin" && e.reason !== "not_found") await reservation.release();
      return data({ ok: false as const, message: e.message, reason: e.reason }, { status: e.reason === "already" ? 409 : 400 });
    }
    throw e;
  }
}

export default function ParticipantCheckin() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
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
      ) : (
        <>
          <FormError message={result && !result.ok ? result.message : undefined} />
          <Form method="post">
            <input type="hidden" name="code" value={d.code} />
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
                  <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>Hoặc đăng nhập</Link>
                </div>
              </>
            )}
          </Form>
        </>
      )}
    </div>
  );
}
