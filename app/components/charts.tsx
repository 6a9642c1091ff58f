/**
 * Charts of the indicators (recharts). Rendered with fixed drawing sizes so the server renders them too (no
 * ResponsiveContainer, which needs the browser); CSS scales the SVG to the column, for phones and printing.
 * Each chart comes with its figures as a table for screen readers and for those who prefer numbers.
 */
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, XAxis, YAxis, Tooltip } from "recharts";
import { formatFigure } from "~/domain/shared/figures";
import type { IndicatorStatus } from "~/domain/indicators/status";

const STATUS_COLOR: Record<IndicatorStatus, string> = {
  met: "#1b7a3d",
  behind: "#b42318",
  no_data: "#8a939c",
  no_target: "#0b5d8c",
};
const SERIES_COLORS = ["#0b5d8c", "#b45309", "#1b7a3d", "#7c3aed"];

function ChartFigure({
  title,
  children,
  table,
  legend,
  note,
  className,
}: {
  title: string;
  children: ReactNode;
  table: ReactNode;
  legend?: ReactNode;
  note?: string;
  className?: string;
}) {
  return (
    <figure className={className ? `chart ${className}` : "chart"}>
      <figcaption className="chart__title">{title}</figcaption>
      {note ? <p className="chart__note">{note}</p> : null}
      <div className="chart__drawing" aria-hidden="true">
        {children}
      </div>
      {legend}
      <details className="chart__data">
        <summary>Xem bảng số liệu</summary>
        {table}
      </details>
    </figure>
  );
}

/**
 * Comparisons are drawn as horizontal bars at a phone's width (issue 20): one bar a school, its name beside it and
 * its value at its end, 13-px text that stays readable at 390 px; wider screens scale the drawing up to 560 px.
 */
const BAR_WIDTH = 360;

/** A school's name without "Trường" (the row says which school; the bar needs the room). */
function shortSchool(name: string): string {
  return name.replace(/^Trường\s+/i, "");
}

/**
 * Where a percentage axis starts: at 0, unless every value and the target are high — then at a round number below
 * them, so 99.2 % and 99.8 % do not draw as the same full bar.
 */
export function percentAxisFrom(values: (number | null)[]): number {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!known.length) return 0;
  const low = Math.min(...known);
  const spread = Math.max(...known) - low;
  // Low values, or no difference at all to show: from 0.
  if (low < 60 || spread === 0) return 0;
  const step = spread < 5 ? 1 : 10;
  return Math.max(0, Math.floor((low - Math.max(1, spread * 0.25)) / step) * step);
}

/** Four even steps from the axis's start to 100 %. */
function percentTicks(from: number): number[] {
  const step = (100 - from) / 4;
  return [0, 1, 2, 3, 4].map((i) => Math.round((from + i * step) * 10) / 10);
}

