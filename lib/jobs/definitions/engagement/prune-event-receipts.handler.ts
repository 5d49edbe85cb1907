import "server-only";
import { getDb } from "@/db";
import { pruneEventReceipts } from "@/lib/engagement";
import { defineHandler } from "../../types";
import { pruneEventReceiptsJob } from "./prune-event-receipts";

export const pruneEventReceiptsHandler = defineHandler(pruneEventReceiptsJob, async () => {
  await pruneEventReceipts(getDb());
});
