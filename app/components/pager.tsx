import { Link, useLocation } from "@remix-run/react";
import { formatNumber } from "~/domain/shared/format";

/** Page links that keep the other query parameters (filters, sort). */
export function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  if (page > pages) {
    return (
      <nav className="pager" aria-label="Phân trang">
        <span className="muted">Trang {page} không có mục nào.</span>
        <Link className="button button--ghost button--small" to={hrefFor(1)}>
          Về trang đầu
        </Link>
      </nav>
    );
  }
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label="Phân trang">
      <span className="muted">
        {formatNumber(from)}–{formatNumber(to)} / {formatNumber(total)} mục · Trang {page}/{pages}
      </span>
      <span className="pager__links">
        {page > 1 ? (
          <Link className="button button--ghost button--small" to={hrefFor(page - 1)} rel="prev">
            ‹ Trang trước
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="button button--ghost button--small" to={hrefFor(page + 1)} rel="next">
            Trang sau ›
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
