/**
 * `npm run bench`: how long the indicator and report pages take on the demo commune, measured against the real
 * built server (production mode) with its own fresh database. Prints median and 95th percentile per page.
 * Sequential requests from one client; issue #7 extends this to province scale and concurrent load.
 */
import { startTestServer } from "../tests/support/server";
import { loginAs } from "../tests/support/http";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const server = await startTestServer();
try {
  const staff = await loginAs(server.url, "vhxh@tanan.demo");
  const principal = await loginAs(server.url, "bgh.thcs@tanan.demo");
  const pages: [string, string, string][] = [
    ["Chỉ tiêu toàn xã (năm)", "/indicators?period=2026", staff],
    ["Chỉ tiêu toàn xã (6 tháng)", "/indicators?period=2026-H1", staff],
    ["Chỉ tiêu một trường", "/indicators?period=2026", principal],
    ["Hồ sơ sau một chỉ tiêu (SCH-2.1)", "/indicators/SCH-2.1?period=2026", staff],
    ["Báo cáo 6 tháng (danh sách)", "/reports?period=2026-H1", staff],
    ["Báo cáo của xã, DOCX", "/reports/2026-H1/export?unit=commune&format=docx", staff],
    ["Phụ lục của xã, XLSX", "/reports/2026-H1/export?unit=commune&format=xlsx", staff],
  ];
  const rows: { page: string; median: number; p95: number }[] = [];
  for (const [label, path, cookie] of pages) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      const res = await fetch(server.url + path, { headers: { Cookie: cookie } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      if (i >= 3) times.push(performance.now() - t0); // three warm-up requests
    }
    times.sort((a, b) => a - b);
    rows.push({ page: label, median: Math.round(quantile(times, 0.5)), p95: Math.round(quantile(times, 0.95)) });
  }
  console.log(`\nTân An STEM — demo commune, ${RUNS} requests per page, one client, ${new Date().toISOString().slice(0, 10)}`);
  console.table(rows.map((r) => ({ trang: r.page, "trung vị (ms)": r.median, "p95 (ms)": r.p95 })));
} finally {
  await server.stop();
}
