/** Small zod building blocks shared by the forms of several areas. */
import { z } from "zod";

/** A calendar date typed in a date input ("YYYY-MM-DD"), checked to exist. */
export const dateText = (message = "Ngày không hợp lệ.") =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      message,
    );

export const optionalDateText = (message?: string) => dateText(message).optional().or(z.literal(""));

/** A time of day typed in a time input ("HH:MM"). */
export const timeText = (message = "Giờ không hợp lệ.") =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);

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

/** A required whole number (people, đồng), typed the Vietnamese way. */
export const wholeNumber = (opts: { max?: number; required?: string; min?: string } = {}) =>
  z.preprocess(
    readWholeNumber,
    z
      .number({
        required_error: opts.required ?? "Vui lòng nhập một số.",
        invalid_type_error: "Vui lòng nhập số nguyên, ví dụ 1.500.000.",
      })
      .int("Vui lòng nhập số nguyên, ví dụ 1.500.000.")
      .min(0, opts.min ?? "Không được âm.")
      .max(opts.max ?? 1_000_000, "Số quá lớn."),
  );

/** A whole number typed in a field; empty means none. */
export const optionalCount = (max = 1_000_000) => z.preprocess(readWholeNumber, wholeNumber({ max }).optional());

export const httpUrl = () =>
  z
    .string()
    .trim()
    .max(500, "Địa chỉ quá dài.")
    .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), "Địa chỉ web phải bắt đầu bằng http:// hoặc https://")
    .optional()
    .or(z.literal(""));
