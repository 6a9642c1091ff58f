/**
 * Proven route by route (issue 15): every route of the built app × every role × every place answers as decision 003
 * (and 006, 014) says. The routes are read from the Remix build (tests/support/route-manifest.ts), so moving route
 * files changes nothing; the table below is keyed by URL pattern and method, and a route, loader or action missing
 * from it fails the test by name.
 *
 * The rules, as read here:
 * - a record outside the actor's reach answers 404 (its existence is private); a role that may never use the route
 *   (for any record) may be refused before the record is looked up: 403 or 404 (neither says anything about it);
 * - inside the reach, a role that may not do it gets 403; a page with no record: 403 when the role may not use it;
 * - signed out: a redirect to /login; public routes (/public…, /login, /healthz, /checkin/:id while open, feeds with
 *   their token, one-time links) answer as they are; the phone's JSON endpoints (/attendance/:id/mark,
 *   /materials/upload) answer 401 so the page can say so and keep what it holds;
 * - allowed: 200 for a read; for a change, its success or its validation answer (400) — the bodies are chosen so
 *   nothing is destroyed (deletes without their confirmation, invalid values, or the record's own values);
 * - the reach (decision 014): the system administrator and the province reader reach every place; Tân An's commune
 *   staff and leader reach Tân An's schools and commune-level records; a school's staff reach their own school and
 *   their commune's commune-level records (its activities, open contests, "commune" materials, its units).
 *
 * Readings where the decisions leave room (also in the report of the helper that wrote this test):
 * - the system administrator reads the schools' records like a commune reader (students as counts, decision 006)
 *   and changes only accounts, units and headcounts;
 * - a teacher who is the advisor of a club (club_members.role = 'advisor', their person record linked to their
 *   account) records the club's meetings and takes their attendance (issue 20): POST /clubs/:id [meeting]; the
 *   members stay the administrator's. A homeroom teacher (the world's "teacher", of class 6A9 at THCS Tân An) opens a
 *   roll call for their class at /attendance/new, as the principal does for any class;
 * - a school's administrator reads their own school's figures and reports, not the commune's: asking /indicators or
 *   the export for a commune is 403 in their own commune and 404 in another;
 * - a contest entry's evidence may name pupils: only its school's own staff open it; the commune's readers, who see
 *   the entry, get 403;
 * - a recycle-bin entry belongs to its unit: those who reach the unit but may not restore or purge it get 403;
 * - a unit named in a form (the organizer of a new activity, the unit of a new account) is a record like one in the
 *   address: outside the reach 404, inside it 403 when the role may not use it there.
 *
 * Places (tests/support/access-world.ts), seen from THCS Tân An: "own" (THCS Tân An), "sibling" (Tiểu học Tân An A),
 * "other" (THCS Bình Minh, another commune), "commune" and "otherCommune" (each commune's own records: its office's
 * activities, people and accounts, its open contest, a material shared with the commune), "-" for a page about no
 * record, and "public" (a public material) for /public/materials/:id.
 *
 * Students' names stay in their school (decision 006): no answer to anyone outside a school — HTML, the `.data` of
 * every page's loader, and every download (XLSX and DOCX unzipped, CSV, ICS, RSS) — holds a full name of its pupils.
 *
 * The file runs its own server and database (a second commune would change what the other test files see), on
 * SQLite or, under `npm run test:pg`, PostgreSQL.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAccessWorld,
  COMMUNE_PLACES,
  distinctivePupilNames,
  PASSWORD,
  SCHOOL_PLACES,
  type RecordPlace,
  type SchoolPlace,
  type World,
} from "../support/access-world";
import { createTestDb, type TestDb } from "../support/db";
import { loginAs } from "../support/http";
import { namesIn, readableText } from "../support/response-text";
import { routeManifest, type ManifestRoute } from "../support/route-manifest";
import { startTestServer, type RunningServer } from "../support/server";

const started = performance.now();

// ---------------------------------------------------------------------------------------------------------------
// Roles and places

const SIGNED_IN = ["admin", "staff", "leader", "province", "principal", "teacher", "advisor", "office"] as const;
type SignedIn = (typeof SIGNED_IN)[number];
type Role = SignedIn | "anon";
const ROLES: Role[] = [...SIGNED_IN, "anon"];
type Place = "-" | RecordPlace | "public";
const ALL5: Place[] = [...SCHOOL_PLACES, ...COMMUNE_PLACES];
const SCHOOLS: Place[] = [...SCHOOL_PLACES];
const COMMUNES: Place[] = [...COMMUNE_PLACES];

let world: World;
const EMAILS = (): Record<SignedIn, string> => ({
  admin: "admin@tanan.demo",
  staff: "vhxh@tanan.demo",
  leader: "lanhdao@tanan.demo",
  province: world.accounts.province,
  principal: "bgh.thcs@tanan.demo",
  teacher: "gv.thcs@tanan.demo",
  advisor: world.accounts.advisor,
  // Tân An's Phòng Văn hóa - Xã hội's staff, who file that office's half-year report (the "commune" place's unit).
  office: "cb.vhxh@tanan.demo",
});

/** Whether a place's records exist for the actor (decision 014's reach, as decision 003 draws the 404 line). */
function reaches(role: SignedIn, place: Place): boolean {
  if (place === "-" || place === "public") return true;
  if (role === "admin" || role === "province") return true;
  if (role === "staff" || role === "leader") return place === "own" || place === "sibling" || place === "commune";
  if (role === "office") return place === "commune";
  return place === "own" || place === "commune";
}

