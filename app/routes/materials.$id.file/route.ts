import fs from "node:fs";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { countUse, materialFile, requireVisibleMaterial, storedPath } from "~/lib/materials.server";

/**
 * GET /materials/<id>/file — the stored file, checked on every request (404 for anyone who may not see it),
 * answering HTTP Range requests so players can seek. A download is counted once per full or first-range fetch.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { material } = await requireVisibleMaterial(request, context, params.id);
  const file = await materialFile(db, material);
  if (!file) notFound();
  const path = storedPath(file.sha256);
  if (!fs.existsSync(path)) notFound();
  const size = file.size;
  const headers = new Headers({
    "Content-Type": file.mime,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, max-age=0, must-revalidate",
    "Content-Disposition": `${new URL(request.url).searchParams.get("download") ? "attachment" : "inline"}; filename="hoc-lieu-${material.id}"; filename*=UTF-8''${encodeURIComponent(material.file_name ?? "hoc-lieu")}`,
  });
  // One byte range is served as asked; anything else (several ranges, other units) is ignored: the whole file.
  const range = request.headers.get("range");
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  const counts = request.method !== "HEAD";
  if (m) {
    let start = m[1] === "" ? size - Number(m[2]) : Number(m[1]);
    let end = m[1] === "" ? size - 1 : m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[1] === "" && m[2] === "")
      return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
    start = Math.max(0, start);
    if (start > end || start >= size)
      return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
    end = Math.max(start, end);
    if (start === 0 && end > 0 && counts) await countUse(db, material.id, "downloads");
    headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
    headers.set("Content-Length", String(end - start + 1));
    return new Response(Readable.toWeb(fs.createReadStream(path, { start, end })) as ReadableStream, {
      status: 206,
      headers,
    });
  }
  if (counts) await countUse(db, material.id, "downloads");
  headers.set("Content-Length", String(size));
  return new Response(Readable.toWeb(fs.createReadStream(path)) as ReadableStream, { status: 200, headers });
}
