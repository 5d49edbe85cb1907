import "server-only";
import { now } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { runRecurringBuys } from "@/lib/gold";
import { defineHandler } from "../../types";
import { runRecurringGoldBuysJob } from "./run-recurring-buys";

export const runRecurringGoldBuysHandler = defineHandler(runRecurringGoldBuysJob, async () => {
  await runRecurringBuys({ ctx: systemCtx("gold.recurring-buys"), input: { upTo: now() } });
});
