/**
 * `npm run admin:create -- --email you@example.org --name "Họ Tên" [--commune "UBND xã Tân An"] [--province "Tỉnh …"]`
 * Starts a clean production instance: migrates, creates the province and commune if the tree is empty,
 * and creates a system administrator whose one-time activation link is printed (valid 72 hours).
 */
import { parseArgs } from "node:util";
import { createDb, migrateToLatest } from "../db/connection";
import { ensureBaseOrg } from "./seed/org";
import { createAccount } from "../app/domain/accounts/accounts";
import type { Actor } from "../app/domain/auth/permissions";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    commune: { type: "string", default: "UBND xã Tân An" },
    province: { type: "string", default: "Tỉnh Tây Ninh" },
  },
});
if (!values.email || !values.name) {
  console.error(
    'Cách dùng: npm run admin:create -- --email ban@vidu.vn --name "Họ và tên" [--commune "UBND xã Tân An"] [--province "Tỉnh …"]',
  );
  process.exit(2);
}

const db = createDb();
await migrateToLatest(db);
const communeId = await ensureBaseOrg(db, { province: values.province!, commune: values.commune! });
// The command line acts as a system administrator of the commune.
const cli: Actor = {
  userId: 0,
  email: "cli",
  fullName: "Dòng lệnh",
  sessionId: "cli",
  memberships: [{ role: "system_admin", unitId: communeId, unitKind: "commune", unitName: values.commune! }],
};
try {
  const { link } = await createAccount(db, cli, {
    email: values.email,
    fullName: values.name,
    role: "system_admin",
    unitId: communeId,
  });
  const base = process.env.PUBLIC_URL?.replace(/\/$/, "") || `http://localhost:${process.env.PORT || 3000}`;
  console.log(`Đã tạo quản trị viên ${values.email}.`);
  console.log(`Mở liên kết sau để đặt mật khẩu (hiệu lực 72 giờ, dùng một lần):\n${base}/account/setup/${link.token}`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
