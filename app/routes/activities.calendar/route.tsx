import { actorCommuneId } from "~/lib/indicators.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { ActivityFilters } from "~/components/activity-filters";
import { CalendarFeedCard } from "~/components/calendar-feed-card";
import { PageHeader } from "~/components/shell";
import { COMMEMORATION_DATES, COMMEMORATION_LABELS, COMMEMORATIONS } from "~/domain/activities/vocabulary";
import { reachOf, can, ownSchoolIds } from "~/domain/auth/permissions";
import { adjacentMonths, monthGrid, parsePeriod } from "~/domain/shared/periods";
import { vietnamParts, vietnamToday } from "~/domain/shared/time";
import { calendarActivities, feedToken, listUnits, listVocabulary, parseActivityFilter } from "~/lib/activities.server";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { publicOrigin } from "~/lib/links.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Lịch hoạt động");

const WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const url = new URL(request.url);
  const today = vietnamToday();
  const monthKey = /^\d{4}-(0[1-9]|1[0-2])$/.test(url.searchParams.get("month") ?? "")
    ? url.searchParams.get("month")!
    : today.slice(0, 7);
  const period = parsePeriod(monthKey)!;
  const { filter } = parseActivityFilter(url);
  const [year, month] = monthKey.split("-").map(Number);
  const activities = await calendarActivities(db, actor, { ...filter, from: period.from, to: period.to });
  const commune = can(actor, "commune.read");
  const feedUnitId = commune ? await actorCommuneId(actor) : ownSchoolIds(actor)[0];
  const base = publicOrigin(request);
  const units = commune ? await listUnits(db, { kinds: ["commune", "office", "school"], within: reachOf(actor) }) : [];
  return {
    monthKey,
    label: period.label,
    today,
    weeks: monthGrid(year, month),
    nav: adjacentMonths(year, month),
    days: COMMEMORATIONS.filter((c) => COMMEMORATION_DATES[c].month === month).map((c) => ({
      date: `${monthKey}-${String(COMMEMORATION_DATES[c].day).padStart(2, "0")}`,
      label: COMMEMORATION_LABELS[c],
    })),
    activities: activities.map((a) => ({
      id: a.id,
      title: a.title,
      date: vietnamParts(a.starts_at).date,
      time: vietnamParts(a.starts_at).time,
      status: a.status,
      organizer: a.short_name ?? a.organizer_name,
    })),
    values: Object.fromEntries(url.searchParams),
    vocabulary: await listVocabulary(db),
    units: units.map((u) => ({ id: u.id, name: u.name })),
    feedUrl: feedUnitId ? `${base}/calendar/${await feedToken(db, feedUnitId)}.ics` : null,
  };
}

export default function ActivityCalendar() {
  const d = useLoaderData<typeof loader>();
  const location = useLocation();
  const withMonth = (m: string) => {
    const p = new URLSearchParams(location.search);
    p.set("month", m);
    return `?${p}`;
  };
  const byDate = new Map<string, typeof d.activities>();
  for (const a of d.activities) byDate.set(a.date, [...(byDate.get(a.date) ?? []), a]);
  const special = new Map(d.days.map((x) => [x.date, x.label]));
  const listHref = `/activities${location.search.replace(/([?&])month=[^&]*&?/, "$1").replace(/[?&]$/, "")}`;
  return (
    <>
      <PageHeader
        title={`Lịch hoạt động · ${d.label}`}
        subtitle="Các ngày 18/5, 01/10 và 10/10 được đánh dấu: mỗi đơn vị cần có hoạt động hưởng ứng."
        actions={
          <Link to={listHref} className="button button--ghost">
            Xem dạng danh sách
          </Link>
        }
      />
      <ActivityFilters values={d.values} units={d.units} vocabulary={d.vocabulary} hidden={{ month: d.monthKey }} />
      <nav className="pager" aria-label="Chuyển tháng">
        <Link to={withMonth(d.nav.prev)} className="button button--ghost button--small" rel="prev">
          ‹ Tháng trước
        </Link>
        <strong>{d.label}</strong>
        <Link to={withMonth(d.nav.next)} className="button button--ghost button--small" rel="next">
          Tháng sau ›
        </Link>
      </nav>
      <div className="calendar" role="table" aria-label={`Lịch ${d.label}`}>
        <div className="calendar__row calendar__head" role="row">
          {WEEKDAYS.map((w) => (
            <div key={w} role="columnheader" className="calendar__weekday">
              {w}
            </div>
          ))}
        </div>
        {d.weeks.map((week, i) => (
          <div className="calendar__row" role="row" key={i}>
            {week.map((date, j) => {
              const items = date ? (byDate.get(date) ?? []) : [];
              return (
                <div
                  key={j}
                  role="cell"
                  className={[
                    "calendar__day",
                    !date ? "calendar__day--out" : "",
                    date === d.today ? "calendar__day--today" : "",
                    date && special.has(date) ? "calendar__day--special" : "",
                    date && !items.length ? "calendar__day--empty" : "",
                  ].join(" ")}
                >
                  {date ? (
                    <>
                      <div className="calendar__date">
                        <span className="calendar__weekday-inline">{WEEKDAYS[j]}, </span>
                        {Number(date.slice(8))}/{Number(date.slice(5, 7))}
                      </div>
                      {special.has(date) ? <div className="calendar__special">{special.get(date)}</div> : null}
                      <ul>
                        {items.map((a) => (
                          <li key={a.id} className={a.status === "cancelled" ? "calendar__cancelled" : undefined}>
                            <Link to={`/activities/${a.id}`}>
                              {a.time} {a.title}
                            </Link>
                            <span className="muted"> · {a.organizer}</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {d.feedUrl ? (
        <CalendarFeedCard url={d.feedUrl} what="hoạt động mới; có cả hạn nộp báo cáo 6 tháng và ngày chốt số liệu" />
      ) : null}
    </>
  );
}
