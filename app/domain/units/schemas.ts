import { z } from "zod";
import { wholeNumber } from "../shared/schema-helpers";
import { SCHOOL_LEVELS } from "./vocabulary";

export const createUnitSchema = z
  .object({
    kind: z.enum(["commune", "office", "school", "hamlet"], {
      errorMap: () => ({ message: "Vui lòng chọn loại đơn vị." }),
    }),
    /** The commune an office, school or hamlet belongs to (a new commune belongs to the province). */
    parentId: z
      .union([
        z.literal(""),
        z.coerce
          .number({ invalid_type_error: "Vui lòng chọn xã của đơn vị." })
          .int()
          .positive("Vui lòng chọn xã của đơn vị."),
      ])
      .optional(),
    name: z.string().trim().min(3, "Vui lòng nhập tên đơn vị.").max(150, "Tên quá dài."),
    shortName: z.string().trim().max(40, "Tên viết tắt quá dài.").optional().or(z.literal("")),
    schoolLevel: z.enum(SCHOOL_LEVELS).optional().or(z.literal("")),
    address: z.string().trim().max(200, "Địa chỉ quá dài.").optional().or(z.literal("")),
  })
  .refine((v) => v.kind !== "school" || !!v.schoolLevel, {
    path: ["schoolLevel"],
    message: "Vui lòng chọn cấp học của trường.",
  });

/** A headcount, typed the Vietnamese way ("1.200" is one thousand two hundred). */
export const vietnameseInteger = wholeNumber({ min: "Số lượng không được âm." });

/** Headcount form: one field per "category:grade" key; an empty field means "no figure" (clears it). */
export const headcountFormSchema = z.record(
  z.string().regex(/^[a-z_]+:\d{1,2}$/),
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), vietnameseInteger.nullable()),
);

/** Who signs a unit's documents and its abbreviation (issue 18); all optional (empty = the default). */
export const documentSettingsSchema = z.object({
  signerName: z.string().trim().max(100, "Tối đa 100 ký tự.").optional().or(z.literal("")),
  signerTitle: z.string().trim().max(100, "Tối đa 100 ký tự.").optional().or(z.literal("")),
  docAbbreviation: z
    .string()
    .trim()
    .max(20, "Tối đa 20 ký tự.")
    .regex(/^[\p{L}\p{N}&.-]*$/u, "Chỉ gồm chữ, số và các dấu & . - (không có khoảng trắng, ví dụ THCSTA).")
    .optional()
    .or(z.literal("")),
});
export type DocumentSettingsInput = z.infer<typeof documentSettingsSchema>;
