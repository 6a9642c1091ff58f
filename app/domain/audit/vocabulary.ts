/** The words of the audit log: its actions and its kinds of record (the page's filters offer them). */

/** What each action of the audit log is called. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: "Tạo mới",
  update: "Sửa",
  delete: "Xóa (vào thùng rác)",
  restore: "Khôi phục từ thùng rác",
  purge: "Xóa hẳn khỏi thùng rác",
  login: "Đăng nhập",
  logout: "Đăng xuất",
  lockout: "Tạm khóa đăng nhập",
  password_change: "Đổi mật khẩu",
  link_issue: "Cấp liên kết đặt mật khẩu",
  link_redeem: "Dùng liên kết đặt mật khẩu",
  deactivate: "Khóa tài khoản",
  activate: "Mở khóa tài khoản",
};
/** What each kind of record in the audit log is called. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: "Tài khoản",
  session: "Phiên đăng nhập",
  login: "Đăng nhập",
  unit: "Đơn vị",
  headcount: "Số người của đơn vị",
  person: "Người trong danh sách",
  people_import: "Nhập danh sách từ tệp",
  club: "Câu lạc bộ",
  club_member: "Thành viên câu lạc bộ",
  activity: "Hoạt động",
  activity_reach: "Số người được tiếp cận",
  budget_line: "Dòng kinh phí",
  contest: "Cuộc thi",
  contest_entry: "Bài dự thi",
  material: "Học liệu",
  attendance: "Điểm danh",
  budget_plan: "Dự toán kinh phí năm",
  entered_figure: "Số liệu nhập tay",
  indicator_target: "Chỉ tiêu năm",
  report: "Báo cáo 6 tháng",
  report_cutoff: "Ngày chốt số liệu báo cáo",
  school_quota: "Dung lượng lưu trữ của trường",
  unit_documents: "Người ký văn bản của đơn vị",
};
