import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextAreaField, useValidatedForm } from "~/components/forms";
import { BackLink, PageHeader } from "~/components/shell";
import { DataTable } from "~/components/data-table";

import { formatFigure } from "~/domain/shared/figures";
import { vietnamToday } from "~/domain/shared/time";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate, formatDateTime } from "~/domain/shared/format";
import { failure, parseForm } from "~/lib/forms";
import { sendQueuedMailSoon } from "~/lib/notifications.server";
import { domainFailure, readForm } from "~/lib/forms.server";
import {
  approvableFrom,
  approveReport,
  communeIdOf,
  computeIndicators,
  differences,
  getReport,
  halfPeriod,
  periodRangeText,
  reopenReport,
  REPORT_STATUS_LABELS,
  reportDeadline,
  reportPeriodOfUnit,
  reportUnit,
  returnReport,
  saveDraft,
  signedFiguresFor,
  submitReport,
  timeliness,
  unitScope,
  TIMELINESS_LABELS,
  withBounds,
} from "~/lib/reports.server";
import { reportDecisionSchema, reportNarrativeSchema } from "~/domain/reports/schemas";
import { mayApproveReportsIn, mayPrepareReport } from "~/domain/auth/policies";
import { titledBy } from "~/lib/meta";
import { AskButton, ConfirmBox, useConfirmStep } from "~/components/confirm-step";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => `Báo cáo ${d.periodLabel}`, "Báo cáo");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const period = halfPeriod(params.period);
  const unit = await reportUnit(actor, params.unitId);
  const report = await getReport(db, unit.id, period.key);
  const started = period.startDate <= vietnamToday();
  // The report's own period (from the day after the previous cut-off to its own), not the calendar half-year.
  const reportRange = await reportPeriodOfUnit(db, unit.id, period.key);
  // An approved report shows the figures its approval signed, and says where today's computation differs.
  const signed = report ? await signedFiguresFor(db, report) : undefined;
  const live = await computeIndicators(
    db,
    unitScope(unit),
    signed ? withBounds(reportRange, signed.periodStart, signed.periodEndExclusive) : reportRange,
  );
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    /** "trường" or "cơ quan", as the page speaks of the unit. */
    unitWord: unit.kind === "school" ? "trường" : "cơ quan",
    periodKey: period.key,
    periodLabel: period.label,
    range: periodRangeText(
      signed ? { startDate: signed.periodStart, endDateExclusive: signed.periodEndExclusive } : reportRange,
    ),
    deadline: reportDeadline(period.key),
    report: report ?? null,
    signedAt: signed?.createdAt ?? null,
    signedSource: signed?.source ?? null,
    statusLabel: REPORT_STATUS_LABELS[report?.status ?? "missing"],
    timelinessLabel: TIMELINESS_LABELS[timeliness(report, period.key)],
    figures: signed ? signed.figures : live,
    changed: signed ? differences(signed.figures, live) : [],
    canEdit:
      started &&
      mayPrepareReport(actor, unit) &&
      (!report || report.status === "draft" || report.status === "returned"),
    canDecide: mayApproveReportsIn(actor, await communeIdOf(db, unit.id)),
    // Approval waits for the period's end (the day after its cut-off); see approveReport.
    approvableFrom: approvableFrom(reportRange),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const period = halfPeriod(params.period);
  const unit = await reportUnit(actor, params.unitId);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const back = (what: string) => redirect(`/reports/${period.key}/${unit.id}?saved=${what}`);
  try {
    if (intent === "save" || intent === "submit") {
      if (!mayPrepareReport(actor, unit)) forbidden();
      const parsed = parseForm(reportNarrativeSchema, formData);
      if (!parsed.ok) return data(parsed, { status: 400 });
      if (intent === "save") await saveDraft(db, actor, unit, period.key, parsed.data.narrative);
      else if (formData.get("confirm") !== "yes") {
        // Sending asks first (the page asks in the browser; a form sent without it is asked here): the text is kept.
        await saveDraft(db, actor, unit, period.key, parsed.data.narrative);
        return data({ ...failure(formData, {}), confirm: "submit" as const });
      } else await submitReport(db, actor, unit, period.key, parsed.data.narrative);
      sendQueuedMailSoon();
      return back(intent);
    }
    if (!mayApproveReportsIn(actor, await communeIdOf(db, unit.id))) forbidden();
    const parsed = parseForm(reportDecisionSchema, formData);
    if (!parsed.ok) return data(parsed, { status: 400 });
    const report = await getReport(db, unit.id, period.key);
    if (!report)
      return data(
        {
          ok: false as const,
          errors: { _form: `${unit.kind === "school" ? "Trường" : "Cơ quan"} chưa lập báo cáo kỳ này.` },
          values: {},
        },
        { status: 400 },
      );
    const comment = parsed.data.comment ?? "";
    if (parsed.data.intent === "approve" && formData.get("confirm") !== "yes")
      return data({ ...failure(formData, {}), confirm: "approve" as const });
    if (parsed.data.intent === "approve") await approveReport(db, actor, report.id);
    else if (parsed.data.intent === "return") await returnReport(db, actor, report.id, comment);
    else await reopenReport(db, actor, report.id, comment);
    sendQueuedMailSoon();
    return back(parsed.data.intent);
  } catch (e) {
    return domainFailure(e, formData);
  }
}

