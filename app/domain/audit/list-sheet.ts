/** The audit log, filtered as on its page, as a workbook (issue 19): the newest entries first. */
import type { Executor } from "../../../db/connection";
import { formatDate } from "../shared/format";
import { LIST_DOWNLOAD_LIMIT, listWorkbook } from "../shared/list-workbook";
import { DATE_TIME_FORMAT, vietnamDateCell } from "../shared/sheets";
import { type AuditFilter, listAudit } from "./audit";
import { describeAuditEntry } from "./describe";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "./vocabulary";

const KIND_LABELS = { changes: "Thay đổi dữ liệu", sessions: "Đăng nhập, đăng xuất", all: "" } as const;

/** `unitIds`: whose entries the reader reads (auditScope), undefined = all. */
export async function auditWorkbook(db: Executor, f: AuditFilter, unitIds: number[] | undefined): Promise<Buffer> {
  const { total, rows } = await listAudit(db, { ...f, unitIds, page: 1, pageSize: LIST_DOWNLOAD_LIMIT });
  const filters = [
    f.kind && KIND_LABELS[f.kind],
    f.q && `Người thực hiện: “${f.q}”`,
    f.action && `Thao tác: ${AUDIT_ACTION_LABELS[f.action] ?? f.action}`,
    f.entity && `Đối tượng: ${AUDIT_ENTITY_LABELS[f.entity] ?? f.entity}`,
    f.from && `Từ ngày ${formatDate(f.from)}`,
    f.to && `Đến ngày ${formatDate(f.to)}`,
  ];
  return listWorkbook({
    sheet: "Nhật ký thay đổi",
    title: "NHẬT KÝ THAY ĐỔI",
    filters,
    total,
    rows: rows.map(describeAuditEntry),
    columns: [
      { header: "Thời điểm", width: 17, format: DATE_TIME_FORMAT, value: (r) => vietnamDateCell(r.at) },
      { header: "Người thực hiện", width: 24, value: (r) => r.actor },
      { header: "Thao tác", width: 20, value: (r) => r.action },
      { header: "Đối tượng", width: 28, value: (r) => `${r.entity} ${r.target}`.trim() },
      { header: "Đơn vị", width: 24, value: (r) => r.unit },
      { header: "Nội dung", width: 50, value: (r) => r.changes.join("\n") },
      { header: "Địa chỉ IP", width: 16, value: (r) => r.ip },
    ],
  });
}
