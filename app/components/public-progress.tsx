/** The public progress figures (app/domain/overview/public-progress.ts) as a page and as a frame for other sites. */
import type { PublicProgress } from "~/domain/overview/public-progress";
import { ProgressBar, TrendChart } from "./charts";
import { FigureCell, StatusCell, StatusSummary, TargetCell } from "./figure-cells";
import { formatDateTime } from "~/domain/shared/format";

/** When the figures were computed, and that they may be a few minutes behind the records. */
export function ComputedAt({ at }: { at: string }) {
  return (
    <p className="muted small">
      Số liệu tính từ hồ sơ của các đơn vị lúc {formatDateTime(at)} (cập nhật khi hồ sơ thay đổi). Chỉ có số liệu tổng
      hợp toàn xã, không có tên người.
    </p>
  );
}

/**
 * Every figure by group, as cards that fit any width (a phone reading a link from the commune's social page, or a
 * narrow frame on the commune website): status first, then the value against the target and the progress.
 */
export function PublicFigureTables({ progress }: { progress: PublicProgress }) {
  const groups = [...new Set(progress.figures.map((f) => f.group))];
  return (
    <>
      <StatusSummary counts={progress.counts} />
      {groups.map((g) => (
        <section key={g} aria-labelledby={`group-${g}`}>
          <h2 id={`group-${g}`}>{g}</h2>
          <ul className="figure-cards">
            {progress.figures
              .filter((f) => f.group === g)
              .map((f) => (
                <li key={f.code} id={f.code} className="figure-card">
                  <div className="figure-card__status">
                    <StatusCell f={f} />
                  </div>
                  <h3 className="figure-card__name">{f.name}</h3>
                  <p className="muted small">
                    {f.code} · Mục {f.planRef}
                  </p>
                  <dl className="figure-card__numbers">
                    <div>
                      <dt>Kết quả</dt>
                      <dd>
                        <FigureCell f={f} />
                      </dd>
                    </div>
                    <div>
                      <dt>Chỉ tiêu kỳ</dt>
                      <dd>
                        <TargetCell f={f} />
                      </dd>
                    </div>
                  </dl>
                  <ProgressBar value={f.value} target={f.target} status={f.status} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function PublicTrends({ progress }: { progress: PublicProgress }) {
  return (
    <section aria-labelledby="trends">
      <h2 id="trends">Xu hướng theo 6 tháng</h2>
      <TrendChart
        title="Các tỷ lệ chính qua từng kỳ 6 tháng"
        series={progress.trends.series}
        points={progress.trends.points}
        current={progress.trends.current}
        asOf={progress.trends.asOf}
      />
    </section>
  );
}
