import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber } from "../../app/domain/shared/format";
import { randomToken, sameDigest, sha256Hex } from "../../app/domain/auth/tokens";
import { vietnamYear } from "../../app/domain/shared/time";
import { changePasswordSchema, createAccountSchema, newPasswordSchema } from "../../app/domain/accounts/schemas";
import { parseForm } from "../../app/lib/forms";

describe("Vietnamese formats", () => {
  it("writes dates as dd/mm/yyyy in Vietnam time", () => {
    expect(formatDate("2026-06-30T17:30:00.000Z")).toBe("01/07/2026"); // 00:30 on 1 July in Vietnam
    expect(formatDate("2026-12-10")).toBe("10/12/2026");
    expect(formatDateTime("2026-01-05T02:05:00.000Z")).toBe("09:05 05/01/2026");
  });
  it("groups thousands with dots and shows a dash for no data", () => {
    expect(formatNumber(2869)).toBe("2.869");
    expect(formatNumber(1234567.5)).toBe("1.234.567,5");
    expect(formatNumber(null)).toBe("—");
  });
  it("finds the Vietnamese year at New Year's Eve UTC", () => {
    expect(vietnamYear(new Date("2025-12-31T17:00:00Z"))).toBe(2026);
    expect(vietnamYear(new Date("2025-12-31T16:59:59Z"))).toBe(2025);
  });
});

describe("tokens", () => {
  it("are long, random and URL-safe", () => {
    const a = randomToken(20);
    const b = randomToken(20);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-z2-9]{32}$/);
  });
  it("compare digests in constant time and only when equal", () => {
    expect(sameDigest(sha256Hex("x"), sha256Hex("x"))).toBe(true);
    expect(sameDigest(sha256Hex("x"), sha256Hex("y"))).toBe(false);
    expect(sameDigest(sha256Hex("x"), "ab")).toBe(false);
  });
});

describe("shared form schemas", () => {
  it("give Vietnamese messages beside each field and keep what was typed", () => {
    const fd = new FormData();
    fd.set("email", "khong-phai-email");
    fd.set("fullName", "A");
    fd.set("role", "teacher");
    fd.set("unitId", "");
    const r = parseForm(createAccountSchema, fd);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.email).toBe("Email không hợp lệ.");
    expect(r.errors.fullName).toBe("Vui lòng nhập họ và tên.");
    expect(r.errors.unitId).toBe("Vui lòng chọn đơn vị.");
    expect(r.values.email).toBe("khong-phai-email");
  });
  it("require a password of 10+ characters with letters and digits; the demo password passes", () => {
    expect(newPasswordSchema.safeParse("TanAn@2025").success).toBe(true);
    expect(newPasswordSchema.safeParse("ngắnquá1").success).toBe(false);
    expect(newPasswordSchema.safeParse("chỉcóchữthôi").success).toBe(false);
    const r = changePasswordSchema.safeParse({
      current: "TanAn@2025",
      password: "MatKhauMoi123",
      confirm: "MatKhauKhac123",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("Hai mật khẩu không khớp.");
  });
  it("never echoes passwords back into the form", () => {
    const fd = new FormData();
    fd.set("current", "secret-1");
    fd.set("password", "x");
    fd.set("confirm", "y");
    const r = parseForm(changePasswordSchema, fd);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.values).toEqual({});
  });
});

describe("Vietnamese search keys", () => {
  it("fold diacritics and case, and sort by given name", async () => {
    const { foldVietnamese, nameKey, likePattern } = await import("../../app/domain/shared/text");
    expect(foldVietnamese("Đặng Văn Phúc")).toBe("dang van phuc");
    expect(foldVietnamese("CHUYỂN ĐỔI SỐ")).toBe("chuyen doi so");
    expect(nameKey("Nguyễn Thị Thu Hà")).toBe("ha nguyen thi thu ha");
    expect(likePattern("50%_a")).toBe("%50\\%\\_a%");
    const names = ["Võ Minh Tuấn", "Đặng Văn Phúc", "Trần Thị Thu Hà", "Lê Văn An"];
    expect(names.sort((a, b) => nameKey(a).localeCompare(nameKey(b))).map((n) => n.split(" ").at(-1))).toEqual([
      "An",
      "Hà",
      "Phúc",
      "Tuấn",
    ]);
  });
});

describe("numbers typed the Vietnamese way", () => {
  it("read dots and spaces as thousands separators, never as a decimal point", async () => {
    const { budgetLineSchema, reachSchema } = await import("../../app/domain/activities/schemas");
    const line = (estimate: string, actual = "") =>
      budgetLineSchema.safeParse({ category: "printing", source: "state_budget", estimate, actual });
    expect(line("500.000", "450.000").data).toMatchObject({ estimate: 500000, actual: 450000 });
    expect(line("1 500 000").data?.estimate).toBe(1500000);
    expect(line("1500000").data?.estimate).toBe(1500000);
    expect(line("2,5").success).toBe(false);
    expect(line("2.5").success).toBe(false);
    expect(line("").error?.issues[0].message).toBe("Vui lòng nhập dự toán (đồng).");
    expect(reachSchema.parse({ students: "2.000", residents: "" })).toEqual({ students: 2000, residents: undefined });
  });
});
