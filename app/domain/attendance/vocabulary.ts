import type { AttendanceStatus } from "../../../db/schema";

export const ATTENDANCE_STATUSES = ["present", "late", "excused", "absent"] as const;
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: "Có mặt",
  late: "Đến muộn",
  excused: "Vắng có phép",
  absent: "Vắng không phép",
};
/** Statuses that count as having attended (reached) for the indicators. */
export const ATTENDED: AttendanceStatus[] = ["present", "late"];

/** Words people write in an import's "Trạng thái" column, folded (no diacritics). */
export const STATUS_ALIASES: Record<AttendanceStatus, string[]> = {
  present: ["co mat", "x", "co", "present", "1"],
  late: ["den muon", "muon", "late"],
  excused: ["vang co phep", "co phep", "p", "excused"],
  absent: ["vang khong phep", "vang", "khong phep", "k", "absent", "0"],
};
