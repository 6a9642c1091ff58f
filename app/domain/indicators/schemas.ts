/** Forms of the indicators area, shared by the browser (react-hook-form) and the actions. */
import { z } from "zod";
import { optionalCount } from "../shared/schema-helpers";

/** Figures entered by hand; an empty box clears the figure. Which boxes a unit sees is decided by entered.ts. */
export const enteredFiguresSchema = z
  .object({
    period: z.string().regex(/^\d{4}-H[12]$/, "Vui lòng chọn kỳ 6 tháng."),
    stem_students: optionalCount(100_000),
    tasks_total: optionalCount(10_000),
    tasks_publicized: optionalCount(10_000),
    recognitions: optionalCount(10_000),
  })
  .refine(
    (v) => v.tasks_publicized === undefined || v.tasks_total === undefined || v.tasks_publicized <= v.tasks_total,
    {
      path: ["tasks_publicized"],
      message: "Số nhiệm vụ đã công khai không thể nhiều hơn tổng số nhiệm vụ.",
    },
  );
export type EnteredFiguresInput = z.infer<typeof enteredFiguresSchema>;

/** Yearly targets: one box per indicator, named t_<code>; empty means no target. */
export function targetsSchema(indicators: { code: string; unit: "percent" | "count" }[]) {
  return z.object(
    Object.fromEntries(
      indicators.map((i) => [
        `t_${i.code}`,
        z.preprocess(
          (v) => (typeof v === "string" ? v.trim().replace(",", ".") : v),
          z
            .union([
              z.literal(""),
              z.coerce
                .number({ invalid_type_error: "Vui lòng nhập một số." })
                .min(0, "Không được âm.")
                .max(i.unit === "percent" ? 100 : 100_000, i.unit === "percent" ? "Tỷ lệ tối đa 100." : "Số quá lớn."),
            ])
            .optional(),
        ),
      ]),
    ),
  );
}
