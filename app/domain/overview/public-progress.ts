/**
 * The commune's progress against the plan's targets, for everyone (clauses I and III.1.1: "lan tỏa rộng rãi kết
 * quả"): the same figures as /indicators for the whole commune, computed by the same engine, with nothing that
 * names a person or a school and nothing a school keeps to itself (no notes, no records, no per-school rows).
 * The page /public/progress, its embeddable twin and its RSS feed read this one function.
 */
import { Feed } from "feed";
import type { DB } from "../../../db/connection";
import { computeIndicators, type IndicatorFigure, type UnitsMemo } from "../indicators/engine";
import type { IndicatorStatus } from "../indicators/status";
import { formatFigure } from "../shared/figures";
import type { Period } from "../shared/periods";
import { cleanText } from "../shared/text";
import { trends } from "./dashboard";

/** What the public sees of one figure: value against target, never the notes or records behind it. */
export type PublicFigure = Pick<
  IndicatorFigure,
  | "code"
  | "name"
  | "planRef"
  | "group"
  | "unit"
  | "direction"
  | "value"
  | "numerator"
  | "denominator"
  | "target"
  | "status"
  | "statusLabel"
>;

export interface PublicProgress {
  commune: { id: number; name: string };
  period: { key: string; label: string };
  figures: PublicFigure[];
  counts: Record<IndicatorStatus, number>;
  trends: Awaited<ReturnType<typeof trends>>;
  computedAt: string;
}

function publicFigure(f: IndicatorFigure): PublicFigure {
  return {
    code: f.code,
    name: f.name,
    planRef: f.planRef,
    group: f.group,
    unit: f.unit,
    direction: f.direction,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    target: f.target,
    status: f.status,
    statusLabel: f.statusLabel,
  };
}

export async function publicProgress(
  db: DB,
  commune: { id: number; name: string },
  period: Period,
  now?: Date,
): Promise<PublicProgress> {
  const memo: UnitsMemo = new Map();
  const scope = { kind: "commune", communeId: commune.id } as const;
  const figures = (await computeIndicators(db, scope, period, now, memo)).map(publicFigure);
  const counts: Record<IndicatorStatus, number> = { met: 0, behind: 0, no_data: 0, no_target: 0 };
  for (const f of figures) counts[f.status]++;
  return {
    commune,
    period: { key: period.key, label: period.label },
    figures,
    counts,
    trends: await trends(db, scope, now, memo),
    computedAt: (now ?? new Date()).toISOString(),
  };
}

/** A figure against its target in words, as the page and the feed both say it. */
export function figureSentence(f: PublicFigure): string {
  const value = f.value === null ? "chưa có số liệu" : formatFigure(f.value, f.unit);
  const target =
    f.target === null
      ? f.direction === "rising"
        ? "tăng hằng năm"
        : "không đặt chỉ tiêu"
      : f.direction === "rising"
        ? `năm trước ${formatFigure(f.target, f.unit)}`
        : `chỉ tiêu ${formatFigure(f.target, f.unit)}`;
  return `${value} (${target}) – ${f.statusLabel}`;
}

/**
 * RSS of the progress: one item per figure whose id carries its value, so a reader shows a figure again when it
 * changes (an unchanged figure keeps its id and is not repeated).
 */
export function publicProgressFeed(p: PublicProgress, base: string): string {
  const page = `${base}/public/progress?commune=${p.commune.id}&period=${p.period.key}`;
  // Names come from records users typed; cleaned again so a record from before stays valid XML.
  const commune = cleanText(p.commune.name);
  const feed = new Feed({
    title: `Tiến độ Kế hoạch NQ57 – ${commune} – ${p.period.label}`,
    description: `Kết quả thực hiện các chỉ tiêu của Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW, ${p.period.label.toLowerCase()}, so với chỉ tiêu.`,
    id: page,
    link: page,
    language: "vi",
    copyright: commune,
    updated: new Date(p.computedAt),
  });
  for (const f of p.figures) {
    feed.addItem({
      title: `${f.name}: ${figureSentence(f)}`,
      id: `${page}#${encodeURIComponent(f.code)}=${f.value ?? "-"}/${f.target ?? "-"}`,
      link: `${page}#${encodeURIComponent(f.code)}`,
      description: `${f.code} · Mục ${f.planRef} · ${figureSentence(f)}`,
      date: new Date(p.computedAt),
    });
  }
  return feed.rss2();
}
