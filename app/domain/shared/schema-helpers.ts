/** Small zod building blocks shared by the forms of several areas. */
import { z } from "zod";
import { readDate, readTime } from "./dates";

/** Typed text read as ISO where it is a date or a time; anything else passes on to fail the check with its message. */
const readWith = (read: (text: string) => string | null) => (v: unknown) =>
  typeof v === "string" && v.trim() !== "" ? (read(v) ?? v) : v;

export const BAD_DATE = "Ngày không hợp lệ: nhập ngày/tháng/năm, ví dụ 06/12/2026.";
export const BAD_TIME = "Giờ không hợp lệ: nhập giờ:phút theo 24 giờ, ví dụ 07:30 hoặc 14:00.";

/**
 * A calendar date typed day/month/year ("06/12/2026", "6-12-26") or ISO, checked to exist; the result is ISO
 * ("YYYY-MM-DD"). `missing` is said when nothing is typed; a date that is no day says how to type one.
 */
export const dateText = (missing = BAD_DATE) =>
  z.preprocess(
    readWith(readDate),
    z
      .string({ required_error: missing })
      .trim()
      .min(1, missing)
      .refine((v) => readDate(v) === v, BAD_DATE),
  );

export const optionalDateText = (missing?: string) => dateText(missing).optional().or(z.literal(""));

/** A time of day on the 24-hour clock ("7:30", "07h30", "19.30"); the result is "HH:MM". */
export const timeText = (missing = BAD_TIME) =>
  z.preprocess(
    readWith(readTime),
    z
      .string({ required_error: missing })
      .trim()
      .min(1, missing)
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, BAD_TIME),
  );

/** The largest record id (ids are 32-bit integers on PostgreSQL): a larger number is no record, not an error. */
export const MAX_ID = 2_147_483_647;

/** A record's id in a form or a request body. */
export const recordId = () => z.coerce.number().int().positive().max(MAX_ID, "Không tìm thấy.");

/** Optional free text of at most `max` characters. */
export const optionalText = (max: number, message = `Tối đa ${max} ký tự.`) =>
  z.string().trim().max(max, message).optional().or(z.literal(""));

/** A list from repeated form fields (checkboxes, multi-selects): one value or several. */
export const stringList = () =>
  z.preprocess(
    // react-hook-form gives `false` for an unchecked lone checkbox; the browser's form gives one string or several.
    (v) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && x !== ""),
    z.array(z.string()),
  );

/**
 * Reads a whole number as Vietnamese write it: "1.500.000", "1 500 000" (or "1,500,000") are one and a half
 * million — a dot groups thousands, it is never a decimal point. Empty text is "nothing typed".
 */
export function readWholeNumber(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim().replace(/\s+/g, "");
  if (t === "") return undefined;
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ""));
  if (/^-?\d+$/.test(t)) return Number(t);
  return Number.NaN;
}

/**
 * A required whole number (people, đồng), typed the Vietnamese way. `example` fits the field: a head count's "120",
 * an amount's "1.500.000" (issue 20: no money example under a head count).
 */
export const wholeNumber = (opts: { max?: number; required?: string; min?: string; example?: string } = {}) =>
  z.preprocess(
    readWholeNumber,
    z
      .number({
        required_error: opts.required ?? "Vui lòng nhập một số.",
        invalid_type_error: `Vui lòng nhập số nguyên, ví dụ ${opts.example ?? "120"}.`,
      })
      .int(`Vui lòng nhập số nguyên, ví dụ ${opts.example ?? "120"}.`)
      .min(0, opts.min ?? "Không được âm.")
      .max(opts.max ?? 1_000_000, "Số quá lớn."),
  );

/** A whole number typed in a field; empty means none. */
export const optionalCount = (max = 1_000_000, example?: string) =>
  z.preprocess(readWholeNumber, wholeNumber({ max, example }).optional());

/** An amount of money in đồng; its example is an amount. */
export const MONEY_EXAMPLE = "1.500.000";

export const httpUrl = () =>
  z
    .string()
    .trim()
    .max(500, "Địa chỉ quá dài.")
    .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), "Địa chỉ web phải bắt đầu bằng http:// hoặc https://")
    .optional()
    .or(z.literal(""));

/** A check across fields of a form: run when each field it reads is valid on its own. */
export interface CrossCheck<S extends z.ZodRawShape> {
  fields: (keyof S & string)[];
  ok: (values: { [K in keyof S]: z.infer<S[K]> }) => boolean;
  /** The field the message stands under (it may depend on the values: an end date, or an end time the same day). */
  path: (keyof S & string) | ((values: { [K in keyof S]: z.infer<S[K]> }) => keyof S & string);
  message: string;
}

/**
 * An object whose field errors and cross-field checks are all found at once (issue 20): zod's own refinements run
 * only once every field is valid, so a form showed one error, then another on the next try. A check whose fields
 * have errors of their own is left out (the field's error says it).
 */
export function checkedObject<S extends z.ZodRawShape>(shape: S, checks: CrossCheck<S>[]) {
  const base = z.object(shape);
  return z.unknown().transform((raw, ctx): z.infer<typeof base> => {
    const result = base.safeParse(raw);
    const input = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const failed = new Set(result.success ? [] : result.error.issues.map((i) => String(i.path[0])));
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue(issue as z.IssueData);
    for (const check of checks) {
      if (check.fields.some((f) => failed.has(f))) continue;
      const values = (
        result.success ? result.data : Object.fromEntries(check.fields.map((f) => [f, shape[f].parse(input[f])]))
      ) as {
        [K in keyof S]: z.infer<S[K]>;
      };
      if (!check.ok(values))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [typeof check.path === "function" ? check.path(values) : check.path],
          message: check.message,
        });
    }
    return result.success ? result.data : (z.NEVER as never);
  });
}
