import { z } from "zod";
import { checkedObject, dateText, optionalText, recordId, stringList, timeText } from "../shared/schema-helpers";
import { cleanText } from "../shared/text";
import { ATTENDANCE_STATUSES } from "./vocabulary";

/** One tap of the roll call (sent by the phone, retried until the server says it is saved). */
export const markSchema = z.object({
  personId: recordId(),
  status: z.enum(ATTENDANCE_STATUSES),
  note: z
    .string()
    .transform(cleanText)
    .pipe(z.string().trim().max(200, "Ghi chú tối đa 200 ký tự."))
    .optional()
    .or(z.literal("")),
});

/** The roll call form without JavaScript: fields "status.<personId>" and "note.<personId>". */
export function marksFromForm(
  formData: FormData,
): { personId: number; status: (typeof ATTENDANCE_STATUSES)[number]; note?: string }[] {
  const out: { personId: number; status: (typeof ATTENDANCE_STATUSES)[number]; note?: string }[] = [];
  for (const [key, value] of formData.entries()) {
    const m = /^status\.(\d+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    // Only rows that changed: a save must not rewrite (or wipe the notes of) marks nobody touched.
    if (formData.get(`prev.${m[1]}`) === value) continue;
    const note = formData.get(`note.${m[1]}`);
    const parsed = markSchema.safeParse({
      personId: m[1],
      status: value,
      ...(typeof note === "string" ? { note } : {}),
    });
    if (parsed.success) out.push(parsed.data);
  }
  return out.slice(0, 5000);
}

/** The forms a class's own session takes (they count as the school's activities for its pupils, SCH-2.6). */
export const CLASS_SESSION_FORMS = ["thematic_session", "extracurricular"] as const;

/** A roll call opened for one class by its homeroom teacher or the school's administrators (issue 20). */
export const classSessionSchema = checkedObject(
  {
    className: z
      .string({ required_error: "Vui lòng chọn lớp." })
      .transform(cleanText)
      .pipe(z.string().trim().min(1, "Vui lòng chọn lớp.").max(40, "Vui lòng chọn lớp.")),
    title: z
      .string({ required_error: "Vui lòng nhập nội dung buổi học." })
      .transform(cleanText)
      .pipe(
        z.string().trim().min(3, "Vui lòng nhập nội dung buổi học.").max(200, "Nội dung quá dài (tối đa 200 ký tự)."),
      ),
    form: z.enum(CLASS_SESSION_FORMS, { errorMap: () => ({ message: "Vui lòng chọn hình thức." }) }),
    topics: stringList().pipe(z.array(z.string()).min(1, "Chọn ít nhất một chủ đề.").max(50, "Quá nhiều chủ đề.")),
    date: dateText("Vui lòng nhập ngày học."),
    startTime: timeText("Vui lòng nhập giờ bắt đầu."),
    endTime: timeText("Vui lòng nhập giờ kết thúc."),
    place: optionalText(200),
  },
  [
    {
      fields: ["startTime", "endTime"],
      ok: (v) => v.endTime > v.startTime,
      path: "endTime",
      message: "Giờ kết thúc phải sau giờ bắt đầu.",
    },
  ],
);
export type ClassSessionInput = z.infer<typeof classSessionSchema>;
