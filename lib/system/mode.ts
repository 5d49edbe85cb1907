import "server-only";
import { env } from "@/lib/env";

/** Demo mode: the embedded database (or DEMO_MODE=true). Shows demo accounts and the time machine. */
export function isDemoMode(): boolean {
  return env().demoMode;
}