/** Hold school.read: read a school's clubs, contests, activities, materials, people. */
const READERS = new Set<SignedIn>(["admin", "staff", "leader", "province", "principal", "teacher", "advisor"]);
/** THCS Tân An's own staff. */
const SCHOOL_STAFF = new Set<SignedIn>(["principal", "teacher", "advisor"]);
/** Commune-wide readers (commune.read). */
const COMMUNE_READERS = new Set<SignedIn>(["admin", "staff", "leader", "province"]);
/** Those who take attendance: their own school's people, or (commune staff) the offices'. */
const TAKERS = new Set<SignedIn>(["staff", "principal", "teacher", "advisor"]);
const isSchool = (p: Place) => p === "own" || p === "sibling" || p === "other";
const anyone = () => true;
const roles =
  (...rs: SignedIn[]) =>
  (r: SignedIn) =>
    rs.includes(r);
const inSet = (s: Set<SignedIn>) => (r: SignedIn) => s.has(r);
/**
 * An office's staff (decision 012) read what the commune shares with everyone in it (its activities, open contests,
 * materials shared with the commune) when a link leads there; nothing of a school's, and no people or attendance.
 */
const readsShared = (r: SignedIn, p: Place) => READERS.has(r) || (r === "office" && p === "commune");
const notOffice = (r: SignedIn) => r !== "office";
/** A contest entry is its school's record, even in the commune's contest: an office's staff do not reach it. */
const entryReach = (r: SignedIn, p: Place) => r !== "office" && reaches(r, p);
/** A unit's half-year report is prepared by its school's administrator or (the commune place's office) its staff. */
const preparesReport = (r: SignedIn, p: Place) =>
  (r === "principal" && p === "own") || (r === "office" && p === "commune");
/** A school's record is managed by its administrator; a commune-level one by the commune's staff. */
const manages = (r: SignedIn, p: Place) => (r === "principal" && p === "own") || (r === "staff" && p === "commune");

// ---------------------------------------------------------------------------------------------------------------
// The table: URL pattern and method (a variant in brackets when one route is tried two ways) → places, who may,
// and the request for a place.

/** "ok" = allowed (GET: 200; POST: success or a validation answer); "login" = redirect to /login; "302 /x" = a redirect to /x. */
type Expect = "ok" | "login" | "200" | "400" | "401" | "403" | "404" | "403|404" | "410" | `302 ${string}`;

interface Req {
  path: string;
  form?: Record<string, string>;
  json?: unknown;
}

interface Rule {
  places: Place[];
  /** In a place the actor reaches (or at all, for "-"): may they? */
  may?: (role: SignedIn, place: Place) => boolean;
  /** What "allowed" answers, when not plain "ok". */
  ok?: (role: SignedIn, place: Place) => Expect;
  /** Who reaches the record, when not the place's default (an entry of a school, shown in a commune's contest). */
  reach?: (role: SignedIn, place: Place) => boolean;
  /** A public route: the answer for everyone, signed in or not. */
  public?: (role: Role, place: Place) => Expect;
  /** Signed out, when not a redirect to /login. */
  anon?: Expect;
  /** Each actor on a session of its own, after everything else (the route ends the session). */
  ownSession?: boolean;
  req: (place: Place) => Req;
}

const P = (place: Place) => world.places[place as RecordPlace];
const one = (path: string) => (): Req => ({ path });
const post =
  (path: string, form: Record<string, string> = {}) =>
  (): Req => ({ path, form });
let emailCounter = 0;

