/** How a figure reads in a table, the same on /indicators and on the public progress page. */
import type { IndicatorFigure } from "~/domain/indicators/engine";
import type { IndicatorStatus } from "~/domain/indicators/status";
import { formatFigure } from "~/domain/shared/figures";

type Figure = Pick<
  IndicatorFigure,
  "value" | "unit" | "numerator" | "denominator" | "target" | "direction" | "status" | "statusLabel"
> & { gap?: string | null };

export const STATUS_BADGE: Record<IndicatorStatus, string> = {
  met: "badge--green",
  behind: "badge--red",
  no_data: "",
  no_target: "",
};

/** The value, with the count it is a share of under it. */
export function FigureCell({ f }: { f: Figure }) {
  return (
    <>
      {f.value === null ? <span className="muted">Chưa có số liệu</span> : formatFigure(f.value, f.unit)}
      {f.numerator !== null && f.denominator !== null ? (
        <div className="muted small">
          {formatFigure(f.numerator, "count")}/{formatFigure(f.denominator, "count")}
        </div>
      ) : null}
    </>
  );
}

/** The period's target: a level, a ceiling (budget) or last year's value for a figure that must rise. */
export function TargetCell({ f }: { f: Figure }) {
  return (
    <>
      {f.direction === "rising"
        ? f.target === null
          ? "Tăng hằng năm"
          : `> ${formatFigure(f.target, f.unit)} (năm trước)`
        : formatFigure(f.target, f.unit)}
      {f.direction === "at_most" && f.target !== null ? <div className="muted small">không vượt dự toán</div> : null}
    </>
  );
}

export function StatusCell({ f }: { f: Figure }) {
  return (
    <>
      <span className={`badge ${STATUS_BADGE[f.status]}`}>{f.statusLabel}</span>
      {f.gap ? <div className="small">{f.gap}</div> : null}
    </>
  );
}

/** How many figures are met, behind, without data and without a target. */
export function StatusSummary({ counts }: { counts: Record<IndicatorStatus, number> }) {
  return (
    <p className="summary-line">
      <span className="badge badge--green">{counts.met} đạt</span>{" "}
      <span className="badge badge--red">{counts.behind} chưa đạt</span>{" "}
      <span className="badge">{counts.no_data} chưa có số liệu</span>{" "}
      <span className="badge">{counts.no_target} không đặt chỉ tiêu</span>
    </p>
  );
}
