import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/db/rows";
import { recordAdminDecision } from "@/lib/audit";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { NotFound, parseInput } from "@/lib/errors";
import { executorFor, startJobQueue } from "./boss";

export type JobRow = {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  output: unknown;
};

/** Admin: jobs that failed or are waiting to retry, newest first, and counts by state. */
export async function listTroubledJobs({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "admin");
  const { limit } = parseInput(TroubledJobsInput, input ?? {});
  const db = dbOf(ctx);
  const jobs = rowsOf<{
    id: string;
    name: string;
    state: string;
    retry_count: number;
    retry_limit: number;
    created_on: string | Date;
    started_on: string | Date | null;
    output: unknown;
  }>(
    await db.execute(sql`
      select id, name, state, retry_count, retry_limit, created_on, started_on, output
      from pgboss.job
      where state in ('failed', 'retry')
      order by created_on desc
      limit ${Math.min(limit, 200)}`),
  ).map(
    (r): JobRow => ({
      id: r.id,
      name: r.name,
      state: r.state,
      retryCount: Number(r.retry_count),
      retryLimit: Number(r.retry_limit),
      createdOn: new Date(r.created_on),
      startedOn: r.started_on ? new Date(r.started_on) : null,
      output: r.output,
    }),
  );
  const counts = rowsOf<{ state: string; total: string | number }>(
    await db.execute(sql`select state::text as state, count(*) as total from pgboss.job group by state`),
  ).map((r) => ({ state: r.state, total: Number(r.total) }));
  return { jobs, counts };
}

/** Admin: how many troubled jobs to list (at most 200). */
export const TroubledJobsInput = z.object({ limit: z.number().int().min(1).default(50) });
export const RetryJobInput = z.object({ name: z.string().min(1), id: z.string().uuid() });

/**
 * Admin: put a failed job back in the queue. pg-boss runs its SQL in our transaction, so the retry and
 * its audit row commit together (pg-boss must be started before the transaction: PGlite has one connection).
 */
export async function retryFailedJob({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  requireRole(ctx, "admin");
  const { name, id } = parseInput(RetryJobInput, input);
  const boss = await startJobQueue();
  await withTransaction(ctx, async (tx) => {
    const db = executorFor(tx);
    const job = await boss.getJobById(name, id, { db, includeArchive: false });
    if (!job || job.state !== "failed") throw new NotFound("The failed job");
    await boss.retry(name, id, { db });
    await recordAdminDecision(tx, ctx, {
      action: "job.retried",
      subject: { type: "job", id },
      before: { state: job.state, retryCount: job.retryCount },
      after: { state: "retry" },
      details: { name },
    });
  });
}
