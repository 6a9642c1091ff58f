/**
 * What a report's step tells whom (issue 19): a submission tells the commune's staff (they approve); a return,
 * an approval and a reopening tell the unit's preparers. In the app and, for those who take them, by e-mail.
 */
import type { Executor } from "../../../db/connection";
import type { NotificationKind, Report, ReportStatus } from "../../../db/schema";
import { periodInSentence } from "../shared/periods";
import { formatDate } from "../shared/format";
import { notify, type Message } from "./notify";
import { communeApprovers, unitPreparers } from "./recipients";

export function reportLink(periodKey: string, unitId: number): string {
  return `/reports/${periodKey}/${unitId}`;
}

/** The step a transition is, from the status it left and the one it reached. */
function stepOf(from: ReportStatus, to: ReportStatus): NotificationKind | null {
  if (to === "submitted") return "report_submitted";
  if (to === "approved") return "report_approved";
  if (to === "returned") return from === "approved" ? "report_reopened" : "report_returned";
  return null;
}

/** Tells about a report's step; inside the step's transaction. `at` makes the event unique (a report is submitted
 *  again after a return: a new event). */
export async function tellReportStep(
  db: Executor,
  report: Pick<Report, "id" | "unit_id" | "period_key">,
  from: ReportStatus,
  to: ReportStatus,
  comment: string | null,
  at: string,
  communeId: number,
): Promise<void> {
  const kind = stepOf(from, to);
  if (!kind) return;
  const unit = await db.selectFrom("units").select("name").where("id", "=", report.unit_id).executeTakeFirstOrThrow();
  const half = periodInSentence(report.period_key);
  const titles: Record<string, string> = {
    report_submitted: `${unit.name} đã nộp báo cáo ${half}`,
    report_approved: `Báo cáo ${half} của ${unit.name} đã được duyệt`,
    report_returned: `Báo cáo ${half} của ${unit.name} bị trả lại để bổ sung`,
    report_reopened: `Báo cáo ${half} của ${unit.name} được mở lại để bổ sung`,
  };
  const bodies: Record<string, string> = {
    report_submitted: `Nộp lúc ${formatDate(at)}. Vui lòng xem và duyệt hoặc trả lại.`,
    report_approved: "Số liệu của kỳ đã được khóa và lưu như đã duyệt.",
    report_returned: `Lý do: ${comment ?? ""}\nVui lòng bổ sung và nộp lại.`,
    report_reopened: `Lý do: ${comment ?? ""}\nVui lòng bổ sung và nộp lại.`,
  };
  const message: Message = {
    kind,
    eventKey: `report:${report.id}:${kind}:${at}`,
    title: titles[kind],
    body: bodies[kind],
    link: reportLink(report.period_key, report.unit_id),
  };
  const recipients =
    kind === "report_submitted" ? await communeApprovers(db, communeId) : await unitPreparers(db, report.unit_id);
  await notify(db, recipients, message, { email: true });
}
