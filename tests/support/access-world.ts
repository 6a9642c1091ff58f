/**
 * The world of the route × role × place matrix (tests/integration/http-access-matrix.test.ts): the demo of Tân An
 * plus a second commune of the same province (xã Bình Minh: its office, one school, its staff and records), a
 * province reader, a teacher who advises a club of THCS Tân An, and one record of every kind in every place —
 * written directly into a fresh database before a server is started on it (SQLite or, with TEST_PG_URL, PostgreSQL).
 *
 * Places, seen from THCS Tân An's staff:
 * - own: THCS Tân An (`thcs-tanan`), their own school;
 * - sibling: Tiểu học Tân An A (`th-tanan-a`), another school of the same commune;
 * - other: THCS Bình Minh, the school of the other commune;
 * - commune: Tân An's commune-level records (the commune, its Phòng Văn hóa - Xã hội, its open contest, a
 *   "commune"-shared material of a Tân An school);
 * - otherCommune: the same for Bình Minh.
 */
import { randomBytes } from "node:crypto";
import type { DB } from "../../db/connection";
import { addUnit, addUser } from "../../scripts/seed/org";
import { nameKey } from "../../app/domain/shared/text";
import { feedToken } from "../../app/domain/activities/calendar-feed";
import { deleteActivity, getActivity } from "../../app/domain/activities/activities";
import { deleteClub, getClub } from "../../app/domain/clubs/clubs";
import { saveDraft } from "../../app/domain/reports/reports";
import { getUnit } from "../../app/domain/units/units";
import { actorOf } from "./db";
import { insertMark } from "./fixtures";

export const PASSWORD = "TanAn@2025";
export const SCHOOL_PLACES = ["own", "sibling", "other"] as const;
export const COMMUNE_PLACES = ["commune", "otherCommune"] as const;
export type SchoolPlace = (typeof SCHOOL_PLACES)[number];
export type CommunePlace = (typeof COMMUNE_PLACES)[number];
export type RecordPlace = SchoolPlace | CommunePlace;

/** The values an activity was written with, as its edit form posts them back. */
export interface ActivityForm {
  title: string;
  organizerUnitId: string;
  form: string;
  topics: string;
  audiences: string;
  delivery: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  status: string;
}

export interface ContestForm {
  name: string;
  level: string;
  field: string;
  startsOn: string;
  endsOn: string;
}

/** One record of each kind in a place (a school, or a commune's commune-level units). */
export interface PlaceRecords {
  /** The school, or the commune's Phòng Văn hóa - Xã hội (organizer of its activities and contests, its people). */
  unitId: number;
  /** The unit whose page (/units/:id) stands for the place: the school, or the commune itself. */
  unitPageId: number;
  communeId: number;
  activityId: number;
  activityForm: ActivityForm;
  contestId: number;
  contestForm: ContestForm;
  entryId: number;
  materialId: number;
  /** A student of the school (an official of the office for commune places). */
  personId: number;
  /** An account of the place nobody signs in with (a teacher; commune staff for commune places). */
  accountId: number;
  /** A deleted club (a deleted activity for commune places) waiting in the recycle bin. */
  binId: number;
  feedToken: string;
  /** Schools only. */
  clubId?: number;
}

export interface World {
  provinceId: number;
  communeA: number;
  communeB: number;
  schools: Record<SchoolPlace, number>;
  places: Record<RecordPlace, PlaceRecords>;
  /** A public material (THCS Tân An's), for /public/materials/:id. */
  publicMaterialId: number;
  /** The new accounts' e-mails. */
  accounts: { province: string; advisor: string; staffB: string; principalB: string; teacherB: string };
}

const at = "2026-09-01T01:00:00.000Z";
const vn = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

