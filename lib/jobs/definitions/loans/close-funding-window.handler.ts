import "server-only";
import { systemCtx } from "@/lib/context";
import { closeFundingWindow } from "@/lib/loans";
import { defineHandler } from "../../types";
import { closeFundingWindowJob } from "./close-funding-window";

export const closeFundingWindowHandler = defineHandler(closeFundingWindowJob, async ({ loanId }) => {
  await closeFundingWindow({ ctx: systemCtx("loans.close-funding-window"), input: { loanId } });
});
