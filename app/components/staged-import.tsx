/**
 * The import page's body: the preview of the last file (every bad row first), the commit/cancel buttons
 * when the file is clean, and the upload form — which, with JavaScript, shows the upload's progress.
 */
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useRef, useState, type ReactNode } from "react";
import { FormError } from "./forms";
import { ImportPreviewTable, type PreviewRowView } from "./import-preview";

export interface StagedImportResult {
  ok: boolean;
  formError?: string;
  preview?: { rows: PreviewRowView[]; counts: Record<PreviewRowView["status"], number>; fileErrors: string[] };
  stagedId?: string | null;
  fileName?: string;
}

export function StagedImport({
  result,
  commitLabel,
  okText,
  help,
}: {
  result: StagedImportResult | undefined;
  commitLabel: string;
  okText: string;
  help: ReactNode;
}) {
  const navigation = useNavigation();
  const submit = useSubmit();
  const busy = navigation.state === "submitting";
  const preview = result?.ok ? result.preview : undefined;
  const [progress, setProgress] = useState<number | null>(null);
  const form = useRef<HTMLFormElement>(null);

  // With JavaScript: read the file once to show a progress bar for big files, then submit as usual.
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    const input = form.current?.querySelector<HTMLInputElement>("input[type=file]");
    const file = input?.files?.[0];
    if (!file || file.size < 512 * 1024) return;
    e.preventDefault();
    const reader = new FileReader();
    reader.onprogress = (ev) => ev.lengthComputable && setProgress(Math.round((ev.loaded / ev.total) * 100));
    reader.onload = () => {
      setProgress(100);
      submit(form.current, { method: "post", encType: "multipart/form-data" });
    };
    reader.readAsArrayBuffer(file);
  };

  return (
    <>
      <FormError message={result && !result.ok ? result.formError : undefined} />
      {preview && result ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Xem trước: {result.fileName}</h2>
          {preview.fileErrors.length ? (
            <div className="alert alert--error" role="alert">
              {preview.fileErrors.join(" ")}
            </div>
          ) : null}
          {preview.counts.error ? (
            <div className="alert alert--error" role="alert">
              Có {preview.counts.error} dòng lỗi. Chưa có dòng nào được ghi: hãy sửa các dòng dưới đây trong tệp rồi tải
              lên lại.
            </div>
          ) : !preview.fileErrors.length ? (
            <div className="alert alert--info">{okText}</div>
          ) : null}
          {result.stagedId ? (
            <Form method="post" encType="multipart/form-data" className="form-actions" style={{ marginBottom: "1rem" }}>
              <input type="hidden" name="stagedId" value={result.stagedId} />
              <button type="submit" name="intent" value="commit" className="button" disabled={busy}>
                {busy ? "Đang ghi…" : commitLabel}
              </button>
              <button type="submit" name="intent" value="cancel" className="button button--ghost" disabled={busy}>
                Hủy
              </button>
            </Form>
          ) : null}
          {preview.rows.length ? <ImportPreviewTable rows={preview.rows} counts={preview.counts} /> : null}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card form" ref={form} onSubmit={onSubmit}>
        <h2>{preview ? "Tải tệp khác" : "Chọn tệp"}</h2>
        {help}
        <div className="field">
          <label htmlFor="file">Tệp danh sách</label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
          />
        </div>
        <input type="hidden" name="intent" value="preview" />
        {progress !== null && busy === false && progress < 100 ? (
          <progress max={100} value={progress} aria-label="Đang đọc tệp" />
        ) : null}
        {busy ? (
          <p role="status">
            <progress aria-label="Đang tải lên và kiểm tra tệp" /> Đang tải lên và kiểm tra từng dòng…
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Đang kiểm tra…" : "Kiểm tra tệp"}
          </button>
        </div>
      </Form>
    </>
  );
}