const TABLE: Record<string, Rule> = {
  "GET /": { places: ["-"], may: anyone, req: one("/") },
  "GET /account/password": { places: ["-"], may: anyone, req: one("/account/password") },
  "POST /account/password": { places: ["-"], may: anyone, req: post("/account/password") },
  "GET /account/setup/:token": { places: ["-"], public: () => "410", req: one("/account/setup/khonghople2345678") },
  "POST /account/setup/:token": { places: ["-"], public: () => "400", req: post("/account/setup/khonghople2345678") },

  "GET /activities": { places: ["-"], may: inSet(READERS), req: one("/activities") },
  "GET /activities/calendar": { places: ["-"], may: inSet(READERS), req: one("/activities/calendar") },
  // A list's download (issue 19): the same readers as the list; what each sees, as on the page.
  "GET /activities/export.xlsx": { places: ["-"], may: inSet(READERS), req: one("/activities/export.xlsx") },
  "GET /activities/new": { places: ["-"], may: roles("principal", "staff"), req: one("/activities/new") },
  // The organizer named in the form is the place.
  "POST /activities/new": {
    places: ALL5,
    may: manages,
    req: (p) => ({
      path: "/activities/new",
      form: {
        ...P(p).activityForm,
        title: "Hoạt động mới ma trận",
        status: "planned",
        startDate: "2026-12-20",
        endDate: "2026-12-20",
      },
    }),
  },
  "GET /activities/:id": {
    places: ALL5,
    may: readsShared,
    req: (p) => ({ path: `/activities/${P(p).activityId}` }),
  },
  "POST /activities/:id": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/activities/${P(p).activityId}`, form: { intent: "khong-co" } }),
  },
  "GET /activities/:id/edit": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/activities/${P(p).activityId}/edit` }),
  },
  // The activity's own values posted back: allowed saves nothing new.
  "POST /activities/:id/edit": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/activities/${P(p).activityId}/edit`, form: { ...P(p).activityForm } }),
  },
  "GET /activities/:id/delete": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/activities/${P(p).activityId}/delete` }),
  },
  // Without its confirmation a delete deletes nothing (400).
  "POST /activities/:id/delete": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/activities/${P(p).activityId}/delete`, form: {} }),
  },

  "GET /admin": { places: ["-"], may: roles("admin", "staff"), req: one("/admin") },
  "GET /admin/accounts/export.xlsx": {
    places: ["-"],
    may: roles("admin", "staff"),
    req: one("/admin/accounts/export.xlsx"),
  },
  "GET /admin/accounts/:id": {
    places: ALL5,
    may: roles("admin", "staff"),
    req: (p) => ({ path: `/admin/accounts/${P(p).accountId}` }),
  },
  // Commune staff manage school accounts only (the commune places' accounts are commune staff).
  "POST /admin/accounts/:id": {
    places: ALL5,
    may: (r, p) => r === "admin" || (r === "staff" && isSchool(p)),
    req: (p) => ({ path: `/admin/accounts/${P(p).accountId}`, form: { intent: "reset-link" } }),
  },
  "GET /admin/accounts/new": { places: ["-"], may: roles("admin", "staff"), req: one("/admin/accounts/new") },
  // The unit named in the form is the place: a teacher of a school, or commune staff of a commune's office.
  "POST /admin/accounts/new": {
    places: ALL5,
    may: (r, p) => r === "admin" || (r === "staff" && isSchool(p)),
    req: (p) => ({
      path: "/admin/accounts/new",
      form: {
        email: `moi.${++emailCounter}.${p}@matran.test`,
        fullName: "Người Dùng Mới Ma Trận",
        role: isSchool(p) ? "teacher" : "commune_staff",
        unitId: String(P(p).unitId),
      },
    }),
  },
  "GET /admin/audit": { places: ["-"], may: roles("admin", "staff"), req: one("/admin/audit") },
  "GET /admin/audit/export.xlsx": { places: ["-"], may: roles("admin", "staff"), req: one("/admin/audit/export.xlsx") },
  "GET /admin/mail": { places: ["-"], may: roles("admin"), req: one("/admin/mail") },
  "GET /admin/units": { places: ["-"], may: roles("admin", "staff"), req: one("/admin/units") },
  "POST /admin/units": { places: ["-"], may: roles("admin"), req: post("/admin/units") },

  "GET /attendance": { places: ["-"], may: notOffice, req: one("/attendance") },
  // A class's own roll call (issue 20): the principal for any class, the homeroom teacher for theirs.
  "GET /attendance/new": { places: ["-"], may: roles("principal", "teacher"), req: one("/attendance/new") },
  "POST /attendance/new": {
    places: ["-"],
    may: roles("principal", "teacher"),
    req: post("/attendance/new", { className: "6A9" }),
  },
  // The commune's readers see counts; those who take attendance, their own people.
  "GET /attendance/:activityId": {
    places: ALL5,
    may: notOffice,
    req: (p) => ({ path: `/attendance/${P(p).activityId}` }),
  },
  "POST /attendance/:activityId": {
    places: ALL5,
    may: inSet(TAKERS),
    req: (p) => ({ path: `/attendance/${P(p).activityId}`, form: { intent: "khong-co" } }),
  },
  // The QR screen is the organizer's: the school's staff who take attendance, commune staff for commune activities.
  "GET /attendance/:activityId/checkin": {
    places: ALL5,
    may: (r, p) => (SCHOOL_STAFF.has(r) && p === "own") || (r === "staff" && p === "commune"),
    req: (p) => ({ path: `/attendance/${P(p).activityId}/checkin` }),
  },
  "POST /attendance/:activityId/checkin": {
    places: ALL5,
    may: (r, p) => (SCHOOL_STAFF.has(r) && p === "own") || (r === "staff" && p === "commune"),
    req: (p) => ({ path: `/attendance/${P(p).activityId}/checkin`, form: { intent: "" } }),
  },
  "GET /attendance/:activityId/export.xlsx": {
    places: ALL5,
    may: inSet(TAKERS),
    req: (p) => ({ path: `/attendance/${P(p).activityId}/export.xlsx` }),
  },
  "GET /attendance/:activityId/import": {
    places: ALL5,
    may: inSet(TAKERS),
    req: (p) => ({ path: `/attendance/${P(p).activityId}/import` }),
  },
  "POST /attendance/:activityId/import": {
    places: ALL5,
    may: inSet(TAKERS),
    req: (p) => ({ path: `/attendance/${P(p).activityId}/import`, form: {} }),
  },
  "POST /attendance/:activityId/mark": {
    places: ALL5,
    may: inSet(TAKERS),
    anon: "401",
    req: (p) => ({ path: `/attendance/${P(p).activityId}/mark`, json: { marks: [] } }),
  },
  "GET /attendance/:activityId/sheet": {
    places: ALL5,
    may: inSet(TAKERS),
    req: (p) => ({ path: `/attendance/${P(p).activityId}/sheet` }),
  },

  // The token is the key (a phone cannot sign in): the same answer for everyone.
  "GET /calendar/:token": {
    places: ALL5,
    public: () => "200",
    req: (p) => ({ path: `/calendar/${P(p).feedToken}.ics` }),
  },
  // A participant's phone opens it from the QR code while the check-in is open; a check-in needs a valid ticket.
  "GET /checkin/:activityId": {
    places: ALL5,
    public: () => "200",
    req: (p) => ({ path: `/checkin/${P(p).activityId}` }),
  },
  "POST /checkin/:activityId": {
    places: ALL5,
    public: () => "400",
    req: (p) => ({ path: `/checkin/${P(p).activityId}`, form: { ticket: "" } }),
  },

  "GET /clubs": { places: ["-"], may: inSet(READERS), req: one("/clubs") },
  "GET /clubs/export.xlsx": { places: ["-"], may: inSet(READERS), req: one("/clubs/export.xlsx") },
  "GET /clubs/new": { places: ["-"], may: roles("principal"), req: one("/clubs/new") },
  "POST /clubs/new": { places: ["-"], may: roles("principal"), req: post("/clubs/new") },
  "GET /clubs/:id": { places: SCHOOLS, may: inSet(READERS), req: (p) => ({ path: `/clubs/${P(p).clubId}` }) },
  // Members and meetings: the school's administrator (the club's advisor too, with issue 20).
  "POST /clubs/:id [members]": {
    places: SCHOOLS,
    may: (r, p) => r === "principal" && p === "own",
    req: (p) => ({ path: `/clubs/${P(p).clubId}`, form: { intent: "khong-co" } }),
  },
  // A meeting without its date and topic: allowed answers 400; the club's advisor (own school's club) may.
  "POST /clubs/:id [meeting]": {
    places: SCHOOLS,
    may: (r, p) => (r === "principal" || r === "advisor") && p === "own",
    req: (p) => ({ path: `/clubs/${P(p).clubId}`, form: { intent: "record-meeting" } }),
  },
  "GET /clubs/:id/edit": { places: SCHOOLS, may: manages, req: (p) => ({ path: `/clubs/${P(p).clubId}/edit` }) },
  "POST /clubs/:id/edit": {
    places: SCHOOLS,
    may: manages,
    req: (p) => ({ path: `/clubs/${P(p).clubId}/edit`, form: {} }),
  },
  "GET /clubs/:id/delete": { places: SCHOOLS, may: manages, req: (p) => ({ path: `/clubs/${P(p).clubId}/delete` }) },
  "POST /clubs/:id/delete": {
    places: SCHOOLS,
    may: manages,
    req: (p) => ({ path: `/clubs/${P(p).clubId}/delete`, form: {} }),
  },

  "GET /contests": { places: ["-"], may: inSet(READERS), req: one("/contests") },
  "GET /contests/export.xlsx": { places: ["-"], may: inSet(READERS), req: one("/contests/export.xlsx") },
  "GET /contests/new": { places: ["-"], may: roles("principal", "staff"), req: one("/contests/new") },
  "POST /contests/new": { places: ["-"], may: roles("principal", "staff"), req: post("/contests/new") },
  "GET /contests/:id": { places: ALL5, may: readsShared, req: (p) => ({ path: `/contests/${P(p).contestId}` }) },
  // A result is recorded by the entry's school (THCS's entry in its own and in Tân An's commune contest) or the organizer.
  "POST /contests/:id [result]": {
    places: ALL5,
    reach: entryReach,
    may: (r, p) => (r === "principal" && (p === "own" || p === "commune")) || (r === "staff" && p === "commune"),
    req: (p) => ({
      path: `/contests/${P(p).contestId}`,
      form: { intent: "result", entryId: String(P(p).entryId), result: "khong-hop-le" },
    }),
  },
  // A school's administrator enters their own school's contests and the open ones.
  "POST /contests/:id [add-entry]": {
    places: ALL5,
    may: (r, p) => r === "principal" && (p === "own" || p === "commune"),
    req: (p) => ({ path: `/contests/${P(p).contestId}`, form: { intent: "add-entry" } }),
  },
  "GET /contests/:id/edit": { places: ALL5, may: manages, req: (p) => ({ path: `/contests/${P(p).contestId}/edit` }) },
  "POST /contests/:id/edit": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/contests/${P(p).contestId}/edit`, form: { ...P(p).contestForm } }),
  },
  "GET /contests/:id/delete": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/contests/${P(p).contestId}/delete` }),
  },
  "POST /contests/:id/delete": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/contests/${P(p).contestId}/delete`, form: {} }),
  },
  // Evidence may name pupils: the entry's school's own staff only (THCS's entries are in "own" and "commune").
  "GET /contests/entries/:entryId/evidence": {
    places: ALL5,
    reach: entryReach,
    may: (r, p) => SCHOOL_STAFF.has(r) && (p === "own" || p === "commune"),
    req: (p) => ({ path: `/contests/entries/${P(p).entryId}/evidence` }),
  },

  "GET /healthz": { places: ["-"], public: () => "200", req: one("/healthz") },

  // Figures: the commune's readers any school or commune they reach; a school's administrator their own school.
  // A school is asked for with its commune, as the page's own links do (a reader of several communes otherwise
  // looks in the first commune by name).
  "GET /indicators [school]": {
    places: SCHOOLS,
    may: (r, p) => COMMUNE_READERS.has(r) || (r === "principal" && p === "own"),
    req: (p) => ({ path: `/indicators?period=2026&commune=${P(p).communeId}&school=${P(p).unitId}` }),
  },
  "GET /indicators [commune]": {
    places: COMMUNES,
    may: inSet(COMMUNE_READERS),
    req: (p) => ({ path: `/indicators?period=2026&commune=${P(p).communeId}` }),
  },
  "GET /indicators/:code [school]": {
    places: SCHOOLS,
    may: (r, p) => COMMUNE_READERS.has(r) || (r === "principal" && p === "own"),
    req: (p) => ({ path: `/indicators/SCH-2.1?period=2026&commune=${P(p).communeId}&school=${P(p).unitId}` }),
  },
  "GET /indicators/:code [commune]": {
    places: COMMUNES,
    may: inSet(COMMUNE_READERS),
    req: (p) => ({ path: `/indicators/SCH-2.1?period=2026&commune=${P(p).communeId}` }),
  },
  "GET /indicators/:code/csv [school]": {
    places: SCHOOLS,
    may: (r, p) => COMMUNE_READERS.has(r) || (r === "principal" && p === "own"),
    req: (p) => ({
      path: `/indicators/SCH-2.1/csv?period=2026&commune=${P(p).communeId}&school=${P(p).unitId}&table=0`,
    }),
  },
  "GET /indicators/:code/csv [commune]": {
    places: COMMUNES,
    may: inSet(COMMUNE_READERS),
    req: (p) => ({ path: `/indicators/SCH-2.1/csv?period=2026&commune=${P(p).communeId}&table=0` }),
  },
  "GET /indicators/:code/xlsx [school]": {
    places: SCHOOLS,
    may: (r, p) => COMMUNE_READERS.has(r) || (r === "principal" && p === "own"),
    req: (p) => ({
      path: `/indicators/SCH-2.1/xlsx?period=2026&commune=${P(p).communeId}&school=${P(p).unitId}&table=0`,
    }),
  },
  "GET /indicators/:code/xlsx [commune]": {
    places: COMMUNES,
    may: inSet(COMMUNE_READERS),
    req: (p) => ({ path: `/indicators/SCH-2.1/xlsx?period=2026&commune=${P(p).communeId}&table=0` }),
  },
  "GET /indicators/entered": { places: ["-"], may: roles("principal", "staff"), req: one("/indicators/entered") },
  // A unit's yearly budget estimate (clause V.1): a school's administrator, commune staff for the commune's units.
  "GET /indicators/budget": { places: ["-"], may: roles("principal", "staff"), req: one("/indicators/budget") },
  "POST /indicators/budget": {
    places: ["-"],
    may: roles("principal", "staff"),
    req: post("/indicators/budget", { intent: "save", amount: "-5" }),
  },
  "POST /indicators/entered": {
    places: ["-"],
    may: roles("principal", "staff"),
    req: post("/indicators/entered", { period: "2026-H2", stem_students: "-5" }),
  },
  // One table of targets for the deployment: with two communes, the system administrator's (decision 014).
  "GET /indicators/targets": { places: ["-"], may: roles("admin"), req: one("/indicators/targets") },
  "POST /indicators/targets": {
    places: ["-"],
    may: roles("admin"),
    req: post("/indicators/targets", { "t_SCH-2.1": "-5" }),
  },

  "GET /login": { places: ["-"], public: (r) => (r === "anon" ? "200" : "302 /"), req: one("/login") },
  // A signed-in user is sent home (the page's loader runs after the refused form).
  "POST /login": { places: ["-"], public: (r) => (r === "anon" ? "400" : "302 /"), req: post("/login") },
  "GET /logout": { places: ["-"], public: () => "302 /", req: one("/logout") },
  "POST /logout": { places: ["-"], public: () => "login", ownSession: true, req: post("/logout") },

  // Each person's own list (issue 19); an item of someone else (here: none has this id) is 404 to everyone.
  "GET /notifications": { places: ["-"], may: anyone, req: one("/notifications") },
  "POST /notifications": { places: ["-"], may: anyone, req: post("/notifications", { intent: "khong-co" }) },
  "GET /notifications/:id": { places: ["-"], may: anyone, ok: () => "404", req: one("/notifications/999999999") },

  "GET /materials": { places: ["-"], may: (r) => READERS.has(r) || r === "office", req: one("/materials") },
  "GET /materials/export.xlsx": {
    places: ["-"],
    may: (r) => READERS.has(r) || r === "office",
    req: one("/materials/export.xlsx"),
  },
  "GET /materials/new": { places: ["-"], may: inSet(SCHOOL_STAFF), req: one("/materials/new") },
  "POST /materials/new": { places: ["-"], may: inSet(SCHOOL_STAFF), req: post("/materials/new") },
  "POST /materials/upload": { places: ["-"], may: inSet(SCHOOL_STAFF), anon: "401", req: post("/materials/upload") },
  // School places: shared with the school only; commune places: shared with the commune by one of its schools.
  "GET /materials/:id": { places: ALL5, may: readsShared, req: (p) => ({ path: `/materials/${P(p).materialId}` }) },
  // THCS's material was written by gv.thcs: its author and the school's administrator delete it.
  "POST /materials/:id": {
    places: ALL5,
    may: (r, p) => (r === "principal" || r === "teacher") && p === "own",
    req: (p) => ({ path: `/materials/${P(p).materialId}`, form: { intent: "delete" } }),
  },
  "GET /materials/:id/file": {
    places: ALL5,
    may: readsShared,
    req: (p) => ({ path: `/materials/${P(p).materialId}/file` }),
  },

  // A school's staff are sent to their own school's list.
  "GET /people": {
    places: ["-"],
    may: notOffice,
    ok: (r) => (SCHOOL_STAFF.has(r) ? `302 /people/${world.schools.own}` : "ok"),
    req: one("/people"),
  },
  // A school's list (pupils: names for its own staff, counts for the commune); an office's officials for the commune's readers.
  "GET /people/:unitId": {
    places: ALL5,
    may: (r, p) => (isSchool(p) ? READERS.has(r) : COMMUNE_READERS.has(r)),
    req: (p) => ({ path: `/people/${P(p).unitId}?category=${isSchool(p) ? "students" : "officials"}` }),
  },
  "GET /people/:unitId/template.xlsx": {
    places: ALL5,
    may: (r, p) => (isSchool(p) ? READERS.has(r) : COMMUNE_READERS.has(r)),
    req: (p) => ({ path: `/people/${P(p).unitId}/template.xlsx` }),
  },
  // The list as on its page: pupils by name for the school's own staff, counts by class for the commune's readers.
  "GET /people/:unitId/export.xlsx": {
    places: ALL5,
    may: (r, p) => (isSchool(p) ? READERS.has(r) : COMMUNE_READERS.has(r)),
    req: (p) => ({ path: `/people/${P(p).unitId}/export.xlsx?category=${isSchool(p) ? "students" : "officials"}` }),
  },
  "GET /people/:unitId/:personId": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/people/${P(p).unitId}/${P(p).personId}` }),
  },
  "POST /people/:unitId/:personId": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/people/${P(p).unitId}/${P(p).personId}`, form: {} }),
  },
  // Homeroom teachers are the principal's to assign, on their own school only.
  "GET /people/:unitId/homerooms": {
    places: ALL5,
    may: (r, p) => r === "principal" && p === "own",
    req: (p) => ({ path: `/people/${P(p).unitId}/homerooms` }),
  },
  "POST /people/:unitId/homerooms": {
    places: ALL5,
    may: (r, p) => r === "principal" && p === "own",
    req: (p) => ({ path: `/people/${P(p).unitId}/homerooms`, form: {} }),
  },
  "GET /people/:unitId/import": { places: ALL5, may: manages, req: (p) => ({ path: `/people/${P(p).unitId}/import` }) },
  "POST /people/:unitId/import": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/people/${P(p).unitId}/import`, form: {} }),
  },
  "GET /people/:unitId/new": { places: ALL5, may: manages, req: (p) => ({ path: `/people/${P(p).unitId}/new` }) },
  "POST /people/:unitId/new": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: `/people/${P(p).unitId}/new`, form: {} }),
  },

  "GET /public": { places: ["-"], public: () => "200", req: one("/public") },
  "GET /public/feed.xml": { places: ["-"], public: () => "200", req: one("/public/feed.xml") },
  // The commune's progress (figures only) for everyone; the embed may be framed by any site.
  "GET /public/progress": { places: ["-"], public: () => "200", req: one("/public/progress") },
  "GET /public/progress/embed": { places: ["-"], public: () => "200", req: one("/public/progress/embed") },
  "GET /public/progress.xml": { places: ["-"], public: () => "200", req: one("/public/progress.xml") },
  // "own": THCS's school-only material (never public); "public": a public one.
  "GET /public/materials/:id": {
    places: ["own", "public"],
    public: (_r, p) => (p === "public" ? "200" : "404"),
    req: (p) => ({ path: `/public/materials/${p === "public" ? world.publicMaterialId : P(p).materialId}` }),
  },

  "GET /recycle-bin": { places: ["-"], may: anyone, req: one("/recycle-bin") },
  // Purging without its confirmation purges nothing (400).
  "POST /recycle-bin": {
    places: ALL5,
    may: manages,
    req: (p) => ({ path: "/recycle-bin", form: { intent: "purge", binId: String(P(p).binId) } }),
  },

  "GET /reports": {
    places: ["-"],
    may: roles("admin", "staff", "leader", "province", "principal", "office"),
    req: one("/reports"),
  },
  // The commune's cut-off: its staff (an empty date is refused, nothing changes).
  "POST /reports": {
    places: COMMUNES,
    may: (r, p) => r === "staff" && p === "commune",
    req: (p) => ({ path: "/reports", form: { period: "2026-H2", commune: String(P(p).communeId), cutoff: "" } }),
  },
  // The list of a half-year's reports as Excel: the commune's readers.
  "GET /reports/list.xlsx": { places: ["-"], may: inSet(COMMUNE_READERS), req: one("/reports/list.xlsx") },
  // "Nhắc đơn vị chưa nộp" (issue 19): the commune's staff, for their commune.
  "POST /reports [remind]": {
    places: COMMUNES,
    may: (r, p) => r === "staff" && p === "commune",
    req: (p) => ({ path: "/reports", form: { period: "2026-H2", commune: String(P(p).communeId), intent: "remind" } }),
  },
  // Approving several at once: without a report chosen nothing happens (400).
  "POST /reports [approve-many]": {
    places: COMMUNES,
    may: (r, p) => r === "staff" && p === "commune",
    req: (p) => ({
      path: "/reports",
      form: { period: "2026-H1", commune: String(P(p).communeId), intent: "approve-many" },
    }),
  },
  // A school's report and (commune places) an office's: its own preparers and the commune's readers (plan V.2).
  "GET /reports/:period/:unitId": {
    places: ALL5,
    may: (r, p) => COMMUNE_READERS.has(r) || preparesReport(r, p),
    req: (p) => ({ path: `/reports/2026-H1/${P(p).unitId}` }),
  },
  "POST /reports/:period/:unitId [save]": {
    places: ALL5,
    may: preparesReport,
    req: (p) => ({ path: `/reports/2026-H1/${P(p).unitId}`, form: { intent: "save", narrative: "" } }),
  },
  "POST /reports/:period/:unitId [decide]": {
    places: ALL5,
    may: roles("staff"),
    req: (p) => ({ path: `/reports/2026-H1/${P(p).unitId}`, form: { intent: "khong-co" } }),
  },
  ...Object.fromEntries(
    (["csv", "xlsx", "docx"] as const).flatMap((format) => [
      [
        `GET /reports/:period/export [school ${format}]`,
        {
          places: ALL5,
          may: (r: SignedIn, p: Place) => COMMUNE_READERS.has(r) || preparesReport(r, p),
          req: (p: Place) => ({ path: `/reports/2026-H1/export?unit=${P(p).unitId}&format=${format}` }),
        } satisfies Rule,
      ],
      [
        `GET /reports/:period/export [commune ${format}]`,
        {
          places: COMMUNES,
          may: inSet(COMMUNE_READERS),
          req: (p: Place) => ({
            path: `/reports/2026-H1/export?unit=commune&commune=${P(p).communeId}&format=${format}`,
          }),
        } satisfies Rule,
      ],
    ]),
  ),

  // A school's page: its own staff and the commune's readers; a commune's page: the commune's readers.
  "GET /units/:id": {
    places: ALL5,
    may: (r, p) => COMMUNE_READERS.has(r) || (isSchool(p) && SCHOOL_STAFF.has(r)),
    req: (p) => ({ path: `/units/${P(p).unitPageId}` }),
  },
  // Headcounts (of 2030, which nothing else reads): the system administrator, commune staff, the school's administrator.
  "POST /units/:id": {
    places: ALL5,
    may: (r, p) => r === "admin" || r === "staff" || (r === "principal" && p === "own"),
    req: (p) => ({
      path: `/units/${P(p).unitPageId}?year=2030`,
      form: { [isSchool(p) ? "teachers:0" : "officials:0"]: "1" },
    }),
  },
  // Who signs a unit's documents (issue 18): a school's administrator, commune staff for the commune's units (an
  // abbreviation with spaces is refused: nothing changes).
  "POST /units/:id [documents]": {
    places: ALL5,
    may: (r, p) => (r === "principal" && p === "own") || (r === "staff" && p === "commune"),
    req: (p) => ({
      path: `/units/${P(p).unitPageId}`,
      form: { intent: "documents", docAbbreviation: "có khoảng trắng" },
    }),
  },
  // A school's storage quota: commune staff (5 MB is refused: nothing changes).
  "POST /units/:id [quota]": {
    places: SCHOOLS,
    may: roles("staff"),
    req: (p) => ({ path: `/units/${P(p).unitPageId}`, form: { intent: "quota", quota: "5" } }),
  },

  "GET /*": { places: ["-"], public: () => "404", req: one("/khong-co-trang-nay") },
  "POST /*": { places: ["-"], public: () => "404", req: post("/khong-co-trang-nay") },
};

function expected(rule: Rule, role: Role, place: Place): Expect {
  if (rule.public) return rule.public(role, place);
  if (role === "anon") return rule.anon ?? "login";
  const reached = rule.reach ?? reaches;
  if (!reached(role, place))
    return rule.places.some((pl) => reached(role, pl) && rule.may?.(role, pl)) ? "404" : "403|404";
  return rule.may?.(role, place) ? (rule.ok?.(role, place) ?? "ok") : "403";
}

// ---------------------------------------------------------------------------------------------------------------
// Running the cases

interface Answer {
  status: number;
  location: string | null;
  type: string | null;
  body: Uint8Array;
}

interface Case {
  key: string;
  role: Role;
  place: Place;
  method: "GET" | "POST";
  url: string;
  /** The `.data` request of a page's loader. */
  data: boolean;
  expect: Expect;
  req: Req;
}

interface Result extends Case {
  actual: string;
  ok: boolean;
  /** Pupils' full names found in the answer, by school. */
  names: Partial<Record<SchoolPlace, string[]>>;
}

let server: RunningServer;
let t: TestDb;
let uploadDir: string;
const previousUploadDir = process.env.UPLOAD_DIR;
let manifest: ManifestRoute[];
let pupils: Record<SchoolPlace, Set<string>>;
const cookies: Partial<Record<Role, string>> = {};
const results: Result[] = [];
let caseCount = 0;

async function send(req: Req, method: "GET" | "POST", cookie: string | undefined, path = req.path): Promise<Answer> {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  let body: string | undefined;
  if (method === "POST" && req.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(req.json);
  } else if (method === "POST") {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(req.form ?? {}).toString();
  }
  const res = await fetch(server.url + path, { method, headers, body, redirect: "manual" });
  return {
    status: res.status,
    location: res.headers.get("location"),
    type: res.headers.get("content-type"),
    body: new Uint8Array(await res.arrayBuffer()),
  };
}

/** The answer in the table's words: a status, "login", or "302 <path>" (a `.data` redirect comes as 202 with a Location). */
function described(a: Answer, data: boolean): string {
  const redirect = a.status >= 300 && a.status < 400 ? a.location : data && a.status === 202 ? a.location : null;
  if (redirect !== null && redirect !== undefined) {
    const to = redirect.replace(/^https?:\/\/[^/]+/, "");
    return to.startsWith("/login") ? "login" : `302 ${to}`;
  }
  return String(a.status);
}

function matches(expect: Expect, actual: string, method: "GET" | "POST"): boolean {
  if (expect === "ok") {
    if (method === "GET") return actual === "200";
    if (actual === "login") return false;
    if (actual.startsWith("302 ")) return true;
    const status = Number(actual);
    return (status >= 200 && status < 300) || status === 400 || status === 409;
  }
  if (expect === "403|404") return actual === "403" || actual === "404";
  if (expect.startsWith("302 "))
    return actual === expect || actual.startsWith(`${expect}?`) || actual.startsWith(`${expect}#`);
  return actual === expect;
}

