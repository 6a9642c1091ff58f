/** `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL. */
import { createDb, migrateToLatest } from "../db/connection";
import { databaseLabel } from "../db/config";

const db = createDb();
const applied = await migrateToLatest(db);
console.log(
  applied.length ? `Đã áp dụng: ${applied.join(", ")}` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.",
  `(${databaseLabel()})`,
);
await db.destroy();
