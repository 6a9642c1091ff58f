/** The accounts list, filtered as on its page, as a workbook (issue 19): those in the actor's reach. */
import type { DB } from "../../../db/connection";
import { reachOf, type Actor } from "../auth/permissions";
import { LIST_DOWNLOAD_LIMIT, listWorkbook } from "../shared/list-workbook";
import { DATE_TIME_FORMAT, vietnamDateCell } from "../shared/sheets";
import { type AccountFilter, type AccountSort, listAccounts } from "./accounts";
import { ACCOUNT_STATE_LABELS, accountState, ROLE_LABELS } from "./schemas";
import { unitNameInReach } from "../units/units";

export async function accountsWorkbook(db: DB, actor: Actor, f: AccountFilter, sort: AccountSort): Promise<Buffer> {
  const [{ total, rows }, unit] = await Promise.all([
    listAccounts(db, { ...f, page: 1, pageSize: LIST_DOWNLOAD_LIMIT, sort, within: reachOf(actor) }),
    unitNameInReach(db, actor, f.unitId),
  ]);
  const filters = [
    f.q && `Tìm “${f.q}”`,
    f.role && `Vai trò: ${ROLE_LABELS[f.role]}`,
    unit && `Đơn vị: ${unit.name}`,
    f.state && `Trạng thái: ${ACCOUNT_STATE_LABELS[f.state]}`,
  ];
  return listWorkbook({
    sheet: "Tài khoản",
    title: "DANH SÁCH TÀI KHOẢN",
    filters,
    total,
    rows,
    columns: [
      { header: "Họ và tên", width: 28, value: (u) => u.full_name },
      { header: "Email", width: 30, value: (u) => u.email },
      {
        header: "Vai trò · Đơn vị",
        width: 44,
        value: (u) => u.memberships.map((m) => `${ROLE_LABELS[m.role]} · ${m.unitName}`).join("\n"),
      },
      { header: "Trạng thái", width: 15, value: (u) => ACCOUNT_STATE_LABELS[accountState(u)] },
      { header: "Ngày tạo", width: 17, format: DATE_TIME_FORMAT, value: (u) => vietnamDateCell(u.created_at) },
    ],
  });
}