/** "48/57 (84,2 %)" or "12" */
function figureText(f: {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: "percent" | "count";
}): string {
  if (f.value === null) return "chưa có số liệu";
  const value = formatFigure(f.value, f.unit);
  return f.numerator !== null && f.denominator !== null ? `${f.numerator}/${f.denominator} (${value})` : value;
}

/** What a step did, said of the unit ("trường" or "cơ quan"). */
const SAVED: Record<string, (unit: string) => string> = {
  save: () => "Đã lưu bản nháp.",
  submit: () => "Đã gửi báo cáo đến Phòng Văn hóa - Xã hội.",
  approve: (u) => `Đã duyệt báo cáo. Số liệu của ${u} trong kỳ đã được khóa và lưu lại đúng như lúc duyệt.`,
  return: (u) => `Đã trả lại báo cáo cho ${u}.`,
  reopen: (u) =>
    `Đã mở lại báo cáo: số liệu của ${u} trong kỳ được mở khóa để chỉnh sửa; số liệu đã duyệt trước đây được bỏ, lần duyệt sau sẽ lưu số liệu mới.`,
};

/** What the server asks to confirm after a form sent without it (no script ran): "submit" or "approve". */
function useAskedConfirm(): string | null {
  const actionData = useActionData<typeof action>();
  return actionData && "confirm" in actionData ? String(actionData.confirm) : null;
}

function NarrativeForm({ narrative, unitWord }: { narrative: string; unitWord: string }) {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const ask = useConfirmStep("submit", useAskedConfirm());
  const { onSubmit, bind, formError } = useValidatedForm(reportNarrativeSchema, {
    defaults: { narrative, intent: "save" },
    actionData: actionData && "ok" in actionData ? actionData : undefined,
  });
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="card form">
      <FormError message={formError} />
      <TextAreaField
        label={`Đánh giá, khó khăn và kiến nghị của ${unitWord === "trường" ? "nhà trường" : "cơ quan"}`}
        {...bind("narrative")}
        rows={8}
        hint="Số liệu các chỉ tiêu được tính sẵn từ hồ sơ (bảng phía trên). Viết ngắn gọn kết quả nổi bật, hạn chế và kiến nghị."
      />
      {ask.confirming ? (
        <ConfirmBox
          id="confirm-submit"
          intent="submit"
          question={
            <>
              <strong>Gửi báo cáo cho Phòng Văn hóa - Xã hội?</strong> Sau khi gửi, {unitWord} không sửa được báo cáo
              cho đến khi Phòng trả lại. Số liệu gửi kèm là số liệu trong bảng phía trên.
            </>
          }
          confirmLabel="Xác nhận gửi báo cáo"
          cancelLabel="Chưa gửi, quay lại sửa"
          busy={busy}
          onCancel={ask.close}
        />
      ) : (
        <div className="form-actions">
          <AskButton intent="submit" className="button" busy={busy} onAsk={ask.open}>
            Gửi báo cáo…
          </AskButton>
          <button type="submit" name="intent" value="save" className="button button--ghost" disabled={busy}>
            Lưu nháp
          </button>
        </div>
      )}
    </Form>
  );
}

