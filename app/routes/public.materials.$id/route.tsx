import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PdfPreview } from "~/components/pdf-preview";
import { PageHeader } from "~/components/shell";
import { MATERIAL_KIND_LABELS } from "~/domain/materials/vocabulary";
import { notFound } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { idParam } from "~/lib/params";
import { getMaterial, materialFile, materialKeywords } from "~/lib/materials.server";
import { titledBy } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => d.title, "Học liệu");

/** A public material's page (no login); anything not public is 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const m = id ? await getMaterial(db, id) : undefined;
  if (!m || m.visibility !== "public") notFound();
  const file = await materialFile(db, m);
  return {
    id: m.id,
    title: m.title,
    kind: MATERIAL_KIND_LABELS[m.kind],
    description: m.description,
    keywords: materialKeywords(m),
    mime: file?.mime ?? null,
    link: m.link_url,
  };
}

export default function PublicMaterial() {
  const m = useLoaderData<typeof loader>();
  const src = `/materials/${m.id}/file`;
  return (
    <>
      <PageHeader title={m.title} subtitle={m.kind} actions={<Link to="/public">‹ Học liệu công khai</Link>} />
      <div className="card">
        {m.mime === "application/pdf" ? <PdfPreview src={src} download={`${src}?download=1`} title={m.title} /> : null}
        {m.mime?.startsWith("video/") ? <video src={src} controls preload="metadata" className="preview" /> : null}
        {m.mime?.startsWith("audio/") ? <audio src={src} controls preload="metadata" className="preview" /> : null}
        {m.mime?.startsWith("image/") ? <img src={src} alt={m.title} className="preview" /> : null}
        {m.mime ? (
          <p>
            <a href={`${src}?download=1`}>Tải về</a>
          </p>
        ) : null}
        {m.link ? (
          <p>
            <a href={m.link} target="_blank" rel="noopener noreferrer">
              Mở học liệu
            </a>
          </p>
        ) : null}
        {m.description ? <p style={{ whiteSpace: "pre-line" }}>{m.description}</p> : null}
        {m.keywords.length ? <p className="muted">Từ khoá: {m.keywords.join(", ")}</p> : null}
      </div>
    </>
  );
}
