/** A page's <title>, said one way everywhere: "Câu lạc bộ STEM · Tân An STEM". */
import type { MetaArgs, MetaDescriptor, MetaFunction } from "@remix-run/react";

const SITE = "Tân An STEM";

/** "Sửa câu lạc bộ" → "Sửa câu lạc bộ · Tân An STEM"; empty parts are left out. */
export function pageTitle(...parts: (string | null | undefined)[]): string {
  return [...parts.filter(Boolean), SITE].join(" · ");
}

/** A page with a fixed title (and any other meta tags it needs). */
export function titled(title: string, ...more: MetaDescriptor[]): MetaFunction {
  return () => [{ title: pageTitle(title) }, ...more];
}

/** A page titled by its record ("CLB Robotics · Tân An STEM"); `fallback` while there is none (an error page). */
export function titledBy<Loader>(
  title: (data: NonNullable<MetaArgs<Loader>["data"]>) => string,
  fallback: string,
): MetaFunction<Loader> {
  return ({ data }) => [{ title: pageTitle(data ? title(data) : fallback) }];
}

/** The site's name alone, for pages that have no title of their own. */
export const siteTitle: MetaFunction = () => [{ title: pageTitle() }];
