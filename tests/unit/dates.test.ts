import { describe, expect, it } from "vitest";
import { readDate, readTime, showDate } from "../../app/domain/shared/dates";
import { dateText, timeText } from "../../app/domain/shared/schema-helpers";
import { classSessionTimes } from "../../app/domain/attendance/class-sessions";

describe("dates and times as Vietnamese type them (issue 20)", () => {
  it("reads day/month/year in its usual spellings, and ISO; refuses what is no day", () => {
    expect(["06/12/2026", "6/12/2026", "6-12-2026", "6.12.26", " 06 / 12 / 2026 ", "2026-12-06"].map(readDate)).toEqual(
      Array(6).fill("2026-12-06"),
    );
    expect(["31/02/2026", "12/31/2026", "0/1/2026", "2026/12/06", "06122026", "", "hôm nay"].map(readDate)).toEqual(
      Array(7).fill(null),
    );
    expect(readDate("29/02/2028")).toBe("2028-02-29");
  });

  it("shows ISO dates day/month/year and leaves typed text alone", () => {
    expect(showDate("2026-12-06")).toBe("06/12/2026");
    expect(showDate("6/12")).toBe("6/12");
    expect(showDate(null)).toBe("");
  });

  it("reads the 24-hour clock", () => {
    expect(["7:30", "07:30", "7h30", "07h30", "7.30", "730", "0730"].map(readTime)).toEqual(Array(7).fill("07:30"));
    expect(["14:00", "14h", "14h00", "1400"].map(readTime)).toEqual(Array(4).fill("14:00"));
    expect(["24:00", "7:60", "7:5", "ab", "3 PM"].map(readTime)).toEqual(Array(5).fill(null));
  });

  it("the shared schemas give ISO, with a Vietnamese message for the rest", () => {
    expect(dateText().parse("20/12/2026")).toBe("2026-12-20");
    expect(timeText().parse("14h")).toBe("14:00");
    expect(dateText().safeParse("2026-02-31").success).toBe(false);
    expect(dateText("Vui lòng nhập ngày bắt đầu.").safeParse("").error!.issues[0].message).toBe(
      "Vui lòng nhập ngày bắt đầu.",
    );
    const bad = dateText("Vui lòng nhập ngày bắt đầu.").safeParse("12/31/2026");
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toContain("ngày/tháng/năm");
  });
});

describe("a class session opened now (issue 20)", () => {
  it("starts at the five minutes before now, Vietnam's clock, for a 45-minute lesson ending by midnight", () => {
    // 02:13 UTC is 09:13 in Vietnam.
    expect(classSessionTimes(new Date("2026-12-07T02:13:40Z"))).toEqual({
      date: "2026-12-07",
      startTime: "09:10",
      endTime: "09:55",
    });
    // 20:15 UTC on the 6th is 03:15 on the 7th in Vietnam: the date is Vietnam's.
    expect(classSessionTimes(new Date("2026-12-06T20:15:00Z")).date).toBe("2026-12-07");
    // 23:40 in Vietnam: the lesson ends at midnight, on the same day.
    expect(classSessionTimes(new Date("2026-12-07T16:42:00Z"))).toEqual({
      date: "2026-12-07",
      startTime: "23:40",
      endTime: "23:59",
    });
  });
});
