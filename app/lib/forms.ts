/** Form parsing shared by actions: one zod schema checks what the browser checked, with the same messages. */
import type { ZodError, ZodTypeAny, z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;
export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues; formError?: string };
export type FormResult<T> = { ok: true; data: T } | FormFailure;

/** The form's text values (files left out), repeated names as arrays; used to refill the form after an error. */
export function formValues(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== "string" || k === "password" || k === "confirm" || k === "current") continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function zodFieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Text fields of a form; a name given several times (checkboxes) becomes a list. */
export function formInput(formData: FormData): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (all.length) input[key] = all.length > 1 ? all : all[0];
  }
  return input;
}

export function parseForm<S extends ZodTypeAny>(
  schema: S,
  formData: FormData,
  raw?: Record<string, unknown>,
): FormResult<z.infer<S>> {
  const input = raw ?? formInput(formData);
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: zodFieldErrors(result.error), values: formValues(formData) };
}

export function failure(formData: FormData, errors: FieldErrors, formError?: string): FormFailure {
  return { ok: false, errors, values: formValues(formData), formError };
}
