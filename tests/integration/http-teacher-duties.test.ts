/**
 * A teacher's duties (issue 20): the homeroom teacher opens a roll call for their class, the club's advisor records
 * its meetings; the principal assigns the classes and links a staff record to its account. Over HTTP, against the
 * demo: gv.thcs is the homeroom teacher of THCS Tân An's first class and an advisor of its first club.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverAll, serverOne } from "../support/server-db";
import { showDate } from "../../app/domain/shared/dates";
import { DAY_MS, vietnamToday } from "../../app/domain/shared/time";

const base = inject("baseUrl");
const cookies: Record<string, string> = {};
let school: number;
let classes: string[];
let teacherId: number;

beforeAll(async () => {
  for (const who of ["gv.thcs", "bgh.thcs", "gv.tieuhoca"]) cookies[who] = await loginAs(base, `${who}@tanan.demo`);
  school = serverOne<{ id: number }>("select id from units where code = 'thcs-tanan'").id;
  classes = serverAll<{ class_name: string }>(
    "select distinct class_name, grade from people where unit_id = ? and category = 'students' and left_on is null order by grade, class_name",
    school,
  ).map((r) => r.class_name);
  teacherId = serverOne<{ id: number }>("select id from users where email = 'gv.thcs@tanan.demo'").id;
});

/** A day counted from today in Vietnam, as typed: -1 is yesterday. */
const day = (offset: number) => showDate(vietnamToday(new Date(Date.now() + offset * DAY_MS)));

const session = (className: string, title = "Em làm quen với Scratch") => ({
  className,
  title,
  form: "thematic_session",
  topics: "STEM",
  date: day(-1),
  startTime: "07:30",
  endTime: "09:00",
});

