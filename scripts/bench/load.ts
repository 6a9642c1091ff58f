/**
 * The load: run in its own process (so the server's measurements are not mixed with the client's work), keeps
 * `concurrency` requests in flight against one address for `seconds`, and prints JSON with every latency's
 * median and 95th percentile. Usage: tsx scripts/bench/load.ts URL COOKIE CONCURRENCY SECONDS
 */
const [url, cookie, concurrency = "10", seconds = "10"] = process.argv.slice(2);
const until = Date.now() + Number(seconds) * 1000;
const latencies: number[] = [];
let errors = 0;
async function worker() {
  while (Date.now() < until) {
    const t0 = performance.now();
    try {
      const res = await fetch(url, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
      if (!res.ok) errors++;
      else latencies.push(performance.now() - t0);
    } catch {
      errors++;
    }
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
latencies.sort((a, b) => a - b);
const q = (p: number) =>
  latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : null;
console.log(
  JSON.stringify({
    requests: latencies.length,
    errors,
    p50: q(0.5),
    p95: q(0.95),
    rps: latencies.length / Number(seconds),
  }),
);
export {};
