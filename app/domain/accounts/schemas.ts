/** Form schemas shared by the browser (react-hook-form) and the actions. */
import { z } from "zod";
import { MAX_ID } from "../shared/schema-helpers";

/** The password rule, shared by every form that sets a password. */
export const newPasswordSchema = z
  .string({ required_error: "Vui lòng nhập mật khẩu mới." })
  .min(10, "Mật khẩu cần ít nhất 10 ký tự.")
  .max(200, "Mật khẩu quá dài (tối đa 200 ký tự).")
  .refine((p) => /[A-Za-zÀ-ỹ]/.test(p) && /\d/.test(p), "Mật khẩu cần có cả chữ và số.");

export const ROLES = [
  "system_admin",
  "commune_staff",
  "commune_leader",
  "province_reader",
  "school_admin",
  "teacher",
  "office_staff",
] as const;

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  system_admin: "Quản trị hệ thống",
  commune_staff: "Cán bộ Phòng Văn hóa - Xã hội",
  commune_leader: "Lãnh đạo xã",
  province_reader: "Cán bộ cấp tỉnh (chỉ xem)",
  school_admin: "Ban giám hiệu",
  teacher: "Giáo viên",
  office_staff: "Cán bộ cơ quan chuyên môn",
};

/** Where an account stands: in use, locked by an administrator, or waiting for its one-time link to be used. */
export const ACCOUNT_STATES = ["active", "locked", "pending"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = {
  active: "Đang hoạt động",
  locked: "Đã khóa",
  pending: "Chờ kích hoạt",
};

/** An account's state from what is stored. */
export function accountState(u: { is_active: number; hasPassword: boolean }): AccountState {
  return !u.is_active ? "locked" : u.hasPassword ? "active" : "pending";
}

const email = z
  .string({ required_error: "Vui lòng nhập email." })
  .trim()
  .min(1, "Vui lòng nhập email.")
  .max(200, "Email quá dài.")
  .email("Email không hợp lệ.");

export const loginSchema = z.object({
  email,
  password: z
    .string({ required_error: "Vui lòng nhập mật khẩu." })
    .min(1, "Vui lòng nhập mật khẩu.")
    .max(200, "Mật khẩu quá dài."),
  redirectTo: z.string().optional(),
});

export const createAccountSchema = z.object({
  email,
  fullName: z
    .string({ required_error: "Vui lòng nhập họ và tên." })
    .trim()
    .min(2, "Vui lòng nhập họ và tên.")
    .max(120, "Họ và tên quá dài."),
  phone: z
    .string()
    .trim()
    .max(20, "Số điện thoại quá dài.")
    .regex(/^(\+?\d[\d .]{6,18})?$/, "Số điện thoại không hợp lệ.")
    .optional()
    .or(z.literal("")),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Vui lòng chọn vai trò." }) }),
  unitId: z.coerce
    .number({ invalid_type_error: "Vui lòng chọn đơn vị." })
    .int()
    .positive("Vui lòng chọn đơn vị.")
    .max(MAX_ID, "Vui lòng chọn đơn vị."),
});

export const setPasswordSchema = z
  .object({
    password: newPasswordSchema,
    confirm: z.string().min(1, "Vui lòng nhập lại mật khẩu."),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Hai mật khẩu không khớp." });

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "Vui lòng nhập mật khẩu hiện tại."),
    password: newPasswordSchema,
    confirm: z.string().min(1, "Vui lòng nhập lại mật khẩu."),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Hai mật khẩu không khớp." })
  .refine((v) => v.password !== v.current, {
    path: ["password"],
    message: "Mật khẩu mới phải khác mật khẩu hiện tại.",
  });
