/** The yearly budget estimate form (clause V.1), shared by the browser and the action. */
import { z } from "zod";
import { BUDGET_CATEGORIES, FUNDING_SOURCES } from "../activities/vocabulary";
import { MONEY_EXAMPLE, optionalText, wholeNumber } from "../shared/schema-helpers";

export const budgetPlanSchema = z.object({
  category: z.enum(BUDGET_CATEGORIES, { errorMap: () => ({ message: "Vui lòng chọn nội dung chi." }) }),
  source: z.enum(FUNDING_SOURCES, { errorMap: () => ({ message: "Vui lòng chọn nguồn kinh phí." }) }),
  amount: wholeNumber({
    max: 100_000_000_000,
    required: "Vui lòng nhập số tiền dự toán (đồng).",
    example: MONEY_EXAMPLE,
  }),
  note: optionalText(200),
});
export type BudgetPlanInput = z.infer<typeof budgetPlanSchema>;
