import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { DomainError } from "~/domain/shared/errors";
import { cleanForm, readForm } from "./forms.server";

/** Reads a small multipart form (an import file of a few MB) into memory, with a hard size limit. */
export async function readSmallMultipart(request: Request, maxBytes: number): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return readForm(request);
  try {
    return cleanForm(await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: maxBytes })));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError)
      throw new DomainError(`Tệp quá lớn (tối đa ${Math.round(maxBytes / 1024 / 1024)} MB).`, "file");
    // A truncated or malformed multipart body is the sender's fault: say so, don't answer 500.
    throw new DomainError("Dữ liệu gửi lên bị lỗi hoặc không đầy đủ. Vui lòng thử lại.", "file");
  }
}

export async function fileFrom(formData: FormData, field = "file"): Promise<{ data: Uint8Array; name: string } | null> {
  const f = formData.get(field);
  if (!f || typeof f === "string" || f.size === 0) return null;
  return { data: new Uint8Array(await f.arrayBuffer()), name: cleanFileName(f.name) };
}

/** The original name kept as metadata only: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Control characters, C1 controls and bidirectional/format marks (which can disguise "gnp.exe" as ".png") go.
  const clean = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .trim()
    .slice(0, 200);
  return clean || "tep";
}
