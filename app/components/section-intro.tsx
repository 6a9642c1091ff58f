import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { Section } from "~/domain/auth/policies";
import { PageHeader, SECTION_LINKS } from "./shell";

/**
 * Sections whose records arrive with later issues (#3–#6). The page is honest about that:
 * it says what the section will hold and which part of the plan it serves. Access is checked now.
 */
const INTRO: Partial<Record<Section, { planRef: string; items: string[] }>> = {
  indicators: {
    planRef: "Các chỉ tiêu của Kế hoạch đến năm 2030",
    items: ["Mỗi chỉ tiêu so với mục tiêu năm", "Biểu đồ so sánh các trường", "Xu hướng theo 6 tháng"],
  },
  reports: {
    planRef: "Mục V.2: báo cáo trước ngày 10/6 và 10/12",
    items: ["Báo cáo 6 tháng của từng trường", "Duyệt, trả lại, khóa số liệu", "Xuất báo cáo của xã (DOCX, XLSX)"],
  },
};

export const sectionMeta: MetaFunction = ({ data }) => {
  const section = (data as { section?: Section } | undefined)?.section;
  return [{ title: `${section ? SECTION_LINKS[section].label : "Tân An STEM"} · Tân An STEM` }];
};

export function SectionIntro() {
  const { section } = useLoaderData<{ section: Section }>();
  const intro = INTRO[section];
  return (
    <>
      <PageHeader title={SECTION_LINKS[section].label} subtitle={intro?.planRef} />
      <div className="card section-intro">
        <p>
          <strong>Chức năng này đang được hoàn thiện</strong> và sẽ có trong bản cập nhật tiếp theo. Khi đó, tại đây bạn
          sẽ:
        </p>
        <ul>
          {intro?.items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
