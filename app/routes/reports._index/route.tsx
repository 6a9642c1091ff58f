import { TimelinessBadge } from "~/components/report-badges";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError } from "~/components/forms";
import { DownloadLink, FilterBar, FilterSelect, NoMatch, SearchField } from "~/components/filters";
import { Notice, PageHeader } from "~/components/shell";
import { DataTable } from "~/components/data-table";
import { can, reportingUnitIds } from "~/domain/auth/permissions";
import { parsePeriod } from "~/domain/shared/periods";
import { DomainError } from "~/domain/shared/errors";
import { forbidden, notFound, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate, formatDateTime } from "~/domain/shared/format";
import { chosenCommune, currentHalf } from "~/lib/indicators.server";
import { remindUnsubmitted, sendQueuedMailSoon } from "~/lib/notifications.server";
import {
  approvableFrom,
  approveReports,
  filterReportRows,
  parseReportListFilter,
  REPORT_LIST_STATUSES,
  cutoffBounds,
  getReport,
  getUnit,
  halvesSoFar,
  nextHalf,
  periodRangeText,
  REPORT_STATUS_LABELS,
  reportDeadline,
  reportPeriod,
  reportStatus,
  requireReportReader,
  setCutoff,
  timeliness,
  TIMELINESS_LABELS,
} from "~/lib/reports.server";
import { domainFailure, readForm } from "~/lib/forms.server";
import { failure } from "~/lib/forms";
import { MAX_ID } from "~/domain/shared/schema-helpers";
import { mayApproveReportsIn } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
import { DateInput } from "~/components/date-fields";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Báo cáo 6 tháng");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requireReportReader(actor);
  const halves = halvesSoFar().reverse();
  const requested = new URL(request.url).searchParams.get("period");
  const half = requested && halves.includes(requested) ? requested : currentHalf();
  if (can(actor, "commune.read")) {
    const { communes, commune } = await chosenCommune(actor, new URL(request.url));
    const [status] = await reportStatus(db, commune.id, parsePeriod(half)!);
    const filter = parseReportListFilter(new URL(request.url));
    const range = await reportPeriod(db, commune.id, half);
    // The next half-year's start is this cut-off: once a report of it is approved, this cut-off stays too.
    const nextFixed = (await reportPeriod(db, commune.id, nextHalf(half))).fixed;
    return {
      range: {
        text: periodRangeText(range),
        cutoff: range.cutoff,
        fixed: range.fixed || nextFixed,
        custom: range.custom,
        ...cutoffBounds(half),
      },
      kind: "commune" as const,
      communes: communes.map((c) => ({ value: c.id, label: c.name })),
      commune,
      half,
      halves: halves.map((h) => ({ value: h, label: parsePeriod(h)!.label })),
      status,
      // The table's rows, searched and filtered (issue 19); the counts above it stay the whole commune's.
      shown: filterReportRows(status.rows, filter),
      filter,
      statusOptions: REPORT_LIST_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] })),
      canApprove: mayApproveReportsIn(actor, commune.id),
      // Approval waits for the period's end (see approveReport): until then there is nothing to approve at once.
      approvableFrom: approvableFrom(range),
    };
  }
  // A school's administrators or an office's staff: their own unit's reports.
  const unit = await getUnit(db, reportingUnitIds(actor)[0] ?? -1);
  if (!unit) notFound();
  const own = { id: unit.id, name: unit.name, kind: unit.kind };
  const rows = [];
  for (const h of halves) {
    const report = await getReport(db, unit.id, h);
    rows.push({
      half: h,
      label: parsePeriod(h)!.label,
      deadline: reportDeadline(h),
      status: REPORT_STATUS_LABELS[report?.status ?? "missing"],
      timeliness: TIMELINESS_LABELS[timeliness(report, h)],
      submittedAt: report?.submitted_at ?? null,
      comment: report?.status === "returned" ? report.comment : null,
    });
  }
  return { kind: "unit" as const, unit: own, rows };
}

