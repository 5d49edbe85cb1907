import "server-only";
import { beat } from "../../heartbeat";
import { defineHandler } from "../../types";
import { heartbeatJob } from "./heartbeat";

export const heartbeatHandler = defineHandler(heartbeatJob, async () => {
  await beat();
});
