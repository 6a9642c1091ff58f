/** Small zod building blocks shared by the forms of several areas. */
import { z } from "zod";

/** A calendar date typed in a date input ("YYYY-MM-DD"), checked to exist. */
export const dateText = (message = "Ngày không hợp lệ.") =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), message);

export const optionalDateText = (message?: string) => dateText(message).optional().or(z.literal(""));

/** A time of day typed in a time input ("HH:MM"). */
export const timeText = (message = "Giờ không hợp lệ.") =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);

/** Optional free text of at most `max` characters. */
export const optionalText = (max: number, message = `Tối đa ${max} ký tự.`) => z.string().trim().max(max, message).optional().or(z.literal(""));

/** A list from repeated form fields (checkboxes, multi-selects): one value or several. */
export const stringList = () =>
  z.preprocess(
    // react-hook-form gives `false` for an unchecked lone checkbox; the browser's form gives one string or several.
    (v) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && x !== ""),
    z.array(z.string()),
  );

/** A whole number typed in a field; empty means none. */
export const optionalCount = (max = 1_000_000) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce
      .number({ invalid_type_error: "Vui lòng nhập một số." })
      .int("Vui lòng nhập số nguyên.")
      .min(0, "Không được âm.")
      .max(max, "Số quá lớn.")
      .optional(),
  );

export const httpUrl = () =>
  z
    .string()
    .trim()
    .max(500, "Địa chỉ quá dài.")
    .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), "Địa chỉ web phải bắt đầu bằng http:// hoặc https://")
    .optional()
    .or(z.literal(""));
