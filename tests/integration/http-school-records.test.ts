import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");

const cookies: Record<string, string> = {};
let thcsClub: { id: number; school_id: number };
let studentName: string;
beforeAll(async () => {
  for (const who of ["vhxh", "lanhdao", "bgh.thcs", "gv.thcs", "bgh.tieuhoca"])
    cookies[who] = await loginAs(base, `${who}@tanan.demo`);
  thcsClub = serverOne(
    "select clubs.id, clubs.school_id from clubs join units on units.id = clubs.school_id where units.code = 'thcs-tanan' order by clubs.id limit 1",
  );
  studentName = serverOne<{ full_name: string }>(
    "select people.full_name from club_members join people on people.id = club_members.person_id where club_members.club_id = ? and people.category = 'students' and club_members.left_on is null limit 1",
    thcsClub.id,
  ).full_name;
});

describe("clubs over HTTP", () => {
  it("the school's staff see members' names; the commune sees counts only", async () => {
    const own = await http(base, `/clubs/${thcsClub.id}`, { cookie: cookies["gv.thcs"] });
    expect(own.status).toBe(200);
    expect(own.text).toContain(studentName);
    for (const who of ["vhxh", "lanhdao"]) {
      const commune = await http(base, `/clubs/${thcsClub.id}`, { cookie: cookies[who] });
      expect(commune.status).toBe(200);
      expect(commune.text).not.toContain(studentName);
      expect(commune.text).toMatch(/\d+ học sinh/);
      const data = await http(base, `/clubs/${thcsClub.id}.data`, { cookie: cookies[who] });
      expect(data.text).not.toContain(studentName);
    }
  });

  it("ids in paths are whole numbers only: 7e0, 0x7, 7.0 and 07 answer 404", async () => {
    const id = thcsClub.id;
    expect((await http(base, `/clubs/${id}`, { cookie: cookies["bgh.thcs"] })).status).toBe(200);
    for (const path of [
      `/clubs/${id}e0`,
      `/clubs/0x${id.toString(16)}`,
      `/clubs/${id}.0`,
      `/clubs/0${id}`,
      `/activities/${id}e0`,
      `/contests/${id}.0`,
    ]) {
      expect((await http(base, path, { cookie: cookies["bgh.thcs"] })).status, path).toBe(404);
    }
  });

  it("another school gets 404; teachers and the leader cannot change a club", async () => {
    expect((await http(base, `/clubs/${thcsClub.id}`, { cookie: cookies["bgh.tieuhoca"] })).status).toBe(404);
    expect(
      (
        await http(base, `/clubs/${thcsClub.id}`, {
          cookie: cookies["bgh.tieuhoca"],
          form: {
            intent: "record-meeting",
            date: "2026-11-01",
            startTime: "15:00",
            endTime: "16:00",
            topic: "Xâm nhập",
          },
        })
      ).status,
    ).toBe(404);
    // The demo teacher advises the school's first club (tests/integration/http-teacher-duties.test.ts); not this one.
    const unadvised = serverOne<{ id: number }>(
      `select clubs.id from clubs join units on units.id = clubs.school_id where units.code = 'thcs-tanan'
         and not exists (select 1 from club_members cm join people p on p.id = cm.person_id join users u on u.id = p.user_id
                          where cm.club_id = clubs.id and cm.role = 'advisor' and u.email = 'gv.thcs@tanan.demo')
       order by clubs.id limit 1`,
    );
    for (const who of ["gv.thcs", "lanhdao"]) {
      expect(
        (
          await http(base, `/clubs/${unadvised.id}`, {
            cookie: cookies[who],
            form: {
              intent: "record-meeting",
              date: "2026-11-01",
              startTime: "15:00",
              endTime: "16:00",
              topic: "Không được",
            },
          })
        ).status,
      ).toBe(403);
      expect((await http(base, `/clubs/${thcsClub.id}/edit`, { cookie: cookies[who] })).status).toBe(403);
      expect((await http(base, "/clubs/new", { cookie: cookies[who] })).status).toBe(403);
    }
  });

  it("a bad club form keeps what was typed and says why beside each field", async () => {
    const r = await http(base, "/clubs/new", {
      cookie: cookies["bgh.thcs"],
      form: { name: "CLB Cờ vua", field: "", status: "active" },
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain("Vui lòng chọn lĩnh vực.");
    expect(r.text).toContain("Chọn ít nhất một khối.");
    expect(r.text).toContain('value="CLB Cờ vua"');
  });
});

describe("activities over HTTP", () => {
  it("another school's activity answers 404; the leader cannot add one", async () => {
    const a = serverOne<{ id: number }>(
      "select activities.id from activities join units on units.id = activities.organizer_unit_id where units.code = 'thcs-tanan' and activities.club_id is null limit 1",
    );
    expect((await http(base, `/activities/${a.id}`, { cookie: cookies["bgh.thcs"] })).status).toBe(200);
    expect((await http(base, `/activities/${a.id}`, { cookie: cookies["bgh.tieuhoca"] })).status).toBe(404);
    expect((await http(base, `/activities/${a.id}/edit`, { cookie: cookies["bgh.tieuhoca"] })).status).toBe(404);
    expect((await http(base, "/activities/new", { cookie: cookies.lanhdao })).status).toBe(403);
    expect(
      (
        await http(base, `/activities/${a.id}`, {
          cookie: cookies.lanhdao,
          form: { intent: "add-budget", category: "water", source: "state_budget", estimate: "1000" },
        })
      ).status,
    ).toBe(403);
  });

  it("a delete lists the marks that go with it, and without the confirmation deletes nothing (400)", async () => {
    const activity = serverOne<{ id: number; marks: number }>(
      `select a.id, count(t.id) as marks from activities a join units u on u.id = a.organizer_unit_id join attendance t on t.activity_id = a.id
       where u.code = 'thcs-tanan' and a.club_id is null and a.starts_at >= '2026-07-01' and a.starts_at < '2026-12-01' group by a.id order by a.id limit 1`,
    );
    expect(Number(activity.marks)).toBeGreaterThan(0);
    const page = await http(base, `/activities/${activity.id}/delete`, { cookie: cookies["bgh.thcs"] });
    expect(page.text).toContain(`${Number(activity.marks).toLocaleString("vi-VN")} lượt điểm danh`);
    for (const form of [{}, { confirm: "no" }, { intent: "delete" }] as Record<string, string>[]) {
      const res = await http(base, `/activities/${activity.id}/delete`, { cookie: cookies["bgh.thcs"], form });
      expect(res.status).toBe(400);
      expect(res.text).toContain("Hãy đánh dấu ô xác nhận trước khi xóa.");
    }
    const after = serverOne<{ n: number }>("select count(*) as n from attendance where activity_id = ?", activity.id);
    expect(Number(after.n)).toBe(Number(activity.marks));
  });

  it("the list filters by topic and period, and the calendar feed needs its secret", async () => {
    const list = await http(base, "/activities?topic=CDS&period=2025-H2", { cookie: cookies.vhxh });
    expect(list.status).toBe(200);
    expect(list.text).toContain("Chào mừng Ngày Chuyển đổi số quốc gia 10/10");
    expect(list.text).not.toContain("Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5");
    const cal = await http(base, "/activities/calendar?month=2026-10", { cookie: cookies["bgh.thcs"] });
    const feed = cal.text.match(/\/calendar\/([a-z2-9]+)\.ics/);
    expect(feed).not.toBeNull();
    const ics = await http(base, `/calendar/${feed![1]}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(ics.text).toContain("BEGIN:VEVENT");
    expect((await http(base, "/calendar/khongphaimabimatnaocaaa.ics")).status).toBe(404);
  });
});

describe("contest evidence over HTTP", () => {
  async function postResult(entryId: number, contestId: number, file: Blob, name: string) {
    const form = new FormData();
    form.set("intent", "result");
    form.set("entryId", String(entryId));
    form.set("result", "second");
    form.set("file", file, name);
    const res = await fetch(`${base}/contests/${contestId}`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookies["bgh.thcs"] },
      redirect: "manual",
    });
    return { status: res.status, text: await res.text() };
  }

  it("refuses a file renamed to .pdf that is not a PDF, stores a real one, and guards the download", async () => {
    const entry = serverOne<{ id: number; contest_id: number }>(
      "select contest_entries.id, contest_entries.contest_id from contest_entries join units on units.id = contest_entries.school_id where units.code = 'thcs-tanan' order by contest_entries.id limit 1",
    );
    const fake = await postResult(
      entry.id,
      entry.contest_id,
      new Blob(["đây không phải PDF"], { type: "application/pdf" }),
      "giay-khen.pdf",
    );
    expect(fake.status).toBe(400);
    expect(fake.text).toContain("Tệp không đúng loại cho phép");
    const pdf = new Blob(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], { type: "application/pdf" });
    const real = await postResult(entry.id, entry.contest_id, pdf, "../../etc/giấy khen.pdf");
    expect(real.status).toBe(302);
    expect(
      serverOne<{ evidence_name: string }>("select evidence_name from contest_entries where id = ?", entry.id)
        .evidence_name,
    ).toBe("giấy khen.pdf");
    const own = await http(base, `/contests/entries/${entry.id}/evidence`, { cookie: cookies["gv.thcs"] });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    // A certificate may name pupils: the commune sees that evidence exists, not the file or its name (refused: 403).
    expect((await http(base, `/contests/entries/${entry.id}/evidence`, { cookie: cookies.vhxh })).status).toBe(403);
    const communePage = await http(base, `/contests/${entry.contest_id}`, { cookie: cookies.vhxh });
    expect(communePage.text).not.toContain("giấy khen.pdf");
    expect(communePage.text).toContain("Đã có minh chứng");
    expect(
      (await http(base, `/contests/entries/${entry.id}/evidence`, { cookie: cookies["bgh.tieuhoca"] })).status,
    ).toBe(404);
    expect((await http(base, `/contests/entries/${entry.id}/evidence`)).status).toBe(302);
  });
});

describe("request bodies over HTTP", () => {
  it("refuses a form body over the limit with 413, and a malformed upload with a message, not a 500", async () => {
    const big = await http(base, "/activities/new", {
      cookie: cookies["bgh.thcs"],
      form: { title: "x".repeat(1_100_000) },
    });
    expect(big.status).toBe(413);
    const entry = serverOne<{ contest_id: number }>("select contest_id from contest_entries order by id limit 1");
    const res = await fetch(`${base}/contests/${entry.contest_id}`, {
      method: "POST",
      headers: { Cookie: cookies["bgh.thcs"], "Content-Type": "multipart/form-data; boundary=zzz" },
      body: '--zzz\r\nContent-Disposition: form-data; name="intent"\r\n\r\nresult',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Dữ liệu gửi lên bị lỗi");
  });
});
