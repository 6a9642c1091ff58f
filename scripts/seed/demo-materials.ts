/** Demo learning materials backed by the small real files in scripts/seed/media (made by scripts/make-demo-media.sh). */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely, Transaction } from "kysely";
import type { Database, MaterialKind, MaterialVisibility } from "../../db/schema";
import { streamIntoStore } from "../../app/domain/files/upload-stream";
import { foldVietnamese } from "../../app/domain/shared/text";

type Tx = Kysely<Database> | Transaction<Database>;
const MEDIA = path.join(path.dirname(fileURLToPath(import.meta.url)), "media");

interface DemoMaterial {
  school: string;
  title: string;
  kind: MaterialKind;
  file?: string;
  link?: string;
  topics: string[];
  visibility: MaterialVisibility;
  subject: string;
  grades: number[];
  integrates: boolean;
  description: string;
}

const MATERIALS: DemoMaterial[] = [
  {
    school: "thcs-tanan",
    title: "Chuyển đổi số trong đời sống hằng ngày",
    kind: "document",
    file: "demo.pdf",
    topics: ["CDS", "BDHVS"],
    visibility: "public",
    subject: "Tin học",
    grades: [8, 9],
    integrates: true,
    description: "Tài liệu đọc thêm cho học sinh về dịch vụ công trực tuyến và an toàn số.",
  },
  {
    school: "thcs-tanan",
    title: "Video: Robot dò đường của CLB Robotics",
    kind: "video",
    file: "demo.mp4",
    topics: ["STEM", "DMST"],
    visibility: "commune",
    subject: "Công nghệ",
    grades: [7, 8, 9],
    integrates: false,
    description: "Sản phẩm của câu lạc bộ Robotics Tân An.",
  },
  {
    school: "thcs-tanan",
    title: "Podcast: Nghị quyết 57 và thế hệ trẻ",
    kind: "podcast",
    file: "demo.mp3",
    topics: ["NQ57", "KHCN"],
    visibility: "public",
    subject: "Giáo dục công dân",
    grades: [9],
    integrates: true,
    description: "Trao đổi ngắn về vai trò của khoa học, công nghệ với học sinh.",
  },
  {
    school: "thpt-tanan",
    title: "Infographic: Đề án 06 và căn cước điện tử",
    kind: "infographic",
    file: "demo.png",
    topics: ["DA06", "CDS"],
    visibility: "public",
    subject: "Tin học",
    grades: [10, 11, 12],
    integrates: false,
    description: "Giới thiệu các tiện ích của tài khoản định danh điện tử.",
  },
  {
    school: "thpt-tanan",
    title: "Bài giảng điện tử: Trí tuệ nhân tạo là gì?",
    kind: "electure",
    link: "https://hoclieu.tanan.edu.vn/ai-la-gi",
    topics: ["KHCN", "CDS"],
    visibility: "school",
    subject: "Tin học",
    grades: [11],
    integrates: true,
    description: "Bài giảng E-learning cho lớp 11.",
  },
  {
    school: "th-tanan-a",
    title: "Kế hoạch bài dạy STEM: Làm chong chóng gió",
    kind: "lesson_plan",
    file: "demo.pdf",
    topics: ["STEM"],
    visibility: "commune",
    subject: "Khoa học",
    grades: [4, 5],
    integrates: true,
    description: "Bài học STEM lớp 4–5.",
  },
];

export async function insertMaterials(db: Tx) {
  const at = "2026-03-01T02:00:00.000Z";
  const topics = await db.selectFrom("vocab_terms").select(["code", "label"]).where("kind", "=", "topic").execute();
  for (const m of MATERIALS) {
    const school = await db.selectFrom("units").select("id").where("code", "=", m.school).executeTakeFirstOrThrow();
    const author = await db
      .selectFrom("memberships")
      .select("user_id")
      .where("unit_id", "=", school.id)
      .orderBy("id")
      .executeTakeFirst();
    let fileId: number | null = null;
    if (m.file) {
      fileId = (await streamIntoStore(db, fs.createReadStream(path.join(MEDIA, m.file)))).id;
    }
    const labels = topics.filter((t) => m.topics.includes(t.code)).map((t) => t.label);
    const row = await db
      .insertInto("materials")
      .values({
        school_id: school.id,
        author_user_id: author?.user_id ?? null,
        title: m.title,
        description: m.description,
        kind: m.kind,
        subject: m.subject,
        grades: JSON.stringify(m.grades),
        integrates_topics: m.integrates ? 1 : 0,
        visibility: m.visibility,
        file_id: fileId,
        file_name: m.file ?? null,
        link_url: m.link ?? null,
        search_text: foldVietnamese([m.title, m.description, m.subject, ...labels].join(" ")),
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("material_topics")
      .values(m.topics.map((topic_code) => ({ material_id: row.id, topic_code })))
      .execute();
  }
}
