/**
 * A PDF shown in the page, one page at a time, drawn on a canvas by pdf.js (issue 20, docs/decisions/028): a PDF
 * in an <iframe> shows nothing in Android's Chrome (and a black box in headless Chromium). pdf.js (its legacy
 * build, for older phones' browsers) and its worker are loaded only when this component mounts, from the app's
 * own assets; the file is read from the same address as the download, with the viewer's session. If anything
 * fails, a message says so and offers the download.
 */
import { useEffect, useRef, useState } from "react";
import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";

/** The largest canvas drawn, in pixels: older phones refuse (or draw blank) canvases much larger than this. */
const MAX_CANVAS_PIXELS = 8_000_000;

async function openPdf(src: string) {
  const [pdfjs, worker] = await Promise.all([
    import("pdfjs-dist/legacy/build/pdf.mjs"),
    import("pdfjs-dist/legacy/build/pdf.worker.min.mjs?url"),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs.getDocument({ url: src, enableXfa: false });
}

export function PdfPreview({ src, download, title }: { src: string; download: string; title: string }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(1);
  const [drawn, setDrawn] = useState(0);
  const [width, setWidth] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<Promise<unknown>>(Promise.resolve());

  // Open the document (loading pdf.js on the way).
  useEffect(() => {
    let stopped = false;
    let loading: Awaited<ReturnType<typeof openPdf>> | undefined;
    openPdf(src)
      .then((task) => {
        loading = task;
        if (stopped) return void task.destroy();
        return task.promise.then((d) => void (stopped || setDoc(d)));
      })
      .catch(() => void (stopped || setFailed(true)));
    return () => {
      stopped = true;
      void loading?.destroy();
    };
  }, [src]);

  // The width to draw at: the box's, again when it changes (a phone turned sideways).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.round(el.clientWidth));
    measure();
    if (typeof ResizeObserver === "undefined") {
      window.addEventListener("resize", measure);
      return () => window.removeEventListener("resize", measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Draw the current page at that width, sharp on the screen's pixel ratio.
  useEffect(() => {
    const el = canvas.current;
    if (!doc || !width || !el) return;
    let stopped = false;
    let task: RenderTask | undefined;
    const draw = async () => {
      await drawing.current.catch(() => {}); // one drawing on a canvas at a time
      if (stopped) return;
      const p = await doc.getPage(page);
      const unscaled = p.getViewport({ scale: 1 });
      // Drawn at the size it is shown (app.css: the card's width, at most 85 % of the window's height).
      const shown = Math.min(width, (window.innerHeight * 0.85 * unscaled.width) / unscaled.height);
      let scale = (shown / unscaled.width) * Math.min(window.devicePixelRatio || 1, 3);
      scale = Math.min(scale, Math.sqrt(MAX_CANVAS_PIXELS / (unscaled.width * unscaled.height)));
      const viewport = p.getViewport({ scale });
      if (stopped) return;
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      task = p.render({ canvas: el, viewport });
      await task.promise;
      if (!stopped) setDrawn(page);
    };
    const done = draw().catch((e: unknown) => {
      if (!stopped && !(e instanceof Error && e.name === "RenderingCancelledException")) setFailed(true);
    });
    drawing.current = done;
    return () => {
      stopped = true;
      task?.cancel();
    };
  }, [doc, page, width]);

  const pages = doc?.numPages ?? 0;
  if (failed)
    return (
      <p className="pdf-preview__failed" role="alert">
        Không hiển thị được bản xem trước của tệp PDF này trên trình duyệt. Hãy{" "}
        <a href={download} download>
          tải tệp về
        </a>{" "}
        để xem.
      </p>
    );
  return (
    <div className="pdf-preview" ref={box}>
      <canvas
        ref={canvas}
        className="pdf-preview__page"
        role="img"
        aria-label={pages ? `${title}: trang ${drawn || page}/${pages}` : title}
        hidden={!drawn}
        data-testid="pdf-page"
        data-page={drawn || undefined}
      />
      {!drawn ? (
        <p className="muted" role="status">
          Đang mở bản xem trước…
        </p>
      ) : null}
      <noscript>
        <p className="muted">Trình duyệt đang tắt JavaScript nên không xem trước được: hãy tải tệp về để xem.</p>
      </noscript>
      {pages > 1 ? (
        <nav className="pdf-preview__pager" aria-label="Các trang của tệp PDF">
          <button
            type="button"
            className="button button--ghost"
            disabled={page <= 1}
            onClick={() => setPage((n) => Math.max(1, n - 1))}
          >
            ‹ Trang trước
          </button>
          <span aria-live="polite">
            Trang {page}/{pages}
          </span>
          <button
            type="button"
            className="button button--ghost"
            disabled={page >= pages}
            onClick={() => setPage((n) => Math.min(pages, n + 1))}
          >
            Trang sau ›
          </button>
        </nav>
      ) : null}
    </div>
  );
}
