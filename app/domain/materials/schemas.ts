import { z } from "zod";
import { httpUrl, optionalText, stringList } from "../shared/schema-helpers";
import { MATERIAL_KINDS, VISIBILITIES } from "./vocabulary";

export const materialSchema = z.object({
  title: z
    .string({ required_error: "Vui lòng nhập tên học liệu." })
    .trim()
    .min(3, "Vui lòng nhập tên học liệu.")
    .max(200, "Tên quá dài."),
  description: optionalText(2000),
  kind: z.enum(MATERIAL_KINDS, { errorMap: () => ({ message: "Vui lòng chọn loại học liệu." }) }),
  subject: optionalText(80),
  grades: stringList().pipe(z.array(z.coerce.number().int().min(0).max(12)).max(13)),
  topics: stringList().pipe(z.array(z.string()).max(20)),
  integratesTopics: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()),
  visibility: z.enum(VISIBILITIES, { errorMap: () => ({ message: "Vui lòng chọn phạm vi chia sẻ." }) }),
  linkUrl: httpUrl(),
});
export type MaterialInput = z.infer<typeof materialSchema>;
