import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { PageHeader } from "~/components/shell";
import { MATERIAL_KIND_LABELS } from "~/domain/materials/vocabulary";
import { db } from "~/lib/db.server";
import { formatDate, formatDateTimeRange } from "~/domain/shared/format";
import { pageParam } from "~/lib/params";
import { listMaterials, upcomingCommuneActivities } from "~/lib/materials.server";
import { titled } from "~/lib/meta";
import { pageHandle } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const handle = pageHandle("publicMaterials");

export const meta = titled(handle.title, {
  tagName: "link",
  rel: "alternate",
  type: "application/rss+xml",
  title: "Học liệu công khai",
  href: "/public/feed.xml",
});

/** The public page (no login): what is marked public, and the commune's coming activities, for the commune website to link to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageParam(url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const [materials, activities] = await Promise.all([
    listMaterials(db, null, { publicOnly: true, q: q || undefined }, { page, pageSize: 20 }),
    upcomingCommuneActivities(db),
  ]);
  return { ...materials, page, q, activities };
}

export default function PublicPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        actions={
          <>
            <Link to="/public/progress">Tiến độ thực hiện Kế hoạch</Link>
            <a href="/public/feed.xml">Nhận tin mới (RSS)</a>
          </>
        }
      />
      <form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">Tìm (không cần dấu)</label>
          <input id="q" name="q" defaultValue={d.q} />
        </div>
        <button type="submit" className="button button--ghost">
          Tìm
        </button>
      </form>
      <ul className="public-list">
        {d.rows.map((m) => (
          <li key={m.id} className="card">
            <Link to={`/public/materials/${m.id}`}>
              <strong>{m.title}</strong>
            </Link>
            <div className="muted">{`${MATERIAL_KIND_LABELS[m.kind]} · ${m.school_name} · ${formatDate(m.created_at)}`}</div>
          </li>
        ))}
        {d.rows.length === 0 ? (
          <li className="muted">Chưa có học liệu công khai{d.q ? ` với “${d.q}”` : ""}.</li>
        ) : null}
      </ul>
      <Pager page={d.page} pageSize={20} total={d.total} />
      <h2>Hoạt động sắp tới của xã</h2>
      <ul>
        {d.activities.map((a) => (
          <li key={a.id}>
            <strong>{a.title}</strong> — {formatDateTimeRange(a.starts_at, a.ends_at)}
            {a.place ? `, ${a.place}` : ""}
          </li>
        ))}
        {d.activities.length === 0 ? <li className="muted">Chưa có hoạt động sắp tới.</li> : null}
      </ul>
    </>
  );
}
