/**
 * One runner for periodic work (the recycle bin's purge, the sweep of released files; later the reminders).
 * Each job has a row in `job_runs`; a process runs a job only after taking its lease with one conditional
 * UPDATE (due, and no live lease), so two server processes — or two servers on one PostgreSQL — never run the
 * same job at once, and a process that dies mid-run loses its lease when it expires. Same SQL on both engines.
 */
import crypto from "node:crypto";
import type { DB } from "../../../db/connection";

export interface Job {
  name: string;
  /** How often it runs. */
  everyMs: number;
  /** How long a run may take before another process may take over (a crashed runner's lease expires). */
  leaseMs: number;
  /** Does the work; returns a short account for `job_runs.last_result`. */
  run(db: DB, now: Date): Promise<string>;
}

export interface JobOutcome {
  name: string;
  result?: string;
  error?: string;
}

/** A name for this process's leases. */
export const processHolder = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;

/** Runs every job that is due and whose lease this process takes; returns what ran. */
export async function runDueJobs(
  db: DB,
  jobs: Job[],
  opts: { holder?: string; now?: () => Date } = {},
): Promise<JobOutcome[]> {
  const holder = opts.holder ?? processHolder;
  const clock = opts.now ?? (() => new Date());
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const start = clock();
    const at = start.toISOString();
    await db
      .insertInto("job_runs")
      .values({ name: job.name, next_run_at: at })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const taken = await db
      .updateTable("job_runs")
      .set({
        lease_holder: holder,
        lease_until: new Date(start.getTime() + job.leaseMs).toISOString(),
        last_started_at: at,
      })
      .where("name", "=", job.name)
      .where("next_run_at", "<=", at)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", at)]))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) continue;
    let outcome: JobOutcome;
    try {
      outcome = { name: job.name, result: await job.run(db, start) };
    } catch (e) {
      outcome = { name: job.name, error: e instanceof Error ? e.message : String(e) };
    }
    const end = clock();
    await db
      .updateTable("job_runs")
      .set({
        lease_holder: null,
        lease_until: null,
        last_finished_at: end.toISOString(),
        next_run_at: new Date(start.getTime() + job.everyMs).toISOString(),
        last_result: outcome.result ?? null,
        last_error: outcome.error ?? null,
      })
      .where("name", "=", job.name)
      .where("lease_holder", "=", holder)
      .execute();
    outcomes.push(outcome);
  }
  return outcomes;
}
