/**
 * The demo of xã Tân An: offices, five schools of every level, hamlets, headcounts for 2025 and 2026,
 * and the demo accounts (password TanAn@2025). Loaded only into an empty database.
 */
import type { Transaction } from "kysely";
import type { DB } from "../../db/connection";
import type { Database } from "../../db/schema";
import type { SchoolLevel } from "../../db/schema";
import { GRADES_BY_LEVEL } from "../../app/domain/units/vocabulary";
import { seedDemoRecords } from "./demo-records";
import { seedDemoReports } from "./demo-reports";
import { rebuildReach } from "../../app/domain/reach/reach-aggregate";
import { addUnit, addUser, ensureBaseOrg, setHeadcount } from "./org";

export const DEMO_PASSWORD = "TanAn@2025";

interface DemoSchool {
  code: string;
  name: string;
  shortName: string;
  level: SchoolLevel;
  managers: number;
  teachers: number;
  staff: number;
  /** Students per grade in 2025; 2026 adds a little. */
  perGrade: number;
}

const SCHOOLS: DemoSchool[] = [
  {
    code: "mn-tanan",
    name: "Trường Mầm non Tân An",
    shortName: "MN Tân An",
    level: "preschool",
    managers: 3,
    teachers: 24,
    staff: 9,
    perGrade: 312,
  },
  {
    code: "th-tanan-a",
    name: "Trường Tiểu học Tân An A",
    shortName: "TH Tân An A",
    level: "primary",
    managers: 3,
    teachers: 38,
    staff: 6,
    perGrade: 118,
  },
  {
    code: "th-tanan-b",
    name: "Trường Tiểu học Tân An B",
    shortName: "TH Tân An B",
    level: "primary",
    managers: 2,
    teachers: 26,
    staff: 5,
    perGrade: 84,
  },
  {
    code: "thcs-tanan",
    name: "Trường THCS Tân An",
    shortName: "THCS Tân An",
    level: "lower_secondary",
    managers: 3,
    teachers: 47,
    staff: 7,
    perGrade: 176,
  },
  {
    code: "thpt-tanan",
    name: "Trường THPT Tân An",
    shortName: "THPT Tân An",
    level: "upper_secondary",
    managers: 4,
    teachers: 62,
    staff: 9,
    perGrade: 258,
  },
];

const OFFICES = [
  { code: "office-vhxh", name: "Phòng Văn hóa - Xã hội", officials: 9, communication: 3 },
  { code: "office-kinhte", name: "Phòng Kinh tế", officials: 8, communication: 0 },
  { code: "office-vanphong", name: "Văn phòng HĐND và UBND xã", officials: 14, communication: 1 },
  { code: "office-hanhchinhcong", name: "Trung tâm Phục vụ hành chính công xã", officials: 7, communication: 0 },
];

const HAMLETS = ["Ấp Tân Hòa", "Ấp Tân Lợi", "Ấp Bình Thạnh", "Ấp An Phú", "Ấp Tân Thuận", "Ấp Hòa Bình"];

export async function isEmpty(db: DB | Transaction<Database>): Promise<boolean> {
  const row = await db.selectFrom("units").select("id").limit(1).executeTakeFirst();
  return !row;
}

