/** The audit log in words: what each action, record and field is called, and what changed ("Số lượng: 180 → 185"). */
import type { listAudit } from "./audit";
import { AUDIT_ACTION_LABELS as ACTION_LABELS, AUDIT_ENTITY_LABELS as ENTITY_LABELS } from "./vocabulary";

type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

const FIELD_LABELS: Record<string, string> = {
  count: "Số lượng",
  email: "Email",
  full_name: "Họ tên",
  role: "Vai trò",
  name: "Tên",
  title: "Tên",
  status: "Trạng thái",
  code: "Mã",
  grade: "Khối",
  class_name: "Lớp",
  position: "Chức vụ",
  left_on: "Ngày rời",
  starts_at: "Bắt đầu",
  ends_at: "Kết thúc",
  estimate: "Dự toán",
  actual: "Thực chi",
  purpose: "Mục đích",
  new: "Thêm mới",
  updated: "Cập nhật",
  unchanged: "Không đổi",
};
const HIDDEN = new Set(["created_at", "updated_at", "name_key", "created_by", "organizer"]);

function parse(json: string | null): unknown {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const show = (v: unknown) =>
  v === null || v === undefined || v === "" ? "(trống)" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** The fields that changed, in words: "Số lượng: 180 → 185". */
export function describeChange(beforeJson: string | null, afterJson: string | null): string[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (!isObj(before) && !isObj(after))
    return before === null && after === null ? [] : [`${show(before)} → ${show(after)}`];
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return keys
    .filter((k) => !isObj(before) || !isObj(after) || JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .slice(0, 8)
    .map((k) => {
      const label = FIELD_LABELS[k] ?? k;
      if (!isObj(before)) return `${label}: ${show(a[k])}`;
      if (!isObj(after)) return `${label}: ${show(b[k])} (đã xóa)`;
      return `${label}: ${show(b[k])} → ${show(a[k])}`;
    });
}

/** One entry as the audit page lists it. */
export function describeAuditEntry(r: AuditRow) {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor_name ?? "Hệ thống",
    action: ACTION_LABELS[r.action] ?? r.action,
    entity: ENTITY_LABELS[r.entity] ?? r.entity,
    target:
      r.target_email ?? (r.entity === "session" || r.entity === "login" ? "" : r.entity_id ? `#${r.entity_id}` : ""),
    unit: r.unit_name,
    changes: describeChange(r.before_json, r.after_json),
    ip: r.ip,
  };
}
