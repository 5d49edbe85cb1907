import "server-only";
import crypto from "node:crypto";
import os from "node:os";
import { gt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { workerHeartbeats } from "@/db/schema";
import { realNow } from "@/lib/clock";

const store = globalThis as unknown as { __lumbungWorkerId?: string; __lumbungWorkerStartedAt?: Date };

export function workerId(): string {
  store.__lumbungWorkerId ??= `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
  return store.__lumbungWorkerId;
}

/** Heartbeats follow the wall clock: the time machine must not make a live worker look dead. */
export async function beat(): Promise<void> {
  const at = realNow();
  store.__lumbungWorkerStartedAt ??= at;
  await getDb()
    .insert(workerHeartbeats)
    .values({ workerId: workerId(), startedAt: store.__lumbungWorkerStartedAt, lastBeatAt: at })
    .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { lastBeatAt: sql`excluded.last_beat_at` } });
}

export const HEARTBEAT_FRESH_MS = 150_000;

export async function liveWorkers(): Promise<number> {
  const since = new Date(realNow().getTime() - HEARTBEAT_FRESH_MS);
  const rows = await getDb()
    .select({ id: workerHeartbeats.workerId })
    .from(workerHeartbeats)
    .where(gt(workerHeartbeats.lastBeatAt, since));
  return rows.length;
}
