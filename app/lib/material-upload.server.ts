import { unstable_parseMultipartFormData as parseMultipartFormData } from "@remix-run/node";
import { streamIntoStore, type StreamedFile } from "~/domain/files/upload-stream";
import { DomainError } from "~/domain/shared/errors";
import { cleanFileName } from "./upload.server";
import { cleanText } from "~/domain/shared/text";
import { db } from "./db.server";

export interface MaterialUpload {
  fields: FormData;
  file?: { stored: StreamedFile; name: string };
  error?: DomainError;
}

const MAX_FIELDS = 40;
const MAX_TEXT_BYTES = 256 * 1024;

/**
 * Reads a material's form: text fields into memory (few and small), the one file part streamed into the
 * store as it arrives. A refused file (type, size), a second file or too much text stops the read; the
 * fields read so far come back with the message. The page's script sends the file last; a form posted without a
 * script sends it first (it is the form's first field, issue 20): a file refused before any field was read is then
 * read past, its bytes dropped, so the fields after it come back too.
 */
export async function readMaterialUpload(request: Request): Promise<MaterialUpload> {
  const fields = new FormData();
  let file: MaterialUpload["file"];
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return { fields, error: new DomainError("Biểu mẫu gửi lên không đúng dạng.", "file") };
  }
  let count = 0;
  let textBytes = 0;
  let refused: DomainError | undefined;
  try {
    await parseMultipartFormData(request, async ({ name, filename, data }) => {
      if (++count > MAX_FIELDS) throw new DomainError("Biểu mẫu có quá nhiều trường.");
      if (name === "file" && filename) {
        if (file || refused) throw new DomainError("Mỗi học liệu chỉ tải lên một tệp.", "file");
        try {
          const s = await streamIntoStore(db, data);
          file = { stored: s, name: cleanFileName(filename) };
          return s.sha256;
        } catch (e) {
          if (!(e instanceof DomainError) || count > 1) throw e;
          refused = e;
          for await (const dropped of data) void dropped; // the rest of the refused file, up to the fields after it
          return undefined;
        }
      }
      let text = "";
      const decoder = new TextDecoder();
      for await (const chunk of data) {
        textBytes += chunk.length;
        if (textBytes > MAX_TEXT_BYTES) throw new DomainError("Dữ liệu gửi lên quá lớn.");
        text += decoder.decode(chunk, { stream: true });
      }
      if (!filename) fields.append(cleanText(name), cleanText(text + decoder.decode()));
      return undefined;
    });
  } catch (e) {
    if (e instanceof DomainError) return { fields, file, error: e };
    return {
      fields,
      file,
      error: new DomainError("Tải lên bị gián đoạn hoặc dữ liệu bị lỗi. Vui lòng thử lại.", "file"),
    };
  }
  return refused ? { fields, file, error: refused } : { fields, file };
}