/**
 * Commune staff set the half-year's cut-off (until a report of it is approved), remind the units that have not
 * submitted ("Nhắc đơn vị chưa nộp"), and approve several submitted reports at once — after confirming the list.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  requireReportReader(actor);
  const form = await readForm(request);
  const half = String(form.get("period") ?? "");
  if (!halvesSoFar().includes(half)) return domainFailure(new DomainError("Kỳ báo cáo không hợp lệ."), form);
  const intent = String(form.get("intent") ?? "cutoff");
  try {
    const url = new URL(request.url);
    if (form.get("commune")) url.searchParams.set("commune", String(form.get("commune")));
    const { commune, communes } = await chosenCommune(actor, url);
    const back = (extra: Record<string, string>) =>
      redirect(
        `/reports?${new URLSearchParams({ period: half, ...(communes.length > 1 ? { commune: String(commune.id) } : {}), ...extra })}`,
      );
    if (intent === "remind") {
      const r = await remindUnsubmitted(db, actor, commune.id, half);
      sendQueuedMailSoon();
      return back({ reminded: String(r.units.length), told: String(r.inApp), emails: String(r.emails) });
    }
    if (!mayApproveReportsIn(actor, commune.id))
      forbidden("Chỉ Phòng Văn hóa - Xã hội mới đặt ngày chốt số liệu và duyệt báo cáo.");
    if (intent === "approve-many") {
      const ids = form
        .getAll("report")
        .slice(0, 500)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0 && n <= MAX_ID);
      if (!ids.length)
        return domainFailure(new DomainError("Chọn ít nhất một báo cáo đã nộp để duyệt.", "report"), form);
      if (form.get("confirm") !== "yes") return data({ ...failure(form, {}), confirmApprove: ids });
      const r = await approveReports(db, actor, commune.id, half, ids);
      sendQueuedMailSoon();
      return back({ approved: String(r.approved), refused: String(r.refused) });
    }
    await setCutoff(db, actor, commune.id, half, String(form.get("cutoff") ?? ""));
    return back({ cutoff: "saved" });
  } catch (e) {
    return domainFailure(e, form, {}, e instanceof DomainError && !e.field ? 403 : 400);
  }
}

function CutoffForm({
  half,
  commune,
  range,
}: {
  half: string;
  commune: number;
  range: { cutoff: string; min: string; max: string };
}) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = result && "errors" in result ? result.errors : undefined;
  return (
    <Form method="post" className="card form form--inline">
      <FormError message={errors?._form} />
      <input type="hidden" name="period" value={half} />
      <input type="hidden" name="commune" value={commune} />
      <Field
        label="Ngày chốt số liệu của kỳ"
        error={errors?.cutoff}
        hint="Ngày cuối cùng tính số liệu của kỳ này (mặc định là hạn nộp); kỳ sau bắt đầu từ ngày hôm sau. Đổi ngày chốt làm thay đổi số liệu của các báo cáo đã nộp nhưng chưa duyệt. Đổi được cho đến khi có báo cáo của kỳ này (hoặc kỳ sau) được duyệt."
      >
        {({ id, describedBy, invalid }) => (
          <DateInput
            id={id}
            name="cutoff"
            defaultValue={result && "values" in result ? String(result.values?.cutoff ?? range.cutoff) : range.cutoff}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--ghost" disabled={busy}>
          Lưu ngày chốt
        </button>
      </div>
    </Form>
  );
}

type CommuneData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "commune" }>;

/** "Nhắc đơn vị chưa nộp": in the app now and by e-mail; once per unit and day. */
function RemindForm({ half, commune, count }: { half: string; commune: number; count: number }) {
  const busy = useNavigation().state !== "idle";
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="period" value={half} />
      <input type="hidden" name="commune" value={commune} />
      <button type="submit" name="intent" value="remind" className="button button--small" disabled={busy}>
        {`Nhắc ${count} đơn vị chưa nộp`}
      </button>
    </Form>
  );
}

/**
 * Approving several submitted reports: tick them in the table, then "Duyệt các báo cáo đã chọn"; the list is shown
 * again with what approval does, and only "Xác nhận duyệt" approves.
 */
