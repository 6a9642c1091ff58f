/**
 * The two-step import every importer shares: "preview" parses and checks the uploaded file and stages it
 * when clean; "commit" writes the staged file (all or nothing); "cancel" drops it. Only the user and unit
 * that staged a file can commit or drop it.
 */
import { data, redirect } from "@remix-run/node";
import { discardStagedFile, readStagedFile, stageFile } from "~/domain/files/staging";
import { MAX_IMPORT_BYTES } from "~/domain/imports/table-file";
import { DomainError } from "~/domain/shared/errors";
import { fileFrom, readSmallMultipart } from "./upload.server";

interface PreviewLike {
  fileErrors: string[];
  counts: { error: number };
}

export async function handleStagedImport<P extends PreviewLike, C>(
  request: Request,
  owner: { userId: number; unitId: number; purpose: string },
  steps: {
    preview: (data: Uint8Array) => Promise<P>;
    commit: (data: Uint8Array, fileName: string) => Promise<C>;
    done: (result: C) => string;
    restart: string;
  },
) {
  try {
    const formData = await readSmallMultipart(request, MAX_IMPORT_BYTES);
    const intent = formData.get("intent");
    if (intent === "preview") {
      const file = await fileFrom(formData);
      if (!file)
        return data({ ok: false as const, formError: "Vui lòng chọn tệp CSV hoặc Excel (.xlsx)." }, { status: 400 });
      const preview = await steps.preview(file.data);
      const stagedId =
        preview.fileErrors.length || preview.counts.error
          ? null
          : stageFile(file.data, { ...owner, fileName: file.name });
      return { ok: true as const, preview, stagedId, fileName: file.name };
    }
    const stagedId = String(formData.get("stagedId") ?? "");
    if (intent === "cancel") {
      discardStagedFile(stagedId, owner);
      return redirect(steps.restart);
    }
    if (intent === "commit") {
      const staged = readStagedFile(stagedId, owner);
      if (!staged)
        return data(
          { ok: false as const, formError: "Tệp xem trước đã hết hạn (sau 1 giờ). Vui lòng tải tệp lên lại." },
          { status: 410 },
        );
      const result = await steps.commit(staged.data, staged.meta.fileName);
      discardStagedFile(stagedId, owner);
      return redirect(steps.done(result));
    }
    return data({ ok: false as const, formError: "Thao tác không hợp lệ." }, { status: 400 });
  } catch (e) {
    if (e instanceof DomainError) return data({ ok: false as const, formError: e.message }, { status: 400 });
    throw e;
  }
}
