import type { Kysely } from "kysely";

/** The plan's vocabularies (indicators.md): topics, forms, audiences. Commune staff may add more later. */
const TERMS: [kind: string, code: string, label: string, parent?: string][] = [
  ["topic", "NQ57", "Nghị quyết 57-NQ/TW"],
  ["topic", "KHCN", "Khoa học và công nghệ"],
  ["topic", "DMST", "Đổi mới sáng tạo"],
  ["topic", "CDS", "Chuyển đổi số"],
  ["topic", "CDS_NEN_TANG", "Nền tảng số", "CDS"],
  ["topic", "CDS_HA_TANG", "Hạ tầng số", "CDS"],
  ["topic", "CDS_DU_LIEU", "Dữ liệu số", "CDS"],
  ["topic", "CDS_KTXH", "Kinh tế - xã hội số", "CDS"],
  ["topic", "CDS_GD_YT", "Giáo dục - y tế số", "CDS"],
  ["topic", "CDS_NGUON_LUC", "Nguồn lực và đổi mới sáng tạo", "CDS"],
  ["topic", "CDS_MXH", "Mạng xã hội của tổ chức KHCN và doanh nghiệp", "CDS"],
  ["topic", "CCHC", "Cải cách hành chính"],
  ["topic", "DA06", "Đề án 06"],
  ["topic", "STEM", "Giáo dục STEM"],
  ["topic", "BDHVS", "Bình dân học vụ số"],
  ["form", "banner", "Băng rôn, khẩu hiệu"],
  ["form", "website", "Trang thông tin điện tử"],
  ["form", "social_media", "Mạng xã hội"],
  ["form", "e_board", "Bảng điện tử"],
  ["form", "grassroots_info", "Hệ thống thông tin cơ sở"],
  ["form", "training", "Tập huấn, bồi dưỡng"],
  ["form", "conference", "Hội nghị"],
  ["form", "roundtable", "Tọa đàm"],
  ["form", "workshop", "Hội thảo"],
  ["form", "thematic_session", "Sinh hoạt chuyên đề"],
  ["form", "extracurricular", "Ngoại khóa"],
  ["form", "contest", "Hội thi, cuộc thi"],
  ["form", "club_meeting", "Sinh hoạt câu lạc bộ"],
  ["form", "cultural_event", "Lồng ghép văn hóa cơ sở"],
  ["audience", "officials", "Lãnh đạo, cán bộ, công chức, viên chức"],
  ["audience", "school_managers", "Cán bộ quản lý giáo dục"],
  ["audience", "teachers", "Giáo viên"],
  ["audience", "students", "Học sinh"],
  ["audience", "businesses", "Doanh nghiệp"],
  ["audience", "residents", "Nhân dân"],
  ["audience", "communication_staff", "Cán bộ chuyên trách tuyên truyền, thông tin cơ sở"],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto("vocab_terms")
    .values(
      TERMS.map(([kind, code, label, parent], i) => ({
        kind,
        code,
        label,
        parent_code: parent ?? null,
        sort_order: i,
        archived: 0,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("vocab_terms").execute();
}
