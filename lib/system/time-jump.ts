import type { DbOrTx } from "@/db";

/**
 * An area's catch-up work after the demo time machine jumps the clock from `from` to `to`: run inside
 * the jump's transaction (enqueue jobs with lib/jobs/boss.ts, so they start only if the jump commits).
 * Each area exports its hook; lib/system/time-jump-hooks.ts lists them, in the order they run.
 */
export type TimeJumpHook = {
  area: string;
  catchUp: (tx: DbOrTx, jump: { from: Date; to: Date }) => Promise<void>;
};