function DecisionForm({
  status,
  approvableFrom,
  periodKey,
  unitWord,
}: {
  status: string;
  approvableFrom: string | null;
  periodKey: string;
  unitWord: string;
}) {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const ask = useConfirmStep("approve", useAskedConfirm());
  const { onSubmit, bind, formError } = useValidatedForm(reportDecisionSchema, {
    defaults: { intent: status === "approved" ? "reopen" : "approve" },
    actionData: actionData && "ok" in actionData ? actionData : undefined,
  });
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="card form">
      <h2>{status === "approved" ? "Mở lại báo cáo" : "Duyệt báo cáo"}</h2>
      <FormError message={formError} />
      {status !== "approved" && approvableFrom ? (
        <p className="hint">
          Kỳ báo cáo chưa kết thúc: duyệt được từ ngày <strong>{formatDate(approvableFrom)}</strong>, khi số liệu của kỳ
          đã đủ (duyệt sẽ khóa số liệu của {unitWord} đến hết ngày chốt). Có thể trả lại để {unitWord} bổ sung ngay bây
          giờ. Muốn duyệt sớm hơn: đặt ngày chốt số liệu sớm hơn trên trang{" "}
          <Link to={`/reports?period=${periodKey}`}>Báo cáo 6 tháng</Link>.
        </p>
      ) : null}
      <TextAreaField
        label={status === "approved" ? "Lý do mở lại (bắt buộc)" : "Nhận xét (bắt buộc khi trả lại)"}
        {...bind("comment")}
        rows={3}
      />
      <div className="form-actions">
        {status === "approved" ? (
          <button type="submit" name="intent" value="reopen" className="button" disabled={busy}>
            Mở lại (bỏ khóa số liệu)
          </button>
        ) : (
          <>
            {approvableFrom ? null : ask.confirming ? (
              <ConfirmBox
                id="confirm-approve"
                intent="approve"
                question={
                  <>
                    <strong>Duyệt báo cáo này?</strong> Số liệu của {unitWord} trong kỳ sẽ bị khóa và được lưu đúng như
                    bảng phía trên; muốn sửa phải mở lại báo cáo.
                  </>
                }
                confirmLabel="Xác nhận duyệt"
                cancelLabel="Hủy"
                busy={busy}
                onCancel={ask.close}
              />
            ) : (
              <AskButton intent="approve" className="button button--approve" busy={busy} onAsk={ask.open}>
                Duyệt và khóa số liệu…
              </AskButton>
            )}
            {ask.confirming ? null : (
              <button type="submit" name="intent" value="return" className="button button--return" disabled={busy}>
                Trả lại để bổ sung
              </button>
            )}
          </>
        )}
      </div>
    </Form>
  );
}

