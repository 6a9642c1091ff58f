/** `npm run db:seed-demo`: loads the demo of Tân An into an empty database (refuses otherwise). */
import { createDb, migrateToLatest } from "../db/connection";
import { seedDemoIfEmpty } from "./seed/demo";

const db = createDb();
await migrateToLatest(db);
const loaded = await seedDemoIfEmpty(db);
console.log(loaded ? "Đã nạp dữ liệu mẫu." : "Cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu.");
await db.destroy();
