/** Yearly targets of the indicators (2025–2030), edited by commune staff; every change is audited. */
import type { DB } from "../../../db/connection";
import { writeAudit } from "../audit/audit";
import { type Actor } from "../auth/permissions";
import { DomainError } from "../shared/errors";
import { canEditTargets, refuse } from "../auth/policies";

export const TARGET_YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

export async function saveTargets(
  db: DB,
  actor: Actor,
  year: number,
  targets: Record<string, number | null>,
  ip: string | null = null,
): Promise<number> {
  if (!(await canEditTargets(db, actor)))
    refuse(true, "Chỉ Phòng Văn hóa - Xã hội (hoặc cấp tỉnh, khi nhiều xã dùng chung) mới sửa chỉ tiêu.");
  if (!TARGET_YEARS.includes(year)) throw new DomainError("Năm ngoài thời gian Kế hoạch (2025–2030).");
  const before = await db.selectFrom("indicator_targets").selectAll().where("year", "=", year).execute();
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    for (const [code, target] of Object.entries(targets)) {
      const old = before.find((b) => b.indicator_code === code);
      if (!old || old.target === target) continue;
      await trx
        .updateTable("indicator_targets")
        .set({ target })
        .where("indicator_code", "=", code)
        .where("year", "=", year)
        .execute();
      await writeAudit(trx, {
        actorUserId: actor.userId,
        action: "update",
        entity: "indicator_target",
        entityId: `${code}:${year}`,
        before: { target: old.target },
        after: { target },
        ip,
      });
      changed++;
    }
  });
  return changed;
}
