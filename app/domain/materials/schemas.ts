import { z } from "zod";
import { httpUrl, optionalText, stringList } from "../shared/schema-helpers";
import { cleanText, foldVietnamese } from "../shared/text";
import { MATERIAL_KINDS, VISIBILITIES } from "./vocabulary";

/** At most this many keywords on a material, each of at most this many characters. */
export const MAX_KEYWORDS = 10;
export const MAX_KEYWORD_LENGTH = 40;

/**
 * The keywords typed in one field, separated by commas, semicolons or line breaks ("robot, năng lượng mặt trời"):
 * cleaned as all stored text is (composed Unicode, no control characters), spaces collapsed, a leading "#" dropped,
 * empty ones left out, and the same word twice (with or without diacritics, any case) kept once, as first typed.
 */
export function readKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of cleanText(text).split(/[,;\n]/)) {
    const keyword = part
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^#+\s*/, "");
    const key = foldVietnamese(keyword);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

/** The keywords field: text in, a clean list out; too many or too long says so under the field. */
export const keywordList = () =>
  z
    .preprocess(
      (v) => (Array.isArray(v) ? v.join(", ") : (v ?? "")),
      z.string({ invalid_type_error: "Từ khoá không hợp lệ." }),
    )
    .transform((text, ctx) => {
      const keywords = readKeywords(text);
      if (keywords.length > MAX_KEYWORDS)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Tối đa ${MAX_KEYWORDS} từ khoá (đang có ${keywords.length}).`,
        });
      const long = keywords.find((k) => [...k].length > MAX_KEYWORD_LENGTH);
      if (long)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Mỗi từ khoá tối đa ${MAX_KEYWORD_LENGTH} ký tự: “${[...long].slice(0, 20).join("")}…” dài ${[...long].length} ký tự.`,
        });
      return keywords;
    });

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
  keywords: keywordList(),
  integratesTopics: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()),
  visibility: z.enum(VISIBILITIES, { errorMap: () => ({ message: "Vui lòng chọn phạm vi chia sẻ." }) }),
  linkUrl: httpUrl(),
});
export type MaterialInput = z.infer<typeof materialSchema>;