export default function ReportPage() {
  const d = useLoaderData<typeof loader>();
  const r = d.report;
  const exportHref = (format: string) => `/reports/${d.periodKey}/export?unit=${d.unit.id}&format=${format}`;
  return (
    <>
      <BackLink to={`/reports?period=${d.periodKey}`} label="Báo cáo 6 tháng" />
      <PageHeader
        title={`Báo cáo ${d.periodLabel.toLowerCase()}`}
        subtitle={d.unit.name}
        actions={
          <>
            <a className="button button--ghost" href={exportHref("docx")} download>
              Tải DOCX
            </a>
            <a className="button button--ghost" href={exportHref("xlsx")} download>
              XLSX
            </a>
            <a className="button button--ghost" href={exportHref("csv")} download>
              CSV
            </a>
          </>
        }
      />
      {d.saved && SAVED[d.saved] ? (
        <div className="alert alert--success" role="status">
          {SAVED[d.saved](d.unitWord)}
        </div>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Trạng thái</dt>
          <dd>{d.statusLabel}</dd>
        </div>
        <div>
          <dt>Hạn nộp</dt>
          <dd>{formatDate(d.deadline)}</dd>
        </div>
        <div>
          <dt>Ngày nộp</dt>
          <dd>{r?.submitted_at ? `${formatDateTime(r.submitted_at)} · ${d.timelinessLabel}` : d.timelinessLabel}</dd>
        </div>
        {r?.decided_at ? (
          <div>
            <dt>Xử lý lần cuối</dt>
            <dd>{formatDateTime(r.decided_at)}</dd>
          </div>
        ) : null}
      </dl>
      {r?.status === "returned" && r.comment ? (
        <div className="alert alert--warning" role="status">
          Phòng Văn hóa - Xã hội nhận xét: {r.comment}
        </div>
      ) : null}
      <p>
        Kỳ báo cáo tính số liệu từ <strong>{d.range}</strong> (từ ngày sau ngày chốt của kỳ trước đến hết ngày chốt của
        kỳ này; khác với 6 tháng theo lịch trên trang Chỉ tiêu).
      </p>
      {r?.status === "approved" ? (
        <div className="alert alert--info" role="status">
          Báo cáo đã được duyệt: hoạt động, điểm danh, câu lạc bộ, cuộc thi, học liệu và số liệu nhập của {d.unitWord}{" "}
          từ {d.range} đã khóa.{" "}
          {d.signedSource === "backfill"
            ? `Báo cáo được duyệt${r.decided_at ? ` lúc ${formatDateTime(r.decided_at)}` : ""}, trước khi ứng dụng lưu số liệu lúc duyệt: số liệu dưới đây (và trong các tệp tải về) được tính lại${d.signedAt ? ` lúc ${formatDateTime(d.signedAt)}` : ""} theo kỳ báo cáo ${d.range} và giữ nguyên từ đó, không thay đổi theo dữ liệu về sau.`
            : `Số liệu dưới đây (và trong các tệp tải về) là số liệu đã được duyệt${d.signedAt ? ` lúc ${formatDateTime(d.signedAt)}` : ""}, không thay đổi theo dữ liệu về sau.`}
        </div>
      ) : null}
      {d.changed.length ? (
        <div className="alert alert--warning" role="status">
          <p>
            Số liệu tính lại hôm nay cho cùng kỳ khác với số liệu đã duyệt (ví dụ do số người của năm được sửa, hay cách
            tính chỉ tiêu thay đổi):
          </p>
          <ul>
            {d.changed.map((c) => (
              <li key={c.code}>
                {c.name} ({c.code}): đã duyệt {figureText(c.signed)}, hiện nay{" "}
                {c.live ? figureText(c.live) : "không còn chỉ tiêu này"}
              </li>
            ))}
          </ul>
          <p>
            Báo cáo đã duyệt giữ nguyên số liệu đã duyệt. Nếu cần sửa, Phòng Văn hóa - Xã hội mở lại báo cáo để{" "}
            {d.unitWord} gửi lại.
          </p>
        </div>
      ) : null}

      <h2>Số liệu các chỉ tiêu</h2>
      <DataTable
        label="Số liệu các chỉ tiêu, có thể cuộn ngang"
        rows={d.figures}
        columns={[
          {
            header: "Chỉ tiêu",
            name: (f) => ({
              text: f.name,
              // A school's figures open to their records on /indicators; an office's have no such page.
              to:
                d.unit.kind === "school"
                  ? `/indicators/${encodeURIComponent(f.code)}?period=${d.periodKey}&school=${d.unit.id}`
                  : undefined,
              note: f.code,
              noteClass: "muted small",
            }),
          },
          { header: "Chỉ tiêu kỳ", className: "num", cell: (f) => formatFigure(f.target, f.unit) },
          {
            header: "Kết quả",
            className: "num",
            cell: (f) => (f.value === null ? "Chưa có số liệu" : formatFigure(f.value, f.unit)),
          },
          {
            header: "Đánh giá",
            lead: true,
            cell: (f) => (
              <>
                {f.statusLabel}
                {f.gap ? <div className="small">{f.gap}</div> : null}
              </>
            ),
          },
        ]}
      />

      <h2>Đánh giá, kiến nghị</h2>
      {d.canEdit ? (
        <NarrativeForm narrative={r?.narrative ?? ""} unitWord={d.unitWord} />
      ) : (
        <p className="prewrap">
          {r?.narrative || `${d.unit.kind === "school" ? "Trường" : "Cơ quan"} chưa viết phần đánh giá.`}
        </p>
      )}
      {d.canDecide && (r?.status === "submitted" || r?.status === "approved") ? (
        <DecisionForm
          status={r.status}
          approvableFrom={d.approvableFrom}
          periodKey={d.periodKey}
          unitWord={d.unitWord}
        />
      ) : null}
    </>
  );
}
