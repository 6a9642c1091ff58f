import { TimelinessBadge } from "~/components/report-badges";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { ComparisonChart, ProgressBar, TrendChart } from "~/components/charts";
import { FilterBar, FilterSelect, UnitSelect } from "~/components/filters";
import { PrintButton } from "~/components/print-button";
import { PageHeader } from "~/components/shell";
import { TableWrap } from "~/components/table";
import { FigureNotes } from "~/components/figure-notes";
import { FigureCell, StatusCell, StatusSummary, TargetCell } from "~/components/figure-cells";
import { DataTable } from "~/components/data-table";
import { can } from "~/domain/auth/permissions";
import type { IndicatorFigure } from "~/domain/indicators/engine";
import { periodChoices } from "~/domain/shared/periods";
import { db } from "~/lib/db.server";
import { formatDate } from "~/domain/shared/format";
import { dashboard, figureView, periodRangeText, reportPeriod, reportPeriodOfUnit } from "~/lib/indicators.server";
import { canEditTargets } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
import { planningUnits } from "~/lib/budget.server";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Chỉ tiêu Kế hoạch");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const view = await figureView(request, context);
  const d = await dashboard(db, view.scope, view.period);
  const schoolName = view.schoolId
    ? (view.schools.find((s) => s.id === view.schoolId)?.name ??
      view.actor.memberships.find((m) => m.unitId === view.schoolId)?.unitName)
    : null;
  return {
    ...d,
    period: { key: view.period.key, label: view.period.label, range: periodRangeText(view.period) },
    // A half-year's report counts its own period (decision 012): say so beside the calendar figures.
    reportRange: /^\d{4}-H[12]$/.test(view.period.key)
      ? periodRangeText(
          view.communeId !== null
            ? await reportPeriod(db, view.communeId, view.period.key)
            : await reportPeriodOfUnit(db, view.schoolId!, view.period.key),
        )
      : null,
    periods: periodChoices(),
    communeReader: view.communeReader,
    schoolId: view.schoolId,
    schoolName: schoolName ?? null,
    schools: view.schools,
    communes: view.communes,
    communeId: view.communeId,
    canEnter: can(view.actor, "commune.manage") || view.actor.memberships.some((m) => m.role === "school_admin"),
    canEditTargets: await canEditTargets(db, view.actor),
    canPlanBudget: (await planningUnits(view.actor)).length > 0,
  };
}

