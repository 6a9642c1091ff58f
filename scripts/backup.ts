/**
 * `npm run backup [-- --out DIR]`: a consistent snapshot of the database (VACUUM INTO, safe while the app serves
 * and writes) and every stored file it names, in backups/<date-time>/ (db/backup.ts).
 */
import { parseArgs } from "node:util";
import { backup } from "../db/backup";

const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
const result = await backup({ outRoot: values.out! });
console.log(`Đã sao lưu vào ${result.dir}`);
console.log(`  Cơ sở dữ liệu: ${result.databaseFile}`);
console.log(`  Tệp tải lên: ${result.files} tệp trong ${result.uploadsDir}`);
if (result.missing.length) {
  console.error(
    `  CẢNH BÁO: ${result.missing.length} tệp cơ sở dữ liệu nhắc tới không có trên đĩa: ${result.missing.slice(0, 10).join(", ")}`,
  );
  process.exitCode = 2;
}
