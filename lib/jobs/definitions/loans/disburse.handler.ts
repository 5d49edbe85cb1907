import "server-only";
import { systemCtx } from "@/lib/context";
import { disburseLoan } from "@/lib/loans";
import { defineHandler } from "../../types";
import { disburseLoanJob } from "./disburse";

export const disburseLoanHandler = defineHandler(disburseLoanJob, async ({ loanId }) => {
  await disburseLoan({ ctx: systemCtx("loans.disburse"), input: { loanId } });
});
