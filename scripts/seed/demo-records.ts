/**
 * The demo's year of records for every school: people (matching the headcounts), STEM clubs with
 * members and meetings, and activities of schools and the commune from September 2025 to December 2026.
 * Inserted directly (no audit entries): this is demo data, not anyone's change.
 */
import type { Insertable, Kysely, Transaction } from "kysely";
import type { Database, PersonTable, SchoolLevel } from "../../db/schema";
import { nameKey } from "../../app/domain/shared/text";
import { GRADES_BY_LEVEL } from "../../app/domain/units/vocabulary";
import { insertAttendance, insertOfficePeople, linkAccounts } from "./demo-attendance";
import { insertMaterials } from "./demo-materials";
import { seededRandom, vietnameseName, type Random } from "./random";

type Tx = Kysely<Database> | Transaction<Database>;

const AT = "2025-09-01T01:00:00.000Z";
const vn = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();
const pad = (n: number) => String(n).padStart(2, "0");

async function insertPeople(db: Tx, r: Random, school: { id: number; code: string; level: SchoolLevel }) {
  const counts = await db
    .selectFrom("headcounts")
    .select(["category", "grade", "count"])
    .where("unit_id", "=", school.id)
    .where("year", "=", 2026)
    .execute();
  const prefix = school.code
    .toUpperCase()
    .replace(/[^A-Z]/g, "")
    .slice(0, 6);
  const rows: Insertable<PersonTable>[] = [];
  let n = 0;
  for (const c of counts) {
    for (let i = 0; i < c.count; i++) {
      n++;
      const student = c.category === "students";
      // About 36 pupils a class: enough classes that every pupil has one.
      const perClass = school.level === "preschool" ? 52 : 36;
      const classes =
        school.level === "preschool"
          ? ["Lá 1", "Lá 2", "Chồi 1", "Chồi 2", "Mầm 1", "Mầm 2"]
          : Array.from({ length: Math.max(1, Math.ceil(c.count / perClass)) }, (_, k) => `${c.grade}A${k + 1}`);
      const fullName = vietnameseName(r);
      rows.push({
        unit_id: school.id,
        category: c.category,
        code: student ? `${prefix}HS${String(n).padStart(4, "0")}` : `${prefix}GV${String(n).padStart(3, "0")}`,
        full_name: fullName,
        name_key: nameKey(fullName),
        grade: student ? c.grade : null,
        class_name: student ? classes[i % classes.length] : null,
        position: student
          ? null
          : c.category === "school_managers"
            ? i === 0
              ? "Hiệu trưởng"
              : "Phó Hiệu trưởng"
            : c.category === "teachers"
              ? r.pick(["Tổ Toán - Tin", "Tổ Khoa học tự nhiên", "Tổ Ngữ văn", "Tổ Ngoại ngữ", "Tổ Công nghệ"])
              : "Nhân viên văn phòng",
        user_id: null,
        left_on: null,
        created_at: AT,
        updated_at: AT,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto("people")
      .values(rows.slice(i, i + 400))
      .execute();
}

const CLUBS: Record<SchoolLevel, { name: string; field: Database["clubs"]["field"]; schedule: string }[]> = {
  preschool: [{ name: "CLB Bé khám phá khoa học", field: "science", schedule: "Sáng thứ Sáu, 9g00–9g40" }],
  primary: [
    { name: "CLB Robot nhí", field: "robotics", schedule: "Chiều thứ Năm, 15g00–16g00, phòng Tin học" },
    { name: "CLB Em yêu khoa học", field: "science", schedule: "Chiều thứ Ba, 15g00–16g00" },
  ],
  lower_secondary: [
    { name: "CLB Robotics Tân An", field: "robotics", schedule: "Chiều thứ Năm, 15g00–16g30, phòng STEM" },
    {
      name: "CLB Lập trình Scratch & Python",
      field: "programming",
      schedule: "Chiều thứ Ba, 15g00–16g30, phòng Tin học",
    },
    { name: "CLB Môi trường xanh", field: "environment", schedule: "Sáng Chủ nhật cách tuần" },
  ],
  upper_secondary: [
    { name: "CLB Nghiên cứu khoa học kỹ thuật", field: "science", schedule: "Chiều thứ Tư, 14g00–16g00" },
    { name: "CLB Đổi mới sáng tạo", field: "innovation", schedule: "Chiều thứ Sáu, 14g00–16g00" },
  ],
};

const MEETING_TOPICS = [
  "Giới thiệu bộ kit và quy tắc an toàn",
  "Lắp ráp mô hình cơ bản",
  "Cảm biến và lập trình điều khiển",
  "Thử nghiệm và ghi chép kết quả",
  "Làm việc nhóm: ý tưởng dự án",
  "Trình bày sản phẩm trước lớp",
  "Ôn tập, chuẩn bị hội thi",
  "Tham quan, trải nghiệm thực tế",
];

async function insertClubs(db: Tx, r: Random, school: { id: number; level: SchoolLevel }) {
  const students = await db
    .selectFrom("people")
    .select(["id", "grade"])
    .where("unit_id", "=", school.id)
    .where("category", "=", "students")
    .execute();
  const teachers = await db
    .selectFrom("people")
    .select("id")
    .where("unit_id", "=", school.id)
    .where("category", "=", "teachers")
    .execute();
  const grades = GRADES_BY_LEVEL[school.level];
  for (const c of CLUBS[school.level]) {
    const target = school.level === "preschool" ? [0] : grades.slice(Math.max(0, grades.length - 3));
    const club = await db
      .insertInto("clubs")
      .values({
        school_id: school.id,
        name: c.name,
        field: c.field,
        target_grades: JSON.stringify(target),
        schedule: c.schedule,
        status: "active",
        description: null,
        founded_on: "2025-09-15",
        created_at: AT,
        updated_at: AT,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const pool = students.filter((s) => target.includes(s.grade ?? -1));
    const members = r.sample(pool, r.int(14, 28));
    const advisors = r.sample(teachers, 2);
    const rows = [
      ...members.map((m, i) => ({
        club_id: club.id,
        person_id: m.id,
        role: "member" as const,
        joined_on: "2025-09-20",
        left_on: i % 9 === 8 ? "2026-05-31" : null,
      })),
      ...advisors.map((a) => ({
        club_id: club.id,
        person_id: a.id,
        role: "advisor" as const,
        joined_on: "2025-09-15",
        left_on: null,
      })),
    ];
    await db.insertInto("club_members").values(rows).execute();
    // Meetings every two weeks in term time, September 2025 to today-ish (planned ones after).
    const start = Date.parse("2025-09-25T00:00:00Z");
    for (let k = 0; k < 30; k++) {
      const d = new Date(start + k * 14 * 86_400_000);
      const month = d.getUTCMonth() + 1;
      if (month === 6 || month === 7) continue; // summer
      if ((month === 1 && d.getUTCDate() <= 2) || (month === 2 && d.getUTCDate() >= 10 && d.getUTCDate() <= 24))
        continue; // New Year, Tết
      const date = `${d.getUTCFullYear()}-${pad(month)}-${pad(d.getUTCDate())}`;
      const startsAt = vn(date, "15:00");
      const a = await db
        .insertInto("activities")
        .values({
          organizer_unit_id: school.id,
          title: `${c.name}: ${MEETING_TOPICS[k % MEETING_TOPICS.length]}`,
          form: "club_meeting",
          delivery: "in_person",
          starts_at: startsAt,
          ends_at: vn(date, "16:30"),
          place: "Phòng STEM",
          link: null,
          commemoration: null,
          planned_participants: members.length,
          status: Date.parse(startsAt) < Date.now() ? "held" : "planned",
          description: "Sinh hoạt theo kế hoạch của câu lạc bộ.",
          club_id: club.id,
          created_by: null,
          created_at: AT,
          updated_at: AT,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db.insertInto("activity_topics").values({ activity_id: a.id, topic_code: "STEM" }).execute();
      await db
        .insertInto("activity_audiences")
        .values([
          { activity_id: a.id, audience_code: "students" },
          { activity_id: a.id, audience_code: "teachers" },
        ])
        .execute();
    }
  }
}

interface PlannedActivity {
  title: string;
  form: string;
  date: string;
  time?: [string, string];
  delivery?: Database["activities"]["delivery"];
  topics: string[];
  audiences: string[];
  commemoration?: "18/5" | "01/10" | "10/10";
  participants?: number;
  reach?: Record<string, number>;
  budget?: [Database["budget_lines"]["category"], Database["budget_lines"]["source"], number, number | null][];
  invited?: number[];
  place?: string;
  link?: string;
  /** A post's kind (website and social-media forms; news unless told). */
  postKind?: "news" | "photo" | "video";
  /** Held outside the commune; the unit sent people (clause III.1.2). */
  externalOrganizer?: string;
}

async function insertActivity(db: Tx, organizerId: number, a: PlannedActivity): Promise<number> {
  const [from, to] = a.time ?? ["07:30", "11:00"];
  const startsAt = vn(a.date, from);
  // A post (clause III.1.1) is online, with its address and kind.
  const post = a.form === "website" || a.form === "social_media";
  const delivery = a.delivery ?? (post ? "online" : "in_person");
  const row = await db
    .insertInto("activities")
    .values({
      organizer_unit_id: organizerId,
      title: a.title,
      form: a.form,
      delivery,
      starts_at: startsAt,
      ends_at: vn(a.date, to),
      place: delivery === "online" ? null : (a.place ?? "Hội trường"),
      link: post
        ? (a.link ?? `https://tanan.gov.vn/tin-tuc/${startsAt.slice(0, 10)}-${a.form}`)
        : delivery === "in_person"
          ? null
          : (a.link ?? "https://meet.tanan.gov.vn/nq57"),
      post_kind: post ? (a.postKind ?? "news") : null,
      external_organizer: a.externalOrganizer ?? null,
      commemoration: a.commemoration ?? null,
      planned_participants: a.participants ?? null,
      status: Date.parse(startsAt) < Date.now() ? "held" : "planned",
      description: null,
      club_id: null,
      created_by: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("activity_topics")
    .values(a.topics.map((t) => ({ activity_id: row.id, topic_code: t })))
    .execute();
  await db
    .insertInto("activity_audiences")
    .values(a.audiences.map((t) => ({ activity_id: row.id, audience_code: t })))
    .execute();
  if (a.reach)
    await db
      .insertInto("activity_reach")
      .values(Object.entries(a.reach).map(([audience_code, count]) => ({ activity_id: row.id, audience_code, count })))
      .execute();
  if (a.budget)
    await db
      .insertInto("budget_lines")
      .values(
        a.budget.map(([category, source, estimate, actual]) => ({
          activity_id: row.id,
          category,
          source,
          estimate,
          actual: Date.parse(startsAt) < Date.now() ? actual : null,
          note: null,
        })),
      )
      .execute();
  if (a.invited?.length)
    await db
      .insertInto("activity_units")
      .values(a.invited.map((unit_id) => ({ activity_id: row.id, unit_id, relation: "invited" as const })))
      .execute();
  return row.id;
}

/**
 * Trainings and contests held outside the commune that units sent people to (clause III.1.2, SEND-1.2): the
 * office sent 3 officials in 2026, THCS Tân An 2 teachers in 2025 and 4 in 2026 (one of them twice).
 */
async function insertEventsOutside(db: Tx, officeVhxh: number, thcs: number) {
  const staff = async (unit: number, category: string, n: number) =>
    (
      await db
        .selectFrom("people")
        .select("id")
        .where("unit_id", "=", unit)
        .where("category", "=", category as never)
        .orderBy("id")
        .limit(n)
        .execute()
    ).map((p) => p.id);
  const events: [number, PlannedActivity, number[]][] = [
    [
      officeVhxh,
      {
        title: "Tập huấn chuyển đổi số cho cán bộ cấp xã",
        externalOrganizer: "Sở Khoa học và Công nghệ",
        form: "training",
        date: "2026-03-18",
        place: "Hội trường Sở Khoa học và Công nghệ",
        topics: ["CDS"],
        audiences: ["officials"],
      },
      await staff(officeVhxh, "officials", 3),
    ],
    [
      thcs,
      {
        title: "Hội thi giáo viên dạy học STEM cấp tỉnh",
        externalOrganizer: "Sở Giáo dục và Đào tạo",
        form: "contest",
        date: "2025-11-12",
        place: "Trường THPT chuyên tỉnh",
        topics: ["STEM"],
        audiences: ["teachers"],
      },
      await staff(thcs, "teachers", 2),
    ],
    [
      thcs,
      {
        title: "Bồi dưỡng giáo viên cốt cán về giáo dục STEM",
        externalOrganizer: "Sở Giáo dục và Đào tạo",
        form: "training",
        date: "2026-08-05",
        place: "Trung tâm bồi dưỡng giáo viên tỉnh",
        topics: ["STEM", "KHCN"],
        audiences: ["teachers"],
      },
      await staff(thcs, "teachers", 3),
    ],
    [
      thcs,
      {
        title: "Hội thi thiết kế bài giảng điện tử cấp tỉnh",
        externalOrganizer: "Sở Giáo dục và Đào tạo",
        form: "contest",
        date: "2026-10-20",
        place: "Sở Giáo dục và Đào tạo",
        topics: ["CDS_GD_YT"],
        audiences: ["teachers"],
      },
      (await staff(thcs, "teachers", 4)).slice(2),
    ],
  ];
  for (const [unit, a, sent] of events) {
    const id = await insertActivity(db, unit, a);
    const at = vn(a.date, "08:00");
    await db
      .insertInto("attendance")
      .values(
        sent.map((person_id) => ({
          activity_id: id,
          person_id,
          status: "present" as const,
          note: null,
          source: "roll_call" as const,
          marked_by: null,
          marked_at: at,
        })),
      )
      .execute();
    await db
      .insertInto("activity_roster")
      .values(sent.map((person_id) => ({ activity_id: id, person_id, added_at: at })))
      .execute();
  }
}

function schoolActivities(r: Random, level: SchoolLevel, staff: number, students: number): PlannedActivity[] {
  const kids = level === "preschool";
  const out: PlannedActivity[] = [
    {
      title: "Quán triệt Nghị quyết 57-NQ/TW cho cán bộ, giáo viên",
      form: "thematic_session",
      date: "2025-09-26",
      time: ["14:00", "16:30"],
      topics: ["NQ57", "KHCN", "DMST", "CDS"],
      audiences: ["school_managers", "teachers"],
      participants: staff,
    },
    {
      title: "Tập huấn khai thác học liệu số, bài giảng điện tử",
      form: "training",
      date: "2025-11-08",
      time: ["07:30", "11:00"],
      delivery: "hybrid",
      topics: ["CDS", "CDS_GD_YT", "BDHVS"],
      audiences: ["teachers"],
      participants: staff - 4,
    },
    {
      title: "Chào mừng Ngày Chuyển đổi số quốc gia 10/10",
      form: kids ? "extracurricular" : "extracurricular",
      date: "2025-10-10",
      time: ["07:00", "09:00"],
      topics: ["CDS"],
      audiences: ["students", "teachers"],
      commemoration: "10/10",
      participants: students,
    },
    {
      title: "Sinh hoạt dưới cờ: Học sinh với Đổi mới sáng tạo",
      form: "thematic_session",
      date: "2025-10-06",
      time: ["07:00", "07:45"],
      topics: ["DMST", "STEM"],
      audiences: ["students"],
      commemoration: "01/10",
      participants: students,
    },
    {
      title: "Quán triệt Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW cho cán bộ, giáo viên",
      form: "thematic_session",
      date: "2025-04-21",
      time: ["14:00", "16:30"],
      topics: ["NQ57", "KHCN"],
      audiences: ["school_managers", "teachers"],
      participants: staff,
    },
    {
      title: "Sinh hoạt dưới cờ: Nghị quyết 57 và Ngày Khoa học và Công nghệ 18/5",
      form: "thematic_session",
      date: "2025-05-19",
      time: ["07:00", "07:45"],
      topics: ["NQ57", "KHCN", "STEM"],
      audiences: ["students"],
      commemoration: "18/5",
      participants: students,
    },
    {
      title: "Quán triệt Nghị quyết 57-NQ/TW đầu năm học 2026–2027 cho cán bộ, giáo viên",
      form: "thematic_session",
      date: "2026-08-28",
      time: ["14:00", "16:30"],
      topics: ["NQ57", "CDS", "CDS_GD_YT"],
      audiences: ["school_managers", "teachers"],
      participants: staff,
    },
    {
      title: "Sinh hoạt dưới cờ đầu năm học: học sinh với Nghị quyết 57",
      form: "thematic_session",
      date: "2026-09-14",
      time: ["07:00", "07:45"],
      topics: ["NQ57", "DMST"],
      audiences: ["students"],
      participants: students,
    },
    {
      title: "Tuyên truyền Nghị quyết 57 đến học sinh qua tiết sinh hoạt dưới cờ",
      form: "thematic_session",
      date: "2025-10-20",
      time: ["07:00", "07:45"],
      topics: ["NQ57", "KHCN"],
      audiences: ["students"],
      participants: students,
    },
    {
      title: "Quán triệt Nghị quyết 57-NQ/TW và Kế hoạch năm 2026 cho cán bộ, giáo viên",
      form: "thematic_session",
      date: "2026-02-23",
      time: ["14:00", "16:30"],
      topics: ["NQ57", "CDS"],
      audiences: ["school_managers", "teachers"],
      participants: staff,
    },
    {
      title: "Sinh hoạt dưới cờ: Nghị quyết 57 và ước mơ khoa học",
      form: "thematic_session",
      date: "2026-03-02",
      time: ["07:00", "07:45"],
      topics: ["NQ57", "STEM"],
      audiences: ["students"],
      participants: students,
    },
    {
      title: "Tuyên truyền An toàn trên không gian mạng cho học sinh",
      form: "extracurricular",
      date: "2026-03-20",
      time: ["14:00", "16:00"],
      topics: ["CDS", "BDHVS"],
      audiences: ["students"],
      participants: Math.round(students * 0.6),
    },
    {
      title: "Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5",
      form: kids ? "extracurricular" : "workshop",
      date: "2026-05-15",
      time: ["07:30", "10:30"],
      topics: ["KHCN", "STEM"],
      audiences: ["students", "teachers"],
      commemoration: "18/5",
      participants: Math.round(students * 0.5),
    },
    {
      title: "Băng rôn tuyên truyền Nghị quyết 57-NQ/TW tại cổng trường",
      form: "banner",
      date: "2026-01-05",
      time: ["07:00", "07:30"],
      topics: ["NQ57"],
      audiences: ["students", "teachers"],
      budget: [["banners", "state_budget", 1_200_000, 1_150_000]],
    },
    {
      title: "Bồi dưỡng kỹ năng số cho giáo viên (học kỳ I)",
      form: "training",
      date: "2026-09-12",
      time: ["07:30", "11:00"],
      delivery: "online",
      topics: ["CDS", "BDHVS"],
      audiences: ["teachers", "school_managers"],
      participants: staff,
    },
    {
      title: "Ngày hội STEM của trường",
      form: "extracurricular",
      date: "2026-10-02",
      time: ["07:00", "11:00"],
      topics: ["STEM", "DMST"],
      audiences: ["students", "teachers"],
      commemoration: "01/10",
      participants: students,
      budget: [
        ["printing", "state_budget", 800_000, 760_000],
        ["awards", "socialized", 2_000_000, 2_000_000],
      ],
    },
    {
      title: "Tuần lễ Chuyển đổi số 10/10 trong trường học",
      form: "thematic_session",
      date: "2026-10-09",
      time: ["07:00", "08:00"],
      topics: ["CDS", "CDS_DU_LIEU"],
      audiences: ["students"],
      commemoration: "10/10",
      participants: students,
    },
  ];
  if (r.chance(0.6))
    out.push({
      title: "Đăng bài tuyên truyền Nghị quyết 57 trên trang Facebook của trường",
      form: "social_media",
      date: "2026-02-16",
      time: ["08:00", "08:30"],
      topics: ["NQ57", "CDS"],
      audiences: ["students", "teachers"],
    });
  return out;
}

const PROJECTS = [
  "Máy tưới cây tự động dùng cảm biến độ ẩm",
  "Thùng rác thông minh phân loại rác",
  "Ứng dụng nhắc lịch uống thuốc cho ông bà",
  "Mô hình nhà chống ngập",
  "Robot dò đường giao hàng",
  "Hệ thống cảnh báo cháy bằng Arduino",
  "Lọc nước giếng bằng vật liệu địa phương",
  "Phân bón hữu cơ từ vỏ trái cây",
  "Trò chơi học tiếng Anh bằng Scratch",
  "Đèn học tự điều chỉnh ánh sáng",
];

async function insertContests(db: Tx, r: Random, communeId: number, schools: { id: number; level: SchoolLevel }[]) {
  const contests: {
    organizer: number;
    name: string;
    level: Database["contests"]["level"];
    field: string;
    starts: string;
    ends: string;
    open: number;
    schools: number[];
  }[] = [
    {
      organizer: communeId,
      name: "Hội thi Tin học trẻ xã Tân An năm 2025",
      level: "commune",
      field: "informatics",
      starts: "2025-10-15",
      ends: "2025-11-10",
      open: 1,
      schools: schools.filter((s) => s.level !== "preschool").map((s) => s.id),
    },
    {
      organizer: communeId,
      name: "Cuộc thi Khoa học kỹ thuật cấp tỉnh dành cho học sinh trung học 2025–2026",
      level: "province",
      field: "science_engineering",
      starts: "2025-12-01",
      ends: "2026-01-20",
      open: 1,
      schools: schools.filter((s) => s.level === "lower_secondary" || s.level === "upper_secondary").map((s) => s.id),
    },
    {
      organizer: communeId,
      name: "Hội thi Sáng tạo thanh thiếu niên, nhi đồng xã Tân An năm 2026",
      level: "commune",
      field: "innovation",
      starts: "2026-03-01",
      ends: "2026-04-15",
      open: 1,
      schools: schools.filter((s) => s.level !== "preschool").map((s) => s.id),
    },
  ];
  const thcs = schools.find((s) => s.level === "lower_secondary");
  if (thcs)
    contests.push({
      organizer: thcs.id,
      name: "Ngày hội STEM – Thi robot cấp trường năm 2026",
      level: "school",
      field: "robotics",
      starts: "2026-10-02",
      ends: "2026-10-02",
      open: 0,
      schools: [thcs.id],
    });
  const results: Database["contest_entries"]["result"][] = [
    "first",
    "second",
    "third",
    "consolation",
    "consolation",
    "participation",
    "participation",
  ];
  let p = 0;
  for (const c of contests) {
    const row = await db
      .insertInto("contests")
      .values({
        organizer_unit_id: c.organizer,
        name: c.name,
        level: c.level,
        field: c.field,
        starts_on: c.starts,
        ends_on: c.ends,
        rules: null,
        link: null,
        open_to_all: c.open,
        created_at: AT,
        updated_at: AT,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const schoolId of c.schools) {
      const kids = await db
        .selectFrom("people")
        .select("id")
        .where("unit_id", "=", schoolId)
        .where("category", "=", "students")
        .execute();
      const teachers = await db
        .selectFrom("people")
        .select("id")
        .where("unit_id", "=", schoolId)
        .where("category", "=", "teachers")
        .execute();
      for (let k = 0; k < r.int(1, 2); k++) {
        const done = Date.parse(`${c.ends}T12:00:00Z`) < Date.now();
        const entry = await db
          .insertInto("contest_entries")
          .values({
            contest_id: row.id,
            school_id: schoolId,
            title: PROJECTS[p++ % PROJECTS.length],
            field: c.field,
            result: done ? r.pick(results) : null,
            evidence_file: null,
            evidence_name: null,
            created_at: AT,
            updated_at: AT,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const team = r.sample(kids, r.int(2, 3));
        await db
          .insertInto("contest_entry_members")
          .values([
            ...team.map((t) => ({ entry_id: entry.id, person_id: t.id, role: "student" as const })),
            { entry_id: entry.id, person_id: r.pick(teachers).id, role: "mentor" as const },
          ])
          .execute();
      }
    }
  }
}

export async function seedDemoRecords(
  db: Tx,
  units: {
    communeId: number;
    officeVhxh: number;
    offices: number[];
    schools: { id: number; code: string; level: SchoolLevel }[];
  },
) {
  const r = seededRandom(57);
  for (const s of units.schools) await insertPeople(db, r, s);
  await insertOfficePeople(db, r, [units.communeId, ...units.offices]);
  await linkAccounts(db);
  for (const s of units.schools) await insertClubs(db, r, s);
  for (const s of units.schools) {
    const hc = await db
      .selectFrom("headcounts")
      .select(["category", "count"])
      .where("unit_id", "=", s.id)
      .where("year", "=", 2026)
      .execute();
    const staff = hc.filter((h) => h.category !== "students").reduce((n, h) => n + h.count, 0);
    const students = hc.filter((h) => h.category === "students").reduce((n, h) => n + h.count, 0);
    for (const a of schoolActivities(r, s.level, staff, students)) await insertActivity(db, s.id, a);
  }
  const schoolIds = units.schools.map((s) => s.id);
  const commune: PlannedActivity[] = [
    {
      title: "Hội nghị quán triệt Nghị quyết 57-NQ/TW cho cán bộ, công chức xã",
      form: "conference",
      date: "2025-09-18",
      topics: ["NQ57", "KHCN", "DMST", "CDS"],
      audiences: ["officials", "school_managers"],
      participants: 120,
      invited: schoolIds,
      budget: [
        ["banners", "state_budget", 1_500_000, 1_500_000],
        ["printing", "state_budget", 3_000_000, 2_850_000],
        ["water", "state_budget", 1_200_000, 1_080_000],
        ["sound", "state_budget", 2_000_000, 2_000_000],
      ],
    },
    {
      title: "Phát thanh tuyên truyền Nghị quyết 57 trên hệ thống thông tin cơ sở",
      form: "grassroots_info",
      date: "2025-10-01",
      time: ["17:00", "17:30"],
      topics: ["NQ57", "CDS"],
      audiences: ["residents"],
      commemoration: "01/10",
      reach: { residents: 3500 },
    },
    {
      title: "Băng rôn, khẩu hiệu chào mừng Ngày Chuyển đổi số quốc gia",
      form: "banner",
      date: "2025-10-06",
      time: ["07:00", "08:00"],
      topics: ["CDS"],
      audiences: ["residents"],
      commemoration: "10/10",
      reach: { residents: 5000 },
      budget: [["banners", "state_budget", 4_000_000, 3_800_000]],
    },
    {
      title: "Bài viết: Tân An triển khai Kế hoạch tuyên truyền NQ57",
      form: "website",
      date: "2025-10-15",
      time: ["09:00", "09:30"],
      topics: ["NQ57"],
      audiences: ["residents", "officials"],
      reach: { residents: 1200 },
    },
    {
      title: "Tập huấn kỹ năng truyền thông số cho cán bộ chuyên trách",
      form: "training",
      date: "2025-11-20",
      delivery: "hybrid",
      topics: ["CDS", "CDS_MXH"],
      audiences: ["communication_staff"],
      participants: 12,
      budget: [
        ["speakers", "programme_budget", 3_000_000, 3_000_000],
        ["lunches", "programme_budget", 1_800_000, 1_650_000],
      ],
    },
    {
      title: "Hội nghị triển khai Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW",
      form: "conference",
      date: "2025-03-20",
      time: ["08:00", "11:00"],
      topics: ["NQ57", "KHCN", "DMST", "CDS"],
      audiences: ["officials", "school_managers"],
      participants: 70,
      budget: [["printing", "state_budget", 2_000_000, 1_850_000]],
    },
    {
      title: "Phát thanh: Nghị quyết 57 và ngày Khoa học và Công nghệ Việt Nam 18/5",
      form: "grassroots_info",
      date: "2025-05-16",
      time: ["17:00", "17:15"],
      topics: ["NQ57", "KHCN"],
      audiences: ["residents"],
      commemoration: "18/5",
      reach: { residents: 3200 },
    },
    {
      title: "Hội nghị học tập, quán triệt Nghị quyết 57-NQ/TW năm 2026 cho cán bộ, công chức",
      form: "conference",
      date: "2026-02-25",
      time: ["08:00", "11:00"],
      topics: ["NQ57", "CCHC", "DA06"],
      audiences: ["officials"],
      participants: 60,
      budget: [["printing", "state_budget", 1_500_000, 1_400_000]],
    },
    {
      title: "Bồi dưỡng kỹ năng truyền thông số cho cán bộ thông tin cơ sở",
      form: "training",
      date: "2026-04-15",
      time: ["08:00", "16:30"],
      topics: ["CDS", "CDS_MXH"],
      audiences: ["communication_staff"],
      participants: 10,
      budget: [["speakers", "state_budget", 2_000_000, 2_000_000]],
    },
    {
      title: "Tọa đàm: Doanh nghiệp Tân An với chuyển đổi số",
      form: "roundtable",
      date: "2026-03-12",
      time: ["14:00", "16:30"],
      topics: ["CDS", "CDS_KTXH", "DMST"],
      audiences: ["businesses", "officials"],
      participants: 45,
      reach: { businesses: 28 },
      budget: [
        ["water", "socialized", 800_000, 750_000],
        ["printing", "state_budget", 1_000_000, 900_000],
      ],
    },
    {
      title: "Phát thanh: Đề án 06 và dịch vụ công trực tuyến",
      form: "grassroots_info",
      date: "2026-04-06",
      time: ["17:00", "17:30"],
      topics: ["DA06", "CCHC"],
      audiences: ["residents"],
      reach: { residents: 3200 },
    },
    {
      title: "Lễ hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5",
      form: "conference",
      date: "2026-05-18",
      topics: ["KHCN", "DMST"],
      audiences: ["officials", "teachers", "businesses"],
      commemoration: "18/5",
      participants: 150,
      invited: schoolIds,
      budget: [
        ["banners", "state_budget", 1_500_000, 1_500_000],
        ["awards", "state_budget", 5_000_000, 4_500_000],
        ["sound", "state_budget", 2_000_000, 2_000_000],
      ],
    },
    {
      title: "Bảng điện tử: thông điệp Bình dân học vụ số",
      form: "e_board",
      date: "2026-06-01",
      time: ["06:00", "22:00"],
      topics: ["BDHVS", "CDS"],
      audiences: ["residents"],
      reach: { residents: 2500 },
    },
    {
      title: "Hội nghị sơ kết 6 tháng thực hiện Kế hoạch tuyên truyền NQ57",
      form: "conference",
      date: "2026-07-08",
      time: ["14:00", "16:30"],
      topics: ["NQ57", "KHCN", "DMST", "CDS"],
      audiences: ["officials", "school_managers"],
      participants: 90,
      invited: schoolIds,
      budget: [
        ["printing", "state_budget", 1_500_000, 1_400_000],
        ["water", "state_budget", 900_000, 900_000],
      ],
    },
    {
      title: "Tập huấn Bình dân học vụ số cho cán bộ, công chức",
      form: "training",
      date: "2026-08-20",
      delivery: "online",
      topics: ["BDHVS", "CDS_NEN_TANG"],
      audiences: ["officials"],
      participants: 48,
    },
    {
      title: "Ngày hội Đổi mới sáng tạo xã Tân An",
      form: "contest",
      date: "2026-10-01",
      time: ["07:00", "11:30"],
      topics: ["DMST", "STEM"],
      audiences: ["students", "teachers", "residents"],
      commemoration: "01/10",
      participants: 400,
      invited: schoolIds,
      reach: { residents: 600 },
      budget: [
        ["banners", "state_budget", 3_000_000, 2_900_000],
        ["awards", "socialized", 10_000_000, 9_500_000],
        ["sound", "state_budget", 3_000_000, 3_000_000],
        ["transport", "state_budget", 2_000_000, 1_600_000],
      ],
    },
    {
      title: "Phát thanh chào mừng Ngày Chuyển đổi số quốc gia 10/10",
      form: "grassroots_info",
      date: "2026-10-10",
      time: ["17:00", "17:30"],
      topics: ["CDS"],
      audiences: ["residents"],
      commemoration: "10/10",
      reach: { residents: 3600 },
    },
    {
      title: "Hội thảo ứng dụng AI trong dạy học",
      form: "workshop",
      date: "2026-12-05",
      time: ["07:30", "11:00"],
      delivery: "hybrid",
      topics: ["KHCN", "CDS_GD_YT"],
      audiences: ["teachers", "school_managers"],
      participants: 80,
      invited: schoolIds,
    },
  ];
  // The commune's posts on its website and Facebook page (COM-1.1): 3 in 2025 (1 on Bình dân học vụ số), 5 in 2026 (2).
  commune.push(
    {
      title: "Ảnh: Tân An hưởng ứng Ngày Khoa học và Công nghệ Việt Nam",
      form: "social_media",
      postKind: "photo",
      date: "2025-05-19",
      time: ["09:00", "09:15"],
      topics: ["KHCN"],
      audiences: ["residents"],
    },
    {
      title: "Phong trào Bình dân học vụ số ở xã Tân An",
      form: "website",
      date: "2025-12-20",
      time: ["09:00", "09:15"],
      topics: ["BDHVS", "CDS"],
      audiences: ["residents"],
    },
    {
      title: "Tin: Xã Tân An triển khai Bình dân học vụ số năm 2026",
      form: "website",
      date: "2026-02-10",
      time: ["09:00", "09:15"],
      topics: ["BDHVS", "CDS"],
      audiences: ["residents"],
    },
    {
      title: "Video: Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến",
      form: "social_media",
      postKind: "video",
      date: "2026-04-15",
      time: ["09:00", "09:15"],
      topics: ["CCHC", "DA06"],
      audiences: ["residents"],
    },
    {
      title: "Tin: Sơ kết 6 tháng thực hiện Kế hoạch tuyên truyền Nghị quyết 57",
      form: "website",
      date: "2026-06-20",
      time: ["09:00", "09:15"],
      topics: ["NQ57"],
      audiences: ["residents", "officials"],
    },
    {
      title: "Ảnh: Ngày Chuyển đổi số quốc gia tại xã Tân An",
      form: "social_media",
      postKind: "photo",
      date: "2026-10-11",
      time: ["09:00", "09:15"],
      topics: ["CDS"],
      audiences: ["residents"],
    },
    {
      title: "Lớp Bình dân học vụ số cho người dân ấp Tân Phú",
      form: "website",
      date: "2026-11-05",
      time: ["09:00", "09:15"],
      topics: ["BDHVS"],
      audiences: ["residents"],
    },
  );
  for (const a of commune) await insertActivity(db, units.officeVhxh, a);
  await insertContests(db, r, units.communeId, units.schools);
  await insertAttendance(db, r);
  await insertEventsOutside(db, units.officeVhxh, units.schools.find((s) => s.code === "thcs-tanan")!.id);
  await insertMaterials(db);
}
