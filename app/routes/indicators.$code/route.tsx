import { TargetCell } from "~/components/figure-cells";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { FigureNotes } from "~/components/figure-notes";
import { Pager } from "~/components/pager";
import { BackLink, PageHeader } from "~/components/shell";
import { EmptyRow, TableWrap } from "~/components/table";
import { formatFigure } from "~/domain/shared/figures";
import { indicatorRecords } from "~/lib/indicators.server";
import { pageParam } from "~/lib/params";
import { titledBy } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => d.figure.code, "Chỉ tiêu");

const PAGE_SIZE = 50;

/** The records behind one figure, for the scope and period chosen on /indicators. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, figure, tables } = await indicatorRecords(request, context, params.code);
  const page = pageParam(new URL(request.url));
  return {
    figure,
    page,
    period: view.period.label,
    scopeLabel:
      view.scope.kind === "commune"
        ? "toàn xã"
        : (view.schools.find((s) => s.id === view.schoolId)?.name ??
          view.actor.memberships.find((m) => m.unitId === view.schoolId)?.unitName ??
          "trường"),
    tables: tables.map((t) => ({
      ...t,
      total: t.rows.length,
      rows: t.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      links: t.links.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    })),
  };
}

export default function IndicatorRecords() {
  const d = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const f = d.figure;
  const longest = Math.max(0, ...d.tables.map((t) => t.total));
  const fileHref = (table: number, kind: "csv" | "xlsx") => {
    const q = new URLSearchParams(search);
    q.delete("page");
    q.set("table", String(table));
    return `/indicators/${encodeURIComponent(f.code)}/${kind}?${q}`;
  };
  return (
    <>
      <BackLink to={`/indicators${search}`} label="Chỉ tiêu Kế hoạch" />
      <PageHeader
        title={`${f.code}: ${f.name}`}
        subtitle={`Mục ${f.planRef} của Kế hoạch · ${d.scopeLabel} · ${d.period.toLowerCase()}`}
      />
      <dl className="facts">
        <div>
          <dt>Kết quả</dt>
          <dd>
            {f.value === null ? "Chưa có số liệu" : formatFigure(f.value, f.unit)}
            {f.numerator !== null && f.denominator !== null
              ? ` (${formatFigure(f.numerator, "count")}/${formatFigure(f.denominator, "count")})`
              : ""}
          </dd>
        </div>
        <div>
          <dt>Chỉ tiêu kỳ</dt>
          <dd>
            <TargetCell f={f} />
          </dd>
        </div>
        <div>
          <dt>Đánh giá</dt>
          <dd>
            {f.statusLabel}
            {f.gap ? ` · ${f.gap}` : ""}
          </dd>
        </div>
      </dl>
      <FigureNotes notes={f.notes} boxed />
      {d.tables.map((t, n) => (
        <section key={t.title}>
          <h2>
            {t.title} ({t.total.toLocaleString("vi-VN")})
          </h2>
          <p className="inline-actions">
            <a href={fileHref(n, "xlsx")} download>
              Tải bảng này (Excel)
            </a>
            <a href={fileHref(n, "csv")} download>
              CSV
            </a>
          </p>
          <TableWrap label={`${t.title}, có thể cuộn ngang`}>
            <table>
              <thead>
                <tr>
                  {t.columns.map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((cell, j) => (
                      <td key={j} className={typeof cell === "number" ? "num" : undefined}>
                        {j === 1 && t.links[i] ? (
                          <Link to={t.links[i]!}>{cell}</Link>
                        ) : typeof cell === "number" ? (
                          cell.toLocaleString("vi-VN")
                        ) : (
                          (cell ?? "—")
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
                <EmptyRow show={t.rows.length === 0} colSpan={t.columns.length}>
                  Không có hồ sơ nào trong kỳ.
                </EmptyRow>
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
      {longest > PAGE_SIZE ? <Pager page={d.page} pageSize={PAGE_SIZE} total={longest} /> : null}
    </>
  );
}
