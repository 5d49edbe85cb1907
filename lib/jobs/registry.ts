import "server-only";
import type { JobDefinition } from "./types";
import { heartbeatJob } from "./definitions/system/heartbeat";

/** Every job the runner knows. Later areas add theirs here. */
export const JOBS: JobDefinition[] = [heartbeatJob as unknown as JobDefinition];

export function jobByName(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
