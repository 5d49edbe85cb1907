import "server-only";
import { matchLender } from "@/lib/autopurchase";
import { defineHandler } from "../../types";
import { matchLenderJob } from "./match-lender";

export const matchLenderHandler = defineHandler(matchLenderJob, async ({ lenderId }) => {
  await matchLender(lenderId);
});