export async function seedDemo(db: DB | Transaction<Database>): Promise<void> {
  const communeId = await ensureBaseOrg(db, { province: "Tỉnh Tây Ninh", commune: "UBND xã Tân An" });
  const unitIds: Record<string, number> = {};
  for (const o of OFFICES)
    unitIds[o.code] = await addUnit(db, communeId, { kind: "office", code: o.code, name: o.name });
  for (const s of SCHOOLS)
    unitIds[s.code] = await addUnit(db, communeId, {
      kind: "school",
      code: s.code,
      name: s.name,
      shortName: s.shortName,
      schoolLevel: s.level,
    });
  for (const [i, h] of HAMLETS.entries())
    unitIds[`hamlet-${i}`] = await addUnit(db, communeId, { kind: "hamlet", code: `hamlet-${i + 1}`, name: h });

  for (const year of [2025, 2026]) {
    const growth = year === 2026 ? 1 : 0;
    await setHeadcount(db, communeId, year, "officials", 0, 6);
    for (const o of OFFICES) {
      await setHeadcount(db, unitIds[o.code], year, "officials", 0, o.officials + growth);
      if (o.communication) await setHeadcount(db, unitIds[o.code], year, "communication_staff", 0, o.communication);
    }
    for (const [i] of HAMLETS.entries())
      await setHeadcount(db, unitIds[`hamlet-${i}`], year, "communication_staff", 0, 1);
    for (const s of SCHOOLS) {
      const id = unitIds[s.code];
      await setHeadcount(db, id, year, "school_managers", 0, s.managers);
      await setHeadcount(db, id, year, "teachers", 0, s.teachers + growth * 2);
      await setHeadcount(db, id, year, "school_staff", 0, s.staff);
      for (const grade of GRADES_BY_LEVEL[s.level]) {
        await setHeadcount(db, id, year, "students", 0 + grade, s.perGrade + ((grade * 7) % 13) - 6 + growth * 4);
      }
    }
  }

  // Who signs each unit's documents and their abbreviation (issue 18).
  const SIGNERS: [string, string, string, string][] = [
    ["commune", "Trần Thị Thu Hà", "TRƯỞNG PHÒNG", "VHXH"],
    ["office-vhxh", "Trần Thị Thu Hà", "TRƯỞNG PHÒNG", "VHXH"],
    ["office-kinhte", "Nguyễn Minh Trí", "TRƯỞNG PHÒNG", "KT"],
    ["office-vanphong", "Lê Thị Hạnh", "CHÁNH VĂN PHÒNG", "VP"],
    ["office-hanhchinhcong", "Đỗ Văn Hùng", "GIÁM ĐỐC", "TTPVHCC"],
    ["thcs-tanan", "Phạm Thị Lan", "HIỆU TRƯỞNG", "THCSTA"],
    ["th-tanan-a", "Huỳnh Thị Mai", "HIỆU TRƯỞNG", "THTAA"],
    ["th-tanan-b", "Ngô Thị Hồng", "HIỆU TRƯỞNG", "THTAB"],
    ["mn-tanan", "Trương Thị Ngọc", "HIỆU TRƯỞNG", "MNTA"],
    ["thpt-tanan", "Bùi Quốc Khánh", "HIỆU TRƯỞNG", "THPTTA"],
  ];
  for (const [code, signer_name, signer_title, doc_abbreviation] of SIGNERS)
    await db
      .updateTable("units")
      .set({ signer_name, signer_title, doc_abbreviation })
      .where("id", "=", code === "commune" ? communeId : unitIds[code])
      .execute();

  const p = DEMO_PASSWORD;
  await addUser(db, {
    email: "admin@tanan.demo",
    fullName: "Nguyễn Văn Quản",
    password: p,
    role: "system_admin",
    unitId: communeId,
  });
  await addUser(db, {
    email: "vhxh@tanan.demo",
    fullName: "Trần Thị Thu Hà",
    password: p,
    role: "commune_staff",
    unitId: unitIds["office-vhxh"],
  });
  // Each office's staff file its half-year report (plan V.2).
  for (const [email, fullName, office] of [
    ["cb.vhxh@tanan.demo", "Lâm Thị Thanh", "office-vhxh"],
    ["kinhte@tanan.demo", "Hồ Văn Sang", "office-kinhte"],
    ["vanphong@tanan.demo", "Châu Thị Kim", "office-vanphong"],
    ["hcc@tanan.demo", "Tạ Quang Vinh", "office-hanhchinhcong"],
  ])
    await addUser(db, { email, fullName, password: p, role: "office_staff", unitId: unitIds[office] });
  await addUser(db, {
    email: "lanhdao@tanan.demo",
    fullName: "Lê Văn Minh",
    password: p,
    role: "commune_leader",
    unitId: communeId,
  });
  await addUser(db, {
    email: "bgh.thcs@tanan.demo",
    fullName: "Phạm Thị Lan",
    password: p,
    role: "school_admin",
    unitId: unitIds["thcs-tanan"],
  });
  await addUser(db, {
    email: "gv.thcs@tanan.demo",
    fullName: "Võ Minh Tuấn",
    password: p,
    role: "teacher",
    unitId: unitIds["thcs-tanan"],
  });
  await addUser(db, {
    email: "bgh.tieuhoca@tanan.demo",
    fullName: "Huỳnh Thị Mai",
    password: p,
    role: "school_admin",
    unitId: unitIds["th-tanan-a"],
  });
  await addUser(db, {
    email: "gv.tieuhoca@tanan.demo",
    fullName: "Đặng Văn Phúc",
    password: p,
    role: "teacher",
    unitId: unitIds["th-tanan-a"],
  });
  await addUser(db, {
    email: "bgh.tieuhocb@tanan.demo",
    fullName: "Ngô Thị Hồng",
    password: p,
    role: "school_admin",
    unitId: unitIds["th-tanan-b"],
  });
  await addUser(db, {
    email: "bgh.mamnon@tanan.demo",
    fullName: "Trương Thị Ngọc",
    password: p,
    role: "school_admin",
    unitId: unitIds["mn-tanan"],
  });
  await addUser(db, {
    email: "bgh.thpt@tanan.demo",
    fullName: "Bùi Quốc Khánh",
    password: p,
    role: "school_admin",
    unitId: unitIds["thpt-tanan"],
  });
  await addUser(db, {
    email: "gv.thpt@tanan.demo",
    fullName: "Lý Thanh Tâm",
    password: p,
    role: "teacher",
    unitId: unitIds["thpt-tanan"],
  });

  // A reader at the province (Sở, UBND tỉnh): reads every commune of the deployment like a leader (decision 014).
  const province = await db
    .selectFrom("units")
    .select("parent_id")
    .where("id", "=", communeId)
    .executeTakeFirstOrThrow();
  await addUser(db, {
    email: "so@tanan.demo",
    fullName: "Đoàn Thị Sương",
    password: p,
    role: "province_reader",
    unitId: province.parent_id!,
  });

  await seedDemoRecords(db, {
    communeId,
    officeVhxh: unitIds["office-vhxh"],
    offices: OFFICES.map((o) => unitIds[o.code]),
    schools: SCHOOLS.map((s) => ({ id: unitIds[s.code], code: s.code, level: s.level })),
  });
  // The records above were written directly, not through the domain's write paths: rebuild what those keep.
  await rebuildReach(db);
  const admins = await db
    .selectFrom("memberships")
    .innerJoin("units", "units.id", "memberships.unit_id")
    .select(["units.code", "memberships.user_id", "memberships.role"])
    .where("memberships.role", "in", ["school_admin", "office_staff", "commune_staff"])
    .execute();
  await seedTeacherDuties(db);
  await seedDemoReports(db, {
    communeId,
    unitIds: Object.fromEntries([...SCHOOLS, ...OFFICES].map((u) => [u.code, unitIds[u.code]])),
    approverId: admins.find((a) => a.role === "commune_staff")!.user_id,
    staffIds: Object.fromEntries(admins.filter((a) => a.role !== "commune_staff").map((a) => [a.code, a.user_id])),
  });
}

