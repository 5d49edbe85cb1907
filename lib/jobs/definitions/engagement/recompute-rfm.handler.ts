import "server-only";
import { systemCtx } from "@/lib/context";
import { runNightlyProfiles } from "@/lib/engagement";
import { defineHandler } from "../../types";
import { recomputeRfmJob } from "./recompute-rfm";

export const recomputeRfmHandler = defineHandler(recomputeRfmJob, async () => {
  await runNightlyProfiles({ ctx: systemCtx("engagement.recompute-rfm") });
});
