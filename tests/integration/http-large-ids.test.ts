/**
 * An id larger than any record (ids are 32-bit integers on PostgreSQL) is no record: the forms that name a unit
 * answer with a message beside the field, never a 500 (on PostgreSQL the database refused the number itself).
 */
import { beforeAll, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";

const base = inject("baseUrl");
let staff: string;
beforeAll(async () => {
  staff = await loginAs(base, "vhxh@tanan.demo");
});

it("a unit id past 2^31 in the activity and account forms is a field error, not a 500", async () => {
  const activity = await http(base, "/activities/new", {
    cookie: staff,
    form: { organizerUnitId: "99999999999", title: "Hoạt động thử id lớn" },
  });
  expect(activity.status).toBe(400);
  expect(activity.text).toContain("Vui lòng chọn đơn vị tổ chức.");
  const account = await http(base, "/admin/accounts/new", {
    cookie: staff,
    form: { email: "id.lon@tanan.test", fullName: "Nguyễn Văn A", role: "teacher", unitId: "99999999999" },
  });
  expect(account.status).toBe(400);
  expect(account.text).toContain("Vui lòng chọn đơn vị.");
});
