import "server-only";
import { matchLender } from "@/lib/autopurchase";
import { systemCtx } from "@/lib/context";
import { defineHandler } from "../../types";
import { matchLenderJob } from "./match-lender";

export const matchLenderHandler = defineHandler(matchLenderJob, async ({ lenderId }) => {
  await matchLender({ ctx: systemCtx("autopurchase.match"), input: { lenderId } });
});