function ApproveMany({ d }: { d: CommuneData }) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const submitted = d.status.rows.filter((r) => r.status === "submitted");
  if (!d.canApprove || !submitted.length) return null;
  if (d.approvableFrom)
    return (
      <p className="hint">
        {submitted.length} báo cáo chờ duyệt. Kỳ báo cáo chưa kết thúc: duyệt được từ ngày{" "}
        <strong>{formatDate(d.approvableFrom)}</strong>; có thể mở từng báo cáo để xem hoặc trả lại ngay.
      </p>
    );
  const chosen = result && "confirmApprove" in result ? (result.confirmApprove as number[]) : null;
  const errors = result && "errors" in result ? result.errors : undefined;
  const rows = chosen ? submitted.filter((r) => r.reportId && chosen.includes(r.reportId)) : [];
  if (rows.length) {
    return (
      <Form method="post" className="card form confirm-approve">
        <h2>{`Xác nhận duyệt ${rows.length} báo cáo`}</h2>
        <ul>
          {rows.map((r) => (
            <li key={r.unitId}>
              {r.unit} — nộp {formatDateTime(r.submittedAt)}
              <input type="hidden" name="report" value={r.reportId ?? ""} />
            </li>
          ))}
        </ul>
        <p>
          Duyệt sẽ khóa số liệu của các đơn vị này trong kỳ và lưu số liệu như đã duyệt; muốn sửa phải mở lại từng báo
          cáo.
        </p>
        <input type="hidden" name="period" value={d.half} />
        <input type="hidden" name="commune" value={d.commune.id} />
        <input type="hidden" name="confirm" value="yes" />
        <div className="form-actions">
          <button type="submit" name="intent" value="approve-many" className="button button--approve" disabled={busy}>
            {`Xác nhận duyệt ${rows.length} báo cáo`}
          </button>
          <Link to={`/reports?period=${d.half}`}>Hủy, xem lại</Link>
        </div>
      </Form>
    );
  }
  return (
    <Form method="post" id="approve-many" className="form form--inline">
      <FormError message={errors?.report ?? errors?._form} />
      <input type="hidden" name="period" value={d.half} />
      <input type="hidden" name="commune" value={d.commune.id} />
      <button type="submit" name="intent" value="approve-many" className="button button--approve" disabled={busy}>
        Duyệt các báo cáo đã chọn
      </button>
      <span className="hint">Đánh dấu các báo cáo đã xem trong bảng ({submitted.length} báo cáo chờ duyệt).</span>
    </Form>
  );
}

export default function Reports() {
  const d = useLoaderData<typeof loader>();
  if (d.kind === "unit")
    return (
      <>
        <PageHeader
          title="Báo cáo 6 tháng"
          subtitle={`${d.unit.name}. Báo cáo 6 tháng đầu năm gửi trước ngày 10/6, 6 tháng cuối năm trước ngày 10/12. Số liệu được tính sẵn từ hồ sơ; ${d.unit.kind === "school" ? "nhà trường" : "cơ quan"} bổ sung phần đánh giá rồi gửi Phòng Văn hóa - Xã hội.`}
        />
        <DataTable
          label="Các kỳ báo cáo, có thể cuộn ngang"
          rows={d.rows}
          columns={[
            {
              header: "Kỳ",
              name: (r) => ({
                text: r.label,
                to: `/reports/${r.half}/${d.unit.id}`,
                note: r.comment && `Trả lại: ${r.comment}`,
                noteClass: "small status-behind",
              }),
            },
            { header: "Hạn nộp", cell: (r) => formatDate(r.deadline) },
            { header: "Trạng thái", lead: true, cell: (r) => r.status },
            { header: "Ngày nộp", cell: (r) => formatDateTime(r.submittedAt) },
            { header: "Thời hạn", cell: (r) => r.timeliness },
          ]}
        />
      </>
    );
  return <CommuneReports d={d} />;
}

