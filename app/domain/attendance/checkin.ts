/**
 * QR self check-in for trainings (decision 009): the organizer's screen shows a code that changes every 30
 * seconds (an HMAC of the activity and the time step under a per-activity secret). Scanning it proves presence
 * in the room for a few minutes (a ticket); signing in proves who one is — the account's password is the one
 * secret only that person holds (a staff code is printed on sign-in sheets, a PIN is on the screen for all). A
 * person without a phone or an account is marked by the organizer's roll call.
 */
import crypto from "node:crypto";
import type { DB } from "../../../db/connection";
import type { Activity } from "../../../db/schema";
import { type Actor } from "../auth/permissions";
import { randomToken, sameDigest } from "../auth/tokens";
import { DomainError } from "../shared/errors";
import { nowIso } from "../shared/time";
import { recordMarks } from "./attendance";

export const STEP_MS = 30_000;
/** Check-in opens this long before the start and closes this long after the end. */
export const WINDOW_MARGIN_MS = 30 * 60_000;

export function stepAt(now: number): number {
  return Math.floor(now / STEP_MS);
}

export function codeFor(secret: string, activityId: number, step: number): string {
  return crypto.createHmac("sha256", secret).update(`${activityId}:${step}`).digest("hex").slice(0, 16);
}

/** An activity's QR check-in as stored (its secret, who opened it, when it closed); undefined if never opened. */
function checkinSession(db: DB, activityId: number) {
  return db.selectFrom("activity_checkin").selectAll().where("activity_id", "=", activityId).executeTakeFirst();
}

export async function openCheckin(db: DB, actor: Actor, activity: Activity) {
  const existing = await checkinSession(db, activity.id);
  if (existing && !existing.closed_at) return existing;
  // (The `pin` column is no longer used: a PIN on the screen proved nothing about who typed it.)
  const values = { secret: randomToken(20), pin: "", opened_by: actor.userId, opened_at: nowIso(), closed_at: null };
  if (existing) await db.updateTable("activity_checkin").set(values).where("activity_id", "=", activity.id).execute();
  else
    await db
      .insertInto("activity_checkin")
      .values({ activity_id: activity.id, ...values })
      .execute();
  return (await checkinSession(db, activity.id))!;
}

/** An activity's QR check-in: its secret and whether it is open (undefined when never opened), and how many
 * people checked in by QR so far. */
export async function checkinState(db: DB, activityId: number) {
  const [session, present] = await Promise.all([
    checkinSession(db, activityId),
    db
      .selectFrom("attendance")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("activity_id", "=", activityId)
      .where("source", "=", "qr")
      .executeTakeFirstOrThrow(),
  ]);
  return { session, present: Number(present.n) };
}

/** Whether the activity's QR check-in is open now. */
export async function isCheckinOpen(db: DB, activityId: number): Promise<boolean> {
  const session = await checkinSession(db, activityId);
  return !!session && !session.closed_at;
}

export async function closeCheckin(db: DB, activity: Activity) {
  await db
    .updateTable("activity_checkin")
    .set({ closed_at: nowIso() })
    .where("activity_id", "=", activity.id)
    .execute();
}

/** What the organizer's screen shows now: the code (in the QR) and seconds until it changes. */
export function currentCode(secret: string, activityId: number, now = Date.now()) {
  const step = stepAt(now);
  return { code: codeFor(secret, activityId, step), secondsLeft: Math.ceil(((step + 1) * STEP_MS - now) / 1000) };
}

export type CheckinFailure = "expired" | "foreign" | "closed" | "outside_window" | "sign_in" | "not_found" | "already";

export const CHECKIN_MESSAGES: Record<CheckinFailure, string> = {
  expired: "Mã QR đã hết hạn (mã đổi sau mỗi 30 giây). Hãy quét lại mã đang hiển thị trên màn hình.",
  foreign: "Mã QR này không thuộc hoạt động này.",
  closed: "Điểm danh bằng mã QR cho hoạt động này chưa mở hoặc đã đóng.",
  outside_window:
    "Chỉ điểm danh được trong thời gian diễn ra hoạt động (từ 30 phút trước khi bắt đầu đến 30 phút sau khi kết thúc).",
  sign_in:
    "Hãy đăng nhập bằng tài khoản của bạn để điểm danh. Nếu không có tài khoản hoặc điện thoại, hãy báo người tổ chức để được điểm danh theo danh sách.",
  not_found:
    "Tài khoản của bạn chưa gắn với hồ sơ cán bộ, giáo viên của một đơn vị dự hoạt động này. Hãy báo người tổ chức để được điểm danh theo danh sách.",
  already: "Bạn đã điểm danh hoạt động này rồi.",
};

export class CheckinError extends DomainError {
  constructor(readonly reason: CheckinFailure) {
    super(CHECKIN_MESSAGES[reason]);
  }
}

