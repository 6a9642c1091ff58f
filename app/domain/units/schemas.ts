import { z } from "zod";
import { SCHOOL_LEVELS } from "./vocabulary";

export const createUnitSchema = z
  .object({
    kind: z.enum(["office", "school", "hamlet"], { errorMap: () => ({ message: "Vui lòng chọn loại đơn vị." }) }),
    name: z.string().trim().min(3, "Vui lòng nhập tên đơn vị.").max(150, "Tên quá dài."),
    shortName: z.string().trim().max(40, "Tên viết tắt quá dài.").optional().or(z.literal("")),
    schoolLevel: z.enum(SCHOOL_LEVELS).optional().or(z.literal("")),
    address: z.string().trim().max(200, "Địa chỉ quá dài.").optional().or(z.literal("")),
  })
  .refine((v) => v.kind !== "school" || !!v.schoolLevel, { path: ["schoolLevel"], message: "Vui lòng chọn cấp học của trường." });

/** A whole number as Vietnamese write it: "1.200" or "1 200" is one thousand two hundred. */
export const vietnameseInteger = z.preprocess(
  (v) => (typeof v === "string" && /^\d{1,3}([. ]\d{3})+$/.test(v.trim()) ? v.trim().replace(/[. ]/g, "") : v),
  z.coerce
    .number({ invalid_type_error: "Vui lòng nhập một số." })
    .int("Vui lòng nhập số nguyên.")
    .min(0, "Số lượng không được âm.")
    .max(1_000_000, "Số lượng quá lớn."),
);

/** Headcount form: one field per "category:grade" key; an empty field means "no figure" (clears it). */
export const headcountFormSchema = z.record(
  z.string().regex(/^[a-z_]+:\d{1,2}$/),
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), vietnameseInteger.nullable()),
);
