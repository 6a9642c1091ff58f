import { data } from "@remix-run/node";
import { DomainError } from "~/domain/shared/errors";
import { failure, type FormFailure } from "./forms";

/** A rule of the domain said no: its message goes beside its field (or above the form); anything else is a real error. */
export function domainFailure<E extends Record<string, unknown> = Record<never, never>>(e: unknown, formData: FormData, extra?: E, status = 400) {
  if (e instanceof DomainError)
    return data({ ...failure(formData, { [e.field ?? "_form"]: e.message }), ...(extra ?? ({} as E)) } as FormFailure & E, { status });
  throw e;
}
