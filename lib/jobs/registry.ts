import type { JobDefinition } from "./types";
import { heartbeatJob } from "./definitions/system/heartbeat";
import { closeFundingWindowJob } from "./definitions/loans/close-funding-window";
import { disburseLoanJob } from "./definitions/loans/disburse";
import { dailyServicingJob } from "./definitions/loans/daily-servicing";
import { publishGoldPriceJob } from "./definitions/gold/publish-price";
import { runRecurringGoldBuysJob } from "./definitions/gold/run-recurring-buys";
import { matchLoanJob } from "./definitions/autopurchase/match-loan";
import { matchLenderJob } from "./definitions/autopurchase/match-lender";
import { processEventsJob } from "./definitions/engagement/process-events";
import { refreshSegmentsJob } from "./definitions/engagement/refresh-segments";
import { ensureEventPartitionsJob } from "./definitions/engagement/ensure-event-partitions";
import { pruneEventReceiptsJob } from "./definitions/engagement/prune-event-receipts";
import { recomputeRfmJob } from "./definitions/engagement/recompute-rfm";

/**
 * Every job definition (no handlers): the queues pg-boss creates in every process, workers or not.
 * Later areas add theirs here, and their handler in ./handlers.ts (a test checks the two lists match).
 */
export const JOBS: readonly JobDefinition[] = [
  heartbeatJob,
  closeFundingWindowJob,
  disburseLoanJob,
  dailyServicingJob,
  publishGoldPriceJob,
  runRecurringGoldBuysJob,
  matchLoanJob,
  matchLenderJob,
  processEventsJob,
  refreshSegmentsJob,
  ensureEventPartitionsJob,
  pruneEventReceiptsJob,
  recomputeRfmJob,
];

export function jobByName(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
