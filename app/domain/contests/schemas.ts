import { z } from "zod";
import { dateText, httpUrl, optionalText, stringList, recordId } from "../shared/schema-helpers";
import { CONTEST_FIELDS, CONTEST_LEVELS, CONTEST_RESULTS } from "./vocabulary";

export const contestSchema = z
  .object({
    name: z
      .string({ required_error: "Vui lòng nhập tên cuộc thi." })
      .trim()
      .min(5, "Vui lòng nhập tên cuộc thi.")
      .max(200, "Tên quá dài."),
    level: z.enum(CONTEST_LEVELS, { errorMap: () => ({ message: "Vui lòng chọn cấp tổ chức." }) }),
    field: z.enum(CONTEST_FIELDS, { errorMap: () => ({ message: "Vui lòng chọn lĩnh vực." }) }),
    startsOn: dateText("Vui lòng nhập ngày bắt đầu."),
    endsOn: dateText("Vui lòng nhập ngày kết thúc."),
    rules: optionalText(4000),
    link: httpUrl(),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ["endsOn"], message: "Ngày kết thúc phải từ ngày bắt đầu trở đi." });
export type ContestInput = z.infer<typeof contestSchema>;

export const entrySchema = z.object({
  title: z
    .string({ required_error: "Vui lòng nhập tên dự án, sản phẩm." })
    .trim()
    .min(3, "Vui lòng nhập tên dự án, sản phẩm.")
    .max(200, "Tên quá dài."),
  field: z.enum(CONTEST_FIELDS, { errorMap: () => ({ message: "Vui lòng chọn lĩnh vực." }) }),
  studentIds: stringList().pipe(
    z.array(recordId()).min(1, "Chọn ít nhất một học sinh dự thi.").max(10, "Tối đa 10 học sinh."),
  ),
  mentorIds: stringList().pipe(z.array(recordId()).max(5, "Tối đa 5 giáo viên hướng dẫn.")),
});
export type EntryInput = z.infer<typeof entrySchema>;

export const resultSchema = z.object({
  result: z.enum(CONTEST_RESULTS).optional().or(z.literal("")),
});
