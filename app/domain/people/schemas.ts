import { z } from "zod";

const PERSON_CATEGORIES = [
  "school_managers",
  "teachers",
  "school_staff",
  "students",
  "officials",
  "communication_staff",
] as const;

/** One person, as typed in the form or read from one row of an import file. */
export const personSchema = z
  .object({
    category: z.enum(PERSON_CATEGORIES, {
      errorMap: () => ({ message: "Vui lòng chọn loại (học sinh, giáo viên…)." }),
    }),
    code: z
      .string({ required_error: "Vui lòng nhập mã." })
      .trim()
      .min(1, "Vui lòng nhập mã.")
      .max(30, "Mã tối đa 30 ký tự.")
      .regex(/^[A-Za-z0-9._-]+$/, "Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang."),
    fullName: z
      .string({ required_error: "Vui lòng nhập họ và tên." })
      .trim()
      .min(2, "Vui lòng nhập họ và tên.")
      .max(100, "Họ và tên quá dài."),
    grade: z.preprocess(
      (v) => (v === "" || v === null || v === undefined ? undefined : v),
      z.coerce
        .number({ invalid_type_error: "Khối phải là số." })
        .int("Khối phải là số nguyên.")
        .min(0, "Khối không hợp lệ.")
        .max(12, "Khối không hợp lệ.")
        .optional(),
    ),
    className: z.string().trim().max(20, "Tên lớp quá dài.").optional().or(z.literal("")),
    position: z.string().trim().max(80, "Chức vụ quá dài.").optional().or(z.literal("")),
  })
  .refine((p) => p.category !== "students" || p.grade !== undefined, {
    path: ["grade"],
    message: "Học sinh cần có khối.",
  })
  .refine((p) => p.category !== "students" || !!p.className, { path: ["className"], message: "Học sinh cần có lớp." });

export type PersonInput = z.infer<typeof personSchema>;
