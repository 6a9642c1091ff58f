/**
 * The headings and intros of the app's main pages, in one place: whoever reviews the Vietnamese wording (or the
 * plan's clause numbers quoted in it) reads them here. A route declares its page with `export const handle =
 * pageHandle("clubs")` (or `export const { handle, meta } = pageOf("clubs")` for its window title too); the page
 * header shows the heading and intro, and the route's meta titles the window with the heading.
 */
import { titled } from "~/lib/meta";
import type { PageHandle } from "./shell";

const PAGES = {
  activities: [
    "Hoạt động",
    "Tập huấn, hội nghị, sinh hoạt chuyên đề, ngoại khóa và tuyên truyền (băng rôn, trang thông tin, mạng xã hội, bảng điện tử, hệ thống thông tin cơ sở).",
  ],
  newActivity: ["Thêm hoạt động", "Lớp tập huấn, hội nghị, sinh hoạt chuyên đề, ngoại khóa hoặc một đợt tuyên truyền."],
  audit: ["Nhật ký thay đổi", "Ai đã thay đổi gì, lúc nào: nội dung trước và sau khi sửa."],
  attendance: [
    "Điểm danh",
    "Chọn hoạt động để điểm danh trên điện thoại, nhập từ tệp hoặc mở mã QR cho người tham dự tự điểm danh. Số người được tuyên truyền (chỉ tiêu II.1.a) tính từ đây.",
  ],
  clubs: [
    "Câu lạc bộ STEM",
    "Câu lạc bộ, đội nhóm STEM và đổi mới sáng tạo trong trường học (mục III.2.5 của Kế hoạch: mỗi trường ít nhất một câu lạc bộ).",
  ],
  contests: [
    "Cuộc thi khoa học, sáng tạo",
    "Cuộc thi các cấp, bài dự thi của học sinh và kết quả (mục III.2.7 của Kế hoạch).",
  ],
  materials: [
    "Học liệu",
    "Bài giảng điện tử, video ngắn, podcast, slide, tài liệu số của các trường (mục III.2.2 – III.2.4 của Kế hoạch).",
  ],
  publicMaterials: [
    "Học liệu số công khai của xã Tân An",
    "Bài giảng, video, podcast, tài liệu về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số do các trường chia sẻ.",
  ],
} satisfies Record<string, [title: string, subtitle: string]>;

export type PageKey = keyof typeof PAGES;

export function pageHandle(page: PageKey): PageHandle {
  const [title, subtitle] = PAGES[page];
  return { title, subtitle };
}

/** A page's handle and the meta that titles the window with its heading. */
export function pageOf(page: PageKey) {
  const handle = pageHandle(page);
  return { handle, meta: titled(handle.title) };
}