/** Checks a scanned code: the current or the previous step (a little grace for slow phones), for this activity. */
export function verifyCode(
  secret: string,
  activityId: number,
  code: string,
  now = Date.now(),
): "ok" | "expired" | "foreign" {
  const step = stepAt(now);
  if (!/^[0-9a-f]{16}$/.test(code)) return "foreign";
  if (sameDigest(code, codeFor(secret, activityId, step)) || sameDigest(code, codeFor(secret, activityId, step - 1)))
    return "ok";
  for (let back = 2; back <= 240; back++)
    if (sameDigest(code, codeFor(secret, activityId, step - back))) return "expired";
  return "foreign";
}

/** The units whose people may check in: the organizer and the units invited or co-organizing. */
export async function checkinUnitIds(db: DB, activity: Activity): Promise<number[]> {
  const others = await db
    .selectFrom("activity_units")
    .select("unit_id")
    .where("activity_id", "=", activity.id)
    .execute();
  const ids = [activity.organizer_unit_id, ...others.map((o) => o.unit_id)];
  const organizer = await db
    .selectFrom("units")
    .select(["id", "kind", "parent_id"])
    .where("id", "=", activity.organizer_unit_id)
    .executeTakeFirst();
  // A commune-level activity gathers its commune's offices too (not other communes').
  if (organizer && organizer.kind !== "school") {
    const commune = organizer.kind === "commune" ? organizer.id : (organizer.parent_id ?? -1);
    const units = await db
      .selectFrom("units")
      .select("id")
      .where("kind", "in", ["commune", "office", "hamlet"])
      .where((eb) => eb.or([eb("id", "=", commune), eb("parent_id", "=", commune)]))
      .execute();
    ids.push(...units.map((u) => u.id));
  }
  return [...new Set(ids)];
}

export const TICKET_MS = 5 * 60_000;

/** A scanned fresh code buys a few minutes to type the staff code and PIN (or to sign in): a signed ticket. */
export function ticketFor(secret: string, activityId: number, now = Date.now()): string {
  const mac = crypto.createHmac("sha256", secret).update(`ticket:${activityId}:${now}`).digest("hex").slice(0, 24);
  return `${now}.${mac}`;
}

export function verifyTicket(secret: string, activityId: number, ticket: string, now = Date.now()): boolean {
  const [ts, mac] = ticket.split(".");
  const issued = Number(ts);
  if (!Number.isInteger(issued) || !mac || now - issued > TICKET_MS || issued - now > 60_000) return false;
  const expected = crypto
    .createHmac("sha256", secret)
    .update(`ticket:${activityId}:${issued}`)
    .digest("hex")
    .slice(0, 24);
  return mac.length === expected.length && crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected));
}

/** Turns a scanned code into a ticket, or says why it cannot be used. */
export async function ticketForScan(db: DB, activity: Activity, code: string, now = Date.now()): Promise<string> {
  const session = await checkinSession(db, activity.id);
  if (!session || session.closed_at) throw new CheckinError("closed");
  const verdict = verifyCode(session.secret, activity.id, code, now);
  if (verdict !== "ok") throw new CheckinError(verdict);
  return ticketFor(session.secret, activity.id, now);
}

/**
 * Checks the signed-in participant in, with the ticket a fresh scan gave (a bare code, or a ticket older than
 * five minutes, is refused). Refuses a closed check-in, a time outside the activity, someone not signed in, an
 * account not linked to a person of the units taking part, and a second check-in; otherwise marks present. Only
 * the participant's own name is ever answered.
 */
export async function checkIn(
  db: DB,
  activity: Activity,
  input: { ticket: string; actor: Actor | null },
  now = Date.now(),
): Promise<{ personName: string }> {
  const session = await checkinSession(db, activity.id);
  if (!session || session.closed_at) throw new CheckinError("closed");
  if (!verifyTicket(session.secret, activity.id, input.ticket, now)) throw new CheckinError("expired");
  if (now < Date.parse(activity.starts_at) - WINDOW_MARGIN_MS || now > Date.parse(activity.ends_at) + WINDOW_MARGIN_MS)
    throw new CheckinError("outside_window");
  if (!input.actor) throw new CheckinError("sign_in");
  // Only people of the units taking part: the organizer and those invited or co-organizing.
  const units = await checkinUnitIds(db, activity);
  const person = await db
    .selectFrom("people")
    .select(["id", "full_name"])
    .where("user_id", "=", input.actor.userId)
    .where("left_on", "is", null)
    .where("unit_id", "in", units)
    .executeTakeFirst();
  if (!person) throw new CheckinError("not_found");
  const existing = await db
    .selectFrom("attendance")
    .select("status")
    .where("activity_id", "=", activity.id)
    .where("person_id", "=", person.id)
    .executeTakeFirst();
  if (existing && (existing.status === "present" || existing.status === "late")) throw new CheckinError("already");
  await recordMarks(db, null, activity, [{ personId: person.id, status: "present" }], "qr", null, input.actor.userId);
  return { personName: person.full_name };
}