export function ComparisonChart(props: {
  title: string;
  unit: "percent" | "count";
  target: number | null;
  rows: { school: string; value: number | null; status: IndicatorStatus }[];
}) {
  // The value beside the name, never at the bar's end where the target's line could cross it.
  const data = props.rows.map((r) => ({
    school: `${shortSchool(r.school)}: ${r.value === null ? "chưa có" : formatFigure(r.value, props.unit)}`,
    value: r.value,
    status: r.status,
  }));
  const axisFrom = props.unit === "percent" ? percentAxisFrom([...props.rows.map((r) => r.value), props.target]) : 0;
  return (
    <ChartFigure
      title={props.title}
      note={axisFrom > 0 ? `Trục ngang bắt đầu từ ${axisFrom} % để thấy rõ chênh lệch giữa các trường.` : undefined}
      className="chart--bars"
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Trường</th>
              <th scope="col" className="num">
                Kết quả
              </th>
              <th scope="col" className="num">
                Chỉ tiêu
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.school}>
                <td>{r.school}</td>
                <td className="num">{r.value === null ? "Chưa có số liệu" : formatFigure(r.value, props.unit)}</td>
                <td className="num">{formatFigure(props.target, props.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart
        layout="vertical"
        width={BAR_WIDTH}
        height={44 + data.length * 40}
        data={data}
        margin={{ top: 26, right: 48, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <YAxis type="category" dataKey="school" width={168} tick={{ fontSize: 13 }} interval={0} />
        <XAxis
          type="number"
          tick={{ fontSize: 13 }}
          domain={props.unit === "percent" ? [axisFrom, 100] : [0, "auto"]}
          ticks={props.unit === "percent" ? percentTicks(axisFrom) : undefined}
          tickFormatter={(v: number) => String(v).replace(".", ",")}
          allowDataOverflow
          allowDecimals={false}
        />
        <Tooltip formatter={(v: number) => formatFigure(v, props.unit)} />
        <Bar dataKey="value" name="Kết quả" isAnimationActive={false} barSize={22}>
          {data.map((d) => (
            <Cell key={d.school} fill={STATUS_COLOR[d.status]} />
          ))}
        </Bar>
        {props.target !== null ? (
          <ReferenceLine
            x={props.target}
            stroke="#1c2530"
            strokeDasharray="6 4"
            strokeWidth={2}
            // Above the bars, where no value label stands.
            label={{ value: `Chỉ tiêu ${formatFigure(props.target, props.unit)}`, position: "top", fontSize: 13 }}
          />
        ) : null}
      </BarChart>
    </ChartFigure>
  );
}

/**
 * Half-years as lines, drawn at a phone's width like the comparisons (13-px text at 390 px, scaled up on wider
 * screens). The half-year in progress is drawn as such: a hollow point, "(đến nay)" under its name, and a note saying
 * its figures are counted up to today.
 */
const TREND_WIDTH = 360;

function HalfYearTick(props: { x?: number; y?: number; payload?: { value: string }; current?: string | null }) {
  const label = String(props.payload?.value ?? "");
  // "6T đầu 2025" → "6T đầu" over "2025": two short lines fit where one long one cannot.
  const cut = label.lastIndexOf(" ");
  const lines = cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
  if (label === props.current) lines.push("(đến nay)");
  return (
    <text x={props.x} y={props.y} textAnchor="middle" fontSize={13} fill="#4a5561">
      {lines.map((line, i) => (
        <tspan key={line} x={props.x} dy={i === 0 ? 14 : 15} fontStyle={i === 2 ? "italic" : undefined}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function TrendChart(props: {
  title: string;
  series: { code: string; name: string }[];
  points: Record<string, string | number | null>[];
  /** The half-year in progress (its label), if the last point is one; `asOf` is today, as the note writes it. */
  current?: string | null;
  asOf?: string;
}) {
  const values = props.points.flatMap((p) => props.series.map((s) => (p[s.code] === null ? null : Number(p[s.code]))));
  const axisFrom = percentAxisFrom(values);
  const notes = [
    props.current
      ? `Kỳ ${props.current} đang diễn ra: số liệu tính đến ${props.asOf ?? "hôm nay"}, chưa phải số cuối kỳ (điểm rỗng).`
      : null,
    axisFrom > 0 ? `Trục dọc bắt đầu từ ${axisFrom} % để thấy rõ chênh lệch.` : null,
  ].filter(Boolean);
  return (
    <ChartFigure
      title={props.title}
      note={notes.length ? notes.join(" ") : undefined}
      className="chart--trend"
      legend={
        <ul className="chart__legend">
          {props.series.map((s, i) => (
            <li key={s.code}>
              <span
                className={`chart__key${i % 2 ? " chart__key--dashed" : ""}`}
                style={{ borderColor: SERIES_COLORS[i % SERIES_COLORS.length] }}
                aria-hidden="true"
              />
              <strong>{s.code}</strong>: {s.name}
            </li>
          ))}
        </ul>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Kỳ</th>
              {props.series.map((s) => (
                <th scope="col" className="num" key={s.code}>
                  {s.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.points.map((p) => (
              <tr key={String(p.period)}>
                <td>
                  {p.period}
                  {p.period === props.current ? ` (đang diễn ra, đến ${props.asOf ?? "nay"})` : ""}
                </td>
                {props.series.map((s) => (
                  <td className="num" key={s.code}>
                    {p[s.code] === null ? "—" : formatFigure(Number(p[s.code]), "percent")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LineChart
        width={TREND_WIDTH}
        height={290}
        data={props.points}
        margin={{ top: 12, right: 28, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="period"
          height={props.current ? 56 : 40}
          interval={props.points.length <= 6 ? 0 : "preserveStartEnd"}
          tick={<HalfYearTick current={props.current} />}
          padding={{ left: 20, right: 8 }}
        />
        <YAxis
          domain={[axisFrom, 100]}
          ticks={percentTicks(axisFrom)}
          tick={{ fontSize: 13 }}
          tickFormatter={(v: number) => `${String(v).replace(".", ",")}%`}
          width={48}
          allowDataOverflow
        />
        <Tooltip formatter={(v: number) => formatFigure(v, "percent")} />
        {props.series.map((s, i) => {
          const color = SERIES_COLORS[i % SERIES_COLORS.length];
          return (
            <Line
              key={s.code}
              dataKey={s.code}
              name={s.code}
              stroke={color}
              strokeWidth={2}
              strokeDasharray={i % 2 ? "6 3" : undefined}
              isAnimationActive={false}
              connectNulls
              dot={(d: { cx?: number; cy?: number; index?: number; payload?: Record<string, unknown> }) => {
                // No figure for this half-year: no point (recharts still asks for one).
                if (d.cy === undefined || d.cy === null || d.payload?.[s.code] === null)
                  return <g key={`${s.code}-${d.index}`} />;
                const open = d.payload?.period === props.current;
                return (
                  <circle
                    key={`${s.code}-${d.index}`}
                    cx={d.cx}
                    cy={d.cy}
                    r={open ? 5 : 4}
                    stroke={color}
                    strokeWidth={2}
                    fill={open ? "#fff" : color}
                  />
                );
              }}
            />
          );
        })}
      </LineChart>
    </ChartFigure>
  );
}

/** A figure against its target as a bar (0–100 % of the way), coloured by status. */
export function ProgressBar({
  value,
  target,
  status,
}: {
  value: number | null;
  target: number | null;
  status: IndicatorStatus;
}) {
  const share =
    value === null || !target ? (status === "met" ? 100 : 0) : Math.min(100, Math.round((value / target) * 100));
  return (
    <span className={`progress progress--${status}`} aria-hidden="true">
      <span className="progress__fill" style={{ width: `${share}%` }} />
    </span>
  );
}
