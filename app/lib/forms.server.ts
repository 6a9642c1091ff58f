import { data } from "@remix-run/node";
import { DomainError } from "~/domain/shared/errors";
import { cleanText } from "~/domain/shared/text";
import { failure, type FormFailure } from "./forms";

/** A rule of the domain said no: its message goes beside its field (or above the form); anything else is a real error. */
export function domainFailure<E extends Record<string, unknown> = Record<never, never>>(
  e: unknown,
  formData: FormData,
  extra?: E,
  status = 400,
) {
  if (e instanceof DomainError)
    return data(
      { ...failure(formData, { [e.field ?? "_form"]: e.message }), ...(extra ?? ({} as E)) } as FormFailure & E,
      { status },
    );
  throw e;
}

/**
 * The posted form. A body that is not a form (JSON, plain text, a broken or truncated multipart) is the
 * sender's mistake: 400 with a message, never a 500. Every action reads its form through here.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data"))
    throw notAForm();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw notAForm();
  }
  return cleanForm(form);
}

/**
 * Fields compared byte for byte, never stored as text: a password set before text was cleaned must still
 * match, and a password is hashed, never shown or exported.
 */
const SECRET_FIELDS = new Set(["password", "current", "confirm"]);

/** Every text value of a form as the app stores text (NFC, no control characters: cleanText); passwords and files as sent. */
export function cleanForm(form: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of form)
    clean.append(name, typeof value === "string" && !SECRET_FIELDS.has(name) ? cleanText(value) : value);
  return clean;
}

function notAForm() {
  return data(
    { message: "Dữ liệu gửi lên không phải một biểu mẫu hợp lệ. Vui lòng tải lại trang và gửi lại." },
    { status: 400 },
  );
}