function dataPath(path: string): string {
  const [pathname, query] = path.split("?");
  return `${pathname === "/" ? "/_root" : pathname}.data${query ? `?${query}` : ""}`;
}

/** Runs `jobs` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await job(items[next++]);
    }),
  );
}

const keyParts = (key: string) => {
  const m = /^(GET|POST) (\S+)(?: \[(.+)\])?$/.exec(key);
  if (!m) throw new Error(`bad key ${key}`);
  return { method: m[1] as "GET" | "POST", pattern: m[2], variant: m[3] };
};

/** Names a role may see: THCS Tân An's own staff see THCS's pupils; nobody sees another school's. */
const forbiddenSchools = (role: Role): SchoolPlace[] =>
  role !== "anon" && SCHOOL_STAFF.has(role) ? ["sibling", "other"] : ["own", "sibling", "other"];

async function run(c: Case, cookie: string | undefined) {
  const answer = await send(c.req, c.method, cookie, c.url);
  const actual = described(answer, c.data);
  const text = await readableText(answer.body, answer.type);
  const names: Result["names"] = {};
  for (const school of SCHOOL_PLACES) {
    const found = namesIn(text, pupils[school]);
    if (found.length) names[school] = found;
  }
  results.push({ ...c, actual, ok: matches(c.expect, actual, c.method), names });
}

