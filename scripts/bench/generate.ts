/**
 * Synthetic data for the benchmark, reproducible from a seed: one province, communes of ten schools, and in
 * them people (staff and students matching the headcounts), activities over 2025–2026 with topics and
 * audiences, attendance, clubs and materials — at `scale` 1: 1,000 schools, ≈300,000 people, 50,000 activities,
 * 5 million attendance records and 20,000 materials. Inserted through Kysely in batches, on either engine.
 */
import type { Insertable } from "kysely";
import type { DB } from "../../db/connection";
import type { Database } from "../../db/schema";
import { addUnit, addUser, ensureBaseOrg } from "../seed/org";
import { seededRandom } from "../seed/random";
import { rebuildReach } from "../../app/domain/reach/reach-aggregate";

export interface Scale {
  schools: number;
  peoplePerSchool: number;
  activitiesPerSchool: number;
  attendancePerActivity: number;
  materialsPerSchool: number;
}

export function scaleOf(factor: number): Scale {
  return {
    schools: Math.max(2, Math.round(1000 * factor)),
    peoplePerSchool: 300,
    activitiesPerSchool: 50,
    attendancePerActivity: 100,
    materialsPerSchool: 20,
  };
}

const BATCH = 1000;
async function insertAll<T extends keyof Database & string>(db: DB, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
}

const AT = "2025-09-01T00:00:00.000Z";
const FORMS = [
  "training",
  "conference",
  "thematic_session",
  "extracurricular",
  "banner",
  "grassroots_info",
  "club_meeting",
  "workshop",
];
const TOPICS = ["NQ57", "KHCN", "DMST", "CDS", "CCHC", "DA06", "STEM"];
const KINDS = ["video", "podcast", "slides", "infographic", "electure", "document", "lesson_plan"] as const;

export interface Generated {
  communeId: number;
  schoolIds: number[];
  /** A school with many people for the import measurement, and one of its activities. */
  importSchoolId: number;
  importActivityId: number;
  importCodes: string[];
  password: string;
  counts: Record<string, number>;
}

/** A held activity of the generated province: what varies is given, the rest is the same for all. */
function activityRow(
  a: Pick<
    Insertable<Database["activities"]>,
    "organizer_unit_id" | "title" | "form" | "delivery" | "starts_at" | "ends_at"
  > &
    Partial<Pick<Insertable<Database["activities"]>, "place" | "link" | "commemoration">>,
): Insertable<Database["activities"]> {
  return {
    place: null,
    link: null,
    commemoration: null,
    planned_participants: null,
    status: "held",
    description: null,
    club_id: null,
    created_by: null,
    created_at: AT,
    updated_at: AT,
    ...a,
  };
}

