/** Issue 20: a form's errors all at once, each under the field it is about. */
import { describe, expect, it } from "vitest";
import { activitySchema } from "../../app/domain/activities/schemas";
import { zodFieldErrors } from "../../app/lib/forms";

const valid = {
  title: "Tập huấn chuyển đổi số",
  organizerUnitId: "5",
  coOrganizerIds: [],
  invitedUnitIds: [],
  form: "training",
  topics: ["NQ57"],
  audiences: ["teachers"],
  delivery: "in_person",
  startDate: "20/12/2026",
  startTime: "07:30",
  endDate: "20/12/2026",
  endTime: "11:00",
  place: "Hội trường",
  link: "",
  postKind: "",
  externalOrganizer: "",
  commemoration: "",
  plannedParticipants: "",
  status: "planned",
  description: "",
};

const errors = (input: Record<string, unknown>) => {
  const r = activitySchema.safeParse(input);
  return r.success ? {} : zodFieldErrors(r.error);
};

describe("the activity form's errors", () => {
  it("a valid form passes, with ISO dates", () => {
    const r = activitySchema.safeParse(valid);
    expect(r.success && r.data.startDate).toBe("2026-12-20");
  });

  it("a number error and a date error come together, the date error under the end date", () => {
    const e = errors({ ...valid, plannedParticipants: "nhiều", endDate: "19/12/2026", place: "" });
    expect(Object.keys(e).sort()).toEqual(["endDate", "place", "plannedParticipants"]);
    expect(e.endDate).toBe("Thời gian kết thúc phải sau thời gian bắt đầu.");
    // A head count's example is a head count.
    expect(e.plannedParticipants).toBe("Vui lòng nhập số nguyên, ví dụ 120.");
  });

  it("the same day with an earlier end time: under the end time", () => {
    expect(errors({ ...valid, endTime: "07:00" })).toEqual({
      endTime: "Thời gian kết thúc phải sau thời gian bắt đầu.",
    });
  });

  it("a field with its own error is not also checked against others", () => {
    const e = errors({ ...valid, endDate: "31/02/2026" });
    expect(e).toEqual({ endDate: "Ngày không hợp lệ: nhập ngày/tháng/năm, ví dụ 06/12/2026." });
  });
});