function buildCases(): { main: Case[]; last: Case[] } {
  const main: Case[] = [];
  const last: Case[] = [];
  for (const [key, rule] of Object.entries(TABLE)) {
    const { method, pattern } = keyParts(key);
    const pages = manifest.some((r) => r.pattern === pattern && r.hasLoader && r.hasPage);
    for (const place of rule.places)
      for (const role of ROLES) {
        const req = rule.req(place);
        const expect = expected(rule, role, place);
        const c: Case = { key, role, place, method, url: req.path, data: false, expect, req };
        (rule.ownSession ? last : main).push(c);
        caseCount++;
        if (method === "GET" && pages) main.push({ ...c, url: dataPath(req.path), data: true });
      }
  }
  return { main, last };
}

beforeAll(async () => {
  manifest = routeManifest();
  // The demo's media (materials' files) are stored where this file's server reads them.
  uploadDir = fs.mkdtempSync(path.resolve("tmp", "access-matrix-uploads-"));
  process.env.UPLOAD_DIR = uploadDir;
  t = await createTestDb({ demo: true });
  world = await buildAccessWorld(t.db);
  pupils = await distinctivePupilNames(t.db, world.schools);
  server = await startTestServer({ databaseUrl: t.file, seedDemo: false, env: { UPLOAD_DIR: uploadDir } });
  const emails = EMAILS();
  await Promise.all(SIGNED_IN.map(async (role) => (cookies[role] = await loginAs(server.url, emails[role], PASSWORD))));

  const { main, last } = buildCases();
  // Reads first, then changes (none destroys what a read needs), then the cases that end their session.
  await pool(
    main.filter((c) => c.method === "GET"),
    12,
    (c) => run(c, c.role === "anon" ? undefined : cookies[c.role]),
  );
  // Changes to one record run one after another (two saves of the same headcounts at once are not what is tested here).
  const chains = new Map<string, Case[]>();
  for (const c of main.filter((c) => c.method === "POST"))
    chains.set(`${c.key} ${c.place}`, [...(chains.get(`${c.key} ${c.place}`) ?? []), c]);
  await pool([...chains.values()], 8, async (chain) => {
    for (const c of chain) await run(c, c.role === "anon" ? undefined : cookies[c.role]);
  });
  await pool(last, 4, async (c) =>
    run(c, c.role === "anon" ? undefined : await loginAs(server.url, emails[c.role as SignedIn], PASSWORD)),
  );
  if (process.env.ACCESS_MATRIX_REPORT)
    fs.writeFileSync(
      process.env.ACCESS_MATRIX_REPORT,
      JSON.stringify(
        results.map(({ key, role, place, method, url, data, expect, actual, ok, names }) => ({
          key,
          role,
          place,
          method,
          url,
          data,
          expect,
          actual,
          ok,
          names,
        })),
        null,
        1,
      ),
    );
}, 300_000);

