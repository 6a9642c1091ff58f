/**
 * iCalendar feeds a phone calendar can subscribe to: one per school, one per office and one for the commune.
 * A phone cannot log in, so each feed has a secret address (a random token per unit); it lists
 * activity titles, times and places only — never people. Those who report (a school, an office) or approve (the
 * commune) also find there the half-year reports' deadlines and the commune's cut-offs, as all-day events.
 */
import ical, { ICalEventStatus, ICalEventTransparency, type ICalCalendar } from "ical-generator";
import type { DB } from "../../../db/connection";
import type { Unit } from "../../../db/schema";
import { randomToken } from "../auth/tokens";
import { addMs, DAY_MS, nowIso, vietnamToday } from "../shared/time";
import { cleanText } from "../shared/text";
import { periodInSentence } from "../shared/periods";
import { formatDate } from "../shared/format";
import { reportDates } from "../calendar/report-dates";

export async function feedToken(db: DB, unitId: number): Promise<string> {
  const existing = await db
    .selectFrom("calendar_feeds")
    .select("token")
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  if (existing) return existing.token;
  const token = randomToken(20);
  await db
    .insertInto("calendar_feeds")
    .values({ unit_id: unitId, token, created_at: nowIso() })
    .onConflict((oc) => oc.column("unit_id").doNothing())
    .execute();
  return (await db.selectFrom("calendar_feeds").select("token").where("unit_id", "=", unitId).executeTakeFirstOrThrow())
    .token;
}

export async function unitForFeed(db: DB, token: string): Promise<Unit | undefined> {
  if (!/^[a-z2-9]{20,64}$/.test(token)) return undefined;
  return db
    .selectFrom("calendar_feeds")
    .innerJoin("units", "units.id", "calendar_feeds.unit_id")
    .selectAll("units")
    .where("calendar_feeds.token", "=", token)
    .executeTakeFirst();
}

/**
 * The feed's text. Times are written in UTC ("…Z"), which every calendar converts to the phone's zone;
 * giving the library a time zone name without a zone database would write 07:30 Vietnam time as 00:30.
 */
/**
 * The feed's text: a school's own, co-organized and invited activities; an office's own; for the commune, every
 * activity of its units. Then the report deadlines and cut-offs (reportDateEvents).
 */
export async function feedIcs(db: DB, unit: Unit, publicUrl: string): Promise<string> {
  let q = db
    .selectFrom("activities")
    .innerJoin("units", "units.id", "activities.organizer_unit_id")
    .select([
      "activities.id",
      "activities.title",
      "activities.starts_at",
      "activities.ends_at",
      "activities.place",
      "activities.link",
      "activities.status",
      "activities.updated_at",
      "units.name as organizer",
    ])
    .where("activities.starts_at", ">=", addMs(nowIso(), -180 * DAY_MS));
  if (unit.kind === "school") {
    q = q.where((eb) =>
      eb.or([
        eb("activities.organizer_unit_id", "=", unit.id),
        eb("activities.id", "in", eb.selectFrom("activity_units").select("activity_id").where("unit_id", "=", unit.id)),
      ]),
    );
  } else {
    // A commune's feed: its own units' activities (not other communes' of the same deployment).
    q = q.where("activities.organizer_unit_id", "in", (eb) =>
      eb
        .selectFrom("units")
        .select("id")
        .where((w) => w.or([w("id", "=", unit.id), w("parent_id", "=", unit.id)])),
    );
  }
  const rows = await q.orderBy("activities.starts_at").limit(2000).execute();
  const cal = ical({
    // The unit's name as stored, cleaned like every other text and on one line (the library writes the
    // calendar's name unescaped): a name from before stays a valid feed.
    name: cleanText(`Tân An STEM – ${unit.name}`).replace(/\s+/g, " "),
    prodId: { company: "UBND xa Tan An", product: "Tan An STEM", language: "VI" },
  });
  for (const r of rows) {
    cal.createEvent({
      id: `activity-${r.id}@tan-an-stem`,
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
      // Stored text is cleaned where it comes in; cleaned again here so a record from before stays a valid feed.
      summary: cleanText(r.title),
      location: r.place || r.link ? cleanText(r.place ?? r.link ?? "") : undefined,
      description: cleanText(`Đơn vị tổ chức: ${r.organizer}`),
      url: `${publicUrl}/activities/${r.id}`,
      status:
        r.status === "cancelled"
          ? ICalEventStatus.CANCELLED
          : r.status === "planned"
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      lastModified: new Date(r.updated_at),
    });
  }
  await reportDateEvents(db, cal, unit, publicUrl);
  return cal.toString();
}

/** A calendar day ("YYYY-MM-DD") as the instant an all-day event is written from (the library reads it in UTC). */
const day = (date: string, plus = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + plus * DAY_MS);

/**
 * The half-year reports' deadlines and the commune's cut-offs from 180 days ago on (as the activities), as all-day
 * events (DTSTART;VALUE=DATE) that block no time. Their UIDs name the half-year and the unit, not the date, so a
 * cut-off moved by commune staff moves the event already in a phone's calendar instead of adding another.
 * A school (read by its teachers too) and an office file the report; the commune's feed is its staff's, who approve.
 */
async function reportDateEvents(db: DB, cal: ICalCalendar, unit: Unit, publicUrl: string): Promise<void> {
  if (unit.kind !== "school" && unit.kind !== "office" && unit.kind !== "commune") return;
  const communeId = unit.kind === "commune" ? unit.id : unit.parent_id;
  const from = vietnamToday(new Date(Date.now() - 180 * DAY_MS));
  const files = unit.kind !== "commune";
  for (const d of await reportDates(db, communeId, from)) {
    const label = periodInSentence(d.half);
    const url = files ? `${publicUrl}/reports/${d.half}/${unit.id}` : `${publicUrl}/reports?period=${d.half}`;
    const counts = `Số liệu tính đến hết ngày ${formatDate(d.cutoff?.date ?? d.deadline)}.`;
    cal.createEvent({
      id: `report-deadline-${d.half}-unit-${unit.id}@tan-an-stem`,
      allDay: true,
      start: day(d.deadline),
      end: day(d.deadline, 1),
      summary: files ? `Hạn nộp báo cáo ${label}` : `Hạn các đơn vị nộp báo cáo ${label}`,
      description: `Báo cáo 6 tháng thực hiện Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW (mục V.2), hạn ${formatDate(d.deadline)}. ${counts}`,
      url,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
    if (d.cutoff)
      cal.createEvent({
        id: `report-cutoff-${d.half}-unit-${unit.id}@tan-an-stem`,
        allDay: true,
        start: day(d.cutoff.date),
        end: day(d.cutoff.date, 1),
        summary: `Chốt số liệu báo cáo ${label}`,
        description: `Báo cáo ${label} tính số liệu đến hết ngày này (ngày chốt số liệu do xã đặt; hạn nộp ${formatDate(d.deadline)}).`,
        url,
        transparency: ICalEventTransparency.TRANSPARENT,
        lastModified: new Date(d.cutoff.setAt),
      });
  }
}
