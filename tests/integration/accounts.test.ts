import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  changeOwnPassword,
  createAccount,
  findLink,
  issueResetLink,
  LINK_LIFETIME_MS,
  redeemLink,
  setUserActive,
} from "../../app/domain/accounts/accounts";
import { attemptLogin } from "../../app/domain/auth/login";
import { createSession, validateSessionToken } from "../../app/domain/auth/sessions";
import { DomainError } from "../../app/domain/shared/errors";
import { DEMO_PASSWORD } from "../../scripts/seed/demo";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb({ demo: true });
});
afterEach(async () => {
  await t.close();
});

describe("accounts and one-time links", () => {
  it("commune staff create a teacher; the link sets the password once and logs in", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const school = await unitIdByCode(t.db, "th-tanan-b");
    const { userId, link } = await createAccount(t.db, staff, {
      email: "Gv.Moi@TanAn.demo",
      fullName: "Nguyễn Thị Mới",
      role: "teacher",
      unitId: school,
    });
    const user = await t.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.email).toBe("gv.moi@tanan.demo");
    expect(user.password_hash).toBeNull();
    const stored = await t.db
      .selectFrom("account_tokens")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(link.token);
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(LINK_LIFETIME_MS);

    await redeemLink(t.db, link.token, "MatKhauMoi2026");
    await expect(redeemLink(t.db, link.token, "MatKhauKhac2026")).rejects.toBeInstanceOf(DomainError);
    expect(
      (
        await attemptLogin(t.db, {
          email: "gv.moi@tanan.demo",
          password: "MatKhauMoi2026",
          ip: "1.1.1.1",
          userAgent: null,
        })
      ).ok,
    ).toBe(true);

    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity", "after_json"])
      .where("entity", "=", "user")
      .where("entity_id", "=", String(userId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "link_redeem"]);
    expect(audit[0].after_json).toContain("gv.moi@tanan.demo");
  });

  it("refuses an expired link", async () => {
    const admin = await actorOf(t.db, "admin@tanan.demo");
    const school = await unitIdByCode(t.db, "thcs-tanan");
    const { link } = await createAccount(t.db, admin, {
      email: "het.han@tanan.demo",
      fullName: "Hết Hạn",
      role: "teacher",
      unitId: school,
    });
    await t.db
      .updateTable("account_tokens")
      .set({ expires_at: new Date(Date.now() - 1).toISOString() })
      .execute();
    expect(await findLink(t.db, link.token)).toBeNull();
    await expect(redeemLink(t.db, link.token, "MatKhauMoi2026")).rejects.toThrow(/hết hạn/);
  });

  it("refuses duplicate emails and roles the actor may not grant", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const commune = await unitIdByCode(t.db, "commune");
    const school = await unitIdByCode(t.db, "thcs-tanan");
    await expect(
      createAccount(t.db, staff, { email: "gv.thcs@tanan.demo", fullName: "Trùng", role: "teacher", unitId: school }),
    ).rejects.toMatchObject({
      field: "email",
    });
    // A role the actor may not give, in a unit they reach: refused (403).
    await expect(
      createAccount(t.db, staff, {
        email: "x@tanan.demo",
        fullName: "Quản trị",
        role: "system_admin",
        unitId: commune,
      }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/không được tạo tài khoản/),
    });
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    await expect(
      createAccount(t.db, principal, { email: "y@tanan.demo", fullName: "Giáo viên", role: "teacher", unitId: school }),
    ).rejects.toMatchObject({
      status: 403,
    });
    const leader = await actorOf(t.db, "lanhdao@tanan.demo");
    await expect(
      createAccount(t.db, leader, { email: "z@tanan.demo", fullName: "Giáo viên", role: "teacher", unitId: school }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it("a reset link replaces the earlier one and ends the user's sessions when used", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const session = await createSession(t.db, teacher.userId);
    const first = await issueResetLink(t.db, staff, teacher.userId);
    const second = await issueResetLink(t.db, staff, teacher.userId);
    expect(await findLink(t.db, first.token)).toBeNull();
    await redeemLink(t.db, second.token, "DatLaiMatKhau9");
    expect(await validateSessionToken(t.db, session.token)).toBeNull();
  });

  it("commune staff cannot reset or disable commune accounts; the admin can", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const admin = await actorOf(t.db, "admin@tanan.demo");
    const leader = await actorOf(t.db, "lanhdao@tanan.demo");
    await expect(issueResetLink(t.db, staff, leader.userId)).rejects.toMatchObject({ status: 403 });
    await expect(setUserActive(t.db, staff, leader.userId, false)).rejects.toMatchObject({ status: 403 });
    await setUserActive(t.db, admin, leader.userId, false);
    await expect(issueResetLink(t.db, admin, leader.userId)).rejects.toThrow(/mở khóa trước/);
    expect(
      (
        await attemptLogin(t.db, {
          email: "lanhdao@tanan.demo",
          password: DEMO_PASSWORD,
          ip: "1.1.1.2",
          userAgent: null,
        })
      ).ok,
    ).toBe(false);
  });

  it("changing one's password needs the current one and ends every other session", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const other = await createSession(t.db, teacher.userId);
    await expect(changeOwnPassword(t.db, teacher, "sai", "MatKhauMoi2026")).rejects.toMatchObject({ field: "current" });
    const fresh = await changeOwnPassword(t.db, teacher, DEMO_PASSWORD, "MatKhauMoi2026");
    expect(await validateSessionToken(t.db, other.token)).toBeNull();
    expect(await validateSessionToken(t.db, fresh.token)).not.toBeNull();
  });
});

describe("finding accounts", () => {
  it("finds names with or without diacritics, in any case, and sorts by given name", async () => {
    const { listAccounts } = await import("../../app/domain/accounts/accounts");
    for (const q of ["Đặng", "đặng", "dang van", "PHUC"]) {
      const r = await listAccounts(t.db, { page: 1, pageSize: 50, sort: "name", q });
      expect(
        r.rows.map((u) => u.email),
        q,
      ).toEqual(["gv.tieuhoca@tanan.demo"]);
    }
    const all = await listAccounts(t.db, { page: 1, pageSize: 50, sort: "name" });
    const given = all.rows.map((u) => u.full_name.split(" ").at(-1));
    expect(given.slice(0, 3)).toEqual(["Hà", "Hồng", "Khánh"]);
  });
});
