/** Forms of the report workflow, shared by the browser and the actions. */
import { z } from "zod";

export const reportNarrativeSchema = z.object({
  intent: z.enum(["save", "submit"]),
  narrative: z.string().trim().max(8000, "Phần đánh giá tối đa 8.000 ký tự."),
});

export const reportDecisionSchema = z.object({
  intent: z.enum(["approve", "return", "reopen"]),
  comment: z.string().trim().max(2000, "Tối đa 2.000 ký tự.").optional(),
});