export default function Indicators() {
  const d = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const query = search || `?period=${d.period.key}`;
  const groups = [...new Set(d.figures.map((f) => f.group))];
  const count = (s: IndicatorFigure["status"]) => d.figures.filter((f) => f.status === s).length;
  const openHalf = d.reports.find((r) => r.daysLeft >= 0 && r.daysLeft <= 45);
  return (
    <>
      <PageHeader
        title={d.schoolName ? `Chỉ tiêu Kế hoạch: ${d.schoolName}` : "Chỉ tiêu Kế hoạch: toàn xã"}
        subtitle={`Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW, ${d.period.label.toLowerCase()}, so với chỉ tiêu. Số liệu tính trực tiếp từ hồ sơ đã nhập.`}
        actions={
          <>
            {d.canEnter ? (
              <Link className="button button--ghost" to={`/indicators/entered?period=${d.period.key}`}>
                Nhập số liệu
              </Link>
            ) : null}
            {d.canPlanBudget ? (
              <Link className="button button--ghost" to={`/indicators/budget?year=${d.period.key.slice(0, 4)}`}>
                Dự toán năm
              </Link>
            ) : null}
            {d.canEditTargets ? (
              <Link className="button button--ghost" to={`/indicators/targets?year=${d.period.key.slice(0, 4)}`}>
                Chỉ tiêu năm
              </Link>
            ) : null}
            {d.communeReader ? (
              <Link
                className="button button--ghost"
                to={`/public/progress?period=${d.period.key}${d.communeId ? `&commune=${d.communeId}` : ""}`}
              >
                Trang công khai
              </Link>
            ) : null}
            <PrintButton label="In trang" />
          </>
        }
      />
      <FilterBar label="Chọn kỳ và trường" button="Xem">
        <FilterSelect
          name="period"
          label="Kỳ"
          value={d.period.key}
          options={d.periods.map((p) => ({ value: p.key, label: p.label }))}
        />
        {d.communes.length > 1 ? <UnitSelect name="commune" label="Xã" value={d.communeId} units={d.communes} /> : null}
        {d.communeReader ? (
          <UnitSelect name="school" label="Trường" value={d.schoolId} all="Toàn xã" units={d.schools} />
        ) : null}
      </FilterBar>

      {d.reportRange ? (
        <p className="muted">
          Trang này tính theo {d.period.label.toLowerCase()} của lịch ({d.period.range}). Báo cáo{" "}
          {d.period.label.toLowerCase()} tính số liệu từ {d.reportRange} (đến ngày chốt số liệu), nên số trong báo cáo
          có thể khác. <Link to={`/reports?period=${d.period.key}`}>Xem báo cáo</Link>
        </p>
      ) : null}
      {openHalf && openHalf.rows.some((r) => !r.submittedAt) ? (
        <div className="alert alert--warning" role="status">
          Còn {openHalf.daysLeft} ngày đến hạn nộp báo cáo {openHalf.label.toLowerCase()} (
          {formatDate(openHalf.deadline)}):{" "}
          {openHalf.rows
            .filter((r) => !r.submittedAt)
            .map((r) => r.unit)
            .join(", ")}{" "}
          chưa nộp. <Link to={`/reports?period=${openHalf.half}`}>Xem báo cáo</Link>
        </div>
      ) : null}

      <StatusSummary
        counts={{
          met: count("met"),
          behind: count("behind"),
          no_data: count("no_data"),
          no_target: count("no_target"),
        }}
      />

      {groups.map((g) => (
        <section key={g} aria-labelledby={`group-${g}`}>
          <h2 id={`group-${g}`}>{g}</h2>
          <DataTable
            label={`Chỉ tiêu nhóm ${g}, có thể cuộn ngang`}
            rows={d.figures.filter((f) => f.group === g)}
            columns={[
              {
                header: "Chỉ tiêu",
                cell: (f) => (
                  <>
                    <Link to={`/indicators/${encodeURIComponent(f.code)}${query}`}>{f.name}</Link>
                    <div className="muted small">
                      {f.code} · Mục {f.planRef}
                      {f.source === "entered" ? " · số liệu nhập" : ""}
                    </div>
                    <FigureNotes notes={f.notes} />
                  </>
                ),
              },
              {
                header: "Chỉ tiêu kỳ",
                className: "num",
                cell: (f) => <TargetCell f={f} />,
              },
              { header: "Kết quả", className: "num", cell: (f) => <FigureCell f={f} /> },
              {
                header: "Tiến độ",
                cell: (f) => <ProgressBar value={f.value} target={f.target} status={f.status} />,
              },
              {
                header: "Đánh giá",
                lead: true,
                cell: (f) => <StatusCell f={f} />,
              },
            ]}
          />
        </section>
      ))}

      {d.comparisons.length ? (
        <section aria-labelledby="compare">
          <h2 id="compare">So sánh giữa các trường</h2>
          <p className="muted">Cột xanh: đạt; cột đỏ: chưa đạt; đường gạch: chỉ tiêu của mỗi trường trong kỳ.</p>
          <div className="chart-grid">
            {d.comparisons.map((c) => (
              <ComparisonChart
                key={c.code}
                title={`${c.code}: ${c.name}`}
                unit={c.unit}
                target={c.target}
                rows={c.rows}
              />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="trends">
        <h2 id="trends">Xu hướng theo 6 tháng</h2>
        <TrendChart
          title="Các tỷ lệ chính qua từng kỳ 6 tháng"
          series={d.trends.series}
          points={d.trends.points}
          current={d.trends.current}
          asOf={d.trends.asOf}
        />
      </section>

      <section aria-labelledby="days">
        <h2 id="days">Hưởng ứng các ngày 18/5, 01/10, 10/10 năm {d.period.key.slice(0, 4)}</h2>
        <TableWrap label="Bảng ngày kỷ niệm, có thể cuộn ngang">
          <table className="matrix">
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                {d.commemorations.days.map((x) => (
                  <th scope="col" key={x.code}>
                    {x.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.commemorations.rows.map((r) => (
                <tr key={r.unitId}>
                  <td>{r.unit}</td>
                  {d.commemorations.days.map((x) => (
                    <td key={x.code} className={r.days[x.code] ? "covered" : "missed"}>
                      {r.days[x.code] ? `✓ ${r.days[x.code]} hoạt động` : "✗ Chưa tổ chức"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      {d.reports.length ? (
        <section aria-labelledby="reporting">
          <h2 id="reporting">Báo cáo 6 tháng: đầy đủ và đúng hạn</h2>
          {d.reports.map((r) => (
            <div key={r.half}>
              <h3>
                {r.label} (hạn {formatDate(r.deadline)}): {r.submitted}/{r.rows.length} đơn vị đã nộp, {r.onTime} đúng
                hạn
              </h3>
              <DataTable
                label={`Báo cáo ${r.label}, có thể cuộn ngang`}
                rows={r.rows}
                columns={[
                  { header: "Đơn vị", cell: (x) => <Link to={`/reports/${r.half}/${x.unitId}`}>{x.unit}</Link> },
                  { header: "Trạng thái", lead: true, cell: (x) => x.statusLabel },
                  { header: "Ngày nộp", cell: (x) => formatDate(x.submittedAt) },
                  {
                    header: "Thời hạn",
                    cell: (x) => <TimelinessBadge timeliness={x.timeliness} label={x.timelinessLabel} />,
                  },
                ]}
              />
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
