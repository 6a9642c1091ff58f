import { unstable_parseMultipartFormData as parseMultipartFormData } from "@remix-run/node";
import { streamIntoStore, type StreamedFile } from "~/domain/files/upload-stream";
import { DomainError } from "~/domain/shared/errors";
import { cleanFileName } from "./upload.server";

export interface MaterialUpload {
  fields: FormData;
  file?: { stored: StreamedFile; name: string };
  error?: DomainError;
}

/**
 * Reads a material's form: text fields into memory (small), the file part streamed into the store as it
 * arrives. A refused file (type, size) stops the read; the fields read so far come back with the message.
 */
export async function readMaterialUpload(request: Request): Promise<MaterialUpload> {
  const fields = new FormData();
  let file: MaterialUpload["file"];
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return { fields: await request.formData() };
  try {
    await parseMultipartFormData(request, async ({ name, filename, data }) => {
      if (name === "file" && filename) {
        const stored = await streamIntoStore(data);
        file = { stored, name: cleanFileName(filename) };
        return stored.sha256;
      }
      let text = "";
      const decoder = new TextDecoder();
      let size = 0;
      for await (const chunk of data) {
        size += chunk.length;
        if (size > 64 * 1024) throw new DomainError("Dữ liệu gửi lên quá lớn.");
        text += decoder.decode(chunk, { stream: true });
      }
      if (!filename) fields.append(name, text + decoder.decode());
      return undefined;
    });
  } catch (e) {
    if (e instanceof DomainError) return { fields, file, error: e };
    return { fields, file, error: new DomainError("Tải lên bị gián đoạn hoặc dữ liệu bị lỗi. Vui lòng thử lại.", "file") };
  }
  return { fields, file };
}
