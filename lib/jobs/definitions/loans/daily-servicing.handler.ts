import "server-only";
import { now } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { runServicing } from "@/lib/loans";
import { defineHandler } from "../../types";
import { dailyServicingJob } from "./daily-servicing";

export const dailyServicingHandler = defineHandler(dailyServicingJob, async () => {
  await runServicing({ ctx: systemCtx("loans.daily-servicing"), input: { upTo: now() } });
});
