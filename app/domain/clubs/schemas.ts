import { z } from "zod";
import { dateText, optionalDateText, optionalText, stringList, timeText, recordId } from "../shared/schema-helpers";
import { CLUB_FIELDS, CLUB_STATUSES } from "./vocabulary";

export const clubSchema = z.object({
  name: z
    .string({ required_error: "Vui lòng nhập tên câu lạc bộ." })
    .trim()
    .min(3, "Vui lòng nhập tên câu lạc bộ.")
    .max(120, "Tên quá dài."),
  field: z.enum(CLUB_FIELDS, { errorMap: () => ({ message: "Vui lòng chọn lĩnh vực." }) }),
  targetGrades: stringList().pipe(
    z.array(z.coerce.number().int().min(0).max(12)).min(1, "Chọn ít nhất một khối.").max(13),
  ),
  schedule: optionalText(200),
  status: z.enum(CLUB_STATUSES, { errorMap: () => ({ message: "Vui lòng chọn trạng thái." }) }),
  foundedOn: optionalDateText(),
  description: optionalText(2000),
});
export type ClubInput = z.infer<typeof clubSchema>;

/** People added in one pass (issue 20): pupils and staff together; the staff ticked "phụ trách" join as advisors. */
export const addMembersSchema = z.object({
  personIds: stringList().pipe(
    z.array(recordId()).min(1, "Chọn ít nhất một người.").max(500, "Mỗi lần thêm tối đa 500 người."),
  ),
  advisorIds: stringList().pipe(z.array(recordId()).max(500, "Mỗi lần thêm tối đa 500 người.")),
  joinedOn: dateText("Vui lòng nhập ngày tham gia."),
});

export const meetingSchema = z
  .object({
    date: dateText("Vui lòng nhập ngày sinh hoạt."),
    startTime: timeText("Vui lòng nhập giờ bắt đầu."),
    endTime: timeText("Vui lòng nhập giờ kết thúc."),
    topic: z
      .string({ required_error: "Vui lòng nhập chủ đề." })
      .trim()
      .min(3, "Vui lòng nhập chủ đề buổi sinh hoạt.")
      .max(200, "Chủ đề quá dài."),
    description: optionalText(2000),
  })
  .refine((m) => m.endTime > m.startTime, { path: ["endTime"], message: "Giờ kết thúc phải sau giờ bắt đầu." });
