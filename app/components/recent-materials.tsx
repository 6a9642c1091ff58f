import { Link } from "@remix-run/react";
import type { MaterialKind } from "../../db/schema";
import { MATERIAL_KIND_LABELS } from "~/domain/materials/vocabulary";
import { formatDate } from "~/domain/shared/format";

/** A teacher's last uploaded materials on their home page (issue 19), each one tap from its page. */
export function RecentMaterials({
  rows,
}: {
  rows: { id: number; title: string; kind: MaterialKind; created_at: string }[];
}) {
  return (
    <section className="card todo" aria-labelledby="my-materials">
      <h2 id="my-materials">Học liệu của tôi gần đây</h2>
      {rows.length ? (
        <ul className="todo__list">
          {rows.map((m) => (
            <li key={m.id}>
              <Link to={`/materials/${m.id}`}>{m.title}</Link>
              <div className="muted small">
                {MATERIAL_KIND_LABELS[m.kind]} · {formatDate(m.created_at)}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Bạn chưa tải học liệu nào lên.</p>
      )}
      <p>
        <Link to="/materials/new">+ Tải học liệu lên</Link> · <Link to="/materials">Kho học liệu</Link>
      </p>
    </section>
  );
}
