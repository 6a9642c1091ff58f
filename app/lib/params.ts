/** Reading list parameters (page, sort, year) from a URL safely. */
import { MAX_ID } from "~/domain/shared/schema-helpers";
import { vietnamYear } from "~/domain/shared/time";

export function pageParam(url: URL, name = "page"): number {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export function yearParam(url: URL): number {
  const n = Number(url.searchParams.get("year"));
  return Number.isInteger(n) && n >= 2024 && n <= 2035 ? n : vietnamYear();
}

export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** A record id from a path: whole decimal digits only ("7e0", "0x7", "7.0", "07" are not ids: the page answers 404). */
export function idParam(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_ID) return null;
  return Number(value);
}

/** A free-text search ("q"): trimmed, at most 100 characters; empty is no search. */
export function searchParam(url: URL, name = "q"): string | undefined {
  return (url.searchParams.get(name) ?? "").trim().slice(0, 100) || undefined;
}
