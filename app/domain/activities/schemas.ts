import { z } from "zod";
import {
  dateText,
  httpUrl,
  optionalCount,
  optionalText,
  stringList,
  timeText,
  wholeNumber,
  recordId,
  checkedObject,
  MONEY_EXAMPLE,
  MAX_ID,
} from "../shared/schema-helpers";
import {
  ACTIVITY_STATUSES,
  BUDGET_CATEGORIES,
  COMMEMORATIONS,
  DELIVERIES,
  FUNDING_SOURCES,
  isPostForm,
  POST_KINDS,
} from "./vocabulary";

export const activitySchema = checkedObject(
  {
    title: z
      .string({ required_error: "Vui lòng nhập tên hoạt động." })
      .trim()
      .min(5, "Vui lòng nhập tên hoạt động (ít nhất 5 ký tự).")
      .max(200, "Tên quá dài."),
    organizerUnitId: z.coerce
      .number({ invalid_type_error: "Vui lòng chọn đơn vị tổ chức." })
      .int()
      .positive("Vui lòng chọn đơn vị tổ chức.")
      .max(MAX_ID, "Vui lòng chọn đơn vị tổ chức."),
    coOrganizerIds: stringList().pipe(z.array(recordId()).max(200, "Quá nhiều đơn vị.")),
    invitedUnitIds: stringList().pipe(z.array(recordId()).max(200, "Quá nhiều đơn vị.")),
    form: z.string({ required_error: "Vui lòng chọn hình thức." }).min(1, "Vui lòng chọn hình thức."),
    topics: stringList().pipe(z.array(z.string()).min(1, "Chọn ít nhất một nội dung.").max(50, "Quá nhiều nội dung.")),
    audiences: stringList().pipe(
      z.array(z.string()).min(1, "Chọn ít nhất một đối tượng.").max(50, "Quá nhiều đối tượng."),
    ),
    delivery: z.enum(DELIVERIES, { errorMap: () => ({ message: "Vui lòng chọn cách tổ chức." }) }),
    startDate: dateText("Vui lòng nhập ngày bắt đầu."),
    startTime: timeText("Vui lòng nhập giờ bắt đầu."),
    endDate: dateText("Vui lòng nhập ngày kết thúc."),
    endTime: timeText("Vui lòng nhập giờ kết thúc."),
    place: optionalText(200),
    link: httpUrl(),
    postKind: z.enum(POST_KINDS).optional().or(z.literal("")),
    externalOrganizer: optionalText(200),
    commemoration: z.enum(COMMEMORATIONS).optional().or(z.literal("")),
    plannedParticipants: optionalCount(),
    status: z.enum(ACTIVITY_STATUSES, { errorMap: () => ({ message: "Vui lòng chọn trạng thái." }) }),
    description: optionalText(4000),
  },
  [
    {
      fields: ["startDate", "startTime", "endDate", "endTime"],
      ok: (a) => `${a.endDate}T${a.endTime}` > `${a.startDate}T${a.startTime}`,
      // Under the end date when it is the earlier day; under the end time when the day is the same.
      path: (a) => (a.endDate < a.startDate ? "endDate" : "endTime"),
      message: "Thời gian kết thúc phải sau thời gian bắt đầu.",
    },
    {
      fields: ["delivery", "form", "place"],
      ok: (a) => a.delivery === "online" || isPostForm(a.form) || !!a.place,
      path: "place",
      message: "Vui lòng nhập địa điểm (với hoạt động trực tiếp hoặc kết hợp).",
    },
    {
      fields: ["delivery", "link"],
      ok: (a) => a.delivery === "in_person" || !!a.link,
      path: "link",
      message: "Vui lòng nhập đường dẫn tham gia trực tuyến.",
    },
    // A post on a website or social page (clause III.1.1): where it is, and whether it is news, photos or a video.
    {
      fields: ["form", "link"],
      ok: (a) => !isPostForm(a.form) || !!a.link,
      path: "link",
      message: "Vui lòng nhập đường dẫn của tin bài (ví dụ https://tanan.gov.vn/tin-tuc/...).",
    },
    {
      fields: ["form", "postKind"],
      ok: (a) => !isPostForm(a.form) || !!a.postKind,
      path: "postKind",
      message: "Vui lòng chọn loại tin bài: tin, bài viết; ảnh; hoặc video.",
    },
  ],
);
export type ActivityInput = z.infer<typeof activitySchema>;

export const budgetLineSchema = z.object({
  category: z.enum(BUDGET_CATEGORIES, { errorMap: () => ({ message: "Vui lòng chọn nội dung chi." }) }),
  source: z.enum(FUNDING_SOURCES, { errorMap: () => ({ message: "Vui lòng chọn nguồn kinh phí." }) }),
  estimate: wholeNumber({ max: 10_000_000_000, required: "Vui lòng nhập dự toán (đồng).", example: MONEY_EXAMPLE }),
  actual: optionalCount(10_000_000_000, MONEY_EXAMPLE),
  note: optionalText(200),
});
export type BudgetLineInput = z.infer<typeof budgetLineSchema>;

/** Reach of an event without a roster, per audience: field names "reach.<audience code>". */
export const reachSchema = z.record(z.string(), optionalCount(10_000_000));
