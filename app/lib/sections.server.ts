import type { LoaderFunctionArgs } from "@remix-run/node";
import { sectionsFor, type Section } from "~/domain/auth/permissions";
import { forbidden, requireActor } from "./auth.server";

/** Loader of a section page: signed in, and the section is one of the actor's. */
export function sectionLoader(section: Section) {
  return async ({ request, context }: LoaderFunctionArgs) => {
    const actor = await requireActor(request, context);
    if (!sectionsFor(actor).includes(section)) forbidden();
    return { section };
  };
}