/**
 * The demo teachers' duties (issue 20): each teacher account advises the first club of their school from November
 * 2026 (after the seeded meetings, whose attendance stays as it was) and is the homeroom teacher of its first class.
 */
async function seedTeacherDuties(db: DB | Transaction<Database>) {
  const teachers = await db
    .selectFrom("memberships")
    .innerJoin("people", (j) =>
      j.onRef("people.user_id", "=", "memberships.user_id").onRef("people.unit_id", "=", "memberships.unit_id"),
    )
    .select(["memberships.user_id", "memberships.unit_id", "people.id as personId"])
    .where("memberships.role", "=", "teacher")
    .execute();
  for (const t of teachers) {
    const club = await db
      .selectFrom("clubs")
      .select("id")
      .where("school_id", "=", t.unit_id)
      .orderBy("id")
      .executeTakeFirst();
    const already =
      club &&
      (await db
        .selectFrom("club_members")
        .select("id")
        .where("club_id", "=", club.id)
        .where("person_id", "=", t.personId)
        .where("left_on", "is", null)
        .executeTakeFirst());
    if (already) await db.updateTable("club_members").set({ role: "advisor" }).where("id", "=", already.id).execute();
    else if (club)
      await db
        .insertInto("club_members")
        .values({ club_id: club.id, person_id: t.personId, role: "advisor", joined_on: "2026-11-01", left_on: null })
        .execute();
    const first = await db
      .selectFrom("people")
      .select("class_name")
      .where("unit_id", "=", t.unit_id)
      .where("category", "=", "students")
      .where("class_name", "is not", null)
      .orderBy("grade")
      .orderBy("class_name")
      .executeTakeFirst();
    if (first)
      await db
        .insertInto("homeroom_classes")
        .values({
          school_id: t.unit_id,
          class_name: first.class_name!,
          user_id: t.user_id,
          assigned_at: "2026-09-05T01:00:00.000Z",
          assigned_by: null,
        })
        .execute();
  }
}

/** Loads the demo when the database has no units yet; returns whether it did. */
export async function seedDemoIfEmpty(db: DB): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await db.transaction().execute((trx) => seedDemo(trx));
  return true;
}
