/** What the commune website links to: public materials, upcoming public commune activities, and a feed. */
import { Feed } from "feed";
import type { DB } from "../../../db/connection";
import { nowIso } from "../shared/time";
import { listMaterials } from "./materials";
import { MATERIAL_KIND_LABELS } from "./vocabulary";
import { cleanText } from "../shared/text";

/** The commune's (not the schools') activities still to come: those are public events. */
export async function upcomingCommuneActivities(db: DB, limit = 20) {
  return db
    .selectFrom("activities")
    .innerJoin("units", "units.id", "activities.organizer_unit_id")
    .select([
      "activities.id",
      "activities.title",
      "activities.starts_at",
      "activities.ends_at",
      "activities.place",
      "units.name as organizer",
    ])
    .where("units.kind", "!=", "school")
    .where("activities.status", "=", "planned")
    .where("activities.ends_at", ">=", nowIso())
    .orderBy("activities.starts_at")
    .limit(limit)
    .execute();
}

export async function publicFeed(db: DB, base: string): Promise<string> {
  const { rows } = await listMaterials(db, null, { publicOnly: true }, { page: 1, pageSize: 50 });
  const feed = new Feed({
    title: "Tân An STEM – Học liệu công khai",
    description: "Học liệu số công khai của các trường trên địa bàn xã Tân An",
    id: `${base}/public`,
    link: `${base}/public`,
    language: "vi",
    copyright: "UBND xã Tân An",
    updated: rows[0] ? new Date(rows[0].created_at) : new Date(),
  });
  for (const m of rows) {
    feed.addItem({
      // Stored text is cleaned where it comes in; cleaned again here so a record from before stays valid XML.
      title: cleanText(m.title),
      id: `${base}/public/materials/${m.id}`,
      link: `${base}/public/materials/${m.id}`,
      description: cleanText(`${MATERIAL_KIND_LABELS[m.kind]} · ${m.school_name}`),
      date: new Date(m.created_at),
    });
  }
  return feed.rss2();
}