afterAll(async () => {
  if (process.env.ACCESS_MATRIX_REPORT && server)
    fs.writeFileSync(`${process.env.ACCESS_MATRIX_REPORT}.server.log`, server.logs());
  await server?.stop();
  await t?.close();
  if (uploadDir) fs.rmSync(uploadDir, { recursive: true, force: true });
  if (previousUploadDir === undefined) delete process.env.UPLOAD_DIR;
  else process.env.UPLOAD_DIR = previousUploadDir;
  console.log(
    `access matrix: ${caseCount} route × role × place cases (${results.length} requests with the pages' .data) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
});

// ---------------------------------------------------------------------------------------------------------------

describe("the access matrix covers every route of the build", () => {
  it("every loader and action of every route is in the table, and every entry of the table is a route", () => {
    const tableKeys = new Set(Object.keys(TABLE).map((k) => `${keyParts(k).method} ${keyParts(k).pattern}`));
    const routeKeys = new Map<string, string>();
    for (const r of manifest) {
      if (r.hasLoader) routeKeys.set(`GET ${r.pattern}`, r.id);
      if (r.hasAction) routeKeys.set(`POST ${r.pattern}`, r.id);
    }
    const missing = [...routeKeys]
      .filter(([k]) => !tableKeys.has(k))
      .map(([k, id]) => `${k} (${id}) is not in the access table`);
    const stale = [...tableKeys]
      .filter((k) => !routeKeys.has(k))
      .map((k) => `${k} is in the access table but no route answers it`);
    expect([...missing, ...stale]).toEqual([]);
    expect(routeKeys.size).toBeGreaterThan(80);
  });
});

describe("route × role × place", () => {
  it.each(Object.keys(TABLE))("%s", (key) => {
    const mine = results.filter((r) => r.key === key);
    expect(mine.length).toBeGreaterThan(0);
    const wrong = mine
      .filter((r) => !r.ok)
      .map((r) => `${r.role} @ ${r.place}: expected ${r.expect}, got ${r.actual} — ${r.method} ${r.url}`);
    expect(wrong).toEqual([]);
  });
});

describe("students' names stay in their school (decision 006)", () => {
  it("the detector knows each school's pupils and finds them where their own staff look", () => {
    for (const school of SCHOOL_PLACES) expect(pupils[school].size).toBeGreaterThanOrEqual(6);
    const found = (key: string, role: Role, data: boolean) =>
      results.find((r) => r.key === key && r.role === role && r.place === "own" && r.data === data)?.names.own ?? [];
    expect(found("GET /clubs/:id", "teacher", false)).toContain("Mạc Thị Ánh Dương");
    expect(found("GET /clubs/:id", "teacher", true)).toContain("Mạc Thị Ánh Dương");
    expect(found("GET /attendance/:activityId/export.xlsx", "principal", false)).toContain("Mạc Thị Ánh Dương");
    expect(found("GET /people/:unitId/export.xlsx", "teacher", false)).toContain("Mạc Thị Ánh Dương");
  });

  it("no answer to anyone outside a school holds its pupils' full names: pages, .data, downloads", () => {
    const leaks = results.flatMap((r) =>
      forbiddenSchools(r.role)
        .filter((s) => r.names[s]?.length)
        .map(
          (s) =>
            `${r.role} @ ${r.place}: ${r.method} ${r.url} shows ${s}'s pupils ${r.names[s]!.slice(0, 3).join(", ")}`,
        ),
    );
    expect(leaks).toEqual([]);
  });
});
