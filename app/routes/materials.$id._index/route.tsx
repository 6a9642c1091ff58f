import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { InlineDelete } from "~/components/confirm-delete";
import { PdfPreview } from "~/components/pdf-preview";
import { Notice, PageHeader } from "~/components/shell";

import { MATERIAL_KIND_LABELS, VISIBILITY_LABELS } from "~/domain/materials/vocabulary";
import { gradeLabel } from "~/domain/units/vocabulary";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime, formatNumber } from "~/domain/shared/format";
import { domainFailure, readForm } from "~/lib/forms.server";
import {
  countUse,
  deleteMaterial,
  getUnit,
  materialFile,
  materialKeywords,
  materialTopicLabels,
  requireVisibleMaterial,
} from "~/lib/materials.server";
import { mayDeleteMaterial } from "~/domain/auth/policies";
import { titledBy } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => d.material.title, "Học liệu");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, material } = await requireVisibleMaterial(request, context, params.id);
  await countUse(db, material.id, "views");
  const [stored, school, topics] = await Promise.all([
    materialFile(db, material),
    getUnit(db, material.school_id),
    materialTopicLabels(db, material.id),
  ]);
  const file = stored && { mime: stored.mime, size: stored.size };
  const canDelete = !!actor && mayDeleteMaterial(actor, material);
  return {
    material,
    file,
    school: school?.name ?? "",
    topics,
    keywords: materialKeywords(material),
    grades: (JSON.parse(material.grades) as number[]).map(gradeLabel),
    canDelete,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const { material } = await requireVisibleMaterial(request, context, params.id);
  const formData = await readForm(request);
  if (formData.get("intent") !== "delete") forbidden();
  try {
    await deleteMaterial(db, actor, material, formData.get("confirm") === "yes", context.clientIp);
  } catch (e) {
    return domainFailure(e, formData);
  }
  return redirect("/materials?deleted=1");
}

function Preview({ id, mime, title }: { id: number; mime: string; title: string }) {
  const src = `/materials/${id}/file`;
  if (mime === "application/pdf") return <PdfPreview src={src} download={`${src}?download=1`} title={title} />;
  if (mime.startsWith("video/"))
    return <video src={src} controls preload="metadata" className="preview" data-testid="video-player" />;
  if (mime.startsWith("audio/")) return <audio src={src} controls preload="metadata" className="preview" />;
  if (mime.startsWith("image/")) return <img src={src} alt="Xem trước" className="preview" />;
  return <p className="muted">Tệp này không xem trực tiếp được trên trình duyệt: hãy tải về.</p>;
}

export default function MaterialDetail() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const m = d.material;
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={`${d.school} · ${MATERIAL_KIND_LABELS[m.kind]}`}
        actions={<Link to="/materials">‹ Học liệu</Link>}
      />
      <Notice when={params.get("created")}>Đã đăng học liệu.</Notice>
      {d.file ? (
        <section className="card">
          <Preview id={m.id} mime={d.file.mime} title={m.title} />
          <p>
            <a href={`/materials/${m.id}/file?download=1`} className="button button--ghost" download>
              Tải về ({formatNumber(Math.round(d.file.size / 1024))} KB)
            </a>
          </p>
        </section>
      ) : m.link_url ? (
        <p className="card">
          <a href={m.link_url} target="_blank" rel="noopener noreferrer">
            Mở học liệu: {m.link_url}
          </a>
        </p>
      ) : null}
      <div className="card">
        <dl className="facts">
          <dt>Chia sẻ</dt>
          <dd>{VISIBILITY_LABELS[m.visibility]}</dd>
          <dt>Nội dung</dt>
          <dd>{d.topics.join(", ") || "—"}</dd>
          <dt>Từ khoá</dt>
          <dd>
            {d.keywords.length ? (
              <ul className="keywords">
                {d.keywords.map((k) => (
                  <li key={k}>
                    <Link to={`/materials?q=${encodeURIComponent(k)}`} aria-label={`Tìm học liệu có từ khoá ${k}`}>
                      {k}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              "—"
            )}
          </dd>
          <dt>Khối</dt>
          <dd>{d.grades.join(", ") || "—"}</dd>
          <dt>Môn</dt>
          <dd>{m.subject || "—"}</dd>
          <dt>Lồng ghép vào bài dạy</dt>
          <dd>{m.integrates_topics ? "Có" : "Không"}</dd>
          <dt>Lượt xem · tải</dt>
          <dd>{`${formatNumber(m.views)} · ${formatNumber(m.downloads)}`}</dd>
          <dt>Đăng lúc</dt>
          <dd>{formatDateTime(m.created_at)}</dd>
        </dl>
        {m.description ? <p style={{ whiteSpace: "pre-line" }}>{m.description}</p> : null}
      </div>
      {d.canDelete ? (
        <InlineDelete
          label="Xóa học liệu…"
          question="Xóa học liệu này? Học liệu được chuyển vào Thùng rác và khôi phục được trong 30 ngày."
          fields={{ intent: "delete" }}
        />
      ) : null}
    </>
  );
}
