/**
 * `npm run backup [-- --out DIR]`: a consistent snapshot of the database (SQLite's online backup API,
 * safe while the app serves) and a copy of the upload folder, in backups/<date-time>/.
 */
import { parseArgs } from "node:util";
import { backup } from "../db/backup";

const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
const result = await backup({ outRoot: values.out! });
console.log(`Đã sao lưu vào ${result.dir}`);
console.log(`  Cơ sở dữ liệu: ${result.databaseFile} (${result.pages} trang)`);
console.log(`  Tệp tải lên: ${result.uploadsCopied ? result.uploadsDir : "không có"}`);