async function person(
  db: DB,
  unitId: number,
  p: {
    code: string;
    name: string;
    category: "students" | "teachers" | "officials";
    grade?: number;
    className?: string;
    userId?: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("people")
    .values({
      unit_id: unitId,
      category: p.category,
      code: p.code,
      full_name: p.name,
      name_key: nameKey(p.name),
      grade: p.grade ?? null,
      class_name: p.className ?? null,
      position: p.category === "students" ? null : p.category === "officials" ? "Chuyên viên" : "Giáo viên",
      user_id: p.userId ?? null,
      left_on: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function activity(
  db: DB,
  organizerUnitId: number,
  title: string,
  date: string,
  clubId: number | null = null,
): Promise<{ id: number; form: ActivityForm }> {
  const form: ActivityForm = {
    title,
    organizerUnitId: String(organizerUnitId),
    form: clubId ? "club_meeting" : "training",
    topics: "NQ57",
    audiences: "students",
    delivery: "in_person",
    startDate: date,
    startTime: "08:00",
    endDate: date,
    endTime: "10:00",
    place: "Hội trường",
    status: "held",
  };
  const row = await db
    .insertInto("activities")
    .values({
      organizer_unit_id: organizerUnitId,
      title,
      form: form.form,
      delivery: "in_person",
      starts_at: vn(date, form.startTime),
      ends_at: vn(date, form.endTime),
      place: form.place,
      link: null,
      commemoration: null,
      planned_participants: null,
      status: "held",
      description: null,
      club_id: clubId,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("activity_topics").values({ activity_id: row.id, topic_code: "NQ57" }).execute();
  await db.insertInto("activity_audiences").values({ activity_id: row.id, audience_code: "students" }).execute();
  // The QR check-in is open, so /checkin/:id answers and the organizer's QR screen shows a code.
  await db
    .insertInto("activity_checkin")
    .values({
      activity_id: row.id,
      secret: randomBytes(16).toString("hex"),
      pin: "000000",
      opened_by: null,
      opened_at: at,
      closed_at: null,
    })
    .execute();
  return { id: row.id, form };
}

async function club(db: DB, schoolId: number, name: string): Promise<number> {
  const row = await db
    .insertInto("clubs")
    .values({
      school_id: schoolId,
      name,
      field: "robotics",
      target_grades: "[]",
      schedule: null,
      status: "active",
      description: null,
      founded_on: "2026-09-01",
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function contest(
  db: DB,
  organizerUnitId: number,
  name: string,
  level: "school" | "commune",
  openToAll: boolean,
): Promise<{ id: number; form: ContestForm }> {
  const form: ContestForm = { name, level, field: "robotics", startsOn: "2026-10-01", endsOn: "2026-11-30" };
  const row = await db
    .insertInto("contests")
    .values({
      organizer_unit_id: organizerUnitId,
      name,
      level,
      field: form.field,
      starts_on: form.startsOn,
      ends_on: form.endsOn,
      rules: null,
      link: null,
      open_to_all: openToAll ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, form };
}

async function entry(
  db: DB,
  contestId: number,
  schoolId: number,
  title: string,
  students: number[],
  evidence: string,
): Promise<number> {
  const row = await db
    .insertInto("contest_entries")
    .values({
      contest_id: contestId,
      school_id: schoolId,
      title,
      field: "robotics",
      result: null,
      evidence_file: evidence,
      evidence_name: "giay-chung-nhan.pdf",
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("contest_entry_members")
    .values(students.map((person_id) => ({ entry_id: row.id, person_id, role: "student" as const })))
    .execute();
  return row.id;
}

async function material(
  db: DB,
  schoolId: number,
  authorUserId: number | null,
  title: string,
  visibility: "school" | "commune" | "public",
  file: { id: number; name: string },
): Promise<number> {
  const row = await db
    .insertInto("materials")
    .values({
      school_id: schoolId,
      author_user_id: authorUserId,
      title,
      description: "Học liệu của phép thử phân quyền.",
      kind: "document",
      subject: "Tin học",
      grades: "[]",
      integrates_topics: 1,
      visibility,
      file_id: file.id,
      file_name: file.name,
      link_url: null,
      search_text: nameKey(title),
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("material_topics").values({ material_id: row.id, topic_code: "STEM" }).execute();
  return row.id;
}

async function userId(db: DB, email: string): Promise<number> {
  return (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function unitByCode(db: DB, code: string): Promise<number> {
  return (await db.selectFrom("units").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

async function binIdOf(db: DB, kind: "club" | "activity", recordId: number): Promise<number> {
  return (
    await db
      .selectFrom("recycle_bin")
      .select("id")
      .where("kind", "=", kind)
      .where("record_id", "=", recordId)
      .executeTakeFirstOrThrow()
  ).id;
}

/** Distinctive pupils' names per school (family names the demo never uses), so a leak is unmistakable. */
const PUPILS: Record<SchoolPlace, string[]> = {
  own: [
    "Mạc Thị Ánh Dương",
    "Mạc Văn Bảo Khang",
    "Mạc Thị Cát Tường",
    "Mạc Văn Đăng Khoa",
    "Mạc Thị Gia Hân",
    "Mạc Văn Hải Đăng",
  ],
  sibling: [
    "Khổng Thị Ánh Dương",
    "Khổng Văn Bảo Khang",
    "Khổng Thị Cát Tường",
    "Khổng Văn Đăng Khoa",
    "Khổng Thị Gia Hân",
    "Khổng Văn Hải Đăng",
  ],
  other: [
    "Doãn Thị Ánh Dương",
    "Doãn Văn Bảo Khang",
    "Doãn Thị Cát Tường",
    "Doãn Văn Đăng Khoa",
    "Doãn Thị Gia Hân",
    "Doãn Văn Hải Đăng",
  ],
};

/** Builds the world into a database that holds the demo of Tân An. */
export async function buildAccessWorld(db: DB): Promise<World> {
  const provinceId = (
    await db.selectFrom("units").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
  ).id;
  const communeA = (await db.selectFrom("units").select("id").where("code", "=", "commune").executeTakeFirstOrThrow())
    .id;
  const officeA = await unitByCode(db, "office-vhxh");
  const own = await unitByCode(db, "thcs-tanan");
  const sibling = await unitByCode(db, "th-tanan-a");

  // The second commune: its office, one school, headcounts, staff.
  const communeB = await addUnit(db, provinceId, { kind: "commune", code: "xa-binhminh", name: "UBND xã Bình Minh" });
  const officeB = await addUnit(db, communeB, {
    kind: "office",
    code: "office-vhxh-binhminh",
    name: "Phòng Văn hóa - Xã hội xã Bình Minh",
  });
  const other = await addUnit(db, communeB, {
    kind: "school",
    code: "thcs-binhminh",
    name: "Trường THCS Bình Minh",
    shortName: "THCS Bình Minh",
    schoolLevel: "lower_secondary",
  });
  for (const [unit_id, category, grade, count] of [
    [communeB, "officials", 0, 5],
    [officeB, "officials", 0, 6],
    [other, "teachers", 0, 20],
    [other, "students", 6, 120],
    [other, "students", 7, 118],
  ] as const)
    await db
      .insertInto("headcounts")
      .values({ unit_id, year: 2026, category, grade, count, updated_at: at, updated_by: null })
      .execute();

  const accounts = {
    province: "so.gddt@tinh.test",
    advisor: "gv.covan@tanan.demo",
    staffB: "vhxh@binhminh.test",
    principalB: "bgh@binhminh.test",
    teacherB: "gv@binhminh.test",
  };
  await addUser(db, {
    email: accounts.province,
    fullName: "Tôn Thất Sở",
    password: PASSWORD,
    role: "province_reader",
    unitId: provinceId,
  });
  await addUser(db, {
    email: accounts.staffB,
    fullName: "Âu Thị Bình Minh",
    password: PASSWORD,
    role: "commune_staff",
    unitId: officeB,
  });
  await addUser(db, {
    email: accounts.principalB,
    fullName: "Âu Văn Hiệu Trưởng",
    password: PASSWORD,
    role: "school_admin",
    unitId: other,
  });
  await addUser(db, {
    email: accounts.teacherB,
    fullName: "Âu Thị Giáo Viên",
    password: PASSWORD,
    role: "teacher",
    unitId: other,
  });
  // The advisor: a teacher of THCS Tân An, linked to their person, advisor of THCS's club below.
  const advisorUser = await addUser(db, {
    email: accounts.advisor,
    fullName: "Lưu Quang Hướng",
    password: PASSWORD,
    role: "teacher",
    unitId: own,
  });
  const advisorPerson = await person(db, own, {
    code: "GV-COVAN",
    name: "Lưu Quang Hướng",
    category: "teachers",
    userId: advisorUser,
  });

  const schools: Record<SchoolPlace, number> = { own, sibling, other };
  const principal: Record<SchoolPlace, string> = {
    own: "bgh.thcs@tanan.demo",
    sibling: "bgh.tieuhoca@tanan.demo",
    other: accounts.principalB,
  };
  const teacher: Record<SchoolPlace, string> = {
    own: "gv.thcs@tanan.demo",
    sibling: "gv.tieuhoca@tanan.demo",
    other: accounts.teacherB,
  };
  const label: Record<RecordPlace, string> = {
    own: "THCS Tân An",
    sibling: "TH Tân An A",
    other: "THCS Bình Minh",
    commune: "xã Tân An",
    otherCommune: "xã Bình Minh",
  };
  const file = await db
    .selectFrom("stored_files")
    .select(["id", "sha256"])
    .where("mime", "=", "application/pdf")
    .orderBy("id")
    .executeTakeFirstOrThrow();

  const pupils: Record<SchoolPlace, number[]> = { own: [], sibling: [], other: [] };
  for (const place of SCHOOL_PLACES) {
    const grade = place === "sibling" ? 4 : 6;
    for (const [i, name] of PUPILS[place].entries())
      pupils[place].push(
        await person(db, schools[place], {
          code: `MT-HS-${i + 1}`,
          name,
          category: "students",
          grade,
          className: `${grade}A9`,
        }),
      );
  }
  // The teacher of THCS Tân An is the homeroom teacher of its class 6A9 (issue 20).
  await db
    .insertInto("homeroom_classes")
    .values({
      school_id: own,
      class_name: "6A9",
      user_id: await userId(db, teacher.own),
      assigned_at: at,
      assigned_by: null,
    })
    .execute();
  const teacherBPerson = await person(db, other, {
    code: "GV-BM-1",
    name: "Âu Thị Giáo Viên",
    category: "teachers",
    userId: await userId(db, accounts.teacherB),
  });
  const officials: Record<CommunePlace, number> = {
    commune: await person(db, officeA, { code: "MT-CB-1", name: "Quan Thị Công Chức", category: "officials" }),
    otherCommune: await person(db, officeB, { code: "MT-CB-1", name: "Quan Văn Công Chức", category: "officials" }),
  };

  const places = {} as Record<RecordPlace, PlaceRecords>;
  for (const place of SCHOOL_PLACES) {
    const schoolId = schools[place];
    const [p1, p2, p3, p4] = pupils[place];
    const clubId = await club(db, schoolId, `CLB Robot ma trận ${label[place]}`);
    const advisor = place === "own" ? advisorPerson : place === "other" ? teacherBPerson : null;
    await db
      .insertInto("club_members")
      .values([
        ...[p1, p2, p3].map((person_id) => ({
          club_id: clubId,
          person_id,
          role: "member" as const,
          joined_on: "2026-09-15",
          left_on: null,
        })),
        ...(advisor
          ? [{ club_id: clubId, person_id: advisor, role: "advisor" as const, joined_on: "2026-09-15", left_on: null }]
          : []),
      ])
      .execute();
    const act = await activity(db, schoolId, `Tập huấn ma trận ${label[place]}`, "2026-10-05");
    for (const p of [p1, p2, p4]) await insertMark(db, act.id, p);
    const con = await contest(db, schoolId, `Cuộc thi ma trận ${label[place]}`, "school", false);
    const entryId = await entry(db, con.id, schoolId, `Dự án ma trận ${label[place]}`, [p1, p2], file.sha256);
    const authorId = await userId(db, teacher[place]);
    const materialId = await material(db, schoolId, authorId, `Học liệu ma trận ${label[place]}`, "school", {
      id: file.id,
      name: "hoc-lieu.pdf",
    });
    const accountId = await addUser(db, {
      email: `matran.${place}@${place === "other" ? "binhminh.test" : "tanan.demo"}`,
      fullName: `Giáo viên ma trận ${label[place]}`,
      password: PASSWORD,
      role: "teacher",
      unitId: schoolId,
    });
    // A club deleted by the school's administrator: an entry of the recycle bin.
    const binned = await club(db, schoolId, `CLB đã xóa ma trận ${label[place]}`);
    await deleteClub(db, await actorOf(db, principal[place]), (await getClub(db, binned))!, true);
    places[place] = {
      unitId: schoolId,
      unitPageId: schoolId,
      communeId: place === "other" ? communeB : communeA,
      clubId,
      activityId: act.id,
      activityForm: act.form,
      contestId: con.id,
      contestForm: con.form,
      entryId,
      materialId,
      personId: p1,
      accountId,
      binId: await binIdOf(db, "club", binned),
      feedToken: await feedToken(db, schoolId),
    };
  }
  // THCS Bình Minh's half-year report (the demo has Tân An's), drafted by its administrator.
  await saveDraft(
    db,
    await actorOf(db, principal.other),
    (await getUnit(db, other))!,
    "2026-H1",
    "Báo cáo của phép thử phân quyền.",
  );

  const communeOf: Record<
    CommunePlace,
    { communeId: number; officeId: number; staff: string; school: SchoolPlace; materialSchool: SchoolPlace }
  > = {
    commune: {
      communeId: communeA,
      officeId: officeA,
      staff: "vhxh@tanan.demo",
      school: "own",
      materialSchool: "sibling",
    },
    otherCommune: {
      communeId: communeB,
      officeId: officeB,
      staff: accounts.staffB,
      school: "other",
      materialSchool: "other",
    },
  };
  for (const place of COMMUNE_PLACES) {
    const c = communeOf[place];
    const [p1, p2, , , p5] = pupils[c.school];
    const act = await activity(db, c.officeId, `Hội nghị ma trận ${label[place]}`, "2026-10-06");
    for (const p of [p1, p5, officials[place]]) await insertMark(db, act.id, p);
    // Commune contests are open to every school of the commune; this one has an entry of a school (THCS Tân An's in Tân An).
    const con = await contest(db, c.officeId, `Hội thi ma trận ${label[place]}`, "commune", true);
    const entryId = await entry(
      db,
      con.id,
      schools[c.school],
      `Sản phẩm ma trận ${label[place]}`,
      [p1, p2],
      file.sha256,
    );
    // Shared with the whole commune by a school (TH Tân An A in Tân An, THCS Bình Minh in Bình Minh).
    const materialId = await material(
      db,
      schools[c.materialSchool],
      await userId(db, teacher[c.materialSchool]),
      `Học liệu chung ma trận ${label[place]}`,
      "commune",
      { id: file.id, name: "hoc-lieu-chung.pdf" },
    );
    const accountId = await addUser(db, {
      email: `matran.${place}@${place === "otherCommune" ? "binhminh.test" : "tanan.demo"}`,
      fullName: `Cán bộ ma trận ${label[place]}`,
      password: PASSWORD,
      role: "commune_staff",
      unitId: c.officeId,
    });
    // A commune activity deleted by the commune's staff: an entry of the recycle bin.
    const binned = await activity(db, c.officeId, `Hoạt động đã xóa ma trận ${label[place]}`, "2026-10-07");
    await deleteActivity(db, await actorOf(db, c.staff), (await getActivity(db, binned.id))!, true);
    places[place] = {
      unitId: c.officeId,
      unitPageId: c.communeId,
      communeId: c.communeId,
      activityId: act.id,
      activityForm: act.form,
      contestId: con.id,
      contestForm: con.form,
      entryId,
      materialId,
      personId: officials[place],
      accountId,
      binId: await binIdOf(db, "activity", binned.id),
      feedToken: await feedToken(db, c.communeId),
    };
  }
  const publicMaterialId = await material(
    db,
    own,
    await userId(db, teacher.own),
    "Học liệu công khai ma trận",
    "public",
    {
      id: file.id,
      name: "cong-khai.pdf",
    },
  );
  return { provinceId, communeA, communeB, schools, places, publicMaterialId, accounts };
}

/**
 * Full names of each school's pupils that cannot be mistaken for anything else: names held by exactly one person,
 * by no account, and not found inside any other person's, account's or unit's name.
 */
export async function distinctivePupilNames(
  db: DB,
  schools: Record<SchoolPlace, number>,
): Promise<Record<SchoolPlace, Set<string>>> {
  const people = await db.selectFrom("people").select(["unit_id", "category", "full_name"]).execute();
  const others = [
    ...(await db.selectFrom("users").select("full_name").execute()).map((u) => u.full_name),
    ...(await db.selectFrom("units").select("name").execute()).map((u) => u.name),
  ];
  const count = new Map<string, number>();
  for (const p of people) count.set(p.full_name.normalize("NFC"), (count.get(p.full_name.normalize("NFC")) ?? 0) + 1);
  const inside = new Set<string>();
  const addRuns = (name: string, skipWhole: boolean) => {
    const words = name.normalize("NFC").split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++)
      for (let j = i + 2; j <= words.length; j++)
        if (!(skipWhole && i === 0 && j === words.length)) inside.add(words.slice(i, j).join(" "));
  };
  for (const p of people) addRuns(p.full_name, true);
  for (const n of others) addRuns(n, false);
  const out = { own: new Set<string>(), sibling: new Set<string>(), other: new Set<string>() };
  for (const place of SCHOOL_PLACES)
    for (const p of people) {
      const name = p.full_name.normalize("NFC");
      if (
        p.unit_id === schools[place] &&
        p.category === "students" &&
        count.get(name) === 1 &&
        !inside.has(name) &&
        name.split(" ").length >= 3
      )
        out[place].add(name);
    }
  return out;
}
