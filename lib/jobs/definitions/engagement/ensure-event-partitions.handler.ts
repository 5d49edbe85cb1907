import "server-only";
import { getDb } from "@/db";
import { ensureCurrentEventPartitions } from "@/lib/engagement";
import { defineHandler } from "../../types";
import { ensureEventPartitionsJob } from "./ensure-event-partitions";

export const ensureEventPartitionsHandler = defineHandler(ensureEventPartitionsJob, async () => {
  await ensureCurrentEventPartitions(getDb());
});