describe("a homeroom teacher's roll call", () => {
  it("is offered for their own class only, and opens with the class's pupils on its roster", async () => {
    const page = await http(base, "/attendance/new", { cookie: cookies["gv.thcs"] });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Lớp ${classes[0]}`);
    expect(page.text).not.toContain(`>Lớp ${classes[1]}<`);
    expect((await http(base, "/attendance", { cookie: cookies["gv.thcs"] })).text).toContain(
      "Mở buổi điểm danh cho lớp",
    );

    const opened = await http(base, "/attendance/new", { cookie: cookies["gv.thcs"], form: session(classes[0]) });
    expect(opened.status).toBe(302);
    const id = Number(/\/attendance\/(\d+)\?opened=1/.exec(opened.location ?? "")?.[1]);
    expect(id).toBeGreaterThan(0);
    const activity = serverOne<{ organizer_unit_id: number; title: string; status: string; form: string }>(
      "select organizer_unit_id, title, status, form from activities where id = ?",
      id,
    );
    expect(activity).toMatchObject({
      organizer_unit_id: school,
      title: `Lớp ${classes[0]}: Em làm quen với Scratch`,
      status: "held",
      form: "thematic_session",
    });
    const roster = serverOne<{ n: number }>("select count(*) as n from activity_roster where activity_id = ?", id);
    const pupils = serverOne<{ n: number }>(
      "select count(*) as n from people where unit_id = ? and category = 'students' and class_name = ? and left_on is null",
      school,
      classes[0],
    );
    expect(Number(roster.n)).toBe(Number(pupils.n));
    expect(Number(roster.n)).toBeGreaterThan(10);
    const roll = await http(base, `/attendance/${id}?opened=1`, { cookie: cookies["gv.thcs"] });
    expect(roll.status).toBe(200);
    expect(roll.text).toContain("cả lớp đã vào danh sách");
  });

  it("opens a session sent twice once (a double tap, the back button and 'Gửi lại')", async () => {
    const form = session(classes[0], "Gửi hai lần");
    const first = await http(base, "/attendance/new", { cookie: cookies["gv.thcs"], form });
    const second = await http(base, "/attendance/new.data", { cookie: cookies["gv.thcs"], form });
    expect(first.status).toBe(302);
    const id = /\/attendance\/(\d+)/.exec(first.location ?? "")![1];
    expect(second.text).toContain(`/attendance/${id}?opened=1`);
    const n = serverOne<{ n: number }>(
      "select count(*) as n from activities where organizer_unit_id = ? and title = ?",
      school,
      `Lớp ${classes[0]}: Gửi hai lần`,
    );
    expect(Number(n.n)).toBe(1);
  });

  it("dates a teacher's session within a week of today; older or later ones are the school's to record", async () => {
    for (const date of [day(-30), day(30)]) {
      const far = await http(base, "/attendance/new", {
        cookie: cookies["gv.thcs"],
        form: { ...session(classes[0], "Buổi xa"), date },
      });
      expect(far.status).toBe(400);
      expect(far.text).toContain("trong vòng 7 ngày trước hoặc sau hôm nay");
      expect(far.text).toContain("Buổi xa");
    }
    expect(
      (
        await http(base, "/attendance/new", {
          cookie: cookies["gv.thcs"],
          form: { ...session(classes[0], "Tuần trước"), date: day(-7) },
        })
      ).status,
    ).toBe(302);
    // The principal records an older one.
    const principal = await http(base, "/attendance/new", {
      cookie: cookies["bgh.thcs"],
      form: { ...session(classes[0], "Buổi tháng trước"), date: day(-30) },
    });
    expect(principal.status).toBe(302);
  });

  it("refuses another class (403) and keeps what was typed when a field is wrong", async () => {
    const other = await http(base, "/attendance/new", { cookie: cookies["gv.thcs"], form: session(classes[1]) });
    expect(other.status).toBe(403);
    expect(other.text).toContain("giáo viên chủ nhiệm của lớp");
    const bad = await http(base, "/attendance/new", {
      cookie: cookies["gv.thcs"],
      form: { ...session(classes[0], "Tiết học giữ nguyên"), date: "31/11/2026", endTime: "07:00" },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Tiết học giữ nguyên");
    expect(bad.text).toContain("Giờ kết thúc phải sau giờ bắt đầu.");
    // The homeroom teacher of a class at another school: their own class there, never this school's.
    const elsewhere = await http(base, "/attendance/new", { cookie: cookies["gv.tieuhoca"] });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.text).not.toContain(`>Lớp ${classes[0]}<`);
    expect(
      (await http(base, "/attendance/new", { cookie: cookies["gv.tieuhoca"], form: session(classes[0]) })).status,
    ).toBe(403);
  });

  it("follows the principal's assignment: a class given to the teacher opens; one taken away no longer does", async () => {
    const board = await http(base, `/people/${school}/homerooms`, { cookie: cookies["bgh.thcs"] });
    expect(board.status).toBe(200);
    expect(board.text).toContain("Võ Minh Tuấn");
    const give = await http(base, `/people/${school}/homerooms`, {
      cookie: cookies["bgh.thcs"],
      form: [
        ["class", classes[0]],
        ["teacher", ""],
        ["class", classes[1]],
        ["teacher", String(teacherId)],
      ],
    });
    expect(give.status).toBe(302);
    expect(give.location).toContain("saved=2");
    expect(
      (await http(base, "/attendance/new", { cookie: cookies["gv.thcs"], form: session(classes[1]) })).status,
    ).toBe(302);
    expect(
      (await http(base, "/attendance/new", { cookie: cookies["gv.thcs"], form: session(classes[0]) })).status,
    ).toBe(403);
    // An account of another school is refused with a message, and nothing changes.
    const foreign = serverOne<{ id: number }>("select id from users where email = 'gv.tieuhoca@tanan.demo'").id;
    const refused = await http(base, `/people/${school}/homerooms`, {
      cookie: cookies["bgh.thcs"],
      form: [
        ["class", classes[0]],
        ["teacher", String(foreign)],
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("không hợp lệ: hãy chọn một cán bộ, giáo viên của trường");
    const assigned = serverAll<{ class_name: string }>(
      "select class_name from homeroom_classes where school_id = ? and user_id = ? order by class_name",
      school,
      teacherId,
    );
    expect(assigned.map((a) => a.class_name)).toEqual([classes[1]]);
    // Put the demo back as it was.
    await http(base, `/people/${school}/homerooms`, {
      cookie: cookies["bgh.thcs"],
      form: [
        ["class", classes[0]],
        ["teacher", String(teacherId)],
        ["class", classes[1]],
        ["teacher", ""],
      ],
    });
    // A teacher does not assign.
    expect((await http(base, `/people/${school}/homerooms`, { cookie: cookies["gv.thcs"] })).status).toBe(403);
  });
});

describe("a club's advisor", () => {
  it("records the club's meeting, not another club's; members stay the principal's", async () => {
    const clubs = serverAll<{ id: number }>("select id from clubs where school_id = ? order by id", school);
    const meeting = { intent: "record-meeting", date: "02/12/2026", startTime: "15:00", endTime: "16:30" };
    const own = await http(base, `/clubs/${clubs[0].id}`, {
      cookie: cookies["gv.thcs"],
      form: { ...meeting, topic: "Lắp ráp robot dò đường" },
    });
    expect(own.status).toBe(302);
    const id = Number(/meeting=(\d+)/.exec(own.location ?? "")?.[1]);
    const page = await http(base, own.location!, { cookie: cookies["gv.thcs"] });
    expect(page.text).toContain(`/attendance/${id}`);
    const roll = await http(base, `/attendance/${id}`, { cookie: cookies["gv.thcs"] });
    expect(roll.status).toBe(200);

    const advised = serverAll<{ club_id: number }>(
      "select cm.club_id from club_members cm join people p on p.id = cm.person_id where p.user_id = ? and cm.role = 'advisor' and cm.left_on is null",
      teacherId,
    ).map((r) => r.club_id);
    const notAdvised = clubs.find((c) => !advised.includes(c.id))!;
    const refused = await http(base, `/clubs/${notAdvised.id}`, {
      cookie: cookies["gv.thcs"],
      form: { ...meeting, topic: "Không được ghi" },
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("giáo viên cố vấn");
    const members = await http(base, `/clubs/${clubs[0].id}`, {
      cookie: cookies["gv.thcs"],
      form: { intent: "add-members", personIds: "1", role: "member", joinedOn: "02/12/2026" },
    });
    expect(members.status).toBe(403);
  });

  it("is made by linking a staff record to its account on the person's page (pupils are never linked)", async () => {
    const [staff, pupil] = [
      serverOne<{ id: number }>(
        "select id from people where unit_id = ? and category = 'teachers' and user_id is null order by id limit 1",
        school,
      ),
      serverOne<{ id: number }>("select id from people where unit_id = ? and category = 'students' limit 1", school),
    ];
    const principal = serverOne<{ id: number }>("select id from users where email = 'bgh.thcs@tanan.demo'").id;
    const before = serverOne<{ id: number }>(
      "select id from people where user_id = ? and unit_id = ?",
      principal,
      school,
    );
    const linked = await http(base, `/people/${school}/${staff.id}`, {
      cookie: cookies["bgh.thcs"],
      form: { intent: "account", userId: String(principal) },
    });
    expect(linked.status).toBe(302);
    // The account now stands for this record, and no longer for the one before.
    expect(serverOne<{ user_id: number }>("select user_id from people where id = ?", staff.id).user_id).toBe(principal);
    expect(
      serverOne<{ user_id: number | null }>("select user_id from people where id = ?", before.id).user_id,
    ).toBeNull();
    const onPupil = await http(base, `/people/${school}/${pupil.id}`, {
      cookie: cookies["bgh.thcs"],
      form: { intent: "account", userId: String(principal) },
    });
    expect(onPupil.status).toBe(400);
    // A form without its choice (or with two) changes nothing and says so.
    const incomplete: [string, string][][] = [
      [["intent", "account"]],
      [
        ["intent", "account"],
        ["userId", ""],
        ["userId", "9"],
      ],
    ];
    for (const form of incomplete) {
      const r = await http(base, `/people/${school}/${staff.id}`, { cookie: cookies["bgh.thcs"], form });
      expect(r.status).toBe(400);
      expect(r.text).toContain("Hãy chọn một tài khoản");
    }
    expect(serverOne<{ user_id: number }>("select user_id from people where id = ?", staff.id).user_id).toBe(principal);
    // Back as the demo had it.
    await http(base, `/people/${school}/${before.id}`, {
      cookie: cookies["bgh.thcs"],
      form: { intent: "account", userId: String(principal) },
    });
    expect(
      serverOne<{ user_id: number | null }>("select user_id from people where id = ?", staff.id).user_id,
    ).toBeNull();
  });
});

describe("a linked record that becomes a pupil's", () => {
  it("loses its account: a pupil's record never stands for a login (and so never advises a club)", async () => {
    const staff = serverOne<{ id: number; code: string; full_name: string }>(
      "select id, code, full_name from people where unit_id = ? and category = 'teachers' and user_id is null and left_on is null order by id desc limit 1",
      school,
    );
    const account = serverOne<{ id: number }>("select id from users where email = 'bgh.thcs@tanan.demo'").id;
    const before = serverOne<{ id: number }>(
      "select id from people where user_id = ? and unit_id = ?",
      account,
      school,
    );
    await http(base, `/people/${school}/${staff.id}`, {
      cookie: cookies["bgh.thcs"],
      form: { intent: "account", userId: String(account) },
    });
    expect(serverOne<{ user_id: number }>("select user_id from people where id = ?", staff.id).user_id).toBe(account);
    const changed = await http(base, `/people/${school}/${staff.id}`, {
      cookie: cookies["bgh.thcs"],
      form: { category: "students", code: staff.code, fullName: staff.full_name, grade: "9", className: "9A1" },
    });
    expect(changed.status).toBe(302);
    expect(
      serverOne<{ user_id: number | null; category: string }>(
        "select user_id, category from people where id = ?",
        staff.id,
      ),
    ).toEqual({ user_id: null, category: "students" });
    // Back as the demo had it.
    await http(base, `/people/${school}/${before.id}`, {
      cookie: cookies["bgh.thcs"],
      form: { intent: "account", userId: String(account) },
    });
  });
});
