/**
 * A POST whose body is not a form (JSON, plain text, a broken multipart) answers 400 with a message, never
 * 500, on every route that has an action: the routes are read from app/routes, so a new one is covered too.
 * Each is tried as the THCS administrator, commune staff and the system administrator on THCS's records; at
 * least one of them reaches the body (the others may be refused first, 403/404).
 */
import fs from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loginAs } from "../support/http";
import { serverOne } from "../support/server-db";
import { execute } from "../support/sql";

const base = inject("baseUrl");
const ROLES = ["bgh.thcs", "vhxh", "admin"];
const cookies: Record<string, string> = {};
let params: Record<string, Record<string, string>>;

const actionRoutes = fs
  .readdirSync("app/routes")
  .filter((dir) => /export (async function|const) action\b/.test(fs.readFileSync(routeFile(dir), "utf8")))
  // Logging out ends the three sessions: last.
  .sort((a, b) => Number(a === "logout") - Number(b === "logout"));

/** A route lives in its own folder (Remix flat-route folders): app/routes/<route>/route.ts(x). */
function routeFile(dir: string): string {
  const tsx = `app/routes/${dir}/route.tsx`;
  return fs.existsSync(tsx) ? tsx : `app/routes/${dir}/route.ts`;
}

/** "clubs.$id._index" → "/clubs/12", with THCS's records for the parameters. */
function pathOf(route: string): string {
  const area = route.split(".")[0];
  const segments = route
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => {
      if (s === "$") return "khong-co-trang-nay";
      if (!s.startsWith("$")) return s;
      const value = params[area]?.[s.slice(1)] ?? params.any[s.slice(1)];
      if (value === undefined) throw new Error(`no value for ${s} in ${route}`);
      return value;
    });
  return `/${segments.join("/")}`;
}

beforeAll(async () => {
  for (const who of ROLES) cookies[who] = await loginAs(base, `${who}@tanan.demo`);
  const thcs = serverOne<{ id: number }>("select id from units where code = 'thcs-tanan'").id;
  const one = (sql: string) => String(serverOne<{ id: number }>(sql, thcs).id);
  const activity = one("select id from activities where organizer_unit_id = ? and status = 'held' order by id limit 1");
  // The QR check-in page exists only while its activity's check-in is open.
  const checkin = one(
    "select id from activities where organizer_unit_id = ? and id not in (select activity_id from activity_checkin) order by id desc limit 1",
  );
  execute(
    inject("serverDbFile"),
    "insert into activity_checkin (activity_id, secret, pin, opened_by, opened_at, closed_at) values (?, 'bi-mat-thu', '123456', null, '2026-01-01T00:00:00.000Z', null)",
    Number(checkin),
  );
  params = {
    any: {
      unitId: String(thcs),
      personId: one("select id from people where unit_id = ? order by id limit 1"),
      activityId: activity,
      period: "2026-H1",
      token: "khong-hop-le",
    },
    activities: { id: activity },
    checkin: { activityId: checkin },
    clubs: { id: one("select id from clubs where school_id = ? order by id limit 1") },
    contests: { id: one("select id from contests where organizer_unit_id = ? order by id limit 1") },
    materials: { id: one("select id from materials where school_id = ? order by id limit 1") },
    admin: { id: one("select user_id as id from memberships where unit_id = ? order by user_id limit 1") },
    units: { id: String(thcs) },
  };
});

const BODIES: { name: string; type: string; body: string }[] = [
  { name: "JSON", type: "application/json", body: JSON.stringify({ title: "x", confirm: "yes" }) },
  { name: "plain text", type: "text/plain", body: "title=x" },
  {
    name: "broken multipart",
    type: "multipart/form-data; boundary=----abc",
    body: '------abc\r\nContent-Disposition: form-data; name="title"\r\n\r\nx',
  },
];
const BODY_NOT_READ = new Set(["logout", "$"]); // logout ends the session whatever is posted; the splat route has no page

describe("a POST that is not a form", () => {
  it.each(actionRoutes)("%s answers 400 (or a refusal), never 5xx", async (route) => {
    const path = pathOf(route);
    for (const { name, type, body } of BODIES) {
      const statuses: Record<string, number> = {};
      for (const who of ROLES) {
        const res = await fetch(base + path, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: cookies[who], "Content-Type": type },
          body,
        });
        statuses[who] = res.status;
        await res.arrayBuffer();
      }
      const all = Object.values(statuses);
      expect(
        all.filter((s) => s >= 500),
        `${path} with ${name}: ${JSON.stringify(statuses)}`,
      ).toEqual([]);
      if (!BODY_NOT_READ.has(route)) expect(all, `${path} with ${name}: ${JSON.stringify(statuses)}`).toContain(400);
    }
  });
});
