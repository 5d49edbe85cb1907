import "server-only";
import type { JobDefinition } from "./types";
import { heartbeatJob } from "./definitions/system/heartbeat";
import { closeFundingWindowJob } from "./definitions/loans/close-funding-window";
import { disburseLoanJob } from "./definitions/loans/disburse";
import { dailyServicingJob } from "./definitions/loans/daily-servicing";
import { publishGoldPriceJob } from "./definitions/gold/publish-price";
import { runRecurringGoldBuysJob } from "./definitions/gold/run-recurring-buys";
import { matchLoanJob } from "./definitions/autopurchase/match-loan";
import { matchLenderJob } from "./definitions/autopurchase/match-lender";

/** Every job the runner knows. Later areas add theirs here. */
export const JOBS: JobDefinition[] = [heartbeatJob, closeFundingWindowJob, disburseLoanJob, dailyServicingJob, publishGoldPriceJob, runRecurringGoldBuysJob, matchLoanJob, matchLenderJob] as unknown as JobDefinition[];

export function jobByName(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
