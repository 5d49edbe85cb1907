import "server-only";
import { getDb, type DbOrTx } from "@/db";
import { setClockOffsetMs } from "@/lib/clock";
import { readSetting } from "./settings";

export const CLOCK_OFFSET_KEY = "clock.offset_ms";
const SYNC_EVERY_MS = 1_000;
const store = globalThis as unknown as { __lumbungClockSyncedAt?: number };

/**
 * The stored offset as a whole number of milliseconds. The setting is JSON: a value written as a
 * string ("86400000") would turn `current + delta` into string concatenation (a "+24 days" jump
 * after one of 1 day would read "86400000" + 2073600000). Anything that is not a whole number of
 * milliseconds counts as no offset.
 */
export function offsetFromSetting(value: unknown): number {
  const n = typeof value === "string" && /^-?\d{1,16}$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === "number" && Number.isSafeInteger(n) ? n : 0;
}

/** Reads the time-machine offset from the database, at most once a second per process. */
export async function syncClock(db: DbOrTx = getDb(), force = false): Promise<void> {
  const last = store.__lumbungClockSyncedAt ?? 0;
  if (!force && Date.now() - last < SYNC_EVERY_MS) return;
  store.__lumbungClockSyncedAt = Date.now();
  const offset = await readSetting<unknown>(db, CLOCK_OFFSET_KEY);
  setClockOffsetMs(offsetFromSetting(offset));
}
