import "server-only";
import { autoPurchaseTimeJump } from "@/lib/autopurchase";
import { goldTimeJump } from "@/lib/gold";
import { loansTimeJump } from "@/lib/loans";
import { eventPartitionsTimeJump, profilesTimeJump, segmentsTimeJump } from "@/lib/engagement";
import type { TimeJumpHook } from "./time-jump";

/**
 * What each area catches up after a time-machine jump (lib/system/time-machine.ts advanceClock runs
 * them in this order, in the jump's transaction). A new area with clock-driven work adds its hook here.
 */
export const TIME_JUMP_HOOKS: readonly TimeJumpHook[] = [eventPartitionsTimeJump, loansTimeJump, goldTimeJump, autoPurchaseTimeJump, profilesTimeJump, segmentsTimeJump];
