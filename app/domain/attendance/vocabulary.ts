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
  present: ["co mat", "x", "co", "present", "1", "du", "tham du", "tham gia", "\u2713", "\u2714"],
  late: ["den muon", "di muon", "muon", "den tre", "di tre", "tre", "vao muon", "late"],
  excused: ["vang co phep", "co phep", "nghi co phep", "nghi phep", "vang (co phep)", "p", "cp", "excused"],
  absent: [
    "vang khong phep",
    "vang",
    "vang mat",
    "khong phep",
    "nghi khong phep",
    "nghi",
    "vang (khong phep)",
    "k",
    "kp",
    "absent",
    "0",
  ],
};