function CommuneReports({ d }: { d: CommuneData }) {
  const [params] = useSearchParams();
  // What a step did, from the address: numbers only (an address is no place for text anyone could write).
  const count = (key: string): number | null => {
    const n = Number(params.get(key) ?? Number.NaN);
    return Number.isInteger(n) && n >= 0 && n < 100_000 ? n : null;
  };
  const s = d.status;
  const missing = s.rows.filter((r) => !r.submittedAt);
  const bulk = d.canApprove && !d.approvableFrom && s.rows.some((r) => r.status === "submitted");
  return (
    <>
      <PageHeader
        title="Báo cáo 6 tháng"
        subtitle={`${d.communes.length > 1 ? `${d.commune.name}. ` : ""}Báo cáo của các cơ quan chuyên môn và các trường: 6 tháng đầu năm gửi trước ngày 10/6, 6 tháng cuối năm trước ngày 10/12. Phòng Văn hóa - Xã hội duyệt hoặc trả lại; báo cáo đã duyệt khóa số liệu của đơn vị trong kỳ.`}
        actions={
          <>
            <a
              className="button"
              href={`/reports/${d.half}/export?unit=commune&commune=${d.commune.id}&format=docx`}
              download
            >
              Tải báo cáo của xã (DOCX)
            </a>
            <a
              className="button button--ghost"
              href={`/reports/${d.half}/export?unit=commune&commune=${d.commune.id}&format=xlsx`}
              download
            >
              Phụ lục số liệu (XLSX)
            </a>
            <a
              className="button button--ghost"
              href={`/reports/${d.half}/export?unit=commune&commune=${d.commune.id}&format=csv`}
              download
            >
              CSV
            </a>
          </>
        }
      />
      <FilterBar label="Chọn kỳ" button="Xem">
        {d.communes.length > 1 ? (
          <FilterSelect name="commune" label="Xã" value={d.commune.id} options={d.communes} />
        ) : null}
        <FilterSelect name="period" label="Kỳ báo cáo" value={d.half} options={d.halves} />
        <SearchField label="Tìm đơn vị" value={d.filter.q ?? ""} placeholder="không cần dấu" />
        <FilterSelect name="status" label="Trạng thái" value={d.filter.status} options={d.statusOptions} all="Tất cả" />
      </FilterBar>
      <p className="inline-actions">
        <DownloadLink to="/reports/list.xlsx" label="Tải danh sách (.xlsx)" />
      </p>
      <p>
        Hạn nộp: <strong>{formatDate(s.deadline)}</strong>
        {s.daysLeft >= 0 ? ` (còn ${s.daysLeft} ngày)` : " (đã qua hạn)"} · {s.submitted}/{s.rows.length} đơn vị đã nộp
        · {s.onTime} đúng hạn
      </p>
      <p>
        Số liệu của kỳ tính từ <strong>{d.range.text}</strong> (đến hết ngày chốt {formatDate(d.range.cutoff)}
        {d.range.custom ? ", do Phòng Văn hóa - Xã hội đặt" : ", là hạn nộp"}
        {d.range.fixed ? "; đã cố định vì đã có báo cáo của kỳ này hoặc kỳ sau được duyệt" : ""}). Trang Chỉ tiêu tính
        theo 6 tháng của lịch.
      </p>
      <Notice when={params.get("cutoff")}>Đã lưu ngày chốt số liệu của kỳ.</Notice>
      <Notice when={count("reminded") !== null}>
        {count("told") === 0
          ? "Các đơn vị chưa nộp đã được nhắc hôm nay; không gửi lại lần nữa."
          : `Đã nhắc ${count("reminded")} đơn vị chưa nộp (${count("told") ?? 0} thông báo trong ứng dụng${count("emails") ? `, ${count("emails")} e-mail` : ""}).`}
      </Notice>
      <Notice when={count("approved")}>
        {`Đã duyệt ${count("approved")} báo cáo; số liệu của các đơn vị trong kỳ đã được khóa.`}
      </Notice>
      {count("refused") ? (
        <div className="alert alert--error" role="alert">
          {`${count("refused")} báo cáo chưa duyệt được: đã được xử lý trước đó, không còn chờ duyệt, hoặc kỳ báo cáo chưa kết thúc. Mở từng báo cáo để xem.`}
        </div>
      ) : null}
      {d.canApprove && !d.range.fixed ? <CutoffForm half={d.half} commune={d.commune.id} range={d.range} /> : null}
      {missing.length ? (
        <div className={`alert ${s.daysLeft < 0 ? "alert--error" : "alert--warning"}`} role="status">
          {s.daysLeft < 0 ? "Quá hạn, chưa nộp: " : "Chưa nộp: "}
          {missing.map((r) => r.unit).join(", ")}.
          {d.canApprove ? <RemindForm half={d.half} commune={d.commune.id} count={missing.length} /> : null}
        </div>
      ) : null}
      <ApproveMany d={d} />
      <DataTable
        label="Báo cáo các đơn vị"
        rows={d.shown}
        empty={<NoMatch what="đơn vị" keep={["period", "commune"]} />}
        columns={[
          ...(bulk
            ? [
                {
                  header: <span className="visually-hidden">Chọn để duyệt</span>,
                  label: "Chọn để duyệt",
                  cell: (r: (typeof s.rows)[number]) =>
                    r.status === "submitted" && r.reportId ? (
                      <input
                        type="checkbox"
                        name="report"
                        value={r.reportId}
                        form="approve-many"
                        className="checkbox-large"
                        aria-label={`Chọn báo cáo của ${r.unit} để duyệt`}
                      />
                    ) : null,
                },
              ]
            : []),
          { header: "Đơn vị", title: true, cell: (r) => r.unit },
          {
            header: "Trạng thái",
            lead: true,
            cell: (r) => (
              <span
                className={`badge ${r.status === "approved" ? "badge--green" : r.status === "submitted" ? "badge--amber" : r.status === "returned" ? "badge--red" : ""}`}
              >
                {r.statusLabel}
              </span>
            ),
          },
          { header: "Ngày nộp", cell: (r) => formatDateTime(r.submittedAt) },
          {
            header: "Thời hạn",
            cell: (r) => <TimelinessBadge timeliness={r.timeliness} label={r.timelinessLabel} />,
          },
          {
            header: "Thao tác",
            cell: (r) => (
              <Link to={`/reports/${d.half}/${r.unitId}`}>
                {r.status === "submitted" && d.canApprove ? "Xem và duyệt" : "Xem"}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
