import "server-only";
import type { JobHandler } from "./types";
import { heartbeatHandler } from "./definitions/system/heartbeat.handler";
import { closeFundingWindowHandler } from "./definitions/loans/close-funding-window.handler";
import { disburseLoanHandler } from "./definitions/loans/disburse.handler";
import { dailyServicingHandler } from "./definitions/loans/daily-servicing.handler";
import { publishGoldPriceHandler } from "./definitions/gold/publish-price.handler";
import { runRecurringGoldBuysHandler } from "./definitions/gold/run-recurring-buys.handler";
import { matchLoanHandler } from "./definitions/autopurchase/match-loan.handler";
import { matchLenderHandler } from "./definitions/autopurchase/match-lender.handler";
import { processEventsHandler } from "./definitions/engagement/process-events.handler";
import { refreshSegmentsHandler } from "./definitions/engagement/refresh-segments.handler";
import { ensureEventPartitionsHandler } from "./definitions/engagement/ensure-event-partitions.handler";
import { pruneEventReceiptsHandler } from "./definitions/engagement/prune-event-receipts.handler";
import { recomputeRfmHandler } from "./definitions/engagement/recompute-rfm.handler";

/**
 * The worker's registry: one handler per job definition in ./registry.ts. Only the job runner's
 * start-up (./worker.ts) imports this file — the handlers import the domains, and the domains import
 * the definitions to enqueue, so anything else importing it would close an import cycle
 * (`npm run lint:cycles` fails on one).
 */
export const HANDLERS: readonly JobHandler[] = [
  heartbeatHandler,
  closeFundingWindowHandler,
  disburseLoanHandler,
  dailyServicingHandler,
  publishGoldPriceHandler,
  runRecurringGoldBuysHandler,
  matchLoanHandler,
  matchLenderHandler,
  processEventsHandler,
  refreshSegmentsHandler,
  ensureEventPartitionsHandler,
  pruneEventReceiptsHandler,
  recomputeRfmHandler,
] as unknown as readonly JobHandler[];
