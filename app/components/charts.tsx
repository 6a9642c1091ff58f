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
}: {
  title: string;
  children: ReactNode;
  table: ReactNode;
  legend?: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
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

export function ComparisonChart(props: {
  title: string;
  unit: "percent" | "count";
  target: number | null;
  rows: { school: string; value: number | null; status: IndicatorStatus }[];
}) {
  const data = props.rows.map((r) => ({ school: r.school, value: r.value, status: r.status }));
  return (
    <ChartFigure
      title={props.title}
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
      <BarChart width={640} height={260} data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="school" tick={{ fontSize: 12 }} interval={0} />
        <YAxis
          tick={{ fontSize: 12 }}
          domain={props.unit === "percent" ? [0, 100] : [0, "auto"]}
          allowDecimals={false}
        />
        <Tooltip formatter={(v: number) => formatFigure(v, props.unit)} />
        <Bar
          dataKey="value"
          name="Kết quả"
          isAnimationActive={false}
          label={{
            position: "top",
            fontSize: 12,
            formatter: (v: number | null) =>
              v === null || v === undefined ? "Chưa có số liệu" : formatFigure(v, props.unit),
          }}
        >
          {data.map((d) => (
            <Cell key={d.school} fill={STATUS_COLOR[d.status]} />
          ))}
        </Bar>
        {props.target !== null ? (
          <ReferenceLine
            y={props.target}
            stroke="#1c2530"
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{
              value: `Chỉ tiêu ${formatFigure(props.target, props.unit)}`,
              position: "insideTopRight",
              fontSize: 12,
            }}
          />
        ) : null}
      </BarChart>
    </ChartFigure>
  );
}

export function TrendChart(props: {
  title: string;
  series: { code: string; name: string }[];
  points: Record<string, string | number | null>[];
}) {
  return (
    <ChartFigure
      title={props.title}
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
                <td>{p.period}</td>
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
      <LineChart width={640} height={260} data={props.points} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="period" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} unit="%" />
        <Tooltip formatter={(v: number) => formatFigure(v, "percent")} />
        {props.series.map((s, i) => (
          <Line
            key={s.code}
            dataKey={s.code}
            name={s.code}
            stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
            strokeWidth={2}
            strokeDasharray={i % 2 ? "6 3" : undefined}
            isAnimationActive={false}
            connectNulls
            dot={{ r: 4 }}
          />
        ))}
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
