/**
 * The public progress page and feed (no login): which commune and period are asked for, and a cache so a link
 * shared on the commune's social pages does not recompute every figure for every visitor. The cache is keyed by
 * the newest audit row, so any recorded change is shown at once; a change that writes no audit row (none is
 * expected) shows within 5 minutes.
 */
import { publicProgress, type PublicProgress } from "~/domain/overview/public-progress";
import { listUnits } from "~/domain/units/units";
import { latestChangeId } from "~/domain/audit/audit";
import { notFound } from "./auth.server";
import { db } from "./db.server";
import { periodParam } from "./indicators.server";
import { idParam } from "./params";
import type { Period } from "~/domain/shared/periods";

/** How long a computed page is reused: figures on the public page may be this much behind a change that wrote no audit row. */
export const PUBLIC_PROGRESS_MAX_AGE_SECONDS = 300;

const cache = new Map<string, { until: number; value: Promise<PublicProgress> }>();

export interface PublicProgressView {
  progress: PublicProgress;
  communes: { id: number; name: string }[];
}

/** `?commune=` among the communes in service (404 for another), else the first; `?period=` as on /indicators. */
export async function publicProgressView(request: Request, now = Date.now()): Promise<PublicProgressView> {
  const url = new URL(request.url);
  const communes = (await listUnits(db, { kinds: ["commune"] })).map((c) => ({ id: c.id, name: c.name }));
  const asked = idParam(url.searchParams.get("commune") ?? undefined);
  if (asked && !communes.some((c) => c.id === asked)) notFound();
  const commune = communes.find((c) => c.id === asked) ?? communes[0];
  if (!commune) notFound();
  const progress = await communeProgress(commune, periodParam(url), now);
  return { progress, communes };
}

/**
 * A commune's progress for a period, computed once per recorded change and shared: the public page, its feed and
 * the home page of the commune's leader and of a province reader (issue 19) read the same copy.
 */
export async function communeProgress(
  commune: { id: number; name: string },
  period: Period,
  now = Date.now(),
): Promise<PublicProgress> {
  const prefix = `${commune.id}:${period.key}:`;
  const key = `${prefix}${await latestChangeId(db)}`;
  let hit = cache.get(key);
  if (!hit || hit.until <= now) {
    const value = publicProgress(db, commune, period);
    hit = { until: now + PUBLIC_PROGRESS_MAX_AGE_SECONDS * 1000, value };
    // Older versions of the same page are dropped: the map holds one entry per commune and period.
    for (const k of cache.keys()) if (k.startsWith(prefix)) cache.delete(k);
    cache.set(key, hit);
    value.catch(() => cache.delete(key));
  }
  return hit.value;
}

export { publicProgressFeed } from "~/domain/overview/public-progress";
