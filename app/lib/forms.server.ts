import { data, redirect } from "@remix-run/node";
import type { ZodTypeAny, z } from "zod";
import { deleteConfirmationFrom, DomainError, type DeleteConfirmation } from "~/domain/shared/errors";
import { cleanText } from "~/domain/shared/text";
import { failure, parseForm, type FormFailure } from "./forms";

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

/**
 * The usual form POST: the form read and cleaned, checked against the schema the browser checks too (400 with each
 * message beside its field, what was typed kept), then `save`, which answers the address to go to next. A rule of
 * the domain that says no comes back beside its field (or above the form) with `refusedStatus`.
 */
export async function saveForm<S extends ZodTypeAny>(
  request: Request,
  schema: S,
  save: (input: z.output<S>) => Promise<string>,
  refusedStatus = 400,
) {
  const formData = await readForm(request);
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  let next: string;
  try {
    next = await save(parsed.data);
  } catch (e) {
    return domainFailure(e, formData, undefined, refusedStatus);
  }
  return redirect(next);
}

/**
 * A delete page's POST: the confirmation ticked on the form, the domain's delete (which asks the policy layer and
 * refuses without the confirmation), then the list. A refusal is the page's error: 400 without the confirmation,
 * 403 otherwise; nothing is deleted.
 */
export async function confirmDelete(
  request: Request,
  remove: (confirmed: DeleteConfirmation) => Promise<unknown>,
  next: string,
) {
  const confirmed = deleteConfirmationFrom((await readForm(request)).get("confirm"));
  try {
    await remove(confirmed);
  } catch (e) {
    if (e instanceof DomainError) return data({ error: e.message }, { status: e.field === "confirm" ? 400 : 403 });
    throw e;
  }
  return redirect(next);
}
