import "server-only";
import { matchLoan } from "@/lib/autopurchase";
import { systemCtx } from "@/lib/context";
import { defineHandler } from "../../types";
import { matchLoanJob } from "./match-loan";

export const matchLoanHandler = defineHandler(matchLoanJob, async ({ loanId }) => {
  await matchLoan({ ctx: systemCtx("autopurchase.match"), input: { loanId } });
});
