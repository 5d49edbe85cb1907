import "server-only";
import { systemCtx } from "@/lib/context";
import { refreshSegments } from "@/lib/engagement";
import { defineHandler } from "../../types";
import { refreshSegmentsJob } from "./refresh-segments";

export const refreshSegmentsHandler = defineHandler(refreshSegmentsJob, async (payload) => {
  await refreshSegments({ ctx: systemCtx("engagement.refresh-segments"), input: payload });
});
