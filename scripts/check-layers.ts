/**
 * The layer rule (issue #16, docs/decisions/021), run by `npm test`: dependency-cruiser checks the arrows between
 * layers (.dependency-cruiser.cjs: routes → area server modules → domain → db, none back up, no import loops), and
 * this script adds what dependency-cruiser's rules cannot say: no two folders of app/domain import each other, even
 * through others (a loop of folders is how "find a rule by its name" stops working). Exit 1 with the loops found.
 */
import { execFileSync } from "node:child_process";

type Cruise = { modules: { source: string; dependencies: { resolved: string }[] }[] };

const cli = "node_modules/.bin/depcruise";
const args = ["app", "db", "server", "server.ts", "scripts", "--config", ".dependency-cruiser.cjs"];
try {
  execFileSync(cli, args, { stdio: "inherit" });
} catch {
  process.exit(1);
}

const json = JSON.parse(
  execFileSync(cli, ["app/domain", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  }),
) as Cruise;
const folderOf = (p: string) => /^app\/domain\/([^/]+)\//.exec(p)?.[1];
const edges = new Map<string, Set<string>>();
for (const m of json.modules) {
  const from = folderOf(m.source);
  if (!from) continue;
  for (const d of m.dependencies) {
    const to = folderOf(d.resolved);
    if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
}
// Strongly connected components (Tarjan): any with more than one folder is a loop.
let index = 0;
const idx = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const on = new Set<string>();
const loops: string[][] = [];
function visit(v: string) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
  }
  if (low.get(v) === idx.get(v)) {
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      on.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) loops.push(scc.sort());
  }
}
for (const v of new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])) if (!idx.has(v)) visit(v);
if (loops.length) {
  console.error("Folders of app/domain that import each other (a loop):");
  for (const l of loops) {
    console.error(`  ${l.join(" ⇄ ")}`);
    for (const a of l) for (const b of edges.get(a) ?? []) if (l.includes(b)) console.error(`    ${a} → ${b}`);
  }
  process.exit(1);
}
console.log(`app/domain: ${edges.size} folders import others, no loops between folders.`);
