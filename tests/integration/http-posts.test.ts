/**
 * Clause III.1.1: a post on the commune's website or social page is recorded as an activity of that form, with its
 * address and its kind (news, photo, video), and counted in COM-1.1 (issue 17, decision 011).
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
let cookie: string;
beforeAll(async () => {
  cookie = await loginAs(base, "vhxh@tanan.demo");
});

describe("posts on the commune's website and social pages", () => {
  it("ask for the post's address and kind beside the fields, keep what was typed, and count in COM-1.1", async () => {
    const office = serverOne<{ id: number }>("select id from units where code = 'office-vhxh'").id;
    const title = `Tin: Bình dân học vụ số ở ấp Tân Phú ${Date.now()}`;
    const fields = {
      title,
      organizerUnitId: String(office),
      form: "website",
      topics: "BDHVS",
      audiences: "residents",
      delivery: "online",
      startDate: "2026-11-20",
      startTime: "09:00",
      endDate: "2026-11-20",
      endTime: "09:15",
      status: "held",
    };
    const refused = await http(base, "/activities/new", { cookie, form: fields });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Vui lòng nhập đường dẫn");
    expect(refused.text).toContain("Vui lòng chọn loại tin bài");
    expect(refused.text).toContain(title); // the title typed is kept

    const created = await http(base, "/activities/new", {
      cookie,
      form: { ...fields, link: "https://tanan.gov.vn/tin-tuc/bdhvs-tan-phu", postKind: "video" },
    });
    expect(created.status).toBe(302);
    const id = Number(/\/activities\/(\d+)/.exec(created.location ?? "")![1]);
    expect(
      serverOne<{ post_kind: string; link: string }>("select post_kind, link from activities where id = ?", id),
    ).toEqual({ post_kind: "video", link: "https://tanan.gov.vn/tin-tuc/bdhvs-tan-phu" });
    const page = await http(base, `/activities/${id}`, { cookie });
    expect(page.text).toContain("Loại tin bài");
    expect(page.text).toContain("https://tanan.gov.vn/tin-tuc/bdhvs-tan-phu");

    // The figure's drill-down lists the post among those counted.
    const drill = await http(base, "/indicators/COM-1.1-BDHVS?period=2026", { cookie });
    expect(drill.status).toBe(200);
    expect(drill.text).toContain(title);

    // A post kind on a training is not kept (only posts have one).
    const training = await http(base, "/activities/new", {
      cookie,
      form: {
        ...fields,
        title: `${title} (tập huấn)`,
        form: "training",
        delivery: "online",
        link: "https://meet.tanan.gov.vn/x",
        postKind: "news",
      },
    });
    expect(training.status).toBe(302);
    const tid = Number(/\/activities\/(\d+)/.exec(training.location ?? "")![1]);
    expect(
      serverOne<{ post_kind: string | null }>("select post_kind from activities where id = ?", tid).post_kind,
    ).toBeNull();
  });
});
