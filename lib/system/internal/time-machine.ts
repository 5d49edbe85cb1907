import "server-only";
import { getDb, type DbOrTx } from "@/db";
import { setClockOffsetMs } from "@/lib/clock";
import { readSetting } from "./settings";

export const CLOCK_OFFSET_KEY = "clock.offset_ms";
const SYNC_EVERY_MS = 1_000;
const store = globalThis as unknown as { __lumbungClockSyncedAt?: number };

/** Reads the time-machine offset from the database, at most once a second per process. */
export async function syncClock(db: DbOrTx = getDb(), force = false): Promise<void> {
  const last = store.__lumbungClockSyncedAt ?? 0;
  if (!force && Date.now() - last < SYNC_EVERY_MS) return;
  store.__lumbungClockSyncedAt = Date.now();
  const offset = await readSetting<number>(db, CLOCK_OFFSET_KEY);
  setClockOffsetMs(typeof offset === "number" && Number.isFinite(offset) ? offset : 0);
}
