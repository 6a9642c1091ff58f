/**
 * iCalendar feeds a phone calendar can subscribe to: one per school and one for the commune.
 * A phone cannot log in, so each feed has a secret address (a random token per unit); it lists
 * activity titles, times and places only — never people.
 */
import ical, { ICalEventStatus } from "ical-generator";
import type { DB } from "../../../db/connection";
import type { Unit } from "../../../db/schema";
import { randomToken } from "../auth/tokens";
import { addMs, DAY_MS, nowIso } from "../shared/time";
import { cleanText } from "../shared/text";

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
/** The feed's text: a school's own, co-organized and invited activities; for the commune, every activity. */
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
    name: `Tân An STEM – ${unit.name}`,
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
  return cal.toString();
}
