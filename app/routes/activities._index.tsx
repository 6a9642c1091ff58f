import { SectionIntro, sectionMeta } from "~/components/section-intro";
import { sectionLoader } from "~/lib/sections.server";

export const loader = sectionLoader("activities");
export const meta = sectionMeta;
export default SectionIntro;