export async function generate(
  db: DB,
  scale: Scale,
  seed = 57,
  onProgress: (msg: string) => void = () => {},
): Promise<Generated> {
  const r = seededRandom(seed);
  const password = "Bench@2025";
  // A province of communes with ten schools each (about a hundred communes and a thousand schools at scale 1).
  const communeId = await ensureBaseOrg(db, { province: "Tỉnh Thử nghiệm", commune: "Xã Thử nghiệm 1" });
  const province = (await db.selectFrom("units").select("id").where("kind", "=", "province").executeTakeFirstOrThrow())
    .id;
  const communes = [communeId];
  for (let c = 1; c < Math.ceil(scale.schools / 10); c++)
    communes.push(await addUnit(db, province, { kind: "commune", code: `xa${c + 1}`, name: `Xã Thử nghiệm ${c + 1}` }));
  await addUser(db, {
    email: "vhxh@bench.test",
    fullName: "Cán bộ VHXH",
    password,
    role: "commune_staff",
    unitId: communeId,
  });
  const schoolIds: number[] = [];
  for (let s = 0; s < scale.schools; s++)
    schoolIds.push(
      await addUnit(db, communes[Math.floor(s / 10)], {
        kind: "school",
        code: `b${s}`,
        name: `Trường thử nghiệm ${s + 1}`,
        schoolLevel: "lower_secondary",
      }),
    );
  await addUser(db, {
    email: "bgh@bench.test",
    fullName: "Hiệu trưởng",
    password,
    role: "school_admin",
    unitId: schoolIds[0],
  });
  onProgress(`${schoolIds.length} trường`);

  const counts: Record<string, number> = { people: 0, activities: 0, attendance: 0, materials: 0 };
  for (const [n, schoolId] of schoolIds.entries()) {
    // Headcounts and people: 3 managers, 25 teachers, the rest students of grades 6–9.
    const staff = [
      ["school_managers", 3],
      ["teachers", 25],
    ] as const;
    const students = scale.peoplePerSchool - 28;
    const headcounts: Insertable<Database["headcounts"]>[] = [];
    for (const year of [2025, 2026]) {
      for (const [category, count] of staff)
        headcounts.push({ unit_id: schoolId, year, category, grade: 0, count, updated_at: AT, updated_by: null });
      for (let g = 6; g <= 9; g++)
        headcounts.push({
          unit_id: schoolId,
          year,
          category: "students",
          grade: g,
          count: Math.ceil(students / 4),
          updated_at: AT,
          updated_by: null,
        });
    }
    await insertAll(db, "headcounts", headcounts);
    const people: Insertable<Database["people"]>[] = [];
    let i = 0;
    const person = (category: "school_managers" | "teachers" | "students", grade: number | null) => {
      i++;
      people.push({
        unit_id: schoolId,
        category,
        code: `P${schoolId}-${i}`,
        full_name: `Người ${i}`,
        name_key: `nguoi ${String(i).padStart(4, "0")}`,
        grade,
        class_name: grade ? `${grade}A${1 + (i % 4)}` : null,
        position: null,
        user_id: null,
        left_on: null,
        created_at: AT,
        updated_at: AT,
      });
    };
    for (const [category, count] of staff) for (let k = 0; k < count; k++) person(category, null);
    for (let k = 0; k < students; k++) person("students", 6 + (k % 4));
    await insertAll(db, "people", people);
    const ids = (
      await db.selectFrom("people").select("id").where("unit_id", "=", schoolId).orderBy("id").execute()
    ).map((p) => p.id);
    counts.people += ids.length;

    // Activities over 2025–2026, each with topics, audiences and attendance of part of the school.
    const activities: Insertable<Database["activities"]>[] = [];
    for (let a = 0; a < scale.activitiesPerSchool; a++) {
      const day = new Date(Date.UTC(2025, 0, 1) + r.int(0, 729) * 86_400_000).toISOString().slice(0, 10);
      const starts = new Date(`${day}T08:00:00+07:00`).toISOString();
      activities.push(
        activityRow({
          organizer_unit_id: schoolId,
          title: `Hoạt động ${a + 1}`,
          form: r.pick(FORMS),
          delivery: r.chance(0.2) ? "online" : "in_person",
          starts_at: starts,
          ends_at: new Date(Date.parse(starts) + 2 * 3_600_000).toISOString(),
          place: "Hội trường",
          commemoration: day.endsWith("05-18")
            ? "18/5"
            : day.endsWith("10-01")
              ? "01/10"
              : day.endsWith("10-10")
                ? "10/10"
                : null,
        }),
      );
    }
    await insertAll(db, "activities", activities);
    const activityIds = (
      await db.selectFrom("activities").select("id").where("organizer_unit_id", "=", schoolId).orderBy("id").execute()
    ).map((a) => a.id);
    counts.activities += activityIds.length;
    const topics: Insertable<Database["activity_topics"]>[] = [];
    const audiences: Insertable<Database["activity_audiences"]>[] = [];
    const attendance: Insertable<Database["attendance"]>[] = [];
    for (const activity_id of activityIds) {
      for (const topic_code of r.sample(TOPICS, r.int(1, 3))) topics.push({ activity_id, topic_code });
      for (const audience_code of r.chance(0.5) ? ["students"] : ["teachers", "school_managers"])
        audiences.push({ activity_id, audience_code });
      const start = r.int(0, Math.max(0, ids.length - scale.attendancePerActivity));
      for (let k = 0; k < Math.min(scale.attendancePerActivity, ids.length); k++)
        attendance.push({
          activity_id,
          person_id: ids[start + k],
          status: r.chance(0.9) ? "present" : "absent",
          note: null,
          source: "roll_call",
          marked_by: null,
          marked_at: AT,
        });
    }
    await insertAll(db, "activity_topics", topics);
    await insertAll(db, "activity_audiences", audiences);
    await insertAll(db, "attendance", attendance);
    counts.attendance += attendance.length;

    const materials: Insertable<Database["materials"]>[] = [];
    for (let m = 0; m < scale.materialsPerSchool; m++) {
      const title = `Bài giảng ${r.pick(["chuyển đổi số", "khoa học", "robot", "năng lượng", "môi trường"])} ${m + 1}`;
      materials.push({
        school_id: schoolId,
        author_user_id: null,
        title,
        description: null,
        kind: r.pick(KINDS),
        subject: null,
        grades: JSON.stringify([6 + (m % 4)]),
        integrates_topics: r.chance(0.5) ? 1 : 0,
        visibility: r.chance(0.3) ? "public" : "school",
        file_id: null,
        file_name: null,
        link_url: "https://example.org/bai-giang",
        views: 0,
        downloads: 0,
        search_text: title
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replace(/đ/g, "d")
          .toLowerCase(),
        created_at: new Date(Date.UTC(2025, 0, 1) + r.int(0, 700) * 86_400_000).toISOString(),
        updated_at: AT,
      });
    }
    await insertAll(db, "materials", materials);
    counts.materials += materials.length;
    if ((n + 1) % Math.max(1, Math.round(scale.schools / 10)) === 0)
      onProgress(`${n + 1}/${scale.schools} trường, ${counts.attendance.toLocaleString("vi-VN")} lượt điểm danh`);
  }

  // The import measurement: a school with 100,000 staff (codes B1…) and one activity to import attendance into.
  // In a commune of its own: its 100,000 staff would otherwise swell the measured commune's figures.
  const importCommune = await addUnit(db, province, {
    kind: "commune",
    code: "xa-nhap",
    name: "Đơn vị tập huấn toàn tỉnh",
  });
  const importSchoolId = await addUnit(db, importCommune, {
    kind: "school",
    code: "bench-import",
    name: "Trường nhập liệu",
    schoolLevel: "upper_secondary",
  });
  await addUser(db, {
    email: "nhap@bench.test",
    fullName: "Người nhập",
    password,
    role: "school_admin",
    unitId: importSchoolId,
  });
  const importCodes = Array.from({ length: 100_000 }, (_, k) => `B${k + 1}`);
  await insertAll(
    db,
    "people",
    importCodes.map((code, k) => ({
      unit_id: importSchoolId,
      category: "teachers" as const,
      code,
      full_name: `Giáo viên ${k + 1}`,
      name_key: `giao vien ${k + 1}`,
      grade: null,
      class_name: null,
      position: null,
      user_id: null,
      left_on: null,
      created_at: AT,
      updated_at: AT,
    })),
  );
  const [importActivity] = await db
    .insertInto("activities")
    .values(
      activityRow({
        organizer_unit_id: importSchoolId,
        title: "Tập huấn toàn tỉnh",
        form: "training",
        delivery: "online",
        starts_at: "2026-10-15T01:00:00.000Z",
        ends_at: "2026-10-15T04:00:00.000Z",
        link: "https://example.org",
      }),
    )
    .returning("id")
    .execute();
  // A province-wide training on the plan: the import also brings the "reached" aggregate up to date.
  await db.insertInto("activity_topics").values({ activity_id: importActivity.id, topic_code: "NQ57" }).execute();
  onProgress("Tổng hợp số người được tuyên truyền theo quý…");
  await db.transaction().execute((trx) => rebuildReach(trx));
  return { communeId, schoolIds, importSchoolId, importActivityId: importActivity.id, importCodes, password, counts };
}
